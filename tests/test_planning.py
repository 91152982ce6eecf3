"""kamlab.planning: SWOT, OGSM, goal decomposition and the JBP (hand-computed cases, bad input, exports)."""

from __future__ import annotations

import copy

import matplotlib
import openpyxl
import pytest

import kamlab as kl
from kamlab import BadSpecError, BadValueError
from kamlab.planning import JBP, OGSM, decompose, swot

SWOT = {"strengths": ["感冒止咳增长 11%", "慢病用药占 30%"], "weaknesses": ["肠胃消化断货"],
        "opportunities": ["流感季"], "threats": ["竞品促销"], "strategies": {"WO": ["新店同步铺货"]}}
OGSM_SPEC = {
    "objective": "成为 ABC零售 增长最快的伙伴",
    "goals": [{"goal": "销售额", "target": 3600, "unit": "万元"}, {"goal": "铺货门店", "target": 330}],
    "strategies": [{"strategy": "恢复铺货", "goals": ["铺货门店"]}, {"strategy": "旺季增量", "goals": ["销售额"]}],
    "measures": [{"measure": "补货", "strategy": "恢复铺货", "owner": "张伟", "metric": "铺货门店数", "target": 330},
                 {"measure": "主题陈列", "strategy": "旺季增量", "owner": "王磊", "metric": "同比增长", "target": 0.12}],
}


def jbp_spec() -> dict:
    return {
        "year": 2027, "partner": "ABC零售",
        "brand_review": {"sales": 1000, "by_category": {"A": 600, "B": 400}, "findings": ["A 增长 10%"]},
        "brand_plan": {"target": 1100, "by_category": {"A": 660, "B": 440},
                       "by_quarter": {"Q1": 300, "Q2": 250, "Q3": 250, "Q4": 300},
                       "strategies": [{"strategy": "补铺货", "owner": "张伟"}, {"strategy": "旺季促销", "owner": "王磊"}]},
        "partner_review": {"findings": ["促销执行 3/4 档"]},
        "partner_finance": {"revenue": 52000, "gross_margin": 0.27},
        "partner_targets": {"revenue": 55000, "investment": {"联合促销": 60}},
        "actions": {"actions": [
            {"action": "断货补货", "strategy": "补铺货", "owner": "李娜", "start": "2027-01-04", "due": "2027-03-31",
             "budget": 10},
            {"action": "流感季陈列", "strategy": "旺季促销", "owner": "王磊", "start": "2027-10-08",
             "due": "2027-12-31", "budget": 60}],
            "reviews": ["2027-03-26", "2027-06-25", "2027-09-24", "2027-12-17"]},
    }


def rules(problems) -> list[str]:
    return [p.rule for p in problems]


# ----------------------------------------------------------------------------- SWOT
def test_swot_table_and_chart():
    s = swot(SWOT)
    assert s.table["quadrant"].tolist() == ["strengths", "strengths", "weaknesses", "opportunities", "threats", "WO"]
    assert s.items["strengths"] == ["感冒止咳增长 11%", "慢病用药占 30%"]
    ax = s.plot()
    texts = [t.get_text() for t in ax.texts]
    assert {"优势 S", "劣势 W", "机会 O", "威胁 T"} <= set(texts)
    assert isinstance(ax, matplotlib.axes.Axes)


def test_swot_accepts_short_and_chinese_keys_and_strips_items():
    s = swot({"S": [" 甲 "], "劣势": "乙", "o": ["丙"], "威胁": ["丁"]})
    assert s.items == {"strengths": ["甲"], "weaknesses": ["乙"], "opportunities": ["丙"], "threats": ["丁"]}
    assert s.strategies == {}


def test_swot_chart_speaks_english():
    kl.set_language("en")
    ax = swot(SWOT).plot()
    assert "Strengths" in [t.get_text() for t in ax.texts] and ax.get_title() == "SWOT analysis"


