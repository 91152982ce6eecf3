"""m09 连锁客户的开发: question bank checks, helpers, forms and the widget-only path.

Every auto check recomputes its reference on the context's own data (chains,
clauses) and the trainee's own decisions (q1 cuts, q5 terms and risk weight):
a computed answer passes on every variant, a number typed in from variant 0
fails on the hidden variant 5.
"""

from __future__ import annotations

import pytest

import kamlab as kl
from kamlab.course import get_bank, m09
from kamlab.grading import Context

from workbook_runs import cell_errors, grade_recorded, recorded, run_answered, scores

HIDDEN = 5
TOP10 = [32000, 28500, 26000, 24000, 22500, 21000, 20000, 19000, 18500, 18000]
COMPS = [{"product": "竞品A感冒灵", "sales": 320, "price": 28, "discount_rate": 0.62, "relationship": "关系好"}]
NEEDS = dict(our_needs=["总部全品类采购", "黄金陈列位", "回款及时"], their_needs=["高毛利", "店员和店长培训", "促销活动策划"],
             our_chips={"返利": "高毛利", "店员培训": "店员和店长培训", "联合促销": "促销活动策划"},
             their_chips={"全品类进场": "总部全品类采购", "黄金陈列": "黄金陈列位", "缩短账期": "回款及时"})
TERMS = dict(terms=["月结", "押批", "实销实结"], risk_weight=0.6, choice="月结", reason="月结风险低于押批")


def _answers(variant: int, cuts=(10000, 120000)) -> dict:
    chains = kl.datasets.load("chains", variant=variant)
    clauses = kl.datasets.load("clauses", variant=variant)
    account = m09.key_account(None, chains)
    q1 = kl.chains.classify(chains, cuts=cuts)
    classes = m09.classes_of(q1, chains)
    return {"q1": q1, "q2": classes.count(scope="全国性", size="大型"),
            "q3": m09.sheet_from_data(chains, account, classes, direct_share=0.3, top10_daily_sales=TOP10,
                                      layout="社区和医院商圈", competitors=COMPS, our_price=29.8,
                                      suggested_retail_price=32),
            "q4": m09.prep(clauses, **NEEDS), "q5": m09.payment_plan(chains, account, **TERMS),
            "q6": "先和采购经理谈促销支持，再和财务经理谈月结。"}


def _grade(answers: dict, variant: int) -> dict:
    return grade_recorded("m09", answers, variant)


def test_bank_structure():
    bank = get_bank("m09")
    assert bank is m09.BANK and bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert bank.total_points == 16.0 and bank.datasets == ("chains", "clauses")
    assert [q.key for q in bank.questions if q.manual] == ["q6"]
    assert all(q.hint[0] and q.hint[1] for q in bank.questions if not q.manual)


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_computed_answers_get_full_marks(variant):
    verdicts = _grade(_answers(variant), variant)
    assert {k: v.ok for k, v in verdicts.items() if not v.manual} == dict.fromkeys(["q1", "q2", "q3", "q4", "q5"], True)
    assert verdicts["q6"].manual


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_default_cuts_also_pass(variant):
    verdicts = _grade(_answers(variant, cuts=(10000, 100000)), variant)
    assert all(v.ok for v in verdicts.values() if not v.manual)


def test_typed_answers_from_variant_0_fail_on_the_hidden_variant():
    typed = _answers(0)
    assert typed["q2"] != _answers(HIDDEN)["q2"]                 # 10 vs 8
    verdicts = _grade(typed, HIDDEN)
    for key in ("q1", "q2", "q3", "q4", "q5"):
        assert not verdicts[key].ok, key
    assert "do not type" in verdicts["q5"].reason_en


