"""English extraction on sentences written for these tests (the dev set's releases are
scored in test_eval)."""

from __future__ import annotations

import pytest

from dipgraph.loaders.extract import extract
from dipgraph.loaders.sources import detect_language, read_text


def events_of(text: str, publisher: str | None = "KZ"):
    release = read_text(text, year=2025)
    release.publisher = publisher
    return extract(release)


def english_events(text: str, publisher: str | None = "KZ"):
    """Events of a one-line English text (py3langid takes some short lines for Nigerian
    Pidgin; real releases are long enough)."""
    release = read_text(text, year=2025)
    release.publisher, release.language = publisher, "en"
    return extract(release)


def brief(x):
    return [(e.type, sorted(e.parties), sorted(p.name for p in e.participants)) for e in x.events]


def test_titles_before_and_after_names_give_role_state_and_posting():
    x = events_of(
        "Deputy Foreign Minister of Kazakhstan Roman Vassilenko met with the newly "
        "appointed Ambassador of Norway to Kazakhstan Helene Sand Andresen."
    )
    assert brief(x) == [("MET", ["KZ", "NO"], ["Helene Sand Andresen", "Roman Vassilenko"])]
    people = {p.name: (p.state, p.role, p.posted_in) for p in x.events[0].participants}
    assert people == {
        "Roman Vassilenko": ("KZ", "deputy minister of foreign affairs", None),
        "Helene Sand Andresen": ("NO", "ambassador", "KZ"),
    }
    x = events_of(
        "H.E. Mr. John Smith, the newly appointed Ambassador of the United States, "
        "presented copies of his credentials to Deputy Foreign Minister Alibek Bakayev."
    )
    assert brief(x) == [("ACCREDITED", ["KZ", "US"], ["Alibek Bakayev", "John Smith"])]
    assert x.events[0].kind == "copies"


