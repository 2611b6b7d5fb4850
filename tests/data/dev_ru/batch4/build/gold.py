# ru_b4 gold events, written by hand before any extractor run
G = []
_cnt = {}
def ev(rel, typ, parties, participants, cue, fmt=None, kind=None, host=None, venue=None, date=None):
    rid = f"ru_b4_{rel:02d}"
    _cnt[rid] = _cnt.get(rid, 0) + 1
    d = {"release": rid, "n": _cnt[rid], "type": typ, "format": fmt}
    if typ == "ACCREDITED":
        d["kind"] = kind
    d.update({"parties": sorted(parties), "participants": participants, "host": host,
              "venue": venue, "date": date, "cue": cue})
    G.append(d)

def p(name, state, role, posted_in=None):
    d = {"name": name, "state": state, "role": role}
    if posted_in:
        d["posted_in"] = posted_in
    return d

def v(name, state):
    return {"name": name, "state": state}

MFA = "министр иностранных дел"
DFM = "заместитель министра иностранных дел"

# 01 RU embassy: Nurtleu - Borodavkin
ev(1, "MET", ["KZ", "RU"], [p("Мурат Нуртлеу", "KZ", MFA), p("Алексей Бородавкин", "RU", "посол", "KZ")],
   "Мурат Нуртлеу ... встретился с послом России в Казахстане Алексеем Бородавкиным")

# 02 RU MFA: Lavrov - Zalkaliani (CH only facilitated)
ev(2, "MET", ["GE", "RU"], [p("С.В.Лавров", "RU", MFA), p("Д.М.Залкалиани", "GE", MFA)],
   "26 сентября ... состоялась встреча ... С.В.Лаврова с Министром иностранных дел Грузии Д.М.Залкалиани",
   venue=v("Нью-Йорк", "US"), date="2019-09-26")

# 03 RU (Zakharova): Lavrov - Wang Yi + dated back-reference phone call
ev(3, "MET", ["CN", "RU"], [p("Сергей Лавров", "RU", MFA), p("Ван И", "CN", MFA)],
   "В Москве началась встреча главы МИД России Сергея Лаврова и его китайского коллеги Ван И",
   venue=v("Москва", "RU"), date="2023-09-19")
ev(3, "MET", ["CN", "RU"], [p("Лавров", "RU", MFA), p("Ван И", "CN", MFA)],
   "7 августа Лавров провел телефонный разговор с Ван И", fmt="phone_call", date="2023-08-07")

# 04 RU MFA office in St Petersburg: Poletaev - KG consul general
ev(4, "MET", ["KG", "RU"], [p("М.Г.Полетаев", "RU", "и.о. представителя мид"),
                            p("А.И.Сакеева", "KG", "генеральный консул", "RU")],
   "М.Г.Полетаев провел беседу с Генеральным консулом Киргизской Республики в Санкт-Петербурге А.И.Сакеевой",
   venue=v("Санкт-Петербург", "RU"), date="2025-01-30")

# 05 RU: planned visit (no event) + back-reference phone call Lukashenko - Putin
ev(5, "MET", ["BY", "RU"], [p("Александр Лукашенко", "BY", "президент"), p("Владимир Путин", "RU", "президент")],
   "Александр Лукашенко и президент России Владимир Путин провели телефонный разговор", fmt="phone_call")

# 06 KZ MFA: Pompeo - Tleuberdi (planned talks with Tokayev/Nazarbayev are not events)
ev(6, "MET", ["KZ", "US"], [p("Майкл Помпео", "US", "государственный секретарь"), p("Мухтар Тлеуберди", "KZ", MFA)],
   "Встреча госсекретаря США Майкла Помпео и министра иностранных дел Казахстана Мухтара Тлеуберди началась",
   venue=v("Нур-Султан", "KZ"), date="2020-02-02")

# 07 KZ Akorda: president receives RU and CN ambassadors (two meetings)
ev(7, "MET", ["KZ", "RU"], [p("Касым-Жомарт Токаев", "KZ", "президент"), p("Алексей Бородавкин", "RU", "посол", "KZ")],
   "беседы с послом Российской Федерации Алексеем Бородавкиным")
ev(7, "MET", ["CN", "KZ"], [p("Касым-Жомарт Токаев", "KZ", "президент"), p("Чжан Сяо", "CN", "посол", "KZ")],
   "встречи с послом Китайской Народной Республики в Казахстане Чжан Сяо")

