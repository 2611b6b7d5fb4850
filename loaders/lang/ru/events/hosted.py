"""HOSTED: a state body or IGO holds an event (reception, round table, briefing,
conference, lecture). The host is the organization named with the event (else in the rest
of its paragraph); parties are the host's state, the organizers and participants named
after "при поддержке", "с участием", "представители", and the officials taking part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dipgraph.loaders.extract.doc import Document, EventDraft
from dipgraph.loaders.lang.ru.events.common import (
    PARTY_TRIGGERS,
    TOPIC_WORDS,
    _lem,
    person_keys,
)
from dipgraph.loaders.lang.ru.orgs import find_orgs

if TYPE_CHECKING:  # pragma: no cover
    from dipgraph.loaders.lang.ru.events import SentenceContext


def draft(ctx: SentenceContext, fmt: str | None, ci: int, cue: str) -> list[EventDraft]:
    ev = EventDraft("HOSTED", ctx.index, ctx.doc.sentences[ctx.index].paragraph, cue=cue)
    ev.sentences = [ctx.index]
    ev.host = next((o for o in ctx.orgs if o.kind != "other"), None)
    ev.pattern = "hosted"
    ev.confidence = 0.7 if ev.host else 0.55
    return [ev]


def finish(doc: Document, ev: EventDraft, span: list[int], officials: set[str]) -> None:
    if ev.host is None:
        for si in span:
            ev.host = next((o for o in find_orgs(doc, si) if o.kind != "other"), None)
            if ev.host:
                break
    if ev.host and ev.host.state:
        ev.add_parties([ev.host.state])
    ev.add_parties(_triggered_parties(doc, span))
    for si in span:
        for p in person_keys([m for m in doc.mentions if m.sent == si]):
            if p in officials and p not in ev.participants:
                ev.participants.append(p)
    ev.add_parties([doc.persons[p].state for p in ev.participants])
    if not ev.parties:
        ev.type = "DROP"  # no state or IGO identifiable in it


def _triggered_parties(doc: Document, sent_ids: list[int]) -> list[str]:
    """States/IGOs named after "при поддержке", "с участием", "представители", ...:
    organizers and participants of a hosted event."""
    out: list[str] = []
    for si in sent_ids:
        s = doc.sentences[si]
        toks = doc.tokens[s.tok_start : s.tok_end]
        sts = [m for m in doc.states if s.start <= m.start < s.end]
        for k, t in enumerate(toks):
            if _lem(t) & PARTY_TRIGGERS:
                last = min(len(toks) - 1, k + 25)
                for k2 in range(k + 1, last + 1):
                    if _lem(toks[k2]) & TOPIC_WORDS:
                        last = k2
                        break
                window_end = toks[last].end
                adj_end = toks[min(len(toks) - 1, k + 3)].end
                for m in sts:
                    if m.kind == "adj" and not (
                        _lem(t) & {"представитель", "делегация"} and m.start <= adj_end
                    ):
                        continue
                    if t.end <= m.start <= window_end and m.kind in ("state", "igo", "adj"):
                        i = m.tok_start - s.tok_start
                        if i > 0 and toks[i - 1].text.lower() in ("в", "во", "по", "о", "об"):
                            continue
                        if m.code not in out:
                            out.append(m.code)
    return out
