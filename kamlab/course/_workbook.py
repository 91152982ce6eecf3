"""``kl.workbook("m02", ...)``: open a course module's workbook by its id.

The grading layer below does not import the course; this function finds the
module's question bank (:func:`~kamlab.course.get_bank`), registers it (so
grading functions given the id find it too, :func:`kamlab.grading.registered_bank`)
and opens :func:`kamlab.grading.workbook` on it.

Examples
--------
>>> import kamlab as kl
>>> kl.workbook("demo").module
'demo'
"""

from __future__ import annotations

from ..grading import Workbook, register_bank
from ..grading import workbook as _open_workbook
from . import get_bank  # course/__init__.py imports this file after defining get_bank

__all__ = ["workbook"]


def workbook(module: str, *, trainee: str = "", variant: int = 0, language: str = "zh",
             data_file: str | None = None) -> Workbook:
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
    kamlab.grading.Workbook

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
    return _open_workbook(bank, trainee=trainee, variant=variant, language=language,
                          data_file=data_file)
