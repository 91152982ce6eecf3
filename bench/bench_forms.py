"""Forms are live: the redraw time of every answer form of m01–m14 (issue 11, ``docs/teaching.md`` §3).

Run ``python bench/bench_forms.py [m13 ...]``.  Each solution notebook's code
cells run in this process (in a temporary folder, matplotlib's ``Agg``
backend) up to the cell that builds a form (``form_qN = ...``); the form is
then operated as a trainee would: one control changed at a time, in turn
(drop-downs and sliders set to another random value, one check box
clicked, a table cell or text box edited), each change redrawing the form's chart and text
synchronously.  After ``WARMUP`` changes, ``CHANGES`` changes are timed.
Printed: the median redraw per form, the median per module (over all timed
changes of its forms) and the worst module.  Goal: every module's median
≤ 150 ms.  Figures only: no test asserts a wall-clock time.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_MS = 150.0
WARMUP = 3
CHANGES = 15


def _changers(form, rng: random.Random) -> list[Callable[[], None]]:
    """One function per control of *form*: each call changes that control once (a trainee's click)."""
    import ipywidgets as w

    from kamlab.widgets import CheckList, TableEditor
    from kamlab.widgets._random import _random_value

    def pick(control):
        def change():
            for _ in range(20):
                value = _random_value(control, rng)
                if value != control.value:
                    break
            control.value = value
        return change

    def click(boxes):
        def change():            # a click on one check box
            box = rng.choice(boxes)
            box.value = not box.value
        return change

    def edit(box):
        original = box.value

        def change():            # a typed space: the text (and the answer) changes, the meaning does not
            box.value = original if box.value != original else original + " "
        return change

    out = []
    for control in form.controls.values():
        if isinstance(control, TableEditor):
            out += [edit(box) for cells in control.cells[:1] for box in list(cells.values())[:2]]
        elif isinstance(control, CheckList):
            out.append(click(control.boxes))
        elif isinstance(control, (w.Text, w.Textarea)):
            out.append(edit(control))
        else:
            out.append(pick(control))
    return out


def time_form(form, rng: random.Random, *, warmup: int = WARMUP, changes: int = CHANGES) -> list[float]:
    """Seconds of each of *changes* timed control changes of *form* (after *warmup* untimed ones)."""
    changers = _changers(form, rng)
    if not changers:
        return []
    times = []
    for i in range(warmup + changes):
        change = changers[i % len(changers)]
        t0 = time.perf_counter()
        change()
        if i >= warmup:
            times.append(time.perf_counter() - t0)
    return times


def module_forms(notebook: Path, seed: int = 0) -> dict[str, list[float]]:
    """``form name -> redraw seconds`` for every form the solution *notebook* builds."""
    import nbformat

    from kamlab.widgets import AnswerForm

    nb = nbformat.read(notebook, as_version=4)
    namespace: dict = {"__name__": "__main__"}
    result: dict[str, list[float]] = {}
    rng = random.Random(seed)
    sink = io.StringIO()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        with contextlib.redirect_stdout(sink):
            exec(compile(cell.source, notebook.name, "exec"), namespace)
        first = cell.source.lstrip()
        for name, obj in list(namespace.items()):
            if (name.startswith("form_") and isinstance(obj, AnswerForm) and name not in result
                    and first.startswith(f"{name} =")):
                with contextlib.redirect_stdout(sink):
                    result[name] = time_form(obj, rng)
    return result


def main(modules: list[str] | None = None) -> dict[str, float]:
    """Print the figures; return the median redraw (ms) per module."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    medians: dict[str, float] = {}
    here = Path.cwd()
    notebooks = sorted((ROOT / "solutions").glob("m[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)                       # notebooks write files (exports): keep them out of the repo
        try:
            for notebook in notebooks:
                module = notebook.name[:3]
                if modules and module not in modules:
                    continue
                forms = module_forms(notebook)
                plt.close("all")
                pooled = [t for times in forms.values() for t in times]
                if not pooled:
                    continue
                medians[module] = statistics.median(pooled) * 1000
                per_form = ", ".join(f"{name[5:]} {statistics.median(ts) * 1000:.0f}"
                                     for name, ts in forms.items() if ts)
                print(f"{module}: median {medians[module]:.0f} ms over {len(pooled)} changes of "
                      f"{len(forms)} forms (per form, ms: {per_form})")
        finally:
            os.chdir(here)
    if medians:
        worst = max(medians, key=medians.get)
        print(f"worst module: {worst}, median redraw {medians[worst]:.0f} ms (goal ≤ {GOAL_MS:.0f} ms; "
              f"{medians[worst] / GOAL_MS:.2f} of the budget); "
              f"{sum(m <= GOAL_MS for m in medians.values())} of {len(medians)} modules within the goal")
    return medians


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:] or None)
