"""A whole class on one server, end to end: JupyterHub, three trainees and an instructor.

Each trainee logs in from Chromium (first use: they choose their password),
finds the workbook in their own home, opens m02, answers exercise 1 through
its form, saves and hands in.  The instructor collects, grades (sandboxed)
and returns; each trainee opens their own feedback page in JupyterLab.  A
trainee's own kernel cannot read another trainee's home or hand-in.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("kamlab_browser_ui", ROOT / "tests" / "browser" / "test_jupyterlab.py")
lab_ui = importlib.util.module_from_spec(_spec)   # the notebook helpers of the JupyterLab browser test
sys.modules[_spec.name] = lab_ui
_spec.loader.exec_module(lab_ui)
NOTEBOOK = "m02_screening.ipynb"
Q1 = 'q1 = {"合作潜力": 35, "利润贡献": 40, "动销基础": 25, "cut": 50}'
ARTIFACTS = ROOT / "tests" / "browser" / "artifacts"
#: The hand-in (wb.submit, kamlab collect / return) of issue 14 item 2
HAVE_EXCHANGE = importlib.util.find_spec("kamlab.exchange") is not None


def _missing_step(what: str) -> None:
    """A step whose kamlab command is not in this tree yet (issue 14 item 2): fail in CI, skip elsewhere."""
    reason = f"PENDING for the lead: {what} is not in this tree yet (issue 14 item 2, the exchange helper)"
    if os.environ.get("KAMLAB_REQUIRE_BROWSER") == "1":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def _kamlab(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "kamlab.cli", *args], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    if check:
        assert result.returncode == 0, f"kamlab {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result


def _lab(hub, user: str) -> SimpleNamespace:
    """What the notebook helpers of tests/browser need: the user's server address (the hub cookie logs in)."""
    base = f"{hub.url}/user/{user}"
    return SimpleNamespace(url=base, token="",
                           tree=lambda nb: f"{base}/lab/workspaces/{Path(nb).stem.replace('_', '-')}/tree/{nb}")


def _log_in(page, hub, user: str) -> None:
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", hub.password)
    page.click("#login_submit")


