"""Stage 3: people. Each PER span is normalized to the nominative with pymorphy3, token by
token, guided by the contextual case and gender from natasha's morph tagger; then the
mentions of one release are resolved to persons ("А. Бакаев" and "Бакаев" -> the full
name "Алибек Бакаев" seen in the same release).
"""

from __future__ import annotations

import re

from dipgraph.loaders.extract.doc import Document, Person, PersonMention, Token
from dipgraph.loaders.lang.ru.models import parses

UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
UD_GENDER = {"Masc": "masc", "Fem": "femn"}
NAME_GRAMS = {"Name", "Surn", "Patr"}
_CYR = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*$")
_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.?$")
_VOWELS = set("аеёиоуыэюя")

# suffix rules for names and surnames unknown to the dictionary, by the case the context
# gives them: (ending, replacement after a hushing consonant or ц, after a vowel, after
# any other consonant); None = the ending does not come off there
_HUSH = set("жшчщц")
_SUFFIXES: dict[str, list[tuple[str, str | None, str | None, str | None]]] = {
    # "Каспаром Велдкампом", "Петером Ковачем", "Лашей", "Анналеной"
    "ablt": [
        ("ым", "", None, ""),
        ("ом", "", None, ""),
        ("ем", "", "й", "ь"),
        ("ой", "а", None, "а"),
        ("ей", "а", "я", None),
    ],
    # "Карлоса Мендеса", "Микко Лехтонена"; "Сейджи Маехары" (a-declension)
    "gent": [
        ("а", "", None, ""),
        ("ы", None, None, "а"),
        ("и", None, None, None),
        ("я", None, "й", None),
    ],  # "Макея" -> "Макей"
    # a man's name in -ь: "Адиля" -> "Адиль" (only when the span is a man's)
    "gent_masc": [("я", None, None, "ь")],
    "accs": [("а", "", None, "")],
    "datv": [("у", "", None, "")],
    "loct": [("е", "", None, "")],
}
_FEMININE_ENDINGS = {"ой", "ей"}  # feminine names take only the a-declension rules
PREP_CASE = {
    "с": "ablt",
    "со": "ablt",
    "между": "ablt",
    "у": "gent",
    "от": "gent",
    "для": "gent",
    "без": "gent",
    "до": "gent",
    "против": "gent",
    "к": "datv",
    "ко": "datv",
    "о": "loct",
    "об": "loct",
    "при": "loct",
}


def _restore_case(form: str, like: str) -> str:
    parts = form.split("-")
    if like.isupper() and len(like) > 1:
        return form.upper()
    return "-".join(p[:1].upper() + p[1:] for p in parts)


def normalize_token(word: str, case: str | None = None, gender: str | None = None) -> str:
    """Nominative of one name token. ``case``/``gender`` are OpenCorpora grammemes
    ("gent", "masc") from the context, or None when unknown."""
    particle, core = _particle(word)
    if particle:
        return particle + normalize_token(core, case, gender)
    parts = word.split("-")
    if len(parts) == 2 and all(p[:1].isupper() and len(p) > 2 for p in parts):
        # "Франком-Вальтером": each part declines
        return "-".join(normalize_token(p, case, gender) for p in parts)
    if not _CYR.match(word) or word.lower().endswith(INDECLINABLE_ENDINGS):
        return word
    ps = parses(word)
    if case == "nomn":
        own = [p for p in ps if NAME_GRAMS & p.tag.grammemes and "plur" not in p.tag.grammemes]
        if not own or any("nomn" in p.tag.grammemes for p in ps):
            return word
        case = None  # the tagger says nominative, the dictionary knows only oblique forms
    cands = [
        p
        for p in ps
        if NAME_GRAMS & p.tag.grammemes
        and "plur" not in p.tag.grammemes
        and (case is None or case in p.tag.grammemes)
        and (gender is None or gender in p.tag.grammemes or "ms-f" in p.tag.grammemes)
    ]
    if case is None and any(
        NAME_GRAMS & p.tag.grammemes and "nomn" in p.tag.grammemes for p in cands
    ):
        return word
    if not cands and case is not None:
        # the context's case does not fit this word (the tagger is wrong on rare names):
        # fall back on the word's own name analyses
        own = [p for p in ps if NAME_GRAMS & p.tag.grammemes and "plur" not in p.tag.grammemes]
        if any("nomn" in p.tag.grammemes for p in own):
            return word
        if own and (gender is None or any(gender in p.tag.grammemes for p in own)):
            cands = own
    if cands:
        p = cands[0]
        if "Fixd" in p.tag.grammemes:
            return word
        grams = {"nomn", "sing"}
        inflected = p.inflect(grams)
        form = inflected.word if inflected else p.normal_form
        return _restore_case(form, word)
    if case is None or gender == "femn":
        return word
    return _strip_case_ending(word, case, gender)


