# ruff: noqa: E501  (release texts keep their real one-paragraph lines)
"""The one fixture graph of the tests (queries, analysis, viz, export, stores), small and
realistic, built through the real mapping.

Four releases: the seed digest of the Kazakhstan MFA (3 March 2026, events as in its gold
file) and three shorter ones (May 2024, February 2025, April 2026) so that timelines,
per-year counts, new partners, ego networks and shortest paths have real answers. The
extra releases are invented for the tests; their people are fictional except where they
repeat the seed's officials. A fifth, undated release carries script-injection payloads in
names, titles, an organization and its sentence, for the viz and export tests
(:func:`payload_batch`; :func:`fixture_graph` includes it, :func:`fixture_batches` not).

Each event is an EventRecord as the extractor would emit it, turned into a GraphBatch by
``dipgraph.loaders.mapping.to_batch`` — so the graph has exactly the shape the loader
writes. Evidence sentences are cut from the release text with their real offsets.

Chains worth knowing when reading the expected rows:
- MET: Иманбаев(KZ)–Матевосян(AM) 2026-03-03; Бакаев(KZ)–Матевосян(AM) 2024-05-14;
  Бакаев(KZ)–ван Дейк(NL) 2025-02-20; Бакаев–ван Дейк–Чжан Вэй(CN) trilateral 2026-04-15;
  Исетов(KZ)–Андресен(NO) 2026-04-15.
- so the shortest MET path Иманбаев -> ван Дейк is Иманбаев, Матевосян, Бакаев, ван Дейк.
"""

from __future__ import annotations

from dataclasses import dataclass

from conftest import SEED_RELEASE

from dipgraph.graph.model import (
    Evidence,
    GraphBatch,
    Release,
    event_id,
    official_id,
)
from dipgraph.graph.snapshot import GraphSnapshot
from dipgraph.loaders.mapping import to_batch
from dipgraph.loaders.records import (
    EventRecord,
    Extraction,
    Host,
    OfficialRecord,
    Participant,
    Place,
)


def _person(name: str, state: str, role: str, posted_in: str | None = None) -> Participant:
    return Participant(official_id(state, name), name, state, role, posted_in)


IMANBAEV = _person("Болат Иманбаев", "KZ", "посол", "AM")
MATEVOSYAN = _person("Амбарцум Матевосян", "AM", "министр окружающей среды")
ANDRESEN = _person("Хелене Санд Андресен", "NO", "посол", "KZ")
ISETOV = _person("Арман Исетов", "KZ", "заместитель министра иностранных дел")
VASILENKO = _person("Роман Василенко", "KZ", "посол")
BURSHAKOV = _person("Сатыбалды Буршаков", "KZ", "посол", "MK")
BAKAEV = _person("Алибек Бакаев", "KZ", "заместитель министра иностранных дел")
VAN_DIJK = _person("Питер ван Дейк", "NL", "заместитель министра иностранных дел")
ZHANG = _person("Чжан Вэй", "CN", "заместитель министра иностранных дел")
TEMIROV = _person("Данияр Темиров", "KZ", "посол", "NL")


@dataclass
class Spec:
    """One event: what it is, and the words of the release that prove it."""

    type: str
    sentence_start: str  # the sentence's first words, to find it in the text
    parties: list[str]
    participants: list[Participant]
    format: str | None = None
    host: Host | None = None
    venue: Place | None = None
    kind: str | None = None


def _sentence(text: str, head: str) -> Evidence:
    start = text.index(head)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    if text.find("\n", start) >= 0:
        end = min(end, text.find("\n", start))
    return Evidence(text[start:end], start, end)


def _extraction(
    release: Release, date: str | None, specs: list[Spec], extra: list[Participant]
) -> Extraction:
    events = []
    for spec in specs:
        ev = _sentence(release.text, spec.sentence_start)
        actors = sorted(spec.parties + [p.id for p in spec.participants])
        events.append(
            EventRecord(
                release=release.id,
                source=release.source_uri,
                event_id=event_id(release.id, spec.type, actors, (ev.start, ev.end)),
                type=spec.type,
                evidence=ev,
                format=spec.format,
                date=date,
                date_precision="day" if date else "unknown",
                parties=sorted(spec.parties),
                participants=spec.participants,
                host=spec.host,
                venue=spec.venue,
                confidence=0.9,
                kind=spec.kind,
            )
        )
    officials = [
        OfficialRecord(
            release.id,
            release.source_uri,
            p.id,
            p.name,
            _sentence(release.text, p.name.split()[0][:5]),
            p.state,
            p.role,
            None,
            p.posted_in,
        )
        for p in extra
    ]
    return Extraction(release, events, officials)


