"""Print every SPEC performance figure this repository measures.

Run with ``python bootstrap.py bench``. Each ``bench_*.py`` beside this file
has a ``main()`` that prints its own figures; this script runs them in turn,
after the import-time figure.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def import_time(repeats: int = 7) -> float:
    """Best wall time of ``import kamlab`` in a fresh interpreter, in seconds."""
    code = "import time; t = time.perf_counter(); import kamlab; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(repeats)]
    return min(times)


def main() -> None:
    seconds = import_time()
    print(f"import kamlab: {seconds * 1000:.1f} ms (goal <= 500 ms; {seconds / 0.5:.2f} of the budget)")
    for path in sorted(HERE.glob("bench_*.py")):
        print(f"\n== {path.stem}")
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        module.main()


if __name__ == "__main__":
    main()
