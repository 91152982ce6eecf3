"""m13 目标计划制定与 JBP: question bank, helpers, forms, and the widget-only path of the notebook."""

from __future__ import annotations

import copy

import openpyxl
import pytest

import kamlab as kl
from kamlab.course import m13
from kamlab.grading import Context, decode, encode

from workbook_runs import cell_errors, lost_points, run_answered

HIDDEN = 5
SWOT = {"strengths": ["感冒止咳增长 11%", "慢病用药占 30%"], "weaknesses": ["肠胃消化落后", "部分门店断货"],
        "opportunities": ["流感季", "ABC 新开门店"], "threats": ["竞品促销", "ABC 压缩库存"],
        "strategies": {"WO": ["新店同步铺货"]}}
SHARES = {"感冒止咳": 0.26, "肠胃消化": 0.13, "维矿补益": 0.2, "皮肤外用": 0.12, "慢病用药": 0.29}
OGSM = {"objective": "成为 ABC零售 增长最快的伙伴",
        "goals": [{"goal": "销售额", "target": 3576, "unit": "万元"}],
        "strategies": [{"strategy": "恢复铺货", "goals": ["销售额"]}, {"strategy": "旺季增量", "goals": ["销售额"]}],
        "measures": [{"measure": "补货", "strategy": "恢复铺货", "owner": "张伟", "metric": "铺货门店数", "target": 330},
                     {"measure": "陈列", "strategy": "旺季增量", "owner": "王磊", "metric": "同比增长", "target": 0.12}]}
STRATEGIES = [{"strategy": "恢复铺货", "owner": "张伟"}, {"strategy": "旺季增量", "owner": "王磊"}]
ACTIONS = {"actions": [{"action": "补货", "strategy": "恢复铺货", "owner": "张伟", "start": "2027-01-04",
                        "due": "2027-03-31", "budget": 10},
                       {"action": "主题陈列", "strategy": "旺季增量", "owner": "王磊", "start": "2027-10-08",
                        "due": "2027-12-31", "budget": 60}],
           "reviews": ["2027-03-26", "2027-06-25", "2027-09-24", "2027-12-17"]}


def _raw(variant: int, growth: float = 0.08) -> dict:
    sales = kl.datasets.load("retail_sales", variant=variant)
    q2 = m13.next_year_goal(sales, growth=growth)
    q3 = kl.planning.decompose(m13.goal_of(q2, sales), SHARES, by="category")
    q5 = {"year": 2027, "partner": "ABC零售", "brand_review": m13.brand_review(sales, findings=["肠胃消化落后"]),
          "brand_plan": m13.brand_plan(sales, q2, q3, quarters={"Q1": 0.27, "Q2": 0.23, "Q3": 0.24, "Q4": 0.26},
                                       strategies=STRATEGIES),
          "partner_review": ["促销执行 3/4 档"], "partner_finance": m13.PARTNER_FINANCE,
          "partner_targets": {"revenue": 55000, "investment": {"联合促销": 60}}, "actions": copy.deepcopy(ACTIONS)}
    return {"q1": SWOT, "q2": q2, "q3": q3, "q4": OGSM, "q5": q5, "q6": "先讲对方得到什么。"}


def _answers(variant: int, growth: float = 0.08) -> dict:
    return {k: decode(encode(v)) for k, v in _raw(variant, growth).items()}   # as the grader reads them back


def _grade(answers: dict, variant: int) -> dict:
    return m13.BANK.grade(answers, Context("m13", variant=variant))


def test_bank_structure():
    assert m13.BANK.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert m13.BANK.total_points == 17.0
    assert [q.key for q in m13.BANK.questions if q.manual] == ["q6"]
    assert m13.BANK.datasets == ("retail_sales",)


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert {k: v.ok for k, v in verdicts.items() if not v.manual} == {f"q{i}": True for i in range(1, 6)}


def test_baseline_and_goal_hand_computed():
    sales = kl.datasets.load("retail_sales")
    abc = sales[(sales["retailer_id"] == "R01") & (sales["month"] >= "2025-11")]
    assert len(abc) == 60
    assert m13.next_year_goal(sales, 0.08) == {"baseline": round(abc["sales"].sum(), 2), "growth": 0.08,
                                               "goal": round(round(abc["sales"].sum(), 2) * 1.08, 2)}
    assert m13.lagging_category(sales) == "肠胃消化"
    assert sum(m13.baseline_shares(sales).values()) == pytest.approx(1.0)
    assert sum(m13.quarter_shares(sales).values()) == pytest.approx(1.0)


