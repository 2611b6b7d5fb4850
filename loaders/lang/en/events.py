"""Events in English sentences, by the annotation rules of DESIGN.md.

One sentence, one kind of contact, decided in this order:

- ACCREDITED: credentials or their copies ("presented copies of credentials", "letters of
  credence"); one event per ambassador (a ceremony of eight ambassadors is eight events),
  kind "copies" or "credentials";
- CONSULTED: consultations, negotiations, a round of talks between states or ministries
  ("political consultations between the Foreign Ministries of Kazakhstan and Norway",
  "Kazakh-Norwegian consultations");
- MET: met / meeting / received / held talks / conversation, phone and video calls
  (format phone_call / video_call); the sides are the people (and states) before the cue
  and those after it; several counterparts after "with" make one bilateral event each,
  unless they met together (trilateral, joint, "in the format");
- HOSTED: a round table, reception, briefing, lecture ... that a body organized or held,
  and attendance at a summit or a ministerial (format multilateral_attendance).

The reporting side: a side the text leaves implicit ("the Minister", "the Kazakh side",
nobody named before "met with") is the publisher's state. Planned, announced and negated
contacts ("will meet", "is scheduled to", "the next round", "did not meet") are no events;
"on the sidelines of" a summit is only the frame of the meeting it introduces. States
after "in"/"at" are the venue's, states after "on"/"discussed"/"relations" the topic's:
neither is a party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dipgraph.loaders.lang.en.names import NameMention
from dipgraph.loaders.lang.en.roles import is_ambassador
from dipgraph.loaders.lang.en.states import Mention

ACCREDITED_RE = re.compile(
    r"\b(?:credentials|letters? of credence|credential letters?)\b|"
    r"\baccredited\s+(?:the\s+)?(?:\w+\s+){0,3}(?:ambassadors?|envoys?)\b",
    re.I,
)
CONSULTED_RE = re.compile(
    r"\b(?:(?:political |inter-?ministerial |bilateral |regular |round of )*"
    r"consultations?|negotiations|round of (?:political )?talks|strategic dialogue)\b",
    re.I,
)
PHONE_RE = re.compile(
    r"\b(?:(?:tele)?phone (?:conversation|call|talks?)|by (?:tele)?phone|phoned|"
    r"(?:spoke|talked|talks?) (?:on|over|by) (?:the )?(?:tele)?phone|phone talks?)\b",
    re.I,
)
VIDEO_RE = re.compile(
    r"\b(?:video ?(?:conference|call|link)|videoconference|virtual (?:meeting|talks)|"
    r"online (?:meeting|talks))\b",
    re.I,
)
MET_RE = re.compile(
    r"\b(?:met|meets|meeting|meetings|received|receives|held talks|talks|conversation|"
    r"discussions|courtesy call|paid a call|called on|call)\b",
    re.I,
)
HOSTED_NOUN_RE = re.compile(
    r"\b(?:round ?table|reception|briefing|conference|seminar|lecture|presentation|"
    r"exhibition|forum|ceremony|webinar|concert|festival|event|symposium|screening|"
    r"workshop|panel discussion|session|summit|meeting)s?\b",
    re.I,
)
HOSTING_VERB_RE = re.compile(
    r"\b(?:organi[sz]ed|hosted|held|arranged|convened|took place|was held|were held|"
    r"opened|launched|co-organi[sz]ed)\b",
    re.I,
)
ATTEND_RE = re.compile(
    r"\b(?:took part in|participated in|attended|participation in|addressed|represented)\b"
    r"[^.;]{0,80}?"
    r"\b(?:summit|forum|meeting of|session|conference|ministerial|council of)",
    re.I,
)
PLAN_RE = re.compile(
    r"\b(?:will|shall|would|is to|are to|to be held|(?:is|are) (?:expected|scheduled|"
    r"planned|set|due|going) to|plans? to|planning to|intends? to|upcoming|forthcoming|"
    r"next round|next meeting|agreed to (?:hold|meet|continue)|invited [^.]{0,60} to|"
    r"proposed to|ready to|look forward to|to hold|to meet|to be organi[sz]ed|"
    r"did not|didn't|has not|have not|could not|couldn't|failed to|was not able|"
    r"was cancelled|was postponed|no (?:meeting|talks|contacts?)|requested (?:a|an)|"
    r"asked for (?:a|an)|refused|declined|without (?:a )?meeting)\b",
    re.I,
)
JOINT_RE = re.compile(
    r"\b(?:trilateral|quadrilateral|joint meeting|together|jointly|in the format|"
    r"\w+-format|C5\+|Central Asia\s*\+)",
    re.I,
)
TOPIC_RE = re.compile(
    r"\b(?:(?<!Representative )(?<!Envoy )(?<!Commissioner )(?<!Coordinator )"
    r"on(?!\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\w*day|the (?:same|next|following|previous) day|"
    r"that day|behalf|(?:his|her|their) (?:way|visit|behalf)|the margins|the sidelines))|"
    r"about|regarding|concerning|"
    r"discuss(?:ed|ing)?|to discuss|during which|"
    r"where|covering|focus(?:ed|ing)? on|(?-i:relations|cooperation|issues|agenda|prospects)|"
    r"exchanged|noted|stressed|expressed|reviewed|as well as)\b|[;:]",
    re.I,
)
FRAME_RE = re.compile(
    r"\b(?:on the sidelines of|on the margins of|within the framework of|in the framework of|"
    r"as part of|at the invitation of)\b"
    # "... meeting in Goa, India," : the city's state goes with the frame
    r"(?:[^,;]*\bin\s+(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
    r"(?=,)|[^,;]*)",
    re.I,
)
# "After the consultations, the delegation was received by X": a time, not the event
AFTER_RE = re.compile(
    r"\b(?:after|following|before|prior to|ahead of|at the end of|upon completion of)\s+"
    r"(?:the|these|their)\s+(?:[\w-]+\s+){0,2}(?:consultations|negotiations|talks|meeting)\b",
    re.I,
)
REGION_END_RE = re.compile(
    r"\b(?!(?:appointed|accredited|designated|based|elected|united|concerned|related|"
    r"dedicated|authori[sz]ed)\b)[a-z]{3,}ed\b|\b(?:who|which|said|says|wrote|told)\b"
    # a purpose: "..., to confirm our support to the deal with Iran"
    r"|\bto\s+(?!(?:the|a|an|his|her|their|its|our)\b)[a-z]{3,}\b"
)
PRE_TOPIC_RE = re.compile(
    r"\b(?:discuss\w*|views on|situation|regarding|about|concerning|on the (?:issue|course|"
    r"progress|results|prospects))\b",
    re.I,
)
HEADED_RE = re.compile(
    r"\b(?:delegations?|sides?)\b[^.;]{0,60}?\b(?:was|were)\s+(?:headed|led)\s+by\b|"
    r"\b(?:headed|led)\s+the\s+delegations?\b",
    re.I,
)
CONTACT_RE = re.compile(r"\b(?:exchanged (?:their )?views|discussed|agreed)\b", re.I)
VENUE_PREP_RE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
CITY_COMMA_RE = re.compile(r"\b(?:in|at)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?,\s+$")
# "The Ministers of Foreign Affairs of A, B, C and D discussed/met": one joint meeting
JOINT_SUBJECT_RE = re.compile(
    r"\b(?:ministers|heads|presidents|leaders|foreign ministers|deputy ministers)\b", re.I
)


@dataclass
class Draft:
    type: str
    sentence: int
    format: str | None = None
    kind: str | None = None
    parties: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)  # person keys
    host: tuple[str, str, str | None] | None = None  # name, kind, state
    venue: tuple[str, str | None] | None = None
    confidence: float = 0.6
    cue: str = ""
    counterparts: list[str] = field(default_factory=list)  # person keys of the other side
    said_states: dict[str, str] = field(default_factory=dict)  # counterpart -> state found
    named_own: list[str] = field(default_factory=list)  # own side named in the sentence
    attach: bool = False  # only adds participants to an event found elsewhere

    def add(self, *codes: str | None) -> None:
        for c in codes:
            if c and c not in self.parties:
                self.parties.append(c)


@dataclass
class SentenceView:
    """What the events stage needs of one sentence."""

    index: int
    text: str
    names: list[NameMention]  # with .person set, in order
    mentions: list[Mention]  # states/IGOs/demonyms/cities (sentence offsets)
    consumed: set[tuple[int, int]]  # mentions that belong to a title
    person_state: dict[str, str | None]
    person_role: dict[str, str | None]
    person_posted: dict[str, str | None]
    protagonist: str | None = None  # the publisher's first titled official
    titled_by_state: dict[str, list[str]] = field(default_factory=dict)
    context_igo: str | None = None  # the last IGO named in the sentences before
    hosted_before: bool = False  # an event held was told in the sentences before
    guessed: frozenset[str] = frozenset()  # people whose state is only the publisher's guess
    visitor: str | None = None  # the first titled foreign official, in a release about a visit
    recent_states: tuple[str, ...] = ()  # states named in the sentences before, in order


def _planned(text: str, cue_start: int, cue_end: int) -> bool:
    # a plan before the cue in its sentence, or right after it ("... will be held")
    if PLAN_RE.search(text[:cue_start]) or re.search(
        r"(?i)\b(?:no|without)\s+(?:a\s+)?$", text[:cue_start]
    ):
        return True  # "will meet", "No meeting ... took place"
    after = text[cue_end : cue_end + 30]
    return bool(re.match(r"\s*(?:will|is scheduled|are scheduled|is planned|is expected)", after))


def _free_mentions(view: SentenceView, lo: int, hi: int) -> list[Mention]:
    """State/IGO mentions between lo and hi that are parties: not inside a title, not a
    city, not after in/at (a venue) and not inside the topic."""
    out = []
    for m in view.mentions:
        if not (lo <= m.start < hi) or m.kind == "city" or (m.start, m.end) in view.consumed:
            continue
        before = view.text[max(0, m.start - 40) : m.start]
        if VENUE_PREP_RE.search(before[-12:]) or CITY_COMMA_RE.search(before):
            continue  # "in Astana", "in Goa, India": the venue's
        out.append(m)
    return out


def _topic_start(text: str, pos: int) -> int:
    m = TOPIC_RE.search(text, pos)
    return m.start() if m else len(text)


def _venue(view: SentenceView) -> tuple[str, str | None] | None:
    for m in view.mentions:
        if m.kind == "city" and VENUE_PREP_RE.search(view.text[max(0, m.start - 12) : m.start]):
            return m.text, m.code
    return None


def sentence_events(view: SentenceView, publisher: str | None) -> list[Draft]:
    """The events of one sentence. A frame ("on the sidelines of the summit", "as part of
    the consultations") is blanked out first: it is no event of its own and its names
    are no parties."""
    text, frames = view.text, []
    in_consultations = any(
        re.search(r"consultation|negotiation", m.group(0), re.I) for m in FRAME_RE.finditer(text)
    )
    for m in [*FRAME_RE.finditer(text), *AFTER_RE.finditer(text)]:
        frames.append((m.start(), m.end()))
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    if frames:
        inside = lambda a: any(s <= a < e for s, e in frames)  # noqa: E731
        view = replace(
            view,
            text=text,
            names=[n for n in view.names if not inside(n.start)],
            mentions=[m for m in view.mentions if not inside(m.start)],
        )
    for finder in (_attendance, _accredited, _consulted, _corps, _attended, _met, _hosted):
        found = finder(view, 0, publisher)
        if found is not None:
            if in_consultations:  # "As part of the consultations, X met Y": the same event
                for d in found:
                    d.type, d.attach = "CONSULTED", True
            return found
    return []


def _region_end(text: str, pos: int) -> int:
    """Where the other side's phrase after a cue ends: at the topic ("on", "discussed",
    "relations") or the next clause's verb ("..., Dr Jaishankar underlined")."""
    ends = [m.start() for rx in (TOPIC_RE, REGION_END_RE) if (m := rx.search(text, pos))]
    return min(ends, default=len(text))


