"""Events stage: the annotation rules of DESIGN.md on short, made-up releases."""

from __future__ import annotations

from dipgraph.graph.model import Release
from dipgraph.loaders.extract import extract

DATELINE = "Астана. 14 мая. KAZINFORM - "


def events_of(body: str, year: int | None = 2025):
    r = Release.from_text(
        DATELINE + body,
        dateline_city="Астана",
        published=f"{year}-05-14" if year else None,
        date_precision="day" if year else "unknown",
    )
    return extract(r).events


def test_meeting_of_two_named_officials_is_met_with_their_states():
    body = (
        "Министр иностранных дел Казахстана Ермек Кошербаев встретился с министром "
        "иностранных дел Турции Хаканом Фиданом."
    )
    (e,) = events_of(body)
    assert e.type == "MET" and e.parties == ["KZ", "TR"]
    names = {p.name: p for p in e.participants}
    assert set(names) == {"Ермек Кошербаев", "Хакан Фидан"}
    assert names["Хакан Фидан"].role == "министр иностранных дел"
    assert e.date == "2025-05-14" and e.date_precision == "day"
    # the evidence is the sentence that reports the meeting, at its place in the text
    text = Release.from_text(DATELINE + body).text
    assert e.evidence.sentence == text[e.evidence.start : e.evidence.end]
    assert e.evidence.sentence.startswith("Министр иностранных дел Казахстана")
    assert e.evidence.sentence.endswith("Хаканом Фиданом.")


def test_planned_events_are_not_events():
    assert events_of("В следующем месяце состоится встреча министров Казахстана и Турции.") == []
    assert events_of("Стороны договорились провести очередной раунд консультаций в Анкаре.") == []


def test_statement_without_counterpart_is_not_an_event():
    body = "Заместитель министра иностранных дел Казахстана Роман Васильев заявил журналистам."
    assert events_of(body) == []


def test_consultations_between_states_exclude_the_venue_and_the_topic():
    (e,) = events_of(
        "В Анкаре состоялись политические консультации между Казахстаном и Турцией "
        "по ситуации в Афганистане."
    )
    assert (e.type, e.format, e.parties) == ("CONSULTED", "political_consultations", ["KZ", "TR"])
    assert e.venue.name == "Анкара" and e.venue.state == "TR"


def test_credentials_ceremony_is_accredited_only():
    (e,) = events_of(
        "Министр иностранных дел Ермек Кошербаев принял верительные грамоты у посла Японии "
        "Такаси Ямамото."
    )
    assert e.type == "ACCREDITED" and e.kind == "credentials"
    amb = next(p for p in e.participants if p.role == "посол")
    assert amb.state == "JP"
    assert "JP" in e.parties


def test_embassy_hosting_a_round_table():
    (e,) = events_of(
        "В посольстве Казахстана во Франции состоялся круглый стол об инвестициях. "
        "В нем приняли участие представители французских деловых кругов."
    )
    assert e.type == "HOSTED" and e.host.kind == "embassy" and e.host.state == "KZ"
    assert e.parties == ["FR", "KZ"]


def test_without_a_year_the_date_is_unknown():
    (e,) = events_of("Казахстан и Турция провели переговоры по транзиту.", year=None)
    assert e.date is None and e.date_precision == "unknown"


def test_non_russian_or_empty_text_gives_a_message_and_no_events():
    x = extract(Release.from_text("The minister met the ambassador of Norway in Astana today."))
    assert x.events == [] and "not Russian" in x.warnings[0]
    x = extract(Release.from_text(""))
    assert x.events == [] and x.warnings


def test_negated_hypothetical_and_habitual_contacts_are_not_events():
    assert events_of("Запланированная встреча министров Казахстана и Литвы не состоялась.") == []
    assert events_of("Стороны не исключают, что встреча лидеров может состояться в мае.") == []
    assert events_of("Китай надеется, что переговоры России и Ирана позволят добиться мира.") == []
    body = "Министр Ермек Кошербаев регулярно встречается с послом Турции Хаканом Фиданом."
    assert events_of(body) == []


