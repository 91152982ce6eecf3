"""Agreement clauses: parse and validate the clause literal.

A clause set is a dict ``clause name -> spec``; each spec lists the ordered
options, our score and their (estimated) score of every option (0–100), our
weight and their weight, our opening, target and walk-away option and the
core flag (核心条款 vs 可让步条款).  :func:`parse_clauses` turns it into
frozen :class:`Clause` objects, raising one bilingual
:class:`~kamlab._errors.BadSpecError` naming the clause and the field on the
first problem.  :func:`~kamlab.negotiation.clauses_from_table` (in
``_clause_table.py``) builds the same literal from the long-format table of
the bundled ``clauses`` data set (one row per option).

Option labels are kept as text: ``8`` and ``"8"`` name the same option.

Examples
--------
>>> spec = {"供货折扣": {"options": ["5%", "8%", "10%"], "ours": [100, 60, 0],
...                      "theirs": [0, 50, 100], "our_weight": 30, "their_weight": 50,
...                      "walk_away": "10%", "target": "8%", "opening": "5%", "core": False}}
>>> (c,) = parse_clauses(spec)
>>> c.name, c.options, c.ratio
('供货折扣', ('5%', '8%', '10%'), 1.6666666666666667)
>>> c.feasible
(0, 1, 2)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._errors import BadSpecError
from .._problems import did_you_mean

__all__ = ["Clause", "parse_clauses", "option_label",
           "CLAUSE_FIELDS", "TABLE_COLUMNS", "RESERVED_NAMES"]

#: Fields of one clause spec, in the order they are documented.
CLAUSE_FIELDS = ("options", "ours", "theirs", "our_weight", "their_weight",
                 "opening", "target", "walk_away", "core")
_REQUIRED = CLAUSE_FIELDS[:-1]  # ``core`` defaults to False

#: Columns of the long-format clause table (bundled data set ``clauses``).
TABLE_COLUMNS = ("clause", "option_order", "option", "ours", "theirs",
                 "our_weight", "their_weight", "core", "opening", "target",
                 "walk_away")

#: Clause names that would clash with result columns / keys.
RESERVED_NAMES = ("u_us", "u_them")


@dataclass(frozen=True)
class Clause:
    """One agreement clause with its ordered options.

    Attributes
    ----------
    name : str
        Clause name, e.g. ``"供货折扣"``.
    options : tuple of str
        Option labels in the order given.
    ours, theirs : tuple of float
        Our score and their (estimated) score of each option, 0–100.
    our_weight, their_weight : float
        Importance of the clause for us and for them (> 0).
    opening, target, walk_away : str
        Our opening offer, our target and our walk-away (底线) option.
    core : bool
        ``True`` for a core clause (核心条款), ``False`` for a tradeable one.

    Examples
    --------
    >>> c = Clause("回款账期", ("30天", "60天"), (100.0, 40.0), (10.0, 90.0),
    ...            70.0, 50.0, "30天", "30天", "60天", True)
    >>> c.index("60天"), c.score_ours("60天")
    (1, 40.0)
    """

    name: str
    options: tuple[str, ...]
    ours: tuple[float, ...]
    theirs: tuple[float, ...]
    our_weight: float
    their_weight: float
    opening: str
    target: str
    walk_away: str
    core: bool

    @property
    def ratio(self) -> float:
        """Their weight / our weight: high means cheap for us to give, dear to them."""
        return self.their_weight / self.our_weight

    def index(self, option: Any) -> int:
        """Position of *option* among :attr:`options` (``ValueError`` if absent)."""
        return self.options.index(option_label(option))

    def score_ours(self, option: Any) -> float:
        """Our score of *option*."""
        return self.ours[self.index(option)]

    def score_theirs(self, option: Any) -> float:
        """Their score of *option*."""
        return self.theirs[self.index(option)]

    @property
    def feasible(self) -> tuple[int, ...]:
        """Indices of the options not worse for us than the walk-away option."""
        floor = self.score_ours(self.walk_away)
        return tuple(i for i, s in enumerate(self.ours) if s >= floor)


def option_label(value: Any) -> str:
    """Return the text label of an option (``8`` and ``"8"`` are the same).

    Examples
    --------
    >>> option_label(8), option_label(" 8% "), option_label(2.0)
    ('8', '8%', '2')
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _spec_error(clause: str, field: str, zh: str, en: str) -> BadSpecError:
    return BadSpecError(f"条款 '{clause}' 的字段 '{field}'：{zh}",
                        f"Clause '{clause}', field '{field}': {en}",
                        column=field, row=clause)


