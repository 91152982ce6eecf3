"""Question banks by module id, without importing the course.

The grading layer sits below :mod:`kamlab.course`, so it never imports a
course module to find a bank.  Whoever has a bank registers it
(:func:`register_bank`); :func:`registered_bank` finds it again by module id.
The course layer registers the bank of every workbook it opens
(``kl.workbook("m02")``); the command line (``kamlab grade m02 ...``) passes
the bank itself.  :func:`as_bank` is what :func:`~kamlab.grading.grade` and
:func:`~kamlab.grading.workbook` call on their first argument: a
:class:`QuestionBank` is used as it is, a module id is looked up here.

Examples
--------
>>> from kamlab.grading import Question, QuestionBank, equals
>>> bank = register_bank(QuestionBank("reg_doc", ("测试", "Test"),
...                                   (Question("q1", 1, ("哪家？", "Which?"), equals("C01")),)))
>>> registered_bank("reg_doc") is bank, as_bank(bank) is bank, as_bank(" Reg_Doc ") is bank
(True, True, True)
>>> registered_bank("reg_dco")
Traceback (most recent call last):
...
kamlab._errors.BadSpecError: 模块 'reg_dco' 的题库还没有登记（是不是 'reg_doc'？）。...
"""

from __future__ import annotations

from .._errors import BadSpecError
from .._problems import did_you_mean
from ._bank import QuestionBank

__all__ = ["register_bank", "registered_bank", "as_bank"]

#: module id -> its question bank (the last one registered wins).
_BANKS: dict[str, QuestionBank] = {}


def register_bank(bank: QuestionBank) -> QuestionBank:
    """Register *bank* under its module id and return it (so ``BANK = register_bank(QuestionBank(...))``).

    A bank registered again under the same module id replaces the earlier one.

    Parameters
    ----------
    bank : QuestionBank

    Returns
    -------
    QuestionBank
        *bank* itself.

    Examples
    --------
    >>> from kamlab.grading import QuestionBank
    >>> register_bank(QuestionBank("reg_empty", ("空", "Empty"), ())).module
    'reg_empty'
    >>> register_bank("m02")
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: 只能登记题库（QuestionBank），收到的是 str。...
    """
    if not isinstance(bank, QuestionBank):
        raise BadSpecError(
            f"只能登记题库（QuestionBank），收到的是 {type(bank).__name__}。",
            f"Only a question bank (QuestionBank) can be registered, got {type(bank).__name__}.")
    _BANKS[bank.module] = bank
    return bank


def registered_bank(module: str) -> QuestionBank:
    """Return the bank registered for *module* (e.g. ``"m02"``).

    Raises
    ------
    kamlab.BadSpecError
        When no bank is registered for *module*: it says how to get one
        (``kl.course.get_bank(module)``, ``kl.workbook(module)``, the command
        line), with the closest registered id as a suggestion.

    Examples
    --------
    >>> from kamlab.grading import QuestionBank
    >>> bank = register_bank(QuestionBank("reg_one", ("一", "One"), ()))
    >>> registered_bank("REG_ONE") is bank
    True
    """
    name = str(module).strip().lower()
    if name in _BANKS:
        return _BANKS[name]
    if str(module) in _BANKS:
        return _BANKS[str(module)]
    zh_hint, en_hint = did_you_mean(name, _BANKS)
    raise BadSpecError(
        f"模块 {module!r} 的题库还没有登记{zh_hint}。评分部分不会自己导入课程模块："
        f"请把题库本身传进来，例如 grade(kl.course.get_bank({name!r}), ...)；"
        f"在 notebook 里用 kl.workbook({name!r}, ...) 打开工作簿；命令行用 kamlab grade {name} ...。",
        f"No question bank is registered for module {module!r}{en_hint}. Grading does not import "
        f"the course modules itself: pass the bank, e.g. grade(kl.course.get_bank({name!r}), ...); "
        f"in a notebook open the workbook with kl.workbook({name!r}, ...); on the command line use "
        f"kamlab grade {name} ...",
        column="module")


def as_bank(bank: QuestionBank | str) -> QuestionBank:
    """*bank* itself when it is a :class:`QuestionBank`, else the bank registered for that module id.

    Examples
    --------
    >>> from kamlab.grading import QuestionBank
    >>> bank = QuestionBank("reg_two", ("二", "Two"), ())
    >>> as_bank(bank) is bank
    True
    """
    if isinstance(bank, QuestionBank):
        return bank
    return registered_bank(bank)
