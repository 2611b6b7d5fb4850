"""`dipgraph sync` and `dipgraph load URL` against a real HTTP server on 127.0.0.1
serving a fixture ministry site (tests/web_site.py): the good pages load, each bad one
gives one line naming its URL, nothing is lost or loaded twice across runs, an unchanged
page costs a 304, a changed one replaces its old version, and a sync killed at any
moment (SIGKILL) is finished by the next run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from reliability_support import (
    events_by_release,
    fresh_store,
    invariant_violations,
    remove_data_dir,
    short_data_dir,
)
from web_site import BAD, GOOD, RELEASES, SiteServer, sources_toml

from dipgraph.graph.store import StoreSettings
from dipgraph.loaders.web.fetch import Fetcher, FetchError, FetchSettings, retry_after_seconds
from dipgraph.loaders.web.sources_file import SourcesFileError, read_sources
from dipgraph.loaders.web.state import SyncState
from dipgraph.sync import SyncOptions, state_path, sync

# servers, subprocesses and real networks: the full suite, not the edit loop
pytestmark = pytest.mark.slow

BAD_PATHS = {slug: f"/private/{slug}" if slug == "private" else f"/news/{slug}" for slug in BAD}


@pytest.fixture
def site():
    with SiteServer() as s:
        yield s


@pytest.fixture
def data_dir():
    d = short_data_dir()
    yield d
    remove_data_dir(d)


@pytest.fixture
def sources(site, tmp_path) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(sources_toml(site), encoding="utf-8")
    return path


def dipgraph(*args: str, data_dir: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    env.pop("DIPGRAPH_USER_AGENT", None)
    argv = [sys.executable, "-m", "dipgraph.cli", *args, "--data-dir", str(data_dir)]
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env)


def releases(data_dir: Path) -> dict[str, dict]:
    """source_uri -> the Release node's properties (and fails on a URL stored twice)."""
    with fresh_store(data_dir) as store:
        rows = store.run("MATCH (r:Release) RETURN r.source_uri AS uri, properties(r) AS p")
    uris = [row["uri"] for row in rows]
    assert len(uris) == len(set(uris)), f"a URL loaded twice: {sorted(uris)}"
    return {row["uri"]: row["p"] for row in rows}


def good_urls(site) -> set[str]:
    return {site.url(f"/news/{slug}") for slug in GOOD}


def run_sync(sources: Path, data_dir: Path, **options):
    parsed = read_sources(sources)
    return sync(
        parsed.sources, StoreSettings(data_dir=data_dir), parsed.fetch_settings(),
        SyncOptions(**options),
    )  # fmt: skip


def test_two_syncs_load_each_good_page_once_and_name_each_bad_url(site, sources, data_dir):
    first = dipgraph("sync", str(sources), data_dir=data_dir)

    assert first.returncode == 1, first.stderr  # some pages failed
    assert "Traceback" not in first.stderr
    lines = first.stderr.splitlines()
    for slug, why in BAD.items():
        url = site.url(BAD_PATHS[slug])
        naming = [line for line in lines if url in line]
        assert len(naming) == 1, (url, lines)
        assert naming[0].startswith(f"error: {url}: ") and why in naming[0], naming[0]
    assert lines[-1].startswith("mfa-test: 12 found, 7 new, 0 replaced, 0 unchanged, 5 failed")
    loaded = releases(data_dir)
    assert set(loaded) == good_urls(site)
    assert {r["publisher"] for r in loaded.values()} == {"KZ"}
    assert {r["language"] for r in loaded.values()} == {"ru"}
    assert not site.hits_for("/private/private"), "robots.txt disallows /private/"
    assert {h.user_agent for h in site.hits} == {"dipgraph-test/1.0 (+mailto:test@example.org)"}
    # 429 with Retry-After: 1, then success; 500, then success
    throttled = site.hits_for("/news/4")
    assert [h.status for h in throttled] == [429, 200]
    assert throttled[1].at - throttled[0].at >= 0.95
    assert [h.status for h in site.hits_for("/news/5")] == [500, 200]
    with fresh_store(data_dir) as store:
        counts = store.count_nodes(), store.count_edges()
        events = events_by_release(store)
    assert sum(events.values()) >= len(GOOD), events  # the fixture releases have events

    site.reset_log()
    second = dipgraph("sync", str(sources), data_dir=data_dir)

    assert "mfa-test: 12 found, 0 new, 0 replaced, 7 unchanged, 3 failed" in second.stderr
    assert "2 given up earlier" in second.stderr  # the 404 and the robots.txt refusal
    asked = [h for h in site.hits if h.path.startswith("/news/") and h.path[6:] in RELEASES]
    assert asked and all(h.conditional and h.status == 304 for h in asked), asked
    # the sitemap's lastmod is unchanged for 3 and 8: not even asked
    assert not site.hits_for("/news/3") and not site.hits_for("/news/8")
    assert not site.hits_for("/news/gone")
    assert releases(data_dir).keys() == loaded.keys()
    with fresh_store(data_dir) as store:
        assert (store.count_nodes(), store.count_edges()) == counts
        assert events_by_release(store) == events


