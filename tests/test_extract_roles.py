"""Roles stage: titles into role, represented state, posted-in state, organization."""

from __future__ import annotations

from dipgraph.graph.model import Release
from dipgraph.loaders.extract import analyze
from dipgraph.loaders.lang.ru.roles import parse_title


def test_ambassador_with_states():
    t = parse_title("посол Казахстана в Армении")
    assert (t.role, t.state, t.posted_in) == ("посол", "KZ", "AM")
    assert t.organization == "Посольство Казахстана в Армении"


def test_deputy_minister_of_foreign_affairs():
    t = parse_title("заместитель министра иностранных дел Республики Казахстан")
    assert (t.role, t.state) == ("заместитель министра иностранных дел", "KZ")
    assert t.organization == "МИД Республики Казахстан"


def test_abbreviated_titles_are_expanded():
    assert parse_title("замглавы МИД").role == "заместитель министра иностранных дел"
    t = parse_title("глава МИД России")
    assert (t.role, t.state) == ("министр иностранных дел", "RU")


def test_head_is_nominative_and_passing_adjectives_dropped():
    assert parse_title("министром окружающей среды Армении").role == "министр окружающей среды"
    t = parse_title("нового посла Норвегии")
    assert (t.role, t.state, t.posted_in) == ("посол", "NO", None)
    assert parse_title("Генерального консула России в Алматы").role == "генеральный консул"


def test_titles_attach_to_people_in_a_release():
    text = (
        "Москва. 2 июня. ТАСС - Глава МИД России Сергей Лавров встретился с Мохаммадом "
        "Джавадом Зарифом. Хакан Фидан, министр иностранных дел Турции, выступил позже."
    )
    doc = analyze(Release.from_text(text), upto="roles")
    lavrov = doc.persons["Сергей Лавров"]
    assert (lavrov.role, lavrov.state) == ("министр иностранных дел", "RU")
    fidan = doc.persons["Хакан Фидан"]
    assert (fidan.role, fidan.state) == ("министр иностранных дел", "TR")


def test_a_genitive_ministry_after_the_title_is_the_organization_and_gives_the_state():
    t = parse_title("статс-секретарем Министерства иностранных дел Германии")
    assert (t.role, t.state, t.organization) == ("статс-секретарь", "DE", "МИД Германии")
    t = parse_title("официальный представитель МИД Узбекистана")
    assert (t.role, t.state) == ("официальный представитель", "UZ")
    assert t.organization == "МИД Узбекистана"


def test_head_of_a_ministry_is_its_minister():
    t = parse_title("главой Министерства иностранных дел Франции")
    assert (t.role, t.state) == ("министр иностранных дел", "FR")


def test_more_titles_of_officials():
    cases = {
        "госсекретарем США": ("государственный секретарь", "US"),
        "помощником президента России": ("помощник президента", "RU"),
        "генеральным секретарем ООН": ("генеральный секретарь", "UN"),
        "вице-премьер Турции": ("вице-премьер", "TR"),
        "премьер-министр Пакистана": ("премьер-министр", "PK"),
        "министр иностранных дел Азербайджанской Республики": ("министр иностранных дел", "AZ"),
    }
    for text, expected in cases.items():
        t = parse_title(text)
        assert (t.role, t.state) == expected, text


def test_delegation_head_takes_the_state_of_the_delegation():
    text = (
        "Делегация Министерства иностранных дел Кыргызской Республики во главе с "
        "заместителем министра Алмазом Иманалиевым провела консультации в Анкаре."
    )
    doc = analyze(Release.from_text(text), upto="roles")
    p = doc.persons["Алмаз Иманалиев"]
    assert (p.role, p.state) == ("заместитель министра", "KG")


def _titles(text: str) -> dict[str, tuple]:
    doc = analyze(Release.from_text(text), upto="roles")
    return {m.name: (m.title.role, m.title.state) if m.title else None for m in doc.mentions}


def test_a_quoted_or_bracketed_name_inside_a_title():
    # factRuEval-2016 book_374, book_489
    t = _titles("Накануне глава ОАО «Газпром» Алексей Миллер пообещал ограничить поставки.")
    assert t["Алексей Миллер"] == ("глава ОАО «Газпром»", None)
    t = _titles(
        "Генеральный секретарь Объединённого фронта за демократию против диктатуры (ОФДД) "
        "Наттавута Сайкыа сообщил сегодня, что желает прекращения кризиса."
    )
    assert t["Наттавута Сайкыа"][0].startswith("генеральный секретарь объединённого фронта")


