"""graph_summary reads counts the releases keep (Release.event_nodes, *_edges) instead of
every event and edge:
they must stay equal to a full count through writes, merged bulk batches, replaces,
retracts, and the backfill of releases written before the counts existed. On the
embedded store and on the neo4j store (over FalkorDB's Bolt endpoint)."""

from __future__ import annotations

import pytest
from fixture_graph import fixture_batches

from dipgraph.graph.model import EDGE_TYPES, NODE_LABELS, GraphBatch
from dipgraph.graph.statements import OWNED_COUNT_PROPS
from dipgraph.ingest import backfill_counts
from dipgraph.queries import QueryPack

PACK = QueryPack.builtin()


@pytest.fixture(params=["embedded", "neo4j"])
def any_store(request):
    return request.getfixturevalue("store" if request.param == "embedded" else "neo4j_store")


def summary(store) -> list[tuple]:
    return PACK.run(store, "graph_summary", {}).tuples()


def counted_the_slow_way(store) -> list[tuple]:
    nodes = store.run("MATCH (n) RETURN labels(n)[0] AS name, count(n) AS n")
    edges = store.run("MATCH ()-[r]->() RETURN type(r) AS name, count(r) AS n")
    return sorted(
        [("node", r["name"], r["n"]) for r in nodes] + [("edge", r["name"], r["n"]) for r in edges],
        key=lambda row: (row[0] != "node", row[1]),
    )


def test_the_query_names_every_label_and_type():
    cypher = PACK.get("graph_summary").cypher
    for name in NODE_LABELS + EDGE_TYPES:
        assert f"'{name}'" in cypher or f"|{name}" in cypher or f":{name}|" in cypher, name


def test_counts_follow_writes_replaces_and_retracts(any_store):
    batches = fixture_batches()
    assert summary(any_store) == []
    for batch in batches:
        any_store.write(batch)
        assert summary(any_store) == counted_the_slow_way(any_store)
    assert all(type(row[2]) is int for row in summary(any_store))
    any_store.write(batches[1], replace=True)
    assert summary(any_store) == counted_the_slow_way(any_store)
    any_store.retract(batches[0].release_id)
    assert summary(any_store) == counted_the_slow_way(any_store)
    assert ("edge", "MET", 0) not in summary(any_store)  # types with no edges are left out


def test_a_bulk_batch_counts_each_release_its_own_edges(store):
    bulk = GraphBatch()
    for batch in fixture_batches():
        bulk.merge(batch)
    store.write(bulk)  # no release_id: the chunked path of bench_queries
    assert summary(store) == counted_the_slow_way(store)


def test_backfill_gives_old_releases_their_counts(any_store):
    for batch in fixture_batches():
        any_store.write(batch)
    expected = counted_the_slow_way(any_store)
    removed = ", ".join(f"r.{prop}" for prop in OWNED_COUNT_PROPS.values())
    any_store.run(f"MATCH (r:Release) REMOVE {removed}", write=True)
    assert summary(any_store) != expected  # as a graph of an older dipgraph reads
    assert backfill_counts(any_store) == len(fixture_batches())
    assert summary(any_store) == expected
    assert backfill_counts(any_store) == 0  # nothing left to do


def test_an_event_two_releases_share_is_counted_once(store):
    """One contact told by a Russian and an English release is one Event node (see
    test_cross_language): the counts must not take it twice, nor lose it when the release
    that wrote it first is retracted."""
    from test_cross_language import releases

    from dipgraph.loaders.mapping import to_batch

    x_ru, x_en = releases()
    store.write(to_batch(x_ru))
    store.write(to_batch(x_en))
    assert summary(store) == counted_the_slow_way(store)
    store.retract(x_ru.release.id)
    assert summary(store) == counted_the_slow_way(store)
