"""Every pack query on a real embedded FalkorDB against the fixture graph, with exact rows.

The expected rows are worked out from tests/fixture_graph.py (its docstring lists the
meeting chains). Ids and sentences are looked up in the fixture's input, not in the store.
"""

from __future__ import annotations

import uuid

import pytest
from fixture_graph import (
    ANDRESEN,
    BAKAEV,
    IMANBAEV,
    ISETOV,
    MATEVOSYAN,
    TEMIROV,
    VAN_DIJK,
    ZHANG,
    fixture_batches,
    write_fixture,
)

from dipgraph.graph.model import Event, Release
from dipgraph.graph.store import StoreSettings
from dipgraph.graph.stores.embedded import EmbeddedStore
from dipgraph.queries import (
    PackError,
    ParamError,
    QueryPack,
    UnknownOfficial,
    UnknownQuery,
    UnknownState,
    parse_pack,
)

PACK = QueryPack.builtin()
BATCHES = fixture_batches()
EVENTS: list[Event] = [n for b in BATCHES for n in b.nodes.values() if isinstance(n, Event)]
RELEASES: dict[str, Release] = {
    n.published: n for b in BATCHES for n in b.nodes.values() if isinstance(n, Release)
}
R24, R25, R26S, R26A = (RELEASES[d].id for d in sorted(RELEASES))  # 2024, 2025, seed, April


def ev(date: str, type_: str, *parties: str) -> Event:
    """The one fixture event of that date, type and parties."""
    found = [
        e
        for e in EVENTS
        if e.date == date and e.type == type_ and sorted(parties) == sorted(e.parties)
    ]
    assert len(found) == 1, (date, type_, parties, found)
    return found[0]


@pytest.fixture(scope="module")
def graph(embedded_server):
    store = EmbeddedStore(
        StoreSettings(data_dir=embedded_server.data_dir, graph_name=f"q_{uuid.uuid4().hex[:8]}")
    )
    write_fixture(store)
    yield store
    store.clear()
    store.close()


def rows(graph, name: str, **params) -> list[tuple]:
    return PACK.run(graph, name, params).tuples()


# -- the pack itself -----------------------------------------------------------------------


def test_pack_has_the_documented_queries():
    assert len(PACK) >= 14
    for query in PACK:
        assert query.description, query.name
        assert "RETURN" in query.cypher
    assert PACK.get("bilateral_contacts").signature() == (
        "a (state code), b (state code), from (date, optional), to (date, optional)"
    )


def test_every_query_is_covered_here():
    covered = {name[len("test_q_") :] for name in globals() if name.startswith("test_q_")}
    assert covered == set(PACK.names())


# -- bilateral ---------------------------------------------------------------------------


def test_q_bilateral_counts(graph):
    assert rows(graph, "bilateral_counts", a="KZ", b="NL") == [
        ("ACCREDITED", 1, "2025-02-20", "2025-02-20"),
        ("CONSULTED", 2, "2024-05-14", "2026-03-03"),
        ("HOSTED", 1, "2025-02-20", "2025-02-20"),
        ("MET", 2, "2025-02-20", "2026-04-15"),
    ]
    # the same from the other side, and a date range
    assert rows(graph, "bilateral_counts", a="NL", b="KZ", **{"from": "2026-01-01"}) == [
        ("CONSULTED", 1, "2026-03-03", "2026-03-03"),
        ("MET", 1, "2026-04-15", "2026-04-15"),
    ]
    assert rows(graph, "bilateral_counts", a="KZ", b="NL", to="2024-12-31") == [
        ("CONSULTED", 1, "2024-05-14", "2024-05-14"),
    ]
    # an IGO as a party
    assert rows(graph, "bilateral_counts", a="EU", b="KZ") == [
        ("CONSULTED", 1, "2026-03-03", "2026-03-03"),
        ("HOSTED", 1, "2026-03-03", "2026-03-03"),
    ]
    assert rows(graph, "bilateral_counts", a="AM", b="NO") == []


def _contact(e: Event) -> tuple:
    return (e.type, e.format, e.date, e.sentence, e.release_id, e.id)


