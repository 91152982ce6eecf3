"""m05 双赢协议谈判 / Win-win agreement negotiation.

The question bank of workshop module m05 (seed 000 §五, seed 001 谈判准备) and
the small helpers its notebook calls, so every answer cell is one literal or
one call built from the trainee's decisions:

* ``q1`` — core vs tradeable clauses, ``split(clauses, top=3, extra=[...])``:
  our ``top`` most important clauses (by our weight, ties included) plus the
  ones the trainee adds are core (核心条款); the rest can be traded;
* ``q2`` — the trainee's estimate of the counterpart's weights, a dict
  ``clause -> weight`` (> 0, summing to 100; ``to_100`` rescales slider values);
  the concession matrix ``m = matrix(clauses, their_weights=q2, core=q1)``;
* ``q3`` — the Nash package of that matrix, ``m.nash()``;
* ``q4`` — the trainee's proposal (a package chosen option by option),
  evaluated: ``assess(m, {...})``;
* ``q5`` — the trade plan, first two gives and their gets, ``m.trade_plan().head(2)``;
* ``q6`` — the role-play log, ``review_log(m, [...])``: at least
  ``MIN_ROUNDS`` rounds, no concession of ours without exchange, the final
  package not below any walk-away;
* ``q7`` — free text (which interest behind which position), scored by hand.

Every check recomputes its reference with the tools on the context's own data
(``Context.load("clauses")``) and the trainee's own earlier decisions
(``ctx.answers``), so an answer computed in the notebook stays right on the
hidden counterpart (data variant) and a number typed in from variant 0 does not.

Examples
--------
>>> import kamlab as kl
>>> from kamlab.course import m05
>>> clauses = kl.datasets.load("clauses")
>>> m05.split(clauses, top=3)["core"]
['店员培训', '数据反馈', '陈列资源']
>>> m = m05.matrix(clauses, their_weights=..., core=...)
>>> m.nash()["回款账期"]
'60天'
"""

from __future__ import annotations

from ._bank import BANK
from ._case import (CORE_TOP, DATASET, KEYWORDS, LOG_COLUMNS, MIN_ROUNDS, MIN_TRADEABLE, MODULE, account_label,
                    clause_names, key_account)
from ._charts import plot_trades, plot_weights
from ._forms import (core_form, log_form, log_line, nash_form, proposal_form, proposal_line, text_form, trade_form,
                     weights_form, weights_line)
from ._log import final_package, resolve_log, review_log
from ._messages import MSGS
from ._model import assess, core_list, matrix, split, their_weights_or_default, to_100

__all__ = [
    "MODULE", "DATASET", "BANK", "CORE_TOP", "MIN_TRADEABLE", "MIN_ROUNDS", "KEYWORDS",
    "key_account", "account_label", "clause_names", "split", "core_list", "to_100", "their_weights_or_default",
    "matrix", "assess", "resolve_log", "final_package", "review_log",
    "core_form", "weights_form", "nash_form", "proposal_form", "trade_form", "log_form", "text_form",
    "plot_weights", "plot_trades",
]
