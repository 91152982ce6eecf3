"""From a grid of cells to a table: find the header row under title rows, drop empty rows and columns, type cells.

A text file's data row with more fields than its header is refused (its
columns would shift), naming the row and the likely cause: an unquoted
``1,919`` or ``353032,5`` split in two.  Without a schema, numbers become
numbers, yes/no columns booleans and the rest text (:func:`_infer`).
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
_GROUP_LEFT = re.compile(r"[+-]?\d{1,3}")
_GROUP_RIGHT = re.compile(r"\d{3}(?:\.\d+)?%?")
_DIGITS = re.compile(r"[+-]?\d+")
_DECIMALS = re.compile(r"\d+%?")
_INT = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+|[+-]?\d+")
_NUMBER = re.compile(r"[+-]?[\d.,]*\d%?")
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


def _shape(value: Any) -> str:
    """'int', 'dec' (decimal, with a point or comma), 'text' or '' (empty): how a cell looks."""
    text = "" if value is None else str(value)
    if not text:
        return ""
    if _INT.fullmatch(text):
        return "int"
    return "dec" if _NUMBER.fullmatch(text) else "text"


def _split_value(cells: list[Any], shapes: list[str]) -> tuple[int, str, str] | None:
    """Where a number looks split in two by an unquoted comma: (position, value, 'thousands'|'decimal').

    Among the places where two neighbouring fields could be one number, the
    one whose merge lines the row up best with how the other rows look
    (*shapes*, the usual :func:`_shape` of each header column) wins.
    """
    text = ["" if v is None else str(v) for v in cells]
    best: tuple[int, int, str, str] | None = None
    for j in range(len(text) - 1):
        if _GROUP_LEFT.fullmatch(text[j]) and _GROUP_RIGHT.fullmatch(text[j + 1]):
            kind = "thousands"
        elif _DIGITS.fullmatch(text[j]) and _DECIMALS.fullmatch(text[j + 1]):
            kind = "decimal"
        else:
            continue
        value = f"{text[j]},{text[j + 1]}"
        merged = text[:j] + [value.replace(",", "") if kind == "thousands" else value] + text[j + 2:]
        score = sum(_shape(v) == usual for v, usual in zip(merged, shapes))
        if best is None or score > best[0]:
            best = (score, j, value, kind)
    return None if best is None else best[1:]


def _refuse_extra_fields(grid: pd.DataFrame, header_line: int, where: _Where) -> None:
    """Refuse the first row below the header with a filled field beyond the header's last one."""
    filled = grid.notna().to_numpy()
    last = np.where(filled.any(axis=1), filled.shape[1] - filled[:, ::-1].argmax(axis=1), 0)
    pos = grid.index.get_loc(header_line)
    width = int(last[pos])
    over = np.flatnonzero(last[pos + 1:] > width)
    if not len(over):
        return
    line = int(grid.index[pos + 1 + over[0]])
    n = int(last[pos + 1 + over[0]])
    cells = grid.loc[line].tolist()[:n]
    header = ["" if v is None else str(v) for v in grid.loc[header_line].tolist()]
    good = grid.iloc[pos + 1:].loc[last[pos + 1:] <= width].iloc[:, :width]
    shapes = [col.mode().iat[0] if len(col) else "" for _, col in good.map(_shape).items()]
    split = _split_value(cells, shapes)
    column = header[split[0]] if split and split[0] < width and header[split[0]] else None
    head_zh = f"{where.zh(line)} 有 {n} 个字段，比表头（第 {header_line} 行，{width} 列）多，后面各列会错位。"
    head_en = (f"{where.en(line)} has {n} fields but the header (line {header_line}) has {width}, "
               "so the columns after it would shift.")
    if split and column and split[2] == "thousands":
        cause_zh = f"很可能是列 '{column}' 的值 '{split[1]}' 带千位分隔符，被逗号拆成了两个字段。"
        cause_en = f"Most likely column '{column}' holds '{split[1]}', a number with a thousands separator split in two."
    elif split and column:
        cause_zh = f"很可能是列 '{column}' 的值 '{split[1]}' 用逗号作小数点，被拆成了两个字段。"
        cause_en = f"Most likely column '{column}' holds '{split[1]}', a number with a decimal comma split in two."
    else:
        cause_zh, cause_en = ("很可能某个值里有逗号（如 1,919 或一段文字）却没有加引号。",
                              "Most likely a value contains a comma (like 1,919 or a phrase) without quotes.")
    raise BadFileError(
        head_zh + cause_zh + "请在 Excel 中把数字格式设为“常规”（不带千位分隔符、用小数点）后重新另存为 CSV UTF-8，"
        "或另存为 XLSX；手动编辑时请给含逗号的值加上英文双引号。",
        head_en + " " + cause_en + " Format the numbers as General in Excel (no thousands separator, decimal "
        "point) and save again as CSV UTF-8, or save as XLSX; when editing by hand, put values with commas "
        "in double quotes.", column=column, row=line)


def _to_frame(path: Path, rows: list[list[Any]], lines: list[int], where: _Where,
              expected: dict[str, str], *, text_file: bool = False) -> tuple[pd.DataFrame, list[int], int]:
    width = max((len(r) for r in rows), default=0)
    grid = pd.DataFrame([r + [None] * (width - len(r)) for r in rows], index=lines,
                        dtype=object) if rows else pd.DataFrame()
    grid = grid.map(_clean_cell) if len(grid) else grid
    full = grid.loc[grid.notna().any(axis=1)] if len(grid) else grid
    grid = grid.loc[grid.notna().any(axis=1), grid.notna().any(axis=0)] if len(grid) else grid
    if grid.empty:
        raise EmptyTableError(
            f"{where.zh()} 是空的，没有表头也没有数据。请检查是否选错了文件或工作表。",
            f"{where.en()} is empty: no header and no data. Check that you picked the right file or sheet.")
    h = _header_row(grid, expected)
    header_line = int(grid.index[h])
    if text_file:
        _refuse_extra_fields(full, header_line, where)
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
