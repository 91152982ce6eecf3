"""Every workshop notebook runs, takes papermill parameters, and grades right on a hidden variant.

The solutions are also checked cell by cell, outputs included, by nbval
(``--nbval`` in pyproject's pytest options, with ``tests/nbval_sanitize.cfg``).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pytest

import kamlab as kl

ROOT = Path(__file__).resolve().parents[1]
TRAINEE = sorted((ROOT / "notebooks").glob("m*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("m*.ipynb"))
PARAMETERS = {"trainee": str, "variant": int, "language": str, "data_file": type(None)}
#: A variant no notebook was written against.
HIDDEN_VARIANT = 5


def _ids(paths):
    return [p.stem for p in paths]


def _module(path: Path) -> str:
    return path.stem.split("_", 1)[0]


def test_there_is_a_notebook_per_built_module():
    assert {_module(p) for p in SOLUTIONS} >= {"m02", "m07"}


@pytest.mark.parametrize("path", TRAINEE + SOLUTIONS, ids=_ids(TRAINEE) + [f"sol-{i}" for i in _ids(SOLUTIONS)])
def test_parameters_cell_has_the_grading_contract(path):
    found = papermill.inspect_notebook(str(path))
    assert set(PARAMETERS) <= set(found), f"{path.name}: parameters cell lacks {set(PARAMETERS) - set(found)}"
    nb = nbformat.read(path, as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0] <= 3, "one parameters cell, near the top"
    assert nb.metadata["kamlab"]["module"] == _module(path)


@pytest.mark.parametrize("path", TRAINEE, ids=_ids(TRAINEE))
def test_trainee_notebook_runs_top_to_bottom_unanswered(path, tmp_path):
    out = tmp_path / path.name
    papermill.execute_notebook(str(path), str(out), parameters={"trainee": "test"},
                               kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    nb = nbformat.read(out, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []


@pytest.mark.parametrize("path", SOLUTIONS, ids=_ids(SOLUTIONS))
def test_solution_gets_full_marks_on_a_hidden_variant(path, tmp_path):
    from kamlab.course import get_bank
    from kamlab.grading import Context, read_answers

    module = _module(path)
    out = tmp_path / path.name
    papermill.execute_notebook(str(path), str(out), parameters={"variant": HIDDEN_VARIANT},
                               kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    answers = read_answers(nbformat.read(out, as_version=4), module)
    bank = get_bank(module)
    # as the grader does: computed answers on the hidden variant, literal judgments on the variant
    # the trainee saw (the solution's own parameters cell: variant 0)
    verdicts = bank.grade(answers, Context(module=module, variant=HIDDEN_VARIANT, seen_variant=0))
    lost = {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual}
    assert lost == {}
    assert {q.key for q in bank.questions if not q.manual} <= set(answers)


def test_check_cells_are_locked_in_trainee_notebooks():
    for path in TRAINEE:
        nb = nbformat.read(path, as_version=4)
        checks = [c for c in nb.cells if "check" in c.metadata.get("tags", [])]
        assert checks, f"{path.name} has no check cells"
        assert all(c.metadata.get("editable") is False and c.metadata.get("deletable") is False
                   for c in checks)


def test_trainee_notebooks_store_no_outputs():
    for path in TRAINEE:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name
