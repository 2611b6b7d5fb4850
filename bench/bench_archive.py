"""A whole ministry archive through `load --workers 2` into the embedded store.

    python bench/bench_archive.py --releases 56000            # the MFA's Russian archive
    python bench/bench_archive.py --releases 2000             # a quick look
    python bench/bench_archive.py --releases 400 --dask local # the same load on Dask

The archive is synthetic but realistic: every release is made of the paragraphs of the
Russian releases in the repository (tests/data/dev_releases, examples/releases) under a
dateline and a date spread over 2003-2023, with the officials' surnames varied
(two syllables before the stem keep every case ending: "Лавровым" becomes "Какалавровым")
so that the graph keeps gaining officials and contacts as it grows. Extraction does all
its real work on every release. Printed: throughput for every 1,000 releases with the
graph's size at that point, peak RSS of the store's server, of each extraction worker and
of the loading process, the append-only file's size, the server's restart time, and p95
latencies of the bilateral and ego packs (and of graph_summary and releases) at the end.
Target (issue 13): 56,000 releases on 2 cores in under 45 minutes, with the throughput
at the end within 20% of the start.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
SOURCES = sorted((REPO / "tests" / "data" / "dev_releases").glob("*.txt")) + sorted(
    (REPO / "examples" / "releases").glob("*.txt")
)
GOLD = sorted((REPO / "tests" / "data" / "dev_releases").glob("*.events.jsonl"))
MONTHS = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()
SYLLABLES = (
    "Ка Бе Ди Го Ма Ту Ле Ро Са Ни Ва Зе Пу Ко Ми Да Ба Те Ло Ре Фа Ха Ча Ша Юн Ар Ол Ис Эм Ум"
).split()
DATELINE = re.compile(
    r"^(?P<city>[А-ЯЁ][\w-]+)\. \d{1,2} [а-я]+\. (?P<agency>[^-–]+?) [-–] (?P<lead>.*)$"
)


class Archive:
    """Releases built from the repository's Russian releases; the same seed, the same
    archive."""

    def __init__(self, seed: int = 13) -> None:
        self.rng = random.Random(seed)
        self.sources = []  # (title, city, agency, lead, paragraphs)
        for path in SOURCES:
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
            lines = [line for line in lines if line]
            match = next(DATELINE.match(line) for line in lines if DATELINE.match(line))
            at = next(i for i, line in enumerate(lines) if DATELINE.match(line))
            paragraphs = [p for p in lines[at + 1 :] if len(p) > 40]
            self.sources.append(
                (lines[0], match["city"], match["agency"], match["lead"], paragraphs)
            )
        surnames = set()
        for path in GOLD:
            for line in path.read_text(encoding="utf-8").splitlines():
                for person in json.loads(line).get("participants", []):
                    last = person["name"].split()[-1]
                    if len(last) >= 5 and last.isalpha():
                        surnames.add(last)
        # (regex of the surname's inflected forms, its stem): the stem's case endings stay
        self.surnames = [
            (re.compile(rf"\b{s[:4]}(?=\w{{0,{len(s) - 2}}}\b)"), s[:4]) for s in sorted(surnames)
        ]
        # Zipf-like: a few people of each name appear in thousands of releases (ministers),
        # most in a handful
        self.variant_weights = [1 / (k + 1) for k in range(len(SYLLABLES) ** 2 + 1)]

    def _variant(self, stem: str, k: int) -> str:
        if k == 0:
            return stem
        first, second = divmod(k - 1, len(SYLLABLES))
        prefix = SYLLABLES[first] + SYLLABLES[second].lower()
        return prefix + stem.lower()

    def release(self, n: int, total: int) -> dict:
        rng = self.rng
        title, city, agency, lead, paragraphs = rng.choice(self.sources)
        body = [p for p in paragraphs if rng.random() < 0.85] or paragraphs[:1]
        for _ in range(rng.randint(1, 3)):  # paragraphs from another ministry's week
            body.insert(rng.randrange(len(body) + 1), rng.choice(rng.choice(self.sources)[4]))
        text = "\n".join(body)
        for pattern, stem in self.surnames:
            if pattern.search(text):
                k = rng.choices(range(len(self.variant_weights)), self.variant_weights)[0]
                text = pattern.sub(self._variant(stem, k), text)
        day = 2003 * 365 + n * (21 * 365) // max(total, 1)  # 2003-2023, evenly
        year, rest = divmod(day, 365)
        month, dom = min(rest // 31, 11), 1 + rest % 28
        dateline = f"{city}. {dom} {MONTHS[month]}. {agency} - {lead}"
        return {
            "id": f"archive-{n}",
            "date": f"{year}-{month + 1:02d}-{dom:02d}",
            "title": f"{title} № {n}",
            "text": f"{title}\n{dateline}\n{text}\n",
            "url": f"https://archive.example/releases/{n}",
        }

    def write(self, folder: Path, total: int, per_file: int = 1000) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for start in range(0, total, per_file):
            path = folder / f"archive-{start // per_file:04d}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for n in range(start, min(total, start + per_file)):
                    out.write(json.dumps(self.release(n, total), ensure_ascii=False) + "\n")
            paths.append(path)
        return paths


# --- memory ------------------------------------------------------------------------------


def _status_kib(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


class PeakRss:
    """Peak resident memory (VmHWM) of this process's children, sampled while they live."""

    def __init__(self, interval: float = 2.0) -> None:
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            for pid in _children(os.getpid()):
                self.peaks[pid] = max(self.peaks.get(pid, 0), _status_kib(pid, "VmHWM"))

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds(pid: int | None, *, reaped_children: bool = False) -> float:
    """User + system CPU time of a process so far (or of its children that have exited:
    the server's append-only-file rewrites)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return 0.0
    first = 13 if reaped_children else 11
    return (int(fields[first]) + int(fields[first + 1])) / os.sysconf("SC_CLK_TCK")


def workers_cpu_seconds() -> float:
    """CPU time of this process's live children (the extraction workers)."""
    return sum(cpu_seconds(pid) for pid in _children(os.getpid()))


