"""m09 连锁客户的开发: decisions checked against the data and the seed, forms, and the widget-only path.

Literal judgments (q1 classes, q2 need groups, q5 order of the terms) are checked on the data the trainee
saw; the research sheet (q3) and the preparation (q4) are computed and checked on the data of the run.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import kamlab as kl
from kamlab.course import get_bank, m09
from kamlab.grading import Context

from workbook_runs import cell_errors, grade_recorded, run_answered, scores

ROOT = Path(__file__).resolve().parents[1]
HIDDEN = 5
TOP10 = [32000, 28500, 26000, 24000, 22500, 21000, 20000, 19000, 18500, 18000]
COMPS = [{"product": "竞品A感冒灵", "sales": 320, "price": 28, "discount_rate": 0.62, "relationship": "关系好"}]
NEEDS = dict(our_needs=["总部全品类采购", "黄金陈列位", "回款及时"], their_needs=["高毛利", "店员和店长培训", "促销活动策划"],
             our_chips={"返利": "高毛利", "店员培训": "店员和店长培训", "联合促销": "促销活动策划"},
             their_chips={"全品类进场": "总部全品类采购", "黄金陈列": "黄金陈列位", "缩短账期": "回款及时"})
ORDER = ["预付款", "货到付款", "月结（押批）", "实销实结"]


def _answers(variant: int) -> dict:
    chains = kl.datasets.load("chains", variant=variant)
    clauses = kl.datasets.load("clauses", variant=variant)
    account = m09.key_account(None, chains)
    classes = kl.chains.classify(chains)
    c = classes.table.loc[account]
    return {"q1": {"chain": account, "scope": c["scope"], "size": c["size"], "mode": c["mode"]},
            "q2": dict(m09.NEED_QUIZ),
            "q3": m09.sheet_from_data(chains, account, classes, direct_share=0.3, top10_daily_sales=TOP10,
                                      layout="社区和医院商圈", competitors=COMPS, our_price=29.8,
                                      suggested_retail_price=32),
            "q4": m09.prep(clauses, **NEEDS), "q5": list(ORDER),
            "q6": "推荐月结（押批），先和采购经理谈促销支持，再和财务经理谈对账。"}


def _ctx(variant: int = 0) -> Context:
    return Context("m09", variant=variant)


def test_bank_structure():
    bank = get_bank("m09")
    assert bank is m09.BANK and bank.keys() == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert bank.total_points == 15.0 and bank.datasets == ("chains", "clauses")
    assert [q.key for q in bank.questions if q.manual] == ["q6"] and bank.get("q6").rubric
    assert {q.key for q in bank.questions if q.read} == {"q1", "q5"}
    assert {q.key for q in bank.questions if q.on == "seen"} == {"q1", "q2", "q5"}


@pytest.mark.parametrize("variant", [0, HIDDEN])
def test_right_decisions_get_full_marks(variant):
    verdicts = grade_recorded("m09", _answers(variant), variant)
    assert {k: v.ok for k, v in verdicts.items() if not v.manual} == dict.fromkeys(["q1", "q2", "q3", "q4", "q5"], True)


def test_literal_classes_are_judged_on_the_variant_the_trainee_saw():
    seen = _answers(0)
    ctx = Context("m09", variant=HIDDEN, seen_variant=0)
    for key in ("q1", "q2", "q5"):
        assert m09.BANK.check(key, seen[key], ctx).ok, key
    assert not m09.BANK.check("q1", seen["q1"], _ctx(HIDDEN)).ok     # C18's row on another variant differs


# ------------------------------------------------------------ the checks judge decisions
def test_untouched_answers_say_nothing_was_chosen():
    for key, blank in (("q1", {"chain": "C18", "scope": None, "size": None, "mode": None}),
                       ("q2", dict.fromkeys(m09.NEED_QUIZ)), ("q3", None),
                       ("q4", m09.prep(kl.datasets.load("clauses"), our_needs=[], their_needs=[], our_chips={},
                                       their_chips={})),
                       ("q5", [None] * 4)):
        v = m09.BANK.check(key, blank, _ctx())
        assert not v.ok and v.score == 0 and "还没有" in v.reason_zh, key


def test_q1_reads_the_row_and_says_which_class_is_wrong():
    v = m09.BANK.check("q1", {"chain": "C18", "scope": "区域性", "size": "大型", "mode": "全直营"}, _ctx())
    assert not v.ok and "区域" in v.reason_zh and "NKA" in v.reason_zh and v.score == pytest.approx(2 * 2 / 3)
    assert m09.BANK.check("q1", {"chain": "C18", "scope": "national", "size": "large", "mode": "fully owned"},
                          _ctx()).ok


def test_q2_groups_are_the_seeds():
    wrong = {**m09.NEED_QUIZ, "店员和店长培训": "销售需求"}
    v = m09.BANK.check("q2", wrong, _ctx())
    assert not v.ok and "店员和店长培训" in v.reason_zh
    assert set(m09.NEED_QUIZ.values()) == {"产品需求", "服务需求", "销售需求"}


def test_q3_checks_data_and_plausibility():
    answers = _answers(0)
    sheet = dict(answers["q3"]["sheet"], annual_sales=99999.0)
    v = grade_recorded("m09", {"q3": {**answers["q3"], "sheet": sheet}}, 0)["q3"]
    assert not v.ok and "do not type them in" in v.reason_en
    chains = kl.datasets.load("chains")
    low = m09.sheet_from_data(chains, "C18", direct_share=0.3, top10_daily_sales=[3] * 10, layout="社区商圈",
                              competitors=COMPS, our_price=29.8, suggested_retail_price=32)
    v = grade_recorded("m09", {"q3": low}, 0)["q3"]
    assert not v.ok and v.score == pytest.approx(1.5) and "implausible" in v.reason_en


def test_q4_chips_must_meet_the_other_sides_needs():
    clauses = kl.datasets.load("clauses")
    thin = m09.prep(clauses, **{**NEEDS, "our_chips": {"返利": "高毛利", "培训": "不存在的需求"}})
    v = grade_recorded("m09", {"q4": thin}, 0)["q4"]
    assert not v.ok and "at least 3" in v.reason_en and "meet none" in v.reason_en


def test_q5_the_seeds_four_terms_in_the_order_we_are_paid():
    assert m09.BANK.check("q5", ORDER, _ctx()).ok
    v = m09.BANK.check("q5", ["实销实结", "预付款", "货到付款", "月结（押批）"], _ctx())
    assert not v.ok and "实销实结" in v.reason_zh
    v = m09.BANK.check("q5", ["预付款", "货到付款", "月结", "押批"], _ctx())      # 月结（押批） is one method
    assert not v.ok and "4" in v.reason_zh
    kl.set_language("en")
    english = kl.chains.compare_terms(1.0).table.sort_values("days").index.tolist()
    assert m09.BANK.check("q5", english, _ctx()).ok


def test_terms_for_the_key_account_has_no_invented_risk():
    t = m09.terms_for(kl.datasets.load("chains"), "C18").table
    assert t.index.tolist() == ["预付款", "货到付款", "实销实结", "月结（押批）"]
    assert "credit_risk" not in t.columns and "score" not in t.columns
    amount = m09.annual_purchase(kl.datasets.load("chains"), "C18")
    assert t.loc["月结（押批）", "financing_cost"] == pytest.approx(amount * 0.06 * 45 / 365)


def test_coverage_page_names_real_exercises_and_examples():
    page = (ROOT / "docs" / "coverage" / "m09.md").read_text(encoding="utf-8")
    nb = nbformat.read(ROOT / "solutions" / "m09_chain_development.ipynb", as_version=4)
    headings = {m.group(1).strip() for c in nb.cells if c.cell_type == "markdown"
                for m in re.finditer(r"^###\s+(示例：.+)$", c.source, re.M)}
    rows = [[x.strip() for x in line.strip().strip("|").split("|")] for line in page.splitlines()]
    rows = [r for r in rows if len(r) == 4 and r[2] in {"演练", "框架", "清单", "工具"}]
    assert any("月结（押批）" in r[1] for r in rows)
    for _, item, kind, where in rows:
        ex = re.fullmatch(r"练习\s*(q\w+)", where)
        assert (ex and ex.group(1) in m09.BANK.keys()) or where in headings, (item, where)
        assert kind != "演练" or ex, item


# ------------------------------------------------------------ forms
def test_forms_start_neutral_and_speak_live():
    chains, clauses = kl.datasets.load("chains"), kl.datasets.load("clauses")
    f1 = m09.class_form(chains, "C18")
    assert f1.line == 'q1 = {"chain": "C18", "scope": None, "size": None, "mode": None}'
    assert "C18" in f1.text and "还没有" in f1.text
    f1.controls["scope"].value = "全国性"
    assert "全国性" in f1.text
    assert "None" in m09.needs_form().line
    f3 = m09.sheet_form(chains, "C18", kl.chains.classify(chains))
    assert f3.line == "q3 = None" and "0/10" in f3.text
    f5 = m09.order_form(chains, "C18")
    assert f5.line == "q5 = [None, None, None, None]"
    f5.controls["1"].value = "预付款"
    assert "预付款" in f5.text and f5.line == 'q5 = ["预付款", None, None, None]'
    assert m09.prep_form(clauses).line.startswith("q4 = kl.course.m09.prep(clauses, our_needs=[], their_needs=[]")


def test_english_labels():
    kl.set_language("en")
    f1 = m09.class_form(kl.datasets.load("chains"), "C18")
    assert [t for t, _ in f1.controls["scope"].options][1:] == ["national", "regional"]
    assert m09.needs_table().iloc[:, 0].unique().tolist() == ["product needs", "service needs", "sales needs"]
    assert m09.development_checklist().columns.tolist() == ["phase", "to do"]


# ------------------------------------------------------------ widget-only path
def _operate(key: str) -> str:
    top = "\n".join(f'form_q3.controls["top10"].cells[{i}]["daily_sales"].value = "{v}"' for i, v in enumerate(TOP10))
    comp = "\n".join(f'form_q3.controls["competitors"].cells[0]["{k}"].value = "{v}"' for k, v in COMPS[0].items())
    chips = "\n".join(f'form_q4.controls["{side}"].cells[{i}]["{col}"].value = "{val}"'
                      for side in ("our_chips", "their_chips")
                      for i, (chip, need) in enumerate(NEEDS[side].items())
                      for col, val in (("chip", chip), ("meets", need)))
    return {
        # the trainee reads the account's row (shown by the form) and the class rules
        "q1": "\n".join(f'form_q1.controls["{k}"].value = classes.table.loc[account, "{k}"]'
                        for k in ("scope", "size", "mode")),
        "q2": "\n".join(f'form_q2.controls["{n}"].value = "{g}"' for n, g in m09.NEED_QUIZ.items()),
        "q3": "\n".join([top, comp, 'form_q3.controls["layout"].value = "社区和医院商圈"',
                         'form_q3.controls["our_price"].value = 29.8',
                         'form_q3.controls["srp"].value = 32.0']),
        "q4": "\n".join([f'form_q4.controls["our_needs"].value = {tuple(NEEDS["our_needs"])!r}',
                         f'form_q4.controls["their_needs"].value = {tuple(NEEDS["their_needs"])!r}', chips]),
        "q5": "\n".join(f'form_q5.controls["{i}"].value = "{t}"' for i, t in enumerate(ORDER, start=1)),
        "q6": 'form_q6.controls["text"].value = "推荐月结（押批），先和采购经理谈促销支持，再和财务经理谈对账。"',
    }[key]


def test_a_notebook_answered_through_the_widgets_only_gets_full_marks_on_the_hidden_variant(tmp_path):
    executed, answers, verdicts = run_answered(
        "m09", tmp_path, variant=HIDDEN, operations={k: _operate(k) for k in m09.BANK.keys()})
    assert cell_errors(executed) == []
    assert set(answers) == {f"q{i}" for i in range(1, 7)}
    assert answers["q1"]["chain"] == "C31" and answers["q3"]["sheet"]["chain_id"] == "C31"
    assert scores(verdicts) == {"q1": (True, 2.0), "q2": (True, 2.0), "q3": (True, 3.0), "q4": (True, 3.0),
                                "q5": (True, 2.0)}
    assert verdicts["q6"].manual and answers["q6"].startswith("推荐月结")