# surnames of Persian and Turkic patronymic forms that do not decline in Russian
INDECLINABLE_ENDINGS = ("зода", "заде", "оглы", "кызы", "уулу")


def _strip_case_ending(word: str, case: str, gender: str | None) -> str:
    """Nominative of a name token the dictionary does not know, by the ending the case
    gives it; a word without such an ending is taken as indeclinable ("Сузуки", "Хелене",
    "Дюбуа")."""
    if word.lower().endswith(INDECLINABLE_ENDINGS):
        return word  # "Зохир Саидзода", "Давлатшох Гулмахмадзода": -зода never declines
    rules = _SUFFIXES.get(case, []) + (
        _SUFFIXES["gent_masc"] if (case, gender) == ("gent", "masc") else []
    )
    for suffix, after_hush, after_vowel, after_other in rules:
        if gender == "femn" and suffix not in _FEMININE_ENDINGS:
            continue
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        last = stem[-1].lower()
        if suffix == "я" and case == "gent" and last != "е":
            continue  # "Макея" -> "Макей", but "Чардаклия", "Мария" are nominatives
        if suffix == "и" and last == "ь":
            return stem + "я"  # "аль-Яхьи": -ья
        if suffix == "ей" and last == "ь":
            return stem + "я"  # "Грачьей", "Ильей": the nominative ends in -ья

        repl = after_hush if last in _HUSH else after_vowel if last in _VOWELS else after_other
        if repl is not None:
            return stem + repl
    return word


def governed_token(word: str, case: str, gender: str | None = None) -> str:
    """Nominative of a name token whose case is known from the word that governs the name
    (a title noun, a preposition): a dictionary name in that case is inflected, an unknown
    word loses that case's ending, anything else (indeclinable names) stays."""
    particle, core = _particle(word)
    if particle:
        return particle + governed_token(core, case, gender)
    parts = word.split("-")
    if len(parts) == 2 and all(p[:1].isupper() and len(p) > 2 for p in parts):
        return "-".join(governed_token(p, case, gender) for p in parts)
    if not _CYR.match(word) or word.lower().endswith(INDECLINABLE_ENDINGS):
        return word
    if case == "nomn":
        return normalize_token(word, "nomn", gender)
    named = [p for p in parses(word) if NAME_GRAMS & p.tag.grammemes and "sing" in p.tag]
    fitting = [p for p in named if case in p.tag.grammemes]
    if gender == "femn":
        # a woman's surname is no masculine name's oblique form ("Нэнси Пелоси" is not
        # the genitive of "Пелося")
        fitting = [p for p in fitting if "masc" not in p.tag.grammemes]
    if gender:
        fitting = sorted(fitting, key=lambda p: gender not in p.tag.grammemes)
    if any("Fixd" in p.tag.grammemes for p in named):
        return word
    if fitting:
        inflected = fitting[0].inflect({"nomn", "sing"})
        return _restore_case(inflected.word if inflected else fitting[0].normal_form, word)
    if gender == "masc" and named and all("femn" in p.tag.grammemes for p in named):
        return _strip_case_ending(word, case, gender)  # "Адиля Турсунова": Адиль
    if (
        named
        and case in ("gent", "accs", "datv", "loct")
        and not any(case in p.tag.grammemes for p in parses(word))
    ):
        return word  # a known name whose form cannot be this case: indeclinable here
    return _strip_case_ending(word, case, gender)


