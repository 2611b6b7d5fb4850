"""Names stage: nominative forms with pymorphy3 and one person per release."""

from __future__ import annotations

import pytest

from dipgraph.graph.model import Release
from dipgraph.loaders.extract import analyze
from dipgraph.loaders.extract.names import normalize_name, resolve


@pytest.mark.parametrize(
    "oblique, nominative",
    [
        ("Алибеком Бакаевым", "Алибек Бакаев"),
        ("Амбарцумом Матевосяном", "Амбарцум Матевосян"),
        ("Марией Захаровой", "Мария Захарова"),
        ("Юрия Лужкова", "Юрий Лужков"),
        ("Барака Обамы", "Барак Обама"),
        ("Николя Саркози", "Николя Саркози"),
        ("Хелене Санд Андресен", "Хелене Санд Андресен"),
    ],
)
def test_oblique_forms_become_nominative(oblique, nominative):
    assert normalize_name(oblique.split()) == nominative


def test_short_forms_resolve_to_the_full_name_of_the_same_release():
    mapping = resolve(["Алибек Бакаев", "А. Бакаев", "Бакаев", "Роман Василенко"])
    assert mapping["А. Бакаев"] == "Алибек Бакаев"
    assert mapping["Бакаев"] == "Алибек Бакаев"
    assert mapping["Роман Василенко"] == "Роман Василенко"


def test_initial_that_does_not_fit_stays_apart():
    assert resolve(["Алибек Бакаев", "Б. Бакаев"])["Б. Бакаев"] == "Б. Бакаев"


def test_in_a_release_all_case_forms_are_one_person():
    text = (
        "Астана. 5 мая. KAZINFORM - Министр встретился с Алибеком Бакаевым. "
        "Алибек Бакаев рассказал о переговорах. Затем А. Бакаев ответил на вопросы."
    )
    doc = analyze(Release.from_text(text), upto="names")
    assert list(doc.persons) == ["Алибек Бакаев"]
    assert len(doc.persons["Алибек Бакаев"].mentions) >= 2
