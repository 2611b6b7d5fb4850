"""GraphSnapshot: the data boundary between the stores and analysis, viz and export.

A snapshot is a plain, JSON-serializable copy of (part of) the graph: nodes keyed by
``f"{label}:{merge_key}"`` (merge key = ``code`` for State, ``id`` otherwise) and typed,
directed edges between those keys. It is built from a :class:`GraphBatch` (tests, loaders)
or from any store that has ``run(cypher, params) -> list[dict]`` (embedded FalkorDB or
Neo4j), using only portable Cypher. ``to_json``/``from_json`` give the format that
``dipgraph export --format json`` writes and ``dipgraph analyze --from-json`` reads.

Nothing here imports networkx: analysis, viz and export build on top of this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dipgraph.graph.model import CONTACT_TYPES, NODE_KEYS, GraphBatch, localized_name
from dipgraph.graph.statements import HELD_PREFIX  # what a release counted: bookkeeping

SNAPSHOT_FORMAT = "dipgraph-snapshot/1"

#: Structural edges that belong to one event (their ``event_id`` or their Event endpoint).
EVENT_BOUND_TYPES = ("INVOLVES", "AT", "REPORTS")

#: Properties too large to carry into a snapshot by default (the release text).
HEAVY_PROPERTIES = {"Release": ("text",)}

# Portable Cypher (runs unchanged on Neo4j 5 and FalkorDB): no labels/types from user
# input, scalars and maps only.
NODES_QUERY = "MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props"
EDGES_QUERY = (
    "MATCH (a)-[r]->(b) "
    "RETURN labels(a)[0] AS al, a.id AS aid, a.code AS acode, "
    "labels(b)[0] AS bl, b.id AS bid, b.code AS bcode, "
    "type(r) AS type, properties(r) AS props"
)


def node_key(label: str, merge_key: str) -> str:
    """The snapshot key of a node: ``"State:KZ"``, ``"Official:official:kz:…"``."""
    return f"{label}:{merge_key}"


def split_key(key: str) -> tuple[str, str]:
    label, _, merge_key = key.partition(":")
    return label, merge_key


@dataclass
class SnapshotNode:
    key: str
    label: str
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def merge_key(self) -> str:
        return split_key(self.key)[1]

    @property
    def display(self) -> str:
        """A human label: a State's name or code, anything else's name/title/type."""
        p = self.properties
        if self.label == "State":
            name = p.get("name") or p.get("name_en") or p.get("name_ru")
            return str(name or p.get("code") or self.merge_key)
        if self.label == "Event":
            return f"{p.get('type', 'Event')} {p.get('date') or ''}".strip()
        if self.label == "Release":
            return str(p.get("title") or self.merge_key[:12])
        return str(p.get("name") or p.get("title") or self.merge_key)


@dataclass
class SnapshotEdge:
    source_key: str
    target_key: str
    type: str
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def date(self) -> str | None:
        d = self.properties.get("date")
        return d if isinstance(d, str) and d else None

    @property
    def year(self) -> int | None:
        d = self.date
        return int(d[:4]) if d and d[:4].isdigit() else None

    @property
    def is_contact(self) -> bool:
        return self.type in CONTACT_TYPES


def actor_state(node: SnapshotNode | None) -> str | None:
    """The state (or IGO code) an actor acts for: State.code, Official.state,
    Organization.code for IGOs else Organization.state, Venue.state."""
    if node is None:
        return None
    p = node.properties
    if node.label == "State":
        return p.get("code") or node.merge_key
    if node.label == "Organization":
        return p.get("code") or p.get("state")
    if node.label in ("Official", "Venue"):
        return p.get("state")
    return None


def _in_range(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    if date_from is None and date_to is None:
        return True
    if not date:
        return False
    # ISO strings compare lexicographically; a bare year "2024" or month "2024-03" in the
    # bounds means the whole period.
    if date_from and date[: len(date_from)] < date_from:
        return False
    return not (date_to and date[: len(date_to)] > date_to)


@dataclass
class GraphSnapshot:
    nodes: list[SnapshotNode] = field(default_factory=list)
    edges: list[SnapshotEdge] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def localize(self, lang: str) -> GraphSnapshot:
        """Names in one language (en | ru): each State, IGO and Official gets ``name`` in
        it (graph.model.localized_name), which labels, tooltips and exports show."""
        for node in self.nodes:
            name = localized_name(node.label, node.properties, lang)
            if name and node.label in ("State", "Organization", "Official"):
                node.properties["name"] = name
        self.meta["lang"] = lang
        return self

    # -- construction ----------------------------------------------------------------

    @classmethod
    def from_batch(cls, batch: GraphBatch, *, keep_heavy: bool = False) -> GraphSnapshot:
        nodes = []
        for node in batch.nodes.values():
            props = node.properties()
            if not keep_heavy:
                for name in HEAVY_PROPERTIES.get(node.label, ()):
                    props.pop(name, None)
            nodes.append(SnapshotNode(node_key(node.label, node.key), node.label, props))
        edges = [
            SnapshotEdge(
                node_key(e.source.label, e.source.key),
                node_key(e.target.label, e.target.key),
                e.type,
                dict(e.properties),
            )
            for e in batch.edges.values()
        ]
        return cls(nodes, edges, {"source": "batch"})

    @classmethod
    def from_rows(
        cls, node_rows: Iterable[dict], edge_rows: Iterable[dict], *, keep_heavy: bool = False
    ) -> GraphSnapshot:
        """Build from the rows of NODES_QUERY and EDGES_QUERY (any store)."""
        nodes: list[SnapshotNode] = []
        seen: set[str] = set()
        for row in node_rows:
            label, props = row["label"], dict(row["props"] or {})
            key_prop = NODE_KEYS.get(label, "id")
            if props.get(key_prop) is None:
                continue  # not a dipgraph node
            if not keep_heavy:
                for name in HEAVY_PROPERTIES.get(label, ()):
                    props.pop(name, None)
                props = {k: v for k, v in props.items() if not k.startswith(HELD_PREFIX)}
            key = node_key(label, str(props[key_prop]))
            if key not in seen:
                seen.add(key)
                nodes.append(SnapshotNode(key, label, props))
        edges = []
        for row in edge_rows:
            a = row["acode"] if row["al"] == "State" else row["aid"]
            b = row["bcode"] if row["bl"] == "State" else row["bid"]
            if a is None or b is None:
                continue
            edges.append(
                SnapshotEdge(
                    node_key(row["al"], str(a)),
                    node_key(row["bl"], str(b)),
                    row["type"],
                    dict(row["props"] or {}),
                )
            )
        return cls(nodes, edges, {"source": "store"})

    @classmethod
    def from_store(
        cls,
        store: Any,
        *,
        state: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        types: Iterable[str] | None = None,
    ) -> GraphSnapshot:
        """Read the whole graph with two portable queries, then filter in Python."""
        snap = cls.from_rows(store.run(NODES_QUERY, {}), store.run(EDGES_QUERY, {}))
        return snap.filter(state=state, date_from=date_from, date_to=date_to, types=types)

    # -- JSON ------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": SNAPSHOT_FORMAT,
            "meta": self.meta,
            "nodes": [
                {"key": n.key, "label": n.label, "properties": n.properties} for n in self.nodes
            ],
            "edges": [
                {
                    "source": e.source_key,
                    "target": e.target_key,
                    "type": e.type,
                    "properties": e.properties,
                }
                for e in self.edges
            ],
        }

    def to_json(self, path: str | Path | None = None, *, indent: int | None = None) -> str:
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, sort_keys=False)
        if path is not None:
            Path(path).write_text(text + "\n", encoding="utf-8")
        return text

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GraphSnapshot:
        fmt = data.get("format")
        if fmt != SNAPSHOT_FORMAT:
            raise ValueError(
                f"not a dipgraph snapshot (format {fmt!r}, expected {SNAPSHOT_FORMAT!r})"
            )
        nodes = [
            SnapshotNode(n["key"], n["label"], dict(n.get("properties") or {}))
            for n in data["nodes"]
        ]
        edges = [
            SnapshotEdge(e["source"], e["target"], e["type"], dict(e.get("properties") or {}))
            for e in data["edges"]
        ]
        return cls(nodes, edges, dict(data.get("meta") or {}))

    @classmethod
    def from_json(cls, text_or_path: str | Path) -> GraphSnapshot:
        """Parse JSON text, or read it from a path."""
        if isinstance(text_or_path, Path) or not str(text_or_path).lstrip().startswith("{"):
            text = Path(text_or_path).read_text(encoding="utf-8")
        else:
            text = str(text_or_path)
        return cls.from_dict(json.loads(text))

    # -- access ----------------------------------------------------------------------

    def node_index(self) -> dict[str, SnapshotNode]:
        return {n.key: n for n in self.nodes}

    def contact_edges(self) -> list[SnapshotEdge]:
        return [e for e in self.edges if e.is_contact]

    @property
    def counts(self) -> tuple[int, int]:
        return len(self.nodes), len(self.edges)

    def events(self) -> dict[str, dict[str, Any]]:
        """One record per contact event: id, type, date, parties, contact edges.

        Parties come from the Event node's ``parties`` list when present; otherwise from
        the states of the contact edges' endpoints (a HOSTED edge's venue is not a
        party). Contact edges without an ``event_id`` are events of their own.
        """
        index = self.node_index()
        events: dict[str, dict[str, Any]] = {}
        for i, edge in enumerate(self.contact_edges()):
            eid = edge.properties.get("event_id") or f"edge:{i}"
            ev = events.setdefault(
                eid, {"id": eid, "type": edge.type, "date": edge.date, "edges": [], "states": []}
            )
            ev["edges"].append(edge)
            ev["date"] = ev["date"] or edge.date
            ends = (
                [edge.source_key] if edge.type == "HOSTED" else [edge.source_key, edge.target_key]
            )
            for k in ends:
                s = actor_state(index.get(k))
                if s and s not in ev["states"]:
                    ev["states"].append(s)
        for node in self.nodes:
            if node.label != "Event":
                continue
            p = node.properties
            eid = node.merge_key
            ev = events.setdefault(eid, {"id": eid, "edges": [], "states": []})
            ev["type"] = p.get("type") or ev.get("type")
            ev["date"] = p.get("date") or ev.get("date")
            ev["node"] = node
            if p.get("parties"):
                ev["parties"] = list(dict.fromkeys(p["parties"]))
        for ev in events.values():
            ev.setdefault("parties", ev["states"])
            ev.setdefault("date", None)
            d = ev["date"]
            ev["year"] = int(d[:4]) if isinstance(d, str) and d[:4].isdigit() else None
        return events

    # -- filtering -------------------------------------------------------------------

    def filter(
        self,
        *,
        state: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        types: Iterable[str] | None = None,
    ) -> GraphSnapshot:
        """The part of the graph about matching contact events.

        An event matches when its type is in ``types``, its date lies in
        [date_from, date_to] (undated events never match a date bound) and ``state`` is
        one of its parties. Kept: the matching contact edges and their endpoints, the
        Event nodes and their INVOLVES/AT/REPORTS edges and endpoints, and the
        structural edges (REPRESENTS, MEMBER_OF, ...) leaving any kept node.
        """
        type_set = {t.upper() for t in types} if types else None
        if state is None and date_from is None and date_to is None and type_set is None:
            return GraphSnapshot(list(self.nodes), list(self.edges), dict(self.meta))
        state = state.upper() if state else None
        kept_events = {
            eid
            for eid, ev in self.events().items()
            if (type_set is None or ev.get("type") in type_set)
            and _in_range(ev.get("date"), date_from, date_to)
            and (state is None or state in ev["parties"])
        }
        index = self.node_index()
        keep_nodes: set[str] = set()
        keep_edges: list[SnapshotEdge] = []
        for i, edge in enumerate(self.contact_edges()):
            if (edge.properties.get("event_id") or f"edge:{i}") in kept_events:
                keep_edges.append(edge)
                keep_nodes.update((edge.source_key, edge.target_key))
        event_keys = {node_key("Event", eid) for eid in kept_events}
        keep_nodes.update(k for k in event_keys if k in index)
        for edge in self.edges:
            if edge.type in EVENT_BOUND_TYPES and (
                edge.properties.get("event_id") in kept_events
                or edge.source_key in event_keys
                or edge.target_key in event_keys
            ):
                keep_edges.append(edge)
                keep_nodes.update((edge.source_key, edge.target_key))
        for edge in self.edges:
            if not edge.is_contact and edge.type not in EVENT_BOUND_TYPES:
                if edge.source_key in keep_nodes:
                    keep_edges.append(edge)
                    keep_nodes.add(edge.target_key)
        nodes = [n for n in self.nodes if n.key in keep_nodes]
        meta = dict(self.meta) | {
            "filter": {
                "state": state,
                "from": date_from,
                "to": date_to,
                "types": sorted(type_set or []),
            }
        }
        return GraphSnapshot(nodes, keep_edges, meta)
