"""Business review (m12 生意复盘洞察): purposes, metric system, scorecard, comparisons, time series, forecast.

Seed 003 阶段一.  Why review (:data:`PURPOSES`: 销售预测 forecast, 现状监控
monitor, 业绩评估 evaluate, 诊断问题 diagnose, 发现机会 explore); a metric
system around one business topic (:func:`metric_system`); the scorecard
(:func:`scorecard`: actual vs target vs last year, achievement, growth); the
comparisons (:func:`compare`: 比例分析 ratio, 纵向类比 vertical, 横向类比
horizontal); time-series analysis (:func:`timeseries`: 环比, 同比, 移动平均,
季节指数) and a simple forecast (:func:`forecast`).

The math (checked by hand in Excel):

- achievement = actual ÷ target; growth = actual ÷ last year − 1;
  gap = actual − target; share = actual ÷ total actual;
- mom = value ÷ previous month − 1; yoy = value ÷ same month last year − 1;
- moving average = mean of the latest *window* months (this one included);
- seasonal index = mean of a calendar month ÷ mean of every month;
- forecasts: seasonal naive (same month last year), seasonal growth (same
  month last year × (1 + recent YoY growth)), moving average (flat).

Examples
--------
>>> import pandas as pd
>>> import kamlab as kl
>>> df = pd.DataFrame({"month": ["2026-09", "2026-10"], "category": "感冒止咳",
...     "sales": [80.0, 90.0], "target": [100.0, 100.0], "last_year_sales": [80.0, 75.0]})
>>> kl.review.scorecard(df, by="category").table[["achievement", "growth"]].round(4)
          achievement  growth
category
感冒止咳             0.85  0.0968
>>> kl.review.PURPOSES["forecast"].zh
'销售预测'
"""

from __future__ import annotations

from ._purposes import PURPOSES, TOPICS, MetricSystem, Purpose, metric_system, purpose_code
from ._compare import COMPARE_KINDS, CompareResult, compare
from ._scorecard import ScorecardResult, scorecard
from ._forecast import FORECAST_METHODS, ForecastResult, forecast
from ._timeseries import TimeSeriesResult, timeseries

__all__ = [
    "scorecard", "compare", "timeseries", "forecast", "metric_system", "purpose_code",
    "PURPOSES", "TOPICS", "COMPARE_KINDS", "FORECAST_METHODS",
    "Purpose", "MetricSystem", "ScorecardResult", "CompareResult", "TimeSeriesResult", "ForecastResult",
]
