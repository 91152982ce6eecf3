"""m08 case: the module id, the course date, the plan's rules and the candidate tasks of exercise 2.

m08 has no bundled data: the answers are the trainee's own.  The candidate tasks are the course's
(fictional) colleagues' drafts that exercise 2 asks to screen.

Examples
--------
>>> MODULE, TODAY, K, MIN_WHY
('m08', '2026-11-01', 3, 8)
>>> [c["id"] for c in CANDIDATES]
['T1', 'T2', 'T3', 'T4', 'T5', 'T6']
"""

from __future__ import annotations

from ..._dates import COURSE_TODAY

#: Module id.
MODULE = "m08"
#: Fixed course date (the same course day as m01 and m07).
TODAY = COURSE_TODAY.isoformat()
#: The seed's 3 core tasks in 3 months.
K = 3
#: Shortest "why" (characters) that justifies a layer left out of the plan.
MIN_WHY = 8

#: Exercise 2: six draft tasks from a study group; three are not 落地任务 (no owner and no number, due after
#: 3 months, an aim with no number).  Their layers: the modules they draw on.
CANDIDATES: tuple[dict[str, str], ...] = (
    {"id": "T1", "task": "C34 逐店补铺新品", "module": "m07", "finding": "C34 铺货率 55%，根因：铺货",
     "owner": "KA经理 王敏", "measure": "C34 铺货率从 55% 提到 80%", "start": "2026-11-05", "due": "2027-01-20"},
    {"id": "T2", "task": "加强客情关系", "module": "m01", "finding": "客情维护不够", "owner": "",
     "measure": "客户关系更紧密", "start": "2026-11-10", "due": "2027-01-31"},
    {"id": "T3", "task": "年度协议加入动销目标条款", "module": "m05", "finding": "协议只有供货和结算条款",
     "owner": "KA经理 王敏", "measure": "新协议含 3 项动销条款", "start": "2026-12-01", "due": "2027-04-30"},
    {"id": "T4", "task": "按三维标准重排客户分层", "module": "m02", "finding": "C19、C08 象限不稳定",
     "owner": "大区经理 刘强", "measure": "8 家重点投入客户各有 1 份服务包", "start": "2026-11-15",
     "due": "2026-12-31"},
    {"id": "T5", "task": "提升谈判能力", "module": "m05", "finding": "谈判时总是单向让利",
     "owner": "KA经理 王敏", "measure": "谈判更有底气", "start": "2026-11-05", "due": "2027-01-15"},
    {"id": "T6", "task": "C18 门店阶梯激励落地", "module": "m06", "finding": "阶梯激励 2 档，费用占增量 5%",
     "owner": "区域主管 李娜", "measure": "试点 30 家门店，店员推荐率到 50%", "start": "2026-11-10",
     "due": "2027-01-25"},
)

#: The draft tasks in English (id -> task, finding, owner, measure); dates and modules are the same.
CANDIDATES_EN: dict[str, dict[str, str]] = {
    "T1": {"task": "Fill C34's stores with the new product", "finding": "C34 distribution 55%, root cause: distribution",
           "owner": "KAM Wang Min", "measure": "C34 distribution from 55% to 80%"},
    "T2": {"task": "Strengthen the relationship", "finding": "Not enough relationship care", "owner": "",
           "measure": "A closer relationship"},
    "T3": {"task": "Put sell-through targets into the annual agreement",
           "finding": "The agreement only covers supply and settlement", "owner": "KAM Wang Min",
           "measure": "New agreement with 3 sell-through clauses"},
    "T4": {"task": "Re-tier the accounts by the three dimensions", "finding": "C19 and C08 have unstable quadrants",
           "owner": "Regional manager Liu Qiang", "measure": "8 invest accounts with 1 package each"},
    "T5": {"task": "Negotiate better", "finding": "Negotiations keep giving away without return",
           "owner": "KAM Wang Min", "measure": "More confidence at the table"},
    "T6": {"task": "Roll out C18's tiered store incentive", "finding": "2-tier incentive, cost 5% of incremental sales",
           "owner": "Area supervisor Li Na", "measure": "30 pilot stores, clerk recommendation rate to 50%"},
}
