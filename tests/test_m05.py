"""m05 双赢协议谈判: question bank checks, helpers, forms and the widget-only path.

Every auto-graded answer of m05 is a literal decision judged on the clause data the trainee saw
(``on="seen"``) and the seed's rules: core clauses as seed 000 names them (动销目标, 活动支持), the
first give-and-get of 无交换不让步, the Nash point read off the chart, a proposal inside every
walk-away and core target on the frontier, the counter to each tactic (战术与反战术 PK), a role-play log.
"""

from __future__ import annotations

import contextlib
import io
import random

import pytest

import kamlab as kl
from kamlab.course import get_bank, m05
from kamlab.grading import Context
from kamlab.widgets import randomize_form

from workbook_runs import cell_errors, grade_recorded, run_answered, scores

HIDDEN = 5
CORE = ["年度分销数量", "联合活动"]
PK = {"T1": "K1", "T2": "K2", "T3": "K3", "T4": "K4", "T5": "K5"}
LOG = [dict(zip(("step", "side", "clause", "option"), row)) for row in [
    (1, "我方", "回款账期", "开价"), (1, "对方", "回款账期", "对方开价"),
    (1, "我方", "返利", "开价"), (1, "对方", "返利", "对方开价"),
    (2, "我方", "年度分销数量", "开价"), (2, "对方", "年度分销数量", "对方开价"),
    (3, "我方", "回款账期", "目标"), (3, "对方", "年度分销数量", "目标"),
    (4, "我方", "返利", "目标"), (4, "对方", "回款账期", "目标")]]


def _m(variant: int = 0, core=CORE):
    return m05.matrix(kl.datasets.load("clauses", variant=variant), core=core)


def _answers(variant: int) -> dict:
    """The right decisions for the data of *variant* (what a trainee reading that data decides)."""
    m = _m(variant)
    trade = m05.first_trade(m)
    nash = m.nash()
    return {"q1": CORE, "q2": {"give": trade["give"], "get": trade["get"]},
            "q3": next(k for k, p in m05.candidates(m).items() if p["kind"] == "nash"),
            "q4": {c.name: nash[c.name] for c in m.clauses}, "q5": PK, "q6": LOG,
            "q7": "对方要账期，其实是要现金流。"}


# ------------------------------------------------------------------ structure
def test_bank_structure():
    bank = get_bank("m05")
    assert bank is m05.BANK
    assert bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    assert bank.total_points == 18.0
    assert [q.key for q in bank.questions if q.manual] == ["q7"]
    assert all(q.on == "seen" for q in bank.questions if not q.manual)
    assert sum(q.read for q in bank.questions) >= 2
    assert bank.get("q7").rubric


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_right_decisions_get_full_marks(variant):
    verdicts = grade_recorded("m05", _answers(variant), variant)
    assert {k: v.ok for k, v in verdicts.items() if not v.manual} == dict.fromkeys(
        ["q1", "q2", "q3", "q4", "q5", "q6"], True), {k: v.reason_en for k, v in verdicts.items()}


@pytest.mark.parametrize("variant", range(10))
def test_the_solution_log_holds_against_every_counterpart(variant):
    assert grade_recorded("m05", {"q1": CORE, "q6": LOG}, variant)["q6"].ok


def test_judgments_are_checked_on_the_variant_the_trainee_saw():
    seen = _answers(0)
    ctx = Context("m05", variant=HIDDEN, seen_variant=0, answers=seen)
    verdicts = m05.BANK.grade(seen, ctx)
    assert all(v.ok for v in verdicts.values() if not v.manual)
    # the same decisions judged on the hidden data are not all right: the data decides
    hidden = m05.BANK.grade(seen, Context("m05", variant=HIDDEN, answers=seen))
    assert not all(hidden[k].ok for k in ("q2", "q3", "q4"))


# ------------------------------------------------------------- seed fidelity
def test_clause_set_and_core_clauses_follow_the_seeds():
    clauses = kl.datasets.load("clauses")
    names = m05.clause_names(clauses)
    assert "年度分销数量" in names and "新品铺货率" in names          # seed 001 年度分销协议, seed 000 新品铺货率
    for v in range(6):
        data = kl.datasets.load("clauses", variant=v)
        assert m05.seed_core(data) == CORE                              # 动销目标 + 活动支持, on every variant
        w = data.drop_duplicates("clause").set_index("clause")["our_weight"]
        assert w["供货价格/折扣"] == w.max()                               # our heaviest clause is not core