def test_title_and_date_come_from_the_page_when_the_feed_lacks_them(site, sources, data_dir):
    run_sync(sources, data_dir)
    loaded = releases(data_dir)

    # /news/2: cp1251 named in Content-Type, no title or date in the feed
    page2 = loaded[site.url("/news/2")]
    assert page2["title"] == RELEASES["2"][0]
    assert page2["published"] == "2026-03-05" and page2["date_precision"] == "day"
    assert "Финляндии" in page2["text"]
    # /news/3: cp1251 declared only in the page's <meta>
    assert "Королевства Нидерланды" in loaded[site.url("/news/3")]["text"]
    # /news/1: the feed's title and date
    assert loaded[site.url("/news/1")]["title"] == RELEASES["1"][0]
    assert loaded[site.url("/news/1")]["published"] == "2026-03-03"


def test_a_changed_page_replaces_its_old_version(site, sources, data_dir):
    run_sync(sources, data_dir)
    old_id = releases(data_dir)[site.url("/news/1")]["id"]
    site.bodies["1"] = RELEASES["1"][2].replace("Венгрии Ласло Ковачем", "Польши Яном Новаком")

    report = run_sync(sources, data_dir)

    statuses = {o.path: o.status for o in report.outcomes}
    assert statuses[site.url("/news/1")] == "replaced"
    loaded = releases(data_dir)
    assert set(loaded) == good_urls(site)
    assert loaded[site.url("/news/1")]["id"] != old_id
    assert "Польши" in loaded[site.url("/news/1")]["text"]
    with fresh_store(data_dir) as store:
        assert not store.has_release(old_id, complete=False)


def test_since_and_max_items(site, sources, data_dir):
    report = run_sync(sources, data_dir, since="2026-03-11", max_items=2)
    # dated on or after the 11th: 5 (feed, 12th), 8 (sitemap, 14th), 9 (page, 16th);
    # the newest known dates first: 8 and 5, then 9 waits
    assert set(releases(data_dir)) == {site.url("/news/8"), site.url("/news/5")}
    assert report.sources[0].planned == 2

    run_sync(sources, data_dir, since="2026-03-11")
    assert set(releases(data_dir)) == {site.url(f"/news/{s}") for s in ("5", "8", "9")}

    run_sync(sources, data_dir)  # without --since: the older ones, still pending, load
    assert set(releases(data_dir)) == good_urls(site)


def test_load_url_takes_a_page_a_feed_or_a_sitemap(site, data_dir):
    fast = ["--rate", "100", "--max-bytes", "200000", "--publisher", "kz"]
    page = dipgraph("load", site.url("/news/9"), *fast, data_dir=data_dir)
    assert page.returncode == 0, page.stderr
    assert f"{site.url('/news/9')}: 1 found, 1 new" in page.stderr
    sitemap = dipgraph("load", site.url("/sitemap.xml"), *fast, data_dir=data_dir)
    assert sitemap.returncode == 0, sitemap.stderr
    assert "3 found, 3 new" in sitemap.stderr
    loaded = releases(data_dir)
    assert set(loaded) == {site.url(f"/news/{s}") for s in ("1", "3", "8", "9")}
    assert {r["publisher"] for r in loaded.values()} == {"KZ"}
    bad = dipgraph("load", "ftp://127.0.0.1/x", data_dir=data_dir)
    assert bad.returncode == 1 and "ftp://127.0.0.1/x: only http and https" in bad.stderr


def test_a_sitemap_index_is_followed_and_a_missing_index_named(site, data_dir):
    fast = ["--rate", "100", "--publisher", "osce"]
    run = dipgraph("load", site.url("/sitemap-index.xml"), site.url("/missing.xml"), *fast,
                   data_dir=data_dir)  # fmt: skip
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert f"error: {site.url('/sitemap-gone.xml')}: HTTP 404: the page is gone" in lines
    assert f"error: {site.url('/missing.xml')}: HTTP 404: the page is gone" in lines
    summary = f"{site.url('/sitemap-index.xml')}: 3 found, 3 new, 0 replaced, 0 unchanged"
    assert f"{summary}, 1 failed" in run.stderr
    loaded = releases(data_dir)
    assert set(loaded) == {site.url(f"/news/{s}") for s in ("1", "3", "8")}
    assert {r["publisher"] for r in loaded.values()} == {"OSCE"}
    bad = dipgraph("load", site.url("/sitemap.xml"), "--publisher", "Kazakhstan",
                   data_dir=data_dir)  # fmt: skip
    assert bad.returncode == 2 and "--publisher" in bad.stderr and "ISO 3166" in bad.stderr


