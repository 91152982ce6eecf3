"""The three-layer summary of the course (seed 000 §八.1): 基础层, 执行层, 优化层.

* 基础层 (base) — m01 岗位认知升维, m02 客户精准筛选: the foundation; first the
  business-minded role, then the high-value accounts, so that resources are
  not misallocated from the start (先天失效).
* 执行层 (execution) — m03 信息收集与机会洞察, m04 策略制定与资源整合,
  m05 双赢协议谈判, m06 终端动销执行: the chain need → strategy → resources →
  execution (需求、策略、资源、执行的完整链路).
* 优化层 (optimisation) — m07 核心数据复盘: data monitoring finds the
  problems and their roots, so strategy keeps improving.

Examples
--------
>>> layer_of("m05")
'execution'
>>> summary_layers().table["layer"].tolist()
['基础层', '基础层', '执行层', '执行层', '执行层', '执行层', '优化层']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._errors import BadSpecError
from .._i18n import Messages, get_language, localized
from .._plotting import new_axes, styled
from .._problems import did_you_mean
from .._result import TableResult

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["Layer", "LAYERS", "MODULES", "COURSE_TITLE", "summary_layers", "layer_of", "layer_code",
           "module_code", "module_title", "LayersResult"]

#: The course's title (seed 000).
COURSE_TITLE = ("整合资源，提升动销", "Integrate resources, lift sell-through")

#: The seven modules the summary covers: id -> (Chinese title, English title).
MODULES: dict[str, tuple[str, str]] = {
    "m01": ("岗位认知升维", "Role: business mindset"),
    "m02": ("客户精准筛选", "Account screening"),
    "m03": ("信息收集与机会洞察", "Needs and opportunities"),
    "m04": ("策略制定与资源整合", "Strategy and resources"),
    "m05": ("双赢协议谈判", "Win-win agreement"),
    "m06": ("终端动销执行", "Store execution"),
    "m07": ("核心数据复盘", "Core data review"),
}


@dataclass(frozen=True)
class Layer:
    """One layer of the course summary: code, names, its role (seed words) and its modules."""

    code: str
    zh: str
    en: str
    role_zh: str
    role_en: str
    modules: tuple[str, ...]

    @property
    def name(self) -> str:
        """The layer's name in the current language."""
        return localized(self.zh, self.en)

    @property
    def role(self) -> str:
        """The layer's role in the current language."""
        return localized(self.role_zh, self.role_en)


#: The three layers in order (seed 000 §八.1).
LAYERS: tuple[Layer, ...] = (
    Layer("base", "基础层", "Base layer",
          "动销管理的根基：先明确岗位生意思维定位，再精准锁定高价值客户，避免资源错配导致的先天失效",
          "The foundation of sell-through management: first the business-minded role, then the high-value "
          "accounts, so resources are not misallocated from the start",
          ("m01", "m02")),
    Layer("execution", "执行层", "Execution layer",
          "动销落地的核心：需求机会挖掘明确方向，差异化策略指导资源整合，双赢协议锁定执行，总部到门店联动保障落地",
          "The core of getting products sold: needs and opportunities set the direction, a differentiated "
          "strategy pools the resources, a win-win agreement locks in execution, HQ-to-store work delivers it",
          ("m03", "m04", "m05", "m06")),
    Layer("optimisation", "优化层", "Optimisation layer",
          "动销持续提升的保障：通过数据监测定位问题、深挖根源，实现策略迭代与效果优化",
          "What keeps sell-through improving: data monitoring locates the problems and their roots, so "
          "strategy and results keep improving",
          ("m07",)),
)
_BY_CODE = {layer.code: layer for layer in LAYERS}
_LAYER_NAMES: dict[str, str] = {}
for _layer in LAYERS:
    for _alias in (_layer.code, _layer.zh, _layer.en, _layer.zh[:2], _layer.en.split()[0]):
        _LAYER_NAMES[_alias.lower()] = _layer.code
_LAYER_NAMES.update({"optimization": "optimisation", "基础": "base", "执行": "execution", "优化": "optimisation"})
_MODULE_OF_LAYER = {m: layer.code for layer in LAYERS for m in layer.modules}
_MODULE_RE = re.compile(r"^m0?([1-7])$")

MSGS = Messages({
    "bad_layer": ("{where}：{value!r} 不是课程的层{hint_zh}。可用：基础层、执行层、优化层。",
                  "{where}: {value!r} is not a layer of the course{hint_en}. Use: base, execution, optimisation."),
    "bad_module": ("{where}：{value!r} 不是 m01–m07 中的模块{hint_zh}。请写成 'm01' … 'm07'。",
                   "{where}: {value!r} is not one of the modules m01-m07{hint_en}. Write 'm01' ... 'm07'."),
    "title": ("课程总结：三层整合逻辑", "Course summary: the three layers"),
    "col_layer": ("层", "Layer"),
})


def module_code(value: Any, *, where: str = "module") -> str:
    """Normalise a module id (``"m3"``, ``"M03"``, ``"核心数据复盘"``) to ``"m01"`` … ``"m07"``.

    Raises
    ------
    BadSpecError
        When *value* names no module of m01–m07 (did-you-mean).

    Examples
    --------
    >>> module_code("M3"), module_code("核心数据复盘")
    ('m03', 'm07')
    """
    text = str(value).strip() if value is not None else ""
    match = _MODULE_RE.match(text.lower())
    if match:
        return f"m0{match.group(1)}"
    for code, (zh, en) in MODULES.items():
        if text in (zh, en) or text.lower() == en.lower():
            return code
    hint = did_you_mean(text, list(MODULES) + [zh for zh, _ in MODULES.values()])
    raise BadSpecError(*MSGS.both("bad_module", where=where, value=value, hint_zh=hint[0], hint_en=hint[1]),
                       column=where)


