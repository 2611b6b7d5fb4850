"""Readers: files, folders, globs and stdin -> :class:`dipgraph.graph.model.Release`.

Formats (detected from the extension, then from the content):

- plain text with a dateline (city, day, month, agency: each language's
  ``parse_dateline``, see ``loaders.lang``): the lines before the dateline are the title;
- JSON Lines, one record a line with ``text`` (required) and ``id``, ``date``, ``title``,
  ``url``, ``publisher`` (optional); a ``.json`` file with one object or a list of them;
- HTML pages: the main text only (trafilatura), without menus;
- RSS / Atom feeds: one release per entry.

Encodings utf-8 (with or without BOM), cp1251 and koi8-r are detected.

Dates: a dateline carries day and month but no year. The year comes from metadata (JSON
``date``, HTML/feed publication date) or from ``year=``; without one the release's
``published`` stays ``None`` and ``date_precision`` is ``"unknown"`` -- a year is never
invented.

Publisher (the state or IGO whose ministry published a release, the implicit own side of
its events): the record's ``publisher`` field (a code or a name), the feed's publisher or
title, ``publisher=`` (``--publisher``), else the state of the dateline's city.

Errors: bad input raises :class:`SourceError` (one clear line, naming the file). A JSON
Lines file with some malformed lines raises SourceError naming the first bad line number,
and carries the good records of that file in ``SourceError.releases`` so that callers may
still use them (the CLI does, and reports the error).
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path
from typing import BinaryIO

from dipgraph.graph.model import Release
from dipgraph.loaders.lang import find_dateline as parse_dateline
from dipgraph.loaders.lang import parse_written_date

MAX_BYTES = 50 * 1024 * 1024
#: Size bounds checked before any parsing. A release is 2-20k characters: 2 MB holds the
#: loader's 500,000-character limit in any encoding read here. HTML costs lxml and
#: trafilatura ~10 s per MB (a 28 MB page took 272 s and 2.7 GB before this bound).
MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_HTML_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MIN_LANGUAGE_LETTERS = 20  # below this a language guess is noise
MIN_ARTICLE_WORDS = 5  # an HTML page whose longest text line is shorter has no article
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
SKIP_NAMES = {".DS_Store", "Thumbs.db"}


class SourceError(Exception):
    """A file that cannot be read as releases. ``str()`` is one line naming the file.

    ``releases`` holds what could still be read from the file (JSON Lines with some bad
    lines); it is empty otherwise.
    """

    def __init__(self, path: object, problem: str, releases: list[Release] | None = None):
        self.path = str(path)
        self.problem = problem
        self.releases = releases or []
        super().__init__(f"{self.path}: {problem}")


# --- paths ---------------------------------------------------------------------------


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Expand folders (recursively, sorted, hidden files skipped) and glob patterns.

    ``-`` is passed through as ``Path("-")`` (stdin). A path that does not exist and is not
    a pattern is yielded as is, so that :func:`read_source` reports it.
    """
    for raw in paths:
        text = os.fspath(raw)
        if text == "-":
            yield Path("-")
            continue
        path = Path(text)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError:  # a name too long: read_source reports it
            yield path
            continue
        if is_dir:
            yield from _walk(path)
        elif not exists and any(ch in text for ch in "*?["):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield path
            for match in matches:
                if Path(match).is_dir():
                    yield from iter_paths([match])
                else:
                    yield Path(match)
        else:
            yield path


def _listing(folder: str | os.PathLike) -> Iterator[os.DirEntry]:
    with os.scandir(folder) as it:
        return iter(sorted(it, key=lambda e: e.name))


def _walk(top: Path) -> Iterator[Path]:
    """The files under `top` in sorted order, without recursion (a folder may be nested
    thousands deep) and without following links. A sub-folder that cannot be listed, or a
    link to a folder, is yielded itself so that read_source names it."""
    try:
        stack = [_listing(top)]
    except OSError:
        yield top
        return
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith(".") or entry.name in SKIP_NAMES:
            continue
        try:
            real_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            real_dir = False
        if not real_dir:  # files, links (to folders too), broken links, FIFOs
            yield Path(entry.path)
            continue
        try:
            stack.append(_listing(entry.path))
        except OSError:
            yield Path(entry.path)


