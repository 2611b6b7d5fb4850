"""Stage 4: states, IGOs, relational adjectives and cities.

The gazetteer is built once per process from offline data: babel's CLDR Russian territory
names (ISO 3166-1 alpha-2 codes checked against pycountry), the hand lists in
``dipgraph/loaders/lang/ru/data`` (extra names and abbreviations, IGOs, capitals and cities,
relational adjectives). Names are matched on pymorphy3 lemmas, so every grammatical case
matches ("Королевства Нидерланды", "Северной Македонии"); abbreviations match exactly
("ЕС", "США"); "Республика/Королевство/..." before a state name is taken into its span;
compound adjectives ("казахско-нидерландского") give one mention per part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dipgraph.loaders.extract.doc import Document, StateMention, Token
from dipgraph.loaders.lang.ru.models import lemmas, parses

PREFIX_NOUNS = {"республика", "королевство", "княжество", "султанат", "государство", "федерация"}
PREFIX_ADJS = {
    "исламский",
    "федеративный",
    "народный",
    "демократический",
    "арабский",
    "социалистический",
    "объединенный",
    "кыргызский",
    "чешский",
    "турецкий",
    "итальянский",
    "французский",
    "великий",
}
NOT_A_STATE = "-"  # state_names.tsv: "Республика Сербская" is a part of Bosnia, no party
_ABBR_RE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё]{0,2}[A-ZА-ЯЁ]+$")


@dataclass(frozen=True)
class Entry:
    code: str
    kind: str  # state | igo | city
    words: tuple[frozenset[str], ...]
    caps: tuple[bool, ...]
    name: str


def _data(name: str) -> list[list[str]]:
    text = resources.files("dipgraph.loaders.lang.ru").joinpath("data", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _words(name: str) -> list[str]:
    return re.findall(r"[\wё’'-]+", name)


class Gazetteer:
    """Lemma-keyed lookup of states, IGOs and cities in token sequences."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[Entry]] = {}
        self.abbr: dict[str, tuple[str, str, str]] = {}
        self.adjectives: dict[str, str] = {}
        self.cities: dict[str, tuple[str, bool]] = {}  # city name -> (state, capital)
        self.names_ru: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self._build()

    # -- building
    def _add(self, code: str, kind: str, name: str, canonical: str) -> None:
        name = name.strip()
        if not name:
            return
        if _ABBR_RE.match(name) and name.upper() == name:
            self.abbr[name] = (code, kind, canonical)
            return
        words = _words(name)
        if not words:
            return
        entry = Entry(
            code,
            kind,
            tuple(lemmas(w) for w in words),
            tuple(w[:1].isupper() for w in words),
            canonical,
        )
        for lem in entry.words[0]:
            self.by_first.setdefault(lem, []).append(entry)

    def _build(self) -> None:
        import pycountry
        from babel import Locale

        valid = {c.alpha_2 for c in pycountry.countries} | {"XK"}
        ru = Locale("ru").territories
        variants: dict[str, set[str]] = {}
        for code, name in ru.items():
            if code in valid:
                clean = re.sub(r"\s*\(.*?\)", "", name)
                self.names_ru[code] = clean
                for variant in re.split(r"\s+-\s+", clean) if " - " in clean else [clean]:
                    variants.setdefault(variant, set()).add(code)
        for variant, codes in variants.items():
            if len(codes) == 1:  # "Конго" names two states in CLDR: state_names.tsv decides
                (code,) = codes
                self._add(code, "state", variant, self.names_ru[code])
        for code, names in _data("state_names.tsv"):
            for n in names.split("|"):
                kind = "none" if code == NOT_A_STATE else "state"
                self._add(code, kind, n, self.names_ru.get(code, n))
        from dipgraph.graph.model import IGO_CODES

        for code, _kind, names in _data("igos.tsv"):
            if code not in IGO_CODES:  # the model's table is the one home of IGO codes
                raise ValueError(f"igos.tsv: {code} is not in graph.model.IGO_CODES")
            first = names.split("|")[0]
            self.names_ru[code] = first
            for n in names.split("|"):
                self._add(code, "igo", n, first)
        for city, code, capital in _data("cities.tsv"):
            self.cities[city] = (code, capital.strip() == "1")
            if capital.strip() == "1":
                self.capitals.setdefault(code, city)
            self._add(code, "city", city, city)
        for lemma_, code in _data("state_adjectives.tsv"):
            self.adjectives[lemma_] = code

    # -- matching
    def _adjective(self, word: str) -> list[str]:
        low = word.lower().replace("ё", "е")
        parts = low.split("-")
        codes: list[str] = []
        for i, part in enumerate(parts):
            if i < len(parts) - 1 and part.endswith("о"):
                cands = {part[:-1] + "ий"}
            else:
                cands = {p.normal_form for p in parses(part) if p.tag.POS in ("ADJF", "ADJS")}
            for c in cands:
                if c in self.adjectives:
                    codes.append(self.adjectives[c])
                    break
            else:
                if i < len(parts) - 1:
                    return []  # "северо-западный": not a compound of states
        return codes

    def find(
        self, tokens: list[Token], sentence_starts: set[int] | None = None
    ) -> list[StateMention]:
        """All mentions in a token list (longest match first, no overlaps)."""
        out: list[StateMention] = []
        sentence_starts = sentence_starts or set()
        i, n = 0, len(tokens)
        while i < n:
            tok = tokens[i]
            found: StateMention | None = None
            if tok.text in self.abbr:
                code, kind, name = self.abbr[tok.text]
                found = StateMention(code, kind, tok.start, tok.end, tok.text, i, i + 1, name)
            else:
                best: tuple[int, Entry] | None = None
                for lem in lemmas(tok.text):
                    for e in self.by_first.get(lem, ()):
                        k = len(e.words)
                        if i + k > n or (best and k <= best[0]):
                            continue
                        if all(
                            tokens[i + j].text.replace("ё", "е").lower() in e.words[j]
                            or lemmas(tokens[i + j].text) & e.words[j]
                            for j in range(k)
                        ) and all(
                            tokens[i + j].text[:1].isupper() or not e.caps[j] for j in range(k)
                        ):
                            best = (k, e)
                if best:
                    k, e = best
                    single_common = (
                        k == 1
                        and i in sentence_starts
                        and e.kind != "igo"
                        and not any("Geox" in p.tag.grammemes for p in parses(tok.text)[:1])
                    )
                    if not single_common:
                        end = i + k
                        found = StateMention(
                            e.code,
                            e.kind,
                            tok.start,
                            tokens[end - 1].end,
                            "",
                            i,
                            end,
                            e.name,
                        )
            if found is not None and found.code == NOT_A_STATE:
                i = found.tok_end
                continue
            if found is not None:
                # "Республики Казахстан", "Исламской Республики Иран": take the prefix in
                start_i = found.tok_start
                if found.kind == "state":
                    j = start_i - 1
                    if (
                        j >= 0
                        and lemmas(tokens[j].text) & PREFIX_NOUNS
                        and tokens[j].text[:1].isupper()
                    ):
                        start_i = j
                        while start_i - 1 >= 0 and lemmas(tokens[start_i - 1].text) & PREFIX_ADJS:
                            if not tokens[start_i - 1].text[:1].isupper():
                                break
                            start_i -= 1
                found.tok_start = start_i
                found.start = tokens[start_i].start
                out.append(found)
                i = found.tok_end
                continue
            if tok.text[:1].isalpha() and tok.text[-1:].isalpha() and len(tok.text) > 4:
                codes = self._adjective(tok.text)
                if (
                    len(codes) == 1
                    and tok.text[:1].isupper()
                    and i + 1 < n
                    and tokens[i + 1].text[:1].isupper()
                    and lemmas(tokens[i + 1].text) & PREFIX_NOUNS
                ):
                    # "Азербайджанской Республики", "Словацкой Республике": the state
                    out.append(
                        StateMention(
                            codes[0], "state", tok.start, tokens[i + 1].end, "", i, i + 2, None
                        )
                    )
                    i += 2
                    continue
                for code in codes:
                    out.append(
                        StateMention(code, "adj", tok.start, tok.end, tok.text, i, i + 1, None)
                    )
            i += 1
        return out

    def city_state(self, name: str) -> str | None:
        hit = self.cities.get(name)
        return hit[0] if hit else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def find_states(text: str) -> list[StateMention]:
    """States, IGOs, adjectives and cities in a piece of text (for tests and tools)."""
    from razdel import tokenize

    tokens = [Token(t.text, t.start, t.stop) for t in tokenize(text)]
    found = gazetteer().find(tokens, {0})
    for m in found:
        m.text = text[m.start : m.end]
    return found


