"""English: capitalization, title patterns and gazetteers, no model (DESIGN.md
"Extraction"; the same contract as Russian).

Stages: segment -> states -> names -> roles -> events -> dates. Everything English lives
in this package: state names from CLDR (babel) and ISO 3166 (pycountry) plus the tables
in ``data/`` (demonyms, extra spellings, IGO names, cities), months and datelines
(:mod:`.dates`), sentence rules (:mod:`.segment`), names by capitalization
(:mod:`.names`), title rules (:mod:`.roles`) and event cues (:mod:`.events`). Nothing here
loads a model.
"""

from __future__ import annotations

import re
from functools import cache

from dipgraph.loaders.extract.doc import Document, EventDraft, Person, PersonMention, Sentence
from dipgraph.loaders.extract.pipeline import Stage, date_events
from dipgraph.loaders.lang import Dateline, Language

MIN_LETTERS = 20
# heads of state who are not presidents (credentials are presented to the head of state)
MONARCHIES = frozenset(
    "GB JP SA QA AE KW BH OM JO MA ES NL BE NO SE DK LU LI MC AD TH MY BN KH BT LS SZ TO "
    "CA AU NZ JM BS BB BZ AG GD KN LC VC PG SB TV VA".split()
)
IGO_TITLES = r"secretary|representative|commissioner|director|head|envoy|chair"
ORG_KINDS = (
    ("embassy", "embassy"),
    ("consulate", "consulate"),
    ("ministry", "ministry"),
    ("mfa", "ministry"),
    ("university", "university"),
    ("government", "government"),
    ("council", "council"),
)


def split_text(doc: Document) -> Document:
    from dipgraph.loaders.lang.en.dates import parse_dateline
    from dipgraph.loaders.lang.en.segment import segment as split

    dl = parse_dateline(doc.text)
    doc.sentences, doc.paragraphs = [], []
    for sent in split(doc.text):
        if dl and sent.start < dl["end"] <= sent.end:  # the dateline is no sentence
            cut = dl["end"] - sent.start
            sent = Sentence(dl["end"], sent.end, sent.text[cut:].lstrip(), sent.paragraph)
            if not sent.text:
                continue
        doc.sentences.append(sent)
    return doc


def find_places(doc: Document) -> Document:
    """States, IGOs, demonyms and cities of every sentence (doc offsets), and the
    publisher: the release's own (metadata, --publisher), else the dateline city's."""
    from dataclasses import replace

    from dipgraph.loaders.lang.en.dates import parse_dateline
    from dipgraph.loaders.lang.en.states import city_state, find_states

    doc.states = []
    for sent in doc.sentences:
        found = [m for m in find_states(sent.text) if not _first_name(sent.text, m)]
        doc.states += [replace(m, start=m.start + sent.start, end=m.end + sent.start)
                       for m in found]  # fmt: skip
    doc.publisher = doc.release.publisher
    if doc.publisher is None:
        dl = parse_dateline(doc.text)
        doc.publisher = city_state(dl["city"]) if dl else None
    doc.home_state = doc.publisher
    return doc


def _first_name(text: str, m) -> bool:
    """A state's name used as a first name: "his Israeli counterpart Israel Katz",
    "Foreign Minister Jordan Smith" (a title word right before, a surname right after)."""
    from dipgraph.loaders.lang.en.names import is_name_word
    from dipgraph.loaders.lang.en.roles import HEADS

    if m.kind != "state" or " " in m.text:
        return False
    before = re.search(r"([\w-]+)\s+$", text[: m.start])
    after = re.match(r"\s+([A-Z][\w'’-]+)", text[m.end :])
    return bool(
        before and before.group(1).lower() in HEADS and after and is_name_word(after.group(1))
    )


def _sentence_states(doc: Document, i: int):
    from dataclasses import replace

    s = doc.sentences[i]
    return [
        replace(m, start=m.start - s.start, end=m.end - s.start)
        for m in doc.states
        if s.start <= m.start < s.end
    ]


