"""Shared rules of the event types: cue words, whether a cue is reported as having happened
(not planned, negated, habitual), and which states in a sentence act as parties."""

from __future__ import annotations

import re

from dipgraph.loaders.extract.doc import Document, PersonMention, StateMention, Token
from dipgraph.loaders.lang.ru.events import frames
from dipgraph.loaders.lang.ru.models import lemmas, parses
from dipgraph.loaders.lang.ru.states import gazetteer

HOSTED_NOUNS = {
    "лекция",
    "дискуссия",
    "сессия",
    "конференция",
    "семинар",
    "форум",
    "выставка",
    "мероприятие",
    "церемония",
    "презентация",
    "концерт",
    "фестиваль",
    "симпозиум",
    "вебинар",
    "прием",
    "заседание",
    "саммит",
    "кинопоказ",
    "брифинг",
    "пресс-конференция",
    "видеоконференция",
    "мастер-класс",
    "вечер",
    "показ",
    "чтения",
}
PRESS_EVENTS = {"брифинг", "пресс-конференция", "пресс-подход"}
HOSTING_VERBS = {
    "состояться",
    "пройти",
    "проходить",
    "организовать",
    "провести",
    "проводить",
    "устроить",
    "открыться",
    "выступить",
}
MET_CUES = {"встреча", "встретиться", "встречаться", "беседа", "побеседовать", "разговор"}
# verbs of a contact between two named people ("X побеседовал с Y", "X и Y обсудили ...",
# "X договорился с Y о ..."): a discussion or an agreement between two officials is a
# contact, reported as happened when the verb is past or present and not negated
CONTACT_VERBS = {
    "переговорить",
    "встретиться",
    "встречаться",
    "побеседовать",
    "беседовать",
    "поговорить",
    "созвониться",
    "обсудить",
    "обсуждать",
    "договориться",
}
# A phone conversation between two named officials ("телефонный разговор", "X созвонился
# с Y", "поговорили по телефону") is a contact the text reports as having happened: MET,
# format "phone_call".
PHONE_WORDS = {"телефонный", "телефон", "созвониться"}
# adjectives that report a meeting named by a noun as past: "вчерашняя встреча X с Y"
PAST_ADJS = {
    "вчерашний",
    "позавчерашний",
    "состояться",
    "пройти",
    "недавний",
    "минувший",
    "прошлый",
    "прошлогодний",
}
# a noun cue after these ("в ходе встречи", "по итогам переговоров", "на встрече") is
# reported as past by the clause's past verb: "в ходе встречи X и Y обсудили ..."
DURING_PREPS = {"ходе", "итогам", "время", "завершении", "окончании"}  # not "в рамках": a frame
# a counterpart named after "с" is a person: a title or "коллега" first, or the name
COUNTERPART_NOUNS = {"коллега", "собеседник", "партнер", "делегация"}
PLAN_LEMMAS = {
    "планировать",
    "планироваться",
    "запланировать",
    "намечать",
    "намечаться",
    "наметить",
    "предполагать",
    "предполагаться",
    "намереваться",
    "собираться",
    "ожидаться",
    "договориться",
    "пригласить",
    "предложить",
}
PLAN_NOUNS = {"визит", "переговоры", "консультация", "саммит", "контакт", "поездка"}
FUTURE_ADJS = {"предстоящий", "будущий", "планируемый", "намеченный", "запланированный"}
# verbs that report a contact as having happened (or going on: "ведут переговоры")
HAPPEN_VERBS = {
    "состояться",
    "пройти",
    "проходить",
    "провести",
    "проводить",
    "вести",
    "идти",
    "начаться",
    "завершиться",
    "продолжиться",
    "продолжаться",
    "возобновиться",
    "обменяться",
    "обмениваться",
    "встретиться",
    "встречаться",
    "побеседовать",
    "принять",
    "принимать",
    "вручить",
    "участвовать",
    "совершить",
} | CONTACT_VERBS
# a contact that is habitual, hypothetical or wished for is not an event
NOT_ONCE = {
    "регулярно",
    "часто",
    "частый",
    "неоднократно",
    "постоянно",
    "обычно",
    "периодически",
    "регулярный",
    "многочисленный",
    "дважды",
    "трижды",
    "раз",
    "бы",
    "если",
    "мочь",
    "смочь",
    "надеяться",
    "должный",
    "должен",
    "хотеть",
    "возможный",
    "возможно",
    "готовый",
    "готов",
}
CONTINUATION_PREPS = {"ходе", "итогам", "время", "рамках", "преддверии", "преддверие"}
PER_WINDOW = 18  # tokens between a meeting cue and the counterpart's name
CUE_WINDOW = 10  # tokens between a consultation cue and its parties
TOPIC_WORDS = {"посвятить", "посвященный", "приуроченный", "приурочить", "посвящать"}
PARTY_TRIGGERS = {"поддержка", "участие", "представитель", "делегация", "организовать"}
NON_PARTY_PREPS = {
    "в",
    "во",
    "на",
    "по",
    "о",
    "об",
    "обо",
    "из",
    "против",
    "вокруг",
    "для",
    "к",
    "ко",
    "над",
    "у",
    "про",
    "от",
    "после",
}


