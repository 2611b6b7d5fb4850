"""Synthetic snapshots for the benchmarks: officials of many states meeting each other.

Contacts follow a skewed (preferential) pattern so the graph has hubs like real ones.
"""

from __future__ import annotations

import random

from dipgraph.graph.snapshot import GraphSnapshot, SnapshotEdge, SnapshotNode

TYPES = ("MET", "MET", "CONSULTED", "ACCREDITED", "HOSTED")


def synthetic_snapshot(n_edges: int, *, n_states: int = 120, per_state: int = 0, seed: int = 1):
    rng = random.Random(seed)
    codes = [f"S{i:03d}" for i in range(n_states)]
    per_state = per_state or max(2, n_edges // (3 * n_states))
    nodes = [
        SnapshotNode(f"State:{c}", "State", {"code": c, "name_en": f"State {c}"}) for c in codes
    ]
    officials = []
    for c in codes:
        for j in range(per_state):
            key = f"Official:official:{c.lower()}:{j:05d}"
            officials.append((key, c))
            nodes.append(
                SnapshotNode(
                    key,
                    "Official",
                    {
                        "id": key.split(":", 1)[1],
                        "name": f"Official {c}-{j}",
                        "title": "посол",
                        "state": c,
                    },
                )
            )
    weights = [1.0 / (1 + i) ** 0.8 for i in range(len(officials))]
    rng.shuffle(weights)
    edges = []
    for i in range(n_edges):
        (a, ca), (b, cb) = rng.choices(officials, weights=weights, k=2)
        if a == b:
            b, cb = officials[(officials.index((b, cb)) + 1) % len(officials)]
        year = rng.randint(2015, 2025)
        t = rng.choice(TYPES)
        edges.append(
            SnapshotEdge(
                a,
                b,
                t,
                {
                    "event_id": f"event:{i:08d}",
                    "date": f"{year}-{rng.randint(1, 12):02d}-15",
                    "release_id": "r" * 64,
                    "sentence": f"Synthetic contact {i} between {a} and {b}.",
                },
            )
        )
    return GraphSnapshot(nodes, edges, {"source": "synthetic"})
