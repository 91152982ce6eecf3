"""A short true/false quiz on the four misconceptions (四大误区), with explanations.

Two statements per misconception — one states the mistaken belief, one the
correct practice from the seed's 澄清 — in a mixed order.
:func:`check_quiz` marks each answer and explains it.

Examples
--------
>>> [q.code for q in QUIZ][:3], QUIZ[0].misconception
(['T1', 'T2', 'T3'], 'supervision')
>>> res = check_quiz({"T1": False, "T2": "对", "T3": True, "T4": "错"})
>>> res.n_correct, res.score
(4, 0.5)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import BadSpecError, BadValueError
from .._i18n import Messages, localized
from .._plotting import new_axes, styled
from .._problems import did_you_mean
from .._result import TableResult
from ._model import MISCONCEPTIONS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["QuizItem", "QUIZ", "check_quiz", "QuizResult", "quiz_table"]


@dataclass(frozen=True)
class QuizItem:
    """One true/false statement.

    Attributes
    ----------
    code : str
        ``"T1"`` ... ``"T8"``.
    misconception : str
        Code of the misconception it is about.
    statement : (str, str)
    answer : bool
        True when the statement is right.
    explanation : (str, str)
    """

    code: str
    misconception: str
    statement: tuple[str, str]
    answer: bool
    explanation: tuple[str, str]


#: The eight statements.
QUIZ: tuple[QuizItem, ...] = (
    QuizItem("T1", "supervision",
             ("厂家协访就是来监督经销商业务员的，重点是挑出他们的毛病。",
              "A co-visit is the manufacturer supervising the distributor's rep; the point is to find fault."),
             False,
             ("错。不是监督：协访的目标是共同的市场运作，帮经销商解决销售中的实际问题；以商量、鼓励、就事论事为主，"
              "避免大包大揽、炫耀自我和吹毛求疵。",
              "False. Not supervision: the aim is to run the market together and solve real selling problems; "
              "discuss, encourage and stick to facts — no taking over, showing off or nitpicking.")),
    QuizItem("T2", "supervision",
             ("争取经销商一把手的支持，通过协访帮他的决策层发现业务人员的共性问题，是消除“监督”顾虑的好办法。",
              "Winning the distributor's boss and using co-visits to show management the problems common to its "
              "reps is a good way to remove the fear of supervision."),
             True,
             ("对。做经销商决策层的营销参谋，提出合理化建议，协访就成了经销商自己需要的事。",
              "True. As a marketing adviser to the distributor's management, the co-visit becomes something the "
              "distributor itself needs.")),
    QuizItem("T3", "customers",
             ("用协议明确合作范围和时间，并为经销商提供客户管理工具、信息共享，可以消除他对“抢客户”的担心。",
              "Fixing the scope and term of cooperation in an agreement and sharing a customer management tool "
              "removes the distributor's fear that its customers will be taken."),
             True,
             ("对。不抢客户：协议给经销商安全感，客户推进计划和客户关系管理系统让双方共同经营客户。",
              "True. Not taking customers: the agreement gives security; customer programmes and a shared CRM "
              "let both sides serve the customers together.")),
    QuizItem("T4", "customers",
             ("协访的真正目的是摸清经销商的下游客户，掌握了客户就可以换掉经销商。",
              "The real purpose of a co-visit is to learn the distributor's customers, so the distributor can be "
              "replaced."),
             False,
             ("错。这正是经销商担心的误区。协访是共同经营客户，厂家提供思路、推广和工具，而不是抢资源。",
              "False. That is exactly the distributor's fear. A co-visit serves the customers together; the "
              "manufacturer brings ideas, promotion and tools, not a grab for resources.")),
    QuizItem("T5", "formality",
             ("协同拜访对直接销量没有影响，按公司要求完成次数就行。",
              "Co-visits do not move sales, so just complete the number the company asks for."),
             False,
             ("错。不重形式：协访是相互交流、提升业务能力的手段，要重内容、重过程；区域经理要培训，按流程做，克服随意性。",
              "False. Not a formality: a co-visit exchanges and builds skills; mind content and process, train "
              "the area managers and follow the steps.")),
    QuizItem("T6", "formality",
             ("把协访的重点客户和经销商近期的客户拜访计划结合起来，双方目标一致，就不会在时间和精力上冲突。",
              "Fitting the co-visit's key customers into the distributor's own visit plan keeps the goals aligned "
              "and avoids clashes of time and effort."),
             True,
             ("对。科学、合理地安排协访时间，经销商就不会觉得协访打乱了自己的工作安排。",
              "True. Scheduled sensibly, the co-visit no longer upsets the distributor's own work.")),
    QuizItem("T7", "shipping",
             ("商务渠道管理的核心就是发货和回款，分销质量是经销商自己的事。",
              "Channel management is about shipping and collecting payment; distribution quality is the "
              "distributor's business."),
             False,
             ("错。不只发货：要市场共管、品牌共用、策略共享，从发货回款过渡到分销和分销质量管理。",
              "False. Not only shipping: manage the market, brand and strategy together and move on to "
              "distribution and its quality.")),
    QuizItem("T8", "shipping",
             ("经销商都想做大做强，为他们提供增值的培训服务，是切入经销商实际需求的有效方式。",
              "Distributors want to grow, so value-adding training is an effective way to meet their real needs."),
             True,
             ("对。营销质量的提高也是厂家发货和回款的保障；协访本身就是一种培训。",
              "True. Better selling also secures the manufacturer's shipments and payments; a co-visit is itself "
              "training.")),
)

_BY_CODE = {q.code: q for q in QUIZ}
_TRUE = {"true", "t", "对", "正确", "是", "yes", "y", "√", "✓", "1"}
_FALSE = {"false", "f", "错", "错误", "否", "no", "n", "×", "✗", "0"}

MSGS = Messages({
    "err_answers": ("测验答案应是一个字典 {{'T1': True/False, ...}} 或 {n} 个 True/False 的列表，收到 {type}。",
                    "The quiz answers must be a dict {{'T1': True/False, ...}} or a list of {n} True/False; got {type}."),
    "err_length": ("测验答案列表应有 {n} 项，收到 {got} 项。", "The list of quiz answers must have {n} items; got {got}."),
    "err_key": ("测验没有题目 '{item}'{hint_zh}。题目：{listed}。", "The quiz has no item '{item}'{hint_en}. Items: {listed}."),
    "err_value": ("测验第 {item} 题的答案 {value!r} 无法识别：请写 True（对）或 False（错）。",
                  "Quiz item {item}: answer {value!r} cannot be read: write True or False."),
    "col_statement": ("判断题", "statement"),
    "col_misconception": ("误区", "misconception"),
    "col_given": ("你的答案", "your answer"),
    "col_correct": ("是否正确", "correct"),
    "col_explanation": ("解析", "explanation"),
    "yes": ("对", "true"),
    "no": ("错", "false"),
    "none": ("未答", "not answered"),
    "title": ("四大误区测验：答对 {n}/{total}", "Misconceptions quiz: {n}/{total} right"),
    "xlabel": ("答对题数", "right answers"),
})


def _pick(pair: tuple[str, str]) -> str:
    return localized(*pair)


def _bool(value: Any, key: str) -> bool | None:
    if value is None or value is Ellipsis:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, str):
        k = value.strip().lower()
        if k == "":
            return None
        if k in _TRUE:
            return True
        if k in _FALSE:
            return False
    raise BadValueError(*MSGS.both("err_value", item=key, value=value), column=key, row=key)


def _answers(answers: Any) -> dict[str, bool | None]:
    n = len(QUIZ)
    if isinstance(answers, Mapping):
        out: dict[str, bool | None] = {q.code: None for q in QUIZ}
        for key, value in answers.items():
            code = str(key).strip().upper()
            if code not in _BY_CODE:
                hint_zh, hint_en = did_you_mean(key, _BY_CODE)
                raise BadSpecError(*MSGS.both("err_key", item=key, listed=", ".join(_BY_CODE),
                                              hint_zh=hint_zh, hint_en=hint_en),
                                   column=str(key), row=str(key))
            out[code] = _bool(value, code)
        return out
    if isinstance(answers, (list, tuple)):
        if len(answers) != n:
            raise BadSpecError(*MSGS.both("err_length", n=n, got=len(answers)), column="answers")
        return {q.code: _bool(v, q.code) for q, v in zip(QUIZ, answers)}
    raise BadSpecError(*MSGS.both("err_answers", n=n, type=type(answers).__name__), column="answers")


def quiz_table() -> pd.DataFrame:
    """The statements to judge (no answers), in the current language.

    Examples
    --------
    >>> quiz_table().shape
    (8, 1)
    """
    return pd.DataFrame({MSGS.label("col_statement"): [_pick(q.statement) for q in QUIZ]},
                        index=pd.Index([q.code for q in QUIZ], name=""))


def check_quiz(answers: Any) -> "QuizResult":
    """Mark the quiz: per statement whether the answer is right, with the explanation.

    Parameters
    ----------
    answers : dict or list
        ``{"T1": True/False, ...}`` (also "对"/"错"; missing or None =
        not answered), or a list of 8 values in order.

    Returns
    -------
    QuizResult
        ``.table`` (statement, misconception, given, correct, explanation),
        ``.n_correct``, ``.score`` (share right) and ``.plot()``.

    Raises
    ------
    BadSpecError
        For answers that are not a dict or a list of 8, or an unknown item.
    BadValueError
        For an answer that is not True/False (names the item).

    Examples
    --------
    >>> res = check_quiz([False, True, True, False, False, True, False, True])
    >>> res.n_correct, bool(res.table["correct"].all())
    (8, True)
    """
    given = _answers(answers)
    names = {m.code: m.name for m in MISCONCEPTIONS}

    def label(v: bool | None) -> str:
        return MSGS.label("none") if v is None else MSGS.label("yes" if v else "no")

    table = pd.DataFrame({
        "statement": [_pick(q.statement) for q in QUIZ],
        "misconception": [names[q.misconception] for q in QUIZ],
        "given": [label(given[q.code]) for q in QUIZ],
        "correct": [given[q.code] is not None and given[q.code] == q.answer for q in QUIZ],
        "explanation": [_pick(q.explanation) for q in QUIZ],
    }, index=pd.Index([q.code for q in QUIZ], name="item"))
    n = int(table["correct"].sum())
    return QuizResult(table=table, n_correct=n, score=n / len(QUIZ))


@dataclass(frozen=True)
class QuizResult(TableResult):
    """The marked quiz (see :func:`check_quiz`).

    Attributes
    ----------
    table : DataFrame
        Per statement: statement, misconception, given, correct, explanation.
    n_correct : int
    score : float
        Share of right answers, 0–1.
    """

    n_correct: int = 0
    score: float = 0.0

    def plot(self, ax: "Axes | None" = None, **kwargs: Any) -> "Axes":
        """Right answers per misconception (out of 2).

        Examples
        --------
        >>> check_quiz({"T1": False}).plot().get_title()
        '四大误区测验：答对 1/8'
        """
        return _bars(self, ax)


@styled
def _bars(res: QuizResult, ax: "Axes | None") -> "Axes":
    fig, ax = new_axes(ax, figsize=(7.0, 3.0))
    per = res.table.groupby("misconception", sort=False)["correct"].agg(["sum", "size"])
    y = np.arange(len(per))
    ax.barh(y, per["size"], color="#eeeeee", height=0.55)
    ax.barh(y, per["sum"], color="#2e7d32", height=0.55)
    ax.set_yticks(y)
    ax.set_yticklabels(per.index.tolist())
    ax.set_ylim(len(per) - 0.5, -0.5)
    ax.set_xticks(range(int(per["size"].max()) + 1))
    ax.set_xlabel(MSGS.label("xlabel"))
    ax.set_title(MSGS("title", n=res.n_correct, total=len(res.table)))
    return ax
