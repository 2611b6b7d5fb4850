"""Offline analysis with NetworkX over a :class:`GraphSnapshot`.

Graphs:
- :func:`state_projection` — states and IGOs, an undirected edge per pair of parties of
  the same event, weighted by the number of contact events (with counts per type and year);
- :func:`actor_graph` — officials, organizations, states and venues joined by their
  contact edges (MET, ACCREDITED, CONSULTED, HOSTED), collapsed and weighted;
- :func:`to_networkx` — every node and edge of the snapshot, a MultiDiGraph.

Measures return plain rows (lists of dicts) so the CLI can print them as a table, CSV or
JSON: :func:`centrality`, :func:`communities`, :func:`bilateral_intensity` (+ :func:`trend`),
:func:`ego_rows`, :func:`summary`. Randomized algorithms take a ``seed`` and default to 0,
so results are reproducible.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx

from dipgraph.graph.model import CONTACT_TYPES, normalize_name
from dipgraph.graph.snapshot import GraphSnapshot, actor_state

#: Exact betweenness up to this many nodes; above it, k-sampled (k = BETWEENNESS_K).
BETWEENNESS_EXACT_MAX_NODES = 1000
BETWEENNESS_K = 100

UNDATED = "undated"


# -- graphs ----------------------------------------------------------------------------


def _party_names(snapshot: GraphSnapshot) -> dict[str, dict[str, str]]:
    """code -> {label, kind} for states and IGOs known to the snapshot."""
    names: dict[str, dict[str, str]] = {}
    for node in snapshot.nodes:
        p = node.properties
        if node.label == "State":
            code = p.get("code") or node.merge_key
            names[code] = {
                "label": str(p.get("name") or p.get("name_en") or p.get("name_ru") or code),
                "kind": "state",
            }
        elif node.label == "Organization" and p.get("code"):
            names.setdefault(p["code"], {"label": str(p.get("name") or p["code"]), "kind": "igo"})
    return names


def state_projection(
    snapshot: GraphSnapshot,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    types: Iterable[str] | None = None,
) -> nx.Graph:
    """States and IGOs; an edge per pair of parties of an event, weight = contact events.

    Node attributes: ``label``, ``kind`` (state|igo), ``contacts`` (events involving it).
    Edge attributes: ``weight``, ``types`` {type: n}, ``years`` {year|"undated": n},
    ``events`` [event ids], ``evidence`` [up to 5 {sentence, date, type, release_id}],
    ``distance`` (1/weight, for path-based measures).
    """
    if date_from or date_to or types:
        snapshot = snapshot.filter(date_from=date_from, date_to=date_to, types=types)
    names = _party_names(snapshot)
    G = nx.Graph()
    for ev in snapshot.events().values():
        parties = sorted(set(ev["parties"]))
        year = ev["year"] if ev["year"] is not None else UNDATED
        for code in parties:
            if code not in G:
                info = names.get(code, {"label": code, "kind": "state"})
                G.add_node(code, label=info["label"], kind=info["kind"], contacts=0)
            G.nodes[code]["contacts"] += 1
        for a, b in itertools.combinations(parties, 2):
            if not G.has_edge(a, b):
                G.add_edge(a, b, weight=0, types={}, years={}, events=[], evidence=[])
            d = G.edges[a, b]
            d["weight"] += 1
            d["types"][ev["type"]] = d["types"].get(ev["type"], 0) + 1
            d["years"][year] = d["years"].get(year, 0) + 1
            d["events"].append(ev["id"])
            sentence = _event_sentence(ev)
            if sentence and len(d["evidence"]) < 5:
                d["evidence"].append(
                    {
                        "sentence": sentence,
                        "date": ev["date"],
                        "type": ev["type"],
                        "release_id": _event_release(ev),
                    }
                )
    for _, _, d in G.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return G


def _event_sentence(ev: dict[str, Any]) -> str | None:
    for edge in ev["edges"]:
        if edge.properties.get("sentence"):
            return edge.properties["sentence"]
    node = ev.get("node")
    return node.properties.get("sentence") if node is not None else None


def _event_release(ev: dict[str, Any]) -> str | None:
    for edge in ev["edges"]:
        if edge.properties.get("release_id"):
            return edge.properties["release_id"]
    node = ev.get("node")
    return node.properties.get("release_id") if node is not None else None


def actor_graph(snapshot: GraphSnapshot) -> nx.Graph:
    """Actors joined by contact edges, undirected; ``weight`` = contact edges between them."""
    index = snapshot.node_index()
    G = nx.Graph()
    for edge in snapshot.contact_edges():
        for key in (edge.source_key, edge.target_key):
            if key not in G:
                node = index.get(key)
                G.add_node(
                    key,
                    label=node.display if node else key,
                    kind=node.label if node else key.partition(":")[0],
                    state=actor_state(node),
                    title=(node.properties.get("title") if node else None),
                )
        a, b = edge.source_key, edge.target_key
        if a == b:
            continue
        if not G.has_edge(a, b):
            G.add_edge(a, b, weight=0, types={})
        d = G.edges[a, b]
        d["weight"] += 1
        d["types"][edge.type] = d["types"].get(edge.type, 0) + 1
    for _, _, d in G.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return G


def to_networkx(snapshot: GraphSnapshot) -> nx.MultiDiGraph:
    """Every node (attributes: ``label`` = node label, ``name`` = display, properties) and
    every edge (``type`` + properties), keyed by the snapshot's node keys."""
    G = nx.MultiDiGraph()
    for node in snapshot.nodes:
        G.add_node(node.key, **node.properties, label=node.label, name=node.display)
    for edge in snapshot.edges:
        G.add_edge(edge.source_key, edge.target_key, key=None, **edge.properties, type=edge.type)
    return G


