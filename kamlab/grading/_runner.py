"""The instructor's grader: re-run every submission on a hidden variant, in a sandbox, grade, report.

:func:`grade` reads every submission of the class first (bytes and sha256:
:mod:`._discover`), then runs each one in its own working folder
``<out>/work/<id>/`` with a separate child process (:mod:`._worker`), inside
the sandbox when there is one (:mod:`._sandbox`), with a wall-clock timeout, a
memory limit and a cap on stored output.  The grader reads back the answers the
notebook recorded and checks them with the question bank *in its own process*
(:mod:`._outcome`).  Completed gradings are cached, signed with the class
secret (:mod:`._cache`, :mod:`._secret`); one run at a time holds ``--out``
(a lock); the gradebook, feedback pages and log are written atomically at
the end, and only when there was something to grade.

See ``docs/grading.md`` for the threat model and what each layer stops.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import errno
import logging
import os
import sys
import time
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import filelock

from .._errors import BadFileError, BadValueError
from ..answers import read_answers
from . import _feedback, _gradebook
from ._bank import QuestionBank
from ._copies import copies
from ._discover import Submission, collect
from ._execute import _mpl_cache, _Run
from ._hand import HandScores, typed_scores
from . import _dask
from ._one import error_row, grade_one
from ._reasons import REASONS, reason
from ._registry import as_bank
from ._report import write_report
from ._sandbox import SANDBOXES, choose_sandbox, hidden_paths, not_isolated_reason
from ._scoring_sheet import sheet_rows, write_sheet
from ._secret import STATE_DIR, class_secret, hidden_variant

__all__ = ["grade", "GradeReport", "read_answers", "hidden_variant", "REASONS", "GradingInterrupted"]

class GradingInterrupted(KeyboardInterrupt):
    """Ctrl-C during :func:`grade`: every running submission was stopped and nothing of it cached."""


# --------------------------------------------------------------------------- report
@dataclasses.dataclass(frozen=True)
class GradeReport:
    """What :func:`grade` did.

    Attributes
    ----------
    module, variant : the module graded and the data variant used.
    gradebook : pandas.DataFrame, one row per trainee (as written to the CSV).
    out, gradebook_csv, gradebook_xlsx, feedback_dir, log : paths written.
    n_submissions : notebooks found; n_graded : run in this call;
    n_cached : taken from an earlier run; n_problems : rows whose status is not ``ok``.
    """

    module: str
    variant: int
    gradebook: Any
    out: Path
    gradebook_csv: Path
    gradebook_xlsx: Path
    feedback_dir: Path
    log: Path
    n_submissions: int
    n_graded: int
    n_cached: int
    n_problems: int

    def _repr_html_(self) -> str:  # pragma: no cover - notebook display
        return self.gradebook.to_html(index=False)


def _setup_log(out: Path) -> logging.Logger:
    log = logging.getLogger(f"kamlab.grading.run.{id(out)}.{time.monotonic_ns()}")
    log.setLevel(logging.INFO)
    log.propagate = False
    handler = logging.FileHandler(out / "grade.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    return log


def _prepare_out(out: Path) -> None:
    """Make *out* and its folders, or say clearly why it cannot be written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        for sub in ("results", "work", "feedback", "logs", STATE_DIR):
            (out / sub).mkdir(exist_ok=True)
        probe = out / STATE_DIR / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
        raise BadFileError(
            f"输出文件夹 {str(out)!r} {'所在的磁盘已满' if full else '不能写入（只读或没有权限）'}：" 
            f"{'请腾出空间' if full else '请换一个可写的文件夹'}后再运行 kamlab grade。",
            f"The output folder {str(out)!r} {'is on a full disk' if full else 'cannot be written (read-only or no permission)'}: "
            f"{'free some space' if full else 'choose a writable folder'} and run kamlab grade again.",
            column="out") from None


def _lock(out: Path) -> filelock.BaseFileLock:
    lock = filelock.FileLock(str(out / STATE_DIR / "lock"))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        raise BadFileError(f"另一个 kamlab grade 正在往 {str(out)!r} 写结果：请等它结束，或换一个 --out。",
                           f"Another kamlab grade is writing into {str(out)!r}: wait for it to finish or use "
                           f"another --out.", column="out") from None
    return lock