def _lem(tok: Token) -> frozenset[str]:
    return lemmas(tok.text)


def _verb_info(tok: Token) -> tuple[str, str | None] | None:
    """(lemma, tense) when the token is most likely a finite verb, infinitive or
    participle."""
    ps = parses(tok.text)
    if not ps:
        return None
    p = ps[0]
    if p.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND"):
        return p.normal_form, p.tag.tense
    return None


def is_planned(toks: list[Token], cue_i: int) -> bool:
    """A cue in a sentence that reports a plan, an invitation or a future event."""
    for k in range(max(0, cue_i - 2), cue_i):
        if _lem(toks[k]) & FUTURE_ADJS:
            return True
    verbs = []
    relative = next(
        (k for k in range(cue_i + 1, len(toks)) if "который" in lemmas(toks[k].text)), None
    )
    for k, t in enumerate(toks):
        info = _verb_info(t)
        if relative is not None and k > relative and info and info[0] not in HAPPEN_VERBS:
            continue  # "форум, который продлится три дня": a description, no plan (but
            # "мероприятия, которые пройдут в Астане" are to come)
        if info and parses(t.text)[0].tag.POS in ("VERB", "INFN", "PRTS"):
            verbs.append((abs(k - cue_i), k, info))
            if k < cue_i and info[0] in PLAN_LEMMAS:
                return True  # "планируется провести встречу", "договорились о встрече"
        elif t.text.lower() in ("будет", "будут", "планируется", "состоится", "пройдет"):
            verbs.append((abs(k - cue_i), k, (t.text.lower(), "futr")))
    if not verbs:
        return False
    _, k, (lemma, tense) = min(verbs)
    if k == cue_i and lemma in CONTACT_VERBS:
        # "X договорился с Y о ...": the agreement is the contact, unless what they
        # agreed on is itself a plan ("договорились встретиться", "... о визите")
        return tense == "futr" or (lemma == "договориться" and _agrees_on_plan(toks, cue_i))
    if tense == "futr" or lemma in PLAN_LEMMAS:
        return True
    if k > 0 and toks[k - 1].text.lower() == "не":
        return True
    return False


def _agrees_on_plan(toks: list[Token], cue_i: int) -> bool:
    """ "договорились встретиться", "договорился о встрече/визите/переговорах"."""
    for k in range(cue_i + 1, min(len(toks), cue_i + 10)):
        if toks[k].text in (".", ";", ","):
            break
        ps = parses(toks[k].text)
        if ps and ps[0].tag.POS == "INFN":
            return True
        if _lem(toks[k]) & (MET_CUES | PLAN_NOUNS):
            return True
    return False


def _reporting_verb(toks: list[Token], cue_i: int) -> int | None:
    """Index of the verb that reports the cue: the cue itself when it is a finite verb,
    else the nearest finite verb or short participle in the cue's clause."""
    stops = {",", ";", ":", "—", "–", "(", ")", "«", "»"}
    best = None
    for direction in (-1, 1):
        k = cue_i
        # a subject noun phrase can be long: "Встреча президента России Владимира
        # Путина с премьер-министром Израиля Биньямином Нетаньяху состоялась ..."
        reach = 8 if direction < 0 else 14
        while 0 <= k < len(toks) and abs(k - cue_i) <= reach:
            if k != cue_i and toks[k].text in stops:
                break
            ps = parses(toks[k].text)
            if ps and ps[0].tag.POS in ("VERB", "INFN", "PRTS"):
                if best is None or abs(k - cue_i) < abs(best - cue_i):
                    best = k
                break
            k += direction
    return best


