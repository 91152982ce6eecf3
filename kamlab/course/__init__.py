"""Question banks of the course modules, one sub-module each (``kamlab.course.m02`` ...).

Each module defines ``BANK``, a :class:`~kamlab.grading.QuestionBank`: the
one definition of every question's key, points and check, used by the
notebook's self-check and by the instructor's grader alike.

Examples
--------
>>> from kamlab.course import get_bank, modules
>>> "demo" in modules()
True
>>> get_bank("demo").keys()
['q1', 'q2', 'q3', 'q4']
>>> get_bank("dmeo")
Traceback (most recent call last):
...
kamlab._errors.BadSpecError: 没有课程模块 'dmeo'（是不是 'demo'？）。...
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import TYPE_CHECKING

from .._errors import BadSpecError
from .._problems import did_you_mean
from ._catalog import CATALOG, catalog_table

if TYPE_CHECKING:  # pragma: no cover
    from ..grading import QuestionBank

__all__ = ["modules", "get_bank", "workbook", "CATALOG", "catalog_table"]

_NAME = re.compile(r"^(m\d\d|demo)$")


def modules() -> list[str]:
    """Return the ids of the course modules that have a question bank, sorted.

    Examples
    --------
    >>> modules()[0]
    'demo'
    """
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if _NAME.match(m.name))


def get_bank(module: str) -> "QuestionBank":
    """Return the question bank of course *module* (e.g. ``"m02"``).

    Raises
    ------
    kamlab.BadSpecError
        For an unknown module, with the closest known id as a suggestion.

    Examples
    --------
    >>> get_bank("demo").total_points
    10.0
    """
    known = modules()
    name = str(module).strip().lower() if isinstance(module, str) else module
    if name not in known:
        zh_hint, en_hint = did_you_mean(module, known)
        listed = ", ".join(known)
        raise BadSpecError(f"没有课程模块 {module!r}{zh_hint}。已有的模块：{listed}。",
                           f"There is no course module {module!r}{en_hint}. Modules: {listed}.")
    bank = importlib.import_module(f"{__name__}.{name}").BANK
    return bank


from ._workbook import workbook  # noqa: E402 - after get_bank, which _workbook imports


def __getattr__(name: str):  # kl.course.m02 imports the module on first use
    if _NAME.match(name) and name in modules():
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
