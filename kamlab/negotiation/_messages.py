"""Messages of the concession matrix: violations, clause status, chart labels and errors."""

from __future__ import annotations

from .._i18n import Messages

__all__ = ["MSGS"]

MSGS = Messages({
    "violation_core": (
        "核心条款「{clause}」选了 '{option}'（我方得分 {score:g}），低于目标 '{target}'（{target_score:g}）。",
        "Core clause '{clause}': '{option}' (our score {score:g}) is below the target '{target}' ({target_score:g})."),
    "violation_walk": (
        "条款「{clause}」选了 '{option}'（我方得分 {score:g}），低于底线 '{walk}'（{walk_score:g}）：这个方案不能接受。",
        "Clause '{clause}': '{option}' (our score {score:g}) is below the walk-away '{walk}' ({walk_score:g}): "
        "this package is not acceptable."),
    "status_below_walk": ("低于底线", "below walk-away"),
    "status_core_below_target": ("核心条款未达目标", "core clause below target"),
    "status_at_target": ("达到目标", "at or above target"),
    "status_ok": ("可接受（未达目标）", "acceptable (below target)"),
    "xlabel": ("我方效用 u_us（0–100）", "Our utility u_us (0-100)"),
    "ylabel": ("对方效用 u_them（0–100）", "Their utility u_them (0-100)"),
    "title": ("让步矩阵：可行方案与帕累托前沿", "Concession matrix: feasible packages and Pareto frontier"),
    "legend_feasible": ("可行方案（{n} 个）", "feasible packages ({n})"),
    "legend_sampled": ("可行方案（抽样 {n} / {total} 个）", "feasible packages ({n} of {total} sampled)"),
    "legend_frontier": ("帕累托前沿", "Pareto frontier"),
    "legend_nash": ("纳什点", "Nash point"),
    "legend_proposal": ("你的方案", "your proposal"),
    "legend_batna": ("谈判破裂点 BATNA", "BATNA (disagreement point)"),
    "err_batna": (
        "batna 应是两个数字 (我方, 对方)，例如 (0, 0)，收到 {value!r}。",
        "batna must be two numbers (ours, theirs), e.g. (0, 0); got {value!r}."),
    "err_no_deal": (
        "没有任何可行方案能让双方都好于 BATNA（我方 {d_us:g}，对方 {d_them:g}）：可行方案中我方效用最高 {max_us:.2f}，"
        "对方效用最高 {max_them:.2f}。请降低 batna，或放宽条款底线 walk_away。",
        "No feasible package beats the BATNA for both sides (ours {d_us:g}, theirs {d_them:g}): the best feasible "
        "utilities are {max_us:.2f} for us and {max_them:.2f} for them. Lower the batna or relax the walk_away "
        "options."),
    "err_too_many": (
        "可行方案有 {n:,} 个，超过上限 {cap:,}。请减少条款或选项，或收紧底线 walk_away。",
        "There are {n:,} feasible packages, more than the limit of {cap:,}. Use fewer clauses or options, or "
        "tighten the walk_away options."),
    "err_package_type": (
        "方案应是一个字典（条款 → 选项），例如 {{'{clause}': '{option}', ...}}，收到 {kind}。",
        "A package must be a dict (clause -> option), e.g. {{'{clause}': '{option}', ...}}; got {kind}."),
    "err_unknown_clause": (
        "方案中的条款 '{clause}' 不存在{hint_zh}。可用条款：{valid_zh}。",
        "The package names an unknown clause '{clause}'{hint_en}. Known clauses: {valid_en}."),
    "err_missing_clause": (
        "方案缺少条款 '{clause}'。请为它选一个选项：{valid_zh}。",
        "The package is missing clause '{clause}'. Pick one of its options: {valid_en}."),
    "err_bad_option": (
        "条款 '{clause}' 没有选项 '{option}'。请从以下选项中选择：{valid_zh}。",
        "Clause '{clause}' has no option '{option}'. Choose one of: {valid_en}."),
})