def test_q1_top_by_weight_is_not_the_rule_any_more():
    ctx = Context("m05")
    clauses = kl.datasets.load("clauses")
    top3 = list(clauses.drop_duplicates("clause").set_index("clause")["our_weight"].nlargest(3).index)
    v = m05.BANK.check("q1", top3, ctx)
    assert not v.ok and "供货价格/折扣" in v.reason_zh and "单向让利" in v.reason_zh
    v = m05.BANK.check("q1", ["联合活动"], ctx)
    assert not v.ok and "年度分销数量" in v.reason_zh
    assert m05.BANK.check("q1", CORE + ["新品铺货率"], ctx).ok            # 等: more 动销 clauses may be core
    assert "No core clause" in m05.BANK.check("q1", [], ctx).reason_en
    assert "not a clause" in m05.BANK.check("q1", ["陈列资源"], ctx).reason_en


# ------------------------------------------------------------------------- q4
def test_q4_rejects_infeasible_proposals():
    """The old check passed a package below a walk-away and a core target, and the untouched opening offer."""
    m = _m()
    ctx = Context("m05", answers={"q1": CORE})
    nash = {c.name: m.nash()[c.name] for c in m.clauses}
    assert m05.BANK.check("q4", nash, ctx).ok
    below_walk = dict(nash, 回款账期="120天")
    v = m05.BANK.check("q4", below_walk, ctx)
    assert not v.ok and "「回款账期」选了 120天，低于底线" in v.reason_zh
    below_core = dict(nash, 年度分销数量="6万盒")
    v = m05.BANK.check("q4", below_core, ctx)
    assert not v.ok and "核心条款「年度分销数量」" in v.reason_zh and "below its target" in v.reason_en
    both = dict(nash, 回款账期="120天", 年度分销数量="6万盒")
    assert not m05.BANK.check("q4", both, ctx).ok
    opening = {c.name: c.opening for c in m.clauses}
    v = m05.BANK.check("q4", opening, ctx)
    assert not v.ok and "开价" in v.reason_zh
    target = {c.name: c.target for c in m.clauses}                     # feasible, but inside the frontier
    v = m05.BANK.check("q4", target, ctx)
    assert not v.ok and "value is left on the table" in v.reason_en
    assert "No option chosen yet for 8" in m05.BANK.check("q4", dict.fromkeys(nash), ctx).reason_en


def test_q4_every_frontier_package_inside_the_targets_passes_and_nothing_else():
    m = _m()
    ctx = Context("m05", answers={"q1": CORE})
    front = m.frontier()
    names = [c.name for c in m.clauses]
    floor = m.evaluate({c.name: c.target for c in m.clauses}).u_them
    for _, row in front.iterrows():
        assert m05.BANK.check("q4", row[names].to_dict(), ctx).ok == (row["u_them"] >= floor - 1e-9)


def test_matrix_holds_core_clauses_at_their_target():
    m = _m()
    for c in m.clauses:
        if c.core:
            assert c.walk_away == c.target
    nash = m.nash()
    assert all(m.clauses[i].score_ours(nash[c.name]) >= c.score_ours(c.target)
               for i, c in enumerate(m.clauses) if c.core)


# ------------------------------------------------------------------ q2, q3, q5, q6
def test_q2_reasons():
    ctx = Context("m05", answers={"q1": CORE})
    trade = m05.first_trade(_m())
    assert m05.BANK.check("q2", {"give": trade["give"], "get": trade["get"]}, ctx).ok
    v = m05.BANK.check("q2", {"give": "联合活动", "get": trade["get"]}, ctx)
    assert not v.ok and "核心条款" in v.reason_zh
    v = m05.BANK.check("q2", {"give": trade["give"], "get": trade["give"]}, ctx)
    assert not v.ok and "same clause" in v.reason_en
    assert "Not chosen yet" in m05.BANK.check("q2", {"give": None, "get": None}, ctx).reason_en


