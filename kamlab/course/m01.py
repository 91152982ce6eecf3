"""m01 岗位认知升维 / Role: from service mindset to business mindset.

Seed 000 §一: the vicious circle 重签约轻经营 (动销差 → 签约难), the service
role vs the business role, the six-stage full cycle 合作客户精准筛选 →
信息收集与机会洞察 → 策略制定与资源整合 → 双赢协议谈判 → 终端动销执行 →
核心数据复盘, the business mindset 重动销、重过程, and the three value
dimensions 客户价值挖掘、内部资源协同、动销结果保障.  The exercise (演练):
find your 2 core blind spots in the full cycle and set immediate actions.

m01 has no bundled data: the answers are the trainee's own.  So the checks
are a short quiz on the model (the order of the six stages, the dimension
each stage serves — literal answers, they do not depend on data),
*consistency* (your blind spots must be what :func:`kamlab.selfassess.assess`
finds from your own scores) and *structure* (your improvement plan must
validate: one action per blind spot, owner, a due date within 30 days of
the course date :data:`TODAY`, a measurable check), plus one free-text
question scored by hand.

Examples
--------
>>> from kamlab.course import m01
>>> m01.TODAY, m01.BANK.keys()
('2026-11-01', ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import selfassess as _selfassess  # noqa: F401 - makes kl.selfassess available once the workbook opens
from .._i18n import Messages, get_language
from ..grading import Context, Question, QuestionBank, Verdict, WrongType

__all__ = ["MODULE", "TODAY", "K", "BANK", "assessment_or_none", "blind_spot_names", "dimension_scores",
           "plan_view", "plot_cycle",
           "order_form", "dimension_form", "assess_form", "blind_spots_form", "plan_form"]

#: Module id.
MODULE = "m01"
#: Fixed course date for due-date checks (the same course day as m07), so outputs
#: and grades never depend on the day the notebook runs.
TODAY = "2026-11-01"
#: The seed's number of core blind spots (2 个核心盲区).
K = 2

MSGS = Messages({
    "pick": ("（请选择）", "(choose)"),
    "step": ("第 {n} 步", "Step {n}"),
    "order_title": ("按全周期经营的顺序排列六个环节", "Put the six stages in the order of the full cycle"),
    "dim_title": ("每个环节主要服务哪个岗位价值维度？", "Which value dimension does each stage serve?"),
    "assess_title": ("为自己在每个环节的实际做法打分：1 = 几乎没做，5 = 做得很充分",
                     "Score your own practice in each stage: 1 = hardly done, 5 = done fully"),
    "spots_title": ("标出差距最大的环节（盲区）", "Mark the stages with the largest gap (blind spots)"),
    "k": ("盲区个数", "Blind spots"),
    "plan_title": ("每个盲区一条即时改进动作：做什么、谁负责、{today} 后 30 天内完成、怎样算完成（写数字）",
                   "One immediate action per blind spot: what, who, done within 30 days after {today}, "
                   "how you know it is done (with a number)"),
    "need_q3": ("先完成练习 3（自评打分），这里才会显示你的盲区。",
                "Finish exercise 3 (the self-assessment) first; your blind spots then show here."),
    "need_q5": ("先完成练习 5（改进动作）。", "Finish exercise 5 (the improvement actions) first."),
    "plan_ok": ("✓ 计划完整。", "✓ The plan is complete."),
    "stage": ("环节（盲区）", "stage (blind spot)"),
    "action": ("改进动作", "action"),
    "owner": ("负责人", "owner"),
    "due": ("完成日期 YYYY-MM-DD", "due YYYY-MM-DD"),
    "measure": ("衡量标准（含数字）", "measurable check (a number)"),
    "cycle_title": ("大客户全周期经营六环节与岗位价值三维度", "The six-stage full cycle and the three value dimensions"),
})


def _text(pair: tuple[str, str]) -> str:
    return pair[0] if get_language() == "zh" else pair[1]




# --------------------------------------------------------------------------- helpers used in the notebook
def _from_answer(answer: Any) -> Any:
    """An AssessmentResult rebuilt from a q3 answer (a result, its table, or a scores dict); raises if impossible."""
    import pandas as pd

    from .. import selfassess

    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        if not {"score", "importance"} <= set(table.columns):
            raise TypeError("no score/importance columns")
        return selfassess.assess({str(k): v for k, v in table["score"].items()},
                                 importance={str(k): v for k, v in table["importance"].items()})
    if isinstance(answer, Mapping):
        return selfassess.assess(dict(answer))
    raise TypeError(type(answer).__name__)


def assessment_or_none(q3: Any) -> Any:
    """The trainee's self-assessment (exercise 3), or None while it is not answered or not valid.

    Examples
    --------
    >>> assessment_or_none(...) is None
    True
    >>> import kamlab as kl
    >>> res = kl.selfassess.assess(dict.fromkeys(kl.selfassess.STAGE_NAMES, 3))
    >>> assessment_or_none(res).table["score"].tolist()
    [3.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    """
    if q3 is Ellipsis or q3 is None:
        return None
    try:
        return _from_answer(q3)
    except (TypeError, ValueError):
        return None


def blind_spot_names(q3: Any, k: int = K) -> list[str]:
    """The Chinese names of the k blind spots of a q3 answer ([] when not answered).

    Examples
    --------
    >>> import kamlab as kl
    >>> res = kl.selfassess.assess({"screening": 4, "insight": 2, "strategy": 3, "negotiation": 4,
    ...                             "execution": 3, "review": 2})
    >>> blind_spot_names(res)
    ['信息收集与机会洞察', '核心数据复盘']
    >>> blind_spot_names(...)
    []
    """
    res = assessment_or_none(q3)
    return [] if res is None else [str(s) for s in res.blind_spots(k).index]


def dimension_scores(q3: Any) -> Any:
    """The mean score, importance and gap per value dimension of a q3 answer (rounded to 2 places).

    Prints a note and returns None while exercise 3 is not answered.

    Examples
    --------
    >>> import kamlab as kl
    >>> res = kl.selfassess.assess({"screening": 4, "insight": 2, "strategy": 3, "negotiation": 4,
    ...                             "execution": 3, "review": 2})
    >>> dimension_scores(res)["score"].tolist()
    [3.0, 3.5, 2.5]
    >>> dimension_scores(...)
    先完成练习 3（自评打分），这里才会显示你的盲区。
    """
    res = assessment_or_none(q3)
    if res is None:
        print(MSGS("need_q3"))
        return None
    return res.dimension_scores.round(2)


def plan_view(q5: Any) -> None:
    """Show a q5 plan: ✓ or the list of its problems, then its timeline.

    Prints a note while exercise 5 is not answered.

    Examples
    --------
    >>> plan_view(...)
    先完成练习 5（改进动作）。
    """
    if not hasattr(q5, "plot") or not hasattr(q5, "problems"):
        print(MSGS("need_q5"))
        return None
    print(MSGS("plan_ok") if q5.ok else "\n".join(f"✗ {m}" for m in q5.messages()))
    q5.plot()
    return None


def plot_cycle(ax: Any = None) -> Any:
    """The six stages as one chain of boxes, coloured by the value dimension each serves.

    Examples
    --------
    >>> plot_cycle().get_title()
    '大客户全周期经营六环节与岗位价值三维度'
    """
    from .._plotting import new_axes, styled
    from ..selfassess import DIMENSIONS, STAGES

    colours = {"value": "#1f77b4", "resources": "#ff7f0e", "results": "#2ca02c"}

    @styled
    def draw(ax: Any) -> Any:
        from matplotlib.patches import FancyBboxPatch, Patch

        fig, ax = new_axes(ax, figsize=(11.0, 3.0))
        zh = get_language() == "zh"
        for i, s in enumerate(STAGES):
            x = i * 1.8
            ax.add_patch(FancyBboxPatch((x, 0), 1.4, 1.0, boxstyle="round,pad=0.05", color=colours[s.dimension],
                                        alpha=0.85))
            name = s.zh if zh else s.en
            text = f"{name[:4]}\n{name[4:]}" if zh and len(name) > 4 else "\n".join(
                name.split(" ", 1)) if not zh else name
            ax.text(x + 0.7, 0.5, f"{s.order}\n{text}", ha="center", va="center", color="white", fontsize=10)
            if i < len(STAGES) - 1:
                ax.annotate("", (x + 1.75, 0.5), (x + 1.45, 0.5), arrowprops={"arrowstyle": "->", "lw": 1.5})
        ax.annotate("", (0.7, -0.1), (len(STAGES) * 1.8 - 1.1, -0.1),
                    arrowprops={"arrowstyle": "->", "lw": 1, "ls": "--", "color": "#888888",
                                "connectionstyle": "arc3,rad=-0.12"})
        ax.legend(handles=[Patch(color=colours[d.code], label=d.name) for d in DIMENSIONS],
                  loc="upper center", bbox_to_anchor=(0.5, 0.02), ncol=3, frameon=False, fontsize=10)
        ax.set_xlim(-0.2, len(STAGES) * 1.8 - 0.2)
        ax.set_ylim(-0.8, 1.2)
        ax.axis("off")
        ax.set_title(MSGS.label("cycle_title"))
        return ax

    return draw(ax)


# --------------------------------------------------------------------------- forms
def _stage_options() -> list[tuple[str, Any]]:
    from ..selfassess import STAGES

    # a fixed shuffled order, so the drop-down does not give the answer away
    mixed = [STAGES[i] for i in (3, 0, 5, 2, 4, 1)]
    return [(s.name, s.zh) for s in mixed]


def order_form() -> Any:
    """Exercise 1: six drop-downs, one per step of the cycle.

    Examples
    --------
    >>> form = order_form()
    >>> form.controls["1"].value = "合作客户精准筛选"
    >>> form.line
    'q1 = ["合作客户精准筛选", None, None, None, None, None]'
    """
    from ..widgets import order_quiz

    return order_quiz(_stage_options(), 6, key="q1", title=MSGS("order_title"),
                      labels=[MSGS("step", n=n) for n in range(1, 7)], blank=(MSGS("pick"), ""))


def dimension_form() -> Any:
    """Exercise 2: for each stage, the value dimension it serves.

    Examples
    --------
    >>> form = dimension_form()
    >>> form.controls["核心数据复盘"].value = "动销结果保障"
    >>> form.line.endswith('"核心数据复盘": "动销结果保障"}')
    True
    """
    from ..selfassess import DIMENSIONS, STAGES
    from ..widgets import match_quiz

    return match_quiz({s.zh: s.name for s in STAGES}, [(d.name, d.zh) for d in DIMENSIONS], key="q2",
                      title=MSGS("dim_title"), blank=(MSGS("pick"), ""))


def assess_form() -> Any:
    """Exercise 3: one slider (1–5) per stage; the radar chart follows.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = assess_form()
    ...     form.controls["核心数据复盘"].value = 2
    >>> form.line
    'q3 = kl.selfassess.assess({"合作客户精准筛选": 3, "信息收集与机会洞察": 3, "策略制定与资源整合": 3, "双赢协议谈判": 3, "终端动销执行": 3, "核心数据复盘": 2})'
    """
    from .. import selfassess
    from ..widgets import AnswerForm, literal, slider

    controls = {s.zh: slider(3, 1, 5, 1, label=s.name) for s in selfassess.STAGES}

    def line(v: dict[str, Any]) -> str:
        return f"q3 = kl.selfassess.assess({literal({s.zh: v[s.zh] for s in selfassess.STAGES})})"

    def draw(v: dict[str, Any]) -> None:
        selfassess.assess(v).plot(k=K)

    return AnswerForm(controls, line=line, draw=draw, title=MSGS("assess_title"))


def blind_spots_form(q3: Any) -> Any:
    """Exercise 4: how many blind spots to mark; the radar shows them in red.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> res = kl.selfassess.assess(dict.fromkeys(kl.selfassess.STAGE_NAMES, 3))
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = blind_spots_form(res)
    >>> form.line
    'q4 = q3.blind_spots(2)'
    """
    from ..widgets import AnswerForm, dropdown

    res = assessment_or_none(q3)

    def draw(v: dict[str, Any]) -> None:
        if res is None:
            print(MSGS("need_q3"))
            return
        res.plot(k=v["k"])

    return AnswerForm({"k": dropdown([1, 2, 3], K, label=MSGS("k"))},
                      line=lambda v: f"q4 = q3.blind_spots({v['k']})", draw=draw, title=MSGS("spots_title"))


_PLAN_COLUMNS = ("stage", "action", "owner", "due", "measure")


def plan_form(q3: Any) -> Any:
    """Exercise 5: a small table, one row per blind spot; the timeline and the problems follow.

    The rows start with your blind spots (from exercise 3); fill in action,
    owner, due date and a measurable check.

    Examples
    --------
    >>> import contextlib, io, kamlab as kl
    >>> res = kl.selfassess.assess({"screening": 4, "insight": 2, "strategy": 3, "negotiation": 4,
    ...                             "execution": 3, "review": 2})
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     form = plan_form(res)
    ...     row = form.controls["plan"].cells[0]
    ...     row["action"].value, row["owner"].value = "门店走访", "张伟"
    >>> form.line.startswith('q5 = kl.selfassess.improvement_plan([{"stage": "信息收集与机会洞察", "action": "门店走访", "owner": "张伟", "due": ""')
    True
    >>> form.line.endswith('], q3, today=kl.course.m01.TODAY)')
    True
    """
    from .. import selfassess
    from ..widgets import AnswerForm, TableEditor, literal

    spots = blind_spot_names(q3)
    rows = [{"stage": s} for s in spots] + [{"stage": ""} for _ in range(K - len(spots))]
    labels = {c: MSGS(c) for c in _PLAN_COLUMNS}
    editor = TableEditor(rows, list(_PLAN_COLUMNS), labels=labels)

    def items(v: dict[str, Any]) -> list[dict[str, Any]]:
        return [{c: ("" if r.get(c) is None else r.get(c)) for c in _PLAN_COLUMNS} for r in v["plan"]]

    def line(v: dict[str, Any]) -> str:
        return f"q5 = kl.selfassess.improvement_plan({literal(items(v))}, q3, today=kl.course.m01.TODAY)"

    def draw(v: dict[str, Any]) -> None:
        res = assessment_or_none(q3)
        if res is None:
            print(MSGS("need_q3"))
            return
        plan = selfassess.improvement_plan(items(v), res, today=TODAY, k=K)
        print(MSGS("plan_ok") if plan.ok else "\n".join(f"✗ {m}" for m in plan.messages()))
        plan.plot()

    return AnswerForm({"plan": editor}, line=line, draw=draw, title=MSGS("plan_title", today=TODAY))


# --------------------------------------------------------------------------- checks
def _fail(zh: str, en: str, score: float = 0.0) -> Verdict:
    return Verdict(ok=False, score=score, reason_zh=zh, reason_en=en)


def _code_or_none(name: Any) -> str | None:
    from .._errors import BadSpecError
    from ..selfassess import stage_code

    try:
        return stage_code(name)
    except BadSpecError:
        return None


def _as_list(answer: Any) -> list[Any]:
    if isinstance(answer, (list, tuple)):
        return list(answer)
    if hasattr(answer, "tolist") and not isinstance(answer, (str, Mapping)):
        out = answer.tolist()
        if isinstance(out, list):
            return out
    raise WrongType("一个列表 [...]（六个环节的名称）", "a list [...] of the six stage names", answer)


def _check_q1(answer: Any, ctx: Context) -> Verdict:
    from ..selfassess import STAGES

    items = _as_list(answer)
    if len(items) != len(STAGES):
        return _fail(f"需要 6 个环节，收到 {len(items)} 个。", f"Six stages are needed; got {len(items)}.")
    codes = [_code_or_none(x) for x in items]
    right = sum(c == s.code for c, s in zip(codes, STAGES))
    if right == len(STAGES):
        return Verdict(ok=True, score=1.0)
    if None in codes or len(set(codes)) != len(STAGES):
        return _fail("六个环节要各出现一次（用下拉框里的名称）。",
                     "Each of the six stages must appear once (use the names in the drop-downs).",
                     score=right / len(STAGES))
    wrong = len(STAGES) - right
    return _fail(f"有 {wrong} 个位置的顺序不对。想一想：先选客户，再找机会，……最后用数据复盘。",
                 f"{wrong} positions are out of order. Think: first pick the accounts, then find the "
                 f"opportunities, ... and review the data last.", score=right / len(STAGES))


def _check_q2(answer: Any, ctx: Context) -> Verdict:
    from ..selfassess import STAGES, dimension_code

    if not isinstance(answer, Mapping):
        raise WrongType("一个字典 {环节: 价值维度}", "a dict {stage: value dimension}", answer)
    given: dict[str, Any] = {}
    for key, value in answer.items():
        code = _code_or_none(key)
        if code is not None:
            given[code] = value
    right = 0
    for s in STAGES:
        try:
            right += dimension_code(given.get(s.code)) == s.dimension
        except ValueError:
            pass
    if right == len(STAGES):
        return Verdict(ok=True, score=1.0)
    wrong = len(STAGES) - right
    return _fail(f"有 {wrong} 个环节的价值维度不对（或没有选）。",
                 f"{wrong} stages have the wrong (or no) value dimension.", score=right / len(STAGES))


def _their_assessment(ctx: Context) -> Any:
    return assessment_or_none(ctx.answers.get("q3", ...))


def _check_q3(answer: Any, ctx: Context) -> Verdict:
    import numpy as np
    import pandas as pd

    try:
        res = _from_answer(answer)
    except (TypeError, ValueError) as err:
        zh, en = (getattr(err, "zh", ""), getattr(err, "en", ""))
        return _fail("答案应是 kl.selfassess.assess({...}) 的结果：六个环节各打 1–5 分。" + zh,
                     "The answer should be the result of kl.selfassess.assess({...}): a score 1-5 for each of "
                     "the six stages. " + en)
    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        for col in ("gap", "rank"):
            if col not in table.columns:
                return _fail("答案应是 kl.selfassess.assess({...}) 的结果，不是自己做的表。",
                             "The answer should be the result of kl.selfassess.assess({...}), not a table of your own.")
            got = pd.Series(table[col].to_numpy(dtype=float), index=[str(i) for i in table.index])
            ref = res.table[col].astype(float)
            if not np.allclose(got.reindex(ref.index).to_numpy(dtype=float), ref.to_numpy(), equal_nan=False):
                return _fail("表里的差距或排名与你的打分对不上：请直接用 kl.selfassess.assess(...) 计算。",
                             "The gaps or ranks do not match your scores: compute them with kl.selfassess.assess(...).")
    if len(res.blind_spots(K)) < K:
        return _fail(f"按你的打分，不到 {K} 个环节存在差距：请如实给自己打分，找出 {K} 个盲区。",
                     f"With your scores fewer than {K} stages show a gap: score yourself honestly so that "
                     f"{K} blind spots show.")
    return Verdict(ok=True, score=1.0)


def _stage_codes(answer: Any) -> list[str | None]:
    import pandas as pd

    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        if "code" in table.columns:
            return [str(c) for c in table["code"]]
        return [_code_or_none(str(i)) for i in table.index]
    if isinstance(answer, str):
        return [_code_or_none(answer)]
    return [_code_or_none(x) for x in _as_list(answer)]


def _check_q4(answer: Any, ctx: Context) -> Verdict:
    res = _their_assessment(ctx)
    if res is None:
        return _fail("先完成练习 3（自评打分），盲区要从你自己的打分中找出。",
                     "Finish exercise 3 (the self-assessment) first: the blind spots come from your own scores.")
    codes = _stage_codes(answer)
    want = [str(c) for c in res.blind_spots(K)["code"]]
    if len(codes) != K:
        return _fail(f"需要 {K} 个盲区，收到 {len(codes)} 个。", f"{K} blind spots are needed; got {len(codes)}.")
    if set(codes) == set(want):
        return Verdict(ok=True, score=1.0)
    return _fail("这不是你自评中差距最大的两个环节：请用 q3.blind_spots(2) 从你的打分中找。",
                 "These are not the two stages with the largest gap in your self-assessment: use "
                 "q3.blind_spots(2) on your scores.")


def _check_q5(answer: Any, ctx: Context) -> Verdict:
    import pandas as pd

    from .. import selfassess

    res = _their_assessment(ctx)
    if res is None:
        return _fail("先完成练习 3（自评打分）：改进动作要针对你的盲区。",
                     "Finish exercise 3 (the self-assessment) first: the actions are for your blind spots.")
    table = getattr(answer, "table", answer)
    if isinstance(table, pd.DataFrame):
        rows = table.to_dict("records")
    elif isinstance(answer, (list, tuple)):
        rows = list(answer)
    else:
        raise WrongType("kl.selfassess.improvement_plan([...], q3, today=...) 的结果",
                        "the result of kl.selfassess.improvement_plan([...], q3, today=...)", answer)
    try:
        plan = selfassess.improvement_plan(rows, res, today=TODAY, k=K)
    except ValueError as err:
        return _fail("改进计划的格式不对：" + getattr(err, "zh", str(err)),
                     "The plan is malformed: " + getattr(err, "en", str(err)))
    if plan.ok:
        return Verdict(ok=True, score=1.0)
    return _fail("改进计划还有问题：" + "；".join(p.zh for p in plan.problems),
                 "The plan still has problems: " + "; ".join(p.en for p in plan.problems))


BANK = QuestionBank(
    module=MODULE,
    title=("岗位认知升维：从服务心态到生意思维", "Role: from service mindset to business mindset"),
    datasets=(),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("按顺序写出大客户全周期经营的六个环节。", "List the six stages of the full cycle in order."),
            check=_check_q1,
            hint=("全周期从“选对客户”开始，到“用数据复盘”结束；中间是先找机会、再整合资源、再谈协议、再落地执行。",
                  "The cycle starts with picking the right accounts and ends with the data review; in between: "
                  "find opportunities, pool resources, negotiate the agreement, execute in the stores."),
        ),
        Question(
            key="q2", points=2,
            prompt=("每个环节主要服务岗位价值的哪个维度？", "Which value dimension does each stage mainly serve?"),
            check=_check_q2,
            hint=("客户价值挖掘 = 需求洞察、机会捕捉；内部资源协同 = 跨部门联动、资源整合；动销结果保障 = 执行推动、复盘优化。",
                  "Customer value discovery = need insight, opportunity capture; internal resource coordination = "
                  "cross-department work, resource integration; sell-through results = execution push, review."),
        ),
        Question(
            key="q3", points=2,
            prompt=("为自己在六个环节的实际做法打分（1–5），画出自评雷达图。",
                    "Score your own practice in the six stages (1-5) and draw the radar chart."),
            check=_check_q3,
            hint=("用 kl.selfassess.assess({环节: 分数, ...})，六个环节都要打分；如实打分，至少两个环节低于 5 分。",
                  "Use kl.selfassess.assess({stage: score, ...}) with all six stages; score honestly, at least "
                  "two stages below 5."),
        ),
        Question(
            key="q4", points=2,
            prompt=("找出你在全周期经营中的 2 个核心盲区。", "Find your 2 core blind spots in the full cycle."),
            check=_check_q4,
            hint=("盲区 = 重要程度与实际做法差距最大的环节：q3.blind_spots(2)。",
                  "A blind spot is a stage with the largest gap between importance and practice: q3.blind_spots(2)."),
        ),
        Question(
            key="q5", points=3,
            prompt=("为每个盲区制定一条即时改进动作（负责人、30 天内的完成日期、可衡量的标准）。",
                    "Set one immediate action per blind spot (owner, due within 30 days, a measurable check)."),
            check=_check_q5,
            hint=(f"用 kl.selfassess.improvement_plan([...], q3, today=kl.course.m01.TODAY)；完成日期在 {TODAY} 后 30 天内，"
                  "衡量标准里写一个数字。",
                  f"Use kl.selfassess.improvement_plan([...], q3, today=kl.course.m01.TODAY); due within 30 days "
                  f"after {TODAY}, and put a number in the check."),
        ),
        Question(
            key="q6", points=3,
            prompt=("用三四句话描述你负责的客户里“重签约轻经营 → 动销差 → 签约难”的恶性循环，以及你的两个盲区怎样加剧了它。",
                    "In three or four sentences: describe the vicious circle (sign, then neglect → poor sell-through "
                    "→ harder to sign) in your own accounts, and how your two blind spots feed it."),
            check=None, manual=True,
        ),
    ),
)
