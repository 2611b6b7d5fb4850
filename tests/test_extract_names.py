"""Names stage: nominative forms with pymorphy3 and one person per release."""

from __future__ import annotations

import pytest

from dipgraph.graph.model import Release
from dipgraph.loaders.extract import analyze
from dipgraph.loaders.lang.ru.names import normalize_name, resolve


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
        # -зода, -оглы, -уулу never decline
        ("Зохир Саидзода", "Зохир Саидзода"),
        ("Сейтека Жумакадыр уулу", "Сейтек Жумакадыр уулу"),
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


@pytest.mark.parametrize(
    "sentence, nominative",
    [
        # the title noun in apposition gives the case ...
        ("Бакаев встретился с заместителем министра иностранных дел КНР Ли Мином.", "Ли Мин"),
        ("Бакаев принял грамоты у нового посла Финляндии Микко Лехтонена.", "Микко Лехтонен"),
        ("Исетов принял копии грамот у посла Бразилии Карлоса Мендеса.", "Карлос Мендес"),
        ("Он встретился с министром Нидерландов Каспаром Велдкампом.", "Каспар Велдкамп"),
        ("Он встретился с государственным секретарем Венгрии Петером Ковачем.", "Петер Ковач"),
        ("Он встретился с заместителем министра Грузии Лашей Дарсалией.", "Лаша Дарсалия"),
        ("Токаев принял грамоты у посла Нидерландов Ханса ван дер Берга.", "Ханс ван дер Берг"),
        # ... the title's first noun, not its complement ("заместитель министра")
        ("Заместитель министра иностранных дел Беларуси Игорь Секрета выступил.", "Игорь Секрета"),
        # ... across another person's name only up to that name
        (
            "Состоялась встреча посла Казахстана Болата Иманбаева с министром окружающей "
            "среды Армении Амбарцумом Матевосяном.",
            "Амбарцум Матевосян",
        ),
        # a preposition right before the name gives it too
        ("Разговор состоялся между Викторией Нуланд и Джеффри Пайеттом.", "Джеффри Пайетт"),
        # indeclinable names keep their form in any case
        ("Встреча посла Японии с министром иностранных дел Японии Таро Сузуки.", "Таро Сузуки"),
        ("Исетов принял грамоты у посла Норвегии Хелене Санд Андресен.", "Хелене Санд Андресен"),
        ("Он встретился с министром Австрии Беате Майнль-Райзингер.", "Беате Майнль-Райзингер"),
        ("Алоев принял копии грамот у посла Бельгии Франсуа Дюбуа.", "Франсуа Дюбуа"),
        ("Он встретился с послом Франции Клер Дюран.", "Клер Дюран"),
        # an unknown first word of a name is not dropped as a sentence opener
        ("Делегацию возглавил заместитель министра Вьетнама Нгуен Минь Ву.", "Нгуен Минь Ву"),
        # ... even when a guess reads it as a verb with an unknown prefix
        (
            "Руденко побеседовал с Послом Монголии в Российской Федерации Дашдоржем Батчулуном.",
            "Дашдорж Батчулун",
        ),
        # a man's name the dictionary knows only as a place: genitive -а is no woman's
        (
            "По итогам переговоров Министра иностранных дел Республики Армения Арарата "
            "Мирзояна с Министром иностранных дел Грузии Макой Бочоришвили.",
            "Арарат Мирзоян",
        ),
        # -ья names in the instrumental
        ("Галузин встретился с Послом Армении Грачьей Погосяном.", "Грачья Погосян"),
    ],
)
def test_the_governing_title_or_preposition_sets_the_case_of_unknown_names(sentence, nominative):
    doc = analyze(Release.from_text(sentence), upto="names")
    assert nominative in [m.name for m in doc.mentions]


def test_an_original_spelling_in_brackets_is_an_alias_not_part_of_the_name():
    from dipgraph.graph.model import Release
    from dipgraph.loaders.extract import analyze

    doc = analyze(
        Release.from_text("Об этом заявил шеф концерна Бернд Пишетсридер (Bernd Pischetsrieder).")
    )
    p = doc.persons["Бернд Пишетсридер"]
    assert p.aliases == ["Bernd Pischetsrieder"]


def test_a_genitive_a_declension_surname_unknown_to_the_dictionary():
    # factRuEval-2016 book_261: "министра иностранных дел Японии Сейджи Маехары"
    from dipgraph.graph.model import Release
    from dipgraph.loaders.extract import analyze

    doc = analyze(
        Release.from_text(
            "Эта поездка состоялась до визита в Москву министра иностранных дел Японии "
            "Сейджи Маехары."
        )
    )
    assert "Сейджи Маехара" in doc.persons
