"""Extraction records -> graph: the card's four contact edges, each with its evidence.

The records here are the gold events of the seed release (tests/data/corpus/gold), so the
mapping is specified on real annotations, independent of the extractor's quality.
"""

from __future__ import annotations

import json

import pytest
from conftest import SEED_GOLD, SEED_RELEASE

from dipgraph.graph.model import Release, event_id, official_id
from dipgraph.loaders.mapping import to_batch
from dipgraph.loaders.records import EventRecord, Extraction, OfficialRecord


@pytest.fixture(scope="module")
def seed_extraction() -> Extraction:
    text = SEED_RELEASE.read_text(encoding="utf-8")
    release = Release.from_text(text, source_uri=str(SEED_RELEASE))
    events = []
    for line in SEED_GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        start = release.text.find(gold["cue"])
        end = release.text.find(".", start) + 1
        participants = [
            {**p, "id": official_id(p["state"], p["name"])} for p in gold["participants"]
        ]
        actors = gold["parties"] + [p["id"] for p in participants]
        events.append(
            EventRecord.from_json(
                {
                    **gold,
                    "participants": participants,
                    "release": release.id,
                    "source": str(SEED_RELEASE),
                    "event_id": event_id(release.id, gold["type"], actors, (start, end)),
                    "evidence": {"sentence": release.text[start:end], "start": start, "end": end},
                    "confidence": 1.0,
                }
            )
        )
    bakaev = OfficialRecord(
        release=release.id,
        source=str(SEED_RELEASE),
        id=official_id("KZ", "Алибек Бакаев"),
        name="Алибек Бакаев",
        state="KZ",
        role="заместитель министра иностранных дел",
        organization="МИД Республики Казахстан",
        aliases=["Бакаев"],
        evidence=events[0].evidence,
    )
    return Extraction(release=release, events=events, officials=[bakaev])


def edges_of(batch, type_):
    return [e for e in batch.edges.values() if e.type == type_]


def test_every_contact_edge_carries_event_date_release_and_evidence(seed_extraction):
    batch = to_batch(seed_extraction)
    contacts = [
        e for e in batch.edges.values() if e.type in ("MET", "ACCREDITED", "CONSULTED", "HOSTED")
    ]
    assert contacts
    text = seed_extraction.release.text
    for edge in contacts:
        p = edge.properties
        assert p["release_id"] == seed_extraction.release.id
        assert p["event_id"].startswith("event:")
        assert text[p["start"] : p["end"]] == p["sentence"]


def test_consultations_link_the_parties(seed_extraction):
    consulted = edges_of(to_batch(seed_extraction), "CONSULTED")
    pairs = {(e.source.key, e.target.key, e.properties.get("format")) for e in consulted}
    assert ("KZ", "NL", "political_consultations") in pairs
    assert ("KZ", "RU", "exchange_of_views") in pairs
    # an IGO party is an Organization keyed by its code
    assert ("org:eu", "KZ", "negotiations") in {
        (e.source.key, e.target.key, e.properties.get("format")) for e in consulted
    } or ("KZ", "org:eu", "negotiations") in pairs


def test_a_meeting_links_the_two_officials(seed_extraction):
    met = edges_of(to_batch(seed_extraction), "MET")
    assert len(met) == 1
    ends = {met[0].source.key, met[0].target.key}
    assert ends == {official_id("KZ", "Болат Иманбаев"), official_id("AM", "Амбарцум Матевосян")}


def test_credentials_go_from_the_ambassador_to_the_host_state(seed_extraction):
    (acc,) = edges_of(to_batch(seed_extraction), "ACCREDITED")
    assert acc.source.key == official_id("NO", "Хелене Санд Андресен")
    assert acc.target.key == "KZ"
    assert acc.properties["received_by"] == "Арман Исетов"
    assert acc.properties["kind"] == "credentials"


