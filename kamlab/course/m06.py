"""m06 终端动销执行 / Store execution: HQ push plan and a tiered incentive under compliance.

Seed 000 §六: close the gap between the chain's HQ and its stores on two
paths — HQ push (专项对接人, 门店动销推动计划, 执行协同会) and store enablement
(场景化培训, 阶梯式激励, 陈列优化, 促销活动); the 演练 designs a store
incentive scheme for the key account, on the company's strategic product,
within compliance (合规前提).

This module holds the question bank :data:`BANK`, the no-code forms of the
notebook (each writes the answer line: the trainee's decisions and the call
that computes the answer from the notebook's data) and small helpers.

* ``q1`` — the HQ push plan, a literal dict checked by
  ``kl.incentives.push_plan`` (structure: liaison, ≥ 2 waves, no overlap,
  monthly meetings, all inside the window);
* ``q2`` — the trainee's tiered scheme (decision: well-formed, ≥ 2 tiers,
  the product's price, a cap within the company policy);
* ``q3`` — ``kl.incentives.simulate(sellout, q2, chain=chain)``
  (consistency: payout total and cost share equal the tool's result with
  their own ``q2`` on the notebook's data);
* ``q4`` — ``kl.incentives.compliance(q2, q3)``: their scheme has no
  violation on the notebook's data;
* ``q5`` — the cost share, computed by a call (vs the reference with their
  scheme);
* ``q6`` — free text, scored by hand: how to explain the scheme to store
  managers.

The chain: the sell-out data covers only 6 chains.  The exercise runs on
the key account (parameter ``account``, default: m02's top 重点投入 chain)
when it has sell-out rows; otherwise on the sell-out chain that the
course's default chain rubric ranks highest (:func:`sellout_chain`) — the
best-screened account we have store data for, computed on the notebook's
own data variant.  The checks read the chain from the trainee's ``q3``
table, so an ``account`` parameter of their own is honoured.

Examples
--------
>>> from kamlab.course import m06
>>> m06.BANK.keys()
['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
>>> m06.PRODUCT_PRICE, m06.POLICY_CAP
(38.0, 0.3)
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

from .. import incentives
from .._i18n import Messages, get_language
from ..grading import Context, Question, QuestionBank, Verdict

__all__ = [
    "MODULE", "BANK", "DATASET", "PLAN_START", "PRODUCT", "PRODUCT_CATEGORY", "PRODUCT_PRICE", "POLICY_CAP",
    "EXAMPLE_SCHEME", "DEFAULT_SCHEME", "sellout_chain", "scheme_or_default", "plan_line",
    "push_form", "scheme_form", "simulate_form", "compliance_form", "share_form",
]

#: Module id.
MODULE = "m06"
#: The data sets the module uses (a trainee's own file stands in for the first).
DATASET = "sellout"
#: First day of the push plan (the month after the data's last month).
PLAN_START = "2026-11-01"
#: The company's strategic product (策略品种) of the exercise: OTC, 感冒止咳, 38 yuan a box.
PRODUCT = ("清感颗粒", "Qinggan granules")
PRODUCT_CATEGORY = "感冒止咳"
PRODUCT_PRICE = 38.0
#: Company policy: incentive cost at most 30 % of the incremental sales it buys.
POLICY_CAP = 0.3
#: The worked example: a units ladder paying on every unit sold (expensive on purpose).
EXAMPLE_SCHEME: dict[str, Any] = {
    "basis": "units",
    "tiers": [{"min_units": 30, "rate": 1.0}, {"min_units": 60, "rate": 1.5}, {"min_units": 90, "rate": 2.0}],
    "payee": "chain", "category": PRODUCT_CATEGORY, "cost_cap": POLICY_CAP, "unit_price": PRODUCT_PRICE,
}
#: Used by later forms while exercise 2 is not answered yet.
DEFAULT_SCHEME: dict[str, Any] = {
    "basis": "growth",
    "tiers": [{"min_growth": 0.15, "bonus": 40}, {"min_growth": 0.3, "bonus": 80}],
    "payee": "chain", "category": PRODUCT_CATEGORY, "cost_cap": POLICY_CAP, "unit_price": PRODUCT_PRICE,
}
_STORE_GROUPS = (("A 类门店", "A stores"), ("B 类门店", "B stores"), ("C 类门店", "C stores"))
_REST = ("其余门店", "remaining stores")
_ALL = ("全部门店", "all stores")

MSGS = Messages({
    "liaison": ("专项对接人", "Liaison"),
    "months": ("计划期（月）", "Plan length (months)"),
    "waves": ("门店推动批次", "Store push waves"),
    "meet": ("执行协同会", "Coordination meetings"),
    "biweekly": ("每两周一次", "every two weeks"),
    "monthly": ("每月一次", "monthly"),
    "bimonthly": ("每两个月一次", "every two months"),
    "plan_ok": ("✓ 计划完整：有对接人、批次不重叠、协同会每月至少一次。",
                "✓ The plan is sound: a liaison, no overlapping waves, meetings at least monthly."),
    "plan_bad": ("计划还有问题：", "The plan still has problems:"),
    "basis": ("门槛依据", "Threshold basis"),
    "by_units": ("按销量（盒）", "by units"),
    "by_growth": ("按增长率（0.1 = 10%）", "by growth (0.1 = 10%)"),
    "threshold": ("门槛（盒 / 增长率）", "threshold (units / growth)"),
    "rate": ("每盒奖励（元）", "per unit (yuan)"),
    "bonus": ("固定奖励（元）", "bonus (yuan)"),
    "payee": ("奖励支付给", "Paid to"),
    "chain": ("签约连锁（总部）", "the contracted chain (HQ)"),
    "store": ("门店", "stores"),
    "clerk": ("店员个人", "clerks"),
    "category": ("产品类别", "Product category"),
    "cap": ("费用上限（占增量）", "Cost cap (share of increment)"),
    "compliant": ("✓ 合规：没有发现违规。", "✓ Compliant: no violation found."),
    "violations": ("✗ 合规问题：", "✗ Compliance problems:"),
    "totals": ("奖励总额 {cost:,.0f} 元；增量销售额 {incr:,.0f} 元；费用占比 {share}",
               "Total payout {cost:,.0f} yuan; incremental sales {incr:,.0f} yuan; cost share {share}"),
    "no_growth": ("无增量（无穷大）", "no growth (infinite)"),
    "no_q2": ("（练习 2 还没有作答：先用课程示范方案演示。）",
              "(Exercise 2 is not answered yet: showing the course's demonstration scheme.)"),
    "push_title": ("总部推动计划：对接人 → 分批推动 → 执行协同会", "HQ push plan: liaison → waves → coordination meetings"),
    "scheme_title": ("阶梯式激励方案：每行一档（门槛从低到高）", "Tiered incentive: one row per tier (thresholds low to high)"),
    "q3_title": ("你的方案在这家连锁门店上的试算", "Your scheme back-tested on the chain's stores"),
    "q4_title": ("合规检查", "Compliance check"),
    "q5_title": ("费用占增量销售额的比例", "Cost as a share of incremental sales"),
    "no_tiers": ("请在表里至少填一档的门槛。", "Fill in the threshold of at least one tier."),
})


def _text(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]


# --------------------------------------------------------------------------- helpers
def sellout_chain(sellout: Any, chains: Any, account: str | None = None) -> str:
    """The chain the exercise runs on: the key account if it has sell-out rows, else the best-screened one.

    Parameters
    ----------
    sellout, chains : DataFrame
        The notebook's ``sellout`` and ``chains`` data.
    account : str, optional
        The key account chosen in m02 (``None``: m02's default, the top
        重点投入 chain), checked with ``kl.course._shared.resolve_account``.

    Returns
    -------
    str
        *account* when it is one of the sell-out chains; otherwise the
        sell-out chain ranked first by the course's default chain rubric
        (``kl.screening.CHAIN_RUBRIC``) among the chains of the sell-out
        data (ties by id).

    Examples
    --------
    >>> import kamlab as kl
    >>> sellout, chains = kl.datasets.load("sellout"), kl.datasets.load("chains")
    >>> sellout_chain(sellout, chains)
    'C22'
    >>> sellout_chain(sellout, chains, "C25")
    'C25'
    """
    from ..screening import CHAIN_RUBRIC, screen
    from ._shared import resolve_account

    key = resolve_account(account, chains)
    present = sorted(str(c) for c in sellout["chain_id"].astype(str).unique())
    if key in present:
        return key
    table = screen(chains, CHAIN_RUBRIC, id_col="chain_id").table
    table = table[table.index.astype(str).isin(present)]
    if not len(table):
        return present[0]
    frame = table.reset_index().sort_values(["rank", table.index.name or "index"], kind="stable")
    return str(frame.iloc[0, 0])


def scheme_or_default(q2: Any) -> Any:
    """The trainee's scheme (exercise 2) as a Scheme, or the course's demonstration scheme.

    Examples
    --------
    >>> scheme_or_default(...).basis
    'growth'
    >>> scheme_or_default({"tiers": [{"min_units": 50, "rate": 1}]}).basis
    'units'
    """
    try:
        return incentives.as_scheme(q2)
    except (ValueError, TypeError, AttributeError, IndexError):
        return incentives.as_scheme(DEFAULT_SCHEME)


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + y, m + 1, 1)


def plan_line(liaison: str, months: int = 3, waves: int = 3, meeting_every: int = 30, *,
              start: str = PLAN_START, name: str = "q1") -> str:
    """The answer line of a push plan: window of *months*, *waves* back-to-back waves, meetings.

    Meetings fall two weeks after the start, then every *meeting_every* days.

    Examples
    --------
    >>> line = plan_line("张伟", months=2, waves=2)
    >>> line
    'q1 = {"liaison": "张伟", "start": "2026-11-01", "end": "2026-12-31", "waves": [{"name": "第1批", "stores": "A 类门店", "start": "2026-11-01", "end": "2026-11-30"}, {"name": "第2批", "stores": "其余门店", "start": "2026-12-01", "end": "2026-12-31"}], "meetings": ["2026-11-15", "2026-12-15"]}'
    >>> import kamlab as kl
    >>> kl.incentives.push_plan(eval(line.split(" = ", 1)[1])).ok
    True
    """
    first = dt.date.fromisoformat(start)
    last = _add_months(first, int(months)) - dt.timedelta(days=1)
    days = (last - first).days + 1
    n = max(int(waves), 1)
    bounds = [first + dt.timedelta(days=round(days * i / n)) for i in range(n + 1)]
    groups = [_ALL] if n == 1 else list(_STORE_GROUPS[: n - 1]) + [_REST]
    wave_list = [{"name": (f"第{i + 1}批" if get_language() == "zh" else f"Wave {i + 1}"),
                  "stores": _text(groups[i]), "start": bounds[i].isoformat(),
                  "end": (bounds[i + 1] - dt.timedelta(days=1)).isoformat()} for i in range(n)]
    meetings = []
    day = first + dt.timedelta(days=14)
    while day <= last:
        meetings.append(day.isoformat())
        day += dt.timedelta(days=int(meeting_every))
    plan = {"liaison": liaison, "start": first.isoformat(), "end": last.isoformat(), "waves": wave_list,
            "meetings": meetings}
    return f"{name} = {json.dumps(plan, ensure_ascii=False)}"


def _scheme_line(v: Mapping[str, Any], name: str = "q2") -> str:
    key = "min_units" if v["basis"] == "units" else "min_growth"
    tiers = []
    for row in v["tiers"]:
        if row.get("threshold") is None:
            continue
        tier: dict[str, Any] = {key: row["threshold"]}
        for reward in ("rate", "bonus"):
            if row.get(reward) is not None:
                tier[reward] = row[reward]
        tiers.append(tier)
    scheme = {"basis": v["basis"], "tiers": tiers, "payee": v["payee"], "category": v["category"],
              "cost_cap": round(float(v["cost_cap"]), 4), "unit_price": PRODUCT_PRICE}
    return f"{name} = {json.dumps(scheme, ensure_ascii=False)}"


def _print_violations(violations: list[Any]) -> None:
    if not violations:
        print(MSGS("compliant"))
        return
    print(MSGS("violations"))
    for v in violations:
        print(f"  - {v}")


def _print_totals(res: Any) -> None:
    share = MSGS("no_growth") if math.isinf(res.cost_share) else f"{res.cost_share:.1%}"
    print(MSGS("totals", cost=res.total_cost, incr=res.incremental_sales, share=share))


# --------------------------------------------------------------------------- forms
def push_form() -> Any:
    """Exercise 1: liaison, plan length, waves and meeting rhythm; the chart shows the plan.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = push_form()
    ...     form.controls["liaison"].value = "张伟"
    ...     form.controls["waves"].value = 2
    >>> form.line.startswith('q1 = {"liaison": "张伟", "start": "2026-11-01", "end": "2027-01-31"')
    True
    """
    import ipywidgets as w

    from ..widgets import AnswerForm, dropdown, slider

    liaison = w.Text(value="", description=MSGS("liaison"), layout={"width": "460px"},
                     style={"description_width": "150px"})
    months = slider(3, 1, 6, label=MSGS("months"))
    waves = slider(3, 1, 4, label=MSGS("waves"))
    every = dropdown([(MSGS("biweekly"), 14), (MSGS("monthly"), 30), (MSGS("bimonthly"), 60)], 60,
                     label=MSGS("meet"))

    def line(v: dict[str, Any]) -> str:
        return plan_line(v["liaison"].strip(), v["months"], v["waves"], v["meeting_every"])

    def draw(v: dict[str, Any]) -> None:
        plan = incentives.push_plan(json.loads(line(v).split(" = ", 1)[1]))
        plan.plot()
        if plan.ok:
            print(MSGS("plan_ok"))
        else:
            print(MSGS("plan_bad"))
            for p in plan.problems:
                print(f"  - {p}")

    return AnswerForm({"liaison": liaison, "months": months, "waves": waves, "meeting_every": every},
                      line=line, draw=draw, title=MSGS("push_title"))


def scheme_form(sellout: Any, chain: str) -> Any:
    """Exercise 2: the tier table, basis, payee, category and cost cap; live payout chart and checks.

    The chart shows the payout per tier on *chain*'s stores (latest quarter
    vs the one before) and the cost share against the cap; the compliance
    problems are listed under it.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = scheme_form(kl.datasets.load("sellout"), "C22")
    ...     form.controls["basis"].value = "growth"
    ...     cells = form.controls["tiers"].cells
    ...     for row, (t, b) in enumerate([("0.15", "40"), ("0.3", "80"), ("", "")]):
    ...         cells[row]["threshold"].value = t; cells[row]["rate"].value = ""; cells[row]["bonus"].value = b
    >>> form.line
    'q2 = {"basis": "growth", "tiers": [{"min_growth": 0.15, "bonus": 40}, {"min_growth": 0.3, "bonus": 80}], "payee": "chain", "category": "感冒止咳", "cost_cap": 0.3, "unit_price": 38.0}'
    """
    from ..widgets import AnswerForm, TableEditor, dropdown, slider

    basis = dropdown([(MSGS("by_units"), "units"), (MSGS("by_growth"), "growth")], "units", label=MSGS("basis"))
    rows = [{"threshold": t["min_units"], "rate": t["rate"], "bonus": None} for t in EXAMPLE_SCHEME["tiers"]]
    tiers = TableEditor(rows, ["threshold", "rate", "bonus"],
                        labels={c: MSGS(c) for c in ("threshold", "rate", "bonus")})
    payee = dropdown([(MSGS(p), p) for p in ("chain", "store", "clerk")], "chain", label=MSGS("payee"))
    category = dropdown(list(incentives.OTC_CATEGORIES + incentives.NON_OTC), PRODUCT_CATEGORY,
                        label=MSGS("category"))
    cap = slider(POLICY_CAP, 0.05, POLICY_CAP, 0.01, label=MSGS("cap"))

    def line(v: dict[str, Any]) -> str:
        return _scheme_line(v)

    def draw(v: dict[str, Any]) -> None:
        spec = json.loads(line(v).split(" = ", 1)[1])
        if not spec["tiers"]:
            print(MSGS("no_tiers"))
            return
        res = incentives.simulate(sellout, spec, chain=chain)
        res.plot()
        _print_totals(res)
        _print_violations(incentives.compliance(spec, res))

    return AnswerForm({"basis": basis, "tiers": tiers, "payee": payee, "category": category, "cost_cap": cap},
                      line=line, draw=draw, title=MSGS("scheme_title"))


def _result_form(q2: Any, sellout: Any, chain: str, line: str, show: str) -> Any:
    from ..widgets import AnswerForm

    def draw(_v: dict[str, Any]) -> None:
        if q2 is Ellipsis or q2 is None:
            print(MSGS("no_q2"))
        scheme = scheme_or_default(q2)
        res = incentives.simulate(sellout, scheme, chain=chain)
        if show == "chart":
            res.plot()
        _print_totals(res)
        if show == "compliance":
            _print_violations(incentives.compliance(scheme, res))

    title = {"chart": "q3_title", "compliance": "q4_title", "totals": "q5_title"}[show]
    return AnswerForm({}, line=lambda _v: line, draw=draw, title=MSGS(title))


def simulate_form(sellout: Any, chain: str, q2: Any) -> Any:
    """Exercise 3: your scheme on the chain's stores (chart of payout by tier); writes the call.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = simulate_form(kl.datasets.load("sellout"), "C22", ...)
    >>> form.line
    'q3 = kl.incentives.simulate(sellout, q2, chain=chain)'
    """
    return _result_form(q2, sellout, chain, "q3 = kl.incentives.simulate(sellout, q2, chain=chain)", "chart")


def compliance_form(sellout: Any, chain: str, q2: Any) -> Any:
    """Exercise 4: the compliance check of your scheme on the chain's stores; writes the call.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = compliance_form(kl.datasets.load("sellout"), "C22", ...)
    >>> form.line
    'q4 = kl.incentives.compliance(q2, q3)'
    """
    return _result_form(q2, sellout, chain, "q4 = kl.incentives.compliance(q2, q3)", "compliance")


def share_form(sellout: Any, chain: str, q2: Any) -> Any:
    """Exercise 5: cost as a share of incremental sales, computed by a call.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = share_form(kl.datasets.load("sellout"), "C22", ...)
    >>> form.line
    'q5 = kl.incentives.simulate(sellout, q2, chain=chain).cost_share'
    """
    return _result_form(q2, sellout, chain, "q5 = kl.incentives.simulate(sellout, q2, chain=chain).cost_share",
                        "totals")


# --------------------------------------------------------------------------- checks
def _fail(zh: str, en: str) -> Verdict:
    return Verdict(False, 0.0, zh, en)


def _their_scheme(ctx: Context) -> Any:
    q2 = ctx.answers.get("q2")
    if q2 is None:
        return None
    try:
        return incentives.as_scheme(q2)
    except (ValueError, TypeError, AttributeError, IndexError):
        return None


def _table_of(answer: Any) -> Any:
    import pandas as pd

    table = getattr(answer, "table", answer)
    return table if isinstance(table, pd.DataFrame) else None


def _chain_of(ctx: Context) -> str:
    """The chain of the trainee's q3 table when it names one chain of the data, else the designated one."""
    sellout = ctx.load(DATASET)
    table = _table_of(ctx.answers.get("q3"))
    if table is not None and "chain_id" in table.columns:
        ids = {str(c) for c in table["chain_id"].unique()}
        if len(ids) == 1 and ids <= set(sellout["chain_id"].astype(str)):
            return ids.pop()
    return sellout_chain(sellout, ctx.load("chains"), None)


