"""GraphSnapshot and NetworkX analysis on the fixture graph (tests/fixture_graph.py)."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner
from fixture_graph import PAYLOAD_IMG, fixture_batch, fixture_graph

from dipgraph.graph import analysis as A
from dipgraph.graph.model import CONTACT_TYPES
from dipgraph.graph.snapshot import GraphSnapshot, actor_state


@pytest.fixture
def snap() -> GraphSnapshot:
    return fixture_graph()


def edge_ids(s: GraphSnapshot) -> set[tuple]:
    return {(e.source_key, e.target_key, e.type, e.properties.get("event_id")) for e in s.edges}


# -- snapshot --------------------------------------------------------------------------


def test_snapshot_keys_follow_merge_keys(snap: GraphSnapshot) -> None:
    keys = {n.key for n in snap.nodes}
    assert {"State:KZ", "State:NL", "State:NO", "State:AM", "Organization:org:eu"} <= keys
    assert "Organization:org:un" in keys
    assert all(n.key == f"{n.label}:{n.merge_key}" for n in snap.nodes)
    # every edge points at nodes of the snapshot
    assert all(e.source_key in keys and e.target_key in keys for e in snap.edges)
    # the release text stays out by default
    assert all("text" not in n.properties for n in snap.nodes if n.label == "Release")
    assert snap.counts == fixture_batch().counts


def test_snapshot_json_round_trip(snap: GraphSnapshot, tmp_path) -> None:
    path = tmp_path / "g.json"
    snap.to_json(path)
    back = GraphSnapshot.from_json(path)
    assert back.to_dict() == snap.to_dict()
    assert GraphSnapshot.from_json(snap.to_json()).counts == snap.counts
    # payloads survive as data
    assert any(n.properties.get("name") == PAYLOAD_IMG for n in back.nodes)
    with pytest.raises(ValueError):
        GraphSnapshot.from_dict({"format": "something-else", "nodes": [], "edges": []})


def test_actor_state_mapping(snap: GraphSnapshot) -> None:
    idx = snap.node_index()
    assert actor_state(idx["State:KZ"]) == "KZ"
    assert actor_state(idx["Organization:org:eu"]) == "EU"
    officials = [n for n in snap.nodes if n.label == "Official"]
    assert {actor_state(n) for n in officials} == {"KZ", "AM", "NO", "NL", "CN"}


def test_filter_by_state_date_and_type(snap: GraphSnapshot) -> None:
    nl = snap.filter(state="nl")
    events = nl.events()
    assert events and all("NL" in ev["parties"] for ev in events.values())
    # 2024 and 2026 consultations, the 2025 meeting, credentials and seminar, the 2026
    # trilateral meeting, and the payload release's undated meeting
    assert len(events) == 7
    y2025 = snap.filter(date_from="2025", date_to="2025-12-31")
    assert sorted(ev["date"] for ev in y2025.events().values()) == ["2025-02-20"] * 3
    # undated events never match a date bound
    assert all(ev["date"] for ev in y2025.events().values())
    acc = snap.filter(types=["accredited"])
    assert {e.type for e in acc.contact_edges()} == {"ACCREDITED"}
    # structural edges of kept nodes come along: the ambassador's REPRESENTS and POSTED_IN
    assert {"REPRESENTS", "POSTED_IN", "INVOLVES", "REPORTS"} <= {e.type for e in acc.edges}
    keys = {n.key for n in acc.nodes}
    assert all(e.source_key in keys and e.target_key in keys for e in acc.edges)


def test_from_store_matches_from_batch(store) -> None:
    batch = fixture_batch()
    store.write(batch)
    from_store = GraphSnapshot.from_store(store)
    from_batch = GraphSnapshot.from_batch(batch)
    assert {n.key for n in from_store.nodes} == {n.key for n in from_batch.nodes}
    assert edge_ids(from_store) == edge_ids(from_batch)
    ev_store = from_store.events()
    ev_batch = from_batch.events()
    assert {k: sorted(v["parties"]) for k, v in ev_store.items()} == {
        k: sorted(v["parties"]) for k, v in ev_batch.items()
    }
    nl = GraphSnapshot.from_store(store, state="NL", types=["CONSULTED"], date_from="2025")
    assert sorted(ev["date"] for ev in nl.events().values()) == ["2026-03-03"]
    nl = GraphSnapshot.from_store(store, state="NL", types=["MET", "CONSULTED"])
    assert sorted(ev["date"] or "-" for ev in nl.events().values()) == [
        "-",  # the undated meeting
        "2024-05-14",
        "2025-02-20",
        "2026-03-03",
        "2026-04-15",
    ]


# -- analysis --------------------------------------------------------------------------


def test_state_projection_weights(snap: GraphSnapshot) -> None:
    P = A.state_projection(snap)
    assert set(P.nodes) == {"KZ", "NL", "NO", "AM", "CN", "RU", "DE", "MK", "EU", "UN"}
    assert P.nodes["EU"]["kind"] == "igo" and P.nodes["UN"]["kind"] == "igo"
    assert P.edges["KZ", "NL"]["weight"] == 6
    assert P.edges["KZ", "NL"]["types"] == {"CONSULTED": 2, "MET": 2, "ACCREDITED": 1, "HOSTED": 1}
    assert P.edges["KZ", "NL"]["years"] == {2024: 1, 2025: 3, 2026: 2}
    assert P.edges["KZ", "AM"]["weight"] == 2
    assert P.edges["NL", "NO"]["years"] == {"undated": 1}
    # the trilateral meeting links all three pairs once
    assert P.edges["CN", "NL"]["weight"] == 1 and P.edges["KZ", "CN"]["types"]["MET"] == 1
    # the consulate's HOSTED event in Kazan has one party: KZ counts it, RU (venue) does not
    assert P.nodes["KZ"]["contacts"] == 19
    assert P.nodes["RU"]["contacts"] == 1
    assert P.edges["KZ", "NL"]["evidence"][0]["sentence"].startswith("В Гааге")  # the first
    only_met = A.state_projection(snap, types=["MET"])
    assert only_met.edges["KZ", "NL"]["weight"] == 2 and not only_met.has_edge("KZ", "RU")


def test_centrality_rows(snap: GraphSnapshot) -> None:
    rows = A.centrality(A.state_projection(snap))
    assert rows[0]["node"] == "KZ"  # the hub of every contact
    by = {r["node"]: r for r in rows}
    assert by["KZ"]["betweenness"] == pytest.approx(1.0)
    assert by["NL"]["betweenness"] == 0  # its partners CN and NO also meet KZ
    assert by["KZ"]["strength"] == 19 and by["NL"]["strength"] == 8
    assert sum(r["pagerank"] for r in rows) == pytest.approx(1.0, abs=1e-5)
    assert by["NL"]["pagerank"] > by["NO"]["pagerank"] > by["RU"]["pagerank"]
    assert by["NL"]["eigenvector"] > by["NO"]["eigenvector"] > by["AM"]["eigenvector"]
    assert by["AM"]["eigenvector"] > by["RU"]["eigenvector"]
    assert {r["betweenness_method"] for r in rows} == {"exact"}


def test_pagerank_matches_networkx_reference() -> None:
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    G = nx.les_miserables_graph()
    ours = A.pagerank(G)
    ref = _pagerank_python(G, tol=1e-12, max_iter=500)
    assert max(abs(ours[n] - ref[n]) for n in G) < 1e-6


def test_betweenness_sampled_above_threshold() -> None:
    G = nx.connected_watts_strogatz_graph(400, 6, 0.1, seed=3)
    exact, m1 = A.betweenness(G, exact_max_nodes=1000)
    sampled, m2 = A.betweenness(G, exact_max_nodes=100, k=150, seed=7)
    again, _ = A.betweenness(G, exact_max_nodes=100, k=150, seed=7)
    assert m1 == "exact" and m2 == "sampled k=150"
    assert sampled == again  # seeded
    top_exact = set(sorted(G, key=exact.get, reverse=True)[:20])
    top_sampled = set(sorted(G, key=sampled.get, reverse=True)[:20])
    assert len(top_exact & top_sampled) >= 12


def test_louvain_finds_planted_communities() -> None:
    G = nx.Graph()
    a = [f"A{i}" for i in range(6)]
    b = [f"B{i}" for i in range(6)]
    for group in (a, b):
        for u in group:
            for v in group:
                if u < v:
                    G.add_edge(u, v, weight=5)
    G.add_edge("A0", "B0", weight=1)
    rows = A.communities(G, seed=1)
    groups: dict[int, set] = {}
    for r in rows:
        groups.setdefault(r["community"], set()).add(r["node"])
    assert sorted(map(sorted, groups.values())) == [sorted(a), sorted(b)]
    assert rows[0]["modularity"] > 0.4
    assert A.communities(G, seed=1) == rows


def test_bilateral_intensity_and_trend(snap: GraphSnapshot) -> None:
    rows = A.bilateral_intensity(snap, "nl", "KZ")
    assert [(r["year"], r["contacts"]) for r in rows] == [(2024, 1), (2025, 3), (2026, 2)]
    assert rows[1]["MET"] == rows[1]["ACCREDITED"] == rows[1]["HOSTED"] == 1
    assert rows[1]["CONSULTED"] == 0
    t = A.trend(rows)
    assert t["slope"] == pytest.approx(0.5) and t["total"] == 6  # least squares over 1, 3, 2
    no = A.bilateral_intensity(snap, "NL", "NO")
    assert no == [
        {"a": "NL", "b": "NO", "year": "undated", "contacts": 1}
        | {t: int(t == "MET") for t in CONTACT_TYPES}
    ]
    assert A.trend(no)["slope"] is None


def test_ego_network_of_an_official(snap: GraphSnapshot) -> None:
    G = A.actor_graph(snap)
    rows = A.ego_rows(G, "Алибек Бакаев")
    assert [r["label"] for r in rows] == ["Питер ван Дейк", "Амбарцум Матевосян", "Чжан Вэй"]
    assert rows[0]["weight"] == 2 and rows[0]["types"] == "MET:2"  # 2025, and 2026's trio
    assert [r["label"] for r in A.ego_rows(G, "Болат Иманбаев")] == ["Амбарцум Матевосян"]
    E = A.ego_network(A.state_projection(snap), "NL")
    assert set(E) == {"NL", "KZ", "CN", "NO"}
    with pytest.raises(KeyError):
        A.resolve_node(G, "Nobody At All")


def test_k_core_and_summary(snap: GraphSnapshot) -> None:
    G = nx.barbell_graph(5, 2)
    core = A.k_core(G)
    assert core.number_of_nodes() == 10  # the two 5-cliques (core number 4)
    rows = {r["metric"]: r["value"] for r in A.summary(snap)}
    assert rows["nodes"] == len(snap.nodes) and rows["edges"] == len(snap.edges)
    # 10 seed events, 3 + 3 + 3 in the other releases, the payload release's one
    assert rows["events"] == 20 and rows["events.undated"] == 1
    assert rows["date.first"] == "2024-05-14" and rows["date.last"] == "2026-04-15"
    assert rows["projection.pairs"] == 11
    assert rows["pair1"] == "KZ-NL: 6"


# -- CLI -------------------------------------------------------------------------------


def test_cli_analyze_from_json(snap: GraphSnapshot, tmp_path) -> None:
    from dipgraph.cli import cli

    path = tmp_path / "g.json"
    fixture_graph(payloads=False).to_json(path)
    runner = CliRunner()
    res = runner.invoke(
        cli, ["analyze", "centrality", "--from-json", str(path), "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows[0]["node"] == "KZ"
    res = runner.invoke(
        cli,
        [
            "analyze",
            "bilateral",
            "-a",
            "KZ",
            "-b",
            "NL",
            "--from-json",
            str(path),
            "--format",
            "csv",
        ],
    )
    assert res.exit_code == 0, res.output
    lines = res.output.strip().splitlines()
    assert lines[0].startswith("a,b,year,contacts")
    assert lines[1].startswith("KZ,NL,2024,1")
    res = runner.invoke(
        cli, ["analyze", "bilateral", "-a", "KZ", "-b", "NL", "--from-json", str(path)]
    )
    assert res.exit_code == 0 and "trend: +0.50 contacts/year" in res.output
    res = runner.invoke(cli, ["analyze", "communities", "--from-json", str(path)])
    assert res.exit_code == 0 and "KZ" in res.output
    res = runner.invoke(
        cli, ["analyze", "ego", "--official", "Болат Иманбаев", "--from-json", str(path)]
    )
    assert res.exit_code == 0 and "Амбарцум Матевосян" in res.output, res.output
    res = runner.invoke(cli, ["analyze", "summary", "--from-json", str(path), "--format", "json"])
    assert res.exit_code == 0
    assert {"metric": "projection.pairs", "value": 10} in json.loads(res.output)  # no NL-NO
    res = runner.invoke(cli, ["analyze", "bilateral", "-a", "KZ", "--from-json", str(path)])
    assert res.exit_code != 0 and "-b" in res.output
