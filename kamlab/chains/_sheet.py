"""A validated chain research sheet (:class:`ResearchSheet`, its chart) and the worked :data:`EXAMPLE` sheet.

Examples
--------
>>> EXAMPLE["chain_id"], EXAMPLE["store_count"]
('C18', 1062)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._result import TableResult

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["ResearchSheet", "EXAMPLE"]

MSGS = Messages({
    "plot_title": ("{chain}：前 10 名门店日销", "{chain}: daily sales of the top-10 stores"),
    "plot_x": ("门店排名", "store rank"),
    "plot_y": ("日销额（元/日）", "daily sales (yuan/day)"),
    "plot_avg": ("全连锁平均单店 {avg:,.0f}", "chain average store {avg:,.0f}"),
})


@dataclass(frozen=True)
class ResearchSheet(TableResult):
    """A validated research sheet (:func:`research_sheet`).

    Attributes
    ----------
    table : DataFrame
        One row per item (index: item key): ``label``, ``value`` (as text),
        ``check`` (✓ or the problem).
    sheet : dict
        The sheet, normalised (numbers as floats, classes as codes,
        ``franchise_stores`` and ``avg_store_daily_sales`` added).
    problems : tuple of dict
        Implausible numbers: ``{"item", "row", "zh", "en"}``; empty when sound.
    ok : bool
        No problems.
    """

    sheet: dict = None  # type: ignore[assignment]
    problems: tuple = ()
    ok: bool = True

    def messages(self, language: str | None = None) -> list[str]:
        """The problems in *language* (default: the current language)."""
        return [localized(p["zh"], p["en"], language) for p in self.problems]

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Bars: daily sales of the top-10 stores against the chain's average store.

        Examples
        --------
        >>> from kamlab.chains import research_sheet
        >>> ax = research_sheet(EXAMPLE).plot()
        >>> len(ax.patches)
        10
        """
        fig, ax = new_axes(ax, figsize=(7.0, 3.8))
        top = np.sort(np.asarray(self.sheet["top10_daily_sales"], dtype=float))[::-1]
        x = np.arange(1, len(top) + 1)
        avg = self.sheet["avg_store_daily_sales"]
        ax.bar(x, top, color="#2e86c1")
        ax.axhline(avg, color="#c0392b", linestyle="--", linewidth=1.2, label=MSGS("plot_avg", avg=avg))
        ax.set_xticks(x, [str(i) for i in x])
        ax.set_xlabel(MSGS("plot_x"))
        ax.set_ylabel(MSGS("plot_y"))
        ax.set_title(MSGS("plot_title", chain=self.sheet.get("chain_id", "")))
        ax.legend(loc="upper right", fontsize="small")
        return ax


class _Example(Mapping):
    """A read-only sheet whose free-text notes (``layout``) read in the current language."""

    def __init__(self, data: dict[str, Any], notes: dict[str, tuple[str, str]]) -> None:
        self._data, self._notes = data, notes

    def __getitem__(self, key: str) -> Any:
        if key in self._notes:
            return localized(*self._notes[key])
        return self._data[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return repr(dict(self))


#: A complete, plausible sheet (used in the examples and tests).  A read-only
#: mapping: its ``layout`` note reads in the current language (``dict(EXAMPLE)``
#: or ``{**EXAMPLE, ...}`` give a plain dict to change).
EXAMPLE: Mapping[str, Any] = _Example({
    "chain_id": "C18", "scope": "全国性", "size": "大型", "mode": "全直营",
    "store_count": 1062, "direct_stores": 1062, "annual_sales": 140997.1,
    "top10_daily_sales": [32000, 28500, 26000, 24000, 22500, 21000, 20000, 19000, 18500, 18000],
    "layout": "总部杭州，门店集中在杭州、宁波社区和医院周边商圈",
    "competitors": [{"product": "竞品A感冒灵", "sales": 320, "price": 28, "discount_rate": 0.62,
                     "relationship": "采购经理关系好，每季度有联合促销"}],
    "our_price": 29.8, "suggested_retail_price": 32,
}, {"layout": ("总部杭州，门店集中在杭州、宁波社区和医院周边商圈",
               "HQ in Hangzhou; stores concentrated in Hangzhou and Ningbo, around communities and hospitals")})
