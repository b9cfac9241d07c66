"""Run the browser tests several times in a row while other processes keep every core busy.

A browser test that passes on a quiet machine but fails under load is a defect. This script
proves there is none: ``make test-under-load`` (or ``python tests/underload.py --runs 5``)
starts one busy process per core, runs ``pytest -m browser`` the given number of times, and
stops at the first failure. It prints one line per run with its time and outcome.
"""

from __future__ import annotations

import argparse
import multiprocessing
import multiprocessing.synchronize
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def burn(stop: multiprocessing.synchronize.Event) -> None:
    """Keep one core busy until ``stop`` is set."""
    while not stop.is_set():
        sum(i * i for i in range(10_000))


def main(argv: list[str] | None = None) -> int:
    """Run the browser tests ``--runs`` times under load; exit 1 at the first failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--burners", type=int, default=os.cpu_count() or 2,
                        help="busy processes (default: one per core)")
    parser.add_argument("pytest_args", nargs="*", help="more arguments for pytest")
    args = parser.parse_args(argv)
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=burn, args=(stop,), daemon=True)
               for _ in range(args.burners)]
    for process in burners:
        process.start()
    try:
        for run in range(1, args.runs + 1):
            started = time.monotonic()
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "-n", "auto", "-q", "-m", "browser",
                 "-p", "no:cacheprovider", *args.pytest_args], cwd=ROOT)
            took = time.monotonic() - started
            outcome = "bestått" if result.returncode == 0 else "FEILET"
            print(f"Kjøring {run}/{args.runs} med {args.burners} travle prosesser: {outcome} "
                  f"på {took:.0f} s", flush=True)
            if result.returncode != 0:
                return 1
    finally:
        stop.set()
        for process in burners:
            process.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
