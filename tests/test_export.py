"""Exports: GEXF valid against the GEXF 1.2 schema, GraphML/GEXF/CSV/JSON round trips."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from fixture_graph import PAYLOAD_IMG, PAYLOAD_SCRIPT, fixture_graph

from dipgraph.graph.export import export, flat_value
from dipgraph.graph.snapshot import GraphSnapshot

# The official GEXF 1.2draft XSDs (gephi/gexf, CC BY 4.0; see data/gexf-schema/README.md):
# the version and namespace networkx writes.
SCHEMA_DIR = Path(__file__).parent / "data" / "gexf-schema" / "1.2draft"


@pytest.fixture(scope="module")
def snap() -> GraphSnapshot:
    return fixture_graph()


def gexf_schema():
    """The official GEXF 1.2draft schema, its includes resolved from SCHEMA_DIR only."""
    from lxml import etree

    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "gexf.xsd"), parser))


def test_flat_values() -> None:
    assert flat_value(["KZ", "NL"]) == "KZ; NL"
    assert flat_value({"b": 1, "a": "x"}) == '{"a": "x", "b": 1}'
    assert flat_value(3) == 3 and flat_value(None) is None


def test_gexf_valid_against_the_official_schema(snap, tmp_path) -> None:
    from lxml import etree

    path = tmp_path / "g.gexf"
    export(snap, "gexf", path)
    schema = gexf_schema()
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log
    # a broken document is rejected, so the check is real
    bad = etree.parse(str(path))
    bad.getroot()[1].set("defaultedgetype", "sideways")
    assert not schema.validate(bad)


def test_gexf_has_the_structure_gephi_reads_and_reads_back(snap, tmp_path) -> None:
    from lxml import etree

    path = tmp_path / "g.gexf"
    export(snap, "gexf", path)
    root = etree.parse(str(path)).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    assert root.tag == "{http://www.gexf.net/1.2draft}gexf" and root.get("version") == "1.2"
    graph = root.find("g:graph", ns)
    assert graph.get("defaultedgetype") in ("directed", "undirected", "mutual")
    declared = {
        (a.getparent().get("class"), a.get("id")): a.get("type")
        for a in graph.iterfind("g:attributes/g:attribute", ns)
    }
    assert all(t in ("integer", "long", "double", "float", "boolean", "string")
               for t in declared.values())  # fmt: skip
    node_ids = [n.get("id") for n in graph.iterfind("g:nodes/g:node", ns)]
    assert len(node_ids) == len(set(node_ids)) == len(snap.nodes)
    for cls, xpath in (("node", "g:nodes/g:node"), ("edge", "g:edges/g:edge")):
        for element in graph.iterfind(xpath, ns):
            for value in element.iterfind("g:attvalues/g:attvalue", ns):
                assert (cls, value.get("for")) in declared
    ids = set(node_ids)
    for edge in graph.iterfind("g:edges/g:edge", ns):
        assert edge.get("source") in ids and edge.get("target") in ids

    G = nx.read_gexf(str(path))
    assert G.number_of_nodes() == len(snap.nodes)
    assert G.number_of_edges() == len(snap.edges)
    kz = G.nodes["State:KZ"]
    assert kz["kind"] == "State" and kz["name_en"] == "Kazakhstan"
    payload = [n for n, d in G.nodes(data=True) if d.get("name") == PAYLOAD_IMG]
    assert len(payload) == 1  # stored as text, escaped by the XML writer
    events = [d for _, d in G.nodes(data=True) if d["kind"] == "Event"]
    assert any(d.get("parties") == "AM; KZ" for d in events)
    relations = sorted(d["relation"] for _, _, d in G.edges(data=True))
    # one CONSULTED edge per consultation; MET between every two officials who met
    assert relations.count("CONSULTED") == 6 and relations.count("MET") == 8
    assert any(isinstance(d.get("start"), int) for _, _, d in G.edges(data=True))


def test_graphml_round_trip(snap, tmp_path) -> None:
    path = tmp_path / "g.graphml"
    export(snap, "graphml", path)
    G = nx.read_graphml(str(path))
    assert G.number_of_nodes() == len(snap.nodes)
    assert G.number_of_edges() == len(snap.edges)
    assert G.nodes["State:NL"]["label"] == "Netherlands"
    types = sorted(d["type"] for _, _, d in G.edges(data=True))
    assert types.count("ACCREDITED") == 2  # Temirov in NL (2025), Andresen in KZ (2026)
    assert any(d.get("name") == PAYLOAD_SCRIPT for _, d in G.nodes(data=True))


def test_csv_directory_and_zip(snap, tmp_path) -> None:
    out = tmp_path / "csv"
    written = export(snap, "csv", out)
    assert sorted(p.name for p in written) == ["edges.csv", "nodes.csv"]
    with open(out / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(out / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert len(nodes) == len(snap.nodes) and len(edges) == len(snap.edges)
    assert {"Id", "Label", "kind"} <= set(nodes[0])
    assert {"Source", "Target", "Type", "relation"} <= set(edges[0])
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)
    sentences = [e["sentence"] for e in edges if e["relation"] == "MET"]
    assert any(PAYLOAD_IMG in s for s in sentences)  # multi-line safe quoting, text intact

    z = tmp_path / "g.zip"
    export(snap, "csv", z)
    with zipfile.ZipFile(z) as zf:
        assert sorted(zf.namelist()) == ["edges.csv", "nodes.csv"]
        assert zf.read("nodes.csv").decode("utf-8") == (out / "nodes.csv").read_text("utf-8")


def test_cli_export_json_feeds_analyze(tmp_path) -> None:
    from dipgraph.cli import cli

    src = tmp_path / "in.json"
    fixture_graph().to_json(src)
    runner = CliRunner()
    out = tmp_path / "nl.json"
    res = runner.invoke(
        cli,
        ["export", "--format", "json", "-o", str(out), "--from-json", str(src), "--state", "NL"],
    )
    assert res.exit_code == 0, res.output
    back = GraphSnapshot.from_json(out)
    assert all("NL" in ev["parties"] for ev in back.events().values())
    res = runner.invoke(cli, ["analyze", "summary", "--from-json", str(out), "--format", "json"])
    rows = {r["metric"]: r["value"] for r in json.loads(res.output)}
    assert rows["events"] == 7  # as in test_analysis's filter by NL
    gexf = tmp_path / "g.gexf"
    res = runner.invoke(
        cli, ["export", "--format", "gexf", "-o", str(gexf), "--from-json", str(src)]
    )
    assert res.exit_code == 0 and gexf.exists()
    html = tmp_path / "g.html"
    res = runner.invoke(
        cli,
        [
            "viz",
            "-o",
            str(html),
            "--from-json",
            str(src),
            "--projection",
            "full",
            "--max-nodes",
            "10",
        ],
    )
    assert res.exit_code == 0, res.output
    full = fixture_graph()
    total = sum(1 for n in full.nodes if n.label != "Release")  # the full view skips those
    assert f"10 nodes (of {total}, --max-nodes)" in res.output