def find_people(doc: Document) -> Document:
    """People by capitalization; a surname alone is the person named in full elsewhere
    in the release, a single word after an honorific or a title a person of its own."""
    from dataclasses import replace

    from dipgraph.graph.model import name_key
    from dipgraph.loaders.lang.en.names import find_names, person_key, surname
    from dipgraph.loaders.lang.en.roles import ParsedTitle, title_after, title_before

    doc.mentions, doc.persons = [], {}
    found = []
    for i, sent in enumerate(doc.sentences):
        mentions = _sentence_states(doc, i)
        for n in find_names(sent.text, mentions):
            n.title = title_before(sent.text, n.start, mentions) or title_after(
                sent.text, n.end, mentions
            )
            of_state = re.match(r"\s+of\s+(?:the\s+)?", sent.text[n.end :])
            if of_state and (n.title is None or n.title.state is None):
                # "FM Lars Lokke Rasmussen of Denmark"
                at = n.end + of_state.end()
                st = next((m for m in mentions if m.start == at and m.kind != "city"), None)
                if st is not None:
                    n.title = (
                        replace(n.title, state=st.code)
                        if n.title
                        else ParsedTitle(None, state=st.code, mentions=(st,))
                    )
            prev = found[-1][1] if found and found[-1][0] == i else None
            if (
                n.title is None
                and prev is not None
                and prev.title is not None
                and re.fullmatch(r",?\s+and\s+|,\s+", sent.text[prev.end : n.start])
                and re.search(
                    r"(?i)\b(?:ministers|ambassadors|envoys|presidents|secretaries|heads|"
                    r"representatives|directors|chairmen|co-chairs)\b",
                    sent.text[prev.title.start : prev.title.end],
                )
            ):
                n.title = prev.title  # "Deputy Foreign Ministers A and B": both are
            found.append((i, n))
    # a surname alone, in any spelling ("Vasilenko" for "Roman Vassilenko")
    by_surname: dict[str, str] = {}
    by_spelling: dict[str, str] = {}  # "Aybek" written for "Aibek" two lines later: one person
    for _, n in found:
        if not n.single:
            n.person = by_spelling.setdefault(name_key(n.name), person_key(n.name))
            doc.persons.setdefault(n.person, Person(key=n.person, name=n.name))
            by_surname.setdefault(name_key(surname(n.name)), n.person)
    for i, n in found:
        if n.single:
            n.person = by_surname.get(name_key(n.name))
            titled = n.title is not None and n.title.role and 0 <= n.start - n.title.end <= 2
            if n.person is None and (n.cued or titled):  # "the Minister of ... Aidarbekov"
                n.person = person_key(n.name)
                doc.persons.setdefault(n.person, Person(key=n.person, name=n.name))
        if n.person is None:
            continue
        s = doc.sentences[i]
        pm = PersonMention(
            s.start + n.start, s.start + n.end, n.name, 0, 0, n.name, i, n.title, n.person
        )
        doc.mentions.append(pm)
        doc.persons[n.person].mentions.append(pm)
    return doc


