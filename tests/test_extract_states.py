"""States stage: ISO codes from inflected names, long forms, abbreviations, adjectives,
IGOs and cities."""

from __future__ import annotations

import pytest

from dipgraph.loaders.lang.ru.states import find_states, gazetteer, state_codes


@pytest.mark.parametrize(
    "text, codes",
    [
        ("посол Казахстана в Армении", ["KZ", "AM"]),
        ("между Республикой Казахстан и Королевством Нидерланды", ["KZ", "NL"]),
        ("в Северной Македонии", ["MK"]),
        ("делегации США, КНР и РФ", ["US", "CN", "RU"]),
        ("Соединенных Штатов Америки", ["US"]),
        ("с Европейским Союзом", ["EU"]),
        ("Организацией Объединенных Наций и ОБСЕ", ["UN", "OSCE"]),
        ("Исламской Республики Иран", ["IR"]),
        ("казахско-нидерландского сотрудничества", ["KZ", "NL"]),
        ("представители немецких госорганов", ["DE"]),
    ],
)
def test_codes(text, codes):
    assert state_codes(text) == codes


def test_long_form_is_one_span_with_its_prefix():
    (m,) = find_states("ведомствами Королевства Нидерланды")
    assert (m.code, m.text, m.name) == ("NL", "Королевства Нидерланды", "Нидерланды")


def test_cities_are_venues_not_parties():
    found = find_states("в Астане и Брюсселе")
    assert [(m.code, m.kind, m.name) for m in found] == [
        ("KZ", "city", "Астана"),
        ("BE", "city", "Брюссель"),
    ]
    assert state_codes("в Астане") == []


def test_common_words_are_not_states():
    assert state_codes("Того, что он сказал, достаточно.") == []
    assert state_codes("на татарском, русском языках") == []
    assert state_codes("Ближний Восток") == []


def test_gazetteer_covers_every_iso_country():
    import pycountry

    names = gazetteer().names_ru
    assert {c.alpha_2 for c in pycountry.countries} - set(names) <= {"AQ", "BV", "HM", "UM"}