# -- measures --------------------------------------------------------------------------


def pagerank(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    alpha: float = 0.85,
    tol: float = 1.0e-10,
    max_iter: int = 200,
) -> dict[Any, float]:
    """Weighted PageRank; networkx's own (needs scipy) when available, else power iteration
    in pure Python (same definition: uniform teleport, dangling mass spread uniformly)."""
    try:
        import scipy  # noqa: F401

        return nx.pagerank(G, alpha=alpha, weight=weight, tol=tol, max_iter=max_iter)
    except ImportError:
        pass
    n = G.number_of_nodes()
    if n == 0:
        return {}
    D = G.to_directed() if not G.is_directed() else G
    out_w = {
        u: sum(d.get(weight, 1) if weight else 1 for _, _, d in D.out_edges(u, data=True))
        for u in D
    }
    x = dict.fromkeys(D, 1.0 / n)
    for _ in range(max_iter):
        prev = x
        dangling = alpha * sum(prev[u] for u in D if out_w[u] == 0) / n
        x = dict.fromkeys(D, (1.0 - alpha) / n + dangling)
        for u in D:
            if out_w[u] == 0:
                continue
            share = alpha * prev[u] / out_w[u]
            for _, v, d in D.out_edges(u, data=True):
                x[v] += share * (d.get(weight, 1) if weight else 1)
        if sum(abs(x[u] - prev[u]) for u in D) < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def betweenness(
    G: nx.Graph,
    *,
    exact_max_nodes: int = BETWEENNESS_EXACT_MAX_NODES,
    k: int = BETWEENNESS_K,
    seed: int = 0,
    distance: str | None = "distance",
) -> tuple[dict[Any, float], str]:
    """Betweenness (normalized), exact up to ``exact_max_nodes`` nodes, else estimated
    from ``k`` seeded source samples. Returns (values, method)."""
    n = G.number_of_nodes()
    has_distance = distance and any(distance in d for _, _, d in G.edges(data=True))
    w = distance if has_distance else None
    if n <= exact_max_nodes:
        return nx.betweenness_centrality(G, weight=w, normalized=True), "exact"
    k = min(k, n)
    return nx.betweenness_centrality(G, k=k, weight=w, normalized=True, seed=seed), f"sampled k={k}"


