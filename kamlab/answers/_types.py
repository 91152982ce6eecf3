"""The two answer stand-ins :func:`~kamlab.answers.decode` can return, and the tag of encoded data.

Examples
--------
>>> Record({"u_us": 70.0}, type_name="kamlab.negotiation.Evaluation").u_us
70.0
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

__all__ = ["Record", "Opaque", "TAG", "MAX_DEPTH"]

TAG = "__kl__"
#: Deeper nesting than this is stored as an :class:`Opaque` (also stops cycles).
MAX_DEPTH = 60


class Record(dict):
    """A dataclass answer read back: a dict of its fields plus its type name.

    Fields can be read as keys or as attributes.  The original class is not
    imported (a submission must not make the grader import code).

    Examples
    --------
    >>> r = Record({"u_us": 70.0, "u_them": 60.0}, type_name="kamlab.negotiation.Evaluation")
    >>> r.u_us, r["u_them"], r.type_name
    (70.0, 60.0, 'kamlab.negotiation.Evaluation')
    """

    def __init__(self, fields: Mapping[str, Any] = (), *, type_name: str = "") -> None:
        super().__init__(fields)
        self.type_name = type_name

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record):
            return self.type_name == other.type_name and dict.__eq__(self, other)
        return dict.__eq__(self, other)  # type: ignore[arg-type]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Record({dict.__repr__(self)}, type_name={self.type_name!r})"


@dataclasses.dataclass(frozen=True)
class Opaque:
    """Stand-in for an answer kamlab cannot store (a function, a file handle ...).

    Checks see it as an answer of the wrong type.

    Examples
    --------
    >>> from kamlab.answers import decode, encode
    >>> decode(encode(print))
    Opaque(type_name='builtin_function_or_method', text='<built-in function print>')
    """

    type_name: str
    text: str

