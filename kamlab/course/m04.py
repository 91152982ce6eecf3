"""m04 策略制定与资源整合 / Strategy and resource integration.

The question bank of workshop module m04 (seed 000 §四) and the small helpers
and no-code forms its notebook calls.  The module works on the key account
chosen in m02 (the notebook's ``account`` parameter, ``None`` → the default
key account of the data variant) and on its 3 high-value opportunities from
m03 (:func:`key_needs`: ``kl.opportunity.matrix(...).top(3)``, computed, so
they follow the hidden variant).

* ``q1`` — quiz: which department owns each of six resources
  (市场部促销活动 / 品牌部资源投入 / 销售部客情资源);
* ``q2`` — the integrated service package for the key account (a literal
  whose needs are ``needs[0]`` … and whose resources come from
  ``kl.resources.kit``); checked: ``kl.resources.check`` finds no problem on
  the context's data;
* ``q3`` — the package cost by department,
  ``kl.resources.check(q2, catalog, needs).cost_by_department``; checked
  against the same call on the trainee's own q2 with the context's catalogue;
* ``q4`` — free text: how the cross-department group meets and decides
  (scored by hand).

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m04
>>> chains, needs = kl.datasets.load("chains"), kl.datasets.load("needs")
>>> account = m04.key_account(None, chains)
>>> len(m04.key_needs(needs, account))
3
>>> m04.BANK.keys()
['q1', 'q2', 'q3', 'q4']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from .._errors import KamlabInputError
from .._i18n import Messages, get_language
from ..grading import Context, Question, QuestionBank, Verdict
from ..resources._catalog import _BASE
from ._shared import resolve_account

__all__ = [
    "BANK", "QUIZ", "PLAN_START", "PLAN_END", "key_account", "key_needs", "catalog", "flawed_package",
    "or_example", "quiz_line", "package_line", "quiz_form", "package_form", "cost_form", "text_form",
]

#: Quiz of exercise 1: resource id -> department (from the catalogue; the seed's three resource kinds).
QUIZ: tuple[str, ...] = ("R01", "R03", "R06", "R08", "R13", "R14")
#: The quiz's resource names (catalogue names, the keys of the q1 answer in both languages).
DATA_TERMS: tuple[str, ...] = tuple(row[2] for row in _BASE if row[0] in QUIZ)
#: The plan window of the course's service package (one quarter).
PLAN_START = "2026-01-05"
PLAN_END = "2026-03-31"

MSGS = Messages({
    "pick_one": ("请选择", "choose"),
    "owner": ("项目负责人", "project owner"),
    "budget": ("预算（万元）", "budget (10k CNY)"),
    "meeting": ("项目会议：每几周一次（0 = 不开）", "meeting every n weeks (0 = none)"),
    "team": ("小组成员：{dept}", "group member: {dept_en}"),
    "start": ("计划开始", "plan start"),
    "end": ("计划结束", "plan end"),
    "col_need": ("需求序号 0/1/2", "need no. 0/1/2"),
    "col_units": ("每项资源份数", "units each"),
    "col_depts": ("出资源部门（空=全部）", "departments (blank=all)"),
    "col_step": ("执行步骤", "step"),
    "col_owner": ("责任人", "owner"),
    "col_start": ("开始日期", "start"),
    "col_end": ("执行节点", "milestone"),
    "col_metric": ("评估指标", "metric"),
    "col_target": ("目标值", "target"),
    "needs_are": ("要服务的 3 个需求：{items}", "The 3 needs to serve: {items_en}"),
    "no_q2": ("（练习 2 还没有作答：先用示例服务包演示。）",
              "(Exercise 2 is not answered yet: showing the example package.)"),
    "text": ("在这里写：合作小组多久开一次会、谁参加、会上同步什么、怎么拍板……",
             "Write here: how often the group meets, who attends, what is synced, how decisions are made..."),
})


def _t(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]


def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


# ------------------------------------------------------------------ helpers
def key_account(account: str | None, source: Any) -> str:
    """The key account of this notebook: *account* checked, or the variant's default when None.

    Parameters
    ----------
    account : str, optional
        The ``chain_id`` chosen in m02.
    source : DataFrame or Workbook
        The chains table, or the notebook's workbook.

    Examples
    --------
    >>> import kamlab as kl
    >>> key_account("C05", kl.datasets.load("chains"))
    'C05'
    """
    chains = source if isinstance(source, pd.DataFrame) else source.load("chains")
    return resolve_account(account, chains)


def key_needs(source: Any, account: str, k: int = 3) -> list[str]:
    """The *k* high-value needs of *account* (m03's ``matrix(...).top(k)``), in pick order.

    Parameters
    ----------
    source : DataFrame or Workbook
        The ``needs`` table, or the notebook's workbook.
    account : str

    Examples
    --------
    >>> import kamlab as kl
    >>> key_needs(kl.datasets.load("needs"), "C18")
    ['合规的店员销售激励方案', '完成年度品类增长目标', '门店陈列优化与物料支持']
    """
    from ..opportunity import matrix

    needs = source if isinstance(source, pd.DataFrame) else source.load("needs")
    return [str(n) for n in matrix(needs, account=account).top(k)["need"]]


def catalog(source: Any = 0) -> pd.DataFrame:
    """The resource catalogue of the notebook's variant (a workbook, a Context or a variant number).

    Examples
    --------
    >>> import kamlab as kl
    >>> catalog(kl.workbook("m04", variant=2)).equals(kl.resources.resource_catalog(2))
    True
    """
    from ..resources import resource_catalog

    if isinstance(source, int):
        return resource_catalog(source)
    ctx = getattr(source, "context", source)
    return resource_catalog(int(getattr(ctx, "variant", 0)))


def _step(step: str, owner: str, start: str, end: str, metric: str | None, target: float | None) -> dict:
    return {"step": step, "owner": owner, "start": start, "end": end, "metric": metric, "target": target}


def flawed_package(needs: Sequence[str], catalog: pd.DataFrame, account: str) -> dict[str, Any]:
    """A worked-example package with typical flaws (单打独斗, 资源重复投入, no metric, no meeting).

    Examples
    --------
    >>> import kamlab as kl
    >>> needs = ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"]
    >>> res = kl.resources.check(flawed_package(needs, kl.resources.resource_catalog(), "C18"),
    ...                          kl.resources.resource_catalog(), needs)
    >>> res.rules
    ['no_meeting', 'over_budget', 'need_unserved', 'mismatch', 'duplicate', 'no_member', 'step_no_metric', 'step_order']
    """
    from ..resources import kit, options

    first = kit(needs, 0, catalog, units=2)
    rid = next(iter(first))
    cheap = options(needs[1], catalog).index[0] if len(options(needs[1], catalog)) else rid
    words = dict(zip(_EXAMPLE_WORDS, _EXAMPLE_WORDS.values() if get_language() == "zh" else _EXAMPLE_EN))
    owner = words["王磊"]
    return {
        "account": account, "owner": owner, "budget": 12, "start": PLAN_START, "end": PLAN_END,
        "team": {"销售部": owner},
        "lines": [
            {"need": needs[0], "resources": {**first, "R06": 1},
             "steps": [_step(words["与采购谈定方案"], owner, "2026-01-12", "2026-01-30", words["签约"], 1),
                       _step(words["方案落地到门店"], owner, "2026-02-02", "2026-03-20", None, None)]},
            {"need": needs[1], "resources": {str(cheap): 1, rid: 1},
             "steps": [_step(words["门店执行"], owner, "2026-03-10", "2026-02-20", words["动销率"], 0.8)]},
        ],
    }


#: The worked example's own words (owner, steps, metrics) and their English.
_EXAMPLE_WORDS: dict[str, str] = {w: w for w in ("王磊", "与采购谈定方案", "方案落地到门店", "门店执行", "签约", "动销率")}
_EXAMPLE_EN: tuple[str, ...] = ("Wang Lei", "agree the plan with purchasing", "roll the plan out to stores",
                                "store execution", "contract signed", "sell-through rate")


def or_example(q2: Any, needs: Sequence[str], catalog: pd.DataFrame, account: str) -> Any:
    """The checked package *q2*, or the worked example's while *q2* is unanswered (``...``).

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> needs = ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"]
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     res = or_example(..., needs, kl.resources.resource_catalog(), "C18")
    >>> res.account
    'C18'
    """
    from ..resources import check

    if q2 is Ellipsis:
        print(MSGS("no_q2"))
        q2 = flawed_package(needs, catalog, account)
    return check(q2, catalog, needs)


def quiz_line(values: Mapping[str, Any], name: str = "q1") -> str:
    """The q1 answer line for the quiz form's choices.

    Examples
    --------
    >>> quiz_line({"买赠促销活动": "市场部", "全国品牌联合广告": None})
    'q1 = {"买赠促销活动": "市场部", "全国品牌联合广告": None}'
    """
    from ..widgets import literal

    return f"{name} = {literal(dict(values))}"


_COLUMNS = ("need", "units", "departments", "step", "owner", "start", "end", "metric", "target")


def _rows_to_lines(rows: Sequence[Mapping[str, Any]], n_needs: int) -> list[tuple[int, int, list[str] | None,
                                                                                  list[dict[str, Any]]]]:
    """Group the editor rows by need index: (index, units, departments, steps) in first-seen order."""
    groups: dict[int, tuple[int, list[str] | None, list[dict[str, Any]]]] = {}
    for row in rows:
        idx = row.get("need")
        if not isinstance(idx, int) or isinstance(idx, bool) or not 0 <= idx < n_needs:
            continue
        if idx not in groups:
            units = row.get("units")
            units = units if isinstance(units, int) and not isinstance(units, bool) and units >= 1 else 1
            depts_raw = row.get("departments")
            depts = None
            if isinstance(depts_raw, str) and depts_raw.strip():
                depts = [d.strip() for d in depts_raw.replace("，", ",").replace("、", ",").split(",") if d.strip()]
            groups[idx] = (units, depts, [])
        if row.get("step") not in (None, ""):
            groups[idx][2].append({c: row.get(c) for c in ("step", "owner", "start", "end", "metric", "target")})
    return [(i, u, d, s) for i, (u, d, s) in groups.items()]


def package_line(values: Mapping[str, Any], n_needs: int = 3, name: str = "q2") -> str:
    """The q2 answer line for the package form's values (the package literal, needs by index).

    Examples
    --------
    >>> v = {"owner": "王磊", "budget": 40, "meeting_weeks": 2, "team_市场部": "李娜", "team_品牌部": "",
    ...      "team_销售部": "王磊", "start": "2026-01-05", "end": "2026-03-31",
    ...      "lines": [{"need": 0, "units": 1, "departments": None, "step": "培训", "owner": "王磊",
    ...                 "start": "2026-01-12", "end": "2026-02-27", "metric": "店员推荐率", "target": 0.35}]}
    >>> print(package_line(v))  # doctest: +NORMALIZE_WHITESPACE
    q2 = {"account": account, "owner": "王磊", "budget": 40, "meeting_weeks": 2, "team": {"市场部": "李娜", "销售部": "王磊"}, "start": "2026-01-05", "end": "2026-03-31", "lines": [{"need": needs[0], "resources": kl.resources.kit(needs, 0, catalog, units=1), "steps": [{"step": "培训", "owner": "王磊", "start": "2026-01-12", "end": "2026-02-27", "metric": "店员推荐率", "target": 0.35}]}]}
    """
    from ..resources import DEPARTMENTS

    team = {d: str(values.get(f"team_{d}") or "").strip() for d in DEPARTMENTS}
    team_txt = ", ".join(f'"{d}": {_lit(v)}' for d, v in team.items() if v)
    parts = []
    for idx, units, depts, steps in _rows_to_lines(values.get("lines") or [], n_needs):
        dep = f", departments={depts!r}" if depts else ""
        steps_txt = ", ".join(
            "{" + ", ".join(f'"{c}": {_lit(s.get(c))}' for c in ("step", "owner", "start", "end", "metric", "target"))
            + "}" for s in steps)
        parts.append(f'{{"need": needs[{idx}], "resources": kl.resources.kit(needs, {idx}, catalog, units={units}'
                     f'{dep}), "steps": [{steps_txt}]}}')
    meeting = values.get("meeting_weeks") or 0
    meeting_txt = "None" if not meeting else f"{meeting:g}"
    return (f'{name} = {{"account": account, "owner": {_lit(values.get("owner"))}, '
            f'"budget": {float(values.get("budget") or 0):g}, "meeting_weeks": {meeting_txt}, '
            f'"team": {{{team_txt}}}, "start": {_lit(values.get("start"))}, "end": {_lit(values.get("end"))}, '
            f'"lines": [{", ".join(parts)}]}}')


def _lit(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return "None"
    if isinstance(value, str):
        text = value.strip()
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def _package_from(values: Mapping[str, Any], needs: Sequence[str], catalog: pd.DataFrame,
                  account: str) -> dict[str, Any]:
    """Evaluate the form's line into the package dict (the same literal the line holds)."""
    import kamlab as kl

    namespace: dict[str, Any] = {"kl": kl, "needs": list(needs), "catalog": catalog, "account": account}
    exec(package_line(values, len(needs), name="_pkg"), namespace)  # noqa: S102 - our own generated literal
    return namespace["_pkg"]


# --------------------------------------------------------------------- forms
def quiz_form() -> Any:
    """Exercise 1: one drop-down per resource (市场部 / 品牌部 / 销售部); writes the q1 line.

    Examples
    --------
    >>> form = quiz_form()
    >>> form.controls["买赠促销活动"].value = "市场部"
    >>> form.line.startswith('q1 = {"买赠促销活动": "市场部", "O2O 线上引流券": None')
    True
    """
    from ..resources import DEPARTMENT_EN, DEPARTMENTS, resource_catalog
    from ..widgets import match_quiz

    cat = resource_catalog()
    zh = get_language() == "zh"
    items = {str(cat.loc[rid, "resource"]): str(cat.loc[rid, "resource" if zh else "resource_en"]) for rid in QUIZ}
    return match_quiz(items, [(d, d) if zh else (DEPARTMENT_EN[d], DEPARTMENT_EN[d]) for d in DEPARTMENTS],
                      key="q1",
                      blank=(f"— {MSGS('pick_one')} —", None))


def package_form(needs: Sequence[str], catalog: pd.DataFrame, account: str, *, rows: int = 5) -> Any:
    """Exercise 2: the service package builder (TableEditor of lines, budget slider, live Gantt + costs).

    Each editor row is one execution step of a line: need index (0, 1, 2 =
    ``needs[0]`` …), units of each matching resource, the departments that
    give resources (blank = all), step, owner (责任人), start, milestone,
    metric and target.  Rows with the same need index form one line.  The
    form writes the q2 line; the chart shows the milestones and the cost by
    department, and the problems found are printed.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> needs = ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"]
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = package_form(needs, kl.resources.resource_catalog(), "C18")
    ...     form.controls["owner"].value = "王磊"
    >>> form.line.startswith('q2 = {"account": account, "owner": "王磊", "budget": 40')
    True
    """
    import ipywidgets as w

    from ..resources import DEPARTMENT_EN, DEPARTMENTS, check
    from ..widgets import _LAYOUT, _STYLE, AnswerForm, TableEditor, slider

    def text(value: str, label: str) -> Any:
        return w.Text(value=value, description=label, layout=_LAYOUT, style=_STYLE)

    labels = {c: MSGS(f"col_{c}") for c in ("need", "units", "depts", "step", "owner", "start", "end", "metric",
                                             "target")}
    labels["departments"] = labels.pop("depts")
    start_rows = [{"need": i, "units": 1} for i in range(min(3, len(needs)))]
    start_rows += [{} for _ in range(max(0, rows - len(start_rows)))]
    controls: dict[str, Any] = {
        "owner": text("", MSGS("owner")),
        "budget": slider(40, 5, 150, 5, label=MSGS("budget")),
        "meeting_weeks": slider(2, 0, 8, 1, label=MSGS("meeting")),
        **{f"team_{d}": text("", MSGS("team", dept=d, dept_en=DEPARTMENT_EN[d])) for d in DEPARTMENTS},
        "start": text(PLAN_START, MSGS("start")),
        "end": text(PLAN_END, MSGS("end")),
        "lines": TableEditor(start_rows, list(_COLUMNS), labels),
    }

    def draw(values: dict[str, Any]) -> None:
        import matplotlib.pyplot as plt

        from .._plotting import styled

        res = check(_package_from(values, needs, catalog, account), catalog, needs)
        print(res.summary())

        @styled
        def both() -> None:
            fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9.0, 7.5), height_ratios=[3, 2])
            res.plot(ax=ax1)
            res.plot_costs(ax=ax2)
            fig.tight_layout()

        both()

    needs_txt = "；".join(f"{i}. {n}" for i, n in enumerate(needs))
    needs_en = "; ".join(f"{i}. {n}" for i, n in enumerate(needs))
    return AnswerForm(controls, title=MSGS("needs_are", items=needs_txt, items_en=needs_en),
                      line=lambda v: package_line(v, len(needs)), draw=draw)