def seed_release() -> tuple[Release, list[Spec], list[Participant]]:
    release = Release.from_text(
        SEED_RELEASE.read_text(encoding="utf-8"),
        title="МИД Казахстана. Внешняя политика",
        published="2026-03-03",
        date_precision="day",
        dateline_city="Астана",
        agency="KAZAKHSTAN TODAY",
        source_uri="corpus/releases/000_f90f83b2cd359777.txt",
    )
    mfa_kz = Host("Министерство иностранных дел Республики Казахстан", "ministry", "KZ")
    specs = [
        Spec("CONSULTED", "Также от уточнил", ["KZ", "RU"], [], "exchange_of_views"),
        Spec("MET", "Ранее состоялась встреча", ["AM", "KZ"], [IMANBAEV, MATEVOSYAN]),
        Spec(
            "HOSTED",
            "Также генеральное консульство",
            ["KZ"],
            [],
            host=Host("Генеральное консульство Казахстана в Казани", "consulate", "KZ"),
            venue=Place("Казань", "RU"),
        ),
        Spec(
            "CONSULTED",
            "Тем временем в Министерстве",
            ["KZ", "NL"],
            [],
            "political_consultations",
            host=mfa_kz,
        ),
        Spec(
            "HOSTED",
            "В столичном высшем",
            ["KZ", "UN"],
            [],
            host=Host(
                "Евразийский национальный университет имени Л.Н. Гумилёва", "university", "KZ"
            ),
            venue=Place("Астана", "KZ"),
        ),
        Spec(
            "ACCREDITED",
            "Также заместитель министра",
            ["KZ", "NO"],
            [ANDRESEN, ISETOV],
            kind="credentials",
        ),
        Spec(
            "CONSULTED",
            "Между тем в Астане",
            ["EU", "KZ"],
            [],
            "negotiations",
            venue=Place("Астана", "KZ"),
        ),
        Spec(
            "HOSTED",
            "В посольстве Казахстана в Германии",
            ["DE", "KZ"],
            [],
            host=Host("Посольство Казахстана в Германии", "embassy", "KZ"),
        ),
        Spec(
            "HOSTED",
            "Вместе с тем в Брюсселе",
            ["EU", "KZ"],
            [VASILENKO],
            venue=Place("Брюссель", "BE"),
        ),
        Spec(
            "HOSTED",
            "Посол Казахстана в Северной Македонии",
            ["KZ", "MK"],
            [BURSHAKOV],
            host=Host("Университет Святых Кирилла и Мефодия", "university", "MK"),
            venue=Place("Скопье", "MK"),
        ),
    ]
    return release, specs, [BAKAEV]


RELEASE_2024 = """МИД Казахстана. Дипломатическая хроника (тестовый выпуск)
Астана. 14 мая. DIPGRAPH TEST - Министерство иностранных дел сообщило о встречах недели.
Заместитель министра иностранных дел Республики Казахстан Алибек Бакаев провел в Ереване встречу с министром окружающей среды Армении Амбарцумом Матевосяном. Стороны обсудили подготовку регионального экологического саммита.
В Гааге состоялся раунд политических консультаций между внешнеполитическими ведомствами Республики Казахстан и Королевства Нидерланды.
В Пекине прошли консультации между министерствами иностранных дел Казахстана и Китая по вопросам региональной безопасности.
"""

RELEASE_2025 = """МИД Казахстана. Дипломатическая хроника (тестовый выпуск)
Астана. 20 февраля. DIPGRAPH TEST - Министерство иностранных дел сообщило о встречах недели.
Заместитель министра иностранных дел Республики Казахстан Алибек Бакаев встретился в Астане с заместителем министра иностранных дел Нидерландов Питером ван Дейком. Обсуждены вопросы торгово-экономического сотрудничества.
Посол Казахстана в Нидерландах Данияр Темиров вручил верительные грамоты Королю Нидерландов Виллем-Александру.
Посольство Казахстана в Нидерландах провело в Гааге семинар о Среднем коридоре.
"""

RELEASE_2026_04 = """МИД Казахстана. Дипломатическая хроника (тестовый выпуск)
Астана. 15 апреля. DIPGRAPH TEST - Министерство иностранных дел сообщило о встречах недели.
В Астане состоялась трехсторонняя встреча заместителей министров иностранных дел Казахстана Алибека Бакаева, Нидерландов Питера ван Дейка и Китая Чжан Вэя. Стороны обсудили транспортные коридоры.
Заместитель министра иностранных дел Казахстана Арман Исетов встретился с послом Норвегии Хелене Санд Андресен. Обсуждено сотрудничество в энергетике.
Между тем в Женеве прошли консультации между Казахстаном и Организацией Объединенных Наций по правам человека.
"""


def _release(text: str, published: str, slug: str) -> Release:
    return Release.from_text(
        text,
        title="МИД Казахстана. Дипломатическая хроника (тестовый выпуск)",
        published=published,
        date_precision="day",
        dateline_city="Астана",
        agency="DIPGRAPH TEST",
        source_uri=f"test://{slug}",
    )


