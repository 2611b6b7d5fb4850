"""Loading releases straight from ministries' sites: the library behind `dipgraph sync`
and `dipgraph load URL`.

One run, per source: fetch its feeds, sitemaps and listing pages; remember every release
URL found (pending until loaded); fetch the pages to do -- new ones, earlier failures,
and loaded ones the feed still lists, conditionally, so an unchanged page costs a 304 --
and load them through the same path as files (:func:`dipgraph.ingest.load_items`): a
release already in the store (same content hash) is skipped before extraction, a changed
page replaces its old version. State: ``<data dir>/web/`` (sync.db, http-cache.db).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from dipgraph.graph.model import Release
from dipgraph.graph.store import GraphStore, StoreSettings
from dipgraph.ingest import FileOutcome, LoadReport, load_items, open_for_writing
from dipgraph.loaders.web.discover import (
    Item,
    feed_items,
    kind_of,
    listing_items,
    sitemap_children,
    sitemap_items,
)
from dipgraph.loaders.web.fetch import (
    Fetched,
    Fetcher,
    FetchError,
    FetchSettings,
    normalize_url,
)
from dipgraph.loaders.web.page import page_release, page_text
from dipgraph.loaders.web.sources_file import Source
from dipgraph.loaders.web.state import MAX_ATTEMPTS, SyncState

WEB_DIR = "web"


def state_path(data_dir: Path) -> Path:
    return Path(data_dir) / WEB_DIR / "sync.db"


def cache_path(data_dir: Path) -> Path:
    return Path(data_dir) / WEB_DIR / "http-cache.db"


@dataclass
class SourceReport:
    """One source's run: what was found, and what became of each page fetched."""

    name: str
    found: int = 0
    planned: int = 0
    errors: list[FetchError] = field(default_factory=list)  # feeds, sitemaps, listings
    load: LoadReport = field(default_factory=LoadReport)
    unchanged: int = 0  # a 304, or not asked at all: the sitemap's lastmod is unchanged
    given_up: int = 0  # gone (404, robots.txt) or failed too often: not fetched again
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.errors) + len(self.load.failed)

    def summary(self) -> str:
        load = self.load
        skipped = load.count("skipped") + self.unchanged
        parts = [
            f"{self.found} found",
            f"{load.count('loaded') + load.count('empty')} new",
            f"{load.count('replaced')} replaced",
            f"{skipped} unchanged",
            f"{self.failed} failed",
        ]
        if self.given_up:
            parts.append(f"{self.given_up} given up earlier")
        return f"{self.name}: {', '.join(parts)}; {load.events} events in {self.seconds:.1f}s"


@dataclass
class SyncReport:
    sources: list[SourceReport] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if any(s.failed for s in self.sources) else 0

    @property
    def outcomes(self) -> list[FileOutcome]:
        return [o for s in self.sources for o in s.load.outcomes]


@dataclass(frozen=True)
class _Plan:
    source: Source
    pages_ok: bool  # `dipgraph load URL`: a URL that is an HTML page is itself a release


@dataclass(frozen=True)
class SyncOptions:
    """What to fetch this run. `since` (YYYY-MM-DD) skips pages dated earlier;
    `max_items` caps the pages fetched per source; `year` completes datelines."""

    since: str | None = None
    max_items: int | None = None
    workers: int = 1  # extraction processes
    year: int | None = None


@dataclass(frozen=True)
class Callbacks:
    on_plan: Callable[[str, int], None] | None = None  # (source, pages it will fetch)
    on_progress: Callable[[FileOutcome], None] | None = None  # each page's outcome
    on_source: Callable[[SourceReport], None] | None = None  # each source's report


def sync(
    sources: Sequence[Source],
    settings: StoreSettings | None = None,
    fetch: FetchSettings | None = None,
    options: SyncOptions | None = None,
    callbacks: Callbacks | None = None,
) -> SyncReport:
    """Fetch and load what is new at each source. Never raises for one bad URL: its
    outcome (or the source report's errors) says what went wrong; the rest goes on."""
    plans = [_Plan(s, pages_ok=False) for s in sources]
    return _run(plans, settings, fetch, options or SyncOptions(), callbacks or Callbacks())


