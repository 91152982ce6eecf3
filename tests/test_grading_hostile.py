"""Hostile and broken submissions: each costs only itself, with the right reason.

One class (good notebooks + one of each hostile kind, all generated here from
the demo solution) is graded once per test module with jobs=2 and short limits;
the tests read that one run.  The class run is shared with
``tests/test_grading_runner.py`` through :func:`graded_class`.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from kamlab.course import get_bank
from kamlab.grading import _example_class as ec
from kamlab.grading._runner import grade

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "demo_solution.ipynb"
DEMO = get_bank("demo")  # grading does not import the course: pass the bank
HIDDEN = 7
MANUAL = next(q.key for q in DEMO.questions if q.manual)
HOSTILE_NAME = '<script>alert("x")</script>&王'


def _base() -> nbformat.NotebookNode:
    return ec.clear_outputs(nbformat.read(FIXTURE, as_version=4))


def typed_values() -> dict:
    """The demo answers as a trainee would read them off variant 0."""
    from kamlab.course import demo
    from kamlab.grading import Context

    ctx = Context(module="demo", variant=0)
    return {"q1": int(demo.total_stores(ctx)), "q2": round(demo.mean_payment_days(ctx), 2),
            "q3": demo.top_sales_chain(ctx)}


def build_class(folder: Path) -> dict[str, str]:
    """Write the test class; returns file name -> kind."""
    folder.mkdir(parents=True, exist_ok=True)
    base = _base()
    kinds = {}

    def put(kind: str, data: bytes) -> None:
        name = f"{kind}.ipynb"
        (folder / name).write_bytes(data)
        kinds[name] = kind

    # every trainee writes their own free text (identical texts are flagged as copies)
    own = [0]

    def mine(nb):
        own[0] += 1
        return ec.set_answer(nb, MANUAL, repr(f"第 {own[0]} 位学员自己的理由：" + "先看数据再决定投入。" * own[0]))

    put("good", ec.dumps(mine(ec.set_trainee(base, "王芳"))))
    put("good_html", ec.dumps(mine(ec.set_trainee(base, HOSTILE_NAME))))
    put("typed", ec.dumps(mine(ec.typed_in(ec.set_trainee(base, "李伟"), typed_values()))))
    put("one_wrong", ec.dumps(mine(ec.set_answer(ec.set_trainee(base, "张敏"), "q2", "0"))))
    for kind, mutate in ec.HOSTILE.items():
        put(kind, ec.corrupt(ec.dumps(base)) if mutate is None else ec.dumps(mine(mutate(base))))
    return kinds


@pytest.fixture(scope="session")
def graded_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    kinds = build_class(root / "subs")
    report = grade(DEMO, root / "subs", out=root / "out", jobs=2, timeout=40, variant=HIDDEN,
                   memory_mb=1500, max_output_mb=5, progress=False)
    return root, kinds, report


def _row(report, file: str):
    table = report.gradebook
    rows = table[table["file"] == file]
    assert len(rows) == 1
    return rows.iloc[0]


def test_good_submissions_get_full_marks(graded_class):
    _, _, report = graded_class
    for file in ("good.ipynb", "good_html.ipynb"):
        row = _row(report, file)
        assert row["status"] == "ok"
        assert (row["q1"], row["q2"], row["q3"], row["total"], row["max_points"]) == (2, 2, 2, 6, 6)
        assert row["reasons"] == ""


@pytest.mark.parametrize("file, status, total, reason", [
    ("endless_loop.ipynb", "timeout", 2.0, "运行超过 40 秒被终止"),
    ("os_exit.ipynb", "kernel_died", 4.0, "内核崩溃"),
    ("memory_bomb.ipynb", "memory_limit", None, "超出内存上限 1500 MB"),
    ("huge_output.ipynb", "output_too_large", 6.0, "输出超过 5 MB"),
    ("corrupt_json.ipynb", "not_a_notebook", 0.0, "文件不是有效的 notebook"),
    ("other_module.ipynb", "wrong_module", 0.0, "这是模块 m07 的 notebook"),
    ("monkey_patch.ipynb", "ok", 0.0, "q1: "),
    ("deleted_cells.ipynb", "ok", 2.0, "q2: 未作答 / not answered"),
    ("writes_outside.ipynb", "ok", 6.0, "write "),
    ("reads_other.ipynb", "ok", 6.0, "工作文件夹之外"),
])
def test_each_hostile_costs_only_itself(graded_class, file, status, total, reason):
    _, _, report = graded_class
    row = _row(report, file)
    assert row["status"] == status
    if total is not None:
        assert row["total"] == total
    assert reason in row["reasons"]


def test_every_lost_point_has_a_reason(graded_class):
    _, _, report = graded_class
    for _, row in report.gradebook.iterrows():
        for key in ("q1", "q2", "q3"):
            if row[key] < 2 and row["status"] not in ("not_a_notebook", "wrong_module"):
                assert f"{key}: " in row["reasons"], (row["file"], key)
        if row["total"] < row["max_points"]:
            assert row["reasons"]


def test_endless_loop_and_crash_keep_answers_recorded_before(graded_class):
    _, _, report = graded_class
    loop = _row(report, "endless_loop.ipynb")
    assert (loop["q1"], loop["q2"], loop["q3"]) == (2, 0, 0)
    crash = _row(report, "os_exit.ipynb")
    assert (crash["q1"], crash["q2"], crash["q3"]) == (2, 2, 0)
    assert "q3: 未作答" in crash["reasons"]


def test_monkey_patched_kamlab_changes_no_points(graded_class):
    root, _, report = graded_class
    row = _row(report, "monkey_patch.ipynb")
    assert (row["q1"], row["q2"], row["q3"], row["total"]) == (0, 0, 0, 0)
    # the patched kernel really claimed full marks in its own output
    (work,) = (root / "out" / "work").glob("monkey_patch-*")
    executed = nbformat.read(work / f"{work.name}.executed.ipynb", 4)
    assert any("_bank.QuestionBank.grade = " in c.source for c in executed.cells)


def test_deleted_parameters_cell_is_noted(graded_class):
    _, _, report = graded_class
    row = _row(report, "deleted_cells.ipynb")
    assert "缺少 parameters 单元格" in row["reasons"]
    assert "NameError" not in row["reasons"]  # reasons never quote tracebacks
    assert row["q3"] == 0 and "q3: 未作答" in row["reasons"]


def test_typed_in_numbers_fail_on_the_hidden_variant(graded_class):
    _, _, report = graded_class
    row = _row(report, "typed.ipynb")
    assert row["status"] == "ok"
    assert row["q1"] == 0 and row["q2"] == 0
    assert row["total"] < 6


def test_writes_outside_are_flagged_and_reported_with_path(graded_class):
    root, _, report = graded_class
    row = _row(report, "writes_outside.ipynb")
    assert str(root / "ESCAPED.txt") in row["reasons"]
    reader = _row(report, "reads_other.ipynb")
    assert "工作文件夹之外" in reader["reasons"]     # the attempt is flagged (under the sandbox it sees nothing)
    # nobody else is flagged
    for file in ("good.ipynb", "typed.ipynb", "one_wrong.ipynb", "os_exit.ipynb"):
        assert "工作文件夹之外" not in _row(report, file)["reasons"]


def test_results_are_stored_per_submission(graded_class):
    root, kinds, report = graded_class
    results = sorted((root / "out" / "results").glob("*.json"))
    assert len(results) == len(kinds) == report.n_submissions == report.n_graded
    recs = [json.loads(p.read_text(encoding="utf-8"))["result"] for p in results]
    assert {r["file"] for r in recs} == set(kinds)
    assert all(len(p.stem) == 64 for p in results)
    assert report.variant == HIDDEN


def test_gradebook_csv_has_bom_one_row_per_trainee_sorted(graded_class):
    import pandas as pd

    root, kinds, report = graded_class
    raw = (root / "out" / "gradebook.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(root / "out" / "gradebook.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(table.columns) == ["trainee", "file", "status", "q1", "q2", "q3", "q4", "q4_comment",
                                   "auto_total", "hand_total", "total", "max_points", "max_total", "reasons"]
    assert len(table) == len(kinds)
    assert list(table["trainee"]) == sorted(table["trainee"])
    assert (table["q4"] == "").all()  # hand-scored column left empty for the instructor
    good = table[table["file"] == "good.ipynb"].iloc[0]
    assert (good["trainee"], float(good["total"])) == ("王芳", 6.0)


def test_gradebook_xlsx_matches_csv(graded_class):
    import openpyxl

    root, kinds, report = graded_class
    wb = openpyxl.load_workbook(root / "out" / "gradebook.xlsx")
    assert wb.sheetnames == ["gradebook", "questions", "legend", "class_report"]
    rows = list(wb["gradebook"].values)
    assert rows[0][:4] == ("trainee", "file", "status", "q1")
    assert len(rows) == len(kinds) + 1
    by_file = {r[1]: r for r in rows[1:]}
    header = rows[0]
    good = dict(zip(header, by_file["good.ipynb"]))
    assert good["total"] == 6 and good["auto_total"] == 6 and good["q4"] is None
    assert by_file["good_html.ipynb"][0] == HOSTILE_NAME
    questions = list(wb["questions"].values)
    assert [q[:3] for q in questions[1:]] == [("q1", 2, False), ("q2", 2, False), ("q3", 2, False),
                                              ("q4", 4, True)]
    assert not list((root / "out").glob("*.tmp*")) and not list((root / "out").glob(".*tmp*"))


def test_feedback_pages_escape_trainee_text(graded_class):
    root, kinds, report = graded_class
    pages = sorted((root / "out" / "feedback").glob("*.html"))
    assert len(pages) == len(kinds)
    page = next(p for p in pages if "script" in p.name).read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;王" in page
    good = (root / "out" / "feedback" / "王芳.html").read_text(encoding="utf-8")
    assert good.count("✓") == 3 and "✗" not in good and "6 / 6" in good
    wrong = (root / "out" / "feedback" / "张敏.html").read_text(encoding="utf-8")
    assert wrong.count("✗") == 1 and "看连锁表的回款账期（天）这一列" in wrong  # the hint on ✗


def test_run_log_lists_every_submission(graded_class):
    root, kinds, report = graded_class
    log = (root / "out" / "grade.log").read_text(encoding="utf-8")
    for file in kinds:
        assert file in log
    assert "variant=7" in log
