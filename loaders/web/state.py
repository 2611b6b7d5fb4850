"""What `dipgraph sync` knows between runs: every release URL it has discovered, and
what became of it. SQLite in WAL mode in the data directory, one commit per change.

The graph store stays the judge of what is loaded (a release id is its content hash):
this file only says what to fetch next. A URL is marked loaded after its release is
written and complete, so a crash in between leaves it pending; the next run fetches it
again (a 304 from the HTTP cache), finds its hash in the store and marks it, loading
nothing twice. A URL discovered and not yet loaded stays pending even once it has left
the feed, so a crash loses nothing either.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dipgraph.loaders.web.discover import Item

#: a URL that fails this many runs in a row (timeouts, 5xx) is not tried again
MAX_ATTEMPTS = 5

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url        TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'pending',  -- pending | loaded | failed | gone
    title      TEXT,
    published  TEXT,
    lastmod    TEXT,
    release_id TEXT,
    loaded_lastmod TEXT,  -- the sitemap lastmod when it was loaded
    attempts   INTEGER NOT NULL DEFAULT 0,
    message    TEXT,
    first_seen REAL NOT NULL,
    updated    REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS pages_source ON pages (source, status);
"""


@dataclass(frozen=True)
class PageState:
    url: str
    status: str
    release_id: str | None
    lastmod: str | None
    loaded_lastmod: str | None
    attempts: int
    item: Item


class SyncState:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across a kill
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SyncState:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def remember(self, source: str, items: Iterable[Item]) -> None:
        """Record discovered URLs (new ones as pending); refresh what the feed says."""
        now = time.time()
        rows = [(i.url, source, i.title, i.published, i.lastmod, now, now) for i in items]
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "INSERT INTO pages (url, source, title, published, lastmod, first_seen, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
                " title = coalesce(excluded.title, title),"
                " published = coalesce(excluded.published, published),"
                " lastmod = coalesce(excluded.lastmod, lastmod)",
                rows,
            )

    def get(self, url: str) -> PageState | None:
        row = self.db.execute(
            "SELECT url, status, release_id, lastmod, loaded_lastmod, attempts, title,"
            " published FROM pages WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        item = Item(row[0], row[6], row[7], row[3])
        return PageState(row[0], row[1], row[2], row[3], row[4], row[5], item)

    def pending(self, source: str) -> list[Item]:
        """URLs of `source` discovered earlier and not yet loaded (nor given up on)."""
        rows = self.db.execute(
            "SELECT url, title, published, lastmod FROM pages WHERE source = ? AND"
            " (status = 'pending' OR (status = 'failed' AND attempts < ?))",
            (source, MAX_ATTEMPTS),
        ).fetchall()
        return [Item(*row) for row in rows]

    def mark(
        self,
        url: str,
        status: str,
        *,
        release_id: str | None = None,
        message: str | None = None,
    ) -> None:
        """What became of a URL; `failed` counts an attempt."""
        now = time.time()
        with self.db:
            if status == "loaded":
                self.db.execute(
                    "UPDATE pages SET status = 'loaded', release_id = ?, loaded_lastmod = lastmod,"
                    " attempts = 0, message = NULL, updated = ? WHERE url = ?",
                    (release_id, now, url),
                )
            else:
                self.db.execute(
                    "UPDATE pages SET status = ?, message = ?, updated = ?,"
                    " attempts = attempts + (? = 'failed') WHERE url = ?",
                    (status, message, now, status, url),
                )

    def counts(self) -> dict[str, int]:
        rows = self.db.execute("SELECT status, count(*) FROM pages GROUP BY status")
        return dict(rows.fetchall())