def load_urls(
    urls: Sequence[str],
    settings: StoreSettings | None = None,
    fetch: FetchSettings | None = None,
    options: SyncOptions | None = None,
    callbacks: Callbacks | None = None,
    *,
    publisher: str | None = None,
    language: str | None = None,
) -> SyncReport:
    """`dipgraph load URL...`: each URL a feed, a sitemap (or index) or a release page."""
    plans = [
        _Plan(Source(url, "", publisher or "", language or "", feeds=(url,)), pages_ok=True)
        for url in urls
    ]
    return _run(plans, settings, fetch, options or SyncOptions(), callbacks or Callbacks())


def _run(
    plans: list[_Plan],
    settings: StoreSettings | None,
    fetch: FetchSettings | None,
    options: SyncOptions,
    callbacks: Callbacks,
) -> SyncReport:
    settings = settings or StoreSettings()
    fetch = fetch or FetchSettings()
    if fetch.cache_path is None:
        fetch = replace(fetch, cache_path=cache_path(settings.data_dir))
    started = time.monotonic()
    report = SyncReport()
    with (
        open_for_writing(settings) as (store, repaired),
        SyncState(state_path(settings.data_dir)) as state,
        Fetcher(fetch) as fetcher,
    ):
        report.repaired = repaired
        for plan in plans:
            source_report = _SourceRun(plan, store, state, fetcher, options).go(callbacks)
            report.sources.append(source_report)
            if callbacks.on_source:
                callbacks.on_source(source_report)
    report.seconds = time.monotonic() - started
    return report


def _before(published: str | None, since: str) -> bool:
    """Dated before `since` at the date's own precision ("2026" is not before 2026-03-11);
    an undated page is not."""
    return bool(published) and published < since[: len(published)]


@dataclass
class _Fetched:
    """What a fetch worker hands back to the loading thread."""

    item: Item
    release: Release | None = None
    error: FetchError | None = None
    unchanged_release: str | None = None  # a 304 for a page whose release is in the store