def _sides(view: SentenceView, cue_start: int, cue_end: int, own_states: list[str]):
    """(own person keys, counterpart person keys) around a cue."""
    own, other = [], []
    end = _region_end(view.text, cue_end)
    for n in view.names:
        if n.person is None:
            continue
        if n.end <= cue_start:
            if n.person not in own:
                own.append(n.person)
        elif cue_end <= n.start < end and n.person not in other and n.person not in own:
            other.append(n.person)
    # "X and Y met / held talks / exchanged views": the first is one side, the rest the other
    if not other and len(own) >= 2:
        own, other = own[:1], own[1:]
    # "a meeting was held between X and Y", "in a phone call, X and his counterpart Y"
    if not own and len(other) >= 2:
        first_state = view.person_state.get(other[0])
        between = re.match(r"\s*(?:was held |took place )?between\b", view.text[cue_end:])
        first_person = re.search(r"\b(?:I|we|We)\b", view.text[:cue_start])
        if between or (first_state in own_states or first_state is None) and not first_person:
            own, other = other[:1], other[1:]
    return own, other


def _own_states(view: SentenceView, own: list[str], lo: int, hi: int, publisher: str | None):
    states = [view.person_state.get(k) for k in own if view.person_state.get(k)]
    if not states:
        states = [m.code for m in _free_mentions(view, lo, hi)][:1]
    return states or ([publisher] if publisher else [])


