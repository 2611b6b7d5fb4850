"""No silent replacement: a release's identity never comes from a missing field. Texts
from stdin, feed items without link or guid, JSON records without url or id and HTML
pages sharing one canonical URL are each a release of their own; a real replacement (a
changed text under the same file or URL) says which source it replaced.

Every case is a real `dipgraph load` process on a private data directory.
"""

from __future__ import annotations

import json
import os
import subprocess
from html import escape
from pathlib import Path

import pytest
from reliability_support import (
    fresh_store,
    load_command,
    remove_data_dir,
    short_data_dir,
    write_release_folder,
)

# servers, subprocesses and real networks: the full suite, not the edit loop
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> list[str]:
    """Real release texts (the seed's paragraphs under datelines), each distinct."""
    folder = tmp_path_factory.mktemp("texts")
    return [p.read_text(encoding="utf-8") for p in write_release_folder(folder, 4)]


@pytest.fixture
def data_dir():
    d = short_data_dir()
    yield d
    remove_data_dir(d)


def load(paths, data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    return subprocess.run(load_command(paths, data_dir), input=stdin, capture_output=True,
                          text=True, timeout=300, env=env, check=False)  # fmt: skip


def releases(data_dir: Path) -> list[dict]:
    with fresh_store(data_dir) as store:
        return store.run(
            "MATCH (r:Release) WHERE r.complete = true "
            "RETURN r.id AS id, r.source_uri AS source ORDER BY source"
        )


def assert_all_loaded(run: subprocess.CompletedProcess, n: int) -> None:
    assert run.returncode == 0, run.stderr
    summary = run.stderr.strip().splitlines()[-1]
    assert "0 replaced" in summary and "0 failed" in summary, summary
    loaded = int(summary.split(" loaded")[0]) + int(summary.split(", ")[3].split()[0])
    assert loaded == n, summary  # loaded + without events


def test_each_stdin_text_is_its_own_release(data_dir, texts):
    for text in texts[:3]:
        assert_all_loaded(load(["-"], data_dir, stdin=text), 1)
    assert len(releases(data_dir)) == 3


def test_feed_items_without_link_or_guid_are_each_a_release(data_dir, texts, tmp_path):
    items = "".join(
        f"<item><title>Сообщение {i}</title><description>{escape(t)}</description></item>"
        for i, t in enumerate(texts)
    )
    feed = tmp_path / "mfa.rss"
    feed.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>МИД'
        f"</title>{items}</channel></rss>",
        encoding="utf-8",
    )
    assert_all_loaded(load([feed], data_dir), len(texts))
    assert len(releases(data_dir)) == len(texts)
    # loading the same feed again replaces nothing and adds nothing
    again = load([feed], data_dir)
    assert f"{len(texts)} already loaded" in again.stderr and "0 replaced" in again.stderr


def test_json_records_without_url_or_id_are_each_a_release(data_dir, texts, tmp_path):
    records = tmp_path / "records.json"
    records.write_text(json.dumps([{"text": t} for t in texts], ensure_ascii=False), "utf-8")
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps({"title": f"№{i}", "text": t + " Дополнение."}, ensure_ascii=False)
                  for i, t in enumerate(texts)),
        encoding="utf-8",
    )  # fmt: skip
    assert_all_loaded(load([records, jsonl], data_dir), 2 * len(texts))
    assert len(releases(data_dir)) == 2 * len(texts)


def test_html_pages_sharing_a_canonical_url_are_each_a_release(data_dir, texts, tmp_path):
    pages = []
    for i, text in enumerate(texts[:3]):
        page = tmp_path / f"page{i}.html"
        paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
        page.write_text(
            "<!doctype html><html><head><title>МИД</title>"
            '<link rel="canonical" href="https://mfa.example/"/>'
            '<meta property="og:url" content="https://mfa.example/"/></head>'
            f"<body><article>{paragraphs}</article></body></html>",
            encoding="utf-8",
        )
        pages.append(page)
    assert_all_loaded(load(pages[:2], data_dir), 2)
    assert_all_loaded(load(pages[2:], data_dir), 1)  # a later load replaces nothing either
    assert len(releases(data_dir)) == 3


def test_a_real_replacement_names_the_replaced_source(data_dir, texts, tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(texts[0], encoding="utf-8")
    assert_all_loaded(load([path], data_dir), 1)
    path.write_text(texts[0] + "\nДополнено пресс-службой.\n", encoding="utf-8")
    run = load([path], data_dir)
    assert run.returncode == 0, run.stderr
    assert "1 replaced" in run.stderr.splitlines()[-1]
    (line,) = [x for x in run.stderr.splitlines() if "replaces" in x]
    assert f"replaces the earlier version of {path.resolve()}" in line
    (only,) = releases(data_dir)
    assert only["source"] == str(path.resolve())


def test_two_records_naming_one_url_in_one_load_are_both_kept(data_dir, texts, tmp_path):
    jsonl = tmp_path / "dup.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps({"url": "https://mfa.example/1", "text": t}, ensure_ascii=False)
                  for t in texts[:2]),
        encoding="utf-8",
    )  # fmt: skip
    run = load([jsonl], data_dir)
    assert_all_loaded(run, 2)
    assert "same source https://mfa.example/1" in run.stderr
    assert len(releases(data_dir)) == 2
