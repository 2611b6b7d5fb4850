"""Officials' titles in English: "Deputy Foreign Minister of Kazakhstan Roman Vassilenko",
"the newly appointed Ambassador of Norway to Kazakhstan Helene Sand Andresen", "Kazakh
Ambassador to Norway", "Name, Minister of Foreign Affairs of the Republic of Uzbekistan".

A title is a run of title words (heads such as minister/ambassador, modifiers such as
deputy/foreign, organization words), connectors (of, for, to, and, the) and state
mentions, right before a name (honorifics in between) or right after it behind a comma.
The states inside it say whom the official represents (``of Norway``, ``Norwegian``,
``Norway's``) and where an ambassador is posted (``to Kazakhstan``, ``in Astana``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dipgraph.loaders.lang.en.states import Mention

HEADS = {
    "minister", "ambassador", "ambassador-at-large", "chargé", "charge", "consul",
    "consul-general", "secretary", "secretary-general", "president", "vice-president",
    "chairman", "chairperson", "chairwoman", "chair", "speaker", "representative", "envoy",
    "commissioner", "director", "director-general", "head", "counsellor", "counselor",
    "advisor", "adviser", "spokesperson", "spokesman", "king", "queen", "emir", "prince",
    "sultan", "governor", "mayor", "senator", "rector", "chancellor", "premier", "attaché",
    "attache", "minister-counsellor", "ombudsman", "undersecretary", "under-secretary",
    "coordinator", "mufti", "patriarch", "ministers", "ambassadors", "heads", "deputy",
    "counterpart", "counterparts", "colleague", "leader", "commissioners", "chief", "fm", "dpm",
    "councillor", "councilor", "diplomat",
}  # fmt: skip
MODIFIERS = {
    "deputy", "vice", "first", "second", "prime", "foreign", "affairs", "extraordinary",
    "plenipotentiary", "d'affaires", "d’affaires", "a.i.", "general", "state", "special",
    "permanent", "high", "executive", "assistant", "acting", "former", "senior", "chief",
    "ministry", "department", "mission", "delegation", "member", "council", "committee",
    "commission", "agency", "office", "bureau", "national", "security", "defence", "defense",
    "trade", "economy", "economic", "energy", "finance", "interior", "justice", "culture",
    "education", "health", "industry", "investment", "development", "cooperation",
    "international", "relations", "political", "presidential", "administration",
    "government", "cabinet", "house", "senate", "assembly", "majlis", "mazhilis",
    "parliament", "parliamentary", "regional", "consular", "protocol", "multilateral",
    "bilateral", "newly", "appointed", "newly-appointed", "incoming", "outgoing", "resident",
    "non-resident", "crown", "services", "service", "press", "information", "digital",
    "agriculture", "transport", "foreign-policy", "policy", "european", "asian", "affair",
    "honorary", "nominated", "designate", "elect", "general's", "legislative", "upper",
    "lower", "chamber", "supreme", "federal", "republican", "labour", "labor", "social",
    "protection", "science", "higher", "tourism", "sports", "emergency", "situations",
    "ecology", "natural", "resources", "water", "mfa", "the", "of", "for", "to", "and", "on",
    "with", "at", "in", "new", "recently", "external", "interim", "his", "her", "their",
    "its", "human", "rights", "diplomacy", "central", "asia", "middle", "east", "caucasus",
    "africa", "horn", "balkans", "sahel", "gulf", "region", "lakes", "pacific", "arctic",
    "eurasian", "joint", "staff", "secretariat", "south", "north", "west", "southern",
    "northern", "western", "eastern", "southeast", "south-east", "europe", "eurasia",
    "americas", "latin", "hemisphere", "near", "south-asian", "asian-pacific",
}  # fmt: skip
CONNECTORS = {
    "the",
    "of",
    "for",
    "to",
    "and",
    "on",
    "with",
    "at",
    "in",
    "his",
    "her",
    "their",
    "its",
}
_NOT_IN_ROLE = {
    "newly", "appointed", "newly-appointed", "incoming", "outgoing", "new", "recently",
    "resident", "non-resident",
}  # fmt: skip
HONORIFIC_RE = re.compile(
    r"(?:,?\s*(?:H\.\s?E\.|His\s+Excellency|Her\s+Excellency|His\s+Highness|Her\s+Highness|"
    r"His\s+Majesty|Her\s+Majesty|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Sir|Sheikh|Madam|Mme\.?|"
    r"Lord|Lady|Dato|Datuk|Tan\s+Sri|Colonel-General|Lieutenant-General|Major-General|Colonel|Admiral|Marshal)\s*)+$"
)
_WORD_RE = re.compile(r"[\w'’.\-]+|[^\w\s]")


@dataclass
class ParsedTitle:
    role: str | None
    state: str | None = None
    posted_in: str | None = None
    organization: str | None = None
    start: int = -1
    end: int = -1
    mentions: tuple[Mention, ...] = ()


def _words(text: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), offset + m.start(), offset + m.end()) for m in _WORD_RE.finditer(text)]


ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}


def _is_title_word(word: str) -> bool:
    low = word.lower().rstrip(".") if word.lower() != "a.i." else "a.i."
    if low in HEADS or low in MODIFIERS or word.lower() in MODIFIERS:
        return True
    # "Director of the II-Political Department", "Foreign Minister II"
    parts = low.split("-")
    return (
        word.isupper()
        and low in ROMAN
        or (len(parts) > 1 and all(p in ROMAN or p in MODIFIERS or p in HEADS for p in parts))
    )


def _mention_at(mentions: list[Mention], start: int, end: int) -> Mention | None:
    for m in mentions:
        if m.start <= start < m.end:
            return m
    return None


def _interpret(
    tokens: list[tuple[str, int, int]], mentions: list[Mention], text: str, base: int
) -> ParsedTitle | None:
    """A title from its tokens (left to right), or None when it has no head word."""
    # drop leading connectors and "newly appointed"
    while tokens and tokens[0][0].lower() in CONNECTORS | _NOT_IN_ROLE | {"–", ","}:
        tokens = tokens[1:]
    while tokens and tokens[-1][0].lower() in CONNECTORS | {","}:
        tokens = tokens[:-1]
    if not tokens:
        return None
    heads = [t for t in tokens if t[0].lower() in HEADS]
    if not heads:
        return None
    state = posted = None
    used: list[Mention] = []
    role_words: list[str] = []
    prev = ""
    skip_until = -1
    for i, (word, s, e) in enumerate(tokens):
        if s < skip_until:
            continue
        m = _mention_at(mentions, s, e)
        if m is not None and m.kind == "city" and prev not in ("to", "in", "at"):
            m = None  # a city is only a posting: "Ambassador to Ankara"
        if m is not None and m.kind == "city":
            posted = posted or m.code
            skip_until = m.end
            while role_words and role_words[-1].lower() in CONNECTORS:
                role_words.pop()
            prev = ""
            continue
        if m is not None:
            used.append(m)
            skip_until = m.end
            if prev in ("to", "in", "at") and m.code != state:
                posted = posted or m.code
            elif state is None:
                state = m.code
            elif posted is None and prev in ("to", "in", "at"):
                posted = m.code
            secretary = any(w.lower().startswith("secretary") for w in role_words) or any(
                t[0].lower().startswith("secretary") for t in tokens[i:]
            )
            body = re.match(
                r"\s+(?:parliament|senate|assembly|majlis|mazhilis|mejlis|duma|government|"
                r"cabinet)\b",
                text[m.end :],
                re.I,
            )
            if m.kind != "igo" and body and re.search(r"\bof\s+the\s+$", text[: m.start]):
                # "Deputy Chairwoman of the Upper Chamber of the Belarus Parliament": the
                # body's name keeps its state
                role_words.extend(["the", *text[m.start : m.end].split()])
                prev = ""
                continue
            if m.kind == "igo" and m.code == state and not secretary:
                # an IGO's official: its name stays in the role, as written ("President of
                # the European Council", "EU Special Representative", "Head of UNAMA"); a
                # Secretary General is one of a kind anyway
                role_words.extend(text[m.start : m.end].split())
                prev = ""
                continue
            # drop the connector(s) that led to the state from the role
            while role_words and role_words[-1].lower() in CONNECTORS:
                role_words.pop()
            prev = ""
            continue
        low = word.lower()
        if low in _NOT_IN_ROLE:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if low == "the" and (nxt is None or _mention_at(mentions, nxt[1], nxt[2])):
            if not (nxt and (m2 := _mention_at(mentions, nxt[1], nxt[2])) and m2.kind == "igo"):
                prev = low if prev == "" else prev
                continue  # "of the Republic of X": the state's article goes with it
        role_words.append(word)
        prev = low
    while role_words and role_words[-1].lower() in CONNECTORS | {","}:
        role_words.pop()
    if not role_words:
        return None
    role = " ".join(role_words).replace(" ,", ",").split("/")[0].strip()
    role = normalize_role(role)
    org = None
    if re.search(r"\bministry\b", role, re.I):
        org = role
    return ParsedTitle(
        role=role,
        state=state,
        posted_in=posted,
        organization=org,
        start=tokens[0][1] + base,
        end=tokens[-1][2] + base,
        mentions=tuple(used),
    )


def title_before(sentence: str, name_start: int, mentions: list[Mention]) -> ParsedTitle | None:
    """The title right before a name at ``name_start`` (offsets inside ``sentence``;
    ``mentions`` are the sentence's state mentions with sentence offsets)."""
    left = sentence[:name_start]
    hm = HONORIFIC_RE.search(left)
    if hm:
        left = left[: hm.start()]
    left = left.rstrip()
    tokens = _words(left, 0)
    picked: list[tuple[str, int, int]] = []
    i = len(tokens) - 1
    apposition = re.match(r"[^\s,.()]*(?:\s+[A-Z][\w'’-]*)*\s*(?:[,.)]|$)", sentence[name_start:])
    if (
        i >= 1
        and tokens[i][0] == ","
        and apposition
        and (_is_title_word(tokens[i - 1][0]) or _mention_at(mentions, *tokens[i - 1][1:]))
    ):
        i -= 1  # "the Secretary General of the CSTO, Stanislav Zas"
    while i >= 0:
        word, s, e = tokens[i]
        if (
            word == ","
            and all(t[0].lower() in _NOT_IN_ROLE for t in picked)
            and i > 0
            and _is_title_word(tokens[i - 1][0])
        ):
            i -= 1  # "his Turkish counterpart, recently appointed Hakan Fidan"
            continue
        if word in ("–", "—", "-", "/") and picked and i > 0 and _is_title_word(tokens[i - 1][0]):
            picked.insert(0, tokens[i])  # "Deputy Prime Minister – Minister of ..."
            i -= 1
            continue
        m = _mention_at(mentions, s, e)
        if m is not None:
            # take the whole mention: every token inside it
            while i >= 0 and tokens[i][1] >= m.start:
                picked.insert(0, tokens[i])
                i -= 1
            continue
        if word in ("'s", "’s"):
            picked.insert(0, tokens[i])
            i -= 1
            continue
        if word == ")" and i >= 2 and tokens[i - 2][0] == "(":
            i -= 3  # "Shanghai Cooperation Organization (SCO) Zhang Ming": the abbreviation
            continue
        if _is_title_word(word) or (word == "," and picked and picked[0][0].lower() == "a.i."):
            picked.insert(0, tokens[i])
            i -= 1
            continue
        break
    picked = [t for t in picked if t[0] not in ("'s", "’s")]
    return _interpret(picked, mentions, sentence, 0)


def title_after(sentence: str, name_end: int, mentions: list[Mention]) -> ParsedTitle | None:
    """An apposition after a name: "Name, Deputy Minister of Foreign Affairs of X," (or
    "Name (Ambassador of X)")."""
    m = re.match(
        r"\s*(?:,|\(|–|—|-)\s*(?:who\s+(?:served|serves|is|was|has been)\s+(?:as\s+)?)?",
        sentence[name_end:],
    )
    if not m:
        return None
    start = name_end + m.end()
    tokens = _words(sentence[start:], start)
    picked: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        word, s, e = tokens[i]
        mm = _mention_at(mentions, s, e)
        if mm is not None:
            while i < len(tokens) and tokens[i][1] < mm.end:
                picked.append(tokens[i])
                i += 1
            continue
        if word in ("'s", "’s"):
            i += 1
            continue
        if _is_title_word(word):
            picked.append(tokens[i])
            i += 1
            continue
        break
    if not picked or picked[0][0].lower() not in HEADS | MODIFIERS - CONNECTORS | {"the"}:
        return None
    return _interpret(picked, mentions, sentence, 0)


# titles that name one state's office without naming the state: a (deputy, assistant,
# under) Secretary of State without "for Foreign and Commonwealth ..." is the US's
TITLE_STATES = ((re.compile(r"\bsecretary of state\b(?!.*\b(?:foreign|commonwealth)\b)"), "US"),)


def state_of_title(role: str | None) -> str | None:
    return next((code for rx, code in TITLE_STATES if role and rx.search(role)), None)


def normalize_role(role: str) -> str:
    """Lower case, the title's long form: "Deputy Foreign Minister" -> "deputy minister
    of foreign affairs"; "Ambassador Extraordinary and Plenipotentiary" -> "ambassador"."""
    role = re.sub(r"\s+", " ", role.lower()).strip()
    role = re.sub(r"\b(minister|ambassador|counterpart)s\b", r"\1", role)
    role = re.sub(r"\bcolleagues?\b", "counterpart", role)
    # "Chargé d'Affaires a.i. of the Russian Mission": the mission is no part of the title
    role = re.sub(
        r"^((?:chargé|charge) d[’']affaires(?: a\.i\.)?) (?:mission|embassy)$", r"\1", role
    )
    role = re.sub(r"\bextraordinary and plenipotentiary\b ?", "", role).strip()
    role = re.sub(r"\b(?:foreign minister|fm)\b", "minister of foreign affairs", role)
    role = re.sub(r"\bdpm\b", "deputy prime minister", role)
    # "defense minister" -> "minister of defense"
    return re.sub(
        r"\b(defen[cs]e|finance|economy|interior|justice|trade|energy|health|education|"
        r"agriculture|culture|transport) minister\b",
        r"minister of \1",
        role,
    )


def is_ambassador(role: str | None) -> bool:
    return bool(role) and bool(
        re.search(
            r"\b(ambassador|chargé|charge d|envoy|diplomat|permanent representative|"
            r"high commissioner|"
            r"head of (?:the )?(?:\w+ ){0,3}delegation|head of mission)",
            role,
            re.I,
        )
    )
