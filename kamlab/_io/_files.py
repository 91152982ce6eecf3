"""Reading the bytes of a trainee's file: CSV (UTF-8, UTF-8-BOM, GBK, GB18030) or XLSX, as a grid of cells.

Every error is a bilingual :class:`~kamlab.BadFileError` naming the file
(and the line of a CSV or the sheet of a workbook).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from .._errors import BadFileError, BadSpecError
from .._problems import did_you_mean

_ENCODINGS = ("utf-8-sig", "gbk", "gb18030")
_CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
_XLSX_SUFFIXES = {".xlsx", ".xlsm"}


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
        near = [p.name for p in path.parent.glob("*")] if path.parent.is_dir() else []
        hint_zh, hint_en = did_you_mean(path.name, near, cutoff=0.6)
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
    import openpyxl  # only an .xlsx file needs openpyxl: a CSV reader does not pay for it

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