def _met(view: SentenceView, body_start: int, publisher: str | None) -> list[Draft] | None:
    text = view.text
    fmt = None
    cue = PHONE_RE.search(text, body_start)
    if cue:
        fmt = "phone_call"
    else:
        cue = VIDEO_RE.search(text, body_start)
        if cue:
            fmt = "video_call"
        else:
            cue = MET_RE.search(text, body_start)
            while cue and (
                cue.group(0).lower() == "call"
                and not re.search(
                    r"(?i)\b(?:courtesy|made a|had a|held a)\s*$", text[: cue.start()]
                )
                # "the upcoming Consultative Meeting of the Heads of State": a name
                or cue.start() > 0
                and cue.group(0) in ("Meeting", "Meetings", "Talks")
            ):
                cue = MET_RE.search(text, cue.end())
    if cue is None:
        cue = CONTACT_RE.search(text, body_start)
        if cue is None:
            return _visit(view, publisher)
        if _planned(text, cue.start(), cue.end()):
            return []
        joint = _joint_subject(view, cue.start(), cue.end())
        if joint is not None:
            return joint
        before = [n for n in view.names if n.end <= cue.start() and n.person]
        states = {view.person_state.get(n.person) for n in before} - {None}
        if len(before) < 2 or len(states) < 2:
            return None
    elif _planned(text, cue.start(), cue.end()):
        return []
    elif (joint := _joint_subject(view, cue.start(), cue.end())) is not None:
        return joint
    if re.fullmatch(r"(?i)meetings?", cue.group(0)) and re.match(r"\s+of\b", text[cue.end() :]):
        return []  # "the meeting of the SCO Foreign Ministers": a multilateral body's
    hint = [publisher] if publisher else []
    end = _region_end(text, cue.end())
    passive = re.search(r"(?i)\b(?:was|were)\s+$", text[: cue.start()]) and re.match(
        r"\s+by\b", text[cue.end() :]
    )
    if passive:  # "The American diplomat was received by the Minister X"
        own = [n.person for n in view.names if n.person and cue.end() <= n.start < end]
        other = [n.person for n in view.names if n.person and n.end <= cue.start()]
        own_states = _own_states(view, own, cue.end(), end, publisher)
        free = [m for m in _free_mentions(view, 0, cue.start()) if m.code not in own_states]
        if not other and not free and publisher and publisher not in own_states:
            # "The Minister was received by the President of Mongolia X": the implicit
            # subject is the publisher's side
            if view.protagonist and view.protagonist not in own:
                other = [view.protagonist]
            else:
                free = [Mention(publisher, "state", -1, -1, publisher)]
    else:
        own, other = _sides(view, cue.start(), cue.end(), hint)
        own_states = []
    named_own = list(own)
    hosts_only = other and all(
        view.person_state.get(k) == publisher and k not in view.guessed for k in other
    )
    if not own and hosts_only and view.visitor and view.visitor not in other:
        # "At the meeting with First Deputy Minister X (the publisher's), ...": in a
        # release about a foreign visitor, the visitor is the other side
        own = [view.visitor]
    if not own and view.protagonist and view.protagonist not in other:
        own = [view.protagonist]  # "the Minister", "he", "the Kazakh diplomat"
    if not passive:
        own_states = _own_states(view, own, 0, cue.start(), publisher)
        free = [m for m in _free_mentions(view, cue.end(), end) if m.code not in own_states]
        if CONTACT_RE.fullmatch(cue.group(0)):
            free = []  # "X and Y discussed ... the OSCE Minsk Group": what they discussed
    counterparts: list[tuple[str | None, str | None]] = []
    # "During his meeting with the Nigerian Minister X, Dr Jaishankar underlined": the own
    # side named after the cue
    if own_states:
        mine = [
            k for k in other
            if k == view.protagonist
            or view.person_state.get(k) in own_states and k not in view.guessed
        ]  # fmt: skip
        if mine and len(mine) < len(other):
            other = [k for k in other if k not in mine]
            own = list(dict.fromkeys([*own, *mine]))
    for k in other:
        state = view.person_state.get(k)
        if state is None or k in view.guessed and k != view.protagonist and state in own_states:
            # "in Kyiv, where I met President X", "a visit to Japan, where he met Prime
            # Minister Y": a counterpart of no known state is the host country's
            state = _place_state(view, own_states) or state
        if state is None and free:  # "Mevlüt Çavuşoğlu, head of Turkish diplomacy"
            state = free.pop(0).code
        if state is None:  # "X, who arrived ... consultations between KG and the US"
            later = [m for m in _free_mentions(view, end, len(text)) if m.code not in own_states]
            state = later[0].code if later and m_kind_ok(later[0]) else None
        guessed = k in view.guessed and k != view.protagonist
        if (state is None or guessed and state in own_states) and counterparts:
            # "Syrian Foreign Minister A, Defense Minister B and Intelligence Chief C": a
            # title without a state goes on the list's state
            state = counterparts[-1][1] or state
        counterparts.append((k, state))
    if not counterparts and not free:
        # "I met bilaterally with the ministers of all five countries": those just listed
        counted = COUNTED_RE.search(text, cue.end())
        recent = list(dict.fromkeys(reversed(view.recent_states)))
        n = NUMBERS.get(counted.group(1).lower(), 0) if counted else 0
        if n and len(recent) >= n:
            for code in reversed(recent[:n]):
                if code not in own_states:
                    counterparts.append((None, code))
    named_states = {s for _, s in counterparts if s} | set(own_states)
    for m in free:
        if m.code not in named_states:
            # an unnamed counterpart ("his Belarusian counterpart"): the one titled
            # official of that state the release names elsewhere
            known = [k for k in view.titled_by_state.get(m.code, []) if k not in own]
            counterparts.append((known[0] if len(known) == 1 else None, m.code))
            named_states.add(m.code)
    if not counterparts:
        # a meeting without another side: maybe a visit told ("During the conversation,
        # the official visit of X to Japan in 2019 was recalled"), or an event held
        return _visit(view, publisher)
    joint = bool(JOINT_RE.search(text))
    # one event per counterpart state: three officials of one state met at once are one
    # meeting, unless told apart ("meetings with A and with B", "separately")
    by_state: dict[str | None, list] = {}
    apart = re.search(r"(?i)\bmeetings\b|\bseparate(?:ly)?\b|\band (?:also )?with\b", text)
    for i, c in enumerate(counterparts):
        by_state.setdefault(i if apart else c[1] or c[0], []).append(c)
    groups = [counterparts] if joint or len(by_state) == 1 else list(by_state.values())
    drafts = []
    for group in groups:
        d = Draft("MET", view.index, format=fmt, cue=cue.group(0), confidence=0.7)
        d.add(*own_states)
        d.participants = list(own)
        d.named_own = named_own
        for key, state in group:
            d.add(state)
            if key:
                d.participants.append(key)
                d.counterparts.append(key)
                if state:
                    d.said_states[key] = state
        if len(d.parties) < 2:  # a contact has two sides
            continue
        d.venue = _venue(view)
        drafts.append(d)
    return drafts


