"""Scores pinned as lower bounds: the seed release against its gold, factRuEval-2016."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, SEED_RELEASE

from dipgraph.loaders.evaluate import (
    PRF,
    evaluate,
    evaluate_factrueval,
    load_gold,
    same_person,
    score_release,
)
from dipgraph.loaders.extract import extract
from dipgraph.loaders.sources import read_source

SEED = SEED_RELEASE
GOLD = CORPUS / "gold"
FACTRUEVAL = CORPUS / "factRuEval-2016-devset"


def test_prf_arithmetic():
    s = PRF(tp=8, fp=2, fn=8)
    assert (s.precision, s.recall) == (0.8, 0.5)
    assert round(s.f1, 4) == 0.6154
    assert PRF().f1 == 0.0


def test_events_are_matched_on_type_and_party_set():
    gold = [
        {
            "type": "MET",
            "parties": ["KZ", "AM"],
            "participants": [{"name": "Болат Иманбаев", "role": "посол"}],
        }
    ]
    pred = [
        {
            "type": "MET",
            "parties": ["AM", "KZ"],
            "participants": [{"name": "Болат  Иманбаев", "role": "Посол"}],
        },
        {"type": "HOSTED", "parties": ["KZ"], "participants": []},
    ]
    s = score_release("r", gold, pred)
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 1, 0)
    assert (s.participants.tp, s.roles_correct, s.roles_total) == (1, 1, 1)


def test_person_names_match_across_order():
    assert same_person("Лужков Юрий", "Юрий Лужков")
    assert same_person("Лужков", "Юрий Лужков")
    assert not same_person("Лужков Юрий", "Юрий Долгорукий")


def test_seed_release_scores_at_least_the_pinned_bounds():
    report = evaluate(load_gold(GOLD), [extract(r) for r in read_source(SEED)])
    assert report.unmatched_gold == []
    assert report.events.f1 >= 0.9
    assert report.participants.f1 >= 0.9
    assert report.role_accuracy is not None and report.role_accuracy >= 0.8


@pytest.mark.slow  # 122 documents
def test_factrueval_meeting_and_occupation_scores_stay_above_measured_bounds():
    # measured: meeting pairs P 1.0 R 0.4 F1 0.571 (tp 4 of 10 gold pairs: only contacts
    # reported as happened, with a named counterpart; the 6 pairs of book_448 are a
    # meeting the gold itself marks "Модальность будущее", a plan); occupation (who,
    # position, where) F1 0.566, (who, position) F1 0.691 on the 122 development
    # documents (states compared as states, positions with abbreviated titles spelled
    # out, facts paired by a maximum matching). After the issue-9 rework (plural titles
    # are no apposition, honorifics dropped, titles' case bounded, "глава государства" is
    # the president): occupation F1 0.549, (who, position) 0.663 (P 0.835); meeting pairs
    # unchanged
    report = evaluate_factrueval(FACTRUEVAL)
    assert report.documents == 122
    assert report.meeting.f1 >= 0.57
    assert report.meeting.recall >= 0.4
    assert report.meeting.precision >= 0.8  # 4 of 4 now; one stray pair must not fail CI
    assert report.occupation.f1 >= 0.54
    assert report.occupation_relaxed.f1 >= 0.66
    assert report.occupation_relaxed.precision >= 0.83


def test_cli_eval_and_extract(tmp_path):
    import json

    from click.testing import CliRunner

    from dipgraph.cli import cli

    runner = CliRunner()
    res = runner.invoke(cli, ["eval", "--gold", str(GOLD), str(SEED), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["gold"]["events"]["f1"] >= 0.9

    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02")
    res = runner.invoke(cli, ["extract", str(SEED), str(bad), "--year", "2026"])
    assert res.exit_code == 1
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    events = [x for x in lines if x.get("record") != "official"]
    officials = [x for x in lines if x.get("record") == "official"]
    assert len(events) >= 9 and all(e["date"] for e in events)
    assert {"release", "source", "event_id", "type", "parties", "participants", "evidence"} <= set(
        events[0]
    )
    assert any(o["name"] == "Алибек Бакаев" for o in officials)
    assert "bad.bin: binary file" in res.stderr


DEV = Path(__file__).parent / "data" / "dev_releases"


def test_dev_releases_score_at_least_the_pinned_bounds():
    # four invented releases annotated before the extractor first ran on them: first run
    # events F1 0.938, participants F1 0.703; after the fixes 1.0 / 1.0, roles 0.952.
    # dev05/dev06 (meetings told without a verb of happening, phone calls, and plans,
    # negations, hypotheticals, habits that are no events): first run events F1 0.222,
    # participants F1 0.556; all six: events F1 0.913, participants 0.909, roles 0.903;
    # after name fixes ("Дашдоржем Батчулуном", "Арарата Мирзояна", "Грачьей"): 1.0 / 1.0,
    # roles 0.970
    gold = load_gold(DEV)
    report = evaluate(
        gold, [extract(r) for f in sorted(DEV.glob("*.txt")) for r in read_source(f, year=2026)]
    )
    assert report.unmatched_gold == [] and len(gold) == 6
    assert report.events.f1 >= 0.95
    assert report.participants.f1 >= 0.95
    assert report.role_accuracy is not None and report.role_accuracy >= 0.95


def test_cli_eval_on_a_folder_with_releases_and_their_gold_side_by_side():
    import json

    from click.testing import CliRunner

    from dipgraph.cli import cli

    args = ["eval", "--gold", str(DEV), str(DEV), "--year", "2026", "--format", "json"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["gold"]["events"]["f1"] >= 0.9


def test_occupation_where_matches_a_state_by_any_of_its_names(tmp_path):
    # book_188 of factRuEval: the gold writes "РФ", the extractor's state is RU
    (tmp_path / "book_1.txt").write_text(
        "Министр финансов РФ Алексей Кудрин сообщил, что правительство одобрило проект.",
        "utf-8",
    )
    (tmp_path / "book_1.facts").write_text(
        "1-0 Occupation\nWho obj1 Кудрин Алексей\nPosition span1 Министр финансов\nWhere obj2 РФ\n",
        "utf-8",
    )
    report = evaluate_factrueval(tmp_path)
    assert (report.occupation.tp, report.occupation.fn) == (1, 0)


def test_a_gold_where_that_only_contains_a_state_is_no_state():
    from dipgraph.loaders.evaluate import _state_codes

    assert _state_codes("США") == {"US"}
    assert _state_codes("Страна восходящего солнца | Япония") == {"JP"}
    assert _state_codes("Госдепартамент США") == set()


def test_abbreviated_gold_positions_match_the_spelled_out_roles():
    from dipgraph.loaders.evaluate import _position_lemmas

    assert _position_lemmas("премьер") & _position_lemmas("премьер-министр")
    assert _position_lemmas("Экс-премьера") & _position_lemmas("премьер-министр")
    assert _position_lemmas("Замглавы") & _position_lemmas("заместитель главы службы")


def test_facts_and_predictions_are_paired_by_a_maximum_matching():
    from dipgraph.loaders.evaluate import _greedy

    # the first gold fact fits both predictions, the second only the first one:
    # first-come pairing finds 1, the best pairing 2
    match = lambda g, p: p in g  # noqa: E731
    assert _greedy([{"a", "b"}, {"a"}], ["a", "b"], match) == 2


def test_a_partial_name_as_written_is_the_same_participant_once():
    from dipgraph.loaders.evaluate import score_release

    def met(*names, type_="MET"):
        return {
            "type": type_,
            "parties": ["RU", "TR"],
            "participants": [{"name": n} for n in names],
        }

    gold = [met("Рыженков", "Э. Ихсаноглу")]
    predicted = [met("Максим Рыженков", "Экмеледдин Ихсаноглу", "Рыженков")]
    score = score_release("r", gold, predicted)
    assert (score.participants.tp, score.participants.fp, score.participants.fn) == (2, 1, 0)
    other = [met("Максим Рыженков", type_="HOSTED")]
    assert score_release("r", gold, other).participants.tp == 0  # another event type
