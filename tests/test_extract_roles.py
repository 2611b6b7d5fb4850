"""Roles stage: titles into role, represented state, posted-in state, organization."""

from __future__ import annotations

from dipgraph.graph.model import Release
from dipgraph.loaders.extract import analyze
from dipgraph.loaders.extract.roles import parse_title


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