VISIT_RE = re.compile(
    r"\b(?:(?:official|state|working|official working|official state)\s+visits?|"
    r"paid\s+a\s+visit|visited|visit)\b",
    re.I,
)


def _visit(view: SentenceView, publisher: str | None) -> list[Draft] | None:
    """A visit told as done, with a date or a named visitor: "the official visit of
    President X to Japan in December 2019", "In May 2023 Minister Y paid a visit to
    Oman". The visitor's state meets the state visited; a vague "during his earlier
    visit" is no event."""
    text = view.text
    cue = VISIT_RE.search(text)
    if cue is None or _planned(text, cue.start(), cue.end()):
        return None
    if PLAN_RE.search(text) or re.search(
        r"(?i)\bprepar\w+|\bahead of\b|\binvit\w+|\bproposal\b|\bpossible\b|"
        r"\b(?:expected|scheduled|planned)\b",
        text,
    ):
        return None  # "the visit to Japan is expected in May", "preparations for the visit"
    lead = text[max(0, cue.start() - 30) : cue.start()]
    if re.search(r"(?i)\b(?:earlier|previous|last|first|recent)\s+$", lead):
        return None  # "during his earlier visit": vague
    dated = re.search(
        r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|"
        r"June|July|August|September|October|November|December|(?:19|20)\d\d)\b",
        text,
    )
    if re.search(r"(?i)\bduring (?:his|her|their)\s+$", lead) and not dated:
        return None
    # the state visited: the first one right after "to" ("visit of X to Japan")
    visited = next(
        (m for m in view.mentions
         if m.start > cue.end() and re.search(r"\bto\s+(?:the\s+)?$", text[cue.end() : m.start])
         and (m.kind in ("state", "city")
              # "his visit to the Vietnamese embassy"
              or re.match(r"(?i)\s+(?:embassy|ministry|mission|consulate)\b", text[m.end :]))),
        None,
    )  # fmt: skip
    if visited is None:
        return None
    visitors = [
        n.person for n in view.names
        if n.person and view.person_role.get(n.person) and view.person_state.get(n.person)
        and n.start < visited.start
    ]  # fmt: skip
    # a back-reference is an event with a date, or with named people and a place
    if not visitors:
        return None
    own = view.person_state[visitors[0]]
    if own == visited.code:
        return None
    d = Draft("MET", view.index, cue=cue.group(0), confidence=0.5)
    d.add(own, visited.code)
    d.participants = visitors[:1]
    return [d]