def test_q_bilateral_contacts(graph):
    assert rows(graph, "bilateral_contacts", a="KZ", b="NL") == [
        _contact(ev("2025-02-20", "ACCREDITED", "KZ", "NL")),
        _contact(ev("2024-05-14", "CONSULTED", "KZ", "NL")),
        _contact(ev("2026-03-03", "CONSULTED", "KZ", "NL")),
        _contact(ev("2025-02-20", "HOSTED", "KZ", "NL")),
        _contact(ev("2025-02-20", "MET", "KZ", "NL")),
        _contact(ev("2026-04-15", "MET", "CN", "KZ", "NL")),
    ]
    march = {"from": "2026-03-01", "to": "2026-03-31"}
    seed = rows(graph, "bilateral_contacts", a="KZ", b="NL", **march)
    assert seed == [_contact(ev("2026-03-03", "CONSULTED", "KZ", "NL"))]
    assert seed[0][1] == "political_consultations"
    assert seed[0][3].startswith("Тем временем в Министерстве иностранных дел")
    assert seed[0][4] == R26S


def test_q_bilateral_timeline(graph):
    def line(e: Event, participants: list[str], host, venue) -> tuple:
        return (e.date, e.type, e.format, e.parties, participants, host, venue, e.sentence,
                e.release_id, e.start, e.end, e.id)  # fmt: skip

    embassy = "Посольство Казахстана в Нидерландах"
    assert rows(graph, "bilateral_timeline", a="NL", b="KZ") == [
        line(ev("2024-05-14", "CONSULTED", "KZ", "NL"), [], None, "Гаага"),
        line(ev("2025-02-20", "ACCREDITED", "KZ", "NL"), [TEMIROV.name], None, None),
        line(ev("2025-02-20", "HOSTED", "KZ", "NL"), [], embassy, "Гаага"),
        line(ev("2025-02-20", "MET", "KZ", "NL"), [BAKAEV.name, VAN_DIJK.name], None, None),
        line(
            ev("2026-03-03", "CONSULTED", "KZ", "NL"),
            [],
            "Министерство иностранных дел Республики Казахстан",
            None,
        ),
        line(
            ev("2026-04-15", "MET", "CN", "KZ", "NL"),
            [BAKAEV.name, VAN_DIJK.name, ZHANG.name],
            None,
            None,
        ),
    ]
    # the offsets point into the release text
    seed = RELEASES["2026-03-03"]
    consult = ev("2026-03-03", "CONSULTED", "KZ", "NL")
    assert seed.text[consult.start : consult.end] == consult.sentence


def test_q_contact_provenance(graph):
    met = ev("2026-04-15", "MET", "CN", "KZ", "NL")
    head = (R26A, "МИД Казахстана. Дипломатическая хроника (тестовый выпуск)", "2026-04-15",
            "test://2026-04-15", "MET", "2026-04-15", met.sentence, met.start, met.end)  # fmt: skip
    # three officials met: three MET edges, each stored once (first -> later participant)
    assert rows(graph, "contact_provenance", event=met.id) == [
        (*head, "MET", BAKAEV.name, VAN_DIJK.name),
        (*head, "MET", BAKAEV.name, ZHANG.name),
        (*head, "MET", VAN_DIJK.name, ZHANG.name),
    ]
    acc = ev("2026-03-03", "ACCREDITED", "KZ", "NO")
    assert [r[9:] for r in rows(graph, "contact_provenance", event=acc.id)] == [
        ("ACCREDITED", ANDRESEN.name, "Kazakhstan"),
    ]
    assert rows(graph, "contact_provenance", event="event:0000000000000000") == []


# -- partners ------------------------------------------------------------------------------


