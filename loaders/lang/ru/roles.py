"""Stage 5: officials' titles. The words before a name ("заместитель министра иностранных
дел Республики Казахстан Алибек Бакаев", "посла Казахстана в Армении Болата Иманбаева") or
after it (", министр иностранных дел России,") are parsed into role (nominative head +
its complement), represented state, posted-in state ("в Армении") and organization.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dipgraph.graph.model import is_igo
from dipgraph.loaders.extract.doc import Document, StateMention, Title, Token
from dipgraph.loaders.lang.ru.models import lemmas, parses
from dipgraph.loaders.lang.ru.states import _data, gazetteer

WINDOW = 12
STOP_PUNCT = {",", ";", ":", "(", ")", "«", "»", '"', "—", "–", "!", "?", "“", "”", "„"}
LINK_WORDS = {"в", "во", "при", "по", "и", "на", "делам", "дел"}
TRAILING = {"в", "во", "при", "по", "и", "на"}
KEEP_MODIFIERS = {
    "генеральный",
    "первый",
    "специальный",
    "постоянный",
    "временный",
    "государственный",
    "исполнительный",
    "полномочный",
    "верховный",
    "старший",
    "официальный",
}
DROP_MODIFIERS = {"новый", "новоназначенный", "назначенный", "бывший", "нынешний", "действующий"}
ROLE_REWRITES = [
    (re.compile(r"^заместитель главы мид\w*\b"), "заместитель министра иностранных дел"),
    (re.compile(r"^глава мид\w*\b"), "министр иностранных дел"),
    (re.compile(r"^руководитель мид\w*\b"), "министр иностранных дел"),
    (re.compile(r"^заместитель министра мид\w*\b"), "заместитель министра иностранных дел"),
    (
        re.compile(r"^заместитель (главы|руководителя) министерства иностранных дел\b"),
        "заместитель министра иностранных дел",
    ),
    (
        re.compile(r"^(глава|руководитель) министерства иностранных дел\b"),
        "министр иностранных дел",
    ),
    (re.compile(r"^чрезвычайный и полномочный посол\b"), "посол"),
    (re.compile(r"^глава государства$"), "президент"),
    (
        re.compile(r"^(глава|руководитель) внешне(политического|дипломатического) ведомства$"),
        "министр иностранных дел",
    ),
    (re.compile(r"^полномочный посол\b"), "посол"),
]
_MFA_RE = re.compile(r"\b(мид|министра? иностранных дел)\b")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9&.'’-]*$")  # "Business NZ", "FaceCash"
OPEN_QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
CLOSE_QUOTES = {"»", "”", "“", '"'}
QUOTED_MAX = 8  # tokens of a quoted name inside a title: "глава ОАО «Газпром»"
DASHES = {"—", "–", "-"}
# a title noun after these belongs to an organization's name, not to the title that
# follows it ("Совет при Президенте РФ по ... глава РФ Имя"); "с" is no such word
# ("во главе с заместителем министра Имя")
COMPLEMENT_PREPS = {"при", "к", "ко", "о", "об"}


@lru_cache(maxsize=1)
def title_heads() -> dict[str, str]:
    return {row[0]: (row[1] if len(row) > 1 and row[1] else row[0]) for row in _data("titles.tsv")}


def lemma_set(text: str) -> set[str]:
    """Lemmas of the words (3+ letters) of a text."""
    from dipgraph.loaders.lang.ru.models import lemma

    return {lemma(w) for w in re.findall(r"[\wё-]+", text.lower()) if len(w) > 2}


def position_lemmas(text: str) -> set[str]:
    """Lemmas of a position with abbreviated titles spelled out the way the extractor
    spells its roles (titles.tsv: "премьер" -> "премьер-министр", "замглавы" ->
    "заместитель главы") and a leading "экс-" dropped ("экс-премьер" is a premier)."""
    heads = title_heads()
    out: set[str] = set()
    for lem in lemma_set(text):
        lem = lem.removeprefix("экс-")
        out.add(lem)
        if lem in heads and heads[lem] != lem:
            out |= lemma_set(heads[lem])
    return out


def is_ambassador(role: str | None) -> bool:
    """Does the role name an ambassador ("посол", "чрезвычайный и полномочный посол")?"""
    return bool(role) and ("посол" in role.lower() or "нунций" in role.lower())


NOT_TITLE_POS = {"PREP", "CONJ", "PRCL", "ADVB", "INTJ", "NPRO"}


def _head(token: Token) -> str | None:
    """The canonical title a word heads ("посла" -> "посол", "замглавы" -> "заместитель
    главы", "экс-премьера" -> "премьер-министр", "вице-губернатора" ->
    "вице-губернатор", "женщины-спикера" -> "спикер"), or None."""
    return _head_word(token.text)


@lru_cache(maxsize=8192)
def _head_word(text: str) -> str | None:
    heads = title_heads()
    low = text.lower().replace("ё", "е")
    if low in heads:
        return heads[low]
    ps = parses(text)
    if ps and ps[0].tag.POS in NOT_TITLE_POS:
        return None  # "после" is a preposition before it is the locative of "посол"
    for lem in lemmas(text):
        if lem in heads and any(p.normal_form == lem and p.tag.POS == "NOUN" for p in ps):
            return heads[lem]
    first, dash, rest = low.partition("-")
    if dash and rest and "-" not in rest:
        sub = _head_word(rest)
        if sub is None:
            return None
        if first == "экс":
            return sub  # a former official keeps the title, as "бывший" is dropped
        if first == "вице":
            return sub if sub.startswith("вице-") else "вице-" + sub
        if any(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes for p in parses(first)):
            return sub  # "женщина-спикер"
    return None


# heads whose genitive organization is part of the role ("глава МИД" = the minister)
OWN_ORG_HEADS = {"глава", "руководитель", "заместитель главы", "заместитель", "министр"}
GENITIVE_ORGS = {
    "министерство": "Министерство",
    "ведомство": "Ведомство",
    "посольство": "Посольство",
    "консульство": "Консульство",
    "генконсульство": "Генеральное консульство",
    "представительство": "Представительство",
    "постпредство": "Постоянное представительство",
    "секретариат": "Секретариат",
    "канцелярия": "Канцелярия",
    "администрация": "Администрация",
}


def _genitive_org(word: str) -> bool:
    if word.lower() == "мид":
        return True
    return any(
        p.tag.POS == "NOUN" and "gent" in p.tag.grammemes and p.normal_form in GENITIVE_ORGS
        for p in parses(word)
    )


def _org_nominative(rest: list[str]) -> str:
    """ "министерства иностранных дел" -> "МИД"; "посольства" -> "Посольство"."""
    first = rest[0].lower()
    if first == "мид" or (first.startswith("министерств") and rest[1:3] == ["иностранных", "дел"]):
        return "МИД"
    lemma_ = next(
        p.normal_form for p in parses(rest[0]) if p.tag.POS == "NOUN" and "gent" in p.tag.grammemes
    )
    return " ".join([GENITIVE_ORGS[lemma_], *rest[1:]])


def _compatible(token: Token) -> bool:
    """Can this token sit inside a title between its head and the name?"""
    t = token.text
    low = t.lower()
    if low in LINK_WORDS or (t.isupper() and len(t) > 1) or t == "-" or _LATIN.match(t):
        return True
    if not t[:1].isalpha():
        return False
    for p in parses(t):
        g = p.tag.grammemes
        if p.tag.POS in ("ADJF", "PRTF") or "gent" in g or "Abbr" in g:
            return True
        if p.tag.POS == "NOUN" and ("loct" in g or "datv" in g or "ablt" in g):
            return True
    return False


def _modifier(token: Token) -> str | None:
    for p in parses(token.text):
        if p.tag.POS == "ADJF":
            lem = p.normal_form
            if lem in KEEP_MODIFIERS:
                inf = p.inflect({"nomn", "sing", "masc"})
                return inf.word if inf else lem
            return None if lem in DROP_MODIFIERS else None
    return None


def build_title(
    tokens: list[Token], head_i: int, end_i: int, states: list[StateMention], text: str
) -> Title:
    """Title from tokens[head_i:end_i] (the head at head_i), given the state mentions
    (token indexes relative to ``tokens``)."""
    head_word = _head(tokens[head_i]) or tokens[head_i].text.lower()
    # modifiers right before the head ("генерального консула", "первый заместитель")
    mods: list[str] = []
    j = head_i - 1
    while j >= 0 and (m := _modifier(tokens[j])):
        mods.insert(0, m)
        j -= 1
    state = posted = None
    state_text = posted_text = None
    skip: set[int] = set()
    quoted: set[int] = set()
    opened: str | None = None
    for k in range(head_i + 1, end_i):
        t = tokens[k].text
        if opened is None and t in OPEN_QUOTES:
            opened = OPEN_QUOTES[t]
        elif opened is not None and t == opened:
            opened = None
        elif opened is not None:
            quoted.add(k)
    for m in states:
        if m.tok_start < head_i or m.tok_end > end_i or m.tok_start in quoted:
            continue
        prev = tokens[m.tok_start - 1].text.lower() if m.tok_start > 0 else ""
        span = set(range(m.tok_start, m.tok_end))
        if m.kind == "city":
            if prev in ("в", "во"):
                posted = posted or m.code
                posted_text = posted_text or text[tokens[m.tok_start - 1].start : m.end]
                skip |= span | {m.tok_start - 1}
            continue
        if prev in ("в", "во", "при") and m.kind in ("state", "igo"):
            if posted is None:
                posted, posted_text = (
                    m.code,
                    text[tokens[m.tok_start - 1].start : tokens[m.tok_end - 1].end],
                )
            skip |= span | {m.tok_start - 1}
        elif state is None and m.kind in ("state", "adj") or m.kind == "igo" and state is None:
            state = m.code
            state_text = text[tokens[m.tok_start].start : tokens[m.tok_end - 1].end]
            skip |= span
        else:
            skip |= span
    adj = next((m for m in states if m.kind == "adj" and m.tok_end == head_i - len(mods)), None)
    if adj is not None and (state is None or is_igo(state)):
        # "российский президент", "британский премьер": a state adjective before it;
        # "американский сопредседатель Минской группы ОБСЕ" is American, not the OSCE's
        state = adj.code
    rest = [
        tokens[k].text
        if tokens[k].text.isupper() or k in quoted or _LATIN.match(tokens[k].text)
        else tokens[k].text.lower()
        for k in range(head_i + 1, end_i)
        if k not in skip
    ]
    while rest and rest[-1] in TRAILING:
        rest.pop()
    org_of_title = None
    if rest and head_word not in OWN_ORG_HEADS and _genitive_org(rest[0]):
        # "статс-секретарь Министерства иностранных дел Германии": the role is the head,
        # the genitive organization is where the official works (its state: the title's)
        org_of_title = _org_nominative(rest)
        rest = []
    role = " ".join([*mods, head_word, *rest]).replace(" - ", "-")
    role = re.sub(r"([«“„(]) ", r"\1", re.sub(r" ([»”“)])", r"\1", role))
    role = re.sub(r"\s*\(\s*\)", "", role)  # "(ОДКБ)" taken as the state: no empty brackets
    low = role.lower()
    for pattern, repl in ROLE_REWRITES:
        low2 = pattern.sub(repl, low)
        if low2 != low:
            role = low2
            break
    organization = None
    if org_of_title:
        organization = org_of_title + (f" {state_text}" if state_text else "")
    elif _MFA_RE.search(role.lower()):
        organization = "МИД" + (f" {state_text}" if state_text else "")
        role = re.sub(r"\bМИД\b", "министра иностранных дел", role)
        role = role.replace("министр министра", "министр")
    elif head_word == "посол" and state_text:
        organization = "Посольство " + state_text + (f" {posted_text}" if posted_text else "")
    elif head_word in ("консул", "генеральный консул") and state_text:
        organization = "Консульство " + state_text + (f" {posted_text}" if posted_text else "")
    start = tokens[head_i - len(mods)].start if head_i - len(mods) >= 0 else tokens[head_i].start
    return Title(
        role=role,
        state=state,
        posted_in=posted,
        organization=organization,
        text=text[start : tokens[end_i - 1].end],
        start=start,
        end=tokens[end_i - 1].end,
    )


def _opening(tokens: list[Token], k: int, lo: int) -> int | None:
    """Index of the quote or bracket that opens the one closing at tokens[k] (a quoted
    or bracketed name inside a title: "«Газпром»", "(ОФДД)"), or None."""
    close = tokens[k].text
    opens = (
        {
            "(",
        }
        if close == ")"
        else {o for o, c in OPEN_QUOTES.items() if c == close}
    )
    j = k - 1
    while j >= max(lo, k - QUOTED_MAX - 1):
        t = tokens[j].text
        if t in opens:
            return j if j < k - 1 else None
        if t in (".", ";", ":", "!", "?", "(", ")") or (t in CLOSE_QUOTES and t not in opens):
            return None
        j -= 1
    return None


def title_before(
    tokens: list[Token],
    name_i: int,
    states: list[StateMention],
    text: str,
    floor: int = 0,
    org_at: frozenset[int] = frozenset(),
) -> Title | None:
    """The title right before tokens[name_i] (the first token of a name). ``org_at``:
    tokens of organization names the NER found, which may sit inside a title whatever
    they are ("Объединённого фронта за демократию против диктатуры")."""
    head_i = None
    k = name_i - 1
    lo = max(floor, name_i - WINDOW)
    in_state = {i for m in states for i in range(m.tok_start, m.tok_end) if m.kind != "adj"}
    while k >= lo:
        tok = tokens[k]
        if tok.text in CLOSE_QUOTES or tok.text == ")":
            # a quoted or bracketed name inside the title: "глава ОАО «Газпром» Алексей
            # Миллер", "генеральный секретарь Объединённого фронта (ОФДД) Наттавута Сайкыа"
            j = _opening(tokens, k, floor)
            if j is None or head_i is None and j == 0:
                break
            lo = max(floor, lo - (k - j))
            k = j - 1
            continue
        if tok.text in STOP_PUNCT:
            break
        if _led_by(tokens, k):
            break  # "во главе с заместителем министра ...": "главе" is no title
        if _head(tok):
            if head_i is not None and k > 0 and tokens[k - 1].text.lower() in COMPLEMENT_PREPS:
                break  # "Совета при Президенте РФ ... глава РФ Имя": a complement's noun
            if head_i is not None and _plural_only(tok):
                break  # "грамот послов первому заместителю министра Имя": not the послов'
            head_i = k
        elif k not in in_state and k not in org_at and not _compatible(tok):
            break
        k -= 1
    if head_i is None or _plural_only(tokens[head_i]):
        return None  # "встречи министров иностранных дел стран ОТГ Бахтиер Саидов"
    return build_title(tokens, head_i, name_i, states, text)


def _plural_only(token: Token) -> bool:
    nouns = [p for p in parses(token.text) if p.tag.POS == "NOUN"]
    return bool(nouns) and all("plur" in p.tag.grammemes for p in nouns)


def _led_by(tokens: list[Token], k: int) -> bool:
    return k > 0 and tokens[k].text.lower() == "главе" and tokens[k - 1].text.lower() in ("во", "в")


def title_after(
    tokens: list[Token],
    name_end: int,
    states: list[StateMention],
    text: str,
    ceil: int,
    names_at: frozenset[int] = frozenset(),
    org_at: frozenset[int] = frozenset(),
) -> Title | None:
    """An appositive title: "Сергей Лавров, министр иностранных дел России, ...",
    "Светлана Яковлева - директор Global Cultural Project", "Сергей Лавров (министр
    иностранных дел России)". A title that runs into another name is that name's
    ("Лев Пономарев, координатор движения «Левый фронт» Сергей Удальцов")."""
    if name_end + 1 >= ceil:
        return None
    sep = tokens[name_end].text
    if sep not in {",", "("} | DASHES:
        return None
    h = name_end + 1
    if tokens[h].text.lower().startswith("исполняющ") and h + 1 < ceil:
        h += 2  # "исполняющий обязанности официального представителя"
    if h >= ceil:
        return None
    if not _head(tokens[h]) and not (
        h + 1 < ceil and _modifier(tokens[h]) and _head(tokens[h + 1])
    ):
        return None
    head_i = h if _head(tokens[h]) else h + 1
    if _plural_only(tokens[head_i]):
        return None  # "Следуя предложению Имя, депутаты ...": no apposition to one person
    k = head_i + 1
    in_state = {i for m in states for i in range(m.tok_start, m.tok_end) if m.kind != "adj"}
    while k < ceil and k < head_i + WINDOW:
        if k in names_at:
            return None  # the title of the next name
        t = tokens[k].text
        if t in OPEN_QUOTES and t not in CLOSE_QUOTES or t == '"':
            close = next(
                (
                    j
                    for j in range(k + 2, min(ceil, k + QUOTED_MAX + 2))
                    if tokens[j].text == (OPEN_QUOTES[t])
                ),
                None,
            )
            if close is None:
                break
            k = close + 1
            continue
        if t in STOP_PUNCT | {"."}:
            break
        if (
            k not in in_state
            and k not in org_at
            and not _compatible(tokens[k])
            and not _head(tokens[k])
        ):
            break
        k += 1
    if k in names_at:
        return None
    if sep == "(" and (k >= ceil or tokens[k].text != ")"):
        return None
    return build_title(tokens, head_i, k, states, text)


def parse_title(text: str) -> Title | None:
    """Parse a title on its own: "посол Казахстана в Армении", "замглавы МИД"."""
    from razdel import tokenize

    tokens = [Token(t.text, t.start, t.stop) for t in tokenize(text)]
    if not tokens:
        return None
    states = gazetteer().find(tokens, {0})
    for i, tok in enumerate(tokens):
        if _head(tok):
            return build_title(tokens, i, len(tokens), states, text)
    return None


def roles(doc: Document) -> Document:
    """Attach a title to each person mention and fold titles into the persons."""
    from dipgraph.loaders.lang.ru.names import (
        propagate_names,
        recover_after_titles,
        trim_states,
    )

    trim_states(doc)
    recover_after_titles(doc)
    propagate_names(doc)
    by_sentence: dict[int, list[StateMention]] = {}
    for m in doc.states:
        by_sentence.setdefault(doc.sentence_at(m.start), []).append(m)
    for mention in doc.mentions:
        sent = doc.sentences[mention.sent]
        base = sent.tok_start
        toks = doc.tokens[base : sent.tok_end]
        local = [
            StateMention(
                m.code, m.kind, m.start, m.end, m.text, m.tok_start - base, m.tok_end - base, m.name
            )
            for m in by_sentence.get(mention.sent, [])
        ]
        prev_end = max(
            [
                m.tok_end - base
                for m in doc.mentions
                if m.sent == mention.sent and m.tok_end <= mention.tok_start
            ]
            or [0]
        )
        org_at = frozenset(
            k - base
            for sp in doc.spans
            if sp.type == "ORG" and sent.start <= sp.start < sent.end
            for k in range(sp.tok_start, sp.tok_end)
        )
        title = title_before(
            toks, mention.tok_start - base, local, doc.text, floor=prev_end, org_at=org_at
        )
        if title is not None and title.state and is_igo(title.state) and title.start >= 0:
            # "председателем Государственной Думы России, председателем Парламентской
            # Ассамблеи ОДКБ Вячеславом Володиным": an official of a state who also holds
            # an IGO's post represents the state
            t0 = next(i for i, t in enumerate(toks) if t.start >= title.start)
            if t0 >= 2 and toks[t0 - 1].text == ",":
                first = title_before(toks, t0 - 1, local, doc.text, floor=prev_end, org_at=org_at)
                if first is not None and first.state and not is_igo(first.state):
                    title = first
        if title is None:
            starts = frozenset(
                m.tok_start - base
                for m in doc.mentions
                if m.sent == mention.sent and m.tok_start >= mention.tok_end
            )
            title = title_after(
                toks,
                mention.tok_end - base,
                local,
                doc.text,
                len(toks),
                names_at=starts,
                org_at=org_at,
            )
        if title is None:
            # "с китайским коллегой Ван И": the colleague's state from the adjective
            k = mention.tok_start - base - 1
            if k >= 1 and lemmas(toks[k].text) & {"коллега", "визави"}:
                adj = [m for m in local if m.kind in ("adj", "state") and m.tok_end == k]
                if adj:
                    title = Title(None, state=adj[-1].code, start=toks[k].start, end=toks[k].end)
        if title is not None and title.state is None:
            # "делегация МИД Кыргызстана во главе с заместителем министра ...": the
            # delegation's state
            t0 = next(i for i, t in enumerate(toks) if t.start >= title.start)
            if t0 >= 3 and _led_by(toks, t0 - 2) and toks[t0 - 1].text.lower() in ("с", "со"):
                before = [m for m in local if m.tok_end <= t0 - 3 and m.kind in ("state", "adj")]
                if before:
                    title.state = before[-1].code
        mention.title = title
    _respective_titles(doc)
    _state_dash_lists(doc)
    for person in doc.persons.values():
        for m in person.mentions:
            t = m.title
            if t is None:
                continue
            if person.role is None:
                person.role, person.organization = t.role, t.organization
            person.state = person.state or t.state
            person.posted_in = person.posted_in or t.posted_in
    if doc.publisher:
        # the reporting side left implicit: "Министр Сергей Лавров провел ..." in the
        # Russian MFA's release. Only a title in the nominative (the acting subject);
        # "с министром Хаканом Фиданом" names a counterpart whose state is not said.
        for person in doc.persons.values():
            if person.role and person.state is None and _nominative_title(doc, person):
                person.state = doc.publisher
    return doc


def _respective_titles(doc: Document) -> None:
    """ "Министры иностранных дел Белоруссии и России Владимир Макей и Сергей Лавров": a
    plural title over as many states as names gives each name its state, in order."""
    for si, sent in enumerate(doc.sentences):
        toks = doc.tokens[sent.tok_start : sent.tok_end]
        names = [m for m in doc.mentions if m.sent == si]
        if len(names) < 2:
            continue
        for h, tok in enumerate(toks):
            if not _head(tok):
                continue
            first = next((m for m in names if m.tok_start - sent.tok_start > h), None)
            if first is None or first.tok_start - sent.tok_start - h > WINDOW:
                continue
            lo, hi = sent.tok_start + h, first.tok_start
            states = [m for m in doc.states if lo < m.tok_start < hi and m.kind in ("state", "adj")]
            group = [first]
            for m in names[names.index(first) + 1 :]:
                gap = doc.tokens[group[-1].tok_end : m.tok_start]
                if len(gap) == 1 and gap[0].text.lower() in ("и", ","):
                    group.append(m)
                else:
                    break
            if len(states) < 2 or len(states) != len(group):
                continue
            gaps = [
                [t.text.lower() for t in doc.tokens[a.tok_end : b.tok_start]]
                for a, b in zip(states, states[1:], strict=False)
            ]
            if any(g not in (["и"], [","]) for g in gaps):
                continue  # the states must be a list of their own: "Турции и Азербайджана"
            local = [
                StateMention(
                    m.code,
                    m.kind,
                    m.start,
                    m.end,
                    m.text,
                    m.tok_start - sent.tok_start,
                    m.tok_end - sent.tok_start,
                    m.name,
                )  # fmt: skip
                for m in states
            ]
            base = build_title(toks, h, first.tok_start - sent.tok_start, local, doc.text)
            if base is None:
                continue
            for m, st in zip(group, states, strict=True):
                m.title = Title(base.role, st.code, None, base.organization, base.text,
                                base.start, base.end)  # fmt: skip


DASHES = {"–", "—", "-"}


def _state_dash_lists(doc: Document) -> None:
    """ "заместители министров иностранных дел Республики Узбекистан – Илхом Неъматов,
    Республики Казахстан – Марат Сыздыков, ...", "встреча глав МИД РА Ара Айвазяна и РФ
    Сергея Лаврова": a plural title over "State (–) Name" items gives each name the title
    and the state just before it."""
    for si, sent in enumerate(doc.sentences):
        base = sent.tok_start
        toks = doc.tokens[base : sent.tok_end]
        items = []
        for m in doc.mentions:
            if m.sent != si or m.tok_start - base < 2:
                continue
            dash = int(toks[m.tok_start - base - 1].text in DASHES)
            st = next(
                (x for x in doc.states if x.tok_end == m.tok_start - dash and x.kind == "state"),
                None,
            )
            if st is not None:
                items.append((m, st))
        if len(items) < 2:
            continue
        first_state = items[0][1].tok_start - base
        head = next(
            (
                h
                for h in range(first_state - 1, max(-1, first_state - WINDOW), -1)
                if _head(toks[h])
            ),
            None,
        )
        if head is None:
            continue
        while head > 0 and _head(toks[head - 1]):
            head -= 1  # "заместители министров": the outer title
        local = [
            StateMention(x.code, x.kind, x.start, x.end, x.text, x.tok_start - base,
                         x.tok_end - base, x.name)
            for x in (items[0][1],)
        ]  # fmt: skip
        title = build_title(toks, head, first_state, local, doc.text)
        if title is None or not title.role:
            continue
        role = re.sub(r"\bминистров\b", "министра", title.role)  # one official each
        for m, st in items:
            if m.title is None or m.title.state is None:
                m.title = Title(role, st.code, None, title.organization, title.text,
                                title.start, title.end)  # fmt: skip


def _nominative_title(doc: Document, person) -> bool:
    first = next((m for m in person.mentions if m.title), None)
    if first is None or first.title.start < 0:
        return False
    sent = doc.sentences[first.sent]
    for tok in doc.tokens[sent.tok_start : sent.tok_end]:
        if first.title.start <= tok.start < first.title.end:
            ps = parses(tok.text)
            if ps and ps[0].tag.POS == "NOUN":
                return "nomn" in ps[0].tag
    return False
