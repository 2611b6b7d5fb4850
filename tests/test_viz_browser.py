"""The viz page in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Never `playwright install`: the system browser is used. Without it the browser tests skip
on a user's machine and fail under CI=true.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import missing_tool
from fixture_graph import PAYLOAD_HREF, PAYLOAD_IMG, PAYLOAD_SCRIPT, fixture_graph

from dipgraph.graph import analysis as A
from dipgraph.graph.snapshot import GraphSnapshot
from dipgraph.graph.viz import build_view, json_for_script, render_html, write_html

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def wait_frozen(page, timeout_s: float = 120.0) -> None:
    """Poll the page's `stabilized` flag. page.evaluate goes through the DevTools protocol;
    wait_for_function would eval() inside the page, which its CSP forbids."""
    import time as _time

    deadline = _time.monotonic() + timeout_s
    while not page.evaluate("!!(window.dipgraph && window.dipgraph.stabilized)"):
        if _time.monotonic() > deadline:
            raise TimeoutError("layout did not freeze in time")
        page.wait_for_timeout(20)


@pytest.fixture(scope="module")
def snap() -> GraphSnapshot:
    return fixture_graph()


# -- without a browser -----------------------------------------------------------------


def test_data_block_is_escaped(snap: GraphSnapshot) -> None:
    page = render_html(snap, projection="full")
    block = re.search(
        r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S
    ).group(1)
    for ch in "<>&\u2028\u2029":
        assert ch not in block
    assert "\\u003cimg src=x onerror" in block
    assert (
        json_for_script({"s": "a\u2028</script>&"})
        == '{"s":"a\\u2028\\u003c/script\\u003e\\u0026"}'
    )
    # no remote reference anywhere in the page (licence headers aside, no URL is loaded)
    assert "cdn" not in page.lower() and "bootstrap" not in page.lower()
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', page)
    assert "Content-Security-Policy" in page


def test_max_nodes_keeps_the_most_connected(snap: GraphSnapshot) -> None:
    view = build_view(snap, projection="full", max_nodes=5)
    assert view["meta"]["nodes"] == 5 and view["meta"]["truncated"]
    ids = {n["id"] for n in view["nodes"]}
    assert "State:KZ" in ids
    assert all(e["from"] in ids and e["to"] in ids for e in view["edges"])


# -- in Chromium -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        missing_tool(f"{CHROMIUM} not found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A loaded viz page with every request and error recorded."""

    def __init__(self, browser, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 820})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(self.url)
        wait_frozen(self.page)

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def hidden_edges(self) -> set[str]:
        return set(self.js("dipgraph.edges.getIds({filter: e => e.hidden})"))

    def hover(self, x: float, y: float) -> str | None:
        self.page.mouse.move(5, 5)
        self.page.mouse.move(x, y, steps=4)
        self.page.wait_for_timeout(150)
        return self.js("dipgraph.tooltipText()")

    def hover_node(self, node_id: str) -> str | None:
        p = self.js("id => dipgraph.domPosition(id)", node_id)
        return self.hover(p["x"], p["y"])

    def hover_edge(self, edge_id: str) -> str | None:
        e = self.js("id => dipgraph.edges.get(id)", edge_id)
        a = self.js("id => dipgraph.domPosition(id)", e["from"])
        b = self.js("id => dipgraph.domPosition(id)", e["to"])
        # a point on the line, away from both nodes
        return self.hover(a["x"] + 0.45 * (b["x"] - a["x"]), a["y"] + 0.45 * (b["y"] - a["y"]))


@pytest.mark.browser
def test_states_view_offline_counts_tooltips_filters(browser, snap, tmp_path) -> None:
    path = tmp_path / "states.html"
    write_html(snap, path, projection="states")
    pg = Page(browser, path)
    assert pg.requests == [pg.url], "the page must make no request but its own file"
    assert pg.errors == []

    # counts: the page's DataSets, the view and NetworkX's projection agree
    P = A.state_projection(snap)
    assert pg.js("dipgraph.nodes.length") == P.number_of_nodes() == 10
    assert pg.js("dipgraph.edges.length") == P.number_of_edges() == 11
    assert pg.js("dipgraph.visibleEdges") == 11
    assert pg.js("dipgraph.network.physics.options.enabled") is False  # frozen

    # tooltips: real mouse hover over an edge and a node
    text = pg.hover_edge("KZ|NL")
    assert text is not None
    assert "Тем временем в Министерстве иностранных дел" in text  # the seed's evidence
    assert "contacts: 6" in text and "CONSULTED 2024: 1" in text and "2025-02-20" in text
    text = pg.hover_node("NO")
    assert text is not None and "Norway" in text and "contact events: 3" in text

    # edge-type toggle, clicked like a user would
    pg.page.click("#type-CONSULTED")
    assert pg.hidden_edges() == {"KZ|RU"}  # the one pair with nothing but consultations
    assert "RU" not in pg.js("dipgraph.visibleNodeIds()")
    assert len(pg.js("dipgraph.visibleNodeIds()")) == 9
    text = pg.hover_edge("KZ|NL")
    assert "contacts: 4 of 6" in text  # the 2024 and 2026 consultations left out
    pg.page.click("#type-CONSULTED")
    assert pg.hidden_edges() == set()

    # year range: keyboard on the "to" slider, 2026 -> 2025
    pg.page.focus("#year-to")
    pg.page.keyboard.press("ArrowLeft")
    assert pg.page.text_content("#year-to-label") == "2025"
    view = build_view(snap, projection="states")
    expected = {
        e["id"] for e in view["edges"] if not any(y is None or y <= 2025 for _, y, _ in e["counts"])
    }
    assert expected == {"KZ|RU", "KZ|UN", "KZ|NO", "EU|KZ", "DE|KZ", "KZ|MK", "CN|NL"}
    assert pg.hidden_edges() == expected
    pg.page.click("#undated")  # drop the undated NL-NO meeting (the payload release)
    assert pg.hidden_edges() == expected | {"NL|NO"}
    assert pg.errors == []
    pg.page.close()