def test_consultations_mentioned_in_passing_are_not_events():
    assert events_of("Администрация выбрала в отношениях России и Ирана путь переговоров.") == []
    assert events_of("Переговоры России и США сфокусированы на ближайшем будущем.") == []


def test_met_needs_the_counterpart_named_as_a_party_of_the_contact():
    body = (
        "Премьер-министр Израиля Биньямин Нетаньяху заявил, что Владимир Путин "
        "во время встречи с лидерами региона обсуждал Сирию."
    )
    assert [e for e in events_of(body) if e.type == "MET"] == []


def test_receiving_an_ambassador_is_a_meeting():
    (e,) = events_of(
        "Министр иностранных дел Азербайджанской Республики Джейхун Байрамов принял "
        "Чрезвычайного и Полномочного Посла Королевства Швеция Ханса Петерссона."
    )
    assert (e.type, e.parties) == ("MET", ["AZ", "SE"])
    assert {p.name for p in e.participants} == {"Джейхун Байрамов", "Ханс Петерссон"}


def test_consultations_between_two_ministries_name_the_sides_and_no_host():
    (e,) = events_of(
        "В Гааге состоялись политические консультации между министерствами иностранных "
        "дел Казахстана и Нидерландов."
    )
    assert (e.type, e.parties, e.host) == ("CONSULTED", ["KZ", "NL"], None)
    assert e.venue.name == "Гаага"


def test_a_side_named_by_its_adjective_and_a_delegation_head():
    (e,) = events_of(
        "Делегация Министерства иностранных дел Кыргызской Республики во главе с "
        "заместителем министра Алмазом Иманалиевым провела в Анкаре консульские "
        "консультации с турецкой стороной."
    )
    assert (e.type, e.parties) == ("CONSULTED", ["KG", "TR"])
    assert [p.name for p in e.participants] == ["Алмаз Иманалиев"]


def test_delegation_heads_named_after_the_consultations_take_part():
    (e,) = events_of(
        "В Ташкенте состоялся раунд консультаций между Узбекистаном и Вьетнамом. "
        "Узбекскую делегацию возглавил заместитель министра иностранных дел Узбекистана "
        "Гайрат Фазилов."
    )
    assert [p.name for p in e.participants] == ["Гайрат Фазилов"]


def test_the_dateline_is_no_part_of_the_first_sentence():
    text = DATELINE + "Министр Ермек Кошербаев встретился с послом Турции Хаканом Фиданом."
    (e,) = events_of(text[len(DATELINE) :])
    assert e.evidence.sentence.startswith("Министр Ермек Кошербаев")
    assert text[e.evidence.start : e.evidence.end] == e.evidence.sentence


def _met_names(body: str) -> list[set[str]]:
    return [{p.name for p in e.participants} for e in events_of(body) if e.type == "MET"]


def test_contacts_told_without_a_verb_of_happening_are_meetings():
    # factRuEval-2016 book_117: a reception in the present tense, the guest as "коллега"
    assert _met_names(
        "Барак Обама принимает в Белом доме своего французского коллегу Николя Саркози."
    ) == [{"Барак Обама", "Николя Саркози"}]
    # book_142: an agreement reached with a named counterpart is a contact
    assert _met_names(
        "Во вторник премьер-министр Турции Реджеп Тайип Эрдоган, в ходе визита в Украину "
        "договорился с президентом Виктором Януковичем о начале нового этапа "
        "сотрудничества между Киевом и Анкарой."
    ) == [{"Реджеп Тайип Эрдоган", "Виктор Янукович"}]
    # book_374: "которые сегодня встречаются" after the pair
    assert _met_names(
        "Точку в затянувшемся споре, скорее всего, поставят глава ОАО «Газпром» Алексей "
        "Миллер и министр энергетики Белоруссии Александр Озерец, которые сегодня "
        "специально встречаются для обсуждения вопроса о погашении задолженности."
    ) == [{"Алексей Миллер", "Александр Озерец"}]
    # rusentrel art51: two named leaders who talked or discussed
    assert _met_names(
        "В ходе визита в Вашингтон Си Цзиньпин и Обама беседовали в общей сложности более "
        "девяти часов и вместе посещали запланированные мероприятия."
    ) == [{"Си Цзиньпин", "Обама"}]


