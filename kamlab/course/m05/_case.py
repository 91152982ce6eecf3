"""m05 case: the module's constants, the key account and the clause data it reads.

Examples
--------
>>> CORE_TOP, MIN_TRADEABLE, MIN_ROUNDS
(3, 2, 4)
"""

from __future__ import annotations

import pandas as pd

from .._shared import resolve_account

#: Module id and the data set it negotiates.
MODULE = "m05"
DATASET = "clauses"
#: Course rule of exercise 1: our 3 most important clauses (by our weight) are core.
CORE_TOP = 3
#: At least this many clauses must stay tradeable (something to exchange).
MIN_TRADEABLE = 2
#: A role-play log needs at least this many rounds.
MIN_ROUNDS = 4
#: Words a log may use instead of an option label, resolved per clause on the data
#: (so a log stays meaningful against another counterpart): our opening, target,
#: walk-away, and the counterpart's opening (the option they score highest).
KEYWORDS: dict[str, str] = {
    "开价": "opening", "目标": "target", "底线": "walk_away", "对方开价": "their_opening",
    "opening": "opening", "target": "target", "walk_away": "walk_away", "their_opening": "their_opening",
}
#: Columns of a role-play log (as ``kl.negotiation.check_log`` reads it).
LOG_COLUMNS = ("step", "side", "clause", "option")


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
    ['供货价格/折扣', '回款账期', '新品进场率']
    """
    return [str(c) for c in pd.unique(clauses["clause"].astype(str))]


def _per_clause(clauses: pd.DataFrame, column: str) -> pd.Series:
    first = clauses.assign(clause=clauses["clause"].astype(str)).drop_duplicates("clause")
    return first.set_index("clause")[column].reindex(clause_names(clauses))
