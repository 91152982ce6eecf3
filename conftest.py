"""Shared fixtures for tests and doctests: Agg backend, Chinese language, no leftover figures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

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
collect_ignore_glob = ["tests/fixtures/*", "notebooks/*", "bench/*"]
