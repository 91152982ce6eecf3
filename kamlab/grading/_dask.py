"""Grading on a Dask cluster: each submission's sandboxed run on a worker, everything else here.

``kamlab grade ... --scheduler tcp://HOST:8786`` (``grade(..., scheduler=)``)
connects a :class:`distributed.Client` to the scheduler (:func:`connect`) and
:func:`graded` spreads the submissions over its workers with
:meth:`~distributed.Client.submit` and :func:`distributed.as_completed`.

Only running the trainee's code moves: the grader process looks up the cache
and reads each notebook first (:func:`~._one.prepare`), sends the job
(:func:`~._remote.run_job`: the notebook's bytes, module, variant, limits; no
shared file system), and when the run comes back it writes the executed
notebook into ``<out>/work/<stem>/`` and checks the answers with the question
bank (:func:`~._one.complete`), exactly as local grading does.  So the results,
cache and gradebook are those of local grading.

When the cluster fails (a worker dies with the job, the scheduler goes away,
workers without kamlab) the run stops with one :class:`GradingClusterError`
naming the scheduler and the fix; what was graded until then is cached, the
gradebook is not written, and the same command continues the run.

Examples
--------
>>> connect("tcp://127.0.0.1:8786 extra")
Traceback (most recent call last):
...
kamlab._errors.BadSpecError: ...
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import __version__
from .._atomic import atomic_write_bytes
from .._errors import BadSpecError
from ._discover import Submission
from ._execute import _Run
from ._one import complete, error_row, prepare
from ._remote import run_job

__all__ = ["connect", "graded", "GradingClusterError"]


class GradingClusterError(BadSpecError):
    """The Dask cluster failed during ``kamlab grade --scheduler``: nothing half-written, a re-run continues."""


def _no_scheduler(address: str, why: str) -> BadSpecError:
    return BadSpecError(
        f"连不上 Dask 调度器 {address!r}（{why}）：请确认地址写成 tcp://主机:8786、调度器已启动（dask scheduler）"
        f"并且本机能访问这个端口；或者去掉 --scheduler，在本机评分。",
        f"Cannot reach the Dask scheduler {address!r} ({why}): check that the address reads tcp://HOST:8786, "
        f"that the scheduler is running (dask scheduler) and that this machine can reach its port; or drop "
        f"--scheduler to grade on this machine.", column="scheduler")


def connect(scheduler: Any) -> tuple[Any, bool]:
    """``(client, owned)`` for *scheduler*: an address (a new :class:`distributed.Client`, owned) or a client.

    The connection waits ``distributed.comm.timeouts.connect`` (dask's
    configuration) at most; a bad address is one bilingual error naming it.
    """
    if hasattr(scheduler, "submit") and hasattr(scheduler, "scheduler_info"):
        return scheduler, False
    address = str(scheduler).strip()
    if not address or any(c.isspace() for c in address):
        raise _no_scheduler(address, "这不是一个地址 / not an address")
    try:
        from distributed import Client   # lazy: only grading on a cluster needs dask
    except ImportError:
        raise BadSpecError("用 --scheduler 评分需要 dask.distributed：pip install 'kamlab[grade]'。",
                           "Grading with --scheduler needs dask.distributed: pip install 'kamlab[grade]'.",
                           column="scheduler") from None
    try:
        return Client(address, set_as_default=False), True
    except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, ValueError (a bad scheme) ...
        raise _no_scheduler(address, f"{type(exc).__name__}: {str(exc)[:200]}") from None


def _address(client: Any) -> str:
    try:
        return str(client.scheduler.address)
    except Exception:  # noqa: BLE001
        return "?"


def _cluster_failed(address: str, out: Path, what: str, what_en: str | None = None) -> GradingClusterError:
    return GradingClusterError(
        f"在 Dask 集群 {address} 上评分中断（{what}）：成绩表没有写；已评完的作业保存在 {out / 'results'}。"
        f"请检查调度器和各个 worker（每个都要装同一版本的 kamlab），再运行同一条命令，会接着评；"
        f"或者去掉 --scheduler，在本机评分。",
        f"Grading on the Dask cluster {address} stopped ({what_en or what}): no gradebook was written; the submissions "
        f"graded so far are kept in {out / 'results'}. Check the scheduler and its workers (each needs the "
        f"same kamlab version) and run the same command again to continue, or drop --scheduler to grade on "
        f"this machine.", column="scheduler")


def _job(run: _Run, sub: Submission, data: bytes, trainee: str, sandbox: str) -> dict[str, Any]:
    return {"kamlab": __version__, "stem": sub.stem, "notebook": data, "trainee": trainee,
            "module": run.module, "variant": run.variant, "language": run.language, "timeout": run.timeout,
            "memory_mb": run.memory_mb, "max_output_mb": run.max_output_mb, "sandbox": sandbox}


def _keep(run: _Run, sub: Submission, data: bytes, back: dict[str, Any]) -> tuple[dict[str, Any], Path, Path]:
    """Write what the worker sent back where local grading leaves it; ``(status, executed, audit log)``."""
    work = run.out / "work" / sub.stem
    work.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(work / f"{sub.stem}.ipynb", data)
    executed, audit = work / f"{sub.stem}.executed.ipynb", work / ".kamlab-audit.jsonl"
    for path, body in ((executed, back.get("executed")), (audit, back.get("audit"))):
        if body is None:
            path.unlink(missing_ok=True)
            continue
        if path == audit:    # the worker's temporary folder, named as the grader's folders are
            root = back["root"].encode()
            body = body.replace(root + b"/submissions", str(run.submissions).encode()).replace(
                root, str(run.out).encode())
        atomic_write_bytes(path, body)
    (run.out / "logs").mkdir(exist_ok=True)
    atomic_write_bytes(run.out / "logs" / f"{sub.stem}.stderr.txt", back.get("stderr") or b"")
    status = dict(back["status"])
    if status.get("status") == "worker_error":
        run.log.warning("%s: worker error on %s %s\n%s", sub.stem, back.get("host"), status.get("error"),
                        (back.get("stderr") or b"")[-2000:].decode("utf-8", "replace"))
    return status, executed, audit


def graded(client: Any, run: _Run, subs: list[Submission], secret: bytes,
           sandbox: str) -> Iterator[tuple[Submission, dict[str, Any], bool]]:
    """Grade *subs* on the cluster of *client*; yields ``(submission, result, taken from cache)`` as they end.

    *sandbox* is the one asked for (``auto``/``bwrap``/``none``): each worker
    chooses its own, and each row says which it ran in.

    Raises
    ------
    GradingClusterError
        The cluster failed; the pending jobs are cancelled.
    """
    from distributed import as_completed   # lazy: only grading on a cluster needs dask

    address = _address(client)
    pending: dict[Any, tuple[Submission, dict[str, Any], bytes]] = {}
    tag = uuid.uuid4().hex[:8]
    try:
        for sub in subs:
            start = time.monotonic()
            try:
                result, data, cached = prepare(run, sub, secret)
            except Exception as exc:  # noqa: BLE001 - one submission never stops the run
                run.log.exception("%s: grader error", sub.name)
                yield sub, error_row(run, sub, exc), False
                continue
            if cached or data is None:
                yield sub, (result if cached else complete(run, result, secret, start)), cached
                continue
            future = client.submit(run_job, _job(run, sub, data, result["trainee"], sandbox), pure=False,
                                   key=f"kamlab-grade-{run.module}-{sub.stem}-{tag}")
            pending[future] = (sub, result, data)
        for future in as_completed(list(pending), loop=client.loop):
            sub, result, data = pending.pop(future)
            try:
                back = future.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker, CancelledError, CommClosedError ...
                raise _cluster_failed(address, run.out, f"{type(exc).__name__}: {str(exc)[:300]}") from None
            if "error" in back:
                raise _cluster_failed(address, run.out, back["error"]["zh"], back["error"]["en"])
            ran = _keep(run, sub, data, back)
            yield sub, complete(run, result, secret, time.monotonic() - back["seconds"], ran,
                                isolation=back["sandbox"]), False
    finally:
        if pending:          # Ctrl-C, a failed cluster: nothing more runs for this grading
            run.stop.set()
            try:
                client.cancel(list(pending), force=True)
            except Exception:  # noqa: BLE001 - the scheduler may be gone already
                pass


def describe(client: Any) -> str:
    """The scheduler's address and its workers' count, for the log."""
    try:
        workers = client.scheduler_info().get("workers", {})
        return f"{_address(client)} ({len(workers)} workers, {sum(w.get('nthreads', 0) for w in workers.values())} threads)"
    except Exception:  # noqa: BLE001
        return _address(client)
