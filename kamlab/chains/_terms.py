"""Payment terms compared (沟通结款方式), seed 001 第一部分 三.4.

The seed names exactly four ways a chain pays: 预付款 (prepayment), 货到付款
(cash on delivery), 实销实结 (pay as sold) and 月结（押批） (monthly settlement
with one batch held: the chain keeps the latest batch unpaid and settles the
earlier one at month end, 押一批结一批; the seed writes it as one method).
:func:`compare_terms` puts them side by side for what the chain buys in a
year.  The seed gives no numbers; the days below are the course's documented
assumptions (override any with ``days=``):

============== ====== ==============================================================
term            days   why
============== ====== ==============================================================
预付款          0      paid before the goods leave
货到付款        7      paid on delivery after inspection (about a week of transit)
月结（押批）    45     one batch always held (about a month of goods) and settled at
                       the month end: 30 + 15 days on average
实销实结        75     paid for what sells: 60 days on the shelf on average plus 15
                       days to the next monthly settlement; unsold goods come back
============== ====== ==============================================================

* days of receivables (应收账款天数) ``d``: the average days between delivery
  and payment;
* financing cost (资金成本) = amount × annual_rate × d / 365 (the cost of
  funding the receivable balance amount × d / 365 for a year);
* ``rank``: 1 = we are paid soonest (fewest days; ties in the order given).
  Which term to accept is a judgment of the negotiation (the chain's needs, its
  payment record, the relationship with 采购经理 and 财务经理): the course does
  not score credit risk with invented numbers.
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError, DuplicateIdError, EmptyTableError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._problems import did_you_mean
from .._result import TableResult

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["compare_terms", "TermComparison", "TERMS", "TERM_DAYS", "ANNUAL_RATE", "term_name", "term_key"]

#: The payment terms exactly as the seed lists them (三.4), with their English names.
TERMS: dict[str, str] = {"预付款": "prepayment", "货到付款": "cash on delivery", "实销实结": "pay as sold",
                         "月结（押批）": "monthly settlement (one batch held)"}
#: Days of receivables per term (see the module text).
TERM_DAYS: dict[str, float] = {"预付款": 0.0, "货到付款": 7.0, "实销实结": 75.0, "月结（押批）": 45.0}
#: Default cost of money per year (a working-capital loan rate).
ANNUAL_RATE = 0.06

_ALIASES = {"prepayment": "预付款", "prepay": "预付款", "cod": "货到付款", "cash on delivery": "货到付款",
            "cash_on_delivery": "货到付款", "pay as sold": "实销实结", "pay_as_sold": "实销实结",
            "consignment": "实销实结", "monthly": "月结（押批）", "monthly settlement": "月结（押批）",
            "月结": "月结（押批）", "押批": "月结（押批）", "月结(押批)": "月结（押批）", "batch hold": "月结（押批）",
            "押一批结一批": "月结（押批）", "one batch held": "月结（押批）",
            "monthly settlement (one batch held)": "月结（押批）"}

MSGS = Messages({
    "err_amount": ("金额 amount = {value!r} 不对：应是大于 0 的数字（元）。",
                   "amount = {value!r} is invalid: it should be a number > 0 (yuan)."),
    "err_terms_type": ("terms 应是结款方式的列表，例如 ['货到付款', '月结（押批）']。",
                       "terms should be a list of payment terms, e.g. ['货到付款', '月结（押批）']."),
    "err_terms_empty": ("terms 是空的：至少比较 1 种结款方式。", "terms is empty: compare at least 1 payment term."),
    "err_term": ("terms 第 {row} 个结款方式 {value!r} 不认识{hint_zh}。可选：{valid}。",
                 "terms, item {row}: payment term {value!r} is unknown{hint_en}. Choose from: {valid}."),
    "err_dup": ("terms 里结款方式 '{term}' 出现了两次（第 {row} 个）：每种只列一次。",
                "terms: payment term '{term}' appears twice (item {row}): list each once."),
    "err_rate": ("年利率 annual_rate = {value!r} 不对：应是 0 到 1 之间的小数（6% 写 0.06）。",
                 "annual_rate = {value!r} is invalid: use a fraction between 0 and 1 (6% is 0.06)."),
    "err_map": ("{name} 应是字典 {{结款方式: 数值}}，收到 {got}。", "{name} should be a dict {{term: number}}; got {got}."),
    "err_map_value": ("{name} 里 '{term}' 的值 {value!r} 不对：应是{kind}。",
                      "{name}: value {value!r} for '{term}' is invalid; it should be {kind_en}."),
    "days_kind": ("不小于 0 的天数", "a number of days >= 0"),
    "title": ("结款方式比较：年采购 {amount:,.0f} 元，年利率 {rate:.1%}",
              "Payment terms: {amount:,.0f} yuan a year, rate {rate:.1%}"),
    "x": ("资金成本（元/年）", "financing cost (yuan per year)"),
    "point": ("{days:g} 天", "{days:g} days"),
})


def term_name(term: str) -> str:
    """The name of *term* in the current language.

    Examples
    --------
    >>> term_name("月结（押批）")
    '月结（押批）'
    """
    return localized(term, TERMS[term])


def term_key(term: str) -> str:
    """The Chinese key of a payment term given in either language (or an alias).

    Examples
    --------
    >>> term_key("monthly settlement"), term_key("押批"), term_key("月结")
    ('月结（押批）', '月结（押批）', '月结（押批）')
    """
    return _canonical(term, 1)


def _canonical(value: Any, row: int) -> str:
    text = str(value).strip() if isinstance(value, str) else value
    if isinstance(text, str):
        if text in TERMS:
            return text
        if text.lower() in _ALIASES:
            return _ALIASES[text.lower()]
        if text in _ALIASES:
            return _ALIASES[text]
    names = list(TERMS) + list(_ALIASES)
    close = difflib.get_close_matches(str(value), names, n=1, cutoff=0.5)
    # whichever spelling was close, suggest the term's Chinese key
    hint_zh, hint_en = did_you_mean(_ALIASES.get(close[0], close[0]), TERMS) if close else ("", "")
    raise BadValueError(*MSGS.both("err_term", row=row, value=value, hint_zh=hint_zh, hint_en=hint_en,
                                   valid="、".join(TERMS)), column="terms", row=row)


def _fraction(value: Any, key: str, name: str) -> float:
    ok = isinstance(value, (numbers.Real, np.number)) and not isinstance(value, (bool, np.bool_)) \
        and math.isfinite(float(value)) and 0 <= float(value) <= 1
    if not ok:
        raise BadValueError(*MSGS.both(key, value=value), column=name)
    return float(value)


def _mapping(values: Any, name: str, default: Mapping[str, float], hi: float, kind: str) -> dict[str, float]:
    out = dict(default)
    if values is None:
        return out
    if not isinstance(values, Mapping):
        raise BadSpecError(*MSGS.both("err_map", name=name, got=type(values).__name__), column=name)
    zh_kind, en_kind = MSGS.both(kind)
    for i, (k, v) in enumerate(values.items(), start=1):
        term = _canonical(k, i)
        ok = isinstance(v, (numbers.Real, np.number)) and not isinstance(v, (bool, np.bool_)) \
            and math.isfinite(float(v)) and 0 <= float(v) <= hi
        if not ok:
            zh, _ = MSGS.both("err_map_value", name=name, term=term, value=v, kind=zh_kind, kind_en=en_kind)
            _, en = MSGS.both("err_map_value", name=name, term=term, value=v, kind=zh_kind, kind_en=en_kind)
            raise BadValueError(zh, en, column=name, row=term)
        out[term] = float(v)
    return out


@dataclass(frozen=True)
class TermComparison(TableResult):
    """Payment terms side by side (:func:`compare_terms`).

    Attributes
    ----------
    table : DataFrame
        Index: term (its name in the current language: the Chinese key, or
        the English name of :data:`TERMS`).  Columns: ``label`` (current language),
        ``days``, ``financing_cost`` (元/年), ``rank`` (1 = paid soonest).
    soonest : str
        The term that pays us soonest (its Chinese key, see :func:`term_key`).
    amount, annual_rate : float
    """

    soonest: str = ""
    amount: float = 0.0
    annual_rate: float = ANNUAL_RATE

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Horizontal bars: the financing cost of each term, its days written beside the bar.

        Examples
        --------
        >>> ax = compare_terms(1_000_000).plot()
        >>> len(ax.patches), len(ax.texts)
        (4, 4)
        """
        fig, ax = new_axes(ax, figsize=(7.0, 3.2))
        t = self.table.sort_values("rank")
        y = np.arange(len(t))
        ax.barh(y, t["financing_cost"].to_numpy(dtype=float), color="#2e86c1")
        for yi, (cost, days) in enumerate(zip(t["financing_cost"], t["days"])):   # four bars at most
            ax.text(float(cost), yi, " " + MSGS("point", days=days), va="center", fontsize="small")
        ax.set_yticks(y)
        ax.set_yticklabels([str(i) for i in t.index])
        ax.invert_yaxis()
        ax.set_xlabel(MSGS("x"))
        ax.set_xlim(0, max(1.0, float(t["financing_cost"].max()) * 1.25))
        ax.set_title(MSGS("title", amount=self.amount, rate=self.annual_rate))
        return ax