def _place_state(view: SentenceView, own_states: list[str]) -> str | None:
    """The state where the sentence puts its contact: a city named, or the state of a
    visit or trip ("travelled to Ukraine", "a visit to Japan")."""
    # only a trip or visit says so: at a venue of many ("in Jakarta, on the sidelines of
    # ASEAN") a counterpart of no known state is anyone's
    travel = re.search(r"(?i)\b(?:visit\w*|travel\w*|trip|tour|arrived|where)\b", view.text)
    for m in view.mentions:
        if m.code in own_states or m.kind == "igo":
            continue
        if m.kind == "city" and travel:
            return m.code
        if re.search(
            r"(?i)\b(?:visit(?:ed)?|travel(?:l)?ed|trip|tour|arrived)\s+(?:\w+\s+){0,3}?"
            r"(?:to|in)?\s*(?:the\s+)?$",
            view.text[max(0, m.start - 40) : m.start],
        ):
            return m.code
    return None


# "the two countries" is the pair just told; three or more are a list told before
NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
COUNTED_RE = re.compile(
    r"\b(?:all|the|each of the|all the)\s+(three|four|five|six|seven|eight)\s+"
    r"(?:countries|states|nations)\b",
    re.I,
)


def m_kind_ok(m: Mention) -> bool:
    return m.kind in ("state", "adj")


def _joint_subject(view: SentenceView, cue_start: int, cue_end: int) -> list[Draft] | None:
    """One meeting of three or more states: "The Ministers of Foreign Affairs of A, B, C and
    D discussed ..." (a plural title over the states), "the meeting between A, B, C and
    D"; the states on the other side of the cue ("with the EU's ministers") join it."""
    text = view.text
    plural = JOINT_SUBJECT_RE.search(text[:cue_start])
    between = re.match(r"\s+between\b", text[cue_end:])
    if plural is not None:
        lo, hi = plural.end(), cue_start
    elif between is not None:
        lo, hi = cue_end, _region_end(text, cue_end + between.end())
    else:
        return None
    states = [m for m in _free_mentions(view, lo, hi) if m.kind != "igo"]
    codes = list(dict.fromkeys(m.code for m in states))
    # "the leaders of Uzbekistan and Japan, during a telephone conversation": two sides
    # under one plural subject are one bilateral contact
    if len(codes) < 3 and not (len(codes) == 2 and plural is not None):
        return None
    d = Draft("MET", view.index, cue="joint", confidence=0.6)
    fmt = PHONE_RE.search(text) and "phone_call" or VIDEO_RE.search(text) and "video_call"
    d.format = fmt or None
    d.add(*codes)
    if plural is not None:
        d.add(*(m.code for m in _free_mentions(view, cue_end, _region_end(text, cue_end))))
    # only the parties' people: "Pointing to the meeting between A, B, C and D, Zarif ..."
    d.participants = [
        n.person for n in view.names if n.person and view.person_state.get(n.person) in d.parties
    ]
    return [d]


def _accredited(view: SentenceView, body_start: int, publisher: str | None):
    text = view.text
    cue = ACCREDITED_RE.search(text)
    if cue is None:
        return None
    if _planned(text, cue.start(), cue.end()):
        return []
    kind = "copies" if re.search(r"(?i)\bcop(?:y|ies)\b", text) else "credentials"
    keys = [n.person for n in view.names if n.person]
    keys = list(dict.fromkeys(keys))
    titled_host = next(
        (view.person_state[k] for k in keys
         if view.person_role.get(k) and not is_ambassador(view.person_role.get(k))
         and view.person_state.get(k)),
        None,
    )  # fmt: skip
    home_guess = titled_host or publisher
    # envoys: titled as such, or listed untitled with their state ("of Uruguay, Name")
    ambassadors = [
        k for k in keys
        if is_ambassador(view.person_role.get(k))
        or (view.person_role.get(k) is None and view.person_state.get(k) not in (None, home_guess))
    ]  # fmt: skip
    # the receiving side is the receiving state's: "acting President of Venezuela X" named
    # beside the Venezuelan envoy receives nothing
    receivers = [
        k for k in keys
        if k not in ambassadors and view.person_state.get(k) in (None, home_guess)
    ]  # fmt: skip
    host = next((view.person_state[k] for k in receivers if view.person_state.get(k)), None)
    drafts = []
    for amb in ambassadors:
        state = view.person_state.get(amb)
        home = view.person_posted.get(amb) or host or publisher
        d = Draft("ACCREDITED", view.index, kind=kind, cue=cue.group(0), confidence=0.8)
        d.add(state, home if home != state else None)
        d.participants = [amb, *receivers]
        d.counterparts = [amb]
        if len(d.parties) >= 2:
            drafts.append(d)
    if not drafts:
        home = host or publisher
        for m in _free_mentions(view, 0, len(text)):
            if m.code == home or m.kind == "igo":
                continue
            d = Draft("ACCREDITED", view.index, kind=kind, cue=cue.group(0), confidence=0.6)
            d.add(m.code, home)
            d.participants = list(receivers)
            drafts.append(d)
    return drafts


