"""The result of :func:`~kamlab.screening.screen`: the tiered table, quadrant counts, top accounts and charts."""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import localized
from .._plotting import new_axes, styled
from .._result import TableResult
from ._quadrants import _COLOURS, MAX_LABELS, MSGS, QUADRANTS, quadrant_label
from ._rubric import Rubric

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["ScreeningResult"]


@dataclass(frozen=True, repr=False)
class ScreeningResult(TableResult):
    """Result of :func:`screen`.

    Attributes
    ----------
    table : DataFrame
        Index: account id, sorted by rank.  Columns: one per dimension
        (0–100), ``potential`` and ``profit`` (two-axis rubrics only),
        ``total``, ``quadrant`` (name in the language current when
        :func:`screen` ran) and ``quadrant_code`` (``invest`` /
        ``cultivate`` / ``maintain`` / ``streamline``; two-axis rubrics
        only) and ``rank`` (1 = best total, ties by id).
    scores : DataFrame
        Criterion scores (0–100), same index; columns ``(dimension, column)``.
    rubric : Rubric
        The parsed rubric.
    cut : float or "median"
        The cut as given.
    cuts : tuple of float
        The cut actually used on each axis (the medians for ``"median"``).
    """

    scores: pd.DataFrame = None  # type: ignore[assignment]
    rubric: Rubric = None  # type: ignore[assignment]
    cut: Any = 50.0
    cuts: tuple[float, ...] = ()

    @property
    def two_axis(self) -> bool:
        """``True`` when the rubric has both axes (the table has quadrants)."""
        return self.rubric.two_axis

    def counts(self) -> pd.Series:
        """Number of accounts per quadrant (all four, in the current language).

        Examples
        --------
        >>> import pandas as pd
        >>> from kamlab.screening import screen
        >>> df = pd.DataFrame({"id": ["a", "b"], "x": [1, 2], "y": [1, 2]})
        >>> r = {"潜力": {"weight": 1, "axis": "potential", "criteria": {"x": 1}},
        ...      "利润": {"weight": 1, "axis": "profit", "criteria": {"y": 1}}}
        >>> screen(df, r, id_col="id").counts()
        重点投入    1
        培育优化    0
        维持收益    0
        精简调整    1
        Name: count, dtype: int64
        """
        if not self.two_axis:
            raise BadSpecError(*MSGS.both("err_no_quadrant", axis=self.rubric.axes[0]), column="quadrant")
        counts = self.table["quadrant_code"].value_counts().reindex(list(QUADRANTS), fill_value=0)
        counts.index = pd.Index([quadrant_label(q) for q in QUADRANTS], name=None)
        return counts.rename("count").astype("int64")

    def top(self, n: int = 5) -> pd.DataFrame:
        """The *n* best accounts by total score (rank 1 first).

        Examples
        --------
        >>> import pandas as pd
        >>> from kamlab.screening import screen
        >>> df = pd.DataFrame({"id": ["a", "b", "c"], "x": [1, 3, 2]})
        >>> screen(df, {"d": {"weight": 1, "criteria": {"x": 1}}}, id_col="id").top(2)
                d  total  rank
        id
        b   100.0  100.0     1
        c    50.0   50.0     2
        """
        if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
            raise BadSpecError(*MSGS.both("err_top", value=n), column="n")
        return self.table.head(int(n))

    @styled
    def plot(self, ax: "Axes | None" = None, *, labels: bool = True, top: int = 30) -> "Axes":
        """Draw the four-quadrant scatter, or a ranked bar chart for a one-axis rubric.

        Parameters
        ----------
        ax : matplotlib Axes, optional
        labels : bool
            Write each account's id beside its point (at most 80 accounts).
        top : int
            Bars shown for a one-axis rubric.

        Examples
        --------
        >>> import pandas as pd
        >>> from kamlab.screening import screen
        >>> df = pd.DataFrame({"id": ["a", "b"], "x": [1, 2], "y": [1, 2]})
        >>> r = {"潜力": {"weight": 1, "axis": "potential", "criteria": {"x": 1}},
        ...      "利润": {"weight": 1, "axis": "profit", "criteria": {"y": 1}}}
        >>> screen(df, r, id_col="id").plot().get_xlabel()
        '潜力得分（potential）'
        """
        if not self.two_axis:
            return self._plot_rank(ax, top)
        fig, ax = new_axes(ax, figsize=(7.5, 6.5))
        t = self.table
        cp, cq = self.cuts
        for code in QUADRANTS:
            part = t[t["quadrant_code"] == code]
            ax.scatter(part["potential"], part["profit"], s=40, color=_COLOURS[code], alpha=0.85,
                       edgecolor="white", linewidth=0.5, zorder=3,
                       label=localized(f"{quadrant_label(code)}（{len(part)}）", f"{quadrant_label(code)} ({len(part)})"))
        if labels and len(t) <= MAX_LABELS:
            for ident, row in t.iterrows():  # at most MAX_LABELS labels: drawing, not data work
                ax.annotate(str(ident), (row["potential"], row["profit"]), xytext=(3, 3),
                            textcoords="offset points", fontsize=7, color="#333333")
        ax.axvline(cp, color="#555555", linestyle="--", linewidth=1)
        ax.axhline(cq, color="#555555", linestyle="--", linewidth=1)
        ax.set_xlim(-5, 105)
        ax.set_ylim(-5, 105)
        corners = {"invest": (103, 103, "right", "top"), "cultivate": (103, -3, "right", "bottom"),
                   "maintain": (-3, 103, "left", "top"), "streamline": (-3, -3, "left", "bottom")}
        for code, (x, y, ha, va) in corners.items():
            ax.text(x, y, quadrant_label(code), ha=ha, va=va, fontsize=12,
                    color=_COLOURS[code], alpha=0.8)
        ax.set_xlabel(MSGS.label("potential"))
        ax.set_ylabel(MSGS.label("profit"))
        ax.set_title(MSGS("title_quadrant", cp=cp, cq=cq))
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
        fig.tight_layout()
        return ax

    def _plot_rank(self, ax: "Axes | None", top: int) -> "Axes":
        t = self.table.head(max(1, int(top)))
        fig, ax = new_axes(ax, figsize=(7.0, max(3.0, 0.28 * len(t) + 1.2)))
        labels = [str(i) for i in t.index][::-1]
        ax.barh(labels, t["total"].to_numpy()[::-1], color="#2471a3")
        for y, v in enumerate(t["total"].to_numpy()[::-1]):
            ax.text(v + 1, y, f"{v:.1f}", va="center", fontsize=7)
        ax.set_xlim(0, 110)
        ax.set_xlabel(MSGS.label("total"))
        ax.set_title(MSGS("title_rank", n=len(t), total=len(self.table)))
        fig.tight_layout()
        return ax

