"""From a grid of cells to a table: find the header row under title rows, drop empty rows and columns, type cells.

Without a schema, numbers become numbers, yes/no columns booleans and the
rest text (:func:`_infer`).
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadFileError, EmptyTableError
from ._files import _Where

_TRUE = {"true", "1", "1.0", "是", "y", "yes", "t", "对", "√"}
_FALSE = {"false", "0", "0.0", "否", "n", "no", "f", "错", "×"}
_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月)?(?:[-/.]\s*\d{1,2}\s*日?)?(?:\s+[\d:]+)?\s*$")


def _clean_cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value if value else None
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


def _header_row(grid: pd.DataFrame, expected: dict[str, str]) -> int:
    """Position of the header row among the (non-empty) rows of *grid*."""
    head = grid.iloc[:30]
    filled = head.notna().sum(axis=1).to_numpy()
    if expected:
        hits = head.apply(lambda r: sum(str(v).strip().lower() in expected or str(v).strip() in expected
                                        for v in r if v is not None), axis=1).to_numpy()
        if hits.max() > 0:
            return int(hits.argmax())
    for i in range(len(head)):
        if filled[i] >= 2 and (i + 1 >= len(head) or filled[i + 1] >= 2):
            return i
    return 0


def _to_frame(path: Path, rows: list[list[Any]], lines: list[int], where: _Where,
              expected: dict[str, str]) -> tuple[pd.DataFrame, list[int], int]:
    width = max((len(r) for r in rows), default=0)
    grid = pd.DataFrame([r + [None] * (width - len(r)) for r in rows], index=lines,
                        dtype=object) if rows else pd.DataFrame()
    grid = grid.map(_clean_cell) if len(grid) else grid
    grid = grid.loc[grid.notna().any(axis=1), grid.notna().any(axis=0)] if len(grid) else grid
    if grid.empty:
        raise EmptyTableError(
            f"{where.zh()} 是空的，没有表头也没有数据。请检查是否选错了文件或工作表。",
            f"{where.en()} is empty: no header and no data. Check that you picked the right file or sheet.")
    h = _header_row(grid, expected)
    header_line = int(grid.index[h])
    header = [("" if v is None else str(v).strip()) for v in grid.iloc[h]]
    body = grid.iloc[h + 1:]
    keep = [j for j, name in enumerate(header) if name or body.iloc[:, j].notna().any()]
    header = [header[j] or f"Unnamed: {j}" for j in keep]
    body = body.iloc[:, keep]
    seen: dict[str, int] = {}
    for name in header:
        if name in seen:
            raise BadFileError(
                f"{where.zh(header_line)}（表头）列名 '{name}' 出现了两次。请删除或重命名其中一列。",
                f"{where.en(header_line)} (header): column '{name}' appears twice. Delete or rename one of them.",
                column=name, row=header_line)
        seen[name] = 1
    if body.empty:
        raise EmptyTableError(
            f"{where.zh(header_line)} 是表头，但下面没有任何数据行。请至少填写一行数据。",
            f"{where.en(header_line)} is the header but no data rows follow. Enter at least one row of data.",
            row=header_line)
    file_rows = [int(i) for i in body.index]
    frame = pd.DataFrame(body.to_numpy(), columns=header).reset_index(drop=True)
    return frame, file_rows, header_line


def _infer(frame: pd.DataFrame) -> pd.DataFrame:
    """Plain typing without a schema: numbers become numbers, the rest text."""
    out = {}
    for col in frame.columns:
        s = frame[col]
        num = pd.to_numeric(s, errors="coerce")
        if s.notna().any() and (num.notna() == s.notna()).all():
            if num.notna().all() and (num == num.round()).all():
                out[col] = num.astype("int64")
            else:
                out[col] = num.astype("float64")
        elif s.notna().all() and s.map(lambda v: isinstance(v, (bool, np.bool_))
                                       or str(v).lower() in ("true", "false")).all():
            out[col] = s.map(_as_bool).astype(bool)
        else:
            out[col] = s.map(_as_text, na_action="ignore").astype("str")
    return pd.DataFrame(out, columns=frame.columns)


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _as_month(value: Any) -> str | None:
    if isinstance(value, (_dt.datetime, _dt.date, pd.Timestamp)):
        return f"{value.year:04d}-{value.month:02d}"
    m = _MONTH.match(str(value))
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    return None


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    text = str(value).strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None