def more_envoys(
    view: SentenceView, home: str, kind: str | None, receivers: list[str]
) -> list[Draft]:
    """A sentence after a credentials ceremony that only lists more envoys ("In addition to
    X, permission to serve was given to Mexico's A, Colombia's B and Peru's C"): one
    ACCREDITED event each, received by the ceremony's receivers."""
    envoys = [
        n.person for n in view.names
        if n.person and n.person not in receivers
        and view.person_state.get(n.person) not in (None, home)
        and (not view.person_role.get(n.person) or is_ambassador(view.person_role[n.person]))
    ]  # fmt: skip
    envoys = list(dict.fromkeys(envoys))
    if len(envoys) < 2:
        return []
    drafts = []
    for k in envoys:
        d = Draft("ACCREDITED", view.index, kind=kind, cue="listed", confidence=0.6)
        d.add(view.person_state.get(k), home)
        d.participants = [k, *receivers]
        d.counterparts = [k]
        drafts.append(d)
    return drafts


def _consulted(view: SentenceView, body_start: int, publisher: str | None):
    text = view.text
    cue = CONSULTED_RE.search(text, body_start)
    if cue is None:
        headed = HEADED_RE.search(text)
        if headed is None:
            return None
        # "The delegations were headed by A and B": who led the consultations told before
        d = Draft("CONSULTED", view.index, cue="headed by", attach=True)
        for n in view.names:
            if n.person and n.person not in d.participants:
                d.participants.append(n.person)
                d.add(view.person_state.get(n.person))
        return [d] if d.participants else []
    before = text[: cue.start()]
    topic = PRE_TOPIC_RE.search(before)
    if topic and re.search(r"\b(?:at|during|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", before):
        topic = None  # "issues were discussed at the political consultations"
    purpose = re.search(
        r"(?i)\b(?:to (?:participate|take part) in|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", before
    )  # "arrived to participate in the annual consultations": a purpose, not an event
    if purpose:
        return None  # the visitor's meeting this sentence tells may still be an event
    if _planned(text, cue.start(), cue.end()) or topic or TOPIC_OF_RE.search(before):
        return []  # "the sides discussed the negotiations between A and B": a topic
    topic = _topic_start(text, cue.end())
    # "between the Foreign Ministries of A and B": the parties sit after the cue
    between = re.match(r"\s*(?:were held |took place )?(?:between|with)\b", text[cue.end() :])
    if between:
        topic = _topic_start(text, cue.end() + between.end())
    d = Draft("CONSULTED", view.index, cue=cue.group(0), confidence=0.7)
    low = cue.group(0).lower()
    d.format = (
        "political_consultations"
        if "consultation" in low
        else "negotiations"
        if "negotiation" in low or "talks" in low
        else None
    )
    for n in view.names:
        if n.person and n.person not in d.participants and n.start < topic:
            d.participants.append(n.person)
            d.add(view.person_state.get(n.person))
    for m in _free_mentions(view, body_start, topic):
        d.add(m.code)
    if len(d.parties) < 2 and publisher:
        d.add(publisher)
    if len(d.parties) < 2:
        return []
    d.venue = _venue(view)
    return [d]


def _attended(view: SentenceView, body_start: int, publisher: str | None):
    text = view.text
    represented = REPRESENTED_RE.search(text)
    if represented and view.context_igo:
        # "Tajikistan was represented by Foreign Minister X, ..." at the meeting just told
        d = Draft("HOSTED", view.index, format="multilateral_attendance", cue="represented")
        states = _free_mentions(view, 0, represented.start())
        d.add(states[0].code if states else publisher, view.context_igo)
        d.participants = [n.person for n in view.names if n.person and n.start > represented.end()]
        return [d]
    attend = ATTEND_RE.search(text)
    if attend:
        if _planned(text, attend.start(), attend.end()):
            return []
        d = Draft("HOSTED", view.index, format="multilateral_attendance", cue="attended")
        # "took part in the OSCE Ministerial Council": the "in" is the verb's, not a venue's
        mentions = [
            m for m in view.mentions
            if m.start >= attend.start() and (m.start, m.end) not in view.consumed
        ]  # fmt: skip
        host = next((m for m in mentions if m.kind == "igo"), None)
        own = [n.person for n in view.names if n.person and n.end <= attend.start()]
        d.add(*_own_states(view, own, 0, attend.start(), publisher))
        d.participants = own
        if host:
            d.add(host.code)
            d.host = (host.text, "igo", host.code)
        else:
            # "attended the Antalya Diplomatic Forum", "a summit in Astana": a state's own
            # forum is hosted by the state where it is held
            city = next((m for m in mentions if m.kind == "city"), None)
            if city is not None and city.code:
                d.add(city.code)
        # "the SEECP Summit, hosted by President X": the host's state takes part
        for n in view.names:
            if n.person and re.search(r"(?i)\bhosted by\s+(?:\w+\s+){0,4}$", text[: n.start]):
                d.add(view.person_state.get(n.person))
        d.venue = _venue(view)
        return [d] if len(d.parties) >= 2 else []  # attendance has a host and a guest
    return None


