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
_CITY = r"(?P<city>[A-Z][A-Za-z\-' ]{1,30}?)(?:\s*\[[A-Z]{2,3}\])?(?:,\s*[A-Z][a-z]+)?"
# "ASTANA, March 3, 2025 – ", "BAKU, Azerbaijan, March 30. ", "United Nations, Sep 23
# (SocialNews.XYZ) ", and the agency form "BRUSSELS. KAZINFORM – "
DATELINE_RES = [
    re.compile(
        rf"^{_CITY},\s+(?i:{_MONTH})\s+(?P<day>\d{{1,2}}){_YEAR}\s*"
        r"(?:\((?P<agency>[^)]{1,80})\)\s*(?:[-–—:]\s*)?|[.]\s+|\s*[-–—:]\s+)"
    ),
    re.compile(
        r"^(?P<city>[A-Z][A-Z\-' ]{1,30})\.\s+(?P<agency>[A-Z][A-Za-z]{2,20})\s*(?:[-–—]\s+)?"
    ),
]


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
    """The dateline in the first lines: city, day, month, year (or None), agency and the
    offsets where it starts and ends."""
    offset = 0
    for line in text.split("\n")[:4]:
        for rx in DATELINE_RES:
            m = rx.match(line)
            if m is None:
                continue
            groups = m.groupdict()
            return {
                "city": m.group("city").strip().title(),
                "day": int(groups["day"]) if groups.get("day") else None,
                "month": MONTHS[groups["month"].lower()] if groups.get("month") else None,
                "year": int(groups["year"]) if groups.get("year") else None,
                "agency": groups.get("agency"),
                "offset": offset,
                "end": offset + m.end(),
            }
        offset += len(line) + 1
    return None
