"""The needs table (需求清单): validation and normalisation shared by the opportunity tools.

A needs table has one row per customer need: ``need`` (text), ``kind``
(显性 explicit / 隐性 implicit), ``channel`` (总部 HQ / 门店 store / 外部
external), and for the opportunity matrix ``match`` and ``value`` (integers
1–5).  Optional columns: ``need_id`` (unique id, becomes the index),
``account_id`` (the key account), ``base_score`` (0–100, the account's
sell-through base score) and ``competitor_pressure`` (integer 1–5).

English and long-form aliases are accepted for ``kind`` and ``channel`` and
turned into the Chinese values of the bundled data set.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"need": ["联合营销活动", "店员培训"], "kind": ["explicit", "隐性需求"],
...                    "channel": ["HQ", "门店层面"], "match": [4, 2], "value": [5, 3]})
>>> prepare(df).table[["kind", "channel"]]
          kind channel
need
联合营销活动   显性      总部
店员培训     隐性      门店
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadValueError, MissingColumnError
from .._i18n import Messages
from .._problems import did_you_mean
from .._validate import (in_range, numeric_column, require_columns,
                         require_table, require_unique)

__all__ = ["KINDS", "CHANNELS", "KIND_ALIASES", "CHANNEL_ALIASES", "Prepared", "prepare"]

TABLE = "needs"

#: Canonical need kinds, in display order.
KINDS: tuple[str, ...] = ("显性", "隐性")
#: Canonical information channels, in display order.
CHANNELS: tuple[str, ...] = ("总部", "门店", "外部")

#: Accepted spellings (compared stripped and lower-cased) -> canonical kind.
KIND_ALIASES: dict[str, str] = {
    "显性": "显性", "显性需求": "显性", "explicit": "显性", "explicit need": "显性",
    "隐性": "隐性", "隐性需求": "隐性", "implicit": "隐性", "implicit need": "隐性",
}
#: Accepted spellings (compared stripped and lower-cased) -> canonical channel.
CHANNEL_ALIASES: dict[str, str] = {
    "总部": "总部", "总部层面": "总部", "hq": "总部", "headquarters": "总部", "head office": "总部",
    "门店": "门店", "门店层面": "门店", "store": "门店", "stores": "门店",
    "外部": "外部", "外部层面": "外部", "external": "外部",
}

MSGS = Messages({
    "err_empty_cell": (
        "表 needs 列 '{column}' 第 {row} 行是空的。请填写{what}，或删除这一行。",
        "Table needs, column '{column}', row {row} is empty. Fill in {what_en} or drop the row."),
    "err_category": (
        "表 needs 列 '{column}' 第 {row} 行的值 '{value}' 无效{hint_zh}。可用的值：{allowed_zh}。",
        "Table needs, column '{column}', row {row}: value '{value}' is not allowed{hint_en}. "
        "Use one of: {allowed_en}."),
    "err_integer": (
        "表 needs 列 '{column}' 第 {row} 行的值 {value:g} 不是整数。请填写 {lo}–{hi} 的整数分。",
        "Table needs, column '{column}', row {row}: value {value:g} is not a whole number. "
        "Enter a whole score from {lo} to {hi}."),
    "err_no_account_col": (
        "按客户筛选（account={account!r}）需要列 'account_id'，但表 needs 中没有这一列。请加入 account_id 列，或去掉 account=。",
        "Filtering by account (account={account!r}) needs column 'account_id', which table needs does not have. "
        "Add an account_id column or drop account=."),
    "err_unknown_account": (
        "表 needs 列 'account_id' 中没有客户 '{account}'{hint_zh}。表中的客户：{listed}。",
        "Table needs, column 'account_id' has no account '{account}'{hint_en}. Accounts in the table: {listed}."),
})

_WHAT = {"need": ("需求内容", "the need"), "kind": ("需求类型（显性/隐性）", "the kind (explicit/implicit)"),
         "channel": ("信息渠道（总部/门店/外部）", "the channel (HQ/store/external)")}

_ALLOWED = {
    "kind": ("显性、隐性（或 explicit、implicit）", "显性 (explicit), 隐性 (implicit)"),
    "channel": ("总部、门店、外部（或 HQ、store、external）", "总部 (HQ), 门店 (store), 外部 (external)"),
}


@dataclass(frozen=True)
class Prepared:
    """A validated needs table: a copy indexed by id, kind/channel canonical."""

    table: pd.DataFrame
    account: str | None
    has_base_score: bool
    has_pressure: bool


def _empty_text(raw: pd.Series) -> pd.Series:
    return raw.isna() | raw.astype(str).str.strip().eq("")


def _category(df: pd.DataFrame, column: str, aliases: dict[str, str]) -> pd.Series:
    raw = df[column]
    empty = _empty_text(raw)
    if empty.any():
        label = raw.index[empty.to_numpy().argmax()]
        what, what_en = _WHAT[column]
        raise BadValueError(*MSGS.both("err_empty_cell", column=column, row=label, what=what,
                                       what_en=what_en), column=column, row=label)
    mapped = raw.astype(str).str.strip().str.lower().map(aliases)
    bad = mapped.isna()
    if bad.any():
        label = raw.index[bad.to_numpy().argmax()]
        value = str(raw.loc[label])
        # the closest alias is suggested by the value it stands for
        close = difflib.get_close_matches(value.strip().lower(), list(aliases), n=1, cutoff=0.5)
        hint_zh, hint_en = did_you_mean(aliases[close[0]], [aliases[close[0]]]) if close else ("", "")
        allowed_zh, allowed_en = _ALLOWED[column]
        raise BadValueError(*MSGS.both(
            "err_category", column=column, row=label, value=value, hint_zh=hint_zh, hint_en=hint_en,
            allowed_zh=allowed_zh, allowed_en=allowed_en), column=column, row=label)
    return mapped


def _score(df: pd.DataFrame, column: str, lo: int, hi: int, *, integer: bool) -> pd.Series:
    values = numeric_column(df, column, table=TABLE)
    if integer:
        frac = values.to_numpy() != np.round(values.to_numpy())
        if frac.any():
            label = values.index[frac.argmax()]
            raise BadValueError(*MSGS.both("err_integer", column=column, row=label, value=values.loc[label],
                                           lo=lo, hi=hi), column=column, row=label)
    in_range(values, column, lo, hi, table=TABLE)
    return values.astype(int) if integer else values


def _filter_account(df: pd.DataFrame, account: Any) -> tuple[pd.DataFrame, str]:
    if "account_id" not in df.columns:
        raise MissingColumnError(*MSGS.both("err_no_account_col", account=account), column="account_id")
    ids = df["account_id"].astype(str).str.strip()
    wanted = str(account).strip()
    keep = ids.eq(wanted)
    if not keep.any():
        known = sorted(ids.unique())
        hint_zh, hint_en = did_you_mean(wanted, known)
        raise BadValueError(*MSGS.both(
            "err_unknown_account", account=wanted, listed=", ".join(known),
            hint_zh=hint_zh, hint_en=hint_en), column="account_id")
    return df.loc[keep.to_numpy()], wanted


def prepare(needs_df: Any, *, scores: bool = True, account: Any = None) -> Prepared:
    """Validate a needs table and return a normalised copy.

    Parameters
    ----------
    needs_df : DataFrame
        The needs table (see the module docstring for its columns).
    scores : bool
        Require and check ``match`` and ``value`` (the opportunity matrix);
        ``False`` checks only need, kind and channel (the collection plan).
    account : str, optional
        Keep only the rows whose ``account_id`` equals this id.

    Returns
    -------
    Prepared
        ``table`` is a copy indexed by ``need_id`` when present, else by
        ``need``; the input is never modified.

    Raises
    ------
    KamlabInputError
        One subclass per problem, naming column and row in Chinese and
        English.  Values are checked over the whole table (rows named by
        their original index label); ids must be unique among the rows kept.

    Examples
    --------
    >>> df = pd.DataFrame({"need": ["a"], "kind": ["显性"], "channel": ["门店"], "match": [6], "value": [3]})
    >>> prepare(df)
    Traceback (most recent call last):
    ...
    kamlab._errors.BadValueError: 表 needs 列 'match' 第 0 行的值 6 超出范围 [1, 5]。请改为范围内的数值。
    Table needs, column 'match', row 0: value 6 is outside [1, 5]. Enter a value in that range.
    """
    require_table(needs_df, table=TABLE)
    required = ["need", "kind", "channel"] + (["match", "value"] if scores else [])
    require_columns(needs_df, required, table=TABLE)
    df = needs_df.copy()
    empty = _empty_text(df["need"])
    if empty.any():
        label = df.index[empty.to_numpy().argmax()]
        raise BadValueError(*MSGS.both("err_empty_cell", column="need", row=label, what="需求内容",
                                       what_en="the need"), column="need", row=label)
    df["kind"] = _category(df, "kind", KIND_ALIASES)
    df["channel"] = _category(df, "channel", CHANNEL_ALIASES)
    if scores:
        df["match"] = _score(df, "match", 1, 5, integer=True)
        df["value"] = _score(df, "value", 1, 5, integer=True)
    has_base = "base_score" in df.columns
    has_pressure = "competitor_pressure" in df.columns
    if has_base:
        df["base_score"] = _score(df, "base_score", 0, 100, integer=False)
    if has_pressure:
        df["competitor_pressure"] = _score(df, "competitor_pressure", 1, 5, integer=True)
    chosen = None
    if account is not None:
        df, chosen = _filter_account(df, account)
    id_col = "need_id" if "need_id" in df.columns else "need"
    require_unique(df, id_col, table=TABLE)
    df = df.set_index(id_col, drop=id_col != "need")
    if id_col == "need":
        df.index.name = "need"
    return Prepared(table=df, account=chosen, has_base_score=has_base, has_pressure=has_pressure)
