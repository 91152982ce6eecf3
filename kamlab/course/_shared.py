"""What the course modules share: the key account that runs through the whole course.

In m02 a trainee picks the key account (重点客户) the later modules work on
(m03 needs, m04 service package, m05 agreement, m06 incentives).  A later
notebook takes it as its ``account`` parameter; left at ``None`` it is the
account the default chain rubric ranks first among 重点投入 (invest), computed
on the notebook's own data variant, so a class graded on a hidden variant
still works on a real account of that variant.

Examples
--------
>>> import kamlab as kl
>>> chains = kl.datasets.load("chains")
>>> default_account(chains) in set(chains["chain_id"])
True
>>> resolve_account("C03", chains)
'C03'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._errors import BadValueError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["default_account", "resolve_account"]


def default_account(chains: "pd.DataFrame") -> str:
    """The top-ranked 重点投入 chain under the default chain rubric (top total if none).

    Examples
    --------
    >>> import kamlab as kl
    >>> isinstance(default_account(kl.datasets.load("chains", variant=3)), str)
    True
    """
    from ..screening import CHAIN_RUBRIC, screen

    table = screen(chains, CHAIN_RUBRIC, id_col="chain_id").table
    invest = table[table["quadrant_code"] == "invest"]
    pool = invest if len(invest) else table
    return str(pool.sort_values(["rank"], kind="stable").index[0])


def resolve_account(account: str | None, chains: "pd.DataFrame") -> str:
    """Return *account* checked against the chain list, or the default when ``None``.

    Examples
    --------
    >>> import kamlab as kl
    >>> resolve_account("C99", kl.datasets.load("chains"))
    Traceback (most recent call last):
    ...
    kamlab._errors.BadValueError: 参数 account = 'C99' 不在连锁客户名单中...
    """
    if account is None or str(account).strip() == "":
        return default_account(chains)
    ids = [str(x) for x in chains["chain_id"]]
    account = str(account).strip()
    if account not in ids:
        sample = "、".join(ids[:6])
        raise BadValueError(
            f"参数 account = {account!r} 不在连锁客户名单中。请改成 chains 表里的编号（例如 {sample}），"
            f"或留空（None）使用默认的重点客户。",
            f"Parameter account = {account!r} is not in the chain list. Use an id from the chains table "
            f"(e.g. {', '.join(ids[:6])}) or leave it None for the default key account.",
            column="chain_id")
    return account
