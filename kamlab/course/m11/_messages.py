"""The texts of m11's forms, charts and errors (one bilingual catalogue)."""

from __future__ import annotations

from ..._i18n import Messages

MSGS = Messages({
    "sum": ("权重合计 {total:g}（工具会按合计自动折算；课程惯例写成合计 100）。",
            "The weights add up to {total:g} (the tool rescales them; the course writes them to add up to 100)."),
    "weights_title": ("目标医生筛选准则的权重（讲义：30 / 30 / 20 / 20）",
                      "Weights of the target-doctor criteria (course text: 30 / 30 / 20 / 20)"),
    "n": ("目标医生人数 N", "Target doctors N"),
    "top_title": ("按你的筛选排名取前 N 名目标医生", "Take the top N target doctors of your screening"),
    "no_q1": ("（练习 1 还没有作答或还没做对：先用讲义的权重 30/30/20/20 演示。）",
              "(Exercise 1 is not answered or not right yet: showing the course weights 30/30/20/20.)"),
    "readiness_title": ("全部医生的处方准备度分布（认知、承诺 ≥ 3 为高）",
                        "Prescription readiness of all doctors (awareness, commitment >= 3 is high)"),
    "cases_title": ("三位医生的观察记录：判断处方准备度，并选择相应的行为模式",
                    "Three observed doctors: diagnose the readiness and choose the matching behaviour"),
    "case_stage": ("情形 {case}：处方准备度", "Case {case}: readiness"),
    "case_behaviour": ("情形 {case}：行为模式", "Case {case}: behaviour"),
    "case": ("情形 {case}", "Case {case}"),
    "pick": ("（请选择）", "(choose)"),
    "wall_title": ("哪些医生是核心医生？看他们的围墙准则平均得分", "Who are the core doctors? Their mean wall scores"),
    "group": ("医生群组（处方准备度）", "Doctors (readiness)"),
    "wall_chart": ("{stage} 医生（{n} 位）围墙准则平均得分：平均总分 {total:.1f}",
                   "{stage} doctors ({n}): mean wall score per criterion, mean total {total:.1f}"),
    "wall_x": ("平均得分（0–100）", "mean score (0-100)"),
    "weight": ("权重", "weight"),
    "mean_score": ("平均得分", "mean score"),
    "points_lost": ("失分（按权重）", "points lost (weighted)"),
    "criterion": ("准则", "criterion"),
    "value": ("看哪一列的贡献", "Contribution column"),
    "pareto_title": ("二八分析：多少医生贡献了 80%？", "80/20: how many doctors give 80%?"),
    "text": ("在这里写你的行动方案……", "Write your action plan here..."),
    "text_title": ("为一位 P2 医生写 S2 劝说式行动方案", "An S2 (persuading) action plan for a P2 doctor"),
    "stage": ("处方准备度", "readiness"),
    "stage_label": ("认知与承诺", "awareness and commitment"),
    "behaviour": ("行为模式", "behaviour"),
    "behaviour_label": ("指导 / 支持", "guidance / support"),
    "actions": ("行动", "actions"),
    "none": ("（没有这一阶段的医生）", "(no doctor in this stage)"),
    "err_weights": ("权重应是一个字典，四项准则 {names} 各一个大于 0 的数字，例如 {example}。",
                    "The weights should be a dict with a number > 0 for each of the four criteria {names}, "
                    "e.g. {example}."),
    "err_stage": ("stage 的取值 {value!r} 无效：请用 P1、P2、P3 或 P4。",
                  "stage is {value!r}, which is not allowed: use P1, P2, P3 or P4."),
    "err_value": ("value 的取值 {value!r} 无效：可选 {names}。", "value is {value!r}, which is not allowed: use one of {names}."),
})

