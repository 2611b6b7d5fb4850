"""One writer per data directory: a second `dipgraph load` on the same embedded store
is refused with a clear message and leaves the store as one load makes it; the lock
dies with its holder, even under SIGKILL (an flock lives only as long as open files).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from reliability_support import (
    counts,
    expected_batch,
    fresh_store,
    invariant_violations,
    load_command,
    remove_data_dir,
    run_load,
    short_data_dir,
    write_release_folder,
)

from dipgraph.ingest import LOCK_NAME

pytestmark = pytest.mark.slow  # real concurrent and SIGKILLed `dipgraph load` processes


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> list[Path]:
    return write_release_folder(tmp_path_factory.mktemp("releases"), 40)


@pytest.fixture(scope="module")
def expected(folder):
    """Nodes, edges and events per release of a clean extraction of the folder."""
    from dipgraph.loaders.extract import extract
    from dipgraph.loaders.sources import read_source

    events = {}
    for path in folder:
        (release,) = read_source(path, year=2026)
        events[release.id] = len(extract(release).events)
    return expected_batch(folder).counts, events


@pytest.fixture
def data_dir():
    d = short_data_dir()
    yield d
    remove_data_dir(d)


def start_load(folder: list[Path], data_dir: Path, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    cmd = load_command([folder[0].parent], data_dir, **kwargs)
    return subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=env)


def wait_for_lock(proc: subprocess.Popen, data_dir: Path, timeout: float = 60) -> None:
    """Until the holder has written its pid into the lock file."""
    lock = data_dir / LOCK_NAME
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if lock.exists() and lock.read_text().strip() == str(proc.pid):
            return
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.005)
    raise AssertionError("the load never took the lock")


def test_a_second_load_is_refused_while_the_first_writes(folder, expected, data_dir):
    first = start_load(folder, data_dir)
    try:
        wait_for_lock(first, data_dir)
        second = run_load([folder[0].parent], data_dir, timeout=120)
        assert first.poll() is None, "the first load must still be running"
    finally:
        first_err = first.communicate(timeout=300)[1]

    assert second.code != 0
    (message,) = second.lines_naming("another dipgraph load")
    assert f"another dipgraph load (pid {first.pid}) is writing to {data_dir}" in message
    assert "Traceback" not in second.stderr
    assert first.returncode == 0, first_err
    assert counts(data_dir) == expected[0]
    with fresh_store(data_dir) as store:
        assert invariant_violations(store, expected[1]) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_the_lock_dies_with_a_sigkilled_holder(folder, expected, data_dir, workers):
    holder = start_load(folder, data_dir, workers=workers)
    wait_for_lock(holder, data_dir)
    time.sleep(2.5)  # into the extraction (and the worker pool, with --workers 2)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    holder.stderr.close()

    # at once: no stale lock to wait for or remove by hand, no orphan holding it
    after = run_load([folder[0].parent], data_dir, timeout=300)

    assert after.code == 0, after.stderr
    assert "another dipgraph load" not in after.stderr
    assert counts(data_dir) == expected[0]
    with fresh_store(data_dir) as store:
        assert invariant_violations(store, expected[1]) == []
