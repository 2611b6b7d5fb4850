"""Analysis times on a 30,000-edge synthetic graph (120 states, ~10,000 officials).

.venv/bin/python bench/bench_analysis.py [--edges 30000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _synth import synthetic_snapshot  # noqa: E402

from dipgraph.graph import analysis as A  # noqa: E402
from dipgraph.graph.snapshot import GraphSnapshot  # noqa: E402


def timed(label: str, fn):
    t = time.perf_counter()
    out = fn()
    print(f"{label:<48} {time.perf_counter() - t:7.2f} s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edges", type=int, default=30000)
    args = ap.parse_args()
    snap = synthetic_snapshot(args.edges, n_states=120, per_state=84)
    print(f"graph: {len(snap.nodes)} nodes, {len(snap.edges)} contact edges")
    text = timed("snapshot to_json", snap.to_json)
    timed("snapshot from_json", lambda: GraphSnapshot.from_json(text))
    P = timed("state projection", lambda: A.state_projection(snap))
    print(f"  projection: {P.number_of_nodes()} parties, {P.number_of_edges()} pairs")
    timed("centrality (projection, exact betweenness)", lambda: A.centrality(P))
    timed("communities (projection, Louvain)", lambda: A.communities(P))
    G = timed("actor graph", lambda: A.actor_graph(snap))
    print(f"  actor graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    rows = timed("centrality (actors, betweenness k-sampled)", lambda: A.centrality(G))
    print(f"  betweenness method: {rows[0]['betweenness_method']}")
    timed("communities (actors, Louvain)", lambda: A.communities(G))
    timed(
        "bilateral S000-S001 + trend", lambda: A.trend(A.bilateral_intensity(snap, "S000", "S001"))
    )
    timed("ego (official, radius 2)", lambda: A.ego_rows(G, rows[0]["node"], radius=2))
    timed("k-core (actors)", lambda: A.k_core(G))
    timed("summary", lambda: A.summary(snap))


if __name__ == "__main__":
    main()
