"""Loading the bundled data sets: names, load, data dictionary.

Variant 0 of every data set is the CSV shipped in the package
(``kamlab.datasets.data``); variants ``>= 1`` come from the same seeded
generator (:mod:`kamlab.datasets._generate`): same columns and dtypes, other
numbers.  Options are keyword-only, like scikit-learn's loaders.

Examples
--------
>>> names()
['chains', 'doctors', 'needs', 'clauses', 'sellout', 'retail_sales']
>>> df = load("chains")
>>> df.shape, str(df["chain_id"].dtype), df.attrs["columns"]["store_count"]["中文名"]
((36, 19), 'str', '门店数')
"""

from __future__ import annotations

import difflib
import io
from functools import lru_cache
from importlib import resources
from numbers import Integral
from typing import Any

import pandas as pd

from .._errors import BadSpecError, BadValueError
from . import _generate
from ._schema import SCHEMAS, pandas_dtypes

DATA_PACKAGE = "kamlab.datasets.data"
DICTIONARY_COLUMNS = ("column", "中文名", "unit", "meaning")


def names() -> list[str]:
    """Return the names of the bundled data sets.

    Returns
    -------
    list of str
        ``chains`` (m02, m09), ``doctors`` (m11), ``needs`` (m03),
        ``clauses`` (m05), ``sellout`` (m07) and ``retail_sales`` (m12).

    Examples
    --------
    >>> import kamlab as kl
    >>> kl.datasets.names()
    ['chains', 'doctors', 'needs', 'clauses', 'sellout', 'retail_sales']
    """
    return list(_generate.NAMES)


def check_name(name: Any) -> str:
    """The bundled data set *name* names (case and spaces forgiven), or a bilingual BadSpecError.

    Examples
    --------
    >>> check_name(" Chains ")
    'chains'
    >>> check_name("chain")
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: 没有名为 'chain' 的数据集。是不是 'chains'？可用的数据集：...
    """
    if isinstance(name, str) and name in _generate.NAMES:
        return name
    text = str(name).strip().lower()
    if text in _generate.NAMES:
        return text
    close = difflib.get_close_matches(text, _generate.NAMES, n=1, cutoff=0.5)
    listed = "、".join(_generate.NAMES)
    listed_en = ", ".join(_generate.NAMES)
    hint_zh = f"是不是 '{close[0]}'？" if close else ""
    hint_en = f" Did you mean '{close[0]}'?" if close else ""
    raise BadSpecError(
        f"没有名为 {name!r} 的数据集。{hint_zh}可用的数据集：{listed}。",
        f"There is no data set named {name!r}.{hint_en} Available data sets: {listed_en}.",
        column="name")


def _check_variant(variant: Any) -> int:
    if isinstance(variant, bool) or not isinstance(variant, Integral) or variant < 0:
        raise BadValueError(
            f"variant 必须是 ≥ 0 的整数（0 是随包提供的数据），收到 {variant!r}。请改为 0、1、2 这样的整数。",
            f"variant must be a whole number >= 0 (0 is the shipped data), got {variant!r}. "
            "Use 0, 1, 2, ...",
            column="variant")
    return int(variant)