# "Representatives of A, B and C took part in the briefing", "The event was also attended
# by the ambassadors of D and E": who came to the event told before
ATTENDANCE_RE = re.compile(
    r"\b(?:took part in|participated in|attended|joined|(?:was|were) (?:also )?present at|"
    r"(?:was|were) (?:also )?(?:attended|joined) by)\b",
    re.I,
)
BACK_REFERENCE_RE = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:event|briefing|meeting|conference|"
    r"reception|ceremony|round ?table|seminar|session|forum|celebration|presentation|"
    r"lecture|gathering|concert|exhibition)s?\b",
    re.I,
)
# who spoke at the event told before: "X welcomed the guests", "Opening the event,
# Ambassador Y ...", "Z made speeches as special guests at the conference"
SPEAKER_RE = re.compile(
    r"\b(?:welcomed the (?:guests|participants|attendees|audience)|"
    r"open(?:ed|ing) the (?:event|conference|reception|round ?table|seminar|forum|ceremony|"
    r"exhibition|celebration|meeting)|addressed the (?:participants|guests|audience|attendees)|"
    r"(?:made|delivered|gave) (?:a |opening |welcoming )?(?:speech|speeches|remarks|address)"
    r"(?:es)?\b[^.]*\bat the (?:event|conference|reception|round ?table|seminar|forum|"
    r"ceremony|celebration)|spoke at the (?:event|conference|reception|round ?table|seminar|"
    r"forum|ceremony|celebration))",
    re.I,
)
# what an event is about or for: its states are no guests ("to mark Vietnam's National Day")
PURPOSE_RE = re.compile(
    r"\b(?:to mark|dedicated to|devoted to|on the occasion of|to discuss|to celebrate|"
    r"about|regarding|concerning|on the topic)\b",
    re.I,
)
# "missions of some 40 countries representing the CIS, the Middle East, ...": unnamed guests
UNNAMED_RE = re.compile(r"\b(?:countries|states|nations)\s+(?:representing|of|from)\b", re.I)
# a minister's meeting with the diplomatic corps is an event held for many missions
CORPS_RE = re.compile(
    r"\b(?:heads of (?:foreign |the )?(?:diplomatic )?missions|diplomatic corps|"
    r"heads of (?:foreign )?embassies|foreign (?:diplomats|ambassadors|envoys)|"
    r"ambassadors accredited|diplomats accredited)\b",
    re.I,
)


NOT_STATE_BODY_RE = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:universit(?:y|ies)|compan(?:y|ies)|business\w*|experts?|scholars?|"
    r"scientists?|students?|media|journalists?|communit(?:y|ies)|public|youth|artists?|"
    r"diaspora|expats?|citizens?|people|cuisine|culture|language|think tanks?|entrepreneurs?)\b",
    re.I,
)


def _guests(view: SentenceView, lo: int, hi: int) -> list[str]:
    """States and IGOs named as taking part between lo and hi: not a venue, not a
    purpose ("dedicated to the UN General Assembly"), not inside a named person's title
    (that person's state counts through the person)."""
    purpose = PURPOSE_RE.search(view.text, lo, hi) or UNNAMED_RE.search(view.text, lo, hi)
    hi = purpose.start() if purpose else hi
    return [
        m.code
        for m in _free_mentions(view, lo, hi)
        # "the ambassadors of A and B to Kazakhstan": where they serve, not a guest
        if (m.kind == "igo" or not re.search(r"\bto\s+(?:the\s+)?$", view.text[: m.start]))
        # "students of leading Russian universities", "Malaysian experts": no state body
        and not (m.kind == "adj" and NOT_STATE_BODY_RE.match(view.text, m.end))
    ]


def _attendance(view: SentenceView, body_start: int, publisher: str | None):
    if not view.hosted_before:
        return None
    verb = ATTENDANCE_RE.search(view.text)
    if verb is None or not BACK_REFERENCE_RE.search(view.text):
        verb = SPEAKER_RE.search(view.text)
        if verb is None:
            return None
    if _planned(view.text, verb.start(), verb.end()):
        return []
    d = Draft("HOSTED", view.index, cue=verb.group(0), attach=True)
    people = [n.person for n in view.names if n.person]
    d.participants = list(dict.fromkeys(people))
    d.add(*(view.person_state.get(k) for k in d.participants))
    d.add(*_guests(view, 0, len(view.text)))
    return [d] if d.parties or d.participants else []


def _corps(view: SentenceView, body_start: int, publisher: str | None):
    """ "a closed meeting of Foreign Minister X with heads of foreign diplomatic missions",
    "X held a briefing for the diplomatic corps": HOSTED by X's state, the missions
    named (or whose heads are named) take part."""
    corps = CORPS_RE.search(view.text)
    noun = re.search(r"(?i)\b(?:meeting|briefing|reception|gathering)\b", view.text)
    if corps is None or noun is None:
        return None
    if _planned(view.text, noun.start(), noun.end()):
        return []
    people = list(dict.fromkeys(n.person for n in view.names if n.person))
    hosts = [
        k for k in people
        if view.person_role.get(k) and not is_ambassador(view.person_role[k])
        and view.person_state.get(k)
    ]  # fmt: skip
    host = view.person_state[hosts[0]] if hosts else publisher
    if host is None:
        return None
    d = Draft("HOSTED", view.index, cue=noun.group(0), confidence=0.5)
    d.add(host)
    d.participants = people
    d.add(*(view.person_state.get(k) for k in people))
    d.add(*_guests(view, 0, len(view.text)))
    d.venue = _venue(view)
    return [d]


