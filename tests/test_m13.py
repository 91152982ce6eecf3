"""m13 目标计划制定与 JBP: question bank, checks against the data, the seed fixes, forms, and the widget-only path."""

from __future__ import annotations

import copy

import openpyxl
import pytest

import kamlab as kl
from kamlab.course import m13
from kamlab.grading import Context, decode, encode

from workbook_runs import cell_errors, lost_points, run_answered

HIDDEN = 5
STRATEGIES = [{"strategy": "恢复铺货", "owner": "张伟"}, {"strategy": "旺季增量", "owner": "王磊"}]
ACTIONS = {"actions": [{"action": "补货", "strategy": "恢复铺货", "owner": "张伟", "start": "2027-01-04",
                        "due": "2027-03-31", "budget": 10},
                       {"action": "主题陈列", "strategy": "旺季增量", "owner": "王磊", "start": "2027-10-08",
                        "due": "2027-12-31", "budget": 60}],
           "reviews": ["2027-03-26", "2027-06-25", "2027-09-24", "2027-12-17"]}


def _swot(lag: str) -> dict:
    return {"strengths": ["慢病用药基本盘稳", "团队熟悉 ABC"], "weaknesses": [f"{lag}落后", "部分门店断货"],
            "opportunities": ["流感季", "ABC 新开门店"], "threats": ["竞品促销", "ABC 压缩库存"],
            "strategies": {"WO": ["新店同步铺货"]}}


def _ogsm(lag: str) -> dict:
    return {"objective": "成为 ABC零售 增长最快的伙伴", "goals": [{"goal": "销售额", "target": 3600, "unit": "万元"}],
            "strategies": [{"strategy": f"恢复{lag}铺货", "goals": ["销售额"]},
                           {"strategy": "旺季增量", "goals": ["销售额"]}],
            "measures": [{"measure": "补货", "strategy": f"恢复{lag}铺货", "owner": "张伟", "metric": "铺货门店数",
                          "target": 330},
                         {"measure": "陈列", "strategy": "旺季增量", "owner": "王磊", "metric": "同比增长",
                          "target": 0.12}]}


def _shares(sales) -> dict:
    shares, lag = m13.baseline_shares(sales), m13.lagging_category(sales)
    other = max((k for k in shares if k != lag), key=shares.get)
    shares[lag] -= 1
    shares[other] += 1
    return shares


def _raw(variant: int, growth: float = 0.1) -> dict:
    sales = kl.datasets.load("retail_sales", variant=variant)
    lag = m13.lagging_category(sales)
    q5 = m13.split_goal(sales, growth, _shares(sales))
    q7 = {"year": 2027, "partner": "ABC零售", "partner_kind": "retailer",
          "brand_review": m13.brand_review(sales, findings=[f"{lag}落后"]),
          "brand_plan": m13.brand_plan(sales, growth, q5, quarters={"Q1": 27, "Q2": 23, "Q3": 24, "Q4": 26},
                                       strategies=STRATEGIES),
          "partner_review": ["促销执行 3/4 档"], "partner_finance": m13.PARTNER_FINANCE,
          "partner_targets": {"revenue": 55000, "investment": {"联合促销": 60}}, "actions": copy.deepcopy(ACTIONS)}
    return {"q1": lag, "q2": m13.leak(sales, lag), "q3": _swot(lag), "q4": growth, "q5": q5, "q6": _ogsm(lag),
            "q7": q7, "q8": "先讲对方得到什么。", "q9": "credit"}


def _answers(variant: int, growth: float = 0.1) -> dict:
    return {k: decode(encode(v)) for k, v in _raw(variant, growth).items()}   # as the grader reads them back


def _grade(answers: dict, variant: int) -> dict:
    return m13.BANK.grade(answers, Context("m13", variant=variant))


def test_bank_structure():
    assert m13.BANK.keys() == [f"q{i}" for i in range(1, 10)]
    assert m13.BANK.total_points == 24.0
    assert [q.key for q in m13.BANK.questions if q.manual] == ["q8"]
    assert [q.key for q in m13.BANK.questions if q.read] == ["q1", "q2", "q4", "q9"]
    assert m13.BANK.datasets == ("retail_sales",)


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_right_decisions_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert {k: v.ok for k, v in verdicts.items() if not v.manual} == {f"q{i}": True for i in (1, 2, 3, 4, 5, 6, 7, 9)}