def compare_terms(amount: float, terms: Sequence[str] | None = None, *, annual_rate: float = ANNUAL_RATE,
                  days: Mapping[str, float] | None = None) -> TermComparison:
    """Compare the seed's payment terms by days of receivables and financing cost.

    Parameters
    ----------
    amount : float
        What the chain buys from us in a year (元).
    terms : list of str, optional
        The terms on the table (Chinese names, 月结 or 押批 for 月结（押批）, or
        English aliases such as ``"monthly"``); default all four.
    annual_rate : float
        Cost of money per year, a fraction (0.06 = 6%).
    days : dict, optional
        Override the days of receivables of some terms (e.g. a 60-day 月结（押批）).

    Returns
    -------
    TermComparison
        ``.table``, ``.soonest``, ``.plot()``.

    Raises
    ------
    kamlab.KamlabInputError
        An amount ≤ 0, an unknown or repeated term (with a suggestion), a
        rate outside 0–1, a negative day count.

    Examples
    --------
    >>> res = compare_terms(365_000, ["实销实结", "货到付款", "月结（押批）"], annual_rate=0.05)
    >>> res.table[["days", "financing_cost", "rank"]].round(2)
            days  financing_cost  rank
    term
    实销实结    75.0          3750.0     3
    货到付款     7.0           350.0     1
    月结（押批）  45.0          2250.0     2
    >>> res.soonest, list(TERMS)
    ('货到付款', ['预付款', '货到付款', '实销实结', '月结（押批）'])
    """
    if not (isinstance(amount, (numbers.Real, np.number)) and not isinstance(amount, (bool, np.bool_))
            and math.isfinite(float(amount)) and float(amount) > 0):
        raise BadValueError(*MSGS.both("err_amount", value=amount), column="amount")
    amount = float(amount)
    if terms is None:
        chosen = list(TERMS)
    else:
        if isinstance(terms, (str, bytes, Mapping)) or not isinstance(terms, (Sequence, np.ndarray, pd.Index)):
            raise BadSpecError(*MSGS.both("err_terms_type"), column="terms")
        if len(terms) == 0:
            raise EmptyTableError(*MSGS.both("err_terms_empty"), column="terms")
        chosen = []
        for i, t in enumerate(terms, start=1):
            term = _canonical(t, i)
            if term in chosen:
                raise DuplicateIdError(*MSGS.both("err_dup", term=term, row=i), column="terms", row=i)
            chosen.append(term)
    rate = _fraction(annual_rate, "err_rate", "annual_rate")
    day_map = _mapping(days, "days", TERM_DAYS, math.inf, "days_kind")
    d = np.array([day_map[t] for t in chosen])
    cost = amount * rate * d / 365.0
    order = np.lexsort((np.arange(len(chosen)), d))
    rank = np.empty(len(chosen), dtype=int)
    rank[order] = np.arange(1, len(chosen) + 1)
    table = pd.DataFrame({"label": [term_name(t) for t in chosen], "days": d, "financing_cost": cost, "rank": rank},
                         index=pd.Index([term_name(t) for t in chosen], name="term"))
    return TermComparison(table=table, soonest=chosen[int(order[0])], amount=amount, annual_rate=rate)