def test_q3_candidates_and_reasons():
    m = _m()
    options = m05.candidates(m)
    assert sorted(p["kind"] for p in options.values()) == ["inside", "nash", "ours", "theirs"]
    assert not options[next(k for k, p in options.items() if p["kind"] == "inside")]["on_frontier"]
    ctx = Context("m05", answers={"q1": CORE})
    for letter, p in options.items():
        v = m05.BANK.check("q3", letter, ctx)
        assert v.ok == (p["kind"] == "nash")
        if p["kind"] == "ours":
            assert "only" in v.reason_en or "just" in v.reason_en
    # the letters do not put the Nash point in the same place on every variant
    places = {next(k for k, p in m05.candidates(_m(v)).items() if p["kind"] == "nash") for v in range(8)}
    assert len(places) >= 3


def test_q5_tactics_pk():
    ctx = Context("m05")
    assert m05.BANK.check("q5", PK, ctx).ok
    v = m05.BANK.check("q5", dict(PK, T1="K6"), ctx)
    assert not v.ok and v.score == pytest.approx(1.6) and "无交换不让步" in v.reason_zh
    assert m05.BANK.grade({"q5": dict.fromkeys(PK)}, ctx)["q5"].score == 0
    assert {t[3] for t in m05.TACTICS} <= {c[0] for c in m05.COUNTERS}


def test_q6_partial_scores():
    ctx = Context("m05", answers={"q1": CORE})
    three = [r for r in LOG if r["step"] != 4]
    v = m05.BANK.grade({"q1": CORE, "q6": three}, ctx)["q6"]
    assert not v.ok and v.score == 0 and "only 3 rounds" in v.reason_en
    giveaway = [r for r in LOG if not (r["step"] >= 3 and r["side"] == "对方")]
    v = m05.BANK.grade({"q1": CORE, "q6": giveaway}, ctx)["q6"]
    assert not v.ok and "got nothing in exchange" in v.reason_en and 0 < v.score < 4
    below = LOG + [{"step": 5, "side": "我方", "clause": "返利", "option": "5%"},
                   {"step": 5, "side": "对方", "clause": "回款账期", "option": "30天"}]
    v = m05.BANK.grade({"q1": CORE, "q6": below}, ctx)["q6"]
    assert not v.ok and "below our walk-away" in v.reason_en
    assert "empty" in m05.BANK.check("q6", [], ctx).reason_en
    bad = [{"step": 1, "side": "我方", "clause": "回款帐期", "option": "30天"}]
    assert "回款账期" in m05.BANK.check("q6", bad, ctx).reason_zh


def test_review_log_by_hand():
    m = m05.matrix(kl.datasets.load("clauses"))
    log = [{"step": 1, "side": "我方", "clause": "回款账期", "option": "30天"},
           {"step": 1, "side": "对方", "clause": "回款账期", "option": "对方开价"},
           {"step": 2, "side": "我方", "clause": "回款账期", "option": "45天"},
           {"step": None, "side": "", "clause": None, "option": None}]
    r = m05.review_log(m, log)
    assert r["rounds"] == 2 and r["feasible"]
    assert r["unanswered"] == [{"step": 2, "clause": "回款账期", "from": "30天", "to": "45天"}]
    assert r["final"]["回款账期"] == "45天" and r["final"]["返利"] == "1%"   # not discussed: our target
    assert m05.resolve_log(m, log)["option"].tolist() == ["30天", "120天", "45天"]
    with pytest.raises(kl.BadValueError, match="empty"):
        m05.review_log(m, [])


# ---------------------------------------------------------------------- forms
def test_forms_start_neutral_and_untouched_lines_earn_nothing():
    clauses = kl.datasets.load("clauses")
    m = _m()
    forms = {"q1": m05.core_form(clauses), "q2": m05.trade_form(m), "q3": m05.nash_form(m),
             "q4": m05.proposal_form(m), "q5": m05.tactics_form(), "q6": m05.log_form(m)}
    ns = {"kl": kl}
    answers = {}
    for key, form in forms.items():
        exec(form.line, ns)
        answers[key] = ns[key]
    verdicts = m05.BANK.grade(answers, Context("m05", answers=answers))
    assert all(verdicts[k].score == 0 for k in forms), {k: v.reason_en for k, v in verdicts.items()}


def test_random_settings_rarely_pass():
    clauses = kl.datasets.load("clauses")
    m = _m()
    rng = random.Random(1)
    ctx = Context("m05", answers={"q1": CORE})
    for key, form in {"q1": m05.core_form(clauses), "q2": m05.trade_form(m), "q3": m05.nash_form(m),
                      "q4": m05.proposal_form(m), "q5": m05.tactics_form()}.items():
        form._draw = None
        passes = 0
        for _ in range(40):
            randomize_form(form, rng)
            ns = {"kl": kl}
            exec(form.line, ns)
            passes += m05.BANK.check(key, ns[key], ctx).ok
        assert passes <= 16, (key, passes)


