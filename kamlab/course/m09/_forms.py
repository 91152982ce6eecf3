"""The widget forms of m09: one per exercise, each writing the answer line from the trainee's choices.

Examples
--------
>>> _num(150000.0), _num(0.35)
('150000', '0.35')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd

from ..._i18n import localized
from ...chains import SCOPES, SIZES, TERMS, classify, compare_terms, research_sheet, term_name
from ...negotiation import ConcessionMatrix
from ...widgets import AnswerForm, TableEditor, dropdown, literal, multi_select, slider, text_answer
from ..m05 import account_label
from ._case import CHAIN_NEEDS, MSGS, OUR_NEEDS
from ._model import _DERIVED, annual_purchase

def _num(x: Any) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() else f"{x:g}"


def classify_form(chains: pd.DataFrame) -> Any:
    """Exercise 1: two sliders for the size cuts (万元); the class chart live; the q1 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = classify_form(kl.datasets.load("chains"))
    ...     form.controls["hi"].value = 150000
    >>> form.line
    'q1 = kl.chains.classify(chains, cuts=(10000, 150000))'
    """
    controls = {"lo": slider(10000, 0, 50000, 1000, label=MSGS("lo")),
                "hi": slider(100000, 20000, 400000, 5000, label=MSGS("hi"))}

    def draw(v: dict[str, Any]) -> None:
        res = classify(chains, cuts=(v["lo"], v["hi"]))
        print(res.counts().to_string())
        res.plot()

    return AnswerForm(controls, line=lambda v: f"q1 = kl.chains.classify(chains, cuts=({_num(v['lo'])}, "
                                               f"{_num(v['hi'])}))", draw=draw)


def count_form(classes: Any) -> Any:
    """Exercise 2: pick a scope and a size; the count live; the q2 line.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> from kamlab.course.m09 import classes_of
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = count_form(classes_of(..., kl.datasets.load("chains")))
    ...     form.controls["scope"].value = "全国性"
    >>> form.line
    'q2 = classes.count(scope="全国性")'
    """
    any_ = MSGS("any")
    controls = {"scope": dropdown([any_] + [zh for zh, _ in SCOPES.values()], label=MSGS("scope")),
                "size": dropdown([any_] + [zh for zh, _ in SIZES.values()], label=MSGS("size"))}

    def args(v: dict[str, Any]) -> dict[str, str]:
        return {k: v[k] for k in ("scope", "size") if v[k] != any_}

    def draw(v: dict[str, Any]) -> None:
        print(classes.counts().to_string())
        print(MSGS("count", n=classes.count(**args(v))))

    return AnswerForm(controls, line=lambda v: "q2 = classes.count(" + ", ".join(
        f"{k}={literal(x)}" for k, x in args(v).items()) + ")", draw=draw)


_COMP_COLUMNS = ("product", "sales", "price", "discount_rate", "relationship")


def sheet_line(v: Mapping[str, Any], name: str = "q3") -> str:
    """The q3 line for the form values.

    Examples
    --------
    >>> sheet_line({"direct_share": 0.3, "top10": [{"daily_sales": 20000}, {"daily_sales": None}],
    ...             "layout": "社区店", "competitors": [], "our_price": 29.8, "srp": 32})[:80]
    'q3 = kl.course.m09.sheet_from_data(chains, account, classes, direct_share=0.3, t'
    """
    top = [r["daily_sales"] for r in v["top10"] if r.get("daily_sales") not in (None, "")]
    comps = [{c: r.get(c) for c in _COMP_COLUMNS} for r in v["competitors"]
             if any(r.get(c) not in (None, "") for c in _COMP_COLUMNS)]
    return (f"{name} = kl.course.m09.sheet_from_data(chains, account, classes, direct_share={_num(v['direct_share'])}, "
            f"top10_daily_sales={literal(top)}, layout={literal(' '.join(str(v['layout']).split()))}, "
            f"competitors={literal(comps)}, our_price={_num(v['our_price'] or 0)}, "
            f"suggested_retail_price={_num(v['srp'] or 0)})")


def sheet_form(chains: pd.DataFrame, account: str, classes: Any) -> Any:
    """Exercise 3: the field observations of the research sheet; the sheet's check and chart live.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> from kamlab.course.m09 import classes_of
    >>> chains = kl.datasets.load("chains")
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = sheet_form(chains, "C18", classes_of(..., chains))
    >>> form.line.startswith("q3 = kl.course.m09.sheet_from_data(chains, account, classes, direct_share=")
    True
    """
    top = TableEditor([{"daily_sales": None} for _ in range(10)], ["daily_sales"],
                      labels={"daily_sales": MSGS("daily_sales")})
    comps = TableEditor([dict.fromkeys(_COMP_COLUMNS) for _ in range(3)], list(_COMP_COLUMNS),
                        labels={c: MSGS(c) for c in _COMP_COLUMNS})
    controls = {"direct_share": slider(0.3, 0.0, 1.0, 0.05, label=MSGS("direct_share")),
                "top10": top,
                "layout": w.Textarea(value="", placeholder=MSGS("layout"), layout={"width": "95%", "height": "50px"}),
                "competitors": comps,
                "our_price": w.FloatText(value=0.0, description=MSGS("our_price"), style={"description_width": "150px"}),
                "srp": w.FloatText(value=0.0, description=MSGS("srp"), style={"description_width": "150px"})}

    def draw(v: dict[str, Any]) -> None:
        ns = {"kl": __import__("kamlab"), "chains": chains, "account": account, "classes": classes}
        exec(sheet_line(v, "_res"), ns)  # noqa: S102 - the line the form itself wrote
        res = research_sheet({k: x for k, x in ns["_res"]["sheet"].items() if k not in _DERIVED})
        for text in res.messages() or [MSGS("sheet_ok")]:
            print(text)
        res.plot()

    return AnswerForm(controls, line=sheet_line, draw=draw, title=account_label(account, chains))


def prep_line(v: Mapping[str, Any], name: str = "q4") -> str:
    """The q4 line for the form values.

    Examples
    --------
    >>> prep_line({"our_needs": ("回款及时",), "their_needs": ("高毛利",),
    ...            "our_chips": [{"chip": "返利", "meets": "高毛利"}, {"chip": None, "meets": None}],
    ...            "their_chips": []})
    'q4 = kl.course.m09.prep(clauses, our_needs=["回款及时"], their_needs=["高毛利"], our_chips={"返利": "高毛利"}, their_chips={})'
    """
    def chips(rows: Sequence[Mapping[str, Any]]) -> dict[str, str]:
        return {str(r["chip"]).strip(): str(r.get("meets") or "").strip() for r in rows
                if r.get("chip") not in (None, "")}

    return (f"{name} = kl.course.m09.prep(clauses, our_needs={literal(list(v['our_needs']))}, "
            f"their_needs={literal(list(v['their_needs']))}, our_chips={literal(chips(v['our_chips']))}, "
            f"their_chips={literal(chips(v['their_chips']))})")


def prep_form(clauses: pd.DataFrame) -> Any:
    """Exercise 4: needs of both sides (lists from the seed), chips and what they meet; check and matrix live.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = prep_form(kl.datasets.load("clauses"))
    ...     form.controls["our_needs"].value = ("回款及时",)
    >>> form.line.startswith('q4 = kl.course.m09.prep(clauses, our_needs=["回款及时"], their_needs=[]')
    True
    """
    controls = {"our_needs": multi_select(OUR_NEEDS, (), label=MSGS("our_needs"), rows=len(OUR_NEEDS)),
                "their_needs": multi_select(CHAIN_NEEDS, (), label=MSGS("their_needs"), rows=8),
                "our_chips": TableEditor([{"chip": None, "meets": None} for _ in range(4)], ["chip", "meets"],
                                         labels={"chip": MSGS("our_chips"), "meets": MSGS("meets_theirs")}),
                "their_chips": TableEditor([{"chip": None, "meets": None} for _ in range(4)], ["chip", "meets"],
                                           labels={"chip": MSGS("their_chips"), "meets": MSGS("meets_ours")})}
    m = ConcessionMatrix.from_table(clauses)

    def draw(v: dict[str, Any]) -> None:
        ns = {"kl": __import__("kamlab"), "clauses": clauses}
        exec(prep_line(v, "_p"), ns)  # noqa: S102 - the line the form itself wrote
        problems = ns["_p"]["problems"]
        for zh, en in problems:
            print("✗ " + localized(zh, en))
        if not problems:
            print(MSGS("prep_ok"))
        nash = ns["_p"]["nash"]
        print(MSGS("nash"), MSGS("sep").join(f"{c.name}: {nash[c.name]}" for c in m.clauses))
        m.plot()

    return AnswerForm(controls, line=prep_line, draw=draw)


def terms_line(v: Mapping[str, Any], name: str = "q5") -> str:
    """The q5 line for the form values.

    Examples
    --------
    >>> terms_line({"terms": ("月结", "押批"), "risk_weight": 0.6, "choice": "月结", "reason": "风险低"})
    'q5 = kl.course.m09.payment_plan(chains, account, terms=["月结", "押批"], risk_weight=0.6, choice="月结", reason="风险低")'
    """
    return (f"{name} = kl.course.m09.payment_plan(chains, account, terms={literal(list(v['terms']))}, "
            f"risk_weight={_num(v['risk_weight'])}, choice={literal(v['choice'])}, "
            f"reason={literal(' '.join(str(v['reason']).split()))})")


def terms_form(chains: pd.DataFrame, account: str) -> Any:
    """Exercise 5: the terms on the table, the risk weight, the recommendation; the comparison chart live.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = terms_form(kl.datasets.load("chains"), "C18")
    >>> form.line.startswith('q5 = kl.course.m09.payment_plan(chains, account, terms=["货到付款", "实销实结", "月结", "押批"]')
    True
    """
    names = [term_name(t) for t in TERMS]   # the line writes the names of the current language
    controls = {"terms": multi_select(names, names[1:], label=MSGS("terms"), rows=len(names)),
                "risk_weight": slider(0.5, 0.0, 1.0, 0.05, label=MSGS("risk_weight")),
                "choice": dropdown(names, term_name("月结"), label=MSGS("choice")),
                "reason": w.Textarea(value="", placeholder=MSGS("reason"), layout={"width": "95%", "height": "50px"})}

    def draw(v: dict[str, Any]) -> None:
        res = compare_terms(annual_purchase(chains, account), list(v["terms"]), risk_weight=float(v["risk_weight"]))
        print(MSGS("best", term=term_name(res.best)))
        res.plot()

    return AnswerForm(controls, line=terms_line, draw=draw, title=account_label(account, chains))


def text_form(key: str = "q6") -> Any:
    """Exercise 6: a text box; writes ``q6 = "..."`` with the text safely quoted.

    Examples
    --------
    >>> form = text_form()
    >>> form.controls["text"].value = '先和财务经理谈"月结"'
    >>> print(form.line)
    q6 = '先和财务经理谈"月结"'
    """
    return text_answer(key, placeholder=MSGS("text"))