def test_phone_calls_consultations_lists_and_attendance():
    x = events_of(
        "Minister of Foreign Affairs of the Republic of Uzbekistan Bakhtiyor Saidov held a "
        "telephone conversation with Foreign Minister of Türkiye Hakan Fidan.",
        publisher="UZ",
    )
    assert brief(x) == [("MET", ["TR", "UZ"], ["Bakhtiyor Saidov", "Hakan Fidan"])]
    assert x.events[0].format == "phone_call"
    x = events_of(
        "On March 3, political consultations between the Foreign Ministries of Kazakhstan "
        "and Norway were held in Astana."
    )
    assert brief(x) == [("CONSULTED", ["KZ", "NO"], [])]
    assert x.events[0].date == "2025-03-03" and x.events[0].venue.name == "Astana"
    x = events_of(
        "On the sidelines of the SCO summit, Minister Saidov met with the Foreign Ministers "
        "of India, China and Pakistan.",
        publisher="UZ",
    )
    assert sorted(e.parties for e in x.events) == [["CN", "UZ"], ["IN", "UZ"], ["PK", "UZ"]]
    x = events_of(
        "Foreign Minister Murat Nurtleu took part in the meeting of the Council of Foreign "
        "Ministers of the CIS in Minsk."
    )
    assert [(e.type, e.format, e.parties) for e in x.events] == [
        ("HOSTED", "multilateral_attendance", ["CIS", "KZ"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Minister will meet with his Norwegian counterpart next week.",
        "The next round of Kazakh-Norwegian consultations is scheduled for May.",
        "Kazakhstan and the EU discussed the visa facilitation agreement.",
    ],
)
def test_plans_and_talks_without_a_counterpart_are_no_events(text):
    assert events_of(text).events == []


def test_language_detected_per_release_and_unsupported_ones_warned():
    assert detect_language("Deputy Foreign Minister Roman Vassilenko met the Ambassador.") == "en"
    assert detect_language("Заместитель министра встретился с послом Норвегии.") == "ru"
    kazakh = (
        "Қазақстан Республикасы Сыртқы істер министрінің орынбасары Норвегия елшісімен кездесті."
    )
    assert detect_language(kazakh) == "kk"
    x = events_of(kazakh)
    assert x.events == [] and "Kazakh (kk), which has no extraction pipeline" in x.warnings[0]
    uzbek = "O'zbekiston Respublikasi Tashqi ishlar vaziri Norvegiya elchisi bilan uchrashdi."
    assert detect_language(uzbek) == "uz" and events_of(uzbek).events == []


def test_an_igo_publisher_is_no_state_of_foreign_prime_ministers():
    x = events_of(
        "High Representative Josep Borrell met Prime Minister Fayez al Serraj in Brussels. "
        "He also met Foreign Minister Sergey Lavrov of Russia.",
        publisher="EU",
    )
    people = {o.name: o.state for o in x.officials}
    assert people["Josep Borrell"] == "EU" and people["Sergey Lavrov"] == "RU"
    assert people["Fayez al Serraj"] is None
    assert [e.parties for e in x.events] == [["EU", "RU"]]


def test_credentials_lists_go_on_after_the_ceremony_and_receivers_are_the_hosts():
    x = events_of(
        "President Gabriel Boric received credentials from new ambassadors, among them "
        "Uruguayan diplomat Ana Ruiz, who represents the government of President of Uruguay "
        "Luis Lacalle Pou. Credentials were also accepted from Ghana’s Kofi Mensah and "
        "Peru’s Rosa Quispe Mamani.",
        publisher="CL",
    )
    assert brief(x) == [
        ("ACCREDITED", ["CL", "UY"], ["Ana Ruiz", "Gabriel Boric"]),
        ("ACCREDITED", ["CL", "GH"], ["Gabriel Boric", "Kofi Mensah"]),
        ("ACCREDITED", ["CL", "PE"], ["Gabriel Boric", "Rosa Quispe Mamani"]),
    ]
    x = events_of(
        "President Gabriel Boric received credentials from the ambassador of Ghana. "
        "In addition, permission to serve was given to Mexico’s Juan Lopez Ortega and "
        "Bolivia’s Evo Quispe.",
        publisher="CL",
    )
    assert [sorted(e.parties) for e in x.events] == [["CL", "GH"], ["CL", "MX"], ["BO", "CL"]]
    # no ceremony before: a list of names is no event
    assert events_of("Mexico’s Juan Lopez Ortega and Bolivia’s Evo Quispe spoke.").events == []


def test_a_purpose_or_a_time_of_consultations_leaves_the_meeting_it_frames():
    # the consultations are why the visitor came: the meeting told is the event
    x = events_of(
        "Deputy Minister of Foreign Affairs of Tajikistan Farrukh Sharifzoda met with Deputy "
        "Assistant Secretary of State for South and Central Asian Affairs Mary Jones, who "
        "arrived in Dushanbe to take part in the annual consultations between Tajikistan "
        "and the United States.",
        publisher="TJ",
    )
    assert brief(x) == [("MET", ["TJ", "US"], ["Farrukh Sharifzoda", "Mary Jones"])]
    people = {o.name: o.state for o in x.officials}
    assert people["Mary Jones"] == "US"  # a Secretary of State's office is the US's
    # "after the consultations": a later meeting of its own
    x = events_of(
        "Political consultations between the Foreign Ministries of Armenia and Latvia took "
        "place in Yerevan. After the consultations, the Latvian delegation was received by "
        "the Minister of Foreign Affairs of Armenia Ararat Mirzoyan.",
        publisher="AM",
    )
    assert [(e.type, sorted(e.parties)) for e in x.events] == [
        ("CONSULTED", ["AM", "LV"]),
        ("MET", ["AM", "LV"]),
    ]


def test_one_person_spelled_two_ways_in_a_release_is_one_participant():
    x = events_of(
        "Deputy Foreign Minister Aibek Moldogaziev received the Ambassador of Japan Kenji "
        "Sato. Aybek Moldogaziev and Kenji Sato discussed trade.",
        publisher="KG",
    )
    assert brief(x) == [("MET", ["JP", "KG"], ["Aibek Moldogaziev", "Kenji Sato"])]


def test_guests_of_an_event_held_join_it_and_groups_of_unnamed_countries_do_not():
    x = events_of(
        "The Mongolian Embassy in Kazakhstan held a round table dedicated to the 30th "
        "anniversary of relations between Mongolia and Kazakhstan. Diplomats of Japan, "
        "Korea and the OSCE took part in the event. The event was also attended by the "
        "ambassadors of Georgia and Armenia to Kazakhstan.",
        publisher="MN",
    )
    assert [(e.type, sorted(e.parties)) for e in x.events] == [
        ("HOSTED", ["AM", "GE", "JP", "KR", "MN", "OSCE"])
    ]
    assert x.events[0].host.name == "Mongolian Embassy in Kazakhstan"
    x = events_of(
        "A reception was held at the Permanent Mission of Chile to the United Nations. The "
        "reception was attended by diplomats of some 30 countries representing the African "
        "Union, Latin America and the Caribbean.",
        publisher="CL",
    )
    assert [(e.type, e.parties) for e in x.events] == [("HOSTED", ["CL"])]
    # without an event held before, "took part in the meeting" adds nobody to anything
    x = events_of("Representatives of Japan and Korea took part in the meeting.")
    assert all(e.type != "HOSTED" for e in x.events)


def test_a_ministers_meeting_with_the_diplomatic_corps_is_an_event_held():
    x = events_of(
        "Ambassadors, including French Ambassador Marie Dupont, arrived at the Ministry for a "
        "meeting of Foreign Minister Murat Nurtleu with heads of foreign diplomatic missions "
        "dedicated to the UN General Assembly. Representatives of Finland and Iran were "
        "present at the meeting."
    )
    assert [(e.type, sorted(e.parties)) for e in x.events] == [("HOSTED", ["FI", "FR", "IR", "KZ"])]
    assert sorted(p.name for p in x.events[0].participants) == ["Marie Dupont", "Murat Nurtleu"]


def test_delegations_led_by_someone_and_attendance_at_an_igo_body():
    x = events_of(
        "Deputy Foreign Minister Roman Vassilenko met with a delegation of the European "
        "Parliament led by David McAllister."
    )
    assert brief(x) == [("MET", ["EU", "KZ"], ["David McAllister", "Roman Vassilenko"])]
    x = events_of(
        "The Kazakh delegation headed by Deputy Foreign Minister Akan Rakhmetullin took part "
        "in the OSCE Ministerial Council in Skopje."
    )
    assert [(e.type, e.format, sorted(e.parties)) for e in x.events] == [
        ("HOSTED", "multilateral_attendance", ["KZ", "OSCE"])
    ]


def test_heads_of_sides_and_respective_lists_give_each_person_a_state():
    x = events_of(
        "Political consultations between India and Oman were held in Muscat on 14 March. The "
        "Indian side was led by Secretary (West) Pavan Kapoor, and the Omani side by Sheikh "
        "Khalifa Al Harthy.",
        publisher="IN",
    )
    assert brief(x) == [("CONSULTED", ["IN", "OM"], ["Khalifa Al Harthy", "Pavan Kapoor"])]
    x = events_of(
        "The heads of the foreign ministries of Kazakhstan and Kyrgyzstan, Murat Nurtleu and "
        "Jeenbek Kulubaev, held talks in Bishkek."
    )
    assert brief(x) == [("MET", ["KG", "KZ"], ["Jeenbek Kulubaev", "Murat Nurtleu"])]
    people = {o.name: o.state for o in x.officials}
    assert people == {"Murat Nurtleu": "KZ", "Jeenbek Kulubaev": "KG"}


def test_dated_back_references_visits_and_leaders_of_two_states():
    x = events_of(
        "The sides recalled that the official visit of the President of Uzbekistan Shavkat "
        "Mirziyoyev to Japan in December 2019 gave an impetus to cooperation. The leaders of "
        "Uzbekistan and Japan, during a telephone conversation on 12 May 2021, agreed to "
        "deepen the partnership.",
        publisher="UZ",
    )
    assert [(e.type, e.format, sorted(e.parties)) for e in x.events] == [
        ("MET", None, ["JP", "UZ"]),
        ("MET", "phone_call", ["JP", "UZ"]),
    ]
    assert [p.name for p in x.events[0].participants] == ["Shavkat Mirziyoyev"]
    # vague or planned visits are no events
    for text in (
        "During his earlier visit to Japan, President Shavkat Mirziyoyev opened a school.",
        "President Shavkat Mirziyoyev will pay an official visit to Japan in May 2026.",
    ):
        assert events_of(text, publisher="UZ").events == []


def test_a_meeting_named_in_capitals_is_the_topic_not_the_contact():
    x = events_of(
        "The Ministers of Foreign Affairs of Kazakhstan, Kyrgyzstan and Uzbekistan discussed "
        "the preparations for the upcoming Consultative Meeting of the Heads of State."
    )
    assert [(e.type, sorted(e.parties)) for e in x.events] == [("MET", ["KG", "KZ", "UZ"])]
    # and the plan is checked before the joint meeting is
    x = events_of(
        "The Ministers of Foreign Affairs of Kazakhstan, Kyrgyzstan and Uzbekistan will meet."
    )
    assert x.events == []


def test_a_counterpart_of_no_known_state_met_on_a_trip_is_the_host_countrys():
    x = english_events(
        "This week I travelled to Kyiv, where I met President Volodymyr Zelensky and Foreign "
        "Minister Dmytro Kuleba.",
        publisher="EU",
    )
    assert [(e.type, sorted(e.parties)) for e in x.events] == [("MET", ["EU", "UA"])]
    # the author ("I") is one side, both named people the other
    assert {p.name: p.state for p in x.events[0].participants} == {
        "Volodymyr Zelensky": "UA",
        "Dmytro Kuleba": "UA",
    }
    x = events_of(
        "In 2019, President Nursultan Nazarbayev paid an official visit to Japan, where he met "
        "Prime Minister Shinzo Abe."
    )
    assert brief(x) == [("MET", ["JP", "KZ"], ["Nursultan Nazarbayev", "Shinzo Abe"])]
    # at a venue of many, no trip: the city says nothing of the counterpart's state
    x = events_of(
        "In Jakarta, on the sidelines of the ASEAN meeting, Minister Murat Nurtleu met Minister "
        "II Dato Erywan Yusof.",
    )
    assert all("ID" not in e.parties for e in x.events)


def test_un_bodies_are_the_un():
    x = events_of(
        "Minister Murat Nurtleu met with the Executive Secretary of the UNECE Tatiana Molcean."
    )
    assert [(e.type, sorted(e.parties)) for e in x.events] == [("MET", ["KZ", "UN"])]


def test_what_two_sides_discussed_and_a_frames_place_are_no_parties():
    x = events_of(
        "Minister Ararat Mirzoyan received French Ambassador to Armenia Jonathan Lacotte. "
        "Ararat Mirzoyan and Jonathan Lacotte discussed the settlement of the conflict under "
        "the co-chairmanship of the OSCE Minsk Group.",
        publisher="AM",
    )
    assert [sorted(e.parties) for e in x.events] == [["AM", "FR"]]
    x = events_of(
        "Secretary General of the SCO Zhang Ming called on Minister for Foreign Affairs Bilawal "
        "Bhutto Zardari. During the meeting held on the sidelines of the SCO Council of Foreign "
        "Ministers meeting in Goa, India, Bilawal Bhutto briefed the Secretary General.",
        publisher="PK",
    )
    assert [sorted(e.parties) for e in x.events] == [["PK", "SCO"]]


def test_an_implicit_guest_received_by_a_foreign_host_and_meetings_held_together():
    x = events_of("The Minister was received by President of Mongolia Ukhnaagiin Khurelsukh.")
    assert brief(x) == [("MET", ["KZ", "MN"], ["Ukhnaagiin Khurelsukh"])]
    x = events_of(
        "On Tuesday, I had a meeting with the Foreign Ministers of France, Germany and the UK "
        "together.",
        publisher="EU",
    )
    assert [sorted(e.parties) for e in x.events] == [["DE", "EU", "FR", "GB"]]
    x = events_of(
        "Minister Murat Nurtleu congratulated his Uzbek colleague Bakhtiyor Saidov by phone."
    )
    assert brief(x) == [("MET", ["KZ", "UZ"], ["Bakhtiyor Saidov", "Murat Nurtleu"])]
    assert x.events[0].format == "phone_call"


def test_a_day_said_with_on_and_a_purpose_end_nobodys_side():
    x = events_of(
        "I had called for a meeting on the same day with the Foreign Ministers of France, "
        "Germany and the UK, to confirm our support to the nuclear deal with Iran: together "
        "we spelled out the need to avoid an escalation.",
        publisher="EU",
    )
    assert [sorted(e.parties) for e in x.events] == [["DE", "EU", "FR", "GB"]]


def test_the_receiver_of_a_ceremony_receives_the_envoys_listed_after_it():
    x = events_of(
        "Envoys of two states presented their credentials to President Droupadi Murmu today. "
        "The envoys were Ambassador of France Thierry Mathou and Ambassador of Chile Juan "
        "Angulo.",
        publisher="IN",
    )
    assert brief(x) == [
        ("ACCREDITED", ["FR", "IN"], ["Droupadi Murmu", "Thierry Mathou"]),
        ("ACCREDITED", ["CL", "IN"], ["Droupadi Murmu", "Juan Angulo"]),
    ]
    x = events_of(
        "On May 2, Shavkat Mirziyoyev received the credentials of foreign ambassadors. The "
        "credentials were presented by the ambassadors of Kyrgyzstan - Daniyar Sydykov and "
        "Japan - Nobuaki Ito.",
        publisher="UZ",
    )
    assert brief(x) == [
        ("ACCREDITED", ["KG", "UZ"], ["Daniyar Sydykov", "Shavkat Mirziyoyev"]),
        ("ACCREDITED", ["JP", "UZ"], ["Nobuaki Ito", "Shavkat Mirziyoyev"]),
    ]


def test_officials_listed_under_one_title_or_one_state_and_state_names_as_first_names():
    x = english_events(
        "Turkish Foreign Minister Hakan Fidan met with Syrian Foreign Minister Asaad "
        "Al-Shaibani, Defense Minister Murhef Abu Kasra and Intelligence Chief Hussein "
        "Salameh in Ankara. The officials discussed bilateral and regional issues.",
        publisher="TR",
    )
    assert brief(x) == [
        (
            "MET",
            ["SY", "TR"],
            ["Asaad Al-Shaibani", "Hakan Fidan", "Hussein Salameh", "Murhef Abu Kasra"],
        )
    ]
    # told apart: two meetings
    x = english_events(
        "President Kassym-Jomart Tokayev held meetings with Charles Michel, President of the "
        "European Council, and with the President of the European Commission Ursula von der "
        "Leyen."
    )
    assert len(x.events) == 2
    x = english_events(
        "Deputy Foreign Minister Khalaf Khalafov met Turkish Deputy Foreign Ministers Yavuz "
        "Selim Kiran and Sedat Onal.",
        publisher="AZ",
    )
    roles = {p.name: (p.state, p.role) for p in x.events[0].participants}
    assert roles["Sedat Onal"] == ("TR", "deputy minister of foreign affairs")
    x = english_events(
        "Minister Jeyhun Bayramov had a telephone conversation with his Israeli counterpart "
        "Israel Katz.",
        publisher="AZ",
    )
    assert brief(x) == [("MET", ["AZ", "IL"], ["Israel Katz", "Jeyhun Bayramov"])]


def test_state_bodies_attending_an_event_are_its_parties_and_experts_are_not():
    x = english_events(
        "The Embassy of Kazakhstan in Japan held a presentation of investment projects, "
        "attended by representatives of the Ministry of Foreign Affairs of Japan."
    )
    assert [(e.type, sorted(e.parties)) for e in x.events] == [("HOSTED", ["JP", "KZ"])]
    x = english_events(
        "The CSTO Secretariat hosted a seminar, which was attended by experts of the "
        "Secretariat and students of leading Russian universities.",
        publisher="CSTO",
    )
    assert [(e.type, e.parties) for e in x.events] == [("HOSTED", ["CSTO"])]


def test_in_a_release_about_a_visitor_a_meeting_with_a_host_official_is_the_visitors():
    x = english_events(
        "U.S. Assistant Secretary of State Donald Lu paid a working visit to Kazakhstan. The "
        "American diplomat was received by Minister of Foreign Affairs Murat Nurtleu. At the "
        "meeting with the First Deputy Minister of Foreign Affairs of Kazakhstan Akan "
        "Rakhmetullin, regional issues were touched upon."
    )
    assert brief(x) == [
        ("MET", ["KZ", "US"], ["Donald Lu", "Murat Nurtleu"]),
        ("MET", ["KZ", "US"], ["Akan Rakhmetullin", "Donald Lu"]),
    ]
    # no visit told: a host official met alone is no event
    x = english_events(
        "At the meeting with the First Deputy Minister of Foreign Affairs of Kazakhstan Akan "
        "Rakhmetullin, the Ambassador of Italy Marco Alberti spoke."
    )
    assert all(e.parties != ["KZ"] for e in x.events)


def test_a_states_own_forum_is_hosted_by_the_state_where_it_is_held():
    x = english_events(
        "Foreign Minister Bakhtiyor Saidov attended the Antalya Diplomatic Forum.", publisher="UZ"
    )
    assert [(e.type, e.format, sorted(e.parties)) for e in x.events] == [
        ("HOSTED", "multilateral_attendance", ["TR", "UZ"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "President Kassym-Jomart Tokayev will pay a state visit to Japan.",
        "The visit of Minister Murat Nurtleu to Japan is expected in May.",
        "Minister Murat Nurtleu discussed preparations for the visit of President Tokayev to "
        "Japan.",
        "Minister Murat Nurtleu thanked his hosts for the warm welcome during the visit.",
    ],
)
def test_visits_planned_prepared_or_without_a_place_are_no_events(text):
    assert english_events(text).events == []


def test_a_dated_visit_to_an_embassy_meets_its_state():
    x = english_events(
        "Lao Deputy Ambassador to Russia Vongvilay Thiphalangsy offered his best wishes to the "
        "people of Vietnam during his visit on Tuesday to the Vietnamese embassy.",
        publisher="VN",
    )
    assert brief(x) == [("MET", ["LA", "VN"], ["Vongvilay Thiphalangsy"])]


@pytest.mark.parametrize(
    "text",
    [
        "No meeting between Minister Murat Nurtleu and the Ambassador of France Didier Canesse "
        "took place.",
        "Minister Murat Nurtleu requested a meeting with the Ambassador of France Didier Canesse.",
        "Minister Murat Nurtleu refused to meet the Ambassador of France Didier Canesse.",
    ],
)
def test_contacts_refused_requested_or_denied_are_no_events(text):
    assert english_events(text).events == []


def test_a_meeting_at_the_guests_request_took_place():
    x = english_events(
        "Deputy Foreign Minister Andrey Rudenko met with Ambassador of the Republic of Korea "
        "Lee Do-hoon at the latter's request.",
        publisher="RU",
    )
    assert [sorted(e.parties) for e in x.events] == [["KR", "RU"]]


def test_roman_numerals_in_titles():
    x = english_events(
        "Minister Hakan Fidan held talks with Brunei Darussalam’s Foreign Minister II Dato "
        "Erywan Yusof.",
        publisher="TR",
    )
    people = {p.name: (p.state, p.role) for p in x.events[0].participants}
    assert people["Erywan Yusof"] == ("BN", "minister of foreign affairs ii")
    x = english_events(
        "The Kyrgyz delegation was headed by Director of the II-Political Department of the "
        "Ministry of Foreign Affairs of the Kyrgyz Republic Dzhusupov.",
        publisher="KG",
    )
    assert {o.name: o.state for o in x.officials} == {"Dzhusupov": "KG"}


def test_a_joint_meeting_told_by_an_outsider_has_only_its_parties_people():
    x = english_events(
        "Pointing to the Friday meeting between Russia, the US, Turkey and Saudi Arabia in "
        "Vienna, Foreign Minister Mohammad Javad Zarif highlighted the role of the people.",
        publisher="IR",
    )
    assert [(sorted(e.parties), e.participants) for e in x.events] == [
        (["RU", "SA", "TR", "US"], [])
    ]


def test_who_welcomed_or_addressed_the_guests_took_part_in_the_event_held():
    x = english_events(
        "A reception was held at the Permanent Mission of Russia to the European Union. "
        "Chargé d’Affaires a.i. of the Russian Mission to the EU Kirill Logvinov welcomed the "
        "guests. The Deputy Chairwoman of the Upper Chamber of the Belarus Parliament Marianna "
        "Shchetkina made a speech at the reception.",
        publisher="RU",
    )
    assert [(e.type, sorted(e.parties)) for e in x.events] == [("HOSTED", ["BY", "RU"])]
    roles = {p.name: p.role for p in x.events[0].participants}
    assert roles == {
        "Kirill Logvinov": "chargé d’affaires a.i.",
        "Marianna Shchetkina": "deputy chairwoman of the upper chamber of the belarus parliament",
    }


def test_a_spokesperson_is_not_the_implicit_minister():
    x = english_events(
        "According to Foreign Office spokesperson Mumtaz Zahra Baloch, Foreign Minister Sergei "
        "Aleinik of Belarus will visit Pakistan at the invitation of Foreign Minister Bilawal "
        "Bhutto Zardari. The Foreign Minister last met his Belarusian counterpart in New York "
        "in September 2022, she added.",
        publisher="PK",
    )
    assert brief(x) == [("MET", ["BY", "PK"], ["Bilawal Bhutto Zardari", "Sergei Aleinik"])]


def test_a_stateless_title_in_a_foreign_list_and_the_own_side_named_late():
    x = english_events(
        "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu held talks with the Prime "
        "Minister of Hungary Viktor Orban and Foreign Minister Peter Szijjarto."
    )
    assert {o.name: o.state for o in x.officials} == {
        "Murat Nurtleu": "KZ",
        "Viktor Orban": "HU",
        "Peter Szijjarto": "HU",
    }
    assert [sorted(e.parties) for e in x.events] == [["HU", "KZ"]]
    x = english_events(
        "External Affairs Minister S Jaishankar met several counterparts. During his meeting "
        "with Nigerian Foreign Minister Geoffrey Onyeama, Dr Jaishankar underlined the "
        "commitment to the Global South.",
        publisher="IN",
    )
    assert brief(x) == [("MET", ["IN", "NG"], ["Geoffrey Onyeama", "S Jaishankar"])]


def test_the_ministers_of_all_three_countries_are_those_just_listed():
    x = english_events(
        "We held a joint meeting with the ministers of Ghana, Togo and Benin. In the margins of "
        "the meeting, I met bilaterally with the ministers of all three countries.",
        publisher="EU",
    )
    assert sorted(sorted(e.parties) for e in x.events) == [
        ["BJ", "EU"],
        ["BJ", "EU", "GH", "TG"],
        ["EU", "GH"],
        ["EU", "TG"],
    ]
    # "the two countries" is the pair just told, no new contact
    x = english_events(
        "Minister Murat Nurtleu met the Ambassador of Ghana Kofi Mensah. During the meeting, "
        "both sides reviewed the two countries' experience."
    )
    assert [sorted(e.parties) for e in x.events] == [["GH", "KZ"]]
