"""Incremental loading: a release already loaded is skipped before any NLP runs,
`--replace` rewrites a release without duplicates, and a changed text under the same
source (path or URL) is a new version that retracts the old one's facts.

Node and edge counts are exact: the store must hold the union of what a clean extraction
of the same files gives, node for node and edge for edge.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from reliability_support import (
    count_violations,
    expected_batch,
    fresh_store,
    real_release_files,
    remove_data_dir,
    short_data_dir,
)

from dipgraph.graph.store import StoreSettings
from dipgraph.ingest import load


@pytest.fixture
def data_dir():
    d = short_data_dir()
    yield d
    remove_data_dir(d)


@pytest.fixture
def releases(tmp_path: Path) -> list[Path]:
    return real_release_files(tmp_path / "releases")


def graph_counts(data_dir: Path) -> tuple[int, int]:
    with fresh_store(data_dir) as store:
        return store.count_nodes(), store.count_edges()


def release_ids(data_dir: Path) -> set[str]:
    with fresh_store(data_dir) as store:
        return {r["id"] for r in store.run("MATCH (r:Release) RETURN r.id AS id")}


def test_first_load_writes_exactly_the_extracted_graph(data_dir, releases):
    report = load(releases, StoreSettings(data_dir=data_dir), year=2026)
    assert report.exit_code == 0, report.summary()
    # the seed, two text examples and a JSONL file of two records
    assert [o.status for o in report.outcomes] == ["loaded"] * 5
    assert graph_counts(data_dir) == expected_batch(releases).counts
    assert len(release_ids(data_dir)) == 5


def test_an_already_loaded_release_is_skipped_in_milliseconds(data_dir, releases, capsys):
    settings = StoreSettings(data_dir=data_dir)
    load(releases, settings, year=2026)
    before = graph_counts(data_dir)

    started = time.perf_counter()
    again = load(releases, settings, year=2026)
    seconds = time.perf_counter() - started

    # no extraction ran: every release answered from its content hash
    assert [o.status for o in again.outcomes] == ["skipped"] * 5
    assert again.events == 0
    assert graph_counts(data_dir) == before
    per_release_ms = 1000 * seconds / len(again.outcomes)
    with capsys.disabled():
        print(
            f"\n  skip of an already-loaded release: {per_release_ms:.1f} ms per release "
            f"({1000 * seconds:.0f} ms for {len(again.outcomes)}, lock and store included)"
        )
    assert per_release_ms < 1000


def test_replace_rewrites_every_release_with_the_same_counts(data_dir, releases):
    settings = StoreSettings(data_dir=data_dir)
    load(releases, settings, year=2026)
    before = graph_counts(data_dir)
    ids = release_ids(data_dir)

    report = load(releases, settings, year=2026, replace=True)

    assert [o.status for o in report.outcomes] == ["replaced"] * 5
    assert report.events > 0
    assert graph_counts(data_dir) == before == expected_batch(releases).counts
    assert release_ids(data_dir) == ids


def test_a_changed_text_at_the_same_path_is_a_new_version(data_dir, releases):
    settings = StoreSettings(data_dir=data_dir)
    seed = releases[0]
    load([seed], settings, year=2026)
    with fresh_store(data_dir) as store:
        (old,) = store.run("MATCH (r:Release) RETURN r.id AS id, r.source_uri AS uri")
        old_events = store.run(
            "MATCH (e:Event {release_id: $id}) RETURN count(e) AS n", {"id": old["id"]}
        )[0]["n"]
    assert old_events > 0

    # the ministry corrects its release: the last paragraph goes, one sentence changes
    lines = seed.read_text(encoding="utf-8").splitlines()
    edited = [line.replace("Болата Иманбаева", "Болата Иманбаева (Ереван)") for line in lines]
    seed.write_text("\n".join(edited[:-1]) + "\n", encoding="utf-8")

    report = load([seed], settings, year=2026)

    (outcome,) = report.outcomes
    assert outcome.status == "replaced"
    assert report.superseded == [old["id"]]
    with fresh_store(data_dir) as store:
        rows = store.run("MATCH (r:Release) RETURN r.id AS id, r.source_uri AS uri")
        assert rows == [{"id": outcome.release_id, "uri": old["uri"]}]
        gone = store.run(
            "MATCH (e:Event {release_id: $id}) RETURN count(e) AS n", {"id": old["id"]}
        )
        assert gone[0]["n"] == 0
        stale_edges = store.run(
            "MATCH ()-[c]->() WHERE c.release_id = $id RETURN count(c) AS n", {"id": old["id"]}
        )
        assert stale_edges[0]["n"] == 0
        stale_sources = store.run(
            "MATCH (e:Event) WHERE $id IN e.sources RETURN count(e) AS n", {"id": old["id"]}
        )
        assert stale_sources[0]["n"] == 0
        assert count_violations(store) == []
    # exactly what the new text alone gives: nothing of the old version is left
    assert graph_counts(data_dir) == expected_batch([seed]).counts


def test_a_new_release_beside_loaded_ones_only_adds(data_dir, releases):
    settings = StoreSettings(data_dir=data_dir)
    load(releases[:2], settings, year=2026)
    report = load(releases, settings, year=2026)
    assert [o.status for o in report.outcomes] == ["skipped", "skipped"] + ["loaded"] * 3
    assert graph_counts(data_dir) == expected_batch(releases).counts


def test_a_jsonl_record_that_changes_under_its_id_replaces_only_itself(data_dir, tmp_path):
    jsonl = tmp_path / "feed.jsonl"
    source = (Path(__file__).resolve().parents[1] / "examples" / "releases").glob("*.jsonl")
    original = next(iter(source)).read_text(encoding="utf-8")
    jsonl.write_text(original, encoding="utf-8")
    settings = StoreSettings(data_dir=data_dir)
    load([jsonl], settings, year=2026)
    before_ids = release_ids(data_dir)
    assert len(before_ids) == 2

    first, second = original.strip().splitlines()
    jsonl.write_text(first.replace("региональной безопасности", "безопасности") + "\n" + second)
    report = load([jsonl], settings, year=2026)

    assert sorted(o.status for o in report.outcomes) == ["replaced", "skipped"]
    after_ids = release_ids(data_dir)
    assert len(after_ids) == 2 and len(after_ids & before_ids) == 1
    assert graph_counts(data_dir) == expected_batch([jsonl]).counts


def test_the_same_text_twice_in_one_load_is_written_once(data_dir, releases, tmp_path):
    copy = tmp_path / "copy-of-seed.txt"
    copy.write_bytes(releases[0].read_bytes())
    report = load([releases[0], copy], StoreSettings(data_dir=data_dir), year=2026)
    # skips are answered in the cheap first pass, before any extraction
    skipped, loaded = report.outcomes
    assert (skipped.status, loaded.status) == ("skipped", "loaded")
    assert skipped.path == str(copy)
    assert skipped.message == f"same text as {releases[0]}"
    assert graph_counts(data_dir) == expected_batch([releases[0]]).counts
