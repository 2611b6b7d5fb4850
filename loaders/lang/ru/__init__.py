"""Russian: the language dipgraph reads first (DESIGN.md "Extraction").

Everything Russian lives in this package: the gazetteer data (``data/*.tsv``: state names
and adjectives, IGO names, cities, title heads), months and the dateline (:mod:`.dates`),
name normalization and case rules (:mod:`.names`), title rules (:mod:`.roles`),
organizations (:mod:`.orgs`), the event cue words and rules (:mod:`.events`, one module per
event type) and the natasha/pymorphy3 models (:mod:`.models`).
"""

from __future__ import annotations

from functools import cache

from dipgraph.loaders.extract.pipeline import Stage, date_events
from dipgraph.loaders.lang import Dateline, Language

MIN_LETTERS = 20

ORG_KINDS = (
    ("посольств", "embassy"),
    ("консульств", "consulate"),
    ("министерств", "ministry"),
    ("мид", "ministry"),
    ("университет", "university"),
    ("правительств", "government"),
    ("совет", "council"),
)


@cache
def _cities() -> dict[str, str]:
    from dipgraph.loaders.lang.ru.states import _data

    return {row[0]: row[1] for row in _data("cities.tsv")}


@cache
def _confidence_table() -> dict[tuple[str, str], float]:
    """(type, pattern) -> measured confidence, and (type, "*") for the type as a whole."""
    from dipgraph.loaders.lang.ru.states import _data

    table: dict[tuple[str, str], float] = {}
    totals: dict[str, list[int]] = {}
    for row in _data("confidence.tsv"):
        type_, pattern, found, right, conf = row[:5]
        table[(type_, pattern)] = float(conf)
        t = totals.setdefault(type_, [0, 0])
        t[0] += int(found)
        t[1] += int(right)
    for type_, (found, right) in totals.items():
        table[(type_, "*")] = round((right + 1) / (found + 2), 2)
    return table


class Russian(Language):
    code = "ru"
    name = "Russian"

    def unsupported_reason(self, text: str) -> str | None:
        letters = [c for c in text or "" if c.isalpha()]
        if len(letters) < MIN_LETTERS:
            return "empty or too short text: no events extracted"
        cyr = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
        if cyr / len(letters) < 0.5:
            return "text is not Russian: no events extracted"
        return None

    def parse_dateline(self, text: str) -> Dateline | None:
        from dipgraph.loaders.lang.ru.dates import parse_dateline

        return parse_dateline(text)

    def parse_date(self, text: str) -> tuple[int | None, int | None, int | None]:
        from dipgraph.loaders.lang.ru.dates import parse_date

        return parse_date(text)

    def date_of(
        self, sentence: str, published: str | None, precision: str
    ) -> tuple[str | None, str]:
        from dipgraph.loaders.lang.ru.dates import date_of

        return date_of(sentence, published, precision)

    @cache  # noqa: B019 - one instance per process
    def pipeline(self) -> list[Stage]:
        from dipgraph.loaders.lang.ru.entities import entities
        from dipgraph.loaders.lang.ru.events import events
        from dipgraph.loaders.lang.ru.names import names
        from dipgraph.loaders.lang.ru.roles import roles
        from dipgraph.loaders.lang.ru.segment import segment
        from dipgraph.loaders.lang.ru.states import states

        return [
            Stage("segment", segment, ("text",), ("paragraphs", "sentences", "tokens")),
            Stage("entities", entities, ("paragraphs", "sentences", "tokens"), ("spans",)),
            Stage("names", names, ("spans", "tokens", "sentences"), ("mentions", "persons")),
            Stage("states", states, ("tokens", "sentences"), ("states", "home_state", "publisher")),
            Stage(
                "roles",
                roles,
                ("mentions", "persons", "states", "publisher", "spans"),
                ("mentions", "persons"),
            ),
            Stage(
                "events",
                events,
                ("sentences", "tokens", "mentions", "persons", "states", "home_state"),
                ("events", "syntax", "warnings"),
            ),
            Stage("dates", date_events, ("events", "sentences"), ("events",)),
        ]

    def event_confidence(self, type_: str, pattern: str, guess: float) -> float:
        table = _confidence_table()
        return table.get((type_, pattern), table.get((type_, "*"), guess))

    def state_name(self, code: str | None) -> str | None:
        if not code:
            return None
        from dipgraph.loaders.lang.ru.states import gazetteer

        return gazetteer().names_ru.get(code)

    def state_codes(self, text: str) -> list[str]:
        from dipgraph.loaders.lang.ru.states import state_codes

        return state_codes(text)

    def state_code_of(self, text: str) -> str | None:
        from dipgraph.loaders.lang.ru.states import find_states

        found = [m for m in find_states(text) if m.kind in ("state", "igo")]
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
            return found[0].code
        return None

    def city_state(self, city: str | None) -> str | None:
        return _cities().get(city or "")

    def organization_kind(self, name: str) -> str:
        lowered = name.lower()
        return next((kind for needle, kind in ORG_KINDS if needle in lowered), "other")

    def is_ambassador(self, role: str | None) -> bool:
        from dipgraph.loaders.lang.ru.roles import is_ambassador

        return is_ambassador(role)

    def to_latin(self, name: str) -> str:
        from dipgraph.loaders.lang.ru.translit import to_latin

        return to_latin(name)

    def words(self, text: str) -> set[str]:
        from dipgraph.loaders.lang.ru.roles import lemma_set

        return lemma_set(text)

    def position_words(self, text: str) -> set[str]:
        from dipgraph.loaders.lang.ru.roles import position_lemmas

        return position_lemmas(text)


LANGUAGE = Russian()

__all__ = ["LANGUAGE", "Russian"]