def test_numbers_typed_from_variant_0_fail_on_the_hidden_variant():
    answers, typed = _answers(HIDDEN), _answers(0)
    for key in ("q2", "q3", "q5"):
        assert not _grade(dict(answers, **{key: typed[key]}), HIDDEN)[key].ok, key


def test_q2_consistency_with_the_growth_decision():
    answers = _answers(0)
    q2 = dict(answers["q2"], goal=answers["q2"]["goal"] * 1.01)
    assert "基数 × (1 + 增长率)" in _grade(dict(answers, q2=q2), 0)["q2"].reason_zh
    assert "0 到 0.5" in _grade(_answers(0, growth=0.6), 0)["q2"].reason_zh
    assert _grade(_answers(0, growth=0.15), 0)["q2"].ok


def test_q3_add_up_and_consistency_with_q2():
    answers = _answers(0)
    other = _answers(0, growth=0.12)
    v = _grade(dict(answers, q2=other["q2"]), 0)["q3"]          # q3 split the old goal
    assert not v.ok and "练习 2" in v.reason_zh
    sales = kl.datasets.load("retail_sales")
    four = {k: v for k, v in list(SHARES.items())[:4]}
    four["感冒止咳"] += 0.29
    q3 = decode(encode(kl.planning.decompose(m13.goal_of(answers["q2"], sales), four, by="category")))
    assert "全部 5 个品类" in _grade(dict(answers, q3=q3), 0)["q3"].reason_zh
    del answers["q2"]
    assert "练习 2" in _grade(answers, 0)["q3"].reason_zh


def test_q1_structure():
    answers = _answers(0)
    assert _grade(dict(answers, q1={**SWOT, "threats": ["竞品"]}), 0)["q1"].score == 1.0      # half of 2 points
    assert "对策" in _grade(dict(answers, q1={k: v for k, v in SWOT.items() if k != "strategies"}), 0)["q1"].reason_zh
    assert "格式" in _grade(dict(answers, q1={**SWOT, "threats": []}), 0)["q1"].reason_zh


def test_q4_structure():
    answers = _answers(0)
    bad = copy.deepcopy(OGSM)
    bad["goals"][0]["target"] = "增长"
    v = _grade(dict(answers, q4=bad), 0)["q4"]
    assert not v.ok and "target 不是数字" in v.reason_zh
    one = copy.deepcopy(OGSM)
    one["strategies"], one["measures"] = one["strategies"][:1], one["measures"][:1]
    assert "2 条策略" in _grade(dict(answers, q4=one), 0)["q4"].reason_zh


def test_q5_validates_and_adds_up_to_q2():
    answers = _answers(0)
    q5 = copy.deepcopy(answers["q5"])
    q5["actions"]["actions"][0]["owner"] = ""
    assert "负责人" in _grade(dict(answers, q5=q5), 0)["q5"].reason_zh
    q5 = copy.deepcopy(answers["q5"])
    q5["brand_plan"]["target"] *= 1.05
    q5["brand_plan"]["by_category"] = {k: v * 1.05 for k, v in q5["brand_plan"]["by_category"].items()}
    q5["brand_plan"]["by_quarter"] = {k: v * 1.05 for k, v in q5["brand_plan"]["by_quarter"].items()}
    v = _grade(dict(answers, q5=q5), 0)["q5"]
    assert not v.ok and "练习 2" in v.reason_zh and v.score == 2.0
    assert "2027" in _grade(dict(answers, q5={**answers["q5"], "year": 2026}), 0)["q5"].reason_zh


