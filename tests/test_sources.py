"""Readers: text with a dateline, JSON Lines, HTML, RSS/Atom; encodings; bad input."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from conftest import SEED_RELEASE

from dipgraph.loaders.sources import (
    MAX_BYTES,
    SourceError,
    iter_paths,
    parse_dateline,
    read_source,
)

SEED = SEED_RELEASE
DIGEST = "Астана. 3 марта. KAZAKHSTAN TODAY - Посол Казахстана в Армении встретился с министром.\n"


def test_seed_release_has_dateline_city_agency_and_title_but_no_invented_year():
    (r,) = read_source(SEED)
    assert r.dateline_city == "Астана"
    assert r.agency == "KAZAKHSTAN TODAY"
    assert r.title.startswith("МИД Казахстана")
    assert r.language == "ru"
    assert r.published is None and r.date_precision == "unknown"
    assert len(r.id) == 64


def test_year_option_completes_the_dateline_date():
    (r,) = read_source(SEED, year=2026)
    assert (r.published, r.date_precision) == ("2026-03-03", "day")


def test_dateline_parser_reads_day_month_and_optional_year():
    dl = parse_dateline("Москва. 12 апреля 2025 г. ТАСС - Текст")
    assert (dl.city, dl.day, dl.month, dl.year) == ("Москва", 12, 4, 2025)
    assert parse_dateline("Без даты в начале строки") is None


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8-r"])
def test_cyrillic_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / f"r_{encoding}.txt"
    path.write_bytes((DIGEST * 3).encode(encoding))
    (r,) = read_source(path, year=2026)
    assert "Посол Казахстана в Армении" in r.text
    assert r.published == "2026-03-03"


def test_jsonl_records_take_their_date_from_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    recs = [
        {"id": "a", "date": "2025", "title": "T1", "text": DIGEST, "url": "http://x/1"},
        {"id": "b", "date": "2024-01-05T10:00:00Z", "title": "T2", "text": "Текст второй записи."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), "utf-8")
    r1, r2 = read_source(path)
    assert r1.published == "2025-03-03"  # the year from metadata, month and day from the dateline
    assert r1.source_uri == "http://x/1" and r1.title == "T1"
    assert r2.published == "2024-01-05" and r2.date_precision == "day"


def test_malformed_json_line_is_named_and_good_lines_are_kept(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps({"text": "Первая хорошая запись."}, ensure_ascii=False) + "\n{oops\n", "utf-8"
    )
    with pytest.raises(SourceError) as err:
        read_source(path)
    assert "line 2" in str(err.value) and str(path) in str(err.value)
    assert len(err.value.releases) == 1


def test_html_main_text_without_menus(tmp_path):
    body = " ".join(["Заместитель министра иностранных дел принял посла Норвегии."] * 8)
    html = f"""<!DOCTYPE html><html><head><title>МИД</title></head><body>
    <nav><ul><li>Главная</li><li>Меню пункт</li></ul></nav>
    <article><h1>Встреча</h1><p>{body}</p><p>{body}</p></article>
    <footer>Все права защищены</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    (r,) = read_source(path)
    assert "посла Норвегии" in r.text
    assert "Меню пункт" not in r.text


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Меню</nav></body></html>", "utf-8")
    with pytest.raises(SourceError, match="no article text"):
        read_source(path)


def test_rss_gives_one_release_per_entry(tmp_path):
    rss = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>МИД</title>
    <item><title>Один</title><link>http://x/1</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;Состоялась встреча послов.&lt;/p&gt;</description></item>
    <item><title>Два</title><link>http://x/2</link><description>Второй текст.</description></item>
    </channel></rss>"""
    path = tmp_path / "feed.xml"
    path.write_text(rss, "utf-8")
    r1, r2 = read_source(path)
    assert r1.text == "Состоялась встреча послов." and r1.published == "2026-03-03"
    assert r2.source_uri == "http://x/2" and r2.published is None


def test_atom_feed(tmp_path):
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>t</title><entry><title>E</title><link href="http://x/e"/><updated>2025-05-06T00:00:00Z</updated>
    <content type="html">Переговоры состоялись.</content></entry></feed>"""
    path = tmp_path / "feed.atom"
    path.write_text(atom, "utf-8")
    (r,) = read_source(path)
    assert r.text == "Переговоры состоялись." and r.published == "2025-05-06"


@pytest.mark.parametrize(
    "content, problem",
    [(b"", "empty file"), (b"   \n\n", "empty file"), (b"\x00\x01\x02binary\x00", "binary file")],
)
def test_bad_files_raise_one_line_errors(tmp_path, content, problem):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError) as err:
        read_source(path)
    assert problem in str(err.value)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: nothing is read
    with pytest.raises(SourceError, match="too large"):
        read_source(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("текст", "utf-8")
    path.chmod(0)
    with pytest.raises(SourceError, match="permission denied"):
        read_source(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(SourceError, match="directory"):
        read_source(tmp_path)


def test_stdin_stream():
    (r,) = read_source(io.BytesIO(DIGEST.encode("cp1251")), year=2025)
    assert r.published == "2025-03-03" and r.source_uri == "<stdin>"


def test_iter_paths_expands_folders_recursively_and_globs(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "two.txt").write_text("y")
    (tmp_path / ".hidden").write_text("z")
    found = sorted(p.name for p in iter_paths([tmp_path]))
    assert found == ["one.txt", "two.txt"]
    assert [p.name for p in iter_paths([str(tmp_path / "*.txt")])] == ["two.txt"]
    assert list(iter_paths(["-"])) == [Path("-")]
