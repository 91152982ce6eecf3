"""The question bank: one definition per question, behind self-check and grading.

A :class:`QuestionBank` lives in ``kamlab.course.<module>`` (outside every
notebook).  The notebook's check cell and the instructor's grader both call
:meth:`QuestionBank.check` with the same :class:`Context` fields, so a
submission cannot change points or checks.  A check computes its reference
from the data (``ctx.load("chains")``), never from a typed-in number, so an
answer computed in the notebook stays right on every data variant.

Checks never raise: an exception inside a check, or an answer of the wrong
type, gives ``ok=False`` with a bilingual reason naming the question.  A
reason or hint never shows the reference answer.

Examples
--------
>>> import pandas as pd
>>> from kamlab.grading import close_to
>>> class Ctx(Context):   # a context whose data set is a small literal table
...     def load(self, name):
...         return pd.DataFrame({"store_count": [100, 250]})
>>> bank = QuestionBank("t", ("测试", "Test"), (
...     Question("q1", 2, ("门店总数", "Total stores"),
...              close_to(lambda ctx: ctx.load("chains")["store_count"].sum())),))
>>> bank.check("q1", 350, Ctx("t"))
Verdict(ok=True, score=2.0, reason_zh='', reason_en='', manual=False)
>>> bank.check("q1", 300, Ctx("t")).reason_zh
'数值偏小'
>>> bank.check("q1", "350", Ctx("t")).reason_zh
'q1 的答案类型不对：需要一个数字，收到的是 str'
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._errors import BadSpecError
from .._problems import did_you_mean
# the verdict and context types are re-exported here: checks and tests import them from _bank
from ._checks import Check
from ._context import Context
from ._verdict import NOT_ANSWERED, Verdict, WrongType, as_number, fail, passed  # noqa: F401

__all__ = ["Question", "QuestionBank", "Distractor", "Verdict", "Context", "WrongType", "fail", "passed", "NOT_ANSWERED"]

_MANUAL = ("由讲师评分", "scored by the instructor")
_WRONG = ("答案不对", "the answer is not right")


@dataclass(frozen=True)
class Distractor:
    """A plausible wrong decision for a question, standing for one misconception of the seed.

    Attributes
    ----------
    answer : object or callable
        The wrong answer, or ``answer(ctx) -> answer`` built from the data (e.g.
        "the chain with the most stock" when the seed warns that high stock is
        not the cause).
    misconception : (str, str)
        The mistake it stands for, in Chinese and English.

    Examples
    --------
    >>> d = Distractor("C01", ("库存高就是压货", "high stock means over-stocking"))
    >>> d.build(None)
    'C01'
    """

    answer: Any
    misconception: tuple[str, str]

    def build(self, ctx: Context | None) -> Any:
        """The wrong answer for *ctx*'s data."""
        return self.answer(ctx) if callable(self.answer) else self.answer


