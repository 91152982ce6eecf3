"""m12's chart: exercise 3's scorecard column with the picked category in red."""

from __future__ import annotations

from typing import Any

from ..._i18n import localized
from ..._plotting import new_axes, styled
from ._case import CRITERIA
from ._messages import MSGS


@styled
def _plot_criterion(table: Any, key: str, chosen: str, ax: Any = None) -> Any:
    """Bars of the scorecard column *key* by category, the *chosen* category in red."""
    fig, ax = new_axes(ax, figsize=(6.5, 3.6))
    values = table[key].astype(float)
    labels = [str(i) for i in values.index]
    ax.bar(labels, values.to_numpy(), color=["#C44E52" if c == chosen else "#4C72B0" for c in labels])
    ax.set_title(localized(*CRITERIA[key][:2]))
    ax.set_xlabel(MSGS("pick_line", cat=chosen))
    fig.tight_layout()
    return ax
