"""The texts of m11's forms, charts and errors (one bilingual catalogue)."""

from __future__ import annotations

from ..._i18n import Messages

MSGS = Messages({
    "weights_ok": ("四项权重合计 100，每项在 5 到 50 之间：下图是按你的权重排名的前 20 位医生。",
                   "The four weights add up to 100, each between 5 and 50: below, the top 20 doctors of your "
                   "weights."),
    "weights_title": ("目标医生筛选准则的权重（讲义：30 / 30 / 20 / 20）",
                      "Weights of the target-doctor criteria (course text: 30 / 30 / 20 / 20)"),
    "top_title": ("读你的排名图，勾选排名前 {n} 的目标医生", "Read your ranking chart and tick your top {n} target doctors"),
    "top_pick": ("目标医生（可勾选多位）", "Target doctors (tick several)"),
    "ticked": ("已勾选 {n} 位：{ids}", "{n} ticked: {ids}"),
    "no_q1": ("（练习 1 还没有作答或还没做对：图中先按讲义的权重 30/30/20/20 排名。）",
              "(Exercise 1 is not answered or not right yet: the chart uses the course weights 30/30/20/20.)"),
    "readiness_title": ("四位医生的观察记录：判断每位的处方准备度（认知、承诺 ≥ 3 为高）",
                        "Four observed doctors: diagnose each one's readiness (awareness, commitment >= 3 is high)"),
    "stages_done": ("已判断 {n} / {total} 位。", "{n} of {total} diagnosed."),
    "cases_title": ("三位医生的观察记录：判断处方准备度，并选择相应的行为模式",
                    "Three observed doctors: diagnose the readiness and choose the matching behaviour"),
    "cases_done": ("已完成 {n} / {total} 位（处方准备度和行为模式都选了）。",
                   "{n} of {total} done (readiness and behaviour both chosen)."),
    "case_stage": ("情形 {case}：处方准备度", "Case {case}: readiness"),
    "case_behaviour": ("情形 {case}：行为模式", "Case {case}: behaviour"),
    "case": ("情形 {case}", "Case {case}"),
    "pick": ("（请选择）", "(choose)"),
    "nothing": ("（还没有选择）", "(not chosen yet)"),
    "wall_title": ("哪些医生是核心医生？他们的围墙哪一项最薄弱？", "Who are the core doctors, and where is their wall weakest?"),
    "group": ("核心医生（处方准备度）", "Core doctors (readiness)"),
    "weakest": ("最薄弱的准则", "Weakest criterion"),
    "pick_group": ("先选出哪一组医生是核心医生，图才会画出他们的围墙。",
                   "First choose which group are the core doctors; the chart then shows their wall."),
    "wall_status": ("{stage} 医生 {n} 位，平均围墙总分 {total:.1f}；你选的最薄弱准则：{weakest}",
                    "{stage} doctors: {n}, mean wall score {total:.1f}; your weakest criterion: {weakest}"),
    "wall_chart": ("{stage} 医生（{n} 位）围墙准则平均得分：平均总分 {total:.1f}",
                   "{stage} doctors ({n}): mean wall score per criterion, mean total {total:.1f}"),
    "wall_x": ("平均得分（0–100）", "mean score (0-100)"),
    "none": ("（没有这一阶段的医生）", "(no doctor in this stage)"),
    "value": ("看哪一列的贡献", "Contribution column"),
    "pick_value": ("先选出哪一列代表我方产品的处方。", "First choose the column of our product's prescriptions."),
    "pareto_status": ("按“{name}”：贡献 80% 的医生占全部医生的 {share:.1%}",
                      "By {name}: the doctors giving 80 % are {share:.1%} of all doctors"),
    "pareto_title": ("二八分析：多少医生贡献了 80%？", "80/20: how many doctors give 80%?"),
    "text": ("在这里写你的行动方案……", "Write your action plan here..."),
    "text_title": ("为一位 P2 医生写 S2 劝说式行动方案", "An S2 (persuading) action plan for a P2 doctor"),
    "err_weights": ("权重应是一个字典，四项准则 {names} 各一个大于 0 的数字，例如 {example}。",
                    "The weights should be a dict with a number > 0 for each of the four criteria {names}, "
                    "e.g. {example}."),
    "err_stage": ("stage 的取值 {value!r} 无效：请用 P1、P2、P3 或 P4。",
                  "stage is {value!r}, which is not allowed: use P1, P2, P3 or P4."),
})
