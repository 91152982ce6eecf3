"""The widget forms of m06: one per exercise, each writing the answer line; live charts and checks.

Every form starts neutral (nothing chosen, an empty tier table) and redraws its text with its chart.

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
from ..._i18n import localized
from ...widgets import AnswerForm, TableEditor, choice, dropdown, literal, match_quiz, multi_select, slider, still, text_answer
from ._case import CANDIDATES, MOVES, MSGS, POLICY_CAP, PRODUCT_CATEGORY, PRODUCT_PRICE, SCENES
from ._charts import pilot_chart
from ._model import effect_measures, pilot_result, plan_line, shown_candidates

def _scheme_line(v: Mapping[str, Any], name: str = "q2", chain: str | None = None) -> str:
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
    scheme = {"chain": chain} if chain else {}
    scheme |= {"basis": v["basis"], "tiers": tiers, "payee": v["payee"], "category": v["category"],
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


def effect_form(sellout: Any, chains: Any, chain: str) -> Any:
    """Exercise 2: read the pilot chart and pick the pilot's effect (four readings of the same data).

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = effect_form(kl.datasets.load("sellout"), kl.datasets.load("chains"), "C18")
    >>> form.line
    'q2 = {"chain": "C18", "effect": None}'
    >>> form.controls["effect"].value = 0.118
    >>> form.text.strip()
    '你的判断：试点让门店多卖了 +11.8%（相对季节基线）。'
    """
    values = sorted({round(x, 3) for x in effect_measures(sellout, chains, chain).values()})
    pick = choice([(f"{x:+.1%}", x) for x in values], label=MSGS("pick_effect"))

    def line(v: dict[str, Any]) -> str:
        return "q2 = " + literal({"chain": chain, "effect": v["effect"]})

    chart = still(lambda: pilot_chart(sellout, chains, chain))   # the pilot does not follow the pick: drawn once

    def draw(v: dict[str, Any]) -> None:
        chart()
        print(MSGS("not_chosen") if v["effect"] is None else MSGS("chosen", x=v["effect"]))

    return AnswerForm({"effect": pick}, line=line, draw=draw, title=MSGS("effect_title"))


def scheme_form(sellout: Any, chains: Any, chain: str) -> Any:
    """Exercise 3: the tier table (empty at first), basis, payee, category and cost cap; live back-test.

    The chart shows the payout per tier on the chain's pilot stores; the text
    the payout, the increment over the seasonal baseline, the cost share and
    the compliance problems.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = scheme_form(kl.datasets.load("sellout"), kl.datasets.load("chains"), "C18")
    ...     form.controls["basis"].value = "growth"
    ...     cells = form.controls["tiers"].cells
    ...     for row, (t, b) in enumerate([("0.05", "20"), ("0.15", "50"), ("", "")]):
    ...         cells[row]["threshold"].value = t; cells[row]["rate"].value = ""; cells[row]["bonus"].value = b
    >>> form.line
    'q3 = {"chain": "C18", "basis": "growth", "tiers": [{"min_growth": 0.05, "bonus": 20}, {"min_growth": 0.15, "bonus": 50}], "payee": "chain", "category": "感冒止咳", "cost_cap": 0.3, "unit_price": 38.0}'
    >>> "费用占比" in form.text
    True
    """
    basis = dropdown([(MSGS("by_units"), "units"), (MSGS("by_growth"), "growth")], "units", label=MSGS("basis"))
    rows = [{"threshold": None, "rate": None, "bonus": None} for _ in range(3)]
    tiers = TableEditor(rows, ["threshold", "rate", "bonus"],
                        labels={c: MSGS(c) for c in ("threshold", "rate", "bonus")})
    payee = dropdown([(MSGS(p), p) for p in ("chain", "store", "clerk")], "chain", label=MSGS("payee"))
    category = dropdown(list(incentives.OTC_CATEGORIES + incentives.NON_OTC), PRODUCT_CATEGORY,
                        label=MSGS("category"))
    cap = slider(POLICY_CAP, 0.05, POLICY_CAP, 0.01, label=MSGS("cap"))

    def line(v: dict[str, Any]) -> str:
        return _scheme_line(v, "q3", chain)

    def draw(v: dict[str, Any]) -> None:
        spec = json.loads(line(v).split(" = ", 1)[1])
        spec.pop("chain")
        if not spec["tiers"]:
            print(MSGS("no_tiers"))
            return
        res = pilot_result(sellout, chains, chain, spec)
        res.plot()
        _print_totals(res)
        _print_violations(incentives.compliance(spec, res))

    return AnswerForm({"basis": basis, "tiers": tiers, "payee": payee, "category": category, "cost_cap": cap},
                      line=line, draw=draw, title=MSGS("scheme_title"))


def candidates_form(sellout: Any, chains: Any, chain: str) -> Any:
    """Exercise 4: tick the candidate schemes that keep the 30 % cap (the table is shown above the form).

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = candidates_form(kl.datasets.load("sellout"), kl.datasets.load("chains"), "C18")
    >>> form.line
    'q4 = {"chain": "C18", "schemes": []}'
    >>> form.controls["schemes"].tick(["B"]); form.line
    'q4 = {"chain": "C18", "schemes": ["B"]}'
    """
    options = [(f"{k}", k) for k in CANDIDATES] + [(MSGS("none_ok"), "none")]
    box = multi_select(options, label=MSGS("cand_desc"))

    def line(v: dict[str, Any]) -> str:
        return "q4 = " + literal({"chain": chain, "schemes": list(v["schemes"])})

    def draw(v: dict[str, Any]) -> None:
        print(MSGS("not_chosen") if not v["schemes"] else MSGS("ticked", n=len(v["schemes"])))

    return AnswerForm({"schemes": box}, line=line, draw=draw, title=MSGS("cand_title"))


def scene_form() -> Any:
    """Exercise 5: scene-based selling-point training: one drop-down per customer scene.

    Examples
    --------
    >>> form = scene_form()
    >>> form.line
    'q5 = {"S1": None, "S2": None, "S3": None, "S4": None}'
    """
    items = {k: localized(*v) for k, v in SCENES.items()}
    return match_quiz(items, [(localized(*v), k) for k, v in MOVES.items()], key="q5", title=MSGS("scene_title"))


def explain_form() -> Any:
    """Exercise 6: free text (instructor-scored).

    Examples
    --------
    >>> explain_form().line
    "q6 = ''"
    """
    return text_answer("q6", title=MSGS("q6_title"))
