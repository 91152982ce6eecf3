"""m01 case: the module id, the course date and the number of blind spots.

m01 has no bundled data: the answers are the trainee's own.

Examples
--------
>>> MODULE, TODAY, K
('m01', '2026-11-01', 2)
"""

from __future__ import annotations

from ..._dates import COURSE_TODAY

#: Module id.
MODULE = "m01"
#: Fixed course date for due-date checks (the same course day as m07), so outputs
#: and grades never depend on the day the notebook runs.
TODAY = COURSE_TODAY.isoformat()
#: The seed's number of core blind spots (2 个核心盲区).
K = 2