def test_hosted_events_go_from_host_to_venue(seed_extraction):
    batch = to_batch(seed_extraction)
    hosted = edges_of(batch, "HOSTED")
    assert len(hosted) == 5  # one per gold HOSTED event
    kazan = [e for e in hosted if batch.nodes[("Venue", e.target.key)].name == "Казань"]
    assert len(kazan) == 1
    assert batch.nodes[("Organization", kazan[0].source.key)].kind == "consulate"


def test_structure_officials_represent_states_and_ambassadors_are_posted(seed_extraction):
    batch = to_batch(seed_extraction)
    imanbaev = official_id("KZ", "Болат Иманбаев")
    represents = {(e.source.key, e.target.key) for e in edges_of(batch, "REPRESENTS")}
    posted = {(e.source.key, e.target.key) for e in edges_of(batch, "POSTED_IN")}
    assert (imanbaev, "KZ") in represents
    assert (imanbaev, "AM") in posted
    member = edges_of(batch, "MEMBER_OF")
    assert any(e.source.key == official_id("KZ", "Алибек Бакаев") for e in member)


def test_the_release_reports_each_event_once(seed_extraction):
    batch = to_batch(seed_extraction)
    reports = edges_of(batch, "REPORTS")
    assert len(reports) == len(seed_extraction.events) == 10
    assert len({e.target.key for e in reports}) == 10


def test_mapping_is_deterministic(seed_extraction):
    a, b = to_batch(seed_extraction), to_batch(seed_extraction)
    assert set(a.nodes) == set(b.nodes)
    assert set(a.edges) == set(b.edges)


def test_officials_carry_a_latin_transliteration(seed_extraction):
    batch = to_batch(seed_extraction)
    imanbaev = batch.nodes[("Official", official_id("KZ", "Болат Иманбаев"))]
    assert imanbaev.latin == "Bolat Imanbaev"
    andresen = batch.nodes[("Official", official_id("NO", "Хелене Санд Андресен"))]
    assert andresen.latin == "Khelene Sand Andresen"


def test_transliteration_follows_icao_and_keeps_hyphens():
    from dipgraph.loaders.lang.ru.translit import to_latin

    assert to_latin("Касым-Жомарт Токаев") == "Kasym-Zhomart Tokaev"
    assert to_latin("Щукин Юрий") == "Shchukin Iurii"
    assert to_latin("Ханс ван дер Берг") == "Khans van der Berg"
    assert to_latin("Lee Min") == "Lee Min"


def test_events_record_the_extractor_version():
    from dipgraph.graph.model import Event
    from dipgraph.loaders.extract import EXTRACTOR_VERSION, extract

    release = Release.from_text(SEED_RELEASE.read_text(encoding="utf-8"))
    batch = to_batch(extract(release))
    events = [n for n in batch.nodes.values() if isinstance(n, Event)]
    assert events and {e.extractor_version for e in events} == {EXTRACTOR_VERSION}


def test_an_event_past_the_contact_edge_bound_is_reported_and_left_out():
    """The mapping's own bound, behind the extractor's per-sentence one: a MET of 25
    people would be 300 pairwise edges, each carrying the sentence."""
    from dipgraph.graph.model import Evidence
    from dipgraph.loaders.mapping import MAX_CONTACT_EDGES
    from dipgraph.loaders.records import Participant

    release = Release.from_text("Двадцать пять человек встретились.", source_uri="many.txt")
    people = [Participant(id=official_id("KZ", f"Имя{i} Фамилия{i}"), name=f"Имя{i} Фамилия{i}",
                          state="KZ") for i in range(25)]  # fmt: skip
    big = EventRecord(release=release.id, source="many.txt", event_id="e-big", type="MET",
                      evidence=Evidence(release.text, 0, len(release.text)),
                      parties=["KZ"], participants=people)  # fmt: skip
    assert 25 * 24 // 2 > MAX_CONTACT_EDGES
    extraction = Extraction(release=release, events=[big])
    batch = to_batch(extraction)
    assert not [e for e in batch.edges.values() if e.type == "MET"]
    assert any("contact edges (limit" in w for w in extraction.warnings)
