"""A checked co-visit plan (:class:`VisitPlan`): its format, its table, its timeline chart.

:func:`~kamlab.covisit.plan_visit` checks a plan and returns a
:class:`VisitPlan`; :func:`plan_from_table` reads a plan back from the table a
notebook recorded.  The limits of a plan (:data:`MAX_CALLS`,
:data:`CALL_MINUTES`) and its fields live here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from .._result import TableResult
from ._common import Problem, blank, fmt_time, parse_date, parse_time, short
from ._model import MODES

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["VisitPlan", "plan_from_table", "split_debrief", "MAX_CALLS", "CALL_MINUTES", "PLAN_FIELDS",
           "CALL_FIELDS", "HEADER_COLUMNS", "PREP_SEP", "LABELS"]

#: At most this many calls on one co-visit day.
MAX_CALLS = 6
#: Minutes one call takes, travel included: calls must start at least this far apart.
CALL_MINUTES = 60
#: The fields of a plan and of one call.
PLAN_FIELDS = ("distributor", "rep", "date", "preparation", "calls", "debrief")
CALL_FIELDS = ("customer", "time", "mode", "objective", "lead")
#: The plan's own fields, repeated on every row of :attr:`VisitPlan.table`.
HEADER_COLUMNS = ("distributor", "rep", "date", "preparation", "debrief")
#: Separator of the preparation items in the table's ``preparation`` column.
PREP_SEP = " | "
#: The texts of the plan's display (table, HTML, chart).
LABELS = Messages({
    "ok": ("协访计划完整：准备、目标、方式和总结都已安排。", "The co-visit plan is complete: preparation, objectives, "
                                               "modes and debrief are set."),
    "title": ("协访日程：{distributor} · {rep} · {date}", "Co-visit day: {distributor} · {rep} · {date}"),
    "xlabel": ("时间", "time"),
    "debrief_bar": ("拜访后总结", "debrief"),
    "debrief_next": ("总结：{when}", "debrief: {when}"),
    "no_debrief_label": ("（未安排总结）", "(no debrief)"),
    "sep": ("；", "; "),
    "dash": ("—", "—"),
})

_COLOURS = {"demonstration": "#1f77b4", "observation": "#ff7f0e", None: "#9e9e9e"}


def split_debrief(value: Any) -> tuple[dt.date | None, int | None]:
    """The day and the minutes after midnight (None if no time) of a debrief such as ``"2026-11-10 16:00"``.

    Examples
    --------
    >>> split_debrief("2026-11-10 16:00"), split_debrief("2026-11-11"), split_debrief("明天")
    ((datetime.date(2026, 11, 10), 960), (datetime.date(2026, 11, 11), None), (None, None))
    """
    day = parse_date(value)
    if day is None:
        return None, None
    if isinstance(value, dt.datetime):
        return day, value.hour * 60 + value.minute
    if isinstance(value, str):
        parts = value.strip().replace("T", " ").split(None, 1)
        if len(parts) == 2:
            return day, parse_time(parts[1])
    return day, None


@dataclass(frozen=True)
class VisitPlan(TableResult):
    """A checked co-visit plan (see :func:`~kamlab.covisit.plan_visit`).

    Attributes
    ----------
    table : DataFrame
        One row per call (index 1, 2, ...): customer, time, mode, lead,
        objective, ok, problems, and the plan's own fields repeated on every
        row (distributor, rep, date, preparation joined by ``" | "``,
        debrief), so the table alone holds the whole plan
        (:func:`plan_from_table`).
    problems : tuple of Problem
        Every problem: the plan's, then each call's in order, then the mix
        of modes, then the debrief.
    distributor, rep, date : str
    preparation : tuple of str
        The checklist codes ticked (custom items as written).
    debrief : str or None
        ``"YYYY-MM-DD HH:MM"`` (or the date alone) when readable.
    today : str
    """

    problems: tuple[Problem, ...] = ()
    distributor: str = ""
    rep: str = ""
    date: str = ""
    preparation: tuple[str, ...] = ()
    debrief: str | None = None
    today: str = ""

    @property
    def ok(self) -> bool:
        """True when the plan has no problem."""
        return not self.problems

    def messages(self) -> list[str]:
        """The problems in the current language (empty when the plan is sound)."""
        return [p.text() for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        """The plan as the dict :func:`plan_visit` reads, to check it again (e.g. with another *today*).

        Examples
        --------
        >>> from kamlab.covisit import plan_visit
        >>> plan = plan_visit({"distributor": "浙瑞医药商业", "rep": "李强", "date": "2026-11-10", "calls": [
        ...     {"customer": "五一店", "time": "9:30", "mode": "观察", "objective": "推荐话术 1 次"}],
        ...     "debrief": "2026-11-10 16:00"}, today="2026-11-01")
        >>> plan_visit(plan.to_dict(), today="2026-11-01").problems == plan.problems
        True
        """
        return _plan_dict(self.table, self.distributor, self.rep, self.date, self.preparation, self.debrief)

    def _repr_html_(self) -> str:
        head = (f"<p>✅ {LABELS('ok')}</p>" if self.ok else
                "<ul>" + "".join(f"<li>❌ {p.text()}</li>" for p in self.problems) + "</ul>")
        info = (f"<p>{self.distributor} · {self.rep} · {self.date} · "
                f"{LABELS.label('debrief_bar')} {self.debrief or LABELS('dash')}</p>")
        return head + info + self.table.drop(columns=list(HEADER_COLUMNS))._repr_html_()

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """The day as a timeline: one bar per call (blue 示范, orange 观察, red edge on a problem) and the debrief.

        Examples
        --------
        >>> from kamlab.covisit import plan_visit
        >>> plan = plan_visit({"distributor": "浙瑞医药商业", "rep": "李强", "date": "2026-11-10", "calls": [
        ...     {"customer": "五一店", "time": "9:30", "mode": "观察", "objective": "推荐话术 1 次"}],
        ...     "debrief": "2026-11-10 16:00"}, today="2026-11-01")
        >>> plan.plot().get_title()
        '协访日程：浙瑞医药商业 · 李强 · 2026-11-10'
        """
        return _timeline(self, ax)


def _plan_dict(table: pd.DataFrame, distributor: Any, rep: Any, date: Any, preparation: Any,
               debrief: Any) -> dict[str, Any]:
    calls = [{c: (None if blank(row.get(c)) else row.get(c)) for c in CALL_FIELDS}
             for row in table.to_dict("records")]
    return {"distributor": distributor, "rep": rep, "date": date, "preparation": list(preparation or ()),
            "calls": calls, "debrief": debrief}


def plan_from_table(table: pd.DataFrame) -> dict[str, Any]:
    """The plan dict held by a :attr:`VisitPlan.table` (e.g. one read back from a notebook).

    An empty table (a plan without calls) gives a plan without calls or header.

    Examples
    --------
    >>> from kamlab.covisit import plan_visit
    >>> plan = plan_visit({"distributor": "浙瑞医药商业", "rep": "李强", "date": "2026-11-10",
    ...     "preparation": ["customer_info", "materials"], "calls": [
    ...     {"customer": "五一店", "time": "9:30", "mode": "观察", "objective": "推荐话术 1 次"}],
    ...     "debrief": "2026-11-10 16:00"}, today="2026-11-01")
    >>> d = plan_from_table(plan.table)
    >>> d["preparation"], d["debrief"], d == plan.to_dict()
    (['customer_info', 'materials'], '2026-11-10 16:00', True)
    """
    if not isinstance(table, pd.DataFrame):
        raise BadSpecError(f"应是 VisitPlan 的 table（DataFrame），收到 {type(table).__name__}。",
                           f"Expected the table of a VisitPlan (a DataFrame); got {type(table).__name__}.",
                           column="table")
    first = table.iloc[0].to_dict() if len(table) else {}
    head = {c: (None if blank(first.get(c)) else first.get(c)) for c in HEADER_COLUMNS}
    prep = [p for p in str(head["preparation"] or "").split(PREP_SEP) if p.strip()]
    return _plan_dict(table, head["distributor"] or "", head["rep"] or "", head["date"] or "", prep, head["debrief"])


@styled
def _timeline(res: VisitPlan, ax: "Axes | None") -> "Axes":
    from matplotlib.patches import Patch

    t = res.table
    n = len(t)
    fig, ax = new_axes(ax, figsize=(9.0, 1.6 + 0.55 * (n + 1)))
    zh = get_language() == "zh"
    labels = []
    xs: list[float] = []
    for y, (_, row) in enumerate(t.iterrows()):   # a plan has a handful of calls
        start = parse_time(row["time"]) if isinstance(row["time"], str) else None
        code = None
        for m in MODES:
            if row["mode"] == m.zh:
                code = m.code
        if start is not None:
            x = start / 60
            xs += [x, x + CALL_MINUTES / 60]
            ax.barh(y, CALL_MINUTES / 60, left=x, height=0.5, color=_COLOURS[code], alpha=0.85,
                    edgecolor="#c62828" if not row["ok"] else "none", linewidth=2)
            ax.text(x + CALL_MINUTES / 60 + 0.08, y, short(row["objective"], 18 if zh else 30), va="center",
                    fontsize=8, color="#333333")
        labels.append(f"{fmt_time(start) if start is not None else '?'} {short(row['customer'], 10)}")
    deb_day, deb_time = split_debrief(res.debrief) if res.debrief else (None, None)
    if deb_day is not None and deb_time is not None and deb_day.isoformat() == res.date:
        x = deb_time / 60
        xs += [x, x + 0.75]
        ax.barh(n, 0.75, left=x, height=0.5, color="#2e7d32", alpha=0.85)
        labels.append(f"{fmt_time(deb_time)} {LABELS.label('debrief_bar')}")
    elif deb_day is not None:
        labels.append(LABELS("debrief_next", when=res.debrief))
    else:
        labels.append(LABELS.label("no_debrief_label"))
    lo = min([8.0] + [int(x) for x in xs])
    hi = max([18.0] + [int(x) + 2 for x in xs])
    ax.set_xlim(lo, hi)
    ticks = list(range(int(lo), int(hi) + 1))
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{h:02d}:00" for h in ticks], fontsize=8)
    ax.set_yticks(range(n + 1))
    ax.set_yticklabels(labels, fontsize=9)
    ax.set_ylim(n + 0.6, -0.6)
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    ax.set_xlabel(LABELS.label("xlabel"))
    ax.legend(handles=[Patch(color=_COLOURS[m.code], label=m.name) for m in MODES]
              + [Patch(color="#2e7d32", label=LABELS.label("debrief_bar"))],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)
    ax.set_title(LABELS("title", distributor=res.distributor or LABELS("dash"), rep=res.rep or LABELS("dash"),
                      date=res.date or LABELS("dash")))
    return ax
