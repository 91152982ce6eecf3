"""The chart of m03: each opportunity's priority, with the picks and the doubtful ones marked.

Examples
--------
>>> _cut("店员卖点话术培训", 5)
'店员卖点…'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.patches import Patch

from ..._i18n import localized
from ..._plotting import new_axes, styled
from ._case import _QUADRANTS, MSGS
from ._model import _codes, _reason_codes, _table, doubtful

def _cut(text: str, n: int) -> str:
    """*text* cut to *n* characters, the cut marked with "…"."""
    return text if len(text) <= n else text[: n - 1] + "…"


@styled
def plot_picks(q3: Any, picks: Sequence[str] = (), *, reasons: bool = False, ax: Any = None) -> Any:
    """Horizontal bars: each opportunity's priority; picks dark, doubtful ones hatched.

    With *reasons*, each doubtful bar is labelled with why (验证可行性).

    Examples
    --------
    >>> import kamlab as kl
    >>> opp = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
    >>> from kamlab.course.m03 import pick
    >>> len(plot_picks(opp, pick(opp)).patches)
    8
    """
    table = _table(q3)
    table = table.assign(_id=table.index.astype(str)).sort_values(["rank", "_id"], kind="stable")
    fig, ax = new_axes(ax, figsize=(7.5, max(3.0, 0.38 * len(table) + 1.2)))
    ids = table["_id"].tolist()
    chosen = set(map(str, picks))
    doubt = _reason_codes(table).any(axis=1).to_numpy()
    codes = _codes(table).to_numpy()
    labels = [f"{i} {_cut(str(n), 10)}" for i, n in zip(ids, table["need"] if "need" in table else ids)]
    colours = ["#1f77b4" if i in chosen else "#c7d7e8" for i in ids]
    bars = ax.barh(range(len(ids)), table["priority"].to_numpy(dtype=float), color=colours,
                   edgecolor="#333333", linewidth=0.6)
    why = doubtful(table) if reasons else {}
    sep = localized("；", "; ")
    for bar, d, code, i in zip(bars, doubt, codes, ids):
        if d:
            bar.set_hatch("//")
        text = localized(*_QUADRANTS.get(code, (code, code)))
        if i in why:
            text += " · " + sep.join(why[i])
        ax.text(bar.get_width() + 0.3, bar.get_y() + bar.get_height() / 2, text, va="center", fontsize=8)
    ax.set_yticks(range(len(ids)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 40 if reasons else 28)
    ax.set_xlabel(MSGS("picks_x"))
    account = getattr(q3, "account", None) or (str(table["account_id"].iloc[0])
                                              if "account_id" in table.columns and len(table) else "")
    ax.set_title(MSGS("picks_title" if picks else "doubts_title", account=account))
    handles = [Patch(facecolor="#1f77b4", edgecolor="#333333", label=MSGS("legend_pick")),
               Patch(facecolor="#c7d7e8", edgecolor="#333333", label=MSGS("legend_rest"))] if picks else []
    handles.append(Patch(facecolor="white", edgecolor="#333333", hatch="//", label=MSGS("legend_doubt")))
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    fig.tight_layout()
    return ax