def test_baseline_goal_and_funnel_hand_computed():
    sales = kl.datasets.load("retail_sales")
    abc = sales[(sales["retailer_id"] == "R01") & (sales["month"] >= "2025-11")]
    assert len(abc) == 60
    assert m13.next_year_goal(sales, 0.08) == {"baseline": round(abc["sales"].sum(), 2), "growth": 0.08,
                                               "goal": round(round(abc["sales"].sum(), 2) * 1.08, 2)}
    before = sales[(sales["retailer_id"] == "R01") & (sales["month"] < "2025-11")]
    assert m13.momentum(sales) == pytest.approx(abc["sales"].sum() / before["sales"].sum() - 1)
    assert m13.lagging_category(sales) == "肠胃消化"
    g = sales[(sales["retailer_id"] == "R01") & (sales["category"] == "肠胃消化")]
    now, then = g[g["month"] >= "2026-08"], g[(g["month"] >= "2025-08") & (g["month"] <= "2025-10")]
    change = m13.funnel(sales, "肠胃消化").table.set_index("part")["change"]
    assert change["stores"] == pytest.approx(now["stores"].mean() / then["stores"].mean() - 1, abs=1e-6)
    assert m13.leak(sales, "肠胃消化") == "stores"
    assert sum(m13.baseline_shares(sales).values()) == 100
    assert sum(m13.quarter_shares(sales).values()) == 100


def test_judgments_are_checked_on_the_variant_seen():
    """A literal pick right for variant 0 is wrong for the hidden variant, whose lagging category differs."""
    ctx0, ctx5 = Context("m13", variant=0), Context("m13", variant=HIDDEN)
    assert m13.BANK.grade({"q1": "肠胃消化"}, ctx0)["q1"].ok
    v = m13.BANK.grade({"q1": "肠胃消化"}, ctx5)["q1"]
    assert not v.ok and "达成" in v.reason_zh and "维矿补益" not in v.reason_zh      # never the answer


def test_reasons_say_what_is_wrong_with_this_answer():
    answers = _answers(0)
    sales = kl.datasets.load("retail_sales")
    assert "还没有选择" in _grade(dict(answers, q1=None), 0)["q1"].reason_zh
    assert "季节" in _grade(dict(answers, q2="season"), 0)["q2"].reason_zh
    shares = m13.baseline_shares(sales)
    shares["感冒止咳"] += 3
    v = _grade(dict(answers, q5=m13.split_goal(sales, 0.1, shares)), 0)["q5"]
    assert v.reason_zh.startswith("份额合计 103%，应为 100%")
    assert "还没有分配" in _grade(dict(answers, q5=m13.split_goal(sales, 0.1, dict.fromkeys(shares, 0))),
                                  0)["q5"].reason_zh
    assert "惯性增长" in _grade(dict(answers, q4=0.03), 0)["q4"].reason_zh
    assert "够得着" in _grade(dict(answers, q4=0.3), 0)["q4"].reason_zh
    assert "还没有做决定" in _grade(dict(answers, q4=0.0), 0)["q4"].reason_zh
    v = _grade(dict(answers, q9="rebate"), 0)["q9"]
    assert not v.ok and "增加 20.0 万元" in v.reason_zh


def test_split_that_does_not_add_up_is_recorded_not_raised():
    """Old behaviour: decompose raised BadValueError in the answer cell, then "还没有作答"."""
    sales = kl.datasets.load("retail_sales")
    split = m13.split_goal(sales, 0.1, {"感冒止咳": 60, "慢病用药": 43})
    assert split["total_share"] == 103.0


def test_swot_and_ogsm_must_answer_the_review():
    answers = _answers(0)
    swot = copy.deepcopy(answers["q3"])
    swot["weaknesses"] = ["人手紧", "预算少"]
    assert "劣势" in _grade(dict(answers, q3=swot), 0)["q3"].reason_zh
    assert "格式" in _grade(dict(answers, q3={**answers["q3"], "threats": []}), 0)["q3"].reason_zh
    ogsm = copy.deepcopy(answers["q6"])
    ogsm["strategies"], ogsm["measures"] = ogsm["strategies"][:1], ogsm["measures"][:1]
    assert "2 条策略" in _grade(dict(answers, q6=ogsm), 0)["q6"].reason_zh


