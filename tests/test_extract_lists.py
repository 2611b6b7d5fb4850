"""Lists, the reporting side, consultations worded otherwise, topic states, and the bound
on one sentence's work (DESIGN.md annotation rules; issue 9)."""

from __future__ import annotations

from dipgraph.loaders.extract import extract
from dipgraph.loaders.sources import read_text


def events(body: str, publisher: str | None = "RU"):
    text = "Москва. 3 марта. МИД - " + body
    return extract(read_text(text, year=2026, publisher=publisher)).events


def keys(evs) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((e.type, tuple(e.parties)) for e in evs)


def test_calls_with_several_ministers_give_one_bilateral_event_each():
    evs = events(
        "Министр иностранных дел Узбекистана Бахтиёр Саидов провел телефонные переговоры с "
        "министрами иностранных дел Катара, Кувейта и Омана."
    )
    assert keys(evs) == [("MET", ("KW", "UZ")), ("MET", ("OM", "UZ")), ("MET", ("QA", "UZ"))]
    assert all(e.format == "phone_call" for e in evs)
    # the counterparts are never joined to each other
    assert not any({"KW", "QA"} <= set(e.parties) for e in evs)


def test_meetings_with_named_ambassadors_split_by_their_states():
    evs = events(
        "Сергей Лавров провел встречи с послами Франции Жаном Дюпоном, Италии Марио Росси и "
        "Испании Хосе Гарсией."
    )
    assert keys(evs) == [("MET", ("ES", "RU")), ("MET", ("FR", "RU")), ("MET", ("IT", "RU"))]
    by_state = {e.parties[0] if e.parties[0] != "RU" else e.parties[1]: e for e in evs}
    assert {p.name for p in by_state["FR"].participants} == {"Сергей Лавров", "Жан Дюпон"}


def test_a_credentials_ceremony_of_several_ambassadors_gives_one_accredited_each():
    evs = events("Верительные грамоты Президенту вручили послы Франции, Германии и Японии.")
    assert keys(evs) == [
        ("ACCREDITED", ("DE", "RU")),
        ("ACCREDITED", ("FR", "RU")),
        ("ACCREDITED", ("JP", "RU")),
    ]


def test_a_name_state_list_after_a_colon_gives_one_accredited_per_line():
    evs = events(
        "Президент принял верительные грамоты у вновь назначенных послов:\n"
        "Жан Дюпон – Франция;\nМарио Росси – Италия;\nХосе Гарсия – Испания.",
        publisher="KZ",
    )
    assert keys(evs) == [
        ("ACCREDITED", ("ES", "KZ")),
        ("ACCREDITED", ("FR", "KZ")),
        ("ACCREDITED", ("IT", "KZ")),
    ]
    assert [p.name for e in evs for p in e.participants] == [
        "Жан Дюпон", "Марио Росси", "Хосе Гарсия",
    ]  # fmt: skip


def test_the_reporting_side_fills_an_unnamed_own_official():
    (e,) = events("Глава МИД провел телефонный разговор с турецким коллегой.")
    assert (e.type, e.parties, e.format) == ("MET", ["RU", "TR"], "phone_call")
    (e,) = events("Глава МИД провел телефонный разговор с турецким коллегой.", publisher="KZ")
    assert e.parties == ["KZ", "TR"]


def test_consultations_worded_otherwise_and_topic_states_are_no_parties():
    assert keys(events("Москва и Пекин провели консультации по стратегической стабильности.")) == [
        ("CONSULTED", ("CN", "RU"))
    ]
    assert keys(
        events("В Москве прошли российско-китайские консультации по Ближнему Востоку.")
    ) == [("CONSULTED", ("CN", "RU"))]
    assert keys(
        events("Состоялись консультации между Россией и Австралийским Союзом по вопросам Сирии.")
    ) == [("CONSULTED", ("AU", "RU"))]
    assert keys(
        events(
            "В Женеве состоялись консультации делегаций Беларуси и Китая по вопросам "
            "разоружения и международной безопасности."
        )
    ) == [("CONSULTED", ("BY", "CN"))]


def test_a_sentence_past_the_bounds_is_skipped_and_reported_not_exploded():
    names = ["Жан Дюпон", "Марио Росси", "Хосе Гарсия", "Петер Ковач", "Хакан Фидан"]
    states = ["Франции", "Италии", "Испании", "Венгрии", "Турции"]
    parts = [f"министром {states[i % 5]} {names[i % 5]}" for i in range(45)]
    x = extract(read_text("Министр провел встречи с " + ", ".join(parts) + ".", publisher="RU"))
    assert x.events == []
    assert any("skipped" in w and "people named" in w for w in x.warnings)


def test_foreign_names_the_tagger_missed_or_with_particles_come_out_nominative():
    (e,) = events(
        "С.В.Лавров провел телефонный разговор с Министром иностранных дел Государства Кувейт "
        "Абдаллой Али аль-Яхьей."
    )
    assert [p.name for p in e.participants] == ["С.В.Лавров", "Абдалла Али аль-Яхья"]
    assert e.parties == ["KW", "RU"]
    (e,) = events(
        "Посол Казахстана в ОАЭ Мадияр Менилбеков провел встречу с Министром государства ОАЭ "
        "Халифой Шахином аль-Мараром.",
        publisher="KZ",
    )
    assert "Халифа Шахин аль-Марар" in {p.name for p in e.participants}


