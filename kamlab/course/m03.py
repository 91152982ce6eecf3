"""m03 信息收集与机会洞察 / information gathering and opportunity insight.

The question bank of workshop module m03 (seed 000 §三) and the small helpers
its notebook calls, so that every answer cell is one literal or one call.
The module works on the key account chosen in m02: the notebook's
``account`` parameter, resolved by :func:`key_account` (``None`` → the
default key account of the notebook's data variant).

* ``q1`` — a small quiz (does not depend on data): for six need statements,
  the kind (显性 / 隐性) and the channel the information came from
  (总部 / 门店 / 外部), e.g. ``{"联合营销活动": ("显性", "总部"), ...}``;
* ``q2`` — the gaps of the collection plan of the key account,
  ``gaps(needs, account)`` (the account travels with the answer);
* ``q3`` — the opportunity matrix with the trainee's threshold,
  ``kl.opportunity.matrix(needs, threshold=3, account=account)``;
* ``q4`` — the doubtful opportunities and why, ``doubtful(q3)``;
* ``q5`` — the 3 high-value opportunities, ``pick(q3, rule="tool")``;
* ``q6`` — free text: one concrete action for the first opportunity
  (scored by hand).

q2–q5 are checked against what the tools give on the context's own data for
the account (and threshold) the trainee used, so a computed answer stays
right on a hidden data variant and a typed-in one from variant 0 does not.

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m03
>>> chains, needs = kl.datasets.load("chains"), kl.datasets.load("needs")
>>> account = m03.key_account(None, chains)
>>> opp = kl.opportunity.matrix(needs, threshold=3, account=account)
>>> len(m03.pick(opp))
3
>>> m03.quiz_line({"联合营销活动": "显性·总部"})
'q1 = {"联合营销活动": ("显性", "总部")}'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._errors import BadValueError
from .._i18n import Messages, get_language
from .._plotting import new_axes, styled
from ..grading import Context, Question, QuestionBank, Verdict
from ._shared import resolve_account

__all__ = [
    "BANK", "QUIZ", "RULES", "THRESHOLDS", "REASONS",
    "key_account", "account_card", "needs_by_type", "example_account", "gaps", "doubtful", "pick", "quiz_line",
    "quiz_form", "plan_form", "matrix_form", "doubts_form", "pick_form", "text_form", "plot_picks",
]

#: Quiz of exercise 1: key -> (statement zh, statement en, kind, channel).  Each
#: statement names where the information came from (seed 000 §三 2).
QUIZ: dict[str, tuple[str, str, str, str]] = {
    "联合营销活动": ("NKA 总部在高层访谈中提出：明年要做全国性品牌联合营销活动",
                 "An NKA's executives, in an interview: a national joint brand campaign next year", "显性", "总部"),
    "高毛利产品倾斜": ("LKA 采购部门沟通费用诉求时提出：希望向高毛利产品倾斜，提升区域利润",
                 "An LKA's purchasing team, discussing fees: tilt towards high-margin products for "
                 "regional profit", "显性", "总部"),
    "社区健康讲座": ("行业报告显示：区域连锁正靠社区健康讲座给门店引流（客户没有提出）",
                "An industry report: regional chains draw customers to stores with community health "
                "talks (the account did not ask)", "隐性", "外部"),
    "店员卖点话术": ("实地走访发现：店员说不清我们产品的卖点，推荐时没有话术",
                "A store visit: clerks cannot explain our product's selling points", "隐性", "门店"),
    "新品接受度": ("消费者问卷反馈：顾客对新品不熟悉，门店缺少市场接受度的反馈",
               "A consumer survey: shoppers do not know the new product; the stores lack feedback "
               "on its acceptance", "隐性", "门店"),
    "应对竞品促销": ("竞品监测发现：竞品在该连锁做买赠促销，采购已要求我们拿出应对方案",
                "Competitor monitoring: a rival runs buy-one-get-one in the chain; purchasing asked "
                "us for a response", "显性", "外部"),
}

#: The quiz's need names: the keys of the q1 answer, the same in both languages.
DATA_TERMS: tuple[str, ...] = tuple(QUIZ)

#: Rules for picking the 3 opportunities (exercise 5): code -> (zh, en).
RULES: dict[str, tuple[str, str]] = {
    "tool": ("机会洞察工具：先优先落地、再看可行性、再按优先级",
             "the tool: act-now first, feasible first, then by priority"),
    "priority": ("只按优先级（匹配度 × 价值）最高的 3 个",
                 "the 3 with the highest priority (match × value) only"),
    "act_now": ("优先落地象限里按优先级取 3 个（不看可行性）",
                "the top 3 of the act-now quadrant by priority (feasibility ignored)"),
}

#: Thresholds the matrix exercise allows (1 or 5 would put almost every need in one quadrant).
THRESHOLDS: tuple[int, ...] = (2, 3, 4)
#: Course default threshold (the tool's).
DEFAULT_THRESHOLD = 3

#: Doubt rules of ``kl.opportunity.matrix``: code -> (zh, en) short label.
REASONS: dict[str, tuple[str, str]] = {
    "base": ("动销基础薄弱", "weak sell-through base"),
    "pressure": ("竞品压力大", "strong competitor pressure"),
    "implicit": ("隐性需求匹配度低", "implicit need with low match"),
}

_QUADRANTS: dict[str, tuple[str, str]] = {
    "act_now": ("优先落地", "act now"),
    "create_conditions": ("创造条件", "create conditions"),
    "do_alongside": ("顺带执行", "do alongside"),
    "defer": ("暂缓", "defer"),
}
_COMBOS: tuple[tuple[str, str], ...] = tuple((k, c) for k in ("显性", "隐性") for c in ("总部", "门店", "外部"))

MSGS = Messages({
    "pick_one": ("请选择", "choose"),
    "combo": ("{kind}·{channel}", "{kind_en} · {channel_en}"),
    "account": ("重点客户：{id} {name}（{type}）", "Key account: {id} {name} ({type})"),
    "threshold": ("高/低门槛", "high/low threshold"),
    "rule": ("选取规则", "picking rule"),
    "no_q3": ("（练习 3 还没有作答，先用课程默认门槛 3 演示。）",
              "(Exercise 3 is not answered yet: showing the course default threshold 3.)"),
    "none_doubtful": ("没有存在疑点的机会。", "No opportunity is doubtful."),
    "doubts_title": ("{account} 的机会与可行性疑点", "{account}: opportunities and feasibility doubts"),
    "picks_title": ("{account} 的机会优先级与选中的 3 个机会", "{account}: opportunity priority and the 3 picks"),
    "picks_x": ("优先级 = 匹配度 × 价值", "priority = match × value"),
    "legend_pick": ("选中", "picked"),
    "legend_rest": ("未选", "not picked"),
    "legend_doubt": ("有疑点（斜线）", "doubtful (hatched)"),
    "text": ("在这里写你的行动……", "Write your action here..."),
    "col_kind": ("需求类型", "kind"),
    "col_need": ("需求", "need"),
})


def _t(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]


def _cut(text: str, n: int) -> str:
    """*text* cut to *n* characters, the cut marked with "…"."""
    return text if len(text) <= n else text[: n - 1] + "…"


# ------------------------------------------------------------------ helpers
def key_account(account: str | None, source: Any) -> str:
    """The key account of this notebook: *account* checked, or the variant's default when None.

    Parameters
    ----------
    account : str, optional
        The ``chain_id`` chosen in m02 (the notebook's ``account`` parameter).
    source : DataFrame or Workbook
        The chains table, or the notebook's workbook (its ``chains`` data set
        is loaded).

    Examples
    --------
    >>> import kamlab as kl
    >>> key_account("C05", kl.datasets.load("chains"))
    'C05'
    >>> key_account(None, kl.workbook("m03")) == key_account(None, kl.datasets.load("chains"))
    True
    """
    chains = source if isinstance(source, pd.DataFrame) else source.load("chains")
    return resolve_account(account, chains)


def account_card(chains: pd.DataFrame, account: str) -> pd.DataFrame:
    """One row describing the key account: name, NKA/LKA, province, stores, cities, sales.

    Examples
    --------
    >>> import kamlab as kl
    >>> account_card(kl.datasets.load("chains"), "C01").shape
    (1, 6)
    """
    cols = ["chain_id", "chain_name", "chain_type", "province", "store_count", "cities_covered",
            "annual_sales"]
    have = [c for c in cols if c in chains.columns]
    row = chains.loc[chains["chain_id"].astype(str) == str(account), have].copy()
    labels = dict(zip(cols, _CARD[0] if get_language() == "zh" else _CARD[1]))
    return row.rename(columns=labels).set_index(labels["chain_id"])


_CARD = (("客户编号", "名称", "类型", "省份", "门店数", "覆盖城市数", "年销售额（万元）"),
         ("id", "name", "type", "province", "stores", "cities", "annual sales (10k CNY)"))


def needs_by_type(needs: pd.DataFrame, chains: pd.DataFrame) -> pd.DataFrame:
    """Share of NKA and of LKA accounts (%) that have each need, by kind.

    Examples
    --------
    >>> import kamlab as kl
    >>> t = needs_by_type(kl.datasets.load("needs"), kl.datasets.load("chains"))
    >>> list(t.columns)
    ['NKA', 'LKA']
    """
    types = chains.set_index(chains["chain_id"].astype(str))["chain_type"]
    n_type = types.value_counts()
    df = needs.assign(chain_type=needs["account_id"].astype(str).map(types))
    counts = df.drop_duplicates(["account_id", "need"]).groupby(["kind", "need", "chain_type"]).size()
    share = counts.unstack("chain_type").reindex(columns=["NKA", "LKA"]).fillna(0)
    share = (100 * share / n_type.reindex(["NKA", "LKA"]).to_numpy()).round(0).astype(int)
    share = share.sort_values(["kind", "NKA"], ascending=[True, False], kind="stable")
    share.index = share.index.set_names([_t(MSGS.both("col_kind")), _t(MSGS.both("col_need"))])
    share.columns.name = None
    return share


def example_account(needs: pd.DataFrame, account: str) -> str:
    """An account other than *account* for the worked example (the first other id, sorted).

    Examples
    --------
    >>> import kamlab as kl
    >>> example_account(kl.datasets.load("needs"), "C01")
    'C02'
    """
    ids = sorted(set(needs["account_id"].astype(str).str.strip()) - {str(account)})
    return ids[0] if ids else str(account)


def gaps(needs: pd.DataFrame, account: str) -> dict[str, Any]:
    """The kind × channel cells with no need gathered for *account* (the collection plan's gaps).

    Returns
    -------
    dict
        ``{"account": account, "uncovered": [(kind, channel), ...]}`` — the
        account travels with the answer, so the check recomputes it exactly.

    Examples
    --------
    >>> import kamlab as kl
    >>> gaps(kl.datasets.load("needs"), "C18")
    {'account': 'C18', 'uncovered': [('隐性', '门店')]}
    """
    from ..opportunity import collection_plan

    plan = collection_plan(needs, account=account)
    return {"account": str(account), "uncovered": [tuple(cell) for cell in plan.uncovered]}


def _table(q3: Any) -> pd.DataFrame:
    table = getattr(q3, "table", q3)
    if not isinstance(table, pd.DataFrame):
        raise BadValueError("q3 应该是 kl.opportunity.matrix(...) 的结果。",
                            "q3 should be the result of kl.opportunity.matrix(...).", column="q3")
    return table


def _codes(table: pd.DataFrame) -> pd.Series:
    if "quadrant_code" in table.columns:
        return table["quadrant_code"].astype(str)
    back = {label: code for code, labels in _QUADRANTS.items() for label in labels}
    return table["quadrant"].map(back).astype(str)


def _reason_codes(table: pd.DataFrame) -> pd.DataFrame:
    """One boolean column per doubt rule, recomputed from the score columns."""
    from ..opportunity import LOW_MATCH_IMPLICIT, STRONG_PRESSURE, WEAK_BASE

    out = pd.DataFrame(index=table.index)
    out["base"] = (table["base_score"] < WEAK_BASE) if "base_score" in table.columns else False
    out["pressure"] = (table["competitor_pressure"] >= STRONG_PRESSURE) \
        if "competitor_pressure" in table.columns else False
    kind = table["kind"].astype(str).map({"显性": "显性", "隐性": "隐性", "explicit": "显性", "implicit": "隐性"})
    out["implicit"] = kind.eq("隐性") & (table["match"] <= LOW_MATCH_IMPLICIT)
    return out


def doubtful(q3: Any) -> dict[str, list[str]]:
    """The doubtful opportunities of the matrix *q3* and why (验证可行性), best rank first.

    Returns
    -------
    dict
        need id -> the short reasons (动销基础薄弱, 竞品压力大,
        隐性需求匹配度低; in the current language).  ``{}`` while *q3* is
        unanswered.

    Examples
    --------
    >>> import kamlab as kl
    >>> opp = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
    >>> doubtful(opp)
    {'N137': ['竞品压力大'], 'N141': ['竞品压力大']}
    """
    if q3 is Ellipsis:
        return {}
    table = _table(q3)
    if "rank" in table.columns:
        table = table.assign(_id=table.index.astype(str)).sort_values(["rank", "_id"], kind="stable")
    flags = _reason_codes(table)
    out: dict[str, list[str]] = {}
    for idx, row in zip(table.index.astype(str), flags.to_numpy()):
        reasons = [_t(REASONS[code]) for code, on in zip(flags.columns, row) if on]
        if reasons:
            out[idx] = reasons
    return out


def _order(table: pd.DataFrame, rule: str) -> list[str]:
    t = table.assign(_id=table.index.astype(str))
    if "rank" not in t.columns:
        t = t.assign(rank=(-t["priority"]).rank(method="first"))
    codes = _codes(table).to_numpy()
    feasible = _reason_codes(table).any(axis=1).to_numpy() == False  # noqa: E712
    if rule == "tool":
        key = t.assign(_other=codes != "act_now", _doubt=~feasible)
        key = key.sort_values(["_other", "_doubt", "rank", "_id"], kind="stable")
    elif rule == "priority":
        key = t.sort_values(["rank", "_id"], kind="stable")
    elif rule == "act_now":
        key = t.assign(_other=codes != "act_now").sort_values(["_other", "rank", "_id"], kind="stable")
    else:
        raise BadValueError(f"未知的选取规则 {rule!r}：可选 {list(RULES)}。",
                            f"Unknown picking rule {rule!r}: choose one of {list(RULES)}.", column="rule")
    return key["_id"].tolist()


def pick(q3: Any, k: int = 3, rule: str = "tool") -> list[str]:
    """The *k* opportunities picked from the matrix *q3* by *rule* (need ids, in pick order).

    Parameters
    ----------
    q3 : OpportunityResult or its table
    k : int
        How many (3 in the course).
    rule : {"tool", "priority", "act_now"}
        ``"tool"`` is ``q3.top(k)``: 优先落地 first, feasible before doubtful,
        then by rank.  ``"priority"`` takes the best ranks only;
        ``"act_now"`` the best ranks of 优先落地, ignoring feasibility.

    Examples
    --------
    >>> import kamlab as kl
    >>> opp = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
    >>> pick(opp) == opp.top(3).index.tolist()
    True
    >>> pick(opp, rule="priority")
    ['N137', 'N143', 'N144']
    """
    if q3 is Ellipsis:
        return []
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise BadValueError(f"k 应是正整数（例如 3），收到 {k!r}。",
                            f"k must be a positive whole number (e.g. 3); got {k!r}.", column="k")
    return _order(_table(q3), rule)[: int(k)]


def quiz_line(values: Mapping[str, Any], name: str = "q1") -> str:
    """The q1 answer line for the quiz form's choices (``"显性·总部"`` or a pair; None skipped).

    Examples
    --------
    >>> quiz_line({"社区健康讲座": ("隐性", "外部"), "店员卖点话术": None})
    'q1 = {"社区健康讲座": ("隐性", "外部"), "店员卖点话术": None}'
    """
    parts = []
    for key, value in values.items():
        if value is None:
            parts.append(f'"{key}": None')
            continue
        kind, channel = value.split("·") if isinstance(value, str) else value
        parts.append(f'"{key}": ("{kind}", "{channel}")')
    return f"{name} = {{{', '.join(parts)}}}"


def _or_matrix(q3: Any, needs: pd.DataFrame, account: str) -> Any:
    from ..opportunity import matrix

    return matrix(needs, threshold=DEFAULT_THRESHOLD, account=account) if q3 is Ellipsis else q3


def _account_title(chains: pd.DataFrame | None, account: str) -> str:
    if chains is None or "chain_id" not in chains.columns:
        return MSGS("account", id=account, name="", type="").replace("（）", "").replace(" ()", "")
    row = chains.loc[chains["chain_id"].astype(str) == str(account)]
    name = str(row["chain_name"].iloc[0]) if len(row) and "chain_name" in row else ""
    kind = str(row["chain_type"].iloc[0]) if len(row) and "chain_type" in row else ""
    return MSGS("account", id=account, name=name, type=kind)


# -------------------------------------------------------------------- charts
@styled
def plot_picks(q3: Any, picks: Sequence[str] = (), *, reasons: bool = False, ax: Any = None) -> Any:
    """Horizontal bars: each opportunity's priority; picks dark, doubtful ones hatched.

    With *reasons*, each doubtful bar is labelled with why (验证可行性).

    Examples
    --------
    >>> import kamlab as kl
    >>> opp = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
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
    sep = "；" if get_language() == "zh" else "; "
    for bar, d, code, i in zip(bars, doubt, codes, ids):
        if d:
            bar.set_hatch("//")
        text = _t(_QUADRANTS.get(code, (code, code)))
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
    from matplotlib.patches import Patch

    handles = [Patch(facecolor="#1f77b4", edgecolor="#333333", label=MSGS("legend_pick")),
               Patch(facecolor="#c7d7e8", edgecolor="#333333", label=MSGS("legend_rest"))] if picks else []
    handles.append(Patch(facecolor="white", edgecolor="#333333", hatch="//", label=MSGS("legend_doubt")))
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    fig.tight_layout()
    return ax


# --------------------------------------------------------------------- forms
def quiz_form() -> Any:
    """Exercise 1: one drop-down per need statement (kind · channel); writes the q1 line.

    Examples
    --------
    >>> form = quiz_form()
    >>> form.controls["社区健康讲座"].value = "隐性·外部"
    >>> form.line.startswith('q1 = {"联合营销活动": None, "高毛利产品倾斜": None, "社区健康讲座": ("隐性", "外部")')
    True
    """
    import ipywidgets as w

    from ..widgets import _LAYOUT, _STYLE, AnswerForm

    zh = get_language() == "zh"
    options = [(f"— {MSGS('pick_one')} —", None)] + [
        (MSGS("combo", kind=k, channel=c, kind_en=("explicit" if k == "显性" else "implicit"),
              channel_en={"总部": "HQ", "门店": "store", "外部": "external"}[c]), f"{k}·{c}")
        for k, c in _COMBOS]
    controls: dict[str, Any] = {}
    rows: list[Any] = []
    for n, (key, (text_zh, text_en, _, _)) in enumerate(QUIZ.items(), start=1):
        controls[key] = w.Dropdown(options=options, value=None, description=key, layout=_LAYOUT,
                                   style=_STYLE)
        rows.append(w.HTML(f"{n}. {text_zh if zh else text_en}"))
    form = AnswerForm(controls, line=lambda v: quiz_line(v))
    # show each statement above its drop-down
    children = list(form.children)
    out = []
    for child in children:
        for key, control in controls.items():
            if child is control:
                out.append(rows[list(controls).index(key)])
        out.append(child)
    form.children = tuple(out)
    return form


def plan_form(needs: pd.DataFrame, account: str) -> Any:
    """Exercise 2: the collection-plan heatmap of the key account and the q2 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = plan_form(kl.datasets.load("needs"), "C18")
    >>> form.line
    'q2 = kl.course.m03.gaps(needs, account)'
    """
    from ..opportunity import collection_plan
    from ..widgets import AnswerForm

    plan = collection_plan(needs, account=account)
    return AnswerForm({}, line=lambda v: "q2 = kl.course.m03.gaps(needs, account)",
                      draw=lambda v: plan.plot(), title=plan.summary())


def matrix_form(needs: pd.DataFrame, account: str, chains: pd.DataFrame | None = None) -> Any:
    """Exercise 3: a threshold slider, the opportunity matrix of the key account live, the q3 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = matrix_form(kl.datasets.load("needs"), "C18")
    ...     form.controls["threshold"].value = 4
    >>> form.line
    'q3 = kl.opportunity.matrix(needs, threshold=4, account=account)'
    """
    from ..opportunity import matrix
    from ..widgets import AnswerForm, slider

    control = slider(DEFAULT_THRESHOLD, min(THRESHOLDS), max(THRESHOLDS), 1, label=MSGS("threshold"))

    def draw(values: dict[str, Any]) -> None:
        matrix(needs, threshold=values["threshold"], account=account).plot()

    return AnswerForm({"threshold": control}, title=_account_title(chains, account),
                      line=lambda v: f"q3 = kl.opportunity.matrix(needs, threshold={v['threshold']}, "
                                     f"account=account)", draw=draw)


def doubts_form(q3: Any, needs: pd.DataFrame, account: str) -> Any:
    """Exercise 4: the doubtful opportunities of your matrix listed with their reasons; the q4 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = doubts_form(..., kl.datasets.load("needs"), "C18")
    >>> form.line
    'q4 = kl.course.m03.doubtful(q3)'
    """
    from ..widgets import AnswerForm

    opp = _or_matrix(q3, needs, account)
    note = MSGS("no_q3") if q3 is Ellipsis else ("" if doubtful(opp) else MSGS("none_doubtful"))

    return AnswerForm({}, line=lambda v: "q4 = kl.course.m03.doubtful(q3)", title=note,
                      draw=lambda v: plot_picks(opp, (), reasons=True))


def pick_form(q3: Any, needs: pd.DataFrame, account: str) -> Any:
    """Exercise 5: choose the picking rule; the picks are shown on the priority chart; the q5 line.

    The choice is a rule, not typed ids, so the line stays right on another
    data variant.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = pick_form(..., kl.datasets.load("needs"), "C18")
    ...     form.controls["rule"].value = "priority"
    >>> form.line
    'q5 = kl.course.m03.pick(q3, k=3, rule="priority")'
    """
    from ..widgets import AnswerForm, dropdown

    options = [(_t(label), code) for code, label in RULES.items()]
    control = dropdown(options, "tool", label=MSGS("rule"))

    opp = _or_matrix(q3, needs, account)

    def draw(values: dict[str, Any]) -> None:
        plot_picks(opp, pick(opp, 3, values["rule"]))

    return AnswerForm({"rule": control}, draw=draw, title=MSGS("no_q3") if q3 is Ellipsis else "",
                      line=lambda v: f'q5 = kl.course.m03.pick(q3, k=3, rule="{v["rule"]}")')


def text_form(key: str = "q6") -> Any:
    """Exercise 6: a text box; writes ``q6 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = '先做"店员培训"\\n再做陈列'
    >>> print(form.line)
    q6 = '先做"店员培训" 再做陈列'
    """
    from ..widgets import text_answer

    return text_answer(key, placeholder=MSGS("text"))


# -------------------------------------------------------------------- checks
def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


_KIND = {"显性": "显性", "显性需求": "显性", "explicit": "显性", "隐性": "隐性", "隐性需求": "隐性",
         "implicit": "隐性"}
_CHANNEL = {"总部": "总部", "hq": "总部", "headquarters": "总部", "门店": "门店", "store": "门店",
            "外部": "外部", "external": "外部"}


def _pair(value: Any) -> tuple[str | None, str | None]:
    """(kind, channel) from a pair, a "显性·总部" text, or a dict; None where unreadable."""
    if isinstance(value, Mapping):
        value = (value.get("kind"), value.get("channel"))
    if isinstance(value, str):
        for sep in ("·", "/", ",", "，", "、", " "):
            if sep in value:
                value = tuple(p for p in value.split(sep) if p.strip())
                break
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None, None
    kind, channel = (str(v).strip().lower() if v is not None else "" for v in value)
    return _KIND.get(kind), _CHANNEL.get(channel)


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        return _fail("答案应该是一个字典：每条需求 → (需求类型, 信息渠道)，例如 {\"联合营销活动\": (\"显性\", \"总部\"), ...}。",
                     "The answer should be a dict: need -> (kind, channel), e.g. "
                     "{\"联合营销活动\": (\"显性\", \"总部\"), ...}.")
    missing = [k for k in QUIZ if k not in answer]
    if missing:
        return _fail(f"还缺 {len(missing)} 条需求没有分类：{missing}。",
                     f"{len(missing)} statements are not classified yet: {missing}.")
    right = 0
    for key, (_, _, kind, channel) in QUIZ.items():
        got_kind, got_channel = _pair(answer[key])
        right += (got_kind == kind) + (got_channel == channel)
    total = 2 * len(QUIZ)
    if right == total:
        return Verdict(ok=True, score=1.0)
    return _fail(f"{total} 个判断中有 {total - right} 个不对（需求类型和信息渠道分别计）。",
                 f"{total - right} of {total} judgements are wrong (kind and channel counted separately).",
                 score=right / total)


def _accounts(ctx: Context) -> set[str]:
    return set(ctx.load("needs")["account_id"].astype(str).str.strip())


def _uncovered(answer: Any) -> set[tuple[str | None, str | None]] | None:
    cells = answer.get("uncovered") if isinstance(answer, Mapping) else answer
    if isinstance(cells, (str, bytes)) or not isinstance(cells, (list, tuple, set, frozenset)):
        return None
    return {_pair(c) for c in cells}


def _q3_account(ctx: Context) -> str | None:
    q3 = ctx.answers.get("q3")
    if isinstance(q3, pd.DataFrame) and "account_id" in q3.columns:
        ids = q3["account_id"].astype(str).unique()
        if len(ids) == 1:
            return str(ids[0])
    return None


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    from ..opportunity import collection_plan

    cells = _uncovered(answer)
    if cells is None:
        return _fail("答案应该是 kl.course.m03.gaps(needs, account) 的结果。",
                     "The answer should be the result of kl.course.m03.gaps(needs, account).")
    if isinstance(answer, Mapping) and "account" in answer:
        account = str(answer["account"]).strip()
    else:
        account = _q3_account(ctx) or resolve_account(None, ctx.load("chains"))
    if account not in _accounts(ctx):
        return _fail(f"客户 {account} 不在本笔记本的需求数据里：请用参数单元格里的 account。",
                     f"Account {account} is not in this notebook's needs data: use the account of the "
                     "parameters cell.")
    ref = {tuple(c) for c in collection_plan(ctx.load("needs"), account=account).uncovered}
    if cells == ref:
        return Verdict(ok=True, score=1.0)
    missing, extra = len(ref - cells), len(cells - ref)
    return _fail(f"和你的重点客户的采集覆盖不一致：少了 {missing} 个空缺，多了 {extra} 个。"
                 "请用 kl.course.m03.gaps(needs, account) 计算，不要手工输入。",
                 f"This does not match your key account's collection plan: {missing} gaps missing, "
                 f"{extra} not expected. Compute it with kl.course.m03.gaps(needs, account); do not type it in.")


def _verified(table: Any, ctx: Context) -> tuple[Any, Verdict | None]:
    """The reference matrix of *ctx*'s data for the account and threshold of *table*, or why not."""
    from ..opportunity import matrix

    if not isinstance(table, pd.DataFrame):
        return None, _fail("答案应该是 kl.opportunity.matrix(needs, threshold=..., account=account) 的结果。",
                           "The answer should be the result of kl.opportunity.matrix(needs, threshold=..., "
                           "account=account).")
    if "account_id" not in table.columns or table["account_id"].astype(str).nunique() != 1:
        return None, _fail("矩阵里应只有你的重点客户的需求：调用时加上 account=account。",
                           "The matrix should hold only your key account's needs: pass account=account.")
    if "quadrant_code" not in table.columns and "quadrant" not in table.columns:
        return None, _fail("矩阵里没有象限（quadrant）列。", "The matrix has no quadrant column.")
    account = str(table["account_id"].astype(str).iloc[0]).strip()
    if account not in _accounts(ctx):
        return None, _fail(f"客户 {account} 不在本笔记本的需求数据里。",
                           f"Account {account} is not in this notebook's needs data.")
    needs = ctx.load("needs")
    base = matrix(needs, threshold=DEFAULT_THRESHOLD, account=account).table
    mine_ids = sorted(map(str, table.index))
    if mine_ids != sorted(map(str, base.index)):
        return None, _fail("矩阵里的需求和本笔记本的数据不一致：请对重点客户的全部需求调用工具，不要手工筛选或输入。",
                           "The needs in your matrix differ from this notebook's data: call the tool on all of "
                           "your key account's needs; do not filter or type them in.")
    mine = _codes(table).set_axis(table.index.astype(str))
    for column in ("priority", "rank"):
        if column in table.columns:
            got = pd.Series(table[column].to_numpy(dtype=float), index=table.index.astype(str))
            want = pd.Series(base[column].to_numpy(dtype=float), index=base.index.astype(str))
            if not np.allclose(got.reindex(want.index).to_numpy(), want.to_numpy()):
                return None, _fail("匹配度、价值或优先级和本笔记本的数据不一致：不要手工改分。",
                                   "Match, value or priority differ from this notebook's data: do not edit "
                                   "the scores by hand.")
    for t in (*THRESHOLDS, 1, 5):
        ref = matrix(needs, threshold=t, account=account)
        theirs = _codes(ref.table).set_axis(ref.table.index.astype(str))
        if (mine.reindex(theirs.index) == theirs).all():
            if t not in THRESHOLDS:
                return None, _fail("门槛应在 2 到 4 之间：门槛 1 或 5 会把几乎所有需求放进同一个象限。",
                                   "The threshold should be 2 to 4: 1 or 5 puts almost every need in one quadrant.")
            return ref, None
    return None, _fail("有需求的象限和工具按任何门槛算出的都不一致：请用 kl.opportunity.matrix 计算，不要手工改象限。",
                       "Some quadrants differ from what the tool gives for any threshold: compute them with "
                       "kl.opportunity.matrix; do not edit quadrants by hand.")


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    _, why = _verified(answer, ctx)
    return why if why is not None else Verdict(ok=True, score=1.0)


def _from_q3(ctx: Context) -> tuple[Any, Verdict | None]:
    q3 = ctx.answers.get("q3", ...)
    if q3 is Ellipsis:
        return None, _fail("这一题要用你在练习 3 中的机会矩阵（q3）来核对：请先完成练习 3 并运行它的检查单元格。",
                           "This question is checked against your opportunity matrix from exercise 3 (q3): "
                           "answer exercise 3 first and run its check cell.")
    ref, why = _verified(q3, ctx)
    if why is not None:
        return None, _fail("练习 3 的机会矩阵还不对：先改好练习 3。",
                           "Your opportunity matrix of exercise 3 is not right yet: fix exercise 3 first.")
    return ref, None


def _code_of(label: Any) -> str | None:
    text = str(label).strip().lower()
    for code, (zh, en) in REASONS.items():
        if text.startswith(zh) or text.startswith(en.lower()) or text == code:
            return code
    return None


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    ref, why = _from_q3(ctx)
    if why is not None:
        return why
    if not isinstance(answer, Mapping):
        return _fail("答案应该是一个字典：需求编号 → 疑点原因，例如 kl.course.m03.doubtful(q3) 的结果。",
                     "The answer should be a dict: need id -> reasons, e.g. the result of "
                     "kl.course.m03.doubtful(q3).")
    flags = _reason_codes(ref.table)
    want = {str(i): {c for c in flags.columns if row[c]} for i, row in flags.iterrows() if row.any()}
    got: dict[str, set[str | None]] = {}
    for key, reasons in answer.items():
        items = [reasons] if isinstance(reasons, str) else list(reasons or [])
        got[str(key).strip()] = {_code_of(r) for r in items}
    if set(got) != set(want):
        missing, extra = len(set(want) - set(got)), len(set(got) - set(want))
        return _fail(f"存在疑点的机会不对：少了 {missing} 个，多了 {extra} 个。对照客户的动销基础分和竞品压力。",
                     f"The doubtful opportunities are not right: {missing} missing, {extra} not expected. "
                     "Look at the account's sell-through base and the competitor pressure.")
    wrong = sum(got[k] != want[k] for k in want)
    if wrong:
        return _fail(f"有 {wrong} 个机会的疑点原因不对。", f"The reasons of {wrong} opportunities are not right.",
                     score=0.5)
    return Verdict(ok=True, score=1.0)


def _ids(answer: Any) -> list[str] | None:
    if isinstance(answer, pd.DataFrame):
        return [str(i) for i in answer.index]
    if isinstance(answer, (list, tuple, pd.Index, pd.Series, np.ndarray)):
        values = list(answer)
        if all(isinstance(v, (str, np.str_)) for v in values):
            return [str(v).strip() for v in values]
    return None


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    ref, why = _from_q3(ctx)
    if why is not None:
        return why
    ids = _ids(answer)
    if ids is None:
        return _fail("答案应该是 3 个需求编号的列表，例如 kl.course.m03.pick(q3, k=3, rule=...) 的结果。",
                     "The answer should be a list of 3 need ids, e.g. the result of "
                     "kl.course.m03.pick(q3, k=3, rule=...).")
    table = ref.table
    known = set(table.index.astype(str))
    if len(ids) != 3 or len(set(ids)) != 3:
        return _fail("需要正好 3 个不同的机会。", "Exactly 3 different opportunities are needed.")
    if not set(ids) <= known:
        return _fail("所选的机会不是你的重点客户的需求：请从 q3 里选，不要手工输入编号。",
                     "The picks are not needs of your key account: pick from q3, do not type ids.")
    want = set(ref.top(3).index.astype(str))
    if set(ids) == want:
        return Verdict(ok=True, score=1.0)
    codes = _codes(table).set_axis(table.index.astype(str))
    doubt = _reason_codes(table).any(axis=1).set_axis(table.index.astype(str))
    n_act = int((codes == "act_now").sum())
    n_ok_act = int(((codes == "act_now") & ~doubt).sum())
    outside = sum(codes[i] != "act_now" for i in ids)
    doubtful_picks = sum(bool(doubt[i]) for i in ids)
    if outside and n_act >= 3 - 0:
        if outside > max(0, 3 - n_act):
            return _fail("有机会不在“优先落地”象限，而优先落地里还有没选的机会：先从优先落地中选。",
                         "Some picks are outside 优先落地 (act now) while act-now opportunities are left: "
                         "pick from 优先落地 first.")
    if doubtful_picks and n_ok_act > 3 - doubtful_picks:
        return _fail("选中了存在疑点（动销基础薄弱或竞品压力大）的机会，而还有可行的优先落地机会：先选可行的。",
                     "A doubtful pick (weak base or strong competitor pressure) while feasible act-now "
                     "opportunities are left: pick the feasible ones first.")
    return _fail("这 3 个不是按“优先落地 → 可行 → 优先级”选出的机会。",
                 "These 3 are not the ones picked by act-now first, feasible first, then priority.")


BANK = QuestionBank(
    module="m03",
    title=("信息收集与机会洞察", "Information gathering and opportunity insight"),
    datasets=("needs", "chains"),
    questions=(
        Question(
            key="q1", points=3.0,
            prompt=("给 6 条客户需求分类：显性还是隐性？信息来自哪个渠道（总部、门店、外部）？",
                    "Classify 6 customer needs: explicit or implicit? Which channel did the information come "
                    "from (HQ, store, external)?"),
            check=_check_q1,
            hint=("客户主动提出的是显性需求，需要我们发现的是隐性需求；看信息是从高层访谈/采购沟通、"
                  "实地走访/消费者问卷，还是竞品监测/行业报告得来的。",
                  "Needs the account states are explicit, needs we must discover are implicit; the channel is "
                  "where the information came from: executives/purchasing (HQ), store visits/consumer surveys "
                  "(store), competitor monitoring/industry reports (external).")),
        Question(
            key="q2", points=2.0,
            prompt=("你的重点客户的需求信息，哪些“类型 × 渠道”还没有覆盖？",
                    "Which kind × channel cells are not covered yet by your key account's needs?"),
            check=_check_q2,
            hint=("用 kl.course.m03.gaps(needs, account)，看采集覆盖热力图中为 0 的格子。",
                  "Use kl.course.m03.gaps(needs, account): the cells at 0 in the collection heatmap.")),
        Question(
            key="q3", points=3.0,
            prompt=("用你定的高/低门槛，为重点客户做机会洞察矩阵。",
                    "Build the opportunity matrix of your key account with your high/low threshold."),
            check=_check_q3,
            hint=("用 kl.opportunity.matrix(needs, threshold=..., account=account)，门槛在 2 到 4 之间。",
                  "Use kl.opportunity.matrix(needs, threshold=..., account=account), threshold 2 to 4.")),
        Question(
            key="q4", points=2.0,
            prompt=("验证可行性：你的矩阵里哪些机会存在疑点？为什么？",
                    "Check feasibility: which opportunities of your matrix are doubtful, and why?"),
            check=_check_q4,
            hint=("结合客户的动销基础分和竞品动作；用 kl.course.m03.doubtful(q3)。",
                  "Look at the account's sell-through base and the competitor's moves; use "
                  "kl.course.m03.doubtful(q3).")),
        Question(
            key="q5", points=3.0,
            prompt=("为重点客户锁定 3 个高价值合作机会。",
                    "Pick the 3 high-value opportunities for your key account."),
            check=_check_q5,
            hint=("先从“优先落地”中选，可行的优先，再按优先级；换一份数据也要对：选规则，不要输入编号。",
                  "Pick from 优先落地 (act now) first, feasible ones first, then by priority; choose a rule, "
                  "do not type ids, so it holds on other data too.")),
        Question(
            key="q6", points=3.0,
            prompt=("为排在第一的机会写一个具体的落地行动：做什么、谁负责、什么时候、用什么衡量。（讲师评分）",
                    "Write one concrete action for your first opportunity: what, who, when, and how it is "
                    "measured. (scored by the instructor)"),
            check=None, manual=True),
    ),
)
