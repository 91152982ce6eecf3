"""m12 生意复盘洞察: question bank, helpers, forms, and the widget-only path of the notebook."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest

import kamlab as kl
from kamlab.course import m12
from kamlab.grading import Context, decode, encode

ROOT = Path(__file__).resolve().parents[1]
HIDDEN = 5
QUIZ_ANSWER = {"A": "诊断", "B": "预测", "C": "探索", "D": "监控", "E": "评估"}


def _ctx(variant: int, **answers) -> Context:
    return Context("m12", variant=variant, answers=answers)


def _abc(variant: int) -> pd.DataFrame:
    return m12.abc(kl.datasets.load("retail_sales", variant=variant))


def _answers(variant: int) -> dict:
    """The answers a trainee computes in the notebook on *variant*."""
    abc = _abc(variant)
    sc = kl.review.scorecard(abc, by="category", period=3)
    return {
        "q1": dict(QUIZ_ANSWER),
        "q2": sc,
        "q3": sc.table["achievement"].idxmin(),
        "q4": kl.review.timeseries(abc, value="sales", window=3),
        "q5": kl.review.forecast(abc, horizon=3, method="seasonal_growth", window=3),
        "q6": "有售门店数下降，单店销售也下降。",
    }


# ----------------------------------------------------------------------------- structure
def test_bank_structure():
    bank = m12.BANK
    assert bank.module == "m12" and bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert bank.total_points == 16.0
    assert [q.key for q in bank.questions if q.manual] == ["q6"]
    assert all(q.prompt[0] and q.prompt[1] for q in bank.questions)
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)
    assert bank.datasets == ("retail_sales",)
    assert kl.course.get_bank("m12") is bank
    assert sorted(c for _, _, c in m12.QUIZ.values()) == sorted(kl.review.PURPOSES)


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    verdicts = m12.BANK.grade(_answers(variant), _ctx(variant))
    lost = {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual}
    assert lost == {}
    assert sum(v.score for v in verdicts.values()) == 13.0
    assert verdicts["q6"].manual and verdicts["q6"].score == 0


def test_answers_survive_the_json_round_trip():
    answers = {k: decode(encode(v)) for k, v in _answers(HIDDEN).items()}
    verdicts = m12.BANK.grade(answers, _ctx(HIDDEN))
    assert all(v.ok for k, v in verdicts.items() if k != "q6")


def test_numbers_typed_from_variant_0_fail_on_the_hidden_variant():
    typed = _answers(0)
    typed["q2"] = typed["q2"].table.copy()            # a pasted table of numbers
    typed["q4"] = typed["q4"].table.copy()
    typed["q5"] = typed["q5"].table.copy()
    verdicts = m12.BANK.grade(typed, _ctx(HIDDEN))
    for key in ("q2", "q3", "q4", "q5"):
        assert not verdicts[key].ok, key
    assert verdicts["q1"].ok  # the quiz is a literal, not data
    assert verdicts["q3"].score == 0.0


def test_the_lagging_category_is_the_planted_one():
    seen = set()
    for variant in (0, 1, 2, 3, HIDDEN):
        sc = kl.review.scorecard(_abc(variant), by="category", period=3)
        lag = kl.datasets.planted("retail_sales", variant=variant)["lagging_category"]
        assert sc.table["achievement"].idxmin() == lag
        assert sc.table["gap"].idxmin() == lag and sc.table["growth"].idxmin() == lag
        assert m12.BANK.check("q3", lag, _ctx(variant)).ok
        seen.add(lag)
    assert len(seen) >= 3


# ----------------------------------------------------------------------------- each check
def test_q1_partial_credit_and_names_in_any_language():
    assert m12.BANK.check("q1", {"A": "diagnose", "B": "Forecast", "C": "发现机会", "D": "监控", "E": "evaluate"},
                          _ctx(0)).ok
    v = m12.BANK.check("q1", {**QUIZ_ANSWER, "A": "预测", "B": "诊断"}, _ctx(0))
    assert not v.ok and v.score == pytest.approx(2 * 3 / 5) and "2" in v.reason_zh
    assert m12.BANK.check("q1", {**QUIZ_ANSWER, "E": None}, _ctx(0)).score == pytest.approx(2 * 4 / 5)
    assert not m12.BANK.check("q1", ["诊断", "预测"], _ctx(0)).ok


def test_q2_wrong_period_wrong_grouping_all_retailers():
    abc = _abc(0)
    year = m12.BANK.check("q2", kl.review.scorecard(abc, by="category", period=12), _ctx(0))
    assert not year.ok and "latest quarter" in year.reason_en
    month = m12.BANK.check("q2", kl.review.scorecard(abc, by="month", period=3), _ctx(0))
    assert not month.ok and "category" in month.reason_en
    everyone = kl.review.scorecard(kl.datasets.load("retail_sales"), by="category", period=3)
    v = m12.BANK.check("q2", everyone, _ctx(0))
    assert not v.ok and "ABC Retail only" in v.reason_en
    assert not m12.BANK.check("q2", "肠胃消化", _ctx(0)).ok


def test_q3_needs_a_category_name_and_never_reveals_it():
    sc = kl.review.scorecard(_abc(HIDDEN), by="category", period=3)
    smallest = sc.table["actual"].idxmin()
    lag = sc.table["achievement"].idxmin()
    assert smallest != lag        # "lowest sales" is not "most behind target" on the hidden variant
    v = m12.BANK.check("q3", smallest, _ctx(HIDDEN))
    assert not v.ok and lag not in v.reason_zh and lag not in v.reason_en
    assert not m12.BANK.check("q3", 3, _ctx(0)).ok
    assert not m12.BANK.check("q3", "不存在的品类", _ctx(0)).ok


def test_q4_window_and_measure():
    abc = _abc(0)
    six = m12.BANK.check("q4", kl.review.timeseries(abc, value="sales", window=6), _ctx(0))
    assert not six.ok and six.score == 1.5
    units = m12.BANK.check("q4", kl.review.timeseries(abc, value="units", window=3), _ctx(0))
    assert not units.ok and units.score == 0
    by_cat = m12.BANK.check("q4", kl.review.timeseries(abc, by="category", window=3), _ctx(0))
    assert not by_cat.ok and "one monthly series" in by_cat.reason_en


def test_q5_consistent_with_the_trainees_own_method():
    abc = _abc(0)
    for method in ("seasonal_naive", "seasonal_growth"):
        for window in (1, 3, 6):
            assert m12.BANK.check("q5", kl.review.forecast(abc, method=method, window=window), _ctx(0)).ok
    ma = m12.BANK.check("q5", kl.review.forecast(abc, method="moving_average"), _ctx(0))
    assert not ma.ok and ma.score == 1.5 and "season" in ma.reason_en
    short = m12.BANK.check("q5", kl.review.forecast(abc, horizon=6), _ctx(0))
    assert not short.ok and "horizon=3" in short.reason_en
    # a table whose numbers do not follow its own method
    table = kl.review.forecast(abc, method="seasonal_naive").table.copy()
    table["method"] = "seasonal_growth"
    assert not m12.BANK.check("q5", table, _ctx(0)).ok


# ----------------------------------------------------------------------------- helpers
def test_helpers():
    sales = kl.datasets.load("retail_sales")
    before = sales.copy()
    abc = m12.abc(sales)
    assert set(abc["retailer"]) == {"ABC零售"} and len(abc) == 120
    pd.testing.assert_frame_equal(sales, before)
    sc = m12.scorecard_or_default(..., abc)
    wrong = kl.review.scorecard(abc, by="category", period=12)
    assert m12.scorecard_or_default(wrong, abc).table.equals(sc.table)
    assert m12.lagging_or_default(..., sc) == kl.datasets.planted("retail_sales")["lagging_category"]
    assert m12.lagging_or_default("皮肤外用", sc) == "皮肤外用"
    d = m12.diagnosis_table(abc, "肠胃消化")
    assert list(d.columns)[:3] == ["销售额", "目标", "达成率"] and len(d) == 6
    assert d["有售门店数"].iloc[-1] < 0.9 * d["有售门店数"].iloc[0]
    assert m12.purposes_table().shape == (5, 2) and m12.quiz_table().shape == (5, 1)


# ----------------------------------------------------------------------------- forms
def test_forms_write_decisions_and_calls_never_numbers():
    abc = _abc(0)
    f1 = m12.purposes_form()
    for k, v in QUIZ_ANSWER.items():
        f1.controls[k].value = v
    assert f1.line == 'q1 = {"A": "诊断", "B": "预测", "C": "探索", "D": "监控", "E": "评估"}'
    f2 = m12.scorecard_form(abc)
    f2.controls["by"].value = "category"
    f2.controls["period"].value = 3
    assert f2.line == 'q2 = kl.review.scorecard(abc, by="category", period=3)'
    f3 = m12.lagging_form(m12.scorecard_or_default(..., abc))
    assert f3.line == 'q3 = sc.table["actual"].idxmin()'
    f3.controls["criterion"].value = "achievement"
    assert f3.line == 'q3 = sc.table["achievement"].idxmin()'
    f4 = m12.timeseries_form(abc)
    f4.controls["window"].value = 3
    f4.controls["show"].value = "yoy"
    assert f4.line == 'q4 = kl.review.timeseries(abc, value="sales", window=3)'
    f5 = m12.forecast_form(abc)
    f5.controls["method"].value = "seasonal_naive"
    assert f5.line == 'q5 = kl.review.forecast(abc, horizon=3, method="seasonal_naive", window=3)'
    scope = {"kl": kl, "abc": abc}
    exec(f5.line, scope)
    assert m12.BANK.check("q5", scope["q5"], _ctx(0)).ok


def test_forms_speak_english():
    kl.set_language("en")
    f2 = m12.scorecard_form(_abc(0))
    assert f2.controls["by"].description == "Group by"
    assert [label for label, _ in f2.controls["by"].options] == ["By month", "By category"]
    f1 = m12.purposes_form()
    assert [label for label, _ in f1.controls["A"].options][1:] == ["Forecast", "Monitor", "Evaluate",
                                                                    "Diagnose", "Explore"]
    assert m12.quiz_table().iloc[0, 0].startswith("Why has this category")
    assert list(m12.diagnosis_table(_abc(0), "感冒止咳").columns)[:2] == ["Sales", "Target"]


# ----------------------------------------------------------------------------- the widget-only path
def _operate(key: str) -> str:
    """Cell source that works the form of *key* the way a trainee would."""
    return {
        "q1": "\n".join(f'form_q1.controls["{k}"].value = "{v}"' for k, v in QUIZ_ANSWER.items()),
        "q2": 'form_q2.controls["by"].value = "category"\nform_q2.controls["period"].value = 3',
        "q3": 'form_q3.controls["criterion"].value = "achievement"',
        "q4": 'form_q4.controls["window"].value = 3',
        "q5": 'form_q5.controls["method"].value = "seasonal_growth"',
    }[key]


def test_widget_only_path_gets_full_marks_on_the_hidden_variant(tmp_path):
    import papermill

    from kamlab.grading import read_answers

    path = ROOT / "notebooks" / "m12_business_review.ipynb"
    nb = nbformat.read(path, as_version=4)
    cells, answered = [], set()
    for cell in nb.cells:
        src = cell.source.strip()
        key = src.split(" = ...", 1)[0] if cell.cell_type == "code" and " = ..." in src.split("\n")[0] else None
        if key in {"q1", "q2", "q3", "q4", "q5"}:
            cells.append(nbformat.v4.new_code_cell(_operate(key)))
            cell = nbformat.v4.new_code_cell(f"exec(form_{key}.line)")
            answered.add(key)
        elif key == "q6":
            cell = nbformat.v4.new_code_cell('q6 = "门店覆盖下降是主因，单店销售也走弱。"')
            answered.add(key)
        cells.append(cell)
    assert answered == set(m12.BANK.keys())
    nb.cells = cells
    src, out = tmp_path / "in.ipynb", tmp_path / "out.ipynb"
    nbformat.write(nb, src)
    papermill.execute_notebook(str(src), str(out), parameters={"trainee": "widget", "variant": HIDDEN},
                               kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    executed = nbformat.read(out, as_version=4)
    errors = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    answers = read_answers(executed, "m12")
    verdicts = m12.BANK.grade(answers, Context("m12", variant=HIDDEN))
    lost = {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual}
    assert lost == {}
    assert sum(v.score for v in verdicts.values()) == 13.0


def test_trainee_notebook_runs_in_english_unanswered(tmp_path):
    import papermill

    path = ROOT / "notebooks" / "m12_business_review.ipynb"
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(str(path), str(out), parameters={"language": "en", "variant": 2},
                               kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    nb = nbformat.read(out, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    texts = [o.get("data", {}).get("text/plain", "") for c in nb.cells if "check" in c.metadata.get("tags", [])
             for o in c.outputs]
    assert len(texts) == 6 and all("Not answered yet" in t for t in texts), texts
