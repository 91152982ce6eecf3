"""The architecture of docs/architecture.md holds: layers, room sizes, no reach-ins, one of each helper."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KAMLAB = ROOT / "kamlab"
MAX_LINES = 450


def _sources() -> list[Path]:
    return sorted(p for p in KAMLAB.rglob("*.py")
                  if "__pycache__" not in p.parts and "solutions" not in p.parts)


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("lint-imports")
    command = [str(exe)] if exe.exists() else [shutil.which("lint-imports") or "lint-imports"]
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([*command, "--config", str(cwd / "pyproject.toml"), "--no-cache"],
                          cwd=cwd, env=env, capture_output=True, text=True)


def test_import_linter_contract_passes():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_import_linter_contract_fails_on_a_back_edge(tmp_path):
    """The contract is not vacuous: a tool importing the course layer breaks it."""
    copy = tmp_path / "repo"
    copy.mkdir()
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    shutil.copytree(KAMLAB, copy / "kamlab", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__", "solutions", "data"))
    target = copy / "kamlab" / "screening" / "__init__.py"
    target.write_text(target.read_text(encoding="utf-8") + "\nfrom ..course import get_bank  # back-edge\n",
                      encoding="utf-8")
    result = _lint_imports(copy)
    assert result.returncode != 0
    assert "kamlab.screening" in result.stdout and "kamlab.course" in result.stdout


def test_no_file_is_over_the_room_size():
    big = {p.relative_to(ROOT).as_posix(): n for p in _sources()
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not big, f"split these files by job (over {MAX_LINES} lines): {big}"


def _package_of(path: Path) -> str | None:
    """The sub-package a file belongs to (``screening``), None for the top-level base modules."""
    parts = path.relative_to(KAMLAB).parts
    return parts[0] if len(parts) > 1 else None


def _absolute(module: str | None, level: int, path: Path) -> str:
    if level == 0:
        return module or ""
    here = list(path.relative_to(ROOT).with_suffix("").parts)
    if path.name == "__init__.py":
        here = here[:-1]
    base = here[: len(here) - level + (1 if path.name == "__init__.py" else 0)]
    return ".".join(base + ([module] if module else []))


def test_no_package_reaches_into_another_packages_private_names():
    offences = []
    for path in _sources():
        own = _package_of(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            target = _absolute(node.module, node.level, path).split(".")
            if target[:1] != ["kamlab"] or len(target) < 2:
                continue
            other = target[1]
            if other.startswith("_") or other == own:
                continue   # the shared base modules, or the package's own modules
            private_module = any(part.startswith("_") for part in target[2:])
            private_names = [a.name for a in node.names if a.name.startswith("_")]
            if private_module or private_names:
                offences.append(f"{path.relative_to(ROOT)}:{node.lineno} from {'.'.join(target)} "
                                f"import {', '.join(a.name for a in node.names)}")
    assert not offences, "import the public name instead:\n" + "\n".join(offences)


def _grep(pattern: str) -> list[str]:
    rx = re.compile(pattern, re.M)
    return [f"{p.relative_to(ROOT)}:{text[:m.start()].count(chr(10)) + 1}"
            for p in _sources() for text in [p.read_text(encoding="utf-8")] for m in rx.finditer(text)]


@pytest.mark.parametrize("what, pattern, allowed", [
    ("date parser", r"^\s*def (_?parse_date|_date)\(", ["kamlab/_dates.py"]),
    ("course today", r"^\s*TODAY\s*=\s*[\"']\d{4}", []),
    ("other today default", r"2026-11-24\"\)?\s*[,:)]", []),
    ("answer MIME type", r"^\s*ANSWER_MIME\s*=", ["kamlab/answers/"]),
    ("problem type", r"^class \w*Problem\b", ["kamlab/_problems.py"]),
    ("did-you-mean helper", r"^def _hint\(", []),
    ("failure helper", r"^def _fail\(", []),
    ("atomic write", r"os\.replace\(", ["kamlab/_atomic.py"]),
])
def test_one_of_each_shared_helper(what, pattern, allowed):
    hits = [h for h in _grep(pattern) if not any(h.startswith(a) for a in allowed)]
    assert not hits, f"{what} defined outside its one place: {hits}"