def _reference(ctx: Context, scheme: Any, chain: str | None = None) -> Any:
    return incentives.simulate(ctx.load(DATASET), scheme, chain=chain or _chain_of(ctx))


def _check_q1(answer: Any, ctx: Context) -> Verdict | bool:
    try:
        plan = incentives.push_plan(answer)
    except ValueError as err:
        zh, en = getattr(err, "zh", str(err)), getattr(err, "en", str(err))
        return _fail("推动计划的格式不对：" + zh, "The push plan is malformed: " + en)
    if plan.problems:
        return _fail("推动计划还有问题：" + "；".join(p.zh for p in plan.problems),
                     "The push plan has problems: " + "; ".join(p.en for p in plan.problems))
    if (plan.table["kind"] == "wave").sum() < 2:
        return _fail("门店推动至少分两批：先试点、再推广。", "Roll the store push out in at least two waves: pilot, then scale.")
    return True


def _check_q2(answer: Any, ctx: Context) -> Verdict | bool:
    try:
        scheme = incentives.as_scheme(answer)
    except ValueError as err:
        return _fail("激励方案的格式不对：" + getattr(err, "zh", str(err)),
                     "The incentive scheme is malformed: " + getattr(err, "en", str(err)))
    except (TypeError, AttributeError, IndexError):
        return _fail("答案应是一个激励方案字典 {\"basis\": ..., \"tiers\": [...], ...}。",
                     "The answer should be an incentive scheme dict {\"basis\": ..., \"tiers\": [...], ...}.")
    if len(scheme.tiers) < 2:
        return _fail("阶梯式激励至少要有两档。", "A tiered (阶梯式) incentive needs at least two tiers.")
    if not math.isclose(scheme.unit_price, PRODUCT_PRICE):
        return _fail(f"单价 unit_price 应是策略品种的价格（{PRODUCT_PRICE:g} 元/盒）。",
                     f"unit_price should be the strategic product's price ({PRODUCT_PRICE:g} yuan a box).")
    if scheme.cost_cap > POLICY_CAP + 1e-12:
        return _fail(f"费用上限 cost_cap 超过了公司规定（最多 {POLICY_CAP:.0%}）。",
                     f"cost_cap is above the company policy (at most {POLICY_CAP:.0%}).")
    return True


