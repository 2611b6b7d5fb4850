"""Dates in Russian: month names, the dateline ("Астана. 3 марта. KAZAKHSTAN TODAY - "),
dates written in words, and stage 7, event dates.

Event dates: an explicit "3 марта" in the event's sentence wins (the year from the
release); "ранее", "накануне", ... make the date unknown; otherwise the event takes the
release's date with its precision. A year is never invented: without one the date is
null and the precision "unknown"."""

from __future__ import annotations

import re
from datetime import date as _date

from dipgraph.loaders.lang import Dateline

MONTHS = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}

DATELINE_RE = re.compile(
    r"^(?P<city>[A-ZА-ЯЁ][\w\-’' ]{1,40}?)[.,]\s+"
    r"(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r")"
    r"(?:\s+(?P<year>(?:19|20)\d{2})(?:\s*(?:г\.|года))?)?"
    # "... - Текст" with an agency or not, or "Минск, 6 марта. Текст" without a dash
    r"(?:[.,]?\s+(?:(?P<agency>[^\n]{1,60}?)\s+)?[-–—]\s+|\.\s+(?=[А-ЯЁA-Z«\"]))",
    re.IGNORECASE,
)
_WRITTEN_RE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?", re.I)


def parse_dateline(text: str) -> Dateline | None:
    """The dateline in the first lines of a release: city, day, month, year (or None),
    agency, and its character offsets."""
    offset = 0
    for line in text.split("\n")[:6]:
        m = DATELINE_RE.match(line)
        if m:
            return Dateline(
                city=m.group("city").strip(),
                day=int(m.group("day")),
                month=MONTHS[m.group("month").lower()],
                year=int(m.group("year")) if m.group("year") else None,
                agency=(m.group("agency") or "").strip() or None,
                start=offset,
                end=offset + m.end(),
            )
        offset += len(line) + 1
    return None


def parse_date(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of "3 марта 2026" / "3 марта"; Nones when there is none."""
    m = _WRITTEN_RE.search(text)
    if not m:
        return None, None, None
    return (int(m.group(3)) if m.group(3) else None), MONTHS[m.group(2).lower()], int(m.group(1))


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
