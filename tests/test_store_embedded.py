"""The embedded store: a real FalkorDB server on a private unix socket."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_support import count_violations

from dipgraph.graph.model import (
    Event,
    GraphBatch,
    Official,
    Release,
    State,
    event_id,
    official_id,
)
from dipgraph.graph.store import StoreSettings, WriteRefused
from dipgraph.graph.stores import embedded
from dipgraph.graph.stores.embedded import EmbeddedServer, EmbeddedStore

SENTENCE = (
    "Также заместитель министра иностранных дел Казахстана Арман Исетов принял "
    "верительные грамоты у нового посла Норвегии Хелене Санд Андресен."
)


def credentials_batch(text: str = SENTENCE) -> GraphBatch:
    """One release: Norway's new ambassador presents credentials in Astana."""
    release = Release.from_text(text, published="2026-03-03", date_precision="day")
    batch = GraphBatch(release_id=release.id)
    rel = batch.add_node(release)
    kz = batch.add_node(State("KZ", "Казахстан", "Kazakhstan"))
    no = batch.add_node(State("NO", "Норвегия", "Norway"))
    isetov = batch.add_node(
        Official(
            official_id("KZ", "Арман Исетов"),
            "Арман Исетов",
            state="KZ",
            title="заместитель министра иностранных дел",
        )  # fmt: skip
    )
    andresen = batch.add_node(
        Official(
            official_id("NO", "Хелене Санд Андресен"),
            "Хелене Санд Андресен",
            state="NO",
            title="посол",
        )  # fmt: skip
    )
    eid = event_id(release.id, "ACCREDITED", ["KZ", "NO"], (0, len(text)))
    ev = batch.add_node(Event(eid, "ACCREDITED", release.id, date="2026-03-03",
                              parties=["KZ", "NO"], sentence=text))  # fmt: skip
    batch.add_edge("REPORTS", rel, ev, event_id=eid)
    batch.add_edge("REPRESENTS", isetov, kz)
    batch.add_edge("REPRESENTS", andresen, no)
    batch.add_edge("POSTED_IN", andresen, kz)
    batch.add_edge("INVOLVES", ev, andresen, event_id=eid, role="посол")
    batch.add_edge("INVOLVES", ev, isetov, event_id=eid, role="receiver")
    batch.add_edge(
        "ACCREDITED", andresen, kz, event_id=eid, release_id=release.id, date="2026-03-03",
        sentence=text, start=0, end=len(text), received_by="Арман Исетов", kind="credentials",
    )  # fmt: skip
    return batch


def counts(store: EmbeddedStore) -> tuple[int, int]:
    return store.count_nodes(), store.count_edges()


def test_writing_the_same_release_twice_changes_nothing(store):
    batch = credentials_batch()
    store.write(batch)
    first = counts(store)
    store.write(credentials_batch())
    assert counts(store) == first == (6, 7)
    assert store.has_release(batch.release_id)
    assert store.run("MATCH (s:State) RETURN s.refs AS refs") == [{"refs": 1}] * 2
    assert count_violations(store) == []


def test_replace_rewrites_a_release_without_duplicates(store):
    batch = credentials_batch()
    store.write(batch)
    result = store.write(credentials_batch(), replace=True)
    assert result.retracted
    assert counts(store) == (6, 7)
    assert count_violations(store) == []


def test_retract_removes_only_what_no_other_release_supports(store):
    first = credentials_batch()
    second = credentials_batch(SENTENCE + " Стороны обсудили актуальные вопросы.")
    store.write(first)
    store.write(second)
    # officials and states are shared; events, releases and contact edges are per release
    assert counts(store) == (8, 11)
    assert count_violations(store) == []
    store.retract(first.release_id)
    assert counts(store) == (6, 7)
    assert count_violations(store) == []
    assert not store.has_release(first.release_id)
    assert store.has_release(second.release_id)
    store.retract(second.release_id)
    assert counts(store) == (0, 0)


def test_official_aliases_accumulate_across_writes(store):
    oid = official_id("KZ", "Алибек Бакаев")
    for alias in ("Алибеком Бакаевым", "А. Бакаев"):
        batch = GraphBatch()
        batch.add_node(Official(oid, "Алибек Бакаев", aliases=[alias], state="KZ"))
        store.write(batch)
    rows = store.run("MATCH (o:Official {id: $id}) RETURN o.aliases AS aliases", {"id": oid})
    assert sorted(rows[0]["aliases"]) == ["А. Бакаев", "Алибеком Бакаевым"]


def graph_memory_calls(store: EmbeddedStore) -> int:
    stats = store._db.connection.info("commandstats")
    return sum(v["calls"] for k, v in stats.items() if k.lower() == "cmdstat_graph.memory")


