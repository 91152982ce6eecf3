"""Check builders: :func:`close_to`, :func:`equals`, :func:`same_set`.

Each returns ``check(answer, ctx) -> Verdict | bool`` for a
:class:`~kamlab.grading.Question`.  A reason says how an answer is wrong,
never what the reference answer is.

Examples
--------
>>> equals("C01")("C01 ", None), same_set([1, 2])([2], None).reason_en
(True, '1 missing')
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np

from ._context import Context
from ._verdict import Verdict, WrongType, as_number, fail

__all__ = ["close_to", "equals", "same_set", "Check"]

#: A question's check: ``check(answer, ctx) -> Verdict | bool``.
Check = Callable[[Any, Context], "Verdict | bool"]


def _reference(reference: Any, ctx: Context) -> Any:
    return reference(ctx) if callable(reference) else reference


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
        x = as_number(answer)
        ref = float(_reference(reference, ctx))
        if math.isnan(x):
            return fail("答案是空值（NaN）", "the answer is NaN (a missing value)")
        if math.isclose(x, ref, rel_tol=rel, abs_tol=abs):
            return True
        tol = max(rel, 1e-6)
        if ref != 0 and math.isclose(x, ref * 100, rel_tol=tol):
            return fail("数值大了 100 倍：比例请写成小数（0.25），不要写成百分数（25）",
                        "the number is 100 times too large: write a share as a fraction (0.25), "
                        "not a percentage (25)")
        if ref != 0 and math.isclose(x * 100, ref, rel_tol=tol):
            return fail("数值小了 100 倍：这里要的是百分数（25），不是小数（0.25）",
                        "the number is 100 times too small: write a percentage (25), not a fraction (0.25)")
        if x > ref:
            return fail("数值偏大", "the number is too large")
        return fail("数值偏小", "the number is too small")

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
            x = as_number(a)
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
            as_number(answer)
        if isinstance(ref, Mapping) and not isinstance(answer, Mapping):
            raise WrongType(zh, en, answer)
        ref_list = None if isinstance(ref, (str, Mapping)) else _as_list(ref)
        if ref_list is not None:
            ans_list = _as_list(answer)
            if ans_list is None:
                raise WrongType(zh, en, answer)
            if len(ans_list) != len(ref_list):
                return fail(f"个数不对：需要 {len(ref_list)} 项，收到 {len(ans_list)} 项",
                            f"wrong length: {len(ref_list)} items expected, got {len(ans_list)}")
        if _same(answer, ref, rel):
            return True
        return fail("答案不一致", "the answer does not match")

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
        return fail("，".join(parts_zh), ", ".join(parts_en))

    check.__qualname__ = check.__name__ = "same_set"
    return check
