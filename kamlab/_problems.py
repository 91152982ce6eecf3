"""The one bilingual problem type of kamlab, and the "did you mean" helper.

A :class:`Problem` is what a ``validate()``/``check`` of a tool reports about
a trainee's plan, chain, proposal or form: a short ``code`` for tests and
checks, the message in Chinese and English, and where it is (any keyword:
``link``, ``item``, ``field``, ``row`` ...).  It *is* a ``str`` (the message in
the language current when it was made), so it prints and compares as text.

Examples
--------
>>> p = Problem("no_owner", "第 2 项没有负责人。", "Item 2 has no owner.", field="tasks", row=2)
>>> print(p), p.code, p.row, p.field
第 2 项没有负责人。
(None, 'no_owner', 2, 'tasks')
>>> p.text("en")
'Item 2 has no owner.'
>>> did_you_mean("利润贡",  ["合作潜力", "利润贡献"])
("（是不是 '利润贡献'？）", " (did you mean '利润贡献'?)")
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from ._i18n import get_language

__all__ = ["Problem", "did_you_mean"]


class Problem(str):
    """One problem: a code, a Chinese and an English message, and where it is.

    Parameters
    ----------
    code : str
        Short rule name, e.g. ``"due_past"``.
    zh, en : str
        The message in Chinese and English, each naming what is wrong, where and the fix.
    **where
        Where the problem is (``link=``, ``item=``, ``field=``, ``row=`` ...); read back
        as attributes.  A location that was not given reads as None.

    Examples
    --------
    >>> p = Problem("sum", "份额合计 103%，应为 100%。", "Shares add up to 103%, not 100%.")
    >>> p == "份额合计 103%，应为 100%。", p.item
    (True, None)
    """

    code: str
    zh: str
    en: str
    where: dict[str, Any]

    def __new__(cls, code: str, zh: str, en: str, **where: Any) -> "Problem":
        obj = super().__new__(cls, zh if get_language() == "zh" else en)
        obj.code, obj.zh, obj.en, obj.where = code, zh, en, dict(where)
        return obj

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.__dict__.get("where", {}).get(name)

    def text(self, language: str | None = None) -> str:
        """The message in *language* (default: the current kamlab language)."""
        return self.zh if (language or get_language()) == "zh" else self.en

    @property
    def message(self) -> str:
        """The message in the current language (as :meth:`text`; read by the course modules)."""
        return self.text()

    def __reduce__(self) -> tuple[Any, ...]:   # pickles (multiprocessing, caches) keep every field
        return (_rebuild, (type(self), self.code, self.zh, self.en, self.where))

    def __repr__(self) -> str:
        return f"Problem({self.code!r}, {self.text()!r})"


def _rebuild(cls: type, code: str, zh: str, en: str, where: dict[str, Any]) -> Problem:
    return cls(code, zh, en, **where)


def did_you_mean(name: Any, choices: Iterable[str], *, cutoff: float = 0.5) -> tuple[str, str]:
    """A "did you mean ...?" suffix for an unknown *name*, in Chinese and English ("" when nothing is close).

    Examples
    --------
    >>> did_you_mean("cahins", ["chains", "doctors"])
    ("（是不是 'chains'？）", " (did you mean 'chains'?)")
    >>> did_you_mean("xyz", ["chains"])
    ('', '')
    """
    close = difflib.get_close_matches(str(name), [str(c) for c in choices], n=1, cutoff=cutoff)
    if not close:
        return "", ""
    return f"（是不是 '{close[0]}'？）", f" (did you mean '{close[0]}'?)"
