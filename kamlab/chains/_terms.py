"""Payment terms compared (沟通结款方式), seed 001 第一部分 三.4.

The seed names four ways a chain pays: 预付款 (prepayment), 货到付款 (cash on
delivery), 实销实结 (pay as sold) and 月结 (monthly, also 押批: one batch held).
:func:`compare_terms` puts them side by side for an amount the chain buys in
a year.  Documented assumptions (override any with ``days=`` / ``credit_risk=``):

============ ============ ==========================================================  ===========
term          days         why                                                          credit risk
============ ============ ==========================================================  ===========
预付款        0            paid before the goods leave                                  0
货到付款      7            paid on delivery after inspection (about a week of transit)  10
押批          30           押一批结一批: a batch is paid when the next arrives (one     60
                           reorder interval, 30 days); one batch is always unpaid and
                           the last one is hard to collect when cooperation ends
月结          45           settled at month end: goods wait 15 days on average until   40
                           the month closes, then 30 days of credit
实销实结      75           paid for what sells: 60 days on the shelf on average plus    80
                           15 days to the next monthly settlement; unsold goods return
============ ============ ==========================================================  ===========

* days of receivables (应收账款天数) ``d``: the average days between delivery
  and payment;
* financing cost (资金成本) = amount × annual_rate × d / 365 (the cost of
  funding the receivable balance amount × d / 365 for a year);
* cost_index = 100 × cost / the largest cost among the terms compared (0 when
  every term costs 0);
* credit risk: a 0–100 score (table above) for the chance and size of a loss;
* score = (1 − risk_weight) × cost_index + risk_weight × credit_risk; the
  **best** term has the lowest score (ties: fewer days, then the order given).
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

__all__ = ["compare_terms", "TermComparison", "TERMS", "TERM_DAYS", "CREDIT_RISK", "ANNUAL_RATE",
           "RISK_WEIGHT", "term_name", "term_key"]

#: The payment terms in the seed's order, with their English names.
TERMS: dict[str, str] = {"预付款": "prepayment", "货到付款": "cash on delivery", "实销实结": "pay as sold",
                         "月结": "monthly settlement", "押批": "one batch held"}
#: Days of receivables per term (see the module text).
TERM_DAYS: dict[str, float] = {"预付款": 0.0, "货到付款": 7.0, "实销实结": 75.0, "月结": 45.0, "押批": 30.0}
#: Credit-risk score 0–100 per term (see the module text).
CREDIT_RISK: dict[str, float] = {"预付款": 0.0, "货到付款": 10.0, "实销实结": 80.0, "月结": 40.0, "押批": 60.0}
#: Default cost of money per year (a working-capital loan rate).
ANNUAL_RATE = 0.06
#: Default weight of credit risk against financing cost in the score.
RISK_WEIGHT = 0.5

_ALIASES = {"prepayment": "预付款", "prepay": "预付款", "cod": "货到付款", "cash on delivery": "货到付款",
            "cash_on_delivery": "货到付款", "pay as sold": "实销实结", "pay_as_sold": "实销实结",
            "consignment": "实销实结", "monthly": "月结", "monthly settlement": "月结", "月结（押批）": "月结",
            "batch hold": "押批", "batch_hold": "押批", "one batch held": "押批", "押一批结一批": "押批"}

MSGS = Messages({
    "err_amount": ("金额 amount = {value!r} 不对：应是大于 0 的数字（元）。",
                   "amount = {value!r} is invalid: it should be a number > 0 (yuan)."),
    "err_terms_type": ("terms 应是结款方式的列表，例如 ['货到付款', '月结', '押批']。",
                       "terms should be a list of payment terms, e.g. ['货到付款', '月结', '押批']."),
    "err_terms_empty": ("terms 是空的：至少比较 1 种结款方式。", "terms is empty: compare at least 1 payment term."),
    "err_term": ("terms 第 {row} 个结款方式 {value!r} 不认识{hint_zh}。可选：{valid}。",
                 "terms, item {row}: payment term {value!r} is unknown{hint_en}. Choose from: {valid}."),
    "err_dup": ("terms 里结款方式 '{term}' 出现了两次（第 {row} 个）：每种只列一次。",
                "terms: payment term '{term}' appears twice (item {row}): list each once."),
    "err_rate": ("年利率 annual_rate = {value!r} 不对：应是 0 到 1 之间的小数（6% 写 0.06）。",
                 "annual_rate = {value!r} is invalid: use a fraction between 0 and 1 (6% is 0.06)."),
    "err_weight": ("风险权重 risk_weight = {value!r} 不对：应是 0 到 1 之间的数。",
                   "risk_weight = {value!r} is invalid: use a number between 0 and 1."),
    "err_map": ("{name} 应是字典 {{结款方式: 数值}}，收到 {got}。", "{name} should be a dict {{term: number}}; got {got}."),
    "err_map_value": ("{name} 里 '{term}' 的值 {value!r} 不对：应是{kind}。",
                      "{name}: value {value!r} for '{term}' is invalid; it should be {kind_en}."),
    "days_kind": ("不小于 0 的天数", "a number of days >= 0"),
    "risk_kind": ("0 到 100 之间的分数", "a score between 0 and 100"),
    "title": ("结款方式比较：年采购 {amount:,.0f} 元，年利率 {rate:.1%}，风险权重 {w:.2f}",
              "Payment terms: {amount:,.0f} yuan a year, rate {rate:.1%}, risk weight {w:.2f}"),
    "x": ("资金成本（元/年）", "financing cost (yuan per year)"),
    "y": ("信用风险（0–100）", "credit risk (0-100)"),
    "best": ("推荐：{term}", "recommended: {term}"),
    "point": ("{term}（{days:g} 天）", "{term} ({days:g} days)"),
})


def term_name(term: str) -> str:
    """The name of *term* in the current language.

    Examples
    --------
    >>> term_name("押批")
    '押批'
    """
    return localized(term, TERMS[term])


def term_key(term: str) -> str:
    """The Chinese key of a payment term given in either language (or an alias).

    Examples
    --------
    >>> term_key("monthly settlement"), term_key("押批")
    ('月结', '押批')
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
        ``days``, ``financing_cost`` (元/年), ``cost_index``, ``credit_risk``,
        ``score``, ``rank`` (1 = best).
    best : str
        The term with the lowest score (its Chinese key, see :func:`term_key`).
    amount, annual_rate, risk_weight : float
    """

    best: str = ""
    amount: float = 0.0
    annual_rate: float = ANNUAL_RATE
    risk_weight: float = RISK_WEIGHT

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Scatter: financing cost vs credit risk per term (lower left is better), the best term marked.

        Examples
        --------
        >>> ax = compare_terms(1_000_000).plot()
        >>> len(ax.collections), len(ax.texts)
        (2, 5)
        """
        fig, ax = new_axes(ax, figsize=(7.0, 4.4))
        t = self.table
        ax.scatter(t["financing_cost"], t["credit_risk"], s=70, c="#2e86c1", edgecolors="black",
                   linewidths=0.5, zorder=3)
        best = t[t["rank"] == 1]
        ax.scatter(best["financing_cost"], best["credit_risk"], s=260, marker="*", c="#f39c12",
                   edgecolors="black", linewidths=0.6, zorder=4, label=MSGS("best", term=term_name(self.best)))
        for term, row in t.iterrows():   # five labels at most
            ax.annotate(MSGS("point", term=term_name(term_key(str(term))), days=row["days"]),
                        (row["financing_cost"], row["credit_risk"]), textcoords="offset points",
                        xytext=(6, 6), fontsize="small")
        ax.set_xlabel(MSGS("x"))
        ax.set_ylabel(MSGS("y"))
        ax.set_ylim(-5, 105)
        ax.set_title(MSGS("title", amount=self.amount, rate=self.annual_rate, w=self.risk_weight))
        ax.legend(loc="lower right", fontsize="small")
        return ax


