"""The full-cycle model (全周期经营): six stages, three value dimensions, stage names.

The seed (000 §一) names six stages in a fixed order — 合作客户精准筛选 →
信息收集与机会洞察 → 策略制定与资源整合 → 双赢协议谈判 → 终端动销执行 →
核心数据复盘 — and three value dimensions of the key-account role:
客户价值挖掘 (需求洞察、机会捕捉), 内部资源协同 (跨部门联动、资源整合) and
动销结果保障 (执行推动、复盘优化).

The seed does not say which stage serves which dimension.  The course reads
it as follows (a course choice, shown in m01 as such and never graded;
``Stage.dimension`` holds it, :func:`stages_table` shows it only when asked):

* 客户价值挖掘: screening (which accounts are worth it) and insight (which
  needs and opportunities) — 需求洞察、机会捕捉;
* 内部资源协同: strategy (the integrated resource package of marketing,
  brand and sales) and negotiation (a cross-department negotiating team
  binding those resources into two-way commitments) — 跨部门联动、资源整合;
* 动销结果保障: execution (HQ push and store enablement) and review (data
  review and optimisation) — 执行推动、复盘优化.

Each stage's core task, output and KPI are taken from the seed's later
sections (§二–§七), where the stage is taught.

A stage may be named by its Chinese name (``"合作客户精准筛选"``), a short
Chinese name (``"客户筛选"``), its English name or its code
(``"screening"``); :func:`stage_code` reads any of them.

Examples
--------
>>> [s.code for s in STAGES]
['screening', 'insight', 'strategy', 'negotiation', 'execution', 'review']
>>> stage_code("双赢协议谈判"), stage_code("Review"), stage_code("客户筛选")
('negotiation', 'review', 'screening')
>>> DIMENSIONS[2].zh, DIMENSIONS[2].stages
('动销结果保障', ('execution', 'review'))
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, localized
from .._problems import did_you_mean

__all__ = ["Stage", "Dimension", "STAGES", "DIMENSIONS", "STAGE_NAMES", "stage_code", "stage",
           "dimension", "dimension_code", "stages_table", "dimensions_table"]


@dataclass(frozen=True)
class Stage:
    """One stage of the full cycle.

    Attributes
    ----------
    code : str
        Stable English identifier (``"screening"`` ...).
    order : int
        Position in the cycle, 1–6.
    zh, en : str
        The stage's name.
    short : str
        A short Chinese name (``"客户筛选"``).
    task, output, kpi : (str, str)
        Core task (核心任务), output (输出成果) and KPI (考核指标), Chinese and English.
    dimension : str
        Code of the value dimension the stage serves.
    module : str
        The course module that teaches the stage.
    """

    code: str
    order: int
    zh: str
    en: str
    short: str
    task: tuple[str, str]
    output: tuple[str, str]
    kpi: tuple[str, str]
    dimension: str
    module: str

    @property
    def name(self) -> str:
        """The name in the current language."""
        return localized(self.zh, self.en)


@dataclass(frozen=True)
class Dimension:
    """One value dimension of the key-account role (岗位价值三维度).

    Attributes
    ----------
    code : str
    zh, en : str
    focus : (str, str)
        What it means (the seed's words in brackets).
    stages : tuple of str
        Codes of the stages that serve it, in cycle order.
    """

    code: str
    zh: str
    en: str
    focus: tuple[str, str]
    stages: tuple[str, ...]

    @property
    def name(self) -> str:
        """The name in the current language."""
        return localized(self.zh, self.en)


#: The six stages, in cycle order.
STAGES: tuple[Stage, ...] = (
    Stage("screening", 1, "合作客户精准筛选", "Account screening", "客户筛选",
          ("按合作潜力、利润贡献、动销基础三维标准筛选连锁客户，四象限分层，锁定高价值客户",
           "Screen chain accounts on cooperation potential, profit contribution and sell-through base; "
           "tier them in four quadrants and lock in the high-value ones"),
          ("客户分层清单（重点投入 / 培育优化 / 维持收益 / 精简调整）",
           "Tiered account list (invest / cultivate / maintain / streamline)"),
          ("重点投入客户的资源占比、重点客户销售增长率",
           "Share of resources on invest-tier accounts; sales growth of key accounts"),
          "value", "m02"),
    Stage("insight", 2, "信息收集与机会洞察", "Information and opportunity insight", "机会洞察",
          ("从总部、门店、外部多渠道收集信息，挖掘显性与隐性需求，找准合作机会点",
           "Gather information through HQ, store and external channels; uncover explicit and implicit "
           "needs; find the cooperation opportunities"),
          ("客户需求清单与 3 个高价值合作机会", "Needs list and 3 high-value opportunities"),
          ("信息渠道覆盖数、高价值机会落地率", "Channels covered; share of high-value opportunities carried out"),
          "value", "m03"),
    Stage("strategy", 3, "策略制定与资源整合", "Strategy and resource integration", "资源整合",
          ("按需求制定动销策略，联动市场部、品牌部、销售部资源，组建跨部门合作小组",
           "Set the sell-through strategy from the needs; pool marketing, brand and sales resources in a "
           "cross-department team"),
          ("一体化服务包（项目负责人、资源组合、执行节点、责任人）",
           "Integrated service package (project owner, resources, milestones, responsible persons)"),
          ("资源投入产出比、服务包节点按期完成率", "Return on resources; share of package milestones on time"),
          "resources", "m04"),
    Stage("negotiation", 4, "双赢协议谈判", "Win-win agreement negotiation", "协议谈判",
          ("用原则谈判把新品铺货、联合活动、店员培训、数据反馈纳入双向约束，无交换不让步",
           "Negotiate on principles so new-product distribution, joint activities, clerk training and data "
           "feedback become two-way commitments; no concession without exchange"),
          ("含动销目标与双向约束条款的双赢协议", "Win-win agreement with sell-through targets and two-way clauses"),
          ("协议中动销条款数、核心条款达成率", "Sell-through clauses in the agreement; core clauses achieved"),
          "resources", "m05"),
    Stage("execution", 5, "终端动销执行", "Store execution", "动销执行",
          ("总部推动（专项对接人、推动计划、协同会）与门店赋能（场景化培训、阶梯式激励、陈列、促销）",
           "HQ push (liaison, push plan, coordination meetings) and store enablement (training, tiered "
           "incentives, display, promotion)"),
          ("门店动销推动计划与合规激励方案", "Store push plan and compliant incentive scheme"),
          ("铺货率、动销率、店员推荐率", "Distribution rate, sell-through rate, clerk recommendation rate"),
          "results", "m06"),
    Stage("review", 6, "核心数据复盘", "Core data review", "数据复盘",
          ("监测铺货率、动销率、库存周转率、店员推荐率，标注异常点，按根因链深挖并优化",
           "Track distribution, sell-through, inventory turnover and clerk recommendation; flag anomalies; "
           "follow the root-cause chain and fix"),
          ("复盘报告：异常点、根因链、2 项优化方案", "Review report: anomalies, root-cause chain, 2 fixes"),
          ("异常问题闭环率、优化方案按期完成率", "Share of anomalies closed; share of fixes done on time"),
          "results", "m07"),
)

#: The three value dimensions, each with the stages that serve it.
DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("value", "客户价值挖掘", "Customer value discovery", ("需求洞察、机会捕捉", "need insight, opportunity capture"),
              ("screening", "insight")),
    Dimension("resources", "内部资源协同", "Internal resource coordination",
              ("跨部门联动、资源整合", "cross-department work, resource integration"), ("strategy", "negotiation")),
    Dimension("results", "动销结果保障", "Sell-through results", ("执行推动、复盘优化", "execution push, review and optimise"),
              ("execution", "review")),
)

#: Chinese stage names in cycle order.
STAGE_NAMES: tuple[str, ...] = tuple(s.zh for s in STAGES)

_BY_CODE = {s.code: s for s in STAGES}
_DIM_BY_CODE = {d.code: d for d in DIMENSIONS}


def _key(text: str) -> str:
    return "".join(str(text).split()).lower()


_ALIASES: dict[str, str] = {}
for _s in STAGES:
    for _name in (_s.code, _s.zh, _s.en, _s.short, f"stage{_s.order}"):
        _ALIASES[_key(_name)] = _s.code
_ALIASES.update({_key(k): v for k, v in {
    "客户精准筛选": "screening", "合作客户筛选": "screening", "信息收集": "insight", "机会洞察": "insight",
    "策略制定": "strategy", "双赢协议": "negotiation", "谈判": "negotiation", "终端执行": "execution",
    "动销执行": "execution", "数据复盘": "review", "复盘": "review"}.items()})

_DIM_ALIASES: dict[str, str] = {}
for _d in DIMENSIONS:
    for _name in (_d.code, _d.zh, _d.en):
        _DIM_ALIASES[_key(_name)] = _d.code

MSGS = Messages({
    "err_stage": (
        "{where}'{value}' 不是全周期经营的环节{hint_zh}。六个环节：{listed}。",
        "{where_en}'{value}' is not a stage of the full cycle{hint_en}. The six stages: {listed_en}."),
    "err_stage_type": (
        "{where}环节名称应是文字，例如 '合作客户精准筛选'，收到 {value!r}。",
        "{where_en}a stage name must be a text such as '合作客户精准筛选' (or 'screening'); got {value!r}."),
    "err_dimension": (
        "{where}'{value}' 不是岗位价值维度{hint_zh}。三个维度：{listed}。",
        "{where_en}'{value}' is not a value dimension{hint_en}. The three dimensions: {listed_en}."),
    "col_stage": ("环节", "stage"),
    "col_task": ("核心任务", "core task"),
    "col_output": ("输出成果", "output"),
    "col_kpi": ("考核指标", "KPI"),
    "col_dimension": ("课程归类（价值维度）", "course reading (value dimension)"),
    "col_dimension_short": ("价值维度", "value dimension"),
    "col_parts": ("包括", "made of"),
    "col_module": ("课程模块", "module"),
})


def _suggest(value: Any, names: list[str]) -> str | None:
    close = difflib.get_close_matches(str(value), names, n=1, cutoff=0.4)
    return close[0] if close else None


def stage_code(value: Any, *, where: str = "") -> str:
    """Return the code of the stage named *value* (any accepted spelling).

    Parameters
    ----------
    value : str
        A stage's Chinese name, short name, English name or code.
    where : str
        Where the name was found (shown in the error), e.g. ``"scores"``.

    Raises
    ------
    BadSpecError
        For a name that is no stage (with the closest stage as a suggestion)
        or a value that is not text.

    Examples
    --------
    >>> stage_code(" 终端动销执行 ")
    'execution'
    >>> stage_code("终端动销")
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: '终端动销' 不是全周期经营的环节（是不是 '终端动销执行'？）。...
    """
    zh_w = f"{where} 中的 " if where else ""
    en_w = f"In {where}: " if where else ""
    if not isinstance(value, str):
        raise BadSpecError(*MSGS.both("err_stage_type", where=zh_w, where_en=en_w, value=value),
                           column=where or "stage")
    code = _ALIASES.get(_key(value))
    if code is not None:
        return code
    names = list(STAGE_NAMES) + [s.code for s in STAGES] + [s.en for s in STAGES]
    close = _suggest(value.strip(), names)
    # whichever spelling was close, suggest the stage's Chinese name
    hint_zh, hint_en = did_you_mean(_BY_CODE[_ALIASES[_key(close)]].zh, STAGE_NAMES) if close else ("", "")
    raise BadSpecError(*MSGS.both("err_stage", where=zh_w, where_en=en_w, value=value, hint_zh=hint_zh,
                                  hint_en=hint_en, listed="、".join(STAGE_NAMES),
                                  listed_en=", ".join(f"{s.zh} ({s.code})" for s in STAGES)),
                       column=where or "stage", row=value)


def stage(value: Any) -> Stage:
    """Return the :class:`Stage` named *value*.

    Examples
    --------
    >>> stage("insight").kpi[0]
    '信息渠道覆盖数、高价值机会落地率'
    """
    return _BY_CODE[stage_code(value)]


def dimension_code(value: Any, *, where: str = "") -> str:
    """Return the code of the value dimension named *value* (Chinese, English or code).

    Examples
    --------
    >>> dimension_code("内部资源协同"), dimension_code("Sell-through results")
    ('resources', 'results')
    """
    zh_w = f"{where} 中的" if where else ""
    en_w = f"In {where}: " if where else ""
    code = _DIM_ALIASES.get(_key(value)) if isinstance(value, str) else None
    if code is not None:
        return code
    names = [d.zh for d in DIMENSIONS] + [d.en for d in DIMENSIONS]
    hint_zh, hint_en = did_you_mean(value, names, cutoff=0.4) if isinstance(value, str) else ("", "")
    raise BadSpecError(*MSGS.both("err_dimension", where=zh_w, where_en=en_w, value=value, hint_zh=hint_zh,
                                  hint_en=hint_en, listed="、".join(d.zh for d in DIMENSIONS),
                                  listed_en=", ".join(f"{d.zh} ({d.en})" for d in DIMENSIONS)),
                       column=where or "dimension", row=value)


def dimension(value: Any) -> Dimension:
    """Return the :class:`Dimension` named *value*, or the one a stage serves.

    Examples
    --------
    >>> dimension("客户价值挖掘").stages
    ('screening', 'insight')
    >>> dimension(stage("双赢协议谈判").dimension).zh
    '内部资源协同'
    """
    return _DIM_BY_CODE[dimension_code(value)]


def stages_table(*, dimension: bool = False) -> Any:
    """The six stages as a table: core task, output, KPI and module (明确岗位各环节核心任务、输出成果与考核指标).

    Labels and texts follow the current language; the index is the stage's
    name in the current language.

    Parameters
    ----------
    dimension : bool
        Add the column 课程归类 (the course's reading of the value dimension a
        stage mainly serves; the seed does not state it).  Default False.

    Examples
    --------
    >>> t = stages_table()
    >>> t.index.tolist()[0], t.columns.tolist()
    ('合作客户精准筛选', ['核心任务', '输出成果', '考核指标', '课程模块'])
    >>> stages_table(dimension=True).columns.tolist()[-1]
    '课程归类（价值维度）'
    """
    index = pd.Index([localized(s.zh, s.en) for s in STAGES], name=MSGS.label("col_stage"))
    table = pd.DataFrame({
        MSGS.label("col_task"): [localized(*s.task) for s in STAGES],
        MSGS.label("col_output"): [localized(*s.output) for s in STAGES],
        MSGS.label("col_kpi"): [localized(*s.kpi) for s in STAGES],
        MSGS.label("col_module"): [s.module for s in STAGES],
    }, index=index)
    if dimension:
        table[MSGS.label("col_dimension")] = [_DIM_BY_CODE[s.dimension].name for s in STAGES]
    return table


def dimensions_table() -> Any:
    """The seed's three value dimensions and the parts each is made of (岗位价值三维度).

    Examples
    --------
    >>> dimensions_table()
                包括
    价值维度
    客户价值挖掘   需求洞察、机会捕捉
    内部资源协同  跨部门联动、资源整合
    动销结果保障   执行推动、复盘优化
    """
    index = pd.Index([d.name for d in DIMENSIONS], name=MSGS.label("col_dimension_short"))
    return pd.DataFrame({MSGS.label("col_parts"): [localized(*d.focus) for d in DIMENSIONS]}, index=index)