HOST_BODY_RE = re.compile(
    r"\b(?:the\s+)?(Embassy|Consulate(?: General)?|Ministry of Foreign Affairs|Foreign Ministry|"
    r"Permanent Mission|Mission|Representation)\s+of\s+(?:the\s+)?([^,.;]{2,60}?)"
    r"(?:\s+(?:in|to)\s+[^,.;]{2,40})?(?=[,.;]|\s+(?:organi|host|held|arrang|conven|was|were))"
)
IGO_BODY_RE = re.compile(
    r"(?:[A-Z][\w-]*\s+){0,3}(?:Secretariat|Secretary[- ]General|Joint Staff|Commission|"
    r"Council|Headquarters)\b"
)
# "<State> was represented by <officials>" after a multilateral meeting told before
REPRESENTED_RE = re.compile(r"\b(?:was|were)\s+represented\s+by\b", re.I)
# "the start of negotiations", "the importance of consultations": a topic, not an event
TOPIC_OF_RE = re.compile(
    r"\b(?:start|launch|importance|resumption|conclusion|opening|beginning|course|holding|"
    r"outcome|results?|prospects?)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


# "the Azerbaijani Embassy in Belarus", "Belarusian Ministry of Foreign Affairs"
BODY_AFTER_STATE_RE = re.compile(
    r"\s+(Embassy|Consulate(?: General)?|Ministry of Foreign Affairs|Foreign Ministry|"
    r"Permanent Mission|Mission|MFA)\b(?:\s+(?:in|to)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
)


def _demonym_body(view: SentenceView) -> tuple[int, tuple[str, str, str | None]] | None:
    for m in view.mentions:
        if m.kind == "city" or (m.start, m.end) in view.consumed:
            continue
        body = BODY_AFTER_STATE_RE.match(view.text, m.end)
        if body:
            kind = {"Embassy": "embassy"}.get(body.group(1).split()[0], "ministry")
            if body.group(1).startswith("Consulate"):
                kind = "consulate"
            return m.start, (view.text[m.start : body.end()], kind, m.code)
    return None


def _hosted(view: SentenceView, body_start: int, publisher: str | None):
    """A body of a state or an IGO holds an event: its embassy, ministry or mission ("The
    Embassy of Kazakhstan in Oslo organized a round table", "a reception was held at the
    Permanent Mission of Russia"), an IGO's organ ("the CSTO Secretariat hosted a
    seminar") or a titled official ("A briefing by Deputy Minister X for ...")."""
    text = view.text
    verb = HOSTING_VERB_RE.search(text) or re.search(r"\b(?:by|hosted)\b", text)
    # common nouns only: "the Conference on Interaction ..." is a name
    nouns = [n for n in HOSTED_NOUN_RE.finditer(text) if n.start() == 0 or n.group(0).islower()]
    if not (nouns and verb):
        return None
    # the event noun the verb holds: the last one before it ("The meeting preceded a
    # session ... being held"), else the first after it ("hosted a reception")
    before = [n for n in nouns if n.end() <= verb.start()]
    noun = before[-1] if before else nouns[0]
    if _planned(text, min(noun.start(), verb.start()), max(noun.end(), verb.end())):
        return []
    d = Draft("HOSTED", view.index, cue=noun.group(0), confidence=0.5)
    if re.search(r"(?i)\b(?:the|this|that)\s+$", text[: noun.start()]):
        d.attach = True  # "The event was attended by ...": who took part in the one before
        for n in view.names:
            if n.person:
                d.participants.append(n.person)
                d.add(view.person_state.get(n.person))
        return [d]
    org = HOST_BODY_RE.search(text)
    own_body = _demonym_body(view)
    # the body holds the event as the subject: "the Azerbaijani Embassy in Belarus has held",
    # not "... held meetings, the press service of the Kazakh MFA informs"
    if own_body and own_body[0] < verb.start() and (org is None or own_body[0] < org.start()):
        d.host, org = own_body[1], None
        d.add(d.host[2])
    if org:
        state = next(
            (m.code for m in view.mentions
             if org.start(2) <= m.start < org.end(2) and m.kind != "city"),
            None,
        )  # fmt: skip
        kind = "embassy" if "Embassy" in org.group(1) else (
            "consulate" if "Consulate" in org.group(1) else "ministry"
        )  # fmt: skip
        d.host = (org.group(0).strip().removeprefix("the ").strip(), kind, state)
        d.add(state)
    else:
        for m in view.mentions:
            if m.kind == "igo" and IGO_BODY_RE.match(text, m.end + 1):
                d.host = (f"{m.text} {IGO_BODY_RE.match(text, m.end + 1).group(0)}", "igo", m.code)
                d.add(m.code)
                break
    chair = re.search(r"(?i)\bunder the (?:chairmanship|presidency|auspices) of\b", text)
    if d.host is None and chair:  # "held in Tashkent under the chairmanship of Uzbekistan"
        m = next((m for m in view.mentions if m.start >= chair.end() and m.kind != "city"), None)
        if m is not None:
            d.host = (m.text, "state" if m.kind != "igo" else "igo", m.code)
            d.add(m.code)
    people = [n.person for n in view.names if n.person]
    titled = [k for k in people if view.person_role.get(k) and view.person_state.get(k)]
    if d.host is None and re.match(r"(?i)meeting|session|summit", noun.group(0)):
        return []  # a meeting or session is held by a body, never by a person alone
    if d.host is None and not (
        titled
        and re.search(r"\bby\b", text[noun.end() : noun.end() + 8])
        or titled
        and view.names[0].start < noun.start()
    ):
        return []  # a party, a company or a think tank holding an event is no state body
    d.participants = people
    for k in titled:
        d.add(view.person_state.get(k))
    guests = re.search(
        r"(?i)\b(?:attended by|with the participation of|joined by|took part|participated)\b",
        text[noun.end() :],
    )
    if guests:  # "..., attended by representatives of the Ministry of Foreign Affairs of Japan"
        d.add(*_guests(view, noun.end() + guests.end(), len(text)))
    end = _region_end(text, noun.end())
    body = (org.start(), org.end()) if org else (own_body[0], own_body[0]) if own_body else (0, 0)
    for m in view.mentions:  # IGO representatives who took part make the IGO a party
        if m.kind == "igo" and m.start < end and (m.start, m.end) not in view.consumed:
            if not body[0] <= m.start < body[1]:  # "the Mission of Chile to the UN" hosts
                d.add(m.code)
    d.venue = _venue(view)
    return [d] if d.parties else []