def test_an_igo_counterpart_and_a_european_parliament_delegation():
    (e,) = events(
        "4 марта заместитель Министра иностранных дел Российской Федерации М.Ю.Галузин "
        "встретился с Генеральным секретарем Организации Договора о коллективной безопасности "
        "И.Г.Тасмагамбетовым."
    )
    assert (e.type, e.parties) == ("MET", ["CSTO", "RU"])
    assert [p.name for p in e.participants] == ["М.Ю.Галузин", "И.Г.Тасмагамбетов"]
    (e,) = events(
        "Заместитель Министра иностранных дел Республики Беларусь Юрий Амбразевич принял "
        "делегацию Европейского парламента.",
        publisher="BY",
    )
    assert (e.type, e.parties) == ("MET", ["BY", "EU"])


def test_a_briefing_by_an_embassy_is_hosted_and_a_headline_repeating_the_lead_is_one():
    text = (
        "Посольство Казахстана в Японии провело брифинг для японских СМИ\n"
        "Токио, 5 марта 2025 года – Посольство Республики Казахстан в Японии провело брифинг "
        "для представителей японских средств массовой информации.\n"
        "В мероприятии приняли участие представители МИД Японии."
    )
    (e,) = extract(read_text(text, publisher="KZ")).events
    assert (e.type, e.parties, e.date) == ("HOSTED", ["JP", "KZ"], "2025-03-05")
    assert e.host.kind == "embassy"


def test_a_session_of_officials_listed_state_dash_name_is_one_joint_meeting():
    evs = events(
        "В режиме видеоконференцсвязи состоялось заседание заместителей министров "
        "иностранных дел стран Центральной Азии и России.\n\n"
        "В работе заседания приняли участие заместители министров иностранных дел "
        "Республики Казахстан – Марат Сыздыков, Кыргызской Республики – Нуран Ниязалиев, "
        "Российской Федерации – Андрей Руденко."
    )
    (e,) = evs
    assert (e.type, e.format, e.parties) == ("MET", "video_call", ["KG", "KZ", "RU"])
    people = {p.name: p for p in e.participants}
    assert set(people) == {"Марат Сыздыков", "Нуран Ниязалиев", "Андрей Руденко"}
    assert people["Нуран Ниязалиев"].state == "KG"
    assert people["Марат Сыздыков"].role == "заместитель министра иностранных дел"


def test_who_took_part_in_a_hosted_session_told_before_is_of_that_session():
    evs = events(
        "В МИД Узбекистана состоялось первое заседание Совета национальных координаторов.\n"
        "В заседании участвовали представители внешнеполитических ведомств Республики "
        "Казахстан и Туркменистана.\n"
        "Участников заседания приветствовал первый заместитель министра иностранных дел "
        "Республики Узбекистан Бахромжон Аълоев."
    )
    (e,) = evs
    assert (e.type, e.parties) == ("HOSTED", ["KZ", "TM", "UZ"])
    assert [p.name for p in e.participants] == ["Бахромжон Аълоев"]


def test_the_heads_of_delegations_named_later_take_part_in_the_consultations():
    evs = events(
        "МИД Казахстана и Турции провели политические консультации в Астане.\n\n"
        "Как сообщили в МИД, консультации организованы в рамках визита делегации Турции.\n"
        "С казахстанской стороны консультации возглавил заместитель министра иностранных "
        "дел Казахстана Роман Васильев.\n\n"
        "После консультаций турецкую делегацию принял министр иностранных дел Казахстана "
        "Ермек Кошербаев.",
        publisher="KZ",
    )
    consulted = [e for e in evs if e.type == "CONSULTED"]
    assert [(e.parties, [p.name for p in e.participants]) for e in consulted] == [
        (["KZ", "TR"], ["Роман Васильев"])
    ]


def test_a_plural_title_over_state_name_pairs_gives_each_name_its_state():
    (e,) = events(
        "21 ноября в Ереване состоялась встреча глав МИД РА Ара Айвазяна и РФ Сергея Лаврова.",
        publisher=None,
    )
    assert (e.type, e.parties) == ("MET", ["AM", "RU"])
    people = {p.name: p for p in e.participants}
    assert people["Ара Айвазян"].state == "AM" and people["Сергей Лавров"].state == "RU"


def test_a_conversation_told_without_sides_is_between_the_two_named_just_before():
    (e,) = events(
        "Касым-Жомарта Токаева поздравил с праздником президент Таджикистана Эмомали "
        "Рахмон. Беседа прошла по предложению таджикской стороны.",
        publisher="KZ",
    )
    assert (e.type, e.parties) == ("MET", ["KZ", "TJ"])
    assert {p.name for p in e.participants} == {"Касым-Жомарт Токаев", "Эмомали Рахмон"}
    # one person before it, or the noun deep in a sentence of its own, gives nothing
    assert (
        events(
            "Президент Таджикистана Эмомали Рахмон выступил с речью. Беседа прошла в теплой "
            "атмосфере.",
            publisher="KZ",
        )
        == []
    )