def test_q_partners(graph):
    assert rows(graph, "partners", state="KZ") == [
        ("NL", "Netherlands", 6, 2, 1, 2, 1, "2024-05-14", "2026-04-15"),
        ("AM", "Armenia", 2, 2, 0, 0, 0, "2024-05-14", "2026-03-03"),
        ("CN", "China", 2, 1, 0, 1, 0, "2024-05-14", "2026-04-15"),
        ("EU", "European Union", 2, 0, 0, 1, 1, "2026-03-03", "2026-03-03"),
        ("NO", "Norway", 2, 1, 1, 0, 0, "2026-03-03", "2026-04-15"),
        ("UN", "United Nations", 2, 0, 0, 1, 1, "2026-03-03", "2026-04-15"),
        ("DE", "Germany", 1, 0, 0, 0, 1, "2026-03-03", "2026-03-03"),
        ("MK", "North Macedonia", 1, 0, 0, 0, 1, "2026-03-03", "2026-03-03"),
        ("RU", "Russia", 1, 0, 0, 1, 0, "2026-03-03", "2026-03-03"),
    ]
    assert rows(graph, "partners", state="NL", limit="2") == [
        ("KZ", "Kazakhstan", 6, 2, 1, 2, 1, "2024-05-14", "2026-04-15"),
        ("CN", "China", 1, 1, 0, 0, 0, "2026-04-15", "2026-04-15"),
    ]
    assert rows(graph, "partners", state="KZ", to="2024-12-31") == [
        ("AM", "Armenia", 1, 1, 0, 0, 0, "2024-05-14", "2024-05-14"),
        ("CN", "China", 1, 0, 0, 1, 0, "2024-05-14", "2024-05-14"),
        ("NL", "Netherlands", 1, 0, 0, 1, 0, "2024-05-14", "2024-05-14"),
    ]


def test_q_contacts_per_year(graph):
    assert rows(graph, "contacts_per_year", state="KZ") == [
        ("2024", 3, 1, 0, 2, 0),
        ("2025", 3, 1, 1, 0, 1),
        ("2026", 13, 3, 1, 4, 5),
    ]
    assert rows(graph, "contacts_per_year", state="UN") == [("2026", 2, 0, 0, 1, 1)]


def test_q_new_partners(graph):
    def first(code: str, name: str, e: Event, contacts: int) -> tuple:
        return (code, name, e.date, e.type, contacts, e.sentence)

    assert rows(graph, "new_partners", state="KZ", since="2026-01-01") == [
        first("DE", "Germany", ev("2026-03-03", "HOSTED", "DE", "KZ"), 1),
        first("EU", "European Union", ev("2026-03-03", "CONSULTED", "EU", "KZ"), 2),
        first("MK", "North Macedonia", ev("2026-03-03", "HOSTED", "KZ", "MK"), 1),
        first("NO", "Norway", ev("2026-03-03", "ACCREDITED", "KZ", "NO"), 2),
        first("RU", "Russia", ev("2026-03-03", "CONSULTED", "KZ", "RU"), 1),
        first("UN", "United Nations", ev("2026-03-03", "HOSTED", "KZ", "UN"), 2),
    ]
    assert rows(graph, "new_partners", state="KZ", since="2026-04-01") == []
    assert [r[0] for r in rows(graph, "new_partners", state="NL", since="2024-01-01")] == [
        "KZ",
        "CN",
    ]


def test_q_igo_contacts(graph):
    def igo(code: str, name: str, e: Event) -> tuple:
        return (code, name, e.date, e.type, e.format, e.sentence, e.id)

    assert rows(graph, "igo_contacts", state="KZ") == [
        igo("EU", "European Union", ev("2026-03-03", "CONSULTED", "EU", "KZ")),
        igo("EU", "European Union", ev("2026-03-03", "HOSTED", "EU", "KZ")),
        igo("UN", "United Nations", ev("2026-03-03", "HOSTED", "KZ", "UN")),
        igo("UN", "United Nations", ev("2026-04-15", "CONSULTED", "KZ", "UN")),
    ]
    assert rows(graph, "igo_contacts", state="KZ", **{"from": "2026-04-01"}) == [
        igo("UN", "United Nations", ev("2026-04-15", "CONSULTED", "KZ", "UN")),
    ]
    assert rows(graph, "igo_contacts", state="NL") == []


# -- officials -----------------------------------------------------------------------------


