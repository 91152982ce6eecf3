"""Where answers live in a notebook: outputs of MIME type :data:`ANSWER_MIME`.

A check cell (:meth:`kamlab.grading.Workbook.check`) publishes one
``display_data`` output whose bundle holds ``{"module", "key", "answer"}``
under :data:`ANSWER_MIME`, the answer :func:`~kamlab.answers.encode`-d;
:func:`read_answers` reads them back out of an executed notebook (the grader,
the m08 summary).

Examples
--------
>>> nb = {"cells": [{"cell_type": "code", "outputs": [{"output_type": "display_data",
...       "data": {ANSWER_MIME: {"module": "demo", "key": "q1", "answer": 3}}}]}]}
>>> read_answers(nb, "demo")
{'q1': 3}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ._decode import decode

__all__ = ["ANSWER_MIME", "read_answers", "answer_records"]

#: MIME type of the output a check cell publishes (the grader looks for it).
ANSWER_MIME = "application/vnd.kamlab.answer+json"


def read_answers(nb: Mapping[str, Any], module: str) -> dict[str, Any]:
    """Answers a notebook recorded for *module*: the last record per key wins.

    Scans every code cell's outputs for :data:`ANSWER_MIME` bundles whose
    ``module`` is *module*; decodes each with :func:`~kamlab.answers.decode`.
    A record that cannot be decoded is skipped (the question then counts as
    not answered).

    Parameters
    ----------
    nb : mapping
        A notebook (``nbformat`` node or the plain JSON dict).
    module : str
        Course module id, e.g. ``"m02"``.

    Returns
    -------
    dict
        Question key -> decoded answer.

    Examples
    --------
    >>> nb = {"cells": [{"cell_type": "code", "outputs": [{"output_type": "display_data",
    ...       "data": {ANSWER_MIME: {"module": "demo", "key": "q1", "answer": 3}}}]}]}
    >>> read_answers(nb, "demo"), read_answers(nb, "m02")
    ({'q1': 3}, {})
    """
    found: dict[str, Any] = {}
    for rec in answer_records(nb):
        if rec.get("module") != module or not isinstance(rec.get("key"), str):
            continue
        try:
            found[rec["key"]] = decode(rec.get("answer"))
        except Exception:  # noqa: BLE001 - a bad record counts as not answered
            found.pop(rec["key"], None)
    return found


def answer_records(nb: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every answer record of *nb*, in order, undecoded (any module).

    Examples
    --------
    >>> nb = {"cells": [{"cell_type": "code", "outputs": [{"output_type": "display_data",
    ...       "data": {ANSWER_MIME: '{"module": "m07", "key": "q1", "answer": 1}'}}]}]}
    >>> answer_records(nb)
    [{'module': 'm07', 'key': 'q1', 'answer': 1}]
    """
    records = []
    for cell in nb.get("cells", []) or []:
        if not isinstance(cell, Mapping) or cell.get("cell_type") != "code":
            continue
        for out in cell.get("outputs", []) or []:
            data = out.get("data") if isinstance(out, Mapping) else None
            rec = data.get(ANSWER_MIME) if isinstance(data, Mapping) else None
            if isinstance(rec, str):
                try:
                    rec = json.loads(rec)
                except ValueError:
                    rec = None
            if isinstance(rec, Mapping):
                records.append(dict(rec))
    return records
