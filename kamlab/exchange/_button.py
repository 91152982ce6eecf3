"""The "提交 / Submit" button with its live status line, under ``wb.summary()``'s table.

:func:`submit_box` builds the live widget (ipywidgets) around an HTML block
(the summary table) and :func:`status_html` is the status line on its own, so
a stored notebook (no kernel) shows the table and the status as plain HTML.

Examples
--------
>>> box = submit_box(lambda: None, ("还没有提交 m02", "m02 not submitted yet"), above="<table></table>")
>>> box.button.description, "还没有提交 m02" in box.status.value
('提交 / Submit', True)
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from .._errors import KamlabInputError
from .._i18n import get_language
from ._messages import MSGS

__all__ = ["submit_box", "status_html"]


def status_html(pair: tuple[str, str], *, ok: bool = True) -> str:
    """The status line: in Chinese with the English below it in grey; in English mode English only.

    Examples
    --------
    >>> status_html(("已提交", "Submitted"))
    '<div class="kamlab-submit-status"><span>已提交</span><br><small style="color:#666">Submitted</small></div>'
    >>> import kamlab as kl; kl.set_language("en"); status_html(("已提交", "Submitted")); kl.set_language("zh")
    '<div class="kamlab-submit-status"><span>Submitted</span></div>'
    """
    first, second = pair if get_language() == "zh" else (pair[1], pair[1])
    colour = "" if ok else ' style="color:#b00020"'
    other = f'<br><small style="color:#666">{html.escape(second)}</small>' if second != first else ""
    return f'<div class="kamlab-submit-status"><span{colour}>{html.escape(first)}</span>{other}</div>'


def _reason(exc: Exception) -> tuple[str, str]:
    if isinstance(exc, KamlabInputError):
        return exc.zh, exc.en
    detail = f"{type(exc).__name__}: {exc}"
    return detail, detail


def submit_box(submit: Callable[[], Any], status: tuple[str, str], *, ok: bool = True, above: str = "") -> Any:
    """A box: *above* (HTML), then the "提交 / Submit" button and its status line.

    Parameters
    ----------
    submit : callable
        Called on a click; returns an object whose ``both()`` is the new
        status (a :class:`~kamlab.exchange.Receipt`), or raises a kamlab
        error whose message becomes the status.
    status : (str, str)
        The status shown before any click (zh, en).
    ok : bool
        False shows *status* as a problem (red).
    above : str
        HTML shown above the button (the summary table).

    Returns
    -------
    ipywidgets.VBox
        With ``button`` and ``status`` attributes.
    """
    import ipywidgets as w  # lazy: only a notebook's summary draws it; the command line never does

    button = w.Button(description=MSGS("button"), tooltip=MSGS("button_tip"), icon="upload",
                      button_style="primary")
    button.add_class("kamlab-submit")
    line = w.HTML(status_html(status, ok=ok))
    line.add_class("kamlab-submit-line")

    def clicked(_: Any) -> None:
        button.disabled = True
        line.value = status_html(MSGS.both("submitting"))
        try:
            receipt = submit()
        except (KamlabInputError, OSError) as exc:
            zh, en = _reason(exc)
            line.value = status_html((MSGS.both("failed", reason=zh)[0], MSGS.both("failed", reason=en)[1]),
                                     ok=False)
        else:
            line.value = status_html(receipt.both())
        finally:
            button.disabled = False

    button.on_click(clicked)
    parts = ([w.HTML(above)] if above else []) + [w.HBox([button, line])]
    box = w.VBox(parts)
    box.button, box.status = button, line
    return box
