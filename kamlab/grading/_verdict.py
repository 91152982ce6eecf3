"""A check's outcome (:class:`Verdict`, :func:`fail`, :func:`passed`) and a wrong answer type (:class:`WrongType`).

Examples
--------
>>> fail("数值偏大", "the number is too large").reason("en")
'the number is too large'
>>> as_number("350")
Traceback (most recent call last):
...
kamlab.grading._verdict.WrongType: a number
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .._i18n import localized
from ..answers import Opaque, Record

__all__ = ["Verdict", "fail", "passed", "WrongType", "NOT_ANSWERED", "as_number", "as_ids"]

#: Reason of an unanswered question (missing, or still ``...``).
NOT_ANSWERED = ("未作答", "not answered")


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
        return localized(self.reason_zh, self.reason_en, language)


def fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    """A check's "wrong": why *this* answer is wrong (never the reference answer), and partial credit if any.

    Examples
    --------
    >>> fail("份额合计 103%，应为 100%。", "The shares add up to 103%, not 100%.").ok
    False
    >>> fail("两项对，一项不对。", "Two right, one wrong.", score=0.5).score
    0.5
    """
    return Verdict(ok=False, score=float(score), reason_zh=zh, reason_en=en)


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
    if isinstance(answer, Opaque):
        return answer.type_name
    if isinstance(answer, Record):
        return answer.type_name.rsplit(".", 1)[-1] or "dict"
    return type(answer).__name__


def as_number(answer: Any) -> float:
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


def as_ids(answer: Any) -> list[str] | None:
    """A chosen set of ids (chains, stores, doctors) as a list of text, or None when it is not one.

    Examples
    --------
    >>> as_ids(["C01", "C07"]), as_ids(("N03",)), as_ids("C01"), as_ids([1, 2])
    (['C01', 'C07'], ['N03'], None, None)
    """
    if isinstance(answer, (list, tuple, set, frozenset, np.ndarray, pd.Index)):
        values = list(answer)
        if all(isinstance(v, (str, np.str_)) for v in values):
            return [str(v) for v in values]
    return None