def extra_releases() -> list[tuple[Release, str, list[Spec], list[Participant]]]:
    r24 = _release(RELEASE_2024, "2024-05-14", "2024-05-14")
    r25 = _release(RELEASE_2025, "2025-02-20", "2025-02-20")
    r26 = _release(RELEASE_2026_04, "2026-04-15", "2026-04-15")
    embassy_nl = Host("Посольство Казахстана в Нидерландах", "embassy", "KZ")
    return [
        (
            r24,
            "2024-05-14",
            [
                Spec("MET", "Заместитель министра", ["AM", "KZ"], [BAKAEV, MATEVOSYAN]),
                Spec(
                    "CONSULTED",
                    "В Гааге",
                    ["KZ", "NL"],
                    [],
                    "political_consultations",
                    venue=Place("Гаага", "NL"),
                ),
                Spec(
                    "CONSULTED",
                    "В Пекине",
                    ["CN", "KZ"],
                    [],
                    "political_consultations",
                    venue=Place("Пекин", "CN"),
                ),
            ],
            [],
        ),
        (
            r25,
            "2025-02-20",
            [
                Spec("MET", "Заместитель министра", ["KZ", "NL"], [BAKAEV, VAN_DIJK]),
                Spec("ACCREDITED", "Посол Казахстана", ["KZ", "NL"], [TEMIROV], kind="credentials"),
                Spec(
                    "HOSTED",
                    "Посольство Казахстана в Нидерландах",
                    ["KZ", "NL"],
                    [],
                    host=embassy_nl,
                    venue=Place("Гаага", "NL"),
                ),
            ],
            [],
        ),
        (
            r26,
            "2026-04-15",
            [
                Spec("MET", "В Астане", ["CN", "KZ", "NL"], [BAKAEV, VAN_DIJK, ZHANG]),
                Spec("MET", "Заместитель министра", ["KZ", "NO"], [ISETOV, ANDRESEN]),
                Spec(
                    "CONSULTED",
                    "Между тем в Женеве",
                    ["KZ", "UN"],
                    [],
                    "consultations",
                    venue=Place("Женева", "CH"),
                ),
            ],
            [],
        ),
    ]


def seed_batch(parties: set[str] | None = None) -> GraphBatch:
    """The seed release's batch; with ``parties``, only the events whose parties are all
    among them (a smaller extraction of the same text, as after an extractor fix)."""
    release, specs, extra = seed_release()
    if parties is not None:
        specs = [spec for spec in specs if set(spec.parties) <= parties]
    return to_batch(_extraction(release, "2026-03-03", specs, extra))


def fixture_batches() -> list[GraphBatch]:
    """One GraphBatch per release, in publication order."""
    release, specs, extra = seed_release()
    items = [(release, "2026-03-03", specs, extra), *extra_releases()]
    items.sort(key=lambda item: item[1])
    return [to_batch(_extraction(r, date, s, x)) for r, date, s, x in items]


def write_fixture(store) -> list[GraphBatch]:
    batches = fixture_batches()
    for batch in batches:
        store.write(batch)
    return batches


def release_ids() -> dict[str, str]:
    """Publication date -> release id."""
    return {b.nodes[("Release", b.release_id)].published: b.release_id for b in fixture_batches()}


PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">'
PAYLOAD_SCRIPT = "</script><script>window.__pwned=2</script>"
PAYLOAD_HREF = '<a href="javascript:window.__pwned=3">href</a>'


def payload_batch() -> GraphBatch:
    """An undated release whose names, titles, organization and evidence sentence carry
    script-injection payloads: a meeting of two officials so named, the one contact
    between NO and NL (so it is the one edge the viz's "undated" switch hides)."""
    text = f"Посол {PAYLOAD_IMG} встретился с {PAYLOAD_SCRIPT} и {PAYLOAD_HREF}."
    release = Release.from_text(text, title=PAYLOAD_SCRIPT, source_uri="test://payloads")
    x = Participant(official_id("NO", PAYLOAD_IMG), PAYLOAD_IMG, "NO", PAYLOAD_HREF)
    y = Participant(
        official_id("NL", PAYLOAD_SCRIPT), PAYLOAD_SCRIPT, "NL", PAYLOAD_IMG,
        organization=PAYLOAD_HREF,
    )  # fmt: skip
    spec = Spec("MET", "Посол", ["NL", "NO"], [x, y])
    return to_batch(_extraction(release, None, [spec], []))


def fixture_batch(*, payloads: bool = True) -> GraphBatch:
    """All fixture releases in one batch (as a store holding them all would give back)."""
    merged = GraphBatch()
    for batch in fixture_batches() + ([payload_batch()] if payloads else []):
        merged.merge(batch)
    return merged


def fixture_graph(*, payloads: bool = True) -> GraphSnapshot:
    return GraphSnapshot.from_batch(fixture_batch(payloads=payloads))
