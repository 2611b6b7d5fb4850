"""Fixture graphs for analysis, viz and export tests, built with the model's dataclasses.

The events are the ones of the seed release (corpus/releases/000_f90f83b2cd359777.txt),
with their real sentences, given dates across several years so that year filters and
bilateral trends have something to show; one extra release carries planted XSS payloads in
names, titles and the evidence sentence.
"""

from __future__ import annotations

from dipgraph.graph.model import (
    Event,
    GraphBatch,
    NodeRef,
    Official,
    Organization,
    Release,
    State,
    Venue,
    event_id,
    official_id,
    organization_id,
    venue_id,
)

PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">'
PAYLOAD_SCRIPT = "</script><script>window.__pwned=2</script>"
PAYLOAD_HREF = '<a href="javascript:window.__pwned=3">href</a>'
PAYLOADS = (PAYLOAD_IMG, PAYLOAD_SCRIPT, PAYLOAD_HREF)

SENT_AM = (
    "Ранее состоялась встреча посла Казахстана в Армении Болата Иманбаева с министром "
    "окружающей среды Армении Амбарцумом Матевосяном."
)
SENT_NL = (
    "Тем временем в Министерстве иностранных дел Республики Казахстан состоялся очередной "
    "раунд политических консультаций между внешнеполитическими ведомствами Республики "
    "Казахстан и Королевства Нидерланды."
)
SENT_NO = (
    "Также заместитель министра иностранных дел Казахстана Арман Исетов принял верительные "
    "грамоты у нового посла Норвегии Хелене Санд Андресен."
)
SENT_EU = (
    "Между тем в Астане прошел второй раунд переговоров между Казахстаном и Европейским "
    "Союзом по проектам соглашений об упрощенном визовом режиме и о реадмиссии."
)
SENT_RU = "Также от уточнил, что Казахстан и Россия обмениваются мнениями о ситуации по конфликту."
SENT_KAZAN = (
    "Также генеральное консульство Казахстана в Казани организовало торжественные "
    "мероприятия, посвященные 180-летию казахского народного поэта Жамбыла Жабаева."
)


class _Builder:
    def __init__(self, release: Release) -> None:
        self.batch = GraphBatch(release_id=release.id)
        self.release = release
        self.release_ref = self.batch.add_node(release)
        self.states: dict[str, NodeRef] = {}

    def state(self, code: str, ru: str, en: str) -> NodeRef:
        ref = self.batch.add_node(State(code=code, name_ru=ru, name_en=en))
        self.states[code] = ref
        return ref

    def official(self, name: str, state: str, title: str, posted_in: str | None = None) -> NodeRef:
        ref = self.batch.add_node(
            Official(id=official_id(state, name), name=name, title=title, state=state)
        )
        self.batch.add_edge("REPRESENTS", ref, self.states[state])
        if posted_in:
            self.batch.add_edge("POSTED_IN", ref, self.states[posted_in])
        return ref

    def org(
        self, name: str, kind: str, state: str | None = None, code: str | None = None
    ) -> NodeRef:
        ref = self.batch.add_node(
            Organization(
                id=organization_id(name, state, code), name=name, kind=kind, state=state, code=code
            )
        )
        if state:
            self.batch.add_edge("PART_OF", ref, self.states[state])
        return ref

    def venue(self, name: str, state: str) -> NodeRef:
        ref = self.batch.add_node(
            Venue(id=venue_id(name, state), name=name, state=state, city=name)
        )
        self.batch.add_edge("IN", ref, self.states[state])
        return ref

    def event(
        self,
        type_: str,
        pairs: list[tuple[NodeRef, NodeRef]],
        parties: list[str],
        sentence: str,
        date: str | None,
        *,
        fmt: str | None = None,
        venue: NodeRef | None = None,
        **edge_props,
    ) -> str:
        start = max(self.release.text.find(sentence), 0)
        span = (start, start + len(sentence))
        actors = sorted({r.key for pair in pairs for r in pair})
        eid = event_id(self.release.id, type_ + (date or ""), actors, span)
        ev = self.batch.add_node(
            Event(
                id=eid,
                type=type_,
                release_id=self.release.id,
                format=fmt,
                date=date,
                date_precision="day" if date else "unknown",
                parties=sorted(parties),
                sentence=sentence,
                start=span[0],
                end=span[1],
            )
        )
        self.batch.add_edge("REPORTS", self.release_ref, ev, event_id=eid)
        common = dict(event_id=eid, date=date, release_id=self.release.id, sentence=sentence)
        for a, b in pairs:
            self.batch.add_edge(type_, a, b, start=span[0], end=span[1], **common, **edge_props)
            for ref in (a, b):
                if type_ != "HOSTED" or ref is a:
                    self.batch.add_edge("INVOLVES", ev, ref, event_id=eid, role="participant")
        if venue is not None:
            self.batch.add_edge("AT", ev, venue, event_id=eid)
        return eid


