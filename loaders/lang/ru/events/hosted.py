"""HOSTED: a state body or IGO holds an event (reception, round table, briefing,
conference, lecture). The host is the organization named with the event (else in the rest
of its paragraph); parties are the host's state, the organizers and participants named
after "при поддержке", "с участием", "представители", and the officials taking part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dipgraph.graph.model import is_igo
from dipgraph.loaders.extract.doc import Document, EventDraft
from dipgraph.loaders.lang.ru.events import frames
from dipgraph.loaders.lang.ru.events.common import (
    HOSTING_VERBS,
    PARTY_TRIGGERS,
    TOPIC_WORDS,
    _lem,
    person_keys,
)
from dipgraph.loaders.lang.ru.models import parses
from dipgraph.loaders.lang.ru.orgs import find_orgs

if TYPE_CHECKING:  # pragma: no cover
    from dipgraph.loaders.lang.ru.events import SentenceContext


MEDIA_WORDS = {"сми", "журналист", "пресса", "общественность", "эксперт", "студент", "медиа"}


def draft(ctx: SentenceContext, fmt: str | None, ci: int, cue: str) -> list[EventDraft]:
    how = _told(ctx, ci)
    if how is None:
        return []
    ev = EventDraft("HOSTED", ctx.index, ctx.doc.sentences[ctx.index].paragraph, cue=cue)
    ev.sentences = [ctx.index]
    ev.host = next((o for o in ctx.orgs if o.kind != "other"), None)
    ev.participants = [p for p in ctx.people if p in ctx.officials]
    ev.pattern = "hosted" if how == "held" else "attendance"
    if how == "attended":
        ev.format = "multilateral_attendance"
    # an IGO named with the event ("заседание СМИД ОТГ", "брифинг для ... СВМДА")
    ev.add_parties(_igos_of(ctx, ci))
    held_in, igos = None, []
    if how == "attended":
        # "Делегация Республики Таджикистан ... приняла участие в заседании": who attended
        fr = frames.frame(ctx.doc, ctx.index, ci, ctx.states)
        agent = fr.agent
        if fr.pronoun and not agent.persons:
            who = frames.antecedent(ctx.doc, ctx.index, ctx.doc.publisher)
            agent = frames.Side([who] if who else [], list(agent.states))
        quoted = _quoted(ctx.toks)
        named_only = {m.code for m in ctx.states if m.tok_start - ctx.base in quoted} - {
            m.code for m in ctx.states if m.tok_start - ctx.base not in quoted
        }
        ev.add_parties(
            [ctx.doc.persons[p].state for p in agent.persons]
            + [c for c in agent.states if c not in named_only]
        )
        ev.participants += [p for p in agent.persons if p not in ev.participants]
        held_in = _held_in(ctx, agent.persons)
        igos = [c for c in ev.parties if is_igo(c) and c not in INFORMAL_GROUPINGS]
        if held_in and not igos:
            # "принимает участие в саммите БРИКС, который проходит в Бразилии", "прибыл в
            # Турцию для участия в форуме": a forum or a grouping without a secretariat is
            # hosted by the state that holds it (an IGO's council by the IGO)
            ev.add_parties([held_in])
            ev.pattern = HELD_IN_STATE
        if not ev.parties or all(is_igo(c) or c == held_in for c in ev.parties):
            ev.add_parties([ctx.doc.publisher])
    ev.add_parties(_triggered_parties(ctx.doc, [ctx.index]))
    if ev.pattern == HELD_IN_STATE:
        ev.parties = [c for c in ev.parties if c not in INFORMAL_GROUPINGS]
    ev.confidence = 0.7 if ev.host else 0.55
    return [ev]


# groupings without a secretariat of their own: their summits are hosted by the state
# that holds them (the chair)
INFORMAL_GROUPINGS = {"BRICS", "G20", "G7", "G77"}
HELD_IN_STATE = "attendance_held_in"  # the pattern of an attendance hosted by a state
ARRIVAL_VERBS = {"прибыть", "прилететь", "приехать", "отправиться", "находиться", "посетить"}
VENUE_PREPS = ("в", "во", "на")


def _held_in(ctx: SentenceContext, attendees: list[str]) -> str | None:
    """The state an attended event is held in: the place after "в"/"на" in the sentence
    that is no attendee's post ("посол России в Казахстане")."""
    titled = set()
    for p in attendees:
        for m in ctx.mentions:
            if m.person == p and m.title is not None and m.title.start >= 0:
                titled.update(range(m.title.start, m.title.end))
    for m in sorted(ctx.states, key=lambda m: m.tok_start):
        i = m.tok_start - ctx.base
        if m.kind not in ("state", "city") or m.start in titled:
            continue
        if i > 0 and ctx.toks[i - 1].text.lower() in VENUE_PREPS:
            return m.code
    return None


