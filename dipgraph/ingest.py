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
from typing import Any

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
    from dipgraph.graph.datadir import ensure_private_dir, open_lock_file

    path = ensure_private_dir(data_dir) / LOCK_NAME
    fd = open_lock_file(path)
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
        with contextlib.suppress(OSError):  # the pid is for the message only (disk full)
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
    return [rid for rid in store.releases_with_source(release.source_uri) if rid != release.id]


def load(
    paths: Iterable[str | Path],
    settings: StoreSettings | None = None,
    *,
    store: GraphStore | None = None,
    replace: bool = False,
    year: int | None = None,
    publisher: str | None = None,
    workers: int = 1,
    dask: str | Any = None,
    min_confidence: float = 0.0,
    on_progress: Callable[[FileOutcome], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> LoadReport:
    """Load releases from files, folders or globs into the store. Never raises for one bad
    input: its outcome says what went wrong and the rest still loads. `on_total` learns how
    many outcomes to expect once every input is read, before extraction starts.

    `dask` (a scheduler address or a distributed.Client) runs extraction on that Dask
    cluster instead of `workers` local processes; outcomes then come in the order the
    releases complete. Writes stay here, one release at a time. Events whose measured
    confidence is below `min_confidence` are left out."""
    from dipgraph.loaders.sources import read_paths

    settings = settings or StoreSettings()
    started = time.monotonic()
    with open_for_writing(settings, store) as (store, repaired):
        items = read_paths(paths, year=year, publisher=publisher)
        report = load_items(
            store, items, replace=replace, workers=workers, dask=dask,
            min_confidence=min_confidence, on_progress=on_progress, on_total=on_total,
        )  # fmt: skip
        report.repaired = repaired
    report.seconds = time.monotonic() - started
    return report


@contextlib.contextmanager
def open_for_writing(
    settings: StoreSettings, store: GraphStore | None = None
) -> Iterator[tuple[GraphStore, list[str]]]:
    """The write lock, an open store with its schema, and the ids of the releases a crash
    had left incomplete (retracted here): what every writer starts with."""
    own_store = store is None
    with write_lock(settings.data_dir):
        store = store or open_store(settings)
        try:
            store.ensure_schema()
            repaired = repair_incomplete(store)
            yield store, repaired
        finally:
            if own_store:
                store.close()


def load_items(
    store: GraphStore,
    items: Iterable[tuple[str, object]],
    *,
    replace: bool = False,
    workers: int = 1,
    dask: str | Any = None,
    min_confidence: float = 0.0,
    on_progress: Callable[[FileOutcome], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> LoadReport:
    """Load (label, Release | error) pairs into a store opened by :func:`open_for_writing`:
    the common path of files and of releases fetched over HTTP. An error item becomes a
    failed outcome whose message is ``str(error)``. `dask` and `min_confidence` as in
    :func:`load`."""
    started = time.monotonic()
    report = LoadReport()
    with _dask_client(dask) as client:
        stream = _load_stream(
            store, iter(items), replace, workers, report, on_total, client, min_confidence
        )
        for outcome in stream:
            report.outcomes.append(outcome)
            if on_progress:
                on_progress(outcome)
    report.seconds = time.monotonic() - started
    return report


@contextlib.contextmanager
def _dask_client(dask: str | Any) -> Iterator[Any]:
    """None without Dask; a client for an address (closed after); a given client as is."""
    if not isinstance(dask, str):
        yield dask
        return
    from dipgraph.cluster import connect

    client = connect(dask)
    try:
        yield client
    finally:
        client.close()


def _load_stream(
    store: GraphStore,
    items: Iterator[tuple[str, object]],
    replace: bool,
    workers: int,
    report: LoadReport,
    on_total: Callable[[int], None] | None = None,
    client: Any = None,
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
            todo.append((path, item))

    if on_total:
        on_total(answered)
    releases = [release for _, release in todo]
    if client is None:
        extracted = enumerate(
            extract_many(releases, workers=workers, min_confidence=min_confidence)
        )
    else:
        from dipgraph.cluster import extract_on_dask

        extracted = extract_on_dask(releases, client, min_confidence=min_confidence)
    written: dict[str, str] = {}  # release id -> input, of this load
    for index, extraction in extracted:
        path, release = todo[index]
        if extraction.error:
            yield FileOutcome(path, "failed", release.id, message=f"{path}: {extraction.error}")
            continue
        batch: GraphBatch = to_batch(extraction)
        notes = list(extraction.warnings)
        superseded = False
        for old in _previous_versions(store, release):
            if old in written:  # two inputs of one load name one source: both are kept
                notes.append(f"same source {release.source_uri} as {written[old]}; both kept")
                continue
            store.retract(old)
            report.superseded.append(old)
            notes.append(f"replaces the earlier version of {release.source_uri}")
            superseded = True
        # a release already stored (--replace) is retracted by the write itself
        replacing = store.write(batch).retracted or superseded
        written[release.id] = path
        nodes, edges = batch.counts
        events = sum(1 for label, _ in batch.nodes if label == "Event")  # oversized left out
        status = "replaced" if replacing else ("loaded" if events else "empty")
        message = "; ".join(notes) or None
        yield FileOutcome(path, status, release.id, events, nodes, edges, message)
