"""A polite HTTP client: what dipgraph sends to a ministry's site, and how often.

- httpx underneath, only http and https, bounded redirects, connect and read timeouts;
- an RFC 9111 cache (hishel, SQLite in the data directory): a page fetched before is
  revalidated with its ETag / Last-Modified, and a 304 serves the stored body, so an
  unchanged page is not downloaded again;
- robots.txt obeyed (protego), including its Crawl-delay; an unreachable robots.txt (5xx,
  timeout) counts as "disallow all" for that run (RFC 9309 §2.3.1.4);
- per host: at most ``rate`` requests a second and ``concurrency`` at once;
- retries with exponential backoff on 429, 5xx and dropped connections, honouring
  Retry-After (and pausing the whole host for it);
- a size cap on every body, checked while it streams.

Every failure is a :class:`FetchError` whose ``str()`` is one line naming the URL.
"""

from __future__ import annotations

import contextlib
import email.utils
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

from dipgraph.version import __version__

DEFAULT_USER_AGENT = f"dipgraph/{__version__} (diplomatic-relations research; +robots.txt obeyed)"
#: the token robots.txt rules are matched against
ROBOTS_AGENT = "dipgraph"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB


class FetchError(Exception):
    """A URL that could not be fetched. ``str()`` is one line: the URL, then why."""

    def __init__(self, url: str, problem: str, *, status: int | None = None):
        self.url = url
        self.problem = problem
        self.status = status
        super().__init__(f"{url}: {problem}")

    @property
    def permanent(self) -> bool:
        """Gone for good (404, 410) or refused by robots.txt: not worth retrying daily."""
        return self.status in (404, 410) or self.problem.startswith("disallowed by robots.txt")


@dataclass(frozen=True)
class FetchSettings:
    """How dipgraph behaves towards a site; the defaults are deliberately gentle."""

    user_agent: str = DEFAULT_USER_AGENT
    rate: float = 1.0  # requests a second, per host
    concurrency: int = 2  # requests at once, per host
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 2.0  # seconds before the first retry; doubles each time
    max_wait: float = 300.0  # longest Retry-After / Crawl-delay honoured; longer fails
    obey_robots: bool = True
    cache_path: Path | None = None  # SQLite HTTP cache; None: no cache

    def __post_init__(self) -> None:
        if self.rate <= 0:
            raise ValueError("rate must be > 0 requests a second")
        if self.concurrency < 1:
            raise ValueError("concurrency must be at least 1")


@dataclass
class Fetched:
    """A response body that arrived whole (or came from the cache)."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content: bytes
    content_type: str = ""
    charset: str | None = None
    from_cache: bool = False  # served from the cache (fresh, or revalidated by a 304)
    headers: dict[str, str] = field(default_factory=dict)


def check_url(url: str) -> str:
    """The URL if dipgraph may fetch it (http or https with a host), else FetchError."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, "only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchError(url, "URL without a host")
    return url


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP-date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _HostGate:
    """At most `concurrency` requests at once and one start every `interval` seconds."""

    def __init__(self, concurrency: int, interval: float):
        self.slots = threading.BoundedSemaphore(concurrency)
        self.interval = interval
        self.lock = threading.Lock()
        self.next_start = 0.0

    def pause(self, seconds: float) -> None:
        """Nobody starts a request on this host for `seconds` (a 429's Retry-After)."""
        with self.lock:
            self.next_start = max(self.next_start, time.monotonic() + seconds)

    @contextlib.contextmanager
    def turn(self):
        with self.slots:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.next_start = start + self.interval
            if start > now:
                time.sleep(start - now)
            yield


