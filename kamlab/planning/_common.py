"""Shared pieces of the planning tools: problems, text and number checks."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

from .._errors import BadSpecError, BadValueError
from .._problems import Problem

__all__ = ["Problem", "problem", "is_number", "text", "as_mapping", "as_list", "TOL"]

#: Default relative tolerance of the add-up checks (0.5 %).
TOL = 0.005


def problem(rule: str, field: str, row: int | None, zh: str, en: str) -> Problem:
    """A :class:`~kamlab._problems.Problem` of a ``validate()``: the rule broken, where, and why (zh / en).

    ``code`` and ``rule`` are the rule (e.g. ``"goal_number"``), ``field`` the
    part or list holding the problem, ``row`` the 1-based position in it (None
    for the whole part).

    Examples
    --------
    >>> p = problem("goal_number", "goals", 1, "目标 1 没有数字。", "Goal 1 has no number.")
    >>> str(p), p.message, p.rule, p.field, p.row
    ('目标 1 没有数字。', '目标 1 没有数字。', 'goal_number', 'goals', 1)
    """
    return Problem(rule, zh, en, rule=rule, field=field, row=row)


def is_number(x: Any) -> bool:
    """True for a finite real number (not a bool, not text).

    Examples
    --------
    >>> is_number(3), is_number(True), is_number("3"), is_number(float("nan"))
    (True, False, False, False)
    """
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        return False
    return math.isfinite(float(x))


def text(x: Any) -> str:
    """Stripped text of *x* ('' for None / non-text).

    Examples
    --------
    >>> text("  张伟 "), text(None), text(3)
    ('张伟', '', '')
    """
    return x.strip() if isinstance(x, str) else ""


def as_mapping(value: Any, field: str, zh_what: str, en_what: str) -> Mapping[str, Any]:
    """*value* if it is a dict, else BadSpecError naming *field*."""
    if not isinstance(value, Mapping):
        raise BadSpecError(f"{field} 应是一个字典 {{...}}（{zh_what}），收到的是 {type(value).__name__}。",
                           f"{field} must be a dict {{...}} ({en_what}), got {type(value).__name__}.",
                           column=field)
    return value


def as_list(value: Any, field: str, zh_what: str, en_what: str) -> list[Any]:
    """*value* as a list (a single text becomes a one-item list), else BadSpecError naming *field*."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence) or (hasattr(value, "__iter__") and not isinstance(value, Mapping)):
        return list(value)
    raise BadSpecError(f"{field} 应是一个列表 [...]（{zh_what}），收到的是 {type(value).__name__}。",
                       f"{field} must be a list [...] ({en_what}), got {type(value).__name__}.", column=field)


def require_text_item(value: Any, field: str, row: int) -> str:
    """A non-empty text list item, else BadValueError naming field and row (1-based)."""
    if not isinstance(value, str) or not value.strip():
        raise BadValueError(f"{field} 第 {row} 项是空的或不是文字（{value!r}）：请写一句话，或删掉这一项。",
                            f"{field} item {row} is empty or not text ({value!r}): write a phrase or remove it.",
                            column=field, row=row)
    return value.strip()
