"""The tiered (阶梯式) incentive scheme: tiers, basis, payee, product, cost cap, price.

A scheme is written as a plain dict (one literal in a notebook cell)::

    {"basis": "units",                          # or "growth" (vs a baseline period)
     "tiers": [{"min_units": 60, "rate": 0.5},   # per-unit reward once the tier is reached
               {"min_units": 90, "rate": 1.0, "bonus": 50}],   # + fixed amount
     "payee": "chain",                           # the contracted chain (连锁总部)
     "category": "感冒止咳",                      # product category (OTC only)
     "cost_cap": 0.2,                            # cost at most 20 % of incremental sales
     "unit_price": 38}                           # yuan per unit, for sales value

* Each tier names its threshold with ``min_units`` (units sold in the
  period) or ``min_growth`` (growth vs the baseline as a fraction, 0.1 =
  10 %), matching ``basis`` (inferred from the tiers when ``basis`` is
  left out), and its reward: ``rate`` (yuan per unit sold in the period,
  all units once the tier is reached) and/or ``bonus`` (a fixed amount).
* ``payee``: ``chain`` (连锁), ``store`` (门店), ``clerk`` (店员) or
  ``individual`` (个人); only ``chain`` is compliant (see
  :func:`~kamlab.incentives.compliance`), the others are accepted so the
  check can explain why.
* ``category``: one of :data:`OTC_CATEGORIES` or :data:`NON_OTC`.

Structural mistakes (an unknown key, a tier without a reward, two tiers
with the same threshold, a cap written as a percentage …) raise
:class:`~kamlab.BadSpecError` naming the field (column) and the tier (row);
choices that are well-formed but not allowed (an individual payee, a
non-OTC product, tiers that do not step up) are compliance violations.

Examples
--------
>>> s = Scheme.from_dict({"tiers": [{"min_units": 60, "rate": 0.5}, {"min_units": 90, "bonus": 80}]})
>>> s.basis, s.thresholds, s.payee
('units', (60.0, 90.0), 'chain')
>>> s.to_dict()["tiers"][1]
{'min_units': 90.0, 'rate': 0.0, 'bonus': 80.0}
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._errors import BadSpecError
from .._i18n import Messages
from .._problems import did_you_mean

__all__ = ["Tier", "Scheme", "BASES", "PAYEES", "OTC_CATEGORIES", "NON_OTC", "as_scheme"]

#: The two bases a tier threshold can be measured on.
BASES: tuple[str, ...] = ("units", "growth")
#: Who receives the reward; only "chain" (the contracted chain) is compliant.
PAYEES: tuple[str, ...] = ("chain", "store", "clerk", "individual")
#: Chinese / English spellings accepted for each payee.
_PAYEE_ALIASES = {"连锁": "chain", "连锁总部": "chain", "总部": "chain", "门店": "store",
                  "店员": "clerk", "个人": "individual", "店长": "individual",
                  "store_manager": "individual"}
#: OTC product categories of the course data.
OTC_CATEGORIES: tuple[str, ...] = ("感冒止咳", "肠胃消化", "维矿补益", "皮肤外用", "慢病用药")
#: Product categories that are not OTC (incentives on them are a violation).
NON_OTC: tuple[str, ...] = ("处方药",)
_CATEGORY_ALIASES = {"rx": "处方药", "prescription": "处方药", "Rx": "处方药"}
_KEYS = ("basis", "tiers", "payee", "category", "cost_cap", "unit_price", "name")
_TIER_KEYS = ("min_units", "min_growth", "rate", "bonus")
_THRESHOLD_KEY = {"units": "min_units", "growth": "min_growth"}
#: Defaults of the optional fields.
DEFAULT_PAYEE = "chain"
DEFAULT_CATEGORY = "感冒止咳"
DEFAULT_COST_CAP = 0.2
DEFAULT_UNIT_PRICE = 38.0

MSGS = Messages({
    "not_dict": ("激励方案应是一个字典 {{...}}，收到的是 {got}。例如 {example}。",
                 "The incentive scheme must be a dict {{...}}, got {got}. For example {example}."),
    "unknown_key": ("激励方案里有未知的项 '{field}'{zh_hint}。可用的项：{known}。",
                    "The incentive scheme has an unknown field '{field}'{en_hint}. Fields: {known}."),
    "no_tiers": ("激励方案的 'tiers' 应是至少一档的列表，例如 [{{\"min_units\": 60, \"rate\": 0.5}}]。",
                 "The scheme's 'tiers' must be a list of at least one tier, e.g. [{{\"min_units\": 60, \"rate\": 0.5}}]."),
    "tier_not_dict": ("第 {row} 档应是一个字典，例如 {{\"min_units\": 60, \"rate\": 0.5}}，收到的是 {got}。",
                      "Tier {row} must be a dict such as {{\"min_units\": 60, \"rate\": 0.5}}, got {got}."),
    "tier_unknown": ("第 {row} 档有未知的项 '{field}'{zh_hint}。每档可用：min_units 或 min_growth，rate，bonus。",
                     "Tier {row} has an unknown field '{field}'{en_hint}. A tier may hold min_units or min_growth, rate, bonus."),
    "tier_threshold": ("第 {row} 档需要门槛：'{want}'（方案按 {basis} 计算）。请写上 '{want}'。",
                       "Tier {row} needs its threshold '{want}' (the scheme's basis is {basis}). Add '{want}'."),
    "tier_mixed": ("第 {row} 档的门槛是 '{got}'，但方案按 {basis} 计算，应写 '{want}'。一个方案只能用一种门槛。",
                   "Tier {row} has threshold '{got}' but the scheme's basis is {basis}: write '{want}'. "
                   "A scheme uses one kind of threshold."),
    "tier_no_reward": ("第 {row} 档没有奖励：请写 'rate'（每盒奖励，元）或 'bonus'（固定奖励，元）。",
                       "Tier {row} has no reward: give 'rate' (yuan per unit) or 'bonus' (a fixed amount in yuan)."),
    "number": ("第 {row} 档的 '{field}' = {value!r} 不是数字。请填写数字。",
               "Tier {row}: '{field}' = {value!r} is not a number. Enter a number."),
    "negative": ("第 {row} 档的 '{field}' = {value!r} 小于 0。奖励不能为负数。",
                 "Tier {row}: '{field}' = {value!r} is below 0. A reward cannot be negative."),
    "growth_range": ("第 {row} 档的增长门槛 min_growth = {value!r} 超出 [-1, 5]。增长率请写成小数：10% 写 0.1。",
                     "Tier {row}: growth threshold min_growth = {value!r} is outside [-1, 5]. Write growth as a "
                     "fraction: 10% is 0.1."),
    "units_range": ("第 {row} 档的销量门槛 min_units = {value!r} 小于 0。请填写 0 或更大的盒数。",
                    "Tier {row}: unit threshold min_units = {value!r} is below 0. Enter 0 or more units."),
    "duplicate": ("第 {row} 档的门槛 {field} = {value:g} 和第 {other} 档相同。每档门槛必须不同。",
                  "Tier {row} has the same threshold {field} = {value:g} as tier {other}. Every tier needs its own "
                  "threshold."),
    "cap": ("'cost_cap' = {value!r} 不对：费用上限是费用占增量销售额的比例，写成 0 到 1 之间的小数（20% 写 0.2）。",
            "'cost_cap' = {value!r} is invalid: the cap is cost as a share of incremental sales, a fraction "
            "between 0 and 1 (20% is 0.2)."),
    "price": ("'unit_price' = {value!r} 不对：单价（元/盒）应是大于 0 的数字，例如 38。",
              "'unit_price' = {value!r} is invalid: the unit price (yuan per unit) must be a number > 0, e.g. 38."),
    "name": ("'name' 应是一段文字，收到的是 {got}。", "'name' must be a text, got {got}."),
})


def _number(value: Any, key: str, row: int | None) -> float:
    ok = isinstance(value, (numbers.Real,)) and not isinstance(value, bool)
    number = float(value) if ok else math.nan
    if not math.isfinite(number):
        if row is None:
            raise BadSpecError(*MSGS.both("price" if key == "unit_price" else "cap", value=value), column=key)
        raise BadSpecError(*MSGS.both("number", row=row, field=key, value=value), column=key, row=row)
    return number


@dataclass(frozen=True)
class Tier:
    """One step of the ladder: reached at ``threshold``; pays ``rate`` per unit plus ``bonus``.

    Examples
    --------
    >>> Tier(60, rate=0.5).bonus
    0.0
    """

    threshold: float
    rate: float = 0.0
    bonus: float = 0.0


def _normalise_choice(value: Any, allowed: Sequence[str], aliases: Mapping[str, str], key: str) -> str:
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and text in aliases:
        return aliases[text]
    if isinstance(text, str) and text.lower() in allowed:
        return text.lower()
    if text in allowed:
        return str(text)
    options = list(allowed) + [a for a in aliases if a not in allowed]
    zh_hint, en_hint = did_you_mean(value, options)
    raise BadSpecError(
        f"'{key}' 的取值 {value!r} 无效{zh_hint}。请从以下选项中选择：{'、'.join(options)}。",
        f"'{key}' is {value!r}, which is not allowed{en_hint}. Choose one of: {', '.join(options)}.",
        column=key)


@dataclass(frozen=True)
class Scheme:
    """A tiered incentive scheme (阶梯式激励方案), validated.

    Build it from the plain dict a trainee writes with :meth:`from_dict`
    (or pass the dict straight to :func:`~kamlab.incentives.simulate`).

    Attributes
    ----------
    tiers : tuple of Tier
        In the order written (compliance checks that they step up).
    basis : {"units", "growth"}
        What a threshold is measured on: units sold in the period, or
        growth vs the baseline period (fraction).
    payee : {"chain", "store", "clerk", "individual"}
    category : str
        Product category (:data:`OTC_CATEGORIES` or :data:`NON_OTC`).
    cost_cap : float
        Highest allowed cost as a share of incremental sales (0–1].
    unit_price : float
        Yuan per unit, to value incremental sales.
    name : str

    Examples
    --------
    >>> s = Scheme.from_dict({"basis": "growth", "tiers": [{"min_growth": 0.1, "bonus": 100}],
    ...                       "payee": "店员", "cost_cap": 0.25})
    >>> s.payee, s.tiers[0], s.threshold_key
    ('clerk', Tier(threshold=0.1, rate=0.0, bonus=100.0), 'min_growth')
    >>> Scheme.from_dict({"tiers": [{"min_units": 60}]})
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: 第 1 档没有奖励：请写 'rate'（每盒奖励，元）或 'bonus'（固定奖励，元）。
    Tier 1 has no reward: give 'rate' (yuan per unit) or 'bonus' (a fixed amount in yuan).
    """

    tiers: tuple[Tier, ...]
    basis: str = "units"
    payee: str = DEFAULT_PAYEE
    category: str = DEFAULT_CATEGORY
    cost_cap: float = DEFAULT_COST_CAP
    unit_price: float = DEFAULT_UNIT_PRICE
    name: str = ""

    def __post_init__(self) -> None:
        basis = _normalise_choice(self.basis, BASES, {"销量": "units", "增长": "growth"}, "basis")
        object.__setattr__(self, "basis", basis)
        object.__setattr__(self, "payee", _normalise_choice(self.payee, PAYEES, _PAYEE_ALIASES, "payee"))
        object.__setattr__(self, "category", _normalise_choice(
            self.category, OTC_CATEGORIES + NON_OTC, _CATEGORY_ALIASES, "category"))
        cap = _number(self.cost_cap, "cost_cap", None)
        if not 0 < cap <= 1:
            raise BadSpecError(*MSGS.both("cap", value=self.cost_cap), column="cost_cap")
        object.__setattr__(self, "cost_cap", cap)
        price = _number(self.unit_price, "unit_price", None)
        if price <= 0:
            raise BadSpecError(*MSGS.both("price", value=self.unit_price), column="unit_price")
        object.__setattr__(self, "unit_price", price)
        if not isinstance(self.name, str):
            raise BadSpecError(*MSGS.both("name", got=type(self.name).__name__), column="name")
        tiers = self.tiers
        if isinstance(tiers, (str, bytes, Mapping)) or not isinstance(tiers, Sequence) or not tiers:
            raise BadSpecError(*MSGS.both("no_tiers"), column="tiers")
        out = tuple(self._tier(t, row) for row, t in enumerate(tiers, start=1))
        seen: dict[float, int] = {}
        for row, tier in enumerate(out, start=1):
            if tier.threshold in seen:
                raise BadSpecError(*MSGS.both("duplicate", row=row, value=tier.threshold, field=self.threshold_key,
                                              other=seen[tier.threshold]),
                                   column=self.threshold_key, row=row)
            seen[tier.threshold] = row
        object.__setattr__(self, "tiers", out)

    def _tier(self, tier: Any, row: int) -> Tier:
        if isinstance(tier, Tier):
            tier = {self.threshold_key: tier.threshold, "rate": tier.rate, "bonus": tier.bonus}
        if not isinstance(tier, Mapping):
            raise BadSpecError(*MSGS.both("tier_not_dict", row=row, got=type(tier).__name__),
                               column="tiers", row=row)
        for key in tier:
            if key not in _TIER_KEYS:
                zh_hint, en_hint = did_you_mean(key, _TIER_KEYS)
                raise BadSpecError(*MSGS.both("tier_unknown", row=row, field=key, zh_hint=zh_hint,
                                              en_hint=en_hint), column=str(key), row=row)
        want = self.threshold_key
        other = _THRESHOLD_KEY["growth" if self.basis == "units" else "units"]
        if other in tier:
            raise BadSpecError(*MSGS.both("tier_mixed", row=row, got=other, want=want, basis=self.basis),
                               column=other, row=row)
        if want not in tier:
            raise BadSpecError(*MSGS.both("tier_threshold", row=row, want=want, basis=self.basis),
                               column=want, row=row)
        if "rate" not in tier and "bonus" not in tier:
            raise BadSpecError(*MSGS.both("tier_no_reward", row=row), column="rate", row=row)
        threshold = _number(tier[want], want, row)
        if self.basis == "growth" and not -1 <= threshold <= 5:
            raise BadSpecError(*MSGS.both("growth_range", row=row, value=tier[want]), column=want, row=row)
        if self.basis == "units" and threshold < 0:
            raise BadSpecError(*MSGS.both("units_range", row=row, value=tier[want]), column=want, row=row)
        reward = {}
        for key in ("rate", "bonus"):
            value = _number(tier.get(key, 0.0), key, row)
            if value < 0:
                raise BadSpecError(*MSGS.both("negative", row=row, field=key, value=tier[key]), column=key, row=row)
            reward[key] = value
        return Tier(threshold, **reward)

    @property
    def threshold_key(self) -> str:
        """``"min_units"`` or ``"min_growth"``, the key of every tier's threshold."""
        return _THRESHOLD_KEY[self.basis]

    @property
    def thresholds(self) -> tuple[float, ...]:
        """The tier thresholds in the order written."""
        return tuple(t.threshold for t in self.tiers)

    @classmethod
    def from_dict(cls, spec: Any) -> "Scheme":
        """Build a scheme from the plain dict a trainee writes (see the module docstring).

        ``basis`` may be left out: it follows the tiers' threshold key.

        Examples
        --------
        >>> Scheme.from_dict({"tiers": [{"min_growth": 0.05, "rate": 1}]}).basis
        'growth'
        >>> Scheme.from_dict({"tiers": [{"min_units": 1, "rate": 1}], "payer": "chain"})
        Traceback (most recent call last):
        ...
        kamlab._errors.BadSpecError: 激励方案里有未知的项 'payer'（是不是 'payee'？）。...
        """
        if isinstance(spec, Scheme):
            return spec
        if not isinstance(spec, Mapping):
            raise BadSpecError(*MSGS.both("not_dict", got=type(spec).__name__, example=_EXAMPLE), column="scheme")
        for key in spec:
            if key not in _KEYS:
                zh_hint, en_hint = did_you_mean(key, _KEYS)
                raise BadSpecError(*MSGS.both("unknown_key", field=key, zh_hint=zh_hint, en_hint=en_hint,
                                              known=", ".join(_KEYS)), column=str(key))
        if "tiers" not in spec:
            raise BadSpecError(*MSGS.both("no_tiers"), column="tiers")
        fields = dict(spec)
        if "basis" not in fields:
            tiers = fields["tiers"]
            first = tiers[0] if isinstance(tiers, Sequence) and not isinstance(tiers, str) and tiers else {}
            fields["basis"] = "growth" if isinstance(first, Mapping) and "min_growth" in first else "units"
        return cls(**fields)

    def to_dict(self) -> dict[str, Any]:
        """The plain dict of this scheme (what :meth:`from_dict` reads back).

        Examples
        --------
        >>> s = Scheme.from_dict({"tiers": [{"min_units": 60, "rate": 0.5}]})
        >>> Scheme.from_dict(s.to_dict()) == s
        True
        """
        key = self.threshold_key
        return {"basis": self.basis,
                "tiers": [{key: t.threshold, "rate": t.rate, "bonus": t.bonus} for t in self.tiers],
                "payee": self.payee, "category": self.category, "cost_cap": self.cost_cap,
                "unit_price": self.unit_price, "name": self.name}


_EXAMPLE = '{"basis": "units", "tiers": [{"min_units": 60, "rate": 0.5}, {"min_units": 90, "rate": 1.0}]}'


def as_scheme(scheme: Any) -> Scheme:
    """A :class:`Scheme` from a Scheme, a plain dict, or a recorded answer (a mapping).

    Examples
    --------
    >>> as_scheme({"tiers": [{"min_units": 10, "bonus": 5}]}).tiers
    (Tier(threshold=10.0, rate=0.0, bonus=5.0),)
    """
    if isinstance(scheme, Scheme):
        return scheme
    if isinstance(scheme, Mapping):
        fields = {k: v for k, v in scheme.items()}
        tiers = fields.get("tiers")
        if getattr(scheme, "type_name", "").endswith("Scheme") and isinstance(tiers, Sequence):
            # a recorded Scheme answer: tiers come back as {"threshold", "rate", "bonus"}
            key = _THRESHOLD_KEY.get(str(fields.get("basis")), "min_units")
            fields["tiers"] = [{(key if k == "threshold" else k): v for k, v in dict(t).items()}
                               if isinstance(t, Mapping) else t for t in tiers]
        return Scheme.from_dict(fields)
    return Scheme.from_dict(scheme)
