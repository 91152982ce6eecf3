"""Make a realistic example class of submissions from a module's solution notebook.

:func:`example_class` writes ``n`` notebooks (outputs cleared): some perfect,
some with one or two wrong or missing answers, some with numbers typed in from
variant 0 (they fail on the grader's hidden variant) and one of each hostile
kind the grader must survive.  The mutations are small public functions so the
grading tests build the same fixtures.

Answer cells are the code cells whose first line is ``<key> = ...`` and that
are tagged ``answer`` or assign a key that a check cell (tagged ``check``)
checks with ``wb.check("<key>", ...)``.
"""

from __future__ import annotations

import copy
import re
import tempfile
from importlib import resources
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import numpy as np
import papermill
from nbformat.v4 import new_code_cell

from .._errors import BadSpecError
from ..answers import read_answers

__all__ = ["example_class", "find_solution", "HOSTILE", "answer_keys", "set_trainee", "set_answer",
           "insert_after_check", "typed_in", "dumps", "clear_outputs"]

_ASSIGN = re.compile(r"^\s*([A-Za-z_]\w*)\s*=")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["芳", "伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超",
         "秀英", "丽", "强", "平", "刚", "桂英", "建华", "晓东", "雪", "婷"]


def find_solution(module: str) -> Path:
    """The solution notebook of *module*, shipped as package data.

    ``kamlab/course/solutions/<module>_*.ipynb`` (the repository's
    ``solutions/`` folder, installed with the package, so a plain
    ``pip install .`` finds it); in a source checkout where that link is not
    a folder (git on Windows without symlinks) the repository's
    ``solutions/``; ``tests/fixtures/demo_solution.ipynb`` for ``demo``.

    Examples
    --------
    >>> find_solution("m02").name
    'm02_screening.ipynb'
    """
    shipped = resources.files("kamlab.course").joinpath("solutions")
    root = Path(__file__).resolve().parents[2]
    folders = [Path(str(shipped)), root / "solutions"]
    hits: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            hits = sorted(folder.glob(f"{module}_*.ipynb"))
            break
    if module == "demo":
        hits.append(root / "tests" / "fixtures" / "demo_solution.ipynb")
    hits = [h for h in hits if h.is_file()]
    if not hits:
        raise BadSpecError(
            zh=f"找不到模块 {module!r} 的答案 notebook（solutions/{module}_*.ipynb）：请用 --solution 指定。",
            en=f"No solution notebook for module {module!r} (solutions/{module}_*.ipynb): pass --solution.",
            column="module")
    return hits[0]


def clear_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []) or [])


def answer_keys(nb) -> dict[str, int]:
    """key -> index of its answer cell."""
    found = {}
    checked = {m.group(1) for cell in nb.cells if cell.cell_type == "code" and "check" in _tags(cell)
               for m in re.finditer(r"\.check\(\s*[\"'](\w+)[\"']", cell.source)}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        m = _ASSIGN.match(cell.source)
        # an answer cell is tagged ``answer``, or assigns a key a check cell checks
        if m and ("answer" in _tags(cell) or m.group(1) in checked):
            found.setdefault(m.group(1), i)
    return found


def set_trainee(nb, name: str):
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if "parameters" in _tags(cell):
            cell.source = re.sub(r'(?m)^trainee\s*=.*$', f"trainee = {name!r}", cell.source)
    return nb


def set_answer(nb, key: str, code: str):
    """Replace the answer cell of *key* with ``<key> = <code>``."""
    nb = copy.deepcopy(nb)
    i = answer_keys(nb)[key]
    nb.cells[i].source = f"{key} = {code}\n{key}" if "\n" in nb.cells[i].source else f"{key} = {code}"
    return nb


def _check_index(nb, key: str) -> int:
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "check" in _tags(cell) and re.search(rf"[\"']{key}[\"']", cell.source):
            return i
    return answer_keys(nb)[key]


def insert_after_check(nb, key: str, code: str):
    """Insert a code cell running *code* just after the check cell of *key*."""
    nb = copy.deepcopy(nb)
    nb.cells.insert(_check_index(nb, key) + 1, new_code_cell(code))
    return nb


