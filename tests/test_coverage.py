"""docs/coverage.md: every seed drill has an exercise, every named exercise and worked example exists."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from kamlab.course import get_bank, modules

from contract_pending import params

ROOT = Path(__file__).resolve().parents[1]
MODULES = [m for m in modules() if m != "demo"]
KINDS = {"演练", "框架", "清单", "工具"}


def _rows(module: str) -> list[dict[str, str]]:
    page = ROOT / "docs" / "coverage" / f"{module}.md"
    assert page.is_file(), f"docs/coverage/{module}.md is missing"
    rows = []
    for line in page.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[2] in KINDS:
            rows.append(dict(zip(("seed", "item", "kind", "where"), cells)))
    assert rows, f"docs/coverage/{module}.md lists nothing"
    return rows


def _headings(module: str) -> set[str]:
    (path,) = sorted((ROOT / "solutions").glob(f"{module}_*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    return {m.group(1).strip() for c in nb.cells if c.cell_type == "markdown"
            for m in re.finditer(r"^###\s+(示例：.+)$", c.source, re.M)}


@pytest.mark.parametrize("module", params(MODULES))
def test_coverage_page_names_real_exercises_and_examples(module):
    keys = set(get_bank(module).keys())
    headings = _headings(module)
    for row in _rows(module):
        where = row["where"]
        exercise = re.fullmatch(r"练习\s*(q\w+)", where)
        if exercise:
            assert exercise.group(1) in keys, f"{module}: {row['item']} -> {where}, not a question of the bank"
        else:
            assert where in headings, f"{module}: {row['item']} -> {where!r}, no such '### ' heading in the solution"
        if row["kind"] == "演练":
            assert exercise, f"{module}: the drill {row['item']!r} has no exercise"


def test_index_links_every_module():
    index = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    for module in MODULES:
        assert f"coverage/{module}.md" in index