# --------------------------------------------------------------------------- grade
def grade(module: QuestionBank | str, submissions: str | os.PathLike, *, out: str | os.PathLike, jobs: int = 1,
          timeout: float = 300, variant: int | None = None, force: bool = False,
          memory_mb: int = 2048, max_output_mb: float = 20, language: str = "zh",
          progress: bool = True, sandbox: str = "auto", roster: str | os.PathLike | None = None,
          scheduler: Any = None) -> GradeReport:
    """Grade every ``.ipynb`` in *submissions* for *module*; write gradebook and feedback.

    Parameters
    ----------
    module : QuestionBank or str
        The course module's question bank (it gives points and checks), e.g.
        ``kamlab.course.get_bank("m02")``, or the id of a module whose bank
        is registered (:func:`~kamlab.grading.register_bank`).  The grader
        never imports the course itself; ``kamlab grade m02 ...`` finds the
        bank for you.
    submissions : path
        The class's submissions: a folder of ``.ipynb`` files (the trainee's
        name is ``trainee`` in the notebook's parameters cell, else the file
        name), a folder of per-trainee folders (the trainee is the folder
        name), or a ``.zip`` of either.  Every one is read before any runs.
    out : path
        Output folder: ``gradebook.csv`` / ``gradebook.xlsx``, ``feedback/``,
        ``results/`` (one JSON per graded submission, reused by a re-run),
        ``work/<stem>/`` (each submission's working folder and executed
        notebook) and ``grade.log``.
    jobs : int
        Submissions run in parallel (each in its own child process).
    timeout : float
        Wall-clock seconds per submission; the whole process group, kernel
        included, is killed after that.
    variant : int, optional
        Data variant to run on; default: the hidden variant drawn from the
        class secret kept in *out* (:func:`hidden_variant`).
    force : bool
        Re-grade submissions already graded in *out*.
    memory_mb, max_output_mb : limits per submission (address space; stored output).
    language : {"zh", "en"}
        Language of the feedback pages (the gradebook carries both).
    progress : bool
        Show a progress bar on stderr.
    sandbox : {"auto", "bwrap", "none"}
        Isolation of each submission (:mod:`kamlab.grading._sandbox`):
        bubblewrap where it works (``auto``), insist on it, or none.
    roster : path, optional
        The class list (a CSV of names): the class report lists who has not submitted.
    scheduler : str or distributed.Client, optional
        Grade on a Dask cluster (:mod:`kamlab.grading._dask`): the address of
        its scheduler (``"tcp://HOST:8786"``) or a connected client.  Each
        worker runs the same sandboxed job per submission (*sandbox* is then
        each worker's choice); the answers are checked, and everything
        written, here.  *jobs* is then ignored: the cluster's workers decide.

    Returns
    -------
    GradeReport

    Raises
    ------
    kamlab.BadFileError
        No submissions (the previous gradebook is kept), an unwritable *out*,
        or another run holding *out*.
    kamlab.BadSpecError
        A *scheduler* that cannot be reached (nothing is written); a Dask
        cluster that fails during the run (``GradingClusterError``: no
        gradebook is written, a re-run continues from the cache).
    GradingInterrupted
        Ctrl-C: running submissions are stopped, nothing of them is cached.
    """
    if int(jobs) < 1:
        raise BadValueError(zh=f"jobs 必须 ≥ 1，收到 {jobs!r}。", en=f"jobs must be ≥ 1, got {jobs!r}.",
                            column="jobs")
    if float(timeout) <= 0:
        raise BadValueError(zh=f"timeout 必须 > 0 秒，收到 {timeout!r}。",
                            en=f"timeout must be > 0 seconds, got {timeout!r}.", column="timeout")
    bank = as_bank(module)
    module = bank.module
    subs_path = Path(submissions).resolve()
    class_subs = collect(subs_path)                       # every submission read before any runs
    if not class_subs:
        raise BadFileError(f"在 {str(subs_path)!r} 里没有找到 .ipynb 作业：没有评分，原来的成绩表保持不变。",
                           f"No .ipynb submissions found in {str(subs_path)!r}: nothing graded, the previous "
                           f"gradebook is kept.", column="submissions")
    out_dir = Path(out).resolve()
    if sandbox not in SANDBOXES:
        choose_sandbox(sandbox)                          # the bilingual error for an unknown sandbox
    client, owned = _dask.connect(scheduler) if scheduler is not None else (None, False)
    try:
        _prepare_out(out_dir)
        lock = _lock(out_dir)
        try:
            return _grade_locked(bank, module, subs_path, class_subs, out_dir, jobs=int(jobs),
                                 timeout=float(timeout), variant=variant, force=force, memory_mb=int(memory_mb),
                                 max_output_mb=float(max_output_mb), language=language, progress=progress,
                                 sandbox=sandbox, roster=roster, client=client)
        finally:
            lock.release()
    finally:
        if owned:
            client.close()


