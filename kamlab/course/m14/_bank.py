"""The question bank of m14: six questions with their prompts, hints and checks."""

from __future__ import annotations

from ...grading import Question, QuestionBank, register_bank
from ._case import MODULE, TODAY
from ._checks import check_q1, check_q2, check_q3, check_q4, check_q5

__all__ = ["BANK"]

BANK = QuestionBank(
    module=MODULE,
    title=("与经销商协同拜访", "Co-visits with a distributor's rep"),
    datasets=(),
    questions=(
        Question(
            key="q1", points=2,
            prompt=("按顺序写出协同拜访的四个步骤。", "List the four steps of a co-visit in order."),
            check=check_q1,
            hint=("先准备，再和经销商一起定目标，然后拜访，最后一起总结。",
                  "Prepare, agree the objectives with the distributor, visit, then debrief together."),
        ),
        Question(
            key="q2", points=2,
            prompt=("六个情境各该用示范式还是观察式？", "Demonstration or observation for each of the six situations?"),
            check=check_q2,
            hint=("示范式由厂家主导，目标是解决问题；观察式由经销商业务员主导，目标是提高经销商的能力。",
                  "Demonstration: the manufacturer leads, to solve a problem. Observation: the rep leads, to build "
                  "the distributor's ability."),
        ),
        Question(
            key="q3", points=3,
            prompt=("制定一天的协访计划：准备清单、每家客户的时间、方式和可衡量的目标、拜访后总结。",
                    "Plan a co-visit day: preparation, each call's time, mode and measurable objective, the debrief."),
            check=check_q3,
            hint=(f"用 kl.covisit.plan_visit({{...}}, today=kl.course.m14.TODAY)：协访日期不早于 {TODAY}；准备四项都要做；"
                  "每个目标写一个数字；至少一次观察式，先示范后观察；当天或第二天总结。",
                  f"Use kl.covisit.plan_visit({{...}}, today=kl.course.m14.TODAY): a date from {TODAY} on; all four "
                  "preparation items; a number in every objective; at least one observation call, demonstrations "
                  "first; debrief the same day or the next."),
        ),
        Question(
            key="q4", points=3,
            prompt=("写下拜访后总结：做得好的、需要改进的、商定的改善措施（负责人、完成日期）和下次协访日期。",
                    "Write the debrief: what went well, what to improve, agreed improvements (owner, due date) and "
                    "the next co-visit."),
            check=check_q4,
            hint=("用 kl.covisit.debrief({...})；日期就是计划里的总结日期；每条措施有负责人，完成日期在下次协访之前；"
                  "下次协访在 60 天内。",
                  "Use kl.covisit.debrief({...}); the date is the plan's debrief day; every improvement has an owner "
                  "and is due before the next co-visit, which is within 60 days."),
        ),
        Question(
            key="q5", points=2,
            prompt=("判断关于四大误区的八个说法是否正确。", "Judge the eight statements on the four misconceptions."),
            check=check_q5,
            hint=("四大误区：不是监督、不抢客户、不重形式、不只发货——说法符合“正确认识”的为对。",
                  "The four misconceptions: not supervision, not taking customers, not a formality, not only "
                  "shipping — a statement that matches the correct view is true."),
        ),
        Question(
            key="q6", points=3,
            prompt=("用三四句话写下：下一次协访你会有什么不同的做法？为什么？",
                    "In three or four sentences: what will you do differently on your next co-visit, and why?"),
            check=None, manual=True,
        ),
    ),
)

# the grader and the self-check find this bank by its module id
register_bank(BANK)