def _need_q2(ctx: Context) -> Any:
    scheme = _their_scheme(ctx)
    if scheme is None:
        return _fail("先完成练习 2（一个格式正确的激励方案），再做这一题。",
                     "Finish exercise 2 (a well-formed incentive scheme) first.")
    return scheme


def _check_q3(answer: Any, ctx: Context) -> Verdict | bool:
    import numpy as np

    scheme = _need_q2(ctx)
    if isinstance(scheme, Verdict):
        return scheme
    table = _table_of(answer)
    cols = {"payout", "incremental_sales", "chain_id"}
    if table is None or not cols <= set(table.columns):
        return _fail("答案应是 kl.incentives.simulate(sellout, q2, chain=chain) 的结果。",
                     "The answer should be the result of kl.incentives.simulate(sellout, q2, chain=chain).")
    ids = {str(c) for c in table["chain_id"].unique()}
    sellout = ctx.load(DATASET)
    if len(ids) != 1 or not ids <= set(sellout["chain_id"].astype(str)):
        return _fail("请只对一家连锁（chain=chain）的门店试算。", "Simulate the stores of one chain only (chain=chain).")
    ref = _reference(ctx, scheme, ids.pop())
    cost = float(np.nansum(table["payout"].to_numpy(dtype=float)))
    incr = float(np.nansum(table["incremental_sales"].to_numpy(dtype=float)))
    share = 0.0 if cost == 0 else (math.inf if incr <= 0 else cost / incr)
    same_cost = math.isclose(cost, ref.total_cost, rel_tol=1e-6, abs_tol=1e-6)
    same_share = share == ref.cost_share or math.isclose(share, ref.cost_share, rel_tol=1e-6, abs_tol=1e-9)
    if len(table) != len(ref.table) or not (same_cost and same_share):
        return _fail("试算结果和你在练习 2 的方案对不上：请用 kl.incentives.simulate(sellout, q2, chain=chain)，"
                     "不要改数据或方案。",
                     "The result does not match your exercise-2 scheme: use "
                     "kl.incentives.simulate(sellout, q2, chain=chain) without changing the data or the scheme.")
    return True


