"""One graph across languages: the same official written in Cyrillic or Latin (any
romanization) is one Official node; the same contact reported by a Russian and an English
release (same day, type and parties) is one Event carrying both releases' evidence; each
release can be retracted alone."""

from __future__ import annotations

from dipgraph.graph.model import name_key, official_id
from dipgraph.loaders.extract import extract
from dipgraph.loaders.mapping import to_batch
from dipgraph.loaders.sources import read_text
from dipgraph.queries import QueryPack

RU = (
    "Астана. 3 марта 2025 года. - Заместитель министра иностранных дел Казахстана Роман "
    "Василенко встретился с послом Норвегии Торе Недребо."
)
EN = (
    "ASTANA, March 3, 2025 – Deputy Foreign Minister of Kazakhstan Roman Vassilenko met "
    "with the Ambassador of Norway Tore Nedrebo."
)


def test_one_name_key_for_scripts_and_romanizations():
    same = [
        ("Roman Vassilenko", "Роман Василенко", "Vasilenko Roman"),
        ("Bakhtiyor Saidov", "Бахтиёр Саидов"),
        ("Jeyhun Bayramov", "Джейхун Байрамов"),
        ("Kassym-Jomart Tokayev", "Қасым-Жомарт Тоқаев"),
        ("Yerzhan Ashikbayev", "Ержан Ашикбаев"),
        ("Sergey Lavrov", "Сергей Лавров", "Sergei Lavrov"),
        ("Mevlüt Çavuşoğlu", "Мевлют Чавушоглу"),
        ("Carlos Mendes", "Карлос Мендес"),
        ("Caspar Veldkamp", "Каспар Велдкамп"),
    ]
    for names in same:
        assert len({name_key(n) for n in names}) == 1, names
    assert name_key("Roman Vassilenko") != name_key("Roman Vasilevsky")
    assert official_id("KZ", "Роман Василенко") == official_id("KZ", "Roman Vassilenko")


def releases():
    ru, en = read_text(RU), read_text(EN)
    assert (ru.language, en.language) == ("ru", "en")
    return extract(ru), extract(en)


def test_the_same_meeting_in_two_languages_is_one_event_with_two_evidences(store):
    x_ru, x_en = releases()
    (ev_ru,) = x_ru.events
    (ev_en,) = x_en.events
    assert (ev_ru.type, ev_ru.date, ev_ru.parties) == ("MET", "2025-03-03", ["KZ", "NO"])
    assert ev_en.event_id == ev_ru.event_id
    assert {p.id for p in ev_en.participants} == {p.id for p in ev_ru.participants}

    store.write(to_batch(x_ru))
    store.write(to_batch(x_en))
    events = store.run("MATCH (e:Event) RETURN e.id AS id, e.sources AS sources")
    assert [e["id"] for e in events] == [ev_ru.event_id]
    assert sorted(events[0]["sources"]) == sorted([x_ru.release.id, x_en.release.id])
    officials = store.run(
        "MATCH (o:Official) RETURN o.name AS name, o.aliases AS aliases ORDER BY o.id"
    )
    assert len(officials) == 2
    assert any(o["aliases"] for o in officials)  # the other script's spelling is kept
    met = store.run(
        "MATCH (:Official)-[r:MET]->(:Official) "
        "RETURN r.release_id AS release, r.sentence AS sentence ORDER BY r.sentence"
    )
    assert [m["release"] for m in met] == [x_en.release.id, x_ru.release.id]
    assert "met" in met[0]["sentence"] and "встретился" in met[1]["sentence"]
    # told twice, met once
    (row,) = QueryPack.builtin().run(store, "officials_met", {"a": "KZ", "b": "NO"}).rows
    assert row["meetings"] == 1

    store.retract(x_ru.release.id)  # the English release still reports it
    left = store.run("MATCH (e:Event) RETURN e.release_id AS release, e.sources AS sources")
    assert left == [{"release": x_en.release.id, "sources": [x_en.release.id]}]
    assert len(store.run("MATCH ()-[r:MET]->() RETURN r.release_id AS r")) == 1
    store.retract(x_en.release.id)
    assert store.run("MATCH (e:Event) RETURN e.id AS id") == []
    assert store.run("MATCH (o:Official) RETURN o.id AS id") == []


def test_names_in_the_chosen_language_for_queries_viz_and_export(store, tmp_path):
    from click.testing import CliRunner

    from dipgraph.cli import cli
    from dipgraph.graph.snapshot import GraphSnapshot
    from dipgraph.queries import localize

    x_ru, x_en = releases()
    store.write(to_batch(x_ru))
    store.write(to_batch(x_en))
    pack = QueryPack.builtin()
    result = pack.run(store, "officials_met", {"a": "KZ", "b": "NO"})
    (ru,) = localize(store, result, "ru").rows
    (en,) = localize(store, result, "en").rows
    assert {ru["official_a"], ru["official_b"]} == {"Роман Василенко", "Торе Недребо"}
    assert en["official_a"] == "Roman Vassilenko" and en["official_b"] == "Tore Nedrebo"

    snap = GraphSnapshot.from_store(store)
    path = tmp_path / "graph.json"
    snap.to_json(path)
    for lang, kazakhstan, norway in (
        ("ru", "Казахстан", "Норвегия"),
        ("en", "Kazakhstan", "Norway"),
    ):
        out = tmp_path / f"graph.{lang}.gexf"
        args = ["export", "--from-json", str(path), "--format", "gexf", "-o", str(out)]
        res = CliRunner().invoke(cli, [*args, "--lang", lang])
        assert res.exit_code == 0, res.output
        text = out.read_text("utf-8")
        assert kazakhstan in text and norway in text
    names = {
        n.properties.get("code"): n.properties["name"]
        for n in GraphSnapshot.from_store(store).localize("ru").nodes
        if n.label == "State"
    }
    assert names == {"KZ": "Казахстан", "NO": "Норвегия"}
