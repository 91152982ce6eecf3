"""Agreement clauses from the long table (one row per option), as in the bundled ``clauses`` data set.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"clause": ["年度返利"] * 2, "option_order": [1, 2], "option": ["1%", "2%"],
...     "ours": [100, 0], "theirs": [0, 100], "our_weight": 1, "their_weight": 2, "core": "否",
...     "opening": "1%", "target": "1%", "walk_away": "2%"})
>>> clauses_from_table(df)["年度返利"]["options"]
['1%', '2%']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._errors import BadValueError, DuplicateIdError
from .._validate import in_range, numeric_column, require_columns, require_table
from ._clauses import TABLE_COLUMNS, option_label, parse_clauses

__all__ = ["clauses_from_table"]


_TRUE = ("true", "1", "1.0", "yes", "y", "t", "是", "核心")
_FALSE = ("false", "0", "0.0", "no", "n", "f", "否", "非核心")


def _bool_column(df: "pd.DataFrame", column: str, table: str) -> "pd.Series":
    raw = df[column]
    text = raw.astype(str).str.strip().str.lower()
    yes, no = text.isin(_TRUE), text.isin(_FALSE)
    bad = raw.isna() | ~(yes | no)
    if bad.any():
        label = raw.index[bad.to_numpy().argmax()]
        raise BadValueError(
            f"表 {table} 列 '{column}' 第 {label} 行的值 {raw.loc[label]!r} 不是是/否。请填写 True/False（或 是/否）。",
            f"Table {table}, column '{column}', row {label}: value {raw.loc[label]!r} is not yes/no. "
            "Enter True/False (or 是/否).", column=column, row=label)
    return yes


def _text_column(df: "pd.DataFrame", column: str, table: str) -> "pd.Series":
    raw = df[column]
    text = raw.map(option_label)
    bad = raw.isna() | (text == "")
    if bad.any():
        label = raw.index[bad.to_numpy().argmax()]
        raise BadValueError(
            f"表 {table} 列 '{column}' 第 {label} 行是空的。请填写内容，或删除这一行。",
            f"Table {table}, column '{column}', row {label} is empty. Fill it in or drop the row.",
            column=column, row=label)
    return text


def clauses_from_table(df: "pd.DataFrame") -> dict[str, dict[str, Any]]:
    """Build the clause literal from the long table (one row per option).

    Parameters
    ----------
    df : DataFrame
        Columns ``clause, option_order, option, ours, theirs, our_weight,
        their_weight, core, opening, target, walk_away`` (the bundled
        ``clauses`` data set).  Per clause, the weights, ``core``,
        ``opening``, ``target`` and ``walk_away`` must be the same on every
        row; options are listed by ``option_order``.  The table is not
        modified.

    Returns
    -------
    dict
        The clause literal accepted by :class:`ConcessionMatrix`, clauses in
        order of first appearance.

    Raises
    ------
    KamlabInputError
        A missing column, a bad value, a duplicated option, inconsistent
        clause settings (naming the row), or an invalid clause.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"clause": ["回款账期"] * 2, "option_order": [2, 1],
    ...     "option": ["60天", "30天"], "ours": [40, 100], "theirs": [90, 10],
    ...     "our_weight": 70, "their_weight": 50, "core": True,
    ...     "opening": "30天", "target": "30天", "walk_away": "60天"})
    >>> spec = clauses_from_table(df)["回款账期"]
    >>> spec["options"], spec["ours"], spec["core"]
    (['30天', '60天'], [100.0, 40.0], True)
    """
    import pandas as pd

    table = "clauses"
    require_table(df, table=table)
    require_columns(df, TABLE_COLUMNS, table=table)
    work = df.loc[:, list(TABLE_COLUMNS)].copy()
    if not work.index.is_unique:  # name rows by position when labels repeat
        work = work.reset_index(drop=True)
    for col in ("clause", "option", "opening", "target", "walk_away"):
        work[col] = _text_column(work, col, table)
    for col in ("option_order", "ours", "theirs", "our_weight", "their_weight"):
        work[col] = numeric_column(work, col, table=table)
    not_int = work["option_order"] != work["option_order"].round()
    if not_int.any():
        label = work.index[not_int.to_numpy().argmax()]
        raise BadValueError(
            f"表 {table} 列 'option_order' 第 {label} 行的值 {work.loc[label, 'option_order']:g} 不是整数。"
            "请填写 1、2、3 这样的顺序号。",
            f"Table {table}, column 'option_order', row {label}: {work.loc[label, 'option_order']:g} is not a "
            "whole number. Use 1, 2, 3, ...", column="option_order", row=label)
    for col in ("ours", "theirs"):
        in_range(work[col], col, 0, 100, table=table)
    for col in ("our_weight", "their_weight"):
        bad = work[col] <= 0
        if bad.any():
            label = work.index[bad.to_numpy().argmax()]
            raise BadValueError(
                f"表 {table} 列 '{col}' 第 {label} 行的权重 {work.loc[label, col]:g} 无效：权重必须大于 0。请改为正数，例如 20。",
                f"Table {table}, column '{col}', row {label}: weight {work.loc[label, col]:g} is invalid: a weight "
                "must be > 0. Use a positive number such as 20.", column=col, row=label)
    work["core"] = _bool_column(work, "core", table)
    for key, col in ((["clause", "option_order"], "option_order"), (["clause", "option"], "option")):
        dup = work.duplicated(key, keep="first")
        if dup.any():
            label = work.index[dup.to_numpy().argmax()]
            raise DuplicateIdError(
                f"表 {table} 第 {label} 行：条款 '{work.loc[label, 'clause']}' 的 '{col}' 值 "
                f"'{work.loc[label, col]}' 重复。每个条款的选项和顺序号都只能出现一次。",
                f"Table {table}, row {label}: clause '{work.loc[label, 'clause']}' repeats {col} "
                f"'{work.loc[label, col]}'. Each option and option_order may appear once per clause.",
                column=col, row=label)
    for col in ("our_weight", "their_weight", "core", "opening", "target", "walk_away"):
        first = work.groupby("clause", sort=False)[col].transform("first")
        differs = work[col] != first
        if differs.any():
            label = work.index[differs.to_numpy().argmax()]
            raise BadValueError(
                f"表 {table} 列 '{col}' 第 {label} 行：条款 '{work.loc[label, 'clause']}' 在不同行的 '{col}' 不一致"
                f"（'{option_label(work.loc[label, col])}' 与 '{option_label(first.loc[label])}'）。"
                "同一条款的每一行请填写相同的值。",
                f"Table {table}, column '{col}', row {label}: clause '{work.loc[label, 'clause']}' has different "
                f"'{col}' values ('{option_label(work.loc[label, col])}' vs '{option_label(first.loc[label])}'). "
                "Use the same value on every row of a clause.", column=col, row=label)
    known = pd.MultiIndex.from_frame(work[["clause", "option"]])
    for col in ("opening", "target", "walk_away"):
        ok = pd.MultiIndex.from_frame(work[["clause", col]]).isin(known)
        if not ok.all():
            label = work.index[(~ok).argmax()]
            clause = work.loc[label, "clause"]
            listed = work.loc[work["clause"] == clause, "option"].tolist()
            raise BadValueError(
                f"表 {table} 列 '{col}' 第 {label} 行：'{work.loc[label, col]}' 不是条款 '{clause}' 的选项。"
                f"请从以下选项中选择：{'、'.join(listed)}。",
                f"Table {table}, column '{col}', row {label}: '{work.loc[label, col]}' is not an option of clause "
                f"'{clause}'. Choose one of: {', '.join(listed)}.", column=col, row=label)
    ordered = work.sort_values(["option_order"], kind="mergesort")
    result: dict[str, dict[str, Any]] = {}
    for name in work["clause"].drop_duplicates().tolist():
        part = ordered[ordered["clause"] == name]
        first = part.iloc[0]
        result[name] = {
            "options": part["option"].tolist(),
            "ours": [float(x) for x in part["ours"]],
            "theirs": [float(x) for x in part["theirs"]],
            "our_weight": float(first["our_weight"]),
            "their_weight": float(first["their_weight"]),
            "opening": first["opening"], "target": first["target"], "walk_away": first["walk_away"],
            "core": bool(first["core"]),
        }
    parse_clauses(result)
    return result
