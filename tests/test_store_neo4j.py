"""The neo4j store against a real Bolt server: FalkorDB with its Bolt endpoint on, through
the tests' Bolt rig (bolt_rig.py: the store plus the workarounds that endpoint needs).

What only a real Neo4j can show (constraint DDL, rollback, Neo4j's error classes) is in
test_store_neo4j_real.py, run when NEO4J_URI is set. FalkorDB's Bolt endpoint ignores
database_ (one graph for every name), access modes and rollback, and crashes on messages
over ~4 KiB; the rig keeps the store working with it.
"""

from __future__ import annotations

import threading
import time

import pytest
from bolt_rig import BoltServer, FalkorBoltStore, free_port, message_bytes
from fixture_graph import fixture_batches, seed_batch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import count_violations

from dipgraph.graph.model import (
    GraphBatch,
    Official,
    State,
    official_id,
)
from dipgraph.graph.store import (
    QueryError,
    StoreAuthError,
    StoreError,
    StoreSettings,
    StoreUnavailable,
    WriteRefused,
)
from dipgraph.graph.stores.neo4j import Neo4jStore, schema_statements

pytestmark = pytest.mark.bolt  # a FalkorDB server with Bolt on (the tests' Bolt rig)

#: the seed release's batch (fixture_graph.seed_batch): 10 events with their officials,
#: states, organizations, venues and the release; edges of every kind between them
COUNTS_NODES, COUNTS_EDGES = 38, 75


# -- writing ----------------------------------------------------------------------------


def test_the_rig_recognises_falkordb_behind_bolt(neo4j_store):
    # the agent string says "Neo4j/5.13.0"; only db.meta.stats() tells them apart
    assert neo4j_store.dialect == "falkordb"
    assert neo4j_store.max_message_bytes == 3000


def test_the_neo4j_store_refuses_a_bolt_server_that_is_not_neo4j(bolt_server, bolt_driver):
    settings = StoreSettings(backend="neo4j", neo4j_uri=bolt_server)
    with pytest.raises(StoreError) as info:
        Neo4jStore(settings, driver=bolt_driver)
    assert bolt_server in str(info.value) and "is not Neo4j" in str(info.value)


def test_the_neo4j_store_batches_by_rows_only():
    # against Neo4j, UNWIND batches of batch_size rows, whatever their size in bytes
    store = Neo4jStore.__new__(Neo4jStore)  # the plan needs settings only, no server
    store.settings = StoreSettings(backend="neo4j", batch_size=2)
    batch = seed_batch()
    plan = store.write_plan(batch)
    rows = [p["rows"] for c, p in plan if "rows" in p]
    assert max(len(r) for r in rows) == 2
    assert sum(len(r) for r in rows) == len(batch.nodes) + len(batch.edges)
    release = batch.nodes[("Release", batch.release_id)]
    assert any(row.get("props", {}).get("text") == release.text for r in rows for row in r)


def test_a_release_write_creates_every_node_and_edge_and_marks_it_complete(neo4j_store):
    batch = seed_batch()
    result = neo4j_store.write(batch)
    # 10 events, their officials, states, organizations and venues, and the release
    assert (result.nodes, result.edges) == batch.counts == (COUNTS_NODES, COUNTS_EDGES)
    assert neo4j_store.count_nodes() == COUNTS_NODES
    assert neo4j_store.count_edges() == COUNTS_EDGES
    assert neo4j_store.has_release(batch.release_id)
    assert neo4j_store.count_releases() == 1
    assert neo4j_store.incomplete_releases() == []


def test_writing_the_same_release_twice_changes_nothing(neo4j_store):
    batch = seed_batch()
    neo4j_store.write(batch)
    first = (neo4j_store.count_nodes(), neo4j_store.count_edges())
    neo4j_store.write(seed_batch())
    assert (neo4j_store.count_nodes(), neo4j_store.count_edges()) == first
    rows = neo4j_store.run("MATCH (o:Official) RETURN o.aliases AS a, o.refs AS refs")
    assert rows and all(r["a"] == [] and r["refs"] == 1 for r in rows)
    assert count_violations(neo4j_store) == []


def test_replace_retracts_the_release_before_writing_it_anew(neo4j_store):
    neo4j_store.write(seed_batch())
    smaller = seed_batch({"KZ", "NL", "NO"})  # the AM meeting and more were false positives
    result = neo4j_store.write(smaller, replace=True)
    assert result.retracted
    assert (neo4j_store.count_nodes(), neo4j_store.count_edges()) == smaller.counts
    assert neo4j_store.run("MATCH ()-[m:MET]->() RETURN count(m) AS n") == [{"n": 0}]
    assert neo4j_store.run("MATCH (s:State {code: 'AM'}) RETURN s.code AS c") == []
    assert neo4j_store.has_release(smaller.release_id)


