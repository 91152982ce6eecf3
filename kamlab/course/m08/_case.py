"""m08 case: the module id, the course date and the plan's rules.

m08 has no bundled data: the answers are the trainee's own.

Examples
--------
>>> MODULE, TODAY, K, MIN_WHY
('m08', '2026-11-01', 3, 8)
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
