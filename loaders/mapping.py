"""Extraction records -> GraphBatch: nodes with canonical ids and typed edges with evidence.

The card's four contact edges:
- MET: between the officials of an event, pairwise (official -> organization for a
  delegation meeting when only one official is named and a host organization is);
- ACCREDITED: ambassador -> host state, with `received_by` and `kind`;
- CONSULTED: between the parties (states / IGOs), pairwise;
- HOSTED: host (organization, else official, else state) -> venue.
Every contact edge carries event_id, date, release_id and the evidence sentence.
"""

from __future__ import annotations

from functools import cache
from itertools import combinations

from dipgraph.graph.model import (
    IGO_CODES,
    Event,
    GraphBatch,
    NodeRef,
    Official,
    Organization,
    Release,
    State,
    Venue,
    is_igo,
    organization_id,
    venue_id,
)
from dipgraph.loaders.lang import Language, get_language, language_for
from dipgraph.loaders.records import EventRecord, Extraction, OfficialRecord, Participant


@cache
def _territory_names() -> tuple[dict[str, str], dict[str, str]]:
    from babel import Locale

    return dict(Locale("ru").territories), dict(Locale("en").territories)


def party_node(code: str) -> State | Organization:
    """A State for an ISO code, an IGO Organization for an IGO code."""
    if is_igo(code):
        return Organization(
            organization_id(code, code=code),
            IGO_CODES[code],
            "igo",
            code=code,
            name_ru=get_language("ru").state_name(code),
            name_en=IGO_CODES[code],
        )
    ru, en = _territory_names()
    return State(code, ru.get(code), en.get(code))


