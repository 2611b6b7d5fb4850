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

import re
from dataclasses import dataclass, field
from functools import cached_property

from dipgraph.loaders.extract.doc import Document, EventDraft, PersonMention, StateMention, Token
from dipgraph.loaders.lang.ru.events import accredited, consulted, frames, hosted, met
from dipgraph.loaders.lang.ru.events.common import (
    DURING_PREPS,
    HAPPEN_VERBS,
    PHONE_WORDS,
    _prep_before,
    cues,
    is_planned,
    names_event,
    person_keys,
    reported,
    venue,
)
from dipgraph.loaders.lang.ru.orgs import OrgMention, find_orgs
from dipgraph.loaders.lang.ru.segment import MAX_SENTENCE_CHARS

TYPES = {"MET": met, "ACCREDITED": accredited, "CONSULTED": consulted, "HOSTED": hosted}
# The work of one sentence is bounded: lists become one event per counterpart, and a
# sentence past these bounds (hostile or broken input) is reported as skipped rather
# than parsed and exploded into contacts.
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


ANAPHORIC_NOUNS = {"мероприятие", "церемония"}


def _anaphoric(toks: list[Token], ci: int, told: set[str] = frozenset()) -> bool:
    """A generic event noun that refers back ("В мероприятии также приняли участие"), or
    the bare noun of an event told before ("состоялось заседание ... В заседании
    участвовали ...", "В ходе конференции выступили ...")."""
    from dipgraph.loaders.lang.ru.models import lemmas, parses

    own = lemmas(toks[ci].text)
    if own & told:
        nxt = toks[ci + 1].text if ci + 1 < len(toks) else "."
        if nxt[:1].isupper() or nxt in ("«", '"'):
            return False  # "в заседании Совета ...": an event named for itself
    elif not own & ANAPHORIC_NOUNS:
        return False
    k = ci - 1
    while k >= 0 and ci - k <= 2 and parses(toks[k].text)[0].tag.POS in ("ADJF", "PRTF"):
        k -= 1  # "На торжественном мероприятии"
    return k < 0 or toks[k].text.lower() in ("в", "во", "на", "ходе", "этом", "данном", "этот")


def _cue_lemmas(ev: EventDraft) -> set[str]:
    from dipgraph.loaders.lang.ru.models import lemmas

    return lemmas(ev.cue) if ev.cue and " " not in ev.cue else set()


