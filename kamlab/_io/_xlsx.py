"""Reading an XLSX workbook as a grid of cells: values as Excel shows them, from the sheet that holds the table.

A cell formatted as a percentage (its number format has a ``%`` outside
quoted text) holds 0.209 but shows 20.9%: it is read as 20.9, the value the
same table saved as CSV ("20.9%") gives.  Without an explicit *sheet*, the
sheet whose header matches the expected columns is read (else the first
sheet with any content).

Examples
--------
>>> _is_percent("0.0%"), _is_percent('0"%"'), _is_percent("General"), _is_percent(None)
(True, False, False, False)
>>> _shown(0.209, "0.0%"), _shown(0.209, "General"), _shown("20%", "0%")
(20.9, 0.209, '20%')
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._errors import BadSpecError
from ._files import _bad_file

__all__ = ["_xlsx_grid", "_is_percent", "_shown"]

# Parts of an Excel number format whose "%" is shown as a character, not a scaling:
# "quoted text", a backslash-escaped character, and [colour]/[locale] sections.
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_HEAD_ROWS = 30


@lru_cache(maxsize=256)
def _is_percent(number_format: object) -> bool:
    """True if *number_format* multiplies the value by 100 for display (``0%``, ``0.0%``, ...)."""
    return isinstance(number_format, str) and "%" in _LITERAL.sub("", number_format)


def _shown(value: Any, number_format: object) -> Any:
    """The value as the cell shows it: a percent-formatted number times 100, exactly in decimal."""
    if (type(value) in (int, float) and math.isfinite(value) and _is_percent(number_format)):
        # Decimal(repr(.)) shifts the decimal point without binary rounding: 0.209 -> 20.9, not 20.900000000000002.
        return float(Decimal(repr(value)).scaleb(2))
    return value


def _cell(cell: Any) -> Any:
    """A read-only cell's value as shown (its number format is looked up only for numbers)."""
    value = cell.value
    return _shown(value, cell.number_format) if type(value) in (int, float) else value


def _filled(row: tuple[Any, ...]) -> bool:
    return any(v is not None and str(v).strip() != "" for v in row)


def _score(head: list[tuple[Any, ...]], expected: dict[str, str]) -> int:
    """How many expected columns the best row of *head* names."""
    best = 0
    for row in head:
        hits = {expected.get(str(v).strip()) or expected.get(str(v).strip().lower())
                for v in row if v is not None}
        best = max(best, len(hits - {None}))
    return best


def _pick_sheet(path: Path, wb: Any, sheet: int | str | None, expected: dict[str, str]) -> str:
    names = list(wb.sheetnames)
    if sheet is None and len(names) == 1:
        return names[0]
    if sheet is None:
        heads = {n: list(wb[n].iter_rows(max_row=_HEAD_ROWS, values_only=True))
                 if hasattr(wb[n], "iter_rows") else [] for n in names}
        scores = {n: _score(heads[n], expected) for n in names} if expected else {}
        if scores and max(scores.values()) > 0:
            return max(names, key=lambda n: (scores[n], -names.index(n)))
        return next((n for n in names if any(_filled(r) for r in heads[n])), names[0])
    if isinstance(sheet, int) and not isinstance(sheet, bool) and 0 <= sheet < len(names):
        return names[sheet]
    if isinstance(sheet, str) and sheet in names:
        return sheet
    raise BadSpecError(
        f"文件 {path.name} 中没有工作表 {sheet!r}。可用的工作表：{'、'.join(names)}（或用序号 0、1…）。",
        f"File {path.name} has no sheet {sheet!r}. Sheets: {', '.join(names)} (or use 0, 1, ...).",
        column="sheet")


def _xlsx_grid(path: Path, data: bytes, sheet: int | str | None,
               expected: dict[str, str]) -> tuple[list[list[Any]], list[int], str, list[str]]:
    """Cells of one sheet as shown in Excel, their Excel row numbers, the sheet's name and all sheet names.

    Examples
    --------
    >>> import openpyxl
    >>> wb = openpyxl.Workbook()
    >>> wb.active.title = "说明"
    >>> wb.active.append(["请看第二张表"])
    >>> ws = wb.create_sheet("数据")
    >>> ws.append(["门店", "达成率"]); ws.append(["沪康", 0.209])
    >>> ws["B2"].number_format = "0.0%"
    >>> buffer = io.BytesIO(); wb.save(buffer)
    >>> rows, lines, name, names = _xlsx_grid(Path("own.xlsx"), buffer.getvalue(), None, {"达成率": "rate"})
    >>> rows, lines, name, names
    ([['门店', '达成率'], ['沪康', 20.9]], [1, 2], '数据', ['说明', '数据'])
    """
    import openpyxl  # only an .xlsx file needs openpyxl: a CSV reader does not pay for its import

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise _bad_file(path, f"不是有效的 XLSX 文件（{type(exc).__name__}）。请在 Excel 中重新另存为 .xlsx。",
                        f"is not a valid XLSX file ({type(exc).__name__}). Save it again from Excel as .xlsx.") from None
    try:
        name = _pick_sheet(path, wb, sheet, expected)
        rows = [[_cell(c) for c in r] for r in wb[name].iter_rows(min_row=1)]
        names = list(wb.sheetnames)
    finally:
        wb.close()
    return rows, list(range(1, len(rows) + 1)), name, names