def test_a_meeting_noun_reported_as_past_by_its_clause():
    (e,) = events_of(
        "В ходе встречи заместителя Министра иностранных дел Российской Федерации Михаила "
        "Галузина с Послом Республики Армения в Москве Грачьей Погосяном стороны обсудили "
        "вопросы двусторонней повестки дня."
    )
    assert e.type == "MET" and set(e.parties) == {"RU", "AM"}
    (e,) = events_of(
        "На встрече с Послом Французской Республики в Армении Оливье Декоттиньи заместитель "
        "министра иностранных дел Республики Армения Ваан Костанян отметил высокий уровень "
        "политического диалога."
    )
    assert e.type == "MET" and set(e.parties) == {"AM", "FR"}
    # a year before the release's: "переговоры ... в феврале 2016 г." (rusentrel art50)
    (e,) = events_of(
        "Свидетельством тому переговоры между министром энергетики Грузии Кахой Каладзе и "
        "министром нефти Ирана Бижаном Намдаром Зангане в феврале 2016 г."
    )
    assert e.type == "MET" and set(e.parties) == {"GE", "IR"}


def test_a_phone_conversation_between_two_officials_is_a_meeting_by_phone():
    (e,) = events_of(
        "Министр иностранных дел Российской Федерации Сергей Лавров провел телефонный "
        "разговор с Министром иностранных дел Турецкой Республики Хаканом Фиданом."
    )
    assert (e.type, e.format, e.parties) == ("MET", "phone_call", ["RU", "TR"])
    # two named officials who discussed something (by phone) had a contact
    (e,) = events_of(
        "Арарат Мирзоян и Министр иностранных дел Исламской Республики Иран Аббас Аракчи "
        "обсудили по телефону ситуацию в регионе."
    )
    assert (e.type, e.format) == ("MET", "phone_call")
    assert {p.name for p in e.participants} == {"Арарат Мирзоян", "Аббас Аракчи"}


def test_meetings_that_are_duties_habits_plans_or_one_sided_are_not_events():
    # factRuEval book_142: what the meeting was to cover, not a report of it
    assert not _met_names(
        "Сегодня Реджеп Эрдоган должен был поднять эту тему в ходе встречи с президентом "
        "Виктором Януковичем."
    )
    # rusentrel art51, art47, art30: counted, future, infinitive
    assert not _met_names("Всего Си и Путин встречались 12 раз.")
    assert not _met_names(
        "С 2013 г. Си Цзиньпин уже пять раз встречался с президентом Бараком Обамой."
    )
    assert not _met_names(
        "В своей речи Стефан Лёвен подтвердил, что и он, и президент Ниинистё встретятся "
        "с лидерами НАТО через несколько недель."
    )
    assert not _met_names(
        "Премьер-министр Израиля Биньямин Нетаньяху перед тем, как встретиться с российским "
        "президентом Владимиром Путиным, заявил о Голанских высотах."
    )
    # rusentrel art55: both people named are one side of the talks
    assert not _met_names(
        "По итогам переговоров с генсеком Константином Черненко и министром обороны "
        "Дмитрием Устиновым стороны согласились сохранить режим ПРО/ОСВ."
    )
    # rusentrel art10: the counterpart is a description, not a named person
    assert not _met_names(
        "Обама во время встречи с российским лидером, как сообщает агентство АР, призывал "
        "вывести российские войска из Украины."
    )
    assert not _met_names(
        "Предстоящая встреча Сергея Лаврова с Министром иностранных дел Арабской Республики "
        "Египет Бадром Абдель Аты будет посвящена ближневосточному урегулированию."
    )
    assert not _met_names(
        "Министр иностранных дел Российской Федерации Сергей Лавров готов встретиться с "
        "Государственным секретарем США Марко Рубио."
    )
    assert not _met_names("Сергей Лавров и Хакан Фидан договорились встретиться в ближайшее время.")
    assert not _met_names("Арарат Мирзоян не встречался с Хаканом Фиданом.")


