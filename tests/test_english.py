"""English end to end: ``language = "en"`` leaves no Chinese in what a trainee sees, except data.

Issue 6, point 4.  A module's *solution* notebook is run with papermill in
English (``language="en"``, variant 0) and every output text is collected:
stream text, ``text/*`` mime data (HTML tables, the self-check lines, the
widget forms' ``text/plain`` reprs), and error names, values and tracebacks.
The charts the tools and the forms draw are rendered in English and every
text artist of the figure is read, as are the forms' labels, options and
placeholders, and the self-check texts of wrong answers.

What counts as a *data value* (the only Chinese allowed) is fixed here and
nowhere else:

* every string cell, column name and index label of the module's own data
  sets, variant 0 (``kl.datasets.load(name)``): chain names, regions, need
  texts, clause options, ...  A label the chart truncated (``区域 OTC …``) is
  a data value when it is a prefix of one followed by ``…``;
* the screening rubric's dimension names (``kl.course.m02.DIMENSIONS``,
  ``合作潜力``/``利润贡献``/``动销基础``): they are the keys the trainee writes
  in the answer literal ``q1 = {"合作潜力": 30, ...}`` and the column names
  of the tiering table, identical in both languages so that one answer
  grades the same in both; where kamlab itself labels them (slider labels,
  chart axes) it uses English words in English;
* the free text the trainee typed (string literals of six characters or
  more in the solution's answer cells: reasons, problem statements, actions,
  owners), when a tool echoes it back.

Everything else kamlab prints, labels or draws must be English.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import papermill
import pytest
from matplotlib.text import Text

import kamlab as kl
from kamlab.course import get_bank
from kamlab.grading import Context
from kamlab.grading._workbook import verdict_text

ROOT = Path(__file__).resolve().parents[1]
#: CJK ideographs, CJK punctuation (。，：（）) and full-width forms.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: The bundled data sets each module's notebook reads.
MODULE_DATA = {"m01": (), "m02": ("chains",), "m03": ("needs", "chains"), "m04": ("needs", "chains"),
               "m05": ("clauses", "chains"), "m06": ("sellout", "chains"), "m07": ("sellout",), "m08": (),
               "m09": ("chains", "clauses"), "m10": ("sellout",), "m11": ("doctors",),
               "m12": ("retail_sales",), "m13": ("retail_sales",), "m14": ()}
ALL_MODULES = sorted(MODULE_DATA)


# ------------------------------------------------------------ the allow-list
def data_values(names: Iterable[str]) -> set[str]:
    """Every Chinese string of the data sets *names* (variant 0): cells, columns, index."""
    out: set[str] = set()
    for name in names:
        df = kl.datasets.load(name)
        out.update(map(str, df.columns))
        out.update(map(str, df.index))
        for column in df.columns:
            if not pd.api.types.is_numeric_dtype(df[column]):
                out.update(str(v) for v in df[column].dropna().unique())
    return {v for v in out if CJK.search(v)}


def _typed_by_trainee(module: str) -> set[str]:
    """The trainee's free text: string literals of 6+ characters, and the values filled into
    literals in answer cells (``"owner": "张伟"``), in the solution's code cells."""
    (path,) = sorted((ROOT / "solutions").glob(f"{module}_*.ipynb"))
    nb = json.loads(path.read_text(encoding="utf-8"))
    texts: set[str] = set()
    for cell in nb["cells"]:
        if cell["cell_type"] != "code" or "check" in cell["metadata"].get("tags", []):
            continue
        source = "".join(cell["source"])
        texts.update(m.group(2) for m in re.finditer(r"(['\"])(.*?)\1", source) if len(m.group(2)) >= 6)
        if "# SOLUTION" in source:
            # in an answer cell, what the trainee writes inside a literal list or dict is
            # the trainee's own text too, short ones included (owners' names, items);
            # an argument of a kamlab call (members(q2, "重点投入")) is not
            texts.update(_strings_inside_literals(source))
    return {t for t in texts if CJK.search(t)}


def _strings_inside_literals(source: str) -> set[str]:
    """String constants written directly inside ``[...]`` or ``{...}`` in *source*.

    Examples
    --------
    >>> sorted(_strings_inside_literals('q = {"owner": "张伟", "items": ["准备"]}; f(x, "重点投入")'))
    ['items', 'owner', '准备', '张伟']
    """
    import ast
    import io
    import tokenize

    found: set[str] = set()
    stack: list[str] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.OP and tok.string in "([{":
                stack.append(tok.string)
            elif tok.type == tokenize.OP and tok.string in ")]}" and stack:
                stack.pop()
            elif tok.type == tokenize.STRING and stack and stack[-1] in "[{":
                value = ast.literal_eval(tok.string)
                if isinstance(value, str):
                    found.add(value)
    except (tokenize.TokenError, SyntaxError, ValueError):
        pass
    return found