def cost_form(q2: Any, needs: Sequence[str], catalog: pd.DataFrame, account: str) -> Any:
    """Exercise 3: the cost bars of your package (or the example's) and the q3 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> needs = ["合规的店员销售激励方案", "完成年度品类增长目标", "门店陈列优化与物料支持"]
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = cost_form(..., needs, kl.resources.resource_catalog(), "C18")
    >>> form.line
    'q3 = kl.resources.check(q2, catalog, needs).cost_by_department'
    """
    from ..widgets import AnswerForm

    def draw(values: dict[str, Any]) -> None:
        or_example(q2, needs, catalog, account).plot_costs()

    return AnswerForm({}, line=lambda v: "q3 = kl.resources.check(q2, catalog, needs).cost_by_department",
                      draw=draw)


def text_form(key: str = "q4") -> Any:
    """Exercise 4: a text box; writes ``q4 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = "每两周开一次会"
    >>> form.line
    "q4 = '每两周开一次会'"
    """
    from ..widgets import text_answer

    return text_answer(key, placeholder=MSGS("text"))


# -------------------------------------------------------------------- checks
def _quiz_truth() -> dict[str, str]:
    from ..resources import resource_catalog

    cat = resource_catalog()
    return {str(cat.loc[rid, "resource"]): str(cat.loc[rid, "department"]) for rid in QUIZ}


