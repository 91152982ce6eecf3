"""Co-visit names in any spelling (Chinese, short Chinese, English, code) and the tables of the model.

:func:`step_code`, :func:`mode_code` and :func:`prep_code` read a step, a mode
or a preparation item however a trainee wrote it; :func:`steps_table`,
:func:`modes_table` and :func:`misconceptions_table` show the model of
:mod:`kamlab.covisit._model` in the current language.

Examples
--------
>>> mode_code("示范"), mode_code("observation"), step_code("总结")
('demonstration', 'observation', 'debrief')
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, localized
from .._problems import did_you_mean
from ._model import MISCONCEPTIONS, MODES, PREPARATION, STEP_NAMES, STEPS

__all__ = ["step_code", "mode_code", "prep_code", "steps_table", "modes_table", "misconceptions_table"]


def _pick(pair: tuple[str, str]) -> str:
    return localized(*pair)


def _key(text: Any) -> str:
    return "".join(str(text).split()).lower()


def _aliases(entries: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_key(name): code for code, names in entries.items() for name in names}


_STEP_ALIASES = _aliases({
    "prepare": ("prepare", "拜访前的准备", "拜访前准备", "准备", "Prepare", "preparation", "step1"),
    "objectives": ("objectives", "设定拜访目标", "设定目标", "拜访目标", "Set objectives", "objective", "step2"),
    "visit": ("visit", "实施拜访", "拜访", "Visit", "step3"),
    "debrief": ("debrief", "拜访后总结", "总结", "复盘", "Debrief", "step4"),
})
_MODE_ALIASES = _aliases({
    "demonstration": ("demonstration", "示范", "示范式", "demo", "示范拜访"),
    "observation": ("observation", "观察", "观察式", "observe", "观察拜访"),
})
_PREP_ALIASES = _aliases({p.code: (p.code, p.zh, p.en) for p in PREPARATION})
_PREP_ALIASES.update(_aliases({
    "customer_info": ("客户资料", "了解客户资料"),
    "customer_issues": ("客户问题", "经销商面临的客户问题"),
    "agree_plan": ("确定时间、方式和对象", "确定时间方式和对象", "时间、方式和对象"),
    "materials": ("物料", "准备物料", "物料准备"),
}))

_STEP_BY_CODE = {s.code: s for s in STEPS}
_MODE_BY_CODE = {m.code: m for m in MODES}
_PREP_BY_CODE = {p.code: p for p in PREPARATION}

MSGS = Messages({
    "err_name": ("{where}'{value}' 不是{kind_zh}{hint_zh}。可选：{listed}。",
                 "{where_en}'{value}' is not {kind_en}{hint_en}. Choose from: {listed_en}."),
    "err_type": ("{where}{kind_zh}应是文字，例如 '{example}'，收到 {value!r}。",
                 "{where_en}{kind_en} must be a text such as '{example}'; got {value!r}."),
    "col_step": ("步骤", "step"),
    "col_todo": ("要做什么", "what to do"),
    "col_mode": ("方式", "mode"),
    "col_purpose": ("目的", "aim"),
    "col_lead": ("谁主导", "who leads"),
    "col_manager": ("厂家经理做什么", "what the manager does"),
    "col_rep": ("经销商业务员做什么", "what the rep does"),
    "col_when": ("什么时候用", "when to use"),
    "col_misconception": ("误区", "misconception"),
    "col_belief": ("错误看法", "mistaken belief"),
    "col_correct": ("正确认识", "correct view"),
    "col_why": ("怎么做", "what to do instead"),
})

_KINDS = {
    "step": ("协访的步骤", "a co-visit step", "拜访前的准备"),
    "mode": ("协访方式（示范 / 观察）", "a co-visit mode (示范 demonstration / 观察 observation)", "示范"),
    "prep": ("准备清单的条目", "a preparation checklist item", "了解拜访客户的详细资料"),
}


def _lookup(value: Any, aliases: dict[str, str], names: list[str], kind: str, where: str, row: Any = None) -> str:
    kind_zh, kind_en, example = _KINDS[kind]
    zh_w = f"{where}：" if where else ""
    en_w = f"{where}: " if where else ""
    if not isinstance(value, str):
        raise BadSpecError(*MSGS.both("err_type", where=zh_w, where_en=en_w, kind_zh=kind_zh, kind_en=kind_en,
                                      example=example, value=value), column=where or kind, row=row)
    code = aliases.get(_key(value))
    if code is not None:
        return code
    hint_zh, hint_en = did_you_mean(value.strip(), names, cutoff=0.3)
    raise BadSpecError(*MSGS.both("err_name", where=zh_w, where_en=en_w, value=value, kind_zh=kind_zh,
                                  kind_en=kind_en, hint_zh=hint_zh, hint_en=hint_en, listed="、".join(names),
                                  listed_en=", ".join(names)), column=where or kind, row=row)


def step_code(value: Any, *, where: str = "") -> str:
    """Return the code of the step named *value* (Chinese, short Chinese, English or code).

    Raises
    ------
    BadSpecError
        For a name that is no step (with a suggestion) or a value that is not text.

    Examples
    --------
    >>> step_code("设定拜访目标"), step_code("Visit")
    ('objectives', 'visit')
    >>> step_code("拜访准备")
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: '拜访准备' 不是协访的步骤（是不是 '拜访前的准备'？）。...
    """
    return _lookup(value, _STEP_ALIASES, list(STEP_NAMES), "step", where)


def mode_code(value: Any, *, where: str = "", row: Any = None) -> str:
    """Return ``"demonstration"`` or ``"observation"`` for a mode in any spelling.

    Examples
    --------
    >>> mode_code("观察式"), mode_code(" Demonstration ")
    ('observation', 'demonstration')
    """
    return _lookup(value, _MODE_ALIASES, [m.zh for m in MODES], "mode", where, row)


def prep_code(value: Any, *, where: str = "", row: Any = None) -> str:
    """Return the code of a preparation checklist item (Chinese, English or code).

    Examples
    --------
    >>> prep_code("物料"), prep_code("了解经销商面临的客户问题")
    ('materials', 'customer_issues')
    """
    return _lookup(value, _PREP_ALIASES, [p.zh for p in PREPARATION], "prep", where, row)


def steps_table() -> Any:
    """The four steps and what to do in each, in the current language.

    Examples
    --------
    >>> t = steps_table()
    >>> t.index.tolist(), t.columns.tolist()
    (['拜访前的准备', '设定拜访目标', '实施拜访', '拜访后总结'], ['要做什么'])
    """
    sep = localized("；", "; ")
    return pd.DataFrame({MSGS.label("col_todo"): [sep.join(_pick(t) for t in s.todo) for s in STEPS]},
                        index=pd.Index([s.name for s in STEPS], name=MSGS.label("col_step")))


def modes_table() -> Any:
    """The two modes side by side: aim, who leads, what manager and rep do, when to use.

    Examples
    --------
    >>> t = modes_table()
    >>> t.columns.tolist(), t.loc["目的", "示范"]
    (['示范', '观察'], '解决问题：解决客户关心的问题')
    """
    fields = ("purpose", "lead", "manager", "rep", "when")
    return pd.DataFrame({m.name: [_pick(getattr(m, f)) for f in fields] for m in MODES},
                        index=pd.Index([MSGS.label(f"col_{f}") for f in fields], name=MSGS.label("col_mode")))


def misconceptions_table() -> Any:
    """The four misconceptions: the mistaken belief, the correct view and what to do instead.

    Examples
    --------
    >>> misconceptions_table().index.tolist()
    ['不是监督', '不抢客户', '不重形式', '不只发货']
    """
    return pd.DataFrame({MSGS.label("col_belief"): [_pick(m.belief) for m in MISCONCEPTIONS],
                         MSGS.label("col_correct"): [_pick(m.correct) for m in MISCONCEPTIONS],
                         MSGS.label("col_why"): [_pick(m.why) for m in MISCONCEPTIONS]},
                        index=pd.Index([m.name for m in MISCONCEPTIONS], name=MSGS.label("col_misconception")))
