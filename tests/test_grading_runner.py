"""The grader's plumbing: answers read back, resumable runs, atomic gradebook, CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from kamlab._errors import BadFileError, BadSpecError, BadValueError
from kamlab.cli import main
from kamlab.course import get_bank
from kamlab.grading import ANSWER_MIME, encode
from kamlab.grading import _example_class as ec
from kamlab.grading._feedback import safe_name
from kamlab.grading._runner import grade, read_answers
from kamlab.grading._secret import class_secret, hidden_variant

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "demo_solution.ipynb"
DEMO = get_bank("demo")  # grading does not import the course: pass the bank


def _nb_with(records):
    return {"cells": [{"cell_type": "markdown", "source": "x"},
                      {"cell_type": "code", "outputs": [
                          {"output_type": "display_data", "data": {ANSWER_MIME: r, "text/plain": "✓"}}
                          for r in records]}]}


def test_read_answers_last_record_wins_and_other_modules_are_ignored():
    nb = _nb_with([{"module": "demo", "key": "q1", "answer": 1},
                   {"module": "m02", "key": "q1", "answer": 99},
                   {"module": "demo", "key": "q1", "answer": encode(2.5)},
                   {"module": "demo", "key": "q3", "answer": encode(("C01", "C02"))}])
    assert read_answers(nb, "demo") == {"q1": 2.5, "q3": ("C01", "C02")}
    assert read_answers(nb, "m02") == {"q1": 99}
    assert read_answers(nb, "m07") == {}


def test_read_answers_skips_undecodable_records():
    nb = _nb_with([{"module": "demo", "key": "q1", "answer": 1},
                   {"module": "demo", "key": "q1", "answer": {"__kl__": "no-such-kind"}},
                   {"module": "demo", "key": 5, "answer": 1}, "not a dict"])
    assert read_answers(nb, "demo") == {}


def test_hidden_variant_comes_from_the_class_secret(tmp_path):
    key = class_secret(tmp_path / "a")
    assert key == class_secret(tmp_path / "a") and key != class_secret(tmp_path / "b")
    assert hidden_variant("demo", key) == hidden_variant("demo", key)
    assert all(1 <= hidden_variant(m, key) <= 999 for m in ("demo", "m02", "m07"))
    draws = {hidden_variant("m02", class_secret(tmp_path / f"c{i}")) for i in range(8)}
    assert len(draws) > 1      # drawn per class: not a function of the module id


def test_safe_name_cannot_escape_the_feedback_folder():
    assert safe_name("../../x") == "x"
    assert "/" not in safe_name("a/b\\c") and not safe_name("..").startswith(".")


def test_bad_arguments_raise_one_clear_error(tmp_path):
    with pytest.raises(BadValueError, match="jobs"):
        grade(DEMO, tmp_path, out=tmp_path / "o", jobs=0)
    with pytest.raises(BadFileError, match="Submissions"):
        grade(DEMO, tmp_path / "missing", out=tmp_path / "o")
    with pytest.raises(BadSpecError):
        grade("dmeo", tmp_path, out=tmp_path / "o")


def _good_class(folder: Path, names) -> None:
    folder.mkdir(parents=True)
    base = ec.clear_outputs(nbformat.read(FIXTURE, as_version=4))
    for i, name in enumerate(names):
        nb = ec.set_trainee(base, name)
        if i == 1:
            nb = ec.set_answer(nb, "q3", '"C99"')
        (folder / f"s{i}.ipynb").write_bytes(ec.dumps(nb))


def test_rerun_grades_nothing_new_and_force_regrades(tmp_path):
    _good_class(tmp_path / "subs", ["赵一", "钱二"])
    first = grade(DEMO, tmp_path / "subs", out=tmp_path / "out", jobs=2, timeout=60, progress=False)
    assert (first.n_graded, first.n_cached) == (2, 0)
    assert list(first.gradebook["total"]) == [6.0, 4.0]
    assert first.variant == hidden_variant("demo", class_secret(tmp_path / "out"))
    csv_before = (tmp_path / "out" / "gradebook.csv").read_bytes()
    second = grade(DEMO, tmp_path / "subs", out=tmp_path / "out", jobs=2, progress=False)
    assert (second.n_graded, second.n_cached) == (0, 2)
    assert (tmp_path / "out" / "gradebook.csv").read_bytes() == csv_before
    # another variant is another result; force regrades what is stored
    forced = grade(DEMO, tmp_path / "subs", out=tmp_path / "out", jobs=2, force=True, progress=False)
    assert (forced.n_graded, forced.n_cached) == (2, 0)
    pd.testing.assert_frame_equal(forced.gradebook, first.gradebook)
    # a changed notebook is graded again, the other is not
    path = tmp_path / "subs" / "s1.ipynb"
    path.write_bytes(ec.dumps(ec.set_trainee(ec.clear_outputs(nbformat.read(FIXTURE, 4)), "钱二")))
    third = grade(DEMO, tmp_path / "subs", out=tmp_path / "out", jobs=1, progress=False)
    assert (third.n_graded, third.n_cached) == (1, 1)
    assert list(third.gradebook["total"]) == [6.0, 6.0]


def test_killed_run_leaves_no_half_gradebook_and_resumes(tmp_path):
    _good_class(tmp_path / "subs", ["孙三", "李四", "周五"])
    out = tmp_path / "out"
    code = ("import sys; from kamlab.course import get_bank; from kamlab.grading._runner import grade; "
            f"grade(get_bank('demo'), {str(tmp_path / 'subs')!r}, out={str(out)!r}, jobs=1, timeout=60, progress=False)")
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not list((out / "results").glob("*.json")):
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = list((out / "results").glob("*.json"))
    assert 1 <= len(done) < 3
    assert all(json.loads(p.read_text(encoding="utf-8"))["result"]["status"] == "ok" for p in done)
    assert not (out / "gradebook.csv").exists() and not (out / "gradebook.xlsx").exists()
    # litter of an interrupted write and a damaged result are ignored / regraded
    (out / "results" / ".junk.123.tmp").write_text("{", encoding="utf-8")
    report = grade(DEMO, tmp_path / "subs", out=out, jobs=2, timeout=60, progress=False)
    assert report.n_cached == len(done) and report.n_graded == 3 - len(done)
    assert list(report.gradebook["trainee"]) == sorted(["孙三", "李四", "周五"])
    assert sorted(report.gradebook["total"]) == [4.0, 6.0, 6.0]


def test_cli_example_class_then_grade(tmp_path, capsys):
    assert main(["example-class", "demo", "--out", str(tmp_path / "cls"), "--n", "16", "--seed", "1"]) == 0
    files = sorted((tmp_path / "cls").glob("*.ipynb"))
    assert len(files) == 16
    kinds = dict(line.split(": ") for line in
                 (tmp_path / "cls" / "README.txt").read_text(encoding="utf-8").splitlines()[1:])
    assert sorted(kinds.values()).count("perfect") >= 1 and "corrupt_json" in kinds.values()
    for path in files:
        if kinds[path.name] != "corrupt_json":
            nb = nbformat.read(path, as_version=4)
            assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    typed = next(p for p in files if kinds[p.name] == "typed")
    assert 'q1 = chains' not in typed.read_text(encoding="utf-8")
    assert main(["example-class", "demo", "--out", str(tmp_path / "x"), "--n", "3"]) == 2
    assert "n" in capsys.readouterr().err


def test_cli_grade_prints_where_things_are(tmp_path, capsys):
    _good_class(tmp_path / "subs", ["吴六"])
    assert main(["grade", "demo", str(tmp_path / "subs"), "--out", str(tmp_path / "out"),
                 "--variant", "3", "--no-progress"]) == 0
    text = capsys.readouterr().out
    assert "variant 3" in text and "gradebook.csv" in text
    table = pd.read_csv(tmp_path / "out" / "gradebook.csv", encoding="utf-8-sig")
    assert list(table["total"]) == [6.0]
    assert main(["grade", "nope", str(tmp_path / "subs"), "--out", str(tmp_path / "o2")]) == 2


_PROBE = """\
import json, os, resource, tempfile
worker = os.getppid()
print(json.dumps({
    "cwd": os.getcwd(), "home": os.environ.get("HOME"), "tmpdir": os.environ.get("TMPDIR"),
    "gettempdir": tempfile.gettempdir(), "secret": os.environ.get("KAMLAB_TEST_SECRET"),
    "as": resource.getrlimit(resource.RLIMIT_AS)[0], "fsize": resource.getrlimit(resource.RLIMIT_FSIZE)[0],
    "worker_leads_group": os.getpgid(worker) == worker, "kernel_own_group": os.getpgid(0) != os.getpgid(worker),
    "pid1": open("/proc/1/cmdline", "rb").read().split(b"\\0")[0].decode(errors="replace"),
}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and POSIX rlimits")
@pytest.mark.parametrize("sandbox", ["none", "auto"], ids=["not-isolated", "sandboxed"])
def test_each_submission_runs_in_its_own_folder_environment_and_limits(tmp_path, monkeypatch, sandbox):
    monkeypatch.setenv("KAMLAB_TEST_SECRET", "token")
    subs = tmp_path / "subs"
    subs.mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(_PROBE)], metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    (subs / "probe.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")
    report = grade(DEMO, subs, out=tmp_path / "out", jobs=1, timeout=60, memory_mb=1500,
                   max_output_mb=5, progress=False, sandbox=sandbox)
    assert report.gradebook["status"].tolist() == ["no_answers"]
    (work,) = (tmp_path / "out" / "work").glob("probe-*")
    executed = nbformat.read(work / f"{work.name}.executed.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    seen = json.loads(text.strip().splitlines()[-1])
    assert seen["cwd"] == str(work) and seen["home"] == str(work)
    assert seen["tmpdir"] == seen["gettempdir"] == str(work / ".tmp")
    assert seen["secret"] is None
    assert (seen["as"], seen["fsize"]) == (1500 * 1024 * 1024, 256 * 1024 * 1024)
    assert seen["kernel_own_group"]
    if sandbox == "none":
        assert report.gradebook["reasons"].str.contains("未隔离").all()
        assert seen["worker_leads_group"]          # killed as a group by the grader
    else:
        assert seen["pid1"].endswith("bwrap")      # its own process namespace: nothing outlives it