def test_export_writes_a_relative_xlsx_and_returns_markdown(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    md = m13.export_jbp(_raw(0)["q5"])
    assert "已导出：m13_jbp.xlsx（7 个工作表）" in capsys.readouterr().out
    assert openpyxl.load_workbook(tmp_path / "m13_jbp.xlsx").sheetnames[6] == "6 合作实施计划"
    assert "## 6. 经销商的下阶段生意合作实施计划" in md
    with pytest.raises(kl.BadValueError):
        m13.export_jbp(_raw(0)["q5"], str(tmp_path / "x.xlsx"))
    assert m13.export_jbp(...) is None


def test_forms_write_decisions_and_calls_never_numbers():
    sales = kl.datasets.load("retail_sales")
    form = m13.growth_form(sales)
    form.controls["growth"].value = 12
    assert form.line == "q2 = kl.course.m13.next_year_goal(sales, growth=0.12)"
    form = m13.shares_form(sales, ...)
    form.controls["感冒止咳"].value += 2
    form.controls["慢病用药"].value -= 2
    scope = {"kl": kl, "sales": sales, "q2": m13.next_year_goal(sales, 0.12)}
    exec(form.line, scope)
    assert scope["q3"].total == m13.next_year_goal(sales, 0.12)["goal"]
    assert "0.27" in form.line and "3999" not in form.line
    form = m13.jbp_form(sales, scope["q2"], scope["q3"])
    assert "brand_plan(sales, q2, q3" in form.line and "3,999" not in form.line


def test_forms_speak_english(capsys):
    kl.set_language("en")
    assert m13.growth_form(kl.datasets.load("retail_sales")).controls["growth"].description == "Growth (%)"
    assert m13.swot_form().controls["strengths"].description == "Strengths"
    capsys.readouterr()
    m13.swot_form()                            # empty boxes: the form says why, in English only
    text = capsys.readouterr().out
    assert "strengths (Strengths) is empty" in text and "优势" not in text


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    return {
        "q1": "\n".join([
            'form_q1.controls["strengths"].value = "感冒止咳增长快\\n慢病用药基本盘稳"',
            'form_q1.controls["weaknesses"].value = "肠胃消化落后\\n部分门店断货"',
            'form_q1.controls["opportunities"].value = "流感季\\nABC 新开门店"',
            'form_q1.controls["threats"].value = "竞品促销\\nABC 压缩库存"',
            'form_q1.controls["WO"].value = "借新店同步补齐铺货"']),
        "q2": 'form_q2.controls["growth"].value = 10',
        "q4": "\n".join([
            'form_q4.controls["objective"].value = "成为 ABC零售 增长最快的伙伴"',
            'g = form_q4.controls["goals"].cells',
            'g[0]["goal"].value, g[0]["target"].value, g[0]["unit"].value = "销售额", "3600", "万元"',
            's = form_q4.controls["strategies"].cells',
            's[0]["strategy"].value, s[0]["goals"].value = "恢复铺货", "销售额"',
            's[1]["strategy"].value, s[1]["goals"].value = "旺季增量", "销售额"',
            'm = form_q4.controls["measures"].cells',
            'm[0]["measure"].value, m[0]["strategy"].value, m[0]["owner"].value = "补货", "恢复铺货", "张伟"',
            'm[0]["metric"].value, m[0]["target"].value = "铺货门店数", "330"',
            'm[1]["measure"].value, m[1]["strategy"].value, m[1]["owner"].value = "陈列", "旺季增量", "王磊"',
            'm[1]["metric"].value, m[1]["target"].value = "同比增长", "0.12"']),
        "q5": "\n".join([
            'form_q5.controls["brand_findings"].value = "肠胃消化落后"',
            's = form_q5.controls["strategies"].cells',
            's[0]["strategy"].value, s[0]["owner"].value = "恢复铺货", "张伟"',
            's[1]["strategy"].value, s[1]["owner"].value = "旺季增量", "王磊"',
            'form_q5.controls["partner_findings"].value = "促销执行 3/4 档"',
            't = form_q5.controls["partner_targets"].cells',
            'for row, value in zip(t, ["55000", "0.28", "55", "45"]):\n    row["value"].value = value',
            'i = form_q5.controls["investment"].cells',
            'i[0]["item"].value, i[0]["amount"].value = "联合促销", "60"',
            'a = form_q5.controls["actions"].cells',
            'for row, values in zip(a, [("补货", "恢复铺货", "张伟", "2027-01-04", "2027-03-31", "10"),',
            '                           ("主题陈列", "旺季增量", "王磊", "2027-10-08", "2027-12-31", "60")]):',
            '    for column, value in zip(["action", "strategy", "owner", "start", "due", "budget"], values):',
            '        row[column].value = value',
            'form_q5.controls["reviews"].value = "2027-03-26, 2027-06-25, 2027-09-24, 2027-12-17"']),
    }.get(key, "")


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m13", tmp_path, variant=HIDDEN,
        operations={k: _operate(k) for k in ("q1", "q2", "q3", "q4", "q5") if _operate(k)},
        literals={"q6": 'q6 = "先讲 ABC 得到什么，再讲双方投入，最后讲每季度复盘。"'})
    assert cell_errors(executed) == []
    assert set(answers) == set(m13.BANK.keys())
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 14.0
    assert answers["q2"]["growth"] == 0.1
    assert (tmp_path / "m13_jbp.xlsx").exists()          # exported into the notebook's own folder
