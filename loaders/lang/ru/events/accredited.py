"""ACCREDITED: credentials (or their copies) handed over by an ambassador to the host
state. A credentials ceremony is ACCREDITED only, even when "the sides discussed"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dipgraph.loaders.extract.doc import Document, EventDraft
from dipgraph.loaders.lang.ru.events.common import _party_states
from dipgraph.loaders.lang.ru.roles import is_ambassador

if TYPE_CHECKING:  # pragma: no cover
    from dipgraph.loaders.lang.ru.events import SentenceContext


def draft(ctx: SentenceContext, fmt: str | None, ci: int, cue: str) -> EventDraft | None:
    doc = ctx.doc
    ev = EventDraft("ACCREDITED", ctx.index, doc.sentences[ctx.index].paragraph, cue=cue)
    ev.sentences = [ctx.index]
    ev.kind = fmt
    ev.pattern = fmt or "credentials"
    ev.participants = list(ctx.people)
    ev.add_parties([doc.persons[p].state for p in ctx.people])
    ev.add_parties(_party_states(doc, ctx.toks, ctx.base, ctx.states, []))
    if not ev.participants and len(ev.parties) < 2:
        return None
    ev.confidence = 0.9 if ctx.people else 0.7
    return ev


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