def _write_as(user: str, path: Path, text: str) -> None:
    """Put a file in *user*'s home, owned by them (as the trainee would have made it)."""
    import pwd

    entry = pwd.getpwnam(user)
    path.write_text(text, encoding="utf-8")
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _probe_notebook(targets: dict[str, str]) -> str:
    code = ("import os\n"
            f"for label, path in {targets!r}.items():\n"
            "    try:\n"
            "        os.listdir(path) if os.path.isdir(path) else open(path, 'rb').read(1)\n"
            "        print(label, 'READ')\n"
            "    except OSError as e:\n"
            "        print(label, 'DENIED', type(e).__name__)\n")
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": code}
    return json.dumps({"cells": [cell], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                    "language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5})


def _probe(page, hub, user: str, targets: dict[str, str]) -> str:
    """Run, in *user*'s own kernel, an attempt to read *targets*; return what it printed."""
    name = "probe.ipynb"
    _write_as(user, hub.home(user) / name, _probe_notebook(targets))
    lab = _lab(hub, user)
    page.bring_to_front()
    lab_ui.open_notebook(page, lab, name)
    lab_ui.run_all_cells(page)
    return page.locator(f"{lab_ui.NOTEBOOK} .jp-OutputArea").first.inner_text()


@pytest.fixture
def trainee_pages(hub, browser):
    """One browser context per trainee (their own cookies); screenshots of each when the test fails."""
    contexts = [browser.new_context(viewport={"width": 1280, "height": 1500}, locale="zh-CN")
                for _ in hub.trainees]
    for context in contexts:
        context.set_default_timeout(90_000)
    pages = [context.new_page() for context in contexts]
    yield pages
    for page, user in zip(pages, hub.trainees):
        if not page.is_closed():
            page.screenshot(path=str(_artifact(f"hub_last_{user[-1]}.png")))
    for context in contexts:
        context.close()


def test_a_class_from_login_to_feedback(hub, trainee_pages):
    t0 = time.monotonic()
    assert os.path.isdir(hub.exchange / "collect")
    info = os.stat(hub.exchange / "collect")
    assert stat.S_IMODE(info.st_mode) == 0o3773 and info.st_uid == 0, oct(info.st_mode)

    # --- every trainee logs in at once (first use sets the password); the hub makes their system user
    pages = trainee_pages
    for page, user in zip(pages, hub.trainees):
        _log_in(page, hub, user)
    for page, user in zip(pages, hub.trainees):
        page.wait_for_url(f"**/user/{user}/lab**", timeout=120_000)
    logged_in = time.monotonic() - t0

    for user in hub.trainees:
        home = hub.home(user)
        info = os.stat(home)
        assert stat.S_IMODE(info.st_mode) == 0o700, f"{home} is {oct(info.st_mode)}"
        copy = home / "kamlab-workbook" / NOTEBOOK
        assert copy.read_bytes() == (ROOT / "notebooks" / NOTEBOOK).read_bytes()
        assert os.stat(copy).st_uid == info.st_uid

    # --- each opens m02 from their home, runs it, answers exercise 1 through its form
    # (weights 35 / 40 / 25, the answer line copied, ✓) and saves; one after the other:
    # a page the test is not driving (another trainee's window) may hold its kernel replies
    for page, user in zip(pages, hub.trainees):
        page.bring_to_front()
        lab_ui.open_notebook(page, _lab(hub, user), f"kamlab-workbook/{NOTEBOOK}")
        lab_ui.run_all_cells(page)
        lab_ui.assert_no_errors(page)
        form = lab_ui.code_cell(page, "form_q1 = kl.course.m02.weights_form(chains)\nform_q1")
        lab_ui.assert_form_renders(form, n_sliders=4, label="利润贡献", chart=False)
        lab_ui.move_slider(form, "合作潜力", "ArrowRight", 6)
        lab_ui.move_slider(form, "利润贡献", "ArrowRight", 7)
        lab_ui.move_slider(form, "动销基础", "ArrowRight", 4)
        lab_ui.expect(form.locator(".kamlab-answer-line textarea")).to_have_value(Q1, timeout=60_000)
        lab_ui.wait_for_stable_kernel(page, _lab(hub, user), NOTEBOOK)   # the sliders' redraws are done
        lab_ui.answer_and_check(page, form, "q1", Q1)
        page.keyboard.press("Control+s")
        saved = hub.home(user) / "kamlab-workbook" / NOTEBOOK
        deadline = time.monotonic() + 60
        while _q1_source(saved) != Q1:
            assert time.monotonic() < deadline, f"{user}'s notebook was not saved"
            time.sleep(0.5)
        if HAVE_EXCHANGE:   # hand-in: the 提交 / Submit button under wb.summary()
            summary = lab_ui.code_cell(page, "wb.summary()")
            summary.scroll_into_view_if_needed()
            summary.get_by_role("button", name="提交").click()
            lab_ui.expect(summary).to_contain_text("已提交 m02", timeout=60_000)
            summary.screenshot(path=str(_artifact(f"hub_submitted_{user[-1]}.png")))
    pages[0].screenshot(path=str(_artifact("hub_m02_trainee.png")))
    answered = time.monotonic() - t0

    # --- a trainee cannot read another's home, from their own kernel (and as that user: runuser)
    a, b = hub.trainees[0], hub.trainees[1]
    home_b = hub.home(b)
    targets = {"home": str(home_b), "workbook": str(home_b / "kamlab-workbook" / NOTEBOOK)}
    printed = _probe(pages[0], hub, a, targets)
    for label in targets:
        assert f"{label} DENIED PermissionError" in printed, printed
    denied = subprocess.run(["runuser", "-u", a, "--", "cat", str(home_b / "kamlab-workbook" / NOTEBOOK)],
                            capture_output=True, text=True)
    assert denied.returncode != 0 and "Permission denied" in denied.stderr
    listing = subprocess.run(["runuser", "-u", a, "--", "ls", str(hub.exchange / "collect")],
                             capture_output=True, text=True)
    assert listing.returncode != 0 and "Permission denied" in listing.stderr
    teacher = subprocess.run(["runuser", "-u", hub.instructor, "--", "ls", str(hub.exchange / "collect")],
                             capture_output=True, text=True)
    assert teacher.returncode == 0, teacher.stderr   # the instructor's group may list the hand-ins

    if not HAVE_EXCHANGE:
        _missing_step("wb.submit() / the 提交 Submit button, kamlab collect / return")
    handed_in = sorted((hub.exchange / "collect").iterdir())
    assert len(handed_in) == 3, handed_in
    owners = {_owner(p) for p in handed_in}
    assert owners == set(hub.trainees)
    assert all(stat.S_IMODE(os.stat(p).st_mode) == 0o640 for p in handed_in)
    other = next(p for p in handed_in if _owner(p) == b)
    printed = _probe(pages[0], hub, a, {"submission": str(other)})
    assert "submission DENIED PermissionError" in printed, printed

    # --- the instructor collects, grades in the sandbox and returns (as root)
    work = hub.state / "instructor"
    _kamlab("collect", "m02", "--out", str(work / "submissions"), "--exchange", str(hub.exchange))
    _kamlab("grade", "m02", str(work / "submissions"), "--out", str(work / "grades"), "--jobs", "2",
            "--no-progress")
    _kamlab("return", "m02", "--feedback", str(work / "grades"), "--exchange", str(hub.exchange), "--homes")
    with open(work / "grades" / "gradebook.csv", encoding="utf-8-sig") as f:
        rows = {row["trainee"]: row for row in csv.DictReader(f)}
    assert set(rows) == set(hub.trainees), rows.keys()
    graded = time.monotonic() - t0

    # --- each trainee opens their own feedback page in JupyterLab and sees their own score
    for page, user in zip(pages, hub.trainees):
        page.bring_to_front()
        page.goto(f"{hub.url}/user/{user}/lab/workspaces/feedback/tree/kamlab-feedback/m02.html")
        body = page.frame_locator(".jp-HTMLViewer iframe").locator("body")
        lab_ui.expect(body).to_contain_text(user, timeout=60_000)
        text = body.inner_text()
        total = float(rows[user]["total"])
        shown = f"{total:g}"
        assert lab_ui.re.search(rf"(总分|Total)[:：]\s*{lab_ui.re.escape(shown)}\s*/", text), (shown, text[:300])
        assert not any(other in text for other in hub.trainees if other != user)
        page.screenshot(path=str(_artifact(f"hub_feedback_{user[-1]}.png")))
    printed = _probe(pages[0], hub, a, {"feedback": str(home_b / "kamlab-feedback" / "m02.html")})
    assert "feedback DENIED PermissionError" in printed, printed
    print(f"\nhub started in {hub.started_in:.1f} s; logged in {logged_in:.0f} s, answered {answered:.0f} s, "
          f"graded and returned {graded:.0f} s, all {time.monotonic() - t0:.0f} s")


def _q1_source(path: Path) -> str:
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except ValueError:   # being written
        return ""
    return "".join(next(("".join(c["source"]) for c in cells if "".join(c["source"]).startswith("q1 =")), ""))


def _owner(path: Path) -> str:
    import pwd

    return pwd.getpwuid(os.stat(path).st_uid).pw_name


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name
