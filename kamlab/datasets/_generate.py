"""Seeded generators of the bundled data sets (variant 0 is what ships as CSV).

Each data set has one generator, seeded by ``(name, variant)`` through
:func:`numpy.random.default_rng`, so a variant is the same table on every
machine.  Every variant tells the same story with other numbers: in
``sellout`` the five planted problems are always present, carried by chains
picked by a seeded permutation (see :func:`planted`).  All names of chains and
hospitals are fictional; the cities are real cities of 华东.

Examples
--------
>>> df = generate("chains", 0)
>>> df.shape, df["chain_id"].iloc[0]
((36, 19), 'C01')
>>> generate("chains", 1)["store_count"].equals(df["store_count"])
False
>>> sorted(planted("sellout", 0))
['clerk_drop', 'inventory_piling', 'latest_month_drop', 'low_sell_through', 'poor_distribution']
"""

from __future__ import annotations

import pandas as pd

from ._gen_accounts import CITIES, _chains, _doctors
from ._gen_needs_clauses import _clauses, _needs
from ._gen_random import rng_for
from ._gen_retail import RETAIL_LAG_MONTHS, RETAIL_MONTHS, RETAIL_SEASON, _retail_plan, _retail_sales
from ._gen_sellout import MONTHS, PROBLEMS, SEASON, _sellout, _sellout_plan
from ._schema import coerce

__all__ = ["NAMES", "PROBLEMS", "MONTHS", "RETAIL_MONTHS", "RETAIL_LAG_MONTHS", "RETAIL_SEASON", "SEASON", "CITIES",
           "rng_for", "planted", "generate"]

NAMES = ("chains", "doctors", "needs", "clauses", "sellout", "retail_sales")


def planted(name: str, variant: int = 0) -> dict[str, str]:
    """Which account carries each planted problem of data set *name*, variant *variant*.

    Computed from the same seed as the data (not a stored answer table).
    ``sellout`` has five planted problems; ``retail_sales`` has one (which
    category of ABC零售 falls behind target in the latest quarter); the other
    data sets return ``{}``.

    Examples
    --------
    >>> p = planted("sellout", 0)
    >>> len(set(p.values())), p == planted("sellout", 0), p == planted("sellout", 1)
    (5, True, False)
    >>> planted("chains", 0)
    {}
    """
    if name == "retail_sales":
        return dict(_retail_plan(variant)[1])
    if name != "sellout":
        return {}
    return dict(_sellout_plan(variant)[2])


_GENERATORS = {"chains": _chains, "doctors": _doctors, "needs": _needs, "clauses": _clauses,
               "sellout": _sellout, "retail_sales": _retail_sales}


def generate(name: str, variant: int = 0) -> pd.DataFrame:
    """Generate data set *name*, variant *variant* (0 is the shipped CSV).

    Parameters
    ----------
    name : str
        One of ``chains``, ``doctors``, ``needs``, ``clauses``, ``sellout``,
        ``retail_sales``.
    variant : int
        Seed variant, ``>= 0``.  The same variant always gives the same table.

    Returns
    -------
    DataFrame
        Columns and dtypes of the data set's schema.

    Examples
    --------
    >>> generate("sellout", 2).shape
    (12672, 11)
    >>> generate("clauses", 0)["clause"].nunique()
    8
    """
    return coerce(_GENERATORS[name](int(variant)), name)