@dataclass(frozen=True)
class Question:
    """One question: key, points, prompt, check and hint.

    Attributes
    ----------
    key : str
        Identifier unique in its module, e.g. ``"q1_weights"``.
    points : float
    prompt : (str, str)
        The question in Chinese and English.
    check : callable or None
        ``check(answer, ctx) -> Verdict | bool``; None for manual questions.
    hint : (str, str)
        Shown when the answer is not right; never the answer.
    manual : bool
        Scored by the instructor by hand.
    on : {"run", "seen"}
        Which data the check judges against (``ctx.load``): ``"run"`` (the
        variant the notebook runs on: computed answers; typed-in numbers fail
        on the grader's hidden variant) or ``"seen"`` (a judgment: right when
        it fits the variant the trainee saw, so a literal choice such as
        "C07" stays right when re-graded, or the variant the notebook ran on,
        so a choice computed from the data does too).  See ``docs/teaching.md``.
    read : bool
        A read-and-decide question: the trainee reads a chart or a table and chooses.
    distractors : tuple of Distractor
        Plausible wrong decisions, each from a misconception of the seed; each
        must fail its check with a reason (``tests/test_teaching.py``).
    rubric : (str, str) or None
        What the instructor looks for in a hand-scored answer; the trainee sees it.

    Examples
    --------
    >>> Question("q4_reason", 3, ("说明理由", "Explain why"), None, manual=True).manual
    True
    """

    key: str
    points: float
    prompt: tuple[str, str]
    check: Check | None
    hint: tuple[str, str] = ("", "")
    manual: bool = False
    on: str = "run"
    read: bool = False
    distractors: tuple["Distractor", ...] = ()
    rubric: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key.isidentifier():
            raise BadSpecError(f"题目编号 {self.key!r} 不对：请用英文字母、数字和下划线，如 'q1_weights'。",
                               f"Question key {self.key!r} is invalid: use letters, digits and "
                               f"underscores, e.g. 'q1_weights'.")
        if isinstance(self.points, bool) or not isinstance(self.points, numbers.Real) \
                or not math.isfinite(self.points) or self.points < 0:
            raise BadSpecError(f"题目 {self.key} 的分值 {self.points!r} 不对：应是不小于 0 的数字。",
                               f"Question {self.key}: points {self.points!r} must be a number ≥ 0.")
        object.__setattr__(self, "points", float(self.points))
        for name in ("prompt", "hint"):
            pair = getattr(self, name)
            if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(s, str) for s in pair)):
                raise BadSpecError(f"题目 {self.key} 的 {name} 应是（中文, English）两段文字。",
                                   f"Question {self.key}: {name} must be a (Chinese, English) pair of str.")
        if self.on not in ("run", "seen"):
            raise BadSpecError(f"题目 {self.key} 的 on={self.on!r} 不对：应是 'run' 或 'seen'。",
                               f"Question {self.key}: on={self.on!r} must be 'run' or 'seen'.")
        object.__setattr__(self, "distractors", tuple(self.distractors))
        if not all(isinstance(d, Distractor) for d in self.distractors):
            raise BadSpecError(f"题目 {self.key} 的 distractors 应是 Distractor 的列表。",
                               f"Question {self.key}: distractors must be Distractor objects.")
        if self.rubric is not None and not (isinstance(self.rubric, tuple) and len(self.rubric) == 2):
            raise BadSpecError(f"题目 {self.key} 的 rubric 应是（中文, English）两段文字。",
                               f"Question {self.key}: rubric must be a (Chinese, English) pair of str.")
        if self.manual and self.check is not None:
            raise BadSpecError(f"题目 {self.key} 由讲师评分，不能再有 check。",
                               f"Question {self.key} is scored by hand and cannot have a check.")
        if not self.manual and not callable(self.check):
            raise BadSpecError(f"题目 {self.key} 需要一个 check 函数，或设 manual=True。",
                               f"Question {self.key} needs a check function, or manual=True.")


