"""Messages of the root-cause chain check: one per broken-link code, chart labels and argument errors."""

from __future__ import annotations

from .._i18n import Messages

__all__ = ["MSGS"]

MSGS = Messages({
    "problem_missing": ("问题描述为空。请用一句话写出问题，例如「C07 铺货率只有 55%」。",
                        "The problem is empty. State it in one sentence, e.g. 'C07 distribution is only 55%'."),
    "no_evidence": ("没有数据验证：evidence 为空。请至少给出一条证据（指标、分组、数值）。",
                    "No evidence: the evidence list is empty. Give at least one item (metric, group, value)."),
    "evidence_type": ("第 {i} 条证据 {value!r} 无法读取。请写成 {{'metric': ..., 'group': ..., 'value': ...}}。",
                      "Evidence {i} ({value!r}) cannot be read. Write it as "
                      "{{'metric': ..., 'group': ..., 'value': ...}}."),
    "unknown_metric": ("第 {i} 条证据的指标 '{metric}' 不存在{hint_zh}。可用指标：{valid}。",
                       "Evidence {i}: unknown metric '{metric}'{hint_en}. Known metrics: {valid}."),
    "unknown_group": ("第 {i} 条证据的分组 {group!r} 不在 KPI 表中{hint_zh}。KPI 表按 {by} 分组，例如 {examples}。",
                      "Evidence {i}: group {group!r} is not in the KPI table{hint_en}. The table is grouped by "
                      "{by}, e.g. {examples}."),
    "bad_value": ("第 {i} 条证据的数值 {value!r} 不是数字。请填写 KPI 表中的数值（比率写小数，如 0.55）。",
                  "Evidence {i}: value {value!r} is not a number. Enter the number from the KPI table "
                  "(rates as fractions, e.g. 0.55)."),
    "value_mismatch": ("第 {i} 条证据：{group} 的 {metric} 写的是 {value:g}，KPI 表中是 {actual:.4g}（允许误差 {tol}）。"
                       "{pct_zh}请从 KPI 表中读取数值。",
                       "Evidence {i}: {metric} of {group} is given as {value:g} but the KPI table has {actual:.4g} "
                       "(tolerance {tol}). {pct_en}Read the value from the KPI table."),
    "pct_hint": ("比率要写成小数（{value:g}% 写 {frac:g}）。", "Write rates as fractions ({value:g}% is {frac:g}). "),
    "value_undefined": ("第 {i} 条证据：{group} 的 {metric} 在 KPI 表中无定义（分母为 0），不能作为证据。",
                        "Evidence {i}: {metric} of {group} is undefined in the KPI table (zero denominator) and "
                        "cannot serve as evidence."),
    "no_cause": ("没有写根本原因。请从 {valid_zh} 中选择一个。", "No root cause given. Choose one of {valid_en}."),
    "unknown_cause": ("根本原因 '{cause}' 不在分类中{hint_zh}。请从 {valid_zh} 中选择。",
                      "Root cause '{cause}' is not in the taxonomy{hint_en}. Choose one of {valid_en}."),
    "cause_unsupported": (
        "根本原因「{cause}」没有被任何低于目标的指标支持：证据中需要有 {metrics_zh} 之一在该分组低于目标。{flagged_zh}",
        "Root cause '{cause_en}' is not supported by any flagged metric: the evidence needs one of {metrics_en} "
        "missing its target in its group. {flagged_en}"),
    "flagged_list": ("证据中低于目标的指标：{items}。", "Flagged metrics in the evidence: {items}."),
    "flagged_none": ("证据中没有任何指标低于目标（目标：{targets}）。",
                     "No metric in the evidence misses its target (targets: {targets})."),
    "few_solutions": ("只有 {n} 个解决方案。请至少给出 2 个，每个写明责任人和时间节点。",
                      "Only {n} solution(s). Give at least 2, each with an owner and a due date."),
    "solution_type": ("第 {i} 个解决方案 {value!r} 无法读取。请写成 {{'action': ..., 'owner': ..., 'due': 'YYYY-MM-DD'}}。",
                      "Solution {i} ({value!r}) cannot be read. Write it as "
                      "{{'action': ..., 'owner': ..., 'due': 'YYYY-MM-DD'}}."),
    "no_action": ("第 {i} 个解决方案没有写具体行动（action）。", "Solution {i} has no action."),
    "no_owner": ("第 {i} 个解决方案「{action}」没有责任人（owner）。请写上负责的人。",
                 "Solution {i} ('{action}') has no owner. Name the person responsible."),
    "bad_due": ("第 {i} 个解决方案「{action}」的时间节点 {due!r} 无法识别。请写成 YYYY-MM-DD，例如 2026-12-31。",
                "Solution {i} ('{action}'): due date {due!r} cannot be read. Write it as YYYY-MM-DD, "
                "e.g. 2026-12-31."),
    "due_past": ("第 {i} 个解决方案「{action}」的时间节点 {due} 早于今天 {today}。请定一个未来的日期。",
                 "Solution {i} ('{action}'): due date {due} is before today ({today}). Pick a future date."),
    "due_far": ("第 {i} 个解决方案「{action}」的时间节点 {due} 距今天 {today} 超过 {max} 天。请定在 {last} 之前。",
                "Solution {i} ('{action}'): due date {due} is more than {max} days after today ({today}). "
                "Set it on or before {last}."),
    "err_today": ("today 应是日期，例如 '2026-11-24'，收到 {value!r}。", "today must be a date such as '2026-11-24'; "
                  "got {value!r}."),
    "err_tolerance": ("tolerance 应是两个非负数 (相对, 绝对)，例如 (0.01, 0.005)，收到 {value!r}。",
                      "tolerance must be two numbers >= 0 (relative, absolute), e.g. (0.01, 0.005); got {value!r}."),
    "err_keys": ("链条中的键 '{name}' 无法识别{hint_zh}。可用的键：problem, evidence, root_cause, solutions。",
                 "Unknown key '{name}' in the chain{hint_en}. Known keys: problem, evidence, root_cause, solutions."),
    "err_type": ("链条应是字典，收到 {kind}。", "A chain must be a dict; got {kind}."),
    "err_kpi": ("应传入 kl.kpi.compute(...) 的结果，收到 {kind}。", "Pass the result of kl.kpi.compute(...); got {kind}."),
    "ok": ("链条完整：每一环都有依据。", "The chain is sound: every link holds."),
    "link_problem": ("问题", "Problem"),
    "link_evidence": ("数据验证", "Evidence"),
    "link_root_cause": ("根本原因", "Root cause"),
    "link_solutions": ("解决方案", "Solutions"),
    "title": ("根因链条：问题 → 证据 → 根因 → 方案", "Root-cause chain: problem -> evidence -> cause -> solutions"),
    "broken": ("{n} 处断链", "{n} broken link(s)"),
})