def _check_q4(answer: Any, ctx: Context) -> Verdict | bool:
    scheme = _need_q2(ctx)
    if isinstance(scheme, Verdict):
        return scheme
    if isinstance(answer, (str, bytes, Mapping)) or not isinstance(answer, (list, tuple)):
        return _fail("答案应是 kl.incentives.compliance(q2, q3) 的结果（一个列表）。",
                     "The answer should be the result of kl.incentives.compliance(q2, q3) (a list).")
    violations = incentives.compliance(scheme, _reference(ctx, scheme))
    if violations:
        return _fail("你的方案在这份数据上不合规：" + "；".join(v.zh for v in violations),
                     "Your scheme is not compliant on this data: " + "; ".join(v.en for v in violations))
    if len(answer) != 0:
        return _fail("合规检查的结果和你的方案对不上：请用 kl.incentives.compliance(q2, q3)。",
                     "The compliance result does not match your scheme: use kl.incentives.compliance(q2, q3).")
    return True


def _check_q5(answer: Any, ctx: Context) -> Verdict | bool:
    from ..grading import close_to

    scheme = _need_q2(ctx)
    if isinstance(scheme, Verdict):
        return scheme
    return close_to(lambda c: _reference(c, scheme).cost_share, rel=1e-6)(answer, ctx)


