"""``python bootstrap.py lab``: the lab a trainee opens shows the workbooks and their solutions.

Issue 11 (self-study): the lab is rooted at the repository with the
developer's folders hidden, so ``notebooks/`` (start page
``notebooks/index.ipynb``) and ``solutions/`` are both reachable, and the
start page links each module's solution.  The browser tests start their lab
with the same options (``tests/browser/conftest.py``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import bootstrap  # noqa: E402


def _listing(options: list[str]) -> list[str]:
    from jupyter_server.serverapp import ServerApp
    from jupyter_server.services.contents.filemanager import FileContentsManager

    app = ServerApp()
    app.parse_command_line(options)
    manager = FileContentsManager(config=app.config, root_dir=str(ROOT))
    return sorted(item["name"] for item in manager.get("", content=True)["content"])


def test_lab_root_shows_workbooks_and_solutions_and_hides_the_developer_folders():
    options = bootstrap.lab_options()
    assert f"--ServerApp.root_dir={ROOT}" in options
    names = _listing(options[1:])
    assert {"notebooks", "solutions", "README.md"} <= set(names)
    assert not {"kamlab", "tests", "tools", "bench", "docs", "bootstrap.py", "pyproject.toml",
                "conftest.py", "Makefile", "environment.yml"} & set(names), names


def test_lab_opens_the_start_page_and_it_links_every_solution():
    index = json.loads((ROOT / "notebooks" / "index.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in index["cells"])
    links = re.findall(r"\]\(\.\./solutions/([^)]+\.ipynb)\)", text)
    solutions = sorted(p.name for p in (ROOT / "solutions").glob("m[0-9][0-9]_*.ipynb"))
    assert sorted(links) == solutions and len(solutions) == 14


@pytest.mark.parametrize("root", [ROOT])
def test_run_lab_starts_on_the_start_page_at_the_root(monkeypatch, root):
    calls = []
    monkeypatch.setattr(bootstrap.subprocess, "call", lambda args, cwd: calls.append((args, cwd)) or 0)
    assert bootstrap.run_lab(Path(sys.executable), []) == 0
    (args, cwd), = calls
    assert Path(cwd) == root and str(root / "notebooks" / "index.ipynb") in args
    assert all(option in args for option in bootstrap.lab_options(root))