def test_jbp_validates_follows_q4_and_names_the_partner():
    answers = _answers(0)
    q7 = copy.deepcopy(answers["q7"])
    q7["actions"]["actions"][0]["owner"] = ""
    assert "负责人" in _grade(dict(answers, q7=q7), 0)["q7"].reason_zh
    v = _grade(dict(answers, q4=0.12), 0)["q7"]
    assert not v.ok and "练习 4" in v.reason_zh
    assert "2027" in _grade(dict(answers, q7={**answers["q7"], "year": 2026}), 0)["q7"].reason_zh
    assert "零售客户" in _grade(dict(answers, q7={**answers["q7"], "partner_kind": "distributor"}), 0)["q7"].reason_zh


def test_jbp_headings_name_a_retail_partner_not_a_distributor(tmp_path, monkeypatch, capsys):
    """Issue 12: the JBP with ABC零售 was written under 经销商 headings."""
    monkeypatch.chdir(tmp_path)
    md = m13.export_jbp(_raw(0)["q7"])
    assert "已导出：m13_jbp.xlsx（7 个工作表）" in capsys.readouterr().out
    sheets = openpyxl.load_workbook(tmp_path / "m13_jbp.xlsx").sheetnames
    assert sheets[3] == "3 零售客户执行复盘" and not any("经销商" in s for s in sheets)
    assert "## 6. 零售客户的下阶段生意合作实施计划" in md and "经销商" not in md
    with pytest.raises(kl.BadValueError):
        m13.export_jbp(_raw(0)["q7"], str(tmp_path / "x.xlsx"))
    assert m13.export_jbp(...) is None


