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

__all__ = ["load_notebook", "parameters_cell", "tag_parameters", "trainee_from", "seen_variant", "declared_module"]


def load_notebook(data: bytes):
    """Parse notebook bytes tolerantly; ``None`` if it is not a notebook."""
    # lazy: nbformat takes seconds to import, and kl.grading (which imports this module)
    # is imported by every notebook's kl.workbook(...); only the grader reads notebooks
    import nbformat

    try:
        text = data.decode("utf-8-sig")
        raw = json.loads(text)
        # nbformat 4 keeps "cells"; nbformat 3 (older Jupyter) keeps "worksheets": converted to 4
        if not isinstance(raw, dict) or not (isinstance(raw.get("cells"), list)
                                             or isinstance(raw.get("worksheets"), list)):
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


_PARAMETER_NAMES = {"trainee", "variant", "language", "data_file"}


def tag_parameters(nb) -> bool:
    """Find the ``parameters`` cell by its variables when its tag was lost, and tag it again.

    The first code cell that assigns ``variant`` (with ``trainee``,
    ``language`` or ``data_file``) at its top level is the parameters cell;
    papermill then injects the grading parameters right after it, so the
    notebook cannot go on running on the variant the trainee saw.

    Returns
    -------
    bool
        True when a cell was tagged here (False: it was tagged, or none assigns ``variant``).

    Examples
    --------
    >>> from nbformat.v4 import new_code_cell, new_notebook
    >>> nb = new_notebook(cells=[new_code_cell("import kamlab as kl"), new_code_cell('trainee = ""; variant = 0')])
    >>> tag_parameters(nb), parameters_cell(nb) is nb.cells[1]
    (True, True)
    """
    if parameters_cell(nb) is not None:
        return False
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        try:
            tree = ast.parse(_source(cell))
        except SyntaxError:
            continue
        names = {t.id for node in tree.body if isinstance(node, ast.Assign)
                 for t in node.targets if isinstance(t, ast.Name)}
        if "variant" in names and names & (_PARAMETER_NAMES - {"variant"}):
            cell.setdefault("metadata", {}).setdefault("tags", []).append("parameters")
            return True
    return False


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


def _parameter(nb, name: str) -> Any:
    """The literal value the ``parameters`` cell assigns to *name* (``...`` when it assigns none)."""
    cell = parameters_cell(nb)
    if cell is None:
        return ...
    try:
        tree = ast.parse(_source(cell))
    except SyntaxError:
        return ...
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == name and isinstance(node.value, ast.Constant)):
            return node.value.value
    return ...


def seen_variant(nb) -> int:
    """The data variant the trainee worked on: ``variant = N`` of their ``parameters`` cell (0 if none).

    Judgment questions (``Question(on="seen")``) are checked on this variant,
    so a literal choice that is right for the data the trainee saw stays right
    when the grader re-runs the notebook on a hidden variant.

    Examples
    --------
    >>> import nbformat
    >>> from nbformat.v4 import new_code_cell, new_notebook
    >>> cell = new_code_cell('trainee = "王芳"; variant = 3', metadata={"tags": ["parameters"]})
    >>> nb = new_notebook(cells=[cell])
    >>> seen_variant(nb), seen_variant(new_notebook())
    (3, 0)
    """
    value = _parameter(nb, "variant")
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10_000:
        return 0
    return value


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