# --- bytes -> text -------------------------------------------------------------------


def _size_limit(name: str) -> tuple[int, str]:
    """The byte limit for a file of this name (by its suffix) and what it is called."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return MAX_HTML_BYTES, "an HTML page"
    if suffix in TEXT_SUFFIXES and suffix:
        return MAX_TEXT_BYTES, "one release's text"
    return MAX_BYTES, "an input file"


def _too_large(size: int, limit: int, what: str) -> str:
    return f"file too large for {what} ({_mb(size)}, limit {_mb(limit)}; skipped)"


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size / 2**10:.0f} KB"


def _read_bytes(source: str | os.PathLike | BinaryIO, label: str) -> bytes:
    if hasattr(source, "read"):
        data = source.read(MAX_BYTES)  # type: ignore[union-attr]
        if isinstance(data, str):
            data = data.encode("utf-8")
        if len(data) >= MAX_BYTES:
            raise SourceError(label, f"input too large (over the {MAX_BYTES >> 20} MB limit)")
        return data
    path = Path(source)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise SourceError(label, _folder_problem(path))
        limit, what = _size_limit(label)
        if size >= MAX_BYTES or size > limit:  # from its size: nothing read, nothing parsed
            raise SourceError(label, _too_large(size, min(limit, MAX_BYTES), what))
        # O_NONBLOCK: a FIFO nobody writes to reads as empty instead of hanging the load
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(MAX_BYTES)
        if len(data) >= MAX_BYTES:
            raise SourceError(label, f"input too large (limit {MAX_BYTES >> 20} MB; skipped)")
        return data
    except FileNotFoundError:
        raise SourceError(label, "no such file") from None
    except PermissionError:
        raise SourceError(label, "permission denied (unreadable file)") from None
    except IsADirectoryError:
        raise SourceError(label, "is a directory") from None
    except OSError as exc:
        raise SourceError(label, f"cannot read: {exc.strerror or exc}") from None


def _folder_problem(path: Path) -> str:
    """Why a folder was given to read_source: the walk yields links to folders and
    folders it could not list, so that they are named instead of skipped."""
    if path.is_symlink():
        return "a link to a folder, not followed: name the folder itself to load its files"
    try:
        os.scandir(path).close()
    except PermissionError:
        return "folder not readable (permission denied): its files were not loaded"
    except OSError as exc:
        return f"folder not read ({exc.strerror or exc}): its files were not loaded"
    return "is a directory"


def _cyrillic_score(text: str) -> float:
    """Share of lowercase among Cyrillic letters: cp1251 text read as koi8-r (and the
    reverse) comes out mostly upper case."""
    cyr = [c for c in text if "\u0430" <= c.lower() <= "\u044f" or c in "\u0451\u0401"]
    if not cyr:
        return 0.0
    return sum(c.islower() for c in cyr) / len(cyr)


def _textlike_share(text: str) -> float:
    """Share of letters, digits, punctuation and spaces: near 1 for prose, low for bytes
    decoded into box drawing and symbols."""
    import unicodedata

    sample = text[:20000]
    if not sample:
        return 1.0
    ok = sum(1 for c in sample if c.isspace() or unicodedata.category(c)[0] in "LNPZ")
    return ok / len(sample)


def decode_bytes(data: bytes, label: str = "<bytes>") -> tuple[str, str]:
    """Decode utf-8 / cp1251 / koi8-r bytes; returns (text, encoding). Raises SourceError
    for binary or undecodable data."""
    if not data.strip():
        raise SourceError(label, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError:
            raise SourceError(label, "undecodable utf-32 text") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise SourceError(label, "undecodable utf-16 text") from None
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > max(2, len(head) // 100):
        raise SourceError(label, "binary file, not text (skipped)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("cp1251", "koi8_r"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_cyrillic_score(text), enc, text))
    if not candidates:
        raise SourceError(label, "undecodable text (not utf-8, cp1251 or koi8-r)")
    score, enc, text = max(candidates)
    if score < 0.5:
        try:  # fall back on charset-normalizer for anything else
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
        except Exception:  # pragma: no cover - detector failure is not fatal
            best = None
        if best is None:
            raise SourceError(label, "undecodable text (not utf-8, cp1251 or koi8-r)")
        text, enc = str(best), best.encoding
    if _textlike_share(text) < 0.9:  # every byte decodes in koi8-r: refuse symbol soup
        raise SourceError(label, "undecodable text (not utf-8, cp1251 or koi8-r)")
    return text, enc


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language (py3langid: a naive Bayes model that
    ships inside its wheel, ~0.3 ms a release), 'und' when there are too few letters to
    tell. Each release is detected on its own, so one load can mix languages."""
    sample = text[:5000]
    if sum(c.isalpha() for c in sample) < MIN_LANGUAGE_LETTERS:
        return "und"
    import py3langid

    return py3langid.classify(sample)[0]


