"""kamlab — 医药 OTC 连锁大客户管理实训工作簿 / KAM training workbook.

The course tools live in one sub-module each and load on first use, so
``import kamlab`` stays fast (pandas and matplotlib are imported only when a
tool needs them).

Examples
--------
>>> import kamlab as kl
>>> "chains" in kl.datasets.names()
True
>>> kl.set_language("zh")
"""

from __future__ import annotations

import importlib
from typing import Any

from ._errors import (BadFileError, BadSpecError, BadValueError,
                      DuplicateIdError, EmptyTableError, KamlabInputError,
                      MissingColumnError)
from ._i18n import get_language, set_language

__version__ = "0.1.0"

#: Sub-modules loaded on first attribute access (``kl.screening`` ...).
_SUBMODULES = (
    "datasets",
    "screening",
    "opportunity",
    "negotiation",
    "kpi",
    "rootcause",
    "grading",
    "course",
    "exchange",
    "widgets",
    "incentives",
    "selfassess",
    "resources",
    "actionplan",
    "covisit",
    "chains",
    "review",
    "planning",
    "retail",
)

#: Functions re-exported lazily: name -> (module, attribute).
_LAZY_FUNCTIONS = {
    "read_table": ("kamlab._io", "read_table"),
    "workbook": ("kamlab.course", "workbook"),
    "labelled": ("kamlab._labels", "localize_columns"),
}

__all__ = [
    "set_language", "get_language", "read_table", "workbook", "labelled",
    "KamlabInputError", "MissingColumnError", "BadValueError",
    "DuplicateIdError", "EmptyTableError", "BadFileError", "BadSpecError",
    *_SUBMODULES,
]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    if name in _LAZY_FUNCTIONS:
        module_name, attr = _LAZY_FUNCTIONS[name]
        value = getattr(importlib.import_module(module_name), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kamlab' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