def layer_code(value: Any, *, where: str = "layer") -> str:
    """Normalise a layer name (``"执行层"``, ``"Execution layer"``, ``"execution"``) to its code.

    Examples
    --------
    >>> layer_code("执行层"), layer_code("Optimisation layer")
    ('execution', 'optimisation')
    """
    text = str(value).strip().lower() if value is not None else ""
    if text in _LAYER_NAMES:
        return _LAYER_NAMES[text]
    hint = did_you_mean(value, [layer.zh for layer in LAYERS] + [layer.code for layer in LAYERS])
    raise BadSpecError(*MSGS.both("bad_layer", where=where, value=value, hint_zh=hint[0], hint_en=hint[1]),
                       column=where)


def layer_of(module: Any) -> str:
    """The code of the layer a module belongs to.

    Examples
    --------
    >>> [layer_of(m) for m in ("m01", "m04", "m07")]
    ['base', 'execution', 'optimisation']
    """
    return _MODULE_OF_LAYER[module_code(module)]


def module_title(module: Any) -> str:
    """The module's short title in the current language.

    Examples
    --------
    >>> module_title("m02")
    '客户精准筛选'
    """
    return localized(*MODULES[module_code(module)])


def layer_name(code: str) -> str:
    """The name of a layer code in the current language."""
    return _BY_CODE[code].name


@dataclass(frozen=True)
class LayersResult(TableResult):
    """The three-layer summary: ``table`` (one row per module) and a chart.

    Columns of ``table`` (index ``module``): ``layer_code``, ``layer``,
    ``title``, ``role`` (the layer's role in the seed's words).
    """

    def plot(self, ax: "Axes | None" = None, highlight: Any = None, **kwargs: Any) -> "Axes":
        """Three bands (base, execution, optimisation), one box per module.

        Parameters
        ----------
        highlight : mapping or sequence, optional
            Modules to mark (e.g. the modules of your tasks); a mapping
            ``module -> text`` writes the text under the box.

        Examples
        --------
        >>> summary_layers().plot().get_title()
        '课程总结：三层整合逻辑'
        """
        return _draw_layers(self, ax, highlight)


#: Colour per layer (charts).
COLOURS = {"base": "#1f77b4", "execution": "#ff7f0e", "optimisation": "#2ca02c"}


def summary_layers() -> LayersResult:
    """The three layers with their modules (m01–m07), in the current language.

    Returns
    -------
    LayersResult
        ``.table`` indexed by module with ``layer_code``, ``layer``,
        ``title`` and ``role``; ``.plot()`` draws the three bands.

    Examples
    --------
    >>> t = summary_layers().table
    >>> t.loc["m07", ["layer_code", "title"]].tolist()
    ['optimisation', '核心数据复盘']
    """
    rows = [{"module": m, "layer_code": layer.code, "layer": layer.name, "title": module_title(m),
             "role": layer.role} for layer in LAYERS for m in layer.modules]
    return LayersResult(table=pd.DataFrame(rows).set_index("module"))


def _short(text: Any, n: int) -> str:
    s = str(text).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


@styled
def _draw_layers(res: LayersResult, ax: "Axes | None", highlight: Any) -> "Axes":
    from matplotlib.patches import FancyBboxPatch

    fig, ax = new_axes(ax, figsize=(10.0, 4.6))
    marks: dict[str, str] = {}
    if isinstance(highlight, dict):
        marks = {module_code(k): str(v) for k, v in highlight.items()}
    elif highlight is not None:
        marks = {module_code(m): "" for m in highlight}
    zh = get_language() == "zh"
    for row, layer in enumerate(LAYERS):
        y = 2 - row
        ax.add_patch(FancyBboxPatch((0, y + 0.05), 9.6, 0.8, boxstyle="round,pad=0.02",
                                    color=COLOURS[layer.code], alpha=0.12))
        ax.text(0.1, y + 0.45, layer.name, va="center", fontsize=11,
                color=COLOURS[layer.code])
        for i, m in enumerate(layer.modules):
            x = 1.9 + i * 1.95
            marked = m in marks
            ax.add_patch(FancyBboxPatch((x, y + 0.17), 1.75, 0.56, boxstyle="round,pad=0.03",
                                        color=COLOURS[layer.code], alpha=0.95 if marked else 0.55,
                                        ec="#c62828" if marked else "none", lw=2.5 if marked else 0))
            title = module_title(m)
            text = _short(title, 9) if zh else _short(title, 18)
            ax.text(x + 0.875, y + 0.45, f"{m}\n{text}", ha="center", va="center", color="white", fontsize=8.5)
            if marks.get(m):
                ax.text(x + 0.875, y + 0.1, _short(marks[m], 14 if zh else 24), ha="center", va="top",
                        fontsize=7.5, color="#c62828")
    ax.set_xlim(-0.1, 9.8)
    ax.set_ylim(-0.15, 3.0)
    ax.axis("off")
    ax.set_title(MSGS.label("title"))
    return ax
