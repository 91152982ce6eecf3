"""``kl.workbook("m02", ...)``: open a course module's workbook by its id.

The grading layer below does not import the course; this function finds the
module's question bank (:func:`~kamlab.course.get_bank`), registers it (so
grading functions given the id find it too, :func:`kamlab.grading.registered_bank`)
and opens :func:`kamlab.grading.workbook` on it.  The class workbook adds the
hand-in (:mod:`kamlab.exchange`): ``wb.submit()``, and the "提交 / Submit"
button with its status line under ``wb.summary()``'s table.

Examples
--------
>>> import kamlab as kl
>>> kl.workbook("demo").module
'demo'
"""

from __future__ import annotations

import os
import time
from typing import Any

import pandas as pd

from .. import exchange
from .._i18n import get_language
from ..grading import Workbook, register_bank
from ..grading import workbook as _open_workbook
from . import get_bank  # course/__init__.py imports this file after defining get_bank

__all__ = ["workbook", "ClassWorkbook", "Summary"]

#: When this kernel last recorded an answer, per module (``time.time()``).
_ANSWERED_AT: dict[str, float] = {}


class Summary(pd.DataFrame):
    """``wb.summary()``: the score table, shown with the "提交 / Submit" button and its status line.

    It is the table (a DataFrame) for code; in a notebook its display adds
    the hand-in button (live) or, where no kernel runs, the status as HTML.
    """

    _metadata = ["_hand_in"]

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        return pd.DataFrame          # anything computed from the summary is a plain table

    def hand_in_box(self) -> Any:
        """The live box: this table, the "提交 / Submit" button and its status line (ipywidgets)."""
        status, ok = self._hand_in.status()
        return exchange.submit_box(self._hand_in.submit, status, ok=ok, above=pd.DataFrame(self)._repr_html_())

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        table = pd.DataFrame(self)
        status, ok = self._hand_in.status()
        bundle = self.hand_in_box()._repr_mimebundle_(include=include, exclude=exclude) or {}
        # where no kernel runs (a stored notebook, nbval): the table and the status line as HTML and text
        bundle["text/html"] = table._repr_html_() + exchange.status_html(status, ok=ok)
        lines = status if get_language() == "zh" else status[1:]     # English mode: English only
        bundle["text/plain"] = "\n".join([repr(table), "", *lines])
        return bundle


class ClassWorkbook(Workbook):
    """A course module's workbook with the class hand-in (``kl.workbook(...)`` makes it).

    Examples
    --------
    >>> import os, kamlab as kl
    >>> _ = os.environ.pop("KAMLAB_EXCHANGE", None)
    >>> wb = kl.workbook("demo", language="en")
    >>> wb.submit()
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: No class collect folder is set (KAMLAB_EXCHANGE): hand this .ipynb file to your instructor
    ...
    >>> kl.set_language("zh")
    """

    def check(self, key: str, answer: Any) -> None:  # noqa: D102 - Workbook.check, timed
        super().check(key, answer)
        _ANSWERED_AT[self.module] = time.time()

    def submit(self, *, exchange_root: str | os.PathLike[str] | None = None,
               notebook: str | os.PathLike[str] | None = None) -> exchange.Receipt:
        """Hand in this notebook's saved file to the class's collect folder (see :func:`kamlab.exchange.submit`).

        Parameters
        ----------
        exchange_root : path, optional
            Default ``$KAMLAB_EXCHANGE`` (a class server sets it).
        notebook : path, optional
            Default: the notebook this kernel runs (``$JPY_SESSION_NAME``).

        Raises
        ------
        kamlab.KamlabInputError
            With the reason in both languages (no exchange set: hand the file
            to the instructor; the notebook not saved since the last answer …).
        """
        if notebook is None:
            notebook = exchange.notebook_path(_user_namespace())
        return exchange.submit(self.module, notebook=notebook, exchange=exchange_root,
                               answered_at=_ANSWERED_AT.get(self.module))

    def status(self) -> tuple[tuple[str, str], bool]:
        """The hand-in status line (zh, en) and whether a hand-in is possible."""
        return exchange.status(self.module)

    def summary(self) -> Summary:  # noqa: D102 - Workbook.summary with the hand-in
        table = Summary(super().summary())
        table._hand_in = self
        return table


def _user_namespace() -> dict[str, Any] | None:
    try:
        from IPython import get_ipython  # lazy: IPython is there only inside Jupyter
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        return None
    shell = get_ipython()
    return getattr(shell, "user_ns", None)


def workbook(module: str, *, trainee: str = "", variant: int = 0, language: str = "zh",
             data_file: str | None = None) -> ClassWorkbook:
    """Open the workbook of course *module* in a notebook (the notebook's first code cell).

    Sets the kamlab language.  The four keyword arguments are the
    notebook's ``parameters`` cell, which the grader overrides.

    Parameters
    ----------
    module : str
        Course module id, e.g. ``"m02"`` (``kl.course.modules()`` lists them).
    trainee : str
        The trainee's name.
    variant : int
        Data set variant; 0 is the shipped data.
    language : {"zh", "en"}
    data_file : str, optional
        Path of the trainee's own CSV/XLSX, used instead of the module's main
        data set.

    Returns
    -------
    ClassWorkbook
        A :class:`kamlab.grading.Workbook` with ``submit()``.

    Raises
    ------
    kamlab.BadSpecError
        For an unknown module, with the closest known id as a suggestion.

    Examples
    --------
    >>> import kamlab as kl
    >>> wb = kl.workbook("demo", trainee="王敏", language="en")
    >>> wb
    kamlab workbook demo (Demo module) · trainee 王敏 · data variant 0 · 4 questions, 10 points
    >>> kl.get_language()
    'en'
    >>> kl.set_language("zh")
    """
    bank = register_bank(get_bank(module))
    base = _open_workbook(bank, trainee=trainee, variant=variant, language=language, data_file=data_file)
    return ClassWorkbook(base.bank, base.context)