def reported(
    toks: list[Token],
    cue_i: int,
    needs_verb: bool,
    nominal: bool = False,
    published: str | None = None,
    tree: list[tuple[int, str]] | None = None,
) -> bool:
    """The text reports the contact at tokens[cue_i] as having happened (or going on):
    not planned or future, not negated, not habitual or hypothetical, and, when
    ``needs_verb``, told by a verb of happening ("состоялась встреча", "провели
    переговоры", "встретился"), not mentioned in passing ("путь переговоров"). With
    ``nominal`` (a meeting of two named people), a meeting noun also counts when the
    text marks it as past without such a verb (:func:`_past_nominal`)."""
    if is_planned(toks, cue_i):
        return False
    lo, hi = max(0, cue_i - 8), min(len(toks), cue_i + 6)
    habit = [k for k in range(lo, hi) if _lem(toks[k]) & NOT_ONCE]
    if tree is not None and habit:
        # with the parse, only words that qualify the cue or its verb ("регулярно
        # встречаются"), not a frame's ("в рамках регулярных консультаций состоялся
        # разговор")
        pred = frames.predicate(tree, toks, cue_i)
        habit = [k for k in habit if tree[k][0] in (cue_i, pred) or k in (cue_i, pred)]
    if habit:
        return False
    vi = _reporting_verb(toks, cue_i)
    if vi is not None:
        if any(toks[k].text.lower() in ("не", "ни") for k in range(max(0, vi - 3), vi)):
            return False  # "не состоялась", "так и не смогли"
        p = parses(toks[vi].text)[0]
        managed = any(
            _lem(toks[k]) & {"удаться", "успеть"} and parses(toks[k].text)[0].tag.tense == "past"
            for k in range(max(0, vi - 4), vi)
        )  # "Лаврову удалось переговорить с ...": it happened
        if (p.tag.POS == "INFN" and not managed) or p.tag.tense == "futr":
            return False
    if not needs_verb:
        return True
    if nominal and _past_nominal(toks, cue_i, vi, published):
        return True
    if _prep_before(toks, cue_i) in CONTINUATION_PREPS:
        return False  # "в ходе переговоров", "по итогам встречи": told elsewhere
    if vi is None:
        return False
    return bool(_lem(toks[vi]) & HAPPEN_VERBS)


def _prep_before(toks: list[Token], cue_i: int) -> str:
    """The word before a noun cue, over up to two adjectives ("в ходе вчерашней
    встречи" -> "ходе")."""
    k = cue_i - 1
    while k >= 0 and cue_i - k <= 2:
        ps = parses(toks[k].text)
        if not ps or ps[0].tag.POS not in ("ADJF", "PRTF"):
            break
        k -= 1
    return toks[k].text.lower() if k >= 0 else ""


_YEAR_RE = re.compile(r"^(19|20)\d\d$")


def _past_nominal(toks: list[Token], cue_i: int, vi: int | None, published: str | None) -> bool:
    """A meeting noun the text marks as past without a verb of happening: "вчерашняя
    (состоявшаяся, недавняя) встреча X с Y"; "в ходе (по итогам, во время) встречи X и Y
    обсудили ...", "на встрече с Y X заявил" with a past verb in the clause; "переговоры
    X и Y в феврале 2016 г." with a year before the release's."""
    if parses(toks[cue_i].text)[0].tag.POS != "NOUN":
        return False
    if any(_lem(toks[k]) & PAST_ADJS for k in range(max(0, cue_i - 3), cue_i)):
        return True
    for k in range(cue_i + 1, len(toks)):
        # "встречи X с Y, состоявшейся 1 октября": a past participle after the names
        if toks[k].text in (".", ";", ":"):
            break
        p = parses(toks[k].text)[0]
        if p.tag.POS == "PRTF" and p.tag.tense == "past" and _lem(toks[k]) & PAST_ADJS:
            return toks[k - 1].text == ","
        if p.tag.POS in ("VERB", "PRTS"):
            break
    prep = _prep_before(toks, cue_i)
    locative = prep == "на" and "loct" in parses(toks[cue_i].text)[0].tag
    if prep in DURING_PREPS or locative:
        # the clause's verb, after however long the names are: "В ходе встречи
        # заместителя Министра ... с Послом ... стороны обсудили ..."
        for k in range(cue_i + 1, len(toks)):
            if toks[k].text in (".", ";", ":"):
                break
            p = parses(toks[k].text)[0]
            if p.tag.POS in ("VERB", "INFN", "PRTS"):
                negated = toks[k - 1].text.lower() in ("не", "ни")
                return p.tag.tense == "past" and "indc" in p.tag and not negated
    return _past_year(toks, cue_i, published)


