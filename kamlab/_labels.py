"""Column and field names as a trainee reads them: Chinese in zh, English in en.

Data and result tables keep their machine column names (``distribution_rate``,
``give_clause``) in code; whatever a trainee *sees* (a table in a notebook, a
chart axis, a hint) uses the label of that column in the current language.
The data sets register the labels of their data dictionaries
(``中文名`` and the English part of ``meaning``); each tool registers the
columns of its result tables.

Examples
--------
>>> register({"distribution_rate": ("铺货率", "distribution rate")})
>>> label("distribution_rate"), label("distribution_rate", "en"), label("no_such_column")
('铺货率', 'distribution rate', 'no_such_column')
>>> import pandas as pd
>>> list(localize_columns(pd.DataFrame({"distribution_rate": [0.8]})).columns)
['铺货率']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._i18n import get_language, localized

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["register", "label", "labels", "localize_columns"]

_LABELS: dict[str, tuple[str, str]] = {}


def register(labels_: Mapping[str, tuple[str, str]]) -> None:
    """Register ``column -> (zh, en)`` labels (a later registration of a column wins).

    Examples
    --------
    >>> register({"u_us": ("我方效用", "our utility")}); label("u_us")
    '我方效用'
    """
    for column, pair in labels_.items():
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise TypeError(f"label of {column!r} needs a (zh, en) pair")
        _LABELS[str(column)] = (str(pair[0]), str(pair[1]))


def label(column: Any, language: str | None = None) -> str:
    """The label of *column* in *language* (default: current); the name itself when none is registered.

    Examples
    --------
    >>> label("chain_id") in ("连锁编号", "chain_id")
    True
    """
    pair = _LABELS.get(str(column))
    return str(column) if pair is None else localized(*pair, language)


def labels(columns: Any, language: str | None = None) -> list[str]:
    """Labels of several columns, in order.

    Examples
    --------
    >>> register({"a_b": ("甲", "a b")}); labels(["a_b", "x"], "en")
    ['a b', 'x']
    """
    return [label(c, language) for c in columns]


def localize_columns(table: "pd.DataFrame", language: str | None = None) -> "pd.DataFrame":
    """A copy of *table* whose column (and index) names are the labels in *language*.

    Names without a label, and labels that would collide, stay as they are.

    Examples
    --------
    >>> import pandas as pd
    >>> register({"stocked": ("是否铺货", "stocked")})
    >>> localize_columns(pd.DataFrame({"stocked": [1]}).rename_axis("store_id"), "zh").columns.tolist()
    ['是否铺货']
    """
    language = language or get_language()
    names = [label(c, language) if isinstance(c, str) else c for c in table.columns]
    if len(set(map(str, names))) != len(names):          # two columns would read alike: keep the names
        names = list(table.columns)
    out = table.copy(deep=False)
    out.columns = names
    if isinstance(out.index.name, str):
        out.index = out.index.rename(label(out.index.name, language))
    return out