@dataclass(frozen=True)
class QuestionBank:
    """The questions of one course module.

    Attributes
    ----------
    module : str
        Module id, e.g. ``"m02"``.
    title : (str, str)
    questions : tuple of Question
    datasets : tuple of str
        Data sets the module uses; the first is the one a trainee's own
        file (``data_file``) stands in for.

    Examples
    --------
    >>> from kamlab.grading import equals
    >>> bank = QuestionBank("t", ("测试", "Test"), (
    ...     Question("q1", 2, ("一", "one"), equals("C01")),
    ...     Question("q2", 3, ("二", "two"), None, manual=True)))
    >>> bank.keys(), bank.total_points
    (['q1', 'q2'], 5.0)
    >>> bank.grade({"q1": "C01"}, Context("t"))["q2"].reason_zh
    '未作答'
    """

    module: str
    title: tuple[str, str]
    questions: tuple[Question, ...]
    datasets: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "questions", tuple(self.questions))
        object.__setattr__(self, "datasets", tuple(self.datasets))
        seen: set[str] = set()
        for q in self.questions:
            if not isinstance(q, Question):
                raise BadSpecError(f"模块 {self.module} 的题库里有不是 Question 的条目：{q!r}。",
                                   f"Module {self.module}: bank entry {q!r} is not a Question.")
            if q.key in seen:
                raise BadSpecError(f"模块 {self.module} 的题目编号 {q.key} 重复了。每道题的编号必须唯一。",
                                   f"Module {self.module}: question key {q.key} appears twice. Keys must be unique.")
            seen.add(q.key)

    def keys(self) -> list[str]:
        """Return the question keys in order."""
        return [q.key for q in self.questions]

    @property
    def total_points(self) -> float:
        """Sum of the points of every question (manual ones included)."""
        return float(sum(q.points for q in self.questions))

    def get(self, key: str) -> Question:
        """Return question *key*; an unknown key raises BadSpecError with a suggestion."""
        for q in self.questions:
            if q.key == key:
                return q
        zh_hint, en_hint = did_you_mean(key, self.keys())
        known = ", ".join(self.keys())
        raise BadSpecError(f"模块 {self.module} 没有题目 '{key}'{zh_hint}。已有的题目：{known}。",
                           f"Module {self.module} has no question '{key}'{en_hint}. Questions: {known}.")

    def check(self, key: str, answer: Any, ctx: Context) -> Verdict:
        """Check *answer* to question *key*; never raises for a bad answer or a failing check.

        ``...`` (Ellipsis) is "not answered".  Only an unknown *key* raises
        (:class:`~kamlab.BadSpecError`).
        """
        return _verdict(self.get(key), answer, ctx)

    def grade(self, answers: Mapping[str, Any], ctx: Context) -> dict[str, Verdict]:
        """Check every question; a missing answer scores 0 with reason "未作答 / not answered".

        Every check sees *answers* as ``ctx.answers``.  Keys not in the bank
        are ignored.
        """
        full = ctx.with_answers({**ctx.answers, **answers})
        out: dict[str, Verdict] = {}
        for q in self.questions:
            if q.key in answers:
                out[q.key] = _verdict(q, answers[q.key], full)
            else:
                out[q.key] = Verdict(False, 0.0, *NOT_ANSWERED, manual=q.manual)
        return out


def _verdict(q: Question, answer: Any, ctx: Context) -> Verdict:
    if q.on == "seen":
        # a judgment is right when it fits the data the trainee saw (a literal choice) or the data the
        # notebook ran on (the choice computed from the data): either way it was read from the evidence
        seen = _verdict_on(q, answer, ctx.as_seen())
        if seen.ok or ctx.as_seen() is ctx:
            return seen
        run = _verdict_on(q, answer, ctx)
        return run if run.ok or run.score > seen.score else seen
    return _verdict_on(q, answer, ctx)


def _verdict_on(q: Question, answer: Any, ctx: Context) -> Verdict:
    if answer is Ellipsis:
        return Verdict(False, 0.0, *NOT_ANSWERED, manual=q.manual)
    if q.manual or q.check is None:
        return Verdict(False, 0.0, *_MANUAL, manual=True)
    try:
        out = q.check(answer, ctx)
    except WrongType as exc:
        return Verdict(False, 0.0,
                       f"{q.key} 的答案类型不对：需要{exc.expected_zh}，收到的是 {exc.got}",
                       f"the answer to {q.key} has the wrong type: expected {exc.expected_en}, got {exc.got}")
    except Exception as exc:  # noqa: BLE001 - a check must never break the notebook or the grader
        name = type(exc).__name__
        return Verdict(False, 0.0,
                       f"检查 {q.key} 时出错（{name}）：答案的形式可能不对，请对照题目要求",
                       f"checking {q.key} failed ({name}): the answer may have the wrong form; "
                       f"compare it with what the question asks for")
    if isinstance(out, Verdict):
        if out.ok:
            return Verdict(True, q.points, manual=False)
        frac = out.score if isinstance(out.score, (int, float)) and math.isfinite(out.score) else 0.0
        frac = min(max(float(frac), 0.0), 1.0)
        zh, en = (out.reason_zh, out.reason_en) if (out.reason_zh or out.reason_en) else _WRONG
        return Verdict(False, frac * q.points, zh or en, en or zh)
    ok = bool(out) if isinstance(out, (bool, int, np.bool_)) else None
    if ok is None:
        return Verdict(False, 0.0, f"题目 {q.key} 的检查函数返回了无法识别的结果，请告诉讲师",
                       f"the check of {q.key} returned something unexpected; tell the instructor")
    return Verdict(True, q.points) if ok else Verdict(False, 0.0, *_WRONG)
