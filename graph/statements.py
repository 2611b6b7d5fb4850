"""Portable Cypher that writes a GraphBatch and retracts a release.

One text for Neo4j 5 and FalkorDB (see docs/cypher-subset.md). Each label and each edge shape
becomes one clause applied to a list of flat rows; the embedded store runs all clauses of a
release in one atomic query (FOREACH), the neo4j store as UNWIND statements in one
transaction. Labels and types come from the model's fixed lists, never from user input.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
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

# Shared entities and the structural edges between them count the releases that wrote them
# (`refs`), and each Release lists what it counted (`held_<Label>` keys;
# `held_<TYPE>_<Src>_<Dst>` and its `_to` twin, the two ends), set in the same statement
# as the counts. A retraction takes back exactly its own counts, and a write costs the
# same however many releases share a node: a list of releases on each shared node (the
# home state is in nearly every release) made each write slower than the last.
# An Event keeps the list of its releases (`sources`): only the few that report it.
_ADD_SOURCE = (
    "{v}.sources = CASE WHEN $release IS NULL OR $release IN coalesce({v}.sources, []) "
    "THEN {v}.sources ELSE coalesce({v}.sources, []) + $release END"
)
_COUNT = "{v}.refs = coalesce({v}.refs, 0) + 1"
# an official written another way by another release (another script or romanization)
# keeps the earlier spelling among its aliases; set before the name is overwritten
_ALIASES = (
    "n.aliases = coalesce(n.aliases, []) + "
    "[a IN row.aliases + CASE WHEN n.name IS NULL OR n.name = row.props.name THEN [] "
    "ELSE [n.name] END WHERE NOT a IN coalesce(n.aliases, [])]"
)
SHARED_LABELS = ("State", "Organization", "Official", "Venue")
EVENT_BOUND = CONTACT_TYPES + ("INVOLVES", "AT", "REPORTS")
COUNTED_TYPES = tuple(t for t in EDGE_TYPES if t not in EVENT_BOUND)
# An Event known to the day is keyed by what happened (graph.model.event_id), so releases
# in two languages that report it share the node; each release keeps its own contact
# edge (keyed by event and release), with its own evidence sentence.


HELD_PREFIX = "held_"


def held_name(label_or_type: str, source: str | None = None, target: str | None = None) -> str:
    """The Release property listing the keys of a label, or the sources of an edge shape
    (its `_to` twin lists the targets)."""
    return HELD_PREFIX + "_".join([label_or_type] + ([source, target] if source and target else []))


# every held property a release can carry -> (label,) or (type, source label, target label)
HELD_SHAPES: dict[str, tuple[str, ...]] = {
    held_name(label): (label,) for label in (*SHARED_LABELS, "Event")
} | {held_name(t, a, b): (t, a, b) for t in COUNTED_TYPES for a in NODE_LABELS for b in NODE_LABELS}


@dataclass
class Clause:
    """An updating clause over `row`, and the rows it applies to."""

    name: str
    body: str  # MERGE/SET over `row`; endpoints bound by MERGE (FOREACH) or MATCH (UNWIND)
    unwind_body: str
    rows: list[dict[str, Any]]
    # (Release property, row field) pairs recorded on the release (see HELD_SHAPES)
    held: tuple[tuple[str, str], ...] = ()

    def held_sets(self, param: str) -> list[str]:
        """SET items that add the rows of `$param` to what the release `c` holds."""
        return [
            f"c.{name} = coalesce(c.{name}, []) + [row IN ${param} | row.{field}]"
            for name, field in self.held
        ]

    def foreach_statement(self) -> str:
        """The clause over `$rows` as one FalkorDB statement (a chunk of a large write)."""
        return f"FOREACH (row IN $rows | {self.body})" + self._record("rows")

    def unwind_statement(self) -> str:
        """The clause over `$rows` as one UNWIND statement (Neo4j)."""
        return "UNWIND $rows AS row " + self.unwind_body + self._record("rows")

    def _record(self, param: str) -> str:
        if not self.held:
            return ""
        sets = ", ".join(self.held_sets(param))
        return f" WITH count(*) AS _ MATCH (c:Release {{id: $release}}) SET {sets}"


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
    """One clause per label, the Release first: the others record themselves on it."""
    counted = batch.release_id is not None  # a bulk batch (no release) counts nothing
    clauses = []
    for label, nodes in sorted(batch.nodes_by_label().items(), key=_release_first):
        key = NODE_KEYS[_check_label(label)]
        sets = [_ALIASES] if label == "Official" else []
        sets.append("n += row.props")
        held: tuple[tuple[str, str], ...] = ()
        if label in SHARED_LABELS and counted:
            sets.append(_COUNT.format(v="n"))
            held = ((held_name(label), "key"),)
        if label == "Event":
            sets.append(_ADD_SOURCE.format(v="n"))
            held = ((held_name(label), "key"),) if counted else ()
        if label == "Release":
            # complete is set by the same statement that writes the rest; see write_query
            sets.append("n.complete = false")
        body = f"MERGE (n:{label} {{{key}: row.key}}) SET " + ", ".join(sets)
        rows = [_node_row(n) for n in nodes]
        clauses.append(Clause(f"n_{label}", body, body, rows, held))
    return clauses


def _release_first(item: tuple[str, list[Node]]) -> tuple[bool, str]:
    return item[0] != "Release", item[0]


def edge_clauses(batch: GraphBatch) -> list[Clause]:
    counted = batch.release_id is not None
    clauses = []
    for i, ((type_, src, dst), edges) in enumerate(sorted(batch.edges_by_shape().items())):
        _check_type(type_)
        sk, dk = NODE_KEYS[_check_label(src)], NODE_KEYS[_check_label(dst)]
        sets = ["r += row.props"]
        held: tuple[tuple[str, str], ...] = ()
        if type_ in CONTACT_TYPES:
            rel = f"[r:{type_} {{event_id: row.event_id, release_id: row.release_id}}]"
            # a release's own contact edges are new (its earlier writes are retracted
            # first): CREATE, where MERGE would read every edge between the two parties
            verb = "CREATE" if counted else "MERGE"
        elif type_ in EVENT_BOUND:
            rel, verb = f"[r:{type_} {{event_id: row.event_id}}]", "MERGE"
        else:
            rel, verb = f"[r:{type_}]", "MERGE"
            if counted:
                sets.append(_COUNT.format(v="r"))
                name = held_name(type_, src, dst)
                held = ((name, "s"), (f"{name}_to", "t"))
        tail = f"{verb} (a)-{rel}->(b) SET " + ", ".join(sets)
        merge_ends = f"MERGE (a:{src} {{{sk}: row.s}}) MERGE (b:{dst} {{{dk}: row.t}}) "
        match_ends = f"MATCH (a:{src} {{{sk}: row.s}}) MATCH (b:{dst} {{{dk}: row.t}}) "
        rows = [_edge_row(e) for e in edges]
        clauses.append(Clause(f"e{i}_{type_}", merge_ends + tail, match_ends + tail, rows, held))
    return clauses


def write_clauses(batch: GraphBatch) -> list[Clause]:
    return node_clauses(batch) + edge_clauses(batch)


def mark_complete(release_id: str) -> tuple[str, dict[str, Any]]:
    return "MATCH (n:Release {id: $release}) SET n.complete = true", {"release": release_id}


def retract_statements(
    release_id: str, held: Mapping[str, list] | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """Statements that remove a release and everything only it supports, in order.
    `held`: the release's held properties and their values (the store reads them first);
    names outside HELD_SHAPES are ignored, so no text from the graph becomes Cypher."""
    held = held or {}
    p = {"release": release_id}
    shapes = {name: HELD_SHAPES[name] for name in sorted(held) if name in HELD_SHAPES}
    # first flag it, so a crash half-way leaves a release the next load repairs
    stmts = [("MATCH (n:Release {id: $release}) SET n.complete = false", p)]
    if "held_Event" in shapes:
        # an Event other releases still report stays, and names one of them
        q = dict(p, held_Event=list(held["held_Event"]))
        each = "UNWIND $held_Event AS k MATCH (e:Event {id: k}) WITH DISTINCT e "
        stmts += [
            (each + "SET e.sources = [s IN e.sources WHERE s <> $release]", q),
            (each + "WHERE size(e.sources) = 0 DETACH DELETE e", q),
            (each + "WHERE e.release_id = $release SET e.release_id = e.sources[0]", q),
        ]
    for type_ in CONTACT_TYPES:
        stmts.append((f"MATCH ()-[r:{type_} {{release_id: $release}}]->() DELETE r", p))
    for name, shape in shapes.items():
        if len(shape) == 3:
            type_, src, dst = shape
            ends = zip(held[name], held.get(f"{name}_to", []), strict=False)
            q = dict(p, **{name: [{"s": s, "t": t} for s, t in ends]})
            each = (
                f"UNWIND ${name} AS row MATCH (a:{src} {{{NODE_KEYS[src]}: row.s}})"
                f"-[r:{type_}]->(b:{dst} {{{NODE_KEYS[dst]}: row.t}}) WITH DISTINCT r "
            )
            stmts += [
                (each + "SET r.refs = r.refs - 1", q),
                (each + "WHERE r.refs <= 0 DELETE r", q),
            ]
    for name, shape in shapes.items():
        if len(shape) == 1 and shape[0] in SHARED_LABELS:
            label = shape[0]
            q = dict(p, **{name: list(held[name])})
            each = (
                f"UNWIND ${name} AS k MATCH (n:{label} {{{NODE_KEYS[label]}: k}}) WITH DISTINCT n "
            )
            stmts += [
                (each + "SET n.refs = n.refs - 1", q),
                (each + "WHERE n.refs <= 0 DETACH DELETE n", q),
            ]
    stmts.append(("MATCH (n:Release {id: $release}) DETACH DELETE n", p))
    return stmts


def legacy_probe_statements() -> list[str]:
    """Each answers n > 0 if the graph still keeps lists of releases (`sources`) on shared
    nodes or structural edges, as graphs written before the counts did."""
    nodes = [
        f"MATCH (n:{label}) WHERE n.sources IS NOT NULL WITH n LIMIT 1 RETURN count(n) AS n"
        for label in SHARED_LABELS
    ]
    edges = [
        f"MATCH ()-[r:{t}]->() WHERE r.sources IS NOT NULL WITH r LIMIT 1 RETURN count(r) AS n"
        for t in COUNTED_TYPES
    ]
    return nodes + edges


def upgrade_statements() -> list[str]:
    """Turn a graph's lists of releases into counts and held lists, in an order that may be
    cut anywhere and run again: the held lists are assigned (not appended) from the lists,
    which go only once their counts are set."""
    held = []
    for label in SHARED_LABELS + ("Event",):
        key, name = NODE_KEYS[label], held_name(label)
        held.append(
            f"MATCH (n:{label}) WHERE n.sources IS NOT NULL UNWIND n.sources AS rid "
            f"WITH rid, collect(n.{key}) AS keys MATCH (c:Release {{id: rid}}) SET c.{name} = keys"
        )
    for type_ in COUNTED_TYPES:
        for src in SHARED_LABELS:
            for dst in SHARED_LABELS:
                name = held_name(type_, src, dst)
                held.append(
                    f"MATCH (a:{src})-[r:{type_}]->(b:{dst}) WHERE r.sources IS NOT NULL "
                    f"UNWIND r.sources AS rid WITH rid, collect([a.{NODE_KEYS[src]}, "
                    f"b.{NODE_KEYS[dst]}]) AS ends MATCH (c:Release {{id: rid}}) "
                    f"SET c.{name} = [e IN ends | e[0]], c.{name}_to = [e IN ends | e[1]]"
                )
    counts = [
        f"MATCH (n:{label}) WHERE n.sources IS NOT NULL "
        "SET n.refs = size(n.sources), n.sources = null"
        for label in SHARED_LABELS
    ] + [
        f"MATCH ()-[r:{t}]->() WHERE r.sources IS NOT NULL "
        "SET r.refs = size(r.sources), r.sources = null"
        for t in COUNTED_TYPES
    ]
    return held + counts


def as_optional(statement: str) -> str:
    """`MATCH ...` -> `OPTIONAL MATCH ...`, so statements can be chained with WITH."""
    return "OPTIONAL " + statement if statement.startswith("MATCH ") else statement


def single_query(
    batch: GraphBatch | None,
    retract_release: str | None = None,
    retract_held: Mapping[str, list] | None = None,
) -> tuple[str, dict[str, Any]]:
    """One statement that (optionally) retracts a release (`retract_held`: its held
    properties), then writes a batch, records what it counted and marks its release
    complete: atomic on FalkorDB, whose queries run one at a time."""
    segments: list[str] = []
    params: dict[str, Any] = {"release": None}
    if retract_release is not None:
        params["retract"] = retract_release
        for stmt, stmt_params in retract_statements(retract_release, retract_held):
            segments.append(as_optional(stmt.replace("$release", "$retract")))
            params.update((k, v) for k, v in stmt_params.items() if k != "release")
    if batch is not None:
        params["release"] = batch.release_id
        foreach, held = [], []
        for clause in write_clauses(batch):
            params[clause.name] = clause.rows
            foreach.append(f"FOREACH (row IN ${clause.name} | {clause.body})")
            held += clause.held_sets(clause.name)
        segments.append("\n".join(foreach))
        if batch.release_id is not None:
            sets = ", ".join([*held, "c.complete = true"])
            segments.append(f"OPTIONAL MATCH (c:Release {{id: $release}}) SET {sets}")
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