def test_forms_text_is_live():
    m = _m()
    form = m05.proposal_form(m)
    assert form.text.startswith("还有 8 个条款")
    nash = m.nash()
    for c in m.clauses:
        form.controls[c.name].value = nash[c.name]
    assert "✓" in form.text and "✗" not in form.text
    form.controls["回款账期"].value = "120天"
    assert "✗ 「回款账期」选了 120天，低于底线" in form.text and "可行：否" in form.text
    form.controls["年度分销数量"].value = "6万盒"
    assert "核心条款「年度分销数量」" in form.text
    log = m05.log_form(m)
    cells = log.controls["log"].cells
    for i, row in enumerate(LOG[:2]):
        for col, value in row.items():
            cells[i][col].value = str(value)
    assert log.text.startswith("共 1 轮")
    for col, value in LOG[6].items():
        cells[2][col].value = str(value).replace("3", "2") if col == "step" else str(value)
    assert log.text.startswith("共 2 轮")
    pick = m05.nash_form(m)
    pick.controls["pick"].value = "A"
    assert "你选了方案 A" in pick.text


def test_core_form_and_trade_form():
    clauses = kl.datasets.load("clauses")
    form = m05.core_form(clauses)
    form.controls["core"].tick(CORE)
    assert form.line == 'q1 = ["年度分销数量", "联合活动"]'
    assert "核心条款（2）" in form.text
    t = m05.trade_form(_m())
    t.controls["give"].value = "回款账期"
    t.controls["get"].value = "年度分销数量"
    assert t.line == 'q2 = {"give": "回款账期", "get": "年度分销数量"}'


def test_english_labels():
    kl.set_language("en")
    clauses = kl.datasets.load("clauses")
    form = m05.core_form(clauses)
    assert "core clauses" in form.text or form.text == "No core clause ticked yet."
    assert m05.plot_weights(clauses).get_title() == "Clause weights: ours vs theirs (estimated)"
    assert list(m05.ratio_table(_m()).columns)[2] == "ratio (their / our)"
    assert m05.team_table().columns.tolist() == ["role", "who", "job"]
    v = m05.BANK.check("q1", [], Context("m05", language="en"))
    assert "No core clause" in v.reason("en")
    with contextlib.redirect_stdout(io.StringIO()):
        t = m05.tactics_form()
    assert "Nibbling" in t.controls["T1"].description


# ------------------------------------------------------------ widget-only path
def _operate(variant: int) -> dict[str, str]:
    """The clicks of a trainee who reads the forms of *variant* right."""
    right = _answers(variant)
    q4 = "\n".join(f'form_q4.controls["{k}"].value = "{v}"' for k, v in right["q4"].items())
    q5 = "\n".join(f'form_q5.controls["{k}"].value = "{v}"' for k, v in PK.items())
    log_rows = "\n".join(f'form_q6.controls["log"].cells[{i}]["{col}"].value = "{value}"'
                         for i, row in enumerate(LOG) for col, value in row.items())
    return {
        "q1": f'form_q1.controls["core"].tick({CORE!r})',
        "q2": f'form_q2.controls["give"].value = "{right["q2"]["give"]}"\n'
              f'form_q2.controls["get"].value = "{right["q2"]["get"]}"',
        "q3": f'form_q3.controls["pick"].value = "{right["q3"]}"',
        "q4": q4, "q5": q5, "q6": log_rows,
        "q7": 'form_q7.controls["text"].value = "对方坚持长账期，背后是现金流压力；我用返利换短账期。"',
    }


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered("m05", tmp_path, variant=HIDDEN, operations=_operate(HIDDEN))
    assert cell_errors(executed) == []
    assert set(answers) == {f"q{i}" for i in range(1, 8)}
    assert answers["q1"] == CORE
    assert scores(verdicts) == {"q1": (True, 2.0), "q2": (True, 2.0), "q3": (True, 2.0), "q4": (True, 3.0),
                                "q5": (True, 2.0), "q6": (True, 4.0)}
    assert verdicts["q7"].manual and answers["q7"].startswith("对方坚持")