def test_titles_after_a_dash_and_a_title_that_runs_into_the_next_name():
    # factRuEval-2016 book_259, book_100
    t = _titles(
        "Своим мнением поделятся Светлана Яковлева - директор Global Cultural Project, "
        "Кирилл Разлогов - директор Российского института культурологии."
    )
    assert t["Светлана Яковлева"] == ("директор Global Cultural Project", None)
    assert t["Кирилл Разлогов"][0].startswith("директор")
    t = _titles(
        "Среди задержанных оказался известный правозащитник Лев Пономарев, координатор "
        "движения «Левый фронт» Сергей Удальцов."
    )
    assert t["Лев Пономарев"] is None
    assert t["Сергей Удальцов"] == ("координатор движения «Левый фронт»", None)


def test_a_state_adjective_before_the_title_gives_the_state():
    # factRuEval-2016 book_99, book_301
    t = _titles(
        "Председатель КНР Ху Цзиньтао и российский президент Дмитрий Медведев открыли "
        "нефтепровод, а британский премьер Гордон Браун отказался от участия."
    )
    assert t["Дмитрий Медведев"] == ("президент", "RU")
    assert t["Гордон Браун"] == ("премьер-министр", "GB")


def test_former_deputy_and_compound_titles():
    # factRuEval-2016 book_337, book_302, book_252
    t = _titles("Экс-премьера Пакистана Беназир Бхутто вновь взяли под домашний арест.")
    assert t["Беназир Бхутто"] == ("премьер-министр", "PK")
    t = _titles("Такой переход, считает вице-губернатор Приморья Александр Шемелев, полезен.")
    assert t["Александр Шемелев"][0].startswith("вице-губернатор")
    t = _titles("Он стал преемником первой женщины-спикера Нэнси Пелоси.")
    assert t["Нэнси Пелоси"][0].endswith("спикер")


def test_the_preposition_posle_is_no_ambassador():
    # "после" is also the locative of "посол" in the dictionary (factRuEval-2016 book_260)
    t = _titles("Напомним, после поездки Дмитрия Медведева на Курилы премьер Японии заявил.")
    assert t["Дмитрий Медведев"] is None


def test_members_managers_and_ranks_are_titles():
    # factRuEval-2016 book_124, book_370, book_480
    t = _titles(
        "Член Палаты представителей Конгресса США Гэбриэль Гиффордс получила ранение. "
        "Аарон Гринспен, управляющий компанией FaceCash, уже выступал против. "
        "Об этом заявил шеф концерна Бернд Пишетсридер (Bernd Pischetsrieder) на ярмарке."
    )
    assert t["Гэбриэль Гиффордс"] == ("член палаты представителей конгресса", "US")
    assert t["Аарон Гринспен"] == ("управляющий компанией FaceCash", None)
    assert t["Бернд Пишетсридер"] == ("шеф концерна", None)


def test_a_plural_title_after_a_name_is_no_apposition():
    # factRuEval-2016 book_302
    t = _titles(
        "Следуя предложению Дмитрия Медведева, депутаты Законодательного собрания "
        "Приморского края приняли обращение к премьеру."
    )
    assert t["Дмитрий Медведев"] is None


def test_a_title_noun_governed_by_a_preposition_does_not_start_the_title():
    # factRuEval-2016 book_74: "Президенте" belongs to the council's name
    t = _titles(
        "На заседании Совета при Президенте РФ по развитию информационного общества глава "
        "РФ Дмитрий Медведев напомнил министрам о проекте."
    )
    assert t["Дмитрий Медведев"] == ("глава", "RU")


def test_a_state_official_who_also_holds_an_igo_post_represents_the_state():
    from dipgraph.graph.model import Release
    from dipgraph.loaders.extract import extract

    text = (
        "В Москве состоялась встреча генерального секретаря ОДКБ Имангали Тасмагамбетова с "
        "председателем Государственной Думы России, председателем Парламентской Ассамблеи "
        "ОДКБ Вячеславом Володиным."
    )
    (e,) = extract(Release.from_text(text, published="2025-10-13", date_precision="day")).events
    assert (e.type, e.parties) == ("MET", ["CSTO", "RU"])
    people = {p.name: p for p in e.participants}
    assert people["Вячеслав Володин"].state == "RU"
    assert people["Имангали Тасмагамбетов"].state == "CSTO"
