"""The texts of the forms (one catalogue for the widgets package)."""

from __future__ import annotations

from .._i18n import Messages

MSGS = Messages({
    "copy": ("把下面这一行复制到答案单元格（它记录的是你的决定和计算方法，不是算好的数字）：",
             "Copy this line into the answer cell (it records your decisions and the calculation, "
             "not a computed number):"),
    "pick": ("（请选择）", "(choose)"),
    "step": ("第 {n} 步", "Step {n}"),
    "several": ("（可多选：勾选所有符合的项）", "(tick every one that applies)"),
    "snapshot": ("表单快照（在 JupyterLab 中运行本笔记本即可操作）", "Form snapshot (run this notebook in JupyterLab to use it)"),
})

_LAYOUT = {"width": "460px"}
_STYLE = {"description_width": "150px"}


