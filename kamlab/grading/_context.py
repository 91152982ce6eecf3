"""The check context: module, data variant, language, trainee, earlier answers.

Examples
--------
>>> Context("demo", language="English").language
'en'
"""

from __future__ import annotations

import dataclasses
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import pandas as pd

from .. import datasets
from .._errors import BadSpecError
from .._io import read_table

__all__ = ["Context"]


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
    seen_variant : int or None
        The variant the trainee worked on (their ``parameters`` cell); None
        means :attr:`variant` (the notebook's own self-check).  Judgment
        questions (``Question(on="seen")``) are checked on it.

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
    seen_variant: int | None = None
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

    def as_seen(self) -> "Context":
        """This context on the variant the trainee saw (itself when that is the variant it runs on).

        Examples
        --------
        >>> ctx = Context("demo", variant=7, seen_variant=0)
        >>> ctx.as_seen().variant, Context("demo", variant=2).as_seen().variant
        (0, 2)
        """
        if self.seen_variant is None or self.seen_variant == self.variant:
            return self
        return dataclasses.replace(self, variant=self.seen_variant, seen_variant=None, data_file=None)

    def load(self, name: str) -> pd.DataFrame:
        """Return data set *name* for this context's variant (a fresh copy each call).

        Loaded once per context with ``kl.datasets.load(name, variant=variant)``,
        or from :attr:`data_file` when the trainee works on their own file.
        """
        if name not in self._cache:
            if self.data_file and (self.data_name is None or self.data_name == name):
                self._cache[name] = read_table(self.data_file)
            else:
                self._cache[name] = datasets.load(name, variant=self.variant)
        return self._cache[name].copy()