def test_q_officials_met(graph):
    deputy = "заместитель министра иностранных дел"
    assert rows(graph, "officials_met", a="KZ", b="NL") == [
        (BAKAEV.id, BAKAEV.name, deputy, VAN_DIJK.id, VAN_DIJK.name, deputy, 2,
         "2025-02-20", "2026-04-15"),
    ]  # fmt: skip
    assert rows(graph, "officials_met", a="AM", b="KZ") == [
        (MATEVOSYAN.id, MATEVOSYAN.name, "министр окружающей среды", BAKAEV.id, BAKAEV.name,
         deputy, 1, "2024-05-14", "2024-05-14"),
        (MATEVOSYAN.id, MATEVOSYAN.name, "министр окружающей среды", IMANBAEV.id,
         IMANBAEV.name, "посол", 1, "2026-03-03", "2026-03-03"),
    ]  # fmt: skip
    assert rows(graph, "officials_met", a="AM", b="KZ", **{"from": "2025-01-01"}) == [
        (MATEVOSYAN.id, MATEVOSYAN.name, "министр окружающей среды", IMANBAEV.id,
         IMANBAEV.name, "посол", 1, "2026-03-03", "2026-03-03"),
    ]  # fmt: skip


def test_q_ego_network(graph):
    deputy = "заместитель министра иностранных дел"
    assert rows(graph, "ego_network", official=BAKAEV.id) == [
        (VAN_DIJK.id, VAN_DIJK.name, "NL", deputy, 1, 2, "2026-04-15", []),
        (MATEVOSYAN.id, MATEVOSYAN.name, "AM", "министр окружающей среды", 1, 1, "2024-05-14",
         []),
        (ZHANG.id, ZHANG.name, "CN", deputy, 1, 1, "2026-04-15", []),
        (IMANBAEV.id, IMANBAEV.name, "KZ", "посол", 2, 0, None, [MATEVOSYAN.name]),
    ]  # fmt: skip
    # by name instead of id, and a limit
    assert rows(graph, "ego_network", official="болат иманбаев", limit="1") == [
        (MATEVOSYAN.id, MATEVOSYAN.name, "AM", "министр окружающей среды", 1, 1, "2026-03-03",
         []),
    ]  # fmt: skip
    assert [r[:6] for r in rows(graph, "ego_network", official=ISETOV.id)] == [
        (ANDRESEN.id, ANDRESEN.name, "NO", "посол", 1, 1),
    ]


def test_q_shortest_path(graph):
    met = ev("2026-03-03", "MET", "AM", "KZ")
    met24 = ev("2024-05-14", "MET", "AM", "KZ")
    tri = ev("2026-04-15", "MET", "CN", "KZ", "NL")
    chain = [IMANBAEV, MATEVOSYAN, BAKAEV, VAN_DIJK]
    assert rows(graph, "shortest_path", a=IMANBAEV.id, b=VAN_DIJK.name) == [
        (
            3,
            [p.name for p in chain],
            [p.id for p in chain],
            ["2026-03-03", "2024-05-14", "2026-04-15"],
            [met.sentence, met24.sentence, tri.sentence],
        )
    ]
    # no chain of meetings joins Иманбаев and Исетов; Исетов–Андресен is one hop
    assert rows(graph, "shortest_path", a=IMANBAEV.id, b=ISETOV.id) == []
    assert [r[:2] for r in rows(graph, "shortest_path", a=ISETOV.id, b=ANDRESEN.id)] == [
        (1, [ISETOV.name, ANDRESEN.name])
    ]


def test_q_most_active_officials(graph):
    deputy = "заместитель министра иностранных дел"
    assert rows(graph, "most_active_officials", limit="4") == [
        (BAKAEV.id, BAKAEV.name, "KZ", deputy, 3, 3, 0, 0, 0, "2024-05-14", "2026-04-15"),
        (MATEVOSYAN.id, MATEVOSYAN.name, "AM", "министр окружающей среды", 2, 2, 0, 0, 0,
         "2024-05-14", "2026-03-03"),
        (ISETOV.id, ISETOV.name, "KZ", deputy, 2, 1, 1, 0, 0, "2026-03-03", "2026-04-15"),
        (VAN_DIJK.id, VAN_DIJK.name, "NL", deputy, 2, 2, 0, 0, 0, "2025-02-20", "2026-04-15"),
    ]  # fmt: skip
    kz_2026 = rows(graph, "most_active_officials", state="KZ", **{"from": "2026-01-01"})
    assert [(r[1], r[4]) for r in kz_2026] == [
        (ISETOV.name, 2),
        (BAKAEV.name, 1),
        ("Болат Иманбаев", 1),
        ("Роман Василенко", 1),
        ("Сатыбалды Буршаков", 1),
    ]


