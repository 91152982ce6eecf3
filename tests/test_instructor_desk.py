"""The instructor's desk: hand scores never lost, in the totals and on the feedback pages; the class report."""

from __future__ import annotations

from pathlib import Path

import nbformat
import openpyxl
import pandas as pd

from kamlab.course import get_bank
from kamlab.grading import _example_class as ec
from kamlab.grading._runner import grade

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "demo_solution.ipynb"
DEMO = get_bank("demo")
MANUAL = next(q.key for q in DEMO.questions if q.manual)


def _nb(name: str, text: str, wrong: bool = False):
    nb = ec.set_trainee(ec.clear_outputs(nbformat.read(FIXTURE, as_version=4)), name)
    nb = ec.set_answer(nb, MANUAL, repr(text))
    return ec.set_answer(nb, "q3", '"C99"') if wrong else nb


def _put(folder: Path, file: str, nb) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / file).write_bytes(ec.dumps(nb))


def _type_in_xlsx(path: Path, scores: dict[str, tuple[float, str]]) -> None:
    """Type hand scores into gradebook.xlsx the way Excel saves it (an openpyxl round trip)."""
    book = openpyxl.load_workbook(path)
    sheet = book["gradebook"]
    header = [c.value for c in sheet[1]]
    col, com, name = header.index(MANUAL) + 1, header.index(f"{MANUAL}_comment") + 1, header.index("trainee") + 1
    for row in range(2, sheet.max_row + 1):
        trainee = sheet.cell(row, name).value
        if trainee in scores:
            sheet.cell(row, col).value, sheet.cell(row, com).value = scores[trainee]
    book.save(path)


def test_hand_scores_survive_a_rerun_a_late_submission_and_force(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    _put(subs, "a.ipynb", _nb("王芳", "先拜访 C01：门店最多，回款最快，再看数据决定资源。"))
    _put(subs, "b.ipynb", _nb("李伟", "C05 的增长最快，我会先去那里谈新品进场和陈列。", wrong=True))
    first = grade(DEMO, subs, out=out, jobs=2, timeout=60, progress=False)
    assert first.gradebook[MANUAL].isna().all()
    _type_in_xlsx(out / "gradebook.xlsx", {"王芳": (3, "理由清楚"), "李伟": (2.5, "要结合数据")})
    _put(subs, "c.ipynb", _nb("张敏", "我会先去 C03，因为它的动销基础最好，店员推荐率高。"))   # late
    second = grade(DEMO, subs, out=out, jobs=2, timeout=60, progress=False)
    rows = second.gradebook.set_index("trainee")
    assert (rows.loc["王芳", MANUAL], rows.loc["李伟", MANUAL]) == (3.0, 2.5)
    assert rows.loc["王芳", f"{MANUAL}_comment"] == "理由清楚"
    assert pd.isna(rows.loc["张敏", MANUAL])
    assert rows.loc["王芳", "total"] == rows.loc["王芳", "auto_total"] + 3.0
    assert rows.loc["李伟", "hand_total"] == 2.5 and rows.loc["李伟", "total"] == rows.loc["李伟", "auto_total"] + 2.5
    forced = grade(DEMO, subs, out=out, jobs=2, timeout=60, force=True, progress=False)
    assert forced.gradebook.set_index("trainee").loc["王芳", MANUAL] == 3.0
    store = pd.read_csv(out / "hand_scores.csv", encoding="utf-8-sig")
    assert sorted(store["score"].tolist()) == [2.5, 3.0]
    # the feedback page shows the hand score and the comment
    page = (out / "feedback" / "王芳.html").read_text(encoding="utf-8")
    assert "3 / 4" in page and "理由清楚" in page


def test_csv_edits_the_scoring_sheet_and_a_changed_answer(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    _put(subs, "a.ipynb", _nb("赵一", "先看门店数和回款，再决定拜访哪家：C01。"))
    _put(subs, "b.ipynb", _nb("钱二", "C02 的毛利最高，我先去谈价格和活动支持。"))
    grade(DEMO, subs, out=out, jobs=2, timeout=60, progress=False)
    csv = pd.read_csv(out / "gradebook.csv", encoding="utf-8-sig")
    csv.loc[csv["trainee"] == "赵一", MANUAL] = 4
    csv.to_csv(out / "gradebook.csv", index=False, encoding="utf-8-sig")
    sheet = pd.read_excel(out / "scoring_sheet.xlsx", sheet_name="scoring")
    assert set(sheet["trainee"]) == {"赵一", "钱二"} and sheet["answer"].str.len().min() > 5
    sheet["comment"] = sheet["comment"].astype(object)
    sheet.loc[sheet["trainee"] == "钱二", ["score", "comment"]] = [1.0, "没有用到数据"]
    sheet.to_excel(out / "scoring_sheet.xlsx", sheet_name="scoring", index=False)
    # 赵一 changes the answer after it was scored
    _put(subs, "a.ipynb", _nb("赵一", "改主意了：先去 C09，那里店员推荐率最高。"))
    report = grade(DEMO, subs, out=out, jobs=2, timeout=60, progress=False)
    rows = report.gradebook.set_index("trainee")
    assert rows.loc["赵一", MANUAL] == 4.0 and "answer changed since hand-scored" in rows.loc["赵一", "reasons"]
    assert rows.loc["钱二", MANUAL] == 1.0 and rows.loc["钱二", f"{MANUAL}_comment"] == "没有用到数据"
    assert "answer changed" not in rows.loc["钱二", "reasons"]


def test_class_report_numbers_equal_the_gradebook(tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    _put(subs, "a.ipynb", _nb("甲", "理由一：先看数据，再定拜访顺序和资源。"))
    _put(subs, "b.ipynb", _nb("乙", "理由二：先去增长最快的连锁谈合作。", wrong=True))
    _put(subs, "c.ipynb", _nb("丙", "理由三：先稳住回款最好的客户。", wrong=True))
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名\n甲\n乙\n丙\n丁\n", encoding="utf-8")
    report = grade(DEMO, subs, out=out, jobs=2, timeout=60, roster=roster, progress=False)
    sheet = pd.read_excel(out / "gradebook.xlsx", sheet_name="class_report")
    for q in (q for q in DEMO.questions if not q.manual):
        full = float((report.gradebook[q.key] >= q.points).mean())
        assert abs(float(sheet.set_index("question").loc[q.key, "success_rate"]) - full) < 1e-9
    page = (out / "class_report.html").read_text(encoding="utf-8")
    assert "丁" in page and "需要重讲的内容" in page and "q3" in page.split("需要重讲的内容")[1]
    assert "data:image/png;base64," in page
    english = grade(DEMO, subs, out=tmp_path / "out_en", jobs=2, timeout=60, language="en", progress=False)
    assert english.n_submissions == 3
    assert "What to reteach" in (tmp_path / "out_en" / "class_report.html").read_text(encoding="utf-8")