def test_a_sentence_repeated_word_for_word_reports_one_event():
    from dipgraph.graph.model import Release
    from dipgraph.loaders.extract import extract

    line = (
        "Заместитель министра иностранных дел Республики Казахстан Алибек Бакаев провел "
        "встречу с послом Франции в Казахстане Жаном Дюпоном."
    )
    text = f"Астана. 5 марта. KAZAKHSTAN TODAY - {line}\n{line}\nСтороны обсудили сотрудничество."
    extraction = extract(Release.from_text(text))
    assert [(e.type, e.parties) for e in extraction.events] == [("MET", ["FR", "KZ"])]


def test_a_call_and_a_meeting_of_the_same_ministers_are_two_contacts():
    evs = events_of(
        "В Анкаре началась встреча министра иностранных дел Казахстана Ермека Кошербаева "
        "и его турецкого коллеги Хакана Фидана.\n\n"
        "Ранее Кошербаев провел телефонный разговор с Хаканом Фиданом."
    )
    assert [(e.type, e.format, e.parties) for e in evs] == [
        ("MET", None, ["KZ", "TR"]),
        ("MET", "phone_call", ["KZ", "TR"]),
    ]
    # a discussion told after the call is that call
    (call,) = events_of(
        "Министры иностранных дел Казахстана и Турции Ермек Кошербаев и Хакан Фидан "
        "провели переговоры по телефону.\n\n"
        "Кошербаев и Фидан также обсудили подготовку к саммиту."
    )
    assert (call.format, call.parties) == ("phone_call", ["KZ", "TR"])


def test_hosted_events_set_in_different_countries_are_two_events():
    evs = events_of(
        "В Иордании посольство Казахстана организовало брифинг для представителей СМИ.\n\n"
        "В Болгарии в посольстве Казахстана в Софии прошел круглый стол с участием "
        "экспертов."
    )
    assert [(e.type, e.parties) for e in evs] == [("HOSTED", ["KZ"]), ("HOSTED", ["KZ"])]


def test_attending_a_forum_or_a_grouping_summit_is_hosted_by_the_state_that_holds_it():
    (e,) = events_of(
        "Министр иностранных дел Казахстана Ермек Кошербаев принимает участие в саммите "
        "БРИКС, который проходит в Бразилии."
    )
    assert (e.type, e.format, e.parties) == ("HOSTED", "multilateral_attendance", ["BR", "KZ"])
    assert [p.name for p in e.participants] == ["Ермек Кошербаев"]
    (e,) = events_of(
        "Министр иностранных дел Казахстана Ермек Кошербаев прибыл в Турцию для участия в "
        "форуме, который продлится три дня."
    )
    assert (e.format, e.parties) == ("multilateral_attendance", ["KZ", "TR"])
    # an IGO's own council is hosted by the IGO, wherever it sits
    (e,) = events_of(
        "Министр иностранных дел Казахстана Ермек Кошербаев принял участие в заседании "
        "Совета министров иностранных дел СНГ в Москве."
    )
    assert (e.format, e.parties) == ("multilateral_attendance", ["CIS", "KZ"])
    # events still to come are no attendance
    assert (
        events_of(
            "Министр иностранных дел Турции Хакан Фидан прибыл в Казахстан для участия в "
            "мероприятиях, которые пройдут в Астане."
        )
        == []
    )


