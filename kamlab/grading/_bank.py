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

import dataclasses
import difflib
import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from .._errors import BadSpecError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Verdict", "Context", "Question", "QuestionBank", "WrongType",
           "close_to", "equals", "same_set", "NOT_ANSWERED"]

#: Reason of an unanswered question (missing, or still ``...``).
NOT_ANSWERED = ("未作答", "not answered")
_MANUAL = ("由讲师评分", "scored by the instructor")
_WRONG = ("答案不对", "the answer is not right")


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one answer.

    Attributes
    ----------
    ok : bool
        Full marks.
    score : float
        Points earned, ``0 <= score <= points`` (a check function may return
        a Verdict whose score is the *fraction* earned; the bank scales it).
    reason_zh, reason_en : str
        Why points were lost; never the reference answer.
    manual : bool
        Hand-scored question: score 0, the instructor fills it in.

    Examples
    --------
    >>> v = Verdict(False, 0.0, "数值偏大", "the number is too large")
    >>> v.reason("en")
    'the number is too large'
    """

    ok: bool
    score: float
    reason_zh: str = ""
    reason_en: str = ""
    manual: bool = False

    def reason(self, language: str | None = None) -> str:
        """Return the reason in *language* (default: the current kamlab language)."""
        if language is None:
            from .._i18n import get_language
            language = get_language()
        return self.reason_zh if language == "zh" else self.reason_en


def fail(zh: str, en: str) -> Verdict:
    """A check's "wrong": no points, and why *this* answer is wrong (never the reference answer).

    Examples
    --------
    >>> fail("份额合计 103%，应为 100%。", "The shares add up to 103%, not 100%.").ok
    False
    """
    return Verdict(ok=False, score=0.0, reason_zh=zh, reason_en=en)


def passed(points: float = 1.0) -> Verdict:
    """A check's "right", worth *points* (or the fraction earned: the bank scales it).

    Examples
    --------
    >>> passed(2.0)
    Verdict(ok=True, score=2.0, reason_zh='', reason_en='', manual=False)
    """
    return Verdict(ok=True, score=float(points))


class WrongType(Exception):
    """Raised inside a check when the answer has the wrong type.

    The bank turns it into ``ok=False`` with the reason
    "<key> 的答案类型不对：需要<expected>，收到的是 <type>".

    Parameters
    ----------
    expected_zh, expected_en : str
        What the answer should be, e.g. ``("一个数字", "a number")``.
    answer : object
        The answer received (only its type name is shown).
    """

    def __init__(self, expected_zh: str, expected_en: str, answer: Any) -> None:
        super().__init__(expected_en)
        self.expected_zh = expected_zh
        self.expected_en = expected_en
        self.got = _type_label(answer)


def _type_label(answer: Any) -> str:
    from ..answers import Opaque, Record
    if isinstance(answer, Opaque):
        return answer.type_name
    if isinstance(answer, Record):
        return answer.type_name.rsplit(".", 1)[-1] or "dict"
    return type(answer).__name__


def _normalise_language(language: str) -> str:
    code = str(language).strip().lower()
    if code in ("zh", "cn", "zh-cn", "中文", "chinese"):
        return "zh"
    if code in ("en", "english", "英文"):
        return "en"
    raise BadSpecError(f"未知语言 {language!r}：请用 'zh' 或 'en'。",
                       f"Unknown language {language!r}: use 'zh' or 'en'.")


@dataclass(frozen=True)
class Context:
    """Everything a check may use: module, data variant, language, earlier answers.

    Built by :func:`~kamlab.grading.workbook` in the notebook and by the
    grader in its own process, from the same fields.

    Attributes
    ----------
    module : str
        Course module id, e.g. ``"m02"``.
    variant : int
        Data set variant (0 is the shipped CSV).
    language : {"zh", "en"}
    trainee : str
    data_file : str or None
        The trainee's own CSV/XLSX; it stands in for the data set
        *data_name* (for every data set when *data_name* is None).  The
        grader leaves it None.
    answers : mapping
        Every answer recorded so far (key -> decoded answer), for checks that
        build on an earlier answer; ``...`` (not answered) is left out.
    data_name : str or None
        The data set *data_file* replaces (the bank's first data set).

    Examples
    --------
    >>> ctx = Context("demo", variant=3, answers={"q1": 12})
    >>> ctx.answers["q1"], ctx.variant
    (12, 3)
    """

    module: str
    variant: int = 0
    language: str = "zh"
    trainee: str = ""
    data_file: str | None = None
    answers: Mapping[str, Any] = field(default_factory=dict)
    data_name: str | None = None
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.variant, bool) or not isinstance(self.variant, numbers.Integral) \
                or self.variant < 0:
            raise BadSpecError(
                f"数据变体 variant={self.variant!r} 不对：应是 0 或正整数。",
                f"Data variant variant={self.variant!r} is invalid: use 0 or a positive integer.")
        object.__setattr__(self, "variant", int(self.variant))
        object.__setattr__(self, "language", _normalise_language(self.language))
        object.__setattr__(self, "answers", MappingProxyType(
            {k: v for k, v in dict(self.answers).items() if v is not Ellipsis}))

    def with_answers(self, answers: Mapping[str, Any]) -> "Context":
        """Return a copy holding *answers* (data sets already loaded are shared)."""
        new = dataclasses.replace(self, answers=answers)
        object.__setattr__(new, "_cache", self._cache)
        return new

    def load(self, name: str) -> "pd.DataFrame":
        """Return data set *name* for this context's variant (a fresh copy each call).

        Loaded once per context with ``kl.datasets.load(name, variant=variant)``,
        or from :attr:`data_file` when the trainee works on their own file.
        """
        if name not in self._cache:
            if self.data_file and (self.data_name is None or self.data_name == name):
                self._cache[name] = _read_own_file(self.data_file)
            else:
                from .. import datasets
                self._cache[name] = datasets.load(name, variant=self.variant)
        return self._cache[name].copy()


def _read_own_file(path: str) -> "pd.DataFrame":
    try:
        from .._io import read_table
    except ImportError:  # pragma: no cover - kamlab._io ships with the package
        import pandas as pd

        def read_table(p: str) -> "pd.DataFrame":
            return pd.read_excel(p) if str(p).lower().endswith((".xlsx", ".xls")) else pd.read_csv(p)
    return read_table(path)


Check = Callable[[Any, Context], "Verdict | bool"]


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
        close = difflib.get_close_matches(str(key), self.keys(), n=1, cutoff=0.5)
        zh_hint = f"（是不是 '{close[0]}'？）" if close else ""
        en_hint = f" (did you mean '{close[0]}'?)" if close else ""
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


# --------------------------------------------------------------- check builders
def _reference(reference: Any, ctx: Context) -> Any:
    return reference(ctx) if callable(reference) else reference


def _as_number(answer: Any) -> float:
    """The answer as a float, or raise WrongType (bools and text are not numbers)."""
    value = answer
    if hasattr(value, "shape") and hasattr(value, "size") and not isinstance(value, np.generic):
        if getattr(value, "size", 0) == 1:   # a 1-element Series / array / DataFrame
            try:
                value = np.asarray(value).reshape(-1)[0]
            except Exception:  # noqa: BLE001
                raise WrongType("一个数字", "a number", answer) from None
        else:
            raise WrongType("一个数字", "a number", answer)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)):
        raise WrongType("一个数字", "a number", answer)
    return float(value)


def close_to(reference: Callable[[Context], float] | float, *, rel: float = 1e-6,
             abs: float = 1e-9) -> Check:  # noqa: A002 - the name mirrors math.isclose
    """Check builder: the answer is a number close to ``reference(ctx)``.

    Parameters
    ----------
    reference : callable or float
        ``reference(ctx)`` computes the right number from the context's data.
    rel, abs : float
        Relative and absolute tolerance (as :func:`math.isclose`).

    Returns
    -------
    callable
        ``check(answer, ctx)``.  A wrong answer's reason says "too large" or
        "too small" (or "100 times off" for a percentage written as a
        fraction or back), never the number.

    Examples
    --------
    >>> check = close_to(lambda ctx: 0.25, rel=1e-3)
    >>> check(0.2501, None), check(0.3, None).reason_zh, check(25, None).reason_en
    (True, '数值偏大', 'the number is 100 times too large: write a share as a fraction (0.25), not a percentage (25)')
    """

    def check(answer: Any, ctx: Context) -> Verdict | bool:
        x = _as_number(answer)
        ref = float(_reference(reference, ctx))
        if math.isnan(x):
            return Verdict(False, 0.0, "答案是空值（NaN）", "the answer is NaN (a missing value)")
        if math.isclose(x, ref, rel_tol=rel, abs_tol=abs):
            return True
        tol = max(rel, 1e-6)
        if ref != 0 and math.isclose(x, ref * 100, rel_tol=tol):
            return Verdict(False, 0.0, "数值大了 100 倍：比例请写成小数（0.25），不要写成百分数（25）",
                           "the number is 100 times too large: write a share as a fraction (0.25), "
                           "not a percentage (25)")
        if ref != 0 and math.isclose(x * 100, ref, rel_tol=tol):
            return Verdict(False, 0.0, "数值小了 100 倍：这里要的是百分数（25），不是小数（0.25）",
                           "the number is 100 times too small: write a percentage (25), not a fraction (0.25)")
        if x > ref:
            return Verdict(False, 0.0, "数值偏大", "the number is too large")
        return Verdict(False, 0.0, "数值偏小", "the number is too small")

    check.__qualname__ = check.__name__ = "close_to"
    return check


def _same(a: Any, b: Any, rel: float) -> bool:
    """Loose equality: numbers within *rel*, text stripped, sequences and mappings item by item."""
    if isinstance(b, str):
        return isinstance(a, str) and a.strip() == b.strip()
    if isinstance(b, (bool, np.bool_)):
        return isinstance(a, (bool, np.bool_)) and bool(a) == bool(b)
    if isinstance(b, (numbers.Real, np.number)):
        try:
            x = _as_number(a)
        except WrongType:
            return False
        y = float(b)
        return (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=rel, abs_tol=1e-12)
    if isinstance(b, Mapping):
        return isinstance(a, Mapping) and set(a) == set(b) and all(_same(a[k], b[k], rel) for k in b)
    if isinstance(b, (list, tuple)) or hasattr(b, "tolist"):
        seq_a, seq_b = _as_list(a), _as_list(b)
        return seq_a is not None and seq_b is not None and len(seq_a) == len(seq_b) and \
            all(_same(x, y, rel) for x, y in zip(seq_a, seq_b))
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001
        return False


def _as_list(x: Any) -> list | None:
    if isinstance(x, (list, tuple)):
        return list(x)
    if isinstance(x, (str, bytes, Mapping)):
        return None
    if hasattr(x, "tolist"):
        try:
            out = x.tolist()
        except Exception:  # noqa: BLE001
            return None
        return out if isinstance(out, list) else None
    return None


def _kind(reference: Any) -> tuple[str, str]:
    if isinstance(reference, str):
        return ("一段文字（放在引号里）", "a text (in quotes)")
    if isinstance(reference, (bool, np.bool_)):
        return ("True 或 False", "True or False")
    if isinstance(reference, (numbers.Real, np.number)):
        return ("一个数字", "a number")
    if isinstance(reference, Mapping):
        return ("一个字典 {...}", "a dict {...}")
    return ("一个列表 [...]", "a list [...]")


def equals(reference: Any, *, rel: float = 1e-9) -> Check:
    """Check builder: the answer equals ``reference(ctx)`` (or the literal *reference*).

    Text is compared without surrounding spaces, numbers within *rel*, lists,
    tuples, arrays and Series item by item, dicts key by key.

    Examples
    --------
    >>> check = equals(lambda ctx: ["C03", "C01"])
    >>> check(("C03", "C01"), None), check(["C01", "C03"], None).reason_en
    (True, 'the answer does not match')
    >>> check([" C03", "C01 "], None)
    True
    """

    def check(answer: Any, ctx: Context) -> Verdict | bool:
        ref = _reference(reference, ctx)
        zh, en = _kind(ref)
        if isinstance(ref, str) and not isinstance(answer, str):
            raise WrongType(zh, en, answer)
        if isinstance(ref, (bool, np.bool_)) and not isinstance(answer, (bool, np.bool_)):
            raise WrongType(zh, en, answer)
        if isinstance(ref, (numbers.Real, np.number)) and not isinstance(ref, (bool, np.bool_)):
            _as_number(answer)
        if isinstance(ref, Mapping) and not isinstance(answer, Mapping):
            raise WrongType(zh, en, answer)
        ref_list = None if isinstance(ref, (str, Mapping)) else _as_list(ref)
        if ref_list is not None:
            ans_list = _as_list(answer)
            if ans_list is None:
                raise WrongType(zh, en, answer)
            if len(ans_list) != len(ref_list):
                return Verdict(False, 0.0, f"个数不对：需要 {len(ref_list)} 项，收到 {len(ans_list)} 项",
                               f"wrong length: {len(ref_list)} items expected, got {len(ans_list)}")
        if _same(answer, ref, rel):
            return True
        return Verdict(False, 0.0, "答案不一致", "the answer does not match")

    check.__qualname__ = check.__name__ = "equals"
    return check


def same_set(reference: Callable[[Context], Iterable[Any]] | Iterable[Any]) -> Check:
    """Check builder: the answer holds the same items as the reference, in any order.

    The reason counts missing and extra items without naming them.

    Examples
    --------
    >>> check = same_set(["C01", "C05", "C12"])
    >>> check(["C12", "C01", "C05"], None)
    True
    >>> check(["C12", "C01", "C07"], None).reason_zh
    '少了 1 项，多了 1 项'
    """

    def check(answer: Any, ctx: Context) -> Verdict | bool:
        ref = _reference(reference, ctx)
        ref_items = _as_list(ref) if not isinstance(ref, (set, frozenset)) else list(ref)
        items = _as_list(answer) if not isinstance(answer, (set, frozenset)) else list(answer)
        if items is None:
            raise WrongType("一个列表 [...]", "a list [...]", answer)
        norm = lambda v: v.strip() if isinstance(v, str) else v  # noqa: E731
        try:
            want, got = {norm(v) for v in ref_items or []}, {norm(v) for v in items}
        except TypeError:
            raise WrongType("一个由文字或数字组成的列表", "a list of texts or numbers", answer) from None
        if want == got and len(items) == len(set(map(norm, items))):
            return True
        missing, extra = len(want - got), len(got - want)
        dup = len(items) - len(got)
        parts_zh, parts_en = [], []
        if missing:
            parts_zh.append(f"少了 {missing} 项")
            parts_en.append(f"{missing} missing")
        if extra:
            parts_zh.append(f"多了 {extra} 项")
            parts_en.append(f"{extra} not expected")
        if dup:
            parts_zh.append(f"有 {dup} 项重复")
            parts_en.append(f"{dup} repeated")
        return Verdict(False, 0.0, "，".join(parts_zh), ", ".join(parts_en))

    check.__qualname__ = check.__name__ = "same_set"
    return check
