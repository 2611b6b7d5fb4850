"""Stage 7: event dates. An explicit "3 марта" in the event's sentence wins (the year from
the release); "ранее", "накануне", ... make the date unknown; otherwise the event takes
the release's date with its precision. A year is never invented: without one the date
is null and the precision "unknown"."""

from __future__ import annotations

import re
from datetime import date as _date

from dipgraph.loaders.extract.doc import Document
from dipgraph.loaders.sources import MONTHS

_DATE_RE = re.compile(
    r"\b(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+("
    + "|".join(MONTHS)
    + r")(?:\s+(\d{4})\s*(?:г\.|года)?)?",
    re.IGNORECASE,
)
VAGUE = ("ранее", "накануне", "на днях", "недавно", "на прошлой неделе", "в прошлом году")


def date_of(sentence: str, published: str | None, precision: str) -> tuple[str | None, str]:
    """(date, precision) of an event reported in ``sentence`` of a release published on
    ``published`` with ``precision``."""
    year = int(published[:4]) if published and precision != "unknown" else None
    m = _DATE_RE.search(sentence)
    if m:
        y = int(m.group(3)) if m.group(3) else year
        if y is None:
            return None, "unknown"
        try:
            return _date(y, MONTHS[m.group(2).lower()], int(m.group(1))).isoformat(), "day"
        except ValueError:
            return None, "unknown"
    low = sentence.lower()
    if any(re.search(rf"(?<!\w){v}(?!\w)", low) for v in VAGUE):
        if year is not None:
            return str(year), "year"
        return None, "unknown"
    if published is None:
        return None, "unknown"
    return published, precision


def dates(doc: Document) -> Document:
    r = doc.release
    for ev in doc.events:
        ev.date, ev.date_precision = date_of(
            doc.sentences[ev.sentence].text, r.published, r.date_precision
        )
    return doc
