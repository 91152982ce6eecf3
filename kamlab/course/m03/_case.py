"""The case of m03: the quiz, the picking rules and thresholds, and the key account's tables.

Examples
--------
>>> len(QUIZ), THRESHOLDS, DEFAULT_THRESHOLD
(6, (2, 3, 4), 3)
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..._i18n import Messages, localized
from ..._labels import localize_columns
from ...opportunity import FIT_LEVELS, LOW_MATCH_IMPLICIT, STRONG_PRESSURE, VALUE_BANDS, WEAK_BASE
from .._shared import resolve_account

#: Quiz of exercise 1: key -> (statement zh, statement en, kind, channel).  Each
#: statement names where the information came from (seed 000 §三 2).
QUIZ: dict[str, tuple[str, str, str, str]] = {
    "联合营销活动": ("NKA 总部在高层访谈中提出：明年要做全国性品牌联合营销活动",
                 "An NKA's executives, in an interview: a national joint brand campaign next year", "显性", "总部"),
    "高毛利产品倾斜": ("LKA 采购部门沟通费用诉求时提出：希望向高毛利产品倾斜，提升区域利润",
                 "An LKA's purchasing team, discussing fees: tilt towards high-margin products for "
                 "regional profit", "显性", "总部"),
    "社区健康讲座": ("行业报告显示：区域连锁正靠社区健康讲座给门店引流（客户没有提出）",
                "An industry report: regional chains draw customers to stores with community health "
                "talks (the account did not ask)", "隐性", "外部"),
    "店员卖点话术": ("实地走访发现：店员说不清我们产品的卖点，推荐时没有话术",
                "A store visit: clerks cannot explain our product's selling points", "隐性", "门店"),
    "新品接受度": ("消费者问卷反馈：顾客对新品不熟悉，门店缺少市场接受度的反馈",
               "A consumer survey: shoppers do not know the new product; the stores lack feedback "
               "on its acceptance", "隐性", "门店"),
    "应对竞品促销": ("竞品监测发现：竞品在该连锁做买赠促销，采购已要求我们拿出应对方案",
                "Competitor monitoring: a rival runs buy-one-get-one in the chain; purchasing asked "
                "us for a response", "显性", "外部"),
}

#: The quiz's need names: the keys of the q1 answer, the same in both languages.
DATA_TERMS: tuple[str, ...] = tuple(QUIZ)

#: Rules for picking the 3 opportunities (exercise 5): code -> (zh, en).
RULES: dict[str, tuple[str, str]] = {
    "tool": ("机会洞察工具：先优先落地、再看可行性、再按优先级",
             "the tool: act-now first, feasible first, then by priority"),
    "priority": ("只按优先级（匹配度 × 价值）最高的 3 个",
                 "the 3 with the highest priority (match × value) only"),
    "act_now": ("优先落地象限里按优先级取 3 个（不看可行性）",
                "the top 3 of the act-now quadrant by priority (feasibility ignored)"),
}

#: Thresholds the matrix exercise allows (1 or 5 would put almost every need in one quadrant).
THRESHOLDS: tuple[int, ...] = (2, 3, 4)
#: Course default threshold (the tool's).
DEFAULT_THRESHOLD = 3

#: Doubt rules of ``kl.opportunity.matrix``: code -> (zh, en) short label.
REASONS: dict[str, tuple[str, str]] = {
    "base": ("动销基础薄弱", "weak sell-through base"),
    "pressure": ("竞品压力大", "strong competitor pressure"),
    "implicit": ("隐性需求匹配度低", "implicit need with low match"),
}

_QUADRANTS: dict[str, tuple[str, str]] = {
    "act_now": ("优先落地", "act now"),
    "create_conditions": ("创造条件", "create conditions"),
    "do_alongside": ("顺带执行", "do alongside"),
    "defer": ("暂缓", "defer"),
}
_COMBOS: tuple[tuple[str, str], ...] = tuple((k, c) for k in ("显性", "隐性") for c in ("总部", "门店", "外部"))

#: The "none" entry of the check lists of exercises 2 and 4 (all covered / none doubtful).
NONE = "none"

MSGS = Messages({
    "all_covered": ("（全部覆盖，没有是 0 的格子）", "(all covered, no cell at 0)"),
    "gaps_title": ("勾选采集覆盖图上还是 0 的“类型 × 渠道”格子", "Tick the kind × channel cells still at 0 on the chart"),
    "ticked": ("已勾选 {n} 个。", "{n} ticked."),
    "match": ("匹配度", "match"),
    "value": ("价值", "value"),
    "score_title": ("按上表的证据给每条需求打分：匹配度看“我方匹配能力”，价值看“预计年增量销售额”",
                    "Score each need from the evidence above: match from what it takes us, value from the "
                    "expected annual uplift"),
    "open_scores": ("还有 {n} 条需求没有打完分。", "{n} needs are not fully scored yet."),
    "none_doubtful_opt": ("（优先落地的机会都没有疑点）", "(no act-now opportunity is doubtful)"),
    "doubts_pick": ("勾选优先落地象限里存在疑点的机会", "Tick the doubtful opportunities of the act-now quadrant"),
    "picks_pick": ("勾选 3 个高价值合作机会", "Tick the 3 high-value opportunities"),
    "need_q3": ("先完成练习 3 的评分，这里才会画出你的机会矩阵。",
                "Score the needs in exercise 3 first; your opportunity matrix then shows here."),
    "pick_one": ("请选择", "choose"),
    "combo": ("{kind}·{channel}", "{kind_en} · {channel_en}"),
    "account": ("重点客户：{id} {name}（{type}）", "Key account: {id} {name} ({type})"),
    "threshold": ("高/低门槛", "high/low threshold"),
    "rule": ("选取规则", "picking rule"),
    "no_q3": ("（练习 3 还没有作答，先用课程默认门槛 3 演示。）",
              "(Exercise 3 is not answered yet: showing the course default threshold 3.)"),
    "none_doubtful": ("没有存在疑点的机会。", "No opportunity is doubtful."),
    "doubts_title": ("{account} 的机会与可行性疑点", "{account}: opportunities and feasibility doubts"),
    "picks_title": ("{account} 的机会优先级与选中的 3 个机会", "{account}: opportunity priority and the 3 picks"),
    "picks_x": ("优先级 = 匹配度 × 价值", "priority = match × value"),
    "legend_pick": ("选中", "picked"),
    "legend_rest": ("未选", "not picked"),
    "legend_doubt": ("有疑点（斜线）", "doubtful (hatched)"),
    "text": ("在这里写你的行动……", "Write your action here..."),
    "col_kind": ("需求类型", "kind"),
    "col_score": ("分数", "score"),
    "col_fit": ("需求匹配度：我方匹配能力", "match: what it takes us"),
    "col_uplift": ("机会价值：预计年增量销售额", "value: expected annual uplift"),
    "col_need": ("需求", "need"),
})


def key_account(account: str | None, source: Any) -> str:
    """The key account of this notebook: *account* checked, or the variant's default when None.

    Parameters
    ----------
    account : str, optional
        The ``chain_id`` chosen in m02 (the notebook's ``account`` parameter).
    source : DataFrame or Workbook
        The chains table, or the notebook's workbook (its ``chains`` data set
        is loaded).

    Examples
    --------
    >>> import kamlab as kl
    >>> key_account("C05", kl.datasets.load("chains"))
    'C05'
    >>> key_account(None, kl.grading.workbook("m03")) == key_account(None, kl.datasets.load("chains"))
    True
    """
    chains = source if isinstance(source, pd.DataFrame) else source.load("chains")
    return resolve_account(account, chains)


def account_card(chains: pd.DataFrame, account: str) -> pd.DataFrame:
    """One row describing the key account: name, NKA/LKA, province, stores, cities, sales.

    Examples
    --------
    >>> import kamlab as kl
    >>> account_card(kl.datasets.load("chains"), "C01").shape
    (1, 6)
    """
    cols = ["chain_id", "chain_name", "chain_type", "province", "store_count", "cities_covered",
            "annual_sales"]
    have = [c for c in cols if c in chains.columns]
    row = chains.loc[chains["chain_id"].astype(str) == str(account), have].copy()
    labels = {col: localized(*_CARD[col]) for col in cols}
    return row.rename(columns=labels).set_index(labels["chain_id"])


#: The key account card's column labels: column -> (zh, en).
_CARD: dict[str, tuple[str, str]] = {
    "chain_id": ("客户编号", "id"), "chain_name": ("名称", "name"), "chain_type": ("类型", "type"),
    "province": ("省份", "province"), "store_count": ("门店数", "stores"),
    "cities_covered": ("覆盖城市数", "cities"), "annual_sales": ("年销售额（万元）", "annual sales (10k CNY)"),
}


def needs_by_type(needs: pd.DataFrame, chains: pd.DataFrame) -> pd.DataFrame:
    """Share of NKA and of LKA accounts (%) that have each need, by kind.

    Examples
    --------
    >>> import kamlab as kl
    >>> t = needs_by_type(kl.datasets.load("needs"), kl.datasets.load("chains"))
    >>> list(t.columns)
    ['NKA', 'LKA']
    """
    types = chains.set_index(chains["chain_id"].astype(str))["chain_type"]
    n_type = types.value_counts()
    df = needs.assign(chain_type=needs["account_id"].astype(str).map(types))
    counts = df.drop_duplicates(["account_id", "need"]).groupby(["kind", "need", "chain_type"]).size()
    share = counts.unstack("chain_type").reindex(columns=["NKA", "LKA"]).fillna(0)
    share = (100 * share / n_type.reindex(["NKA", "LKA"]).to_numpy()).round(0).astype(int)
    share = share.sort_values(["kind", "NKA"], ascending=[True, False], kind="stable")
    share.index = share.index.set_names([MSGS("col_kind"), MSGS("col_need")])
    share.columns.name = None
    return share


def example_account(needs: pd.DataFrame, account: str) -> str:
    """An account other than *account* for the worked example (the first other id, sorted).

    Examples
    --------
    >>> import kamlab as kl
    >>> example_account(kl.datasets.load("needs"), "C01")
    'C02'
    """
    ids = sorted(set(needs["account_id"].astype(str).str.strip()) - {str(account)})
    return ids[0] if ids else str(account)


#: The columns of the evidence table of exercise 3.
EVIDENCE_COLUMNS = ("need", "kind", "channel", "source", "fit", "uplift", "base_score", "competitor_pressure")


def evidence_table(needs: pd.DataFrame, account: str) -> pd.DataFrame:
    """The key account's needs with the evidence to score them (no scores), columns in the trainee's language.

    Examples
    --------
    >>> import kamlab as kl
    >>> t = evidence_table(kl.datasets.load("needs"), "C18")
    >>> t.shape, t.columns[4]
    ((8, 8), '我方匹配能力')
    """
    rows = needs[needs["account_id"].astype(str) == str(account)].set_index("need_id")
    return localize_columns(rows[list(EVIDENCE_COLUMNS)])


def rubric_table() -> pd.DataFrame:
    """The course rubric: match from 我方匹配能力, value from the expected annual uplift (a course choice).

    Examples
    --------
    >>> rubric_table().iloc[:, 1].tolist()
    ['≥ 40 万元', '25–40 万元', '15–25 万元', '8–15 万元', '< 8 万元']
    """
    fits = sorted(FIT_LEVELS, key=lambda f: -FIT_LEVELS[f])
    bounds = [*VALUE_BANDS[::-1]]
    unit = localized("万元", "×10k CNY")
    bands = [f"≥ {bounds[0]:g} {unit}"] + [f"{lo:g}–{hi:g} {unit}" for lo, hi in zip(bounds[1:], bounds[:-1])] \
        + [f"< {bounds[-1]:g} {unit}"]
    index = pd.Index([5, 4, 3, 2, 1], name=MSGS("col_score"))
    return pd.DataFrame({MSGS("col_fit"): fits, MSGS("col_uplift"): bands}, index=index)


#: The feasibility cut-offs (course choice; the seed names the evidence, not the numbers).
FEASIBILITY = {"base": WEAK_BASE, "pressure": STRONG_PRESSURE, "implicit": LOW_MATCH_IMPLICIT}
