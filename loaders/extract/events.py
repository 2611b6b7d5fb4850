"""Stage 6: events, by the annotation rules of DESIGN.md.

A sentence becomes an event when it has a cue (встреча, переговоры, консультации, обмен
мнениями, верительные грамоты, a hosted event noun with a hosting verb) that the text
reports as having happened: a future-tense or planning verb nearest to the cue, or
"предстоящий" before it, makes it a plan, and plans are not events. Each type has its own
minimum: MET needs two named people, CONSULTED two parties (states/IGOs, not the venue
and not the topic), ACCREDITED an ambassador or a credentials phrase, HOSTED a hosting verb.
Cues of one type inside one paragraph are one event (later sentences refine it:
"Стороны также обменялись мнениями", "Мероприятие организовано при поддержке ...").

MET, decided by the annotation rules (a contact the text reports as having happened):
a meeting told by a verb of happening ("встретился с", "провели переговоры", "принял
посла", "принимает своего коллегу X"); a meeting noun the text marks as past without one
("вчерашняя/состоявшаяся встреча X с Y", "в ходе встречи X с Y стороны обсудили", "на
встрече с Y X заявил", "по итогам переговоров X с Y", a year before the release's); a
discussion or an agreement between two named officials ("X и Y обсудили", "X побеседовал
с Y", "X договорился с Y о ..." — not "договорились встретиться": that is a plan). A
phone conversation between two officials ("телефонный разговор", "по телефону",
"созвонились") is a contact reported as happened: MET with format "phone_call". Both
sides must be named people: "встреча с российским лидером" or "переговоры с X и Y" alone
(one side) is no MET. Plans, duties ("должен был"), hypotheses, negations, readiness
("готов встретиться") and habits ("регулярно", "пять раз") are no events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dipgraph.loaders.extract._models import lemmas, parses
from dipgraph.loaders.extract.doc import Document, PersonMention, StateMention, Token
from dipgraph.loaders.extract.orgs import OrgMention, find_orgs
from dipgraph.loaders.extract.states import gazetteer

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
    "кинопоказ",
}
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
DURING_PREPS = {"ходе", "итогам", "время", "рамках", "завершении", "окончании"}
# a counterpart named after "с" is a person: a title or "коллега" first, or the name
COUNTERPART_NOUNS = {"коллега", "собеседник", "партнер"}
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


@dataclass
class EventDraft:
    type: str
    sentence: int
    paragraph: int
    format: str | None = None
    kind: str | None = None
    parties: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)  # person keys
    host: OrgMention | None = None
    venue: tuple[str, str | None] | None = None
    confidence: float = 0.5
    cue: str = ""
    sentences: list[int] = field(default_factory=list)
    date: str | None = None
    date_precision: str = "unknown"

    def add_parties(self, codes: list[str]) -> None:
        for c in codes:
            if c and c not in self.parties:
                self.parties.append(c)


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
    for k, t in enumerate(toks):
        info = _verb_info(t)
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
    if any(_lem(toks[k]) & NOT_ONCE for k in range(lo, hi)):
        return False
    vi = _reporting_verb(toks, cue_i)
    if vi is not None:
        if any(toks[k].text.lower() in ("не", "ни") for k in range(max(0, vi - 3), vi)):
            return False  # "не состоялась", "так и не смогли"
        p = parses(toks[vi].text)[0]
        if p.tag.POS == "INFN" or p.tag.tense == "futr":
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


def _with_counterpart(toks: list[Token], s_i: int, m_i: int) -> bool:
    """ "с" at ``s_i`` governs the person named at ``m_i``: between them only adjectives,
    a title ("с министром иностранных дел Турции Хаканом Фиданом") or "коллега" ("со
    своим французским коллегой"), not another noun ("с журналистами ... Керри")."""
    from dipgraph.loaders.extract.roles import _head

    for k in range(s_i + 1, m_i):
        ps = parses(toks[k].text)
        if ps and ps[0].tag.POS in ("ADJF", "PRTF", "NPRO") and not _head(toks[k]):
            continue
        return bool(_head(toks[k]) or _lem(toks[k]) & COUNTERPART_NOUNS)
    return True


def _met_pair(toks: list[Token], base: int, cue_i: int, mentions: list[PersonMention]) -> bool:
    """The meeting cue joins two sides, each with a named person: "встретился с X",
    "встреча X с Y", "принял посла X", "переговоры X и Y", "X и Y встретились", "X и Y
    провели телефонный разговор". People named only after "с" are one side ("переговоры с
    генсеком X и министром Y"): the other side must be named too."""
    after = [
        m
        for m in mentions
        if cue_i < m.tok_start - base <= cue_i + PER_WINDOW
        and not any(t.text in (".", ";", ",") for t in toks[cue_i + 1 : m.tok_start - base])
    ]
    if after:
        between = toks[cue_i + 1 : after[-1].tok_start - base]
        withs = [
            k
            for k in range(cue_i + 1, after[-1].tok_start - base)
            if toks[k].text.lower() in ("с", "со")
        ]
        if withs:
            # the first person named after each "с" (not a subject named after it: "На
            # встрече с Послом ... X заместитель министра Y отметил")
            counterpart = []
            for k in withs:
                m = next((m for m in after if m.tok_start - base > k), None)
                if m and _with_counterpart(toks, k, m.tok_start - base) and m not in counterpart:
                    counterpart.append(m)
                    # "с генсеком X и министром обороны Y": one side
                    for m2 in after[after.index(m) + 1 :]:
                        gap = toks[counterpart[-1].tok_end - base : m2.tok_start - base]
                        if not gap or gap[0].text.lower() != "и":
                            break
                        counterpart.append(m2)
            if counterpart:
                others = [m for m in mentions if m not in counterpart]
                if {m.person for m in others} - {m.person for m in counterpart} - {None}:
                    return True
        if any(t.text.lower() == "между" for t in between) and len(after) >= 2:
            return True
        if _receives(toks, cue_i, [m.tok_start - base for m in after]):
            return True
        if len(after) >= 2 and any(t.text.lower() == "и" for t in between) and not withs:
            return True
    before = [m for m in mentions if m.tok_end - base <= cue_i]
    if len(before) >= 2:
        a, b = before[-2], before[-1]
        gap = toks[b.tok_end - base : cue_i]
        # "X и Y встретились", "X и Y провели встречу": the verb right after the pair
        joined = _verb_info(toks[cue_i]) or any(_lem(t) & HAPPEN_VERBS for t in gap)
        if len(gap) >= 2 and gap[0].text == "," and "который" in _lem(gap[1]):
            gap = gap[2:]  # "X и Y, которые сегодня встречаются"
        if joined and len(gap) <= 4 and not any(t.text in (".", ";", ",", "—") for t in gap):
            return any(t.text.lower() == "и" for t in toks[a.tok_end - base : b.tok_start - base])
    return False


def _receives(toks: list[Token], i: int, person_at: list[int] | None = None) -> bool:
    """ "принял посла ...", "принимает своего французского коллегу X": a reception of
    an official or of a named person is a meeting (not "принял участие", "принял
    решение", "принял верительные грамоты")."""
    from dipgraph.loaders.extract.roles import _head

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


def _cues(toks: list[Token]) -> list[tuple[str, str | None, int, str]]:
    """(type or 'MET?', format, token index, cue text) candidates in one sentence."""
    out = []
    lem = [_lem(t) for t in toks]
    has_hosting_verb = any(lem_k & HOSTING_VERBS for lem_k in lem)
    for i, ls in enumerate(lem):
        if "верительный" in ls and i + 1 < len(toks) and "грамота" in lem[i + 1]:
            kind = (
                "copies"
                if any("копия" in lem[k] for k in range(max(0, i - 3), i))
                else "credentials"
            )
            out.append(("ACCREDITED", kind, i, toks[i].text + " " + toks[i + 1].text))
        elif ls & {"консультация"}:
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
        elif ls & HOSTED_NOUNS or ("стол" in ls and i > 0 and "круглый" in lem[i - 1]):
            if has_hosting_verb:
                out.append(("HOSTED", None, i, toks[i].text))
    return out


def _person_keys(mentions: list[PersonMention]) -> list[str]:
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


def _side_adjectives(toks: list[Token], base: int, states: list[StateMention]) -> list[str]:
    """ "с турецкой стороной", "казахстанская сторона": a side named by its adjective."""
    out = []
    for m in states:
        i = m.tok_end - base
        if m.kind == "adj" and i < len(toks) and "сторона" in _lem(toks[i]) and m.code not in out:
            out.append(m.code)
    return out


def _delegations(toks: list[Token], base: int, states: list[StateMention]) -> list[str]:
    """ "делегация МИД Кыргызской Республики ...": the state a delegation comes from."""
    out = []
    for k, t in enumerate(toks):
        if "делегация" in _lem(t):
            for m in states:
                if m.kind in ("state", "igo", "adj") and k < m.tok_start - base <= k + 6:
                    if m.code not in out:
                        out.append(m.code)
                    break
    return out


def _venue(
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


def _triggered_parties(doc: Document, sent_ids: list[int]) -> list[str]:
    """States/IGOs named after "при поддержке", "с участием", "представители", ...:
    organizers and participants of a hosted event."""
    out: list[str] = []
    for si in sent_ids:
        s = doc.sentences[si]
        toks = doc.tokens[s.tok_start : s.tok_end]
        sts = [m for m in doc.states if s.start <= m.start < s.end]
        for k, t in enumerate(toks):
            if _lem(t) & PARTY_TRIGGERS:
                last = min(len(toks) - 1, k + 25)
                for k2 in range(k + 1, last + 1):
                    if _lem(toks[k2]) & TOPIC_WORDS:
                        last = k2
                        break
                window_end = toks[last].end
                adj_end = toks[min(len(toks) - 1, k + 3)].end
                for m in sts:
                    if m.kind == "adj" and not (
                        _lem(t) & {"представитель", "делегация"} and m.start <= adj_end
                    ):
                        continue
                    if t.end <= m.start <= window_end and m.kind in ("state", "igo", "adj"):
                        i = m.tok_start - s.tok_start
                        if i > 0 and toks[i - 1].text.lower() in ("в", "во", "по", "о", "об"):
                            continue
                        if m.code not in out:
                            out.append(m.code)
    return out


def events(doc: Document) -> Document:
    doc.events = []
    officials = {k for k, p in doc.persons.items() if p.is_official}
    r = doc.release
    published = r.published if r.published and r.date_precision != "unknown" else None
    by_paragraph: dict[int, list[EventDraft]] = {}
    for si, s in enumerate(doc.sentences):
        toks = doc.tokens[s.tok_start : s.tok_end]
        cues = _cues(toks)
        if not cues:
            continue
        sts = [m for m in doc.states if s.start <= m.start < s.end]
        people = _person_keys([m for m in doc.mentions if m.sent == si])
        types_here = {c[0] for c in cues}
        para_events = by_paragraph.setdefault(s.paragraph, [])
        done: set[str] = set()
        sent_mentions = [m for m in doc.mentions if m.sent == si]
        for type_, fmt, ci, cue_text in cues:
            needs_verb = type_ in ("MET", "TALKS", "CONSULTED")
            nominal = type_ in ("MET", "TALKS") and len(people) >= 2
            if not reported(toks, ci, needs_verb, nominal, published):
                continue
            if type_ == "TALKS":
                type_ = "MET" if len(people) >= 2 else "CONSULTED"
            if type_ == "MET" and "ACCREDITED" in types_here:
                continue
            if type_ in done:
                continue
            same = next((e for e in para_events if e.type == type_), None)
            draft = EventDraft(type_, si, s.paragraph, cue=cue_text, sentences=[si])
            orgs = find_orgs(doc, si)
            if type_ == "ACCREDITED":
                draft.kind = fmt
                draft.participants = people
                draft.add_parties([doc.persons[p].state for p in people])
                draft.add_parties(_party_states(doc, toks, s.tok_start, sts, []))
                if not draft.participants and len(draft.parties) < 2:
                    continue
                draft.confidence = 0.9 if people else 0.7
            elif type_ == "MET":
                if len(people) < 2 or not _met_pair(toks, s.tok_start, ci, sent_mentions):
                    if same is not None:
                        same.sentences.append(si)
                    continue
                draft.format = "talks" if fmt == "negotiations" else None
                if any(_lem(t) & PHONE_WORDS for t in toks[max(0, ci - 3) : ci + 4]):
                    draft.format = "phone_call"
                draft.participants = people
                draft.add_parties([doc.persons[p].state for p in people])
                draft.confidence = 0.85 if all(p in officials for p in people) else 0.6
            elif type_ == "CONSULTED":
                draft.format = fmt
                exclude = [(o.start, o.end) for o in orgs if o.kind == "university"]
                near = [m for m in sts if abs(m.tok_start - s.tok_start - ci) <= CUE_WINDOW]
                parties = _party_states(doc, toks, s.tok_start, near, exclude)
                for c in _side_adjectives(toks, s.tok_start, near) + _delegations(
                    toks, s.tok_start, sts
                ):
                    if c not in parties:
                        parties.append(c)
                if len(parties) == 1 and doc.home_state and doc.home_state not in parties:
                    i = next(m for m in sts if m.code == parties[0]).tok_start - s.tok_start
                    if i > 0 and toks[i - 1].text.lower() in ("с", "со"):
                        parties.insert(0, doc.home_state)
                if len(parties) < 2:
                    if same is not None:
                        same.sentences.append(si)
                    continue
                draft.add_parties(parties)
                # "между министерствами иностранных дел X и Y" names the sides, no host
                host = next(
                    (o for o in orgs if o.kind in ("ministry", "embassy") and not o.plural), None
                )
                draft.host = host
                draft.participants = [p for p in people if p in officials]
                draft.confidence = 0.8
            elif type_ == "HOSTED":
                host = next((o for o in orgs if o.kind != "other"), None)
                draft.host = host
                draft.confidence = 0.7 if host else 0.55
            draft.venue = _venue(doc, toks, s.tok_start, sts)
            if same is not None:
                same.sentences.append(si)
                same.add_parties(draft.parties)
                for p in draft.participants:
                    if p not in same.participants:
                        same.participants.append(p)
                same.host = same.host or draft.host
                same.venue = same.venue or draft.venue
                done.add(type_)
                continue
            para_events.append(draft)
            doc.events.append(draft)
            done.add(type_)
    # hosted events: parties and participants from the rest of their paragraph
    for para, evs in by_paragraph.items():
        para_sents = [i for i, s in enumerate(doc.sentences) if s.paragraph == para]
        for ev in evs:
            later = [e.sentence for e in evs if e.sentence > ev.sentence]
            stop = min(later) if later else para_sents[-1] + 1
            span = [i for i in para_sents if ev.sentence <= i < stop]
            if ev.type == "CONSULTED":
                # "Узбекскую делегацию возглавил ...": the delegations' heads take part
                for si in span[1:]:
                    st = doc.tokens[doc.sentences[si].tok_start : doc.sentences[si].tok_end]
                    if any(_lem(t) & {"делегация", "возглавить", "возглавлять"} for t in st):
                        for p in _person_keys([m for m in doc.mentions if m.sent == si]):
                            if p in officials and p not in ev.participants:
                                ev.participants.append(p)
            if ev.type == "HOSTED":
                if ev.host is None:
                    for si in span:
                        ev.host = next((o for o in find_orgs(doc, si) if o.kind != "other"), None)
                        if ev.host:
                            break
                if ev.host and ev.host.state:
                    ev.add_parties([ev.host.state])
                ev.add_parties(_triggered_parties(doc, span))
                for si in span:
                    for p in _person_keys([m for m in doc.mentions if m.sent == si]):
                        if p in officials and p not in ev.participants:
                            ev.participants.append(p)
                ev.add_parties([doc.persons[p].state for p in ev.participants])
                if not ev.parties:
                    ev.type = "DROP"  # no state or IGO identifiable in it
            if ev.type == "ACCREDITED":
                receiver_states = [
                    doc.persons[p].state
                    for p in ev.participants
                    if doc.persons[p].role and "посол" not in (doc.persons[p].role or "")
                ]
                ambassador_posted = None
                for p in ev.participants:
                    person = doc.persons[p]
                    if person.role and "посол" in person.role and person.posted_in is None:
                        person.posted_in = next(
                            (s for s in receiver_states if s and s != person.state), doc.home_state
                        )
                    if person.role and "посол" in person.role:
                        ambassador_posted = person.posted_in
                ev.add_parties([ambassador_posted] if ambassador_posted else [])
    doc.events = sorted((e for e in doc.events if e.type != "DROP"), key=lambda e: e.sentence)
    return doc
