"""m03 信息收集与机会洞察: question bank checks, helpers, forms and the widget-only path.

q1–q5 are literal decisions checked against the evidence of the data variant the
trainee saw: the coverage gaps, the match/value scores from the evidence columns
(the course rubric), the doubtful act-now opportunities, the 3 picks.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

import kamlab as kl
from kamlab.course import get_bank, m03
from kamlab.grading import Context

from workbook_runs import cell_errors, recorded, run_answered, scores

ROOT = Path(__file__).resolve().parents[1]
HIDDEN = 5
Q1 = {"联合营销活动": ("显性", "总部"), "高毛利产品倾斜": ("显性", "总部"), "社区健康讲座": ("隐性", "外部"),
      "店员卖点话术": ("隐性", "门店"), "新品接受度": ("隐性", "门店"), "应对竞品促销": ("显性", "外部")}


def _answers(variant: int, account=None) -> dict:
    """The right decisions for *account* (default: the variant's key account), read from the evidence."""
    chains = kl.datasets.load("chains", variant=variant)
    needs = kl.datasets.load("needs", variant=variant)
    account = m03.key_account(account, chains)
    scored = kl.opportunity.evidence_scores(needs)
    rows = scored[scored["account_id"] == account]
    ref = kl.opportunity.matrix(scored, account=account)
    t = ref.table
    act = t[t["quadrant_code"] == "act_now"]
    doubtful = [str(i) for i in act.index[~act["feasible"]]] or [m03.NONE]
    gaps = [list(c) for c in kl.opportunity.collection_plan(needs, account=account).uncovered] or [m03.NONE]
    return {"q1": Q1, "q2": {"account": account, "uncovered": gaps},
            "q3": {str(i): [int(m), int(v)] for i, m, v in rows[["need_id", "match", "value"]].itertuples(index=False)},
            "q4": doubtful, "q5": [str(i) for i in ref.top(3).index], "q6": "先做店员激励。"}


def _grade(answers: dict, variant: int, seen: int | None = None) -> dict:
    ctx = Context("m03", variant=variant, seen_variant=seen)
    return get_bank("m03").grade({k: recorded(v) for k, v in answers.items()}, ctx)


# ------------------------------------------------------------------ structure
def test_bank_structure():
    bank = get_bank("m03")
    assert bank is m03.BANK
    assert bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert bank.total_points == 16.0
    assert [q.key for q in bank.questions if q.manual] == ["q6"]
    assert [q.key for q in bank.questions if q.read] == ["q2", "q3", "q4", "q5"]
    assert all(q.on == "seen" for q in bank.questions if not q.manual)
    assert bank.datasets == ("needs", "chains")
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)


def test_default_accounts_of_the_variants():
    assert m03.key_account(None, kl.datasets.load("chains")) == "C18"
    assert m03.key_account(None, kl.datasets.load("chains", variant=HIDDEN)) == "C31"
    with pytest.raises(kl.BadValueError, match="C99"):
        m03.key_account("C99", kl.datasets.load("chains"))


# ---------------------------------------------------------- decisions on the data seen
@pytest.mark.parametrize("variant, account", [(0, None), (HIDDEN, None), (0, "C05"), (3, "C22")])
def test_right_decisions_get_full_marks(variant, account):
    verdicts = _grade(_answers(variant, account), variant)
    assert {k: v.reason_en for k, v in verdicts.items() if not v.ok and not v.manual} == {}


def test_literal_decisions_stay_right_when_regraded_on_a_hidden_variant():
    verdicts = _grade(_answers(0), HIDDEN, seen=0)
    assert all(v.ok for v in verdicts.values() if not v.manual)
    wrong = _grade(_answers(0), HIDDEN)            # judged on data the trainee never saw: fails
    assert not wrong["q3"].ok


