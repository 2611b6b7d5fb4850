"""Loading releases into a store: read -> extract -> map -> write, one release at a time.

The library behind `dipgraph load`. Each release is written atomically and marked complete
last; a release already in the store (same content hash) is skipped before any NLP runs;
a changed text under the same source URI replaces the old version's facts; releases left
incomplete by a crash are repaired first. One writer at a time per data directory.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dipgraph.graph.model import GraphBatch, Release
from dipgraph.graph.store import GraphStore, StoreBusy, StoreSettings, open_store

LOCK_NAME = "load.lock"
#: extraction time grows faster than linearly with text length (120k characters: ~3 s);
#: a real release is 2-20k characters, so anything this long is not one release
MAX_RELEASE_CHARS = 500_000


@dataclass
class FileOutcome:
    """What happened to one input (a file, or one record of a JSONL/RSS file)."""

    path: str
    status: str  # loaded | replaced | skipped | failed | empty
    release_id: str | None = None
    events: int = 0
    nodes: int = 0
    edges: int = 0
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass
class LoadReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def events(self) -> int:
        return sum(o.events for o in self.outcomes)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        parts = [
            f"{self.count('loaded')} loaded",
            f"{self.count('replaced')} replaced",
            f"{self.count('skipped')} already loaded",
            f"{self.count('empty')} without events",
            f"{len(self.failed)} failed",
        ]
        text = f"{', '.join(parts)}; {self.events} events in {self.seconds:.1f}s"
        if self.repaired:
            text += f"; repaired {len(self.repaired)} incomplete release(s)"
        return text


#: lock file descriptors this process holds
_HELD_LOCKS: set[int] = set()


def _close_locks_in_child() -> None:
    """Forked children (the extraction pool) must not hold the lock: an flock lives until
    every descriptor of it is closed, so orphaned workers of a SIGKILLed load would keep
    it. Closing a duplicate descriptor does not unlock it for the parent."""
    for fd in list(_HELD_LOCKS):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_close_locks_in_child)


@contextlib.contextmanager
def write_lock(data_dir: Path) -> Iterator[None]:
    """One writer per data directory; a second `dipgraph load` gets a clear message."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            raise StoreBusy(
                f"another dipgraph load (pid {holder}) is writing to {data_dir}; "
                "wait for it to finish, then run this load again"
            ) from None
        _HELD_LOCKS.add(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        _HELD_LOCKS.discard(fd)
        os.close(fd)


def repair_incomplete(store: GraphStore) -> list[str]:
    """Retract releases a crash left half-written; they load again from their source."""
    ids = store.incomplete_releases()
    for release_id in ids:
        store.retract(release_id)
    return ids


def _previous_versions(store: GraphStore, release: Release) -> list[str]:
    if not release.source_uri:
        return []
    rows = store.run(
        "MATCH (r:Release {source_uri: $uri}) WHERE r.id <> $id RETURN r.id AS id",
        {"uri": release.source_uri, "id": release.id},
    )
    return [row["id"] for row in rows]


def load(
    paths: Iterable[str | Path],
    settings: StoreSettings | None = None,
    *,
    store: GraphStore | None = None,
    replace: bool = False,
    year: int | None = None,
    publisher: str | None = None,
    workers: int = 1,
    min_confidence: float = 0.0,
    on_progress: Callable[[FileOutcome], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> LoadReport:
    """Load releases from files, folders or globs into the store. Never raises for one bad
    input: its outcome says what went wrong and the rest still loads. `on_total` learns how
    many outcomes to expect once every input is read, before extraction starts."""
    from dipgraph.loaders.sources import read_paths

    settings = settings or StoreSettings()
    started = time.monotonic()
    report = LoadReport()
    own_store = store is None
    with write_lock(settings.data_dir):
        store = store or open_store(settings)
        try:
            store.ensure_schema()
            report.repaired = repair_incomplete(store)
            items = read_paths(paths, year=year, publisher=publisher)
            stream = _load_stream(store, items, replace, workers, report, on_total, min_confidence)
            for outcome in stream:
                report.outcomes.append(outcome)
                if on_progress:
                    on_progress(outcome)
        finally:
            if own_store:
                store.close()
    report.seconds = time.monotonic() - started
    return report


def _load_stream(
    store: GraphStore,
    items: Iterator[tuple[str, object]],
    replace: bool,
    workers: int,
    report: LoadReport,
    on_total: Callable[[int], None] | None = None,
    min_confidence: float = 0.0,
) -> Iterator[FileOutcome]:
    from dipgraph.loaders.extract import extract_many
    from dipgraph.loaders.mapping import to_batch

    # First the cheap pass: read every input, answer failures and already-loaded releases
    # at once; then one extraction pool (models load once per worker) for the rest.
    todo: list[tuple[str, Release, bool]] = []
    first_seen: dict[str, str] = {}
    answered = 0
    for path, item in items:
        answered += 1
        if not isinstance(item, Release):
            yield FileOutcome(path, "failed", message=str(item))
        elif item.id in first_seen:
            message = f"same text as {first_seen[item.id]}"
            yield FileOutcome(path, "skipped", item.id, message=message)
        elif len(item.text) > MAX_RELEASE_CHARS:
            yield FileOutcome(path, "failed", item.id, message=(
                f"{path}: release text too long ({len(item.text):,} characters, limit "
                f"{MAX_RELEASE_CHARS:,}): split it into separate releases"
            ))  # fmt: skip
        elif not replace and store.has_release(item.id):
            yield FileOutcome(path, "skipped", item.id, message="already loaded")
        else:
            first_seen[item.id] = path
            todo.append((path, item, replace and store.has_release(item.id, complete=False)))

    if on_total:
        on_total(answered)
    extractions = extract_many(
        (release for _, release, _ in todo), workers=workers, min_confidence=min_confidence
    )
    for (path, release, replacing), extraction in zip(todo, extractions, strict=True):
        if extraction.error:
            yield FileOutcome(path, "failed", release.id, message=f"{path}: {extraction.error}")
            continue
        batch: GraphBatch = to_batch(extraction)
        for old in _previous_versions(store, release):
            store.retract(old)
            report.superseded.append(old)
            replacing = True
        store.write(batch, replace=replacing)
        nodes, edges = batch.counts
        events = len(extraction.events)
        status = "replaced" if replacing else ("loaded" if events else "empty")
        message = "; ".join(extraction.warnings) or None
        yield FileOutcome(path, status, release.id, events, nodes, edges, message)
