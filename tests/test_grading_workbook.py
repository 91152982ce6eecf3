"""kamlab.grading.workbook: the self-check output, language, and the demo notebooks run with papermill."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import numpy as np
import papermill
import pytest

import kamlab as kl
from kamlab.course import workbook
from kamlab.grading import ANSWER_MIME, Context, Workbook, decode
from kamlab.grading import _workbook

from test_grading_bank import FIXED, RIGHT, StubContext

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _fresh_kernel_state():
    _workbook._RECORDED.clear()
    _workbook._VERDICTS.clear()
    yield
    _workbook._RECORDED.clear()
    _workbook._VERDICTS.clear()


@pytest.fixture
def shown(monkeypatch):
    """Pretend to be in IPython and record every IPython.display.display call."""
    import IPython.display

    calls = []
    monkeypatch.setattr(_workbook, "_get_ipython", lambda: object())
    monkeypatch.setattr(IPython.display, "display", lambda *a, **kw: calls.append((a, kw)))
    return calls


def stub_workbook(variant=0, language="zh"):
    kl.set_language(language)
    bank = kl.course.get_bank("demo")
    return Workbook(bank, StubContext("demo", variant=variant, language=language, data_name="chains"))


# ------------------------------------------------------------------ the published bundle
def test_check_publishes_exactly_one_bundle(shown):
    wb = stub_workbook()
    wb.check("q1", np.int64(1000))
    assert len(shown) == 1
    args, kwargs = shown[0]
    assert kwargs == {"raw": True, "metadata": {}}
    (bundle,) = args
    assert set(bundle) == {ANSWER_MIME, "text/plain"}
    assert bundle["text/plain"] == "✓ 正确"
    assert bundle[ANSWER_MIME] == {"module": "demo", "key": "q1",
                                   "answer": {"__kl__": "npscalar", "dtype": "int64", "v": 1000}}
    assert ANSWER_MIME == "application/vnd.kamlab.answer+json"


def test_wrong_unanswered_and_manual_texts(shown):
    wb = stub_workbook()
    wb.check("q1", 999)
    wb.check("q2", ...)
    wb.check("q3", 7)
    wb.check("q4", "先拜访 C02。")
    texts = [a[0]["text/plain"] for a, _ in shown]
    assert texts == [
        "✗ 还不对：数值偏小。提示：看连锁表的门店数这一列：把每家连锁的门店数加起来就是总数",
        "✗ 还没有作答",
        "✗ 还不对：q3 的答案类型不对：需要一段文字（放在引号里），收到的是 int。"
        "提示：把连锁表按年销售额从高到低排：排第一的那家连锁的编号就是答案（编号是文字，要放在引号里）",
        "✎ 已记录：这道题由讲师评分",
    ]
    assert shown[1][0][0][ANSWER_MIME]["answer"] == {"__kl__": "ellipsis"}


def test_language_switch(shown):
    wb = stub_workbook(language="en")
    wb.check("q1", 999)
    wb.check("q1", 1000)
    kl.set_language("zh")
    wb.check("q1", 1000)
    texts = [a[0]["text/plain"] for a, _ in shown]
    assert texts == ["✗ Not yet: the number is too small. Hint: look at the store-count column of the chains table: "
                     "the total is every chain's stores added up",
                     "✓ Correct", "✓ 正确"]


def test_outside_ipython_prints_the_text(capsys):
    wb = stub_workbook(variant=3)
    wb.check("q3", "C03")
    wb.check("q2", 56.25)
    assert capsys.readouterr().out == ("✓ 正确\n✗ 还不对：数值偏大。提示：看连锁表的回款账期（天）这一列："
                                       "平均账期是所有连锁的账期之和除以连锁家数\n")


def test_answers_recorded_in_the_kernel_reach_the_context(shown):
    wb = stub_workbook()
    assert dict(wb.context.answers) == {}
    wb.check("q1", np.int64(1000))
    wb.check("q3", ("C02",))
    wb.check("q2", ...)
    assert dict(wb.context.answers) == {"q1": np.int64(1000), "q3": ("C02",)}
    assert type(wb.context.answers["q1"]) is np.int64
    # Re-running the workbook(...) cell in the same kernel keeps the answers.
    again = Workbook(wb.bank, StubContext("demo", variant=0))
    assert dict(again.context.answers) == dict(wb.context.answers)
    # Another variant is another slot.
    assert dict(Workbook(wb.bank, StubContext("demo", variant=3)).context.answers) == {}
    wb.reset()
    assert dict(wb.context.answers) == {}


def test_self_check_sees_what_the_grader_sees(shown):
    wb = stub_workbook()
    wb.check("q1", print)                      # not storable: same verdict as the grader's
    grader = wb.bank.check("q1", decode(shown[0][0][0][ANSWER_MIME]["answer"]), StubContext("demo"))
    assert wb.verdict("q1", print) == grader
    assert not grader.ok and "builtin_function_or_method" in grader.reason_zh


def test_summary(shown):
    wb = stub_workbook()
    wb.check("q1", 1000)
    wb.check("q2", 1)
    wb.check("q4", "理由")
    table = wb.summary()
    assert list(table.columns) == ["题目", "分值", "得分", "状态"]
    assert table.index.tolist() == ["q1", "q2", "q3", "q4"]
    assert table["状态"].tolist() == ["✓", "✗ 数值偏小", "未作答", "讲师评分"]
    assert table["得分"].tolist()[:3] == [2.0, 0.0, 0.0]
    kl.set_language("en")
    assert list(wb.summary().columns) == ["question", "points", "score", "status"]


def test_unknown_key_and_module():
    wb = stub_workbook()
    with pytest.raises(kl.BadSpecError) as err:
        wb.check("q9", 1)
    assert "q9" in err.value.zh
    with pytest.raises(kl.BadSpecError) as err:
        workbook("m2")
    assert "m2" in err.value.en


def test_workbook_sets_language_and_context():
    wb = workbook("demo", trainee="王敏", variant=3, language="en")
    assert kl.get_language() == "en"
    c = wb.context
    assert isinstance(c, Context)
    assert (c.module, c.variant, c.language, c.trainee, c.data_file, c.data_name) == \
        ("demo", 3, "en", "王敏", None, "chains")
    assert repr(wb) == "kamlab workbook demo (Demo module) · trainee 王敏 · data variant 3 · 4 questions, 10 points"


def test_trainee_own_file_stands_in_for_the_data(tmp_path, capsys):
    own = tmp_path / "my_chains.csv"
    FIXED[0].to_csv(own, index=False)
    wb = workbook("demo", data_file=str(own))
    assert wb.load("chains")["store_count"].sum() == 1000
    wb.check("q1", 1000)
    assert capsys.readouterr().out == "✓ 正确\n"


# ------------------------------------------------------------------ real data
def _refs(variant):
    chains = kl.datasets.load("chains", variant=variant)
    return {"q1": int(chains["store_count"].sum()), "q2": float(chains["payment_days"].mean()),
            "q3": str(chains.loc[chains["annual_sales"].idxmax(), "chain_id"])}


def test_real_data_wrong_answers_never_show_the_reference(capsys):
    for variant in (0, 3):
        refs = _refs(variant)
        wb = workbook("demo", variant=variant)
        wrong = {"q1": [refs["q1"] - 1, refs["q1"] * 2, str(refs["q1"])],
                 "q2": [refs["q2"] + 1, round(refs["q2"]) - 5, refs["q2"] * 100],
                 "q3": ["C99", 3, [refs["q3"]]]}
        for key, answers in wrong.items():
            for answer in answers:
                wb.check(key, answer)
        out = capsys.readouterr().out
        assert out.count("✗") == 9 and "✓" not in out
        for ref in refs.values():
            forms = {ref} if isinstance(ref, str) else {f"{ref}", f"{ref:g}", f"{ref:.2f}", f"{ref:.1f}"}
            for form in forms:
                assert form not in out, (form, out)


# ------------------------------------------------------------------ the demo notebooks, run for real
def _run(nb_path, tmp_path, **parameters) -> nbformat.NotebookNode:
    out = tmp_path / f"out_{parameters.get('variant', 0)}_{nb_path.name}"
    papermill.execute_notebook(str(nb_path), str(out), parameters=parameters, kernel_name="python3",
                               progress_bar=False, cwd=str(tmp_path))
    return nbformat.read(out, as_version=4)


def _checks(nb) -> dict[str, tuple[str, object]]:
    """key -> (shown text, decoded answer) from the check cells' outputs (last one wins)."""
    found = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "display_data" and ANSWER_MIME in output.get("data", {}):
                assert set(output["data"]) == {ANSWER_MIME, "text/plain"}
                assert output["metadata"] == {}
                record = output["data"][ANSWER_MIME]
                assert record["module"] == "demo"
                found[record["key"]] = (output["data"]["text/plain"], decode(record["answer"]))
    return found