def test_retract_removes_a_release_and_only_what_no_other_release_supports(neo4j_store):
    seed = seed_batch()
    other = fixture_batches()[0]  # May 2024: KZ with AM, NL and CN
    neo4j_store.write(seed)
    neo4j_store.write(other)
    neo4j_store.retract(seed.release_id)
    assert not neo4j_store.has_release(seed.release_id)
    assert neo4j_store.has_release(other.release_id)
    assert (neo4j_store.count_nodes(), neo4j_store.count_edges()) == other.counts
    states = neo4j_store.run("MATCH (s:State) RETURN s.code AS c, s.refs AS refs ORDER BY c")
    # KZ, NL and AM were the seed's too: now only the other release supports them
    assert states == [{"c": c, "refs": 1} for c in ["AM", "CN", "KZ", "NL"]]
    assert count_violations(neo4j_store) == []


def test_every_message_stays_under_falkordbs_bolt_limit(neo4j_store):
    batch = seed_batch()
    plan = neo4j_store.write_plan(batch, replace=True)
    sizes = [message_bytes(cypher, params) for cypher, params in plan]
    assert max(sizes) <= 3000
    # the release text (12 KB of UTF-8) went in pieces, and arrives whole
    neo4j_store.write(batch)
    release = batch.nodes[("Release", batch.release_id)]
    rows = neo4j_store.run("MATCH (r:Release) RETURN r.text AS text, r.title AS title")
    assert rows == [{"text": release.text, "title": release.title}]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(st.text(min_size=1, max_size=400), min_size=1, max_size=60, unique=True),
    title=st.text(max_size=1200),
)
def test_batches_of_any_shape_are_split_under_the_message_limit(neo4j_store, names, title):
    b = GraphBatch()
    kz = b.add_node(State(code="KZ", name_ru="Казахстан"))
    refs = [
        b.add_node(Official(id=official_id("KZ", n), name=n, title=title or None, state="KZ"))
        for n in names
    ]
    for i, ref in enumerate(refs):
        b.add_edge("REPRESENTS", ref, kz)
        b.add_edge("MET", ref, refs[i - 1], event_id=f"event:{i}", sentence=title[:300])
    plan = neo4j_store.write_plan(b)  # raises if any statement were over the limit
    assert max(message_bytes(c, p) for c, p in plan) <= 3000
    written = sum(len(p["rows"]) for c, p in plan if "rows" in p)
    assert written == len(b.nodes) + len(b.edges)


def test_falkordb_gets_indexes_on_every_key_but_no_constraint_over_bolt(neo4j_store):
    neo4j_store.ensure_schema()
    rows = neo4j_store.run("CALL db.indexes() YIELD label, properties")
    have = {(r["label"], p) for r in rows for p in r["properties"]}
    assert ("Official", "id") in have and ("State", "code") in have and ("MET", "date") in have
    assert neo4j_store.run("CALL db.constraints() YIELD label RETURN count(*) AS n") == [{"n": 0}]


def test_a_query_too_large_for_the_server_is_refused_before_it_is_sent(neo4j_store):
    with pytest.raises(QueryError, match="3000 bytes"):
        neo4j_store.run("RETURN size($s) AS n", {"s": "x" * 5000})
    assert neo4j_store.run("RETURN 1 AS alive") == [{"alive": 1}]  # the server survived


# -- reading ----------------------------------------------------------------------------


def test_a_read_only_run_refuses_a_write(neo4j_store):
    with pytest.raises(WriteRefused, match="--write"):
        neo4j_store.run("CREATE (:State {code: 'XX'})")
    with pytest.raises(WriteRefused):
        neo4j_store.run("MATCH (s:State) SET s.flag = true")
    assert neo4j_store.count_nodes() == 0
    # words inside strings, property names and map keys are not clauses
    rows = neo4j_store.run("RETURN 'CREATE (n)' AS text, {set: 1} AS m")
    assert rows == [{"text": "CREATE (n)", "m": {"set": 1}}]
    neo4j_store.run("CREATE (:State {code: 'XX'})", write=True)
    assert neo4j_store.count_nodes() == 1


def test_a_syntax_error_is_a_query_error(neo4j_store):
    with pytest.raises(QueryError) as info:
        neo4j_store.run("MATCH (n RETURN n")
    assert not isinstance(info.value, WriteRefused)


