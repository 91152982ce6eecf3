"""Reading a trainee's own table: CSV (UTF-8, UTF-8-BOM, GBK, GB18030) or XLSX.

:func:`read_table` finds the header row under title rows, strips header
whitespace, drops empty rows and columns and, with ``like="<data set>"``,
validates the table against a bundled data set's dictionary (Chinese headers
accepted) and gives it that data set's dtypes.  Errors name the column and
the line / Excel row the user sees in the file.  The file is only read.

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "chains.csv"
>>> _ = path.write_bytes("门店名,门店数\\n沪康,120\\n苏润,80\\n".encode("gbk"))
>>> read_table(path)
  门店名  门店数
0  沪康  120
1  苏润   80
"""

from __future__ import annotations

import csv
import datetime as _dt
import difflib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._errors import (BadFileError, BadSpecError, BadValueError, DuplicateIdError,
                      EmptyTableError, MissingColumnError)

_ENCODINGS = ("utf-8-sig", "gbk", "gb18030")
_CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_TRUE = {"true", "1", "1.0", "是", "y", "yes", "t", "对", "√"}
_FALSE = {"false", "0", "0.0", "否", "n", "no", "f", "错", "×"}
_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月)?(?:[-/.]\s*\d{1,2}\s*日?)?(?:\s+[\d:]+)?\s*$")


class _Where:
    """How to name a place in the file: 'line' for CSV, 'row' (and sheet) for Excel."""

    def __init__(self, path: Path, sheet: str | None) -> None:
        self.file = path.name
        self.sheet = sheet

    def zh(self, row: int | None = None) -> str:
        where = f"文件 {self.file}" + (f" 工作表 {self.sheet}" if self.sheet else "")
        return where + (f" 第 {row} 行" if row is not None else "")

    def en(self, row: int | None = None) -> str:
        where = f"File {self.file}" + (f", sheet {self.sheet}" if self.sheet else "")
        if row is None:
            return where
        return where + (f", row {row}" if self.sheet else f", line {row}")


def _bad_file(path: Path, zh: str, en: str) -> BadFileError:
    return BadFileError(f"文件 {path.name}：{zh}", f"File {path.name}: {en}")


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        near = difflib.get_close_matches(path.name, [p.name for p in path.parent.glob("*")], n=1) \
            if path.parent.is_dir() else []
        hint_zh = f"（是不是 '{near[0]}'？）" if near else ""
        hint_en = f" (did you mean '{near[0]}'?)" if near else ""
        raise BadFileError(f"找不到文件 {path}{hint_zh}。请检查路径和文件名。",
                           f"File {path} does not exist{hint_en}. Check the path and the file name.")
    if path.is_dir():
        raise BadFileError(f"{path} 是文件夹，不是文件。请给出 CSV 或 XLSX 文件的路径。",
                           f"{path} is a folder, not a file. Give the path of a CSV or XLSX file.")
    try:
        with open(path, "rb") as fh:  # read-only: the trainee's file is never modified
            return fh.read()
    except OSError as exc:
        raise _bad_file(path, f"无法读取（{exc.strerror}）。请关闭占用该文件的程序或检查权限。",
                        f"cannot be read ({exc.strerror}). Close programs using it or check permissions.") from None


def _decode(path: Path, data: bytes) -> str:
    for enc in _ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise _bad_file(path, "不是 UTF-8 或 GBK 编码的文本表格。请在 Excel 中另存为“CSV UTF-8”或 XLSX。",
                    "is not a UTF-8 or GBK text table. Save it from Excel as 'CSV UTF-8' or XLSX.")


def _csv_grid(path: Path, data: bytes) -> tuple[list[list[Any]], list[int]]:
    if b"\x00" in data[:4096]:
        raise _bad_file(path, "看起来不是文本 CSV（含二进制内容）。请另存为 CSV 或 XLSX。",
                        "does not look like a text CSV (binary content). Save it as CSV or XLSX.")
    text = _decode(path, data)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    delimiter = max((",", "\t", ";"), key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Any]] = []
    lines: list[int] = []
    start = 1
    try:
        for record in reader:
            rows.append(record)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _bad_file(path, f"第 {reader.line_num} 行的 CSV 格式有误（{exc}）。请检查引号。",
                        f"line {reader.line_num} is not valid CSV ({exc}). Check the quotes.") from None
    return rows, lines


