"""Extraction benchmarks (issue 3).

    python bench/bench_extract.py [--lang ru|en] [--releases 60] [--workers 1,2]

- warm throughput on ~600-word releases built from the corpus in tests/data (Russian: the
  seed release and RuSentRel articles cut into 600-word pieces; English: the English dev
  set's real releases, tests/data/dev_en, joined and cut the same way) -- target >= 10
  releases/s per core;
- cold start of `dipgraph extract` on the seed release (subprocess) -- target < 3 s;
- peak RSS of one worker after extracting (resource.getrusage) -- target < 600 MB;
- scaling of extract_many(..., workers=N) on the available cores.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from dipgraph.graph.model import Release  # noqa: E402

# the seed release and RuSentRel's articles, copied into the repository
CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
DEV_EN = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev_en"


def _texts(lang: str) -> list[str]:
    if lang == "en":
        import json

        return [
            json.loads(line)["text"]
            for f in sorted(DEV_EN.glob("batch*/releases.jsonl"))
            for line in f.read_text("utf-8").splitlines()
            if line.strip()
        ]
    texts = [p.read_text("utf-8") for p in sorted((CORPUS / "releases").glob("*.txt"))]
    return texts + [p.read_text("utf-8") for p in sorted((CORPUS / "rusentrel").glob("art*.txt"))]


def corpus_releases(n: int, words: int = 600, lang: str = "ru") -> list[Release]:
    texts = _texts(lang)
    if lang == "en":  # short releases: joined (and repeated) into one stream to cut
        rounds = 1 + n * words // max(1, sum(len(t.split()) for t in texts))
        texts = ["\n".join(texts * rounds)]
    out: list[Release] = []
    for text in texts:
        lines = [ln.replace("{Author, Unknown}", "").strip() for ln in text.splitlines()]
        piece: list[str] = []
        count = 0
        for ln in lines:
            if not ln:
                continue
            piece.append(ln)
            count += len(ln.split())
            if count >= words:
                out.append(Release.from_text("\n".join(piece), language=lang))
                piece, count = [], 0
                if len(out) >= n:
                    return out
    return out


def warm_throughput(releases: list[Release]) -> tuple[float, float]:
    from dipgraph.loaders.extract import extract

    extract(releases[0])  # load models
    t, cpu = time.perf_counter(), time.process_time()
    for r in releases:
        extract(r)
    elapsed = time.perf_counter() - t
    global CPU_SECONDS
    CPU_SECONDS = time.process_time() - cpu
    return len(releases) / elapsed, elapsed


CPU_SECONDS = 0.0  # of the warm run: on a busy machine wall time overstates the cost


def parse_share(releases: list[Release]) -> tuple[float, int]:
    """Seconds spent in the dependency parse (sentences with an event cue only) over the
    releases, and how many sentences were parsed."""
    from dipgraph.loaders.extract import extract
    from dipgraph.loaders.lang.ru.events import frames

    spent, count = 0.0, 0
    parse = frames.parse

    def timed(doc, si):
        nonlocal spent, count
        fresh = si not in doc.syntax
        t = time.process_time()
        out = parse(doc, si)
        if fresh:
            spent += time.process_time() - t
            count += 1
        return out

    frames.parse = timed
    try:
        for r in releases:
            extract(r)
    finally:
        frames.parse = parse
    return spent, count


def scaling(n_releases: int, workers: int, lang: str = "ru") -> float:
    """releases/s of extract_many(workers=N) in a fresh process, model loading included
    (what `dipgraph load --workers N` sees)."""
    here = str(Path(__file__).resolve().parent)
    code = (
        f"import sys,time; sys.path.insert(0, {here!r})\n"
        "from bench_extract import corpus_releases\n"
        "from dipgraph.loaders.extract import extract_many\n"
        f"rs = corpus_releases({n_releases}, lang={lang!r}); t = time.perf_counter()\n"
        f"n = sum(1 for _ in extract_many(rs, workers={workers}))\n"
        "print(n / (time.perf_counter() - t))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def cold_start() -> float:
    seed = CORPUS / "releases" / "000_f90f83b2cd359777.txt"
    exe = Path(sys.executable).with_name("dipgraph")
    cmd = [str(exe), "extract", str(seed), "-q"] if exe.exists() else [
        sys.executable, "-m", "dipgraph.cli", "extract", str(seed), "-q"
    ]  # fmt: skip
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lang", choices=["ru", "en"], default="ru")
    ap.add_argument("--releases", type=int, default=60)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--scaling-releases", type=int, default=200)
    args = ap.parse_args()
    releases = corpus_releases(args.releases, lang=args.lang)
    words = sum(len(r.text.split()) for r in releases) / len(releases)
    print(f"{args.lang}: releases: {len(releases)} of ~{words:.0f} words, cores: {os.cpu_count()}")
    rate, elapsed = warm_throughput(releases)
    print(f"warm throughput: {rate:.1f} releases/s on one core ({elapsed:.2f} s)  target >= 10")
    print(
        f"  per CPU second: {len(releases) / CPU_SECONDS:.1f} releases/s "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores while measured)"
    )
    if args.lang == "ru":  # English has no parse
        spent, parsed = parse_share(releases)
        print(f"  dependency parse: {parsed} cue sentences, {spent:.2f} CPU s of {CPU_SECONDS:.2f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (one worker, models loaded): {rss:.0f} MB  target < 600")
    if args.lang == "ru":
        print(f"cold start `dipgraph extract seed`: {cold_start():.2f} s  target < 3")
    base = None
    for w in [int(x) for x in args.workers.split(",")]:
        r = scaling(args.scaling_releases, w, args.lang)
        base = base or r
        print(f"extract_many workers={w}: {r:.1f} releases/s (x{r / base:.2f})")


if __name__ == "__main__":
    main()