def _past_year(toks: list[Token], cue_i: int, published: str | None) -> bool:
    """ "переговоры X и Y в феврале 2016 г.": a year before the release's."""
    if not published:
        return False
    for k in range(cue_i + 1, min(len(toks), cue_i + PER_WINDOW)):
        if toks[k].text in (".", ";", ",", "—", ":"):
            break
        if _YEAR_RE.match(toks[k].text) and int(toks[k].text) < int(published[:4]):
            return True
    return False


def _receives(toks: list[Token], i: int, person_at: list[int] | None = None) -> bool:
    """ "принял посла ...", "принимает своего французского коллегу X": a reception of
    an official or of a named person is a meeting (not "принял участие", "принял
    решение", "принял верительные грамоты")."""
    from dipgraph.loaders.lang.ru.roles import _head

    ps = parses(toks[i].text)
    if not ps or ps[0].tag.POS != "VERB" or ps[0].normal_form not in ("принять", "принимать"):
        return False
    if ps[0].tag.tense == "futr":
        return False
    window = range(i + 1, min(len(toks), i + 8))
    if any(_lem(toks[k]) & {"грамота", "участие", "копия", "решение"} for k in window):
        return False
    if any(_head(toks[k]) for k in range(i + 1, min(len(toks), i + 5))):
        return True
    for m_i in person_at or []:
        gap = toks[i + 1 : m_i]
        if len(gap) <= 6 and not any(t.text in (".", ";", ",") for t in gap):
            if not gap or any(_head(t) or _lem(t) & COUNTERPART_NOUNS for t in gap):
                return True
    return person_at is None and any(
        _lem(toks[k]) & COUNTERPART_NOUNS for k in range(i + 1, min(len(toks), i + 7))
    )


def cues(toks: list[Token], credentials: bool = False) -> list[tuple[str, str | None, int, str]]:
    """(type or 'MET?', format, token index, cue text) candidates in one sentence.
    ``credentials``: the release speaks of credentials, so "грамоты" alone is theirs."""
    out = []
    lem = [_lem(t) for t in toks]
    has_hosting_verb = any(lem_k & HOSTING_VERBS for lem_k in lem) or (
        # attendance: "приняла участие в заседании", "участвовал в саммите"
        any("участие" in lem_k for lem_k in lem) or any("участвовать" in lem_k for lem_k in lem)
    )
    for i, ls in enumerate(lem):
        if (
            credentials
            and "грамота" in ls
            and not (i > 0 and "верительный" in lem[i - 1])
            and any(lm & {"вручить", "вручать", "принять", "принимать"} for lm in lem)
        ):
            kind = "copies" if any("копия" in lem[k] for k in range(max(0, i - 3), i)) else None
            out.append(("ACCREDITED", kind or "credentials", i, toks[i].text))
        elif "верительный" in ls and i + 1 < len(toks) and "грамота" in lem[i + 1]:
            kind = (
                "copies"
                if any("копия" in lem[k] for k in range(max(0, i - 3), i))
                else "credentials"
            )
            out.append(("ACCREDITED", kind, i, toks[i].text + " " + toks[i + 1].text))
        elif ls & {"консультация"} or any(lm.startswith("политконсультаци") for lm in ls):
            political = any("политический" in lem[k] for k in range(max(0, i - 3), i))
            fmt = "political_consultations" if political else "consultations"
            out.append(("CONSULTED", fmt, i, toks[i].text))
        elif ls & {"переговоры", "переговор"}:
            out.append(("TALKS", "negotiations", i, toks[i].text))
        elif ls & {"обмен", "обмениваться", "обменяться"} and any(
            "мнение" in lem[k] for k in range(i + 1, min(len(toks), i + 3))
        ):
            out.append(("CONSULTED", "exchange_of_views", i, toks[i].text + " мнениями"))
        elif ls & (MET_CUES | CONTACT_VERBS) or _receives(toks, i):
            out.append(("MET", "meeting", i, toks[i].text))
        elif ls & PRESS_EVENTS and any("совместный" in lem[k] for k in range(max(0, i - 2), i)):
            # "на совместном брифинге с молдавским коллегой X": the two met
            out.append(("MET", "joint_press", i, toks[i].text))
        elif (
            ls & HOSTED_NOUNS
            or ("стол" in ls and i > 0 and "круглый" in lem[i - 1])
            or any(lm.rpartition("-")[2] in HOSTED_NOUNS for lm in ls if "-" in lm)
        ):
            if has_hosting_verb:
                out.append(("HOSTED", None, i, toks[i].text))
    return out


