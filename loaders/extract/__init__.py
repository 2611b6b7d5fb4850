"""Extraction: a release in, events and officials out (DESIGN.md "Extraction").

The release's language (``Release.language``, see :mod:`dipgraph.loaders.lang`) supplies
a pipeline of one-job stages over a :class:`~dipgraph.loaders.extract.doc.Document`, each
declaring what it reads and writes (:mod:`.pipeline`) and testable alone::

    segment -> entities -> names -> states -> roles -> events -> dates

This driver turns the Document's event drafts and persons into the records of the
extraction contract (:mod:`dipgraph.loaders.records`). Models load lazily, once per
process. Public API: :func:`extract`, :func:`extract_many`, :func:`extract_paths`,
:func:`analyze`, :data:`EXTRACTOR_VERSION`, :data:`STAGES`; a missing module raises
:class:`ExtractionUnavailable` out of :func:`extract_many`.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from collections.abc import Iterable  # noqa: E402
from functools import partial  # noqa: E402

from dipgraph.graph.model import Evidence, Release, event_id, official_id  # noqa: E402
from dipgraph.loaders.records import (  # noqa: E402
    EventRecord,
    Extraction,
    Host,
    OfficialRecord,
    Participant,
    Place,
)

EXTRACTOR_VERSION = "dipgraph-0.3"
STAGES = ("segment", "entities", "names", "states", "roles", "events", "dates")


def _language(release: Release):
    from dipgraph.loaders.lang import get_language, language_for

    # a release without a known language is tried as Russian, which then says why not
    return language_for(release) or get_language("ru")


def analyze(release: Release, upto: str | None = None):
    """Run the release's language pipeline (up to and including stage ``upto``) and
    return the Document."""
    return _language(release).analyze(release, upto=upto)


def check_language(release: Release) -> str | None:
    """Why a release cannot be extracted (None when it can)."""
    from dipgraph.loaders.lang import LANGUAGES, language_for

    lang = language_for(release)
    if lang is None and release.language not in (None, "", "und"):
        known = ", ".join(sorted(LANGUAGES))
        return (
            f"text is in {language_name(release.language)} ({release.language}), which has "
            f"no extraction pipeline (supported: {known}): no events extracted"
        )
    return _language(release).unsupported_reason(release.text or "")


def language_name(code: str) -> str:
    """English name of a language code ("kk" -> "Kazakh"), the code when unknown."""
    from babel import Locale

    return Locale("en").languages.get(code, code)


def _evidence(doc, sent_i: int) -> Evidence:
    s = doc.sentences[sent_i]
    return Evidence(s.text, s.start, s.end)


def _participant(doc, key: str) -> Participant:
    p = doc.persons[key]
    return Participant(
        id=official_id(p.state, p.name),
        name=p.name,
        state=p.state,
        role=p.role,
        posted_in=p.posted_in,
        organization=p.organization,
    )


def _occurrence(counts: dict[tuple, int], ev) -> int:
    """How many events of this type, date and parties the release told before this one:
    two same-day meetings with one state stay two Events (graph.model.event_id)."""
    key = (ev.type, ev.date, tuple(sorted(set(ev.parties))))
    counts[key] = counts.get(key, 0) + 1
    return counts[key] - 1


def extract(release: Release, min_confidence: float = 0.0) -> Extraction:
    """Events and officials of one release (an Extraction with warnings, never raises
    on odd text). Events whose measured confidence is below ``min_confidence`` are left
    out (the officials stay)."""
    problem = check_language(release)
    if problem:
        return Extraction(release=release, warnings=[problem], extractor_version=EXTRACTOR_VERSION)
    lang = _language(release)
    doc = lang.analyze(release)
    source = release.source_uri
    events: list[EventRecord] = []
    seen: set[tuple] = set()
    occurrences: dict[tuple, int] = {}
    for ev in doc.events:
        participants = [_participant(doc, k) for k in ev.participants]
        evidence = _evidence(doc, ev.sentence)
        actors = sorted({p.id for p in participants} | set(ev.parties))
        # a sentence repeated word for word (a headline over its lead) reports one event
        said = (ev.type, tuple(actors), " ".join(evidence.sentence.split()))
        if said in seen:
            continue
        seen.add(said)
        host = None
        if ev.host is not None:
            host = Host(name=ev.host.name, kind=ev.host.kind, state=ev.host.state)
        venue = Place(name=ev.venue[0], state=ev.venue[1]) if ev.venue else None
        confidence = round(
            max(0.05, min(0.99, lang.event_confidence(ev.type, ev.pattern, ev.confidence))), 2
        )
        if confidence < min_confidence:
            continue
        events.append(
            EventRecord(
                release=release.id,
                source=source,
                event_id=event_id(
                    release.id,
                    ev.type,
                    actors,
                    (evidence.start, evidence.end),
                    date=ev.date,
                    date_precision=ev.date_precision,
                    parties=ev.parties,
                    occurrence=_occurrence(occurrences, ev),
                ),
                type=ev.type,
                evidence=evidence,
                format=ev.format,
                date=ev.date,
                date_precision=ev.date_precision,
                parties=sorted(ev.parties),
                participants=participants,
                host=host,
                venue=venue,
                confidence=confidence,
                summary=f"{ev.type} ({ev.cue})",
                kind=ev.kind,
            )
        )
    in_events = {p for ev in doc.events for p in ev.participants}
    officials: list[OfficialRecord] = []
    for key, p in doc.persons.items():
        if not (p.is_official or key in in_events):
            continue
        first = next((m for m in p.mentions if m.title), p.mentions[0])
        officials.append(
            OfficialRecord(
                release=release.id,
                source=source,
                id=official_id(p.state, p.name),
                name=p.name,
                evidence=_evidence(doc, first.sent),
                state=p.state,
                role=p.role,
                organization=p.organization,
                posted_in=p.posted_in,
                aliases=list(p.aliases),
            )
        )
    return Extraction(
        release=release,
        events=events,
        officials=officials,
        warnings=doc.warnings,
        extractor_version=EXTRACTOR_VERSION,
    )


def _init_worker() -> None:
    os.environ["OPENBLAS_NUM_THREADS"] = "1"


class ExtractionUnavailable(RuntimeError):
    """A module extraction needs is not installed, or its models cannot be read. Every
    release would fail alike, so the first one stops the run instead of being reported as
    one bad release."""

    def __init__(self, release: str, module: str, problem: str = "is missing") -> None:
        super().__init__(release, module, problem)  # all in args: the pool pickles it
        self.release, self.module, self.problem = release, module, problem

    def __str__(self) -> str:
        return f"cannot extract {self.release}: the Python module '{self.module}' {self.problem}"


def _extract_one(release: Release, min_confidence: float = 0.0) -> Extraction:
    from dipgraph.loaders.lang import ModelUnavailable

    where = release.source_uri or f"release {release.id[:12]}"
    try:
        return extract(release, min_confidence)
    except ModuleNotFoundError as exc:
        raise ExtractionUnavailable(where, exc.name or str(exc)) from exc
    except ModelUnavailable as exc:
        raise ExtractionUnavailable(where, exc.module, exc.problem) from exc
    except Exception as exc:  # a worker must not take the batch down
        return Extraction(release=release, error=f"extraction failed: {exc!r}")


def extract_many(
    releases: Iterable[Release],
    workers: int = 1,
    chunksize: int = 4,
    min_confidence: float = 0.0,
):
    """Extract many releases, in order; ``workers > 1`` uses a process pool (fork), each
    worker loading the models once with OPENBLAS_NUM_THREADS=1. Yields Extractions."""
    one = partial(_extract_one, min_confidence=min_confidence)
    if workers <= 1:
        for r in releases:
            yield one(r)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        yield from pool.imap(one, releases, chunksize=chunksize)


def extract_paths(
    paths,
    *,
    year: int | None = None,
    publisher: str | None = None,
    workers: int = 1,
    min_confidence: float = 0.0,
):
    """Read files/folders/globs/'-' (:func:`dipgraph.loaders.sources.read_paths`: gold
    files inside folders skipped) and extract them, in order. Yields ``(path, result)``
    where result is an Extraction, or a SourceError for input that could not be read."""
    from dipgraph.loaders.sources import read_paths

    items = list(read_paths(paths, year=year, publisher=publisher))
    todo = [r for _, r in items if isinstance(r, Release)]
    results = iter(extract_many(todo, workers=workers, min_confidence=min_confidence))
    for path, item in items:
        yield path, (next(results) if isinstance(item, Release) else item)


__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractionUnavailable",
    "STAGES",
    "analyze",
    "check_language",
    "extract",
    "extract_many",
    "extract_paths",
]