def assign_roles(doc: Document) -> Document:
    """Each person's role, state and posting from the first title that says them; a
    titled official with no state (not an ambassador) is the publisher's."""
    from dipgraph.graph.model import is_igo
    from dipgraph.loaders.lang.en.roles import is_ambassador, state_of_title

    # the fullest title a person gets in the release ("Minister" in a headline, "Minister
    # of Foreign Affairs of the Republic of Azerbaijan" in the text)
    best: dict[str, int] = {}
    for m in doc.mentions:
        t, p = m.title, doc.persons[m.person]
        if t is None or not t.role:
            continue
        size = len(t.role.split())
        if size > best.get(m.person, 0) and (p.role is None or size > len(p.role.split())):
            best[m.person] = size
            p.role = t.role
    for m in doc.mentions:
        t, p = m.title, doc.persons[m.person]
        if t is None:
            continue
        p.role = p.role or t.role
        p.state = p.state or t.state
        p.posted_in = p.posted_in or t.posted_in
        p.organization = p.organization or t.organization
    _respectively(doc)
    for m in doc.mentions:
        p = doc.persons[m.person]
        if p.state is None:
            p.state = _state_beside(doc, m)
            sent = doc.sentences[m.sent].text
            if p.state and p.role is None and re.search(r"(?i)\bambassadors\b", sent):
                p.role = "ambassador"  # "the ambassadors of Uruguay, Nester Navarro, ..."
        if p.role == "counterpart":  # "X and his Uzbek counterpart Y": X's title
            same = [o for o in doc.mentions if o.sent == m.sent and o.end <= m.start]
            titled = [doc.persons[o.person].role for o in same if o.person != m.person]
            titled = [r for r in titled if r and r != "counterpart"]
            if titled:
                p.role = titled[0]
    igo_publisher = is_igo(doc.publisher)
    for p in doc.persons.values():
        if p.state is None:
            p.state = state_of_title(p.role)
        if p.state is None and p.role and not is_ambassador(p.role):
            # an IGO publishes about its own secretaries, representatives and commissioners;
            # a prime minister it names is some state's
            if igo_publisher and not re.search(IGO_TITLES, p.role):
                continue
            p.state = doc.publisher
    return doc


LIST_SEP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _respectively(doc: Document) -> None:
    """ "the foreign ministers of Kazakhstan and Kyrgyzstan, Murat Nurtleu and Jeenbek
    Kulubaev": as many names as states right after them, each of its state in order."""
    text = doc.text
    for i, sent in enumerate(doc.sentences):
        states = sorted(
            (st for st in doc.states if sent.start <= st.start < sent.end and st.kind != "city"),
            key=lambda st: st.start,
        )
        people = sorted((m for m in doc.mentions if m.sent == i), key=lambda m: m.start)
        for a in range(len(states)):
            run = [states[a]]
            while a + len(run) < len(states) and LIST_SEP_RE.fullmatch(
                text[run[-1].end : states[a + len(run)].start]
            ):
                run.append(states[a + len(run)])
            if len(run) < 2 or (
                a and LIST_SEP_RE.fullmatch(text[states[a - 1].end : run[0].start])
            ):
                continue
            names = [m for m in people if m.start >= run[-1].end][: len(run)]
            if len(names) < len(run) or not re.fullmatch(
                r"\s*,?\s*", text[run[-1].end : names[0].start]
            ):
                continue
            if not all(
                LIST_SEP_RE.fullmatch(text[x.end : y.start])
                for x, y in zip(names, names[1:], strict=False)
            ):
                continue
            for st, m in zip(run, names, strict=True):
                p = doc.persons[m.person]
                p.state = p.state or st.code


def _state_beside(doc: Document, m) -> str | None:
    """The state written right beside an untitled name: "of Uruguay, Nester Navarro",
    "Azerbaijan's delegation was headed by X", "Y led the Turkmen delegation"."""
    sent = doc.sentences[m.sent]
    states = [st for st in doc.states if sent.start <= st.start < sent.end and st.kind != "city"]
    before = doc.text[sent.start : m.start]
    listing = re.search(r"(?i)\bambassadors?\b|\bcredentials\b|\benvoys\b", sent.text)
    # "Mexico's Name" anywhere; in a list of envoys also "of Uruguay, Name", "Kyrgyzstan -
    # Name", "Mongolia Name"
    sep = r"\s*[,\-–—:]\s*|\s+|['’]s\s+" if listing else r"['’]s\s+"
    for st in states:
        if st.end <= m.start and re.fullmatch(sep, doc.text[st.end : m.start]):
            lead = doc.text[max(sent.start, st.start - 40) : st.start]
            if re.search(r"\b(?:in|at)\s+(?:[A-Z][\w-]+,\s+)?$", lead):
                continue  # "in Goa, India, Name ...": the place, not the person's state
            return st.code
    after = doc.text[m.end : sent.end]
    led = re.match(r"\s+(?:led|headed)\s+the\s+(\S+)\s+delegation", after)
    if led:
        st = next((st for st in states if st.start == m.end + led.start(1)), None)
        return st.code if st else None
    of_led = re.search(
        r"\bdelegations?\s+of\s+(?:the\s+)?(\S.*?),?\s+(?:led|headed)\s+by\s+[^,]*$", before
    )  # "a delegation of the European Parliament led by X"
    if of_led:
        st = next((st for st in states if st.start == sent.start + of_led.start(1)), None)
        if st:
            return st.code
    # "Azerbaijan's delegation was headed by X", "..., and the Omani side by Y"
    head = re.search(
        r"(\S+)\s+(?:delegation|side)\s+(?:(?:was|is)\s+)?(?:(?:headed|led)\s+)?by\s+[^,]*$",
        before,
    )
    if head:
        st = next((st for st in states if st.start == sent.start + head.start(1)), None)
        return st.code if st else None
    return None


