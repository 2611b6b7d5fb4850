"""English dates and datelines: "3 March 2025", "March 3, 2025", "ASTANA, March 3 -".

An explicit day and month in an event's sentence wins (the year from the release when the
sentence gives none); "earlier", "recently", "last week" make the date vague; otherwise
the event takes the release's date. A year is never invented.
"""

from __future__ import annotations

import re
from datetime import date as _date

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split()
    )
}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
_DATE_RES = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_YEAR}\b", re.I),
]
VAGUE_RE = re.compile(
    r"\b(?:earlier|recently|previously|last (?:week|month|year)|in the past|the day before)\b",
    re.I,
)
DATELINE_RE = re.compile(
    r"^(?P<city>[A-Z][A-Za-z\-' ]{1,30}),\s+" + _MONTH + r"\s+(?P<day>\d{1,2})"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\s*(?:\([^)]{1,30}\)\s*)?[-–—]\s+",
)


def find_date(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the first date written in ``text``."""
    best = None
    for rx in _DATE_RES:
        m = rx.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    year = int(best.group("year")) if best.group("year") else None
    return year, MONTHS[best.group("month").lower()], int(best.group("day"))


def date_of(sentence: str, published: str | None, precision: str) -> tuple[str | None, str]:
    year = int(published[:4]) if published and precision != "unknown" else None
    found = find_date(sentence)
    if found:
        y = found[0] or year
        if y is None:
            return None, "unknown"
        try:
            return _date(y, found[1], found[2]).isoformat(), "day"
        except ValueError:
            return None, "unknown"
    if VAGUE_RE.search(sentence):
        return (str(year), "year") if year is not None else (None, "unknown")
    if published is None:
        return None, "unknown"
    return published, precision


def parse_dateline(text: str) -> dict | None:
    """'ASTANA, March 3, 2025 – ...' in the first lines: city, day, month, year, offsets."""
    offset = 0
    for line in text.split("\n")[:4]:
        m = DATELINE_RE.match(line)
        if m:
            return {
                "city": m.group("city").strip().title(),
                "day": int(m.group("day")),
                "month": MONTHS[m.group("month").lower()],
                "year": int(m.group("year")) if m.group("year") else None,
                "agency": None,
                "offset": offset,
                "end": offset + m.end(),
            }
        offset += len(line) + 1
    return None