class Fetcher:
    """Thread-safe; one per sync. Use as a context manager (closes the connections and
    the cache)."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = s = settings or FetchSettings()
        timeout = httpx.Timeout(s.read_timeout, connect=s.connect_timeout)
        transport: httpx.BaseTransport = httpx.HTTPTransport(retries=0)
        if s.cache_path is not None:
            from hishel import CacheOptions, SqliteStorage
            from hishel.httpx import CacheTransport

            s.cache_path.parent.mkdir(parents=True, exist_ok=True)
            storage = SqliteStorage(database_path=s.cache_path)
            # a private cache: one user's copy of public pages
            transport = CacheTransport(transport, storage=storage, rfc=CacheOptions(shared=False))
        self.client = httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=True,
            max_redirects=s.max_redirects,
            headers={"User-Agent": s.user_agent},
            trust_env=False,
        )
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, object] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # --- politeness ------------------------------------------------------------------

    def _gate(self, host: str, crawl_delay: float | None = None) -> _HostGate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = _HostGate(self.settings.concurrency, 1.0 / self.settings.rate)
                self._gates[host] = gate
            if crawl_delay:
                gate.interval = max(gate.interval, min(crawl_delay, self.settings.max_wait))
            return gate

    def _robots_for(self, url: str):
        """The host's parsed robots.txt (fetched once per run); None: everything allowed."""
        host = host_of(url)
        with self._lock:
            if host in self._robots:
                return self._robots[host]
        from protego import Protego

        robots_url = host + "/robots.txt"
        try:
            fetched = self._get(robots_url, max_bytes=ROBOTS_MAX_BYTES, accept_404=True)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                rules = None  # no robots.txt: no restrictions
            else:
                rules = exc  # unreachable: disallow all, this run
        else:
            if fetched.status >= 400:
                rules = None
            else:
                rules = Protego.parse(fetched.content.decode("utf-8", errors="replace"))
        with self._lock:
            self._robots[host] = rules
        if rules is not None and not isinstance(rules, FetchError):
            self._gate(host, rules.crawl_delay(ROBOTS_AGENT))
        return rules

    def allowed(self, url: str) -> None:
        """Raise FetchError unless robots.txt lets dipgraph fetch `url`."""
        if not self.settings.obey_robots:
            return
        rules = self._robots_for(url)
        if isinstance(rules, FetchError):
            raise FetchError(
                url, f"robots.txt of {host_of(url)} unreachable ({rules.problem}); not fetched"
            )
        if rules is not None and not rules.can_fetch(url, ROBOTS_AGENT):
            raise FetchError(url, "disallowed by robots.txt; not fetched")

    # --- fetching --------------------------------------------------------------------

    def get(self, url: str) -> Fetched:
        """GET a URL politely; a 2xx body (possibly from the cache) or FetchError."""
        url = check_url(url.strip())
        self.allowed(url)
        return self._get(url, max_bytes=self.settings.max_bytes)

    def _get(self, url: str, *, max_bytes: int, accept_404: bool = False) -> Fetched:
        s = self.settings
        gate = self._gate(host_of(url))
        attempts = s.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                with gate.turn():
                    fetched = self._once(url, max_bytes)
            except httpx.TimeoutException as exc:
                kind = "connect" if isinstance(exc, httpx.ConnectTimeout) else "read"
                limit = s.connect_timeout if kind == "connect" else s.read_timeout
                problem = f"no response within {limit:g}s ({kind} timeout)"
                wait = s.backoff * 2**attempt
            except httpx.TooManyRedirects:
                raise FetchError(url, f"more than {s.max_redirects} redirects (a loop?)") from None
            except httpx.UnsupportedProtocol:
                raise FetchError(url, "redirected to a URL that is not http or https") from None
            except (httpx.TransportError, httpx.DecodingError) as exc:
                problem = f"connection failed ({type(exc).__name__}: {exc})"
                wait = s.backoff * 2**attempt
            else:
                status = fetched.status
                if status < 400 or (accept_404 and status in (404, 410)):
                    return fetched
                problem = f"HTTP {status}"
                if status not in RETRY_STATUSES:
                    raise FetchError(url, _status_problem(status), status=status)
                wait = s.backoff * 2**attempt
                asked = retry_after_seconds(fetched.headers.get("retry-after"))
                if asked is not None:
                    if asked > s.max_wait:
                        raise FetchError(
                            url,
                            f"HTTP {status}, the server asks to wait {asked:.0f}s "
                            f"(over {s.max_wait:.0f}s): try again later",
                            status=status,
                        )
                    wait = asked
                    gate.pause(asked)
                if last:
                    raise FetchError(url, f"HTTP {status} after {attempts} attempts", status=status)
            if last:
                raise FetchError(url, f"{problem} after {attempts} attempts")
            time.sleep(min(wait, s.max_wait))
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, url: str, max_bytes: int) -> Fetched:
        with self.client.stream("GET", url) as response:
            if response.status_code >= 400:
                return Fetched(
                    url, str(response.url), response.status_code, b"",
                    headers={k.lower(): v for k, v in response.headers.items()},
                )  # fmt: skip
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(url, _too_large(int(declared), max_bytes))
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, _too_large(None, max_bytes))
                chunks.append(chunk)
            caching = response.extensions.get("caching")
            return Fetched(
                url=url,
                final_url=str(response.url),
                status=response.status_code,
                content=b"".join(chunks),
                content_type=response.headers.get("content-type", "").split(";")[0].strip(),
                charset=response.charset_encoding,
                from_cache=bool(caching and caching.get("from_cache")),
                headers={k.lower(): v for k, v in response.headers.items()},
            )


def _status_problem(status: int) -> str:
    if status in (404, 410):
        return f"HTTP {status}: the page is gone"
    if status in (401, 403):
        return f"HTTP {status}: access refused"
    return f"HTTP {status}"


def _too_large(size: int | None, limit: int) -> str:
    what = f"{size / 1024:,.0f} KiB" if size else "over the limit"
    return f"too large ({what}, limit {limit / 1024:,.0f} KiB; raise --max-bytes to fetch it)"


def normalize_url(url: str) -> str:
    """Scheme and host in lower case, no fragment: one spelling per page."""
    parts = urlsplit(url.strip())
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )
