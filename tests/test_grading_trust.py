"""Grades an instructor can trust: a submission costs only itself, no wrong result is cached, layouts.

The hostile cases run under the sandbox (bubblewrap) wherever it works; CI
installs it (``.ci/run``) and requires it (``KAMLAB_REQUIRE_SANDBOX=1``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import filelock
import nbformat
import pytest

from kamlab._errors import BadFileError
from kamlab.course import get_bank
from kamlab.grading import _example_class as ec
from kamlab.grading._runner import grade
from kamlab.grading._sandbox import bwrap_works

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "demo_solution.ipynb"
DEMO = get_bank("demo")
MANUAL = next(q.key for q in DEMO.questions if q.manual)

if os.environ.get("KAMLAB_REQUIRE_SANDBOX") == "1":
    assert bwrap_works(), "CI requires bubblewrap: .ci/run installs it (apt-get install bubblewrap)"
sandboxed = pytest.mark.skipif(not bwrap_works(), reason="bubblewrap (bwrap) is not available here")


def _base():
    return ec.clear_outputs(nbformat.read(FIXTURE, as_version=4))


def _good(name: str, text: str | None = None):
    nb = ec.set_trainee(_base(), name)
    return ec.set_answer(nb, MANUAL, repr(text or f"{name}：先看数据，再决定拜访顺序和资源投入。" * 2))


def _put(folder: Path, name: str, nb) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(ec.dumps(nb))
    return path


_DELETER = """\
import os
for top in ("/", os.path.expanduser("~"), "..", "../..", "../../.."):
    for root, dirs, files in os.walk(top):
        for f in files:
            if f.endswith(".ipynb") and "deleter" not in f:
                try:
                    os.remove(os.path.join(root, f))
                except OSError:
                    pass
        if root.count(os.sep) > 6:
            dirs[:] = []
"""

_DETACHED = """\
import os, subprocess, sys
code = ("import time, pathlib, glob\\n"
        "time.sleep(4)\\n"
        "for p in glob.glob('/**/results/*.json', recursive=True) + glob.glob('/**/gradebook.csv', recursive=True):\\n"
        "    pathlib.Path(p).write_text('forged')\\n"
        "pathlib.Path(%r).write_text('still alive')\\n") % (os.path.abspath("ALIVE-MARKER"),)
