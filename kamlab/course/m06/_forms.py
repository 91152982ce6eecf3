"""The widget forms of m06: one per exercise, each writing the answer line; live charts and checks.

Examples
--------
>>> _scheme_line({"basis": "units", "tiers": [{"threshold": 30, "rate": 1.0}, {"threshold": None}],
...               "payee": "chain", "category": "感冒止咳", "cost_cap": 0.3})
'q2 = {"basis": "units", "tiers": [{"min_units": 30, "rate": 1.0}], "payee": "chain", "category": "感冒止咳", "cost_cap": 0.3, "unit_price": 38.0}'
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from ... import incentives
from ...widgets import AnswerForm, TableEditor, dropdown, slider
from ._case import EXAMPLE_SCHEME, MSGS, POLICY_CAP, PRODUCT_CATEGORY, PRODUCT_PRICE
from ._model import plan_line, scheme_or_default

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
