"""m05 texts: the bilingual message catalogue of the helpers, charts and forms.

Examples
--------
>>> MSGS.both("yes")
('是', 'yes')
"""

from __future__ import annotations

from ..._i18n import Messages

MSGS = Messages({
    "top": ("按我方权重取前几名", "top clauses by our weight"),
    "extra": ("另外定为核心的条款", "also core"),
    "few_tradeable": ("只剩 {n} 个可让步条款：至少要留 {k} 个用来交换。",
                      "Only {n} tradeable clauses left: keep at least {k} to trade."),
    "split_summary": ("核心条款（{n_core}）：{core}\n可让步条款（{n_trade}）：{trade}",
                      "Core clauses ({n_core}): {core}\nTradeable clauses ({n_trade}): {trade}"),
    "w_title": ("各条款的权重：我方 vs 对方（估计）", "Clause weights: ours vs theirs (estimated)"),
    "w_ours_core": ("我方权重（核心条款）", "our weight (core clause)"),
    "w_ours_trade": ("我方权重（可让步条款）", "our weight (tradeable clause)"),
    "w_theirs": ("对方权重（估计）", "their weight (estimated)"),
    "w_x": ("权重（合计 100）", "weight (sums to 100)"),
    "total": ("对方权重合计 {total:g}：答案行会按比例换算成合计 100。",
              "Their weights add up to {total:g}: the answer line rescales them to sum to 100."),
    "nash": ("纳什点方案：", "Nash package:"),
    "utilities": ("我方效用 {u_us:.1f}，对方效用 {u_them:.1f}", "our utility {u_us:.1f}, theirs {u_them:.1f}"),
    "eval": ("我方效用 {u_us:.1f}，对方效用 {u_them:.1f}；在前沿上：{front}；可行：{feasible}；"
             "桌上还剩 {left:.1f} 分。",
             "our utility {u_us:.1f}, theirs {u_them:.1f}; on the frontier: {front}; feasible: {feasible}; "
             "value left on the table {left:.1f}."),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "better": ("不降低对方效用、对我方更好的方案：", "A package better for us at no cost to them:"),
    "no_violation": ("没有违反核心条款目标或底线。", "No core clause below target, no clause below walk-away."),
    "trade_title": ("交换计划：每一步的效用变化", "Trade plan: utility change per step"),
    "trade_us": ("我方效用变化", "our utility change"),
    "trade_them": ("对方效用变化", "their utility change"),
    "trade_step": ("第 {n} 步", "step {n}"),
    "trade_empty": ("没有可以交换的让步：检查核心条款和对方权重。",
                    "Nothing to trade: check the core clauses and their weights."),
    "trade_y": ("效用变化（0–100 分）", "utility change (0-100 points)"),
    "step": ("轮次", "round"),
    "side": ("一方（我方/对方）", "side (us/them)"),
    "clause": ("条款", "clause"),
    "option": ("选项（或 开价/目标/底线/对方开价）", "option (or opening/target/walk_away/their_opening)"),
    "log_rounds": ("共 {n} 轮（至少 {k} 轮）。", "{n} rounds (at least {k})."),
    "log_ok": ("✓ 我方每一次让步都换到了对方的让步（无交换不让步）。",
               "✓ Every concession of ours was answered by one of theirs (no concession without exchange)."),
    "log_final": ("成交方案（记录中每个条款最后一次出现的选项；没谈到的条款按我方目标）：",
                  "Final package (each clause's last option in the log; clauses not discussed at our target):"),
    "log_title": ("角色扮演记录：{account}", "Role-play log: {account}"),
    "log_empty": ("记录还是空的：在表格里填写轮次、一方、条款和选项。",
                  "The log is empty: fill in round, side, clause and option."),
    "proposal_title": ("给 {account} 的协议方案", "Proposal to {account}"),
    "text": ("在这里写你的回答……", "Write your answer here..."),
    "err_weights_type": ("对方权重应是一个字典（条款 → 权重），例如 {example}。",
                         "Their weights should be a dict (clause -> weight), e.g. {example}."),
    "err_weight_missing": ("对方权重缺少条款 '{clause}'：每个条款都要估计一个权重。",
                           "Their weights lack clause '{clause}': estimate a weight for every clause."),
    "err_weight_unknown": ("对方权重里的条款 '{clause}' 不存在{hint_zh}。可用条款：{valid}。",
                           "Their weights name an unknown clause '{clause}'{hint_en}. Clauses: {valid}."),
    "err_weight_value": ("条款 '{clause}' 的对方权重 {value!r} 不对：应是大于 0 的数字。",
                         "Clause '{clause}': their weight {value!r} should be a number > 0."),
    "err_core_unknown": ("核心条款 '{clause}' 不存在{hint_zh}。可用条款：{valid}。",
                         "Core clause '{clause}' is unknown{hint_en}. Clauses: {valid}."),
    "err_top": ("top 应是 1 到 {n} 之间的整数，收到 {value!r}。", "top should be a whole number from 1 to {n}; got {value!r}."),
    "err_log_type": ("记录应是一张表（DataFrame）或字典列表，每行有 step、side、clause、option。",
                     "The log should be a table (DataFrame) or a list of dicts with step, side, clause, option."),
})
