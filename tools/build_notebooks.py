"""Generate the trainee workbooks in notebooks/ from the solutions in solutions/.

One source per module (fastbook ``clean.py`` / ``otter assign`` style): the
completed solution notebook is the source; the trainee notebook is derived
from it and never edited by hand.  ``tests/test_notebooks.py`` fails when a
committed trainee notebook differs from what this script makes.

Markers in solution code cells
------------------------------
* a line ending in ``# SOLUTION``: its right-hand side becomes ``...``
  (``answer = kl.screening.screen(...)  # SOLUTION`` → ``answer = ...``);
  a line that is not an assignment is dropped;
* lines between ``# BEGIN SOLUTION`` and ``# END SOLUTION``: replaced by
  ``...`` once, at the indentation of the ``BEGIN`` line;
* a cell tagged ``solution``: its source becomes ``...`` (code) or is dropped
  (markdown).

Every cell tagged ``check`` is locked (``editable: false, deletable: false``)
in both copies; outputs, execution counts and volatile metadata are cleared
in the trainee copy.

Usage::

    python tools/build_notebooks.py            # rewrite notebooks/ from solutions/
    python tools/build_notebooks.py --execute  # first re-run the solutions, storing outputs
    python tools/build_notebooks.py --check    # exit 1 if notebooks/ is out of date

Authoring a module: edit ``solutions/<module>_*.ipynb`` in JupyterLab (or write
it with nbformat/jupytext), then run ``--execute`` so its stored outputs are
fresh and deterministic (no timing metadata, no widget state) and the trainee
copy is regenerated.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
NOTEBOOKS = ROOT / "notebooks"

_ASSIGNMENT = re.compile(r"^(?P<indent>\s*)(?P<target>[A-Za-z_][\w\.\[\]\"']*\s*=)(?!=)")
_SOLUTION_LINE = re.compile(r"\s*#\s*SOLUTION\s*$")
_BEGIN = re.compile(r"^(?P<indent>\s*)#\s*BEGIN SOLUTION\s*$")
_END = re.compile(r"^\s*#\s*END SOLUTION\s*$")
_KEEP_METADATA = ("tags", "editable", "deletable")


def strip_solution_source(source: str) -> str:
    """Return *source* with its solution markers replaced by ``...``.

    Examples
    --------
    >>> strip_solution_source("w = {'a': 1}  # SOLUTION\\nprint(w)")
    'w = ...\\nprint(w)'
    >>> strip_solution_source("x = 1\\n# BEGIN SOLUTION\\ny = 2\\n# END SOLUTION")
    'x = 1\\n...'
    """
    out: list[str] = []
    inside = False
    for line in source.split("\n"):
        begin = _BEGIN.match(line)
        if begin:
            inside = True
            out.append(f"{begin.group('indent')}...")
            continue
        if _END.match(line):
            inside = False
            continue
        if inside:
            continue
        if _SOLUTION_LINE.search(line):
            assignment = _ASSIGNMENT.match(line)
            if assignment:
                out.append(f"{assignment.group('indent')}{assignment.group('target').rstrip()} ...")
            continue
        out.append(line)
    return "\n".join(out)


def lock_check_cells(nb: dict[str, Any]) -> dict[str, Any]:
    """Mark every cell tagged ``check`` read-only and undeletable."""
    for cell in nb["cells"]:
        if "check" in cell.get("metadata", {}).get("tags", []):
            cell["metadata"]["editable"] = False
            cell["metadata"]["deletable"] = False
    return nb


def make_trainee(solution: dict[str, Any]) -> dict[str, Any]:
    """Return the trainee notebook derived from a *solution* notebook dict."""
    nb = copy.deepcopy(solution)
    cells = []
    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if "solution" in tags:
            if cell["cell_type"] == "markdown":
                continue
            source = "..."
        elif cell["cell_type"] == "code":
            source = strip_solution_source(source)
        cell["source"] = source
        cell["metadata"] = {k: v for k, v in cell.get("metadata", {}).items() if k in _KEEP_METADATA}
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cell.pop("id", None)
        cells.append(cell)
    nb["cells"] = cells
    nb["metadata"] = {k: v for k, v in nb.get("metadata", {}).items()
                      if k in ("kernelspec", "language_info", "kamlab")}
    nb["metadata"].get("language_info", {}).pop("version", None)
    nb["nbformat"], nb["nbformat_minor"] = 4, 4
    return lock_check_cells(nb)


def dumps(nb: dict[str, Any]) -> str:
    """Serialise a notebook the way Jupyter does (stable, one trailing newline)."""
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def execute_solution(path: Path, timeout: int = 600) -> None:
    """Re-run a solution notebook in place, storing outputs without timestamps."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            # widget views carry a random model id and no state is stored
            output.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
    nb.metadata.pop("widgets", None)
    path.write_text(dumps(json.loads(nbformat.writes(nb))), encoding="utf-8")


