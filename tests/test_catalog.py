"""The course catalogue, the start page and the README agree."""

from __future__ import annotations

import json
from pathlib import Path

from kamlab.course._catalog import CATALOG

ROOT = Path(__file__).resolve().parents[1]


def test_catalog_lists_fourteen_modules_in_order():
    assert [m.id for m in CATALOG] == [f"m{i:02d}" for i in range(1, 15)]


def test_readme_module_table_lists_every_module_with_its_seed():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for m in CATALOG:
        assert f"| {m.id} {m.title_zh} | {m.seed} |" in readme, m.id


def test_start_page_links_every_built_notebook():
    index = json.loads((ROOT / "notebooks" / "index.ipynb").read_text(encoding="utf-8"))
    text = "".join("".join(c["source"]) for c in index["cells"])
    for path in sorted((ROOT / "notebooks").glob("m*.ipynb")):
        assert f"]({path.name})" in text, path.name
    for m in CATALOG:
        assert m.id in text


def test_start_page_runs_and_lists_the_modules_in_the_chosen_language(tmp_path):
    import nbformat
    import papermill

    out = tmp_path / "index.ipynb"
    papermill.execute_notebook(str(ROOT / "notebooks" / "index.ipynb"), str(out), parameters={"language": "en"},
                               kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    table = nbformat.read(out, as_version=4).cells[-1].outputs[0]["data"]["text/plain"]
    assert "Win-win agreement negotiation" in table and "m14" in table
