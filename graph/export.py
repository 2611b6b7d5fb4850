"""Export a GraphSnapshot for other tools: GraphML, GEXF (Gephi), JSON, CSV.

- ``json``: the snapshot itself (``GraphSnapshot.to_json``), what ``analyze --from-json``
  reads back.
- ``graphml``: networkx's writer on a MultiDiGraph; lists and dicts become strings
  (lists joined with ``"; "``, dicts as JSON), None values are left out.
- ``gexf``: GEXF 1.2 written here (namespace ``http://www.gexf.net/1.2draft``, version
  "1.2", the form Gephi and networkx write), static, directed, with declared attributes;
  valid against the GEXF 1.2 schema. Parallel edges keep their relation in ``label``.
- ``csv``: ``nodes.csv`` (Id, Label, kind, properties...) and ``edges.csv`` (Source,
  Target, Type=Directed, relation, properties...) in a directory, or in a ``.zip`` when
  the output path ends with ``.zip``; the column names are those Gephi's spreadsheet
  import recognizes.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from dipgraph.graph.snapshot import GraphSnapshot

FORMATS = ("graphml", "gexf", "json", "csv")
GEXF_NS = "http://www.gexf.net/1.2draft"
LIST_SEP = "; "


def flat_value(value: Any) -> str | int | float | bool | None:
    """A scalar for formats without lists: lists joined, dicts as JSON."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set):
        return LIST_SEP.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def flat_properties(props: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in props.items():
        f = flat_value(v)
        if f is not None and f != "":
            out[k] = f
    return out


def to_flat_networkx(snapshot: GraphSnapshot):
    """A MultiDiGraph with scalar attributes only (``kind`` = node label, ``label`` =
    display name, ``type`` = edge type)."""
    import networkx as nx

    G = nx.MultiDiGraph()
    for n in snapshot.nodes:
        G.add_node(n.key, **flat_properties(n.properties) | {"kind": n.label, "label": n.display})
    for i, e in enumerate(snapshot.edges):
        G.add_edge(
            e.source_key,
            e.target_key,
            key=f"e{i}",
            **flat_properties(e.properties) | {"type": e.type},
        )
    return G


def write_graphml(snapshot: GraphSnapshot, path: str | Path) -> None:
    import networkx as nx

    nx.write_graphml(to_flat_networkx(snapshot), str(path), encoding="utf-8", named_key_ids=True)


def _gexf_type(values: list[Any]) -> str:
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _gexf_str(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _attributes(
    cls: str, rows: list[dict[str, Any]], reserved: set[str]
) -> tuple[ET.Element, dict[str, str]]:
    keys: dict[str, list[Any]] = {}
    for row in rows:
        for k, v in row.items():
            if k not in reserved:
                keys.setdefault(k, []).append(v)
    el = ET.Element("attributes", {"class": cls, "mode": "static"})
    ids = {}
    for i, (k, vals) in enumerate(sorted(keys.items())):
        ids[k] = str(i)
        ET.SubElement(el, "attribute", {"id": str(i), "title": k, "type": _gexf_type(vals)})
    return el, ids


def gexf_tree(snapshot: GraphSnapshot) -> ET.ElementTree:
    node_rows = [flat_properties(n.properties) | {"kind": n.label} for n in snapshot.nodes]
    edge_rows = [flat_properties(e.properties) | {"relation": e.type} for e in snapshot.edges]
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.2"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "dipgraph"
    ET.SubElement(meta, "description").text = "Diplomatic relations knowledge graph"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    node_attrs, node_ids = _attributes("node", node_rows, set())
    edge_attrs, edge_ids = _attributes("edge", edge_rows, set())
    graph.append(node_attrs)
    graph.append(edge_attrs)
    nodes = ET.SubElement(graph, "nodes", {"count": str(len(snapshot.nodes))})
    for n, row in zip(snapshot.nodes, node_rows, strict=True):
        el = ET.SubElement(nodes, "node", {"id": n.key, "label": " ".join(n.display.split())})
        values = ET.SubElement(el, "attvalues")
        for k, v in sorted(row.items()):
            ET.SubElement(values, "attvalue", {"for": node_ids[k], "value": _gexf_str(v)})
    edges = ET.SubElement(graph, "edges", {"count": str(len(snapshot.edges))})
    for i, (e, row) in enumerate(zip(snapshot.edges, edge_rows, strict=True)):
        el = ET.SubElement(
            edges,
            "edge",
            {
                "id": f"e{i}",
                "source": e.source_key,
                "target": e.target_key,
                "label": e.type,
                "weight": "1.0",
            },
        )
        values = ET.SubElement(el, "attvalues")
        for k, v in sorted(row.items()):
            ET.SubElement(values, "attvalue", {"for": edge_ids[k], "value": _gexf_str(v)})
    ET.indent(root, space=" ")
    return ET.ElementTree(root)


def write_gexf(snapshot: GraphSnapshot, path: str | Path) -> None:
    gexf_tree(snapshot).write(str(path), encoding="utf-8", xml_declaration=True)


def _csv_tables(snapshot: GraphSnapshot) -> dict[str, str]:
    node_rows = [
        {"Id": n.key, "Label": n.display, "kind": n.label} | flat_properties(n.properties)
        for n in snapshot.nodes
    ]
    edge_rows = [
        {
            "Source": e.source_key,
            "Target": e.target_key,
            "Type": "Directed",
            "relation": e.type,
            "Weight": 1,
        }
        | flat_properties(e.properties)
        for e in snapshot.edges
    ]
    out = {}
    for name, rows, first in (
        ("nodes.csv", node_rows, ["Id", "Label", "kind"]),
        ("edges.csv", edge_rows, ["Source", "Target", "Type", "relation", "Weight"]),
    ):
        cols = list(first)
        for row in rows:
            cols += [k for k in row if k not in cols]
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        out[name] = buf.getvalue()
    return out


def write_csv(snapshot: GraphSnapshot, path: str | Path) -> list[Path]:
    """nodes.csv + edges.csv into directory ``path`` (created), or into ``path`` as a zip
    when it ends with ``.zip``. Returns what was written."""
    path = Path(path)
    tables = _csv_tables(snapshot)
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, text in tables.items():
                zf.writestr(name, text)
        return [path]
    path.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in tables.items():
        (path / name).write_text(text, encoding="utf-8")
        written.append(path / name)
    return written


def export(snapshot: GraphSnapshot, fmt: str, path: str | Path) -> list[Path]:
    """Write ``snapshot`` as ``fmt`` (graphml|gexf|json|csv) to ``path``."""
    fmt = fmt.lower()
    if fmt == "graphml":
        write_graphml(snapshot, path)
    elif fmt == "gexf":
        write_gexf(snapshot, path)
    elif fmt == "json":
        snapshot.to_json(path)
    elif fmt == "csv":
        return write_csv(snapshot, path)
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {FORMATS}")
    return [Path(path)]