QUERIES = {
    "counts": (
        "MATCH (s:State {code: $a})-[c:CONSULTED]->(t:State) "
        "RETURN t.code AS partner, count(c) AS n, collect(c.format) AS formats",
        {"a": "KZ"},
    ),
    "officials": (
        "MATCH (o:Official)-[:REPRESENTS]->(s:State) "
        "RETURN o {.name, .title, .state} AS official, s.name_en AS state ORDER BY o.name",
        {},
    ),
    "accredited": (
        "MATCH (o:Official)-[a:ACCREDITED]->(s:State) "
        "RETURN o.name AS ambassador, s.code AS host, a.kind AS kind, a.start AS start, "
        "a.end AS end, a.date AS date",
        {},
    ),
    "events": (
        "MATCH (r:Release)-[:REPORTS]->(e:Event) "
        "RETURN e.type AS type, e.parties AS parties, e.confidence AS confidence, "
        "e.date_precision AS precision, size(r.text) AS text_chars ORDER BY type, e.start",
        {},
    ),
    "met": (
        "MATCH (a:Official)-[m:MET]->(b:Official) "
        "RETURN [a.name, b.name] AS pair, {date: m.date, sentence: m.sentence} AS evidence",
        {},
    ),
    "missing": ("MATCH (s:State {code: 'ZZ'}) RETURN s.code AS c", {}),
}


def test_rows_equal_the_embedded_stores_for_the_same_batch(neo4j_store, store):
    batch = seed_batch()
    neo4j_store.write(batch)
    store.write(seed_batch())
    for name, (cypher, params) in QUERIES.items():
        assert neo4j_store.run(cypher, params) == store.run(cypher, params), name
    assert (neo4j_store.count_nodes(), neo4j_store.count_edges()) == (
        store.count_nodes(),
        store.count_edges(),
    )


# -- the Neo4j DDL, checked by Neo4j's own parser ----------------------------------------


@pytest.mark.linter
def test_the_neo4j_schema_ddl_passes_neo4js_linter():
    from cypher_lint import errors, lint, require_linter

    require_linter()
    ddl = schema_statements()
    assert len(ddl) == 6 + 5 + 8  # 6 uniqueness constraints, 5 node and 8 edge indexes
    assert not errors(lint({f"ddl{i}": text for i, text in enumerate(ddl)}))


# -- faults -----------------------------------------------------------------------------


@pytest.fixture
def own_server(tmp_path):
    """A Bolt server of its own, to stop and restart without disturbing the session's."""
    server = BoltServer(tmp_path).start()
    yield server
    server.stop()


def test_a_refused_connection_names_the_uri_and_how_to_start_neo4j(tmp_path):
    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as info:
        Neo4jStore(StoreSettings(backend="neo4j", neo4j_uri=uri, retries=2))
    message = str(info.value)
    assert uri in message
    assert "docker compose up -d" in message and "NEO4J_URI" in message
    assert "gave up after 3 attempts" in message
    assert time.monotonic() - started >= 0.25 + 0.5  # backed off between attempts


def test_wrong_credentials_are_an_auth_error_naming_the_user(own_server):
    # FalkorDB's Bolt endpoint does check credentials: a password is refused by a server
    # that has none (Security.Unauthorized, surfaced by the driver as "unknown error")
    settings = StoreSettings(
        backend="neo4j", neo4j_uri=own_server.uri, neo4j_user="analyst", neo4j_password="wrong"
    )
    with pytest.raises(StoreAuthError) as info:
        FalkorBoltStore(settings)
    assert "'analyst'" in str(info.value) and "NEO4J_PASSWORD" in str(info.value)


@pytest.mark.slow  # waits out the retry back-off by design
def test_a_server_that_comes_back_within_the_retry_window_gets_the_write(own_server):
    s = FalkorBoltStore(StoreSettings(backend="neo4j", neo4j_uri=own_server.uri, retries=4))
    own_server.stop()
    threading.Timer(0.6, own_server.start).start()
    started = time.monotonic()
    batch = seed_batch({"KZ", "NL"})
    s.write(batch)  # refused, backs off 0.25 s, 0.5 s, ... while the server restarts
    assert time.monotonic() - started >= 0.5
    assert s.has_release(batch.release_id)
    assert (s.count_nodes(), s.count_edges()) == batch.counts
    s.close()


@pytest.mark.slow  # waits out the retry back-off by design
def test_a_server_that_stays_down_gives_a_clear_error_after_the_retries(own_server):
    s = FalkorBoltStore(StoreSettings(backend="neo4j", neo4j_uri=own_server.uri, retries=2))
    own_server.stop()
    with pytest.raises(StoreUnavailable) as info:
        s.run("RETURN 1 AS x")
    assert own_server.uri in str(info.value)
    assert "gave up after 3 attempts" in str(info.value)
    s.close()


def test_closing_a_store_does_not_stall_the_next_client(own_server):
    # a Bolt GOODBYE makes FalkorDB hang the next handshake; the store closes without one
    settings = StoreSettings(backend="neo4j", neo4j_uri=own_server.uri)
    for _ in range(3):
        started = time.monotonic()
        s = FalkorBoltStore(settings)
        assert s.run("RETURN 1 AS x") == [{"x": 1}]
        s.close()
        assert time.monotonic() - started < 5