def test_q1_consistency():
    chains = kl.datasets.load("chains")
    table = kl.chains.classify(chains, cuts=(10000, 150000)).table.copy()
    table.loc["C05", "size_code"] = "large"                    # 136386 > 143913? no: C03 is medium and sells more
    v = m09.BANK.check("q1", recorded(table), Context("m09"))
    assert not v.ok and "higher sales" in v.reason_en
    table = kl.chains.classify(chains).table.copy()
    table.loc["C01", "mode_code"] = "direct"
    assert "scope or mode" in m09.BANK.check("q1", recorded(table), Context("m09")).reason_en
    assert not m09.BANK.check("q1", 12, Context("m09")).ok


def test_q2_uses_the_q1_cuts():
    chains = kl.datasets.load("chains")
    q1 = kl.chains.classify(chains, cuts=(10000, 150000))
    assert q1.count(scope="全国性", size="大型") == 7
    ctx = Context("m09", answers={"q1": recorded(q1)})
    assert m09.BANK.check("q2", 7, ctx).ok and not m09.BANK.check("q2", 12, ctx).ok
    assert m09.BANK.check("q2", 12, Context("m09")).ok              # q1 unanswered: default cuts


def test_q3_checks_data_and_plausibility():
    answers = _answers(0)
    sheet = dict(answers["q3"]["sheet"], annual_sales=99999.0)
    v = _grade({"q1": answers["q1"], "q3": {**answers["q3"], "sheet": sheet}}, 0)["q3"]
    assert not v.ok and "do not type them in" in v.reason_en
    chains = kl.datasets.load("chains")
    low = m09.sheet_from_data(chains, "C18", direct_share=0.3, top10_daily_sales=[3] * 10, layout="社区商圈",
                              competitors=COMPS, our_price=29.8, suggested_retail_price=32)
    v = _grade({"q3": low}, 0)["q3"]
    assert not v.ok and v.score == pytest.approx(1.5) and "implausible" in v.reason_en
    fr = m09.sheet_from_data(chains, "C07", direct_share=0.3, top10_daily_sales=TOP10, layout="社区商圈",
                             competitors=COMPS, our_price=29.8, suggested_retail_price=32)
    assert fr["sheet"]["direct_stores"] == round(342 * 0.3) and fr["ok"]


def test_q4_structure():
    clauses = kl.datasets.load("clauses")
    thin = m09.prep(clauses, **{**NEEDS, "our_chips": {"返利": "高毛利", "培训": "不存在的需求"}})
    v = _grade({"q4": thin}, 0)["q4"]
    assert not v.ok and "at least 3" in v.reason_en and "meet none" in v.reason_en
    assert v.score == pytest.approx(3 * 0.5)
    forged = dict(m09.prep(clauses, **NEEDS), nash={"u_us": 1})
    assert "Nash package" in _grade({"q4": forged}, 0)["q4"].reason_en


def test_q5_choice_must_be_the_best_under_the_weight():
    chains = kl.datasets.load("chains")
    wrong = m09.payment_plan(chains, "C18", **{**TERMS, "choice": "押批"})
    v = _grade({"q5": wrong}, 0)["q5"]
    assert not v.ok and "lowest score" in v.reason_en and v.score == pytest.approx(1.5)
    heavy = m09.payment_plan(chains, "C18", **{**TERMS, "risk_weight": 0.4, "choice": "押批"})
    assert _grade({"q5": heavy}, 0)["q5"].ok
    p = m09.payment_plan(chains, "C18", **TERMS)
    assert p["amount"] == pytest.approx(140997.1 * 10)
    assert p["table"].loc["月结", "financing_cost"] == pytest.approx(140997.1 * 10 * 0.06 * 45 / 365)


def test_forms_write_runnable_lines():
    chains = kl.datasets.load("chains")
    ns = {"kl": kl, "chains": chains, "account": "C18", "clauses": kl.datasets.load("clauses")}
    f1 = m09.classify_form(chains)
    f1.controls["lo"].value = 20000
    exec(f1.line, ns)
    assert ns["q1"].cuts == (20000.0, 100000.0)
    ns["classes"] = m09.classes_of(ns["q1"], chains)
    f2 = m09.count_form(ns["classes"])
    f2.controls["size"].value = "大型"
    exec(f2.line, ns)
    assert ns["q2"] == ns["classes"].count(size="大型")
    f5 = m09.terms_form(chains, "C18")
    f5.controls["reason"].value = "理由"
    exec(f5.line, ns)
    assert ns["q5"]["terms"] == ["货到付款", "实销实结", "月结", "押批"]


