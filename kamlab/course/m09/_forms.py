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
from ...chains import MODES, SCOPES, SIZES, TERMS, research_sheet, term_name
from ...negotiation import ConcessionMatrix
from ...widgets import AnswerForm, TableEditor, choice, literal, match_quiz, multi_select, slider, text_answer
from ..m05 import account_label
from ._case import CHAIN_NEEDS, MSGS, NEED_GROUPS, NEED_QUIZ, OUR_NEEDS, _row
from ._model import _DERIVED, terms_for

def _num(x: Any) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() else f"{x:g}"


def class_form(chains: pd.DataFrame, account: str) -> Any:
    """Exercise 1: the key account's row (live text) and one drop-down per class; the q1 line.

    Examples
    --------
    >>> import kamlab as kl
    >>> form = class_form(kl.datasets.load("chains"), "C18")
    >>> form.line
    'q1 = {"chain": "C18", "scope": None, "size": None, "mode": None}'
    >>> form.controls["size"].value = "大型"; form.line
    'q1 = {"chain": "C18", "scope": None, "size": "大型", "mode": None}'
    """
    row = _row(chains, account)
    controls = {kind: choice([(localized(zh, en), zh) for zh, en in table.values()], label=MSGS(kind))
                for kind, table in (("scope", SCOPES), ("size", SIZES), ("mode", MODES))}

    def draw(v: dict[str, Any]) -> None:
        print(MSGS("class_row", id=account, name=row.get("chain_name", ""), type=row["chain_type"],
                   own=row["ownership"], stores=int(row["store_count"]), cities=int(row["cities_covered"]),
                   sales=float(row["annual_sales"])))
        chosen = [v[k] for k in ("scope", "size", "mode") if v[k]]
        print(MSGS("chosen", text=" / ".join(chosen)) if chosen else MSGS("not_chosen"))

    return AnswerForm(controls, line=lambda v: "q1 = " + literal({"chain": account, **{k: v[k] for k in controls}}),
                      draw=draw)


def needs_form() -> Any:
    """Exercise 2: one drop-down per need of the seed (产品、服务、销售需求); the q2 line.

    Examples
    --------
    >>> form = needs_form()
    >>> form.controls["高毛利"].value = "产品需求"
    >>> form.line.startswith('q2 = {"店员和店长培训": None, "高毛利": "产品需求"')
    True
    """
    return match_quiz(list(NEED_QUIZ), [(localized(zh, en), key) for key, (zh, en) in NEED_GROUPS.items()],
                      key="q2", title=MSGS("group_title"), blank=(MSGS("pick"), ""))


_COMP_COLUMNS = ("product", "sales", "price", "discount_rate", "relationship")


def _missing(v: Mapping[str, Any]) -> list[str]:
    """What the trainee has not filled in yet (the sheet cannot be checked before)."""
    top = [r["daily_sales"] for r in v["top10"] if r.get("daily_sales") not in (None, "")]
    out = [MSGS("top10_n", n=len(top))] if len(top) < 10 else []
    if not str(v["layout"]).strip():
        out.append(MSGS("layout_missing"))
    if not any(any(r.get(c) not in (None, "") for c in _COMP_COLUMNS) for r in v["competitors"]):
        out.append(MSGS("comps_missing"))
    if not (v["our_price"] and v["srp"]):
        out.append(MSGS("prices_missing"))
    return out


def sheet_line(v: Mapping[str, Any], name: str = "q3") -> str:
    """The q3 line for the form values.

    Examples
    --------
    >>> sheet_line({"direct_share": 0.3, "top10": [{"daily_sales": 20000}, {"daily_sales": None}],
    ...             "layout": "社区店", "competitors": [], "our_price": 29.8, "srp": 32})
    'q3 = None'
    >>> sheet_line({"direct_share": 0.3, "top10": [{"daily_sales": 20000}] * 10, "layout": "社区店",
    ...             "competitors": [{"product": "竞品A"}], "our_price": 29.8, "srp": 32})[:80]
    'q3 = kl.course.m09.sheet_from_data(chains, account, classes, direct_share=0.3, t'
    """
    top = [r["daily_sales"] for r in v["top10"] if r.get("daily_sales") not in (None, "")]
    comps = [{c: r.get(c) for c in _COMP_COLUMNS} for r in v["competitors"]
             if any(r.get(c) not in (None, "") for c in _COMP_COLUMNS)]
    if _missing(v):
        return f"{name} = None"
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
    >>> form = sheet_form(chains, "C18", classes_of(..., chains))
    >>> form.line, form.text[:10]
    ('q3 = None', '调研表还没填完：前 ')
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
        missing = _missing(v)
        if missing:
            print(MSGS("sheet_missing", what=MSGS("sep").join(missing)))
            return
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


def order_form(chains: pd.DataFrame, account: str) -> Any:
    """Exercise 5: four drop-downs, positions 1–4, the seed's terms; the financing-cost chart live.

    Examples
    --------
    >>> import kamlab as kl
    >>> form = order_form(kl.datasets.load("chains"), "C18")
    >>> form.line
    'q5 = [None, None, None, None]'
    >>> form.controls["1"].value = "预付款"; form.line
    'q5 = ["预付款", None, None, None]'
    """
    options = [(term_name(t), t) for t in ("实销实结", "预付款", "月结（押批）", "货到付款")]   # mixed up
    controls = {str(i): choice(options, label=MSGS("position", n=i)) for i in range(1, len(TERMS) + 1)}
    comparison = terms_for(chains, account)

    def draw(v: dict[str, Any]) -> None:
        chosen = [term_name(v[k]) for k in controls if v[k]]
        print(MSGS("chosen", text=" → ".join(chosen)) if chosen else MSGS("not_chosen"))
        comparison.plot()

    return AnswerForm(controls, line=lambda v: "q5 = " + literal([v[k] for k in controls]), draw=draw,
                      title=MSGS("order_title"))


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
