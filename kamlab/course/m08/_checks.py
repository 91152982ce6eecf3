"""m08 checks: the layer of each module, the draft tasks that do not qualify, the plan, the layers it covers.

q1, q2 and q4 are literal decisions (``Question(on="seen")``; m08 has no data, so the variant does not
matter); q4 is judged against the trainee's own plan of exercise 3.

Examples
--------
>>> from kamlab.grading import Context
>>> _check_q1({"m01": "基础层"}, Context("m08")).ok
False
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


from ..._errors import BadSpecError
from ...actionplan import LAYERS, MODULES, errors, layer_code, layer_of, module_code, validate
from ...grading import Context, Verdict, WrongType, fail, passed
from ._case import CANDIDATES, TODAY
from ._model import candidate_problems, candidate_text, plan_layers, plan_or_none

__all__ = ["_check_q1", "_check_q2", "_check_q3", "_check_q4"]

_LAYER = {layer.code: layer for layer in LAYERS}


def _layer(value: Any) -> str | None:
    try:
        return layer_code(value)
    except BadSpecError:
        return None


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {模块: 层}", "a dict {module: layer}", answer)
    given: dict[str, Any] = {}
    for key, value in answer.items():
        try:
            given[module_code(key)] = value
        except BadSpecError:
            pass
    empty = [m for m in MODULES if given.get(m) in (None, "")]
    if empty:
        return fail(f"还有 {len(empty)} 个模块没有选层。", f"{len(empty)} modules have no layer chosen yet.")
    wrong = [m for m in MODULES if _layer(given[m]) != layer_of(m)]
    if not wrong:
        return passed(1.0)
    zh = "；".join(f"{m} 不属于{given[m]}" for m in wrong[:2])
    en = "; ".join(f"{m} is not in {given[m]}" for m in wrong[:2])
    more = (f"（共 {len(wrong)} 个）", f" ({len(wrong)} in all)") if len(wrong) > 2 else ("", "")
    return Verdict(ok=False, score=(len(MODULES) - len(wrong)) / len(MODULES),
                   reason_zh=f"{zh}{more[0]}。", reason_en=f"{en}{more[1]}.")


def _ids(answer: Any) -> list[str] | None:
    if isinstance(answer, (list, tuple, set)) and all(isinstance(v, str) for v in answer):
        return [str(v).strip() for v in answer]
    return None


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    ids = _ids(answer)
    if ids is None:
        return fail("答案应该是任务编号的列表（用表单勾选）。", "The answer should be a list of task ids (tick them in the form).")
    if not ids:
        return fail("还没有勾选任何任务。", "No task ticked yet.")
    known = {c["id"]: c for c in CANDIDATES}
    unknown = [i for i in ids if i not in known]
    if unknown:
        return fail(f"{'、'.join(unknown)} 不是表里的任务编号。", f"{', '.join(unknown)} is not a task id of the table.")
    problems = candidate_problems()
    fine = [i for i in ids if not problems[i]]
    if fine:
        task = known[fine[0]]
        return fail(f"{fine[0]}「{task['task']}」有负责人、带数字的成果（{task['measure']}），{task['due']} 完成，在 3 个月内："
                    f"它是合格的落地任务。",
                    f"{fine[0]} “{candidate_text(task, 'task')}” has an owner, a result with a number and is due {task['due']}, within 3 months: it "
                    f"qualifies.")
    missing = [i for i, found in problems.items() if found and i not in ids]
    if missing:
        return fail(f"还漏了 {len(missing)} 项不合格的任务。", f"{len(missing)} task(s) that do not qualify are missing.")
    return passed(1.0)


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    if not isinstance(answer, (Mapping, list, tuple)):
        raise WrongType('一个字典 {"tasks": [...], "checkpoints": [...]}',
                        'a dict {"tasks": [...], "checkpoints": [...]}', answer)
    try:
        errs = errors(validate(answer, today=TODAY))
    except ValueError as err:
        return fail("行动计划的格式不对：" + getattr(err, "zh", str(err)), "The plan is malformed: " + getattr(err, "en", str(err)))
    if not errs:
        return passed(1.0)
    return fail("行动计划还有问题：" + "；".join(p.zh.rstrip("。") for p in errs) + "。",
                "The plan still has problems: " + "; ".join(p.en.rstrip(".") for p in errs) + ".")


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    plan = plan_or_none(ctx.answers.get("q3", ...))
    if plan is None or not plan.tasks:
        return fail("这一题读的是你在练习 3 中的行动计划：请先完成练习 3 并运行它的检查单元格。",
                    "This reads your action plan of exercise 3: answer exercise 3 first and run its check cell.")
    if not isinstance(answer, (list, tuple, set)):
        return fail("答案应该是层的列表（用表单勾选）。", "The answer should be a list of layers (tick them in the form).")
    if not answer:
        return fail("还没有勾选任何一层。", "No layer ticked yet.")
    given = [_layer(v) for v in answer]
    if None in given:
        bad = list(answer)[given.index(None)]
        return fail(f"“{bad}”不是三层之一。", f"“{bad}” is not one of the three layers.")
    truth = plan_layers(ctx.answers["q3"])
    extra = [c for c in dict.fromkeys(given) if c not in truth]
    if extra:
        layer = _LAYER[extra[0]]
        mods = "、".join(layer.modules)
        return fail(f"你的计划里没有来自{layer.zh}（{mods}）的任务：它没有被覆盖。",
                    f"No task of your plan draws on the {layer.en} ({', '.join(layer.modules)}): it is not covered.")
    missing = [c for c in truth if c not in given]
    if missing:
        task = next(t for t in plan.tasks if t["module"] in MODULES and layer_of(t["module"]) == missing[0])
        return fail(f"任务“{task['task']}”来自 {task['module']}：它所在的层也被覆盖了，漏勾了。",
                    f"Task “{task['task']}” draws on {task['module']}: its layer is covered too, and is not ticked.")
    return passed(1.0)
