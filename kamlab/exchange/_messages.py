"""The texts of the class exchange (one catalogue for the package)."""

from __future__ import annotations

from .._i18n import Messages

MSGS = Messages({
    "no_exchange": ("还没有设置班级的提交文件夹（KAMLAB_EXCHANGE）：请把这本 .ipynb 文件直接交给讲师",
                    "No class collect folder is set (KAMLAB_EXCHANGE): hand this .ipynb file to your "
                    "instructor"),
    "no_exchange_cli": ("没有给出班级的交换文件夹：请加 --exchange 文件夹，或设置环境变量 KAMLAB_EXCHANGE",
                        "No class exchange folder given: add --exchange FOLDER or set the environment variable "
                        "KAMLAB_EXCHANGE"),
    "no_collect": ("班级的提交文件夹 {path} 不存在：请讲师先运行 kamlab exchange init --exchange {root}；"
                   "在那之前请把 .ipynb 文件直接交给讲师",
                   "The class collect folder {path} does not exist: the instructor runs kamlab exchange init "
                   "--exchange {root} first; until then hand the .ipynb file to your instructor"),
    "no_notebook": ("找不到这本笔记本的文件（只有在 JupyterLab 里打开的笔记本才能提交）：先保存，再把 .ipynb "
                    "文件交给讲师", "The notebook's file cannot be found (only a notebook open in JupyterLab "
                    "can be submitted): save it and hand the .ipynb file to your instructor"),
    "missing_notebook": ("笔记本文件 {path} 不存在：先保存笔记本（Ctrl+S），再提交",
                         "The notebook file {path} does not exist: save the notebook (Ctrl+S), then submit"),
    "not_notebook": ("{path} 不是一本可以读取的 Jupyter 笔记本（.ipynb）：请在 JupyterLab 里保存后再提交",
                     "{path} is not a readable Jupyter notebook (.ipynb): save it in JupyterLab, then submit"),
    "too_big": ("笔记本文件 {path} 超过 {mb} MB：请删掉大的输出（Edit → Clear Outputs of All Cells），保存后再提交",
                "The notebook file {path} is over {mb} MB: clear the large outputs (Edit → Clear Outputs of "
                "All Cells), save, then submit"),
    "other_module": ("这本笔记本是模块 {found} 的，不是 {module}：请在 {module} 的笔记本里提交",
                     "This notebook belongs to module {found}, not {module}: submit from the {module} notebook"),
    "unsaved": ("笔记本文件比你最后一次作答还旧（{path}）：先保存（Ctrl+S），再提交，讲师才能看到最新的答案",
                "The notebook file is older than your last answer ({path}): save it (Ctrl+S), then submit, "
                "so your instructor gets your latest answers"),
    "submitted": ("已提交 {module} · {when} · 第 {n} 次", "Submitted {module} · {when} · submission {n}"),
    "not_yet": ("还没有提交 {module}：保存笔记本（Ctrl+S）后点“提交 / Submit”",
                "{module} not submitted yet: save the notebook (Ctrl+S), then press \"提交 / Submit\""),
    "submitting": ("正在提交……", "Submitting…"),
    "failed": ("没有提交：{reason}", "Not submitted: {reason}"),
    "button": ("提交 / Submit", "提交 / Submit"),
    "button_tip": ("把保存好的笔记本交到班级的提交文件夹", "Hand the saved notebook in to the class's collect folder"),
    "snapshot": ("（“提交 / Submit”按钮在 JupyterLab 里运行本笔记本时可用）",
                 "(the \"提交 / Submit\" button works when you run this notebook in JupyterLab)"),
    "no_group": ("没有用户组 {group!r}：请先创建它（groupadd {group}）并把讲师加入，或不加 --group",
                 "There is no group {group!r}: create it (groupadd {group}) and add the instructors, or leave "
                 "out --group"),
    "need_root": ("设置用户组 {group!r} 需要管理员权限（sudo）：{error}",
                  "Setting group {group!r} needs administrator rights (sudo): {error}"),
    "bad_root": ("提交文件夹的位置 {root} 不能用：{error}", "The exchange location {root} cannot be used: {error}"),
    "empty": ("{path} 里没有模块 {module} 的作业：学员还没有提交，或模块写错了",
              "There are no submissions of module {module} in {path}: nobody has submitted yet, or the module "
              "is misspelt"),
    "bad_module": ("模块 {module!r} 不对：应该像 m02 这样", "Module {module!r} is not valid: it looks like m02"),
    "skip_name": ("跳过 {name}：不是一份提交的作业（文件名不是“学员+模块+时间+编号.ipynb”）",
                  "Skipped {name}: not a submission (the name is not trainee+module+time+id.ipynb)"),
    "skip_kind": ("跳过 {name}：不是普通文件", "Skipped {name}: not a regular file"),
    "skip_bad": ("跳过 {name}：不是模块 {module} 的 Jupyter 笔记本（{why}）",
                 "Skipped {name}: not a Jupyter notebook of module {module} ({why})"),
    "owner": ("{name} 由系统用户 {owner} 提交：记在 {owner} 名下（文件名里写的是 {named}）",
              "{name} was handed in by system user {owner}: filed under {owner} (its name says {named})"),
    "no_grades": ("{path} 不是 kamlab grade 的输出文件夹（没有 gradebook.csv 和 feedback/）：请给出 kamlab grade "
                  "--out 的文件夹", "{path} is not an output folder of kamlab grade (no gradebook.csv and "
                  "feedback/): give the folder of kamlab grade --out"),
    "no_target": ("请给出反馈页送到哪里：--homes（每位学员的主目录）或 --to 文件夹（二选一）",
                  "Say where the feedback pages go: --homes (each trainee's home) or --to FOLDER (one of the two)"),
    "no_pages": ("{path} 里没有能发回的反馈页：成绩表里没有“学员文件夹/作业.ipynb”这样的作业（请用 kamlab collect "
                 "收作业后再评分）", "There is no feedback page to return in {path}: the gradebook has no "
                 "submission like trainee-folder/notebook.ipynb (collect with kamlab collect, then grade)"),
    "skip_row": ("跳过成绩表的 {file}：{why}", "Skipped {file} of the gradebook: {why}"),
    "why_layout": ("不在学员文件夹里", "it is not in a trainee's folder"),
    "why_twice": ("学员 {trainee} 有不止一份作业", "trainee {trainee} has more than one submission"),
    "why_page": ("没有反馈页 {page}", "there is no feedback page {page}"),
    "why_user": ("没有系统用户 {trainee}", "there is no system user {trainee}"),
    "why_admin": ("不给系统管理员账户发反馈", "no feedback goes to the administrator account"),
    "why_rights": ("写入别人的主目录需要管理员权限（sudo）", "writing into another user's home needs "
                   "administrator rights (sudo)"),
    "why_home": ("主目录 {home} 不能安全写入：{error}", "home {home} cannot be written safely: {error}"),
})