MEETING_NOUNS = {"консультация", "переговоры", "переговор", "встреча", "беседа"}


def _told(ctx: SentenceContext, ci: int) -> str | None:
    """How the sentence tells the event named at ``ci``: "held" when a hosting verb has it
    as subject or object ("посольство провело брифинг", "прошел круглый стол"),
    "attended" for "принял участие в заседании", None when the noun only frames the
    sentence ("в рамках заседания", "накануне заседания") or the verb is future."""
    tree = frames.parse(ctx.doc, ctx.index)
    toks = ctx.toks
    if any(
        tree[c][0] == ci and tree[c][1] == "nmod" and _lem(toks[c]) & MEETING_NOUNS
        for c in range(len(tree))
    ):
        return None  # "заседание политических консультаций": the consultations are told
    k = ci
    for _ in range(4):
        h, rel = tree[k]
        if h < 0:
            return None
        if rel == "conj" or rel == "amod":
            k = h
            continue
        head = toks[h]
        ps = parses(head.text)
        if ps and (ps[0].tag.tense == "futr" or ps[0].tag.POS == "INFN"):
            return None
        if rel in ("nsubj", "nsubj:pass", "obj") and _lem(head) & HOSTING_VERBS:
            return "held"
        speaker = h
        if rel == "nmod" and tree[h][1] == "xcomp" and tree[h][0] >= 0:
            speaker = tree[h][0]  # "выступил почетным гостем на сессии"
        if rel in ("obl", "nmod") and _lem(toks[speaker]) & {"выступить", "выступать"}:
            return "held"
        if rel == "nmod" and "участие" in _lem(head):
            # "приняла участие в заседании", not "в рамках участия в заседании ..."
            hh, hrel = tree[h]
            if hrel == "obj" and hh >= 0 and _lem(toks[hh]) & {"принять", "принимать"}:
                ps = parses(toks[hh].text)
                if ps and ps[0].tag.POS == "VERB" and ps[0].tag.tense != "futr":
                    return "attended"
            if hrel in ("obl", "advcl", "nmod") and hh >= 0 and _lem(toks[hh]) & ARRIVAL_VERBS:
                # "прибыл в Турцию для участия в форуме": he came to take part
                ps = parses(toks[hh].text)
                if ps and ps[0].tag.POS == "VERB" and ps[0].tag.tense != "futr":
                    return "attended"
            return None
        if rel in ("obl", "nmod") and _lem(head) & {"принять", "участвовать"}:
            kids = [c for c, (hh, _) in enumerate(tree) if hh == h]
            if _lem(head) & {"участвовать"} or any("участие" in _lem(toks[c]) for c in kids):
                return "attended"
        return None
    return None


def _igos_of(ctx: SentenceContext, ci: int) -> list[str]:
    tree = frames.parse(ctx.doc, ctx.index)
    inside = {ci}
    changed = True
    while changed:
        changed = False
        for k, (h, _) in enumerate(tree):
            if h in inside and k not in inside:
                inside.add(k)
                changed = True
    found = [m.code for m in ctx.states if m.kind == "igo" and m.tok_start - ctx.base in inside]
    if not found:
        # the parser may hang a long name elsewhere: the first IGO named after the noun
        # before the clause goes on
        toks = ctx.toks
        for m in sorted(ctx.states, key=lambda m: m.tok_start):
            i = m.tok_start - ctx.base
            if i > ci and m.kind == "igo":
                if not any(frames._clause_ends(toks, j) for j in range(ci + 1, i)):
                    found.append(m.code)
                break
    return found