def _repeats(old: EventDraft, new: EventDraft) -> bool:
    """Another cue of the same sentence telling an event already found there."""
    return (
        old.type == new.type
        and set(new.parties) <= set(old.parties)
        and set(new.participants) <= set(old.participants)
    )


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
    credentials = "верительн" in doc.text.lower()
    cue_paragraphs: dict[int, set[str]] = {}
    unresolved_credentials = False
    by_sentence: dict[int, list[PersonMention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sent, []).append(m)
    for si, s in enumerate(doc.sentences):
        toks = doc.tokens[s.tok_start : s.tok_end]
        cue_paragraphs.setdefault(s.paragraph, set()).update(names_event(toks))
        found = cues(toks, credentials)
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
            if (
                not reported(toks, ci, needs_verb, nominal, published, frames.parse(doc, si))
                and not (
                    type_ == "CONSULTED"
                    and not is_planned(toks, ci)
                    and frames.told_by_past_clause(doc, si, ci, HAPPEN_VERBS)
                )
                and not (
                    # "заявил ... на совместном брифинге с коллегой X": told by the clause
                    fmt == "joint_press"
                    and len(ctx.people) >= 2
                    and frames.told_by_past_clause(doc, si, ci, None)
                )
                and not (
                    # "речь шла и во время телефонных переговоров X с Y": a meeting the
                    # clause's past verb frames
                    nominal
                    and _prep_before(toks, ci) in DURING_PREPS
                    and not is_planned(toks, ci)
                    and frames.told_by_past_clause(doc, si, ci, None)
                )
            ):
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
            if type_ in done and type_ != "MET":
                continue  # one sentence may tell several meetings ("встретился с X ...
                # также провел переговоры с Y"), one event of each other type
            drafts = met_drafts or TYPES[type_].draft(ctx, fmt, ci, cue_text)
            if type_ == "MET" and not drafts and not ctx.people and si > 0:
                drafts = _told_before(doc, si, by_sentence, cue_text, toks)
            if type_ == "ACCREDITED" and not drafts:
                unresolved_credentials = True
            here = [e for e in para_events if e.sentence == si]
            drafts = [d for d in drafts if not any(_repeats(e, d) for e in here)]
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
                told = {w for e in doc.events if e.type == "HOSTED" for w in _cue_lemmas(e)}
                if same is None and draft.type == "HOSTED" and _anaphoric(toks, ci, told):
                    # "В мероприятии также принял участие ...": the event told before
                    same = next((e for e in reversed(doc.events) if e.type == "HOSTED"), None)
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
            if ev.type in ("HOSTED", "CONSULTED") and not later:
                # a release about one reception goes on in the next lines ("Гостей
                # приветствовал посол ...", "Приём посетили ..."): up to the next event
                merged = {doc.sentences[t].paragraph for t in ev.sentences}
                for nxt in range(para + 1, para + 4):
                    own = names_event(doc.sentence_tokens(ev.sentence)) | ANAPHORIC_NOUNS
                    if (
                        by_paragraph.get(nxt)
                        or (
                            # an attended summit's next cues are its side meetings
                            ev.format == "multilateral_attendance"
                            and nxt in by_paragraph
                            and nxt not in merged
                        )
                        or cue_paragraphs.get(nxt, set()) - own
                        or nxt >= len(doc.paragraphs)
                    ):
                        break
                    span += [i for i, s in enumerate(doc.sentences) if s.paragraph == nxt]
            for told in ev.sentences:
                # a later paragraph that went on about it ("В заседании участвовали ...
                # Участников приветствовал ..."): its sentences up to its own next event
                other = doc.sentences[told].paragraph
                if other == para:
                    continue
                starts = [e.sentence for e in by_paragraph.get(other, []) if e.sentence > told]
                span += [
                    i
                    for i, s in enumerate(doc.sentences)
                    if s.paragraph == other
                    and told <= i < min(starts, default=len(doc.sentences))
                    and i not in span
                ]
            finish = getattr(TYPES[ev.type], "finish", None)
            if finish is not None:
                finish(doc, ev, span, officials)
    _sides_named_later(doc, officials)
    if unresolved_credentials and not any(e.type == "ACCREDITED" for e in doc.events):
        _meetings_of_new_ambassadors(doc)
    if any(e.type == "ACCREDITED" for e in doc.events):
        for ev in doc.events:  # "Церемония состоялась в ...": the credentials ceremony
            if ev.type == "HOSTED" and "церемони" in ev.cue.lower():
                ev.type = "DROP"
    _past_visits(doc, published)
    _drop_exchanges_inside_meetings(doc)
    _drop_title_repeats(doc)
    _merge_retold(doc)
    doc.events = sorted((e for e in doc.events if e.type != "DROP"), key=lambda e: e.sentence)
    return doc


CONVERSATION_NOUNS = {"беседа", "разговор", "встреча"}


def _told_before(
    doc: Document,
    si: int,
    by_sentence: dict[int, list[PersonMention]],
    cue: str,
    toks: list[Token],
) -> list[EventDraft]:
    """ "Токаева поздравил также президент Таджикистана Эмомали Рахмон. Беседа прошла по
    предложению официального Душанбе.": a conversation told without its sides is between
    the two officials of two states the sentence before names."""
    from dipgraph.loaders.lang.ru.models import lemmas

    if not any(lemmas(t.text) & CONVERSATION_NOUNS for t in toks[:3]):
        return []  # the noun opens the sentence: it refers back
    people = person_keys(by_sentence.get(si - 1, []))
    known = [doc.persons[p].state for p in people if doc.persons[p].state]
    if len(people) != 2 or not known:
        return []
    if len(known) == 1 and doc.publisher and doc.publisher != known[0]:
        known.append(doc.publisher)  # the release's own leader, named without a title
    if len(set(known)) != 2:
        return []
    ev = EventDraft("MET", si, doc.sentences[si].paragraph, cue=cue, pattern="told_before")
    ev.sentences = [si - 1, si]
    phone = any(lemmas(t.text) & PHONE_WORDS for t in toks)
    ev.format = "phone_call" if phone else None
    ev.participants = people
    ev.add_parties(known)
    ev.confidence = 0.6
    return [ev]


NAMED_LATER_WINDOW = 2  # sentences after a meeting where its sides' names may come


def _sides_named_later(doc: Document, officials: set[str]) -> None:
    """A meeting whose side the sentence names by title only ("прошла встреча главы МИД
    Армении и генсека Совета Европы", "встречи с главами миссий России и Украины") takes
    the officials of that side the next sentences name ("переговоров Арарата Мирзояна и
    Марии Пейчинович-Бурич", "были приглашены посол России Дмитрий Мезенцев и ...")."""
    told = {e.sentence for e in doc.events}
    for ev in doc.events:
        if ev.type != "MET":
            continue
        named = {doc.persons[p].state for p in ev.participants}
        missing = [c for c in ev.parties if c not in named]
        if not missing:
            continue
        stop = min(len(doc.sentences), ev.sentence + 1 + NAMED_LATER_WINDOW)
        for si in range(ev.sentence + 1, stop):
            if si in told:
                break
            for p in person_keys([m for m in doc.mentions if m.sent == si]):
                state = doc.persons[p].state
                if state in missing and p in officials and p not in ev.participants:
                    ev.participants.append(p)
                    missing.remove(state)


VISIT_NOUNS = {"визит", "посещение"}
_YEAR = re.compile(r"^(19|20)\d\d$")


def _past_visits(doc: Document, published: str | None) -> None:
    """A back-reference to a dated past visit of a named official to another state is a
    contact of the two states ("результаты договорённостей во время визита Али Бабаджана
    в Таджикистан в 2008 году", "посещения ... Бердымухамедовым Ирана с 30 по 31 мая 2023
    года"); a visit to come ("предстоящего визита ... в 2010 году") or undated is none."""
    from dipgraph.loaders.lang.ru.models import lemmas

    for si, s in enumerate(doc.sentences):
        toks = doc.tokens[s.tok_start : s.tok_end]
        for ci, t in enumerate(toks):
            if not lemmas(t.text) & VISIT_NOUNS or is_planned(toks, ci):
                continue
            end = next((k for k in range(ci + 1, len(toks)) if toks[k].text in ".;"), len(toks))
            years = [int(x.text) for x in toks[ci + 1 : end] if _YEAR.match(x.text)]
            if not years or (published and max(years) >= int(published[:4])):
                continue
            after = [m for m in doc.mentions if m.sent == si and ci < m.tok_start - s.tok_start]
            visitor = min(after, key=lambda m: m.tok_start, default=None)
            if visitor is None or visitor.tok_start - s.tok_start - ci > 12:
                continue
            who = doc.persons.get(visitor.person or "")
            if who is None or not who.state:
                continue
            to = next(
                (
                    m
                    for m in doc.states
                    if m.kind == "state" and visitor.tok_end <= m.tok_start < s.tok_start + end
                ),
                None,
            )
            if to is None or to.code == who.state or to.tok_start - visitor.tok_end > 2:
                continue
            ev = EventDraft("MET", si, s.paragraph, cue=t.text, pattern="past_visit")
            ev.sentences = [si]
            ev.participants = [visitor.person]
            ev.add_parties([who.state, to.code])
            ev.confidence = 0.6
            doc.events.append(ev)
            break


def _meetings_of_new_ambassadors(doc: Document) -> None:
    """ "Президент встретился с новыми послами A, B и C. ... Послы вручили Президенту
    верительные грамоты": the meetings are the credentials ceremony (ACCREDITED only)."""
    from dipgraph.loaders.lang.ru.models import lemmas

    for ev in doc.events:
        toks = doc.sentence_tokens(ev.sentence)
        if ev.type == "MET" and any("посол" in lemmas(t.text) for t in toks):
            ev.type, ev.kind, ev.format, ev.pattern = (
                "ACCREDITED",
                "credentials",
                None,
                "met_envoys",
            )


def _drop_exchanges_inside_meetings(doc: Document) -> None:
    """ "На встрече состоялся обмен мнениями": an exchange of views told after a meeting
    of the same parties is part of it, no CONSULTED of its own."""
    for ev in doc.events:
        if ev.type == "CONSULTED" and ev.format == "exchange_of_views":
            if any(
                o is not ev
                and o.type in ("MET", "CONSULTED")
                and o.sentence < ev.sentence
                and set(ev.parties) <= set(o.parties)
                for o in doc.events
            ):
                ev.type = "DROP"


def _merge_retold(doc: Document) -> None:
    """One contact told twice in a release (the lead, then a quote of the ministry's
    statement) is one event: same type and parties, and the people of one include the
    other's. A meeting of the parties of a credentials ceremony is that ceremony."""
    kept: list[EventDraft] = []
    for ev in sorted(doc.events, key=lambda e: e.sentence):
        if ev.type == "DROP":
            continue
        into = next(
            (
                k
                for k in kept
                if (k.type == ev.type or {k.type, ev.type} == {"MET", "ACCREDITED"})
                and set(k.parties) == set(ev.parties)
                and not _told_apart(doc, k, ev)
                and (
                    set(ev.participants) <= set(k.participants)
                    or set(k.participants) <= set(ev.participants)
                    or {k.type, ev.type} == {"MET", "ACCREDITED"}
                    or _compatible_people(doc, k, ev)
                )
            ),
            None,
        )
        if into is None:
            kept.append(ev)
            continue
        if ev.type == "ACCREDITED" and into.type == "MET":
            into.type, into.kind, into.format = "ACCREDITED", ev.kind, None
        into.participants += [p for p in ev.participants if p not in into.participants]
        into.host = into.host or ev.host
        ev.type = "DROP"


def _compatible_people(doc: Document, a: EventDraft, b: EventDraft) -> bool:
    """The two tellings name no two different people of one state: "Токаев принял послов
    России и Китая ... В ходе беседы с послом России Бородавкиным" is one meeting."""
    by_state: dict[str, set[str]] = {}
    for p in set(a.participants) | set(b.participants):
        state = doc.persons[p].state
        if state:
            by_state.setdefault(state, set()).add(p)
    return all(len(people) == 1 for people in by_state.values())


REMOTE_FORMATS = {"phone_call", "video_call"}
DISCUSSION_VERBS = {"обсудить", "обсуждать", "договориться", "обменяться", "обмениваться"}


def _lemmas_of(text: str) -> set[str]:
    from dipgraph.loaders.lang.ru.models import lemmas

    return set().union(*(lemmas(w) for w in text.split())) if text.strip() else set()


def _told_apart(doc: Document, a: EventDraft, b: EventDraft) -> bool:
    """Two tellings of one type and parties that are still two contacts: given different
    dates, one by phone or video and the other in person ("В Москве началась встреча
    Лаврова и Ван И ... 7 августа Лавров провел телефонный разговор с Ван И"), or set in
    different places ("В Иордании посольство ... организовало брифинг"; "В Болгарии в
    посольстве ... прошел круглый стол")."""
    if (a.format in REMOTE_FORMATS) != (b.format in REMOTE_FORMATS):
        in_person = b if a.format in REMOTE_FORMATS else a
        # "Чавушоглу и Байрамов также обсудили ..." after their call tells that call
        if not _lemmas_of(in_person.cue) & DISCUSSION_VERBS:
            return True
    pa, pb = _scene(doc, a.sentence), _scene(doc, b.sentence)
    if pa and pb and pa != pb:
        return True
    published = doc.release.published
    if published and any(
        y < published[:4] for y in _years(doc, a.sentence) ^ _years(doc, b.sentence)
    ):
        # "во время визита X в Таджикистан в 2008 году", "Последняя встреча министров
        # ... прошла в декабре 2019 года": an earlier contact of the same sides
        return True
    return _dated_apart(doc, a, b)


def _years(doc: Document, si: int) -> set[str]:
    return {t.text for t in doc.sentence_tokens(si) if _YEAR.match(t.text)}


def _scene(doc: Document, si: int) -> str | None:
    """The state a sentence opens in: "В Болгарии ...", "В Софии ..." (a place after the
    sentence's first "в", a date or a comma before it at most)."""
    s = doc.sentences[si]
    toks = doc.tokens[s.tok_start : s.tok_end]
    for k, t in enumerate(toks[:6]):
        if t.text.lower() in ("в", "во"):
            m = next((m for m in doc.states if m.tok_start == s.tok_start + k + 1), None)
            if m is not None and m.kind in ("state", "city"):
                return m.code
            return None
        if t.text.isalpha() and t.text[0].isupper() and k > 0:
            return None  # the sentence's subject comes first: no scene
    return None


def _dated_apart(doc: Document, a: EventDraft, b: EventDraft) -> bool:
    """Two sentences that each give a different date tell different contacts ("7 августа
    Лавров провел телефонный разговор с Ван И" after today's meeting)."""
    from dipgraph.loaders.lang.ru.dates import _DATE_RE, date_of

    r = doc.release
    ta, tb = doc.sentences[a.sentence].text, doc.sentences[b.sentence].text
    if not (_DATE_RE.search(ta) and _DATE_RE.search(tb)):
        return False
    da, pa = date_of(ta, r.published, r.date_precision)
    db, pb = date_of(tb, r.published, r.date_precision)
    return pa == pb == "day" and da != db


def title_paragraphs(doc: Document) -> set[int]:
    """The headline's paragraphs: those before the dateline, or a first paragraph that
    is the release's title."""
    from dipgraph.loaders.lang.ru.dates import parse_dateline

    dl = parse_dateline(doc.text)
    out = {i for i, (_, end) in enumerate(doc.paragraphs) if dl is not None and end <= dl.start}
    title = " ".join((doc.release.title or "").split())
    if doc.paragraphs and title:
        a, b = doc.paragraphs[0]
        if " ".join(doc.text[a:b].split()) == title:
            out.add(0)
    return out


def _drop_title_repeats(doc: Document) -> None:
    """A headline repeating the lead reports one event: the headline's event goes when the
    body has one of the same type whose parties include the headline's."""
    heads = title_paragraphs(doc)
    if not heads:
        return
    body = [e for e in doc.events if e.paragraph not in heads and e.type != "DROP"]
    for ev in doc.events:
        if ev.paragraph in heads and any(
            b.type == ev.type and set(ev.parties) <= set(b.parties) for b in body
        ):
            ev.type = "DROP"


__all__ = ["TYPES", "SentenceContext", "events"]
