"""Every pack query through the neo4j adapter (official driver, Bolt) gives the same rows
as the embedded store. The Bolt server is FalkorDB with BOLT_PORT on (conftest's
bolt_server); both graphs are written from the same fixture batches."""

from __future__ import annotations

import uuid

import pytest
from fixture_graph import ANDRESEN, BAKAEV, IMANBAEV, ISETOV, VAN_DIJK, write_fixture
from test_queries import ev

from dipgraph.graph.store import StoreSettings
from dipgraph.graph.stores.embedded import EmbeddedStore
from dipgraph.queries import QueryPack, UnknownState

pytestmark = pytest.mark.bolt  # a FalkorDB server with Bolt on (the tests' Bolt rig)

PACK = QueryPack.builtin()

#: parameters each query is run with (several sets where optional ones matter)
CASES: dict[str, list[dict[str, str]]] = {
    "bilateral_counts": [{"a": "KZ", "b": "NL"}, {"a": "EU", "b": "KZ", "from": "2026-01-01"}],
    "bilateral_contacts": [{"a": "KZ", "b": "NL"}, {"a": "NL", "b": "KZ", "to": "2025-12-31"}],
    "bilateral_timeline": [{"a": "KZ", "b": "NL"}, {"a": "AM", "b": "KZ"}],
    "contact_provenance": [
        {"event": ev("2026-04-15", "MET", "CN", "KZ", "NL").id},
        {"event": ev("2026-03-03", "ACCREDITED", "KZ", "NO").id},
    ],
    "partners": [
        {"state": "KZ"},
        {"state": "NL", "limit": "1"},
        {"state": "KZ", "to": "2025-12-31"},
    ],
    "contacts_per_year": [{"state": "KZ"}, {"state": "UN"}],
    "new_partners": [
        {"state": "KZ", "since": "2026-01-01"},
        {"state": "NL", "since": "2024-01-01"},
    ],
    "igo_contacts": [{"state": "KZ"}, {"state": "KZ", "from": "2026-04-01"}],
    "officials_met": [{"a": "KZ", "b": "NL"}, {"a": "AM", "b": "KZ"}],
    "ego_network": [{"official": BAKAEV.id}, {"official": IMANBAEV.name, "limit": "1"}],
    "shortest_path": [
        {"a": IMANBAEV.id, "b": VAN_DIJK.id},
        {"a": ISETOV.id, "b": ANDRESEN.id},
        {"a": IMANBAEV.id, "b": ISETOV.id},
    ],
    "most_active_officials": [{}, {"state": "KZ", "from": "2026-01-01", "limit": "3"}],
    "accreditation_register": [{}, {"host": "KZ"}, {"sender": "KZ"}],
    "hosted_events": [{}, {"host": "посольство"}, {"venue": "Скопье"}],
    "graph_summary": [{}],
    "releases": [{}, {"limit": "2"}, {"from": "2025-01-01", "to": "2025-12-31"}],
}
#: the one case whose answer is no rows: no chain of meetings joins these two
NO_ROWS = {"a": IMANBAEV.id, "b": ISETOV.id}


def test_every_query_has_cases():
    assert set(CASES) == set(PACK.names())


@pytest.fixture(scope="module")
def stores(embedded_server, bolt_server, bolt_driver):
    from bolt_rig import FalkorBoltStore

    bolt = FalkorBoltStore(
        StoreSettings(backend="neo4j", neo4j_uri=bolt_server, batch_size=35), driver=bolt_driver
    )
    embedded = EmbeddedStore(
        StoreSettings(data_dir=embedded_server.data_dir, graph_name=f"b_{uuid.uuid4().hex[:8]}")
    )
    bolt.clear()
    write_fixture(bolt)
    write_fixture(embedded)
    yield embedded, bolt
    bolt.clear()
    bolt.close()  # does not close the session's shared driver
    embedded.clear()
    embedded.close()


@pytest.mark.parametrize(
    ("name", "params"),
    [(name, params) for name, cases in CASES.items() for params in cases],
    ids=lambda v: v if isinstance(v, str) else "-".join(f"{k}={x}" for k, x in v.items()),
)
def test_same_rows_through_bolt(stores, name, params):
    embedded, bolt = stores
    expected = PACK.run(embedded, name, params)
    got = PACK.run(bolt, name, params)
    assert got.columns == expected.columns
    assert got.rows == expected.rows
    assert bool(expected.rows) == (params != NO_ROWS)


def test_unknown_state_through_bolt(stores):
    _, bolt = stores
    with pytest.raises(UnknownState, match=r"code NX.*did you mean .*NL \(Netherlands\)"):
        PACK.run(bolt, "partners", {"state": "NX"})
