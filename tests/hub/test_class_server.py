"""The class server end to end (``class_server_e2e.py``), run in a pytest process of its own.

The end-to-end test drives Chromium with Playwright's sync API, which refuses
to start in a thread where an asyncio loop is marked running; other tests in
the same worker process (notebooks run in-process) can leave one behind.  A
fresh process gives the test a clean thread whatever ran before it.  Its
output is shown when it fails; it skips (with the reason) where it skips.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def test_a_class_from_login_to_feedback():
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-o", "addopts=", "-p", "no:cacheprovider",
                           str(HERE / "class_server_e2e.py")],
                          cwd=ROOT, capture_output=True, text=True, env=os.environ.copy())
    report = done.stdout[-8000:] + done.stderr[-2000:]
    assert done.returncode == 0, report
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    if not re.search(r"\b\d+ passed\b", summary):
        reasons = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
        pytest.skip("; ".join(reasons) or summary)
