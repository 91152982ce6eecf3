"""The class exchange: hand-in from the notebook, collect, and hand-back of feedback.

One folder, the exchange root (``--exchange ROOT`` or ``$KAMLAB_EXCHANGE``),
holds ``collect/``, where trainees hand in.  The same functions work on a
class server (JupyterHub: one system user per trainee, ``collect`` not
listable by trainees) and on one machine with plain folders.

* :func:`init` (``kamlab exchange init``) makes the exchange;
* :func:`submit` (``wb.submit()`` and the "提交 / Submit" button under
  ``wb.summary()``) copies the saved notebook, timestamped, into ``collect/``;
* :func:`collect` (``kamlab collect``) gathers the latest hand-in per trainee
  into the layout ``kamlab grade`` reads;
* :func:`return_feedback` (``kamlab return``) gives each trainee their own
  feedback page.

Layers: below :mod:`kamlab.course` (whose workbook calls it), above
:mod:`kamlab.grading` (whose feedback page names it follows).

Examples
--------
>>> import json, pathlib, tempfile
>>> import kamlab.exchange as ex
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = ex.init(root)
>>> nb = root / "m02.ipynb"
>>> _ = nb.write_text(json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
>>> _ = ex.submit("m02", notebook=nb, exchange=root, trainee="li", receipts=None)
>>> got = ex.collect("m02", root / "class", exchange=root)
>>> got.trainees["li"].relative_to(root).as_posix()
'class/li/m02.ipynb'
"""

from __future__ import annotations

from ._button import status_html, submit_box
from ._collect import CollectResult, collect
from ._names import trainee_name
from ._return import FEEDBACK_FOLDER, ReturnResult, return_feedback
from ._root import COLLECT, ENV, HUB_MODE, collect_folder, exchange_root, init
from ._submit import Receipt, last_receipt, notebook_path, status, submit

__all__ = [
    "init", "submit", "collect", "return_feedback", "status", "last_receipt", "notebook_path",
    "Receipt", "CollectResult", "ReturnResult", "exchange_root", "collect_folder", "trainee_name",
    "submit_box", "status_html", "ENV", "COLLECT", "HUB_MODE", "FEEDBACK_FOLDER",
]