@pytest.mark.browser
@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_planted_payloads_never_run(browser, snap, tmp_path, csp) -> None:
    path = tmp_path / f"full-{csp}.html"
    path.write_text(render_html(snap, projection="full", title=PAYLOAD_SCRIPT, csp=csp), "utf-8")
    pg = Page(browser, path)
    assert pg.requests == [pg.url]
    assert pg.js("typeof window.__pwned") == "undefined"
    assert pg.js("document.querySelectorAll('img, a[href], iframe').length") == 0
    assert pg.js("document.scripts.length") == 3  # data block, vis-network, the app
    assert pg.page.title() == PAYLOAD_SCRIPT  # shown as text

    view = build_view(snap, projection="full")
    assert pg.js("dipgraph.nodes.length") == len(view["nodes"])
    assert pg.js("dipgraph.edges.length") == len(view["edges"])
    payload_nodes = [n["id"] for n in view["nodes"] if n["name"] in (PAYLOAD_IMG, PAYLOAD_SCRIPT)]
    assert len(payload_nodes) == 2
    for node_id in payload_nodes:
        text = pg.hover_node(node_id)
        assert text is not None and (PAYLOAD_IMG in text or PAYLOAD_SCRIPT in text)
        assert PAYLOAD_HREF in text or PAYLOAD_IMG in text  # the planted role (title)
    met = next(
        e["id"] for e in view["edges"] if e.get("type") == "MET" and e["from"] in payload_nodes
    )
    text = pg.hover_edge(met)
    assert text is not None and PAYLOAD_HREF in text and "undated" in text  # the evidence
    # search by a payload name highlights it and its neighbours
    found = pg.js("q => dipgraph.search(q)", PAYLOAD_IMG)
    assert found["id"] in payload_nodes and len(found["neighbours"]) >= 2
    assert pg.js("typeof window.__pwned") == "undefined"
    assert pg.js("document.querySelectorAll('img').length") == 0
    assert pg.errors == []
    pg.page.close()


@pytest.mark.browser
def test_search_highlights_neighbours_and_screenshot(browser, snap, tmp_path) -> None:
    path = tmp_path / "full.html"
    write_html(snap, path, projection="full", title="dipgraph — seed release")
    pg = Page(browser, path)
    pg.page.fill("#search", "Иманбаев")
    pg.page.press("#search", "Enter")
    hl = pg.js("dipgraph.highlighted()")
    imanbaev = next(n for n in snap.nodes if n.properties.get("name") == "Болат Иманбаев").key
    matevosyan = next(n for n in snap.nodes if n.properties.get("name") == "Амбарцум Матевосян").key
    assert imanbaev in hl["nodes"] and matevosyan in hl["nodes"] and "State:AM" in hl["nodes"]
    assert "State:NO" not in hl["nodes"]
    assert "neighbours" in pg.page.text_content("#search-result")
    faded = pg.js("dipgraph.nodes.get('State:NO').color.background")
    assert faded == "#e2e8f0"
    pg.page.click("#search-clear")
    assert pg.js("dipgraph.highlighted()") is None

    # a screenshot of the state view for people to look at
    states = tmp_path / "states.html"
    write_html(snap, states, projection="states", title="dipgraph — state projection")
    pg2 = Page(browser, states)
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "viz.png"
    pg2.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    pg2.hover_edge("KZ|NL")
    pg2.page.screenshot(path=str(ARTIFACTS / "viz-tooltip.png"))
    pg.page.screenshot(path=str(ARTIFACTS / "viz-full.png"))
    pg.page.close()
    pg2.page.close()
