"""Helpers for the reliability tests: real release folders, `dipgraph load` as a real
process, fresh stores on short private data directories, and the graph's invariants.
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from conftest import CORPUS, EXAMPLES, SEED_RELEASE

from dipgraph.graph.model import CONTACT_TYPES, NODE_KEYS, GraphBatch
from dipgraph.graph.statements import COUNTED_TYPES, HELD_PREFIX, HELD_SHAPES, SHARED_LABELS
from dipgraph.graph.store import StoreSettings
from dipgraph.graph.stores.embedded import EmbeddedServer, EmbeddedStore

MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня")


def load_command(
    paths: list[str | Path],
    data_dir: Path,
    *,
    replace: bool = False,
    year: int | None = 2026,
    workers: int = 1,
) -> list[str]:
    """argv of a `dipgraph load` process."""
    argv = [sys.executable, "-m", "dipgraph.cli", "load", *map(str, paths)]
    argv += ["--data-dir", str(data_dir), "--store", "embedded", "--workers", str(workers)]
    argv += ["--replace"] if replace else []
    argv += ["--year", str(year)] if year else []
    return argv


@dataclass
class LoadRun:
    code: int
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def lines_naming(self, name: str) -> list[str]:
        return [line for line in self.lines if name in line]


def run_load(
    paths, data_dir: Path, *, timeout: float = 300, prefix: list[str] | None = None, **kwargs
) -> LoadRun:
    """Run `dipgraph load` to its end (behind a `prefix` command if given), keep stderr."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    proc = subprocess.run(
        [*(prefix or []), *load_command(paths, data_dir, **kwargs)],
        capture_output=True, text=True, timeout=timeout, env=env, check=False,
    )  # fmt: skip
    return LoadRun(proc.returncode, proc.stderr)


def short_data_dir() -> Path:
    """A private data directory with a path short enough for a unix socket."""
    return Path(tempfile.mkdtemp(prefix="dg", dir="/tmp"))


def remove_data_dir(data_dir: Path) -> None:
    """Throwaway data: its server stopped as `db stop` does, then the files removed."""
    EmbeddedServer(data_dir).stop()
    shutil.rmtree(data_dir, ignore_errors=True)


@contextlib.contextmanager
def fresh_store(data_dir: Path):
    """A new connection (and, if the server is down, a new server) on a data directory."""
    store = EmbeddedStore(StoreSettings(data_dir=data_dir))
    try:
        yield store
    finally:
        store.close()


def counts(data_dir: Path) -> tuple[int, int]:
    with fresh_store(data_dir) as store:
        return store.count_nodes(), store.count_edges()


def events_by_release(store) -> dict[str, int]:
    rows = store.run(
        "MATCH (r:Release) OPTIONAL MATCH (r)-[:REPORTS]->(e:Event) "
        "RETURN r.id AS id, count(e) AS n"
    )
    return {row["id"]: int(row["n"]) for row in rows}


def invariant_violations(store, expected_events: dict[str, int]) -> list[str]:
    """What a reader must never see: a half-written release, an event or contact edge
    without its release, a release with fewer (or more) events than its extraction."""
    problems = []
    incomplete = store.run(
        "MATCH (r:Release) WHERE r.complete IS NULL OR r.complete <> true RETURN r.id AS id"
    )
    problems += [f"incomplete release visible: {row['id']}" for row in incomplete]
    for rid, n in events_by_release(store).items():
        if rid not in expected_events:
            problems.append(f"unexpected release {rid}")
        elif n != expected_events[rid]:
            problems.append(
                f"release {rid[:12]} has {n} events, its extraction {expected_events[rid]}"
            )
    orphans = store.run(
        "MATCH (e:Event) OPTIONAL MATCH (r:Release {id: e.release_id}) "
        "WITH e, r WHERE r IS NULL RETURN count(e) AS n"
    )
    if orphans and orphans[0]["n"]:
        problems.append(f"{orphans[0]['n']} events without their release")
    dangling = store.run(
        "MATCH ()-[c]->() WHERE type(c) IN $types "
        "OPTIONAL MATCH (r:Release {id: c.release_id}) "
        "WITH c, r WHERE r IS NULL RETURN count(c) AS n",
        {"types": list(CONTACT_TYPES)},
    )
    if dangling and dangling[0]["n"]:
        problems.append(f"{dangling[0]['n']} contact edges refer to a missing release")
    return problems + count_violations(store)


def graph_content(store) -> tuple[list, list]:
    """Every node and edge with its properties; lists that grow in write order (sources,
    aliases) sorted, since the order releases are written in may differ."""
    nodes = store.run("MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props")
    edges = store.run(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.code) AS a, "
        "coalesce(b.id, b.code) AS b, properties(r) AS props"
    )

    def props(row) -> list:
        return sorted(
            (k, repr(sorted(v, key=repr) if isinstance(v, list) else v))
            for k, v in row["props"].items()
        )

    return (
        sorted((row["label"], props(row)) for row in nodes),
        sorted((row["type"], row["a"], row["b"], props(row)) for row in edges),
    )