@pytest.mark.parametrize("variant, language", [(0, "zh"), (3, "en")])
def test_demo_solution_gets_all_checks_right(tmp_path, variant, language):
    nb = _run(FIXTURES / "demo_solution.ipynb", tmp_path, trainee="测试", variant=variant, language=language)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    found = _checks(nb)
    ok, manual = ("✓ 正确", "✎ 已记录：这道题由讲师评分") if language == "zh" else \
        ("✓ Correct", "✎ Recorded: the instructor scores this question")
    assert {k: text for k, (text, _) in found.items()} == {"q1": ok, "q2": ok, "q3": ok, "q4": manual}
    refs = _refs(variant)
    assert found["q1"][1] == refs["q1"] and found["q3"][1] == refs["q3"]
    # The grader's view: the same bank on the same answers gives full automatic marks.
    bank = kl.course.get_bank("demo")
    verdicts = bank.grade({k: a for k, (_, a) in found.items()}, Context("demo", variant=variant))
    assert sum(v.score for v in verdicts.values()) == 6.0 and verdicts["q4"].manual


def test_demo_blank_notebook_runs_top_to_bottom(tmp_path):
    nb = _run(FIXTURES / "demo_blank.ipynb", tmp_path, trainee="测试")
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    found = _checks(nb)
    assert {k: text for k, (text, _) in found.items()} == {k: "✗ 还没有作答" for k in ("q1", "q2", "q3", "q4")}
    assert all(answer is Ellipsis for _, answer in found.values())


def test_typed_in_numbers_pass_on_their_variant_and_fail_on_a_hidden_one(tmp_path):
    refs = _refs(0)
    nb = nbformat.read(FIXTURES / "demo_solution.ipynb", as_version=4)
    typed = copy.deepcopy(nb)
    for cell in typed.cells:
        if "answer" in cell.metadata.get("tags", []) and cell.source.startswith(("q1", "q2", "q3")):
            key = cell.source[:2]
            cell.source = f"{key} = {refs[key]!r}"
    path = tmp_path / "typed.ipynb"
    nbformat.write(typed, path)
    seen = _checks(_run(path, tmp_path, variant=0))
    assert [seen[k][0] for k in ("q1", "q2", "q3")] == ["✓ 正确"] * 3
    hidden = _checks(_run(path, tmp_path, variant=3))
    refs3 = _refs(3)
    assert hidden["q1"][0].startswith("✗ 还不对：") and hidden["q2"][0].startswith("✗ 还不对：")
    assert hidden["q3"][0].startswith("✗" if refs3["q3"] != refs["q3"] else "✓")