# --- dates ---------------------------------------------------------------------------


def _published(year: int | None, month: int | None, day: int | None) -> tuple[str | None, str]:
    if year is None:
        return None, "unknown"
    if month is None:
        return f"{year:04d}", "year"
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    try:
        _date(year, month, day)
    except ValueError:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


_ISO_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_date(value: object) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) from ISO-like strings ("2026-03-03", "2026-03-03T10:00Z",
    "2026") or a date in words (any registered language); missing parts are None."""
    if value is None:
        return None, None, None
    text = str(value).strip()
    m = _ISO_RE.match(text)
    if m:
        y, mo, d = (int(g) if g else None for g in m.groups())
        return _possible(y, mo, d)
    written = parse_written_date(text)
    if written != (None, None, None):
        return _possible(*written)
    m = re.search(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", text)
    if m:
        return _possible(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None, None, None


def _possible(
    year: int | None, month: int | None, day: int | None
) -> tuple[int | None, int | None, int | None]:
    """Only the parts of a date that exist: year 0000, month 13 or 30 February are dropped
    (with everything finer), never stored."""
    if year is None or not 1 <= year <= 9999:
        return None, None, None
    if month is None or not 1 <= month <= 12:
        return year, None, None
    if day is not None:
        try:
            _date(year, month, day)
        except ValueError:
            day = None
    return year, month, day


def valid_unicode(text: str) -> str:
    """`text` without lone surrogates, which no store or terminal can encode: a file name's
    undecodable byte (surrogateescape) becomes a visible "\\xe9", anything else U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    return "".join(
        c if not "\ud800" <= c <= "\udfff"
        else f"\\x{ord(c) - 0xDC00:02x}" if "\udc80" <= c <= "\udcff"
        else "\ufffd"
        for c in text
    )  # fmt: skip


def content_source(label: str, text: str) -> str:
    """The source of an input with no identity of its own (stdin, a feed item without link
    or guid, a record without url or id): where it came from plus its content hash, so
    that it never replaces another release by sharing a missing field."""
    from dipgraph.graph.model import release_id

    return f"{label}#text-{release_id(text)[:16]}"


def _make_release(
    text: str,
    *,
    title: str | None,
    meta_date: object,
    year: int | None,
    source_uri: str | None,
    publisher: object = None,
    default_publisher: str | None = None,
    record_id: object = None,
) -> Release:
    text = valid_unicode(text)
    title = valid_unicode(title) if title else title
    source_uri = valid_unicode(source_uri) if source_uri else source_uri
    dl = parse_dateline(text)
    y, mo, d = parse_date(meta_date)
    if dl:
        if d is None:  # metadata without a full date: the dateline gives month and day
            y = y if y is not None else dl.year if dl.year is not None else year
            mo, d = dl.month, dl.day
        if title is None and dl.start > 0:
            title = " ".join(text[: dl.start].split()) or None
    elif y is None:
        y = year
    published, precision = _published(y, mo, d)
    language = detect_language(text)
    own = publisher_code(publisher, language) or default_publisher
    if own is None and dl is not None:
        own = _city_state(dl.city, language)
    return Release.from_text(
        text,
        title=title,
        published=published,
        date_precision=precision,
        dateline_city=dl.city if dl else None,
        agency=dl.agency if dl else None,
        language=language,
        source_uri=source_uri,
        publisher=own,
        record_id=str(record_id) if record_id not in (None, "") else None,
    )