def test_english_labels():
    kl.set_language("en")
    form = m09.classify_form(kl.datasets.load("chains"))
    assert form.controls["lo"].description == "small/medium cut (10k yuan)"


def test_the_english_terms_form_writes_english_names_that_grade_the_same():
    kl.set_language("en")
    chains = kl.datasets.load("chains")
    form = m09.terms_form(chains, "C18")
    assert form.line.startswith('q5 = kl.course.m09.payment_plan(chains, account, terms=["cash on delivery", '
                                '"pay as sold", "monthly settlement", "one batch held"], risk_weight=0.5, '
                                'choice="monthly settlement"')
    form.controls["terms"].value = ("pay as sold", "monthly settlement", "one batch held")
    form.controls["risk_weight"].value = 0.6
    form.controls["reason"].value = "lower risk than one batch held"
    ns = {"kl": kl, "chains": chains, "account": "C18"}
    exec(form.line, ns)
    assert ns["q5"]["terms"] == ["实销实结", "月结", "押批"] and ns["q5"]["choice"] == "月结"
    assert ns["q5"]["table"].index.tolist() == ["pay as sold", "monthly settlement", "one batch held"]
    assert _grade({"q5": ns["q5"]}, 0)["q5"].ok
    sheet = kl.chains.research_sheet(kl.chains.EXAMPLE).table
    assert sheet.loc["layout", "value"].startswith("HQ in Hangzhou")


# ------------------------------------------------------------ widget-only path
def _operate(key: str) -> str:
    top = "\n".join(f'form_q3.controls["top10"].cells[{i}]["daily_sales"].value = "{v}"' for i, v in enumerate(TOP10))
    comp = "\n".join(f'form_q3.controls["competitors"].cells[0]["{k}"].value = "{v}"' for k, v in COMPS[0].items())
    chips = "\n".join(f'form_q4.controls["{side}"].cells[{i}]["{col}"].value = "{val}"'
                      for side in ("our_chips", "their_chips")
                      for i, (chip, need) in enumerate(NEEDS[side].items())
                      for col, val in (("chip", chip), ("meets", need)))
    return {
        "q1": 'form_q1.controls["hi"].value = 150000',
        "q2": 'form_q2.controls["scope"].value = "全国性"\nform_q2.controls["size"].value = "大型"',
        "q3": "\n".join([top, comp, 'form_q3.controls["layout"].value = "社区和医院商圈"',
                         'form_q3.controls["our_price"].value = 29.8',
                         'form_q3.controls["srp"].value = 32.0']),
        "q4": "\n".join([f'form_q4.controls["our_needs"].value = {tuple(NEEDS["our_needs"])!r}',
                         f'form_q4.controls["their_needs"].value = {tuple(NEEDS["their_needs"])!r}', chips]),
        "q5": "\n".join(['form_q5.controls["terms"].value = ("实销实结", "月结", "押批")',
                         'form_q5.controls["risk_weight"].value = 0.6',
                         'form_q5.controls["choice"].value = "月结"',
                         'form_q5.controls["reason"].value = "月结风险低于押批"']),
        "q6": 'form_q6.controls["text"].value = "先和采购经理谈促销支持，再和财务经理谈月结。"',
    }[key]


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m09", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m09.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == {f"q{i}" for i in range(1, 7)}
    assert answers["q5"]["choice"] == "月结" and answers["q3"]["sheet"]["chain_id"] == "C31"
    assert scores(verdicts) == {"q1": (True, 2.0), "q2": (True, 2.0), "q3": (True, 3.0), "q4": (True, 3.0),
                                "q5": (True, 3.0)}
    assert verdicts["q6"].manual and answers["q6"].startswith("先和采购经理")