subprocess.Popen([sys.executable, "-c", code], start_new_session=True,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
"""


@sandboxed
def test_a_submission_cannot_harm_its_classmates_or_the_grades(tmp_path):
    subs = tmp_path / "subs"
    _put(subs, "a_deleter.ipynb", ec.insert_after_check(_good("删除者"), "q1", _DELETER))
    _put(subs, "b_detached.ipynb", ec.insert_after_check(_good("后台进程"), "q1", _DETACHED))
    _put(subs, "c_victim.ipynb", _good("受害者"))
    report = grade(DEMO, subs, out=tmp_path / "out", jobs=1, timeout=60, progress=False)
    table = report.gradebook.set_index("trainee")
    assert table.loc["受害者", "total"] == 6.0 and table.loc["受害者", "status"] == "ok"
    assert sorted(p.name for p in subs.iterdir()) == ["a_deleter.ipynb", "b_detached.ipynb", "c_victim.ipynb"]
    csv = (tmp_path / "out" / "gradebook.csv").read_bytes()
    results = {p: p.read_bytes() for p in (tmp_path / "out" / "results").glob("*.json")}
    time.sleep(6)                       # the detached process would have woken up by now
    assert (tmp_path / "out" / "gradebook.csv").read_bytes() == csv
    assert {p: p.read_bytes() for p in (tmp_path / "out" / "results").glob("*.json")} == results
    assert not list((tmp_path / "out" / "work").glob("*/ALIVE-MARKER"))
    again = grade(DEMO, subs, out=tmp_path / "out", jobs=1, timeout=60, progress=False)
    assert again.n_cached == 3
    assert again.gradebook.set_index("trainee").loc["受害者", "total"] == 6.0


def test_a_forged_cache_entry_is_graded_again(tmp_path):
    subs = tmp_path / "subs"
    _put(subs, "s.ipynb", ec.set_answer(_good("改缓存"), "q3", '"C99"'))
    first = grade(DEMO, subs, out=tmp_path / "out", timeout=60, progress=False)
    assert first.gradebook["total"].tolist() == [4.0]
    (path,) = (tmp_path / "out" / "results").glob("*.json")
    stored = json.loads(path.read_text(encoding="utf-8"))
    for v in stored["result"]["verdicts"].values():
        v["score"] = v["points"]
    path.write_text(json.dumps(stored), encoding="utf-8")
    second = grade(DEMO, subs, out=tmp_path / "out", timeout=60, progress=False)
    assert (second.n_cached, second.gradebook["total"].tolist()) == (0, [4.0])


def test_per_trainee_folders_a_zip_and_identical_bytes_keep_their_own_rows(tmp_path):
    subs = tmp_path / "subs"
    same = _good("同一份", "两位学员交了完全相同的文件：理由一字不差，都是先拜访 C01 再看数据。")
    _put(subs / "王芳", "m99.ipynb", same)
    _put(subs / "李伟", "作业.ipynb", same)
    _put(subs / "张敏", "x.ipynb", _good("张敏"))
    report = grade(DEMO, subs, out=tmp_path / "out", jobs=2, timeout=60, progress=False)
    rows = report.gradebook.set_index("trainee")
    assert sorted(rows.index) == ["张敏", "李伟", "王芳"]
    assert rows.loc["王芳", "file"] == "王芳/m99.ipynb" and rows.loc["李伟", "file"] == "李伟/作业.ipynb"
    assert "抄袭" in rows.loc["王芳", "reasons"] and "抄袭" in rows.loc["李伟", "reasons"]
    assert "抄袭" not in rows.loc["张敏", "reasons"]
    # the same class as a zip (one top folder around it, as a zipped download looks)
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for p in sorted(subs.rglob("*.ipynb")):
            z.write(p, Path("下载") / p.relative_to(subs))
    zipped = grade(DEMO, archive, out=tmp_path / "out_zip", jobs=2, timeout=60, progress=False)
    assert sorted(zipped.gradebook["trainee"]) == sorted(rows.index)
    assert zipped.gradebook["total"].tolist() == report.gradebook["total"].tolist()


def test_no_submissions_exit_non_zero_and_keep_the_gradebook(tmp_path):
    subs = tmp_path / "subs"
    _put(subs, "s.ipynb", _good("留下"))
    grade(DEMO, subs, out=tmp_path / "out", timeout=60, progress=False)
    before = (tmp_path / "out" / "gradebook.csv").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BadFileError, match="previous gradebook is kept"):
        grade(DEMO, empty, out=tmp_path / "out", progress=False)
    assert (tmp_path / "out" / "gradebook.csv").read_bytes() == before
    from kamlab.cli import main
    assert main(["grade", "demo", str(empty), "--out", str(tmp_path / "out"), "--no-progress"]) == 2


def test_a_second_run_into_the_same_out_is_refused(tmp_path):
    subs = tmp_path / "subs"
    _put(subs, "s.ipynb", _good("排队"))
    (tmp_path / "out" / ".kamlab").mkdir(parents=True)
    with filelock.FileLock(str(tmp_path / "out" / ".kamlab" / "lock")):
        with pytest.raises(BadFileError, match="Another kamlab grade"):
            grade(DEMO, subs, out=tmp_path / "out", progress=False)


def test_an_unwritable_out_gets_a_clear_message(tmp_path, monkeypatch):
    subs = tmp_path / "subs"
    _put(subs, "s.ipynb", _good("只读"))
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    with pytest.raises(BadFileError, match="cannot be written") as err:
        grade(DEMO, subs, out=not_a_folder, progress=False)
    assert "不能写入" in err.value.zh
    import errno

    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "mkdir", full)
    with pytest.raises(BadFileError, match="full disk"):
        grade(DEMO, subs, out=tmp_path / "full", progress=False)


def test_lost_parameters_tag_and_nbformat_v3_still_grade_right(tmp_path):
    subs = tmp_path / "subs"
    untagged = _good("没标签")
    for cell in untagged.cells:
        cell.metadata["tags"] = [t for t in cell.metadata.get("tags", []) if t != "parameters"]
    _put(subs, "untagged.ipynb", untagged)
    v3 = nbformat.convert(_good("旧格式"), 3)
    (subs / "v3.ipynb").write_text(nbformat.writes(v3, version=3), encoding="utf-8")
    report = grade(DEMO, subs, out=tmp_path / "out", jobs=2, timeout=60, variant=5, progress=False)
    rows = report.gradebook.set_index("trainee")
    assert rows.loc["没标签", "total"] == 6.0 and "按变量" in rows.loc["没标签", "reasons"]
    assert rows.loc["旧格式", "total"] == 6.0 and rows.loc["旧格式", "status"] == "ok"


def test_ctrl_c_stops_cleanly_and_caches_nothing_half_done(tmp_path):
    subs = tmp_path / "subs"
    for i, name in enumerate(["甲", "乙", "丙"]):
        _put(subs, f"s{i}.ipynb", _good(name))
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "kamlab.cli", "grade", "demo", str(subs), "--out", str(out),
                             "--jobs", "1", "--no-progress"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list((out / "work").glob("*/*.executed.ipynb")):
        time.sleep(0.2)
    time.sleep(1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    for path in (out / "results").glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["result"]["status"] == "ok"
    report = grade(DEMO, subs, out=out, jobs=2, timeout=60, progress=False)
    assert report.gradebook["total"].tolist() == [6.0, 6.0, 6.0]
