"""Write throughput of GraphBatch rows into the embedded store, and cold `dipgraph query`.

    python bench/bench_store.py [--edges 200000] [--batches 1000,10000]

Targets (issue 2): >= 20,000 edges/s; cold `dipgraph query` < 1.5 s.
Runs against a throwaway data directory; prints one line per measurement.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dipgraph.graph.model import GraphBatch, NodeRef, Official, official_id
from dipgraph.graph.store import StoreSettings
from dipgraph.graph.stores.embedded import EmbeddedServer, EmbeddedStore

STATES = ["KZ", "RU", "CN", "US", "DE", "FR", "NL", "NO", "AM", "TR", "JP", "IN", "GB", "IT"]


def official_ref(i: int) -> tuple[NodeRef, str]:
    state = STATES[i % len(STATES)]
    return NodeRef("Official", official_id(state, f"official {i}")), state


def node_batches(officials: int, batch_rows: int):
    for start in range(0, officials, batch_rows):
        batch = GraphBatch()
        for i in range(start, min(officials, start + batch_rows)):
            ref, state = official_ref(i)
            batch.add_node(Official(ref.key, f"official {i}", state=state, title="посол"))
        yield batch


def edge_batches(edges: int, officials: int, batch_rows: int, seed: int = 7):
    """Bulk batches of MET edges between existing officials, with evidence properties."""
    rng = random.Random(seed)
    for start in range(0, edges, batch_rows):
        batch = GraphBatch()
        for i in range(start, min(edges, start + batch_rows)):
            (a, _), (b, _) = (
                official_ref(rng.randrange(officials)),
                official_ref(rng.randrange(officials)),
            )
            batch.add_edge(
                "MET", a, b, event_id=f"event:{i}", date=f"20{10 + i % 16}-01-01",
                release_id=f"bulk-{start}", sentence="synthetic sentence for the benchmark",
                start=0, end=36,
            )  # fmt: skip
        yield batch


def bench_writes(edges: int, batch_rows: int) -> float:
    data_dir = Path(tempfile.mkdtemp(prefix="dgb", dir="/tmp"))
    officials = max(100, edges // 10)
    try:
        store = EmbeddedStore(StoreSettings(data_dir=data_dir))
        store.ensure_schema()
        nodes = list(node_batches(officials, batch_rows))
        started = time.perf_counter()
        for batch in nodes:
            store.write(batch)
        node_seconds = time.perf_counter() - started
        batches = list(edge_batches(edges, officials, batch_rows))
        started = time.perf_counter()
        for batch in batches:
            store.write(batch)
        seconds = time.perf_counter() - started
        written = store.count_edges()
        store.close()
        rate = written / seconds
        print(
            f"write  batch={batch_rows:>6}  nodes={officials:>7} {officials / node_seconds:>8,.0f}"
            f" nodes/s   edges={written:>8} {seconds:6.2f}s {rate:>8,.0f} edges/s"
        )
        return rate
    finally:
        EmbeddedServer(data_dir).stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def bench_cold_query(runs: int = 5) -> float:
    """Wall time of a fresh `dipgraph query --list` and a real query, server already up."""
    exe = Path(sys.executable).with_name("dipgraph")
    data_dir = Path(tempfile.mkdtemp(prefix="dgq", dir="/tmp"))
    env = dict(os.environ, DIPGRAPH_DATA_DIR=str(data_dir))
    try:
        EmbeddedServer(data_dir).start()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [str(exe), "query", "graph_summary"], env=env, check=True, capture_output=True
            )
            times.append(time.perf_counter() - started)
        med = statistics.median(times)
        print(f"cold   dipgraph query graph_summary  median {med:.2f}s  (runs: "
              + ", ".join(f"{t:.2f}" for t in times) + ")")  # fmt: skip
        mods = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import dipgraph.cli"],
            capture_output=True, text=True, env=env,
        ).stderr  # fmt: skip
        heavy = [m for m in ("natasha", "slovnet", "networkx", "pyvis", "numpy") if m in mods]
        print(f"imports at `import dipgraph.cli`: heavy modules {heavy or 'none'}")
        return med
    finally:
        EmbeddedServer(data_dir).stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edges", type=int, default=200_000)
    parser.add_argument("--batches", default="1000,10000")
    parser.add_argument("--skip-cold", action="store_true")
    args = parser.parse_args()
    for rows in (int(x) for x in args.batches.split(",")):
        bench_writes(args.edges, rows)
    if not args.skip_cold:
        bench_cold_query()


if __name__ == "__main__":
    main()
