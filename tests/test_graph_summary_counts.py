"""graph_summary reads the counts the store itself keeps, one statement per label and per
type (the only form FalkorDB and Neo4j answer without reading every node and edge): they
must equal a full count through writes, merged bulk batches, replaces, retracts, events
two releases share, and writes dipgraph did not make. On the embedded store and on the
neo4j store (over FalkorDB's Bolt endpoint)."""

from __future__ import annotations

import pytest
from fixture_graph import fixture_batches

from dipgraph.graph.model import EDGE_TYPES, NODE_LABELS, GraphBatch
from dipgraph.queries import ParamError, QueryPack

PACK = QueryPack.builtin()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.bolt)])
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


def test_the_query_counts_every_label_and_type_in_a_statement_of_its_own():
    statements = PACK.get("graph_summary").cypher.splitlines()
    expected = [f"MATCH (n:{label}) RETURN count(n) AS n;" for label in NODE_LABELS]
    expected += [f"MATCH ()-[r:{type_}]->() RETURN count(r) AS n;" for type_ in EDGE_TYPES]
    assert statements == expected
    with pytest.raises(ParamError, match="no parameter"):
        PACK.bind("graph_summary", {"state": "KZ"})


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


def test_counts_follow_writes_dipgraph_did_not_make(any_store):
    for batch in fixture_batches():
        any_store.write(batch)
    any_store.run("MATCH (e:Event) WITH e LIMIT 2 DETACH DELETE e", write=True)
    hand_made = "CREATE (:Venue {id: 'venue:hand-made'})-[:IN]->(:State {code: 'ZZ'})"
    any_store.run(hand_made, write=True)
    assert summary(any_store) == counted_the_slow_way(any_store)


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
