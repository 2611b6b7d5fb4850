"""The language seam: everything that depends on the language of a release.

A language is a package ``dipgraph.loaders.lang.<code>`` (as spaCy's ``spacy/lang/<code>``)
whose ``__init__`` defines one subclass of :class:`Language` and exposes it as
``LANGUAGE``. Nothing outside the package knows a word of that language: vocabularies,
gazetteer data files (``lang/<code>/data/``), month names and datelines, name
normalization and case rules, title rules and event cue words all live in it. The rest of
``loaders`` (sources, the extraction driver, mapping, evaluation) talks to it only through
this interface::

    from dipgraph.loaders.lang import get_language, language_for

    ru = get_language("ru")
    ru.parse_dateline(text)                 # -> Dateline | None
    lang = language_for(release)            # by Release.language, None if unsupported
    doc = lang.analyze(release)             # runs lang.pipeline() over a Document

What a language provides (see :class:`Language` for the signatures):

- identity: ``code`` ("ru"), ``name``; :meth:`Language.unsupported_reason` says why a
  text cannot be extracted by it (too short, another script);
- datelines and dates: :meth:`Language.parse_dateline` (the one dateline parser:
  ``loaders.sources`` and the segmenter both use it), :meth:`Language.parse_date` for
  dates written in words;
- the pipeline: :meth:`Language.pipeline` returns the ordered
  :class:`~dipgraph.loaders.extract.pipeline.Stage` list (spaCy-like components, each a
  callable ``Document -> Document`` that declares which Document attributes it ``reads``
  and ``writes``; the driver checks the declarations before running). The stage names of
  DESIGN.md are the contract: segment -> entities -> names -> states -> roles -> events ->
  dates. The ``events`` stage must fill ``Document.events`` with
  :class:`~dipgraph.loaders.extract.doc.EventDraft` objects (one module per event type:
  met, accredited, consulted, hosted) and ``Document.persons`` with
  :class:`~dipgraph.loaders.extract.doc.Person` objects; the driver
  (``loaders.extract``) turns them into the JSON contract;
- facts the graph mapping and the scorer need in words of the language:
  :meth:`Language.state_name`, :meth:`Language.state_codes`,
  :meth:`Language.state_code_of`, :meth:`Language.city_state` (publisher from a
  dateline city), :meth:`Language.words`,
  :meth:`Language.organization_kind`, :meth:`Language.is_ambassador`,
  :meth:`Language.to_latin`, :meth:`Language.position_words` (factRuEval-style role
  comparison).

State and IGO codes are language-neutral: ISO 3166-1 alpha-2 for states, and the IGO
table of :data:`dipgraph.graph.model.IGO_CODES` (its one home) for organizations; a
language's gazetteer may only name codes from that table.

Adding a language: create ``lang/<code>/__init__.py`` with ``LANGUAGE = MyLanguage()``,
add ``<code>`` to :data:`LANGUAGES`, and the package (and its ``data/*``) to pyproject's
package-dir/packages/package-data.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:  # pragma: no cover
    from dipgraph.graph.model import Release
    from dipgraph.loaders.extract.doc import Document
    from dipgraph.loaders.extract.pipeline import Stage

#: Registered language codes -> the package that implements them.
LANGUAGES: dict[str, str] = {"ru": "dipgraph.loaders.lang.ru", "en": "dipgraph.loaders.lang.en"}


@dataclass(frozen=True)
class Dateline:
    """Where and when a release was filed ("Astana. March 3. KAZAKHSTAN TODAY - ").
    ``start``/``end`` are character offsets of the dateline in the text."""

    city: str
    day: int
    month: int
    year: int | None
    agency: str | None
    start: int
    end: int


class Language:
    """One language's extraction. Subclasses set ``code`` and ``name`` and implement the
    methods below; defaults are given where a language may have nothing to say."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""

    # -- texts
    def unsupported_reason(self, text: str) -> str | None:
        """Why ``text`` cannot be extracted by this language (None when it can)."""
        raise NotImplementedError

    def parse_dateline(self, text: str) -> Dateline | None:
        """The dateline in the first lines of a release, or None."""
        return None

    def parse_date(self, text: str) -> tuple[int | None, int | None, int | None]:
        """(year, month, day) of a date written in words ("3 March 2026"); Nones when
        there is none."""
        return None, None, None

    def date_of(
        self, sentence: str, published: str | None, precision: str
    ) -> tuple[str | None, str]:
        """(date, precision) of an event told in ``sentence`` of a release published on
        ``published`` (at ``precision``): the date the sentence gives, else the release's."""
        return published, precision if published else "unknown"

    # -- extraction
    def pipeline(self) -> list[Stage]:
        """The ordered stages (segment -> entities -> names -> states -> roles -> events
        -> dates)."""
        raise NotImplementedError

    def analyze(self, release: Release, upto: str | None = None) -> Document:
        """Run the pipeline (up to and including stage ``upto``) over a new Document."""
        from dipgraph.loaders.extract.doc import Document
        from dipgraph.loaders.extract.pipeline import run

        doc = Document(release=release, text=release.text, lang=self)
        return run(self.pipeline(), doc, upto=upto)

    def event_confidence(self, type_: str, pattern: str, guess: float) -> float:
        """The confidence of an event found by ``pattern``: the precision measured on the
        dev set when the language has a table, else the rule's own ``guess``."""
        return guess

    # -- facts in words of the language
    def state_name(self, code: str | None) -> str | None:
        """The name of a state or IGO code in this language."""
        return None

    def state_codes(self, text: str) -> list[str]:
        """Codes of the states/IGOs named in a short text, in order, no repeats."""
        return []

    def state_code_of(self, text: str) -> str | None:
        """The code when the whole text names one state or IGO ("USA"), else None."""
        return None

    def city_state(self, city: str | None) -> str | None:
        """The state a (dateline) city is in, when the gazetteer knows it."""
        return None

    def organization_kind(self, name: str) -> str:
        """ministry, embassy, consulate, university, government, council or other."""
        return "other"

    def is_ambassador(self, role: str | None) -> bool:
        """Does the role name an ambassador (for ACCREDITED edges)?"""
        return False

    def to_latin(self, name: str) -> str:
        """A Latin transliteration of a name (the name itself when already Latin)."""
        return name

    def words(self, text: str) -> set[str]:
        """Normalized content words (lemmas) of a text, for loose comparisons."""
        return {w for w in text.lower().split() if len(w) > 2}

    def position_words(self, text: str) -> set[str]:
        """Normalized words of a position (an abbreviated title ~ the spelled-out one),
        for comparing a gold position with an extracted role."""
        return {w for w in text.lower().split() if len(w) > 2}