def normalize_name(tokens: list[Token] | list[str], governed: str | None = None) -> str:
    """Nominative form of a person's name from its tokens (with contextual feats when the
    tokens carry them). ``governed``: the case the governing title or preposition gives
    the name ("с министром ... Ли Мином": ablt), which wins over the tagger's guesses."""
    words: list[tuple[str, dict]] = [
        (t, {}) if isinstance(t, str) else (t.text, t.feats) for t in tokens
    ]
    words = [(w, f) for w, f in words if w not in {".", ","}]
    if len(words) > 1 and len(words[-1][0]) == 1 and not _INITIAL.match(words[-2][0]):
        # "Ван И": a one-letter name ends it, no initial; it does not decline
        head = normalize_name([w for w, _ in words[:-1]], governed) if governed else None
        return (head or " ".join(w for w, _ in words[:-1])) + " " + words[-1][0]
    cases = [UD_CASE.get(f.get("Case", "")) for _, f in words]
    if governed == "nomn":
        cases = ["nomn" for _ in words]  # "Председатель Меджлиса Д.Гулманова": as written
    genders = [UD_GENDER.get(f.get("Gender", "")) for _, f in words]
    if governed is not None and governed != "nomn":
        gender = _span_gender(words, genders, governed)
        return " ".join(
            w[0] + "." if _INITIAL.match(w) else governed_token(w, governed, gender)
            for w, _ in words
        )
    if "nomn" in cases and len(words) > 1 and all(_instrumental_like(w) for w, _ in words):
        # "Хаканом Фиданом": every word has an instrumental ending the tagger missed
        cases = ["ablt" for _ in cases]
    span_case = next((c for c in reversed(cases) if c), None)
    span_gender = next((g for g in reversed(genders) if g), None)
    first = next((w for w, _ in words if not _INITIAL.match(w)), "")
    oblique = _only_oblique_name(first) if len(words) > 1 else None
    if oblique and oblique != span_case:
        # "Гидеона Лустига": the first name is only a genitive; the surname goes with it
        return normalize_name([w for w, _ in words], oblique)
    if span_case is None and len(words) > 1:
        # no context: the first name's own analysis sets case and gender for the surname
        for w, _ in words:
            named = [p for p in parses(w) if "Name" in p.tag.grammemes and "sing" in p.tag]
            if named and _CYR.match(w):
                best = named[0]
                span_gender = best.tag.gender if best.tag.gender in ("masc", "femn") else None
                span_case = best.tag.case if best.tag.case != "nomn" else "nomn"
                break
    out = []
    for (w, _), c, g in zip(words, cases, genders, strict=True):
        if _INITIAL.match(w):
            out.append(w[0] + ".")
            continue
        out.append(normalize_token(w, c or span_case, g or span_gender))
    return " ".join(out)


NOT_NAME_POS = {
    "GRND",
    "ADVB",
    "PRTF",
    "PRTS",
    "ADJS",
    "PRED",
    "CONJ",
    "PRCL",
    "INFN",
    "VERB",
    "NPRO",
    "PREP",
    "INTJ",
    "NUMR",
}


HONORIFICS = {
    "его", "ее", "её", "их", "превосходительство", "величество", "высочество", "святейшество",
    "господин", "госпожа", "г-н", "г-жа", "доктор", "профессор", "шейх", "мистер", "мадам",
}  # fmt: skip


def _not_a_name(word: str) -> bool:
    """A word that is punctuation, an honorific ("Его Превосходительство", "г-н": dropped
    from names), or whose likeliest reading is not a noun/name."""
    if not word[:1].isalpha():
        return True
    if word.lower() in HONORIFICS or any(p.normal_form in HONORIFICS for p in parses(word)[:1]):
        return True
    ps = parses(word)
    if any(NAME_GRAMS & p.tag.grammemes for p in ps):
        return False
    if ps and any(type(m[0]).__name__ != "DictionaryAnalyzer" for m in ps[0].methods_stack):
        # a guess on an unknown word ("Нгуен" as a short adjective, "Дашдоржем" as a
        # verb with an unknown prefix)
        return False
    return bool(ps) and (ps[0].tag.POS in NOT_NAME_POS or word.lower() in {"всего", "вдобавок"})


