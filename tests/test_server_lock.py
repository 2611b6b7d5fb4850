"""Exactly one embedded server per data directory, whatever starts it: the server holds an
flock on <data dir>/server.lock for its whole life. A pid is only signalled after /proc
shows it is the redis-server of that very directory. The data directory's mode is only
set when dipgraph creates it; lock files are never opened through a link.

Every command here is a real `dipgraph` process on a private data directory.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_support import (
    counts,
    remove_data_dir,
    run_load,
    short_data_dir,
    write_release_folder,
)

from dipgraph.graph.store import StoreError
from dipgraph.graph.stores.embedded import EmbeddedServer

# servers, subprocesses and real networks: the full suite, not the edit loop
pytestmark = pytest.mark.slow

ROUNDS = 20
STARTERS = 6


def dipgraph(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    return subprocess.run([sys.executable, "-m", "dipgraph.cli", *args], capture_output=True,
                          text=True, timeout=timeout, env=env, check=False)  # fmt: skip


def spawn(*args: str) -> subprocess.Popen:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    return subprocess.Popen([sys.executable, "-m", "dipgraph.cli", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def servers_of(data_dir: Path) -> list[int]:
    """Pids of every redis-server whose socket is in this data directory."""
    needle = f"unixsocket:{data_dir / 'falkordb'}".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if b"redis-server" in cmdline and needle in cmdline:
                pids.append(int(entry.name))
    return pids


def aof_manifest_problems(data_dir: Path) -> list[str]:
    """Files the AOF manifest names that are missing."""
    aof = data_dir / "falkordb" / "appendonlydir"
    problems = []
    for manifest in aof.glob("*.manifest"):
        for line in manifest.read_text().splitlines():
            name = line.split()[1]
            if not (aof / name).exists():
                problems.append(f"{manifest.name} names missing {name}")
    return problems


@pytest.fixture
def data_dir():
    d = short_data_dir()
    yield d
    remove_data_dir(d)


def test_concurrent_starters_launch_exactly_one_server(data_dir, tmp_path, capsys):
    folder = tmp_path / "releases"
    write_release_folder(folder, 8)
    started_total = 0
    t0 = time.monotonic()
    for round_ in range(ROUNDS):
        # db start, and commands that start the store on demand (query, status)
        argv = [("db", "start")] * 4 + [("query", "graph_summary"), ("db", "start")]
        procs = [spawn(*a, "--data-dir", str(data_dir)) for a in argv]
        outs = [p.communicate(timeout=180) for p in procs]
        for p, (_out, err) in zip(procs, outs, strict=True):
            assert p.returncode == 0, f"round {round_}: {err}"
            assert "Traceback" not in err
        started_total += sum("embedded store started" in out for out, _ in outs)
        assert len(servers_of(data_dir)) == 1, f"round {round_}: {servers_of(data_dir)}"
        assert sum("embedded store started" in out for out, _ in outs) <= 1
        stop = dipgraph("db", "stop", "--data-dir", str(data_dir))
        assert stop.returncode == 0 and "stopped" in stop.stdout, stop.stderr
        assert servers_of(data_dir) == []
        assert aof_manifest_problems(data_dir) == []
    seconds = time.monotonic() - t0

    run = run_load([folder], data_dir)
    assert run.code == 0, run.stderr
    loaded = counts(data_dir)
    assert loaded[0] > 0
    assert dipgraph("db", "stop", "--data-dir", str(data_dir)).returncode == 0
    start = dipgraph("db", "start", "--data-dir", str(data_dir))
    assert start.returncode == 0, start.stderr
    assert counts(data_dir) == loaded
    assert len(servers_of(data_dir)) == 1
    assert aof_manifest_problems(data_dir) == []
    with capsys.disabled():
        print(
            f"\n  {ROUNDS} rounds x {STARTERS} concurrent starters: {started_total} starts, "
            f"always 1 server, {seconds:.1f}s; counts after load/stop/start {loaded}"
        )


def test_stop_on_a_copy_of_a_running_data_directory_leaves_the_original_alone(data_dir):
    server = EmbeddedServer(data_dir)
    server.start()
    pid = server.pid()
    copy = Path(f"{data_dir}c")
    shutil.copytree(data_dir, copy, symlinks=True, ignore=shutil.ignore_patterns("*.sock"))
    try:
        assert (copy / "falkordb" / "falkordb.pid").read_text().strip() == str(pid)
        stop = dipgraph("db", "stop", "--data-dir", str(copy))
        assert stop.returncode == 0, stop.stderr
        assert "was not running" in stop.stdout
        assert server.is_running() and server.pid() == pid
    finally:
        remove_data_dir(copy)


@pytest.mark.parametrize("content", ["0", "-1", str(os.getpid()), "garbage"])
def test_a_forged_pid_file_is_never_signalled(data_dir, content):
    """With the server stopped, `db stop` signals nothing; with it running, the pid comes
    from the server itself and is checked against /proc."""
    server = EmbeddedServer(data_dir)
    server.start()
    server.stop()
    server.pidfile.write_text(content)
    stop = dipgraph("db", "stop", "--data-dir", str(data_dir))
    assert stop.returncode == 0, stop.stderr
    assert "was not running" in stop.stdout  # and this test process is still alive

    server.start()
    pid = server.pid()
    server.pidfile.write_text(content)
    stop = dipgraph("db", "stop", "--data-dir", str(data_dir))
    assert stop.returncode == 0 and "stopped" in stop.stdout, stop.stderr
    assert servers_of(data_dir) == []
    assert (
        not Path(f"/proc/{pid}").exists()
        or b"redis" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    )


def test_a_lock_held_by_a_stranger_is_reported_and_nothing_is_signalled(data_dir):
    """Something that is not this directory's server holds the lock: stop says so."""
    server = EmbeddedServer(data_dir)
    server.start()
    server.stop()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR);"
         "fcntl.flock(fd, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)",
         str(server.lockfile)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        server.pidfile.write_text(str(holder.pid))
        with pytest.raises(StoreError, match="nothing was signalled"):
            server.stop(timeout=1.0)
        assert holder.poll() is None, "the lock holder must not have been signalled"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()