# -- accreditation, hosting, summary -------------------------------------------------------


def test_q_accreditation_register(graph):
    temirov = ev("2025-02-20", "ACCREDITED", "KZ", "NL")
    andresen = ev("2026-03-03", "ACCREDITED", "KZ", "NO")
    assert rows(graph, "accreditation_register") == [
        ("2025-02-20", TEMIROV.name, "KZ", "NL", None, "credentials", temirov.sentence, R25),
        ("2026-03-03", ANDRESEN.name, "NO", "KZ", ISETOV.name, "credentials",
         andresen.sentence, R26S),
    ]  # fmt: skip
    assert [r[1] for r in rows(graph, "accreditation_register", host="KZ")] == [ANDRESEN.name]
    assert [r[1] for r in rows(graph, "accreditation_register", sender="KZ")] == [TEMIROV.name]
    assert rows(graph, "accreditation_register", host="KZ", to="2026-03-02") == []


def test_q_hosted_events(graph):
    def hosted(e: Event, host: str, kind: str, venue: str, venue_state: str) -> tuple:
        return (e.date, host, kind, venue, venue_state, e.parties, e.sentence, e.id)

    de = ev("2026-03-03", "HOSTED", "DE", "KZ")
    nl = ev("2025-02-20", "HOSTED", "KZ", "NL")
    embassy_de = "Посольство Казахстана в Германии"
    assert rows(graph, "hosted_events", host="посольство") == [
        hosted(nl, "Посольство Казахстана в Нидерландах", "embassy", "Гаага", "NL"),
        hosted(de, embassy_de, "embassy", embassy_de, "KZ"),  # its own premises
    ]
    assert rows(graph, "hosted_events", venue="скопье") == [
        hosted(
            ev("2026-03-03", "HOSTED", "KZ", "MK"),
            "Университет Святых Кирилла и Мефодия",
            "university",
            "Скопье",
            "MK",
        )
    ]
    # hosted by an official (no host organization named): Василенко in Brussels
    assert [r[1:5] for r in rows(graph, "hosted_events", venue="Брюссель")] == [
        ("Роман Василенко", "official", "Брюссель", "BE")
    ]
    assert [r[1] for r in rows(graph, "hosted_events", **{"from": "2026-01-01"})] == [
        "Генеральное консульство Казахстана в Казани",
        "Евразийский национальный университет имени Л.Н. Гумилёва",
        embassy_de,
        "Роман Василенко",
        "Университет Святых Кирилла и Мефодия",
    ]


def test_q_graph_summary(graph):
    nodes: dict[str, int] = {}
    edges: dict[str, int] = {}
    for batch in BATCHES:
        for label, key in batch.nodes:
            nodes.setdefault(label, set()).add(key)
        for identity in batch.edges:
            edges.setdefault(identity[0], set()).add(identity)
    expected = [("node", k, len(v)) for k, v in sorted(nodes.items())]
    expected += [("edge", k, len(v)) for k, v in sorted(edges.items())]
    assert rows(graph, "graph_summary") == expected
    assert ("node", "Event", 19) in expected and ("edge", "MET", 7) in expected


def test_q_releases(graph):
    title = "МИД Казахстана. Дипломатическая хроника (тестовый выпуск)"
    newest_first = [
        (R26A, title, "2026-04-15", "test://2026-04-15", True, 3, "2026-04-15", "2026-04-15"),
        (R26S, "МИД Казахстана. Внешняя политика", "2026-03-03",
         "corpus/releases/000_f90f83b2cd359777.txt", True, 10, "2026-03-03", "2026-03-03"),
        (R25, title, "2025-02-20", "test://2025-02-20", True, 3, "2025-02-20", "2025-02-20"),
        (R24, title, "2024-05-14", "test://2024-05-14", True, 3, "2024-05-14", "2024-05-14"),
    ]  # fmt: skip
    assert rows(graph, "releases") == newest_first
    assert rows(graph, "releases", limit="2") == newest_first[:2]
    assert rows(graph, "releases", **{"from": "2025-01-01", "to": "2025-12-31"}) == [
        newest_first[2]
    ]