def _span_gender(
    words: list[tuple[str, dict]], genders: list[str | None], case: str | None = None
) -> str | None:
    """Gender of a name: the first name's dictionary analysis, else its ending in the
    governed case (a woman's name never takes genitive -а/-я or instrumental -ом/-ем:
    "Арарата", "Дашдоржем"), else the tagger's."""
    for w, _ in words:  # any word: "Халифой Шахином": -ом is a man's
        core = _particle(w)[1]
        low = core.lower()
        if _CYR.match(core) and len(low) > 3:
            if case == "gent" and w is words[0][0] and low[-1] in "ая" and low[-2] not in _VOWELS:
                return "masc"
            if case == "ablt" and low[-2:] in ("ом", "ем") and low[-3] not in _VOWELS:
                return "masc"
    for w, _ in words:
        named = [p for p in parses(w) if "Name" in p.tag.grammemes and "sing" in p.tag]
        if named and _CYR.match(w):
            g = named[0].tag.gender
            if g in ("masc", "femn"):
                return g
    return next((g for g in genders if g), None)


# lower-case particles of Arabic, Dutch, German, ... names, joined by a hyphen or not:
# "аль-Яхьей" declines as "Яхьей" ("аль-Яхья")
PARTICLES = ("аль", "ал", "ас", "ад", "ан", "ат", "аш", "аз", "эль", "эд", "ибн", "бин", "бен",
             "абу", "ван", "фон", "де", "ди", "дель", "да", "ла", "ле", "эш", "уль")  # fmt: skip


def _particle(word: str) -> tuple[str, str]:
    """("аль-", "Яхьей") for a name word with a particle, ("", word) otherwise."""
    head, dash, rest = word.partition("-")
    if dash and head in PARTICLES and rest[:1].isupper():
        return head + dash, rest
    return "", word


ORG_NAME_PREPS = {"о", "об", "за"}  # "Организации Договора о коллективной безопасности"
TITLE_GENITIVES = {"страны", "государства", "республики", "правительства", "организации"}


def governing_case(
    tokens: list[Token], i: int, lo: int = 0, names_at: frozenset[int] = frozenset()
) -> str | None:
    """The case the context gives a name starting at tokens[i]: that of the title noun it
    stands in apposition to ("посла Финляндии Микко Лехтонена": gent), else that of a
    preposition right before it ("с Нуланд": ablt). None when nothing governs it."""
    from dipgraph.loaders.lang.ru.roles import (
        LINK_WORDS,
        STOP_PUNCT,
        _compatible,
        _head,
        _plural_only,
    )

    if i - 1 >= lo and tokens[i - 1].text.lower() in PREP_CASE:
        return PREP_CASE[tokens[i - 1].text.lower()]
    head = None  # the title's first head ("заместителем министра": not "министра")
    k = i - 1
    while k >= max(lo, i - 14):
        t = tokens[k]
        if t.text == ")":
            # "генерального секретаря Организации ... (ОДКБ) Имангали Тасмагамбетова"
            j = next(
                (j for j in range(k - 1, max(lo, k - 8) - 1, -1) if tokens[j].text == "("), None
            )
            if j is not None:
                k = j - 1
                continue
        if t.text in STOP_PUNCT or t.text == "." or k in names_at:
            break  # a title does not reach over punctuation or another person's name
        low = t.text.lower()
        if low not in LINK_WORDS | ORG_NAME_PREPS and any(
            p.tag.POS == "PREP" for p in parses(t.text)[:1]
        ):
            break
        if _head(t):
            if head is not None and _plural_only(t):
                break  # "послов первому заместителю министра Имя": the title is singular
            head = t
        elif head is not None and any(p.tag.POS == "NOUN" for p in parses(t.text)[:1]):
            break  # "от глав своих государств Президенту страны Имя": the title ends
        elif not (_compatible(t) or t.text[:1].isupper() or low in TITLE_GENITIVES):
            break
        k -= 1
    if head is None:
        return None
    case = UD_CASE.get(head.feats.get("Case", ""))
    if case is None:
        nouns = [p for p in parses(head.text) if p.tag.POS == "NOUN"]
        case = nouns[0].tag.case if nouns else None
    return case


