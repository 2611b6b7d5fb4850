"""From a fetched feed, sitemap or listing page to the release URLs it points at.

- RSS / Atom (feedparser): each entry's link, title and publication date;
- sitemaps (lxml, entities and network off): each <url>'s loc and lastmod; a sitemap
  index is followed one level down;
- listing pages: the links whose absolute URL matches the source's pattern (a regular
  expression, searched), in page order, one per URL.
"""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from dipgraph.loaders.web.fetch import Fetched, FetchError, normalize_url

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
#: sitemaps followed from one index: the newest by <lastmod>; the oldest are left out
MAX_CHILD_SITEMAPS = 50
MAX_UNZIPPED = 50 * 1024 * 1024


@dataclass(frozen=True)
class Item:
    """A release page to fetch, with what the feed or sitemap says about it."""

    url: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) the feed gives
    lastmod: str | None = None  # ISO date of the sitemap's <lastmod>: changed, not published

    @property
    def date(self) -> str | None:
        """The best date known before fetching, for --since."""
        return self.published or self.lastmod


def kind_of(fetched: Fetched) -> str:
    """'feed', 'sitemap', 'sitemapindex' or 'html'."""
    head = _body(fetched)[:4096].lstrip().lower()
    if b"<urlset" in head:
        return "sitemap"
    if b"<sitemapindex" in head:
        return "sitemapindex"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if "xml" in fetched.content_type and b"<html" not in head:
        return "feed"  # let feedparser judge; it says so if it is not one
    return "html"


def _body(fetched: Fetched) -> bytes:
    data = fetched.content
    if data[:2] == b"\x1f\x8b":  # sitemap.xml.gz served as a file, not content-encoded
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                data = fh.read(MAX_UNZIPPED + 1)
        except (OSError, EOFError) as exc:
            raise FetchError(fetched.url, f"corrupt gzip file ({exc})") from None
        if len(data) > MAX_UNZIPPED:
            raise FetchError(fetched.url, "gzip sitemap unpacks to over 50 MiB; not read")
    return data


def _iso_date(value) -> str | None:
    if not value:
        return None
    if hasattr(value, "tm_year"):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    return "-".join(m.groups()) if m else None


def feed_items(fetched: Fetched) -> list[Item]:
    import feedparser

    headers = {"content-type": fetched.headers.get("content-type", "")}
    feed = feedparser.parse(fetched.content, response_headers=headers)
    items = []
    for entry in feed.entries:
        link = entry.get("link") or (entry.get("id") if str(entry.get("id", "")).startswith(
            ("http://", "https://")) else None)  # fmt: skip
        if not link:
            continue
        date = _iso_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        title = (entry.get("title") or "").strip() or None
        items.append(Item(normalize_url(urljoin(fetched.final_url, link)), title, date))
    if not items and feed.get("bozo"):
        exc = feed.get("bozo_exception")
        raise FetchError(fetched.url, f"not a readable feed ({type(exc).__name__}: {exc})")
    return items


def _sitemap_tree(fetched: Fetched):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(_body(fetched), parser)
    except etree.XMLSyntaxError as exc:
        raise FetchError(fetched.url, f"malformed sitemap XML ({exc})") from None


def sitemap_items(fetched: Fetched) -> list[Item]:
    root = _sitemap_tree(fetched)
    items = []
    for url in root.iter(f"{SITEMAP_NS}url", "url"):
        loc = url.findtext(f"{SITEMAP_NS}loc") or url.findtext("loc")
        if not loc or not loc.strip():
            continue
        lastmod = url.findtext(f"{SITEMAP_NS}lastmod") or url.findtext("lastmod")
        url = normalize_url(urljoin(fetched.final_url, loc.strip()))
        items.append(Item(url, lastmod=_iso_date(lastmod)))
    return items


def sitemap_children(fetched: Fetched) -> list[Item]:
    """The sitemaps a sitemap index lists, newest lastmod first."""
    root = _sitemap_tree(fetched)
    children = []
    for node in root.iter(f"{SITEMAP_NS}sitemap", "sitemap"):
        loc = node.findtext(f"{SITEMAP_NS}loc") or node.findtext("loc")
        if loc and loc.strip():
            lastmod = node.findtext(f"{SITEMAP_NS}lastmod") or node.findtext("lastmod")
            url = normalize_url(urljoin(fetched.final_url, loc.strip()))
            children.append(Item(url, lastmod=_iso_date(lastmod)))
    children.sort(key=lambda i: i.lastmod or "", reverse=True)
    return children[:MAX_CHILD_SITEMAPS]


def listing_items(fetched: Fetched, pattern: str, text: str) -> list[Item]:
    """Links of a listing page (already decoded as `text`) whose URL matches `pattern`."""
    import lxml.html

    regex = re.compile(pattern)
    try:
        doc = lxml.html.fromstring(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise FetchError(fetched.url, f"unparsable listing page ({exc})") from None
    seen: set[str] = set()
    items = []
    for anchor in doc.iter("a"):
        href = anchor.get("href")
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        url = normalize_url(urljoin(fetched.final_url, href.strip()))
        if url in seen or not regex.search(url):
            continue
        seen.add(url)
        title = " ".join(anchor.text_content().split()) or None
        items.append(Item(url, title))
    return items
