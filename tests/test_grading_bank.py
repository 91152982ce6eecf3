"""kamlab.grading question bank: verdicts, tolerance, unanswered, manual, failing checks, grade()."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import kamlab
import kamlab.datasets
from kamlab import BadSpecError
from kamlab.course import get_bank, modules
from kamlab.grading import (NOT_ANSWERED, Context, Question, QuestionBank, Verdict, WrongType,
                            close_to, equals, same_set, verdict_text)

# Two small stand-ins for the "chains" data set, numbers checked by hand:
#   variant 0: stores 120+300+80+500 = 1000; payment days (60+45+90+30)/4 = 56.25; top sales C02
#   variant 3: stores 200+150+640+90 = 1080; payment days (30+60+75+45)/4 = 52.5;  top sales C03
FIXED = {
    0: pd.DataFrame({"chain_id": ["C01", "C02", "C03", "C04"], "store_count": [120, 300, 80, 500],
                     "annual_sales": [5000.0, 12000.0, 3000.0, 9000.0], "payment_days": [60, 45, 90, 30]}),
    3: pd.DataFrame({"chain_id": ["C01", "C02", "C03", "C04"], "store_count": [200, 150, 640, 90],
                     "annual_sales": [7000.0, 4000.0, 15000.0, 2000.0], "payment_days": [30, 60, 75, 45]}),
}
RIGHT = {0: {"q1": 1000, "q2": 56.25, "q3": "C02"}, 3: {"q1": 1080, "q2": 52.5, "q3": "C03"}}


class StubContext(Context):
    """A Context whose data set is one of the small tables above."""

    def load(self, name):
        assert name == "chains"
        return FIXED[self.variant].copy()


BANK = get_bank("demo")


def ctx(variant=0, **kw):
    return StubContext("demo", variant=variant, **kw)


# ------------------------------------------------------------------ verdicts
@pytest.mark.parametrize("variant", [0, 3])
def test_demo_right_answers_get_full_points(variant):
    for key, answer in RIGHT[variant].items():
        v = BANK.check(key, answer, ctx(variant))
        assert v == Verdict(True, 2.0, "", "", False), key


def test_typed_in_answers_from_variant_0_fail_on_variant_3():
    verdicts = {k: BANK.check(k, a, ctx(3)) for k, a in RIGHT[0].items()}
    assert [v.ok for v in verdicts.values()] == [False, False, False]
    assert verdicts["q1"].reason_zh == "数值偏小" and verdicts["q1"].reason_en == "the number is too small"
    assert verdicts["q2"].reason_zh == "数值偏大"
    assert verdicts["q3"].reason_zh == "答案不一致"
    assert sum(v.score for v in verdicts.values()) == 0


def test_numpy_and_pandas_numbers_are_numbers():
    assert BANK.check("q1", np.int64(1000), ctx()).ok
    assert BANK.check("q1", np.float32(1000), ctx()).ok
    assert BANK.check("q1", pd.Series([1000]), ctx()).ok        # a one-element Series
    assert BANK.check("q1", np.array([[1000.0]]), ctx()).ok


def test_tolerance():
    # q1: close_to default rel=1e-6 -> 1000 ± 0.001
    assert BANK.check("q1", 1000.0009, ctx()).ok
    assert not BANK.check("q1", 1000.002, ctx()).ok
    assert BANK.check("q1", 1001, ctx()).reason_zh == "数值偏大"
    assert BANK.check("q1", 999, ctx()).reason_zh == "数值偏小"
    # q2: rel=1e-3 -> 56.25 ± 0.05625, so a rounded 56.3 passes, 56.4 does not
    assert BANK.check("q2", 56.3, ctx()).ok
    assert BANK.check("q2", 56.2, ctx()).ok
    assert BANK.check("q2", 56.4, ctx()).reason_en == "the number is too large"


def test_close_to_builder_hints_without_the_number():
    check = close_to(lambda c: 0.25, rel=1e-4)
    assert check(0.25, None) is True
    assert check(25, None).reason_zh.startswith("数值大了 100 倍")
    assert check(0.0025, None).reason_en.startswith("the number is 100 times too small")
    assert check(float("nan"), None).reason_zh == "答案是空值（NaN）"
    assert check(float("inf"), None).reason_zh == "数值偏大"
    assert close_to(3.0)(3, None) is True            # a literal reference
    assert close_to(0.0, abs=1e-3)(0.0005, None) is True


def test_ellipsis_is_not_answered():
    v = BANK.check("q1", ..., ctx())
    assert (v.ok, v.score, v.reason_zh, v.reason_en, v.manual) == (False, 0.0, *NOT_ANSWERED, False)
    assert NOT_ANSWERED == ("未作答", "not answered")


def test_manual_question():
    v = BANK.check("q4", "先拜访 C02，门店多。", ctx())
    assert (v.ok, v.score, v.manual) == (False, 0.0, True)
    assert v.reason_zh == "由讲师评分" and v.reason_en == "scored by the instructor"
    blank = BANK.check("q4", ..., ctx())
    assert blank.manual and blank.reason_zh == "未作答"


@pytest.mark.parametrize("answer, got", [("1000", "str"), (True, "bool"), ([1000], "list"),
                                         (None, "NoneType"), ({"n": 1000}, "dict"),
                                         (np.array([1, 2]), "ndarray")])
def test_wrong_type_names_question_and_type_in_both_languages(answer, got):
    v = BANK.check("q1", answer, ctx())
    assert (v.ok, v.score) == (False, 0.0)
    assert v.reason_zh == f"q1 的答案类型不对：需要一个数字，收到的是 {got}"
    assert v.reason_en == f"the answer to q1 has the wrong type: expected a number, got {got}"


def test_text_question_wrong_type():
    v = BANK.check("q3", 2, ctx())
    assert v.reason_zh == "q3 的答案类型不对：需要一段文字（放在引号里），收到的是 int"
    assert BANK.check("q3", "  C02 ", ctx()).ok          # spaces around the text are ignored


def _bank(*questions):
    return QuestionBank("t", ("测试", "Test"), questions)


def test_a_check_that_raises_gives_zero_with_reason():
    def broken(answer, c):
        return 1 / 0

    v = _bank(Question("q9", 3, ("?", "?"), broken)).check("q9", 5, Context("t"))
    assert (v.ok, v.score) == (False, 0.0)
    assert "q9" in v.reason_zh and "ZeroDivisionError" in v.reason_zh
    assert "q9" in v.reason_en and "ZeroDivisionError" in v.reason_en


def test_a_check_error_message_never_reaches_the_reason():
    def leaky(answer, c):
        raise AssertionError("expected 4242")

    v = _bank(Question("q1", 1, ("?", "?"), leaky)).check("q1", 5, Context("t"))
    assert "4242" not in v.reason_zh + v.reason_en


def test_check_return_values():
    bank = _bank(
        Question("a", 4, ("?", "?"), lambda a, c: Verdict(False, 0.5, "一半", "half")),
        Question("b", 4, ("?", "?"), lambda a, c: Verdict(False, 7.0)),       # fraction clamped to 1
        Question("c", 4, ("?", "?"), lambda a, c: Verdict(True, 0.0)),        # ok means full marks
        Question("d", 4, ("?", "?"), lambda a, c: np.bool_(False)),
        Question("e", 4, ("?", "?"), lambda a, c: "yes"),                     # not a verdict
    )
    c = Context("t")
    assert bank.check("a", 1, c) == Verdict(False, 2.0, "一半", "half")
    assert bank.check("b", 1, c).score == 4.0
    assert bank.check("c", 1, c) == Verdict(True, 4.0)
    assert bank.check("d", 1, c) == Verdict(False, 0.0, "答案不对", "the answer is not right")
    e = bank.check("e", 1, c)
    assert not e.ok and "e" in e.reason_en and e.score == 0


def test_wrongtype_raised_by_a_custom_check():
    def needs_list(answer, c):
        if not isinstance(answer, list):
            raise WrongType("一个列表", "a list", answer)
        return True

    v = _bank(Question("q2", 1, ("?", "?"), needs_list)).check("q2", 3.5, Context("t"))
    assert v.reason_zh == "q2 的答案类型不对：需要一个列表，收到的是 float"


def test_equals_and_same_set():
    eq = equals(lambda c: ["C03", "C01"])
    assert eq(("C03", "C01"), None) is True
    assert eq(np.array(["C03", "C01"]), None) is True
    assert eq(pd.Series(["C03", "C01"]), None) is True
    assert eq(["C01", "C03"], None).reason_zh == "答案不一致"
    assert eq(["C03"], None).reason_zh == "个数不对：需要 2 项，收到 1 项"
    with pytest.raises(WrongType):
        eq("C03", None)
    assert equals({"a": 1.0})({"a": 1}, None) is True
    assert equals(True)(True, None) is True
    with pytest.raises(WrongType):
        equals(True)(1, None)
    s = same_set(lambda c: {"C01", "C05", "C12"})
    assert s(("C12", "C05", "C01"), None) is True
    assert s(["C01", "C05"], None).reason_zh == "少了 1 项"
    assert s(["C01", "C05", "C12", "C12"], None).reason_en == "1 repeated"
    assert s(["C01", "C05", "C99", "C98"], None).reason_zh == "少了 1 项，多了 2 项"
    with pytest.raises(WrongType):
        s(3, None)


# ------------------------------------------------------------------ grade()
def test_grade_with_missing_answers():
    out = BANK.grade({"q1": 1000, "q3": "C01", "q2": ...}, ctx())
    assert list(out) == ["q1", "q2", "q3", "q4"]
    assert out["q1"] == Verdict(True, 2.0)
    assert out["q2"] == Verdict(False, 0.0, "未作答", "not answered")
    assert out["q3"].ok is False
    assert out["q4"] == Verdict(False, 0.0, "未作答", "not answered", manual=True)
    assert sum(v.score for v in out.values()) == 2.0
    assert BANK.total_points == 10.0


def test_grade_ignores_keys_not_in_the_bank():
    out = BANK.grade({"q1": 1000, "q7": 5, "__import__": "os"}, ctx())
    assert set(out) == {"q1", "q2", "q3", "q4"}


def test_checks_can_use_earlier_answers():
    def per_chain(answer, c):            # q2 must be q1 divided by the number of chains
        return abs(answer - c.answers["q1"] / len(c.load("chains"))) < 1e-9

    bank = QuestionBank("demo", ("测试", "Test"), (
        Question("q1", 1, ("?", "?"), close_to(lambda c: c.load("chains")["store_count"].sum())),
        Question("q2", 1, ("?", "?"), per_chain)))
    out = bank.grade({"q1": 1000, "q2": 250}, ctx())
    assert out["q2"].ok
    wrong_q1 = bank.grade({"q1": 900, "q2": 225}, ctx())      # consistent with its own q1
    assert (wrong_q1["q1"].ok, wrong_q1["q2"].ok) == (False, True)
    alone = bank.grade({"q2": 250}, ctx())                     # q1 missing -> KeyError -> 0, named
    assert not alone["q2"].ok and "q2" in alone["q2"].reason_zh
    unanswered = bank.grade({"q1": ..., "q2": 250}, ctx())     # ... is not an answer to build on
    assert not unanswered["q2"].ok
    assert bank.check("q2", 250, ctx(answers={"q1": 1000})).ok


def test_context_fields():
    c = Context("demo", variant=3, language="EN", trainee="王敏", answers={"q1": 1, "q2": ...})
    assert (c.variant, c.language, c.trainee) == (3, "en", "王敏")
    assert dict(c.answers) == {"q1": 1}
    with pytest.raises(TypeError):
        c.answers["q3"] = 2                                     # read-only
    with pytest.raises(BadSpecError):
        Context("demo", variant=-1)
    with pytest.raises(BadSpecError):
        Context("demo", variant=1.5)
    with pytest.raises(BadSpecError):
        Context("demo", language="fr")


def test_context_load_caches_and_copies(monkeypatch, tmp_path):
    calls = []

    def fake_load(name, variant=0):
        calls.append((name, variant))
        return FIXED[variant].copy()

    monkeypatch.setattr(kamlab.datasets, "load", fake_load, raising=False)
    c = Context("demo", variant=3)
    a = c.load("chains")
    a.loc[0, "store_count"] = -1                                # the caller's copy only
    b = c.with_answers({"q1": 1}).load("chains")                # shares the cache
    assert calls == [("chains", 3)]
    assert b["store_count"].sum() == 1080
    # The trainee's own file stands in for the module's main data set only.
    own = tmp_path / "own.csv"
    FIXED[0].to_csv(own, index=False)
    c2 = Context("demo", variant=3, data_file=str(own), data_name="chains")
    assert c2.load("chains")["store_count"].sum() == 1000
    c2.load("needs")
    assert calls[-1] == ("needs", 3)


# ------------------------------------------------------------------ definitions
def test_bank_lookup():
    assert BANK.keys() == ["q1", "q2", "q3", "q4"]
    assert BANK.get("q3").points == 2.0
    with pytest.raises(BadSpecError) as err:
        BANK.get("q5")
    assert "q5" in err.value.zh and "q5" in err.value.en
    with pytest.raises(BadSpecError) as err:
        BANK.check("Q1", 1000, ctx())
    assert "'q1'" in err.value.zh and "did you mean 'q1'" in err.value.en


def test_get_bank_and_modules():
    assert "demo" in modules()
    assert modules() == sorted(modules())
    assert all(re.fullmatch(r"m\d\d|demo", m) for m in modules())
    import kamlab.course.demo as demo
    assert get_bank("demo") is demo.BANK
    assert get_bank(" Demo ") is demo.BANK


def test_unknown_module_did_you_mean():
    with pytest.raises(BadSpecError) as err:
        get_bank("dmeo")
    assert "是不是 'demo'" in err.value.zh and "did you mean 'demo'" in err.value.en
    with pytest.raises(BadSpecError) as err:
        get_bank("m99x_nothing")
    assert "demo" in err.value.zh and "Modules:" in err.value.en
    with pytest.raises(BadSpecError):
        get_bank("os")                                           # only course modules are imported


@pytest.mark.parametrize("kwargs", [
    dict(key="q 1", points=1, prompt=("a", "b"), check=equals(1)),
    dict(key="q1", points=-1, prompt=("a", "b"), check=equals(1)),
    dict(key="q1", points=True, prompt=("a", "b"), check=equals(1)),
    dict(key="q1", points=1, prompt="a", check=equals(1)),
    dict(key="q1", points=1, prompt=("a", "b"), check=None),
    dict(key="q1", points=1, prompt=("a", "b"), check=equals(1), manual=True),
])
def test_bad_question_definitions(kwargs):
    with pytest.raises(BadSpecError):
        Question(**kwargs)


def test_duplicate_keys():
    q = Question("q1", 1, ("a", "b"), equals(1))
    with pytest.raises(BadSpecError) as err:
        QuestionBank("t", ("t", "t"), (q, q))
    assert "q1" in err.value.zh and "q1" in err.value.en


# ------------------------------------------------------------------ never leak the answer
WRONG = {"q1": [999, 1001, 10, 100000, "1000", 1000.5], "q2": [50, 60, 5625, 0.5625, "x"],
         "q3": ["C01", "C04", 2, ["C02"]]}


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("variant", [0, 3])
def test_wrong_answers_never_show_the_reference(variant, language):
    for key, answers in WRONG.items():
        ref = RIGHT[variant][key]
        forms = {str(ref)} if isinstance(ref, str) else {f"{ref:g}", f"{float(ref)}", f"{ref:,}"}
        for answer in answers:
            v = BANK.check(key, answer, ctx(variant))
            if v.ok:
                continue
            text = verdict_text(BANK.get(key), v, language=language)
            assert text.startswith("✗")
            for form in forms:
                assert form not in text, (key, answer, text)


def test_a_judgment_is_checked_on_the_data_the_trainee_saw_or_the_data_it_was_computed_from():
    import pandas as pd

    from kamlab.grading import Context, Question, QuestionBank, Verdict

    class Ctx(Context):   # the best chain differs between variants
        def load(self, name):
            return pd.DataFrame({"chain_id": ["C01", "C02"], "sales": [1, 2] if self.variant == 0 else [3, 1]})

    def best(answer, ctx):
        table = ctx.load("chains")
        return answer == table.loc[table["sales"].idxmax(), "chain_id"] or Verdict(False, 0, "不是最好", "not the best")

    bank = QuestionBank("t", ("测", "T"), (Question("q1", 1, ("哪家？", "Which?"), best, on="seen"),
                                           Question("q2", 1, ("哪家？", "Which?"), best)))
    regrade = Ctx("t", variant=5, seen_variant=0)
    assert bank.check("q1", "C02", regrade).ok        # literal, right for the data seen (variant 0)
    assert bank.check("q1", "C01", regrade).ok        # computed on the re-run (variant 5)
    assert not bank.check("q2", "C02", regrade).ok    # a computation question: typed-in fails
    wrong = Ctx("t", variant=5, seen_variant=0)
    assert bank.check("q1", "C03", wrong).reason_zh == "不是最好"