def _grade_locked(bank: QuestionBank, module: str, subs_path: Path, class_subs: list[Submission], out_dir: Path,
                  *, jobs: int, timeout: float, variant: int | None, force: bool, memory_mb: int,
                  max_output_mb: float, language: str, progress: bool, sandbox: str, roster: Any,
                  client: Any = None) -> GradeReport:
    asked = sandbox
    # on a Dask cluster each worker chooses its own sandbox (each row says which); this machine's choice
    # describes the rows that never run (not a notebook, the wrong module), as local grading does
    sandbox = "bwrap" if client is not None and sandbox == "bwrap" else choose_sandbox(sandbox)
    secret = class_secret(out_dir)
    variant = hidden_variant(module, secret) if variant is None else int(variant)
    log = _setup_log(out_dir)
    log.info("grade module=%s variant=%s submissions=%d jobs=%d timeout=%ss memory=%sMB force=%s sandbox=%s%s",
             module, variant, len(class_subs), jobs, timeout, memory_mb, force, asked if client else sandbox,
             "" if client is None else f" scheduler={_dask.describe(client)}")
    if sandbox != "bwrap" and client is None:
        log.warning(not_isolated_reason())
    hidden_root = subs_path if subs_path.is_dir() else subs_path.parent
    run = _Run(module=module, variant=variant, language=language, out=out_dir, submissions=hidden_root,
               timeout=timeout, memory_mb=memory_mb, max_output_mb=max_output_mb, force=force, bank=bank,
               log=log, mplconfig=_mpl_cache(), sandbox=sandbox, hidden=hidden_paths(hidden_root, out_dir))
    results: dict[str, dict[str, Any]] = {}
    n_cached = 0
    # lazy: only the grader shows a progress bar; every notebook imports kl.grading
    from tqdm import tqdm

    bar = tqdm(total=len(class_subs), file=sys.stderr, unit="nb", desc=f"grading {module}", disable=not progress)
    events = (_local(run, class_subs, secret, jobs) if client is None
              else _dask.graded(client, run, class_subs, secret, asked))
    try:
        for s, res, cached in events:
            n_cached += cached
            results[s.name] = res
            total = sum(v["score"] for v in res["verdicts"].values())
            log.info("%s trainee=%r status=%s points=%s%s", s.name, res.get("trainee"), res["status"],
                     total, " (cached)" if cached else f" ({res.get('elapsed_s', 0)} s)")
            bar.update(1)
    except KeyboardInterrupt:
        run.stop.set()
        events.close()      # cancels what has not run (a thread pool here, the jobs on a Dask cluster)
        with run.lock:
            for proc in list(run.procs):
                proc.kill()
        log.warning("interrupted (Ctrl-C): running submissions stopped, nothing of them cached")
        _close_log(log)
        raise GradingInterrupted() from None
    except _dask.GradingClusterError as exc:
        log.error("%s", exc.en)
        _close_log(log)
        raise
    finally:
        bar.close()
    ordered = [dict(results[s.name]) for s in class_subs]
    flagged = copies(ordered)
    for row in ordered:
        if row["file"] in flagged:
            row["notes"] = [*row.get("notes", []), reason("copied", others="、".join(flagged[row["file"]]))]
    # hand scores typed into the gradebook or the scoring sheet are read back before anything is rewritten
    hand = HandScores.load(out_dir)
    manual = [q.key for q in bank.questions if q.manual]
    answers = {r["file"]: r.get("manual_answers", {}) for r in ordered}
    hand.apply_typed(typed_scores(out_dir, manual), answers)
    table = _gradebook.build(bank, ordered, hand)
    hand.show(answers)
    hand.save()
    _, summary = write_report(bank, table, ordered, out_dir, roster=roster, language=language)
    csv_path, xlsx_path = _gradebook.write(table, bank, out_dir, extra_sheets={"class_report": summary})
    if manual:
        write_sheet(sheet_rows(bank, ordered, hand, language), out_dir)
    _feedback.write_all(bank, ordered, table, out_dir / "feedback", language=language, variant=variant)
    n_problems = int((table["status"] != "ok").sum())
    log.info("done: %d submissions, %d graded now, %d cached, %d with problems, %d flagged as copies",
             len(class_subs), len(class_subs) - n_cached, n_cached, n_problems, len(flagged))
    _close_log(log)
    return GradeReport(module=module, variant=variant, gradebook=table, out=out_dir,
                       gradebook_csv=csv_path, gradebook_xlsx=xlsx_path,
                       feedback_dir=out_dir / "feedback", log=out_dir / "grade.log",
                       n_submissions=len(class_subs), n_graded=len(class_subs) - n_cached, n_cached=n_cached,
                       n_problems=n_problems)


def _local(run: _Run, subs: list[Submission], secret: bytes,
           jobs: int) -> Iterator[tuple[Submission, dict[str, Any], bool]]:
    """Grade *subs* here, *jobs* at a time; yields ``(submission, result, taken from cache)`` as they end."""
    pool = cf.ThreadPoolExecutor(max_workers=jobs)
    try:
        futures = {pool.submit(grade_one, run, s, secret): s for s in subs}
        for fut in cf.as_completed(futures):
            s = futures[fut]
            try:
                res, cached = fut.result()
            except Exception as exc:  # noqa: BLE001 - one submission never stops the run
                run.log.exception("%s: grader error", s.name)
                res, cached = error_row(run, s, exc), False
            yield s, res, cached
    except BaseException:       # Ctrl-C (GeneratorExit from close()): what has not started never will
        run.stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _close_log(log: logging.Logger) -> None:
    for h in list(log.handlers):
        h.close()
        log.removeHandler(h)
