"""Collection plan (多渠道信息采集): how many needs came from each kind × channel.

The course asks trainees to gather needs through three channels — HQ
(总部: executive interviews, purchasing), stores (门店: store visits,
consumer surveys) and external sources (外部: competitor monitoring,
industry reports) — and to find both explicit (显性) and implicit (隐性)
needs.  The plan counts the needs per cell and names the empty ones.

Examples
--------
>>> import pandas as pd
>>> needs = pd.DataFrame({"need": ["联合营销", "高毛利倾斜", "店员话术"],
...                       "kind": ["显性", "显性", "隐性"], "channel": ["总部", "总部", "门店"]})
>>> plan = collection_plan(needs)
>>> plan.table
channel  总部  门店  外部
kind
显性       2   0   0
隐性       0   1   0
>>> plan.summary()
'已覆盖 2/6 个类型×渠道组合；缺：显性×门店、显性×外部、隐性×总部、隐性×外部。'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._result import TableResult
from ._needs import CHANNELS, KINDS, prepare

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["collection_plan", "CollectionPlan"]

MSGS = Messages({
    "显性": ("显性需求", "explicit"),
    "隐性": ("隐性需求", "implicit"),
    "总部": ("总部", "HQ"),
    "门店": ("门店", "store"),
    "外部": ("外部", "external"),
    "summary": ("已覆盖 {n}/{total} 个类型×渠道组合{rest}。", "Covered {n} of {total} kind x channel cells{rest}."),
    "missing": ("；缺：{cells}", "; missing: {cells}"),
    "title": ("需求信息采集覆盖（需求条数）", "Needs gathered per kind and channel (count)"),
    "title_account": ("需求信息采集覆盖：{account}", "Needs gathered per kind and channel: {account}"),
    "xlabel": ("信息渠道", "Channel"),
    "ylabel": ("需求类型", "Kind"),
    "zero": ("0（缺）", "0 (gap)"),
})


@dataclass(frozen=True)
class CollectionPlan(TableResult):
    """Counts of needs per kind (rows 显性, 隐性) × channel (columns 总部, 门店, 外部).

    Attributes
    ----------
    table : DataFrame
        Whole-number counts; every cell present, 0 when empty.
    uncovered : tuple of (kind, channel)
        The empty cells, row by row.
    account : str or None
        The account kept with ``account=``, if any.
    """

    uncovered: tuple[tuple[str, str], ...] = ()
    account: str | None = None

    def summary(self) -> str:
        """One sentence in the current language: cells covered and the gaps.

        Examples
        --------
        >>> import pandas as pd, kamlab as kl
        >>> kl.set_language("en")
        >>> collection_plan(pd.DataFrame({"need": ["a"], "kind": ["implicit"], "channel": ["store"]})).summary()
        'Covered 1 of 6 kind x channel cells; missing: explicit x HQ, explicit x store, explicit x external, implicit x HQ, implicit x external.'
        >>> kl.set_language("zh")
        """
        total = len(KINDS) * len(CHANNELS)
        sep, times = localized("、", ", "), localized("×", " x ")
        names = {k: localized(k, MSGS.both(k)[1]) for k in KINDS}
        cells = sep.join(f"{names[k]}{times}{MSGS.label(c)}" for k, c in self.uncovered)
        rest = MSGS("missing", cells=cells) if self.uncovered else ""
        return MSGS("summary", n=total - len(self.uncovered), total=total, rest=rest)

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Heatmap of the counts; empty cells are marked as gaps.

        Examples
        --------
        >>> import pandas as pd
        >>> plan = collection_plan(pd.DataFrame({"need": ["a"], "kind": ["显性"], "channel": ["总部"]}))
        >>> plan.plot().get_title()
        '需求信息采集覆盖（需求条数）'
        """
        return _draw(self, ax)


def collection_plan(needs_df: pd.DataFrame, *, account: Any = None) -> CollectionPlan:
    """Count the needs per kind × channel: which channels did I cover?

    Parameters
    ----------
    needs_df : DataFrame
        Columns ``need``, ``kind`` (显性/隐性 or explicit/implicit) and
        ``channel`` (总部/门店/外部 or HQ/store/external); other columns
        are ignored except ``need_id`` (must be unique) and ``account_id``
        (for ``account=``).  Not modified.
    account : str, optional
        Count only this ``account_id``.

    Returns
    -------
    CollectionPlan

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"need": ["a", "b"], "kind": ["显性", "隐性"], "channel": ["HQ", "external"]})
    >>> collection_plan(df).table.to_numpy().tolist()
    [[1, 0, 0], [0, 0, 1]]
    """
    prep = prepare(needs_df, scores=False, account=account)
    t = prep.table
    kind = pd.Categorical(t["kind"], categories=list(KINDS))
    channel = pd.Categorical(t["channel"], categories=list(CHANNELS))
    counts = pd.crosstab(kind, channel, dropna=False).reindex(index=list(KINDS), columns=list(CHANNELS),
                                                             fill_value=0).astype(np.int64)
    counts.index.name, counts.columns.name = "kind", "channel"
    zero = counts.to_numpy() == 0
    uncovered = tuple((KINDS[i], CHANNELS[j]) for i, j in zip(*np.nonzero(zero)))
    return CollectionPlan(table=counts, uncovered=uncovered, account=prep.account)


@styled
def _draw(plan: CollectionPlan, ax: "Axes | None") -> "Axes":
    fig, ax = new_axes(ax, figsize=(6.0, 3.8))
    data = plan.table.to_numpy()
    ax.imshow(data, cmap="Blues", vmin=0, vmax=max(int(data.max()), 1), aspect="auto")
    top = max(int(data.max()), 1)
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            n = int(data[i, j])
            text = str(n) if n else MSGS.label("zero")
            ax.text(j, i, text, ha="center", va="center", fontsize=12,
                    color="white" if n > top / 2 else ("#c62828" if n == 0 else "#222222"))
    ax.set_xticks(range(len(CHANNELS)), [MSGS.label(c) for c in CHANNELS])
    ax.set_yticks(range(len(KINDS)), [MSGS.label(k) for k in KINDS])
    ax.set_xlabel(MSGS.label("xlabel"))
    ax.set_ylabel(MSGS.label("ylabel"))
    for side in ("top", "right"):
        ax.spines[side].set_visible(True)
    ax.set_title(MSGS("title_account", account=plan.account) if plan.account else MSGS.label("title"))
    fig.tight_layout()
    return ax
