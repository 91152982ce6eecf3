"""The notebook side: ``wb = kl.workbook("m02", ...)`` then ``wb.check("q1", q1)``.

:meth:`Workbook.check` checks the answer with the module's question bank (the
same definition the grader uses), shows ✓ or ✗ with the reason and a hint in
the current language, and publishes one ``display_data`` output whose bundle
holds the encoded answer under :data:`ANSWER_MIME`; the grader reads the
answers back from those outputs after re-running the notebook.

Examples
--------
>>> import kamlab as kl
>>> wb = kl.workbook("demo", trainee="王敏")
>>> wb.check("q1", ...)
✗ 还没有作答
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd

from .._i18n import Messages, get_language, localized, set_language
from ..answers import ANSWER_MIME, decode, encode
from ._bank import Context, Question, QuestionBank, Verdict
from ._registry import as_bank

__all__ = ["ANSWER_MIME", "Workbook", "workbook", "verdict_text"]

_MSG = Messages({
    "ok": ("✓ 正确", "✓ Correct"),
    "wrong": ("✗ 还不对：{reason}", "✗ Not yet: {reason}"),
    "hint": ("。提示：{hint}", ". Hint: {hint}"),
    "unanswered": ("✗ 还没有作答", "✗ Not answered yet"),
    "manual": ("✎ 已记录：这道题由讲师评分", "✎ Recorded: the instructor scores this question"),
    "rubric": ("。评分要点：{rubric}", ". What the instructor looks for: {rubric}"),
    "col_prompt": ("题目", "question"),
    "col_points": ("分值", "points"),
    "col_score": ("得分", "score"),
    "col_status": ("状态", "status"),
    "st_ok": ("✓", "✓"),
    "st_wrong": ("✗ {reason}", "✗ {reason}"),
    "st_unanswered": ("未作答", "not answered"),
    "st_manual": ("讲师评分", "scored by the instructor"),
    "total": ("合计", "total"),
    "repr": ("kamlab 工作簿 {module}（{title}）· 学员 {trainee} · 数据变体 {variant} · {n} 题，共 {points:g} 分",
             "kamlab workbook {module} ({title}) · trainee {trainee} · data variant {variant} · "
             "{n} questions, {points:g} points"),
    "nobody": ("（未填写）", "(not set)"),
})

#: Answers recorded in this kernel: (module, variant, data_file) -> key -> answer.
#: Re-running the ``workbook(...)`` cell keeps what was already checked.
_RECORDED: dict[tuple, dict[str, Any]] = {}
_VERDICTS: dict[tuple, dict[str, Verdict]] = {}


def _strip(text: str) -> str:
    return text.strip().rstrip("。.；;，, ")


def verdict_text(question: Question, verdict: Verdict, answered: bool = True,
                 language: str | None = None) -> str:
    """The one-line self-check message: ✓, ✗ with reason and hint, or ✎ for manual questions.

    Examples
    --------
    >>> from kamlab.grading import Question, Verdict
    >>> q = Question("q1", 2, ("门店总数", "Total stores"), lambda a, c: True,
    ...              hint=("把 store_count 列加起来", "add up the store_count column"))
    >>> verdict_text(q, Verdict(False, 0, "数值偏小", "the number is too small"), language="zh")
    '✗ 还不对：数值偏小。提示：把 store_count 列加起来'
    >>> verdict_text(q, Verdict(True, 2), language="en")
    '✓ Correct'
    >>> m = Question("q6", 3, ("理由", "Why"), None, manual=True, rubric=("理由对应数据", "reasons tied to the data"))
    >>> verdict_text(m, Verdict(False, 0, manual=True), language="zh")
    '✎ 已记录：这道题由讲师评分。评分要点：理由对应数据'
    """
    lang = language or get_language()

    def pick(key: str, **kw: Any) -> str:
        return localized(*_MSG.both(key, **kw), lang)

    if not answered:
        return pick("unanswered")
    if verdict.manual:
        rubric = localized(*question.rubric, lang).strip() if question.rubric else ""
        return pick("manual") + (pick("rubric", rubric=rubric) if rubric else "")
    if verdict.ok:
        return pick("ok")
    text = pick("wrong", reason=_strip(verdict.reason(lang)) or
                localized("答案不对", "the answer is not right", lang))
    hint = localized(*question.hint, lang).strip()
    if hint:
        text += pick("hint", hint=hint)
    return text


def _get_ipython() -> Any:
    try:
        from IPython import get_ipython  # lazy: IPython is optional outside Jupyter
    except ImportError:  # pragma: no cover - IPython ships with Jupyter
        return None
    return get_ipython()


def _publish(bundle: dict[str, Any]) -> None:
    """Show the bundle: one display_data output in IPython, the text elsewhere."""
    if _get_ipython() is None:
        print(bundle["text/plain"])
        return
    from IPython.display import display  # lazy: only inside IPython (found above)
    display(bundle, raw=True, metadata={})


class Workbook:
    """A module's workbook in a notebook: data, self-checks and a summary.

    Create it with ``kl.workbook(module, ...)`` (:func:`workbook`).

    Attributes
    ----------
    bank : QuestionBank
    module, trainee, variant, data_file
    """

    def __init__(self, bank: QuestionBank, context: Context,
                 publish: Callable[[dict[str, Any]], None] | None = None) -> None:
        self.bank = bank
        self._base = context
        self._publish = publish or _publish
        slot = (bank.module, context.variant, context.data_file)
        self._answers = _RECORDED.setdefault(slot, {})
        self._verdicts = _VERDICTS.setdefault(slot, {})

    module = property(lambda self: self.bank.module)
    trainee = property(lambda self: self._base.trainee)
    variant = property(lambda self: self._base.variant)
    data_file = property(lambda self: self._base.data_file)

    @property
    def context(self) -> Context:
        """The check context, holding every answer checked so far in this kernel."""
        return self._base.with_answers(self._answers)

    @property
    def answers(self) -> dict[str, Any]:
        """Answers checked so far (as the grader will read them back)."""
        return dict(self._answers)

    def load(self, name: str) -> pd.DataFrame:
        """Return data set *name* for this workbook's variant (your own copy).

        Examples
        --------
        >>> import kamlab as kl
        >>> chains = kl.workbook("demo").load("chains")
        >>> "store_count" in chains.columns
        True
        """
        return self._base.load(name)

    def verdict(self, key: str, answer: Any) -> Verdict:
        """Check *answer* to question *key* as the grader would, without showing or recording it."""
        return self.bank.check(key, decode(encode(answer)), self.context)

    def check(self, key: str, answer: Any) -> None:
        """Self-check *answer* to question *key*, show ✓/✗ and record the answer.

        The answer is checked as the grader will read it back (after
        encoding), with the module's own check.  ``...`` means not answered.

        Examples
        --------
        >>> import kamlab as kl
        >>> wb = kl.workbook("demo")
        >>> wb.check("q1", "很多")
        ✗ 还不对：q1 的答案类型不对：需要一个数字，收到的是 str。提示：...
        >>> wb.check("q1", wb.load("chains")["store_count"].sum())
        ✓ 正确
        """
        question = self.bank.get(key)
        data = encode(answer)
        seen = decode(data)
        self._answers[key] = seen
        verdict = self.bank.check(key, seen, self.context)
        self._verdicts[key] = verdict
        text = verdict_text(question, verdict, answered=seen is not Ellipsis)
        self._publish({ANSWER_MIME: {"module": self.bank.module, "key": key, "answer": data},
                       "text/plain": text})

    def summary(self) -> pd.DataFrame:
        """A table of every question: prompt, points, self-check score and ✓/✗.

        Examples
        --------
        >>> import kamlab as kl
        >>> kl.workbook("demo", variant=7).summary().iloc[0, 3]
        '未作答'
        """
        rows = []
        for q in self.bank.questions:
            v = self._verdicts.get(q.key)
            if v is None or self._answers.get(q.key, ...) is Ellipsis:
                status, score = _MSG("st_unanswered"), 0.0
            elif v.manual:
                status, score = _MSG("st_manual"), float("nan")
            elif v.ok:
                status, score = _MSG("st_ok"), v.score
            else:
                status, score = _MSG("st_wrong", reason=_strip(v.reason())), v.score
            rows.append((localized(*q.prompt), q.points, score, status))
        cols = [_MSG("col_prompt"), _MSG("col_points"), _MSG("col_score"), _MSG("col_status")]
        table = pd.DataFrame(rows, columns=cols, index=pd.Index(self.bank.keys(), name="key"))
        return table

    def reset(self) -> None:
        """Forget the answers checked so far in this kernel."""
        self._answers.clear()
        self._verdicts.clear()

    def __repr__(self) -> str:
        return _MSG("repr", module=self.module, title=localized(*self.bank.title),
                    trainee=self.trainee or _MSG("nobody"), variant=self.variant,
                    n=len(self.bank.questions), points=self.bank.total_points)


def workbook(bank: QuestionBank | str, *, trainee: str = "", variant: int = 0, language: str = "zh",
             data_file: str | None = None) -> Workbook:
    """Open the workbook of a question bank in a notebook (the notebook's first code cell).

    Sets the kamlab language.  The four keyword arguments are the
    notebook's ``parameters`` cell, which the grader overrides.  Notebooks
    call ``kl.workbook("m02", ...)`` (:func:`kamlab.course.workbook`), which
    finds the course module's bank and calls this function.

    Parameters
    ----------
    bank : QuestionBank or str
        The question bank, or the id of a module whose bank is registered
        (:func:`~kamlab.grading.register_bank`).
    trainee : str
        The trainee's name.
    variant : int
        Data set variant; 0 is the shipped data.
    language : {"zh", "en"}
    data_file : str, optional
        Path of the trainee's own CSV/XLSX, used instead of the module's main
        data set.

    Examples
    --------
    >>> import kamlab as kl
    >>> wb = kl.grading.workbook(kl.course.get_bank("demo"), trainee="王敏", language="en")
    >>> wb
    kamlab workbook demo (Demo module) · trainee 王敏 · data variant 0 · 4 questions, 10 points
    >>> kl.get_language()
    'en'
    """
    bank = as_bank(bank)
    set_language(language)
    context = Context(bank.module, variant=variant, language=language, trainee=str(trainee or ""),
                      data_file=str(data_file) if data_file else None,
                      data_name=bank.datasets[0] if bank.datasets else None)
    return Workbook(bank, context)
