"""`dipgraph sync` throughput against a local site (127.0.0.1): a feed of N release pages
with ETags. Prints pages a second for the first run (fetch, extract, write) and the
second (every page a 304, nothing extracted), with the politeness limits lifted so
that dipgraph itself is measured, not the rate it keeps to by default (1 request/s).

    python bench/bench_sync.py --pages 200
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

BODY = (
    "Астана. {day} марта. - Министр иностранных дел Республики Казахстан Аскар Жумабеков "
    "провел встречу с министром иностранных дел Венгрии Ласло Ковачем (№ {n}). Стороны "
    "обсудили вопросы торгово-экономического сотрудничества и подготовку визита."
)


def page(n: int) -> bytes:
    text = BODY.format(day=1 + n % 28, n=n)
    return (
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Релиз {n}'
        f"</title></head><body><article><h1>Релиз {n}</h1><p>{text}</p></article></body>"
        "</html>"
    ).encode()


def serve(pages: int) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/rss.xml":
                items = "".join(
                    f"<item><link>{base}/news/{n}</link><pubDate>Mon, 02 Mar 2026 10:00:00"
                    f" +0500</pubDate><title>Релиз {n}</title></item>"
                    for n in range(pages)
                )
                body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
                body, ctype = body.encode(), "application/rss+xml"
            elif self.path.startswith("/news/"):
                body, ctype = page(int(self.path[6:])), "text/html; charset=utf-8"
            else:
                body, ctype = b"", "text/plain"
            tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            status = 304 if self.headers.get("If-None-Match") == tag else 200
            self.send_response(status if body else 404)
            self.send_header("ETag", tag)
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", "0" if status == 304 else str(len(body)))
            self.end_headers()
            if status == 200:
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1, help="extraction processes")
    args = parser.parse_args()

    from dipgraph.graph.store import StoreSettings
    from dipgraph.graph.stores.embedded import EmbeddedServer
    from dipgraph.loaders.web.fetch import FetchSettings
    from dipgraph.loaders.web.sources_file import Source
    from dipgraph.sync import SyncOptions, sync

    server, base = serve(args.pages)
    data_dir = Path(tempfile.mkdtemp(prefix="dgb", dir="/tmp"))
    try:
        source = Source("bench", "bench ministry", "KZ", "ru", feeds=(base + "/rss.xml",))
        fetch = FetchSettings(rate=1000, concurrency=8, obey_robots=True)
        settings = StoreSettings(data_dir=data_dir)
        options = SyncOptions(workers=args.workers)
        for label in ("first run (fetch, extract, write)", "second run (all 304)"):
            started = time.monotonic()
            report = sync([source], settings, fetch, options)
            seconds = time.monotonic() - started
            print(f"{label}: {report.sources[0].summary()}")
            print(f"  {args.pages} pages in {seconds:.1f}s = {args.pages / seconds:.1f} pages/s")
    finally:
        EmbeddedServer(data_dir).stop()
        shutil.rmtree(data_dir, ignore_errors=True)
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
