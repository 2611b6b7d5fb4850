"""The neo4j store: the official ``neo4j`` driver against a Neo4j 5 server.

* One driver per store, kept open for the store's lifetime (never reopened per call).
* The server must be Neo4j: ``CALL dbms.components()`` answers only there (FalkorDB's Bolt
  endpoint claims to be "Neo4j/5.13.0" but is a test target only; the tests' adapter for
  it lives in tests/bolt_rig.py).
* Schema: uniqueness constraints and range indexes, ``IF NOT EXISTS``, before any MERGE.
* A release write is one transaction: (retract,) UNWIND statements of at most
  ``settings.batch_size`` rows, mark complete.
* Read-only runs use READ routing, which Neo4j enforces.
* The driver's own retries are off; transient failures and lost connections are retried
  here with exponential backoff (``settings.retries``), then reported as a StoreError.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from dipgraph.graph import statements
from dipgraph.graph.model import GraphBatch
from dipgraph.graph.store import (
    QueryError,
    QueryTimeout,
    ReleaseQueries,
    StoreAuthError,
    StoreError,
    StoreSettings,
    StoreUnavailable,
    WriteRefused,
    WriteResult,
    timeout_message,
)

CONNECTION_TIMEOUT = 5.0
#: give up on getting a connection (a hung handshake included) after this long, then retry
ACQUISITION_TIMEOUT = 10.0
BACKOFF_BASE = 0.25
BACKOFF_MAX = 8.0


def hydrate(value: Any) -> Any:
    """Driver values -> plain Python: maps and lists stay dicts and lists, nodes and
    relationships become their property dicts, temporal values ISO strings."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, dict):
        return {k: hydrate(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [hydrate(v) for v in value]
    if isinstance(value, Node | Relationship):
        return {k: hydrate(v) for k, v in value.items()}
    if isinstance(value, Path):
        return {
            "nodes": [hydrate(n) for n in value.nodes],
            "relationships": [hydrate(r) for r in value.relationships],
        }
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _rows(result: Any) -> tuple[list[dict[str, Any]], bool]:
    """result_transformer_ for execute_query: plain rows, and whether anything was written."""
    records = [{k: hydrate(v) for k, v in record.items()} for record in result]
    return records, result.consume().counters.contains_updates


def schema_statements() -> list[str]:
    """Neo4j 5 DDL for the model's keys and indexes, idempotent (``IF NOT EXISTS``)."""
    stmts = []
    for label, prop in statements.SCHEMA_UNIQUE:
        stmts.append(
            f"CREATE CONSTRAINT {label.lower()}_{prop}_unique IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
        )
    for label, prop in statements.SCHEMA_NODE_INDEXES:
        stmts.append(
            f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        )
    for type_, prop in statements.SCHEMA_EDGE_INDEXES:
        stmts.append(
            f"CREATE INDEX {type_.lower()}_{prop} IF NOT EXISTS FOR ()-[r:{type_}]-() ON (r.{prop})"
        )
    return stmts


class Neo4jStore(ReleaseQueries):
    """GraphStore over a Bolt server with the official neo4j driver."""

    def __init__(self, settings: StoreSettings, *, driver: Any = None) -> None:
        import neo4j

        self.settings = settings
        self.uri = settings.neo4j_uri
        self.database = settings.neo4j_database
        self._owns_driver = driver is None
        if driver is None:
            auth = (
                (settings.neo4j_user, settings.neo4j_password)
                if settings.neo4j_password is not None
                else None
            )
            try:
                driver = neo4j.GraphDatabase.driver(
                    self.uri,
                    auth=auth,
                    connection_timeout=CONNECTION_TIMEOUT,
                    connection_acquisition_timeout=ACQUISITION_TIMEOUT,
                    max_transaction_retry_time=0,  # retries are ours, see _retry
                )
            except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
                raise StoreError(f"bad NEO4J_URI {self.uri!r}: {exc}") from exc
        self.driver = driver
        self._schema_checked = False
        self.dialect = self._detect_dialect()

    # -- errors and retries -----------------------------------------------------------
    def _hint(self) -> str:
        hint = "start one with `docker compose up -d`, or point NEO4J_URI at your server"
        if self.uri.startswith("neo4j"):
            hint += "; for a single server use a bolt:// URI"
        return hint

    def _map_error(self, exc: Exception) -> StoreError:
        import neo4j.exceptions as ne

        meta = getattr(exc, "_metadata", None) or {}
        code = str(meta.get("code") or getattr(exc, "code", "") or "")
        message = str(getattr(exc, "message", None) or exc)
        user = self.settings.neo4j_user
        if isinstance(exc, ne.AuthError) or "Security.Unauthorized" in code:
            return StoreAuthError(
                f"{self.uri} refused the credentials of user {user!r}: set NEO4J_USER and "
                "NEO4J_PASSWORD (or neo4j_user / neo4j_password in the config file)"
            )
        if isinstance(exc, ne.ServiceUnavailable | ne.SessionExpired | OSError):
            return StoreUnavailable(
                f"cannot reach the Bolt server at {self.uri}: {exc}; {self._hint()}"
            )
        if "TransactionTimedOut" in code:
            return QueryTimeout(timeout_message(self.settings.query_timeout))
        if "AccessMode" in code or "read access mode" in message.lower():
            return WriteRefused("this query writes to the graph; pass --write to allow it")
        if isinstance(exc, ne.TransientError):
            return StoreError(f"{self.uri} kept failing with a transient error: {code} {message}")
        if isinstance(exc, ne.Neo4jError):
            return QueryError(f"{code}: {message}" if code and code not in message else message)
        return StoreError(f"{type(exc).__name__}: {exc}")

    def _retry(self, work: Callable[[], Any]) -> Any:
        """Run ``work``; retry lost connections and transient errors with backoff."""
        import neo4j.exceptions as ne

        attempts = max(1, self.settings.retries + 1)
        for attempt in range(attempts):
            try:
                return work()
            except (
                ne.TransientError,
                ne.ServiceUnavailable,
                ne.SessionExpired,
                ne.ConnectionAcquisitionTimeoutError,
            ) as exc:
                if "TimedOut" in str(getattr(exc, "code", "")):  # a timeout is not retried
                    raise self._map_error(exc) from exc
                if attempt + 1 >= attempts:
                    error = self._map_error(exc)
                    error.args = (f"{error.args[0]} (gave up after {attempts} attempts)",)
                    raise error from exc
                time.sleep(min(BACKOFF_MAX, BACKOFF_BASE * 2**attempt))
            except (ne.Neo4jError, ne.DriverError, OSError) as exc:
                raise self._map_error(exc) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    # -- protocol ---------------------------------------------------------------------
    def _query(self, cypher: str, params: dict[str, Any] | None, write: bool) -> tuple[list, bool]:
        import neo4j

        routing = neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ
        query: str | neo4j.Query = cypher
        if not write and self.settings.query_timeout and getattr(self, "dialect", "") == "neo4j":
            # a transaction timeout, enforced by Neo4j (FalkorDB's Bolt endpoint has none)
            query = neo4j.Query(cypher, timeout=float(self.settings.query_timeout))
        return self._retry(
            lambda: self.driver.execute_query(
                query,
                params or {},
                routing_=routing,
                database_=self.database,
                result_transformer_=_rows,
            )
        )

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> list[dict[str, Any]]:
        rows, updated = self._query(cypher, params, write)
        if updated and not write:
            raise WriteRefused(
                "this query wrote to the graph although it ran read-only (the server does not "
                "enforce read mode); pass --write for writes"
            )
        return rows

    def _detect_dialect(self) -> str:
        try:
            self._query("CALL dbms.components() YIELD name RETURN name", None, False)
        except QueryError as exc:  # only Neo4j has dbms.components()
            raise StoreError(
                f"{self.uri} answers Bolt but is not Neo4j ({exc}); the neo4j store needs "
                "Neo4j 5, the embedded store needs no server"
            ) from exc
        return "neo4j"

    def schema_statements(self) -> list[str]:
        return schema_statements()

    def ensure_schema(self) -> None:
        if self._schema_checked:
            return
        self.create_schema()
        self.upgrade_legacy_counts()
        self._schema_checked = True

    def create_schema(self) -> None:
        """The keys' constraints and the indexes, if missing."""
        for stmt in self.schema_statements():
            self.run(stmt, write=True)

    def write(self, batch: GraphBatch, *, replace: bool = False) -> WriteResult:
        self.ensure_schema()
        release = batch.release_id
        replace = replace or self.written_before(batch)
        plan = self.write_plan(batch, replace=replace)
        self._retry(lambda: self._execute_write(plan))
        nodes, edges = batch.counts
        return WriteResult(release, nodes, edges, retracted=replace)

    def retract(self, release_id: str) -> None:
        plan = statements.retract_statements(release_id, self.held_properties(release_id))
        self._retry(lambda: self._execute_write(plan))

    def clear(self) -> None:
        """Delete every node and edge (the schema stays), in bounded chunks."""
        while True:
            rows = self.run(
                "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n", write=True
            )
            if not rows or not rows[0]["n"]:
                break

    def close(self) -> None:
        if not self._owns_driver:
            return
        try:
            self.driver.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------
    def _execute_write(self, plan: list[tuple[str, dict[str, Any]]]) -> None:
        """All statements in one explicit transaction (rolled back on error)."""
        import neo4j

        mode = neo4j.WRITE_ACCESS
        with self.driver.session(database=self.database, default_access_mode=mode) as session:
            with session.begin_transaction() as tx:
                for cypher, params in plan:
                    tx.run(cypher, params).consume()
                tx.commit()

    def write_plan(
        self, batch: GraphBatch, *, replace: bool = False
    ) -> list[tuple[str, dict[str, Any]]]:
        """The statements (text, parameters) that write a batch, in order: one transaction."""
        plan: list[tuple[str, dict[str, Any]]] = []
        if replace and batch.release_id is not None:
            held = self.held_properties(batch.release_id)
            plan.extend(statements.retract_statements(batch.release_id, held))
        plan.extend(self._batch_statements(batch))
        if batch.release_id is not None:
            plan.append(statements.mark_complete(batch.release_id))
        return plan

    def _batch_statements(self, batch: GraphBatch) -> Iterator[tuple[str, dict[str, Any]]]:
        release = batch.release_id
        size = max(1, self.settings.batch_size)
        for clause in statements.write_clauses(batch):
            cypher = clause.unwind_statement()
            for i in range(0, len(clause.rows), size):
                yield cypher, {"rows": clause.rows[i : i + size], "release": release}