def allowed_for(module: str) -> set[str]:
    """The data values of *module* (see the module docstring)."""
    allowed = data_values(MODULE_DATA[module]) | _typed_by_trainee(module)
    if module == "m02":
        allowed |= set(kl.course.m02.DIMENSIONS)
    # Chinese terms a module treats as data (e.g. rubric keys that answers use,
    # names in a tool's built-in catalogue): declared next to the module.
    allowed |= {str(t) for t in getattr(getattr(kl.course, module), "DATA_TERMS", ())}
    return allowed


def chinese_left(text: str, allowed: set[str]) -> list[str]:
    """The Chinese characters of *text* once every data value is taken out.

    Examples
    --------
    >>> chinese_left("C01 苏信药店: invest", {"苏信药店"})
    []
    >>> chinese_left("区域 OTC …", {"区域 OTC 推广资源"})
    []
    >>> chinese_left("苏信药店 重点投入", {"苏信药店"})
    ['重点投入']
    """
    # truncated labels first, before a short value inside them is taken out: the
    # longest text before each "…" that starts a data value is that value, cut short
    parts = text.split("…")
    for i, part in enumerate(parts[:-1]):
        head = part.rstrip()
        for start in range(len(head)):
            stem = head[start:]
            if CJK.search(stem) and any(v.startswith(stem) for v in allowed):
                parts[i] = head[:start] + " "
                break
    text = " ".join(parts)
    for value in sorted(allowed, key=len, reverse=True):
        if value in text:
            text = text.replace(value, " ")
    return re.findall(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+", text)


def test_the_allow_list_is_data_and_the_check_can_fail():
    allowed = allowed_for("m02")
    assert "苏信药店" in allowed and "合作潜力" in allowed
    # kamlab's own words are not data: the check flags them
    assert not (allowed & {"重点投入", "培育优化", "维持收益", "精简调整", "得分", "象限"})
    assert chinese_left("重点投入: 8 — C18, C22", allowed) == ["重点投入"]
    assert chinese_left(kl.course.m02.MSGS.both("stab_title", spread=0.2)[0], allowed)


# ------------------------------------------------------- the notebook outputs
def output_texts(nb: nbformat.NotebookNode) -> list[tuple[int, str, str]]:
    """``(cell index, kind, text)`` of every output a trainee can read."""
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for o in cell.get("outputs", []):
            if o.output_type == "stream":
                out.append((i, "stream", o.text))
            elif o.output_type == "error":
                out.append((i, "error", "\n".join([o.ename, o.evalue, *o.traceback])))
            else:
                for mime, value in o.get("data", {}).items():
                    if mime.startswith("text/"):
                        out.append((i, mime, value if isinstance(value, str) else "".join(value)))
    return out


def run_in_english(module: str, tmp_path: Path) -> nbformat.NotebookNode:
    (src,) = sorted((ROOT / "solutions").glob(f"{module}_*.ipynb"))
    out = tmp_path / f"{module}_en.ipynb"
    papermill.execute_notebook(str(src), str(out), kernel_name="python3", progress_bar=False,
                               parameters={"language": "en", "variant": 0, "trainee": "en"},
                               cwd=str(tmp_path))
    return nbformat.read(out, as_version=4)


@pytest.mark.parametrize("module", ALL_MODULES)
def test_solution_notebook_outputs_are_english(module, tmp_path):
    nb = run_in_english(module, tmp_path)
    texts = output_texts(nb)
    assert not [t for t in texts if t[1] == "error"], "the solution must run without errors"
    checks = [t for _, mime, t in texts if mime == "text/plain" and t.startswith(("✓", "✗", "✎"))]
    assert checks and all(t.startswith("✓ Correct") or t.startswith("✎") for t in checks), checks
    assert any("AnswerForm(" in t for _, _, t in texts), "the forms' reprs are part of the outputs"
    allowed = allowed_for(module)
    found = {}
    for cell, kind, text in texts:
        for line in text.splitlines():
            left = chinese_left(line, allowed)
            if left:
                found.setdefault((cell, kind), []).append((left, line.strip()[:160]))
    assert not found, found


# ------------------------------------------------------------------- charts
def figure_texts(fig) -> list[str]:
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def chinese_in_figures(figures, allowed: set[str]) -> dict[str, list[str]]:
    bad: dict[str, list[str]] = {}
    for fig in figures:
        for text in figure_texts(fig):
            left = chinese_left(text, allowed)
            if left:
                bad.setdefault(text, left)
    return bad


def _tool_charts():
    chains = kl.datasets.load("chains")
    sellout = kl.datasets.load("sellout")
    needs = kl.datasets.load("needs")
    res = kl.screening.screen(chains, kl.screening.chain_rubric(), id_col="chain_id")
    k = kl.kpi.compute(sellout, by=["chain_id"])
    months = kl.kpi.compute(sellout, by=["month"])
    clauses = kl.negotiation.clauses_from_table(kl.datasets.load("clauses"))
    m = kl.negotiation.ConcessionMatrix(clauses)
    chain = kl.rootcause.Chain(
        problem="C03 distribution is the lowest", evidence=[kl.course.m07.evidence(k, "distribution_rate")],
        root_cause="distribution",
        solutions=[{"action": "agree the listing with HQ buying", "owner": "KAM Zhang", "due": "2026-11-30"},
                   {"action": "check every store", "owner": "Area lead Li", "due": "2026-12-20"}])
    return {
        "screening": lambda: res.plot(),
        "kpi": lambda: k.plot(),
        "kpi months": lambda: months.plot(metric="units"),
        "kpi flags": lambda: kl.kpi.flag(k, {"distribution_rate": 0.9, "sell_through_rate": 0.9}).plot(),
        "drill": lambda: kl.rootcause.drill(sellout, by="chain_id", base="2026-09", current="2026-10").plot(),
        "rootcause chain": lambda: chain.plot(check=chain.validate(k, today="2026-11-01")),
        "opportunity": lambda: kl.opportunity.matrix(needs).plot(),
        "negotiation": lambda: m.plot(proposal=m.nash()),
        "m02 stability": lambda: kl.course.m02.plot_stability(
            kl.screening.stability(chains, kl.screening.chain_rubric(), id_col="chain_id", n=50)),
    }


@pytest.mark.parametrize("name", list(_tool_charts()))
def test_tool_charts_are_english(name):
    kl.set_language("en")
    allowed = data_values(["chains", "sellout", "needs", "clauses"]) | set(kl.course.m02.DIMENSIONS)
    plt.close("all")
    _tool_charts()[name]()
    figures = [plt.figure(n) for n in plt.get_fignums()]
    assert figures
    assert not chinese_in_figures(figures, allowed)


def test_the_chart_check_can_fail():
    """Control: the same chart in Chinese is flagged."""
    plt.close("all")
    kl.course.m02.plot_stability(pd.Series([0.9, 0.4], index=["C01", "C02"]))
    assert chinese_in_figures([plt.gcf()], allowed_for("m02"))


# -------------------------------------------------------------------- forms
def widget_texts(widget) -> list[str]:
    """Every label, option, placeholder and HTML text of a widget tree."""
    out = []
    for attr in ("description", "placeholder", "tooltip"):
        value = getattr(widget, attr, None)
        if isinstance(value, str) and value:
            out.append(value)
    if type(widget).__name__ in ("HTML", "Label", "HTMLMath"):
        out.append(widget.value)
    out.extend(str(label) for label in getattr(widget, "_options_labels", ()) or ())
    for child in getattr(widget, "children", ()):
        out.extend(widget_texts(child))
    return out


def _forms(module: str):
    m = getattr(kl.course, module)
    if module == "m02":
        chains = kl.datasets.load("chains")
        q1 = {"合作潜力": 30, "利润贡献": 40, "动销基础": 30, "cut": 50}
        return [m.weights_form(chains), m.weights_form(chains, q1), m.invest_form(chains),
                m.invest_form(chains, q1), m.stability_form(chains), m.stability_form(chains, q1),
                m.action_form(), m.pick_form(chains), m.pick_form(chains, q1), m.text_form()]
    sellout = kl.datasets.load("sellout")
    k = m.or_default(..., sellout)
    targets = dict(m.DEFAULT_TARGETS)
    return [m.kpi_form(sellout), m.targets_form(k), m.flags_form(k, ...), m.flags_form(k, targets),
            m.problems_form(k), m.drill_form(sellout), m.chain_form(k, ...), m.chain_form(k, targets)]


@pytest.mark.parametrize("module", ["m02", "m07"])
def test_forms_are_english(module):
    """Labels, options, notes and the live charts of every form, in English."""
    kl.set_language("en")
    allowed = allowed_for(module)
    plt.close("all")
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        forms = _forms(module)
    bad = {}
    for form in forms:
        texts = widget_texts(form) + [form.line]
        for o in form.output.outputs:
            texts.append(o.get("text", ""))
        for text in texts:
            if chinese_left(text, allowed):
                bad[text[:120]] = chinese_left(text, allowed)
        # the live chart: draw it again and read every text of the figure
        if form._draw is not None:
            before = set(plt.get_fignums())
            with contextlib.redirect_stdout(stdout):
                form._draw(form.values)
            new = [plt.figure(n) for n in plt.get_fignums() if n not in before]
            bad.update(chinese_in_figures(new, allowed))
            plt.close("all")
    for line in stdout.getvalue().splitlines():
        if chinese_left(line, allowed):
            bad[line[:120]] = chinese_left(line, allowed)
    assert not bad, bad


# -------------------------------------------------------- self-check texts
def _wrong_answers(module: str) -> list[tuple[str, object, dict]]:
    """(key, wrong answer, other answers) triples reaching the bank's failure reasons."""
    if module == "m02":
        m = kl.course.m02
        chains = kl.datasets.load("chains")
        q1 = {"合作潜力": 30, "利润贡献": 40, "动销基础": 30, "cut": 50}
        other = m.tiering(chains, {"合作潜力": 10, "利润贡献": 80, "动销基础": 10, "cut": 30})
        q2 = m.tiering(chains, q1)
        mine = {"q1": q1}
        return [("q1", "many", {}), ("q1", {"合作潜力": 30}, {}), ("q1", {**q1, "合作潜力": "x"}, {}),
                ("q1", {**q1, "合作潜力": 0}, {}), ("q1", {**q1, "合作潜力": 50}, {}),
                ("q1", {**q1, "cut": 90}, {}), ("q2", q2.table, {}), ("q2", "table", mine),
                ("q2", q2.table.iloc[:3], mine), ("q2", other.table, mine),
                ("q2", q2.table.drop(columns=["quadrant", "quadrant_code"]), mine),
                ("q2", q2.table.assign(total=q2.table["total"] + 1), mine),
                ("q3", 3, mine), ("q3", m.members(q2, "精简调整"), mine), ("q4", [1], mine),
                ("q4", {"spread": "x", "below": 0.7, "chains": []}, mine),
                ("q4", {"spread": 0.9, "below": 0.7, "chains": []}, mine),
                ("q4", {"spread": 0.2, "below": 0.7, "chains": [1]}, mine),
                ("q4", {"spread": 0.2, "below": 0.7, "chains": ["C01", "C02"]}, mine),
                ("q5", 5, mine), ("q5", m.members(q2, "精简调整")[0], mine)]
    m = kl.course.m07
    sellout = kl.datasets.load("sellout")
    k = m.or_default(..., sellout)
    q2 = dict(m.DEFAULT_TARGETS)
    return [("q1", "kpi", {}), ("q1", kl.kpi.compute(sellout, by=["region"]), {}),
            ("q1", kl.kpi.compute(sellout, by=["chain_id"]), {}),
            ("q2", "high", {}), ("q2", {"distribution_rate": 2}, {}), ("q3", "flags", {"q2": q2}),
            ("q3", pd.DataFrame(), {"q2": q2}), ("q4", {"poor_distribution": "C99"}, {}),
            ("q4", "C01", {}), ("q5", {"chain_id": "C99"}, {}), ("q5", "C01", {}),
            ("q6", "chain", {"q2": q2}),
            ("q6", kl.rootcause.Chain(problem="", evidence=[], root_cause="weather", solutions=[]), {"q2": q2}),
            ("q6", kl.rootcause.Chain(problem="low", evidence=[m.evidence(k, "distribution_rate")],
                                      root_cause="price", solutions=[{"action": "a"}]), {"q2": q2})]


@pytest.mark.parametrize("module", ["m02", "m07"])
def test_self_check_texts_are_english(module):
    """Prompts, hints and the ✗ reasons of wrong answers, as ``wb.check`` shows them in English."""
    kl.set_language("en")
    bank = get_bank(module)
    allowed = allowed_for(module)
    bad = {}
    for q in bank.questions:
        for text in (q.prompt[1], q.hint[1] if q.hint else ""):
            if chinese_left(text, allowed):
                bad[text] = chinese_left(text, allowed)
    failures = 0
    for key, answer, others in _wrong_answers(module):
        verdict = bank.check(key, answer, Context(module, variant=0).with_answers(others))
        text = verdict_text(bank.get(key), verdict)
        failures += text.startswith("✗")
        if chinese_left(text, allowed):
            bad[f"{key}: {text}"] = chinese_left(text, allowed)
    assert failures >= len(_wrong_answers(module)) - 2
    assert not bad, bad
