"""Every pack query gives the same rows through the neo4j store (over Bolt) as on the
embedded store, for the same fixture graph: the portable subset and the result hydration
hold across the two drivers."""

from __future__ import annotations

import uuid

import pytest
from fixture_graph import BAKAEV, IMANBAEV, VAN_DIJK, fixture_batches, write_fixture

from dipgraph.graph.model import Event
from dipgraph.graph.store import StoreSettings
from dipgraph.graph.stores.embedded import EmbeddedStore
from dipgraph.graph.stores.neo4j import Neo4jStore
from dipgraph.queries import QueryPack

PACK = QueryPack.builtin()
FIRST_EVENT = next(n for b in fixture_batches() for n in b.nodes.values() if isinstance(n, Event))
VALUES = {
    ("a", "state code"): "KZ",
    ("b", "state code"): "NL",
    ("state", "state code"): "KZ",
    ("host", "state code"): "KZ",
    ("official", "official"): BAKAEV.name,
    ("a", "official"): IMANBAEV.name,
    ("b", "official"): VAN_DIJK.name,
    ("event", "event id"): FIRST_EVENT.id,
    ("since", "date"): "2025-01-01",
}


def params_for(name: str) -> dict[str, str]:
    declared = PACK.get(name).params
    return {p.name: VALUES[(p.name, p.type)] for p in declared if (p.name, p.type) in VALUES}


@pytest.fixture(scope="module")
def both(embedded_server, bolt_server, bolt_driver):
    embedded = EmbeddedStore(
        StoreSettings(data_dir=embedded_server.data_dir, graph_name=f"p_{uuid.uuid4().hex[:8]}")
    )
    bolt = Neo4jStore(
        StoreSettings(backend="neo4j", neo4j_uri=bolt_server, batch_size=35), driver=bolt_driver
    )
    bolt.clear()
    write_fixture(embedded)
    write_fixture(bolt)
    yield embedded, bolt
    bolt.clear()
    embedded.clear()
    embedded.close()


def test_the_fixture_graph_is_the_same_in_both_stores(both):
    embedded, bolt = both
    assert (bolt.count_nodes(), bolt.count_edges(), bolt.count_releases()) == (
        embedded.count_nodes(),
        embedded.count_edges(),
        embedded.count_releases(),
    )


@pytest.mark.parametrize("name", PACK.names())
def test_pack_query_rows_are_the_same_through_bolt(both, name):
    embedded, bolt = both
    params = params_for(name)
    expected = PACK.run(embedded, name, params).rows
    assert expected, f"{name} {params} finds nothing: the comparison would prove nothing"
    assert PACK.run(bolt, name, params).rows == expected
