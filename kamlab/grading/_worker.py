"""Child process that executes ONE submission with papermill.

Each submission gets its own, new worker process, in a new session (so the
grader can kill the whole process group), with ``cwd``, ``HOME`` and
``TMPDIR`` set to the submission's own working folder.  Two ways to start it:

* **forked** (POSIX, the default): the grader keeps one *fork server*
  (:mod:`multiprocessing` ``forkserver``) that has already imported
  papermill, nbclient, jupyter_client and nbformat (:data:`PRELOAD`); each
  submission is a fresh fork of it that runs this file with
  :func:`runpy.run_path` (run name ``_kamlab_worker_child``), so nothing of
  kamlab is imported in the worker and no state is shared between
  submissions.  :func:`_child` then starts a new session, points stdin /
  stdout at ``/dev/null`` and stderr at the submission's log file, changes
  to its working folder and replaces the whole environment before anything
  else runs;
* **spawned**: ``python _worker.py SPEC_JSON`` (fallback where
  ``forkserver`` is not available), started by :class:`subprocess.Popen` in a
  new session with the same folder and environment.

Either way this process

1. lowers its own resource limits (address space, file size, core dumps);
   the kernel it starts inherits them,
2. executes the notebook with :func:`papermill.execute_notebook` (kernel
   ``python3``, injected parameters, ``allow_errors=True`` passed through
   papermill's engine keyword arguments to nbclient, so a failing cell costs
   only that cell; the executed notebook is saved after every cell),
3. caps the outputs it keeps (``max_output_mb``): once the outputs of the
   notebook exceed the cap, further outputs are dropped, except the small
   answer records (MIME type ``spec["answer_mime"]``, the grader passes
   :data:`kamlab.answers.ANSWER_MIME`) which are always kept,
4. reports, on a private pipe the kernel does not inherit (a
   :mod:`multiprocessing` connection, or an inherited file descriptor when
   spawned), first the kernel's process id (so the grader can kill the kernel's own process
   group on a timeout) and at the end one JSON status line.

Nothing here grades: points and checks come only from the question bank in
the grader process.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
from typing import Any

_MB = 1024 * 1024

#: Modules the fork server imports once, so a forked worker does not pay for
#: them per submission (none of them starts a thread or opens a socket at import).
PRELOAD = ["papermill", "papermill.engines", "papermill.clientwrap", "papermill.exceptions",
           "papermill.utils", "papermill.translators", "papermill.iorw", "nbclient",
           "nbclient.exceptions", "jupyter_client", "jupyter_client.manager",
           "jupyter_client.provisioning", "nbformat", "nbformat.v4", "zmq", "zmq.asyncio",
           "tornado.ioloop", "asyncio", "resource"]


def _set_limits(memory_mb: int, fsize_mb: int) -> None:
    """Lower the soft and hard limits; children (the kernel) inherit them."""
    for which, value in ((resource.RLIMIT_AS, memory_mb * _MB),
                         (resource.RLIMIT_FSIZE, fsize_mb * _MB),
                         (resource.RLIMIT_CORE, 0)):
        if value <= 0 and which != resource.RLIMIT_CORE:
            continue
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, value))


def _size_of(msg: dict[str, Any]) -> int:
    """Rough size in bytes of the output carried by one iopub message."""
    content = msg.get("content", {})
    total = len(content.get("text", "") or "")
    for value in (content.get("data") or {}).values():
        total += len(value) if isinstance(value, str) else len(json.dumps(value))
    total += sum(len(line) for line in content.get("traceback", []) or [])
    return total


def _is_answer(msg: dict[str, Any], answer_mime: str) -> bool:
    return answer_mime in (msg.get("content", {}).get("data") or {})


def _make_engine(cap_bytes: int, report, answer_mime: str):
    """A papermill engine whose nbclient client caps outputs and reports the kernel pid."""
    # imported in the worker only (preloaded by the fork server, see PRELOAD), after run()
    # has lowered the limits: the grader process never imports papermill
    import nbformat
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine
    from papermill.utils import merge_kwargs, remove_args

    class CappedClient(PapermillNotebookClient):
        kamlab_out_bytes = 0
        kamlab_truncated = False

        async def async_start_new_kernel(self, **kwargs):
            await super().async_start_new_kernel(**kwargs)
            pid = None
            provisioner = getattr(self.km, "provisioner", None)
            process = getattr(provisioner, "process", None)
            if process is not None:
                pid = process.pid
            report({"kernel_pid": pid})

        def output(self, outs, msg, display_id, cell_index):
            size = _size_of(msg)
            answer = _is_answer(msg, answer_mime)
            if answer and size <= cap_bytes:
                return super().output(outs, msg, display_id, cell_index)
            if self.kamlab_out_bytes + size > cap_bytes:
                if not self.kamlab_truncated:
                    CappedClient.kamlab_truncated = True
                    outs.append(nbformat.v4.new_output(
                        "stream", name="stderr",
                        text="[kamlab] 输出过多，其余输出已被评分器丢弃 / "
                             "too much output, the rest was dropped by the grader\n"))
                return None
            CappedClient.kamlab_out_bytes += size
            return super().output(outs, msg, display_id, cell_index)

    class CappedEngine(NBClientEngine):
        client = CappedClient

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False,
                                     stdout_file=None, stderr_file=None,
                                     start_timeout=60, execution_timeout=None,
                                     **kwargs):
            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                safe_kwargs, timeout=execution_timeout or kwargs.get("timeout"),
                startup_timeout=start_timeout, kernel_name=kernel_name,
                log=__import__("papermill.log").log.logger, log_output=log_output,
                stdout_file=stdout_file, stderr_file=stderr_file)
            return CappedClient(nb_man, **final_kwargs).execute()

    return CappedEngine, CappedClient


def run(spec: dict[str, Any], report=None) -> dict[str, Any]:
    """Execute the notebook described by *spec*; return the status record.

    Status records (``{"kernel_pid": ...}`` then ``{"done": ...}``) go to
    *report* when given, else as JSON lines to the file descriptor
    ``spec["status_fd"]`` (if any).
    """
    if report is None:
        status_fd = spec.get("status_fd")
        stream = os.fdopen(status_fd, "w", buffering=1) if status_fd is not None else None

        def report(record: dict[str, Any]) -> None:
            if stream is not None:
                stream.write(json.dumps(record) + "\n")
                stream.flush()

    _set_limits(int(spec["memory_mb"]), int(spec.get("fsize_mb", 0)))
    # jsonschema (via nbformat) imports rfc3987_syntax when installed, which builds a
    # grammar at import time (~1 s per submission); its IRI format checks are not needed.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    status: dict[str, Any] = {"status": "ok", "error": ""}
    try:
        # inside the try: a broken papermill install is reported as a worker_error status
        import papermill
        from nbclient.exceptions import DeadKernelError
        from papermill.engines import papermill_engines
        from papermill.exceptions import PapermillExecutionError

        engine, client = _make_engine(int(spec["max_output_mb"] * _MB), report, spec["answer_mime"])
        papermill_engines.register("kamlab", engine)
        try:
            papermill.execute_notebook(
                spec["input"], spec["output"], parameters=spec["parameters"],
                engine_name="kamlab", kernel_name="python3", progress_bar=False,
                request_save_on_cell_execute=True, cwd=spec["cwd"], log_output=False,
                start_timeout=int(spec.get("start_timeout", 60)),
                allow_errors=True, extra_arguments=list(spec.get("extra_arguments", [])),
            )
        except PapermillExecutionError:
            # With allow_errors every cell ran; papermill still raises at the end
            # when a cell failed. The failing cells are read from the notebook.
            pass
        except DeadKernelError as exc:
            status = {"status": "kernel_died", "error": str(exc)[:500]}
        except MemoryError:
            status = {"status": "memory_limit", "error": "MemoryError in the grader worker"}
        except Exception as exc:  # noqa: BLE001 - reported, never raised
            text = f"{type(exc).__name__}: {exc}"[:500]
            kind = "kernel_died" if "dead" in text.lower() or "died" in text.lower() else "worker_error"
            status = {"status": kind, "error": text}
        status["truncated"] = bool(client.kamlab_truncated)
        status["output_bytes"] = int(client.kamlab_out_bytes)
    except MemoryError:
        status = {"status": "memory_limit", "error": "MemoryError in the grader worker"}
    except Exception as exc:  # noqa: BLE001
        status = {"status": "worker_error", "error": f"{type(exc).__name__}: {exc}"[:500]}
    report({"done": status})
    return status


def _child(job: dict[str, Any]) -> None:
    """Body of a forked worker: isolate this process, then :func:`run`.

    *job* holds ``spec``, ``env`` (the whole environment), ``stderr`` (log
    file path) and ``conn`` (write end of the status pipe).
    """
    os.setsid()  # own session and process group: the grader kills the group
    devnull = os.open(os.devnull, os.O_RDWR)
    err = os.open(job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    for fd, target in ((devnull, 0), (devnull, 1), (err, 2)):
        os.dup2(fd, target)
    os.close(devnull)
    os.close(err)
    os.chdir(job["spec"]["cwd"])
    os.environ.clear()
    os.environ.update(job["env"])
    tempfile.tempdir = None  # recomputed from the new TMPDIR
    conn = job["conn"]
    os.set_inheritable(conn.fileno(), False)  # the kernel must not hold the pipe

    def report(record: dict[str, Any]) -> None:
        try:
            conn.send_bytes(json.dumps(record).encode())  # JSON, never pickle
        except OSError:
            pass

    try:
        run(job["spec"], report)
    finally:
        conn.close()
        sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    spec = json.loads(argv[0])
    run(spec)
    return 0


if __name__ == "_kamlab_worker_child":  # forked by the grader, see the module docstring
    _child(globals().pop("KAMLAB_JOB"))
elif __name__ == "__main__":  # pragma: no cover - spawned fallback
    sys.exit(main())
