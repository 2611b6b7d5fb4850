"""Bad input gets a clear answer: `dipgraph load` prints exactly one line naming the file
and its problem, loads every other file of the same command, ends with the summary, and
exits with status 1. Every case runs a real `dipgraph load` process on a real store.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED_RELEASE, missing_tool
from reliability_support import fresh_store, remove_data_dir, run_load, short_data_dir

from dipgraph.loaders.sources import MAX_BYTES, SourceError, read_source

pytestmark = pytest.mark.slow  # one real `dipgraph load` process per case (~1 s each)

GOOD_EXAMPLE = EXAMPLES / "releases" / "2026-03-17_astana.txt"
SUMMARY_WORDS = ("loaded", "already loaded", "failed")


@pytest.fixture(scope="module")
def data_dir():
    d = short_data_dir()
    yield d
    remove_data_dir(d)


@pytest.fixture
def folder(tmp_path: Path, request) -> Path:
    """A folder with one good release (unique to the test) beside the bad input."""
    d = tmp_path / "in"
    d.mkdir()
    text = GOOD_EXAMPLE.read_text(encoding="utf-8")
    (d / "good.txt").write_text(f"Проверка: {request.node.name}\n{text}", encoding="utf-8")
    return d


def events_of(data_dir: Path, path: Path) -> int:
    (release,) = read_source(path, year=2026)
    with fresh_store(data_dir) as store:
        rows = store.run(
            "MATCH (r:Release {id: $id})-[:REPORTS]->(e:Event) "
            "WHERE r.complete = true RETURN count(e) AS n",
            {"id": release.id},
        )
    return int(rows[0]["n"])


def assert_one_clear_failure(run, bad: Path, problem: str, data_dir: Path, good: Path):
    """One line names the bad file and its problem; the good file loaded; summary last."""
    naming = run.lines_naming(bad.name)
    assert len(naming) == 1, run.stderr
    assert str(bad) in naming[0] and problem in naming[0], naming[0]
    assert not any("Traceback" in line for line in run.lines), run.stderr
    assert run.code == 1, run.stderr
    assert all(word in run.lines[-1] for word in SUMMARY_WORDS), run.lines[-1]
    assert "1 failed" in run.lines[-1]
    assert events_of(data_dir, good) > 0, "the good file of the same command must load"


def test_empty_file(data_dir, folder):
    bad = folder / "empty.txt"
    bad.write_bytes(b"")
    run = run_load([folder], data_dir)
    assert_one_clear_failure(run, bad, "empty file", data_dir, folder / "good.txt")


def test_binary_file(data_dir, folder):
    bad = folder / "chart.txt"  # a PNG under a text name
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4096))
    run = run_load([folder], data_dir)
    assert_one_clear_failure(run, bad, "binary file", data_dir, folder / "good.txt")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_legacy_cyrillic_encodings_are_detected_and_load(data_dir, tmp_path, encoding):
    text = SEED_RELEASE.read_text(encoding="utf-8").replace("\u2011", "-")
    text = text.replace("Внешняя политика", f"Внешняя политика ({encoding})")
    legacy = tmp_path / f"digest-{encoding}.txt"
    legacy.write_bytes(text.encode(encoding))
    utf8 = tmp_path / "digest-utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    (release,) = read_source(legacy, year=2026)
    assert release.text == read_source(utf8, year=2026)[0].text

    run = run_load([legacy], data_dir)

    assert run.code == 0, run.stderr
    assert "1 loaded" in run.lines[-1]
    assert events_of(data_dir, legacy) >= 8  # the seed's gold has 10 events


def test_undecodable_bytes(data_dir, folder):
    bad = folder / "mojibake.txt"  # valid in no utf-8/cp1251; koi8-r makes box drawing
    bad.write_bytes(bytes(range(0x80, 0xC0)) * 64)
    run = run_load([folder], data_dir)
    assert_one_clear_failure(run, bad, "undecodable text", data_dir, folder / "good.txt")


def write_50_mb(path: Path) -> None:
    """50 MB of real release text (the seed, over and over)."""
    chunk = SEED_RELEASE.read_bytes()
    with path.open("wb") as fh:
        while fh.tell() < MAX_BYTES:
            fh.write(chunk[: MAX_BYTES - fh.tell()])
    assert path.stat().st_size == 50 * 2**20


def test_a_50_mb_file_is_refused_at_once(data_dir, folder, capsys):
    bad = folder / "huge.txt"
    write_50_mb(bad)
    started = time.perf_counter()
    run = run_load([folder], data_dir)
    seconds = time.perf_counter() - started
    assert_one_clear_failure(run, bad, "file too large for one release's text (50 MB, limit 2 MB",
                             data_dir, folder / "good.txt")  # fmt: skip

    # refused from its size: the reader never holds the file in memory
    tracemalloc.start()
    t0 = time.perf_counter()
    with pytest.raises(SourceError, match="too large"):
        read_source(bad)
    refusal_ms = 1000 * (time.perf_counter() - t0)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1 << 20, f"read {peak} bytes of a file it should refuse unread"
    with capsys.disabled():
        print(f"\n  50 MB file: refused in {refusal_ms:.2f} ms by the reader (peak {peak} B); "
              f"whole `dipgraph load` of the folder {seconds:.1f} s")  # fmt: skip


def test_a_release_too_long_to_extract_is_refused_before_extraction(data_dir, folder):
    bad = folder / "book.txt"  # 1.3 MB: readable, but no release is that long
    seed = SEED_RELEASE.read_text(encoding="utf-8")
    bad.write_text(seed + "\n" + "Продолжение следует. " * 30_000, encoding="utf-8")
    started = time.perf_counter()
    run = run_load([folder], data_dir)
    assert time.perf_counter() - started < 60
    assert_one_clear_failure(run, bad, "release text too long", data_dir, folder / "good.txt")


def test_html_without_article_text(data_dir, folder):
    bad = folder / "menu.html"
    bad.write_text(
        "<!doctype html><html><head><title>МИД</title></head><body>"
        "<nav><a href='/'>Главная</a> | <a href='/news'>Новости</a></nav></body></html>",
        encoding="utf-8",
    )
    run = run_load([folder], data_dir)
    assert_one_clear_failure(run, bad, "HTML with no article text", data_dir, folder / "good.txt")


def test_malformed_json_lines_name_the_line_and_the_good_records_load(data_dir, folder):
    example = (EXAMPLES / "releases" / "2026-04-02_astana.jsonl").read_text(encoding="utf-8")
    first, second = example.strip().splitlines()
    bad = folder / "feed.jsonl"
    bad.write_text(f'{first}\n{{"id": "x", "text": "обрыв\n{second}\n', encoding="utf-8")
    run = run_load([folder], data_dir)
    assert_one_clear_failure(run, bad, "malformed JSON line 2", data_dir, folder / "good.txt")
    # the records before and after the broken line are releases in the graph
    with fresh_store(data_dir) as store:
        for release in read_source(EXAMPLES / "releases" / "2026-04-02_astana.jsonl"):
            rows = store.run(
                "MATCH (r:Release {id: $id})-[:REPORTS]->(e) RETURN count(e) AS n",
                {"id": release.id},
            )
            assert rows[0]["n"] > 0


@pytest.mark.parametrize(
    "kind, problem",
    [
        ("dangling symlink", "no such file"),
        ("symlink loop", "Too many levels of symbolic links"),
        ("fifo without a writer", "empty file"),
    ],
)
def test_a_directory_with_an_entry_that_cannot_be_read(data_dir, folder, kind, problem):
    """Unreadable even for root: each is reported, never skipped silently nor waited on."""
    bad = folder / "release.txt"
    if kind == "dangling symlink":
        bad.symlink_to(folder / "deleted-release.txt")
    elif kind == "symlink loop":
        bad.symlink_to(bad.name)
    else:
        os.mkfifo(bad)
    run = run_load([folder], data_dir, timeout=120)
    assert_one_clear_failure(run, bad, problem, data_dir, folder / "good.txt")


#: root without the capabilities that let it read any file (util-linux setpriv)
DROP_DAC = ["--inh-caps=-dac_override,-dac_read_search",
            "--bounding-set=-dac_override,-dac_read_search"]  # fmt: skip


def test_a_directory_with_a_chmod_000_file(data_dir, folder):
    """Permission denied is real only without root's override: as root, the load runs
    with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped (still uid 0, owning its files)."""
    bad = folder / "secret.txt"
    shutil.copy(GOOD_EXAMPLE, bad)
    bad.chmod(0)
    prefix = None
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            missing_tool("setpriv (util-linux) to drop root's file-access override")
        prefix = [setpriv, *DROP_DAC]
    run = run_load([folder], data_dir, prefix=prefix)
    assert_one_clear_failure(run, bad, "permission denied", data_dir, folder / "good.txt")
    assert stat.S_IMODE(bad.stat().st_mode) == 0


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("kazakh.txt", "Қазақстан Республикасы Сыртқы істер министрінің орынбасары Роман "
         "Василенко Норвегия елшісімен кездесті.",
             "Kazakh (kk), which has no extraction pipeline"),
        ("dateline-only.txt", "Астана. 3 марта. МИД - .", "too short"),
    ],
)  # fmt: skip
def test_text_in_no_supported_language_gets_a_message_and_no_events(
    data_dir, tmp_path, name, text, message
):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = run_load([path], data_dir)
    (line,) = run.lines_naming(name)
    assert message in line
    assert run.code == 0, run.stderr  # a warning, not a failure
    assert "1 without events" in run.lines[-1]
    assert events_of(data_dir, path) == 0


def test_a_nul_character_inside_a_json_record_does_not_break_the_load(data_dir, tmp_path):
    example = (EXAMPLES / "releases" / "2026-04-02_astana.jsonl").read_text(encoding="utf-8")
    first = example.strip().splitlines()[0].replace("Бакаев провел", "Бакаев\\u0000 провел")
    first = first.replace("sample/2026-04-02-1", "sample/2026-04-02-nul")  # a source of its own
    path = tmp_path / "nul.jsonl"
    path.write_text(first + "\n", encoding="utf-8")
    run = run_load([path], data_dir)
    assert run.code == 0, run.stderr
    assert "1 loaded" in run.lines[-1]
    assert events_of(data_dir, path) > 0


def test_one_load_mixes_languages_and_warns_about_the_one_without_a_pipeline(data_dir, tmp_path):
    import json

    records = [
        {"id": "ru1", "date": "2025-03-03", "publisher": "KZ", "text": (
            "Заместитель министра иностранных дел Казахстана Роман Василенко встретился с "
            "послом Норвегии Торе Недребо.")},
        {"id": "en1", "date": "2025-03-04", "publisher": "KZ", "text": (
            "Deputy Foreign Minister of Kazakhstan Roman Vassilenko met with the Ambassador "
            "of Latvia Andris Kalnins.")},
        {"id": "kk1", "date": "2025-03-05", "publisher": "KZ", "text": (
            "Қазақстан Республикасы Сыртқы істер министрінің орынбасары Роман Василенко "
            "Латвия елшісімен Астанада кездесті.")},
    ]  # fmt: skip
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    run = run_load([path], data_dir)
    assert run.code == 0, run.stderr
    warnings = [line for line in run.lines if "Kazakh (kk)" in line]
    assert len(warnings) == 1, run.stderr
    (warning,) = warnings
    assert "no extraction pipeline" in warning
    ids = [r.id for r in read_source(path)]
    with fresh_store(data_dir) as store:
        rows = store.run(
            "MATCH (r:Release)-[:REPORTS]->(e:Event) WHERE r.id IN $ids "
            "RETURN e.parties AS parties ORDER BY e.date",
            {"ids": ids},
        )
        officials = store.run(
            "MATCH (r:Release)-[:REPORTS]->(:Event)-[:INVOLVES]->(o:Official {state: 'KZ'}) "
            "WHERE r.id IN $ids RETURN DISTINCT o.id AS id",
            {"ids": ids},
        )
    assert [r["parties"] for r in rows] == [["KZ", "NO"], ["KZ", "LV"]]
    assert len(officials) == 1  # Роман Василенко = Roman Vassilenko
