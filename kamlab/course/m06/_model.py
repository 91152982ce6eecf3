"""The decision model of m06: the chain the exercise runs on, the scheme in use, the push plan's line.

Examples
--------
>>> _add_months(dt.date(2026, 11, 1), 3)
datetime.date(2027, 2, 1)
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import numpy as np
import pandas as pd

from ... import incentives
from ..._dates import require_date
from ..._errors import BadValueError
from ..._i18n import localized
from .._shared import resolve_account
from ._case import (_ALL, _REST, _STORE_GROUPS, BASE_MONTHS, CANDIDATES, DEFAULT_SCHEME, MSGS, PILOT_MONTHS,
                    PLAN_START, POLICY_CAP, PRODUCT_CATEGORY, PRODUCT_PRICE)

def sellout_chain(sellout: Any, chains: Any, account: str | None = None) -> str:
    """The chain the exercise runs on: the key account itself.

    Parameters
    ----------
    sellout, chains : DataFrame
        The notebook's ``sellout`` and ``chains`` data.
    account : str, optional
        The key account chosen in m02 (``None``: m02's default, the top
        重点投入 chain), checked with ``kl.course._shared.resolve_account``.

    Returns
    -------
    str
        The key account.  The bundled ``sellout`` holds stores of every chain,
        so it always has data; a trainee's own table without rows of the
        account raises a bilingual error instead of switching to another
        chain silently.

    Raises
    ------
    BadValueError
        The sell-out data has no rows of the account.

    Examples
    --------
    >>> import kamlab as kl
    >>> sellout, chains = kl.datasets.load("sellout"), kl.datasets.load("chains")
    >>> sellout_chain(sellout, chains)
    'C18'
    >>> sellout_chain(sellout, chains, "C25")
    'C25'
    >>> sellout_chain(sellout[sellout["chain_id"] != "C25"], chains, "C25")
    Traceback (most recent call last):
    ...
    kamlab._errors.BadValueError: 门店动销数据（sellout）里没有重点客户 C25 的门店...
    """
    key = resolve_account(account, chains)
    if key not in set(sellout["chain_id"].astype(str)):
        raise BadValueError(
            f"门店动销数据（sellout）里没有重点客户 {key} 的门店。请加载含有 {key} 门店月度数据的表，"
            "或把参数 account 设为数据里有的连锁。",
            f"The sell-out data (sellout) has no stores of the key account {key}. Load a table with the "
            f"monthly rows of {key}'s stores, or set the parameter account to a chain that is in the data.",
            column="chain_id")
    return key


def scheme_or_default(q2: Any) -> Any:  # kept for later modules that show a scheme
    """The trainee's scheme (exercise 2) as a Scheme, or the course's demonstration scheme.

    Examples
    --------
    >>> scheme_or_default(...).basis
    'growth'
    >>> scheme_or_default({"tiers": [{"min_units": 50, "rate": 1}]}).basis
    'units'
    """
    try:
        return incentives.as_scheme(q2)
    except (ValueError, TypeError, AttributeError, IndexError):
        return incentives.as_scheme(DEFAULT_SCHEME)


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    return dt.date(day.year + y, m + 1, 1)


def plan_line(liaison: str, months: int = 3, waves: int = 3, meeting_every: int = 30, *,
              start: str = PLAN_START, name: str = "q1") -> str:
    """The answer line of a push plan: window of *months*, *waves* back-to-back waves, meetings.

    Meetings fall two weeks after the start, then every *meeting_every* days.

    Examples
    --------
    >>> line = plan_line("张伟", months=2, waves=2)
    >>> line
    'q1 = {"liaison": "张伟", "start": "2026-11-01", "end": "2026-12-31", "waves": [{"name": "第1批", "stores": "A 类门店", "start": "2026-11-01", "end": "2026-11-30"}, {"name": "第2批", "stores": "其余门店", "start": "2026-12-01", "end": "2026-12-31"}], "meetings": ["2026-11-15", "2026-12-15"]}'
    >>> import kamlab as kl
    >>> kl.incentives.push_plan(eval(line.split(" = ", 1)[1])).ok
    True
    """
    first = require_date(start, what=("计划开始日期", "plan start"), column="start")
    last = _add_months(first, int(months)) - dt.timedelta(days=1)
    days = (last - first).days + 1
    n = max(int(waves), 1)
    bounds = [first + dt.timedelta(days=round(days * i / n)) for i in range(n + 1)]
    groups = [_ALL] if n == 1 else list(_STORE_GROUPS[: n - 1]) + [_REST]
    wave_list = [{"name": localized(f"第{i + 1}批", f"Wave {i + 1}"),
                  "stores": localized(*groups[i]), "start": bounds[i].isoformat(),
                  "end": (bounds[i + 1] - dt.timedelta(days=1)).isoformat()} for i in range(n)]
    meetings = []
    day = first + dt.timedelta(days=14)
    while day <= last:
        meetings.append(day.isoformat())
        day += dt.timedelta(days=int(meeting_every))
    plan = {"liaison": liaison, "start": first.isoformat(), "end": last.isoformat(), "waves": wave_list,
            "meetings": meetings}
    return f"{name} = {json.dumps(plan, ensure_ascii=False)}"


def pilot_stores(sellout: pd.DataFrame, chains: pd.DataFrame, chain: str) -> list[str]:
    """The chain's pilot stores: its stores in its head-office city (the May–Jul 2026 pilot of the data).

    Examples
    --------
    >>> import kamlab as kl
    >>> len(pilot_stores(kl.datasets.load("sellout"), kl.datasets.load("chains"), "C18"))
    17
    """
    hq = str(chains.set_index("chain_id").at[chain, "hq_city"])
    rows = (sellout["chain_id"].astype(str) == chain) & (sellout["region"].astype(str) == hq)
    return sorted(sellout.loc[rows, "store_id"].astype(str).unique())


def _units(sellout: pd.DataFrame, stores: Any, months: tuple[str, ...]) -> float:
    rows = sellout["store_id"].astype(str).isin(stores) & sellout["month"].astype(str).isin(months)
    return float(sellout.loc[rows, "units_sold"].sum())


def effect_measures(sellout: pd.DataFrame, chains: pd.DataFrame, chain: str) -> dict[str, float]:
    """Four ways to read the pilot (May–Jul vs Feb–Apr 2026); only ``lift`` is the pilot's effect.

    ``naive`` = the pilot stores' own growth (环比, season included); ``season`` = the control stores'
    growth (what the season did); ``chain`` = all the chain's stores; ``lift`` = (1 + naive) ÷ (1 + season)
    − 1, growth over the seasonal baseline.

    Examples
    --------
    >>> import kamlab as kl
    >>> m = effect_measures(kl.datasets.load("sellout"), kl.datasets.load("chains"), "C18")
    >>> {k: round(v, 3) for k, v in m.items()}
    {'lift': 0.118, 'naive': 0.002, 'season': -0.104, 'chain': -0.06}
    """
    pilot = pilot_stores(sellout, chains, chain)
    mine = sellout.loc[sellout["chain_id"].astype(str) == chain, "store_id"].astype(str).unique()
    control = sorted(set(mine) - set(pilot))
    g = {name: _units(sellout, ids, PILOT_MONTHS) / _units(sellout, ids, BASE_MONTHS) - 1
         for name, ids in (("naive", pilot), ("season", control), ("chain", mine))}
    return {"lift": (1 + g["naive"]) / (1 + g["season"]) - 1, **g}


def pilot_result(sellout: pd.DataFrame, chains: pd.DataFrame, chain: str, scheme: Any) -> Any:
    """*scheme* back-tested on the chain's pilot stores against the control stores (the seasonal baseline).

    Examples
    --------
    >>> import kamlab as kl
    >>> res = pilot_result(kl.datasets.load("sellout"), kl.datasets.load("chains"), "C18", full_scheme("B"))
    >>> round(res.season, 3), res.within_cap
    (0.896, True)
    """
    return incentives.simulate(sellout, scheme, chain=chain, pilot=pilot_stores(sellout, chains, chain),
                               period=list(PILOT_MONTHS), baseline=list(BASE_MONTHS))


def full_scheme(letter: str) -> dict[str, Any]:
    """A candidate scheme of exercise 4, completed with payee, category, cap and price."""
    return {**CANDIDATES[letter], "payee": "chain", "category": PRODUCT_CATEGORY, "cost_cap": POLICY_CAP,
            "unit_price": PRODUCT_PRICE}


def candidate_table(sellout: pd.DataFrame, chains: pd.DataFrame, chain: str) -> pd.DataFrame:
    """The four candidate schemes on the pilot: cost, both increments and both cost shares.

    Examples
    --------
    >>> import kamlab as kl
    >>> t = candidate_table(kl.datasets.load("sellout"), kl.datasets.load("chains"), "C18")
    >>> list(t.index), t.columns[-1]
    (['A', 'B', 'C', 'D'], 'share')
    """
    rows = {}
    for letter in CANDIDATES:
        res = pilot_result(sellout, chains, chain, full_scheme(letter))
        naive = res.naive_incremental_sales
        rows[letter] = {"cost": res.total_cost, "naive": naive,
                        "share_naive": res.total_cost / naive if naive > 0 else np.inf,
                        "true": res.incremental_sales, "share": res.cost_share}
    return pd.DataFrame.from_dict(rows, orient="index")


def within_cap(sellout: pd.DataFrame, chains: pd.DataFrame, chain: str, column: str = "share") -> list[str]:
    """The candidates whose cost share (*column*: against the season, or ``share_naive``) is ≤ the cap."""
    t = candidate_table(sellout, chains, chain)
    return [str(k) for k in t.index[(t[column] <= POLICY_CAP + 1e-12).to_numpy()]]


def shown_candidates(sellout: pd.DataFrame, chains: pd.DataFrame, chain: str) -> pd.DataFrame:
    """The candidate table as the notebook shows it (labelled columns, cost shares in %)."""
    t = candidate_table(sellout, chains, chain).round(0)
    keys = {"cost": "cand_cost", "naive": "cand_naive", "share_naive": "cand_share_naive", "true": "cand_true",
            "share": "cand_share"}
    out = t.copy()
    for col in ("share_naive", "share"):
        out[col] = [MSGS("no_growth") if not np.isfinite(x) or x < 0 else f"{x:.0%}"
                    for x in candidate_table(sellout, chains, chain)[col]]
    out.columns = [MSGS(keys[c]) for c in out.columns]
    out.index.name = MSGS("cand_desc")
    return out


_GAPS = (
    (("总部没有专项对接人", "no liaison at the chain's HQ"), ("总部", "HQ"), ("专项对接人", "a named liaison")),
    (("进度跟踪不及时", "progress not followed up"), ("总部", "HQ"), ("门店动销推动计划", "the store push plan")),
    (("问题响应缓慢", "slow response to problems"), ("总部", "HQ"), ("执行协同会", "coordination meetings")),
    (("店员对产品卖点不熟悉", "clerks do not know the selling points"), ("门店", "store"),
     ("场景化培训 / 卖点培训", "scene-based / selling-point training")),
    (("店员销售积极性低", "clerks not motivated"), ("门店", "store"), ("阶梯式激励", "tiered incentive")),
    (("陈列位置不佳", "poor shelf position"), ("门店", "store"), ("陈列优化（m10）", "display (m10)")),
)


def gap_checklist() -> pd.DataFrame:
    """Seed 000 §六 1–2: each execution gap, its level (HQ or store) and the path that closes it.

    Examples
    --------
    >>> gap_checklist().shape
    (6, 3)
    """
    cols = [localized("现象", "symptom"), localized("层面", "level"), localized("路径", "path")]
    return pd.DataFrame([[localized(*c) for c in row] for row in _GAPS], columns=cols)


def pilot_summary(res: Any) -> str:
    """One line: the seasonal factor, the payout and both increments of a back-test on the pilot.

    Examples
    --------
    >>> import kamlab as kl
    >>> res = pilot_result(kl.datasets.load("sellout"), kl.datasets.load("chains"), "C18", full_scheme("B"))
    >>> pilot_summary(res)
    '季节系数 0.896；奖励总额 400 元；季节基线增量 6,883 元；环比增量（含季节）114 元'
    """
    return localized(
        f"季节系数 {res.season:.3f}；奖励总额 {res.total_cost:,.0f} 元；季节基线增量 {res.incremental_sales:,.0f} 元；"
        f"环比增量（含季节）{res.naive_incremental_sales:,.0f} 元",
        f"seasonal factor {res.season:.3f}; payout {res.total_cost:,.0f} yuan; increment over the season "
        f"{res.incremental_sales:,.0f} yuan; quarter-on-quarter increment (season included) "
        f"{res.naive_incremental_sales:,.0f} yuan")
