"""Reading the bytes of a trainee's file and a text table (CSV, TSV, Excel "Unicode text") as a grid of cells.

Text may be UTF-8 (with or without BOM), GBK, GB18030 or UTF-16 with a BOM
(Excel's "Unicode 文本" export); the separator (comma, tab or semicolon) is
the one that splits the first lines most consistently, so title rows above
the header do not decide it.  Every error is a bilingual
:class:`~kamlab.BadFileError` naming the file (and the line of a CSV).

Examples
--------
>>> _delimiter("成绩表\\nname;value\\nA;353032,5\\nB;1,5\\n")
';'
>>> _decode(Path("u.txt"), "名称\\t值\\n".encode("utf-16"))
'名称\\t值\\n'
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from .._errors import BadFileError
from .._problems import did_you_mean

_ENCODINGS = ("utf-8-sig", "gbk", "gb18030")
_CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_DELIMITERS = (",", "\t", ";")
_SNIFF_LINES = 30


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
    if data[:2] in _UTF16_BOMS:                     # Excel "Unicode 文本": UTF-16 with a byte-order mark
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _bad_file(path, "以 UTF-16 标记开头，但内容不是有效的 UTF-16 文本。请在 Excel 中另存为“CSV UTF-8”或 XLSX。",
                            "starts with a UTF-16 mark but is not valid UTF-16 text. "
                            "Save it from Excel as 'CSV UTF-8' or XLSX.") from None
    for enc in _ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise _bad_file(path, "不是 UTF-8 或 GBK 编码的文本表格。请在 Excel 中另存为“CSV UTF-8”或 XLSX。",
                    "is not a UTF-8 or GBK text table. Save it from Excel as 'CSV UTF-8' or XLSX.")


def _delimiter(text: str) -> str:
    """The separator that gives the most lines (of the first non-empty ones) the same number of fields."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:_SNIFF_LINES]
    best, best_key = ",", (0, 0)
    for d in _DELIMITERS:
        try:
            counts = [len(fields) - 1 for fields in csv.reader(lines, delimiter=d)]
        except csv.Error:                           # unbalanced quotes: _csv_grid reports them
            continue
        common = max(set(counts) - {0}, key=counts.count, default=0)
        key = (counts.count(common) if common else 0, common)
        if key > best_key:
            best, best_key = d, key
    return best


def _csv_grid(path: Path, data: bytes) -> tuple[list[list[Any]], list[int], str]:
    """Fields of every record, the file line each record starts on, and the separator."""
    if b"\x00" in data[:4096] and data[:2] not in _UTF16_BOMS:
        raise _bad_file(path, "看起来不是文本 CSV（含二进制内容）。请另存为 CSV 或 XLSX。",
                        "does not look like a text CSV (binary content). Save it as CSV or XLSX.")
    text = _decode(path, data)
    delimiter = _delimiter(text)
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
    return rows, lines, delimiter
