"""MET: two or more officials meet, hold talks or call each other.

Decided by the annotation rules (a contact the text reports as having happened): a
meeting told by a verb of happening ("встретился с", "провели переговоры", "принял посла",
"принимает своего коллегу X"); a meeting noun the text marks as past without one
("вчерашняя/состоявшаяся встреча X с Y", "в ходе встречи X с Y стороны обсудили", "на
встрече с Y X заявил", "по итогам переговоров X с Y", a year before the release's); a
discussion or an agreement between two named officials ("X и Y обсудили", "X побеседовал
с Y", "X договорился с Y о ..." — not "договорились встретиться": that is a plan). A
phone conversation between two officials ("телефонный разговор", "по телефону",
"созвонились") is MET with format "phone_call". Both sides must be named people:
"встреча с российским лидером" or "переговоры с X и Y" alone (one side) is no MET.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dipgraph.loaders.extract.doc import EventDraft, PersonMention, Token
from dipgraph.loaders.lang.ru.events import frames
from dipgraph.loaders.lang.ru.events.common import (
    COUNTERPART_NOUNS,
    HAPPEN_VERBS,
    PER_WINDOW,
    PHONE_WORDS,
    _lem,
    _receives,
    _verb_info,
)
from dipgraph.loaders.lang.ru.models import parses

if TYPE_CHECKING:  # pragma: no cover
    from dipgraph.loaders.lang.ru.events import SentenceContext


def draft(ctx: SentenceContext, fmt: str | None, ci: int, cue: str) -> list[EventDraft]:
    """One MET per counterpart (a list of counterparts gives bilateral events), one with
    every party for a joint meeting; the sides from the parse (:mod:`.frames`), else the
    older two-named-people rule."""
    doc = ctx.doc
    phone = any(_lem(t) & PHONE_WORDS for t in ctx.toks[max(0, ci - 3) : ci + 4])
    fmt_out = "phone_call" if phone else ("talks" if fmt == "negotiations" else None)
    pattern = "phone_call" if phone else ("talks" if fmt == "negotiations" else "meeting")
    out = _from_frame(ctx, ci, cue, fmt_out, pattern)
    if out is not None:
        return out
    people = ctx.people
    if len(people) < 2 or not _met_pair(ctx.toks, ctx.base, ci, ctx.mentions):
        return _officials_of_states(ctx, ci, cue, fmt_out)
    if len({doc.persons[p].state for p in people} - {None}) > 2 and not frames.is_joint(
        ctx.toks, ci
    ):
        return []  # several counterparts and no side that met them all: never joined
    ev = _new(ctx, cue, fmt_out, pattern + "_window")  # the token-window rule
    ev.participants = list(people)
    ev.add_parties([doc.persons[p].state for p in people])
    ev.confidence = 0.85 if all(p in ctx.officials for p in people) else 0.6
    return [ev]


OFFICIAL_PLURALS = {"министр", "глава", "руководитель", "заместитель", "президент", "лидер"}
TITLE_WORDS = {"иностранный", "дело", "мид", "внешнеполитический", "ведомство", "государство"}


def _officials_of_states(
    ctx: SentenceContext, ci: int, cue: str, fmt: str | None
) -> list[EventDraft]:
    """ "встреча министров иностранных дел Молдавии и России прошла ...": officials of
    two or more states named by a plural title after a meeting noun met, no names given."""
    toks = ctx.toks
    if ci + 1 >= len(toks) or not _lem(toks[ci + 1]) & OFFICIAL_PLURALS:
        return []
    ps = parses(toks[ci + 1].text)
    if not ps or ps[0].tag.POS != "NOUN" or ps[0].tag.number != "plur":
        return []
    states = sorted(
        (m for m in ctx.states if m.kind == "state" and m.tok_start - ctx.base > ci + 1),
        key=lambda m: m.tok_start,
    )
    k = ci + 2
    found: list[str] = []
    for m in states:
        i = m.tok_start - ctx.base
        between = toks[k:i]
        if not found and all(_lem(t) & TITLE_WORDS for t in between):
            found.append(m.code)
        elif found and [t.text.lower() for t in between] in (["и"], [","]):
            found.append(m.code)
        else:
            break
        k = m.tok_end - ctx.base
    if len(set(found)) < 2:
        return []
    ev = _new(ctx, cue, fmt, "officials_of_states")
    ev.add_parties(found)
    ev.confidence = 0.6
    return [ev]


def _new(ctx: SentenceContext, cue: str, fmt: str | None, pattern: str) -> EventDraft:
    ev = EventDraft("MET", ctx.index, ctx.doc.sentences[ctx.index].paragraph, cue=cue)
    ev.sentences = [ctx.index]
    ev.format = fmt
    ev.pattern = pattern
    return ev


def _from_frame(
    ctx: SentenceContext, ci: int, cue: str, fmt: str | None, pattern: str
) -> list[EventDraft] | None:
    """Events from the parse, or None when the parse does not show two sides."""
    doc = ctx.doc
    fr = frames.frame(doc, ctx.index, ci, ctx.states)
    counterparts = [g for g in fr.counterparts if g.persons or (g.official and g.states)]
    if not counterparts:
        # "X и Y в ходе телефонной беседы осудили ...": the subject names both sides
        people = fr.agent.persons
        if len(people) >= 2 and len({doc.persons[p].state for p in people} - {None}) >= 2:
            ev = _new(ctx, cue, fmt, pattern + "_pair")
            ev.participants = list(people)
            ev.add_parties([doc.persons[p].state for p in people])
            ev.confidence = 0.8
            return [ev]
        return None
    agent = fr.agent
    if fr.pronoun and not agent.persons:
        # "он провел встречи с ...", "совершил ряд встреч": the official named before
        who = frames.antecedent(doc, ctx.index, doc.publisher)
        if who is not None:
            agent = frames.Side([who], list(agent.states), True, list(agent.cities))
    own_states = [doc.persons[p].state for p in agent.persons if doc.persons[p].state]
    own_states += [c for c in agent.states if c not in own_states]
    implicit = False
    if not own_states and doc.publisher and (agent.official or agent.persons or not fr.subject):
        own_states = [doc.publisher]  # "Глава МИД провел ...": the reporting side
        implicit = True
    if not own_states and doc.publisher and fr.pronoun:
        own_states = [doc.publisher]
        implicit = True
    if implicit and not agent.persons and not fr.subject:
        # "Состоялись встречи с ...": the own official who "провел ряд встреч" just before
        who = frames.antecedent(doc, ctx.index, doc.publisher, recent=2)
        if who is not None and doc.persons[who].state in (None, *own_states):
            agent = frames.Side([who], list(agent.states), True, list(agent.cities))
    several = len(counterparts) > 1 and not fr.joint
    if not agent.persons and not own_states:
        return [] if several else None  # never join the counterparts to each other
    if not agent.persons and not implicit and not agent.official:
        return [] if several else None
    named = bool(agent.persons) and all(g.persons for g in counterparts)
    base_conf = 0.85 if named else 0.7
    if fr.joint or len(counterparts) == 1:
        suffix = "_joint" if fr.joint else ("_implicit" if implicit else "")
        ev = _new(ctx, cue, fmt, pattern + suffix)
        ev.participants = list(agent.persons)
        ev.add_parties(own_states)
        for g in counterparts:
            ev.participants += [p for p in g.persons if p not in ev.participants]
            ev.add_parties([doc.persons[p].state for p in g.persons] + g.states)
        if len(ev.parties) < 2 and len(ev.participants) < 2:
            return None
        ev.confidence = base_conf
        return [ev]
    out = []
    for g in counterparts:
        ev = _new(ctx, cue, fmt, pattern + "_list")
        ev.participants = list(agent.persons) + [p for p in g.persons if p not in agent.persons]
        ev.add_parties(own_states)
        ev.add_parties([doc.persons[p].state for p in g.persons] + g.states)
        if len(ev.parties) < 2 and len(ev.participants) < 2:
            continue
        ev.confidence = base_conf - 0.05
        out.append(ev)
    return out  # never None here: a list is never joined by the fallback


def _with_counterpart(toks: list[Token], s_i: int, m_i: int) -> bool:
    """ "с" at ``s_i`` governs the person named at ``m_i``: between them only adjectives,
    a title ("с министром иностранных дел Турции Хаканом Фиданом") or "коллега" ("со
    своим французским коллегой"), not another noun ("с журналистами ... Керри")."""
    from dipgraph.loaders.lang.ru.roles import _head

    for k in range(s_i + 1, m_i):
        ps = parses(toks[k].text)
        if ps and ps[0].tag.POS in ("ADJF", "PRTF", "NPRO") and not _head(toks[k]):
            continue
        return bool(_head(toks[k]) or _lem(toks[k]) & COUNTERPART_NOUNS)
    return True


def _met_pair(toks: list[Token], base: int, cue_i: int, mentions: list[PersonMention]) -> bool:
    """The meeting cue joins two sides, each with a named person: "встретился с X",
    "встреча X с Y", "принял посла X", "переговоры X и Y", "X и Y встретились", "X и Y
    провели телефонный разговор". People named only after "с" are one side ("переговоры с
    генсеком X и министром Y"): the other side must be named too."""
    after = [
        m
        for m in mentions
        if cue_i < m.tok_start - base <= cue_i + PER_WINDOW
        and not any(t.text in (".", ";", ",") for t in toks[cue_i + 1 : m.tok_start - base])
    ]
    if after:
        between = toks[cue_i + 1 : after[-1].tok_start - base]
        withs = [
            k
            for k in range(cue_i + 1, after[-1].tok_start - base)
            if toks[k].text.lower() in ("с", "со")
        ]
        if withs:
            # the first person named after each "с" (not a subject named after it: "На
            # встрече с Послом ... X заместитель министра Y отметил")
            counterpart = []
            for k in withs:
                m = next((m for m in after if m.tok_start - base > k), None)
                if m and _with_counterpart(toks, k, m.tok_start - base) and m not in counterpart:
                    counterpart.append(m)
                    # "с генсеком X и министром обороны Y": one side
                    for m2 in after[after.index(m) + 1 :]:
                        gap = toks[counterpart[-1].tok_end - base : m2.tok_start - base]
                        if not gap or gap[0].text.lower() != "и":
                            break
                        counterpart.append(m2)
            if counterpart:
                others = [m for m in mentions if m not in counterpart]
                if {m.person for m in others} - {m.person for m in counterpart} - {None}:
                    return True
        if any(t.text.lower() == "между" for t in between) and len(after) >= 2:
            return True
        if _receives(toks, cue_i, [m.tok_start - base for m in after]):
            return True
        if len(after) >= 2 and any(t.text.lower() == "и" for t in between) and not withs:
            return True
    before = [m for m in mentions if m.tok_end - base <= cue_i]
    if len(before) >= 2:
        a, b = before[-2], before[-1]
        gap = toks[b.tok_end - base : cue_i]
        # "X и Y встретились", "X и Y провели встречу": the verb right after the pair
        joined = _verb_info(toks[cue_i]) or any(_lem(t) & HAPPEN_VERBS for t in gap)
        if len(gap) >= 2 and gap[0].text == "," and "который" in _lem(gap[1]):
            gap = gap[2:]  # "X и Y, которые сегодня встречаются"
        if joined and len(gap) <= 4 and not any(t.text in (".", ";", ",", "—") for t in gap):
            return any(t.text.lower() == "и" for t in toks[a.tok_end - base : b.tok_start - base])
    return False
