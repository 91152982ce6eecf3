"""m08 checks: the layer quiz, the plan's structure, its modules' consistency, the outcome tree's shape.

Examples
--------
>>> from kamlab.grading import Context
>>> _check_q1({"m01": "基础层"}, Context("m08")).score < 1
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..._errors import BadSpecError
from ...actionplan import LAYERS, MODULES, errors, layer_code, layer_of, module_code, validate
from ...grading import Context, Verdict, WrongType, fail, passed
from ._case import MIN_WHY, TODAY
from ._model import plan_or_none


def _check_q1(answer: Any, ctx: Context) -> Verdict:
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
        return passed(1.0)
    wrong = len(MODULES) - right
    return Verdict(ok=False, score=right / len(MODULES),
                   reason_zh=f"有 {wrong} 个模块的层不对（或没有选）。想一想：哪些是根基，哪些让动销落地，哪些让它持续提升？",
                   reason_en=f"{wrong} modules have the wrong (or no) layer. Think: which are the foundation, "
                             f"which get products sold, which keep sell-through improving?")


def _plan_errors(answer: Any) -> tuple[list[Any], tuple[str, str] | None]:
    """(errors of the plan on the course date, or None + a reason when it cannot be read)."""

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
        return fail("行动计划的格式不对：" + bad[0], "The plan is malformed: " + bad[1])
    if not errs:
        return passed(1.0)
    return fail("行动计划还有问题：" + "；".join(p.zh.rstrip("。") for p in errs) + "。",
                "The plan still has problems: " + "; ".join(p.en.rstrip(".") for p in errs) + ".")


def _their_plan(ctx: Context) -> Any:
    return plan_or_none(ctx.answers.get("q2", ...))


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    plan = _their_plan(ctx)
    if plan is None or not plan.tasks:
        return fail("先完成练习 2（行动计划）：这里要说明你的每项任务来自哪个模块。",
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
        return Verdict(ok=False, score=0.5 * right / n,
                       reason_zh=f"有 {n - right} 项任务的模块和你在练习 2 的计划里写的不一致（或不是 m01–m07）。",
                       reason_en=f"{n - right} tasks have a module that differs from your exercise-2 plan "
                                 f"(or is not m01-m07).")
    missing = [layer for layer in LAYERS if layer.code not in layers]
    why = answer.get("why")
    if not missing or (isinstance(why, str) and len(why.strip()) >= MIN_WHY):
        return passed(1.0)
    return Verdict(ok=False, score=0.5,
                   reason_zh="你的计划没有覆盖" + "、".join(layer.zh for layer in missing) + "：加一项这一层的任务，或在 why 里说明原因。",
                   reason_en="Your plan leaves out the " + ", ".join(layer.en for layer in missing)
                             + ": add a task there or say why in 'why'.")


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    table = getattr(answer, "table", answer)
    if not isinstance(table, pd.DataFrame):
        raise WrongType("kl.actionplan.outcome_tree(...) 的结果", "the result of kl.actionplan.outcome_tree(...)",
                        answer)
    frame = table.reset_index() if "node" not in table.columns else table
    if not {"node", "parent", "label"} <= set(frame.columns):
        return fail("成果树应有 node、parent、label 三列：请用 kl.actionplan.outcome_tree(...) 生成。",
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
        return fail("成果树里有重复的节点。", "The tree has duplicated nodes.")
    if wrong or dangling or blank:
        return fail("成果树的结构不对：根是课程，下面三层，每层挂它的模块，每个模块挂你的成果。请直接用 "
                    "kl.actionplan.outcome_tree(...) 生成，不要手改。",
                    "The tree's structure is wrong: the course at the root, three layers below, each layer's "
                    "modules under it, your result under each module. Make it with kl.actionplan.outcome_tree(...) "
                    "and do not edit it.")
    return passed(1.0)
