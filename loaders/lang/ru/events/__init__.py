"""Stage 6: events, by the annotation rules of DESIGN.md, one module per event type.

A sentence becomes an event when it has a cue (:func:`common.cues`: встреча, переговоры,
консультации, обмен мнениями, верительные грамоты, a hosted event noun with a hosting
verb) that the text reports as having happened (:func:`common.reported`). Each type's
module decides whether the sentence names enough for an event of its type and builds the
draft (``draft``), then completes it from the rest of its paragraph (``finish``):

- :mod:`.met` — two named sides meet, talk, call;
- :mod:`.accredited` — credentials (or their copies) handed over;
- :mod:`.consulted` — consultations, negotiation rounds, exchanges of views between states;
- :mod:`.hosted` — a state body or IGO holds an event.

Cues of one type inside one paragraph are one event (later sentences refine it:
"Стороны также обменялись мнениями", "Мероприятие организовано при поддержке ...").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from dipgraph.loaders.extract.doc import Document, EventDraft, PersonMention, StateMention, Token
from dipgraph.loaders.lang.ru.events import accredited, consulted, hosted, met
from dipgraph.loaders.lang.ru.events.common import cues, person_keys, reported, venue
from dipgraph.loaders.lang.ru.orgs import OrgMention, find_orgs

TYPES = {"MET": met, "ACCREDITED": accredited, "CONSULTED": consulted, "HOSTED": hosted}
# The work of one sentence is bounded: lists become one event per counterpart, and a
# sentence past these bounds (hostile or broken input) is reported as skipped rather
# than parsed and exploded into contacts.
MAX_SENTENCE_CHARS = 3000
MAX_SENTENCE_PEOPLE = 30


@dataclass
class SentenceContext:
    """What the type modules read about one sentence."""

    doc: Document
    index: int
    toks: list[Token]
    states: list[StateMention]
    mentions: list[PersonMention]
    people: list[str]
    officials: set[str]
    types_here: set[str] = field(default_factory=set)

    @property
    def base(self) -> int:
        return self.doc.sentences[self.index].tok_start

    @cached_property
    def orgs(self) -> list[OrgMention]:
        return find_orgs(self.doc, self.index)


def _same_event(old: EventDraft, new: EventDraft) -> bool:
    """A later cue of the paragraph tells the same event when it is of the same type and
    names no other counterpart: its parties and people are all known already (or it
    names none of its own)."""
    if old.type != new.type or old.sentence == new.sentence:
        return False
    if new.type == "HOSTED":
        return True
    return (
        set(new.parties) <= set(old.parties)
        and set(new.participants) <= set(old.participants)
        or (not new.parties and not new.participants)
    )


def events(doc: Document) -> Document:
    doc.events = []
    officials = {k for k, p in doc.persons.items() if p.is_official}
    r = doc.release
    published = r.published if r.published and r.date_precision != "unknown" else None
    by_paragraph: dict[int, list[EventDraft]] = {}
    by_sentence: dict[int, list[PersonMention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sent, []).append(m)
    for si, s in enumerate(doc.sentences):
        toks = doc.tokens[s.tok_start : s.tok_end]
        found = cues(toks)
        if not found:
            continue
        sent_mentions = by_sentence.get(si, [])
        if len(s.text) > MAX_SENTENCE_CHARS or len(sent_mentions) > MAX_SENTENCE_PEOPLE:
            doc.warnings.append(
                f"sentence at offset {s.start} skipped: {len(s.text)} characters, "
                f"{len(sent_mentions)} people named (limits {MAX_SENTENCE_CHARS}, "
                f"{MAX_SENTENCE_PEOPLE})"
            )
            continue
        ctx = SentenceContext(
            doc,
            si,
            toks,
            [m for m in doc.states if s.start <= m.start < s.end],
            sent_mentions,
            person_keys(sent_mentions),
            officials,
            {c[0] for c in found},
        )
        para_events = by_paragraph.setdefault(s.paragraph, [])
        done: set[str] = set()
        for type_, fmt, ci, cue_text in found:
            needs_verb = type_ in ("MET", "TALKS", "CONSULTED")
            nominal = type_ in ("MET", "TALKS") and len(ctx.people) >= 2
            if not reported(toks, ci, needs_verb, nominal, published):
                continue
            met_drafts = None
            if type_ == "TALKS":
                # talks of named people or officials ("телефонные переговоры с министрами
                # ...") are MET; of states or delegations CONSULTED
                if len(ctx.people) < 2:
                    met_drafts = met.draft(ctx, fmt, ci, cue_text) if "MET" not in done else []
                type_ = "MET" if len(ctx.people) >= 2 or met_drafts else "CONSULTED"
            if type_ == "MET" and "ACCREDITED" in ctx.types_here:
                continue  # a credentials ceremony is ACCREDITED only
            if type_ in done:
                continue
            drafts = met_drafts or TYPES[type_].draft(ctx, fmt, ci, cue_text)
            if not drafts:
                # a later sentence about the paragraph's event ("Стороны также ...")
                same = next((e for e in para_events if e.type == type_), None)
                if same is not None:
                    same.sentences.append(si)
                continue
            done.add(type_)
            for draft in drafts:
                draft.venue = venue(doc, toks, s.tok_start, ctx.states)
                same = next((e for e in para_events if _same_event(e, draft)), None)
                if same is not None:
                    same.sentences.append(si)
                    same.add_parties(draft.parties)
                    for p in draft.participants:
                        if p not in same.participants:
                            same.participants.append(p)
                    same.host = same.host or draft.host
                    same.venue = same.venue or draft.venue
                    continue
                para_events.append(draft)
                doc.events.append(draft)
    for para, evs in by_paragraph.items():
        para_sents = [i for i, s in enumerate(doc.sentences) if s.paragraph == para]
        for ev in evs:
            later = [e.sentence for e in evs if e.sentence > ev.sentence]
            stop = min(later) if later else para_sents[-1] + 1
            span = [i for i in para_sents if ev.sentence <= i < stop]
            finish = getattr(TYPES[ev.type], "finish", None)
            if finish is not None:
                finish(doc, ev, span, officials)
    doc.events = sorted((e for e in doc.events if e.type != "DROP"), key=lambda e: e.sentence)
    return doc


__all__ = ["TYPES", "SentenceContext", "events"]