_DEPT = {"市场部": "市场部", "marketing": "市场部", "品牌部": "品牌部", "brand": "品牌部", "销售部": "销售部",
         "sales": "销售部"}


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    truth = _quiz_truth()
    if not isinstance(answer, Mapping):
        return _fail("答案应该是一个字典：资源 → 部门，例如 {\"买赠促销活动\": \"市场部\", ...}。",
                     "The answer should be a dict: resource -> department, e.g. {\"买赠促销活动\": \"市场部\", ...}.")
    missing = [k for k in truth if answer.get(k) in (None, "")]
    if missing:
        return _fail(f"还有 {len(missing)} 项资源没有归到部门。", f"{len(missing)} resources have no department yet.",
                     score=sum(_DEPT.get(str(answer.get(k, "")).strip().lower(), "") == v
                               for k, v in truth.items()) / len(truth))
    right = sum(_DEPT.get(str(answer[k]).strip().lower(), "") == v for k, v in truth.items())
    if right == len(truth):
        return Verdict(ok=True, score=1.0)
    return _fail(f"{len(truth)} 项中有 {len(truth) - right} 项归错了部门。",
                 f"{len(truth) - right} of {len(truth)} resources are in the wrong department.",
                 score=right / len(truth))


def _context_needs(answer: Mapping[str, Any], ctx: Context) -> tuple[list[str] | None, Verdict | None]:
    account = answer.get("account")
    chains = ctx.load("chains")
    if not isinstance(account, str) or account.strip() not in set(chains["chain_id"].astype(str)):
        return None, _fail("服务包的 \"account\" 应是你的重点客户编号：请写 \"account\": account。",
                           "The package's \"account\" should be your key account: write \"account\": account.")
    return key_needs(ctx.load("needs"), account.strip()), None


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    from ..resources import RULES, check

    if not isinstance(answer, Mapping):
        return _fail("答案应该是服务包字典 {...}（account、owner、budget、start、end、meeting_weeks、team、lines）。",
                     "The answer should be the package dict {...} (account, owner, budget, start, end, "
                     "meeting_weeks, team, lines).")
    needs, why = _context_needs(answer, ctx)
    if why is not None:
        return why
    try:
        res = check(answer, catalog(ctx), needs)
    except KamlabInputError as err:
        return _fail(f"服务包读不出来：{err.zh}", f"The package cannot be read: {err.en}")
    if res.ok:
        return Verdict(ok=True, score=1.0)
    rules = res.rules
    zh = "、".join(RULES[r][0] for r in rules)
    en = "; ".join(RULES[r][1] for r in rules)
    return _fail(f"服务包还有 {len(res.problems)} 个问题：{zh}。用 kl.resources.check 看具体说明。",
                 f"The package still has {len(res.problems)} problems: {en}. See kl.resources.check for details.",
                 score=max(0.0, 1.0 - 0.2 * len(rules)))