def _rate(steps: list[dict], a: int, b: int) -> float:
    """Releases per second between two progress steps."""
    return (steps[b]["done"] - steps[a]["done"]) / (steps[b]["at_s"] - steps[a]["at_s"])


def _cpu_ms(steps: list[dict], a: int, b: int, key: str) -> float:
    """CPU milliseconds per release of one part between two progress steps."""
    done = {i: steps[i]["done"] - steps[i - 1]["done"] for i in range(a + 1, b + 1)}
    return sum(n * steps[i][key] for i, n in done.items()) / sum(done.values())


def steadiness(steps: list[dict], a: int, b: int, c: int, d: int) -> list[str]:
    """Where the CPU per release went between two windows of steps, (a, b] and (c, d].

    The load is CPU-bound: throughput is the cores over the CPU spent per release. The
    extraction does the same work per release throughout (one generator writes the whole
    archive), so a change in its CPU per release is the machine's speed changing (other
    tenants, clock), and it changes every process's CPU alike (the loader's fixed work
    too). Dividing the last window's CPU by that change leaves what the graph's growth
    costs, at the first window's speed."""
    parts = {"store": ("server_ms", "rewrite_ms"), "loader": ("loader_ms",),
             "extraction": ("workers_ms",)}  # fmt: skip
    early = {k: sum(_cpu_ms(steps, a, b, f) for f in fs) for k, fs in parts.items()}
    late = {k: sum(_cpu_ms(steps, c, d, f) for f in fs) for k, fs in parts.items()}
    lines = ["CPU per release, first window -> last: " + ", ".join(
        f"{k} {early[k]:.1f} -> {late[k]:.1f} ms" for k in parts)]  # fmt: skip
    if early["extraction"] > 0:
        speed = late["extraction"] / early["extraction"]
        growth = sum(early.values()) / (sum(late.values()) / speed) - 1
        lines.append(
            f"the extraction's fixed work took {speed - 1:+.0%} CPU per release (the "
            f"machine's speed); at the first window's speed the graph's growth alone "
            f"changes throughput by {growth:+.0%} (store {late['store'] / speed:.1f} ms)"
        )
    return lines


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


# --- queries -----------------------------------------------------------------------------

TIMED = ("bilateral_counts", "bilateral_contacts", "bilateral_timeline", "ego_network")


