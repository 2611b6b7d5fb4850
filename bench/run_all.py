"""Run every benchmark under bench/ in turn (`make bench`), each printing its own figures.

    python bench/run_all.py            # the sizes the issues name (the 56k archive: ~1 h)
    python bench/run_all.py --quick    # smaller sizes, to check the benchmarks still run

Benchmarks are run on demand and reported in notes, never as timed tests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

FULL = [
    ("store writes + cold query", ["bench_store.py", "--edges", "200000"]),
    ("extraction", ["bench_extract.py"]),
    ("load --workers scaling", ["bench_load.py", "--releases", "80", "--workers", "1,2"]),
    ("query latency, 100k events", ["bench_queries.py", "--events", "100000", "--runs", "50"]),
    ("viz layout", ["bench_viz.py", "--edges", "3000", "10000"]),
    ("analysis, 30k edges", ["bench_analysis.py", "--edges", "30000"]),
    ("sync from a local site", ["bench_sync.py", "--pages", "200"]),
    ("whole archive, 56k releases", ["bench_archive.py", "--releases", "56000"]),
]
QUICK = [
    ("store writes + cold query", ["bench_store.py", "--edges", "20000"]),
    ("extraction", ["bench_extract.py", "--releases", "20", "--workers", "1"]),
    ("load --workers scaling", ["bench_load.py", "--releases", "20", "--workers", "1,2"]),
    ("query latency, 5k events", ["bench_queries.py", "--events", "5000", "--runs", "10"]),
    ("viz layout", ["bench_viz.py", "--edges", "1000"]),
    ("analysis, 5k edges", ["bench_analysis.py", "--edges", "5000"]),
    ("sync from a local site", ["bench_sync.py", "--pages", "30"]),
    ("archive, 300 releases", ["bench_archive.py", "--releases", "300", "--every", "100"]),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args()
    failed = []
    for title, argv in QUICK if args.quick else FULL:
        print(f"\n=== {title}: {' '.join(argv)}", flush=True)
        started = time.monotonic()
        code = subprocess.call([sys.executable, str(HERE / argv[0]), *argv[1:]])
        print(f"--- {title}: exit {code} in {time.monotonic() - started:.0f}s", flush=True)
        if code:
            failed.append(title)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