#: what a publisher must look like, for error messages
PUBLISHER_HINT = 'give an ISO 3166 alpha-2 code such as "KZ" or an IGO code such as "OSCE"'


def publisher_code(value: object, language: str = "ru") -> str | None:
    """A publisher given as a code ("KZ", "kz", "EU") or a name in the release's language
    (a ministry or state name the release's language knows) -> its state/IGO code; None
    when it names none."""
    from dipgraph.graph.model import IGO_CODES

    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.upper() in IGO_CODES:
        return text.upper()
    if re.fullmatch(r"[A-Za-z]{2}", text):
        import pycountry

        code = text.upper()
        return code if code == "XK" or pycountry.countries.get(alpha_2=code) else None
    from dipgraph.loaders.lang import get_language, languages

    try:
        langs = [get_language(language)]
    except LookupError:
        langs = languages()
    for lang in langs:
        codes = lang.state_codes(text)
        if codes:
            return codes[0]
    return None


def checked_publisher(value: str) -> str:
    """:func:`publisher_code`, or a ValueError that says what a publisher must look like
    (for --publisher and sources files)."""
    code = publisher_code(value)
    if code is None:
        raise ValueError(f"{value!r} names no state or IGO: {PUBLISHER_HINT}")
    return code


def _city_state(city: str, language: str) -> str | None:
    """The state of a dateline city: by the release's language, else by any language's
    gazetteer (a short release whose language cannot be told)."""
    from dipgraph.loaders.lang import get_language, languages

    try:
        langs = [get_language(language)]
    except LookupError:
        langs = languages()
    return next((code for lang in langs if (code := lang.city_state(city))), None)


# --- formats -------------------------------------------------------------------------


