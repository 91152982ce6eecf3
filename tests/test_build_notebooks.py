"""The trainee notebooks are generated from the solutions, never edited by hand."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
build_notebooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_notebooks)


def _solution() -> dict:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kamlab"] = {"module": "m02"}
    nb.metadata["widgets"] = {"state": {}}
    params = nbformat.v4.new_code_cell('trainee = ""\nvariant = 0')
    params.metadata["tags"] = ["parameters"]
    answer = nbformat.v4.new_code_cell("weights = {'合作潜力': 40}  # SOLUTION\nres = screen(weights)")
    answer.outputs = [nbformat.v4.new_output("stream", text="42\n")]
    answer.execution_count = 3
    block = nbformat.v4.new_code_cell("x = 1\n# BEGIN SOLUTION\ny = x + 1\nz = y\n# END SOLUTION\nprint(x)")
    check = nbformat.v4.new_code_cell('wb.check("q1", weights)')
    check.metadata["tags"] = ["check"]
    only_solution = nbformat.v4.new_markdown_cell("参考答案的解释")
    only_solution.metadata["tags"] = ["solution"]
    nb.cells = [params, answer, block, check, only_solution]
    return json.loads(nbformat.writes(nb))


def test_solution_lines_become_placeholders_and_outputs_are_cleared():
    trainee = build_notebooks.make_trainee(_solution())
    sources = [c["source"] for c in trainee["cells"]]
    assert sources[1] == "weights = ...\nres = screen(weights)"
    assert sources[2] == "x = 1\n...\nprint(x)"
    assert all(c.get("outputs", []) == [] for c in trainee["cells"])
    assert all(c.get("execution_count") is None for c in trainee["cells"] if c["cell_type"] == "code")
    assert "参考答案的解释" not in json.dumps(trainee, ensure_ascii=False)
    assert "widgets" not in trainee["metadata"] and trainee["metadata"]["kamlab"] == {"module": "m02"}


def test_check_cells_are_locked_and_parameters_kept():
    trainee = build_notebooks.make_trainee(_solution())
    check = trainee["cells"][3]
    assert check["metadata"] == {"tags": ["check"], "editable": False, "deletable": False}
    assert trainee["cells"][0]["metadata"]["tags"] == ["parameters"]
    nbformat.validate(nbformat.reads(build_notebooks.dumps(trainee), as_version=4))


def test_committed_trainee_notebooks_match_their_solutions():
    stale = build_notebooks.build(check=True)
    assert stale == [], f"run: python tools/build_notebooks.py  (stale: {stale})"


def test_every_solution_has_a_trainee_copy_and_back():
    solutions = {p.name for p in (ROOT / "solutions").glob("*.ipynb")}
    trainee = {p.name for p in (ROOT / "notebooks").glob("m*.ipynb")}
    assert trainee == solutions
