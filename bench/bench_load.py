"""`dipgraph load --workers N` end to end: wall time and releases/s on ~600-word releases.

    python bench/bench_load.py [--releases 80] [--workers 1,2]

Each run is a fresh `dipgraph load` process into a fresh data directory, so model loading,
the store's start and every write are included (issue 3: scaling on 2 cores).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# the seed release and RuSentRel's articles, copied into the repository
CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"


def make_releases(folder: Path, count: int, words: int = 600) -> None:
    """Distinct releases cut from RuSentRel articles and the seed, each with a dateline."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "rusentrel").glob("art*.txt"))]
    seed = (CORPUS / "releases" / "000_f90f83b2cd359777.txt").read_text(encoding="utf-8")
    pool = " ".join(texts + [seed] * 5).split()
    folder.mkdir(parents=True)
    for n in range(count):
        body = " ".join(pool[(n * words) % (len(pool) - words) :][:words])
        text = f"Астана. 3 марта. KAZAKHSTAN TODAY - {body} ({n})\n"
        (folder / f"r{n:04d}.txt").write_text(text, encoding="utf-8")


def run_load(folder: Path, workers: int) -> float:
    data_dir = Path(tempfile.mkdtemp(prefix="dgl", dir="/tmp"))
    exe = Path(sys.executable).with_name("dipgraph")
    try:
        started = time.perf_counter()
        subprocess.run(
            [str(exe), "load", str(folder), "--year", "2026", "--workers", str(workers), "-q",
             "--data-dir", str(data_dir)],
            check=True, capture_output=True,
        )  # fmt: skip
        return time.perf_counter() - started
    finally:
        subprocess.run([str(exe), "db", "stop", "--data-dir", str(data_dir)], capture_output=True)
        shutil.rmtree(data_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--releases", type=int, default=80)
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dgr", dir="/tmp")) / "releases"
    try:
        make_releases(folder, args.releases)
        base = None
        print(f"{args.releases} releases of ~600 words, {os.cpu_count()} cores")
        for workers in (int(w) for w in args.workers.split(",")):
            seconds = run_load(folder, workers)
            base = base or seconds
            print(
                f"load --workers {workers}: {seconds:6.2f} s  {args.releases / seconds:6.1f} "
                f"releases/s  (x{base / seconds:.2f})"
            )
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
