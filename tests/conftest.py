"""Shared fixtures: the real corpus (tests/data), a real embedded FalkorDB server per session.

A test that needs a tool which is missing (chromium, node, the Cypher linter) skips with a
reason on a user's machine and fails under CI=true, where .ci/run installs everything.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from bolt_rig import BoltServer, FalkorBoltStore, bolt_driver_for

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


@pytest.fixture(scope="session", autouse=True)
def _no_server_outlives_the_tests(tmp_path_factory: pytest.TempPathFactory):
    """A server a test started in its tmp_path (a CLI run on `--data-dir tmp_path/...`)
    is stopped when the session ends, never left running."""
    yield
    for socket in tmp_path_factory.getbasetemp().rglob("falkordb.sock"):
        EmbeddedServer(socket.parent.parent).stop()


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


# --- a real Bolt server for the neo4j store: FalkorDB with BOLT_PORT (see bolt_rig.py) ----


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
    return bolt_driver_for(bolt_server)


@pytest.fixture
def neo4j_store(bolt_server: str, bolt_driver):
    """An empty graph behind the neo4j store (FalkorDB's Bolt endpoint, through the rig's
    adapter). FalkorDB ignores database_ (every name reaches the same graph), so the graph
    is cleared around each test."""
    settings = StoreSettings(backend="neo4j", neo4j_uri=bolt_server, batch_size=35)
    s = FalkorBoltStore(settings, driver=bolt_driver)
    s.clear()
    yield s
    s.clear()
    s.close()
