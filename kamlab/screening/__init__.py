"""Account screening (m02) and key-doctor tools (m11).

- :func:`screen`: score accounts with a rubric of weighted dimensions and
  criteria (合作潜力 / 利润贡献 / 动销基础), rank them and place them in the
  four quadrants 重点投入 / 培育优化 / 维持收益 / 精简调整;
  :func:`stability` tells how robust each account's tier is to the weights.
- The same engine screens doctors (MWP 市场平台 target screening 30/30/20/20,
  处方平台 wall criteria 30/20/20/10/20): one-axis rubrics give totals and
  ranks.
- :func:`readiness`: prescription readiness P1–P4 → rep behaviour S1–S4.
- :func:`pareto`: the 80/20 view.

Default rubrics are given as fresh dict copies (edit them freely):
``CHAIN_RUBRIC``, ``DOCTOR_TARGET_RUBRIC``, ``DOCTOR_WALL_RUBRIC`` (each access
returns a new copy) or the functions :func:`chain_rubric`,
:func:`doctor_target_rubric`, :func:`doctor_wall_rubric`.

Examples
--------
>>> import pandas as pd
>>> import kamlab as kl
>>> df = pd.DataFrame({"chain_id": ["C01", "C02", "C03"], "store_count": [1200, 150, 675],
...                    "willingness": [4, 5, 2], "payment_days": [90, 30, 60]})
>>> rubric = {"dimensions": {
...     "合作潜力": {"weight": 40, "axis": "potential", "criteria": {
...         "store_count": {"weight": 60}, "willingness": {"weight": 40, "bounds": [1, 5]}}},
...     "利润贡献": {"weight": 60, "axis": "profit", "criteria": {
...         "payment_days": {"weight": 100, "better": "lower"}}}}}
>>> res = kl.screening.screen(df, rubric, id_col="chain_id")
>>> res.table[["potential", "profit", "quadrant", "rank"]]
          potential  profit quadrant  rank
chain_id
C02            40.0   100.0     维持收益     1
C03            40.0    50.0     维持收益     2
C01            90.0     0.0     培育优化     3
>>> kl.screening.CHAIN_RUBRIC["dimensions"]["利润贡献"]["axis"]
'profit'
"""

from __future__ import annotations

from typing import Any

from ._pareto import ParetoResult, pareto
from ._defaults import chain_rubric, doctor_target_rubric, doctor_wall_rubric
from ._parse import parse_rubric
from ._quadrants import QUADRANTS, quadrant_label
from ._readiness import BEHAVIOURS, READINESS_MSGS, STAGES, ReadinessResult, readiness
from ._rubric import Criterion, Dimension, Rubric
from ._screen import screen, stability
from ._screening_result import ScreeningResult

__all__ = ["screen", "stability", "ScreeningResult", "parse_rubric", "Rubric", "Dimension", "Criterion",
           "readiness", "ReadinessResult", "pareto", "ParetoResult", "quadrant_label",
           "QUADRANTS", "STAGES", "BEHAVIOURS", "chain_rubric", "doctor_target_rubric", "doctor_wall_rubric",
           "CHAIN_RUBRIC", "DOCTOR_TARGET_RUBRIC", "DOCTOR_WALL_RUBRIC", "READINESS_MSGS"]

_RUBRIC_CONSTANTS = {"CHAIN_RUBRIC": chain_rubric, "DOCTOR_TARGET_RUBRIC": doctor_target_rubric,
                     "DOCTOR_WALL_RUBRIC": doctor_wall_rubric}


def __getattr__(name: str) -> Any:
    # A fresh deep copy on every access: a trainee editing one cannot change the default.
    if name in _RUBRIC_CONSTANTS:
        return _RUBRIC_CONSTANTS[name]()
    raise AttributeError(f"module 'kamlab.screening' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
