"""m08 课程总结与行动规划 / Course summary and action plan.

Seed 000 §八: the integration logic of the course in three layers (基础层
m01–m02, 执行层 m03–m06, 优化层 m07); the commitment (承诺与闭环) — 3 core
tasks to land within 3 months, shared every month in a study group; and the
learning-outcome tree (学习成果树) drawn from the trainee's own results.

m08 has no bundled data: the answers are the trainee's own.  The checks
are a quiz (each module's layer: literal, partial credit), *structure*
(the plan validates on the course date :data:`TODAY`: 3 tasks, owner,
measurable result, dates within 90 days, monthly checkpoints; the outcome
tree has the right shape), *consistency* (the module of each task, as
stated in exercise 3, is the one in the plan, and the plan covers the three
layers or says why not) and one free-text commitment scored by hand.

The grader runs the notebook alone, so the tree then shows every module as
"未完成 / not done": the check looks at the tree's structure only.

Examples
--------
>>> from kamlab.course import m08
>>> m08.TODAY, m08.BANK.keys()
('2026-11-01', ['q1', 'q2', 'q3', 'q4', 'q5'])
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .. import actionplan as _actionplan  # noqa: F401 - makes kl.actionplan available once the workbook opens
from .._i18n import Messages
from ..grading import Context, Question, QuestionBank, Verdict, WrongType

__all__ = ["MODULE", "TODAY", "K", "BANK", "key_account", "plan_or_none", "plan_view", "coverage_view", "tree_view",
           "layers_form", "plan_form", "modules_form", "tree_form"]

#: Module id.
MODULE = "m08"
#: Fixed course date (the same course day as m01 and m07).
TODAY = "2026-11-01"
#: The seed's 3 core tasks in 3 months.
K = 3
#: Shortest "why" (characters) that justifies a layer left out of the plan.
MIN_WHY = 8

MSGS = Messages({
    "pick": ("（请选择）", "(choose)"),
    "layers_title": ("每个模块属于哪一层？", "Which layer does each module belong to?"),
    "plan_title": ("3 个月内的 3 项核心落地任务（日期写 YYYY-MM-DD，{today} 起 90 天内）",
                   "3 core tasks within 3 months (dates YYYY-MM-DD, within 90 days from {today})"),
    "task": ("任务", "task"),
    "module": ("来自模块 m01–m07", "module m01-m07"),
    "finding": ("针对的发现", "finding it acts on"),
    "owner": ("负责人", "owner"),
    "measure": ("可衡量成果（含数字）", "measurable result (a number)"),
    "start": ("开始 YYYY-MM-DD", "start YYYY-MM-DD"),
    "due": ("完成 YYYY-MM-DD", "due YYYY-MM-DD"),
    "checkpoints": ("月度分享日", "Monthly reviews"),
    "plan_ok": ("✓ 计划完整。", "✓ The plan is complete."),
    "need_q2": ("先完成练习 2（行动计划）。", "Finish exercise 2 (the action plan) first."),
    "need_q4": ("先完成练习 4（学习成果树）。", "Finish exercise 4 (the outcome tree) first."),
    "modules_title": ("每项任务来自哪个模块？计划没有覆盖三层时，说明原因。",
                      "Which module does each task draw on? If the plan leaves a layer out, say why."),
    "why": ("没覆盖某一层的原因", "Why a layer is left out"),
    "covered": ("覆盖的层：{layers}", "Layers covered: {layers}"),
    "tree_title": ("学习成果树：把你的行动计划挂到树上吗？", "Outcome tree: hang your action plan on it?"),
    "with_plan": ("挂上行动计划", "With my action plan"),
    "without_plan": ("只看各模块成果", "Module results only"),
    "show": ("显示", "Show"),
    "task_n": ("任务 {i}", "Task {i}"),
})


# --------------------------------------------------------------------------- helpers used in the notebook
def key_account(account: Any, collected: Any = None) -> str | None:
    """The key account: the ``account`` parameter, else the one chosen in m02 (from the collected answers).

    Examples
    --------
    >>> key_account("C07"), key_account(None, {"m02": {"q5": "C18"}}), key_account(None)
    ('C07', 'C18', None)
    """
    if isinstance(account, str) and account.strip():
        return account.strip()
    answers = getattr(collected, "answers", collected)
    if isinstance(answers, Mapping):
        chosen = (answers.get("m02") or {}).get("q5")
        if isinstance(chosen, str) and chosen.strip():
            return chosen.strip()
    return None


def plan_or_none(q2: Any) -> Any:
    """The trainee's plan (exercise 2) as an :class:`~kamlab.actionplan.ActionPlan`, or None.

    Examples
    --------
    >>> plan_or_none(...) is None, plan_or_none("计划") is None
    (True, True)
    """
    from ..actionplan import ActionPlan

    if q2 is Ellipsis or q2 is None:
        return None
    try:
        return ActionPlan(q2)
    except (ValueError, TypeError):
        return None


def _report(plan: Any) -> str:
    from ..actionplan import validate

    problems = validate(plan, today=TODAY)
    if not problems:
        return MSGS("plan_ok")
    return "\n".join(("✗ " if p.severity == "error" else "! ") + p.message for p in problems)


def plan_view(q2: Any) -> None:
    """Show a q2 plan: ✓ or its problems, then its Gantt chart (a note while not answered).

    Examples
    --------
    >>> plan_view(...)
    先完成练习 2（行动计划）。
    """
    plan = plan_or_none(q2)
    if plan is None:
        print(MSGS("need_q2"))
        return None
    print(_report(plan))
    plan.plot(today=TODAY)
    return None


def coverage_view(q2: Any) -> None:
    """The three layers with the modules of the plan's tasks marked.

    Examples
    --------
    >>> coverage_view(...)
    先完成练习 2（行动计划）。
    """
    from ..actionplan import LAYERS, layer_of, summary_layers

    plan = plan_or_none(q2)
    if plan is None:
        print(MSGS("need_q2"))
        return None
    marks: dict[str, str] = {}
    for i, task in enumerate(plan.tasks, start=1):
        if task["module"] in _actionplan.MODULES:
            marks[task["module"]] = (marks.get(task["module"], "") + f" {i}").strip()
    covered = {layer_of(m) for m in marks}
    print(MSGS("covered", layers="、".join(layer.name for layer in LAYERS if layer.code in covered) or "—"))
    summary_layers().plot(highlight={m: MSGS("task_n", i=v) for m, v in marks.items()})
    return None


def tree_view(q4: Any) -> None:
    """Draw the q4 outcome tree (a note while exercise 4 is not answered).

    Examples
    --------
    >>> tree_view(...)
    先完成练习 4（学习成果树）。
    """
    if not hasattr(q4, "plot") or not hasattr(q4, "table"):
        print(MSGS("need_q4"))
        return None
    q4.plot()
    return None


# --------------------------------------------------------------------------- forms
def layers_form() -> Any:
    """Exercise 1: one drop-down per module m01–m07: its layer.

    Examples
    --------
    >>> form = layers_form()
    >>> form.controls["m07"].value = "优化层"
    >>> form.line.endswith('"m07": "优化层"}')
    True
    """
    from ..actionplan import LAYERS, MODULES, module_title
    from ..widgets import match_quiz

    return match_quiz({m: f"{m} {module_title(m)}" for m in MODULES}, [(layer.name, layer.zh) for layer in LAYERS],
                      key="q1", title=MSGS("layers_title"), blank=(MSGS("pick"), ""))


_PLAN_COLUMNS = ("task", "module", "finding", "owner", "measure", "start", "due")
_SPLIT = re.compile(r"[,，、;；\s]+")


def _plan_value(v: dict[str, Any]) -> dict[str, Any]:
    tasks = [{c: ("" if r.get(c) is None else r.get(c)) for c in _PLAN_COLUMNS} for r in v["tasks"]]
    text = str(v["checkpoints"] or "")
    return {"tasks": tasks, "checkpoints": [s for s in _SPLIT.split(text) if s]}


def _plan_line(value: dict[str, Any]) -> str:
    from ..widgets import literal

    return f"q2 = {literal(value)}"


def plan_form() -> Any:
    """Exercise 2: a table of 3 tasks and the monthly review dates; the problems and the Gantt chart follow.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = plan_form()
    ...     row = form.controls["tasks"].cells[0]
    ...     row["task"].value, row["module"].value = "C34 补铺", "m07"
    ...     form.controls["checkpoints"].value = "2026-11-30, 2026-12-31"
    >>> form.line.startswith('q2 = {"tasks": [{"task": "C34 补铺", "module": "m07", "finding": ""')
    True
    >>> form.line.endswith('"checkpoints": ["2026-11-30", "2026-12-31"]}')
    True
    """
    import ipywidgets as w

    from ..actionplan import ActionPlan
    from ..widgets import TableEditor

    editor = TableEditor([{} for _ in range(K)], list(_PLAN_COLUMNS), labels={c: MSGS(c) for c in _PLAN_COLUMNS})
    checkpoints = w.Text(value="", description=MSGS("checkpoints"), placeholder="2026-11-30, 2026-12-31, 2027-01-29",
                         layout={"width": "460px"}, style={"description_width": "150px"})

    def draw(v: dict[str, Any]) -> None:
        value = _plan_value(v)
        plan = ActionPlan(value)
        if value["checkpoints"] or any(str(x).strip() for t in value["tasks"] for x in t.values()):
            print(_report(plan))   # nothing to list while the table is still empty
        plan.plot(today=TODAY)

    return _Form({"tasks": editor, "checkpoints": checkpoints}, line=lambda v: _plan_line(_plan_value(v)), draw=draw,
                 title=MSGS("plan_title", today=TODAY))


def _Form(controls: dict[str, Any], **kwargs: Any) -> Any:
    from ..widgets import AnswerForm

    return AnswerForm(controls, **kwargs)


def modules_form(q2: Any) -> Any:
    """Exercise 3: for each task of your plan, the module it draws on; a reason if a layer is left out.

    Examples
    --------
    >>> import contextlib, io
    >>> plan = {"tasks": [{"task": "C34 补铺", "module": "m07"}], "checkpoints": []}
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = modules_form(plan)
    >>> form.line
    'q3 = {"modules": {"C34 补铺": "m07"}, "why": ""}'
    """
    import ipywidgets as w

    from ..actionplan import MODULES, module_title, summary_layers
    from ..widgets import dropdown, literal

    plan = plan_or_none(q2)
    tasks = [str(t["task"] or "").strip() for t in plan.tasks] if plan is not None else []
    tasks = [t or MSGS("task_n", i=i) for i, t in enumerate(tasks, start=1)] or \
        [MSGS("task_n", i=i) for i in range(1, K + 1)]
    preset = [t["module"] if t["module"] in MODULES else "" for t in plan.tasks] if plan is not None else []
    preset += [""] * (len(tasks) - len(preset))
    options = [(MSGS("pick"), "")] + [(f"{m} {module_title(m)}", m) for m in MODULES]
    controls: dict[str, Any] = {t: dropdown(options, p, label=t[:14]) for t, p in zip(tasks, preset)}
    controls["why"] = w.Text(value="", description=MSGS("why"), layout={"width": "460px"},
                             style={"description_width": "150px"})
    names = list(tasks)

    def line(v: dict[str, Any]) -> str:
        return "q3 = " + literal({"modules": {t: v[t] or None for t in names}, "why": v["why"]})

    def draw(v: dict[str, Any]) -> None:
        if plan is None:
            print(MSGS("need_q2"))
        marks = {}
        for i, t in enumerate(names, start=1):
            if v[t]:
                marks[v[t]] = (marks.get(v[t], "") + f" {i}").strip()
        summary_layers().plot(highlight={m: MSGS("task_n", i=n) for m, n in marks.items()})

    return _Form(controls, line=line, draw=draw, title=MSGS("modules_title"))


def tree_form(collected: Any, q2: Any) -> Any:
    """Exercise 4: the outcome tree from your collected answers, with or without your plan's tasks.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = tree_form(kl.actionplan.collect_answers("/nonexistent"), ...)
    >>> form.line
    'q4 = kl.actionplan.outcome_tree(kl.actionplan.collect_answers(answers_folder), plan=q2, account=account)'
    """
    from ..actionplan import outcome_tree
    from ..widgets import dropdown

    choice = dropdown([(MSGS("with_plan"), True), (MSGS("without_plan"), False)], True, label=MSGS("show"))

    def line(v: dict[str, Any]) -> str:
        plan = ", plan=q2" if v["plan"] else ""
        return f"q4 = kl.actionplan.outcome_tree(kl.actionplan.collect_answers(answers_folder){plan}, account=account)"

    def draw(v: dict[str, Any]) -> None:
        outcome_tree(collected, plan=plan_or_none(q2) if v["plan"] else None).plot()

    return _Form({"plan": choice}, line=line, draw=draw, title=MSGS("tree_title"))


# --------------------------------------------------------------------------- checks
def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    from .._errors import BadSpecError
    from ..actionplan import MODULES, layer_code, layer_of, module_code

    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {模块: 层}", "a dict {module: layer}", answer)
    given: dict[str, Any] = {}
    for key, value in answer.items():
        try:
            given[module_code(key)] = value
        except BadSpecError:
            pass
    right = 0
    for m in MODULES:
        try:
            right += layer_code(given.get(m)) == layer_of(m)
        except BadSpecError:
            pass
    if right == len(MODULES):
        return Verdict(ok=True, score=1.0)
    wrong = len(MODULES) - right
    return _fail(f"有 {wrong} 个模块的层不对（或没有选）。想一想：哪些是根基，哪些让动销落地，哪些让它持续提升？",
                 f"{wrong} modules have the wrong (or no) layer. Think: which are the foundation, which get "
                 f"products sold, which keep sell-through improving?", score=right / len(MODULES))


def _plan_errors(answer: Any) -> tuple[list[Any], tuple[str, str] | None]:
    """(errors of the plan on the course date, or None + a reason when it cannot be read)."""
    from ..actionplan import errors, validate

    try:
        return errors(validate(answer, today=TODAY)), None
    except ValueError as err:
        return [], (getattr(err, "zh", str(err)), getattr(err, "en", str(err)))


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, (Mapping, list, tuple)):
        raise WrongType('一个字典 {"tasks": [...], "checkpoints": [...]}',
                        'a dict {"tasks": [...], "checkpoints": [...]}', answer)
    errs, bad = _plan_errors(answer)
    if bad is not None:
        return _fail("行动计划的格式不对：" + bad[0], "The plan is malformed: " + bad[1])
    if not errs:
        return Verdict(ok=True, score=1.0)
    return _fail("行动计划还有问题：" + "；".join(p.zh.rstrip("。") for p in errs) + "。",
                 "The plan still has problems: " + "; ".join(p.en.rstrip(".") for p in errs) + ".")


def _their_plan(ctx: Context) -> Any:
    return plan_or_none(ctx.answers.get("q2", ...))


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    from .._errors import BadSpecError
    from ..actionplan import LAYERS, layer_of, module_code

    plan = _their_plan(ctx)
    if plan is None or not plan.tasks:
        return _fail("先完成练习 2（行动计划）：这里要说明你的每项任务来自哪个模块。",
                     "Finish exercise 2 (the action plan) first: this says which module each of your tasks draws on.")
    if not isinstance(answer, Mapping) or not isinstance(answer.get("modules"), Mapping):
        raise WrongType('一个字典 {"modules": {任务: 模块}, "why": "..."}',
                        'a dict {"modules": {task: module}, "why": "..."}', answer)
    given = {str(k).strip(): v for k, v in answer["modules"].items()}
    right, layers = 0, set()
    for task in plan.tasks:
        try:
            module = module_code(given.get(str(task["task"] or "").strip()))
        except BadSpecError:
            continue
        if module == task["module"]:
            right += 1
            layers.add(layer_of(module))
    n = len(plan.tasks)
    if right < n:
        return _fail(f"有 {n - right} 项任务的模块和你在练习 2 的计划里写的不一致（或不是 m01–m07）。",
                     f"{n - right} tasks have a module that differs from your exercise-2 plan (or is not m01-m07).",
                     score=0.5 * right / n)
    missing = [layer for layer in LAYERS if layer.code not in layers]
    why = answer.get("why")
    if not missing or (isinstance(why, str) and len(why.strip()) >= MIN_WHY):
        return Verdict(ok=True, score=1.0)
    return _fail("你的计划没有覆盖" + "、".join(layer.zh for layer in missing) + "：加一项这一层的任务，或在 why 里说明原因。",
                 "Your plan leaves out the " + ", ".join(layer.en for layer in missing) + ": add a task there or "
                 "say why in 'why'.", score=0.5)


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    import pandas as pd

    from ..actionplan import LAYERS, MODULES, layer_of

    table = getattr(answer, "table", answer)
    if not isinstance(table, pd.DataFrame):
        raise WrongType("kl.actionplan.outcome_tree(...) 的结果", "the result of kl.actionplan.outcome_tree(...)",
                        answer)
    frame = table.reset_index() if "node" not in table.columns else table
    if not {"node", "parent", "label"} <= set(frame.columns):
        return _fail("成果树应有 node、parent、label 三列：请用 kl.actionplan.outcome_tree(...) 生成。",
                     "The tree needs the columns node, parent and label: make it with kl.actionplan.outcome_tree(...).")
    nodes = [str(n) for n in frame["node"]]
    parent = {str(n): (None if p is None or (isinstance(p, float) and p != p) else str(p))
              for n, p in zip(frame["node"], frame["parent"])}
    labels = {str(n): lab for n, lab in zip(frame["node"], frame["label"])}
    want = {"course": None, **{layer.code: "course" for layer in LAYERS}, **{m: layer_of(m) for m in MODULES},
            **{f"{m}.result": m for m in MODULES}}
    wrong = [n for n, p in want.items() if n not in parent or parent[n] != p]
    dangling = [n for n in nodes if n != "course" and parent.get(n) not in parent]
    blank = [n for n in nodes if not isinstance(labels.get(n), str) or not labels[n].strip()]
    if len(set(nodes)) != len(nodes):
        return _fail("成果树里有重复的节点。", "The tree has duplicated nodes.")
    if wrong or dangling or blank:
        return _fail("成果树的结构不对：根是课程，下面三层，每层挂它的模块，每个模块挂你的成果。请直接用 "
                     "kl.actionplan.outcome_tree(...) 生成，不要手改。",
                     "The tree's structure is wrong: the course at the root, three layers below, each layer's "
                     "modules under it, your result under each module. Make it with kl.actionplan.outcome_tree(...) "
                     "and do not edit it.")
    return Verdict(ok=True, score=1.0)


BANK = QuestionBank(
    module=MODULE,
    title=("课程总结与行动规划", "Course summary and action plan"),
    datasets=(),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("把 m01–m07 七个模块放进三层：基础层、执行层、优化层。",
                    "Place the modules m01-m07 in the three layers: base, execution, optimisation."),
            check=_check_q1,
            hint=("基础层 = 先明确岗位定位、再锁定高价值客户；执行层 = 需求机会 → 策略与资源 → 协议 → 总部到门店；"
                  "优化层 = 数据监测、深挖根源。",
                  "Base = the role first, then the high-value accounts; execution = needs and opportunities → "
                  "strategy and resources → agreement → HQ to store; optimisation = data monitoring and root causes."),
        ),
        Question(
            key="q2", points=4,
            prompt=("写出 3 个月内的 3 项核心落地任务（模块依据、负责人、可衡量成果、日期）和每月的进展分享日。",
                    "Write your 3 core tasks for the next 3 months (module finding, owner, measurable result, "
                    "dates) and the monthly progress-sharing dates."),
            check=_check_q2,
            hint=(f"每项任务写明来自哪个模块（m01–m07）和针对的发现；成果里写数字；完成日期在 {TODAY} 后 90 天内；"
                  "3 个月每月至少一个分享日。",
                  f"Each task names its module (m01-m07) and the finding it acts on; a number in the result; due "
                  f"within 90 days after {TODAY}; at least one sharing date in each of the 3 months."),
        ),
        Question(
            key="q3", points=2,
            prompt=("每项任务来自哪个模块？你的计划覆盖了三层吗？没覆盖的层说明原因。",
                    "Which module does each task draw on? Does your plan cover the three layers? Say why for a "
                    "layer left out."),
            check=_check_q3,
            hint=("模块要和练习 2 计划里的一致；三层都覆盖最好，否则在 why 里用一句话说明原因。",
                  "The modules must match your exercise-2 plan; covering all three layers is best, otherwise "
                  "say why in one sentence in 'why'."),
        ),
        Question(
            key="q4", points=2,
            prompt=("画出你的学习成果树：课程 → 三层 → 模块 → 你在每个模块的成果。",
                    "Draw your learning-outcome tree: course → three layers → modules → your result in each."),
            check=_check_q4,
            hint=("用 kl.actionplan.outcome_tree(kl.actionplan.collect_answers(answers_folder), plan=q2)。",
                  "Use kl.actionplan.outcome_tree(kl.actionplan.collect_answers(answers_folder), plan=q2)."),
        ),
        Question(
            key="q5", points=3,
            prompt=("写下你的承诺：三个月后你要看到什么结果？你会在交流小组里怎样每月分享进展？",
                    "Write your commitment: what result will you see in three months, and how will you share "
                    "progress in the study group every month?"),
            check=None, manual=True,
        ),
    ),
)