# ---------------------------------------------------------- issue 12: the trainee scores from evidence
def test_needs_data_holds_evidence_not_prefilled_scores():
    needs = kl.datasets.load("needs")
    assert not {"match", "value"} & set(needs.columns)
    assert {"fit", "uplift"} <= set(needs.columns)
    scored = kl.opportunity.evidence_scores(needs)
    assert set(scored["fit"]) == set(kl.opportunity.FIT_LEVELS)
    assert (scored["value"] == kl.opportunity.value_band(needs["uplift"])).all()


def test_q3_scores_are_judged_against_the_evidence():
    right = _answers(0)["q3"]
    ctx = Context("m03")
    assert m03.BANK.check("q3", right, ctx).ok
    flat = {k: [3, 3] for k in right}
    v = m03.BANK.check("q3", flat, ctx)
    assert not v.ok and "N137" in v.reason_zh and "我方匹配能力" in v.reason_zh
    one_off = {**right, "N141": [right["N141"][0], right["N141"][1] + 1]}
    v = m03.BANK.check("q3", one_off, ctx)
    assert not v.ok and "N141" in v.reason_zh and "N137" not in v.reason_zh and v.score == pytest.approx(3 * 15 / 16)
    v = m03.BANK.check("q3", {k: [None, None] for k in right}, ctx)
    assert not v.ok and v.score == 0 and "没有打分" in v.reason_zh
    assert not m03.BANK.check("q3", {"N001": [3, 3], "N137": [4, 5]}, ctx).ok      # two accounts


def test_feasibility_cutoffs_are_stated_as_a_course_choice_in_the_notebook():
    (path,) = (ROOT / "solutions").glob("m03_*.ipynb")
    text = "\n".join(c.source for c in nbformat.read(path, 4).cells if c.cell_type == "markdown")
    assert "验证可行性（课程约定）" in text and "低于 40" in text and "4 分及以上" in text
    assert "怎么打分（课程约定）" in text
    assert m03.FEASIBILITY == {"base": 40, "pressure": 4, "implicit": 2}


# ------------------------------------------------------------------------- q1
def test_q1_partial_credit_per_judgement():
    wrong = dict(Q1, 社区健康讲座=("显性", "外部"), 店员卖点话术=("隐性", "总部"))
    v = m03.BANK.check("q1", recorded(wrong), Context("m03"))
    assert not v.ok and v.score == pytest.approx(3.0 * 10 / 12)
    assert "2 of 12" in v.reason_en


@pytest.mark.parametrize("answer, fragment", [
    ({k: v for k, v in Q1.items() if k != "新品接受度"}, "not classified yet"),
    ([("显性", "总部")], "should be a dict"),
])
def test_q1_bad_forms(answer, fragment):
    v = m03.BANK.check("q1", recorded(answer), Context("m03"))
    assert not v.ok and v.score == 0 and fragment in v.reason_en


def test_q1_accepts_english_and_dotted_text():
    answer = {k: f"{'explicit' if kind == '显性' else 'implicit'}·{ {'总部': 'HQ', '门店': 'store', '外部': 'external'}[ch]}"
              for k, (kind, ch) in Q1.items()}
    assert m03.BANK.check("q1", answer, Context("m03")).ok


def test_quiz_matches_the_seed_examples():
    kinds = {k: v[2] for k, v in m03.QUIZ.items()}
    assert kinds["联合营销活动"] == "显性" and kinds["高毛利产品倾斜"] == "显性"
    assert kinds["社区健康讲座"] == "隐性" and kinds["店员卖点话术"] == "隐性"


