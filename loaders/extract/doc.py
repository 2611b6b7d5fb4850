"""The working document the pipeline stages fill in, one attribute per stage, and the
language-neutral records the stages produce (people, titles, event drafts)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from dipgraph.graph.model import Release


@dataclass
class Token:
    text: str
    start: int
    end: int
    sent: int = -1
    pos: str | None = None  # from natasha's morph tagger (only in sentences with names)
    feats: dict[str, str] = field(default_factory=dict)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    tok_start: int = 0
    tok_end: int = 0  # exclusive


@dataclass
class Span:
    """A named-entity span from the NER stage (PER, LOC, ORG)."""

    type: str
    start: int
    end: int
    text: str
    tok_start: int = 0
    tok_end: int = 0


@dataclass
class StateMention:
    """A state, IGO, relational adjective or city found in the text."""

    code: str  # ISO alpha-2 or IGO code
    kind: str  # state | igo | adj | city
    start: int
    end: int
    text: str
    tok_start: int
    tok_end: int
    name: str | None = None  # canonical Russian name (cities: nominative city name)


@dataclass
class Title:
    """A parsed official's title: role, represented state, posted-in state, organization."""

    role: str | None
    state: str | None = None
    posted_in: str | None = None
    organization: str | None = None
    text: str = ""
    start: int = -1
    end: int = -1


@dataclass
class PersonMention:
    start: int
    end: int
    text: str
    tok_start: int
    tok_end: int
    name: str  # nominative
    sent: int
    title: Title | None = None
    person: str | None = None  # key into Document.persons
    alias: str | None = None  # another spelling given with it: "(Bernd Pischetsrieder)"


@dataclass
class Person:
    key: str  # canonical nominative name
    name: str
    aliases: list[str] = field(default_factory=list)
    state: str | None = None
    role: str | None = None
    posted_in: str | None = None
    organization: str | None = None
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def is_official(self) -> bool:
        return self.role is not None


@dataclass
class EventDraft:
    """An event as the events stage finds it; the driver turns it into an EventRecord.
    ``participants`` are keys into Document.persons; ``host`` has name, kind, state."""

    type: str
    sentence: int
    paragraph: int
    format: str | None = None
    kind: str | None = None
    parties: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    host: Any = None
    venue: tuple[str, str | None] | None = None
    confidence: float = 0.5
    cue: str = ""
    pattern: str = ""  # which rule found it (for measured confidence)
    sentences: list[int] = field(default_factory=list)
    date: str | None = None
    date_precision: str = "unknown"

    def add_parties(self, codes: list[str | None]) -> None:
        for c in codes:
            if c and c not in self.parties:
                self.parties.append(c)


@dataclass
class Document:
    release: Release
    text: str
    lang: Any = None  # the dipgraph.loaders.lang.Language running the pipeline
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    states: list[StateMention] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)
    persons: dict[str, Person] = field(default_factory=dict)
    home_state: str | None = None  # the release's own side: publisher, else a guess
    publisher: str | None = None  # the own side when the release says it (metadata, dateline)
    #: dependency parses of the sentences that hold an event cue: sentence index ->
    #: [(head token index within the sentence or -1, relation)], filled on demand
    syntax: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    events: list[EventDraft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list, repr=False)

    def sentence_at(self, offset: int) -> int:
        if not self._sent_starts:
            self._sent_starts = [s.start for s in self.sentences]
        return max(0, bisect_right(self._sent_starts, offset) - 1)

    def sentence_tokens(self, i: int) -> list[Token]:
        s = self.sentences[i]
        return self.tokens[s.tok_start : s.tok_end]