def test_an_existing_data_directory_keeps_its_mode_and_is_refused_if_others_can_write(tmp_path):
    own = tmp_path / "own"
    own.mkdir(mode=0o750)
    os.chmod(own, 0o750)
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    created = tmp_path / "new" / "data"
    try:
        for d in (own, created):
            start = dipgraph("db", "start", "--data-dir", str(d))
            assert start.returncode == 0, start.stderr
        assert stat.S_IMODE(own.stat().st_mode) == 0o750  # left as it was
        assert stat.S_IMODE(created.stat().st_mode) == 0o700  # created private

        refused = dipgraph("db", "start", "--data-dir", str(shared))
        assert refused.returncode == 1
        (line,) = refused.stderr.splitlines()
        assert f"{shared} can be written by other users (mode 1777)" in line, line
        assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
        assert servers_of(shared) == []
        load = dipgraph("load", str(tmp_path / "none.txt"), "--data-dir", str(shared))
        assert load.returncode == 1 and "can be written by other users" in load.stderr
        assert "Traceback" not in load.stderr
    finally:
        for d in (own, created):
            EmbeddedServer(d).stop()


@pytest.mark.parametrize("lock_name", ["load.lock", "server.lock"])
def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(tmp_path, lock_name):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    target = tmp_path / "precious.txt"
    target.write_text("do not truncate me")
    (data_dir / lock_name).symlink_to(target)
    release = tmp_path / "r.txt"
    release.write_text("Астана. 3 марта. МИД - Встреча министров.", encoding="utf-8")
    run = dipgraph("load", str(release), "--data-dir", str(data_dir), "--store", "embedded")
    assert run.returncode == 1
    assert f"{data_dir / lock_name} is a symbolic link" in run.stderr
    assert "Traceback" not in run.stderr
    assert target.read_text() == "do not truncate me"
    assert servers_of(data_dir) == []
