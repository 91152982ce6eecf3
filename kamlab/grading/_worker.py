"""Child process that executes ONE submission: papermill injects the parameters, nbclient runs the cells.

The grader starts ``python _worker.py SPEC_JSON`` for each submission as a
plain subprocess in a new session, inside the sandbox when there is one
(:mod:`._sandbox`), with ``cwd``, ``HOME`` and ``TMPDIR`` set to the
submission's own working folder.  This process

1. lowers its own resource limits (address space, file size, core dumps) on
   POSIX; the kernel it starts inherits them;
2. reads the notebook with :func:`papermill.iorw.load_notebook_node` and
   injects the parameters with :func:`papermill.parameterize.parameterize_notebook` (the hidden variant,
   the trainee's name, the language) and runs every cell with
   :class:`nbclient.NotebookClient` (``allow_errors=True``: a failing cell
   costs only that cell), saving the executed notebook after every cell
   (through nbclient's public ``on_cell_executed`` hook);
3. caps the outputs it keeps (``max_output_mb``) as they arrive (by
   overriding nbclient's public ``NotebookClient.output``): once the
   notebook's outputs exceed the cap, further outputs are dropped, except the
   small answer records (MIME type ``spec["answer_mime"]``), always kept;
4. reports JSON lines on a private pipe (file descriptor
   ``spec["status_fd"]``) that the kernel does not inherit: first the
   kernel's process id (``on_notebook_start`` hook), then one status line.

Nothing here grades: points and checks come only from the question bank in
the grader process.  It imports nothing of kamlab but :mod:`kamlab._atomic`.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

_MB = 1024 * 1024
_NOTE = ("[kamlab] 输出过多，其余输出已被评分器丢弃 / too much output, the rest was dropped by the grader\n")


def _set_limits(memory_mb: int, fsize_mb: int) -> None:
    """Lower the soft and hard limits (POSIX); children (the kernel) inherit them."""
    try:
        import resource   # POSIX only
    except ImportError:  # pragma: no cover - Windows: no rlimits
        return
    for which, value in ((resource.RLIMIT_AS, memory_mb * _MB),
                         (resource.RLIMIT_FSIZE, fsize_mb * _MB),
                         (resource.RLIMIT_CORE, 0)):
        if value <= 0 and which != resource.RLIMIT_CORE:
            continue
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(which, (value, value))


def _size(output: dict[str, Any]) -> int:
    """Rough size in bytes of one output of a cell."""
    total = len(output.get("text", "") or "")
    for value in (output.get("data") or {}).values():
        total += len(value) if isinstance(value, str) else len(json.dumps(value))
    total += sum(len(line) for line in output.get("traceback", []) or [])
    return total


class _Cap:
    """Keeps the notebook's outputs under *cap_bytes* as they arrive; answer records are always kept."""

    def __init__(self, cap_bytes: int, answer_mime: str) -> None:
        self.cap, self.answer_mime = cap_bytes, answer_mime
        self.used = 0
        self.truncated = False

    def admit(self, content: dict[str, Any]) -> bool | None:
        """True: keep this output; False: drop it; None: drop it and add the note (first time only)."""
        size = _size(content)
        if self.answer_mime in (content.get("data") or {}) and size <= self.cap:
            return True
        if self.used + size <= self.cap:
            self.used += size
            return True
        if self.truncated:
            return False
        self.truncated = True
        return None


def _capped_client(cap: _Cap):
    """An :class:`nbclient.NotebookClient` whose public ``output`` hook drops what exceeds the cap."""
    import nbformat
    from nbclient import NotebookClient

    class CappedClient(NotebookClient):
        def output(self, outs, msg, display_id, cell_index):
            verdict = cap.admit(msg.get("content", {}))
            if verdict:
                return super().output(outs, msg, display_id, cell_index)
            if verdict is None:
                outs.append(nbformat.v4.new_output("stream", name="stderr", text=_NOTE))
            return None

    return CappedClient


def run(spec: dict[str, Any], report) -> dict[str, Any]:
    """Execute the notebook described by *spec*; return (and report) the status record."""
    _set_limits(int(spec["memory_mb"]), int(spec.get("fsize_mb", 0)))
    # jsonschema (via nbformat) imports rfc3987_syntax when installed, which builds a
    # grammar at import time (~1 s per submission); its IRI format checks are not needed.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    status: dict[str, Any] = {"status": "ok", "error": ""}
    cap = _Cap(int(spec["max_output_mb"] * _MB), spec["answer_mime"])
    try:
        # inside the try: a broken install is reported as a worker_error status
        import nbformat
        from nbclient.exceptions import DeadKernelError
        from papermill.iorw import load_notebook_node
        from papermill.parameterize import parameterize_notebook

        from kamlab._atomic import atomic_write_text

        nb = load_notebook_node(spec["input"])      # papermill's reader: tags and metadata it needs
        nb = parameterize_notebook(nb, spec["parameters"], kernel_name="python3", language="python")

        def save() -> None:
            atomic_write_text(spec["output"], nbformat.writes(nb))

        def started(notebook: Any = None, **_: Any) -> None:
            process = getattr(getattr(client.km, "provisioner", None), "process", None)
            report({"kernel_pid": getattr(process, "pid", None)})

        def executed(cell: Any = None, **_: Any) -> None:
            save()

        client = _capped_client(cap)(nb, kernel_name="python3", allow_errors=True, timeout=None,
                                startup_timeout=int(spec.get("start_timeout", 60)),
                                resources={"metadata": {"path": spec["cwd"]}},
                                extra_arguments=list(spec.get("extra_arguments", [])),
                                on_notebook_start=started, on_cell_executed=executed)
        try:
            client.execute()
        except DeadKernelError as exc:
            status = {"status": "kernel_died", "error": str(exc)[:500]}
        except MemoryError:
            status = {"status": "memory_limit", "error": "MemoryError in the grader worker"}
        except Exception as exc:  # noqa: BLE001 - reported, never raised
            text = f"{type(exc).__name__}: {exc}"[:500]
            kind = "kernel_died" if "dead" in text.lower() or "died" in text.lower() else "worker_error"
            status = {"status": kind, "error": text}
        finally:
            try:
                save()
            except Exception:  # noqa: BLE001 - a full disk: the status says what happened
                pass
    except MemoryError:
        status = {"status": "memory_limit", "error": "MemoryError in the grader worker"}
    except Exception as exc:  # noqa: BLE001
        status = {"status": "worker_error", "error": f"{type(exc).__name__}: {exc}"[:500]}
    status["truncated"] = cap.truncated
    status["output_bytes"] = cap.used
    report({"done": status})
    return status


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    spec = json.loads(argv[0])
    if spec.get("status_fd") is not None:
        stream = os.fdopen(spec["status_fd"], "w", buffering=1)
    elif spec.get("status_file"):   # Windows
        stream = open(spec["status_file"], "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    else:
        stream = None

    def report(record: dict[str, Any]) -> None:
        if stream is not None:
            try:
                stream.write(json.dumps(record) + "\n")
                stream.flush()
            except OSError:
                pass

    if spec.get("status_fd") is not None:
        os.set_inheritable(spec["status_fd"], False)   # the kernel must not hold the pipe
    run(spec, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
