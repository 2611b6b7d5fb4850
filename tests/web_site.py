"""A fixture ministry site on a real HTTP server (127.0.0.1, a free port) for the sync
tests: an RSS feed, a sitemap, a listing page and release pages in utf-8 and cp1251, with
ETags (and 304s), robots.txt, and the usual misbehaviour -- 429 with Retry-After, a 500
that succeeds the second time, a response slower than the client's timeout, a redirect
loop, an oversized page, a page gone (404).

The release texts are invented for these tests, in the style of a foreign ministry's
press releases; the people in them do not exist.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

#: (slug, title, date, body) of each release page
RELEASES = {
    "1": (
        "О встрече Министра иностранных дел с Министром иностранных дел Венгрии",
        "2026-03-03",
        "Астана. 3 марта. - Министр иностранных дел Республики Казахстан Аскар Жумабеков "
        "провел встречу с министром иностранных дел Венгрии Ласло Ковачем. Стороны "
        "обсудили вопросы торгово-экономического сотрудничества и подготовку визита.",
    ),
    "2": (
        "О политических консультациях между МИД Казахстана и МИД Финляндии",
        "2026-03-05",
        "Астана. 5 марта. - В Министерстве иностранных дел Республики Казахстан состоялись "
        "политические консультации между внешнеполитическими ведомствами Республики "
        "Казахстан и Финляндии. Стороны обсудили сотрудничество в сфере образования.",
    ),
    "3": (
        "О вручении копий верительных грамот послом Нидерландов",
        "2026-03-06",
        "Астана. 6 марта. - Заместитель министра иностранных дел Республики Казахстан "
        "Ерболат Сапаров принял копии верительных грамот у назначенного посла Королевства "
        "Нидерланды Яна ван Дейка. Стороны обсудили двустороннюю повестку.",
    ),
    "4": (
        "О встрече с послом Японии",
        "2026-03-10",
        "Астана. 10 марта. - Заместитель министра иностранных дел Республики Казахстан "
        "Ерболат Сапаров встретился с послом Японии в Казахстане Кэнтаро Ямадой. "
        "Обсуждены вопросы культурного сотрудничества и туризма.",
    ),
    "5": (
        "О встрече с министром иностранных дел Узбекистана",
        "2026-03-12",
        "Ташкент. 12 марта. - Министр иностранных дел Республики Казахстан Аскар Жумабеков "
        "провел встречу с министром иностранных дел Республики Узбекистан Бахтиёром "
        "Каримовым. Стороны обсудили водно-энергетическое сотрудничество в регионе.",
    ),
    "8": (
        "О встрече с генеральным секретарем ОБСЕ",
        "2026-03-14",
        "Вена. 14 марта. - Министр иностранных дел Республики Казахстан Аскар Жумабеков "
        "встретился с генеральным секретарем ОБСЕ Марко Росси. Стороны обсудили "
        "приоритеты председательства и вопросы региональной безопасности.",
    ),
    "9": (
        "О встрече с послом Германии",
        "2026-03-16",
        "Астана. 16 марта. - Заместитель министра иностранных дел Республики Казахстан "
        "Динара Оспанова встретилась с послом Германии в Казахстане Клаусом Бергом. "
        "Стороны обсудили энергетическое партнерство и подготовку бизнес-форума.",
    ),
}
CP1251 = {"2", "3"}  # served in windows-1251 (2: named in Content-Type, 3: only in <meta>)
NO_FEED_METADATA = {"2"}  # the feed gives no title or date: the page's metadata must
FEED = ["1", "2", "4", "5", "slow", "loop", "big", "gone", "private"]
SITEMAP = ["1", "3", "8"]
LISTING = ["9", "1"]
BAD = {
    "slow": "no response within",
    "loop": "redirects",
    "big": "too large",
    "gone": "HTTP 404",
    "private": "disallowed by robots.txt",
}
GOOD = sorted(RELEASES)


def page_html(slug: str, body: str | None = None, charset: str = "utf-8") -> str:
    title, date, text = RELEASES[slug]
    text = body or text
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="{charset}">
<title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T10:00:00+05:00">
</head><body>
<nav><a href="/">Главная</a> | <a href="/press">Пресс-релизы</a> | <a href="/about">О МИД</a></nav>
<article><h1>{title}</h1>
<p>{text}</p>
<p>Пресс-служба Министерства иностранных дел.</p>
</article>
<footer>© Министерство иностранных дел (тестовый сайт)</footer>
</body></html>"""


@dataclass
class Hit:
    path: str
    status: int
    at: float
    conditional: bool
    user_agent: str


