"""The neo4j store: the official ``neo4j`` driver against a Neo4j 5 server (or any Bolt
server that speaks the portable Cypher subset, such as FalkorDB with ``BOLT_PORT``).

* One driver per store, kept open for the store's lifetime (never reopened per call).
* Dialect detection: ``CALL dbms.components()`` only works on Neo4j, ``CALL db.meta.stats()``
  only on FalkorDB (whose Bolt endpoint claims to be "Neo4j/5.13.0").
* Schema on Neo4j: uniqueness constraints and range indexes, ``IF NOT EXISTS``, before any
  MERGE. FalkorDB's constraint command is not reachable over Bolt: indexes only there.
* A release write on Neo4j is one transaction: (retract,) UNWIND statements, mark complete.
* Against FalkorDB's Bolt endpoint every message (query text + parameters) stays under
  ``max_message_bytes`` (3000 by default there): larger messages crash that server.
* The driver's own retries are off; transient failures and lost connections are retried
  here with exponential backoff (``settings.retries``), then reported as a StoreError.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from dipgraph.graph import statements
from dipgraph.graph.model import NODE_KEYS, GraphBatch
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

#: message budget against FalkorDB's Bolt endpoint (it crashes at ~4 KiB)
FALKORDB_BOLT_MAX_BYTES = 3000
CONNECTION_TIMEOUT = 5.0
#: a FalkorDB-Bolt handshake can hang (see DESIGN.md); give up on it after this long
ACQUISITION_TIMEOUT = 10.0
BACKOFF_BASE = 0.25
BACKOFF_MAX = 8.0

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# updating clauses, for the read-only guard on FalkorDB-Bolt (which ignores access modes)
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
        limit = settings.max_message_bytes
        if not limit and self.dialect == "falkordb":
            limit = FALKORDB_BOLT_MAX_BYTES
        self.max_message_bytes = limit

    # -- errors and retries -----------------------------------------------------------
    def _hint(self) -> str:
        hint = "start one with `docker compose up -d`, or point NEO4J_URI at your server"
        if self.uri.startswith("neo4j"):
            hint += "; for a single server (or FalkorDB) use a bolt:// URI"
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
        if not write and self.dialect == "falkordb" and looks_like_write(cypher):
            # FalkorDB's Bolt endpoint runs writes in read mode; refuse before sending
            raise WriteRefused("this query writes to the graph; pass --write to allow it")
        if self.max_message_bytes and message_bytes(cypher, params or {}) > self.max_message_bytes:
            raise QueryError(
                f"query plus parameters exceed {self.max_message_bytes} bytes, the message "
                f"limit for {self.uri} (FalkorDB's Bolt endpoint crashes on larger messages)"
            )
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
            return "neo4j"
        except QueryError:
            pass
        try:
            self._query("CALL db.meta.stats()", None, False)
            return "falkordb"
        except QueryError as exc:
            raise StoreError(
                f"{self.uri} answers Bolt but is neither Neo4j nor FalkorDB: {exc}"
            ) from exc

    def schema_statements(self) -> list[str]:
        return schema_statements()

    def ensure_schema(self) -> None:
        if self._schema_checked:
            return
        if self.dialect == "neo4j":
            for stmt in self.schema_statements():
                self.run(stmt, write=True)
        else:
            # FalkorDB over Bolt: its unique constraint is a Redis command (GRAPH.CONSTRAINT),
            # not reachable here; its indexes are Cypher (not idempotent: check first) and
            # make the MATCHed endpoints of edge writes 4x faster at 1k nodes.
            rows = self.run("CALL db.indexes() YIELD label, properties")
            have = {(r["label"], p) for r in rows for p in r["properties"]}
            for label, prop in statements.SCHEMA_UNIQUE + statements.SCHEMA_NODE_INDEXES:
                if (label, prop) not in have:
                    self.run(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})", write=True)
            for type_, prop in statements.SCHEMA_EDGE_INDEXES:
                if (type_, prop) not in have:
                    self.run(f"CREATE INDEX FOR ()-[r:{type_}]-() ON (r.{prop})", write=True)
        self._schema_checked = True

    def write(self, batch: GraphBatch, *, replace: bool = False) -> WriteResult:
        self.ensure_schema()
        release = batch.release_id
        plan = self.write_plan(batch, replace=replace)
        self._retry(lambda: self._execute_write(plan))
        nodes, edges = batch.counts
        return WriteResult(release, nodes, edges, retracted=replace)

    def retract(self, release_id: str) -> None:
        plan = statements.retract_statements(release_id)
        self._check_sizes(plan)
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
        if self.dialect == "falkordb":
            self._drop_sockets()
        try:
            self.driver.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass

    def _drop_sockets(self) -> None:
        """Close pooled sockets without a Bolt GOODBYE: after a GOODBYE, FalkorDB's Bolt
        endpoint hangs the next client's handshake (10 s lost, then a retry). Reaches into
        the driver's pool; if its internals change, this silently does nothing."""
        try:
            for connections in self.driver._pool.connections.values():
                for connection in list(connections):
                    connection.socket.close()
        except Exception:  # noqa: BLE001 - private API, best effort
            pass

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------
    def _check_sizes(self, plan: list[tuple[str, dict[str, Any]]]) -> None:
        """Refuse, before anything is sent, a statement over the message limit."""
        limit = self.max_message_bytes
        for cypher, params in plan:
            if limit and message_bytes(cypher, params) > limit:
                raise StoreError(
                    f"a statement of {message_bytes(cypher, params)} bytes exceeds the "
                    f"{limit}-byte message limit for {self.uri}: {cypher[:80]}..."
                )

    def _execute_write(self, plan: list[tuple[str, dict[str, Any]]]) -> None:
        """All statements in one explicit transaction (rolled back on error on Neo4j)."""
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
        """The statements (text, parameters) that write a batch, in order: one transaction
        on Neo4j; each within the message limit, which is checked before anything is sent."""
        plan: list[tuple[str, dict[str, Any]]] = []
        if replace and batch.release_id is not None:
            plan.extend(statements.retract_statements(batch.release_id))
        plan.extend(self._batch_statements(batch))
        if batch.release_id is not None:
            plan.append(statements.mark_complete(batch.release_id))
        self._check_sizes(plan)
        return plan

    def _batch_statements(self, batch: GraphBatch) -> Iterator[tuple[str, dict[str, Any]]]:
        release = batch.release_id
        for clause in statements.write_clauses(batch):
            cypher = "UNWIND $rows AS row " + clause.unwind_body
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
        """Rows in groups of at most batch_size and (if limited) max_message_bytes."""
        size = max(1, self.settings.batch_size)
        limit = self.max_message_bytes
        base = message_bytes(cypher, {"rows": [], "release": release})
        chunk: list[dict[str, Any]] = []
        used = base
        for row in rows:
            cost = message_bytes("", row) + 2  # ", " between list items
            if chunk and (len(chunk) >= size or (limit and used + cost > limit)):
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
        """Under a message limit, move string properties too long for one message (a
        release's text) out of the row; they are written afterwards in pieces."""
        limit = self.max_message_bytes
        if not limit or message_bytes(cypher, {"rows": [row], "release": release}) <= limit:
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