# 08 KZ Akorda: Nauryz phone calls
ev(8, "MET", ["KZ", "TR"], [p("Реджеп Тайип Эрдоган", "TR", "президент"), p("Касым-Жомарт Токаев", "KZ", "президент")],
   "Глава Турции Реджеп Тайип Эрдоган ... Разговор состоялся по инициативе турецкой стороны", fmt="phone_call")
ev(8, "MET", ["KZ", "TJ"], [p("Эмомали Рахмон", "TJ", "президент"), p("Токаев", "KZ", "президент")],
   "Токаева поздравил также президент Таджикистана Эмомали Рахмон. Беседа прошла", fmt="phone_call")
ev(8, "MET", ["GE", "KZ"], [p("Касым-Жомарт Токаев", "KZ", "президент"), p("Мамука Бахтадзе", "GE", "премьер-министр")],
   "телефонный разговор с премьер-министром Грузии Мамукой Бахтадзе", fmt="phone_call")

# 09 KG MFA: Kulubaev - Donald Lu
ev(9, "MET", ["KG", "US"], [p("Жээнбек Кулубаев", "KG", MFA),
                            p("Дональд Лу", "US", "помощник государственного секретаря по делам центральной и южной азии")],
   "Жээнбек Кулубаев принял помощника Государственного секретаря США ... Дональда Лу")

# 10 KG president: credentials of 5 ambassadors
J = p("Садыр Жапаров", "KG", "президент")
for st, name in [("SI", "Аленка Сухадольник"), ("IT", "Антонелло Де Риу"), ("GQ", "Лусиано Нкого Ндонг Айекаба"),
                 ("BE", "Эрик Де Майер"), ("GT", "Эдуардо Энрика Эрнандес Ресинос")]:
    ev(10, "ACCREDITED", [st, "KG"], [p(name, st, "посол", "KG"), J],
       f"Верительные грамоты вручили ... {name}", kind="credentials", date="2025-10-13")

# 11 Kabar: planned phone call only -> no event (list in empty.txt)
# 12 KG MFA: Collegium session with presidential/parliament/government staff
ev(12, "HOSTED", ["KG"], [], "состоялось очередное заседание Коллегии МИД КР", fmt="session",
   host={"name": "Министерство иностранных дел Кыргызской Республики", "kind": "ministry", "state": "KG"},
   date="2016-07-08")
# 13 UZ: planned talks only -> no event
# 14 UZ MFA: first session of the Council of National Coordinators (5 CA foreign ministries)
ev(14, "HOSTED", ["KG", "KZ", "TJ", "TM", "UZ"], [p("Бахромжон Аълоев", "UZ", "первый заместитель министра иностранных дел")],
   "В МИД Узбекистана состоялось первое заседание Совета национальных координаторов", fmt="session",
   host={"name": "МИД Узбекистана", "kind": "ministry", "state": "UZ"}, venue=v("Ташкент", "UZ"))
# 15 UZ: joint video meeting of six deputy foreign ministers = one event
ev(15, "MET", ["KG", "KZ", "RU", "TJ", "TM", "UZ"],
   [p("Илхом Неъматов", "UZ", DFM), p("Марат Сыздыков", "KZ", DFM), p("Нуран Ниязалиев", "KG", DFM),
    p("Андрей Руденко", "RU", DFM), p("Зохир Саидзода", "TJ", DFM), p("Вепа Хаджиев", "TM", DFM)],
   "в режиме видеоконференцсвязи состоялось заседание заместителей министров иностранных дел", fmt="video_call",
   date="2020-05-21")
# 16 UZ institutes meet the CIS Executive Committee head + UZ FM attends CIS CFM
ev(16, "MET", ["CIS", "UZ"], [p("Анвар Насиров", "UZ", "директор мица"), p("Элдор Арипов", "UZ", "директор исми"),
                              p("Сергей Лебедев", "CIS", "председатель исполкома – исполнительный секретарь")],
   "Анвар Насиров и директор ИСМИ Элдор Арипов в Москве встретились с председателем исполкома", venue=v("Москва", "RU"))
ev(16, "HOSTED", ["CIS", "UZ"], [p("Абдулазиз Камилов", "UZ", MFA)],
   "1-2 апреля в Москве проходит заседание Совета министров иностранных дел СНГ, делегацию от Узбекистана представляет",
   fmt="multilateral_attendance", host={"name": "Совет министров иностранных дел СНГ", "kind": "igo", "state": "CIS"},
   venue=v("Москва", "RU"), date="2021-04-01")
# 17 UZ MFA: Kamilov - Lavrov phone call (framed as regular political consultations)
ev(17, "MET", ["RU", "UZ"], [p("Абдулазиз Камилов", "UZ", MFA), p("Сергей Лавров", "RU", MFA)],
   "17 марта 2018 года ... состоялся телефонный разговор", fmt="phone_call", date="2018-03-17")
# 18 BY MFA: BRICS summit attendance + list of meetings
R = p("Максим Рыженков", "BY", MFA)
ev(18, "HOSTED", ["BR", "BY"], [R], "принимает участие в саммите БРИКС, который проходит в Бразилии",
   fmt="multilateral_attendance", host={"name": "саммит БРИКС", "kind": "forum", "state": "BR"}, venue=v("Бразилия", "BR"))
ev(18, "MET", ["BY", "TH"], [R, p("Тирапхон Синтхупхра", "TH", "министр при офисе премьер-министра")],
   "С министром при Офисе премьер-министра Таиланда Тирапхон Синтхупхра обсуждена повестка")
ev(18, "MET", ["BY", "NDB"], [p("Рыженков", "BY", MFA), p("Дилма Руссефф", "NDB", "президент")],
   "Рыженков пригласил в Беларусь президента Нового банка развития Дилму Руссефф")
for st, name, role in [("CU", "Мигель Диас-Канель Бермудес", "президент"), ("NG", "Бола Тинубу", "президент"),
                       ("KZ", "Мурат Нуртлеу", MFA), ("TR", "Хакан Фидан", MFA)]:
    ev(18, "MET", ["BY", st], [p("Рыженков", "BY", MFA), p(name, st, role)], f"Рыженков встречался с ... {name}")
# 19 BY (BelTA): planned meeting only -> no event
# 20 AZ MFA: Bayramov - OSCE SG
ev(20, "MET", ["AZ", "OSCE"], [p("Джейхун Байрамов", "AZ", MFA), p("Хельга Шмид", "OSCE", "генеральный секретарь")],
   "Джейхун Байрамов ... встретился с генсеком ОБСЕ Хельгой Шмид", venue=v("Турция", "TR"), date="2022-03-11")
# 21 Report: joint briefing in Baku with the MD FM and a signed document = meeting; planned consultations not events
ev(21, "MET", ["AZ", "MD"], [p("Джейхун Байрамов", "AZ", MFA), p("Михай Попшой", "MD", MFA)],
   "на совместном брифинге в Баку с молдавским коллегой Михаем Попшоем", venue=v("Баку", "AZ"), date="2026-03-06")
# 22 TM: TM-UZ political consultations
ev(22, "CONSULTED", ["TM", "UZ"], [p("Р.О.Мередов", "TM", "заместитель председателя кабинета министров, министр иностранных дел"),
                                   p("В.И.Норов", "UZ", "и.о. министра иностранных дел")],
   "26 августа 2022 года в Ашхабаде состоялись политические консультации", fmt="political_consultations",
   venue=v("Ашхабад", "TM"), date="2022-08-26")
# 23 credentials of 12 heads of mission to Lukashenko
L = p("Александр Лукашенко", "BY", "президент")
for st, nm in [("GE", "Грузии"), ("TJ", "Таджикистана"), ("KZ", "Казахстана"), ("MT", "Мальты"), ("HR", "Хорватии"),
               ("IS", "Исландии"), ("KH", "Камбоджи"), ("MY", "Малайзии"), ("EG", "Египта"), ("NG", "Нигерии"),
               ("CU", "Кубы"), ("CO", "Колумбии")]:
    ev(23, "ACCREDITED", [st, "BY"], [L], f"принял сегодня верительные грамоты послов 12 государств ... {nm}",
       kind="credentials", date="2018-01-16")
# 24 UZ consulate general reception, Novosibirsk regional officials took part
ev(24, "HOSTED", ["RU", "UZ"],
   [p("Тимур Рахманов", "UZ", "генеральный консул", "RU"),
    p("Андрей Гончаров", "RU", "министр промышленности, торговли и развития предпринимательства"),
    p("Майис Мамедов", "RU", "вице-спикер законодательного собрания новосибирской области"),
    p("Нина Шалабаева", "RU", "уполномоченный по правам человека")],
   "Генеральное консульство республики устроило торжественный приём", fmt="reception",
   host={"name": "Генеральное консульство Узбекистана в Новосибирске", "kind": "consulate", "state": "UZ"},
   venue=v("Новосибирск", "RU"))

EMPTY = ["ru_b4_11", "ru_b4_13", "ru_b4_19"]