def test_five_dimensions_are_the_seeds_funnel_variables():
    """Issue 12: 五维分解 listed invented dimensions (品类、季度、区域/客户、门店、人员)."""
    assert list(kl.planning.DRIVERS) == ["stores", "distribution", "sell_through", "units_per_store", "price"]
    import nbformat
    from pathlib import Path
    nb = nbformat.read(Path(__file__).resolve().parents[1] / "solutions" / "m13_goals_jbp.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "区域/客户、门店、人员" not in text
    assert "门店数 × 铺货率 × 动销率 × 单店销量 × 单价" in text and "讲义只给出" in text


def test_distributor_profit_charges_the_money_tied_up():
    p = kl.planning.distributor_profit(10000, 0.08, rebate_rate=0.02, expense_rate=0.06, inventory_days=45,
                                       receivable_days=60, payable_days=30)
    cogs = 9200
    working = cogs * 45 / 365 + 10000 * 60 / 365 - cogs * 30 / 365
    assert p.net_profit == pytest.approx(800 + 200 - 600 - working * 0.06, abs=1e-3)
    assert m13.best_lever() == "credit"          # 60 → 30 days of customer credit frees the most money


def test_forms_are_live_and_start_neutral():
    sales = kl.datasets.load("retail_sales")
    form = m13.growth_form(sales)
    assert form.line == "q4 = 0" and "还没有做决定" in form.text
    form.controls["growth"].value = 11
    assert form.line == "q4 = 0.11" and "(1 + 11%)" in form.text and "8.0%" not in form.text
    form = m13.shares_form(sales, 0.1)
    for k, v in m13.baseline_shares(sales).items():
        form.controls[k].value = v
    assert "份额合计 100%" in form.text
    form.controls["感冒止咳"].value += 3
    assert "份额合计 103%，应为 100%" in form.text
    form = m13.lagging_form(sales)
    assert form.line == "q1 = None"
    form = m13.jbp_form(sales, 0.1, ...)
    assert "brand_plan(sales, q4, q5" in form.line and "季度份额合计 0%" in form.text
    form = m13.pitch_form()
    form.controls["text"].value = "先讲对方的利益"
    assert form.line == "q8 = '先讲对方的利益'"


def test_forms_speak_english(capsys):
    kl.set_language("en")
    try:
        assert m13.growth_form(kl.datasets.load("retail_sales")).controls["growth"].description == "Growth (%)"
        assert m13.swot_form().controls["strengths"].description == "Strengths"
        capsys.readouterr()
        text = m13.swot_form().text                # empty boxes: the form says why, in English only
        assert "strengths (Strengths) is empty" in text and "优势" not in text
    finally:
        kl.set_language("zh")


# ----------------------------------------------------------------------------- the widget-only path
_LAG = "kl.course.m13.lagging_category(sales)"


def _operate(key: str) -> str:
    return {
        "q1": f'form_q1.controls["category"].value = {_LAG}',
        "q2": 'form_q2.controls["stage"].value = "stores"',
        "q3": "\n".join([
            'form_q3.controls["strengths"].value = "慢病用药基本盘稳\\n团队熟悉 ABC"',
            f'form_q3.controls["weaknesses"].value = {_LAG} + "落后\\n部分门店断货"',
            'form_q3.controls["opportunities"].value = "流感季\\nABC 新开门店"',
            'form_q3.controls["threats"].value = "竞品促销\\nABC 压缩库存"',
            'form_q3.controls["WO"].value = "借新店同步补齐铺货"']),
        "q4": "form_q4.controls['growth'].value = round(kl.course.m13.momentum(sales) * 100) + 3",
        "q5": "\n".join([
            "_s = kl.course.m13.baseline_shares(sales)",
            f"_lag = {_LAG}",
            "_other = max((k for k in _s if k != _lag), key=_s.get)",
            "_s[_lag] -= 1; _s[_other] += 1",
            "for _k, _v in _s.items():\n    form_q5.controls[_k].value = _v"]),
        "q6": "\n".join([
            'form_q6.controls["objective"].value = "成为 ABC零售 增长最快的伙伴"',
            'g = form_q6.controls["goals"].cells',
            'g[0]["goal"].value, g[0]["target"].value, g[0]["unit"].value = "销售额", "3600", "万元"',
            's = form_q6.controls["strategies"].cells',
            f's[0]["strategy"].value, s[0]["goals"].value = "恢复" + {_LAG} + "铺货", "销售额"',
            's[1]["strategy"].value, s[1]["goals"].value = "旺季增量", "销售额"',
            'm = form_q6.controls["measures"].cells',
            f'm[0]["measure"].value, m[0]["strategy"].value, m[0]["owner"].value = "补货", "恢复" + {_LAG} + "铺货", "张伟"',
            'm[0]["metric"].value, m[0]["target"].value = "铺货门店数", "330"',
            'm[1]["measure"].value, m[1]["strategy"].value, m[1]["owner"].value = "陈列", "旺季增量", "王磊"',
            'm[1]["metric"].value, m[1]["target"].value = "同比增长", "0.12"']),
        "q7": "\n".join([
            'form_q7.controls["brand_findings"].value = "落后品类断货"',
            'for _q, _v in kl.course.m13.quarter_shares(sales).items():\n    form_q7.controls[_q].value = _v',
            's = form_q7.controls["strategies"].cells',
            's[0]["strategy"].value, s[0]["owner"].value = "恢复铺货", "张伟"',
            's[1]["strategy"].value, s[1]["owner"].value = "旺季增量", "王磊"',
            'form_q7.controls["partner_findings"].value = "促销执行 3/4 档"',
            't = form_q7.controls["partner_targets"].cells',
            'for row, value in zip(t, ["55000", "0.28", "55", "45"]):\n    row["value"].value = value',
            'i = form_q7.controls["investment"].cells',
            'i[0]["item"].value, i[0]["amount"].value = "联合促销", "60"',
            'a = form_q7.controls["actions"].cells',
            'for row, values in zip(a, [("补货", "恢复铺货", "张伟", "2027-01-04", "2027-03-31", "10"),',
            '                           ("主题陈列", "旺季增量", "王磊", "2027-10-08", "2027-12-31", "60")]):',
            '    for column, value in zip(["action", "strategy", "owner", "start", "due", "budget"], values):',
            '        row[column].value = value',
            'form_q7.controls["reviews"].value = "2027-03-26, 2027-06-25, 2027-09-24, 2027-12-17"']),
        "q9": 'form_q9.controls["lever"].value = "credit"',
        "q8": 'form_q8.controls["text"].value = "先讲 ABC 得到什么，再讲双方投入，最后讲每季度复盘。"',
    }[key]


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m13", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m13.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == set(m13.BANK.keys())
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 21.0
    assert answers["q1"] == "维矿补益" and answers["q8"].startswith("先讲 ABC")
    assert (tmp_path / "m13_jbp.xlsx").exists()          # exported into the notebook's own folder
