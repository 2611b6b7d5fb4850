"""Pipeline stages that say what they read and write (spaCy-like components).

A :class:`Stage` wraps one callable ``Document -> Document`` with the names of the
:class:`~dipgraph.loaders.extract.doc.Document` attributes it reads and writes. :func:`run`
checks, before running anything, that every attribute a stage reads was written by an
earlier stage (or is given: ``release``, ``text``, ``lang``), so a language's pipeline
that forgets or reorders a stage fails at once with a clear message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dipgraph.loaders.extract.doc import Document

GIVEN = frozenset({"release", "text", "lang"})


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Document], Document]
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        return self.func(doc) or doc


class PipelineError(ValueError):
    """A pipeline whose stages read what no earlier stage wrote."""


def check(stages: Sequence[Stage]) -> None:
    """Raise PipelineError when a stage reads an attribute no earlier stage writes."""
    known = set(GIVEN)
    fields = set(Document.__dataclass_fields__)
    for stage in stages:
        for attr in stage.reads + stage.writes:
            if attr not in fields:
                raise PipelineError(f"stage {stage.name!r}: Document has no attribute {attr!r}")
        missing = [a for a in stage.reads if a not in known]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} reads {', '.join(missing)}, which no earlier stage writes"
            )
        known.update(stage.writes)


def run(stages: Sequence[Stage], doc: Document, upto: str | None = None) -> Document:
    """Run the stages in order (up to and including ``upto``) over ``doc``."""
    check(stages)
    names = [s.name for s in stages]
    if upto is not None and upto not in names:
        raise PipelineError(f"no stage {upto!r} (stages: {', '.join(names)})")
    for stage in stages:
        doc = stage(doc)
        if stage.name == upto:
            break
    return doc


__all__ = ["GIVEN", "PipelineError", "Stage", "check", "run"]


def date_events(doc: Document) -> Document:
    """The last stage of every language (a function name apart from the languages' `dates`
    modules, which their packages bind on import): each event's date, from its sentence by the
    language's :meth:`~dipgraph.loaders.lang.Language.date_of`."""
    r = doc.release
    for ev in doc.events:
        ev.date, ev.date_precision = doc.lang.date_of(
            doc.sentences[ev.sentence].text, r.published, r.date_precision
        )
    return doc