def _as_costs(answer: Any) -> dict[str, float] | None:
    from ..resources import DEPARTMENT_EN, DEPARTMENTS

    back = {**{d: d for d in DEPARTMENTS}, **{en: d for d, en in DEPARTMENT_EN.items()}}
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0].to_dict()
    if not isinstance(answer, Mapping):
        return None
    out: dict[str, float] = {}
    for key, value in answer.items():
        dept = back.get(str(key).strip())
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        if dept is None:
            return None
        out[dept] = number
    return out


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    from ..resources import DEPARTMENTS, check

    q2 = ctx.answers.get("q2", ...)
    if not isinstance(q2, Mapping):
        return _fail("这一题用你在练习 2 中的服务包（q2）来核对：请先完成练习 2 并运行它的检查单元格。",
                     "This question is checked against your package of exercise 2 (q2): answer exercise 2 first "
                     "and run its check cell.")
    got = _as_costs(answer)
    if got is None:
        return _fail("答案应该是每个部门的成本（万元），例如 kl.resources.check(q2, catalog, needs).cost_by_department。",
                     "The answer should be the cost per department (10k CNY), e.g. "
                     "kl.resources.check(q2, catalog, needs).cost_by_department.")
    try:
        ref = _as_costs(check(q2, catalog(ctx)).cost_by_department) or {}
    except KamlabInputError:
        return _fail("练习 2 的服务包读不出来：先改好练习 2。", "Your package of exercise 2 cannot be read: fix it first.")
    wrong = [d for d in DEPARTMENTS
             if abs(got.get(d, 0.0) - ref.get(d, 0.0)) > 1e-6 * max(1.0, abs(ref.get(d, 0.0)))]
    if not wrong:
        return Verdict(ok=True, score=1.0)
    return _fail(f"有 {len(wrong)} 个部门的成本和你的服务包按本笔记本的资源清单算出的不一致：请用调用计算，不要输入数字。",
                 f"The cost of {len(wrong)} departments differs from your package priced with this notebook's "
                 "catalogue: compute it with the call, do not type numbers.")


