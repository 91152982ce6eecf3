"""The notebook-answer format: what a check cell records and the grader reads back.

:func:`encode` turns a trainee's answer into plain JSON data (it never
raises: an object it cannot store becomes an :class:`Opaque` stand-in with
its type name) and :func:`decode` turns that data back into Python.  Plain
JSON values stay as they are; everything else is a small object tagged with
the key ``"__kl__"``.  Decoding never imports or calls anything named in the
data, so a hostile notebook cannot run code in the grader through an answer.

The self-check in the notebook checks ``decode(encode(answer))``, exactly
what the grader will see, so the two can never disagree.

:data:`ANSWER_MIME` is the MIME type of the output that carries a recorded
answer; :func:`read_answers` reads the answers back out of an executed
notebook (the grader, the m08 summary).

This package sits below the tool packages and above the base modules: it
imports nothing of kamlab but ``kamlab._errors``.

Examples
--------
>>> encode({"top": ("C01", "C07"), "share": 0.25})
{'top': {'__kl__': 'tuple', 'items': ['C01', 'C07']}, 'share': 0.25}
>>> decode(encode({"top": ("C01", "C07"), "share": 0.25}))
{'top': ('C01', 'C07'), 'share': 0.25}
>>> decode(encode(...)) is Ellipsis
True
"""

from __future__ import annotations

from ._decode import decode
from ._encode import encode
from ._notebook import ANSWER_MIME, answer_records, read_answers
from ._types import MAX_DEPTH, Opaque, Record

__all__ = ["encode", "decode", "Record", "Opaque", "MAX_DEPTH",
           "ANSWER_MIME", "read_answers", "answer_records"]
