"""Self-checks in the notebook and grading by the instructor, from one question bank.

Design (as otter-grader / Data 8 notebooks do it):

1. Each course module has ONE question bank, ``kamlab.course.<module>.BANK``
   (:class:`QuestionBank` of :class:`Question`: key, points, prompt, check,
   hint), outside every notebook.  Checks compute their reference from the
   data (``ctx.load("chains")``) of the :class:`Context`'s variant.
2. A notebook opens ``wb = kl.workbook(module, trainee=..., variant=...)`` from
   its ``parameters`` cell; answer cells start as ``q1 = ...`` so the notebook
   runs top to bottom unanswered; after each, a locked check cell
   ``wb.check("q1", q1)`` shows ✓ / ✗ + hint and publishes the answer,
   :func:`encode`-d, as one output of MIME type :data:`ANSWER_MIME`.
3. The grader re-runs each submission on a hidden variant, reads those outputs
   back (:func:`decode`) and calls ``bank.grade(answers, Context(...))`` in its
   own process: the notebook can change neither points nor checks.
4. Checks never raise and never reveal the answer (``Verdict.reason_zh/en``).

Layers: grading sits below :mod:`kamlab.course` and never imports it.
:func:`grade` and :func:`workbook` take a :class:`QuestionBank` (or the id of
a bank registered with :func:`register_bank`); ``kl.workbook("m02")`` and
``kamlab grade m02 ...`` (the course layer and the command line) find the
course module's bank and pass it.  The answer format (:func:`encode`,
:func:`decode`, :data:`ANSWER_MIME`, :func:`read_answers`) lives in
:mod:`kamlab.answers` and is re-exported here.

Examples
--------
>>> from kamlab.grading import Context, QuestionBank, Question, equals
>>> bank = QuestionBank("t", ("测试", "Test"), (Question("q1", 1, ("哪家？", "Which?"), equals("C01")),))
>>> bank.grade({"q1": "C02"}, Context("t"))
{'q1': Verdict(ok=False, score=0.0, reason_zh='答案不一致', reason_en='the answer does not match', manual=False)}
"""

from __future__ import annotations

from ..answers import ANSWER_MIME, Opaque, Record, decode, encode, read_answers
from ._bank import Distractor, Question, QuestionBank
from ._checks import close_to, equals, same_set
from ._context import Context
from ._verdict import NOT_ANSWERED, Verdict, WrongType, as_ids, as_number, fail, passed
from ._registry import register_bank, registered_bank
from ._workbook import Workbook, verdict_text, workbook
from ._feedback import safe_name
# The grader: re-run submissions, read answers back, gradebook.
from ._runner import GradeReport, grade, hidden_variant

__all__ = [
    "Verdict", "Context", "Question", "QuestionBank", "Distractor", "as_ids", "as_number", "WrongType", "NOT_ANSWERED",
    "close_to", "equals", "same_set", "fail", "passed",
    "register_bank", "registered_bank",
    "workbook", "Workbook", "verdict_text", "ANSWER_MIME",
    "encode", "decode", "Record", "Opaque",
    "grade", "read_answers", "GradeReport", "hidden_variant", "safe_name",
]


def __getattr__(name: str):
    if name == "example_class":
        # lazy: _example_class imports nbformat (seconds on a busy machine), which a notebook's
        # kl.workbook(...) must not pay for; only ``kamlab example-class`` needs it
        from ._example_class import example_class

        return example_class
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