# ------------------------------------------------------------------------- q2, q4, q5
def test_q2_ticked_cells_against_the_coverage():
    ctx = Context("m03")
    assert m03.BANK.check("q2", {"account": "C18", "uncovered": [["隐性", "门店"]]}, ctx).ok
    v = m03.BANK.check("q2", {"account": "C18", "uncovered": []}, ctx)
    assert not v.ok and "还没有" in v.reason_zh
    v = m03.BANK.check("q2", {"account": "C18", "uncovered": [["隐性", "门店"], ["显性", "总部"]]}, ctx)
    assert not v.ok and "已经收集到" in v.reason_zh
    assert not m03.BANK.check("q2", {"account": "C18", "uncovered": [m03.NONE]}, ctx).ok
    assert not m03.BANK.check("q2", {"account": "C99", "uncovered": [["隐性", "门店"]]}, ctx).ok


def test_q4_doubtful_act_now_opportunities():
    ctx = Context("m03")
    assert m03.BANK.check("q4", ["N137"], ctx).ok
    v = m03.BANK.check("q4", ["N137", "N141"], ctx)
    assert not v.ok and "N141" in v.reason_zh and "优先落地" in v.reason_zh
    v = m03.BANK.check("q4", ["N137", "N143"], ctx)
    assert not v.ok and "N143" in v.reason_zh
    assert not m03.BANK.check("q4", [m03.NONE], ctx.with_answers({"q3": _answers(0)["q3"]})).ok
    assert not m03.BANK.check("q4", [], ctx).ok


def test_q5_picks_follow_the_tool_rule():
    ctx = Context("m03")
    assert m03.BANK.check("q5", ["N143", "N144", "N142"], ctx).ok
    v = m03.BANK.check("q5", ["N137", "N143", "N144"], ctx)          # the doubtful top priority
    assert not v.ok and "N137" in v.reason_zh and "疑点" in v.reason_zh
    v = m03.BANK.check("q5", ["N143", "N144"], ctx)
    assert not v.ok and "3" in v.reason_zh


def test_needs_by_type_and_account_card():
    chains, needs = kl.datasets.load("chains"), kl.datasets.load("needs")
    t = m03.needs_by_type(needs, chains)
    assert t.loc[("显性", "高毛利产品倾斜，提升区域利润")].tolist() == [8, 46]   # 1/12 NKA, 11/24 LKA
    card = m03.account_card(chains, "C18")
    assert card.index.tolist() == ["C18"] and card.iloc[0]["类型"] == "NKA"
    assert m03.example_account(needs, "C01") == "C02" and m03.example_account(needs, "C05") == "C01"


# ---------------------------------------------------------------------- forms
def test_quiz_form_line_runs_and_passes():
    form = m03.quiz_form()
    assert form.line.startswith('q1 = {"联合营销活动": None')
    assert not m03.BANK.check("q1", {k: None for k in Q1}, Context("m03")).ok
    for key, (_, _, kind, channel) in m03.QUIZ.items():
        form.controls[key].value = f"{kind}·{channel}"
    ns: dict = {}
    exec(form.line, {}, ns)
    assert ns["q1"] == Q1
    assert m03.BANK.check("q1", ns["q1"], Context("m03")).ok


def test_forms_start_neutral_and_write_literal_decisions():
    needs = kl.datasets.load("needs")
    f2 = m03.plan_form(needs, "C18")
    assert f2.line == 'q2 = {"account": "C18", "uncovered": []}'
    f2.controls["cells"].tick(["隐性·门店"])
    assert f2.line == 'q2 = {"account": "C18", "uncovered": [["隐性", "门店"]]}' and f2.text.startswith("已勾选 1 个")
    f3 = m03.score_form(needs, "C18")
    assert f3.text == "还有 8 条需求没有打完分。"
    for nid, (m, v) in _answers(0)["q3"].items():
        f3.controls[f"{nid}_match"].value, f3.controls[f"{nid}_value"].value = m, v
    ns: dict = {}
    exec(f3.line, {}, ns)
    assert ns["q3"] == _answers(0)["q3"] and "没有打完" not in f3.text
    assert m03.doubts_form(ns["q3"], needs, "C18").line == "q4 = []"
    assert m03.pick_form(ns["q3"], needs, "C18").line == "q5 = []"


