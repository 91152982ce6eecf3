"""Errors for bad input: one clear, bilingual message naming column, row and fix.

Every loader and tool raises a subclass of :class:`KamlabInputError`, itself a
:class:`ValueError`, so ``except ValueError`` catches them all.  The message
holds the current language first and the other one on the next line.

Examples
--------
>>> err = MissingColumnError(
...     zh="缺少列 'store_count'。请在表中加入这一列。",
...     en="Column 'store_count' is missing. Add this column to the table.",
...     column="store_count")
>>> isinstance(err, ValueError), err.column
(True, 'store_count')
>>> print(err)
缺少列 'store_count'。请在表中加入这一列。
Column 'store_count' is missing. Add this column to the table.
"""

from __future__ import annotations

from typing import Any

from ._i18n import get_language


class KamlabInputError(ValueError):
    """Bad input to a kamlab loader or tool.

    Parameters
    ----------
    zh, en : str
        The message in Chinese and in English; each names what is wrong,
        where (column, row) and the fix.
    column : str, optional
        The offending column, if any.
    row : object, optional
        The offending row (the DataFrame index label, or the line number of
        a file), if any.
    """

    def __init__(self, zh: str, en: str, *, column: str | None = None,
                 row: Any = None) -> None:
        self.zh = zh
        self.en = en
        self.column = column
        self.row = row
        first, second = (zh, en) if get_language() == "zh" else (en, zh)
        super().__init__(f"{first}\n{second}")

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a long traceback: a trainee sees the
        # message, not pandas internals.
        return [f"\x1b[31m{type(self).__name__}\x1b[0m: {self}"]


class MissingColumnError(KamlabInputError):
    """A required column is absent (or misspelt)."""


class BadValueError(KamlabInputError):
    """A value has the wrong type, is missing (NaN) or is out of range."""


class DuplicateIdError(KamlabInputError):
    """An id that must be unique appears more than once."""


class EmptyTableError(KamlabInputError):
    """A table has no rows."""


class BadFileError(KamlabInputError):
    """A file cannot be read: unknown format, encoding or layout."""


class BadSpecError(KamlabInputError):
    """A rubric, clause set, plan or other literal is malformed."""
