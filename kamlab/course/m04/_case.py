"""The case of m04: the resource quiz, the plan window, and the texts of the forms."""

from __future__ import annotations

from ..._i18n import Messages
from ...resources import resource_catalog

#: Quiz of exercise 1: resource ids, mixed up (their departments come from the catalogue: the seed's three
#: resource kinds); among them the ones trainees misplace (陈列物料 and 健康讲座 are 品牌部's, 店员培训 销售部's).
QUIZ: tuple[str, ...] = ("R08", "R01", "R11", "R06", "R14", "R04", "R07", "R13", "R03")
#: The "none" option of exercises 3 and 4.
NONE = "无"
#: The quiz's resource names (catalogue names, the keys of the q1 answer in both languages).
DATA_TERMS: tuple[str, ...] = tuple(str(name) for name in resource_catalog().loc[list(QUIZ), "resource"]) + (NONE,)
#: The plan window of the course's service package (one quarter).
PLAN_START = "2026-01-05"
PLAN_END = "2026-03-31"

MSGS = Messages({
    "pick_one": ("请选择", "choose"),
    "owner": ("项目负责人", "project owner"),
    "budget": ("预算（万元）", "budget (10k CNY)"),
    "meeting": ("项目会议：每几周一次（0 = 不开）", "meeting every n weeks (0 = none)"),
    "team": ("小组成员：{dept}", "group member: {dept_en}"),
    "start": ("计划开始", "plan start"),
    "end": ("计划结束", "plan end"),
    "col_need": ("需求序号 0/1/2", "need no. 0/1/2"),
    "col_units": ("每项资源份数", "units each"),
    "col_depts": ("出资源部门（空=全部）", "departments (blank=all)"),
    "col_step": ("执行步骤", "step"),
    "col_owner": ("责任人", "owner"),
    "col_start": ("开始日期", "start"),
    "col_end": ("执行节点", "milestone"),
    "col_metric": ("评估指标", "metric"),
    "col_target": ("目标值", "target"),
    "needs_are": ("要服务的 3 个需求：{items}", "The 3 needs to serve: {items_en}"),
    "no_q2": ("（练习 2 还没有作答：先用示例服务包演示。）",
              "(Exercise 2 is not answered yet: showing the example package.)"),
    "example_pick": ("资源", "resource"),
    "none_option": ("无（没有这样的资源）", "none (no such resource)"),
    "picked": ("你选的是：{rid} {name}", "You chose: {rid} {name}"),
    "nothing": ("还没有选择。", "Nothing chosen yet."),
    "example_of": ("同事为 {account} 做的服务包（需求：{needs}）", "A colleague's package for {account} (needs: {needs})"),
    "text": ("在这里写：合作小组多久开一次会、谁参加、会上同步什么、怎么拍板……",
             "Write here: how often the group meets, who attends, what is synced, how decisions are made..."),
})
