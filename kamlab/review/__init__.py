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
from ._drivers import DriversResult, drivers
from ._tidy import DATA_CHECKLIST, PROBLEMS, AuditResult, audit, data_checklist, messy_export
from .._labels import register

# what a trainee reads: result columns in Chinese (zh) or English (en)
register({
    "actual": ("实际", "actual"), "last_year": ("去年同期", "last year"),
    "gap": ("差额", "gap"), "achievement": ("达成率", "achievement"), "growth": ("增长率", "growth"),
    "share": ("占比", "share"), "current": ("本期", "this period"), "previous": ("上期", "previous period"),
    "change": ("环比变化", "change"), "change_rate": ("环比", "change rate"), "yoy": ("同比", "YoY"),
    "mom": ("环比", "MoM"), "moving_average": ("移动平均", "moving average"),
    "seasonal_index": ("季节指数", "seasonal index"), "forecast": ("预测", "forecast"),
    "method": ("方法", "method"), "window": ("月数", "window"), "vs_average": ("相对平均", "vs average"),
    "growth_vs_total": ("增长率差", "growth vs total"), "sales_ly": ("去年同期销售额", "sales last year"),
    "stores_ly": ("去年同期有售门店数", "selling stores last year"), "sales_growth": ("销售额同比", "sales YoY"),
    "stores_growth": ("有售门店数同比", "selling stores YoY"),
    "per_store_growth": ("单店销售额同比", "sales per store YoY"), "main": ("主要原因", "main driver"),
    "row": ("行号", "row"), "box_price": ("单价（元/盒）", "price (CNY/box)"), "problem": ("问题", "problem"),
    "metric": ("指标", "metric"), "series": ("系列", "series"), "formula": ("公式", "formula"),
})

__all__ = [
    "scorecard", "compare", "timeseries", "forecast", "metric_system", "purpose_code",
    "PURPOSES", "TOPICS", "COMPARE_KINDS", "FORECAST_METHODS",
    "drivers", "audit", "messy_export", "data_checklist", "DATA_CHECKLIST", "PROBLEMS",
    "DriversResult", "AuditResult",
    "Purpose", "MetricSystem", "ScorecardResult", "CompareResult", "TimeSeriesResult", "ForecastResult",
]
