"""CONSULTED: consultations, negotiation rounds and exchanges of views between states or
IGOs (with or without named officials). The parties are the states acting near the cue,
not the venue's state and never the topic of talks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dipgraph.loaders.extract.doc import Document, EventDraft, StateMention, Token
from dipgraph.loaders.lang.ru.events import frames
from dipgraph.loaders.lang.ru.events.common import CUE_WINDOW, _lem, _party_states, person_keys

if TYPE_CHECKING:  # pragma: no cover
    from dipgraph.loaders.lang.ru.events import SentenceContext

DELEGATION_WORDS = {"делегация", "возглавить", "возглавлять"}
CONSULTATION_NOUNS = {"консультация", "политконсультация"}
LEAD_WORDS = {"возглавить", "возглавлять", "глава"}  # "возглавил", "во главе с"


def draft(ctx: SentenceContext, fmt: str | None, ci: int, cue: str) -> list[EventDraft]:
    doc, toks, sts, base = ctx.doc, ctx.toks, ctx.states, ctx.base
    exclude = [(o.start, o.end) for o in ctx.orgs if o.kind == "university"]
    near = [m for m in sts if abs(m.tok_start - base - ci) <= CUE_WINDOW]
    between = next(
        (k for k in range(ci + 1, min(len(toks), ci + 4)) if toks[k].text.lower() == "между"), None
    )
    if between is not None:
        # "консультаций между Министерством ... Азербайджанской Республики и
        # Министерством ... Венгерской Республики": the sides, however long their names
        near = [m for m in sts if m.tok_start - base > between] + [
            m for m in near if m.tok_start - base <= between
        ]
    parties = _party_states(doc, toks, base, near, exclude)
    for c in _side_adjectives(toks, base, near) + _delegations(toks, base, sts):
        if c not in parties:
            parties.append(c)
    if len(parties) < 2:
        # "Москва и Пекин провели консультации", "консультации Денисова с Апаканом",
        # "российско-китайские консультации": the sides from the parse and the cue's
        # adjectives
        for c in _sides(ctx, ci) + _cue_adjectives(toks, base, sts, ci):
            if c not in parties:
                parties.append(c)
    if len(parties) < 2 and any("визит" in _lem(t) for t in toks):
        # "визит ... в Восточную Республику Уругвай для проведения консультаций": the
        # visited state is the other side, the visitor the reporting one
        for m in sts:
            i = m.tok_start - base
            if m.kind == "state" and any(
                toks[j].text.lower() in ("в", "во") for j in range(max(0, i - 2), i)
            ):
                if m.code not in parties:
                    parties.append(m.code)
        if len(parties) == 1 and doc.publisher and doc.publisher not in parties:
            parties.insert(0, doc.publisher)
    if len(parties) == 1 and doc.home_state and doc.home_state not in parties:
        i = next(m for m in sts if m.code == parties[0]).tok_start - base
        if i > 0 and toks[i - 1].text.lower() in ("с", "со"):
            parties.insert(0, doc.home_state)
    if len(parties) < 2:
        return []
    ev = EventDraft("CONSULTED", ctx.index, doc.sentences[ctx.index].paragraph, cue=cue)
    ev.sentences = [ctx.index]
    ev.format = fmt
    ev.pattern = fmt or "consultations"
    ev.add_parties(parties)
    # "между министерствами иностранных дел X и Y" names the sides, no host
    ev.host = next(
        (o for o in ctx.orgs if o.kind in ("ministry", "embassy") and not o.plural), None
    )
    ev.participants = [p for p in ctx.people if p in ctx.officials]
    ev.confidence = 0.8
    return [ev]


def _sides(ctx: SentenceContext, ci: int) -> list[str]:
    doc = ctx.doc
    fr = frames.frame(doc, ctx.index, ci, ctx.states)
    out: list[str] = []
    for side in [fr.agent, *fr.counterparts]:
        codes = side.states or side.cities  # a capital for its state: "Москва и Пекин"
        codes = codes + [doc.persons[p].state for p in side.persons if doc.persons[p].state]
        if not codes and side is fr.agent and side.persons and doc.publisher:
            codes = [doc.publisher]  # "консультации Денисова с ...": the reporting side
        out += [c for c in codes if c and c not in out]
    return out


def _cue_adjectives(toks: list[Token], base: int, states: list[StateMention], ci: int) -> list[str]:
    """ "российско-китайские консультации", "казахстанско-германских переговоров"."""
    return [m.code for m in states if m.kind == "adj" and ci - 3 <= m.tok_start - base < ci]


def finish(doc: Document, ev: EventDraft, span: list[int], officials: set[str]) -> None:
    """ "Узбекскую делегацию возглавил ...": the delegations' heads take part."""
    # and later in the release, where a sentence names the consultations again with who
    # led them ("С азербайджанской стороны консультации возглавил ...")
    told = {e.sentence for e in doc.events}
    later = [
        si
        for si in range(ev.sentence + 1, len(doc.sentences))
        if si not in span
        and si not in told
        and any(_lem(t) & CONSULTATION_NOUNS for t in doc.sentence_tokens(si))
        and any(_lem(t) & LEAD_WORDS for t in doc.sentence_tokens(si))
    ]
    for si in span[1:] + later:
        st = doc.tokens[doc.sentences[si].tok_start : doc.sentences[si].tok_end]
        if any(_lem(t) & DELEGATION_WORDS for t in st):
            for p in person_keys([m for m in doc.mentions if m.sent == si]):
                if p in officials and p not in ev.participants:
                    ev.participants.append(p)


def _side_adjectives(toks: list[Token], base: int, states: list[StateMention]) -> list[str]:
    """ "с турецкой стороной", "казахстанская сторона": a side named by its adjective."""
    out = []
    for m in states:
        i = m.tok_end - base
        if m.kind == "adj" and i < len(toks) and "сторона" in _lem(toks[i]) and m.code not in out:
            out.append(m.code)
    return out


def _delegations(toks: list[Token], base: int, states: list[StateMention]) -> list[str]:
    """ "делегация МИД Кыргызской Республики ...": the state a delegation comes from."""
    out = []
    for k, t in enumerate(toks):
        if "делегация" in _lem(t):
            for m in states:
                if m.kind in ("state", "igo", "adj") and k < m.tok_start - base <= k + 6:
                    if m.code not in out:
                        out.append(m.code)
                    break
    return out
