"""Grading figures: overhead vs bare papermill (goal ≤ 1.25×) and scale-out (goal ≥ 1.7×).

Run ``python bench/bench_grading.py``.  40 copies of the demo solution (each
with its own trainee name) are

1. graded with ``grade(jobs=2)``,
2. executed with bare ``papermill.execute_notebook`` (same parameters, same
   hidden variant), two at a time in a process pool,
3. graded with ``grade(jobs=1)``.

Each notebook starts a kernel, so this takes a few minutes on 2 cores.
"""

from __future__ import annotations

import concurrent.futures as cf
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = 40


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


def graded(folder: Path, out: Path, jobs: int) -> float:
    from kamlab.grading._runner import grade

    start = time.perf_counter()
    report = grade("demo", folder, out=out, jobs=jobs, timeout=120, progress=False)
    elapsed = time.perf_counter() - start
    bad = report.gradebook[report.gradebook["total"] < report.gradebook["max_points"]]
    if len(bad):
        print(f"warning: {len(bad)} submissions without full marks", file=sys.stderr)
    return elapsed


def main() -> None:
    from kamlab.grading._runner import hidden_variant

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paths = make_class(tmp / "subs")
        bare(paths[:2], tmp / "warm", hidden_variant("demo"))  # warm caches (fonts, bytecode)
        t2 = graded(tmp / "subs", tmp / "out2", jobs=2)
        tb = bare(paths, tmp / "bare", hidden_variant("demo"), jobs=2)
        t1 = graded(tmp / "subs", tmp / "out1", jobs=1)
    print(f"grading overhead: grade(jobs=2) of {N} submissions {t2 * 1000:.0f} ms vs bare papermill "
          f"{tb * 1000:.0f} ms, 2 workers each: {t2 / tb:.2f}× (goal <= 1.25×)")
    print(f"grading scale-out: jobs=1 {t1 * 1000:.0f} ms vs jobs=2 {t2 * 1000:.0f} ms: "
          f"{t1 / t2:.2f}× faster (goal >= 1.7× on 2 cores)")


if __name__ == "__main__":
    main()
