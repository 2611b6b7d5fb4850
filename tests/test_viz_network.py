"""The pyvis API: `network()` gives a pyvis Network a notebook user can tweak and show();
it renders through pyvis with the project's template and pyvis's own vis-network."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from fixture_graph import PAYLOAD_SCRIPT
from pyvis.network import Network
from test_viz_browser import Page, browser, snap  # noqa: F401  (fixtures)

from dipgraph.graph.viz import build_view, network


def test_network_is_a_pyvis_network_of_the_view(snap) -> None:  # noqa: F811
    view = build_view(snap, projection="states")
    net = network(snap, projection="states", title=PAYLOAD_SCRIPT)
    assert isinstance(net, Network)
    assert net.get_nodes() == [n["id"] for n in view["nodes"]]
    assert {e["id"] for e in net.get_edges()} == {e["id"] for e in view["edges"]}
    kz = net.get_node("KZ")
    assert kz["shape"] == "dot" and kz["color"] == "#2b6cb0" and kz["kind"] == "State"
    assert net.options["physics"]["stabilization"]["iterations"] == 300

    page = net.generate_html()
    vis_js = (
        resources.files("pyvis")
        .joinpath("templates", "lib", "vis-9.1.2", "vis-network.min.js")
        .read_text("utf-8")
    )
    assert f"<script>{vis_js}</script>" in page  # the wheel's copy, inlined
    assert PAYLOAD_SCRIPT not in page  # the heading is escaped everywhere
    assert "cdn" not in page.lower() and "bootstrap" not in page.lower()


@pytest.mark.browser
def test_a_tweaked_network_shows_offline_with_the_tweaks(browser, snap, tmp_path) -> None:  # noqa: F811
    net = network(snap, projection="states")
    net.add_node("ZZ", label="added by hand", color="#000000", shape="box")
    net.add_edge("ZZ", "KZ", title="a hand-made edge")
    net.options["physics"]["stabilization"]["iterations"] = 50
    path = tmp_path / "tweaked.html"
    net.show(str(path))  # what a notebook user calls; writes the file, returns an IFrame

    pg = Page(browser, Path(path))
    assert pg.requests == [pg.url]
    assert pg.errors == []
    assert pg.js("dipgraph.nodes.length") == len(build_view(snap)["nodes"]) + 1
    added = pg.js("dipgraph.nodes.get('ZZ')")
    assert added["label"] == "added by hand" and added["shape"] == "box"
    assert added["color"]["background"] == "#000000"
    assert pg.js("dipgraph.network.physics.options.enabled") is False  # frozen as ever
    assert "ZZ" in pg.js("dipgraph.visibleNodeIds()")
    pg.page.close()
