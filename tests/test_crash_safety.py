"""Crash safety: killing `dipgraph load` (SIGKILL) or the embedded server at any moment
leaves no half-written release visible, and the next load finishes the job.

Each release is written by one atomic query that marks it complete last; a release left
incomplete (a chunked bulk write cut short) is retracted by the next load and loaded
again. The loops kill at seeded random moments over a folder of 40 real releases and
check after every kill, through a fresh connection (and a restarted server), that:
every release present is complete and has exactly the events of a clean extraction of
its file, and no event or contact edge refers to a missing release. At the end, the
graph equals that of one clean load into another data directory.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from reliability_support import (
    counts,
    events_by_release,
    expected_batch,
    fresh_store,
    invariant_violations,
    load_command,
    remove_data_dir,
    run_load,
    short_data_dir,
    write_release_folder,
)

from dipgraph.graph import statements
from dipgraph.graph.stores.embedded import EmbeddedServer
from dipgraph.ingest import load

pytestmark = pytest.mark.slow  # each test kills real processes many times (~40 s)

SEED = 20260303
LOAD_KILLS = 10
SERVER_KILLS = 8


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("releases")
    write_release_folder(d, 40)
    return d


@pytest.fixture(scope="module")
def clean(folder):
    """One uninterrupted load into its own data directory: counts and events per release."""
    from dipgraph.loaders.extract import extract
    from dipgraph.loaders.sources import read_source

    data_dir = short_data_dir()
    try:
        started = time.monotonic()
        run = run_load([folder], data_dir)
        seconds = time.monotonic() - started
        assert run.code == 0, run.stderr
        graph = counts(data_dir)
    finally:
        remove_data_dir(data_dir)
    paths = sorted(folder.iterdir())
    assert graph == expected_batch(paths).counts
    events = {}
    for path in paths:
        (release,) = read_source(path, year=2026)
        events[release.id] = len(extract(release).events)
    assert sum(events.values()) > 0
    return graph, events, seconds


@pytest.fixture
def data_dir():
    d = short_data_dir()
    yield d
    remove_data_dir(d)


def start_load(folder: Path, data_dir: Path, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    cmd = load_command([folder], data_dir, **kwargs)
    return subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=env)


def check(data_dir: Path, events: dict[str, int]) -> int:
    """Invariants through a fresh connection; returns the number of releases present."""
    with fresh_store(data_dir) as store:
        assert invariant_violations(store, events) == []
        return len(events_by_release(store))


def finish_and_compare(folder: Path, data_dir: Path, clean) -> None:
    run = run_load([folder], data_dir)
    assert run.code == 0, run.stderr
    assert check(data_dir, clean[1]) == len(clean[1])
    assert counts(data_dir) == clean[0]


def test_sigkill_of_the_load_at_random_moments(folder, clean, data_dir, capsys):
    rng = random.Random(SEED)
    log = []
    for i in range(LOAD_KILLS):
        # mostly --replace, so that later loads write too (a plain one skips what is there)
        replace = i % 3 != 0
        proc = start_load(folder, data_dir, replace=replace)
        delay = rng.uniform(0.3, 1.05) * clean[2]  # from start-up to the last writes
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stderr.close()
        killed = proc.returncode == -signal.SIGKILL
        present = check(data_dir, clean[1])
        log.append(f"{delay:.1f}s{'+r' if replace else ''}:{present if killed else 'done'}")

    finish_and_compare(folder, data_dir, clean)
    with capsys.disabled():
        print(
            f"\n  load SIGKILL loop, a clean load takes {clean[2]:.1f}s "
            f"(delay[+replace]:releases present): {' '.join(log)}"
        )


def test_sigkill_of_the_server_at_random_moments(folder, clean, data_dir, capsys):
    rng = random.Random(SEED + 1)
    server = EmbeddedServer(data_dir)
    server.start()
    log = []
    for i in range(SERVER_KILLS):
        proc = start_load(folder, data_dir, replace=i % 2 == 1)
        delay = rng.uniform(0.4, 1.05) * clean[2]
        time.sleep(delay)
        pid = server.pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=120)  # the load notices and stops by itself
        assert "Traceback" not in err, err
        if proc.returncode != 0:
            assert "lost the embedded store" in err or "did not come up" in err, err
        present = check(data_dir, clean[1])  # restarts the server, replaying its AOF
        log.append(f"{delay:.1f}s:{'exit ' + str(proc.returncode)}/{present}")

    finish_and_compare(folder, data_dir, clean)
    with capsys.disabled():
        print(f"\n  server SIGKILL loop (delay:load exit/releases present): {' '.join(log)}")


def test_a_release_left_incomplete_is_repaired_by_the_next_load(folder, clean, data_dir):
    """What a crash inside a chunked bulk write leaves: nodes written, `complete` unset."""
    from dipgraph.loaders.extract import extract
    from dipgraph.loaders.mapping import to_batch
    from dipgraph.loaders.sources import read_source

    paths = sorted(folder.iterdir())
    releases = [read_source(p, year=2026)[0] for p in paths]
    victim = next(r for r in releases if clean[1][r.id] > 0)
    batch = to_batch(extract(victim))
    with fresh_store(data_dir) as store:
        store.ensure_schema()
        for clause in statements.node_clauses(batch):  # the first chunks, then the "crash"
            store.run(
                clause.foreach_statement(),
                {"rows": clause.rows, "release": batch.release_id},
                write=True,
            )
        assert store.incomplete_releases() == [victim.id]
        assert not store.has_release(victim.id)  # not skipped as already loaded

    report = load([folder], store=None, settings=_settings(data_dir), year=2026)

    assert report.repaired == [victim.id]
    assert report.exit_code == 0
    assert check(data_dir, clean[1]) == len(clean[1])
    assert counts(data_dir) == clean[0]


def _settings(data_dir: Path):
    from dipgraph.graph.store import StoreSettings

    return StoreSettings(data_dir=data_dir)
