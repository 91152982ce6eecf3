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
from kamlab.grading import Context, Verdict, decode, encode, read_answers

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
    parameters : mapping
        Further papermill parameters (e.g. ``{"language": "en"}``).

    Returns
    -------
    executed notebook, recorded answers, verdicts of the question bank

    Raises
    ------
    AssertionError
        A key of *operations* or *literals* has no answer cell in the notebook.
    """
    nb = nbformat.read(trainee_notebook(module), as_version=4)
    cells, answered = [], set()
    for cell in nb.cells:
        key = answer_key(cell)
        if key in literals:
            cell = nbformat.v4.new_code_cell(literals[key])
        elif key is not None:
            if key in operations:
                cells.append(nbformat.v4.new_code_cell(operations[key]))
            cell = nbformat.v4.new_code_cell(f"exec(form_{key}.line)")
        if key is not None:
            answered.add(key)
        cells.append(cell)
    missing = (set(operations) | set(literals)) - answered
    assert not missing, f"no answer cell for {sorted(missing)} in the {module} notebook"
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


def scores(verdicts: Mapping[str, Verdict]) -> dict[str, tuple[bool, float]]:
    """``key -> (ok, score)`` of every auto-graded question."""
    return {k: (v.ok, v.score) for k, v in verdicts.items() if not v.manual}


def run_unanswered(module: str, tmp_path: Path, *, variant: int = 0,
                   parameters: Mapping[str, object] = {}) -> nbformat.NotebookNode:
    """Run the trainee notebook of *module* as it ships (nothing answered); return the executed notebook.

    *parameters* are further papermill parameters (e.g. ``{"language": "en"}``).
    """
    out = tmp_path / "executed.ipynb"
    papermill.execute_notebook(str(trainee_notebook(module)), str(out), kernel_name="python3", progress_bar=False,
                               parameters={"variant": variant, **parameters}, cwd=str(tmp_path))
    return nbformat.read(out, as_version=4)


def check_texts(nb: nbformat.NotebookNode) -> list[str]:
    """The plain-text outputs of the cells tagged ``check`` of an executed notebook."""
    return [o.get("data", {}).get("text/plain", "") for c in nb.cells if "check" in c.metadata.get("tags", [])
            for o in c.outputs]


def recorded(answer: object) -> object:
    """*answer* as the grader reads it back from the notebook (encoded, then decoded)."""
    return decode(encode(answer))


def grade_recorded(module: str, answers: Mapping[str, object], variant: int = 0) -> dict[str, Verdict]:
    """Grade *answers* as recorded in a notebook with *module*'s question bank on data *variant*."""
    return get_bank(module).grade({k: recorded(v) for k, v in answers.items()}, Context(module, variant=variant))


# --------------------------------------------------------------------------- discrimination probes
_PROBE = '''
import random as _kl_random
from kamlab.widgets import randomize_form as _kl_randomize
_kl_form = form_{key}
_kl_untouched_{key} = _kl_form.line
_kl_rng = _kl_random.Random({seed})
_kl_passes = 0
_kl_draw, _kl_form._draw = _kl_form._draw, None            # no charts while probing
for _kl_i in range({trials}):
    _kl_randomize(_kl_form, _kl_rng)
    _kl_ns = dict(globals())
    try:
        exec(_kl_form.line, _kl_ns)
        _kl_passes += bool(wb.verdict("{key}", _kl_ns["{key}"]).ok)
    except Exception:
        pass
_kl_form._draw = _kl_draw
print("KAMLAB-PROBE {key}", _kl_passes)
'''


def probe_forms(module: str, tmp_path: Path, *, trials: int = 20, seed: int = 0, variant: int = 0,
                literals: Mapping[str, str] = {}) -> tuple[dict[str, float], dict[str, Verdict]]:
    """Probe every form of *module*: random settings, then the untouched form's line.

    After each form cell the notebook sets the form's controls at random
    *trials* times and checks the line each setting writes (the pass rate per
    question); every answer cell then gets the line of the form *as it was
    built* (untouched), and the recorded answers are graded.

    Returns
    -------
    pass rate of random settings per key, verdicts of the untouched forms
    """
    nb = nbformat.read(trainee_notebook(module), as_version=4)
    keys = [k for c in nb.cells if (k := answer_key(c)) is not None]
    cells = []
    for cell in nb.cells:
        key = answer_key(cell)
        if key in literals:
            cell = nbformat.v4.new_code_cell(literals[key])
        elif key is not None:
            cell = nbformat.v4.new_code_cell(f"exec(_kl_untouched_{key})")
        cells.append(cell)
        src = cell.source if cell.cell_type == "code" else ""
        for k in keys:
            if k not in literals and src.lstrip().startswith(f"form_{k} ="):
                cells.append(nbformat.v4.new_code_cell(_PROBE.format(key=k, seed=seed, trials=trials)))
    nb.cells = cells
    src, out = tmp_path / "probed.ipynb", tmp_path / "probed_out.ipynb"
    nbformat.write(nb, src)
    papermill.execute_notebook(str(src), str(out), kernel_name="python3", progress_bar=False,
                               parameters={"trainee": "probe", "variant": variant}, cwd=str(tmp_path))
    executed = nbformat.read(out, as_version=4)
    rates: dict[str, float] = {}
    for c in executed.cells:
        for o in c.get("outputs", []):
            for line in str(o.get("text", "")).splitlines():
                if line.startswith("KAMLAB-PROBE "):
                    _, key, passes = line.split()
                    rates[key] = int(passes) / trials
    answers = read_answers(executed, module)
    verdicts = get_bank(module).grade(answers, Context(module, variant=variant))
    return rates, verdicts