INDEX_INTRO = """# kamlab 医药 OTC 连锁大客户管理实训工作簿

欢迎！这本工作簿把一天的大客户管理课程变成可以动手操作的练习：每个模块一本笔记本，
按顺序学习，每个练习都可以**拖动滑块、选择选项**完成（不用写代码），也可以写一行代码完成。

**怎么用**
1. 点击下面表格里的模块名称打开笔记本。
2. 从上到下依次运行单元格（菜单 *Run → Run All Cells*，或每个单元格按 `Shift + Enter`）。
3. 标有 ✏️ 的是练习：用表单生成答案行，复制到答案单元格；运行下面的检查单元格，会显示 ✓ 或 ✗ 和提示。
4. 模块 m02 选出的重点客户会在后面的模块继续使用（参数 `account`）。
5. 自学：每个模块的参考答案在最后一列（文件夹 `solutions/`）。先自己做完再对照；答案里的表单显示为静态图，
   运行全部单元格后就可以操作。
6. 想用自己的数据？在参数单元格里写 `data_file = "我的数据.xlsx"`（CSV 或 XLSX）。文件有问题时
   （缺列、数字列里有文字、找不到文件），会显示一句简短的中文提示，说明哪一列、哪一行、怎么改。

**语言 / Language**：默认中文。把笔记本第一个代码单元格（参数单元格）里的 `language = "zh"` 改成
`language = "en"`，再运行全部单元格（或在任意单元格运行 `kl.set_language("en")`），所有提示、图表和自测都会变成英文。

**English**: set `language = "en"` in a notebook's parameters cell (the first code cell), then run all cells
(or run `kl.set_language("en")`) to see every message, chart and self-check in English. Self-study: the last
column links each module's completed solution (folder `solutions/`); its forms show as pictures until you run
all cells."""


def make_index() -> dict[str, Any]:
    """Return the start page: every module in teaching order, linked when built."""
    import nbformat

    from kamlab.course._catalog import CATALOG

    rows = ["| 模块 | 内容 | 课程出处 | 参考答案 / solution |", "|---|---|---|---|"]
    for info in CATALOG:
        found = sorted(NOTEBOOKS.glob(f"{info.id}_*.ipynb"))
        title = (f"[{info.id} {info.title_zh}]({found[0].name})" if found
                 else f"{info.id} {info.title_zh}（建设中）")
        solved = sorted(SOLUTIONS.glob(f"{info.id}_*.ipynb"))
        answer = f"[答案 {info.id}](../{SOLUTIONS.name}/{solved[0].name})" if solved else ""
        rows.append(f"| {title} | {info.summary_zh} | 讲义 {info.seed} | {answer} |")
    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('language = "zh"  # "en": English titles / 英文目录')
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(INDEX_INTRO),
                nbformat.v4.new_markdown_cell("## 模块 / Modules\n\n" + "\n".join(rows)),
                nbformat.v4.new_markdown_cell("运行下面两个单元格，可以按所选语言列出全部模块和它们用到的工具 / "
                                              "Run the two cells below for the module list in your language."),
                parameters,
                nbformat.v4.new_code_cell("import kamlab as kl\n\nkl.course.catalog_table(language)")]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"index-{i}"
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    return json.loads(nbformat.writes(nb))


def build(check: bool = False) -> list[Path]:
    """Write (or, with *check*, compare) every trainee notebook; return stale paths."""
    stale: list[Path] = []
    index_path = NOTEBOOKS / "index.ipynb"
    index_text = dumps(make_index())
    if not index_path.exists() or index_path.read_text(encoding="utf-8") != index_text:
        stale.append(index_path)
        if not check:
            index_path.write_text(index_text, encoding="utf-8")
    for solution_path in sorted(SOLUTIONS.glob("*.ipynb")):
        solution = json.loads(solution_path.read_text(encoding="utf-8"))
        target = NOTEBOOKS / solution_path.name
        text = dumps(make_trainee(solution))
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            stale.append(target)
            if not check:
                target.write_text(text, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale notebooks")
    parser.add_argument("--execute", nargs="*", metavar="MODULE",
                        help="re-run these solutions (all when none named) before building")
    args = parser.parse_args(argv)
    if args.execute is not None:
        wanted = set(args.execute)
        if wanted & {f"m0{i}" for i in range(1, 8)}:
            wanted.add("m08")  # m08's stored outputs summarise the m01-m07 solutions
        for path in sorted(SOLUTIONS.glob("*.ipynb")):
            if not args.execute or path.stem.split("_", 1)[0] in wanted:
                print(f"executing: {path.relative_to(ROOT)}", flush=True)
                execute_solution(path)
    stale = build(check=args.check)
    for path in stale:
        print(("stale: " if args.check else "wrote: ") + str(path.relative_to(ROOT)))
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
