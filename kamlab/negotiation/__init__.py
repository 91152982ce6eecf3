"""Win-win agreement negotiation (m05): the concession matrix (让步矩阵).

Principled negotiation (原则谈判) with an explicit list of clauses: for each
clause the ordered options, our score and their estimated score, the weight
each side gives the clause, whether it is a core clause (核心条款) or a
tradeable one (可让步条款), and our opening, target and walk-away option.
The matrix enumerates every acceptable package, finds the Pareto frontier
and the Nash point, evaluates a proposal (value left on the table,
violations), plans give-and-get trades and checks a negotiation log for
concessions made without exchange (无交换不让步).

Examples
--------
>>> import kamlab as kl
>>> m = kl.negotiation.ConcessionMatrix({
...     "供货折扣": {"options": ["5%", "8%", "10%"], "ours": [100, 60, 0], "theirs": [0, 50, 100],
...                  "our_weight": 30, "their_weight": 50, "walk_away": "10%", "target": "8%",
...                  "opening": "5%", "core": False},
...     "回款账期": {"options": ["30天", "60天", "90天"], "ours": [100, 70, 20], "theirs": [20, 60, 100],
...                  "our_weight": 70, "their_weight": 50, "walk_away": "60天", "target": "30天",
...                  "opening": "30天", "core": True}})
>>> m.nash()
{'供货折扣': '10%', '回款账期': '30天', 'u_us': 70.0, 'u_them': 60.0}
"""

from __future__ import annotations

from .._labels import register
from ._clause_table import clauses_from_table
from ._clauses import Clause, parse_clauses
from ._matrix import ConcessionMatrix, Evaluation
from ._trade import check_log, trade_plan

#: The columns of the tool's result tables, as a trainee reads them.
register({
    "options": ("选项", "options"), "ratio": ("比值（对方÷我方）", "ratio (their / our)"),
    "u_us": ("我方效用", "our utility"), "u_them": ("对方效用", "their utility"),
    "give_clause": ("我方让步条款", "we give on"), "give_from": ("让步前", "from"), "give_to": ("让步后", "to"),
    "get_clause": ("换取对方让步条款", "they give on"), "get_from": ("对方让步前", "their from"),
    "get_to": ("对方让步后", "their to"), "give_ratio": ("让步条款比值", "ratio given"),
    "get_ratio": ("换取条款比值", "ratio got"), "du_us": ("我方效用变化", "our utility change"),
    "du_them": ("对方效用变化", "their utility change"), "explanation": ("说明", "explanation"),
})

__all__ = ["ConcessionMatrix", "Evaluation", "Clause", "parse_clauses", "clauses_from_table",
           "trade_plan", "check_log"]