class _Mapper:
    def __init__(self, extraction: Extraction) -> None:
        self.release: Release = extraction.release
        self.batch = GraphBatch(release_id=self.release.id)
        self.release_ref = self.batch.add_node(self.release)
        self.extraction = extraction
        # words of the release's language (organization kinds, ambassadors' titles)
        self.lang: Language = language_for(self.release) or Language()
        self.officials: dict[str, NodeRef] = {}

    def party(self, code: str | None) -> NodeRef | None:
        return self.batch.add_node(party_node(code)) if code else None

    def organization(self, name: str, kind: str, state: str | None) -> NodeRef:
        org = Organization(organization_id(name, state), name, kind or "other", state)
        ref = self.batch.add_node(org)
        if state and not is_igo(state):
            self.batch.add_edge("PART_OF", ref, self.party(state))
        return ref

    def official(
        self,
        id_: str,
        name: str,
        state: str | None,
        role: str | None,
        posted_in: str | None,
        organization: str | None,
        aliases: list[str] | None = None,
    ) -> NodeRef:
        ref = self.batch.add_node(
            Official(
                id_,
                name,
                latin=self.lang.to_latin(name),
                aliases=list(aliases or []),
                title=role,
                state=state,
            )  # fmt: skip
        )
        if state:
            self.batch.add_edge("REPRESENTS", ref, self.party(state))
        if posted_in:
            self.batch.add_edge("POSTED_IN", ref, self.party(posted_in))
        if organization:
            org = self.organization(organization, self.lang.organization_kind(organization), state)
            self.batch.add_edge("MEMBER_OF", ref, org, title=role)
        self.officials[id_] = ref
        return ref

    def add_official_record(self, rec: OfficialRecord) -> None:
        self.official(
            rec.id, rec.name, rec.state, rec.role, rec.posted_in, rec.organization, rec.aliases
        )

    def participant(self, p: Participant) -> NodeRef:
        if p.id in self.officials:
            return self.officials[p.id]
        return self.official(p.id, p.name, p.state, p.role, p.posted_in, p.organization)

    def venue(self, name: str, state: str | None) -> NodeRef:
        ref = self.batch.add_node(Venue(venue_id(name, state), name, state, city=name))
        if state:
            self.batch.add_edge("IN", ref, self.party(state))
        return ref

    def add_event(self, rec: EventRecord) -> None:
        ev = rec.evidence
        event = Event(
            id=rec.event_id,
            type=rec.type,
            release_id=self.release.id,
            format=rec.format,
            date=rec.date,
            date_precision=rec.date_precision,
            summary=rec.summary or ev.sentence[:200],
            confidence=rec.confidence,
            extractor_version=self.extraction.extractor_version,
            parties=sorted(rec.parties),
            sentence=ev.sentence,
            start=ev.start,
            end=ev.end,
        )
        event_ref = self.batch.add_node(event)
        self.batch.add_edge("REPORTS", self.release_ref, event_ref, event_id=event.id)
        contact = {
            "event_id": event.id,
            "date": rec.date,
            "release_id": self.release.id,
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "format": rec.format,
            "confidence": rec.confidence,
        }

        parties = [self.party(code) for code in sorted(set(rec.parties))]
        for ref in parties:
            self.batch.add_edge("INVOLVES", event_ref, ref, event_id=event.id, role="party")
        people = [self.participant(p) for p in rec.participants]
        for p, ref in zip(rec.participants, people, strict=True):
            role = p.role or "participant"
            self.batch.add_edge("INVOLVES", event_ref, ref, event_id=event.id, role=role)
        host = None
        if rec.host is not None:
            if rec.host.kind == "state" and rec.host.state:
                host = self.party(rec.host.state)
            else:
                host = self.organization(rec.host.name, rec.host.kind, rec.host.state)
            self.batch.add_edge("INVOLVES", event_ref, host, event_id=event.id, role="host")
        venue = self.venue(rec.venue.name, rec.venue.state) if rec.venue else None
        if venue is not None:
            self.batch.add_edge("AT", event_ref, venue, event_id=event.id)

        if rec.type == "MET":
            if len(people) >= 2:
                for a, b in combinations(people, 2):
                    self.batch.add_edge("MET", a, b, **contact)
            elif len(people) == 1 and host is not None:
                self.batch.add_edge("MET", people[0], host, **contact)
        elif rec.type == "ACCREDITED":
            self._accredited(rec, people, contact)
        elif rec.type == "CONSULTED":
            for a, b in combinations(parties, 2):
                self.batch.add_edge("CONSULTED", a, b, **contact)
        elif rec.type == "HOSTED":
            hoster = host or (people[0] if people else None) or (parties[0] if parties else None)
            target = venue
            if target is None and rec.host is not None:
                # no place named: the host's own premises are the venue
                target = self.venue(rec.host.name, rec.host.state)
            if hoster is not None and target is not None:
                self.batch.add_edge("HOSTED", hoster, target, **contact)

    def _accredited(self, rec: EventRecord, people: list[NodeRef], contact: dict) -> None:
        ambassadors = [
            (p, ref)
            for p, ref in zip(rec.participants, people, strict=True)
            if self.lang.is_ambassador(p.role)
        ]
        if not ambassadors and people:
            ambassadors = [(rec.participants[0], people[0])]
        for amb, ref in ambassadors:
            host_state = amb.posted_in or next((c for c in rec.parties if c != amb.state), None)
            if host_state is None:
                continue
            receivers = [p.name for p in rec.participants if p is not amb]
            self.batch.add_edge(
                "ACCREDITED",
                ref,
                self.party(host_state),
                received_by=", ".join(receivers) or None,
                kind=rec.kind or "credentials",
                **contact,
            )


#: Contact edges are pairwise and each carries its sentence: a sentence listing dozens of
#: officials would give thousands of edges (a 186 KB file took 1.9 GB). Past these bounds
#: the event is reported and left out.
MAX_CONTACT_EDGES = 190  # 20 participants of one meeting
MAX_EVIDENCE_CHARS = 2_000_000  # contact edges x sentence length


def _oversized(rec: EventRecord) -> str | None:
    """Why an event is too big to map, or None."""
    n = len(rec.participants) if rec.type == "MET" else len(set(rec.parties))
    edges = n * (n - 1) // 2 if rec.type in ("MET", "CONSULTED") else 1
    ev = rec.evidence
    if edges > MAX_CONTACT_EDGES or edges * len(ev.sentence) > MAX_EVIDENCE_CHARS:
        return (
            f"the sentence at {ev.start}-{ev.end} ({len(ev.sentence):,} characters) names "
            f"{n} sides of one {rec.type} event, {edges:,} contact edges "
            f"(limit {MAX_CONTACT_EDGES}): skipped"
        )
    return None


def to_batch(extraction: Extraction) -> GraphBatch:
    """The graph records of one release's extraction (oversized events reported in its
    warnings and left out)."""
    mapper = _Mapper(extraction)
    for rec in extraction.officials:
        mapper.add_official_record(rec)
    for event in extraction.events:
        reason = _oversized(event)
        if reason is None:
            mapper.add_event(event)
        elif reason not in extraction.warnings:
            extraction.warnings.append(reason)
    return mapper.batch