# ----------------------------------------------------------------------------- OGSM
def test_ogsm_valid_and_table():
    plan = OGSM(OGSM_SPEC)
    assert plan.validate() == [] and plan.ok
    assert plan.table["level"].tolist() == ["O", "G", "G", "S", "S", "M", "M"]
    assert plan.plot().get_title() == "OGSM：目的 → 目标 → 策略 → 衡量"


@pytest.mark.parametrize("change, rule, row", [
    (lambda s: s["goals"][1].update(target="更多"), "goal_number", 2),
    (lambda s: s["goals"][0].pop("target"), "goal_number", 1),
    (lambda s: s["strategies"][0].update(goals=["市场份额"]), "strategy_goal", 1),
    (lambda s: s["measures"].pop(1), "strategy_measures", 2),
    (lambda s: s["measures"][0].update(owner=" "), "measure_owner", 1),
    (lambda s: s["measures"][1].update(strategy="别的策略"), "measure_strategy", 2),
    (lambda s: s["measures"][1].update(target=None), "measure_metric", 2),
    (lambda s: s.update(objective=""), "objective", None),
])
def test_ogsm_rules(change, rule, row):
    spec = copy.deepcopy(OGSM_SPEC)
    change(spec)
    problems = OGSM(spec).validate()
    assert rule in rules(problems)
    hit = next(p for p in problems if p.rule == rule)
    assert hit.row == row
    if row is not None:
        assert f"第 {row} 项" in hit.zh and f"item {row}" in hit.en


def test_ogsm_strategy_without_measures_also_reports_the_orphan_measure():
    spec = copy.deepcopy(OGSM_SPEC)
    spec["measures"][1]["strategy"] = "旺季"   # typo: the measure is orphaned and the strategy has none
    assert rules(OGSM(spec).validate()) == ["strategy_measures", "measure_strategy"]


# ----------------------------------------------------------------------------- decompose
def test_decompose_shares_hand_computed():
    d = decompose(3576.2, {"感冒止咳": 0.26, "肠胃消化": 0.13, "维矿补益": 0.2, "皮肤外用": 0.12, "慢病用药": 0.29})
    assert d.targets() == {"感冒止咳": 929.81, "肠胃消化": 464.91, "维矿补益": 715.24, "皮肤外用": 429.14,
                           "慢病用药": 1037.1}
    assert d.table["mover"].unique().tolist() == ["铺货率 × 单店产出"]
    assert d.kind == "shares" and d.dimensions == ("category",)


def test_decompose_amounts_and_movers():
    d = decompose(1000, {"北区": 600, "南区": 400}, by="region", movers={"南区": "新开门店数"})
    assert d.table["share"].tolist() == [0.6, 0.4]
    assert d.table["mover"].tolist() == ["覆盖门店数 × 单店产出", "新开门店数"]


def test_decompose_two_dimensions_grid():
    d = decompose(1000, {"category": {"A": 0.7, "B": 0.3}, "quarter": {"Q1": 0.4, "Q2": 0.2, "Q3": 0.1, "Q4": 0.3}},
                  by=["category", "quarter"])
    grid = d.grid("category", "quarter")
    assert grid.loc["A", "Q1"] == 280.0 and grid.loc["B", "Q4"] == 90.0
    assert float(grid.to_numpy().sum()) == pytest.approx(1000)
    assert d.targets("quarter") == {"Q1": 400.0, "Q2": 200.0, "Q3": 100.0, "Q4": 300.0}


@pytest.mark.parametrize("shares, ok", [
    ({"A": 0.5, "B": 0.504}, True),     # within 0.5 %
    ({"A": 0.5, "B": 0.496}, True),
    ({"A": 0.5, "B": 0.506}, False),
    ({"A": 0.5, "B": 0.49}, False),
])
def test_decompose_add_up_tolerance(shares, ok):
    if ok:
        d = decompose(100, shares)
        assert float(d.table["share"].sum()) == pytest.approx(1.0)   # normalised
    else:
        with pytest.raises(BadValueError) as err:
            decompose(100, shares)
        assert err.value.column == "category" and "category" in err.value.zh and "category" in err.value.en