class _SourceRun:
    def __init__(
        self, plan: _Plan, store: GraphStore, state: SyncState, fetcher: Fetcher,
        options: SyncOptions,
    ):  # fmt: skip
        self.source = plan.source
        self.pages_ok = plan.pages_ok
        self.store, self.state, self.fetcher, self.options = store, state, fetcher, options
        self.report = SourceReport(plan.source.name)
        self.prefetched: dict[str, Fetched] = {}
        self.errors: dict[str, FetchError] = {}
        self.in_store: dict[str, str] = {}  # url -> its release id, loaded and in the store

    # --- discovery -------------------------------------------------------------------

    def discover(self) -> list[Item]:
        found: dict[str, Item] = {}

        def add(items: list[Item]) -> None:
            for item in items:
                found.setdefault(item.url, item)

        for url in (*self.source.feeds, *self.source.sitemaps):
            try:
                add(self._index(url))
            except FetchError as exc:
                self.report.errors.append(exc)
        for listing in self.source.listings:
            try:
                fetched = self.fetcher.get(listing.url)
                add(listing_items(fetched, listing.links, page_text(fetched)))
            except FetchError as exc:
                self.report.errors.append(exc)
        return list(found.values())

    def _index(self, url: str, depth: int = 0) -> list[Item]:
        fetched = self.fetcher.get(url)
        kind = kind_of(fetched)
        if kind == "feed":
            return feed_items(fetched)
        if kind == "sitemap":
            return sitemap_items(fetched)
        if kind == "sitemapindex":
            if depth:
                raise FetchError(url, "sitemap index inside a sitemap index; not followed")
            items = []
            for child in sitemap_children(fetched):
                try:
                    items += self._index(child.url, depth + 1)
                except FetchError as exc:
                    self.report.errors.append(exc)
            return items
        if self.pages_ok:
            page = normalize_url(fetched.url)
            self.prefetched[page] = fetched
            return [Item(page)]
        raise FetchError(url, "an HTML page, not a feed or sitemap (list it under listings "
                              "with a links pattern)")  # fmt: skip

    def plan(self, discovered: list[Item]) -> list[Item]:
        """Pages to fetch this run: new and pending ones first (newest first), then loaded
        ones the index still lists, unless their sitemap lastmod is unchanged."""
        name = self.source.name
        self.state.remember(name, discovered)
        seen = {item.url for item in discovered}
        fresh, recheck = [], []
        for item in discovered + [i for i in self.state.pending(name) if i.url not in seen]:
            known = self.state.get(item.url)
            since = self.options.since
            if since and item.date and item.date < since:
                continue
            if known is None or known.status == "pending":
                fresh.append(item)
            elif known.status == "failed" and known.attempts < MAX_ATTEMPTS:
                fresh.append(item)
            elif known.status == "loaded":
                if item.lastmod and item.lastmod == known.loaded_lastmod:
                    self.report.unchanged += 1  # the sitemap says so: not even asked
                    continue
                recheck.append(item)
            else:
                self.report.given_up += 1
        fresh.sort(key=lambda i: i.date or "", reverse=True)
        todo = fresh + recheck
        limit = self.options.max_items
        return todo[:limit] if limit is not None else todo

    # --- fetching and loading --------------------------------------------------------

    def _fetch_page(self, item: Item) -> _Fetched:
        """Runs in a fetch thread: no store access here."""
        try:
            fetched = self.prefetched.pop(item.url, None) or self.fetcher.get(item.url)
            known = self.in_store.get(item.url)
            if fetched.from_cache and known is not None:
                return _Fetched(item, unchanged_release=known)
            release = page_release(
                fetched, item, publisher=self.source.publisher or None,
                language=self.source.language or None, year=self.options.year,
            )  # fmt: skip
            return _Fetched(item, release=release)
        except FetchError as exc:
            return _Fetched(item, error=exc)

    def _items(self, todo: list[Item], on_progress) -> Iterator[tuple[str, object]]:
        """(url, Release | FetchError) for ingest; a page the cache says is unchanged is
        answered here, without reading it again."""
        threads = max(1, min(16, self.fetcher.settings.concurrency * 2))
        since = self.options.since
        with ThreadPoolExecutor(threads, thread_name_prefix="fetch") as pool:
            for result in pool.map(self._fetch_page, todo):
                url = result.item.url
                if result.unchanged_release:
                    self.report.unchanged += 1
                    self.state.mark(url, "loaded", release_id=result.unchanged_release)
                    if on_progress:
                        on_progress(FileOutcome(url, "skipped", result.unchanged_release,
                                                message="unchanged (304)"))  # fmt: skip
                elif result.error is not None:
                    self.errors[url] = result.error
                    yield url, result.error
                elif since and _before(result.release.published, since):
                    continue  # dated on the page before --since; stays pending
                else:
                    yield url, result.release

    def _record(self, outcome: FileOutcome) -> None:
        """Tell the state what became of a page, after the store has it (or not)."""
        if outcome.status == "failed":
            error = self.errors.get(outcome.path)
            status = "gone" if error is not None and error.permanent else "failed"
            self.state.mark(outcome.path, status, message=outcome.message)
        elif outcome.release_id:
            self.state.mark(outcome.path, "loaded", release_id=outcome.release_id)

    def go(self, callbacks: Callbacks) -> SourceReport:
        started = time.monotonic()
        discovered = self.discover()
        self.report.found = len(discovered)
        todo = self.plan(discovered)
        self.report.planned = len(todo)
        for item in todo:
            known = self.state.get(item.url)
            if known and known.status == "loaded" and known.release_id:
                if self.store.has_release(known.release_id):
                    self.in_store[item.url] = known.release_id
        if callbacks.on_plan:
            callbacks.on_plan(self.source.name, len(todo))

        def progress(outcome: FileOutcome) -> None:
            self._record(outcome)
            if callbacks.on_progress:
                callbacks.on_progress(outcome)

        self.report.load = load_items(
            self.store, self._items(todo, callbacks.on_progress), workers=self.options.workers,
            on_progress=progress,
        )  # fmt: skip
        self.report.seconds = time.monotonic() - started
        return self.report
