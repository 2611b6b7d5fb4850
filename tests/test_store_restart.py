"""The embedded store starts quickly on a big graph: `stop` rewrites a grown append-only
file into a snapshot (replaying it query by query took 29 s at 2,000 releases); after a
crash only the tail since the last rewrite is replayed. The graph is the same either way."""

from __future__ import annotations

import os
import signal

from fixture_graph import fixture_batches
from reliability_support import fresh_store, remove_data_dir, short_data_dir

from dipgraph.graph.stores import embedded
from dipgraph.graph.stores.embedded import EmbeddedServer
from dipgraph.queries import QueryPack

PACK = QueryPack.builtin()


def everything(store) -> list[tuple]:
    rows = store.run("MATCH (n) RETURN labels(n)[0] AS l, properties(n) AS p")
    return sorted((r["l"], sorted((k, repr(v)) for k, v in r["p"].items())) for r in rows)


def aof_files(server: EmbeddedServer) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in (server.db_dir / "appendonlydir").iterdir()}


def test_stop_compacts_a_grown_append_only_file(monkeypatch):
    monkeypatch.setattr(embedded, "COMPACT_ON_STOP_BYTES", 0)  # a few releases count as grown
    data_dir = short_data_dir()
    server = EmbeddedServer(data_dir)
    try:
        with fresh_store(data_dir) as store:
            for batch in fixture_batches():
                store.write(batch)
            before = everything(store)
            summary = PACK.run(store, "graph_summary", {}).tuples()
        grown = aof_files(server)
        assert sum(size for name, size in grown.items() if name.endswith(".incr.aof")) > 10_000
        server.stop()
        compacted = aof_files(server)
        assert all(size == 0 for name, size in compacted.items() if name.endswith(".incr.aof"))
        assert any(name.endswith(".base.rdb") for name in compacted)
        with fresh_store(data_dir) as store:  # starts the server again, from the snapshot
            assert everything(store) == before
            assert PACK.run(store, "graph_summary", {}).tuples() == summary
    finally:
        remove_data_dir(data_dir)


def test_after_a_crash_the_tail_is_replayed_on_the_snapshot(monkeypatch):
    monkeypatch.setattr(embedded, "COMPACT_ON_STOP_BYTES", 0)
    data_dir = short_data_dir()
    server = EmbeddedServer(data_dir)
    batches = fixture_batches()
    try:
        with fresh_store(data_dir) as store:
            for batch in batches[:2]:
                store.write(batch)
        server.stop()  # compacted
        with fresh_store(data_dir) as store:
            for batch in batches[2:]:
                store.write(batch)
            before = everything(store)
        os.kill(server.pid(), signal.SIGKILL)
        with fresh_store(data_dir) as store:
            assert everything(store) == before
    finally:
        remove_data_dir(data_dir)
