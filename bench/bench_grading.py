"""Grading figures: overhead vs bare papermill (goal ≤ 1.25×) and scale-out (goal ≥ 1.7×).

(Grading on a Dask cluster, 2 workers against 1: ``bench_grading_dask.py``.)

Run ``python bench/bench_grading.py [--rounds R] [--n N]``.  ``N`` (default
40) copies of the demo solution (each with its own trainee name) are run by
three *arms*:

``grade2``  ``grade("demo", ..., jobs=2)`` (variant 7, default limits, the sandbox on where
            bubblewrap works: the default),
``bare2``   bare :func:`papermill.execute_notebook` of the same notebooks, same
            parameters, same hidden variant, same ``python3`` kernel, each in its
            own working folder, two at a time in a process pool (each pool worker
            imports papermill once),
``grade1``  ``grade(..., jobs=1)``,
``grade2_none`` (with ``--no-sandbox``) ``grade(jobs=2, sandbox="none")``: what the
            sandbox itself costs (printed as grade2 / grade2_none).

Every arm runs in a fresh interpreter (so each pays its own start-up: pool
workers, imports), timed around the ``grade`` / pool call only.
The arms are run ``R`` times (default 2), interleaved, and the minimum and
median of each are reported with the load average (``os.getloadavg()``), as
the machine may be shared.  Each notebook starts a kernel: with the defaults
this takes several minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = 40
VARIANT = 7
ARMS = ("grade2", "bare2", "grade1")


def make_class(folder: Path, n: int = N) -> list[Path]:
    import nbformat

    from kamlab.grading import _example_class as ec

    base = ec.clear_outputs(nbformat.read(ROOT / "tests" / "fixtures" / "demo_solution.ipynb", 4))
    folder.mkdir(parents=True)
    paths = []
    for i in range(n):
        path = folder / f"s{i:02d}.ipynb"
        path.write_bytes(ec.dumps(ec.set_trainee(base, f"学员{i:02d}")))
        paths.append(path)
    return paths


def _bare_one(args: tuple[str, str, int]) -> None:
    import papermill

    src, work, variant = args
    Path(work).mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(src, str(Path(work) / "out.ipynb"), cwd=work, kernel_name="python3",
                                   progress_bar=False, parameters={"trainee": "x", "variant": variant,
                                                                   "language": "zh", "data_file": None})
    except Exception:  # noqa: BLE001 - same notebooks as the grader; errors do not matter here
        pass


def bare(paths: list[Path], work: Path, variant: int, jobs: int = 2) -> float:
    start = time.perf_counter()
    with cf.ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(_bare_one, [(str(p), str(work / p.stem), variant) for p in paths]))
    return time.perf_counter() - start


def graded(folder: Path, out: Path, jobs: int, sandbox: str = "auto") -> float:
    from kamlab.course import get_bank
    from kamlab.grading._runner import grade

    start = time.perf_counter()
    report = grade(get_bank("demo"), folder, out=out, jobs=jobs, timeout=120, progress=False, variant=VARIANT,
                   sandbox=sandbox)
    elapsed = time.perf_counter() - start
    bad = report.gradebook[report.gradebook["total"] < report.gradebook["max_points"]]
    if len(bad):
        print(f"warning: {len(bad)} submissions without full marks", file=sys.stderr)
    return elapsed


def _arm(arm: str, subs: Path, out: Path) -> float:
    """Run one arm in this (fresh) interpreter; returns seconds."""
    paths = sorted(subs.glob("*.ipynb"))
    if arm == "bare2":
        return bare(paths, out, VARIANT, jobs=2)
    return graded(subs, out, jobs=int(arm[len("grade")]), sandbox="none" if arm.endswith("_none") else "auto")


def _cpu_children() -> float:
    import resource

    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _run_arm(arm: str, subs: Path, out: Path) -> tuple[float, float, tuple[float, float]]:
    """(wall seconds inside the arm, CPU seconds of the arm and all its processes, load)."""
    load_before = os.getloadavg()[0]
    cpu_before = _cpu_children()
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, __file__, "--arm", arm, str(subs), str(out)],
                          check=True, capture_output=True, text=True, env=env)
    seconds = json.loads(proc.stdout.strip().splitlines()[-1])["seconds"]
    return seconds, _cpu_children() - cpu_before, (load_before, os.getloadavg()[0])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--n", type=int, default=N)
    parser.add_argument("--no-sandbox", action="store_true", help="also time grading without the sandbox")
    parser.add_argument("--arm", nargs=3, metavar=("ARM", "SUBS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.arm:  # child: one arm, prints {"seconds": ...}
        arm, subs, out = args.arm
        print(json.dumps({"seconds": _arm(arm, Path(subs), Path(out))}))
        return
    arms = ARMS + (("grade2_none",) if args.no_sandbox else ())
    times: dict[str, list[float]] = {a: [] for a in arms}
    cpus: dict[str, list[float]] = {a: [] for a in arms}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        make_class(tmp / "subs", args.n)
        _run_arm("bare2", tmp / "subs", tmp / "warm")  # warm caches (fonts, bytecode, page cache)
        for r in range(args.rounds):
            order = arms if r % 2 == 0 else tuple(reversed(arms))
            for arm in order:
                sec, cpu, (l0, l1) = _run_arm(arm, tmp / "subs", tmp / f"{arm}_{r}")
                times[arm].append(sec)
                cpus[arm].append(cpu)
                print(f"  round {r + 1} {arm}: {sec * 1000:.0f} ms wall, {cpu:.1f} s CPU "
                      f"(load average 1 min: {l0:.2f} -> {l1:.2f})", flush=True)
    lo = {a: min(v) for a, v in times.items()}
    med = {a: statistics.median(v) for a, v in times.items()}
    print(f"grading overhead: grade(jobs=2) of {args.n} submissions {lo['grade2'] * 1000:.0f} ms vs bare "
          f"papermill {lo['bare2'] * 1000:.0f} ms, 2 workers each: {lo['grade2'] / lo['bare2']:.2f}× on the "
          f"minimum, {med['grade2'] / med['bare2']:.2f}× on the median of {args.rounds} (goal <= 1.25×)")
    print(f"grading scale-out: jobs=1 {lo['grade1'] * 1000:.0f} ms vs jobs=2 {lo['grade2'] * 1000:.0f} ms: "
          f"{lo['grade1'] / lo['grade2']:.2f}× faster on the minimum, {med['grade1'] / med['grade2']:.2f}× "
          f"on the median (goal >= 1.7× on 2 cores; {os.cpu_count()} CPUs, load average "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())})")
    cmin = {a: min(v) for a, v in cpus.items()}
    print(f"CPU time (all processes, kernels included; robust to a shared machine): grade(jobs=2) "
          f"{cmin['grade2']:.1f} s vs bare papermill {cmin['bare2']:.1f} s: "
          f"{cmin['grade2'] / cmin['bare2']:.2f}× on the minimum")
    if args.no_sandbox:
        print(f"without the sandbox: grade(jobs=2) {lo['grade2_none'] * 1000:.0f} ms: "
              f"{lo['grade2_none'] / lo['bare2']:.2f}× bare on the minimum, "
              f"{med['grade2_none'] / med['bare2']:.2f}× on the median; CPU "
              f"{cmin['grade2_none']:.1f} s, {cmin['grade2_none'] / cmin['bare2']:.2f}× bare")
        print(f"the sandbox itself: grade(jobs=2) with it {lo['grade2'] * 1000:.0f} ms vs without "
              f"{lo['grade2_none'] * 1000:.0f} ms: {lo['grade2'] / lo['grade2_none']:.2f}× on the minimum, "
              f"{med['grade2'] / med['grade2_none']:.2f}× on the median (wall time: the CPU time of the "
              f"processes reaped inside bubblewrap's own process namespace is not counted here)")


if __name__ == "__main__":
    main()
