"""A fetched release page -> :class:`Release`: decoded by the charset the server names
(else utf-8 / cp1251 / koi8-r detection), main text by trafilatura, title and publication
date from the feed when it gives them, else from the page's own metadata."""

from __future__ import annotations

import codecs

from dipgraph.graph.model import Release
from dipgraph.loaders.sources import MIN_ARTICLE_WORDS, SourceError, decode_bytes, read_text
from dipgraph.loaders.web.discover import Item
from dipgraph.loaders.web.fetch import Fetched, FetchError


def page_text(fetched: Fetched) -> str:
    """The body as text: the HTTP charset when it names a real one, else detection."""
    if fetched.charset:
        try:
            codec = codecs.lookup(fetched.charset).name
            return fetched.content.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong label: sniff instead
    try:
        return decode_bytes(fetched.content, fetched.url)[0]
    except SourceError as exc:
        raise FetchError(fetched.url, exc.problem) from None


def page_release(
    fetched: Fetched,
    item: Item | None = None,
    *,
    publisher: str | None = None,
    language: str | None = None,
    year: int | None = None,
) -> Release:
    """The release on a page. FetchError (one line naming the URL) if it holds none."""
    import trafilatura

    url = item.url if item else fetched.url
    try:
        doc = trafilatura.bare_extraction(
            page_text(fetched),
            url=fetched.final_url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura/lxml parse errors
        raise FetchError(url, f"unparsable HTML ({type(exc).__name__})") from None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if max((len(line.split()) for line in body.splitlines()), default=0) < MIN_ARTICLE_WORDS:
        raise FetchError(url, "no article text on the page")
    title = (item.title if item else None) or getattr(doc, "title", None)
    date = (item.published if item else None) or getattr(doc, "date", None)
    release = read_text(body, year=year, source_uri=url, title=title, date=date)
    release.publisher = publisher
    if language:
        release.language = language
    return release
