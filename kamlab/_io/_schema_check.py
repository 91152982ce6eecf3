"""Validating a table like a bundled data set (``read_table(like=...)``): columns, values, ids, dtypes.

Errors name the column and the file line (CSV) or Excel row the user sees.
"""

from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from .._errors import BadValueError, DuplicateIdError, MissingColumnError
# The one upward import of the base layer: read_table(like=...) checks a table against a bundled data
# set's dictionary, which kamlab.datasets owns (kamlab.datasets does not import kamlab._io: no cycle).
from ..datasets import KEYS, SCHEMAS, pandas_dtypes
from ._files import _Where
from ._frame import _as_bool, _as_month, _as_text, _infer

def _expected(like: str | None) -> dict[str, str]:
    """Map every accepted header spelling (English, lower case, 中文名) to the column name."""
    if like is None:
        return {}
    out: dict[str, str] = {}
    for col in SCHEMAS[like]:
        out[col.name] = col.name
        out[col.name.lower()] = col.name
        out[col.zh] = col.name
    return out


def _renames(columns: list[str], like: str | None) -> dict[str, str]:
    """Typed header -> data set column name, for the headers the dictionary knows (first spelling wins)."""
    expected = _expected(like)
    rename: dict[str, str] = {}
    for col in columns:
        target = expected.get(col) or expected.get(col.lower())
        if target and target not in rename.values():
            rename[col] = target
    return rename


def _column_kinds(columns: list[str], like: str | None) -> dict[str, tuple[str, str]]:
    """Typed header -> (data set column name, kind), e.g. ``{"门店数": ("store_count", "int")}``.

    Examples
    --------
    >>> _column_kinds(["门店数", "备注"], "chains")
    {'门店数': ('store_count', 'int')}
    """
    if like is None:
        return {}
    kind = {col.name: col.kind for col in SCHEMAS[like]}
    return {typed: (name, kind[name]) for typed, name in _renames(columns, like).items()}


def _validate(frame: pd.DataFrame, file_rows: list[int], header_line: int, like: str,
              where: _Where) -> pd.DataFrame:
    schema = SCHEMAS[like]
    rename = _renames(list(frame.columns), like)
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
            values = pd.to_numeric(s.map(lambda v: v.rstrip("%") if isinstance(v, str) else v),
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