# -- wrong use -----------------------------------------------------------------------------


def test_unknown_query_suggests_close_names():
    with pytest.raises(UnknownQuery) as err:
        PACK.get("bilateral_contact")
    assert err.value.suggestions[0] == "bilateral_contacts"
    assert "did you mean bilateral_contacts" in str(err.value)
    with pytest.raises(UnknownQuery, match="unknown query 'nothing_like_it'"):
        PACK.get("nothing_like_it")


def test_parameters_are_checked_and_converted():
    q = PACK.get("partners")
    assert q.bind({"state": "kz"}) == {"state": "KZ", "from": None, "to": None, "limit": 20}
    assert q.bind({"state": "KZ", "limit": "5", "from": "2025-01-01"})["limit"] == 5
    with pytest.raises(ParamError, match="needs parameter 'state'") as err:
        q.bind({})
    assert err.value.param == "state"
    with pytest.raises(ParamError, match=r"parameter 'from' of partners: expected a date YYYY-MM"):
        q.bind({"state": "KZ", "from": "03.03.2026"})
    with pytest.raises(ParamError, match="not a real date"):
        q.bind({"state": "KZ", "from": "2026-02-30"})
    with pytest.raises(ParamError, match="expected a whole number, got 'ten'"):
        q.bind({"state": "KZ", "limit": "ten"})
    with pytest.raises(ParamError, match="expected an ISO 3166 alpha-2 code"):
        q.bind({"state": "K Z"})
    with pytest.raises(ParamError, match="has no parameter 'sate'; did you mean state"):
        q.bind({"sate": "KZ"})
    with pytest.raises(ParamError, match="expected an event id"):
        PACK.get("contact_provenance").bind({"event": "967b6d5e"})


def test_unknown_state_and_official_are_named_with_suggestions(graph):
    with pytest.raises(UnknownState) as err:
        PACK.run(graph, "partners", {"state": "XK"})
    assert "unknown state code XK" in str(err.value)
    assert "no such State in the graph" in str(err.value)
    with pytest.raises(UnknownState, match=r"did you mean NL \(Netherlands\)"):
        PACK.run(graph, "partners", {"state": "netherland"})
    with pytest.raises(UnknownOfficial, match="no official 'Алибек Бакаефф'.*Алибек Бакаев"):
        PACK.run(graph, "ego_network", {"official": "Алибек Бакаефф"})
    with pytest.raises(UnknownOfficial, match="no official 'official:kz:0'"):
        PACK.run(graph, "ego_network", {"official": "official:kz:0"})


def test_queries_are_parameterized_never_built_from_input(graph):
    hostile = "x') RETURN 1 //"
    assert rows(graph, "hosted_events", host=hostile) == []
    with pytest.raises(ParamError, match="expected a date"):
        rows(graph, "bilateral_contacts", a="KZ", b="NL", to="2026-12-31' OR 1=1")


def test_pack_parser_errors_name_the_problem():
    with pytest.raises(PackError, match=r"uses \$b but its '// params:' line"):
        parse_pack("// name: q\n// params: a (text)\nRETURN $a, $b", "my.cypher")
    with pytest.raises(PackError, match="declares b but never uses it"):
        parse_pack("// name: q\n// params: a (text), b (int)\nRETURN $a", "my.cypher")
    with pytest.raises(PackError, match="unknown type 'colour'"):
        parse_pack("// name: q\n// params: a (colour)\nRETURN $a", "my.cypher")
    (q,) = parse_pack("MATCH (n) RETURN count(n) AS n, $x AS x", "/tmp/count-all.cypher")
    assert (q.name, [p.describe() for p in q.params]) == ("count_all", ["x (any)"])
    (q,) = parse_pack(
        "// name: q\n// description: one\n//   two\n// params: from (YYYY-MM-DD, optional),\n"
        "//   n (int, default 3)\nRETURN $from, $n"
    )
    assert q.description == "one two"
    assert [p.describe() for p in q.params] == ["from (date, optional)", "n (int, default 3)"]
