"""Audit hook run inside a submission's kernel: log file access outside its folder.

The grader starts each kernel with ``--IPKernelApp.exec_lines`` running this
file (with :func:`runpy.run_path`, so nothing is imported from kamlab and no
name is left in the trainee's namespace).  It installs a :func:`sys.addaudithook`
hook that appends one JSON line to a log file (outside the working folder,
opened before the hook is active) for

* a file opened for writing, or removed / renamed / created, outside the
  working folder (and outside the shared matplotlib cache, ``/dev`` and
  ``/proc``),
* a file opened or a folder listed inside a *watched* root (the submissions
  folder and the grader's output folder) but outside the working folder —
  e.g. reading another trainee's notebook,
* a new process (``os.system``, ``subprocess`` ...), whose own file access
  cannot be followed.

This is detection, not prevention: audit hooks see only what Python code does
through the standard library; ``ctypes`` or a child process escapes them, and
the submission can flood or damage its own log.  Configuration comes from the
``KAMLAB_AUDIT`` environment variable (JSON: ``log``, ``allow``, ``watch``).
"""

from __future__ import annotations


def _install() -> None:
    # imported here, not at module level: this file runs in the trainee's kernel
    # (runpy), and must leave no name behind in the trainee's namespace
    import json
    import os
    import sys

    raw = os.environ.pop("KAMLAB_AUDIT", "")
    if not raw:
        return
    cfg = json.loads(raw)
    allow = tuple(os.path.join(os.path.abspath(p), "") for p in cfg["allow"])
    watch = tuple(os.path.join(os.path.abspath(p), "") for p in cfg["watch"])
    log = open(cfg["log"], "a", encoding="utf-8")  # noqa: SIM115 - kept open
    limit = [int(cfg.get("max_events", 200))]
    busy = [False]
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    abspath, fspath, dumps = os.path.abspath, os.fspath, json.dumps

    def inside(path: str, roots: tuple[str, ...]) -> bool:
        return any(path == r[:-1] or path.startswith(r) for r in roots)

    def record(kind: str, path: str) -> None:
        if limit[0] <= 0:
            return
        limit[0] -= 1
        log.write(dumps({"kind": kind, "path": path}, ensure_ascii=False) + "\n")
        log.flush()

    def norm(path):
        if isinstance(path, int) or path is None:
            return None
        try:
            path = fspath(path)
            if isinstance(path, bytes):
                path = path.decode("utf-8", "replace")
            return abspath(path)
        except Exception:  # noqa: BLE001
            return None

    def hook(event: str, args: tuple) -> None:
        if busy[0]:
            return
        busy[0] = True
        try:
            if event == "open":
                path = norm(args[0])
                if path is None:
                    return
                mode, flags = args[1] or "", args[2] or 0
                writing = (any(c in str(mode) for c in "wax+")
                           or bool(int(flags) & write_flags))
                if inside(path, allow):
                    return
                if writing:
                    record("write", path)
                elif inside(path, watch):
                    record("read", path)
            elif event in ("os.remove", "os.rename", "os.mkdir", "os.rmdir",
                           "os.symlink", "os.link", "os.truncate", "os.chmod",
                           "shutil.rmtree", "shutil.copyfile", "shutil.move"):
                paths = [norm(a) for a in args[:2]]
                if event in ("shutil.copyfile",):
                    paths = paths[1:]  # the source is read, the destination written
                for path in paths:
                    if path is not None and not inside(path, allow):
                        record("modify", path)
            elif event in ("os.listdir", "os.scandir"):
                path = norm(args[0] if args and args[0] is not None else ".")
                if path is not None and inside(path, watch) and not inside(path, allow):
                    record("list", path)
            elif event in ("os.system", "subprocess.Popen", "os.exec", "os.posix_spawn",
                           "os.spawn", "os.fork", "os.forkpty"):
                record("process", str(args[0])[:200] if args else event)
        except Exception:  # noqa: BLE001 - an audit hook must never break the notebook
            pass
        finally:
            busy[0] = False

    sys.addaudithook(hook)


if __name__ == "_kamlab_audit":
    _install()
