"""m01 case: the module id, the course date, the number of blind spots, the seed's work tasks.

m01 has no bundled data: the answers are the trainee's own.  Exercise 2 is
grounded in the seed's own words: 岗位价值三维度 lists what each dimension
is made of — 客户价值挖掘（需求洞察、机会捕捉）、内部资源协同（跨部门联动、
资源整合）、动销结果保障（执行推动、复盘优化） — and :data:`TASKS` gives
one piece of everyday work for each of those six parts.

Examples
--------
>>> MODULE, TODAY, K
('m01', '2026-11-01', 2)
>>> TASKS["组建项目团队"].part, TASKS["组建项目团队"].dimension
('跨部门联动', 'resources')
"""

from __future__ import annotations

from dataclasses import dataclass

from ..._dates import COURSE_TODAY

#: Module id.
MODULE = "m01"
#: Fixed course date for due-date checks (the same course day as m07), so outputs
#: and grades never depend on the day the notebook runs.
TODAY = COURSE_TODAY.isoformat()
#: The seed's number of core blind spots (2 个核心盲区).
K = 2


@dataclass(frozen=True)
class Task:
    """One piece of a key-account manager's work, and the part of a value dimension it is (seed 000 §一 3).

    Attributes
    ----------
    zh, en : str
        What the manager does.
    part : str
        The seed's word for it under 岗位价值三维度 (需求洞察, 机会捕捉, 跨部门联动, 资源整合, 执行推动, 复盘优化).
    dimension : str
        Code of the dimension that part belongs to in the seed (value / resources / results).
    """

    zh: str
    en: str
    part: str
    dimension: str


#: Exercise 2: six pieces of work, one per part the seed names under each dimension (key -> Task).
#: The keys are the same in both languages (they are the answer's keys).
TASKS: dict[str, Task] = {
    "高层访谈": Task("约连锁总部高层访谈，弄清它的战略规划和年度目标",
                 "Interview the chain's executives on their strategy and annual targets", "需求洞察", "value"),
    "推动总部下发": Task("派专项对接人，推动连锁总部把陈列和店员培训要求下发到门店",
                   "Assign a liaison who gets the chain's HQ to pass display and clerk-training rules to "
                   "its stores", "执行推动", "results"),
    "组建项目团队": Task("约市场部、品牌部、销售部一起开会，组建大客户合作项目团队",
                   "Meet marketing, brand and sales to form the key-account project team", "跨部门联动", "resources"),
    "月度数据复盘": Task("每月看铺货率、动销率，找出异常门店的原因并调整方案",
                   "Each month, read distribution and sell-through rates, find why stores fall behind and "
                   "adjust the plan", "复盘优化", "results"),
    "捕捉合作机会": Task("走访门店时发现店员说不清卖点，把卖点培训提成一个合作机会点",
                   "On store visits, clerks cannot explain the selling points: turn clerk training into a "
                   "cooperation opportunity", "机会捕捉", "value"),
    "打包服务包": Task("把市场费用、品牌物料和销售政策打包成给连锁的一体化服务包",
                  "Bundle marketing budget, brand materials and sales terms into one service package for "
                  "the chain", "资源整合", "resources"),
}


#: 角色迷失: the service role and the business role side by side (seed 000 §一 1): row -> (服务者, 经营者), zh and en.
ROLES: dict[tuple[str, str], tuple[tuple[str, str], tuple[str, str]]] = {
    ("定位", "Role"): (("维护关系、满足客户提出的要求", "keep the relationship, do what the account asks"),
                     ("和客户一起把生意做大", "grow the business together with the account")),
    ("核心职责", "Core duties"): (("签协议、送货、结算、处理投诉", "sign, deliver, settle, handle complaints"),
                              ("选客户、找机会、整合资源、谈双赢协议、推动销、看数据",
                               "pick accounts, find opportunities, pool resources, negotiate win-win, push "
                               "sell-through, read the data")),
    ("关注点", "Looks at"): (("协议签了没有、客户满不满意", "is it signed, is the account happy"),
                          ("货卖出去没有、赚没赚钱、过程哪一环断了",
                           "does it sell through, does it make money, where does the process break")),
    ("考核", "Measured by"): (("签约量、回款", "agreements signed, payments collected"),
                            ("动销、利润、过程指标（铺货率、动销率……）",
                             "sell-through, profit, process KPIs such as distribution and sell-through rate")),
}