def _xlsx_grid(path: Path, data: bytes, sheet: int | str) -> tuple[list[list[Any]], list[int], str]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise _bad_file(path, f"不是有效的 XLSX 文件（{type(exc).__name__}）。请在 Excel 中重新另存为 .xlsx。",
                        f"is not a valid XLSX file ({type(exc).__name__}). Save it again from Excel as .xlsx.") from None
    try:
        names = wb.sheetnames
        if isinstance(sheet, int) and not isinstance(sheet, bool) and 0 <= sheet < len(names):
            name = names[sheet]
        elif isinstance(sheet, str) and sheet in names:
            name = sheet
        else:
            listed = "、".join(names)
            raise BadSpecError(
                f"文件 {path.name} 中没有工作表 {sheet!r}。可用的工作表：{listed}（或用序号 0、1…）。",
                f"File {path.name} has no sheet {sheet!r}. Sheets: {', '.join(names)} (or use 0, 1, ...).",
                column="sheet")
        rows = [list(r) for r in wb[name].iter_rows(min_row=1, values_only=True)]
    finally:
        wb.close()
    return rows, list(range(1, len(rows) + 1)), name


def _clean_cell(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value if value else None
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


def _expected(like: str | None) -> dict[str, str]:
    """Map every accepted header spelling (English, lower case, 中文名) to the column name."""
    if like is None:
        return {}
    from .datasets._schema import SCHEMAS

    out: dict[str, str] = {}
    for col in SCHEMAS[like]:
        out[col.name] = col.name
        out[col.name.lower()] = col.name
        out[col.zh] = col.name
    return out


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


def _validate(frame: pd.DataFrame, file_rows: list[int], header_line: int, like: str,
              where: _Where) -> pd.DataFrame:
    from .datasets._schema import KEYS, SCHEMAS, pandas_dtypes

    schema = SCHEMAS[like]
    expected = _expected(like)
    rename: dict[str, str] = {}
    for col in frame.columns:
        target = expected.get(col) or expected.get(col.lower())
        if target and target not in rename.values():
            rename[col] = target
    frame = frame.rename(columns=rename)
    typed = {v: k for k, v in rename.items()}          # schema name -> header the user typed
    present = [c for c in frame.columns]
    for col in schema:
        if col.name in frame.columns:
            continue
        close = difflib.get_close_matches(col.name, [c for c in present if c not in rename.values()],
                                          n=1, cutoff=0.6) or \
            difflib.get_close_matches(col.zh, [c for c in present if c not in rename.values()], n=1, cutoff=0.5)
        hint_zh = f"（是不是 '{close[0]}'？请把它改为 '{col.name}'）" if close else ""
        hint_en = f" (did you mean '{close[0]}'? Rename it to '{col.name}')" if close else ""
        raise MissingColumnError(
            f"{where.zh(header_line)}（表头）缺少列 '{col.name}'（{col.zh}）{hint_zh}。"
            f"请在第 {header_line} 行的表头中加入这一列，列名可用 '{col.name}' 或 '{col.zh}'。",
            f"{where.en(header_line)} (header) is missing column '{col.name}' ({col.zh}){hint_en}. "
            f"Add it to the header on {'row' if where.sheet else 'line'} {header_line}; "
            f"name it '{col.name}' or '{col.zh}'.",
            column=col.name, row=header_line)
    rows = np.asarray(file_rows)
    out: dict[str, pd.Series] = {}
    for col in schema:
        s = frame[col.name]
        shown = f"'{col.name}'" + (f"（{typed[col.name]}）" if col.name in typed else "")
        shown_en = f"'{col.name}'" + (f" ({typed[col.name]})" if col.name in typed else "")
        missing = s.isna().to_numpy()
        if missing.any():
            line = int(rows[missing.argmax()])
            raise BadValueError(
                f"{where.zh(line)}，列 {shown} 是空的。请填上数值，或删除这一行。",
                f"{where.en(line)}, column {shown_en} is empty. Fill in a value or delete the row.",
                column=col.name, row=line)
        if col.kind in ("int", "float"):
            values = pd.to_numeric(s.map(lambda v: v.replace(",", "").rstrip("%") if isinstance(v, str) else v),
                                   errors="coerce")
            bad = values.isna().to_numpy()
            if bad.any():
                line, value = int(rows[bad.argmax()]), s.iloc[bad.argmax()]
                raise BadValueError(
                    f"{where.zh(line)}，列 {shown} 的值 '{value}' 不是数字。请填写数字。",
                    f"{where.en(line)}, column {shown_en}: value '{value}' is not a number. Enter a number.",
                    column=col.name, row=line)
            if col.kind == "int":
                frac = (values != values.round()).to_numpy()
                if frac.any():
                    line, value = int(rows[frac.argmax()]), s.iloc[frac.argmax()]
                    raise BadValueError(
                        f"{where.zh(line)}，列 {shown} 的值 '{value}' 不是整数。请填写整数。",
                        f"{where.en(line)}, column {shown_en}: value '{value}' is not a whole number. "
                        "Enter a whole number.", column=col.name, row=line)
            lo = -np.inf if col.lo is None else col.lo
            hi = np.inf if col.hi is None else col.hi
            out_of = ((values < lo) | (values > hi)).to_numpy()
            if out_of.any():
                line, value = int(rows[out_of.argmax()]), s.iloc[out_of.argmax()]
                rng_zh = f"[{lo:g}, {hi:g}]" if np.isfinite(hi) else f"≥ {lo:g}"
                rng_en = f"[{lo:g}, {hi:g}]" if np.isfinite(hi) else f">= {lo:g}"
                raise BadValueError(
                    f"{where.zh(line)}，列 {shown} 的值 '{value}' 超出范围 {rng_zh}。请改为范围内的数值。",
                    f"{where.en(line)}, column {shown_en}: value '{value}' is outside {rng_en}. "
                    "Enter a value in that range.", column=col.name, row=line)
            out[col.name] = values
        elif col.kind == "bool":
            values = s.map(_as_bool)
            bad = values.isna().to_numpy()
            if bad.any():
                line, value = int(rows[bad.argmax()]), s.iloc[bad.argmax()]
                raise BadValueError(
                    f"{where.zh(line)}，列 {shown} 的值 '{value}' 不是“是/否”。请填写 TRUE/FALSE 或 是/否。",
                    f"{where.en(line)}, column {shown_en}: value '{value}' is not yes/no. "
                    "Enter TRUE/FALSE or 是/否.", column=col.name, row=line)
            out[col.name] = values.astype(bool)
        elif col.kind == "month":
            values = s.map(_as_month)
            bad = values.isna().to_numpy()
            if bad.any():
                line, value = int(rows[bad.argmax()]), s.iloc[bad.argmax()]
                raise BadValueError(
                    f"{where.zh(line)}，列 {shown} 的值 '{value}' 不是月份。请写成 2026-03 这样的格式。",
                    f"{where.en(line)}, column {shown_en}: value '{value}' is not a month. "
                    "Write it like 2026-03.", column=col.name, row=line)
            out[col.name] = values
        else:
            values = s.map(_as_text)
            if col.values is not None:
                bad = (~values.isin(col.values)).to_numpy()
                if bad.any():
                    line, value = int(rows[bad.argmax()]), values.iloc[bad.argmax()]
                    raise BadValueError(
                        f"{where.zh(line)}，列 {shown} 的值 '{value}' 不是可用的取值。请从以下选项中选择：{'、'.join(col.values)}。",
                        f"{where.en(line)}, column {shown_en}: value '{value}' is not allowed. "
                        f"Choose one of: {', '.join(col.values)}.", column=col.name, row=line)
            out[col.name] = values
    typed_frame = pd.DataFrame(out).astype(pandas_dtypes(like))
    keys = list(KEYS[like])
    dup = typed_frame.duplicated(subset=keys, keep="first").to_numpy()
    if dup.any():
        i = int(dup.argmax())
        line = int(rows[i])
        first = int(rows[typed_frame.index[(typed_frame[keys] == typed_frame.loc[i, keys]).all(axis=1)][0]])
        key = " / ".join(str(typed_frame.at[i, k]) for k in keys)
        cols = "、".join(keys)
        raise DuplicateIdError(
            f"{where.zh(line)}，列 '{cols}' 的编号 '{key}' 重复（第 {first} 行已出现）。请保证每个编号只出现一次。",
            f"{where.en(line)}, column '{', '.join(keys)}': id '{key}' repeats "
            f"{'row' if where.sheet else 'line'} {first}. Make every id unique.",
            column=keys[0], row=line)
    extra = frame.drop(columns=[c.name for c in schema])
    return pd.concat([typed_frame, _infer(extra)], axis=1) if len(extra.columns) else typed_frame


def read_table(path: str | Path, *, like: str | None = None, sheet: int | str = 0) -> pd.DataFrame:
    """Read a CSV or XLSX table, optionally validated like a bundled data set.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` (UTF-8, UTF-8 with BOM, GBK or GB18030; comma, tab or
        semicolon separated) or ``.xlsx`` file.  Title rows above the header,
        whitespace around headers and fully empty rows/columns are handled.
        The file is opened read-only and never modified.
    like : str, optional
        Name of a bundled data set (``"chains"``, ``"sellout"``, ...): the
        table must have that data set's columns (English names or the
        Chinese names of its dictionary), valid values and unique ids; the
        result has that data set's column order and dtypes (extra columns
        follow).
    sheet : int or str, default 0
        Excel sheet by position or name.

    Returns
    -------
    DataFrame
        Index 0..n-1; ``.attrs["source"]`` is the file path, and with *like*
        also ``.attrs["columns"]`` and ``.attrs["description"]``.

    Raises
    ------
    BadFileError
        Missing, unreadable, wrongly encoded or unsupported file; duplicated
        header.
    EmptyTableError
        No header or no data rows.
    MissingColumnError, BadValueError, DuplicateIdError
        With *like*: a missing/misspelt column, a bad or empty value, a
        repeated id; the message names the column and the file line (CSV) or
        Excel row.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import kamlab as kl
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> kl.datasets.load("chains").head(3).to_csv(folder / "mine.csv", index=False, encoding="gbk")
    >>> df = kl.read_table(folder / "mine.csv", like="chains")
    >>> df.shape, str(df["store_count"].dtype)
    ((3, 19), 'int64')
    >>> _ = (folder / "bad.csv").write_text("chain_id,store_cnt\\nC01,12\\n", encoding="utf-8")
    >>> kl.read_table(folder / "bad.csv", like="chains")
    Traceback (most recent call last):
    ...
    kamlab._errors.MissingColumnError: 文件 bad.csv 第 1 行（表头）缺少列 'chain_name'（连锁名称）...
    """
    if like is not None:
        from .datasets._base import _check_name
        like = _check_name(like)
    try:
        p = Path(path).expanduser()
    except TypeError:
        raise BadFileError(f"路径 {path!r} 无效。请给出 CSV 或 XLSX 文件的路径（字符串）。",
                           f"Path {path!r} is not valid. Give the path of a CSV or XLSX file as a string.") from None
    data = _read_bytes(p)
    if not data.strip():
        raise EmptyTableError(f"文件 {p.name} 是空的（0 行）。请检查是否保存了数据。",
                              f"File {p.name} is empty (0 lines). Check that the data were saved.")
    suffix = p.suffix.lower()
    is_zip = data[:4] == b"PK\x03\x04"
    if suffix in _XLSX_SUFFIXES or (is_zip and suffix not in _CSV_SUFFIXES):
        rows, lines, sheet_name = _xlsx_grid(p, data, sheet)
        where = _Where(p, sheet_name)
    elif suffix == ".xls" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _bad_file(p, "是旧版 Excel（.xls）格式，无法读取。请在 Excel 中另存为 .xlsx 或 CSV UTF-8。",
                        "is an old Excel (.xls) workbook, which cannot be read. Save it as .xlsx or CSV UTF-8.")
    elif suffix in _CSV_SUFFIXES or suffix == "":
        rows, lines = _csv_grid(p, data)
        where = _Where(p, None)
    else:
        raise _bad_file(p, f"格式 '{suffix}' 不受支持。请使用 .csv 或 .xlsx 文件。",
                        f"format '{suffix}' is not supported. Use a .csv or .xlsx file.")
    frame, file_rows, header_line = _to_frame(p, rows, lines, where, _expected(like))
    if like is None:
        out = _infer(frame)
    else:
        out = _validate(frame, file_rows, header_line, like, where)
        from .datasets._base import _attrs
        out.attrs.update(_attrs(like))
    out.attrs["source"] = str(p)
    return out