BANK = QuestionBank(
    module=MODULE,
    title=("终端动销执行", "Store execution and sell-out incentives"),
    datasets=(DATASET, "chains"),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("为重点客户制定总部推动计划：专项对接人、分批门店推动时间表、每月至少一次执行协同会。",
                    "Write the HQ push plan for the key account: liaison, store push waves, coordination "
                    "meetings at least monthly."),
            check=_check_q1,
            hint=("写上对接人；至少两批，批次之间不重叠；协同会间隔不超过一个月；所有日期在计划期内。",
                  "Name a liaison; at least two waves that do not overlap; meetings no more than a month apart; "
                  "every date inside the plan window."),
        ),
        Question(
            key="q2", points=2,
            prompt=("设计策略品种的阶梯式激励方案（门槛、奖励、支付对象、产品类别、费用上限）。",
                    "Design the tiered incentive for the strategic product (thresholds, rewards, payee, "
                    "category, cost cap)."),
            check=_check_q2,
            hint=(f"至少两档；unit_price 用产品价格 {PRODUCT_PRICE:g}；cost_cap 不超过 {POLICY_CAP:g}。",
                  f"At least two tiers; unit_price is the product price {PRODUCT_PRICE:g}; cost_cap at most "
                  f"{POLICY_CAP:g}."),
        ),
        Question(
            key="q3", points=2,
            prompt=("用最近一个季度的数据试算你的方案：每家门店达到哪一档、拿多少奖励。",
                    "Back-test your scheme on the latest quarter: each store's tier and payout."),
            check=_check_q3,
            hint=("用 kl.incentives.simulate(sellout, q2, chain=chain)。",
                  "Use kl.incentives.simulate(sellout, q2, chain=chain)."),
        ),
        Question(
            key="q4", points=3,
            prompt=("做合规检查：你的方案在这份数据上没有违规。",
                    "Run the compliance check: your scheme has no violation on this data."),
            check=_check_q4,
            hint=("支付给签约连锁、只用于 OTC、逐档递增、费用占比留出余量（换一份数据也不超上限）。",
                  "Pay the contracted chain, OTC only, rewards rising by tier, and keep the cost share well "
                  "below the cap (it must hold on other data too)."),
        ),
        Question(
            key="q5", points=2,
            prompt=("你的方案的费用占增量销售额的比例是多少？用一次调用算出来。",
                    "What share of the incremental sales does your scheme cost? Compute it with one call."),
            check=_check_q5,
            hint=("取 simulate(...) 结果的 .cost_share（小数，不是百分数）。",
                  "Take .cost_share of the simulate(...) result (a fraction, not a percentage)."),
        ),
        Question(
            key="q6", points=3,
            prompt=("用三五句话写下：你会怎样向门店店长讲清这个激励方案（目标、怎么拿奖励、合规要求）？",
                    "In three to five sentences: how will you explain the scheme to store managers (goal, how "
                    "to earn the reward, compliance)?"),
            check=None, manual=True,
        ),
    ),
)