def test_forms_run_while_earlier_answers_are_unanswered():
    needs = kl.datasets.load("needs")
    for form in (m03.doubts_form(..., needs, "C18"), m03.pick_form(..., needs, "C18")):
        assert "练习 3" in form.text
    assert m03.scored_matrix(needs, {"N137": [None, 2]}) is None


def test_text_form_quotes_the_text():
    form = m03.text_form()
    form.controls["text"].value = '先做"店员培训"\n再做陈列'
    ns: dict = {}
    exec(form.line, {}, ns)
    assert ns["q6"] == '先做"店员培训" 再做陈列'


def test_plot_picks_hatches_doubtful_bars():
    q3 = kl.opportunity.matrix(kl.datasets.load("needs"), account="C18")
    ax = m03.plot_picks(q3, m03.pick(q3), reasons=True)
    hatched = [p.get_hatch() for p in ax.patches[:8]]
    assert hatched.count("//") == 2                              # N137, N141: 竞品压力大


# ------------------------------------------------------------ widget-only path
_READ = """
import kamlab as _kl
_scored = _kl.opportunity.evidence_scores(needs)
_rows = _scored[_scored["account_id"] == account]
_ref = _kl.opportunity.matrix(_scored, account=account)
_act = _ref.table[_ref.table["quadrant_code"] == "act_now"]
"""


def _operate(key: str) -> str:
    """What a trainee does by hand: read the chart or table (here: the same data) and set the controls."""
    quiz = "\n".join(f'form_q1.controls["{k}"].value = "{kind}·{ch}"' for k, (_, _, kind, ch) in m03.QUIZ.items())
    return {
        "q1": quiz,
        "q2": 'form_q2.controls["cells"].tick(["·".join(c) for c in '
              'kl.opportunity.collection_plan(needs, account=account).uncovered] or ["none"])',
        "q3": _READ + "for _i, _m, _v in _rows[['need_id', 'match', 'value']].itertuples(index=False):\n"
                      "    form_q3.controls[f'{_i}_match'].value = int(_m)\n"
                      "    form_q3.controls[f'{_i}_value'].value = int(_v)",
        "q4": _READ + 'form_q4.controls["ids"].tick([str(i) for i in _act.index[~_act["feasible"]]] or ["none"])',
        "q5": _READ + 'form_q5.controls["ids"].tick([str(i) for i in _ref.top(3).index])',
        "q6": 'form_q6.controls["text"].value = "第一个机会：下月底前由我牵头和采购部签订店员激励方案，衡量店员推荐率。"',
    }[key]


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m03", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m03.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == {"q1", "q2", "q3", "q4", "q5", "q6"}
    assert answers["q1"] == Q1
    assert answers["q2"]["account"] == "C31"                     # the default key account of variant 5
    assert set(answers["q3"]) == set(kl.datasets.load("needs", variant=HIDDEN).query("account_id == 'C31'")["need_id"])
    assert scores(verdicts) == {"q1": (True, 3.0), "q2": (True, 2.0), "q3": (True, 3.0), "q4": (True, 2.0),
                                "q5": (True, 3.0)}
    assert verdicts["q6"].manual and answers["q6"].startswith("第一个机会")


def test_quiz_keys_are_data_terms_and_long_needs_are_cut_with_an_ellipsis():
    assert m03.DATA_TERMS == tuple(m03.QUIZ) and "新品接受度" in m03.DATA_TERMS
    needs = kl.datasets.load("needs")
    account = m03.key_account(None, kl.datasets.load("chains"))
    q3 = kl.opportunity.matrix(needs, threshold=3, account=account)
    ax = m03.plot_picks(q3, m03.pick(q3))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "N143 合规的店员销售激励…" in labels and "N144 完成年度品类增长目标" in labels  # 11 chars cut, 10 kept
    assert all(len(t.split(" ", 1)[1]) <= 10 for t in labels)
