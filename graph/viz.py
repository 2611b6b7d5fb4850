"""Interactive, self-contained, offline HTML views of the graph, built with pyvis.

:func:`network` returns the (filtered) graph as a ``pyvis.network.Network``: nodes and
edges added with ``add_node``/``add_edge``, vis-network options in ``net.options`` (a
dict). A notebook user can tweak it (``net.add_node(...)``, ``net.options["physics"]``)
and ``net.show("graph.html")``; ``dipgraph viz`` writes the same Network with
:func:`write_html`.

Rendering goes through pyvis (``Network.generate_html``) with the project's own template
(``templates/viz.html``, set with ``set_template_dir``) instead of pyvis's, which links
CDNs and leaves headings, select menus, "href" titles and option strings unescaped. The
page makes no network request: the vis-network 9.1.2 that the pyvis wheel ships and the
page's own script are inlined; the graph travels as JSON in
``<script type="application/json" id="graph-data">`` with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped; every label and tooltip is put into the DOM with ``textContent``; and a
Content-Security-Policy with the hashes of the two scripts forbids any other script
(inline event handlers included) and any connection.

The page exposes ``window.dipgraph`` (network, DataSets, filter functions, ``stabilized``)
for tests and benchmarks.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dipgraph.graph.model import CONTACT_TYPES
from dipgraph.graph.snapshot import GraphSnapshot

if TYPE_CHECKING:
    from pyvis.network import Network

PROJECTIONS = ("states", "full")

#: colour and vis-network shape per node kind (shapes with the label below them)
NODE_STYLES: dict[str, dict[str, str]] = {
    "State": {"color": "#2b6cb0", "shape": "dot"},
    "IGO": {"color": "#2c7a7b", "shape": "hexagon"},
    "Organization": {"color": "#38a169", "shape": "square"},
    "Official": {"color": "#dd6b20", "shape": "dot"},
    "Venue": {"color": "#805ad5", "shape": "triangle"},
    "Event": {"color": "#718096", "shape": "diamond"},
    "Release": {"color": "#a0aec0", "shape": "star"},
}
EDGE_COLORS: dict[str, str] = {
    "MET": "#e53e3e",
    "ACCREDITED": "#d69e2e",
    "CONSULTED": "#3182ce",
    "HOSTED": "#38a169",
    "REPRESENTS": "#a0aec0",
    "MEMBER_OF": "#b7a1d6",
    "POSTED_IN": "#f6ad55",
    "PART_OF": "#9ae6b4",
    "IN": "#d6bcfa",
    "INVOLVES": "#cbd5e0",
    "AT": "#e9d8fd",
    "REPORTS": "#e2e8f0",
}
#: The full view leaves out Release nodes and REPORTS edges (hubs that only tangle the
#: layout); each tooltip names the release instead.
FULL_VIEW_SKIP_LABELS = ("Release",)
FULL_VIEW_SKIP_TYPES = ("REPORTS",)

MAX_EVIDENCE = 5


TEMPLATE = "viz.html"
#: inside the pyvis wheel: the vis-network its own in-line template uses
VIS_NETWORK = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")


def _templates_dir() -> Path:
    return Path(str(resources.files("dipgraph.graph").joinpath("templates")))


def vis_network_js() -> str:
    """vis-network 9.1.2 as the pyvis wheel ships it (Apache-2.0/MIT, header kept)."""
    return resources.files("pyvis").joinpath(*VIS_NETWORK).read_text("utf-8")


def json_for_script(data: Any) -> str:
    """JSON safe to place inside a <script> element: no '<', '>', '&', U+2028/9 as such."""
    return _script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str))


def _script_safe(json_text: str) -> str:
    """A JSON text with the characters that could end or confuse a <script> escaped (they
    can only occur inside JSON strings, where the \\u escape means the same)."""
    return (
        json_text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# -- view model ------------------------------------------------------------------------


def _info(pairs: list[tuple[str, Any]]) -> list[list[str]]:
    return [[k, str(v)] for k, v in pairs if v not in (None, "", [])]


def _evidence(props: dict[str, Any], type_: str) -> dict[str, Any] | None:
    if not props.get("sentence"):
        return None
    return {
        "type": type_,
        "date": props.get("date"),
        "sentence": props["sentence"],
        "release_id": props.get("release_id"),
        "event_id": props.get("event_id"),
    }


def _states_view(snapshot: GraphSnapshot) -> tuple[list[dict], list[dict]]:
    names: dict[str, tuple[str, str]] = {}
    for node in snapshot.nodes:
        p = node.properties
        if node.label == "State":
            code = p.get("code") or node.merge_key
            names[code] = (
                str(p.get("name") or p.get("name_en") or p.get("name_ru") or code),
                "State",
            )
        elif node.label == "Organization" and p.get("code"):
            names.setdefault(p["code"], (str(p.get("name") or p["code"]), "IGO"))
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = {}
    for ev in snapshot.events().values():
        parties = sorted(set(ev["parties"]))
        for code in parties:
            if code not in nodes:
                label, kind = names.get(code, (code, "State"))
                nodes[code] = {
                    "id": code,
                    "label": code,
                    "name": label,
                    "kind": kind,
                    "contacts": 0,
                }
            nodes[code]["contacts"] += 1
        sentence = None
        release = None
        for e in ev["edges"]:
            sentence = sentence or e.properties.get("sentence")
            release = release or e.properties.get("release_id")
        if ev.get("node") is not None:
            sentence = sentence or ev["node"].properties.get("sentence")
            release = release or ev["node"].properties.get("release_id")
        for i, a in enumerate(parties):
            for b in parties[i + 1 :]:
                edge = edges.setdefault(
                    (a, b), {"id": f"{a}|{b}", "from": a, "to": b, "counts": {}, "evidence": []}
                )
                k = (ev["type"], ev["year"])
                edge["counts"][k] = edge["counts"].get(k, 0) + 1
                if sentence and len(edge["evidence"]) < MAX_EVIDENCE:
                    edge["evidence"].append(
                        {
                            "type": ev["type"],
                            "date": ev["date"],
                            "sentence": sentence,
                            "release_id": release,
                            "event_id": ev["id"],
                        }
                    )
    out_nodes = []
    for n in nodes.values():
        n["info"] = _info(
            [
                ("code", n["id"]),
                ("name", n["name"]),
                ("kind", n["kind"]),
                ("contact events", n["contacts"]),
            ]
        )
        n["label"] = f"{n['id']} {n['name']}" if n["name"] != n["id"] else n["id"]
        out_nodes.append(n)
    out_edges = []
    for e in edges.values():
        e["counts"] = [
            [t, y, c]
            for (t, y), c in sorted(e["counts"].items(), key=lambda kv: (kv[0][0], kv[0][1] or 0))
        ]
        e["structural"] = False
        out_edges.append(e)
    return out_nodes, out_edges


def _node_kind(label: str, props: dict[str, Any]) -> str:
    if label == "Organization" and (props.get("kind") == "igo" or props.get("code")):
        return "IGO"
    return label


def _full_view(snapshot: GraphSnapshot) -> tuple[list[dict], list[dict]]:
    index = snapshot.node_index()
    nodes = []
    for node in snapshot.nodes:
        if node.label in FULL_VIEW_SKIP_LABELS:
            continue
        p = node.properties
        kind = _node_kind(node.label, p)
        info = [("kind", kind if kind != node.label else node.label)]
        if node.label == "Official":
            info += [
                ("name", p.get("name")),
                ("role", p.get("title")),
                ("state", p.get("state")),
                ("also", ", ".join(p.get("aliases") or [])),
            ]
        elif node.label == "State":
            info += [
                ("code", p.get("code")),
                ("name", p.get("name_en")),
                ("name (ru)", p.get("name_ru")),
            ]
        elif node.label == "Organization":
            info += [
                ("name", p.get("name")),
                ("type", p.get("kind")),
                ("state", p.get("state")),
                ("code", p.get("code")),
            ]
        elif node.label == "Venue":
            info += [("name", p.get("name")), ("city", p.get("city")), ("state", p.get("state"))]
        elif node.label == "Event":
            info += [
                ("type", p.get("type")),
                ("format", p.get("format")),
                ("date", p.get("date")),
                ("parties", ", ".join(p.get("parties") or [])),
                ("evidence", p.get("sentence")),
                ("release", p.get("release_id")),
            ]
        label = node.display
        if node.label == "State":
            label = p.get("code") or node.merge_key
        nodes.append(
            {
                "id": node.key,
                "label": label,
                "name": node.display,
                "kind": kind,
                "info": _info(info),
            }
        )
    kept = {n["id"] for n in nodes}
    edges = []
    for i, edge in enumerate(snapshot.edges):
        if (
            edge.type in FULL_VIEW_SKIP_TYPES
            or edge.source_key not in kept
            or edge.target_key not in kept
        ):
            continue
        p = edge.properties
        ev = _evidence(p, edge.type)
        info = _info(
            [
                (k, v)
                for k, v in sorted(p.items())
                if k not in ("sentence", "start", "end", "date", "event_id", "release_id")
            ]
        )
        for key in ("received_by",):
            target = index.get(f"Official:{p.get(key)}")
            if target is not None:
                info = [[k, target.display if k == key else v] for k, v in info]
        edges.append(
            {
                "id": f"e{i}",
                "from": edge.source_key,
                "to": edge.target_key,
                "type": edge.type,
                "counts": [[edge.type, edge.year, 1]],
                "structural": not edge.is_contact,
                "evidence": [ev] if ev else [],
                "info": info,
            }
        )
    return nodes, edges


def build_view(
    snapshot: GraphSnapshot,
    *,
    projection: str = "states",
    max_nodes: int | None = None,
    title: str = "dipgraph",
) -> dict[str, Any]:
    """The data the page draws: nodes, edges (with per type/year counts) and meta."""
    if projection not in PROJECTIONS:
        raise ValueError(f"projection must be one of {PROJECTIONS}, not {projection!r}")
    nodes, edges = (_states_view if projection == "states" else _full_view)(snapshot)
    strength: dict[str, int] = {n["id"]: 0 for n in nodes}
    for e in edges:
        w = sum(c for _, _, c in e["counts"])
        strength[e["from"]] = strength.get(e["from"], 0) + w
        strength[e["to"]] = strength.get(e["to"], 0) + w
    total_nodes, total_edges = len(nodes), len(edges)
    if max_nodes is not None and len(nodes) > max_nodes:
        ranked = sorted(nodes, key=lambda n: (-strength.get(n["id"], 0), n["id"]))
        keep = {n["id"] for n in ranked[:max_nodes]}
        nodes = [n for n in nodes if n["id"] in keep]
        edges = [e for e in edges if e["from"] in keep and e["to"] in keep]
    for n in nodes:
        s = strength.get(n["id"], 0)
        n["value"] = s
        n["size"] = round(min(10 + 5 * math.log2(1 + s), 48), 2)
    years = sorted({y for e in edges for _, y, _ in e["counts"] if y is not None})
    types = sorted(
        {t for e in edges for t, _, _ in e["counts"]},
        key=lambda t: (
            t not in CONTACT_TYPES,
            CONTACT_TYPES.index(t) if t in CONTACT_TYPES else 0,
            t,
        ),
    )
    kinds = sorted(
        {n["kind"] for n in nodes},
        key=lambda k: list(NODE_STYLES).index(k) if k in NODE_STYLES else 99,
    )
    n_edges = len(edges)
    meta = {
        "title": title,
        "projection": projection,
        "nodes": len(nodes),
        "edges": n_edges,
        "total_nodes": total_nodes,
        "total_edges": total_edges,
        "truncated": len(nodes) < total_nodes,
        "years": [years[0], years[-1]] if years else None,
        "types": types,
        "kinds": kinds,
        "node_styles": {k: NODE_STYLES.get(k, {"color": "#4a5568", "shape": "dot"}) for k in kinds},
        "edge_colors": {t: EDGE_COLORS.get(t, "#4a5568") for t in types},
        "stabilization_iterations": 300 if n_edges < 2000 else 200,
        "improved_layout": len(nodes) <= 150,
        "filter": snapshot.meta.get("filter"),
    }
    return {"meta": meta, "nodes": nodes, "edges": edges}


# -- page ------------------------------------------------------------------------------


def vis_options(meta: dict[str, Any]) -> dict[str, Any]:
    """Readable defaults: straight edges, a bounded stabilization (the page then turns
    physics off), hover tooltips of the page's own; cheaper settings above 1,500 edges."""
    big = meta["edges"] > 1500
    return {
        "autoResize": True,
        "layout": {"improvedLayout": bool(meta["improved_layout"]), "randomSeed": 7},
        "nodes": {
            "font": {
                "size": 14,
                "face": "system-ui, DejaVu Sans, sans-serif",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": meta["projection"] == "full", "scaleFactor": 0.5}},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "theta": 0.9 if big else 0.5,
                "gravitationalConstant": -6000,
                "centralGravity": 0.25,
                "springLength": 140,
                "springConstant": 0.03,
                "damping": 0.35,
                "avoidOverlap": 0,
            },
            "minVelocity": 1.0,
            "stabilization": {
                "enabled": True,
                "iterations": meta["stabilization_iterations"],
                "updateInterval": 25,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 80,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def network(
    snapshot: GraphSnapshot,
    *,
    projection: str = "states",
    max_nodes: int | None = None,
    title: str = "dipgraph",
    csp: bool = True,
) -> Network:
    """The graph as a ``pyvis.network.Network`` that renders with the project's template.

    ``projection="states"``: states and IGOs, one edge per pair with contact counts per
    type and year; ``"full"``: officials, organizations, venues and events. Each node and
    edge carries, besides vis-network's own properties, what the page's tooltips, legend
    and filters read (``info``, ``kind``, ``counts``, ``evidence``)."""
    return network_from_view(
        build_view(snapshot, projection=projection, max_nodes=max_nodes, title=title), csp=csp
    )


def network_from_view(view: dict[str, Any], *, csp: bool = True) -> Network:
    """A pyvis Network of a view from :func:`build_view`."""
    from pyvis.network import Network

    meta = view["meta"]
    # directed: pyvis gives each edge an arrow and skips its duplicate check (the view's
    # edges are unique already); the states view is undirected
    net = Network(
        height="100%",
        width="100%",
        directed=meta["projection"] == "full",
        heading=str(meta.get("title") or "dipgraph"),
        cdn_resources="in_line",
    )
    for n in view["nodes"]:
        style = meta["node_styles"].get(n["kind"], {"color": "#4a5568", "shape": "dot"})
        extra = {k: v for k, v in n.items() if k not in ("id", "label", "value")}
        net.add_node(n["id"], label=n["label"], shape=style["shape"], color=style["color"], **extra)
    for e in view["edges"]:
        net.add_edge(e["from"], e["to"], **{k: v for k, v in e.items() if k not in ("from", "to")})
    net.options = vis_options(meta)
    use_template(net, meta, csp=csp)
    return net


def use_template(net: Network, meta: dict[str, Any], *, csp: bool = True) -> None:
    """Point pyvis at the project's template, with the scripts it inlines and the filters
    that escape data for a <script> element."""
    vis_js = vis_network_js()
    app_js = (_templates_dir() / "viz.js").read_text("utf-8")
    policy = (
        "default-src 'none'; "
        f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
        "style-src 'unsafe-inline'; img-src data:; connect-src 'none'; font-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    net.set_template_dir(str(_templates_dir()) + "/", TEMPLATE)
    env = net.templateEnv
    env.filters["script_json"] = json_for_script
    env.filters["script_safe"] = _script_safe
    env.globals.update(meta=meta, vis_js=vis_js, app_js=app_js, csp_policy=policy if csp else "")
    net.prep_notebook()  # show() in a notebook renders the same template


def render_html(
    snapshot: GraphSnapshot,
    *,
    projection: str = "states",
    max_nodes: int | None = None,
    title: str = "dipgraph",
    csp: bool = True,
) -> str:
    """The page for a snapshot, rendered by pyvis."""
    net = network(snapshot, projection=projection, max_nodes=max_nodes, title=title, csp=csp)
    return net.generate_html()


def write_html(
    snapshot: GraphSnapshot,
    path: str | Path,
    *,
    projection: str = "states",
    max_nodes: int | None = None,
    title: str = "dipgraph",
    csp: bool = True,
) -> dict[str, Any]:
    """Write the page (UTF-8, whatever the locale); returns the view's meta (counts,
    truncation, years)."""
    view = build_view(snapshot, projection=projection, max_nodes=max_nodes, title=title)
    Path(path).write_text(network_from_view(view, csp=csp).generate_html(), encoding="utf-8")
    return view["meta"]