def count_violations(store) -> list[str]:
    """What retraction relies on: a shared node's or structural edge's `refs` equals the
    number of releases that hold it, an Event's `sources` are the releases that hold it."""
    held: collections.Counter = collections.Counter()
    event_sources: dict[str, set] = collections.defaultdict(set)
    by_release: dict[str, dict[str, list]] = collections.defaultdict(dict)
    rows = store.run(
        "MATCH (c:Release) UNWIND [k IN keys(c) WHERE k STARTS WITH $prefix] AS k "
        "RETURN c.id AS id, k, c[k] AS v",
        {"prefix": HELD_PREFIX},
    )
    for row in rows:
        by_release[row["id"]][row["k"]] = list(row["v"])
    for release, lists in by_release.items():
        for name, shape in HELD_SHAPES.items():
            if name not in lists:
                continue
            if shape == ("Event",):
                for key in lists[name]:
                    event_sources[key].add(release)
            elif len(shape) == 1:
                held.update((shape[0], key) for key in lists[name])
            else:
                held.update(
                    (shape, s, t) for s, t in zip(lists[name], lists[f"{name}_to"], strict=True)
                )
    stored: collections.Counter = collections.Counter()
    for label in SHARED_LABELS:
        key = NODE_KEYS[label]
        for row in store.run(f"MATCH (n:{label}) RETURN n.{key} AS k, n.refs AS refs"):
            stored[(label, row["k"])] = row["refs"] or 0
    for type_ in COUNTED_TYPES:
        for row in store.run(
            f"MATCH (a)-[r:{type_}]->(b) RETURN labels(a)[0] AS al, coalesce(a.id, a.code) AS a, "
            "labels(b)[0] AS bl, coalesce(b.id, b.code) AS b, r.refs AS refs"
        ):
            stored[((type_, row["al"], row["bl"]), row["a"], row["b"])] = row["refs"] or 0
    problems = [
        f"{item} counts {stored[item]} releases, {held[item]} hold it"
        for item in set(stored) | set(held)
        if stored[item] != held[item]
    ]
    for row in store.run("MATCH (e:Event) RETURN e.id AS id, e.sources AS sources"):
        if set(row["sources"] or []) != event_sources.get(row["id"], set()):
            problems.append(
                f"event {row['id']} lists {row['sources']}, held by {event_sources.get(row['id'])}"
            )
    return problems


# --- release folders from real texts -------------------------------------------------


def _rusentrel_chunks(limit: int, size: int = 1400) -> list[str]:
    chunks: list[str] = []
    for path in sorted((CORPUS / "rusentrel").glob("art*.txt"), key=lambda p: int(p.stem[3:])):
        lines = [
            re.sub(r"^\{[^}]*\}\s*", "", line).strip()
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
        body, current = [line for line in lines if len(line) > 40], ""
        for line in body:
            current = f"{current}\n{line}" if current else line
            if len(current) >= size:
                chunks.append(current)
                current = ""
                break  # one chunk per article: variety over volume
        if len(chunks) >= limit:
            break
    return chunks


def write_release_folder(folder: Path, n: int = 40) -> list[Path]:
    """`n` distinct releases made of real texts: the seed's paragraphs and RuSentRel
    articles, each under a dateline ("Астана. 5 марта. KAZAKHSTAN TODAY - ...")."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = SEED_RELEASE.read_text(encoding="utf-8").splitlines()
    paragraphs = [p for p in seed[2:] if len(p) > 80]
    bodies = [("Астана", p) for p in paragraphs]
    bodies += [("Москва", c) for c in _rusentrel_chunks(n - len(bodies))]
    written = []
    for i, (city, body) in enumerate(bodies[:n]):
        day, month = 1 + i % 28, MONTHS[i // 28 % len(MONTHS)]
        text = (
            f"Дипломатическая хроника № {i + 1}\n{city}. {day} {month}. KAZAKHSTAN TODAY - {body}\n"
        )
        path = folder / f"{i:03d}_release.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    assert len(written) == n, f"only {len(written)} release texts available"
    return written


def real_release_files(folder: Path) -> list[Path]:
    """The seed digest and the example releases, copied into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    out = [Path(shutil.copy(SEED_RELEASE, folder / SEED_RELEASE.name))]
    for src in sorted((EXAMPLES / "releases").iterdir()):
        out.append(Path(shutil.copy(src, folder / src.name)))
    return out


def expected_batch(paths: list[Path], year: int | None = 2026) -> GraphBatch:
    """The union of the batches a clean extraction of `paths` gives: what the store must
    hold after loading them, node for node and edge for edge."""
    from dipgraph.loaders.extract import extract
    from dipgraph.loaders.mapping import to_batch
    from dipgraph.loaders.sources import read_source

    total = GraphBatch()
    for path in paths:
        for release in read_source(path, year=year):
            total.merge(to_batch(extract(release)))
    return total
