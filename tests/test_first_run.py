"""A newcomer's first run: the start page, and short messages for bad trainee files.

Issue 6, point 2.  The start page ``notebooks/index.ipynb`` lists every
module in teaching order, one line and a link each, and says how to switch
the language.  A trainee who points a notebook at a missing or broken file,
or names a column that is not there, sees one short message (Chinese first,
or English first after ``language = "en"``) naming what is wrong and the fix
— never a Python traceback with pandas frames.  The messages are checked
where trainees see them: in the error outputs of a notebook run by a real
Jupyter kernel (nbclient).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kamlab.course._catalog import CATALOG

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


# -------------------------------------------------------------- start page
def _index_text() -> str:
    nb = json.loads((ROOT / "notebooks" / "index.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"])


def test_start_page_lists_every_module_in_teaching_order_with_a_link():
    text = _index_text()
    rows = [line for line in text.splitlines() if re.match(r"^\| \[?m\d\d ", line)]
    assert [re.search(r"m\d\d", r).group(0) for r in rows] == [m.id for m in CATALOG]
    for info, row in zip(CATALOG, rows):
        (path,) = sorted((ROOT / "notebooks").glob(f"{info.id}_*.ipynb"))
        assert f"]({path.name})" in row, row  # a link to the built notebook
        assert info.title_zh in row and info.summary_zh in row


def test_start_page_explains_the_language_switch_and_is_chinese_first():
    text = _index_text()
    assert CJK.search(text.splitlines()[0])
    assert 'language = "en"' in text and 'kl.set_language("en")' in text
    assert "参数单元格" in text  # said in Chinese too, not only in the English line


def test_readme_says_how_to_switch_language_in_the_parameters_cell():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 语言 / Language", 1)[1].split("\n## ", 1)[0]
    assert 'language = "en"' in section and "parameters" in section and "参数单元格" in section


# ------------------------------------------------- errors from trainee files
CELLS = {
    "missing_file": 'kl.read_table("missing.csv")',
    "text_in_numbers": 'kl.read_table("bad_chains.csv", like="chains")',
    "bad_column": ('chains = kl.datasets.load("chains").rename(columns={"store_count": "stores"})\n'
                   'kl.screening.screen(chains, kl.screening.chain_rubric(), id_col="chain_id")'),
}


def _run(language: str, tmp_path: Path) -> dict[str, dict]:
    import kamlab as kl

    bad = kl.datasets.load("chains").astype({"store_count": object})
    bad.loc[3, "store_count"] = "lots"
    bad.to_csv(tmp_path / "bad_chains.csv", index=False)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f'import kamlab as kl\nkl.set_language("{language}")')]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in CELLS.values()]
    NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = {}
    for name, cell in zip(CELLS, nb.cells[1:]):
        (error,) = [o for o in cell.outputs if o.output_type == "error"]
        errors[name] = error
    return errors


@pytest.mark.parametrize("language", ["zh", "en"])
def test_bad_trainee_input_shows_a_short_message_not_a_traceback(language, tmp_path):
    errors = _run(language, tmp_path)
    expected = {"missing_file": "BadFileError", "text_in_numbers": "BadValueError",
                "bad_column": "MissingColumnError"}
    assert {k: e.ename for k, e in errors.items()} == expected
    for name, error in errors.items():
        shown = ANSI.sub("", "\n".join(error.traceback))
        assert "Traceback" not in shown and "pandas" not in shown and "site-packages" not in shown, shown
        assert not re.search(r'File ".*", line \d+|Cell In\[|^-{5,}|^\s*\d+ ', shown, re.M), shown
        lines = [line for line in shown.splitlines() if line.strip()]
        # the class name and the message: current language first, the other one below
        assert len(lines) == 2, shown
        first, second = lines
        assert first.startswith(f"{expected[name]}: ")
        assert bool(CJK.search(first)) == (language == "zh"), shown
        assert bool(CJK.search(second)) == (language == "en"), shown
    assert "missing.csv" in errors["missing_file"].evalue
    assert "store_count" in errors["text_in_numbers"].evalue and "lots" in errors["text_in_numbers"].evalue
    assert "store_count" in errors["bad_column"].evalue
