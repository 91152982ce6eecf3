"""Shared fixtures for tests and doctests: Agg backend, Chinese language, no leftover figures."""

from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")
# Kernels started by nbval and papermill inherit the environment: without
# MPLBACKEND they use the inline backend, so notebook charts are stored.
os.environ.pop("MPLBACKEND", None)

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import kamlab  # noqa: E402


@pytest.fixture(autouse=True)
def _reset_state():
    kamlab.set_language("zh")
    yield
    kamlab.set_language("zh")
    plt.close("all")


# Fixture notebooks are inputs of the grading tests, not notebooks to check;
# trainee notebooks are run by tests/test_notebooks.py (they hold no outputs).
# kamlab/course/solutions links to solutions/ (package data): checked there once.
collect_ignore_glob = ["tests/fixtures/*", "notebooks/*", "bench/*", "kamlab/course/solutions/*"]


def _nbval_runs_cells_like_jupyter() -> None:
    """Make nbval execute cells with history on, as JupyterLab does.

    nbval sends every cell with ``store_history=False``; IPython then cannot
    see that a cell ends in ``;`` and shows the value a trainee's notebook
    hides (``res.plot();``), so the outputs nbval compares differ from the
    ones Jupyter stores.
    """
    try:
        from nbval.kernel import RunningKernel
    except ImportError:  # pragma: no cover - nbval is a dev dependency
        return

    def execute_cell_input(self, cell_input, allow_stdin=None):
        return self.kc.execute(cell_input, store_history=True, allow_stdin=allow_stdin,
                               stop_on_error=False)

    RunningKernel.execute_cell_input = execute_cell_input


_nbval_runs_cells_like_jupyter()