def compare_terms(amount: float, terms: Sequence[str] | None = None, *, annual_rate: float = ANNUAL_RATE,
                  credit_risk: Mapping[str, float] | None = None, risk_weight: float = RISK_WEIGHT,
                  days: Mapping[str, float] | None = None) -> TermComparison:
    """Compare payment terms by days of receivables, financing cost and credit risk.

    Parameters
    ----------
    amount : float
        What the chain buys from us in a year (元).
    terms : list of str, optional
        The terms on the table (Chinese names or English aliases such as
        ``"monthly"``); default all five.
    annual_rate : float
        Cost of money per year, a fraction (0.06 = 6%).
    credit_risk : dict, optional
        Override the credit-risk score (0–100) of some terms.
    risk_weight : float
        Weight of credit risk in the score, 0–1 (the rest goes to financing cost).
    days : dict, optional
        Override the days of receivables of some terms (e.g. a 60-day 月结).

    Returns
    -------
    TermComparison
        ``.table``, ``.best``, ``.plot()``.

    Raises
    ------
    kamlab.KamlabInputError
        An amount ≤ 0, an unknown or repeated term (with a suggestion), a
        rate or weight outside 0–1, a negative day count, a risk outside 0–100.

    Examples
    --------
    >>> res = compare_terms(1_000_000, ["货到付款", "月结", "押批"], risk_weight=0.4)
    >>> res.table[["days", "financing_cost", "cost_index", "credit_risk", "score", "rank"]].round(2)
          days  financing_cost  cost_index  credit_risk  score  rank
    term
    货到付款   7.0         1150.68       15.56         10.0  13.33     1
    月结    45.0         7397.26      100.00         40.0  76.00     3
    押批    30.0         4931.51       66.67         60.0  64.00     2
    >>> res.best
    '货到付款'
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
    weight = _fraction(risk_weight, "err_weight", "risk_weight")
    day_map = _mapping(days, "days", TERM_DAYS, math.inf, "days_kind")
    risk_map = _mapping(credit_risk, "credit_risk", CREDIT_RISK, 100.0, "risk_kind")
    d = np.array([day_map[t] for t in chosen])
    cost = amount * rate * d / 365.0
    top = cost.max()
    index = np.clip(100.0 * cost / top, 0.0, 100.0) if top > 0 else np.zeros_like(cost)
    risk = np.array([risk_map[t] for t in chosen])
    score = (1.0 - weight) * index + weight * risk
    order = np.lexsort((np.arange(len(chosen)), d, np.round(score, 9)))
    rank = np.empty(len(chosen), dtype=int)
    rank[order] = np.arange(1, len(chosen) + 1)
    table = pd.DataFrame({"label": [term_name(t) for t in chosen], "days": d, "financing_cost": cost,
                          "cost_index": index, "credit_risk": risk, "score": score, "rank": rank},
                         index=pd.Index([term_name(t) for t in chosen], name="term"))
    return TermComparison(table=table, best=chosen[int(order[0])], amount=amount, annual_rate=rate,
                          risk_weight=weight)
