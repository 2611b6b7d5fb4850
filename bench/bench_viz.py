"""Time to a frozen layout in headless Chromium for 3,000 and 10,000 edges.

    .venv/bin/python bench/bench_viz.py [--edges 3000 10000] [--projection full]

Targets: < 5 s for 3,000 edges, < 15 s for 10,000 edges. "Frozen" is the page's
`window.dipgraph.stabilized` flag, set when the bounded stabilization ends and physics is
switched off. Reported: wall time from navigation to the flag (parse + data + layout), and
the page's own measure from script start.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _synth import synthetic_snapshot  # noqa: E402

from dipgraph.graph.viz import build_view, network_from_view  # noqa: E402

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TARGETS = {3000: 5.0, 10000: 15.0}


def wait_frozen(page, timeout_s: float = 120.0) -> None:
    """Poll the page's `stabilized` flag. page.evaluate goes through the DevTools protocol;
    wait_for_function would eval() inside the page, which its CSP forbids."""
    import time as _time

    deadline = _time.monotonic() + timeout_s
    while not page.evaluate("!!(window.dipgraph && window.dipgraph.stabilized)"):
        if _time.monotonic() > deadline:
            raise TimeoutError("layout did not freeze in time")
        page.wait_for_timeout(20)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edges", type=int, nargs="+", default=[3000, 10000])
    ap.add_argument("--projection", default="full", choices=["full", "states"])
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    failed = False
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in args.edges:
            snap = synthetic_snapshot(n)
            t = time.perf_counter()
            view = build_view(snap, projection=args.projection)
            html = network_from_view(view).generate_html()
            build_s = time.perf_counter() - t
            path = Path(tmp) / f"g{n}.html"
            path.write_text(html, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1280, "height": 820})
            requests: list[str] = []
            page.on("request", lambda r, requests=requests: requests.append(r.url))
            t = time.perf_counter()
            page.goto(path.as_uri())
            wait_frozen(page)
            wall = time.perf_counter() - t
            page_ms = page.evaluate("window.dipgraph.stabilizationMs")
            iters = view["meta"]["stabilization_iterations"]
            target = TARGETS.get(n)
            ok = target is None or wall < target
            failed |= not ok
            print(
                f"{args.projection} view, {len(view['edges'])} edges, {len(view['nodes'])} nodes, "
                f"{iters} iterations: frozen after {wall:.2f} s wall "
                f"({page_ms / 1000:.2f} s in page), "
                f"html {len(html) / 1e6:.1f} MB built in {build_s:.2f} s, requests {len(requests)}"
                + (f"  [target < {target:.0f} s: {'ok' if ok else 'MISSED'}]" if target else "")
            )
            page.close()
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
