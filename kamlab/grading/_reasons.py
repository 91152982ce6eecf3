"""Submission-level reasons the grader gives (status -> Chinese, English), shown in gradebook and feedback."""

from __future__ import annotations

from typing import Any

__all__ = ["REASONS", "reason"]

#: Submission-level reasons (status -> (zh, en)); ``{}`` fields are filled in.
REASONS: dict[str, tuple[str, str]] = {
    "not_a_notebook": ("文件不是有效的 notebook（JSON 损坏或格式不对），无法运行：请重新导出 .ipynb 后再交",
                       "the file is not a valid notebook (corrupt JSON or wrong format) and cannot be run: "
                       "export the .ipynb again and resubmit"),
    "wrong_module": ("这是模块 {found} 的 notebook，不是本次评分的模块 {module}：请交正确的作业",
                     "this is a notebook of module {found}, not of module {module} being graded: "
                     "submit the right workbook"),
    "no_answers": ("notebook 没有记录任何本模块的答案（检查单元格被删除或没有运行到）",
                   "the notebook recorded no answer for this module (check cells deleted or never reached)"),
    "timeout": ("运行超过 {timeout} 秒被终止（死循环？）；只对终止前记录的答案评分",
                "stopped after {timeout} s (endless loop?); only answers recorded before that were graded"),
    "kernel_died": ("内核崩溃（os._exit、段错误或内存耗尽）；只对崩溃前记录的答案评分",
                    "the kernel died (os._exit, segfault or out of memory); only answers recorded "
                    "before the crash were graded"),
    "memory_limit": ("超出内存上限 {memory_mb} MB（单元格 {cells} 报 MemoryError）",
                     "memory limit of {memory_mb} MB exceeded (MemoryError in cell {cells})"),
    "output_too_large": ("输出超过 {max_output_mb} MB，多余的输出已被丢弃",
                         "output exceeded {max_output_mb} MB, the rest was dropped"),
    "worker_error": ("评分进程无法运行这个 notebook：{error}",
                     "the grader could not run this notebook: {error}"),
    "cell_errors": ("单元格 {cells} 运行出错（其余单元格照常运行）",
                    "cell(s) {cells} raised an error (the other cells still ran)"),
    "no_parameters_cell": ("缺少 parameters 单元格：评分参数插在了最前面",
                           "no parameters cell: the grading parameters were inserted at the top"),
    "no_parameters": ("没有标记为 parameters 的单元格：评分器按变量（trainee、variant、language）找到了它并照常评分",
                      "no cell tagged parameters: the grader found it by its variables (trainee, variant, "
                      "language) and graded as usual"),
    "outside_access": ("在自己的工作文件夹之外访问了文件（不影响得分，请教师核查）：{what}",
                       "accessed files outside its own working folder (no effect on points; "
                       "instructor, please check): {what}"),
    "copied": ("答案与 {others} 的完全相同或几乎相同：请讲师核查是否抄袭",
               "answers identical or nearly identical to those of {others}: instructor, please check for copying"),
    "not_isolated": ("未隔离运行（本机没有可用的 bubblewrap）：作业可能读到本机其他文件",
                     "not isolated (no working bubblewrap here): the submission could read other files"),
    "unreadable_output": ("运行后的 notebook 无法读取（可能在保存时被终止）",
                          "the executed notebook could not be read (probably killed while saving)"),
}


def reason(status: str, **fields: Any) -> dict[str, str]:
    """The reason record ``{code, zh, en}`` of *status* with its fields filled in."""
    zh, en = REASONS[status]
    return {"code": status, "zh": zh.format(**fields), "en": en.format(**fields)}


