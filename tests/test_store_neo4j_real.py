"""The neo4j store against a real Neo4j 5 (`docker compose up -d`), when NEO4J_URI is set.

What FalkorDB's Bolt endpoint cannot show: the uniqueness constraints, one transaction per
release write that really rolls back, and Neo4j's own error classes (AuthError, access
mode, syntax). No Neo4j can be installed on the development machines, so these tests are
skipped there, with a reason; they are the only allowed skips.

The tests delete every node of the database they use. They refuse to run on a database
that already holds data unless DIPGRAPH_TEST_NEO4J_CLEAR=1.
"""

from __future__ import annotations

import os

import pytest
from test_store_neo4j import seed_batch

from dipgraph.config import load_settings
from dipgraph.graph import statements
from dipgraph.graph.store import (
    QueryError,
    StoreAuthError,
    StoreError,
    WriteRefused,
)
from dipgraph.graph.stores.neo4j import Neo4jStore

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="no Neo4j here: set NEO4J_URI (and NEO4J_PASSWORD) to a Neo4j 5, e.g. "
    "`docker compose up -d`, to run these",
)


@pytest.fixture(scope="module")
def real_store():
    settings = load_settings(store="neo4j")
    s = Neo4jStore(settings)
    if s.count_nodes() and os.environ.get("DIPGRAPH_TEST_NEO4J_CLEAR") != "1":
        s.close()
        pytest.skip(
            f"{settings.neo4j_uri} holds data; set DIPGRAPH_TEST_NEO4J_CLEAR=1 to let the "
            "tests delete it"
        )
    yield s
    s.clear()
    s.close()


@pytest.fixture
def neo(real_store):
    real_store.clear()
    return real_store


def test_it_is_recognised_as_neo4j(neo):
    assert neo.dialect == "neo4j"


def test_the_schema_is_in_place_before_the_first_merge(neo):
    neo.ensure_schema()
    rows = neo.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type")
    unique = {(r["labelsOrTypes"][0], r["properties"][0]) for r in rows if "UNIQUE" in r["type"]}
    assert set(statements.SCHEMA_UNIQUE) <= unique
    indexes = neo.run("SHOW INDEXES YIELD labelsOrTypes, properties")
    have = {(r["labelsOrTypes"][0], r["properties"][0]) for r in indexes if r["labelsOrTypes"]}
    assert set(statements.SCHEMA_EDGE_INDEXES + statements.SCHEMA_NODE_INDEXES) <= have


def test_a_second_node_with_the_same_key_is_refused(neo):
    neo.ensure_schema()
    neo.run("CREATE (:State {code: 'KZ'})", write=True)
    with pytest.raises(QueryError, match="ConstraintValidationFailed|already exists"):
        neo.run("CREATE (:State {code: 'KZ'})", write=True)


def test_write_twice_replace_and_retract(neo):
    batch = seed_batch()
    neo.write(batch)
    neo.write(seed_batch())
    assert (neo.count_nodes(), neo.count_edges()) == batch.counts
    smaller = seed_batch(events=("NL",))
    neo.write(smaller, replace=True)
    assert (neo.count_nodes(), neo.count_edges()) == smaller.counts
    neo.retract(smaller.release_id)
    assert not neo.has_release(smaller.release_id)
    assert neo.count_nodes() == 0


def test_a_failed_release_write_leaves_nothing_behind(neo):
    batch = seed_batch()
    plan = neo.write_plan(batch)
    plan.insert(len(plan) - 1, ("MATCH (n RETURN n", {}))  # fails just before mark_complete
    with pytest.raises(StoreError):
        neo._retry(lambda: neo._execute_write(plan))
    assert neo.count_nodes() == 0  # the whole transaction rolled back


def test_read_mode_is_enforced_by_the_server(neo):
    with pytest.raises(WriteRefused):
        neo.run("CREATE (:State {code: 'XX'})")
    assert neo.count_nodes() == 0


def test_a_syntax_error_is_a_query_error(neo):
    with pytest.raises(QueryError, match="SyntaxError"):
        neo.run("MATCH (n RETURN n")


def test_a_wrong_password_names_the_user_and_the_variable():
    settings = load_settings(store="neo4j", neo4j_password="certainly-not-the-password")
    with pytest.raises(StoreAuthError) as info:
        Neo4jStore(settings)
    assert repr(settings.neo4j_user) in str(info.value)
    assert "NEO4J_PASSWORD" in str(info.value)
