"""ACCREDITED: credentials (or their copies) handed over by an ambassador to the host
state. A credentials ceremony is ACCREDITED only, even when "the sides discussed". A
ceremony of several ambassadors gives one ACCREDITED per ambassador (DESIGN.md, lists):
each with the ambassador's state and the host, never two ambassadors joined."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dipgraph.loaders.extract.doc import Document, EventDraft
from dipgraph.loaders.lang.ru.events.common import _party_states, list_items, person_keys
from dipgraph.loaders.lang.ru.roles import is_ambassador

if TYPE_CHECKING:  # pragma: no cover
    from dipgraph.loaders.lang.ru.events import SentenceContext


def draft(ctx: SentenceContext, fmt: str | None, ci: int, cue: str) -> list[EventDraft]:
    doc = ctx.doc
    people = list(ctx.people)
    persons = doc.persons
    receivers = [
        p
        for p in people
        if (persons[p].role and not is_ambassador(persons[p].role))
        or (not persons[p].role and _dative(doc, ctx.index, p))  # "грамоты Лукашенко"
    ]
    host = doc.publisher or next(
        (persons[p].state for p in receivers if persons[p].state), doc.home_state
    )
    # the receiving official is the host's; the others present credentials
    receivers = [p for p in receivers if persons[p].state in (host, None)]
    if not receivers:
        receivers = _earlier_receivers(doc, ctx.index, host)
    envoys = [p for p in people if p not in receivers]
    parties = _party_states(doc, ctx.toks, ctx.base, ctx.states, [])
    groups = _groups(doc, ctx.index, envoys, parties, host)
    for si in list_items(doc, ctx.index):  # "Жан Дюпон – Франция;" lines after a colon
        item_people = person_keys([m for m in doc.mentions if m.sent == si])
        codes = [
            m.code
            for m in doc.states
            if doc.sentence_at(m.start) == si and m.kind in ("state", "igo", "adj")
        ]
        code = next((c for c in codes if c != host), None)
        if code or item_people:
            groups.append((code, item_people))
    groups = [(c, ps) for c, ps in groups if c or ps]
    if not groups:
        # "принял верительные грамоты послов 12 государств. Послы Грузии, Таджикистана,
        # ... сфотографировались с лидером": the envoys listed in the next sentences
        groups = _envoys_after(doc, ctx.index, host)
    if not any(c for c, _ in groups) and not any(ps for _, ps in groups):
        return []  # no presenting side: a back-reference ("вручили грамоты") or a plan
    for code, envoy in groups:
        for p in envoy:  # "послов Франции Жана Дюпона, Италии ...": each is an ambassador
            if persons[p].role is None and code and code != host and len(groups) > 1:
                persons[p].role = "посол"
    out = []
    for code, envoy in groups:
        ev = _new(ctx, cue, fmt, "credentials_list" if len(groups) > 1 else fmt or "credentials")
        named = envoy or _named_envoys(doc, code)
        ev.participants = named + [p for p in receivers if p not in named]
        ev.add_parties([code or next((persons[p].state for p in envoy), None), host])
        if len(ev.parties) < 2:
            continue
        ev.confidence = 0.85 if named and code else 0.65
        out.append(ev)
    return out


ENVOY_WORDS = {"посол", "миссия", "дипломат", "представительство"}


def _envoys_after(doc: Document, si: int, host: str | None) -> list[tuple[str | None, list[str]]]:
    from dipgraph.loaders.lang.ru.models import lemmas

    for k in range(si + 1, min(len(doc.sentences), si + 3)):
        toks = doc.sentence_tokens(k)
        if not any(lemmas(t.text) & ENVOY_WORDS for t in toks):
            continue
        s = doc.sentences[k]
        codes: list[str] = []
        for m in doc.states:
            if s.start <= m.start < s.end and m.kind == "state" and m.code != host:
                if m.code not in codes:
                    codes.append(m.code)
        if codes:
            return [(c, _named_envoys(doc, c)) for c in codes]
    return []


def _dative(doc: Document, si: int, person: str) -> bool:
    """The person is named in the dative here: the one credentials are handed to."""
    for m in doc.mentions:
        if m.sent == si and m.person == person:
            return doc.tokens[m.tok_start].feats.get("Case") == "Dat"
    return False


def _earlier_receivers(doc: Document, si: int, host: str | None) -> list[str]:
    """The receiving official named in the sentences just before ("Президент Шавкат
    Мирзиёев принял грамоты у шести послов. Президент ... принял грамоты у послов X, Y"),
    else just after."""
    # before, then the two sentences after ("Касым-Жомарт Токаев поздравил дипломатов")
    order = [*range(si - 1, max(-1, si - 5), -1), *range(si + 1, min(len(doc.sentences), si + 3))]
    items = set(list_items(doc, si))  # "Жан Дюпон – Франция;": envoys, not the receiver
    for k in order:
        if k in items:
            continue
        credentials = "грамот" in doc.sentences[k].text.lower() or k > si
        found = [
            m.person
            for m in doc.mentions
            if m.sent == k
            and m.person
            # a titled official, or whoever "принял верительные грамоты" there
            and (doc.persons[m.person].role or credentials)
            and not is_ambassador(doc.persons[m.person].role)
            and doc.persons[m.person].state in (host, None)
        ]
        if found:
            return found[:1]
    return []


def _named_envoys(doc: Document, code: str | None) -> list[str]:
    """The ambassador of that state named elsewhere in the release ("В беседе с послом
    Аргентины Рикардо Лагорио ...")."""
    if not code:
        return []
    return [k for k, p in doc.persons.items() if p.state == code and is_ambassador(p.role)][:1]


def _new(ctx: SentenceContext, cue: str, fmt: str | None, pattern: str) -> EventDraft:
    ev = EventDraft("ACCREDITED", ctx.index, ctx.doc.sentences[ctx.index].paragraph, cue=cue)
    ev.sentences = [ctx.index]
    ev.kind = fmt
    ev.pattern = pattern
    return ev


def _groups(
    doc: Document, si: int, ambassadors: list[str], codes: list[str], host: str | None
) -> list[tuple[str | None, list[str]]]:
    """(state, ambassadors) per accrediting state in the cue sentence: each ambassador
    with their state (else the state named right before them: "послов Франции Жана
    Дюпона, Италии Марио Росси"), the states named without an ambassador on their own."""
    at = {m.person: m for m in doc.mentions if m.sent == si and m.person}
    named = [
        m
        for m in doc.states
        if doc.sentence_at(m.start) == si and m.code in codes and m.code != host
    ]
    out: dict[str | None, list[str]] = {}
    for p in ambassadors:
        code = doc.persons[p].state
        if (code is None or code == host) and p in at:
            before = [m.code for m in named if m.tok_end <= at[p].tok_start]
            code = before[-1] if before else code
        out.setdefault(code, []).append(p)
    for code in codes:
        if code != host:
            out.setdefault(code, [])
    return list(out.items())


def finish(doc: Document, ev: EventDraft, span: list[int], officials: set[str]) -> None:
    """The ambassador is posted in the receiving official's state (else the release's)."""
    receiver_states = [
        doc.persons[p].state
        for p in ev.participants
        if doc.persons[p].role and not is_ambassador(doc.persons[p].role)
    ]
    ambassador_posted = None
    for p in ev.participants:
        person = doc.persons[p]
        if is_ambassador(person.role) and person.posted_in is None:
            person.posted_in = next(
                (s for s in receiver_states if s and s != person.state), doc.home_state
            )
        if is_ambassador(person.role):
            ambassador_posted = person.posted_in
    ev.add_parties([ambassador_posted] if ambassador_posted else [])