def state_codes(text: str) -> list[str]:
    """Codes of the states and IGOs named in the text, in order, without repeats."""
    out: list[str] = []
    for m in find_states(text):
        if m.kind in ("state", "igo", "adj") and m.code not in out:
            out.append(m.code)
    return out


def states(doc: Document) -> Document:
    gz = gazetteer()
    doc.states = []
    for s in doc.sentences:
        toks = doc.tokens[s.tok_start : s.tok_end]
        for m in gz.find(toks, {0}):
            m.tok_start += s.tok_start
            m.tok_end += s.tok_start
            m.text = doc.text[m.start : m.end]
            doc.states.append(m)
    # the release's own state: its publisher (metadata, --publisher), the dateline
    # city's state, else the most mentioned state (a guess, not the publisher)
    city = doc.release.dateline_city
    publisher = getattr(doc.release, "publisher", None) or (gz.city_state(city) if city else None)
    doc.publisher = publisher
    home = publisher
    if home is None:
        counts: dict[str, int] = {}
        for m in doc.states:
            if m.kind == "state":
                counts[m.code] = counts.get(m.code, 0) + 1
        if counts:
            code, n = max(counts.items(), key=lambda kv: kv[1])
            home = code if n >= 2 else None
    doc.home_state = home
    return doc