def _typeable(value: Any) -> Any:
    """*value* as a trainee would type it (numbers rounded), or ``None`` if not typeable."""
    if hasattr(value, "item") and getattr(value, "ndim", 1) == 0:
        value = value.item()  # numpy scalar -> the number a trainee would type
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, (bool, int, str)):
        return value
    if type(value) in (list, tuple):
        items = [_typeable(v) for v in value]
        return None if any(i is None for i in items) else type(value)(items)
    if type(value) is dict and all(isinstance(k, str) for k in value):
        items = {k: _typeable(v) for k, v in value.items()}
        return None if any(v is None for v in items.values()) else items
    return None


def typed_in(nb, values: dict[str, Any]):
    """Answers typed in as literals (e.g. read off variant 0) instead of computed.

    Numbers, texts and plain lists / dicts of them are typed; tables are not.

    Examples
    --------
    >>> _typeable({"a": 1.234, "b": ["C01", 2]})
    {'a': 1.23, 'b': ['C01', 2]}
    >>> _typeable(object()) is None
    True
    """
    for key, value in values.items():
        typed = _typeable(value)
        if typed is not None and key in answer_keys(nb):
            nb = set_answer(nb, key, repr(typed))
    return nb


def dumps(nb) -> bytes:
    return nbformat.writes(nb).encode("utf-8")


def _first_keys(nb, n: int) -> list[str]:
    return list(answer_keys(nb))[:n]


# ---------------------------------------------------------------- hostile submissions
def _loop(nb):
    return insert_after_check(nb, _first_keys(nb, 1)[0], "while True:\n    pass")


def _exit(nb):
    return insert_after_check(nb, _first_keys(nb, 2)[-1], "import os\nos._exit(1)")


def _membomb(nb):
    return insert_after_check(nb, _first_keys(nb, 1)[0],
                              "hog = []\nwhile True:\n    hog.append(bytearray(50_000_000))")


def _huge(nb):
    return insert_after_check(nb, _first_keys(nb, 1)[0], 'print("x" * 100_000_000)')


def _other_module(nb, other: str = "m07"):
    nb = copy.deepcopy(nb)
    module = nb.metadata.get("kamlab", {}).get("module", "")
    nb.metadata["kamlab"] = {"module": other}
    for cell in nb.cells:
        if cell.cell_type == "code" and module:
            cell.source = cell.source.replace(f'workbook("{module}"', f'workbook("{other}"')
    return nb


MONKEY = '''import kamlab as kl
from kamlab.grading import _bank, _workbook, Verdict
# a trainee trying to fool the checks: every check says full marks
_bank.QuestionBank.check = lambda self, key, answer, ctx=None: Verdict(True, 100.0)
_bank.QuestionBank.grade = lambda self, answers, ctx=None: {q.key: Verdict(True, 100.0) for q in self.questions}
kl.grading.encode = lambda answer: "C01"
_workbook.encode = lambda answer: "C01"'''


def _monkey(nb):
    nb = copy.deepcopy(nb)
    setup = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "workbook(" in c.source)
    nb.cells.insert(setup + 1, new_code_cell(MONKEY))
    for key in answer_keys(nb):
        nb = set_answer(nb, key, "...")
    return nb


def _deleted(nb):
    nb = copy.deepcopy(nb)
    keys = list(answer_keys(nb))
    drop = {_check_index(nb, keys[1])}
    drop |= {i for i, c in enumerate(nb.cells) if "parameters" in _tags(c)}
    nb.cells = [c for i, c in enumerate(nb.cells) if i not in drop]
    # reorder: the third check before its answer cell (the check then fails: NameError)
    if len(keys) > 2:
        a, c = answer_keys(nb)[keys[2]], _check_index(nb, keys[2])
        nb.cells[a], nb.cells[c] = nb.cells[c], nb.cells[a]
    return nb


def _writes_outside(nb):
    return insert_after_check(nb, _first_keys(nb, 1)[0],
                              'with open("../../../ESCAPED.txt", "w") as fh:\n    fh.write("written outside")')


