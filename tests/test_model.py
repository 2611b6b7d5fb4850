"""The graph model: deterministic ids and a batch that deduplicates on merge keys."""

from __future__ import annotations

import pytest

from dipgraph.graph.model import (
    Event,
    GraphBatch,
    NodeRef,
    Official,
    Release,
    State,
    event_id,
    official_id,
    release_id,
    venue_id,
)


def test_release_id_is_the_hash_of_normalized_text():
    text = "Астана. 3 марта. KAZAKHSTAN TODAY - Текст.\r\n  Вторая строка.  "
    assert release_id(text) == release_id(
        "Астана. 3 марта. KAZAKHSTAN TODAY - Текст.\nВторая строка."
    )
    assert len(release_id(text)) == 64
    assert release_id(text) != release_id(text + " Ещё.")
    assert Release.from_text(text).id == release_id(text)


def test_official_id_ignores_case_yo_and_spacing_but_not_state():
    a = official_id("KZ", "Алибек Бакаев")
    assert a == official_id("kz", "алибек  бакаев")
    assert official_id("KZ", "Хелене Санд Андресен") == official_id("KZ", "Хелене Санд  Андресен")
    assert official_id("RU", "Алибек Бакаев") != a
    assert official_id("KZ", "Пётр Иванов") == official_id("KZ", "Петр Иванов")
    assert a.startswith("official:kz:")


def test_event_id_is_independent_of_actor_order():
    r = release_id("text")
    assert event_id(r, "MET", ["b", "a"], (1, 9)) == event_id(r, "MET", ["a", "b"], (1, 9))
    assert event_id(r, "MET", ["a", "b"], (1, 9)) != event_id(r, "MET", ["a", "b"], (1, 10))
    assert event_id(r, "MET", ["a", "b"], (1, 9)) != event_id(r, "HOSTED", ["a", "b"], (1, 9))


def test_venue_id_depends_on_name_and_state():
    assert venue_id("Казань", "RU") == venue_id("казань", "ru")
    assert venue_id("Казань", "RU") != venue_id("Казань", "KZ")


def test_a_batch_merges_nodes_on_their_key_and_keeps_aliases():
    batch = GraphBatch()
    oid = official_id("KZ", "Алибек Бакаев")
    batch.add_node(Official(oid, "Алибек Бакаев", state="KZ"))
    batch.add_node(Official(oid, "Алибек Бакаев", aliases=["Бакаев"], title="замглавы МИД"))
    batch.add_node(State("KZ"))
    batch.add_node(State("KZ", "Казахстан"))
    assert batch.counts == (2, 0)
    official = batch.nodes[("Official", oid)]
    assert official.aliases == ["Бакаев"]
    assert official.title == "замглавы МИД"


def test_a_batch_keeps_one_contact_edge_per_event():
    batch = GraphBatch()
    kz, nl = NodeRef("State", "KZ"), NodeRef("State", "NL")
    batch.add_edge("CONSULTED", kz, nl, event_id="e1", release_id="r")
    batch.add_edge("CONSULTED", kz, nl, event_id="e1", release_id="r")
    batch.add_edge("CONSULTED", kz, nl, event_id="e2", release_id="r")
    batch.add_edge("REPRESENTS", NodeRef("Official", "o"), kz)
    batch.add_edge("REPRESENTS", NodeRef("Official", "o"), kz)
    assert batch.counts == (0, 3)
    assert set(batch.edges_by_shape()) == {
        ("CONSULTED", "State", "State"),
        ("REPRESENTS", "Official", "State"),
    }


def test_unknown_edge_types_are_refused():
    with pytest.raises(ValueError, match="unknown edge type"):
        GraphBatch().add_edge("LIKES", NodeRef("State", "KZ"), NodeRef("State", "NL"))


def test_node_properties_skip_missing_values():
    ev = Event("event:1", "MET", "r", parties=["AM", "KZ"])
    props = ev.properties()
    assert props["parties"] == ["AM", "KZ"]
    assert "date" not in props and "format" not in props
