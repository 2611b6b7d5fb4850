"""Portable Cypher that writes a GraphBatch and retracts a release.

One text for Neo4j 5 and FalkorDB (see docs/cypher-subset.md). Each label and each edge shape
becomes one clause applied to a list of flat rows; the embedded store runs all clauses of a
release in one atomic query (FOREACH), the neo4j store as UNWIND statements in one
transaction. Labels and types come from the model's fixed lists, never from user input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from dipgraph.graph.model import (
    CONTACT_TYPES,
    EDGE_TYPES,
    NODE_KEYS,
    NODE_LABELS,
    Edge,
    GraphBatch,
    Node,
)

# Entities shared between releases remember which releases mention them, so retracting
# one release removes only what no other release still supports.
_ADD_SOURCE = (
    "{v}.sources = CASE WHEN $release IS NULL OR $release IN coalesce({v}.sources, []) "
    "THEN {v}.sources ELSE coalesce({v}.sources, []) + $release END"
)
# an official written another way by another release (another script or romanization)
# keeps the earlier spelling among its aliases; set before the name is overwritten
_ALIASES = (
    "n.aliases = coalesce(n.aliases, []) + "
    "[a IN row.aliases + CASE WHEN n.name IS NULL OR n.name = row.props.name THEN [] "
    "ELSE [n.name] END WHERE NOT a IN coalesce(n.aliases, [])]"
)
SHARED_LABELS = ("State", "Organization", "Official", "Venue")
EVENT_BOUND = CONTACT_TYPES + ("INVOLVES", "AT", "REPORTS")
# An Event known to the day is keyed by what happened (graph.model.event_id), so releases
# in two languages that report it share the node; each release keeps its own contact
# edge (keyed by event and release), with its own evidence sentence.


@dataclass
class Clause:
    """An updating clause over `row`, and the rows it applies to."""

    name: str
    body: str  # MERGE/SET over `row`; endpoints bound by MERGE (FOREACH) or MATCH (UNWIND)
    unwind_body: str
    rows: list[dict[str, Any]]


def _check_label(label: str) -> str:
    if label not in NODE_LABELS:
        raise ValueError(f"unknown node label {label!r}")
    return label


def _check_type(type_: str) -> str:
    if type_ not in EDGE_TYPES:
        raise ValueError(f"unknown edge type {type_!r}")
    return type_


def _clean(value: Any) -> Any:
    """Property values must be scalars or lists of scalars on both backends."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value if v is not None and not isinstance(v, list | tuple)]
    return value


def _node_row(node: Node) -> dict[str, Any]:
    props = {k: _clean(v) for k, v in node.properties().items() if k not in ("aliases", "sources")}
    row: dict[str, Any] = {"key": node.key, "props": props}
    if node.label == "Official":
        row["aliases"] = list(getattr(node, "aliases", []) or [])
    return row


def _edge_row(edge: Edge) -> dict[str, Any]:
    props = {k: _clean(v) for k, v in edge.properties.items() if k != "sources"}
    row = {"s": edge.source.key, "t": edge.target.key, "event_id": edge.event_id, "props": props}
    if edge.type in CONTACT_TYPES:
        row["release_id"] = edge.properties.get("release_id")
    return row


def node_clauses(batch: GraphBatch) -> list[Clause]:
    clauses = []
    for label, nodes in sorted(batch.nodes_by_label().items()):
        key = NODE_KEYS[_check_label(label)]
        sets = [_ALIASES] if label == "Official" else []
        sets.append("n += row.props")
        if label in SHARED_LABELS or label == "Event":
            sets.append(_ADD_SOURCE.format(v="n"))
        if label == "Release":
            # complete is set by the same statement that writes the rest; see write_query
            sets.append("n.complete = false")
        body = f"MERGE (n:{label} {{{key}: row.key}}) SET " + ", ".join(sets)
        rows = [_node_row(n) for n in nodes]
        clauses.append(Clause(f"n_{label}", body, body, rows))
    return clauses


def edge_clauses(batch: GraphBatch) -> list[Clause]:
    clauses = []
    for i, ((type_, src, dst), edges) in enumerate(sorted(batch.edges_by_shape().items())):
        _check_type(type_)
        sk, dk = NODE_KEYS[_check_label(src)], NODE_KEYS[_check_label(dst)]
        keyed = type_ in EVENT_BOUND
        if type_ in CONTACT_TYPES:
            rel = f"[r:{type_} {{event_id: row.event_id, release_id: row.release_id}}]"
        elif keyed:
            rel = f"[r:{type_} {{event_id: row.event_id}}]"
        else:
            rel = f"[r:{type_}]"
        sets = ["r += row.props"]
        if not keyed:
            sets.append(_ADD_SOURCE.format(v="r"))
        tail = f"MERGE (a)-{rel}->(b) SET " + ", ".join(sets)
        merge_ends = f"MERGE (a:{src} {{{sk}: row.s}}) MERGE (b:{dst} {{{dk}: row.t}}) "
        match_ends = f"MATCH (a:{src} {{{sk}: row.s}}) MATCH (b:{dst} {{{dk}: row.t}}) "
        rows = [_edge_row(e) for e in edges]
        clauses.append(Clause(f"e{i}_{type_}", merge_ends + tail, match_ends + tail, rows))
    return clauses