def _only_oblique_name(word: str) -> str | None:
    """The case of a dictionary first name that has no nominative reading ("Гидеона":
    gent), else None."""
    if not _CYR.match(word):
        return None
    ps = [
        p
        for p in parses(word)
        if "Name" in p.tag.grammemes
        and "sing" in p.tag
        and type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
    ]
    if not ps or any("nomn" in p.tag.grammemes for p in parses(word)):
        return None
    cases = {p.tag.case for p in ps}
    return cases.pop() if len(cases) == 1 else None


def _instrumental_like(word: str) -> bool:
    """A capitalized word ending in -ом/-ым/-ем/-ой with no nominative dictionary reading."""
    if not _CYR.match(word) or len(word) < 5 or word[-2:] not in ("ом", "ым", "ем", "ой"):
        return False
    return not any(
        "nomn" in p.tag.grammemes
        and "anim" in p.tag.grammemes
        and type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
        for p in parses(word)
    )


def _is_name_span(text: str) -> bool:
    words = text.split()
    return (
        bool(words) and any(w[:1].isupper() for w in words) and not any(ch.isdigit() for ch in text)
    )


def _initials_as_written(name: str, toks: list[Token], text: str) -> str:
    """ "С.В.Лавров" stays glued, "С. В. Лавров" spaced: initials are kept as written."""
    words = name.split()
    if len(words) < 2 or not all(_INITIAL.match(w) for w in words[:-1]):
        return name
    last = next((t for t in reversed(toks) if t.text not in (".", ",")), None)
    if last is None or not toks:
        return name
    prefix = text[toks[0].start : last.start]
    if not re.fullmatch(r"(?:[A-ZА-ЯЁ]\.\s?)+", prefix):
        return name
    return prefix + words[-1]


def _key(name: str) -> str:
    return name.lower().replace("ё", "е")


def _parts(name: str) -> list[str]:
    """Words of a name, glued initials apart: "С.В.Лавров" -> ["С.", "В.", "Лавров"]."""
    return re.findall(r"[^\s.]+\.?", name)


def resolve(names: list[str]) -> dict[str, str]:
    """Map each name to the full name it stands for within one release: a surname alone or
    initials + surname resolve to the one full name with that surname (and initials)."""
    full: dict[str, list[str]] = {}
    for n in names:
        parts = _parts(n)
        if len(parts) >= 2 and not all(_INITIAL.match(p) for p in parts[:-1]):
            full.setdefault(_key(parts[-1]), [])
            if n not in full[_key(parts[-1])]:
                full[_key(parts[-1])].append(n)
    out: dict[str, str] = {}
    spelled: dict[str, str] = {}  # "Бахтиер Саидов" is "Бахтиёр Саидов"
    for n in names:
        spelled.setdefault(_key(n), n)
    for n in names:
        if spelled[_key(n)] != n:
            out[n] = spelled[_key(n)]
            continue
        parts = _parts(n) or [n]  # a name of punctuation only stays itself
        cands = full.get(_key(parts[-1]), [])
        if n in cands or not cands:
            # a full name, or a name with no fuller form; try first-name + surname matches
            out[n] = n
            continue
        initials = [p[0].lower() for p in parts[:-1]]
        fitting = [
            c
            for c in cands
            if [p[0].lower() for p in _parts(c)[: len(initials)]] == initials
            # "С.В. Лавров" is "Сергей Лавров": first-name initial, then the patronymic's
            or (len(_parts(c)) == 2 and _parts(c)[0][0].lower() == initials[0])
        ]
        if initials:
            out[n] = fitting[0] if len(fitting) == 1 else n
        else:
            out[n] = cands[0] if len(cands) == 1 else n
    return out