def centrality(
    G: nx.Graph,
    *,
    weight: str = "weight",
    seed: int = 0,
    exact_max_nodes: int = BETWEENNESS_EXACT_MAX_NODES,
    k: int = BETWEENNESS_K,
    top: int | None = None,
) -> list[dict[str, Any]]:
    """One row per node, by weighted degree: degree, strength (weighted degree), degree
    centrality, eigenvector, PageRank, betweenness (+ method), core number."""
    if G.number_of_nodes() == 0:
        return []
    deg_c = nx.degree_centrality(G)
    try:
        eig = nx.eigenvector_centrality(G, weight=weight, max_iter=1000, tol=1e-8)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        eig = {}
    pr = pagerank(G, weight=weight)
    btw, method = betweenness(G, exact_max_nodes=exact_max_nodes, k=k, seed=seed)
    simple = nx.Graph(G)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    core = nx.core_number(simple)
    rows = []
    for node in G.nodes:
        data = G.nodes[node]
        rows.append(
            {
                "node": node,
                "label": data.get("label", node),
                "kind": data.get("kind"),
                "degree": G.degree(node),
                "strength": G.degree(node, weight=weight),
                "degree_centrality": round(deg_c[node], 6),
                "eigenvector": round(eig[node], 6) if node in eig else None,
                "pagerank": round(pr[node], 6),
                "betweenness": round(btw[node], 6),
                "betweenness_method": method,
                "core": core[node],
            }
        )
    rows.sort(key=lambda r: (-r["strength"], -r["pagerank"], str(r["node"])))
    return rows[:top] if top else rows


def louvain(
    G: nx.Graph, *, weight: str = "weight", seed: int = 0, resolution: float = 1.0
) -> list[set]:
    """Louvain communities (seeded), largest first."""
    if G.number_of_edges() == 0:
        return [{n} for n in G.nodes]
    comms = nx.community.louvain_communities(G, weight=weight, seed=seed, resolution=resolution)
    return sorted(comms, key=lambda c: (-len(c), sorted(map(str, c))))


def communities(
    G: nx.Graph, *, weight: str = "weight", seed: int = 0, resolution: float = 1.0
) -> list[dict[str, Any]]:
    """One row per node: community index (0 = largest), community size, modularity of the
    whole partition."""
    comms = louvain(G, weight=weight, seed=seed, resolution=resolution)
    q = nx.community.modularity(G, comms, weight=weight) if G.number_of_edges() else 0.0
    rows = []
    for i, members in enumerate(comms):
        for node in sorted(members, key=lambda n: (-G.degree(n, weight=weight), str(n))):
            rows.append(
                {
                    "community": i,
                    "size": len(members),
                    "node": node,
                    "label": G.nodes[node].get("label", node),
                    "strength": G.degree(node, weight=weight),
                    "modularity": round(q, 6),
                }
            )
    return rows