def write_clauses(batch: GraphBatch) -> list[Clause]:
    return node_clauses(batch) + edge_clauses(batch)


def mark_complete(release_id: str) -> tuple[str, dict[str, Any]]:
    return "MATCH (n:Release {id: $release}) SET n.complete = true", {"release": release_id}


def retract_statements(release_id: str) -> list[tuple[str, dict[str, Any]]]:
    """Statements that remove a release and everything only it supports, in order."""
    p = {"release": release_id}
    stmts: list[tuple[str, dict[str, Any]]] = [
        # first flag it, so a crash half-way leaves a release the next load repairs
        ("MATCH (n:Release {id: $release}) SET n.complete = false", p),
        # an Event other releases still report stays, and names one of them
        (
            "MATCH (e:Event) WHERE $release IN e.sources "
            "SET e.sources = [s IN e.sources WHERE s <> $release]",
            p,
        ),
        (
            "MATCH (e:Event) WHERE size(e.sources) = 0 OR (e.sources IS NULL AND "
            "e.release_id = $release) DETACH DELETE e",
            p,
        ),
        (
            "MATCH (e:Event {release_id: $release}) WHERE size(e.sources) > 0 "
            "SET e.release_id = e.sources[0]",
            p,
        ),
    ]
    for type_ in CONTACT_TYPES:
        stmts.append((f"MATCH ()-[r:{type_} {{release_id: $release}}]->() DELETE r", p))
    for type_ in EDGE_TYPES:
        if type_ in EVENT_BOUND:
            continue
        stmts.append(
            (
                f"MATCH ()-[r:{type_}]->() WHERE $release IN r.sources "
                "SET r.sources = [s IN r.sources WHERE s <> $release]",
                p,
            )
        )
        stmts.append((f"MATCH ()-[r:{type_}]->() WHERE size(r.sources) = 0 DELETE r", p))
    for label in SHARED_LABELS:
        stmts.append(
            (
                f"MATCH (n:{label}) WHERE $release IN n.sources "
                "SET n.sources = [s IN n.sources WHERE s <> $release]",
                p,
            )
        )
        stmts.append((f"MATCH (n:{label}) WHERE size(n.sources) = 0 DETACH DELETE n", p))
    stmts.append(("MATCH (n:Release {id: $release}) DETACH DELETE n", p))
    return stmts


def as_optional(statement: str) -> str:
    """`MATCH ...` -> `OPTIONAL MATCH ...`, so statements can be chained with WITH."""
    return "OPTIONAL " + statement if statement.startswith("MATCH ") else statement


def single_query(
    batch: GraphBatch | None, retract_release: str | None = None
) -> tuple[str, dict[str, Any]]:
    """One statement that (optionally) retracts a release, then writes a batch and marks
    its release complete: atomic on FalkorDB, whose queries run one at a time."""
    segments: list[str] = []
    params: dict[str, Any] = {"release": None}
    if retract_release is not None:
        params["retract"] = retract_release
        for stmt, _ in retract_statements(retract_release):
            segments.append(as_optional(stmt.replace("$release", "$retract")))
    if batch is not None:
        params["release"] = batch.release_id
        foreach = []
        for clause in write_clauses(batch):
            params[clause.name] = clause.rows
            foreach.append(f"FOREACH (row IN ${clause.name} | {clause.body})")
        segments.append("\n".join(foreach))
        if batch.release_id is not None:
            segments.append("OPTIONAL MATCH (c:Release {id: $release}) SET c.complete = true")
    return "\nWITH count(*) AS _\n".join(segments), params


SCHEMA_UNIQUE = [(label, key) for label, key in NODE_KEYS.items()]
SCHEMA_EDGE_INDEXES = [(t, "release_id") for t in CONTACT_TYPES] + [
    (t, "date") for t in CONTACT_TYPES
]
# Event.parties (a list of codes): FalkorDB's range index answers `$code IN e.parties`
# (the party queries start there); Neo4j keeps it as a plain range index
SCHEMA_NODE_INDEXES = [
    ("Event", "release_id"),
    ("Event", "date"),
    ("Event", "parties"),
    ("Official", "state"),
    # a changed text under the same source replaces the old version: looked up per release
    ("Release", "source_uri"),
]