def _reads_other(nb):
    return insert_after_check(nb, _first_keys(nb, 1)[0],
                              "import glob\nstolen = [open(p, encoding='utf-8').read()[:100]\n"
                              "          for p in glob.glob('../*/*.ipynb')]")


#: name -> mutation (None: the bytes are corrupted, see :func:`example_class`)
HOSTILE: dict[str, Callable | None] = {
    "endless_loop": _loop, "os_exit": _exit, "memory_bomb": _membomb, "huge_output": _huge,
    "corrupt_json": None, "other_module": _other_module, "monkey_patch": _monkey,
    "deleted_cells": _deleted, "writes_outside": _writes_outside, "reads_other": _reads_other,
}


def corrupt(data: bytes) -> bytes:
    """Cut a notebook in the middle of its JSON."""
    return data[: len(data) // 2]


def _variant0_answers(solution: Path, module: str) -> dict[str, Any]:
    """Run the solution once on variant 0 and read its recorded answers."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.ipynb"
        try:
            papermill.execute_notebook(str(solution), str(out), parameters={"variant": 0},
                                       kernel_name="python3", progress_bar=False, cwd=tmp)
        except Exception:  # noqa: BLE001 - answers recorded before a failure still count
            pass
        if not out.exists():
            return {}
        return read_answers(nbformat.read(out, as_version=4), module)


def example_class(module: str, out: str | Path, *, n: int = 24, seed: int = 0,
                  solution: str | Path | None = None) -> list[Path]:
    """Write an example class of *n* submissions of *module* into folder *out*.

    Returns the paths written (``NN_<name>.ipynb``).  Deterministic for a given
    *seed*.  One submission of each :data:`HOSTILE` kind is always included.
    """
    if n < len(HOSTILE) + 6:
        raise BadSpecError(zh=f"n 至少为 {len(HOSTILE) + 6}，收到 {n}。",
                           en=f"n must be at least {len(HOSTILE) + 6}, got {n}.", column="n")
    sol = Path(solution) if solution else find_solution(module)
    base = clear_outputs(nbformat.read(sol, as_version=4))
    keys = list(answer_keys(base))
    auto = [k for k in keys if not re.search(r"(?i)memo|text|essay", k)]
    rng = np.random.default_rng(seed)
    names, seen = [], set()
    while len(names) < n:
        name = SURNAMES[rng.integers(len(SURNAMES))] + GIVEN[rng.integers(len(GIVEN))]
        if name not in seen:
            seen.add(name)
            names.append(name)
    rest = n - len(HOSTILE)
    n_typed, n_two, n_one = 2, max(1, rest // 6), max(1, rest // 5)  # the rest (≥ 2) perfect
    plan = (["typed"] * n_typed + ["two_wrong"] * n_two + ["one_wrong"] * n_one
            + ["perfect"] * (rest - n_typed - n_two - n_one) + list(HOSTILE))
    order = rng.permutation(len(plan))
    typed_values = _variant0_answers(sol, module) if "typed" in plan else {}
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, j in enumerate(order):
        kind, name = plan[j], names[i]
        nb = set_trainee(base, name)
        if kind in ("one_wrong", "two_wrong"):
            for key in rng.choice(auto[:3] or keys, size=1 if kind == "one_wrong" else 2, replace=False):
                nb = set_answer(nb, str(key), "..." if rng.random() < 0.3 else "0")
        elif kind == "typed":
            nb = typed_in(nb, typed_values)
        elif kind in HOSTILE and HOSTILE[kind] is not None:
            nb = HOSTILE[kind](nb)
        data = corrupt(dumps(nb)) if kind == "corrupt_json" else dumps(nb)
        path = folder / f"{i + 1:02d}_{name}.ipynb"
        path.write_bytes(data)
        written.append(path)
    (folder / "README.txt").write_text(
        "示例班级 / example class\n" + "\n".join(
            f"{p.name}: {plan[j]}" for p, j in zip(written, order)) + "\n", encoding="utf-8")
    return written