def test_requests_to_a_host_keep_to_the_rate(site):
    settings = FetchSettings(rate=5.0, concurrency=4, obey_robots=False)
    with Fetcher(settings) as fetcher:
        threads = [
            threading.Thread(target=fetcher.get, args=(site.url(f"/news/{slug}"),))
            for slug in ("1", "3", "8", "9", "2")
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    starts = sorted(h.at for h in site.hits)
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 5 and min(gaps) >= 0.18, gaps


def test_fetch_refuses_what_it_must():
    with Fetcher(FetchSettings(obey_robots=False)) as fetcher:
        for url, why in [("file:///etc/passwd", "only http and https"),
                         ("http:///nohost", "without a host")]:  # fmt: skip
            with pytest.raises(FetchError, match=why) as info:
                fetcher.get(url)
            assert str(info.value).startswith(url)
    assert retry_after_seconds("7") == 7
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470) == 10
    assert retry_after_seconds("soon") is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[source]]\nname='a'\nministry='M'\npublisher='KZ'\n", "at least one of feeds"),
        ("[[source]]\nname='a'\nministry='M'\npublisher='Kazakhstan'\nfeeds=['http://x/']\n",
         "ISO 3166 alpha-2 code"),
        ("[[source]]\nname='a'\nministry='M'\npublisher='KZ'\nfeeds=['ftp://x/']\n",
         "only http and https"),
        ("[[source]]\nname='a'\nministry='M'\npublisher='KZ'\nfeed=['http://x/']\n",
         "unknown key(s) feed"),
        ("[fetch]\nrate=0\n[[source]]\nname='a'\nministry='M'\npublisher='KZ'\n"
         "feeds=['http://x/']\n", "rate must be > 0"),
        ("source = [", "not valid TOML"),
    ],
)  # fmt: skip
def test_a_bad_sources_file_gets_one_line_naming_it(tmp_path, text, problem):
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourcesFileError) as info:
        read_sources(path)
    assert str(info.value).startswith(f"{path}: ") and problem in str(info.value)
    assert "\n" not in str(info.value)


def test_the_example_sources_file_is_valid():
    example = Path(__file__).resolve().parents[1] / "examples" / "sources.toml"
    parsed = read_sources(example)
    assert parsed.sources and all(s.publisher and s.ministry for s in parsed.sources)


# --- SIGKILL ---------------------------------------------------------------------------

KILLS = 8
SEED = 20261201


def test_sigkill_of_a_sync_at_random_moments_loses_nothing_and_loads_nothing_twice(
    site, sources, data_dir, tmp_path, capsys
):
    clean_dir = short_data_dir()
    try:
        started = time.monotonic()
        assert "Traceback" not in dipgraph("sync", str(sources), data_dir=clean_dir).stderr
        clean_seconds = time.monotonic() - started  # the whole process, start-up included
        clean = releases(clean_dir)
        with fresh_store(clean_dir) as store:
            expected_events = events_by_release(store)
    finally:
        remove_data_dir(clean_dir)

    rng = random.Random(SEED)
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    argv = [sys.executable, "-m", "dipgraph.cli", "sync", str(sources), "-q",
            "--data-dir", str(data_dir)]  # fmt: skip
    changed = ("1", "2", "9")
    log = []
    for i in range(KILLS):
        for slug in changed:  # changed pages every other run, so that later runs write too
            if i % 2:
                site.bodies[slug] = RELEASES[slug][2] + f" Правка {i}."
            else:
                site.bodies.pop(slug, None)
        proc = subprocess.Popen(argv, stderr=subprocess.DEVNULL, env=env)
        delay = rng.uniform(0.4, 1.0) * clean_seconds  # past start-up, into fetch and write
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        killed = proc.returncode == -signal.SIGKILL
        with fresh_store(data_dir) as store:
            present = events_by_release(store)
            allowed = dict(expected_events)  # changed versions: whatever they hold
            allowed.update({rid: n for rid, n in present.items() if rid not in allowed})
            assert invariant_violations(store, allowed) == []
        releases(data_dir)  # no URL twice
        log.append(f"{delay:.1f}s:{len(present) if killed else 'done'}")

    for slug in changed:
        site.bodies.pop(slug, None)
    final = dipgraph("sync", str(sources), data_dir=data_dir)
    assert "Traceback" not in final.stderr
    loaded = releases(data_dir)
    assert {uri: r["id"] for uri, r in loaded.items()} == {uri: r["id"] for uri, r in clean.items()}
    with fresh_store(data_dir) as store:
        assert invariant_violations(store, expected_events) == []
    with SyncState(state_path(data_dir)) as state:
        for url in good_urls(site):
            page = state.get(url)
            assert page.status == "loaded" and page.release_id == loaded[url]["id"], url
    with capsys.disabled():
        print(f"\n  sync SIGKILL loop, a clean `dipgraph sync` takes {clean_seconds:.1f}s "
              f"(delay:releases present): {' '.join(log)}")  # fmt: skip
