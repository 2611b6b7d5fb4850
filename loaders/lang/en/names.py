"""People named in English text, by capitalization.

A name is a run of two to five capitalized words (particles such as bin, al, van, de and
initials allowed inside) none of which is a title, organization or calendar word, a state,
a demonym or a city; a single capitalized word is a name after an honorific or a title
("Mr. Vassilenko", "Minister Saidov") or when it is the surname of someone named in full
earlier. Honorifics are dropped (H.E., Mr., Dr.), a possessive 's too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dipgraph.loaders.lang.en.roles import HEADS, MODIFIERS, ParsedTitle
from dipgraph.loaders.lang.en.states import Mention

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LOW = "a-zß-öø-ÿā-žʻ'’"
_TOKEN = (
    rf"(?:[{_UP}][{_LOW}]*[{_UP}][{_LOW}]+|[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)*|[{_UP}]\."
    rf"|(?<!\w)[{_UP}]{{1,2}}(?=\s+[{_UP}][{_LOW}]))"  # initials without dots: "S Jaishankar"
)
_PARTICLE = r"(?:bin|bint|ibn|al|el|van|von|der|den|de|da|dos|du|la|le|di|del|ul|ud)"
NAME_RE = re.compile(rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+|{_PARTICLE}-)*{_TOKEN}){{0,12}}")
_TOKEN_RE = re.compile(rf"{_PARTICLE}(?=[\s-])|{_TOKEN}")

STOPWORDS = {
    "the", "a", "an", "on", "in", "at", "during", "following", "after", "before", "also",
    "today", "yesterday", "this", "that", "these", "those", "his", "her", "their", "its",
    "he", "she", "they", "we", "it", "as", "by", "for", "with", "from", "and", "of", "to",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "republic", "kingdom", "federation", "state", "states",
    "union", "united", "nations", "organization", "organisation", "embassy", "consulate",
    "ministry", "ministries", "university", "institute", "center", "centre", "bank", "fund",
    "forum", "summit", "conference", "session", "meeting", "talks", "council", "committee",
    "commission", "agency", "office", "department", "parliament", "senate", "assembly",
    "government", "excellency", "highness", "majesty", "mr", "mrs", "ms", "dr", "prof",
    "sir", "madam", "sheikh", "h.e", "foreign", "affairs", "international",
    "national", "economic", "cooperation", "trade", "investment", "security", "strategic",
    "partnership", "program", "programme", "agreement", "declaration", "memorandum",
    "road", "map", "action", "plan", "day", "week", "year", "annual", "joint", "group",
    "working", "intergovernmental", "business", "chamber", "council's", "north", "south",
    "east", "west", "central", "asia", "europe", "africa", "america", "middle", "gulf",
    "caspian", "sea", "black", "pacific", "indian", "ocean", "islamic", "arab", "world",
    "global", "regional", "palace", "hall", "house", "building", "square", "street",
    "avenue", "city", "region", "province", "oblast", "district", "mission", "delegation",
    "press", "service", "news", "media", "agency's", "website", "twitter", "facebook", "x",
    "telegram", "youtube", "according", "however", "moreover", "furthermore", "besides",
    "additionally", "meanwhile", "thus", "therefore", "there", "here", "both", "all", "each",
    "other", "another", "some", "many", "several", "first", "second", "third", "new",
    "old", "high", "level", "high-level", "independence", "victory", "constitution",
    "olympic", "games", "expo", "days", "festival", "exhibition", "concert",
    "round", "table", "briefing", "reception", "ceremony", "lecture", "seminar", "webinar",
    "presentation", "ambassadors", "diplomatic", "corps", "academy", "school", "college",
    "library", "museum", "theatre", "theater", "opera", "ballet", "orchestra", "company",
    "corporation", "group's", "holding", "airlines", "railways", "energy", "oil", "gas",
    "gold", "development", "reconstruction", "fund's", "treaty", "convention", "charter",
    "protocol", "resolution", "initiative", "strategy", "concept", "vision", "platform",
    "format", "dialogue", "process", "project", "projects", "team", "people", "peoples",
    "nation", "country", "countries", "side", "sides", "party", "parties", "i", "ii", "iii",
    "iv", "v", "vi", "vii", "viii", "ix", "xi", "xii", "cis", "ceo", "ai", "ict",
    "covid", "covid-19", "coronavirus", "internet", "english", "russian", "kazakh",
    "uzbek", "turkic", "muslim", "christian", "holy", "saint", "st", "mount", "lake",
    "river", "island", "islands", "valley", "desert", "steppe", "region's", "great",
    "silk", "way", "corridor", "trans-caspian", "middle-corridor", "route", "port",
    "airport", "station", "zone", "park", "hotel", "resort", "green", "digital", "smart",
    "climate", "change", "water", "food", "health", "education", "culture", "cultural",
    "science", "technology", "innovation", "innovations", "transport", "logistics",
    "transit", "finance", "financial", "tax", "customs", "border", "visa", "migration",
    "consular", "legal", "justice", "human", "rights", "peace", "peacekeeping", "defense",
    "defence", "military", "armed", "forces", "army", "navy", "police", "emergency",
    "humanitarian", "aid", "assistance", "relief", "general", "assembly's", "secretariat",
    "headquarters", "faculty", "students", "youth", "women", "children", "family",
    "diaspora", "community", "communities", "association", "federation's", "club",
    "society", "foundation", "trust", "board", "directors", "member", "members", "chair",
    "chairmanship", "presidency", "anniversary", "jubilee", "year's", "ministerial",
    "plenary", "extraordinary", "informal", "official", "state-owned", "visit", "visits",
    "program's", "meanwhile,", "please", "read", "more", "photo", "photos", "video",
    "source", "ltd", "llc", "jsc", "inc", "plc", "co", "ag", "gmbh", "sa", "pjsc", "ojsc",
    "eastern", "western", "northern", "southern", "european", "asian", "african",
    "colonel", "colonel-general", "lieutenant-general", "major-general", "admiral",
    "marshal", "kazinform", "trend", "reports", "release", "information", "front",
    "movement", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "emirate", "firstly", "then", "earlier", "later", "special",
    "dato", "datuk", "councillor", "councilor", "dpm", "fm",
}  # fmt: skip
_TITLE_BEFORE_RE = re.compile(
    r"(?i)\b(?:minister|ambassador|president|secretary|envoy|chairman|speaker|commissioner)$"
)
HONORIFIC_BEFORE_RE = re.compile(
    r"(?:H\.\s?E\.|Excellency|Highness|Majesty|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Sir|"
    r"Sheikh|Madam|Mme\.?|Lord|Lady)\s*$"
)


@dataclass
class NameMention:
    start: int  # offsets inside the sentence
    end: int
    name: str
    single: bool  # one word (a surname, or a name given alone)
    cued: bool = False  # a single word right after an honorific or a title
    title: ParsedTitle | None = None
    person: str | None = None  # key of the Person it names


def _stop(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in STOPWORDS or low in HEADS or (low in MODIFIERS and len(low) > 3)


def is_name_word(word: str) -> bool:
    """A capitalized word that can be part of a name (no title, calendar or place word)."""
    return bool(re.fullmatch(_TOKEN, word)) and not _stop(word)


def find_names(sentence: str, mentions: list[Mention]) -> list[NameMention]:
    """Candidate names in a sentence (offsets inside it); ``mentions`` are its state,
    IGO, demonym and city mentions (never part of a name)."""
    blocked = [(m.start, m.end) for m in mentions]
    out: list[NameMention] = []
    for m in NAME_RE.finditer(sentence):
        tokens = [
            (t.group(0), m.start() + t.start(), m.start() + t.end())
            for t in _TOKEN_RE.finditer(m.group(0))
        ]
        run: list[tuple[str, int, int]] = []
        for tok in [*tokens, None]:
            bad = tok is None or _stop(tok[0]) or any(s <= tok[1] < e for s, e in blocked)
            if not bad:
                run.append(tok)
                continue
            out.extend(_name_from_run(sentence, run))
            run = []
    return out


def _name_from_run(sentence: str, run: list[tuple[str, int, int]]) -> list[NameMention]:
    # particles and initials cannot start or end a name; a possessive 's is no part of it
    while run and (run[0][0].islower() or run[0][0] in ("Al", "El") and len(run) == 1):
        run = run[1:]
    while run and (run[-1][0].islower() or re.fullmatch(r"[A-Z]{1,2}\.?", run[-1][0])):
        run = run[:-1]
    if not run:
        return []
    start, end = run[0][1], run[-1][2]
    text = sentence[start:end]
    text = re.sub(r"['’]s$", "", text)
    end = start + len(text)
    words = [w for w in run if not re.fullmatch(r"[A-Z]{1,2}\.?", w[0])]
    if len(words) >= 2 or (words and len(run) >= 2):  # "S Jaishankar", "A. Smith"
        return [NameMention(start, end, text, single=False)]
    if len(words) == 1 and len(text) > 2:
        left = sentence[:start].rstrip()
        cued = bool(HONORIFIC_BEFORE_RE.search(left) or _TITLE_BEFORE_RE.search(left))
        return [NameMention(start, end, text, single=True, cued=cued)]
    return []


def person_key(name: str) -> str:
    """The key of a person inside one release: the name as written, case-folded."""
    return re.sub(r"\s+", " ", name.lower()).strip()


def surname(name: str) -> str:
    return name.split()[-1].lower()