def _read_text(filename: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(filename).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _dictionary_frame(name: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(_read_text(f"{name}.dictionary.csv")), dtype=str,
                       keep_default_na=False)


def dictionary(name: str) -> pd.DataFrame:
    """Return the data dictionary of data set *name* (one row per column).

    Parameters
    ----------
    name : str
        A name from :func:`names`.

    Returns
    -------
    DataFrame
        Columns ``column, 中文名, unit, meaning``, rows in column order.

    Examples
    --------
    >>> import kamlab as kl
    >>> d = kl.datasets.dictionary("sellout")
    >>> list(d.columns), d.loc[0, "column"], d.loc[0, "中文名"]
    (['column', '中文名', 'unit', 'meaning'], 'store_id', '门店编号')
    """
    return _dictionary_frame(check_name(name)).copy()


def describe(name: str) -> pd.DataFrame:
    """Describe data set *name*: its dictionary plus dtype and the range in variant 0.

    Parameters
    ----------
    name : str
        A name from :func:`names`.

    Returns
    -------
    DataFrame
        Index: column name; columns ``中文名, unit, meaning, dtype, example,
        min, max`` (min/max only for numbers).

    Examples
    --------
    >>> import kamlab as kl
    >>> d = kl.datasets.describe("chains")
    >>> d.loc["store_count", ["中文名", "unit", "dtype"]].tolist()
    ['门店数', '家', 'int64']
    """
    name = check_name(name)
    df = load(name)
    table = dictionary(name).set_index("column")
    numeric = df.select_dtypes("number")
    table["dtype"] = [str(df[c].dtype) for c in table.index]
    table["example"] = [str(df[c].iloc[0]) for c in table.index]
    table["min"] = numeric.min().reindex(table.index)
    table["max"] = numeric.max().reindex(table.index)
    return table


@lru_cache(maxsize=None)
def _shipped(name: str) -> pd.DataFrame:
    with resources.files(DATA_PACKAGE).joinpath(f"{name}.csv").open("rb") as fh:
        return pd.read_csv(fh, dtype=pandas_dtypes(name), encoding="utf-8", keep_default_na=False,
                           na_values=[""])


def attrs(name: str) -> dict[str, Any]:
    """The ``DataFrame.attrs`` of data set *name*: its name, description and data dictionary per column.

    Examples
    --------
    >>> a = attrs("chains")
    >>> a["name"], a["columns"]["store_count"]["中文名"]
    ('chains', '门店数')
    """
    d = _dictionary_frame(name)
    columns = {row["column"]: {"中文名": row["中文名"], "unit": row["unit"], "meaning": row["meaning"]}
               for row in d.to_dict("records")}
    return {"name": name, "description": _read_text(f"{name}.md"), "columns": columns}


def load(name: str, *, variant: int = 0) -> pd.DataFrame:
    """Load bundled data set *name*.

    Parameters
    ----------
    name : str
        A name from :func:`names`.
    variant : int, default 0
        0 reads the CSV shipped with kamlab; ``>= 1`` generates another
        variant from the same seeded story (same columns and dtypes, other
        numbers, other accounts carrying the planted problems).

    Returns
    -------
    DataFrame
        A fresh copy.  ``.attrs["description"]`` holds the description
        (Chinese and English), ``.attrs["columns"]`` the dictionary as
        ``{column: {"中文名", "unit", "meaning"}}``.

    Raises
    ------
    BadSpecError
        Unknown name (with a did-you-mean suggestion).
    BadValueError
        *variant* is not a whole number ``>= 0``.

    Examples
    --------
    >>> import kamlab as kl
    >>> df = kl.datasets.load("sellout", variant=0)
    >>> df.shape, df["month"].min(), df["month"].max()
    ((12276, 11), '2025-11', '2026-10')
    >>> kl.datasets.load("sellout", variant=1).dtypes.equals(df.dtypes)
    True
    >>> kl.datasets.load("chian")
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: 没有名为 'chian' 的数据集。是不是 'chains'？...
    """
    name = check_name(name)
    variant = _check_variant(variant)
    df = _shipped(name).copy() if variant == 0 else _generate.generate(name, variant)
    df.attrs.update(attrs(name))
    df.attrs["variant"] = variant
    return df


def planted(name: str, *, variant: int = 0) -> dict[str, str]:
    """Which account carries each planted problem of *name* in *variant*.

    Computed from the generator's seed, so instructors' checks and tests
    follow the variant.  ``sellout`` has five planted problems
    (``poor_distribution``, ``low_sell_through``, ``inventory_piling``,
    ``clerk_drop``, ``latest_month_drop``: the chain carrying each);
    ``retail_sales`` has one (``lagging_category``: the category of
    ``retailer`` ABC零售, ``retailer_id`` R01, that falls behind target in the
    latest quarter); other data sets return ``{}``.

    Examples
    --------
    >>> import kamlab as kl
    >>> p = kl.datasets.planted("sellout", variant=0)
    >>> sorted(p) == sorted(kl.datasets.planted("sellout", variant=3))
    True
    >>> p["poor_distribution"] in set(kl.datasets.load("sellout")["chain_id"])
    True
    >>> kl.datasets.planted("retail_sales", variant=0)["lagging_category"]
    '肠胃消化'
    """
    return _generate.planted(check_name(name), _check_variant(variant))
