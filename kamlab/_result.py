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
from typing import TYPE_CHECKING, Any, ClassVar

from ._labels import label, localize_columns

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
    #: Columns whose *values* are machine names (e.g. a ``metric`` column holding
    #: ``distribution_rate``): shown as their labels too.
    label_values: ClassVar[tuple[str, ...]] = ()

    def _shown(self) -> "pd.DataFrame":
        """The table as the trainee reads it: labelled columns, and labelled values where named."""
        table = self.table
        named = [c for c in self.label_values if c in table.columns]
        if named:
            table = table.assign(**{c: table[c].map(lambda v: label(v) if isinstance(v, str) else v)
                                    for c in named})
        return localize_columns(table)

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Draw the result as a labelled chart and return the axes."""
        raise NotImplementedError(f"{type(self).__name__} has no chart")

    def _repr_html_(self) -> str:
        return self._shown()._repr_html_()  # type: ignore[operator]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(\n{self._shown()!r}\n)"