def find_events(doc: Document) -> Document:
    from dipgraph.loaders.lang.en.events import (
        ACCREDITED_RE,
        SentenceView,
        more_envoys,
        sentence_events,
    )
    from dipgraph.loaders.lang.en.names import NameMention
    from dipgraph.loaders.lang.en.roles import is_ambassador

    state = {k: p.state for k, p in doc.persons.items()}
    role = {k: p.role for k, p in doc.persons.items()}
    posted = {k: p.posted_in for k, p in doc.persons.items()}
    # the publisher's first titled official: who "the Minister", "he" or "the Kazakh
    # diplomat" is in a release about one official's day
    # (a spokesperson only tells what the others did)
    protagonist = next(
        (m.person for m in doc.mentions
         if role.get(m.person) and state.get(m.person) == doc.publisher
         and not re.search(r"spokes|press secretary", role[m.person])),
        None,
    )  # fmt: skip
    # titled officials whose state no title or neighbour said: the publisher's by default
    guessed = frozenset(
        k for k, p in doc.persons.items()
        if p.state == doc.publisher and p.role
        and not any(m.title and m.title.state for m in p.mentions)
    )  # fmt: skip
    visit = re.search(r"(?i)\b(?:visit|visited|visiting|arrived|tour)\b", doc.text)
    visitor = next(
        (m.person for m in doc.mentions
         if role.get(m.person) and state.get(m.person) not in (None, doc.publisher)),
        None,
    ) if visit else None  # fmt: skip
    titled_by_state: dict[str, list[str]] = {}
    for k, p in doc.persons.items():
        if p.role and p.state:
            titled_by_state.setdefault(p.state, []).append(k)
    drafts = []
    context_igo = None
    ceremony = None  # (home, kind, receivers) of the last credentials ceremony told
    recent_states: list[str] = []
    for i, sent in enumerate(doc.sentences):
        people = [
            NameMention(m.start - sent.start, m.end - sent.start, m.name, False, person=m.person)
            for m in doc.mentions
            if m.sent == i
        ]
        consumed = {
            (st.start, st.end)
            for m in doc.mentions
            if m.sent == i and m.title
            for st in m.title.mentions
        }
        view = SentenceView(
            i,
            sent.text,
            people,
            _sentence_states(doc, i),
            consumed,
            state,
            role,
            posted,
            protagonist,
            titled_by_state,
            context_igo,
            any(d.type == "HOSTED" and not d.attach for d in drafts),
            guessed,
            visitor,
            tuple(recent_states),
        )
        if ACCREDITED_RE.search(sent.text):
            # "X received the credentials of foreign ambassadors", "Envoys of four states
            # presented their credentials to President Y": the receivers of the envoys
            # listed later
            hosts = [
                m.person for m in doc.mentions
                if m.sent == i and role.get(m.person) and state.get(m.person)
                and not is_ambassador(role[m.person])
            ]  # fmt: skip
            receive = re.search(r"(?i)\b(?:received|accepted|accredited)\b", sent.text)
            if not hosts and receive and doc.publisher:
                # "Shavkat Mirziyoyev, ..., received the credentials": the publisher's
                hosts = [
                    m.person for m in doc.mentions
                    if m.sent == i and m.end <= sent.start + receive.start()
                    and state.get(m.person) is None and not role.get(m.person)
                ][:1]  # fmt: skip
                for k in hosts:
                    doc.persons[k].state = state[k] = doc.publisher
                    copies = re.search(r"(?i)\bcop(?:y|ies)\b", sent.text)
                    if not copies and doc.publisher not in MONARCHIES:
                        # credentials proper go to the head of state (copies to the
                        # ministry); the untitled receiver of a republic's release
                        doc.persons[k].role = role[k] = "president"
            if hosts:
                home = state[hosts[0]]
                kind = "copies" if re.search(r"(?i)\bcop(?:y|ies)\b", sent.text) else "credentials"
                hosts = list(dict.fromkeys(k for k in hosts if state[k] == home))
                ceremony = (home, kind, hosts)
        found = sentence_events(view, doc.publisher)
        if not found and ceremony is not None:
            found = more_envoys(view, *ceremony)
            for d in found:  # listed at a ceremony: an envoy
                doc.persons[d.counterparts[0]].role = (
                    doc.persons[d.counterparts[0]].role or "ambassador"
                )
        for d in found:
            if d.type == "ACCREDITED" and len(d.parties) == 2:
                home = d.parties[1]  # the envoy's state first, the receiving one second
                receivers = [k for k in d.participants if k not in d.counterparts]
                if not receivers and ceremony and ceremony[0] == home:
                    receivers = ceremony[2]  # "credentials were also accepted from ..."
                    d.participants += receivers
                ceremony = (home, d.kind, receivers) if home else ceremony
        for d in found:
            for k, st in d.said_states.items():
                if k != protagonist and (state.get(k) is None or k in guessed and state[k] != st):
                    # "Prime Minister of Hungary X and Foreign Minister Y": Y is Hungary's,
                    # not the publisher's by default
                    doc.persons[k].state = state[k] = st
        drafts += found
        recent_states += [m.code for m in view.mentions if m.kind in ("state", "adj")]
        igos = [m.code for m in view.mentions if m.kind == "igo"]
        context_igo = igos[-1] if igos else context_igo
    doc.events = _merge(doc, drafts)
    return doc


