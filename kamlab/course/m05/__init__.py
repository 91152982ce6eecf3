"""m05 双赢协议谈判 / Win-win agreement negotiation.

The question bank of workshop module m05 (seed 000 §五 双赢协议谈判, seed 001 谈判技巧 and its
annual distribution agreement, 年度分销协议) and the small helpers its notebook calls.  Every
auto-graded answer is a literal decision, judged on the clause data the trainee saw and the seed's
rules:

* ``q1`` — the core clauses (核心条款), ticked: the seed's 动销目标 (年度分销数量) and 活动支持
  (联合活动) must be core, the one-way price terms (供货价格/折扣, 回款账期, 返利) must not;
* ``q2`` — the first give-and-get (无交换不让步) read off the ratio table:
  ``{"give": clause, "get": clause}``;
* ``q3`` — the Nash point among four lettered packages on the frontier chart;
* ``q4`` — the proposal ``{clause: option}``: every walk-away and every core target kept, on the
  Pareto frontier, and at least what our own targets give the chain (:func:`assess`);
* ``q5`` — 战术与反战术 PK: the counter to each of the chain's five tactics;
* ``q6`` — the role-play log (rows of round, side, clause, option): at least ``MIN_ROUNDS`` rounds,
  no concession of ours without exchange, the final package inside walk-aways and core targets;
* ``q7`` — free text (which interest behind which position), scored by hand with a rubric.

The concession matrix :func:`matrix` holds each core clause at its target (its walk-away is its
target), so its frontier and Nash point keep every core target.

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m05
>>> clauses = kl.datasets.load("clauses")
>>> m05.seed_core(clauses)
['年度分销数量', '联合活动']
>>> m = m05.matrix(clauses, core=["年度分销数量", "联合活动"])
>>> m05.assess(m, {c.name: c.opening for c in m.clauses})["ok"]
False
"""

from __future__ import annotations

from ._bank import BANK
from ._case import (DATASET, KEYWORDS, LOG_COLUMNS, MIN_ROUNDS, MIN_TRADEABLE, MODULE, ONE_WAY, account_label,
                    clause_names, key_account, one_way, process_table, seed_core, team_table)
from ._charts import plot_candidates, plot_proposal, plot_trades, plot_weights
from ._forms import (core_form, log_form, log_line, nash_form, proposal_form, proposal_line, ratio_table, tactics_form,
                     text_form, trade_form)
from ._log import final_package, resolve_log, review_log
from ._messages import MSGS
from ._model import assess, candidates, core_list, first_trade, matrix, their_weights_or_default, to_100
from ._tactics import COUNTERS, TACTICS

__all__ = [
    "MODULE", "DATASET", "BANK", "MIN_TRADEABLE", "MIN_ROUNDS", "KEYWORDS", "ONE_WAY", "TACTICS", "COUNTERS",
    "key_account", "account_label", "clause_names", "seed_core", "one_way", "team_table", "process_table",
    "core_list", "to_100", "their_weights_or_default", "matrix", "assess", "candidates", "first_trade",
    "resolve_log", "final_package", "review_log", "ratio_table",
    "core_form", "trade_form", "nash_form", "proposal_form", "tactics_form", "log_form", "text_form",
    "plot_weights", "plot_trades", "plot_candidates", "plot_proposal",
]