BANK = QuestionBank(
    module="m04",
    title=("策略制定与资源整合", "Strategy and resource integration"),
    datasets=("needs", "chains"),
    questions=(
        Question(
            key="q1", points=2.0,
            prompt=("内部资源梳理：这 6 项资源分别归哪个部门（市场部、品牌部、销售部）？",
                    "Internal resources: which department (marketing, brand, sales) owns each of these 6?"),
            check=_check_q1,
            hint=("市场部管促销活动，品牌部管品牌资源投入（广告、物料），销售部管客情资源（高层互访、联合复盘）。",
                  "Marketing runs promotions, brand invests in the brand (ads, materials), sales holds the "
                  "relationship resources (executive visits, joint reviews).")),
        Question(
            key="q2", points=5.0,
            prompt=("为重点客户设计 1 套一体化服务包：项目负责人、资源组合、执行节点、责任人、评估指标、定期会议。",
                    "Design one integrated service package for your key account: project owner, resources, "
                    "milestones, owners, metrics, regular meetings."),
            check=_check_q2,
            hint=("用 kl.resources.check(q2, catalog, needs) 看还有哪些问题；需求写 needs[0] 等，资源用 "
                  "kl.resources.kit，换一份数据也能对上。",
                  "Run kl.resources.check(q2, catalog, needs) to see what is left; write needs as needs[0] etc. "
                  "and resources with kl.resources.kit so it holds on other data too.")),
        Question(
            key="q3", points=2.0,
            prompt=("你的服务包每个部门投入多少（万元）？", "How much does each department put into your package (10k CNY)?"),
            check=_check_q3,
            hint=("kl.resources.check(q2, catalog, needs).cost_by_department",
                  "kl.resources.check(q2, catalog, needs).cost_by_department")),
        Question(
            key="q4", points=3.0,
            prompt=("跨部门大客户合作小组怎么开会、怎么决策？（讲师评分）",
                    "How will the cross-department key-account group meet and decide? (scored by the instructor)"),
            check=None, manual=True),
    ),
)