class ModelUnavailable(RuntimeError):
    """A package is installed but its model files cannot be read (a broken install)."""

    def __init__(self, module: str, problem: str) -> None:
        super().__init__(module, problem)
        self.module, self.problem = module, problem


class UnsupportedLanguage(LookupError):
    """No extraction for this language code."""


@cache
def get_language(code: str) -> Language:
    """The registered language for an ISO 639-1 code; raises UnsupportedLanguage."""
    module = LANGUAGES.get((code or "").lower())
    if module is None:
        known = ", ".join(sorted(LANGUAGES))
        raise UnsupportedLanguage(f"no extraction for language {code!r} (supported: {known})")
    return importlib.import_module(module).LANGUAGE


def languages() -> list[Language]:
    """Every registered language."""
    return [get_language(code) for code in LANGUAGES]


def language_for(release: Release) -> Language | None:
    """The language that extracts a release (by ``Release.language``), None if none."""
    try:
        return get_language(release.language or "")
    except UnsupportedLanguage:
        return None


def find_dateline(text: str) -> Dateline | None:
    """The first dateline any registered language recognizes in ``text``."""
    for lang in languages():
        found = lang.parse_dateline(text)
        if found is not None:
            return found
    return None


def parse_written_date(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a date written in words, in any registered language."""
    for lang in languages():
        found = lang.parse_date(text)
        if found != (None, None, None):
            return found
    return None, None, None


__all__ = [
    "LANGUAGES",
    "Dateline",
    "Language",
    "UnsupportedLanguage",
    "find_dateline",
    "get_language",
    "language_for",
    "languages",
    "parse_written_date",
]