def _merge(doc: Document, drafts: list) -> list[EventDraft]:
    """One contact told in several sentences ("During the meeting, the sides ...") is one
    event: the same type and parties, unless each names a different counterpart (two
    meetings with two EU officials). A draft that only adds participants ("the
    delegations were headed by ...") joins the event it belongs to, or is dropped."""
    out: list[tuple[EventDraft, set[str]]] = []
    for d in drafts:
        if d.type == "HOSTED" and d.attach:
            # "The event was attended by ...": the hosted event just told
            last = next((ev for ev, _ in reversed(out) if ev.type == "HOSTED"), None)
            if last is not None:
                last.add_parties(d.parties)
                last.participants += [k for k in d.participants if k not in last.participants]
            continue
        if d.type == "HOSTED":  # two events held are two events, even by one host
            out.append((_draft_event(doc, d), set()))
            continue
        same = [
            (ev, cps)
            for ev, cps in out
            if ev.type == d.type
            and (
                sorted(ev.parties) == sorted(d.parties)
                or d.attach
                and set(d.parties) <= set(ev.parties)
            )
            and (not cps or not d.counterparts or cps & set(d.counterparts))
            # told with two different dates: two contacts ("the visit in December 2019",
            # "a telephone conversation on 12 May 2021")
            and not _other_date(doc, ev.sentence, d.sentence)
            # two officials of one side, each meeting the visitor: two meetings
            and not (
                getattr(ev, "named_own", None)
                and d.named_own
                and not set(ev.named_own) & set(d.named_own)
            )
        ]
        if same:
            ev, cps = same[0]
            ev.participants += [k for k in d.participants if k not in ev.participants]
            cps |= set(d.counterparts)
            ev.sentences.append(d.sentence)
            continue
        if d.attach:
            continue
        ev = _draft_event(doc, d)
        ev.named_own = list(d.named_own)  # type: ignore[attr-defined]
        out.append((ev, set(d.counterparts)))
    return [ev for ev, _ in out]