def test_decompose_tolerance_can_be_tightened():
    with pytest.raises(BadValueError):
        decompose(100, {"A": 0.5, "B": 0.504}, tol=0.001)


def test_decompose_amounts_tolerance_is_relative():
    assert decompose(1000, {"A": 600, "B": 404}).targets() == {"A": 597.61, "B": 402.39}
    with pytest.raises(BadValueError):
        decompose(1000, {"A": 600, "B": 410})


def test_decompose_drivers_hand_computed():
    base = {"stores": 300, "distribution": 0.8, "sell_through": 0.75, "units_per_store": 40}
    target = {"stores": 330, "distribution": 0.8, "sell_through": 0.75, "units_per_store": 44}
    d = decompose(8712, target, by="drivers", baseline=base)    # 330 * 0.8 * 0.75 * 44 = 8712
    t = d.table.set_index("part")
    assert t.loc["stores", "change"] == pytest.approx(0.1) and t.loc["units_per_store", "change"] == pytest.approx(0.1)
    assert t.loc["stores", "share_of_growth"] == pytest.approx(0.5)
    assert float(t["share_of_growth"].sum()) == pytest.approx(1.0)
    assert t.loc["distribution", "mover"] == "铺货率" and "补铺货" in t.loc["distribution", "lever"]
    with pytest.raises(BadValueError) as err:
        decompose(8000, target, by="drivers")
    assert err.value.column == "drivers" and "8,712.00" in err.value.zh and "8,712.00" in err.value.en
    assert d.plot().get_title() == "目标分解：驱动因素的变化（相对基期）"


def test_decompose_leaves_input_unchanged():
    parts = {"category": {"A": 60, "B": 40}, "quarter": {"Q1": 0.5, "Q2": 0.5}}
    before = copy.deepcopy(parts)
    decompose(100, parts, by=["category", "quarter"])
    assert parts == before


