"""A submitted notebook as the grader reads it, before and after running it.

Nothing here executes the notebook: the file is parsed tolerantly, the
trainee's name and the module the notebook belongs to are read from its
source (``trainee = "..."`` in the parameters cell, ``kamlab`` metadata or the
``workbook("m02", ...)`` call).

Examples
--------
>>> nb = load_notebook(b'{"cells": [], "metadata": {"kamlab": {"module": "m02"}}, "nbformat": 4, "nbformat_minor": 5}')
>>> declared_module(nb), trainee_from(nb, "01_file"), load_notebook(b"{not json")
('m02', '01_file', None)
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["load_notebook", "parameters_cell", "trainee_from", "declared_module"]


def load_notebook(data: bytes):
    """Parse notebook bytes tolerantly; ``None`` if it is not a notebook."""
    # lazy: nbformat takes seconds to import, and kl.grading (which imports this module)
    # is imported by every notebook's kl.workbook(...); only the grader reads notebooks
    import nbformat

    try:
        text = data.decode("utf-8-sig")
        raw = json.loads(text)
        if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
            return None
        return nbformat.reads(text, as_version=4)
    except Exception:  # noqa: BLE001
        return None


def _source(cell: Mapping[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def parameters_cell(nb) -> Mapping[str, Any] | None:
    for cell in nb.cells:
        if cell.get("cell_type") == "code" and "parameters" in (cell.get("metadata", {}).get("tags") or []):
            return cell
    return None


def trainee_from(nb, stem: str) -> str:
    cell = parameters_cell(nb)
    if cell is not None:
        try:
            tree = ast.parse(_source(cell))
        except SyntaxError:
            tree = None
        for node in getattr(tree, "body", []):
            if (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "trainee"
                    and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                    and node.value.value.strip()):
                return node.value.value.strip()[:80]
    return stem


_WORKBOOK_CALL = re.compile(r"workbook\(\s*(?:module\s*=\s*)?[\"']([A-Za-z0-9_]+)[\"']")


def declared_module(nb) -> str | None:
    meta = nb.metadata.get("kamlab") if hasattr(nb, "metadata") else None
    if isinstance(meta, Mapping) and isinstance(meta.get("module"), str):
        return meta["module"]
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            m = _WORKBOOK_CALL.search(_source(cell))
            if m:
                return m.group(1)
    return None
