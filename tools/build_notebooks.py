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
                            store_widget_state=False, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    path.write_text(dumps(json.loads(nbformat.writes(nb))), encoding="utf-8")


def build(check: bool = False) -> list[Path]:
    """Write (or, with *check*, compare) every trainee notebook; return stale paths."""
    stale: list[Path] = []
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
        for path in sorted(SOLUTIONS.glob("*.ipynb")):
            if not args.execute or path.stem.split("_", 1)[0] in args.execute:
                print(f"executing: {path.relative_to(ROOT)}", flush=True)
                execute_solution(path)
    stale = build(check=args.check)
    for path in stale:
        print(("stale: " if args.check else "wrote: ") + str(path.relative_to(ROOT)))
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
