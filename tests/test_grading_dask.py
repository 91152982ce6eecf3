"""Grading on Dask (``kamlab grade --scheduler``): same results, cache and gradebook as local grading.

A :class:`distributed.LocalCluster` of 2 worker *processes* grades part of
``kamlab example-class m02`` (a perfect and a wrong notebook and four hostile
ones); local ``jobs=1`` grading of the same submissions on the same variant
must give the same gradebook, feedback pages and cached results (timings
apart).  The sandbox is used as in CI (``KAMLAB_REQUIRE_SANDBOX=1``: bubblewrap
must work and every row that ran says so).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import dask
import nbformat
import pytest

distributed = pytest.importorskip("distributed")

from kamlab import cli  # noqa: E402
from kamlab._errors import BadSpecError  # noqa: E402
from kamlab.course import get_bank  # noqa: E402
from kamlab.grading import _example_class as ec  # noqa: E402
from kamlab.grading._dask import GradingClusterError  # noqa: E402
from kamlab.grading._runner import grade  # noqa: E402
from kamlab.grading._sandbox import bwrap_works  # noqa: E402

REQUIRE = os.environ.get("KAMLAB_REQUIRE_SANDBOX") == "1"
if REQUIRE:
    assert bwrap_works(), "CI requires bubblewrap: .ci/run installs it (apt-get install bubblewrap)"
SANDBOX = "bwrap" if REQUIRE else "auto"
M02 = get_bank("m02")
VARIANT = 5
# perfect, one wrong, and hostile ones: corrupt JSON, os._exit, another module, a memory bomb
KINDS = {"perfect", "one_wrong", "corrupt_json", "os_exit", "other_module", "memory_bomb"}


def _kinds(folder: Path) -> dict[str, str]:
    lines = (folder / "README.txt").read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split(": ", 1) for line in lines if ": " in line)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=40) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def picked(tmp_path_factory) -> dict[str, Path]:
    """One submission of each kind in :data:`KINDS`, from ``kamlab example-class m02``: kind -> path."""
    whole = tmp_path_factory.mktemp("m02-class")
    ec.example_class("m02", whole, n=24, seed=0)
    folder = tmp_path_factory.mktemp("m02-some")
    taken: dict[str, Path] = {}
    for name, kind in sorted(_kinds(whole).items()):
        if kind in KINDS and kind not in taken:
            taken[kind] = Path(shutil.copy(whole / name, folder / name))
    assert set(taken) == KINDS
    return taken


@pytest.fixture(scope="module")
def subs(picked) -> Path:
    return next(iter(picked.values())).parent


@pytest.fixture(scope="module")
def both(subs, cluster, tmp_path_factory):
    kw = dict(timeout=300, variant=VARIANT, progress=False, sandbox=SANDBOX)
    local = grade(M02, subs, out=tmp_path_factory.mktemp("local"), jobs=1, **kw)
    remote = grade(M02, subs, out=tmp_path_factory.mktemp("dask"), scheduler=cluster.scheduler_address, **kw)
    return local, remote


def _results(out: Path) -> dict[str, dict]:
    found = {}
    for path in sorted((out / "results").glob("*.json")):
        result = json.loads(path.read_text(encoding="utf-8"))["result"]
        result.pop("elapsed_s")
        found[result["file"]] = result
    return found


def test_dask_grades_exactly_as_local_grading(both):
    local, remote = both
    assert remote.n_submissions == local.n_submissions == len(KINDS)
    assert remote.gradebook_csv.read_bytes() == local.gradebook_csv.read_bytes()
    assert remote.gradebook.equals(local.gradebook)
    pages = sorted(p.name for p in local.feedback_dir.iterdir())
    assert pages and pages == sorted(p.name for p in remote.feedback_dir.iterdir())
    for name in pages:
        assert (remote.feedback_dir / name).read_bytes() == (local.feedback_dir / name).read_bytes(), name
    assert _results(remote.out) == _results(local.out)
    assert len(_results(local.out)) == len(KINDS)
    # the executed notebooks are kept where local grading keeps them
    for row in _results(remote.out).values():
        if row["status"] not in ("not_a_notebook", "wrong_module") or row["answered"]:
            assert (remote.out / "work" / row["stem"] / f"{row['stem']}.executed.ipynb").exists()
    log = (remote.out / "grade.log").read_text(encoding="utf-8")
    assert "scheduler=tcp://" in log and "2 workers" in log


def test_on_dask_a_hostile_submission_costs_only_its_own_row(both, picked):
    _, remote = both
    table = remote.gradebook.set_index("file")
    status = {kind: table.loc[path.name, "status"] for kind, path in picked.items()}
    assert status["perfect"] == "ok" and status["one_wrong"] == "ok"
    assert status["os_exit"] == "kernel_died"
    assert status["memory_bomb"] in ("memory_limit", "kernel_died")
    assert status["corrupt_json"] == "not_a_notebook"
    assert status["other_module"] == "wrong_module"
    perfect = picked["perfect"].name
    assert table.loc[perfect, "total"] == table.loc[perfect, "max_points"]
    assert table.loc[picked["one_wrong"].name, "total"] < table.loc[perfect, "total"]
    ran = [r for r in _results(remote.out).values() if r["status"] not in ("not_a_notebook", "wrong_module")]
    assert len(ran) == 4 and all(r["isolation"] == ("bwrap" if bwrap_works() else "none") for r in ran)


def test_a_rerun_on_dask_takes_everything_from_the_cache(both, subs, cluster):
    _, remote = both
    again = grade(M02, subs, out=remote.out, timeout=300, variant=VARIANT, progress=False, sandbox=SANDBOX,
                  scheduler=cluster.scheduler_address)
    assert (again.n_cached, again.n_graded) == (len(KINDS), 0)
    assert again.gradebook.equals(remote.gradebook)


def test_a_bad_scheduler_address_is_one_clear_error(tmp_path, subs, capsys):
    address = "tcp://127.0.0.1:9"
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        with pytest.raises(BadSpecError) as err:
            grade(M02, subs, out=tmp_path / "out", scheduler=address, progress=False)
        assert address in err.value.zh and address in err.value.en
        assert "tcp://HOST:8786" in err.value.en and "--scheduler" in err.value.zh
        assert not (tmp_path / "out").exists()            # nothing written
        code = cli.main(["grade", "m02", str(subs), "--out", str(tmp_path / "cli"), "--scheduler", address,
                         "--no-progress"])
    assert code == 2
    message = capsys.readouterr().err
    assert address in message and "dask scheduler" in message and "调度器" in message
    with pytest.raises(BadSpecError, match="not an address"):
        grade(M02, subs, out=tmp_path / "out", scheduler="tcp://host 8786", progress=False)


def test_a_worker_dying_stops_the_run_with_one_error_and_nothing_half_written(tmp_path, picked):
    """A worker killed during a job (no retry allowed): one bilingual error, no gradebook, done ones cached."""
    folder = tmp_path / "subs"
    folder.mkdir()
    nb = nbformat.read(picked["perfect"], as_version=4)
    first = next(iter(ec.answer_keys(nb)))
    (folder / "slow.ipynb").write_bytes(ec.dumps(ec.insert_after_check(nb, first, "import time; time.sleep(900)")))
    shutil.copy(picked["corrupt_json"], folder / picked["corrupt_json"].name)
    out = tmp_path / "out"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                                     silence_logs=40) as cluster, distributed.Client(cluster) as client:
        errors: list[BaseException] = []

        def run() -> None:
            try:
                grade(M02, folder, out=out, timeout=1200, variant=VARIANT, progress=False, sandbox=SANDBOX,
                      scheduler=cluster.scheduler_address)
            except BaseException as exc:  # noqa: BLE001 - checked below
                errors.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        while thread.is_alive() and not any(client.processing().values()):
            time.sleep(0.2)
        assert thread.is_alive(), errors
        time.sleep(2)                        # the job has started its sandboxed worker
        for pid in client.run(os.getpid).values():
            os.kill(pid, signal.SIGKILL)     # the Dask worker process this test started
        thread.join()
    assert len(errors) == 1 and isinstance(errors[0], GradingClusterError), errors
    exc = errors[0]
    assert cluster.scheduler_address in exc.en and "run the same command again" in exc.en
    assert "再运行同一条命令" in exc.zh
    assert not (out / "gradebook.csv").exists() and not (out / "gradebook.xlsx").exists()
    done = _results(out)
    assert [r["status"] for r in done.values()] == ["not_a_notebook"]
