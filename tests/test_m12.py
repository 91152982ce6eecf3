"""m12 生意复盘洞察: question bank, decisions checked against the data, forms, and the widget-only path."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import m12
from kamlab.grading import Context, decode, encode

from workbook_runs import cell_errors, check_texts, lost_points, run_answered, run_unanswered

ROOT = Path(__file__).resolve().parents[1]
HIDDEN = 5
QUIZ_ANSWER = {"A": "诊断", "B": "预测", "C": "探索", "D": "监控", "E": "评估"}


def _ctx(variant: int, **answers) -> Context:
    return Context("m12", variant=variant, answers=answers)


def _abc(variant: int) -> pd.DataFrame:
    return m12.abc(kl.datasets.load("retail_sales", variant=variant))


def _answers(variant: int) -> dict:
    """The decisions a trainee who reads the data right makes on *variant*."""
    abc = _abc(variant)
    sc = kl.review.scorecard(abc, by="category", period=3)
    return {
        "q1": dict(QUIZ_ANSWER),
        "q2": kl.review.audit(m12.raw_export(abc)).bad_rows,
        "q3": sc,
        "q4": kl.datasets.planted("retail_sales", variant=variant)["lagging_category"],
        "q5": str(m12.growth_table(abc)["yoy"].idxmax()),
        "q6": kl.review.forecast(abc, horizon=3, method="seasonal_growth", window=3),
        "q7": "stores",
        "q8": "W … C … C … D … A … R …",
    }


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m12.BANK
    assert bank.keys() == [f"q{i}" for i in range(1, 9)]
    assert bank.total_points == 20.0
    assert [q.key for q in bank.questions if q.manual] == ["q8"]
    assert {q.key for q in bank.questions if q.read} == {"q2", "q4", "q5", "q7"}
    assert {q.key for q in bank.questions if q.on == "seen"} == {"q1", "q2", "q4", "q5", "q7"}
    assert kl.course.get_bank("m12") is bank
    assert sorted(c for _, _, c in m12.QUIZ.values()) == sorted(kl.review.PURPOSES)


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_right_decisions_get_full_marks(variant):
    verdicts = m12.BANK.grade(_answers(variant), _ctx(variant))
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 17.0


def test_answers_survive_the_json_round_trip():
    answers = {k: decode(encode(v)) for k, v in _answers(HIDDEN).items()}
    assert lost_points(m12.BANK.grade(answers, _ctx(HIDDEN))) == {}


def test_numbers_typed_from_variant_0_fail_on_the_hidden_variant():
    typed = _answers(0)
    typed["q3"] = typed["q3"].table.copy()
    typed["q6"] = typed["q6"].table.copy()
    verdicts = m12.BANK.grade(typed, _ctx(HIDDEN))
    assert not verdicts["q3"].ok and not verdicts["q6"].ok


def test_literal_choices_are_judged_on_the_variant_the_trainee_saw():
    """A trainee on variant 0 picks 肠胃消化; the grader re-runs on variant 5 where another category lags."""
    seen = _answers(0)
    ctx = Context("m12", variant=HIDDEN, seen_variant=0)
    for key in ("q1", "q2", "q4", "q5", "q7"):
        assert m12.BANK.check(key, seen[key], ctx).ok, key
    assert not m12.BANK.check("q4", seen["q4"], _ctx(HIDDEN)).ok     # on the hidden data it is another one


# ----------------------------------------------------------------------------- the checks judge decisions
def test_untouched_and_empty_answers_say_nothing_was_chosen():
    ctx = _ctx(0)
    for key, blank in (("q1", {k: None for k in "ABCDE"}), ("q2", []), ("q3", None), ("q4", None),
                       ("q5", None), ("q6", None), ("q7", None)):
        v = m12.BANK.check(key, blank, ctx)
        assert not v.ok and v.score == 0 and "还没有" in v.reason_zh, key


def test_q2_deleting_a_real_fall_is_not_tidying():
    abc = _abc(0)
    raw = m12.raw_export(abc)
    bad = kl.review.audit(raw).bad_rows
    lag_rows = raw.loc[raw["category"] == "肠胃消化", "row"].tolist()
    v = m12.BANK.check("q2", bad + lag_rows, _ctx(0))
    assert not v.ok and v.score == 0 and lag_rows[0] in v.reason_zh and "有效数据" in v.reason_zh
    partial = m12.BANK.check("q2", bad[:2], _ctx(0))
    assert not partial.ok and "2 行" in partial.reason_zh
    assert not m12.BANK.check("q2", ["#99"], _ctx(0)).ok


def test_q3_wrong_period_grouping_and_retailers():
    abc = _abc(0)
    year = m12.BANK.check("q3", kl.review.scorecard(abc, by="category", period=12), _ctx(0))
    assert not year.ok and "12" in year.reason_zh
    month = m12.BANK.check("q3", kl.review.scorecard(abc, by="month", period=3), _ctx(0))
    assert not month.ok and "品类" in month.reason_zh
    everyone = m12.BANK.check("q3", kl.review.scorecard(kl.datasets.load("retail_sales"), period=3), _ctx(0))
    assert not everyone.ok and "ABC Retail alone" in everyone.reason_en


def test_q4_seasonal_dip_and_big_category_fail_without_revealing_the_answer():
    v = m12.BANK.check("q4", "皮肤外用", _ctx(0))        # fell on last quarter (season), on target
    assert not v.ok and "已经完成了目标" in v.reason_zh and "肠胃消化" not in v.reason_zh
    v = m12.BANK.check("q4", "慢病用药", _ctx(0))
    assert not v.ok and "肠胃消化" not in v.reason_zh


def test_q5_real_growth_is_year_on_year_not_the_seasonal_rise():
    v = m12.BANK.check("q5", "感冒止咳", _ctx(0))
    assert not v.ok and "季节" in v.reason_zh
    assert m12.BANK.check("q5", "皮肤外用", _ctx(0)).ok


def test_q6_only_a_seasonal_method_with_growth_over_a_quarter_passes():
    abc = _abc(0)
    check = lambda m, w: m12.BANK.check("q6", kl.review.forecast(abc, horizon=3, method=m, window=w), _ctx(0))
    assert check("seasonal_growth", 3).ok and check("seasonal_growth", 6).ok
    assert not check("moving_average", 3).ok and "季节" in check("moving_average", 3).reason_zh
    assert not check("seasonal_naive", 3).ok
    assert not check("seasonal_growth", 1).ok
    table = kl.review.forecast(abc, method="seasonal_naive").table.copy()
    table["method"] = "seasonal_growth"
    assert not m12.BANK.check("q6", table, _ctx(0)).ok


def test_q7_the_driver_is_read_from_year_on_year_split():
    for variant in (0, 1, 2, 3, HIDDEN):
        abc = _abc(variant)
        lag = kl.datasets.planted("retail_sales", variant=variant)["lagging_category"]
        main = kl.review.drivers(abc).table.loc[lag, "main"]
        assert m12.BANK.check("q7", main, _ctx(variant)).ok
    for wrong in ("target", "season", "per_store"):
        assert not m12.BANK.check("q7", wrong, _ctx(0)).ok


# ----------------------------------------------------------------------------- tools behind the new items
def test_drivers_split_sales_growth_exactly():
    t = kl.review.drivers(_abc(0)).table
    lhs = 1 + t["sales_growth"]
    rhs = (1 + t["stores_growth"]) * (1 + t["per_store_growth"])
    assert (lhs - rhs).abs().max() < 1e-12
    assert t.loc["肠胃消化", "stores_growth"] < t.loc["肠胃消化", "per_store_growth"] < 0


def test_audit_flags_the_four_planted_problems_and_no_real_row():
    for variant in (0, HIDDEN):
        abc = _abc(variant)
        res = kl.review.audit(m12.raw_export(abc))
        assert sorted(p for p in res.table["problem"] if p) == ["duplicate", "missing", "total", "unit"]
        lag = kl.datasets.planted("retail_sales", variant=variant)["lagging_category"]
        assert (res.table.loc[res.table["category"] == lag, "problem"].isin(["", "duplicate", "missing", "unit"])).all()
    assert kl.review.data_checklist().shape == (6, 5)


def test_coverage_page_names_real_exercises_and_examples():
    page = (ROOT / "docs" / "coverage" / "m12.md").read_text(encoding="utf-8")
    nb = nbformat.read(ROOT / "solutions" / "m12_business_review.ipynb", as_version=4)
    headings = {m.group(1).strip() for c in nb.cells if c.cell_type == "markdown"
                for m in re.finditer(r"^###\s+(示例：.+)$", c.source, re.M)}
    rows = [[x.strip() for x in line.strip().strip("|").split("|")] for line in page.splitlines()]
    rows = [r for r in rows if len(r) == 4 and r[2] in {"演练", "框架", "清单", "工具"}]
    for item in ("数据清单管理", "数据整理", "WCC-DAR"):
        assert any(item in r[1] for r in rows), item
    for _, item, kind, where in rows:
        ex = re.fullmatch(r"练习\s*(q\w+)", where)
        assert (ex and ex.group(1) in m12.BANK.keys()) or where in headings, (item, where)
        assert kind != "演练" or ex, item


# ----------------------------------------------------------------------------- forms
def test_forms_start_neutral_and_speak_live():
    abc = _abc(0)
    assert m12.purposes_form().line == 'q1 = {"A": None, "B": None, "C": None, "D": None, "E": None}'
    f2 = m12.tidy_form(m12.raw_export(abc))
    assert f2.line == "q2 = []" and "还没有" in f2.text
    f2.controls["rows"].tick(["#03", "#06"])
    assert f2.line == 'q2 = ["#03", "#06"]' and "2 行" in f2.text
    assert m12.scorecard_form(abc).line == "q3 = None"
    f4 = m12.lagging_form(m12.scorecard_or_default(..., abc))
    assert f4.line == "q4 = None" and "还没有" in f4.text
    f4.controls["cat"].value = "慢病用药"
    assert "慢病用药" in f4.text
    assert m12.forecast_form(abc).line == "q6 = None"
    f7 = m12.driver_form(abc)
    f7.controls["driver"].value = "stores"
    assert f7.line == 'q7 = "stores"' and "有售门店数" in f7.text


def test_forms_speak_english():
    kl.set_language("en")
    f3 = m12.scorecard_form(_abc(0))
    assert f3.controls["by"].description == "Group by"
    assert [label for label, _ in f3.controls["by"].options][1:] == ["By month", "By category"]
    assert m12.quiz_table().iloc[0, 0].startswith("Why has this category")
    assert list(m12.diagnosis_table(_abc(0), "感冒止咳").columns)[:2] == ["Sales", "Target"]
    assert list(kl.labelled(m12.growth_table(_abc(0))).columns)[-1] == "YoY"


# ----------------------------------------------------------------------------- the widget-only path
OPERATIONS = {
    "q1": "\n".join(f'form_q1.controls["{k}"].value = "{v}"' for k, v in QUIZ_ANSWER.items()),
    # the trainee reads the raw export with the checklist's rules and ticks the rows
    "q2": 'form_q2.controls["rows"].tick(kl.review.audit(raw).bad_rows)',
    "q3": 'form_q3.controls["by"].value = "category"\nform_q3.controls["period"].value = 3',
    "q4": 'form_q4.controls["cat"].value = sc.table["achievement"].idxmin()',
    "q5": 'form_q5.controls["cat"].value = kl.course.m12.growth_table(abc)["yoy"].idxmax()',
    "q6": 'form_q6.controls["method"].value = "seasonal_growth"\nform_q6.controls["window"].value = 3',
    "q7": 'form_q7.controls["driver"].value = split.table.loc[sc.table["achievement"].idxmin(), "main"]',
    "q8": 'form_q8.controls["text"].value = "W：达成率低\\nC：同比下降\\nC：门店覆盖"',
}


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered("m12", tmp_path, operations=OPERATIONS, variant=HIDDEN)
    assert cell_errors(executed) == []
    assert lost_points(verdicts) == {}
    assert sum(v.score for v in verdicts.values()) == 17.0
    assert answers["q8"].startswith("W：达成率低 C")


def test_trainee_notebook_runs_in_english_unanswered(tmp_path):
    nb = run_unanswered("m12", tmp_path, variant=2, parameters={"language": "en"})
    assert cell_errors(nb) == []
    texts = check_texts(nb)
    assert len(texts) == 8 and all("Not answered yet" in t for t in texts), texts