def person_keys(mentions: list[PersonMention]) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.person and m.person not in out:
            out.append(m.person)
    return out


def _party_states(
    doc: Document,
    toks: list[Token],
    base: int,
    states: list[StateMention],
    exclude_spans: list[tuple[int, int]],
) -> list[str]:
    """States and IGOs acting in a sentence: not after a locative/topic preposition (and
    not coordinated with one), not inside excluded spans (venues, topics)."""
    out: list[str] = []
    excluded_prev: StateMention | None = None
    prev: StateMention | None = None
    for m in states:
        if m.kind not in ("state", "igo"):
            prev = m
            continue
        if any(a <= m.start < b for a, b in exclude_spans):
            prev = m
            continue
        i = m.tok_start - base
        before = toks[i - 1].text.lower() if i > 0 else ""
        # "делегаций Беларуси и Китая": a state joined to a party is one (the parser
        # sometimes hangs the second under the topic that follows)
        joined = (
            before in ("и", ",")
            and prev is not None
            and prev.code in out
            and prev.tok_end - base == i - 1
        )
        if not joined and frames.is_topic(doc, doc.sentence_at(m.start), m):
            excluded_prev = m
            prev = m
            continue
        coordinated = (
            before in ("и", ",")
            and prev is not None
            and prev is excluded_prev
            and prev.tok_end - base == i - 1
        )
        if before in NON_PARTY_PREPS or coordinated:
            excluded_prev = m
            prev = m
            continue
        if m.code not in out:
            out.append(m.code)
        prev = m
    return out


def venue(
    doc: Document, toks: list[Token], base: int, states: list[StateMention]
) -> tuple[str, str | None] | None:
    for m in states:
        i = m.tok_start - base
        if m.kind == "city" and i > 0 and toks[i - 1].text.lower() in ("в", "во"):
            return (m.name or m.text, m.code)
    for t in toks:
        if t.text.lower().startswith("столичн") and doc.home_state:
            capital = gazetteer().capitals.get(doc.home_state)
            if capital:
                return (capital, doc.home_state)
    return None


LIST_ITEM_MAX_CHARS = 300
LIST_MAX_ITEMS = 40


def list_items(doc: Document, si: int) -> list[int]:
    """The sentences of a list after a cue sentence ending in a colon ("вручили
    верительные грамоты:" then one "Имя – Страна" line each): short lines naming a person
    or a state, up to the first line that does not."""
    if not doc.sentences[si].text.rstrip().endswith(":"):
        return []
    out = []
    for k in range(si + 1, min(len(doc.sentences), si + 1 + LIST_MAX_ITEMS)):
        s = doc.sentences[k]
        if len(s.text) > LIST_ITEM_MAX_CHARS:
            break
        named = any(m.sent == k for m in doc.mentions) or any(
            s.start <= m.start < s.end and m.kind in ("state", "igo") for m in doc.states
        )
        if not named:
            break
        out.append(k)
    return out


def names_event(toks: list[Token]) -> set[str]:
    """The events the sentence names (a meeting, talks, a briefing), told or not: their
    lemmas."""
    words = HOSTED_NOUNS | MET_CUES | {"консультация", "переговоры", "переговор"}
    return {w for t in toks for w in _lem(t) & words}
