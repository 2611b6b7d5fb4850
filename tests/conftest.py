"""Shared fixtures: the real corpus, a real embedded FalkorDB server per test session.

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
CORPUS = Path(os.environ.get("DIPGRAPH_CORPUS", REPO.parent / "shared" / "corpus"))
SEED_RELEASE = CORPUS / "releases" / "000_f90f83b2cd359777.txt"
SEED_GOLD = CORPUS / "gold" / "000_f90f83b2cd359777.events.jsonl"
EXAMPLES = REPO / "examples"


def missing_tool(reason: str) -> None:
    """Skip on a user's machine; fail under CI, where nothing may be skipped."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.exists():
        missing_tool(f"corpus not found at {CORPUS} (set DIPGRAPH_CORPUS)")
    return CORPUS


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