def bilateral_intensity(
    snapshot: GraphSnapshot,
    a: str,
    b: str,
    *,
    types: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Contact events between parties ``a`` and ``b`` per year, with counts per type.

    Years between the first and last dated contact are all present (zeros included); an
    ``undated`` row comes last when some events have no date."""
    a, b = a.upper(), b.upper()
    if date_from or date_to or types:
        snapshot = snapshot.filter(date_from=date_from, date_to=date_to, types=types)
    per_year: dict[Any, Counter] = {}
    for ev in snapshot.events().values():
        parties = set(ev["parties"])
        if a in parties and b in parties and a != b:
            key = ev["year"] if ev["year"] is not None else UNDATED
            per_year.setdefault(key, Counter())[ev["type"]] += 1
    years = sorted(y for y in per_year if y != UNDATED)
    keys: list[Any] = list(range(years[0], years[-1] + 1)) if years else []
    if UNDATED in per_year:
        keys.append(UNDATED)
    rows = []
    for y in keys:
        c = per_year.get(y, Counter())
        rows.append(
            {"a": a, "b": b, "year": y, "contacts": sum(c.values())}
            | {t: c.get(t, 0) for t in CONTACT_TYPES}
        )
    return rows


def trend(rows: list[dict[str, Any]], value: str = "contacts") -> dict[str, Any]:
    """Least-squares slope of ``value`` per year over the dated rows (contacts/year), with
    the first/last year and total; slope is None with fewer than two years."""
    pts = [(r["year"], r[value]) for r in rows if isinstance(r["year"], int)]
    total = sum(r[value] for r in rows)
    if len(pts) < 2:
        return {
            "slope": None,
            "years": len(pts),
            "total": total,
            "first": pts[0][0] if pts else None,
            "last": pts[-1][0] if pts else None,
        }
    n = len(pts)
    mx = sum(x for x, _ in pts) / n
    my = sum(y for _, y in pts) / n
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    sxy = sum((x - mx) * (y - my) for x, y in pts)
    return {
        "slope": round(sxy / sxx, 6),
        "years": n,
        "total": total,
        "first": pts[0][0],
        "last": pts[-1][0],
    }


def resolve_node(G: nx.Graph, query: str) -> Any:
    """Find a node by key, merge key, state code or (normalized) name/label."""
    if query in G:
        return query
    for candidate in (query.upper(), f"Official:{query}", f"State:{query.upper()}"):
        if candidate in G:
            return candidate
    q = normalize_name(query)
    matches = [
        n
        for n, d in G.nodes(data=True)
        if normalize_name(str(d.get("label", ""))) == q or str(n).endswith(":" + query)
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        matches = [
            n for n, d in G.nodes(data=True) if q and q in normalize_name(str(d.get("label", "")))
        ]
        if len(matches) == 1:
            return matches[0]
    if matches:
        raise KeyError(
            f"{query!r} is ambiguous: {', '.join(map(str, sorted(matches, key=str)[:10]))}"
        )
    raise KeyError(f"no node matches {query!r}")


def ego_network(G: nx.Graph, center: Any, *, radius: int = 1) -> nx.Graph:
    """The subgraph within ``radius`` hops of ``center`` (a node of G, or a query that
    :func:`resolve_node` understands)."""
    center = resolve_node(G, str(center)) if center not in G else center
    return nx.ego_graph(G, center, radius=radius)


def ego_rows(
    G: nx.Graph, center: Any, *, radius: int = 1, weight: str = "weight"
) -> list[dict[str, Any]]:
    """The ego network as rows: each alter with hop distance and tie weight to the center."""
    center = resolve_node(G, str(center)) if center not in G else center
    E = nx.ego_graph(G, center, radius=radius)
    hops = nx.single_source_shortest_path_length(E, center)
    rows = []
    for node in E.nodes:
        if node == center:
            continue
        tie = G.edges[center, node] if G.has_edge(center, node) else {}
        rows.append(
            {
                "center": center,
                "node": node,
                "label": G.nodes[node].get("label", node),
                "kind": G.nodes[node].get("kind"),
                "hops": hops[node],
                "weight": tie.get(weight, 0),
                "types": ",".join(f"{t}:{n}" for t, n in sorted(tie.get("types", {}).items())),
            }
        )
    rows.sort(key=lambda r: (r["hops"], -r["weight"], str(r["node"])))
    return rows


def k_core(G: nx.Graph, k: int | None = None) -> nx.Graph:
    """The k-core (the main core when k is None), self-loops ignored."""
    simple = nx.Graph(G)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    return nx.k_core(simple, k=k)


def summary(snapshot: GraphSnapshot, *, top: int = 5, seed: int = 0) -> list[dict[str, Any]]:
    """Key figures as (metric, value) rows: counts by label and type, date range, the
    state projection's size, density, components, main core, communities and top states."""
    rows: list[dict[str, Any]] = []

    def add(metric: str, value: Any) -> None:
        rows.append({"metric": metric, "value": value})

    add("nodes", len(snapshot.nodes))
    add("edges", len(snapshot.edges))
    for label, n in sorted(Counter(n.label for n in snapshot.nodes).items()):
        add(f"nodes.{label}", n)
    for type_, n in sorted(Counter(e.type for e in snapshot.edges).items()):
        add(f"edges.{type_}", n)
    events = snapshot.events()
    dates = sorted(ev["date"] for ev in events.values() if ev["date"])
    add("events", len(events))
    add("events.undated", sum(1 for ev in events.values() if not ev["date"]))
    add("date.first", dates[0] if dates else None)
    add("date.last", dates[-1] if dates else None)
    P = state_projection(snapshot)
    add("projection.parties", P.number_of_nodes())
    add("projection.pairs", P.number_of_edges())
    add("projection.density", round(nx.density(P), 6) if P.number_of_nodes() > 1 else 0.0)
    add("projection.components", nx.number_connected_components(P) if P.number_of_nodes() else 0)
    if P.number_of_nodes():
        core = k_core(P)
        add("projection.main_core_size", core.number_of_nodes())
        add("projection.communities", len(louvain(P, seed=seed)))
        for i, r in enumerate(centrality(P, seed=seed, top=top), 1):
            add(f"top{i}", f"{r['node']} ({r['label']}): {r['strength']} contacts")
        strongest = sorted(
            P.edges(data=True), key=lambda e: (-e[2]["weight"], str(e[0]), str(e[1]))
        )[:top]
        for i, (a, b, d) in enumerate(strongest, 1):
            add(f"pair{i}", f"{a}-{b}: {d['weight']}")
    return rows