WHEN_RE = re.compile(
    r"\b(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d\d)?\b|\b(?:19|20)\d\d\b"
)


def _other_date(doc: Document, a: int, b: int) -> bool:
    """Both sentences name a date or a year, and not the same one."""
    when = [WHEN_RE.findall(doc.sentences[i].text) for i in (a, b)]
    return bool(when[0] and when[1] and not set(when[0]) & set(when[1]))


def _draft_event(doc: Document, d) -> EventDraft:
    from dipgraph.loaders.records import Host

    return EventDraft(
        type=d.type,
        sentence=d.sentence,
        paragraph=doc.sentences[d.sentence].paragraph,
        format=d.format,
        kind=d.kind,
        parties=list(d.parties),
        participants=list(d.participants),
        host=Host(*d.host) if d.host else None,
        venue=d.venue,
        confidence=d.confidence,
        cue=d.cue,
        sentences=[d.sentence],
    )


class English(Language):
    code = "en"
    name = "English"

    def unsupported_reason(self, text: str) -> str | None:
        letters = [c for c in text or "" if c.isalpha()]
        if len(letters) < MIN_LETTERS:
            return "empty or too short text: no events extracted"
        return None

    def parse_dateline(self, text: str) -> Dateline | None:
        from dipgraph.loaders.lang.en.dates import parse_dateline

        dl = parse_dateline(text)
        if dl is None or dl["day"] is None:  # "ASTANA. KAZINFORM –" dates nothing
            return None
        return Dateline(
            dl["city"], dl["day"], dl["month"], dl["year"], None, dl["offset"], dl["end"]
        )

    def parse_date(self, text: str) -> tuple[int | None, int | None, int | None]:
        from dipgraph.loaders.lang.en.dates import find_date

        found = find_date(text)
        return found if found else (None, None, None)

    def date_of(
        self, sentence: str, published: str | None, precision: str
    ) -> tuple[str | None, str]:
        from dipgraph.loaders.lang.en.dates import date_of

        return date_of(sentence, published, precision)

    @cache  # noqa: B019 - one instance per process
    def pipeline(self) -> list[Stage]:
        return [
            Stage("segment", split_text, ("text",), ("paragraphs", "sentences")),
            Stage("states", find_places, ("sentences",), ("states", "publisher", "home_state")),
            Stage("names", find_people, ("sentences", "states"), ("mentions", "persons")),
            Stage("roles", assign_roles, ("mentions", "persons", "publisher"), ("persons",)),
            Stage(
                "events",
                find_events,
                ("sentences", "mentions", "persons", "states", "publisher"),
                ("events",),
            ),
            Stage("dates", date_events, ("events", "sentences"), ("events",)),
        ]

    def state_name(self, code: str | None) -> str | None:
        from dipgraph.loaders.lang.en.states import english_names

        return english_names().get(code or "")

    def state_codes(self, text: str) -> list[str]:
        from dipgraph.loaders.lang.en.states import find_states

        codes = [m.code for m in find_states(text) if m.kind in ("state", "igo", "adj")]
        return list(dict.fromkeys(codes))

    def state_code_of(self, text: str) -> str | None:
        from dipgraph.loaders.lang.en.states import state_code_of

        return state_code_of(text)

    def city_state(self, city: str | None) -> str | None:
        from dipgraph.loaders.lang.en.states import city_state

        return city_state(city)

    def organization_kind(self, name: str) -> str:
        lowered = name.lower()
        return next((kind for needle, kind in ORG_KINDS if needle in lowered), "other")

    def is_ambassador(self, role: str | None) -> bool:
        from dipgraph.loaders.lang.en.roles import is_ambassador

        return is_ambassador(role)

    def words(self, text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}

    def position_words(self, text: str) -> set[str]:
        return self.words(text)


LANGUAGE = English()