def finish(doc: Document, ev: EventDraft, span: list[int], officials: set[str]) -> None:
    if ev.host is None:
        for si in span:
            ev.host = next((o for o in find_orgs(doc, si) if o.kind != "other"), None)
            if ev.host:
                break
    if ev.host and not ev.host.state and ev.host.kind in ("embassy", "ministry"):
        ev.host.state = doc.publisher  # "В Посольстве состоялся приём": the publisher's
    if ev.host and ev.host.state:
        ev.add_parties([ev.host.state])
    ev.add_parties(_triggered_parties(doc, span))
    for si in span:
        for p in person_keys([m for m in doc.mentions if m.sent == si]):
            if p in officials and p not in ev.participants:
                ev.participants.append(p)
    ev.add_parties([doc.persons[p].state for p in ev.participants])
    if ev.pattern == HELD_IN_STATE:
        ev.parties = [c for c in ev.parties if c not in INFORMAL_GROUPINGS]
    if _session_of_officials(doc, ev):
        # "состоялось заседание заместителей министров иностранных дел стран Центральной
        # Азии и России" with no host: the officials met together, one joint MET
        toks = doc.sentence_tokens(ev.sentence)
        remote = any(t.text.lower().startswith(("видеоконференц", "онлайн")) for t in toks)
        ev.type, ev.format, ev.pattern = "MET", "video_call" if remote else None, "joint_session"
    if not ev.parties:
        ev.type = "DROP"  # no state or IGO identifiable in it


SESSION_NOUNS = {"заседание", "встреча", "совещание"}
OFFICIAL_HEADS = {"министр", "заместитель", "глава", "руководитель", "замминистра"}


def _session_of_officials(doc: Document, ev: EventDraft) -> bool:
    """A session named by the officials who sat in it, with no host, of two or more
    states and no IGO."""
    if ev.host is not None or len(ev.parties) < 2 or any(is_igo(c) for c in ev.parties):
        return False
    toks = doc.sentence_tokens(ev.sentence)
    ci = next((k for k, t in enumerate(toks) if t.text == ev.cue), None)
    if ci is None or not _lem(toks[ci]) & SESSION_NOUNS or ci + 1 >= len(toks):
        return False
    return bool(_lem(toks[ci + 1]) & OFFICIAL_HEADS) and len(ev.participants) >= 2


def _triggered_parties(doc: Document, sent_ids: list[int]) -> list[str]:
    """States/IGOs named after "при поддержке", "с участием", "представители", ...:
    organizers and participants of a hosted event."""
    out: list[str] = []
    for si in sent_ids:
        s = doc.sentences[si]
        toks = doc.tokens[s.tok_start : s.tok_end]
        quoted = _quoted(toks)
        # "«Многонациональная Грузия», «Свободная Грузия»": a name of an outlet or a
        # title, no state taking part
        sts = [
            m
            for m in doc.states
            if s.start <= m.start < s.end and m.tok_start - s.tok_start not in quoted
        ]
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
                    after = m.tok_end - s.tok_start
                    if m.kind == "adj" and after < len(toks) and _lem(toks[after]) & MEDIA_WORDS:
                        continue  # "представителей грузинских СМИ": no state body
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


def _quoted(toks: list, longest: int = 6) -> set[int]:
    """Indexes of the tokens inside short «...» or "..." quotes: names of outlets, events,
    documents (a quoted statement runs longer)."""
    out: set[int] = set()
    opened: int | None = None
    for k, t in enumerate(toks):
        if opened is None and t.text in ("«", "“", "„", '"'):
            opened = k
        elif opened is not None and t.text in ("»", "”", '"'):
            if k - opened - 1 <= longest:
                out.update(range(opened + 1, k))
            opened = None
    return out