def _listing(options: tuple[str, ...]) -> tuple[str, str]:
    return "、".join(options), ", ".join(options)


def _scores(name: str, field: str, raw: Any, n: int) -> tuple[float, ...]:
    if isinstance(raw, (str, bytes, Mapping)) or not hasattr(raw, "__len__"):
        raise _spec_error(name, field, f"应是 {n} 个分数（0–100）的列表，收到 {raw!r}。请写成例如 [100, 60, 0]。",
                    f"must be a list of {n} scores (0-100), got {raw!r}. Write e.g. [100, 60, 0].")
    values = list(raw)
    if len(values) != n:
        raise _spec_error(name, field, f"有 {len(values)} 个分数，但 options 有 {n} 个选项。请为每个选项各填一个分数。",
                    f"has {len(values)} scores but options has {n}. Give exactly one score per option.")
    out = []
    for i, v in enumerate(values):
        ok = isinstance(v, (int, float, np.number)) and not isinstance(v, (bool, np.bool_))
        x = float(v) if ok else math.nan
        if not math.isfinite(x):
            raise _spec_error(name, field, f"第 {i + 1} 个分数 {v!r} 不是数字。请填写 0 到 100 之间的数字。",
                        f"score no. {i + 1} ({v!r}) is not a number. Enter a number from 0 to 100.")
        if not 0 <= x <= 100:
            raise _spec_error(name, field, f"第 {i + 1} 个分数 {v!r} 超出 0–100。请改为 0 到 100 之间的数字。",
                        f"score no. {i + 1} ({v!r}) is outside 0-100. Enter a number from 0 to 100.")
        out.append(x)
    return tuple(out)


def _weight(name: str, field: str, raw: Any) -> float:
    x = math.nan
    if not isinstance(raw, (bool, str)):
        try:
            x = float(raw)
        except (TypeError, ValueError):
            x = math.nan
    if not math.isfinite(x) or x <= 0:
        raise _spec_error(name, field, f"权重 {raw!r} 无效：权重必须是大于 0 的数字。请改为正数，例如 30。",
                    f"weight {raw!r} is invalid: a weight must be a number > 0. Use a positive number such as 30.")
    return x


