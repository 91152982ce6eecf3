"""A distributor's profit model (经销盈利模式): margin and rebates, less expenses and the cost of money tied up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadValueError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._result import TableResult
from ._common import is_number

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["DistributorProfit", "distributor_profit", "PROFIT_ITEMS"]

#: The lines of the profit model, in order: key -> (中文, English).
PROFIT_ITEMS: dict[str, tuple[str, str]] = {
    "gross_profit": ("进销差价毛利", "gross margin on resale"),
    "rebate": ("厂家返利", "supplier rebates"),
    "expenses": ("运营费用（人员、仓储、配送）", "operating expenses (staff, warehouse, delivery)"),
    "capital_cost": ("资金成本（库存 + 应收 − 应付）", "cost of capital (stock + receivables − payables)"),
    "net_profit": ("净利润", "net profit"),
}

MSGS = Messages({
    "number": ("{name} 应是不小于 0 的数字，收到的是 {value!r}。", "{name} must be a number ≥ 0, got {value!r}."),
    "rate": ("{name} 应是 0 到 1 之间的小数（0.08 = 8%），收到的是 {value!r}。",
             "{name} must be a fraction between 0 and 1 (0.08 = 8%), got {value!r}."),
    "title": ("经销商盈利模式：收入 {revenue:,.0f}，净利率 {margin:.1%}", "Distributor profit: revenue {revenue:,.0f}, "
              "net margin {margin:.1%}"),
    "amount": ("金额", "amount"),
})


@dataclass(frozen=True)
class DistributorProfit(TableResult):
    """The profit model's lines (``item``, ``label``, ``amount``) and the money tied up.

    Attributes
    ----------
    revenue : float
    working_capital : float
        Stock + receivables − payables, in the revenue's unit.
    """

    revenue: float
    working_capital: float

    @property
    def net_profit(self) -> float:
        """Net profit (the last line)."""
        return float(self.table.set_index("item").loc["net_profit", "amount"])

    @property
    def net_margin(self) -> float:
        """Net profit ÷ revenue."""
        return self.net_profit / self.revenue

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """A bridge: margin and rebate up, expenses and capital cost down, net profit."""
        fig, ax = new_axes(ax, figsize=(8.0, 3.8))
        t = self.table
        signs = {"gross_profit": 1, "rebate": 1, "expenses": -1, "capital_cost": -1}
        level, colours = 0.0, []
        for i, (item, amount) in enumerate(zip(t["item"], t["amount"])):
            if item == "net_profit":
                ax.bar(i, amount, color="#4c8cbf")
                colours.append("#4c8cbf")
            else:
                step = signs[item] * amount
                ax.bar(i, step, bottom=level, color="#5cb85c" if step >= 0 else "#d9534f")
                level += step
            ax.text(i, max(level, amount) if item == "net_profit" else level, f"{amount:,.0f}", ha="center",
                    va="bottom", fontsize=9)
        ax.set_xticks(range(len(t)), t["label"], fontsize=8)
        ax.set_ylabel(MSGS("amount"))
        ax.set_title(MSGS("title", revenue=self.revenue, margin=self.net_margin))
        return ax


def _amount(name: str, value: Any) -> float:
    if not is_number(value) or float(value) < 0:
        raise BadValueError(*MSGS.both("number", name=name, value=value), column=name)
    return float(value)


def _rate(name: str, value: Any) -> float:
    if not is_number(value) or not 0 <= float(value) <= 1:
        raise BadValueError(*MSGS.both("rate", name=name, value=value), column=name)
    return float(value)


def distributor_profit(revenue: float, gross_margin: float, *, rebate_rate: float = 0.0,
                       expense_rate: float = 0.0, inventory_days: float = 0.0, receivable_days: float = 0.0,
                       payable_days: float = 0.0, interest: float = 0.06) -> DistributorProfit:
    """How a distributor makes money (seed 003 stage 3, 经销盈利模式与影响).

    The math (a year, amounts in the revenue's unit)::

        gross profit  = revenue × gross_margin            (进销差价)
        rebate        = revenue × rebate_rate             (厂家返利)
        expenses      = revenue × expense_rate            (人员、仓储、配送)
        cost of goods = revenue − gross profit
        working cap.  = cost of goods × inventory_days / 365      (库存占用)
                      + revenue × receivable_days / 365           (下游账期)
                      − cost of goods × payable_days / 365        (上游账期)
        capital cost  = max(working capital, 0) × interest        (资金成本)
        net profit    = gross profit + rebate − expenses − capital cost

    So a supplier's plan changes the distributor's profit through four
    levers: the margin it leaves, the rebate, the work it asks for, and the
    days of stock and credit it makes the distributor carry.

    Parameters
    ----------
    revenue : float
        The distributor's yearly sales (≥ 0).
    gross_margin, rebate_rate, expense_rate : float
        Fractions of revenue (0.08 = 8 %).
    inventory_days, receivable_days, payable_days : float
        Days of stock, of credit given to customers, of credit taken from suppliers.
    interest : float
        Yearly cost of money (fraction).

    Returns
    -------
    DistributorProfit

    Raises
    ------
    kamlab.BadValueError
        A negative or non-numeric amount, a rate outside 0–1.

    Examples
    --------
    >>> p = distributor_profit(10000, 0.08, rebate_rate=0.02, expense_rate=0.06, inventory_days=45,
    ...                        receivable_days=60, payable_days=30)
    >>> p.table[["item", "amount"]].round(1).values.tolist()
    [['gross_profit', 800.0], ['rebate', 200.0], ['expenses', 600.0], ['capital_cost', 121.3], ['net_profit', 278.7]]
    >>> round(p.working_capital, 1), round(p.net_margin, 4)
    (2021.9, 0.0279)

    Fifteen fewer days of stock free money and lift the profit:

    >>> round(distributor_profit(10000, 0.08, rebate_rate=0.02, expense_rate=0.06, inventory_days=30,
    ...                          receivable_days=60, payable_days=30).net_profit, 1)
    301.4
    """
    revenue = _amount("revenue", revenue)
    gm = _rate("gross_margin", gross_margin)
    rebate, expense = _rate("rebate_rate", rebate_rate), _rate("expense_rate", expense_rate)
    inv, rec, pay = (_amount(n, v) for n, v in (("inventory_days", inventory_days),
                                                ("receivable_days", receivable_days),
                                                ("payable_days", payable_days)))
    rate = _rate("interest", interest)
    gross = revenue * gm
    cogs = revenue - gross
    working = cogs * inv / 365 + revenue * rec / 365 - cogs * pay / 365
    capital = max(working, 0.0) * rate
    amounts = {"gross_profit": gross, "rebate": revenue * rebate, "expenses": revenue * expense,
               "capital_cost": capital}
    amounts["net_profit"] = amounts["gross_profit"] + amounts["rebate"] - amounts["expenses"] - capital
    table = pd.DataFrame({"item": list(amounts), "label": [localized(*PROFIT_ITEMS[k]) for k in amounts],
                          "amount": [round(v, 4) for v in amounts.values()]})
    return DistributorProfit(table=table, revenue=revenue, working_capital=working)
