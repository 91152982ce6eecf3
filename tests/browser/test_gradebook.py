"""The trainer's view in a browser: a graded class's feedback page.

Grades a small example class with the real command line (``kamlab
example-class`` then ``kamlab grade``) and opens one trainee's feedback page
in Chromium: the page shows the trainee's name, every question with ✓ or ✗,
and the points.  The screenshot is the README's gradebook picture.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from playwright.sync_api import expect

# a full marks and a one-wrong submission of the example class (fast to grade)
KEEP = ("perfect", "one_wrong")


def kamlab(*args: str) -> None:
    run = subprocess.run([sys.executable, "-m", "kamlab.cli", *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_feedback_page_in_browser(page, tmp_path, save_screenshot):
    everyone, chosen, out = tmp_path / "class", tmp_path / "submissions", tmp_path / "graded"
    kamlab("example-class", "m02", "--out", str(everyone), "--n", "16")
    kinds = dict(line.split(": ") for line in
                 (everyone / "README.txt").read_text(encoding="utf-8").splitlines() if ": " in line)
    picked = [next(name for name, kind in kinds.items() if kind == wanted) for wanted in KEEP]
    chosen.mkdir()
    for name in picked:
        shutil.copy(everyone / name, chosen / name)
    kamlab("grade", "m02", str(chosen), "--out", str(out), "--jobs", "2", "--timeout", "60",
           "--no-progress")

    wrong_one = next(name for name in picked if kinds[name] == "one_wrong")
    trainee = wrong_one.removesuffix(".ipynb").split("_", 1)[1]
    page.set_viewport_size({"width": 1100, "height": 800})
    page.goto((out / "feedback" / f"{trainee}.html").as_uri())
    expect(page.locator("h1")).to_contain_text(trainee)
    rows = page.locator("table tr")
    expect(rows.filter(has_text="✓").first).to_be_visible()
    assert rows.filter(has_text="✗").count() == 1
    assert rows.count() == 7  # header + q1..q6
    save_screenshot(page.screenshot(full_page=True), "gradebook_feedback.png",
                    docs="gradebook_feedback.png")