# ----------------------------------------------------------------------------- JBP
def test_jbp_valid_and_summary():
    plan = JBP(jbp_spec())
    assert plan.validate() == [] and plan.ok
    assert plan.table["items"].tolist() == [4, 9, 1, 2, 2, 6]
    assert plan.target == 1100.0
    ax = plan.plot()
    assert "+10.0%" in [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("change, rule, row", [
    (lambda s: s["brand_plan"]["by_category"].update(B=400), "split_sum", None),
    (lambda s: s["brand_plan"]["by_quarter"].update(Q4=250), "split_sum", None),
    (lambda s: s["brand_plan"]["by_quarter"].pop("Q4"), "quarter_name", None),
    (lambda s: s["brand_plan"].pop("by_category"), "split_missing", None),
    (lambda s: s["brand_plan"].update(target="增长"), "target_number", None),
    (lambda s: s["brand_plan"]["strategies"][1].update(owner=""), "strategy_owner", 2),
    (lambda s: s["actions"]["actions"].pop(1), "strategy_actions", 2),
    (lambda s: s["actions"]["actions"][0].update(strategy="别的"), "action_strategy", 1),
    (lambda s: s["actions"]["actions"][1].update(owner=None), "action_owner", 2),
    (lambda s: s["actions"]["actions"][1].update(due="2028-01-15"), "action_dates", 2),
    (lambda s: s["actions"]["actions"][0].update(start="2027-04-01"), "action_dates", 1),
    (lambda s: s["actions"]["actions"][0].update(start="一月"), "action_dates", 1),
    (lambda s: s["actions"]["actions"][0].update(budget=-5), "action_budget", 1),
    (lambda s: s["actions"].update(reviews=["2027-03-26", "2027-06-25"]), "review_dates", None),
    (lambda s: s["actions"]["reviews"].append("2026-12-20"), "review_outside", 5),
    (lambda s: s.pop("partner_review"), "part_missing", None),
    (lambda s: s["partner_targets"].update(revenue="5.5亿"), "finance_number", None),
    (lambda s: s["brand_review"].update(findings=[]), "findings", None),
])
def test_jbp_rules(change, rule, row):
    spec = jbp_spec()
    change(spec)
    problems = JBP(spec).validate()
    assert rule in rules(problems), rules(problems)
    hit = next(p for p in problems if p.rule == rule)
    assert hit.row == row
    if row is not None:
        assert str(row) in hit.zh and str(row) in hit.en


def test_jbp_add_up_tolerance():
    spec = jbp_spec()
    spec["brand_plan"]["by_category"] = {"A": 660, "B": 445}     # 1105: +0.45 %, within 0.5 %
    assert JBP(spec).validate() == []
    spec["brand_plan"]["by_category"] = {"A": 660, "B": 446}     # 1106: +0.55 %
    problem = JBP(spec).validate()[0]
    assert problem.rule == "split_sum" and "+6.00" in problem.zh and "+6.00" in problem.en
    assert JBP(spec, tol=0.01).validate() == []


def test_jbp_to_xlsx_read_back(tmp_path):
    path = JBP(jbp_spec()).to_xlsx(tmp_path / "jbp.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["JBP", "1 品牌生意回顾", "2 品牌生意计划", "3 经销商执行复盘", "4 经销商财务回顾",
                               "5 经销商财务目标", "6 合作实施计划"]
    plan = [row for row in book["2 品牌生意计划"].iter_rows(values_only=True)]
    assert plan[0] == ("dimension", "item", "target", "owner")
    assert ("total", "合计", 1100, None) in plan and ("by_quarter", "Q3", 250, None) in plan
    assert ("strategy", "补铺货", None, "张伟") in plan
    actions = list(book["6 合作实施计划"].iter_rows(values_only=True))
    assert actions[1] == ("断货补货", "补铺货", "李娜", "2027-01-04", "2027-03-31", 10)
    assert len(actions) == 1 + 2 + 4           # header, 2 actions, 4 review meetings
    targets = list(book["5 经销商财务目标"].iter_rows(values_only=True))
    assert ("investment: 联合促销", 60) in targets


def test_jbp_to_xlsx_english_sheet_names(tmp_path):
    kl.set_language("en")
    book = openpyxl.load_workbook(JBP(jbp_spec()).to_xlsx(tmp_path / "jbp.xlsx"))
    assert book.sheetnames[1:3] == ["1 Brand review", "2 Brand plan"]


def test_jbp_markdown():
    md = JBP(jbp_spec()).to_markdown()
    lines = md.splitlines()
    assert lines[0] == "# ABC零售 2027 联合生意计划（JBP）"
    for n, title in enumerate(["品牌厂商的上阶段生意回顾", "品牌厂商的下阶段生意计划", "经销商的上阶段实施情况复盘",
                               "经销商的上阶段经营财务状况回顾", "经销商的下阶段经营财务目标与计划",
                               "经销商的下阶段生意合作实施计划"], start=1):
        assert f"## {n}. {title}" in lines
    assert "| 断货补货 | 补铺货 | 李娜 | 2027-01-04 | 2027-03-31 | 10 |" in lines
    assert "| total | 合计 | 1,100 |  |" in lines
    assert md.rstrip().endswith("✓ JBP 各部分齐全、目标加总一致、每条策略都有行动和负责人。")
    spec = jbp_spec()
    spec["actions"]["actions"][0]["owner"] = ""
    assert "✗ actions 第 1 项「断货补货」没有负责人（owner）。" in JBP(spec).to_markdown()


def test_jbp_leaves_input_unchanged(tmp_path):
    spec = jbp_spec()
    before = copy.deepcopy(spec)
    plan = JBP(spec)
    plan.validate(), plan.to_markdown(), plan.to_xlsx(tmp_path / "x.xlsx")
    assert spec == before


# ----------------------------------------------------------------------------- bad input
@pytest.mark.parametrize("call, error, column, row, zh_word, en_word", [
    (lambda: swot(["优势"]), BadSpecError, "swot", None, "字典", "dict"),
    (lambda: swot({**SWOT, "threats": []}), BadSpecError, "threats", None, "threats", "threats"),
    (lambda: swot({k: v for k, v in SWOT.items() if k != "opportunities"}), BadSpecError, "opportunities", None,
     "opportunities", "opportunities"),
    (lambda: swot({**SWOT, "weaknesses": ["断货", " "]}), BadValueError, "weaknesses", 2, "第 2 项", "item 2"),
    (lambda: swot({**SWOT, "strenghts": ["x"]}), BadSpecError, "strenghts", None, "strengths", "strengths"),
    (lambda: swot({**SWOT, "strategies": {"SX": ["x"]}}), BadSpecError, "strategies", None, "SO", "SO"),
    (lambda: OGSM({**OGSM_SPEC, "goal": []}), BadSpecError, "goal", None, "goals", "goals"),
    (lambda: OGSM({**OGSM_SPEC, "measures": [OGSM_SPEC["measures"][0], 5]}), BadSpecError, "measures", 2,
     "第 2 项", "item 2"),
    (lambda: decompose(-5, {"A": 1}), BadValueError, "total", None, "total", "total"),
    (lambda: decompose(100, {"A": 0.5, "B": "一半"}), BadValueError, "category", "B", "B", "B"),
    (lambda: decompose(100, {"A": 50, "B": 50, "C": 0.0}, by="quarter"), None, None, None, None, None),
    (lambda: decompose(100, {"A": 60, "B": 41}, by="quarter"), BadValueError, "quarter", None, "quarter", "quarter"),
    (lambda: decompose(100, {"A": 60.0, "B": 40.0, "C": 0}, by=[]), BadSpecError, "by", None, "by", "by"),
    (lambda: decompose(100, {"stores": 10, "shelf": 10}, by="drivers"), BadSpecError, "drivers", "shelf", "shelf",
     "shelf"),
    (lambda: JBP({**jbp_spec(), "year": "2027"}), BadSpecError, "year", None, "year", "year"),
    (lambda: JBP({**jbp_spec(), "brandplan": {}}), BadSpecError, "brandplan", None, "brand_plan", "brand_plan"),
    (lambda: JBP({**jbp_spec(), "partner_finance": [1, 2]}), BadSpecError, "partner_finance", None,
     "partner_finance", "partner_finance"),
    (lambda: JBP({**jbp_spec(), "actions": {"actions": [{"action": "a"}, "补货"]}}), BadSpecError, "actions", 2,
     "第 2 项", "item 2"),
    (lambda: JBP({**jbp_spec(), "brand_plan": {"target": 1, "strategies": [3]}}), BadSpecError,
     "brand_plan.strategies", 1, "第 1 项", "item 1"),
])
def test_bad_input_names_field_and_row_in_both_languages(call, error, column, row, zh_word, en_word):
    if error is None:          # a zero part is allowed
        call()
        return
    with pytest.raises(error) as err:
        call()
    e = err.value
    assert e.column == column and e.row == row
    assert zh_word in e.zh and en_word in e.en
    assert e.zh != e.en


def test_percentages_instead_of_fractions_are_named():
    with pytest.raises(BadValueError) as err:
        decompose(3000, {"A": 60, "B": 40})
    assert "0.25" in err.value.zh and "fractions" in err.value.en


def test_messages_follow_the_language():
    spec = copy.deepcopy(OGSM_SPEC)
    spec["goals"][0]["target"] = "多"
    kl.set_language("en")
    assert str(OGSM(spec).validate()[0]).startswith("goals item 1 '销售额': target is not a number")
