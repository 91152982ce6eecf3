"""SWOT: strengths, weaknesses, opportunities, threats, and the SO/WO/ST/WT strategies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._problems import did_you_mean
from .._result import TableResult
from ._common import as_list, as_mapping, require_text_item

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["SWOT", "swot", "QUADRANTS", "STRATEGY_KINDS"]

#: The four quadrants: key, Chinese name, English name, aliases.
QUADRANTS: tuple[tuple[str, str, str], ...] = (
    ("strengths", "优势 S", "Strengths"),
    ("weaknesses", "劣势 W", "Weaknesses"),
    ("opportunities", "机会 O", "Opportunities"),
    ("threats", "威胁 T", "Threats"),
)
#: The four strategy kinds of the SWOT matrix.
STRATEGY_KINDS: dict[str, tuple[str, str]] = {
    "SO": ("SO 增长型：用优势抓机会", "SO: use strengths to seize opportunities"),
    "WO": ("WO 扭转型：借机会补劣势", "WO: use opportunities to fix weaknesses"),
    "ST": ("ST 多元型：用优势避威胁", "ST: use strengths to counter threats"),
    "WT": ("WT 防御型：减劣势避威胁", "WT: reduce weaknesses, avoid threats"),
}
_ALIASES = {"s": "strengths", "优势": "strengths", "w": "weaknesses", "劣势": "weaknesses",
            "o": "opportunities", "机会": "opportunities", "t": "threats", "威胁": "threats"}

MSGS = Messages({
    "title": ("SWOT 分析", "SWOT analysis"),
    "strategies": ("对策", "Strategies"),
    "internal": ("内部", "internal"),
    "external": ("外部", "external"),
})


def _key(name: Any) -> str | None:
    if not isinstance(name, str):
        return None
    low = name.strip().lower()
    if low in {q[0] for q in QUADRANTS} or low == "strategies":
        return low
    return _ALIASES.get(low, "strategies" if low in ("对策", "策略") else None)


@dataclass(frozen=True)
class SWOT(TableResult):
    """A validated SWOT.

    Attributes
    ----------
    table : DataFrame
        One row per item: ``quadrant`` (strengths ... threats, or SO/WO/ST/WT),
        ``n`` (1-based), ``item``.
    items : dict
        quadrant -> list of items.
    strategies : dict
        SO / WO / ST / WT -> list of strategies (only the kinds given).
    """

    items: dict[str, list[str]]
    strategies: dict[str, list[str]]

    @styled
    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Draw the 2×2 grid (internal S/W on top, external O/T below), strategies underneath."""
        import textwrap

        fig, ax = new_axes(ax, figsize=(9.0, 6.5 if self.strategies else 5.5))
        ax.set_xlim(0, 2)
        ax.set_ylim(-0.8 if self.strategies else 0, 2)
        ax.set_axis_off()
        colours = {"strengths": "#d8ecd8", "weaknesses": "#f6d9d5", "opportunities": "#d6e4f2", "threats": "#f3e6c8"}
        for (key, name_zh, name_en), (x, y) in zip(QUADRANTS, [(0, 1), (1, 1), (0, 0), (1, 0)]):
            ax.add_patch(_rect(x + 0.02, y + 0.02, 0.96, 0.96, colours[key]))
            ax.text(x + 0.06, y + 0.9, localized(name_zh, name_en), fontsize=12, va="top")
            lines = [f"• {textwrap.shorten(s, 34, placeholder='…')}" for s in self.items[key][:6]]
            ax.text(x + 0.06, y + 0.76, "\n".join(lines), fontsize=9, va="top")
        if self.strategies:
            lines = [f"{k}: " + "；".join(v) for k, v in self.strategies.items()]
            ax.text(0.04, -0.05, MSGS("strategies") + "\n" + "\n".join(textwrap.shorten(s, 90, placeholder="…")
                                                                       for s in lines), fontsize=9, va="top")
        ax.set_title(MSGS("title"))
        return ax


def _rect(x: float, y: float, w: float, h: float, colour: str) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), w, h, facecolor=colour, edgecolor="#888888")


def swot(spec: Mapping[str, Any]) -> SWOT:
    """Validate a SWOT literal and return it as a table with a 2×2 chart.

    Parameters
    ----------
    spec : dict
        ``strengths``, ``weaknesses``, ``opportunities``, ``threats``: each a
        non-empty list of non-empty texts (keys ``S``/``W``/``O``/``T`` or
        ``优势``/``劣势``/``机会``/``威胁`` also work); optional
        ``strategies``: ``{"SO": [...], "WO": [...], "ST": [...], "WT": [...]}``.

    Returns
    -------
    SWOT

    Raises
    ------
    kamlab.BadSpecError
        Not a dict, an unknown key, a quadrant missing or empty.
    kamlab.BadValueError
        An empty item (naming the quadrant and the item number).

    Examples
    --------
    >>> s = swot({"strengths": ["慢病用药增长快"], "weaknesses": ["感冒止咳断货"],
    ...           "opportunities": ["冬季流感高峰"], "threats": ["竞品降价"],
    ...           "strategies": {"WO": ["流感季前补齐铺货"]}})
    >>> s.table.shape, s.strategies
    ((5, 3), {'WO': ['流感季前补齐铺货']})
    """
    spec = as_mapping(spec, "swot", "S/W/O/T 四个列表", "four lists S/W/O/T")
    given: dict[str, Any] = {}
    for name, value in spec.items():
        key = _key(name)
        if key is None:
            known = [q[0] for q in QUADRANTS] + ["strategies"]
            hint_zh, hint_en = did_you_mean(name, known)
            raise BadSpecError(f"SWOT 里有不认识的键 {name!r}{hint_zh}：请用 {', '.join(known)}。",
                               f"Unknown SWOT key {name!r}{hint_en}: use {', '.join(known)}.", column=str(name))
        given[key] = value
    items: dict[str, list[str]] = {}
    for key, name_zh, name_en in QUADRANTS:
        if key not in given:
            raise BadSpecError(f"SWOT 缺少 {key}（{name_zh}）：请写至少一项。",
                               f"The SWOT has no {key} ({name_en}): write at least one item.", column=key)
        values = as_list(given[key], key, "每项一句话", "one phrase per item")
        if not values:
            raise BadSpecError(f"SWOT 的 {key}（{name_zh}）是空的：请写至少一项。",
                               f"The SWOT's {key} ({name_en}) is empty: write at least one item.", column=key)
        items[key] = [require_text_item(v, key, i) for i, v in enumerate(values, start=1)]
    strategies: dict[str, list[str]] = {}
    if given.get("strategies") is not None:
        raw = as_mapping(given["strategies"], "strategies", '如 {"SO": [...], "WT": [...]}',
                         'e.g. {"SO": [...], "WT": [...]}')
        for kind, values in raw.items():
            code = str(kind).strip().upper()
            if code not in STRATEGY_KINDS:
                raise BadSpecError(f"strategies 里有不认识的类型 {kind!r}：请用 SO、WO、ST、WT。",
                                   f"Unknown strategy kind {kind!r}: use SO, WO, ST, WT.", column="strategies")
            listed = as_list(values, f"strategies.{code}", "每项一句话", "one phrase per item")
            strategies[code] = [require_text_item(v, f"strategies.{code}", i) for i, v in enumerate(listed, start=1)]
    rows = [(k, i, s) for k, v in {**items, **strategies}.items() for i, s in enumerate(v, start=1)]
    table = pd.DataFrame(rows, columns=["quadrant", "n", "item"])
    return SWOT(table=table, items=items, strategies=strategies)
