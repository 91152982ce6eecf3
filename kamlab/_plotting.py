"""Chart helpers: Chinese glyphs without system fonts, applied only when drawing.

kamlab ships no font of its own: the Noto Sans CJK SC face bundled with the
``mplfonts`` package is registered with matplotlib the first time a chart is
drawn, and every kamlab chart names it explicitly, so the glyphs render on a
machine with no CJK font installed.  Nothing is changed at import time and
the user's global ``rcParams`` are left alone.

Every drawing function is wrapped in :func:`styled` and gets its axes from
:func:`new_axes`.

Examples
--------
>>> @styled
... def draw(ax=None):
...     fig, ax = new_axes(ax)
...     ax.set_title("铺货率")
...     return ax
>>> draw().title.get_fontfamily()[0]
'Noto Sans CJK SC'
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


@lru_cache(maxsize=1)
def cjk_font_family() -> str:
    """Register the bundled CJK font with matplotlib once; return its family name.

    Examples
    --------
    >>> cjk_font_family()
    'Noto Sans CJK SC'
    """
    import importlib.resources as resources

    from matplotlib import font_manager

    path = resources.files("mplfonts") / "fonts" / CJK_FONT_FILE
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def chart_rc() -> dict[str, Any]:
    """Return the rcParams every kamlab chart is drawn with."""
    return {
        "font.family": [cjk_font_family(), "DejaVu Sans"],
        "axes.unicode_minus": False,
        "figure.dpi": 100,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": "kamlab",
    }


def new_axes(ax: "Axes | None" = None, *, figsize: tuple[float, float] = (7.0, 4.5),
             polar: bool = False) -> "tuple[Figure, Axes]":
    """Return ``(figure, axes)`` to draw on; call it inside a :func:`styled` function.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Draw on this axes instead of a new figure.
    figsize : (float, float)
        Size of a new figure in inches.
    polar : bool
        Make a polar axes (radar charts).
    """
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    fig = plt.figure(figsize=figsize)
    new = fig.add_subplot(projection="polar" if polar else None)
    return fig, new


def styled(func):  # type: ignore[no-untyped-def]
    """Decorator: run a drawing function under :func:`chart_rc`.

    Every text object created inside carries the CJK font family by name, so
    it renders correctly even after the context has closed.
    """
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        import matplotlib
        import matplotlib.pyplot as plt

        with plt.rc_context(chart_rc()):
            result = func(*args, **kwargs)
            # The first figure of a Jupyter session switches on interactive
            # mode (inline backend); leaving the context must not switch it
            # off again, or every later chart in the notebook stays hidden.
            interactive = matplotlib.is_interactive()
        matplotlib.interactive(interactive)
        return result

    return wrapper