@dataclass
class Site:
    """The site's state: what it serves and every request it saw."""

    base: str = ""
    hits: list[Hit] = field(default_factory=list)
    bodies: dict[str, str] = field(default_factory=dict)  # slug -> text override
    failures: dict[str, int] = field(default_factory=dict)  # path -> answered errors
    lock: threading.Lock = field(default_factory=threading.Lock)
    slow_seconds: float = 2.0
    big_bytes: int = 400_000

    def url(self, path: str) -> str:
        return self.base + path

    def hits_for(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path == path]

    def reset_log(self) -> None:
        with self.lock:
            self.hits.clear()

    # --- content -------------------------------------------------------------------

    def feed(self) -> str:
        items = []
        for slug in FEED:
            if slug in RELEASES and slug not in NO_FEED_METADATA:
                title, date, _ = RELEASES[slug]
                day = time.strftime("%a, %d %b %Y", time.strptime(date, "%Y-%m-%d"))
                meta = f"<title>{title}</title><pubDate>{day} 10:00:00 +0500</pubDate>"
            else:
                meta = ""
            path = f"/private/{slug}" if slug == "private" else f"/news/{slug}"
            items.append(f"<item>{meta}<link>{self.url(path)}</link></item>")
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>МИД (тестовый сайт)</title>" + "".join(items) + "</channel></rss>"
        )

    def sitemap(self) -> str:
        urls = "".join(
            f"<url><loc>{self.url('/news/' + s)}</loc><lastmod>{RELEASES[s][1]}</lastmod></url>"
            for s in SITEMAP
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )

    def sitemap_index(self) -> str:
        children = "".join(
            f"<sitemap><loc>{self.url(p)}</loc></sitemap>"
            for p in ("/sitemap.xml.gz", "/sitemap-gone.xml")
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{children}</sitemapindex>'
        )

    def listing(self) -> str:
        links = "".join(f'<li><a href="/news/{s}">{RELEASES[s][0]}</a></li>' for s in LISTING)
        return (
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Пресс-релизы</title>'
            f'</head><body><a href="/about">О МИД</a><ul>{links}</ul></body></html>'
        )


class _Handler(BaseHTTPRequestHandler):
    site: Site  # set on the subclass made per server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None, etag: bool = True) -> None:  # fmt: skip
        tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        conditional = "If-None-Match" in self.headers
        if etag and status == 200 and self.headers.get("If-None-Match") == tag:
            status, body = 304, b""
        self._log(status, conditional)
        self.send_response(status)
        if etag and status in (200, 304):
            self.send_header("ETag", tag)
            self.send_header("Cache-Control", "no-cache")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status != 304:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def _log(self, status: int, conditional: bool) -> None:
        with self.site.lock:
            self.site.hits.append(Hit(self.path, status, time.monotonic(), conditional,
                                      self.headers.get("User-Agent", "")))  # fmt: skip

    def _fail_first(self, path: str) -> bool:
        with self.site.lock:
            n = self.site.failures.get(path, 0)
            self.site.failures[path] = n + 1
        return n == 0

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        site, path = self.site, self.path
        if path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/rss.xml":
            return self._send(200, site.feed().encode(), "application/rss+xml; charset=utf-8")
        if path == "/sitemap.xml":
            return self._send(200, site.sitemap().encode(), "application/xml")
        if path == "/sitemap.xml.gz":  # a file, not a content-encoding
            return self._send(200, gzip.compress(site.sitemap().encode()), "application/gzip")
        if path == "/sitemap-index.xml":
            return self._send(200, site.sitemap_index().encode(), "application/xml")
        if path == "/press":
            return self._send(200, site.listing().encode())
        if path == "/news/slow":
            time.sleep(site.slow_seconds)
            return self._send(200, page_html("1").encode())
        if path in ("/news/loop", "/news/loop-again"):
            target = "/news/loop-again" if path == "/news/loop" else "/news/loop"
            return self._send(302, headers={"Location": target}, etag=False)
        if path == "/news/big":
            filler = "<p>" + "Очень длинный текст. " * (site.big_bytes // 36) + "</p>"
            return self._send(200, page_html("1", body=filler).encode())
        if path == "/news/4" and self._fail_first(path):
            return self._send(429, b"slow down", "text/plain", {"Retry-After": "1"}, False)
        if path == "/news/5" and self._fail_first(path):
            return self._send(500, b"oops", "text/plain", etag=False)
        slug = path.rsplit("/", 1)[-1]
        if path.startswith("/news/") and slug in RELEASES:
            if slug in CP1251:
                html = page_html(slug, site.bodies.get(slug), charset="windows-1251")
                ctype = "text/html; charset=windows-1251" if slug == "2" else "text/html"
                return self._send(200, html.encode("cp1251"), ctype)
            return self._send(200, page_html(slug, site.bodies.get(slug)).encode())
        return self._send(404, b"not found", "text/plain", etag=False)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up (timeout, size cap) is what the tests provoke


class SiteServer:
    """The fixture site on 127.0.0.1 in a background thread."""

    def __init__(self) -> None:
        self.site = Site()
        handler = type("Handler", (_Handler,), {"site": self.site})
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.site.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self.site

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def sources_toml(site: Site, **fetch) -> str:
    """A sources file for the fixture site; `fetch` overrides the fast test settings."""
    settings = {
        "rate": 100.0, "concurrency": 4, "read_timeout": 0.5, "connect_timeout": 2.0,
        "retries": 1, "backoff": 0.1, "max_bytes": 200_000,
        "user_agent": "dipgraph-test/1.0 (+mailto:test@example.org)",
    } | fetch  # fmt: skip
    lines = ["[fetch]"] + [
        f"{k} = {v!r}" if not isinstance(v, str) else f'{k} = "{v}"' for k, v in settings.items()
    ]
    lines += [
        "",
        "[[source]]",
        'name = "mfa-test"',
        'ministry = "Ministry of Foreign Affairs (fixture site)"',
        'publisher = "KZ"',
        'language = "ru"',
        f'feeds = ["{site.url("/rss.xml")}"]',
        f'sitemaps = ["{site.url("/sitemap.xml")}"]',
        "[[source.listings]]",
        f'url = "{site.url("/press")}"',
        "links = '/news/\\d+$'",
    ]
    return "\n".join(lines) + "\n"
