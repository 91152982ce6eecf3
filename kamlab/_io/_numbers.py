"""Numbers written as text: thousands separators, decimal commas and non-finite values, decided per column.

A numeric column (numeric in the data set's dictionary, or, without one,
every cell a number) is read in one convention:

* point decimal, comma thousands: ``1,919`` is 1919, ``1,919.5`` is 1919.5;
* comma decimal, point thousands: ``353032,5`` is 353032.5, ``1.234,5`` is 1234.5.

Cells such as ``353032,5``, ``0,25``, ``1,919.5`` or ``60.5`` decide it; a
column with only ``1,919``-like cells follows the rest of the file, else the
separator (``;`` means decimal commas, ``,`` means a quoted ``"1,919"`` is a
thousands separator).  A column that mixes both conventions, or stays
undecided, is refused; so are ``inf``, ``nan`` and Excel errors (``#DIV/0!``).
Every refusal is a bilingual :class:`~kamlab.BadValueError` naming the file,
the column, the line or row, and the fix.

Examples
--------
>>> import pandas as pd
>>> from pathlib import Path
>>> from kamlab._io._files import _Where
>>> frame = pd.DataFrame({"name": ["A", "B"], "sales": ["353032,5", "1,5"]}, dtype=object)
>>> _normalise_numbers(frame, [2, 3], _Where(Path("eu.csv"), None), ";", {})["sales"].tolist()
['353032.5', '1.5']
>>> frame = pd.DataFrame({"sales": ["12", "inf"]}, dtype=object)
>>> _normalise_numbers(frame, [2, 3], _Where(Path("x.csv"), None), ",", {})
Traceback (most recent call last):
...
kamlab._errors.BadValueError: 文件 x.csv 第 3 行，列 'sales' 的值 'inf' 不是有限的数字...
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import BadValueError
from ._files import _Where

__all__ = ["_normalise_numbers"]

_AMBIGUOUS_COMMA = r"[1-9]\d{0,2},\d{3}"                 # 1,919: thousands or decimal comma
_AMBIGUOUS_DOT = r"[1-9]\d{0,2}\.\d{3}"                  # 1.919: decimal point or thousands dot
_POINT = r"\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}|\d+\.\d+"      # 1,919.5 / 1,234,567 / 60.5
_COMMA = r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}|\d+,\d+"      # 1.234,5 / 1.234.567 / 353032,5
_NON_FINITE = r"(?i:[+-]?(?:inf|infinity|nan))|#(?:DIV/0!|N/A|VALUE!|REF!|NUM!|NAME\?|NULL!|SPILL!|CALC!)"
_NUMERIC_KINDS = ("int", "float")
_NUMBER_TYPES = (int, float, np.int64, np.float64, np.int32, np.float32)
_MAYBE_NUMBER = r"[+-]?[\d.,]|[+-]?(?i:inf|nan)|#"                 # how every number-like cell starts

_STYLE = {
    "point": ("用点作小数点、逗号作千位分隔符（如 1,919.5）", "a decimal point with comma thousands (like 1,919.5)"),
    "comma": ("用逗号作小数点（如 353032,5）", "a decimal comma (like 353032,5)"),
}


def _masks(text: pd.Series, percent: bool) -> pd.DataFrame:
    """Which reading each text cell allows (one boolean column per reading), worked out once per distinct text."""
    unique = pd.Series(text.unique(), dtype=object).astype(str)
    return _unique_masks(unique, percent).set_index(unique).reindex(text.to_numpy()).set_axis(text.index)


def _unique_masks(text: pd.Series, percent: bool) -> pd.DataFrame:
    body = text.str.replace(r"^[+-]", "", regex=True)
    if percent:
        body = body.str.removesuffix("%")
    out = pd.DataFrame({
        "amb_comma": body.str.fullmatch(_AMBIGUOUS_COMMA),
        "amb_dot": body.str.fullmatch(_AMBIGUOUS_DOT),
        "point": body.str.fullmatch(_POINT),
        "comma": body.str.fullmatch(_COMMA),
        "non_finite": text.str.fullmatch(_NON_FINITE),
        "plain": pd.to_numeric(body, errors="coerce").notna(),
    }, index=text.index)
    out["point"] &= ~out["amb_dot"]
    out["comma"] &= ~out["amb_comma"]
    return out


def _shown(header: str, name: str) -> tuple[str, str]:
    if header == name:
        return f"'{name}'", f"'{name}'"
    return f"'{name}'（{header}）", f"'{name}' ({header})"


def _refuse_mixed(where: _Where, header: str, name: str, frame: pd.DataFrame, m: pd.DataFrame,
                  rows: np.ndarray) -> BadValueError:
    first_kind = "point" if m["point"].idxmax() < m["comma"].idxmax() else "comma"
    other = "comma" if first_kind == "point" else "point"
    i, j = m[first_kind].idxmax(), m[other].idxmax()
    line, first_line = int(rows[j]), int(rows[i])
    zh_col, en_col = _shown(header, name)
    return BadValueError(
        f"{where.zh(line)}，列 {zh_col} 的值 '{frame.at[j, header]}' {_STYLE[other][0]}，而第 {first_line} 行的值 "
        f"'{frame.at[i, header]}' {_STYLE[first_kind][0]}，无法确定这一列的数字。"
        "请统一写成不带千位分隔符、用小数点的数字（如 353032.5），或另存为 XLSX。",
        f"{where.en(line)}, column {en_col}: value '{frame.at[j, header]}' uses {_STYLE[other][1]} but "
        f"{'row' if where.sheet else 'line'} {first_line} has '{frame.at[i, header]}' with {_STYLE[first_kind][1]}, "
        "so the column's numbers are ambiguous. Write every number with a decimal point and no thousands "
        "separator (like 353032.5), or save the file as XLSX.",
        column=name, row=line)


def _refuse_ambiguous(where: _Where, header: str, name: str, value: str, line: int) -> BadValueError:
    zh_col, en_col = _shown(header, name)
    thousands, decimal = value.replace(",", ""), value.replace(",", ".")
    return BadValueError(
        f"{where.zh(line)}，列 {zh_col} 的值 '{value}' 有歧义：可能是带千位分隔符的 {thousands}，"
        f"也可能是用逗号作小数点的 {decimal}。请去掉千位分隔符（在 Excel 中把数字格式设为“常规”）"
        "并用小数点写小数，再重新保存；或另存为 XLSX。",
        f"{where.en(line)}, column {en_col}: value '{value}' is ambiguous: {thousands} with a thousands "
        f"separator, or {decimal} with a decimal comma. Remove the thousands separators (format the cells "
        "as General in Excel) and write decimals with a point, then save again; or save the file as XLSX.",
        column=name, row=line)


def _refuse_non_finite(where: _Where, header: str, name: str, value: object, line: int) -> BadValueError:
    zh_col, en_col = _shown(header, name)
    return BadValueError(
        f"{where.zh(line)}，列 {zh_col} 的值 '{value}' 不是有限的数字（无穷大、NaN 或 Excel 错误值）。"
        "请填写实际的数字；若是 Excel 公式出错，请先在 Excel 中修正公式。",
        f"{where.en(line)}, column {en_col}: value '{value}' is not a finite number (infinity, NaN or an "
        "Excel error). Enter the actual number; if an Excel formula failed, fix it in Excel first.",
        column=name, row=line)


def _normalise_numbers(frame: pd.DataFrame, file_rows: list[int], where: _Where, delimiter: str | None,
                       kinds: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """Rewrite separator-formatted numbers as plain text numbers; refuse what cannot be read for sure.

    Parameters
    ----------
    frame : DataFrame
        Cells as read (object dtype), index 0..n-1, headers as typed.
    file_rows : list of int
        The file line (CSV) or Excel row of each row of *frame*.
    where : _Where
        How to name the file (and sheet) in messages.
    delimiter : str or None
        The CSV separator, or None for a workbook.
    kinds : dict
        Typed header -> (data set column name, kind) for the columns a data
        dictionary describes; other columns are numeric when all their cells are.

    Returns
    -------
    DataFrame
        *frame* with ``1,919`` as ``1919`` and ``353032,5`` as ``353032.5``
        (percent signs kept); other cells unchanged.

    Examples
    --------
    >>> from pathlib import Path
    >>> frame = pd.DataFrame({"n": ["1,919", "12.5"], "note": ["a,b", "1,2"]}, dtype=object)
    >>> _normalise_numbers(frame, [2, 3], _Where(Path("t.txt"), None), "\\t", {}).to_dict("list")
    {'n': ['1919', '12.5'], 'note': ['a,b', '1,2']}
    """
    rows = np.asarray(file_rows)
    out = frame.copy()
    numeric: dict[str, pd.DataFrame] = {}
    for header in frame.columns:
        s = frame[header]
        name, kind = kinds.get(header, (header, None))
        if kind is not None and kind not in _NUMERIC_KINDS:
            continue
        types = s.map(type)
        is_text = types.eq(str)
        if kind is None and not s[is_text].astype(str).str.match(_MAYBE_NUMBER).all():
            continue                                                     # some cell is words: a text column
        m = _masks(s[is_text].astype(str), percent=kind is not None)
        readable = m.any(axis=1)
        is_number = types.isin(_NUMBER_TYPES)                          # bool is its own type: not a number
        if kind is None and not (s.notna().any() and (is_number | is_text | s.isna()).all() and readable.all()
                                 and (is_number.any() or (readable & ~m["non_finite"]).any())):
            continue                                                     # a text column: leave it as typed
        bad = m.index[m["non_finite"]]
        inf = s.index[is_number & ~np.isfinite(pd.to_numeric(s.where(is_number), errors="coerce"))]
        if len(bad) or len(inf):
            i = min(list(bad) + list(inf))
            raise _refuse_non_finite(where, header, name, s.at[i], int(rows[i]))
        numeric[header] = m
    decided = pd.concat(list(numeric.values())) if numeric else pd.DataFrame(columns=["point", "comma"])
    file_style = {"point": bool(decided["point"].any()), "comma": bool(decided["comma"].any())}
    for header, m in numeric.items():
        name = kinds.get(header, (header, None))[0]
        has_comma = frame.loc[m.index, header].astype(str).str.contains(",", regex=False)
        if not (m["amb_comma"] | m["comma"] | (m["point"] & has_comma)).any():
            continue                                                     # no separators: to_numeric reads it
        if m["point"].any() and m["comma"].any():
            raise _refuse_mixed(where, header, name, frame, m, rows)
        if m["point"].any() or m["comma"].any():
            style = "point" if m["point"].any() else "comma"
        elif file_style["point"] != file_style["comma"]:
            style = "point" if file_style["point"] else "comma"
        elif delimiter in (",", ";"):
            style = "point" if delimiter == "," else "comma"
        else:
            i = m.index[m["amb_comma"]][0]
            raise _refuse_ambiguous(where, header, name, str(frame.at[i, header]), int(rows[i]))
        cells = m.index[m[["amb_comma", "amb_dot", "point", "comma"]].any(axis=1)]
        text = frame.loc[cells, header].astype(str)
        if style == "point":
            out.loc[cells, header] = text.str.replace(",", "", regex=False)
        else:
            out.loc[cells, header] = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return out