def _sniff(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    head = text.lstrip()[:2000].lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if (
        suffix in (".rss", ".atom")
        or (head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"))
        and ("<rss" in head or "<feed" in head or "<rdf" in head)
    ):
        return "feed"
    if suffix in (".html", ".htm", ".xhtml") or head.startswith(("<!doctype html", "<html")):
        return "html"
    if suffix == ".xml":
        return "feed"
    if head.startswith("{") and suffix in TEXT_SUFFIXES:
        first = text.lstrip().split("\n", 1)[0].strip()
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    return "text"


@dataclass(frozen=True)
class Defaults:
    """What the caller knows for releases that do not say it themselves."""

    year: int | None = None  # for datelines without one
    publisher: str | None = None  # state/IGO code (``--publisher``)


def _record_release(rec: dict, label: str, defaults: Defaults) -> Release:
    text = rec.get("text") or rec.get("body") or rec.get("content")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("record has no 'text'")
    title = rec.get("title") if isinstance(rec.get("title"), str) else None
    for key in ("url", "uri", "id"):
        value = rec.get(key)
        if value is not None and (not isinstance(value, str | int) or isinstance(value, bool)):
            raise ValueError(f"record's {key!r} is a {type(value).__name__}, not a string")
    uri = rec.get("url") or rec.get("uri") or rec.get("id")
    return _make_release(
        text,
        title=title,
        meta_date=rec.get("date") or rec.get("published"),
        year=defaults.year,
        source_uri=str(uri) if uri else content_source(label, text),
        publisher=rec.get("publisher"),
        default_publisher=defaults.publisher,
        record_id=rec.get("id"),
    )


def _read_jsonl(text: str, label: str, defaults: Defaults) -> list[Release]:
    releases: list[Release] = []
    bad: list[tuple[int, str]] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            releases.append(_record_release(rec, f"{label}:{lineno}", defaults))
        except RecursionError:
            bad.append((lineno, "JSON nested too deeply"))
        except (ValueError, TypeError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            bad.append((lineno, reason))
    if bad:
        lineno, reason = bad[0]
        more = f" and {len(bad) - 1} more bad lines" if len(bad) > 1 else ""
        raise SourceError(
            label,
            f"malformed JSON line {lineno} ({reason}){more}; {len(releases)} good records kept",
            releases,
        )
    if not releases:
        raise SourceError(label, "no records")
    return releases


def _read_json(text: str, label: str, defaults: Defaults) -> list[Release]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(label, f"malformed JSON at line {exc.lineno} ({exc.msg})") from None
    except RecursionError:
        raise SourceError(label, "JSON nested too deeply") from None
    records = data if isinstance(data, list) else [data]
    out, bad = [], []
    for i, rec in enumerate(records):
        try:
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            out.append(_record_release(rec, label, defaults))
        except ValueError as exc:
            bad.append(f"record {i}: {exc}")
    if bad:
        more = f" and {len(bad) - 1} more bad records" if len(bad) > 1 else ""
        raise SourceError(label, f"{bad[0]}{more}; {len(out)} good records kept", out)
    if not out:
        raise SourceError(label, "no records")
    return out


def _html_text(html: str) -> str:
    """Visible text of an HTML fragment (feed summaries)."""
    if "<" not in html:
        return html
    try:
        import lxml.html

        doc = lxml.html.fromstring(html)
        for bad in doc.xpath("//script|//style"):
            bad.drop_tree()
        for br in doc.xpath("//br|//p|//div|//li"):
            br.tail = "\n" + (br.tail or "")
        return doc.text_content()
    except Exception:
        return re.sub(r"<[^>]+>", " ", html)


def _article(html: str) -> dict | None:
    """trafilatura's main text, title and date of a page (None: no article)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    if doc is None:
        return None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return {key: get(key) for key in ("text", "title", "date", "sitename")}


def _read_html(text: str, label: str, defaults: Defaults) -> list[Release]:
    import trafilatura  # noqa: F401 - imported once here, not in every parsing child

    from dipgraph.loaders.bounded import LimitExceeded, call_bounded

    try:
        doc = call_bounded(_article, text)
    except LimitExceeded as exc:
        raise SourceError(label, f"HTML too costly to parse ({exc}; skipped)") from None
    except Exception as exc:  # trafilatura/lxml parse errors
        raise SourceError(label, f"unparsable HTML ({exc})") from None
    if doc is None:
        raise SourceError(label, "HTML with no article text")
    get = doc.get
    body = get("text") or ""
    if max((len(line.split()) for line in body.splitlines()), default=0) < MIN_ARTICLE_WORDS:
        raise SourceError(label, "HTML with no article text")
    return [
        _make_release(
            body,
            title=get("title"),
            meta_date=get("date"),
            year=defaults.year,
            # the file is the page's identity: many sites give every page one canonical URL
            source_uri=(
                content_source(label, body) if label == "<stdin>" else str(Path(label).resolve())
            ),
            publisher=get("sitename"),
            default_publisher=defaults.publisher,
        )
    ]


def _read_feed(data: bytes, label: str, defaults: Defaults) -> list[Release]:
    import feedparser

    feed = feedparser.parse(data)
    feed_publisher = feed.feed.get("publisher") or feed.feed.get("title")
    out = []
    for entry in feed.entries:
        content = ""
        if entry.get("content"):
            content = "\n".join(c.get("value", "") for c in entry.content)
        content = content or entry.get("summary", "") or entry.get("description", "")
        body = _html_text(content).strip()
        if not body:
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        meta_date = (
            f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
        )
        out.append(
            _make_release(
                body,
                title=entry.get("title"),
                meta_date=meta_date,
                year=defaults.year,
                source_uri=entry.get("link") or entry.get("id") or content_source(label, body),
                publisher=entry.get("publisher") or feed_publisher,
                default_publisher=defaults.publisher,
            )
        )
    if not out:
        problem = "feed with no entries"
        if feed.get("bozo"):
            problem = f"malformed feed ({type(feed.get('bozo_exception')).__name__})"
        raise SourceError(label, problem)
    return out


def read_source(
    path_or_stdin: str | os.PathLike | BinaryIO,
    *,
    year: int | None = None,
    publisher: str | None = None,
) -> list[Release]:
    """Read one file (or ``-`` / a binary stream for stdin) into releases. ``year`` is for
    datelines without one; ``publisher`` (a state/IGO code) for releases whose metadata,
    feed or dateline city do not say who published them.

    Raises :class:`SourceError` for anything that is not readable release text.
    """
    if hasattr(path_or_stdin, "read"):
        label, name, source = "<stdin>", "", path_or_stdin
    elif os.fspath(path_or_stdin) == "-":
        label, name, source = "<stdin>", "", sys.stdin.buffer
    else:
        label = name = os.fspath(path_or_stdin)
        source = path_or_stdin
    data = _read_bytes(source, label)  # type: ignore[arg-type]
    text, _encoding = decode_bytes(data, label)
    if not text.strip():
        raise SourceError(label, "empty file")
    defaults = Defaults(year, publisher_code(publisher) if publisher else None)
    kind = _sniff(name, text)
    bound = {
        "html": (MAX_HTML_BYTES, "an HTML page"),
        "text": (MAX_TEXT_BYTES, "one release's text"),
    }
    if kind in bound and len(data) > bound[kind][0]:  # stdin, or a page under another name
        raise SourceError(label, _too_large(len(data), *bound[kind]))
    uri = None if label == "<stdin>" else str(Path(label).resolve())
    if kind == "jsonl":
        return _read_jsonl(text, label, defaults)
    if kind == "json":
        return _read_json(text, label, defaults)
    if kind == "html":
        return _read_html(text, label, defaults)
    if kind == "feed":
        return _read_feed(data, label, defaults)
    return [
        _make_release(
            text,
            title=None,
            meta_date=None,
            year=year,
            source_uri=uri or content_source(label, text),
            default_publisher=defaults.publisher,
        )
    ]


def read_text(
    text: str,
    *,
    year: int | None = None,
    source_uri: str | None = None,
    publisher: str | None = None,
    title: str | None = None,
    date: object = None,
) -> Release:
    """A release from text already in memory (tests, library use, fetched pages); `date`
    is metadata as :func:`parse_date` reads it, completed by the dateline."""
    return _make_release(
        text,
        title=title,
        meta_date=date,
        year=year,
        source_uri=source_uri,
        publisher=publisher,
    )


GOLD_SUFFIX = ".events.jsonl"  # gold annotations (loaders/evaluate.py), no releases


def read_paths(
    paths: Iterable[str | os.PathLike],
    *,
    year: int | None = None,
    publisher: str | None = None,
) -> Iterator[tuple[str, Release | SourceError]]:
    """The one reading loop of ``load``, ``extract`` and ``eval``: ``(path, Release)`` for
    every release the inputs hold, in order, and ``(path, SourceError)`` for input that
    cannot be read (a JSON Lines file with some bad lines yields its good releases first).

    Gold files (``*.events.jsonl``) found inside a folder or by a glob are skipped: they
    annotate the releases beside them. A gold file named explicitly is read (and fails
    as a release file would, with a clear line).
    """
    given = {os.fspath(p) for p in paths}
    try:
        files = list(iter_paths(paths))
    except SourceError as exc:
        yield exc.path, exc
        return
    for path in files:
        if path.name.endswith(GOLD_SUFFIX) and str(path) not in given:
            continue
        try:
            for release in read_source(path, year=year, publisher=publisher):
                yield str(path), release
        except SourceError as exc:
            for release in exc.releases:  # the good records of a partly malformed file
                yield str(path), release
            yield str(path), exc


__all__ = [
    "GOLD_SUFFIX",
    "MAX_BYTES",
    "MAX_HTML_BYTES",
    "MAX_TEXT_BYTES",
    "SourceError",
    "decode_bytes",
    "detect_language",
    "iter_paths",
    "parse_date",
    "parse_dateline",
    "checked_publisher",
    "publisher_code",
    "read_paths",
    "read_source",
    "read_text",
]
