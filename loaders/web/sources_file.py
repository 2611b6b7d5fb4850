"""SOURCES.toml: which ministries `dipgraph sync` reads, and how politely.

    [fetch]                        # optional; command-line flags win
    user_agent = "dipgraph/0.1 (+mailto:you@example.org)"
    rate = 1.0                     # requests a second per host
    concurrency = 2                # requests at once per host

    [[source]]
    name = "mid-kz"                # short, unique: the summary line and the state use it
    ministry = "Ministry of Foreign Affairs of the Republic of Kazakhstan"
    publisher = "KZ"               # ISO 3166 alpha-2 of the ministry's state (or IGO code)
    language = "ru"
    feeds = ["https://example.org/rss"]
    sitemaps = ["https://example.org/sitemap.xml"]
    [[source.listings]]
    url = "https://example.org/press"
    links = '/press/\\d+'          # regular expression, searched in each absolute link

A source needs at least one feed, sitemap or listing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from dipgraph.loaders.sources import checked_publisher
from dipgraph.loaders.web.fetch import FetchError, FetchSettings, check_url

SOURCE_KEYS = {"name", "ministry", "publisher", "language", "feeds", "sitemaps", "listings"}
FETCH_KEYS = {f.name for f in fields(FetchSettings)} - {"cache_path"}


class SourcesFileError(Exception):
    """A sources file that cannot be used; ``str()`` is one line naming the file."""

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True)
class Listing:
    url: str
    links: str  # regular expression the release links match


@dataclass(frozen=True)
class Source:
    name: str
    ministry: str
    publisher: str  # ISO 3166 alpha-2 code of the publishing state, or an IGO code
    language: str = "ru"
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()


@dataclass(frozen=True)
class SourcesFile:
    sources: tuple[Source, ...]
    fetch: dict[str, Any] = field(default_factory=dict)  # FetchSettings overrides

    def fetch_settings(self, **overrides: Any) -> FetchSettings:
        values = self.fetch | {k: v for k, v in overrides.items() if v is not None}
        return FetchSettings(**values)


def _strings(path: Path, where: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourcesFileError(path, f"{where} must be a list of URLs")
    for url in value:
        try:
            check_url(url)
        except FetchError as exc:
            raise SourcesFileError(path, f"{where}: {exc}") from None
    return tuple(value)


def _source(path: Path, index: int, raw: Any) -> Source:
    if not isinstance(raw, dict):
        raise SourcesFileError(path, f"[[source]] #{index + 1} is not a table")
    name = raw.get("name")
    where = f"source {name!r}" if isinstance(name, str) else f"[[source]] #{index + 1}"
    unknown = sorted(set(raw) - SOURCE_KEYS)
    if unknown:
        raise SourcesFileError(path, f"{where}: unknown key(s) {', '.join(unknown)}")
    for key in ("name", "ministry", "publisher"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise SourcesFileError(path, f'{where}: needs {key} = "..."')
    try:
        publisher = checked_publisher(raw["publisher"])
    except ValueError as exc:
        raise SourcesFileError(path, f"{where}: {exc}") from None
    listings = []
    for n, entry in enumerate(raw.get("listings", [])):
        if not isinstance(entry, dict) or not {"url", "links"} <= set(entry):
            raise SourcesFileError(path, f"{where}: listing #{n + 1} needs url and links")
        try:
            re.compile(entry["links"])
        except re.error as exc:
            raise SourcesFileError(path, f"{where}: bad links pattern ({exc})") from None
        (url,) = _strings(path, f"{where} listing #{n + 1}", entry["url"])
        listings.append(Listing(url, entry["links"]))
    source = Source(
        name=raw["name"].strip(),
        ministry=raw["ministry"].strip(),
        publisher=publisher,
        language=str(raw.get("language", "ru")),
        feeds=_strings(path, f"{where} feeds", raw.get("feeds", [])),
        sitemaps=_strings(path, f"{where} sitemaps", raw.get("sitemaps", [])),
        listings=tuple(listings),
    )
    if not (source.feeds or source.sitemaps or source.listings):
        raise SourcesFileError(path, f"{where}: give at least one of feeds, sitemaps, listings")
    return source


def read_sources(path: str | Path) -> SourcesFile:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesFileError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesFileError(path, f"cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourcesFileError(path, f"not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"source", "fetch"})
    if unknown:
        raise SourcesFileError(path, f"unknown table(s) {', '.join(unknown)}; "
                                     "expected [fetch] and [[source]]")  # fmt: skip
    fetch = data.get("fetch", {})
    bad = sorted(set(fetch) - FETCH_KEYS)
    if bad:
        raise SourcesFileError(path, f"[fetch]: unknown key(s) {', '.join(bad)}")
    sources = tuple(_source(path, i, raw) for i, raw in enumerate(data.get("source", [])))
    if not sources:
        raise SourcesFileError(path, "no [[source]] tables")
    names = [s.name for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SourcesFileError(path, f"source name(s) used twice: {', '.join(dupes)}")
    try:
        FetchSettings(**fetch)
    except (TypeError, ValueError) as exc:
        raise SourcesFileError(path, f"[fetch]: {exc}") from None
    return SourcesFile(sources, dict(fetch))


__all__ = [
    "Listing", "Source", "SourcesFile", "SourcesFileError", "read_sources",
]  # fmt: skip
