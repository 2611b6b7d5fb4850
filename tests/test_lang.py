"""The language seam: registry, declared pipeline stages, one IGO table, one dateline
parser, one reading loop (gold files skipped), the publisher."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dipgraph.graph.model import IGO_CODES, Organization, Release, State
from dipgraph.loaders.extract.doc import Document
from dipgraph.loaders.extract.pipeline import PipelineError, Stage, check
from dipgraph.loaders.lang import UnsupportedLanguage, find_dateline, get_language
from dipgraph.loaders.mapping import party_node
from dipgraph.loaders.sources import publisher_code, read_paths, read_source, read_text

REPO = Path(__file__).resolve().parents[1]
CYRILLIC = re.compile("[\u0400-\u04ff]")


def test_registry_gives_russian_and_a_clear_error_for_others():
    ru = get_language("ru")
    assert ru.code == "ru" and [s.name for s in ru.pipeline()] == [
        "segment", "entities", "names", "states", "roles", "events", "dates",
    ]  # fmt: skip
    with pytest.raises(UnsupportedLanguage, match="supported: en, ru"):
        get_language("xx")


def test_the_russian_pipeline_declares_what_each_stage_reads_and_writes():
    check(get_language("ru").pipeline())  # raises when a stage reads what none wrote
    noop = lambda doc: doc  # noqa: E731
    with pytest.raises(PipelineError, match="reads events"):
        check([Stage("dates", noop, reads=("events",))])
    with pytest.raises(PipelineError, match="no attribute"):
        check([Stage("x", noop, writes=("nonsense",))])


def test_analyze_stops_after_the_stage_asked_for():
    release = read_text("Министр Ермек Кошербаев встретился с послом Турции Хаканом Фиданом.")
    doc = get_language("ru").analyze(release, upto="states")
    assert isinstance(doc, Document) and doc.states and doc.events == []


def test_no_russian_string_outside_lang_ru():
    """Everything Russian lives in loaders/lang/ru (mapping, sources, scoring included)."""
    offenders = []
    for path in (REPO / "loaders").rglob("*.py"):
        if "lang/ru" in path.as_posix():
            continue
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if CYRILLIC.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{n}")
    assert offenders == []


def test_every_igo_the_gazetteer_names_is_in_the_one_igo_table():
    data = (REPO / "loaders/lang/ru/data/igos.tsv").read_text("utf-8").splitlines()
    codes = [line.split("\t")[0] for line in data if line and not line.startswith("#")]
    assert codes and set(codes) <= set(IGO_CODES)
    for code in ("CoE", "CAREC"):  # never a State node
        assert isinstance(party_node(code), Organization)
    assert isinstance(party_node("KZ"), State)
    assert get_language("ru").state_codes("Совет Европы и ЦАРЭС") == ["CoE", "CAREC"]


def test_one_dateline_parser_serves_sources_and_the_segmenter():
    text = "Заголовок\nАстана. 3 марта. KAZAKHSTAN TODAY - Министр провел встречу."
    dl = find_dateline(text)
    assert (dl.city, dl.day, dl.month, dl.year, dl.agency) == (
        "Астана", 3, 3, None, "KAZAKHSTAN TODAY",
    )  # fmt: skip
    assert text[dl.end :].startswith("Министр")
    doc = get_language("ru").analyze(read_text(text, year=2026), upto="segment")
    assert doc.sentences[0].start >= dl.end or doc.sentences[0].text == "Заголовок"


def test_the_reading_loop_skips_gold_files_inside_folders(tmp_path):
    (tmp_path / "a.txt").write_text("Астана. 3 марта. МИД - Министр встретился с послом.")
    (tmp_path / "a.events.jsonl").write_text('{"type": "MET", "parties": ["KZ"]}\n')
    items = list(read_paths([tmp_path], year=2026))
    assert [Path(p).name for p, _ in items] == ["a.txt"]
    assert all(isinstance(r, Release) for _, r in items)


def test_publisher_from_the_record_the_option_or_the_dateline_city(tmp_path):
    jsonl = tmp_path / "r.jsonl"
    rows = [
        {"id": "a", "text": "Москва. 3 марта. - Глава МИД провел встречу.", "publisher": "RU"},
        {"id": "b", "text": "Глава МИД провел встречу с коллегой.", "publisher": "МИД Казахстана"},
        {"id": "c", "text": "Глава МИД провел встречу с коллегой из Японии."},
    ]
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    a, b, c = read_source(jsonl, publisher="UZ")
    assert (a.publisher, b.publisher, c.publisher) == ("RU", "KZ", "UZ")
    assert a.record_id == "a"
    (d,) = read_source(jsonl.with_name("d.txt").write_text("Ташкент. 3 марта. - Текст.") and
                       jsonl.with_name("d.txt"))  # fmt: skip
    assert d.publisher == "UZ"  # the dateline city's state
    assert publisher_code("kz") == "KZ" and publisher_code("EU") == "EU"
    assert publisher_code("нигде") is None


def test_eval_keys_gold_by_record_id_and_counts_empty_releases(tmp_path):
    from dipgraph.loaders.evaluate import evaluate, load_gold
    from dipgraph.loaders.records import EventRecord, Extraction

    (tmp_path / "gold.events.jsonl").write_text(
        json.dumps({"release": "b_01", "type": "MET", "parties": ["KZ", "TR"]}) + "\n"
    )
    (tmp_path / "empty.txt").write_text("b_02\n")
    gold = load_gold(tmp_path)
    assert gold == {"b_01": [{"release": "b_01", "type": "MET", "parties": ["KZ", "TR"]}],
                    "b_02": []}  # fmt: skip
    jsonl = tmp_path / "releases.jsonl"
    jsonl.write_text(
        "\n".join(
            json.dumps({"id": i, "text": f"Текст релиза номер {i} о встрече."}, ensure_ascii=False)
            for i in ("b_01", "b_02", "b_03")
        )
    )
    r1, r2, r3 = read_source(jsonl)

    def met(r, parties):
        from dipgraph.graph.model import Evidence

        return EventRecord(r.id, None, "e", "MET", Evidence("s", 0, 1), parties=parties)

    report = evaluate(
        gold,
        [
            Extraction(r1, events=[met(r1, ["KZ", "TR"])]),
            Extraction(r2, events=[met(r2, ["KZ", "RU"])]),  # an empty release: a false positive
            Extraction(r3, events=[met(r3, ["KZ", "CN"])]),  # no gold: not scored
        ],
    )
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 1, 0)
    assert report.unscored == ["b_03"]


def test_confidence_is_the_precision_measured_per_pattern_and_filters_events():
    from dipgraph.loaders.extract import extract

    ru = get_language("ru")
    table = (REPO / "loaders/lang/ru/data/confidence.tsv").read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in table if line and not line.startswith("#")]
    type_, pattern, found, right, conf = rows[0]
    assert ru.event_confidence(type_, pattern, 0.123) == float(conf)
    assert float(conf) == round((int(right) + 1) / (int(found) + 2), 2)
    assert ru.event_confidence("MET", "no-such-pattern", 0.123) != 0.123  # the type's
    text = (
        "Москва. 3 марта. МИД - Сергей Лавров провел переговоры с министром иностранных дел "
        "Турции Хаканом Фиданом. Во время встречи стороны обменялись мнениями. В посольстве "
        "России прошел прием, в котором приняли участие представители МИД Турции."
    )
    every = extract(read_text(text, year=2026, publisher="RU"))
    measured = {float(r[4]) for r in rows}  # per pattern, else the type's as a whole
    measured |= {ru.event_confidence(r[0], "no-such-pattern", 0.0) for r in rows}
    assert every.events and all(e.confidence in measured for e in every.events)
    cut = min(e.confidence for e in every.events) + 0.01
    fewer = extract(read_text(text, year=2026, publisher="RU"), min_confidence=cut)
    assert len(fewer.events) < len(every.events)
    assert all(e.confidence >= cut for e in fewer.events)
    assert fewer.officials == every.officials


def test_cli_min_confidence_and_publisher_options(tmp_path):
    from click.testing import CliRunner

    from dipgraph.cli import cli

    path = tmp_path / "r.txt"
    path.write_text(
        "Глава МИД провел телефонный разговор с турецким коллегой. В посольстве прошел "
        "прием, в котором приняли участие представители МИД Турции.",
        encoding="utf-8",
    )
    runner = CliRunner()
    out = runner.invoke(cli, ["extract", str(path), "--publisher", "KZ", "-q"])
    assert out.exit_code == 0, out.output
    events = [json.loads(line) for line in out.output.splitlines()]
    events = [e for e in events if e.get("record") != "official"]
    assert {"KZ", "TR"} <= set(events[0]["parties"])
    high = runner.invoke(
        cli, ["extract", str(path), "--publisher", "KZ", "--min-confidence", "0.99", "-q"]
    )
    assert high.exit_code == 0 and high.output.strip() == ""
    bad = runner.invoke(cli, ["extract", str(path), "--publisher", "Нарния"])
    assert bad.exit_code == 2 and "names no state" in bad.output
