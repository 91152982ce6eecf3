"""Run a trainee notebook the way a trainee answers it, and grade what it recorded.

Shared by the module tests (``tests/test_mXX.py``): the *widget path* test
operates each question's form (``form_qN.controls[...] = ...``), pastes the
line the form writes (``exec(form_qN.line)`` is exactly pasting it) into the
answer cell, runs the notebook with papermill on a hidden variant and grades
the recorded answers with the module's question bank in the test process.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import nbformat
import papermill

from kamlab.course import get_bank
from kamlab.grading import Context, Verdict, read_answers

ROOT = Path(__file__).resolve().parents[1]


def trainee_notebook(module: str) -> Path:
    """Path of the trainee notebook of *module* (``notebooks/<module>_*.ipynb``)."""
    (path,) = sorted((ROOT / "notebooks").glob(f"{module}_*.ipynb"))
    return path


def answer_key(cell) -> str | None:
    """The question key a trainee answer cell (``qN = ...``) assigns, else ``None``."""
    if cell.cell_type != "code":
        return None
    first = cell.source.strip().split("\n")[0]
    return first.split(" = ...", 1)[0].strip() if first.rstrip().endswith(" = ...") else None


def run_answered(module: str, tmp_path: Path, *, operations: Mapping[str, str] = {},
                 literals: Mapping[str, str] = {}, variant: int = 5,
                 parameters: Mapping[str, object] = {}) -> tuple[nbformat.NotebookNode, dict, dict[str, Verdict]]:
    """Answer the trainee notebook of *module* through its forms and grade it.

    Parameters
    ----------
    operations : mapping
        ``key -> code`` run before pasting the form's line (the trainee's
        clicks, e.g. ``form_q1.controls["合作潜力"].value = 35``).  Every key
        not in *literals* is answered with ``exec(form_<key>.line)``.
    literals : mapping
        ``key -> source`` of answer cells typed by hand (free text).
    variant : int
        The data variant papermill injects (a hidden one by default).

    Returns
    -------
    executed notebook, recorded answers, verdicts of the question bank
    """
    nb = nbformat.read(trainee_notebook(module), as_version=4)
    cells = []
    for cell in nb.cells:
        key = answer_key(cell)
        if key in literals:
            cell = nbformat.v4.new_code_cell(literals[key])
        elif key is not None:
            if key in operations:
                cells.append(nbformat.v4.new_code_cell(operations[key]))
            cell = nbformat.v4.new_code_cell(f"exec(form_{key}.line)")
        cells.append(cell)
    nb.cells = cells
    src, out = tmp_path / "answered.ipynb", tmp_path / "executed.ipynb"
    nbformat.write(nb, src)
    papermill.execute_notebook(str(src), str(out), kernel_name="python3", progress_bar=False,
                               parameters={"trainee": "widget", "variant": variant, **parameters},
                               cwd=str(tmp_path))
    executed = nbformat.read(out, as_version=4)
    answers = read_answers(executed, module)
    verdicts = get_bank(module).grade(answers, Context(module, variant=variant))
    return executed, answers, verdicts


def cell_errors(nb: nbformat.NotebookNode) -> list[dict]:
    """Every error output of an executed notebook."""
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


def lost_points(verdicts: Mapping[str, Verdict]) -> dict[str, str]:
    """``key -> reason`` of every auto-graded question that lost points."""
    return {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual}
