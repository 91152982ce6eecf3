"""Grading on Dask: 2 workers against 1 (goal ≥ 1.7×).

Run ``python bench/bench_grading_dask.py [--rounds R] [--n N]``.  ``N``
(default 24) copies of the demo solution (as in ``bench_grading.py``) are
graded with ``grade(..., scheduler=...)`` on a :class:`distributed.LocalCluster`
of 1 and of 2 worker processes (one thread each, the sandbox on where
bubblewrap works), variant 7.  Each arm starts its own cluster, warms its
workers (they import the grader once) and is timed around the ``grade`` call
only; the arms run ``R`` times (default 2), interleaved, and the minimum and
median are reported with the load average, as the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_grading import VARIANT, make_class  # noqa: E402

N = 24


def _warm() -> bool:
    import kamlab.grading._remote  # noqa: F401 - what every job imports
    import nbclient  # noqa: F401
    import papermill  # noqa: F401

    return True


def graded_on(workers: int, subs: Path, out: Path) -> float:
    """Seconds to grade *subs* on a fresh LocalCluster of *workers* worker processes."""
    from distributed import Client, LocalCluster

    from kamlab.course import get_bank
    from kamlab.grading._runner import grade

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=40) as cluster, Client(cluster) as client:
        client.run(_warm)
        start = time.perf_counter()
        report = grade(get_bank("demo"), subs, out=out, timeout=120, progress=False, variant=VARIANT,
                       scheduler=client)
        elapsed = time.perf_counter() - start
    bad = report.gradebook[report.gradebook["total"] < report.gradebook["max_points"]]
    if len(bad):
        print(f"warning: {len(bad)} submissions without full marks", file=sys.stderr)
    return elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--n", type=int, default=N)
    args = parser.parse_args(argv)
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("grading on Dask: skipped (pip install 'kamlab[grade]' installs dask.distributed)")
        return
    arms = (1, 2)
    times: dict[int, list[float]] = {a: [] for a in arms}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_class(root / "subs", args.n)
        for r in range(args.rounds):
            for workers in (arms if r % 2 == 0 else tuple(reversed(arms))):
                load = os.getloadavg()[0]
                sec = graded_on(workers, root / "subs", root / f"w{workers}_{r}")
                times[workers].append(sec)
                print(f"  round {r + 1} {workers} worker(s): {sec:.1f} s (load average 1 min: {load:.2f} -> "
                      f"{os.getloadavg()[0]:.2f})", flush=True)
    lo = {a: min(v) for a, v in times.items()}
    med = {a: statistics.median(v) for a, v in times.items()}
    print(f"grading on Dask: {args.n} submissions on a LocalCluster of 1 worker {lo[1]:.1f} s vs 2 workers "
          f"{lo[2]:.1f} s: {lo[1] / lo[2]:.2f}× faster on the minimum, {med[1] / med[2]:.2f}× on the median of "
          f"{args.rounds} (goal >= 1.7×; {os.cpu_count()} CPUs, load average "
          f"{', '.join(f'{x:.2f}' for x in os.getloadavg())})")


if __name__ == "__main__":
    main()