def names(doc: Document) -> Document:
    doc.mentions = []
    per_spans = [s for s in doc.spans if s.type == "PER" and _is_name_span(s.text)]
    names_at = frozenset(k for s in per_spans for k in range(s.tok_start, s.tok_end))
    for s in per_spans:
        toks = doc.tokens[s.tok_start : s.tok_end]
        # the tagger sometimes takes a capitalized sentence opener in ("Поддержав Башара
        # Асада", "Вдобавок, Виктория Нуланд"): drop leading words that are not names
        while toks and _not_a_name(toks[0].text):
            toks = toks[1:]
        alias = None
        cut = next((i for i, t in enumerate(toks) if t.text == "("), None)
        if cut:
            # "Бернд Пишетсридер (Bernd Pischetsrieder)": the original spelling is an alias
            inner = [t.text for t in toks[cut + 1 :] if t.text != ")"]
            alias = " ".join(inner) or None
            toks = toks[:cut]
        if not toks or all(_INITIAL.match(t.text) or t.text in ".," for t in toks):
            continue
        s = type(s)(
            s.type,
            toks[0].start,
            toks[-1].end,
            doc.text[toks[0].start : toks[-1].end],
            doc.tokens.index(toks[0]),
            doc.tokens.index(toks[-1]) + 1,
        )
        sent = doc.sentences[doc.sentence_at(s.start)]
        gov = governing_case(doc.tokens, s.tok_start, sent.tok_start, names_at)
        name = _initials_as_written(normalize_name(toks, gov), toks, doc.text)
        doc.mentions.append(
            PersonMention(
                s.start,
                s.end,
                s.text,
                s.tok_start,
                s.tok_end,
                name,
                doc.sentence_at(s.start),
                alias=alias,
            )
        )
    mapping = resolve([m.name for m in doc.mentions])
    doc.persons = {}
    for m in doc.mentions:
        canonical = mapping.get(m.name, m.name)
        person = doc.persons.get(canonical)
        if person is None:
            person = doc.persons[canonical] = Person(key=canonical, name=canonical)
        for alias in (m.name, m.alias):
            if alias and alias != canonical and alias not in person.aliases:
                person.aliases.append(alias)
        m.person = canonical
        person.mentions.append(m)
    return doc


_NAME_WORD = re.compile(r"^(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*|[а-я]{1,4}-[А-ЯЁ][а-яё]+)$")


def recover_after_titles(doc: Document) -> None:
    """Names the NER tagger missed right after an official's title ("с Министром
    иностранных дел Государства Кувейт Абдаллой Али аль-Яхьей"): two to four capitalized
    words (particles allowed) that are no state, organization or dictionary common word,
    after a title head within the same clause."""
    from dipgraph.loaders.lang.ru.roles import STOP_PUNCT, _head

    taken = {k for m in doc.mentions for k in range(m.tok_start, m.tok_end)}
    taken |= {k for m in doc.states for k in range(m.tok_start, m.tok_end)}
    taken |= {k for sp in doc.spans if sp.type == "ORG" for k in range(sp.tok_start, sp.tok_end)}
    added = []
    for si, sent in enumerate(doc.sentences):
        k = sent.tok_start
        while k < sent.tok_end:
            if not (_head(doc.tokens[k]) or _lemma_in(doc.tokens[k].text, COLLEAGUE_NOUNS)):
                k += 1
                continue
            j = k + 1
            while j < sent.tok_end and j - k <= 10:
                t = doc.tokens[j]
                if t.text in STOP_PUNCT or t.text == "." or _head(t):
                    break
                if j not in taken and _NAME_WORD.match(t.text):
                    break
                j += 1
            end = j
            while end < sent.tok_end and end - j < 4 and end not in taken:
                word = doc.tokens[end].text
                if not _NAME_WORD.match(word):
                    # a one-letter last name part ("Ван И") before the clause goes on
                    if end > j and re.fullmatch(r"[А-ЯЁ]", word) and _ends_name(doc, end, sent):
                        end += 1
                    break
                end += 1
            words = doc.tokens[j:end]
            if 2 <= len(words) and any(_unknown_word(t.text) or len(t.text) == 1 for t in words):
                gov = governing_case(doc.tokens, j, sent.tok_start, frozenset(taken))
                name = normalize_name(words, gov)
                added.append(
                    PersonMention(
                        words[0].start,
                        words[-1].end,
                        doc.text[words[0].start : words[-1].end],
                        j,
                        end,
                        name,
                        si,
                    )
                )
                taken |= set(range(j, end))
            k = max(k + 1, end)
    # "С.В.Лавров" anywhere: initials glued to a capitalized surname
    for si, sent in enumerate(doc.sentences):
        k = sent.tok_start
        while k + 2 < sent.tok_end:
            j = k
            while (
                j + 1 < sent.tok_end
                and _INITIAL.match(doc.tokens[j].text)
                and doc.tokens[j + 1].text == "."
                and doc.tokens[j].end == doc.tokens[j + 1].start
            ):
                j += 2
            if j > k and j < sent.tok_end and _NAME_WORD.match(doc.tokens[j].text):
                if not any(x in taken for x in range(k, j + 1)):
                    words = doc.tokens[k : j + 1]
                    gov = governing_case(doc.tokens, k, sent.tok_start, frozenset(taken))
                    name = _initials_as_written(normalize_name(words, gov), words, doc.text)
                    added.append(
                        PersonMention(
                            words[0].start,
                            words[-1].end,
                            doc.text[words[0].start : words[-1].end],
                            k,
                            j + 1,
                            name,
                            si,
                        )
                    )
                    taken |= set(range(k, j + 1))
                k = j + 1
            else:
                k += 1
    for m in added:
        person = doc.persons.get(m.name)
        if person is None:
            person = doc.persons[m.name] = Person(key=m.name, name=m.name)
        m.person = m.name
        person.mentions.append(m)
        doc.mentions.append(m)
    doc.mentions.sort(key=lambda m: m.start)


