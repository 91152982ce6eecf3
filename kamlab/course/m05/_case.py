"""m05 case: the module's constants, the key account, the clause data it reads and the seed's tables.

Examples
--------
>>> MIN_TRADEABLE, MIN_ROUNDS, ONE_WAY
(2, 4, ('供货价格/折扣', '回款账期', '返利'))
"""

from __future__ import annotations

import pandas as pd

from ..._i18n import get_language
from .._shared import resolve_account

#: Module id and the data set it negotiates.
MODULE = "m05"
DATASET = "clauses"
#: At least this many clauses must stay tradeable (something to exchange).
MIN_TRADEABLE = 2
#: A role-play log needs at least this many rounds.
MIN_ROUNDS = 4
#: The price terms a traditional, one-way agreement is made of (seed 000 §五 1: "仅约定供货价格、结算周期"),
#: with the rebate: the chips a win-win agreement trades for two-way commitments, never its core.
ONE_WAY = ("供货价格/折扣", "回款账期", "返利")
#: Words a log may use instead of an option label, resolved per clause on the data
#: (so a log stays meaningful against another counterpart): our opening, target,
#: walk-away, and the counterpart's opening (the option they score highest).
KEYWORDS: dict[str, str] = {
    "开价": "opening", "目标": "target", "底线": "walk_away", "对方开价": "their_opening",
    "opening": "opening", "target": "target", "walk_away": "walk_away", "their_opening": "their_opening",
}
#: Columns of a role-play log (as ``kl.negotiation.check_log`` reads it).
LOG_COLUMNS = ("step", "side", "clause", "option")

#: Seed 000 §五 3 谈判小组成立: 主牵头人, departments with roles (a worked example).
TEAM = (
    ("主牵头人", "KA 经理", "定谈判目标和底线，掌控节奏，拍板成交", "Lead", "KA manager",
     "sets goals and walk-aways, runs the talks, closes"),
    ("条款与数据", "销售运营", "准备让步矩阵、历史动销与回款数据（客观标准）", "Terms and data", "sales operations",
     "prepares the concession matrix, sell-out and payment history (objective criteria)"),
    ("活动支持", "市场部", "设计联合活动、店员培训方案，核算投入", "Activity support", "marketing",
     "designs joint activities and staff training, costs them"),
    ("价格与账期", "财务", "核算折扣、返利、账期的成本，守住财务底线", "Price and terms", "finance",
     "costs discounts, rebates and payment terms, guards the financial walk-away"),
)

#: Seed 000 §五 3 推进谈判流程: 准备-开局-磋商-成交-维持, what each stage does in this workbook.
PROCESS = (
    ("准备", "分清核心与可让步条款，建让步矩阵，定开价、目标、底线", "练习 1、2",
     "Prepare", "sort core and tradeable clauses, build the matrix, set opening, target, walk-away", "exercises 1, 2"),
    ("开局", "报出开价，说明双赢的合作意愿，聚焦利益陈述", "练习 6 第 1 轮",
     "Open", "state the opening offer and the win-win intent, talk interests", "exercise 6, round 1"),
    ("磋商", "无交换不让步，识别对方战术并反制", "练习 5、6",
     "Bargain", "no concession without exchange, counter their tactics", "exercises 5, 6"),
    ("成交", "方案守住每条底线和核心条款目标，落在帕累托前沿上", "练习 3、4",
     "Close", "a package inside every walk-away and core target, on the frontier", "exercises 3, 4"),
    ("维持", "按协议跟进执行和复盘（m06、m12）", "m06、m12",
     "Maintain", "follow the agreement up and review it (m06, m12)", "m06, m12"),
)


def key_account(account: str | None, chains: pd.DataFrame) -> str:
    """The key account chosen in m02 (parameter *account*), or the course default.

    Examples
    --------
    >>> import kamlab as kl
    >>> key_account("C03", kl.datasets.load("chains"))
    'C03'
    """
    return resolve_account(account, chains)


def account_label(account: str, chains: pd.DataFrame) -> str:
    """``"C03 某某大药房"``: the chain id and its name (the id alone if there is no name).

    Examples
    --------
    >>> import kamlab as kl
    >>> account_label("C03", kl.datasets.load("chains")).startswith("C03 ")
    True
    """
    if "chain_name" not in chains.columns:
        return str(account)
    names = chains.set_index(chains["chain_id"].astype(str))["chain_name"]
    return f"{account} {names.get(str(account), '')}".strip()


# ---------------------------------------------------------------- decisions
def clause_names(clauses: pd.DataFrame) -> list[str]:
    """The clause names in table order.

    Examples
    --------
    >>> import kamlab as kl
    >>> clause_names(kl.datasets.load("clauses"))[:3]
    ['供货价格/折扣', '回款账期', '年度分销数量']
    """
    return [str(c) for c in pd.unique(clauses["clause"].astype(str))]


def _per_clause(clauses: pd.DataFrame, column: str) -> pd.Series:
    first = clauses.assign(clause=clauses["clause"].astype(str)).drop_duplicates("clause")
    return first.set_index("clause")[column].reindex(clause_names(clauses))


def seed_core(clauses: pd.DataFrame) -> list[str]:
    """The core clauses as the seed names them (the data's ``core`` flag): 动销目标 and 活动支持.

    Examples
    --------
    >>> import kamlab as kl
    >>> seed_core(kl.datasets.load("clauses"))
    ['年度分销数量', '联合活动']
    """
    flags = _per_clause(clauses, "core").astype(str).str.strip().str.lower().isin(("true", "1", "是", "核心"))
    return [n for n, f in flags.items() if f]


def one_way(clauses: pd.DataFrame) -> list[str]:
    """The one-way price terms (:data:`ONE_WAY`) present in *clauses*.

    Examples
    --------
    >>> import kamlab as kl
    >>> one_way(kl.datasets.load("clauses"))
    ['供货价格/折扣', '回款账期', '返利']
    """
    return [n for n in clause_names(clauses) if n in ONE_WAY]


def team_table() -> pd.DataFrame:
    """The negotiation team of seed 000 §五 3 (谈判小组): role, who, job, in the current language.

    Examples
    --------
    >>> team_table().shape
    (4, 3)
    """
    return _table(TEAM, ("角色", "由谁担任", "职责"), ("role", "who", "job"))


def process_table() -> pd.DataFrame:
    """The negotiation process of seed 000 §五 3 (准备-开局-磋商-成交-维持) and where the workbook practises it.

    Examples
    --------
    >>> process_table().iloc[0, 0]
    '准备'
    """
    return _table(PROCESS, ("阶段", "要做的事", "本笔记本"), ("stage", "what to do", "in this workbook"))


def _table(rows: tuple, zh: tuple[str, ...], en: tuple[str, ...]) -> pd.DataFrame:
    k = len(zh)
    pick = slice(0, k) if get_language() == "zh" else slice(k, 2 * k)
    return pd.DataFrame([r[pick] for r in rows], columns=list(zh if get_language() == "zh" else en))
