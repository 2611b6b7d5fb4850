"""States, IGOs, demonyms and cities named in English text.

State names come from CLDR (babel) and ISO 3166 (pycountry), with the spellings releases
use that neither has (data/states.tsv: "U.S.", "Türkiye", "Republic of Korea");
demonyms ("Kazakh", "Norwegian": data/demonyms.tsv) also match inside compounds
("Kazakh-Norwegian"); IGOs by name or abbreviation (data/igos.tsv, codes of
graph.model.IGO_CODES); cities (data/cities.tsv) are venues, never parties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Mention:
    code: str
    kind: str  # state | igo | adj | city
    start: int
    end: int
    text: str


def _table(name: str) -> list[tuple[str, list[str]]]:
    rows = []
    for line in (DATA / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, names = line.split("\t")[:2]
            rows.append((code.strip(), [n.strip() for n in names.split("|") if n.strip()]))
    return rows


@cache
def gazetteer() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    """(surface form -> (code, kind), one pattern matching every form, longest first)."""
    import pycountry
    from babel import Locale

    from dipgraph.graph.model import IGO_CODES

    forms: dict[str, tuple[str, str]] = {}
    iso = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    for code, name in Locale("en").territories.items():
        if code in iso:
            forms[name.replace("&", "and").replace("St.", "Saint")] = (code, "state")
            forms[name] = (code, "state")
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                forms.setdefault(value, (c.alpha_2, "state"))
    for code, names in _table("states.tsv"):
        for n in names:
            forms[n] = (code, "state")
    for code, names in _table("igos.tsv"):
        if code not in IGO_CODES:
            raise ValueError(f"igos.tsv: {code} is not in graph.model.IGO_CODES")
        for n in names:
            forms[n] = (code, "igo")
    for code, names in _table("demonyms.tsv"):
        for n in names:
            forms.setdefault(n, (code, "adj"))
    for city, code in _table("cities.tsv"):
        forms.setdefault(city, (code[0], "city"))
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # "Kazakh-Norwegian": a hyphen ends a form, a letter does not; "Norway's" is "Norway"
    pattern = re.compile(rf"(?<![\w'’])(?:{alternatives})(?!\w)")
    return forms, pattern


REGION_BEFORE_RE = re.compile(r"\b(?:Latin|South|North|Central)\s+$")


def find_states(text: str, offset: int = 0) -> list[Mention]:
    """States, IGOs, demonyms and cities in ``text`` (offsets shifted by ``offset``)."""
    forms, pattern = gazetteer()
    out = []
    for m in pattern.finditer(text):
        if REGION_BEFORE_RE.search(text, 0, m.start()) and m.group(0).startswith("America"):
            continue  # "Latin America", "South American": a region
        code, kind = forms[m.group(0)]
        out.append(Mention(code, kind, offset + m.start(), offset + m.end(), m.group(0)))
    return out


@cache
def english_names() -> dict[str, str]:
    """code -> English name of every state (CLDR) and IGO (graph.model.IGO_CODES)."""
    from babel import Locale

    from dipgraph.graph.model import IGO_CODES

    names = {k: v for k, v in Locale("en").territories.items() if len(k) == 2}
    names["XK"] = "Kosovo"
    return names | dict(IGO_CODES)


def state_code_of(text: str) -> str | None:
    """The code when the whole text names one state or IGO, else None."""
    forms, _ = gazetteer()
    hit = forms.get(text.strip().removeprefix("the ").strip())
    return hit[0] if hit and hit[1] in ("state", "igo") else None


def city_state(city: str | None) -> str | None:
    forms, _ = gazetteer()
    hit = forms.get((city or "").strip())
    return hit[0] if hit and hit[1] == "city" else None