COLLEAGUE_NOUNS = {"коллега", "визави", "собеседник"}


def _lemma_in(word: str, lemmas_: set[str]) -> bool:
    return any(p.normal_form in lemmas_ for p in parses(word)[:2])


def _ends_name(doc: Document, k: int, sent) -> bool:
    nxt = doc.tokens[k + 1].text if k + 1 < sent.tok_end else "."
    return nxt in (".", ",", ";", ")") or not nxt[:1].isupper()


def propagate_names(doc: Document) -> None:
    """A full name found once is found everywhere it is written the same way ("Ван И
    провел встречу" after "с коллегой Ван И"): the tagger is not consistent."""
    taken = {k for m in doc.mentions for k in range(m.tok_start, m.tok_end)}
    names = {}
    for p in doc.persons.values():
        words = p.name.split()
        if len(words) >= 2:
            names.setdefault(words[0], []).append(words)
    added = []
    for si, sent in enumerate(doc.sentences):
        for k in range(sent.tok_start, sent.tok_end):
            for words in names.get(doc.tokens[k].text, []):
                end = k + len(words)
                if end > sent.tok_end or any(x in taken for x in range(k, end)):
                    continue
                if [t.text for t in doc.tokens[k:end]] == words:
                    toks = doc.tokens[k:end]
                    name = " ".join(words)
                    added.append(
                        PersonMention(
                            toks[0].start, toks[-1].end, name, k, end, name, si, person=name
                        )
                    )
                    taken |= set(range(k, end))
    for m in added:
        person = doc.persons.get(m.name)
        if person is not None:
            person.mentions.append(m)
            doc.mentions.append(m)
    doc.mentions.sort(key=lambda m: m.start)


def _unknown_word(word: str) -> bool:
    """A word the dictionary knows only as a name or not at all (not "Государства")."""
    core = _particle(word)[1]
    ps = parses(core)
    if not ps:
        return True
    if any(NAME_GRAMS & p.tag.grammemes for p in ps[:2]):
        return True
    return type(ps[0].methods_stack[0][0]).__name__ != "DictionaryAnalyzer"


def trim_states(doc: Document) -> None:
    """A name the tagger ran together with a state before it ("королем Эсватини Мсвати
    III"): the state's words are no part of the name."""
    in_state = {
        k for m in doc.states if m.kind in ("state", "igo") for k in range(m.tok_start, m.tok_end)
    }
    for m in doc.mentions:
        k = m.tok_start
        while k < m.tok_end - 1 and k in in_state:
            k += 1
        if k == m.tok_start:
            continue
        toks = doc.tokens[k : m.tok_end]
        name = normalize_name(toks)
        person = doc.persons.get(m.person or "")
        m.tok_start, m.start, m.text, m.name = (
            k,
            toks[0].start,
            doc.text[toks[0].start : m.end],
            name,
        )
        if person is not None and person.name != name and len(person.mentions) == 1:
            del doc.persons[person.key]
            person.key = person.name = name
            doc.persons.setdefault(name, person)
            m.person = name