def query_latencies(store, runs: int, rng: random.Random) -> dict[str, list[float]]:
    from dipgraph.queries import QueryPack

    pack = QueryPack.builtin()
    pairs = [
        row["p"]
        for row in store.run(
            "MATCH (e:Event) WHERE size(e.parties) = 2 "
            "RETURN e.parties AS p, count(*) AS n ORDER BY n DESC LIMIT 30"
        )
    ]
    met = store.run(
        "MATCH (o:Official)-[r:MET]-() RETURN o.id AS id, count(r) AS n ORDER BY n DESC, id"
    )
    everyone = [r["id"] for r in met]
    hubs = everyone[:20]

    def years() -> dict[str, str]:
        y = rng.randint(2003, 2022)
        return {"from": f"{y}-01-01", "to": f"{y + 1}-12-31"}

    def pair() -> dict[str, str]:
        a, b = rng.choice(pairs)
        return {"a": a, "b": b}

    makers = {
        "bilateral_counts": pair,
        "bilateral_contacts": lambda: {**pair(), **years()},
        "bilateral_timeline": lambda: {**pair(), **years()},
        "ego_network": lambda: {"official": rng.choice(hubs if rng.random() < 0.5 else everyone)},
        "graph_summary": dict,
        "releases": dict,
    }
    out: dict[str, list[float]] = {}
    for name, make in makers.items():
        if name.startswith(("bilateral", "ego")) and not (pairs and everyone):
            continue
        pack.run(store, name, make())  # warm-up
        times = []
        for _ in range(runs):
            params = make()
            started = time.perf_counter()
            pack.run(store, name, params)
            times.append((time.perf_counter() - started) * 1000)
        out[name] = times
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# --- the run -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--releases", type=int, default=56_000, help="archive size (default 56000)")
    ap.add_argument("--workers", type=int, default=2, help="extraction processes (default 2)")
    ap.add_argument(
        "--dask",
        help="extract on this Dask scheduler (tcp://...), or 'local' for a LocalCluster of "
        "--workers single-threaded processes on 127.0.0.1",
    )
    ap.add_argument("--every", type=int, default=1000, help="report every N releases")
    ap.add_argument("--runs", type=int, default=50, help="runs per query")
    ap.add_argument("--data-dir", help="default: a fresh temporary directory, removed after")
    ap.add_argument("--json", dest="json_out", help="also write the figures as JSON here")
    args = ap.parse_args(argv)

    from dipgraph.graph.store import StoreSettings
    from dipgraph.graph.stores.embedded import EmbeddedServer, EmbeddedStore
    from dipgraph.ingest import load

    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="dga", dir="/tmp"))
    folder = Path(tempfile.mkdtemp(prefix="dgarchive", dir="/tmp"))
    settings = StoreSettings(data_dir=data_dir)
    server = EmbeddedServer(data_dir)
    cluster = client = None
    figures: dict = {"releases": args.releases, "workers": args.workers, "dask": args.dask}
    try:
        started = time.perf_counter()
        paths = Archive().write(folder, args.releases)
        chars = sum(len(json.loads(line)["text"]) for p in paths for line in p.open())
        print(f"archive: {args.releases:,} releases, {chars / args.releases:,.0f} characters "
              f"each on average, written in {time.perf_counter() - started:.1f}s; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
        if args.dask == "local":
            import logging

            import distributed

            cluster = distributed.LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True,
                host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR,
            )  # fmt: skip
            client = distributed.Client(cluster)
        elif args.dask:
            import distributed

            client = distributed.Client(args.dask)
        how = f"Dask ({args.dask})" if args.dask else f"--workers {args.workers}"

        reader = EmbeddedStore(settings)  # a second connection, for the graph's size
        steps: list[dict] = []
        mark = {"t": time.perf_counter(), "n": 0, "cpu": 0.0, "own": 0.0, "w": 0.0, "rw": 0.0}

        def on_progress(outcome) -> None:
            done = mark["n"] = mark["n"] + 1
            if outcome.status == "failed":
                print(f"  failed: {outcome.message}")
            if done % args.every == 0 or done == args.releases:
                now = time.perf_counter()
                rate = (done - (steps[-1]["done"] if steps else 0)) / (now - mark["t"])
                mark["t"] = now
                nodes, edges = reader.count_nodes(), reader.count_edges()
                # the store's own cost per release, and the loading process's (reading,
                # mapping, sending; extraction too with --workers 1)
                step = done - (steps[-1]["done"] if steps else 0)
                pid = server.pid()
                cpu, own = cpu_seconds(pid), sum(os.times()[:2])
                rewrites = cpu_seconds(pid, reaped_children=True)
                extraction = workers_cpu_seconds() if not client else 0.0
                ms = {
                    "server_ms": (cpu - mark["cpu"]) * 1000 / step,
                    "rewrite_ms": (rewrites - mark["rw"]) * 1000 / step,
                    "loader_ms": (own - mark["own"]) * 1000 / step,
                    "workers_ms": max(0.0, extraction - mark["w"]) * 1000 / step,
                }
                mark.update(cpu=cpu, own=own, rw=rewrites, w=extraction)
                steps.append({"done": done, "per_s": round(rate, 2), "nodes": nodes,
                              "edges": edges, **{k: round(v, 1) for k, v in ms.items()},
                              "at_s": round(now - load_started, 1)})  # fmt: skip
                print(f"  {done:>7,} releases  {rate:6.2f} releases/s  "
                      f"graph {nodes:>9,} nodes {edges:>10,} edges  CPU/release: "
                      f"server {ms['server_ms']:4.1f} (+{ms['rewrite_ms']:3.1f} rewriting) ms, "
                      f"loader {ms['loader_ms']:4.1f} ms, workers {ms['workers_ms']:5.1f} ms  "
                      f"({now - load_started:,.0f}s)", flush=True)  # fmt: skip

        print(f"load {how} into the embedded store at {data_dir}:")
        with PeakRss() as peaks:
            load_started = time.perf_counter()
            mark["own"] = sum(os.times()[:2])
            report = load(paths, settings, workers=1 if client else args.workers,
                          dask=client, on_progress=on_progress)  # fmt: skip
            seconds = time.perf_counter() - load_started
        server_pid = server.pid()
        server_peak = _status_kib(server_pid, "VmHWM") if server_pid else 0
        workers = {pid: kib for pid, kib in peaks.peaks.items() if pid != server_pid}
        if client is not None:  # Dask workers are the nannies' children: ask them
            workers = client.run(lambda: _status_kib(os.getpid(), "VmHWM"))
        print(f"{report.summary()}")
        print(f"total {seconds:,.0f}s = {seconds / 60:.1f} min, {args.releases / seconds:.2f} "
              f"releases/s overall")  # fmt: skip
        if len(steps) >= 3:  # the first step includes loading the models in every worker
            first, last = steps[1]["per_s"], steps[-1]["per_s"]
            print(f"throughput second {args.every:,}: {first:.2f}/s, last: {last:.2f}/s "
                  f"({(last - first) / first:+.0%})")  # fmt: skip
            # one window is noisy on a shared machine: also the first and last tenth
            k = max(1, (len(steps) - 1) // 10)
            early, late = _rate(steps, 0, k), _rate(steps, len(steps) - 1 - k, len(steps) - 1)
            figures.update(early_per_s=round(early, 2), late_per_s=round(late, 2))
            print(f"throughput over releases {steps[0]['done']:,}-{steps[k]['done']:,}: "
                  f"{early:.2f}/s, over the last {steps[-1]['done'] - steps[-1 - k]['done']:,}: "
                  f"{late:.2f}/s ({(late - early) / early:+.0%})")  # fmt: skip
            if not client:  # Dask workers' CPU is not measured
                print("\n".join(steadiness(steps, 0, k, len(steps) - 1 - k, len(steps) - 1)))
        print(f"peak RSS: server {mib(server_peak)}, loader "
              f"{mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)}, workers "
              + ", ".join(mib(kib) for kib in workers.values()))  # fmt: skip
        aof = server.status().aof_bytes or 0
        print(f"append-only file: {aof / 2**20:,.1f} MiB")

        reader.close()
        os.kill(server_pid, 9)  # a crash: the tail since the last rewrite is replayed
        t = time.perf_counter()
        server.start()
        crash_restart = time.perf_counter() - t
        server.stop()  # compacts the append-only file
        aof_compacted = server.status().aof_bytes or 0
        t = time.perf_counter()
        server.start()
        restart = time.perf_counter() - t
        print(f"server restart after kill -9: {crash_restart:.2f}s; after `db stop` "
              f"(append-only file compacted to {aof_compacted / 2**20:,.1f} MiB): "
              f"{restart:.2f}s")  # fmt: skip

        store = EmbeddedStore(settings)
        latencies = query_latencies(store, args.runs, random.Random(13))
        store.close()
        print(f"{'query':<22} {'runs':>4} {'p50 ms':>8} {'p95 ms':>8}")
        for name, times in latencies.items():
            print(f"{name:<22} {len(times):>4} {statistics.median(times):>8.1f} "
                  f"{p95(times):>8.1f}")  # fmt: skip
        figures.update(
            seconds=round(seconds, 1), steps=steps, summary=report.summary(),
            server_peak_kib=server_peak, worker_peak_kib=list(workers.values()),
            aof_bytes=aof, aof_compacted_bytes=aof_compacted, restart_s=round(restart, 2),
            crash_restart_s=round(crash_restart, 2),
            p95_ms={k: round(p95(v), 1) for k, v in latencies.items()},
        )  # fmt: skip
        if args.json_out:
            Path(args.json_out).write_text(json.dumps(figures, indent=2))
        return report.exit_code
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        shutil.rmtree(folder, ignore_errors=True)
        if not args.data_dir:
            server.stop()
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
