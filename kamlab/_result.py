"""Base class of every tool result: a ``.table`` DataFrame and a ``.plot()``.

Examples
--------
>>> import pandas as pd
>>> r = TableResult(table=pd.DataFrame({"x": [1, 2]}))
>>> r.table.shape
(2, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._labels import localize_columns

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes


@dataclass(frozen=True)
class TableResult:
    """A tool's answer: ``table`` holds the numbers, ``plot()`` draws them.

    Subclasses add named fields and implement :meth:`plot`.  In a notebook
    the result displays as its table, with column names in the current
    language (``kamlab._labels``); ``.table`` keeps the machine names.
    """

    table: "pd.DataFrame"

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Draw the result as a labelled chart and return the axes."""
        raise NotImplementedError(f"{type(self).__name__} has no chart")

    def _repr_html_(self) -> str:
        return localize_columns(self.table)._repr_html_()  # type: ignore[operator]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(\n{localize_columns(self.table)!r}\n)"