def _one_clause(name: Any, spec: Any) -> Clause:
    if not isinstance(name, str) or not name.strip():
        raise BadSpecError(f"条款名称 {name!r} 无效：请用非空的文字作为条款名称，例如 '供货折扣'。",
                           f"Clause name {name!r} is invalid: use non-empty text such as '供货折扣'.",
                           row=name)
    if name in RESERVED_NAMES:
        raise BadSpecError(f"条款名称 '{name}' 是保留字（结果中的效用列）。请换一个名称。",
                           f"Clause name '{name}' is reserved (a utility column of the results). Choose another name.",
                           row=name)
    if not isinstance(spec, Mapping):
        raise BadSpecError(
            f"条款 '{name}' 应是一个字典（含 options、ours、theirs 等字段），收到 {type(spec).__name__}。",
            f"Clause '{name}' must be a dict (with options, ours, theirs, ...), got {type(spec).__name__}.",
            row=name)
    for key in spec:
        if key not in CLAUSE_FIELDS:
            hint_zh, hint_en = did_you_mean(key, CLAUSE_FIELDS)
            raise _spec_error(name, str(key), f"未知字段{hint_zh}。可用字段：{'、'.join(CLAUSE_FIELDS)}。",
                        f"unknown field{hint_en}. Allowed fields: {', '.join(CLAUSE_FIELDS)}.")
    for key in _REQUIRED:
        if key not in spec:
            raise _spec_error(name, key, "缺少这个字段。请补上它。", "this field is missing. Add it.")
    raw_opts = spec["options"]
    if isinstance(raw_opts, (str, bytes, Mapping)) or not hasattr(raw_opts, "__iter__"):
        raise _spec_error(name, "options", f"应是选项列表，收到 {raw_opts!r}。请写成例如 ['5%', '8%', '10%']。",
                    f"must be a list of options, got {raw_opts!r}. Write e.g. ['5%', '8%', '10%'].")
    options = tuple(option_label(o) for o in raw_opts)
    if not options:
        raise _spec_error(name, "options", "选项列表是空的。请至少列出一个选项。",
                    "the list of options is empty. List at least one option.")
    if any(o in ("", "nan", "None") for o in options):
        raise _spec_error(name, "options", "有空的选项。请给每个选项一个名称。",
                    "an option is empty. Give every option a label.")
    dup = [o for i, o in enumerate(options) if o in options[:i]]
    if dup:
        raise _spec_error(name, "options", f"选项 '{dup[0]}' 重复出现。请让每个选项只出现一次。",
                    f"option '{dup[0]}' appears more than once. List every option once.")
    ours = _scores(name, "ours", spec["ours"], len(options))
    theirs = _scores(name, "theirs", spec["theirs"], len(options))
    our_w = _weight(name, "our_weight", spec["our_weight"])
    their_w = _weight(name, "their_weight", spec["their_weight"])
    picks = {}
    zh_opts, en_opts = _listing(options)
    for key in ("opening", "target", "walk_away"):
        label = option_label(spec[key])
        if label not in options:
            raise _spec_error(name, key, f"'{label}' 不在选项中。请从以下选项中选择：{zh_opts}。",
                        f"'{label}' is not one of the options. Choose one of: {en_opts}.")
        picks[key] = label
    score = dict(zip(options, ours))
    if score[picks["target"]] < score[picks["walk_away"]]:
        raise _spec_error(name, "target",
                    f"目标 '{picks['target']}'（我方得分 {score[picks['target']]:g}）比底线 '{picks['walk_away']}'"
                    f"（{score[picks['walk_away']]:g}）对我方更差。目标应不低于底线：请调整 target 或 walk_away。",
                    f"target '{picks['target']}' (our score {score[picks['target']]:g}) is worse for us than the "
                    f"walk-away '{picks['walk_away']}' ({score[picks['walk_away']]:g}). Make the target at least as "
                    f"good as the walk-away.")
    if score[picks["opening"]] < score[picks["target"]]:
        raise _spec_error(name, "opening",
                    f"开价 '{picks['opening']}'（我方得分 {score[picks['opening']]:g}）比目标 '{picks['target']}'"
                    f"（{score[picks['target']]:g}）对我方更差。开价应不低于目标，留出让步空间：请调整 opening。",
                    f"opening '{picks['opening']}' (our score {score[picks['opening']]:g}) is worse for us than the "
                    f"target '{picks['target']}' ({score[picks['target']]:g}). Open at least as high as the target "
                    f"to leave room to concede.")
    core = spec.get("core", False)
    if not isinstance(core, (bool, np.bool_)):
        raise _spec_error(name, "core", f"应是 True 或 False，收到 {core!r}。核心条款写 True，可让步条款写 False。",
                    f"must be True or False, got {core!r}. Use True for a core clause, False otherwise.")
    core = bool(core)
    return Clause(name, options, ours, theirs, our_w, their_w,
                  picks["opening"], picks["target"], picks["walk_away"], core)


def parse_clauses(clauses: Any) -> tuple[Clause, ...]:
    """Validate a clause literal and return its clauses in the given order.

    Parameters
    ----------
    clauses : dict
        ``clause name -> {"options", "ours", "theirs", "our_weight",
        "their_weight", "opening", "target", "walk_away"[, "core"]}``.
        Scores are numbers in [0, 100], one per option; weights are > 0;
        opening, target and walk-away are option labels with
        ours(opening) ≥ ours(target) ≥ ours(walk_away); ``core`` is a bool
        (default ``False``).

    Returns
    -------
    tuple of Clause

    Raises
    ------
    BadSpecError
        Naming the clause and the field, in Chinese and English.

    Examples
    --------
    >>> parse_clauses({})
    Traceback (most recent call last):
    ...
    kamlab._errors.BadSpecError: 条款集合是空的：请至少给出一个条款。...
    """
    if not isinstance(clauses, Mapping):
        raise BadSpecError(
            f"条款集合应是一个字典（条款名称 → 条款设置），收到 {type(clauses).__name__}。"
            "表格请先用 kl.negotiation.clauses_from_table(df) 转换。",
            f"The clause set must be a dict (clause name -> clause spec), got {type(clauses).__name__}. "
            "Convert a table with kl.negotiation.clauses_from_table(df) first.")
    if len(clauses) == 0:
        raise BadSpecError("条款集合是空的：请至少给出一个条款。",
                           "The clause set is empty: give at least one clause.")
    return tuple(_one_clause(name, spec) for name, spec in clauses.items())
