"""A graph written before shared nodes counted their releases (a list of release ids,
`sources`, on every shared node and structural edge; nothing held on the Release) is
converted when a writer opens it: the same graph as one written now, whose retractions
take back exactly what each release supported. On the embedded store and on the neo4j
store (over FalkorDB's Bolt endpoint)."""

from __future__ import annotations

import collections

import pytest
from fixture_graph import fixture_batches
from reliability_support import count_violations
from reliability_support import graph_content as content

from dipgraph.graph.model import NODE_KEYS
from dipgraph.graph.statements import HELD_SHAPES, upgrade_statements


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.bolt)])
def any_store(request):
    return request.getfixturevalue("store" if request.param == "embedded" else "neo4j_store")


def make_legacy(store) -> int:
    """Rewrite the graph as the earlier statements left it; the number of items changed."""
    sources: dict[tuple, list[str]] = collections.defaultdict(list)
    for row in store.run("MATCH (c:Release) RETURN c.id AS id"):
        held = store.held_properties(row["id"])
        for name, values in held.items():
            shape = HELD_SHAPES.get(name)
            if shape == ("Event",) or shape is None:
                pass
            elif len(shape) == 1:
                for key in values:
                    sources[(shape[0], key)].append(row["id"])
            else:
                for a, b in zip(values, held[f"{name}_to"], strict=True):
                    sources[(shape, a, b)].append(row["id"])
            store.run(f"MATCH (c:Release {{id: $id}}) SET c.{name} = null", row, write=True)
    for item, releases in sources.items():
        params = {"releases": releases, "a": item[1], "b": item[-1]}
        if len(item) == 2:
            label = item[0]
            match = f"MATCH (x:{label} {{{NODE_KEYS[label]}: $a}})"
        else:
            (type_, src, dst), _, _ = item
            match = (
                f"MATCH (:{src} {{{NODE_KEYS[src]}: $a}})-[x:{type_}]->"
                f"(:{dst} {{{NODE_KEYS[dst]}: $b}})"
            )
        store.run(match + " SET x.sources = $releases, x.refs = null", params, write=True)
    return len(sources)


def reopened(store):
    """The same store as a writer opening it anew sees it."""
    store._schema_checked = False
    store.ensure_schema()
    return store


def write_all(store) -> list:
    """The fixture graph's releases (one batch per release), written one by one."""
    batches = list({b.release_id: b for b in fixture_batches()}.values())
    for batch in batches:
        store.write(batch)
    return batches


def test_a_legacy_graph_becomes_the_graph_written_now(any_store):
    write_all(any_store)
    written_now = content(any_store)
    assert make_legacy(any_store) > 10
    legacy = content(any_store)
    assert legacy != written_now
    assert "sources" in repr(legacy[0]) and "refs" not in repr(legacy[0])

    assert reopened(any_store).upgrade_legacy_counts() is False  # converted on opening
    assert content(any_store) == written_now
    assert count_violations(any_store) == []


def test_retracting_after_the_upgrade_takes_back_exactly_one_release(any_store):
    batches = write_all(any_store)
    gone, kept = batches[0], batches[1:]
    any_store.retract(gone.release_id)
    expected = content(any_store)
    any_store.clear()

    write_all(any_store)
    make_legacy(any_store)
    reopened(any_store).retract(gone.release_id)
    assert content(any_store) == expected
    assert count_violations(any_store) == []
    assert all(any_store.has_release(b.release_id) for b in kept)


def test_an_upgrade_cut_short_completes_when_run_again(store):
    write_all(store)
    written_now = content(store)
    make_legacy(store)
    statements = upgrade_statements()
    for cut in (len(statements) - 3, 2):  # inside the counts, inside the held lists
        for statement in statements[:cut]:
            store.run(statement, write=True)
        assert store.upgrade_legacy_counts() is True
        assert content(store) == written_now
        make_legacy(store)