def diplomatic_batch() -> GraphBatch:
    """The seed release's events (KZ with AM, NL, NO, EU, RU) spread over 2022–2025."""
    text_path = None  # the real text is used only for offsets when available
    try:
        from conftest import SEED_RELEASE

        text_path = SEED_RELEASE
        text = text_path.read_text(encoding="utf-8")
    except OSError:
        text = "\n".join([SENT_RU, SENT_AM, SENT_KAZAN, SENT_NL, SENT_NO, SENT_EU])
    release = Release.from_text(
        text, title="МИД Казахстана. Внешняя политика", published="2024-03-03", date_precision="day"
    )
    b = _Builder(release)
    b.state("KZ", "Казахстан", "Kazakhstan")
    b.state("AM", "Армения", "Armenia")
    b.state("NL", "Нидерланды", "Netherlands")
    b.state("NO", "Норвегия", "Norway")
    b.state("RU", "Россия", "Russia")
    eu = b.org("Европейский союз", "igo", code="EU")
    imanbaev = b.official("Болат Иманбаев", "KZ", "посол Казахстана в Армении", posted_in="AM")
    matevosyan = b.official("Амбарцум Матевосян", "AM", "министр окружающей среды Армении")
    isetov = b.official("Арман Исетов", "KZ", "заместитель министра иностранных дел")
    andresen = b.official("Хелене Санд Андресен", "NO", "посол Норвегии", posted_in="KZ")
    b.official("Алибек Бакаев", "KZ", "заместитель министра иностранных дел")
    consulate = b.org("Генеральное консульство Казахстана в Казани", "consulate", state="KZ")
    kazan = b.venue("Казань", "RU")
    astana = b.venue("Астана", "KZ")

    b.event("MET", [(imanbaev, matevosyan)], ["KZ", "AM"], SENT_AM, "2024-03-02")
    b.event("MET", [(imanbaev, matevosyan)], ["KZ", "AM"], SENT_AM, "2025-02-11")
    # KZ-NL political consultations: one in 2022, two in 2024, three in 2025 (rising trend)
    for date in (
        "2022-05-10",
        "2024-03-01",
        "2024-10-15",
        "2025-01-20",
        "2025-06-03",
        "2025-11-30",
    ):
        b.event(
            "CONSULTED",
            [(b.states["KZ"], b.states["NL"])],
            ["KZ", "NL"],
            SENT_NL,
            date,
            fmt="political_consultations",
            format="political_consultations",
        )
    b.event(
        "ACCREDITED",
        [(andresen, b.states["KZ"])],
        ["KZ", "NO"],
        SENT_NO,
        "2024-03-03",
        kind="credentials",
        received_by=isetov.key,
    )
    b.event(
        "CONSULTED",
        [(b.states["KZ"], eu)],
        ["KZ", "EU"],
        SENT_EU,
        "2023-09-14",
        fmt="negotiations",
        venue=astana,
        format="negotiations",
    )
    b.event(
        "CONSULTED",
        [(b.states["KZ"], b.states["RU"])],
        ["KZ", "RU"],
        SENT_RU,
        None,
        fmt="exchange_of_views",
        format="exchange_of_views",
    )
    b.event("HOSTED", [(consulate, kazan)], ["KZ"], SENT_KAZAN, "2024-03-01")
    return b.batch


def payload_batch() -> GraphBatch:
    """A release whose names, titles and evidence carry script-injection payloads."""
    sentence = f"Посол {PAYLOAD_IMG} встретился с {PAYLOAD_SCRIPT} и {PAYLOAD_HREF}."
    release = Release.from_text(sentence, title=PAYLOAD_SCRIPT)
    b = _Builder(release)
    b.state("KZ", "Казахстан", "Kazakhstan")
    b.state("NL", "Нидерланды", "Netherlands")
    x = b.official(PAYLOAD_IMG, "KZ", PAYLOAD_HREF)
    y = b.official(PAYLOAD_SCRIPT, "NL", PAYLOAD_IMG)
    b.event("MET", [(x, y)], ["KZ", "NL"], sentence, "2024-07-01")
    b.org(PAYLOAD_HREF, "embassy", state="NL")
    return b.batch


def full_batch() -> GraphBatch:
    return diplomatic_batch().merge(payload_batch())