def test_back_references_with_a_date_are_events_of_their_own():
    evs = events_of(
        "Министр иностранных дел Казахстана Ермек Кошербаев встретился с министром "
        "иностранных дел Турции Хаканом Фиданом. Стороны обсудили результаты визита Хакана "
        "Фидана в Казахстан в 2023 году."
    )
    assert [(e.type, e.parties, [p.name for p in e.participants]) for e in evs] == [
        ("MET", ["KZ", "TR"], ["Ермек Кошербаев", "Хакан Фидан"]),
        ("MET", ["KZ", "TR"], ["Хакан Фидан"]),
    ]
    (e,) = events_of(
        "Стороны отметили значимость встречи президента Казахстана Касым-Жомарта Токаева с "
        "президентом Турции Реджепом Тайипом Эрдоганом, состоявшейся 1 октября."
    )
    assert (e.type, e.parties) == ("MET", ["KZ", "TR"])
    # a visit to come, or in the release's own year, is no back-reference
    for body in (
        "Стороны обсудили подготовку предстоящего визита Хакана Фидана в Казахстан в 2026 году.",
        "Стороны обсудили итоги визита министра иностранных дел Турции Хакана Фидана в "
        "Казахстан в 2025 году.",
    ):
        assert events_of(body) == []


def test_a_joint_briefing_with_a_counterpart_is_a_meeting_of_the_two():
    (e,) = events_of(
        "Об этом заявил министр иностранных дел Казахстана Ермек Кошербаев на совместном "
        "брифинге в Астане с турецким коллегой Хаканом Фиданом."
    )
    assert (e.type, e.parties) == ("MET", ["KZ", "TR"])
    assert {p.name for p in e.participants} == {"Ермек Кошербаев", "Хакан Фидан"}
    # one to come is no contact
    assert (
        events_of(
            "Совместная пресс-конференция министров иностранных дел Казахстана и Турции "
            "Ермека Кошербаева и Хакана Фидана пройдет завтра."
        )
        == []
    )


def test_a_meeting_of_two_states_officials_named_by_title_only_is_met():
    (e,) = events_of("Вчера состоялась встреча министров иностранных дел Казахстана и Турции.")
    assert (e.type, e.parties, e.participants) == ("MET", ["KZ", "TR"], [])
    # one state's officials alone, or a topic after the title, make no pair
    assert events_of("Вчера состоялась встреча министров Казахстана.") == []
    assert events_of("Вчера состоялась встреча министров по ситуации в Сирии и Ираке.") == []


def test_an_earlier_meeting_of_the_same_sides_told_with_its_year_is_another_event():
    evs = events_of(
        "Министр иностранных дел Казахстана Ермек Кошербаев встретился с послом Турции "
        "Мехметом Сельчуком.\n\n"
        "Последняя встреча министров иностранных дел Казахстана и Турции прошла в декабре "
        "2023 года в Анкаре."
    )
    assert [(e.type, e.parties, len(e.participants)) for e in evs] == [
        ("MET", ["KZ", "TR"], 2),
        ("MET", ["KZ", "TR"], 0),
    ]


def test_a_state_named_only_inside_an_outlets_name_is_no_party():
    (e,) = events_of(
        "В Посольстве Казахстана в Грузии состоялся брифинг для представителей СМИ.\n"
        "В мероприятии приняли участие журналисты изданий «Свободная Грузия» и «Европа 24»."
    )
    assert (e.type, e.parties) == ("HOSTED", ["KZ"])


def test_a_side_named_by_title_only_takes_its_official_named_in_the_next_sentence():
    evs = events_of(
        "В МИД Казахстана прошли встречи с главами дипломатических миссий России и Турции.\n"
        "В министерство были приглашены посол России в Казахстане Алексей Бородавкин и посол "
        "Турции в Казахстане Мехмет Сельчук."
    )
    people = {tuple(e.parties): {p.name for p in e.participants} for e in evs}
    assert people == {("KZ", "RU"): {"Алексей Бородавкин"}, ("KZ", "TR"): {"Мехмет Сельчук"}}