def test_the_store_has_pending_matrix_changes_folded_in(store, monkeypatch):
    # FalkorDB's writes never fold the node-label matrix's pending changes in themselves
    conn = store._db.connection
    setting = conn.execute_command("GRAPH.CONFIG", "GET", "DELTA_MAX_PENDING_CHANGES")
    assert setting[1] == embedded.DELTA_MAX_PENDING_CHANGES
    monkeypatch.setattr(embedded, "FOLD_EVERY", 3)
    before = graph_memory_calls(store)
    for i in range(7):
        store.write(credentials_batch(f"{SENTENCE} {i}"))
    assert graph_memory_calls(store) == before + 2  # after the 3rd and the 6th write
    assert store.count_nodes() == 4 + 2 * 7  # shared states and officials, then per release
    assert count_violations(store) == []


def test_reads_are_read_only_unless_asked(store):
    with pytest.raises(WriteRefused, match="--write"):
        store.run("CREATE (:State {code: 'XX'})")
    store.run("CREATE (:State {code: 'XX'})", write=True)
    assert store.run("MATCH (s:State) RETURN s.code AS code") == [{"code": "XX"}]


def test_uniqueness_is_enforced_by_the_store(store):
    store.ensure_schema()
    store.run("CREATE (:State {code: 'KZ'})", write=True)
    with pytest.raises(Exception, match="(?i)unique|constraint"):
        store.run("CREATE (:State {code: 'KZ'})", write=True)


def test_server_listens_on_a_private_unix_socket_only(embedded_server: EmbeddedServer):
    mode = stat.S_IMODE(os.stat(embedded_server.data_dir).st_mode)
    assert mode == 0o700
    assert stat.S_ISSOCK(os.stat(embedded_server.socket).st_mode)
    assert stat.S_IMODE(os.stat(embedded_server.socket).st_mode) & 0o077 == 0
    pid = embedded_server.pid()
    listening = Path(f"/proc/{pid}/net/tcp").read_text() + Path(f"/proc/{pid}/net/tcp6").read_text()
    inodes = {
        os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")
    }  # the server's own sockets
    own = {i.split("[")[1].rstrip("]") for i in inodes if i.startswith("socket:[")}
    tcp_listeners = [
        line.split()[9] for line in listening.splitlines()[1:]
        if line.split()[3] == "0A"  # LISTEN
    ]  # fmt: skip
    assert not own.intersection(tcp_listeners), "the embedded server must not listen on TCP"


def _count_in_fresh_process(data_dir: Path) -> int:
    code = (
        "import sys; from pathlib import Path;"
        "from dipgraph.graph.store import StoreSettings;"
        "from dipgraph.graph.stores.embedded import EmbeddedStore;"
        "s = EmbeddedStore(StoreSettings(data_dir=Path(sys.argv[1])));"
        "print(s.count_releases())"
    )
    out = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True,
                         text=True, check=True, timeout=120)  # fmt: skip
    return int(out.stdout.strip())


def test_acknowledged_writes_survive_kill_9_of_the_server(tmp_path: Path):
    data_dir = Path(tmp_path)
    store = EmbeddedStore(StoreSettings(data_dir=data_dir))
    written = []
    for i in range(25):
        batch = credentials_batch(f"{SENTENCE} Запись {i}.")
        store.write(batch)  # acknowledged
        written.append(batch.release_id)
    pid = store.server.pid()
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while store.server._process_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    store.close()
    # pid file and socket are stale now; the next use clears them and replays the AOF
    assert not EmbeddedServer(data_dir).is_running()
    try:
        assert _count_in_fresh_process(data_dir) == len(written)
    finally:
        EmbeddedServer(data_dir).stop()


def test_a_stale_pid_file_and_socket_are_cleared_on_start(tmp_path: Path):
    server = EmbeddedServer(tmp_path)
    server.db_dir.mkdir(parents=True)
    # a pid that certainly is not a redis-server, and a dead socket file
    server.pidfile.write_text(str(os.getpid()))
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(server.socket))
    dead.close()
    assert server.status().stale
    try:
        assert server.start() is True
        assert server.is_running()
        assert server.pid() != os.getpid()
    finally:
        server.stop()
    assert not server.socket.exists()


def test_stop_and_start_keep_the_graph(tmp_path: Path):
    settings = StoreSettings(data_dir=tmp_path)
    with EmbeddedStore(settings) as store:
        store.write(credentials_batch())
    server = EmbeddedServer(tmp_path)
    assert server.stop()
    assert not server.is_running()
    try:
        with EmbeddedStore(settings) as store:  # auto-starts
            assert counts(store) == (6, 7)
            indexes = store.run("CALL db.indexes() YIELD label RETURN count(label) AS n")
            assert indexes[0]["n"] >= 6
    finally:
        server.stop()


def test_a_too_long_data_dir_gets_a_clear_error(tmp_path: Path):
    from dipgraph.graph.store import StoreError

    deep = tmp_path / ("x" * 120)
    with pytest.raises(StoreError, match="too long.*--data-dir"):
        EmbeddedServer(deep).start()
