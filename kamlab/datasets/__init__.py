"""Bundled data sets (内置数据集): fictional 华东 OTC chains, doctors, needs, clauses, sell-out.

Variant 0 of every data set is the CSV shipped with kamlab; variants ``>= 1``
come from the same seeded generator (same story, other numbers), so the
grader can re-run a notebook on data the trainee did not see.

Examples
--------
>>> import kamlab as kl
>>> kl.datasets.names()
['chains', 'doctors', 'needs', 'clauses', 'sellout', 'retail_sales']
>>> df = kl.datasets.load("needs")
>>> df.attrs["columns"]["fit"]["中文名"]
'我方匹配能力'
"""

from __future__ import annotations

from ._base import attrs, check_name, describe, dictionary, load, names, planted
from ._schema import KEYS, SCHEMAS, pandas_dtypes
from ._column_labels import register_dictionary_labels

register_dictionary_labels()

__all__ = ["names", "load", "describe", "dictionary", "planted", "check_name", "attrs",
           "SCHEMAS", "KEYS", "pandas_dtypes"]
