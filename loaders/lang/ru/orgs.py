"""Organizations named by rule (slovnet's ORG recall is the weak spot): ministries,
embassies, consulates, universities, governments, with their state and the place they
are in ("генеральное консульство Казахстана в Казани")."""

from __future__ import annotations

from dataclasses import dataclass

from dipgraph.loaders.extract.doc import Document, Token
from dipgraph.loaders.lang.ru.models import parses

ORG_HEADS = {
    "посольство": "embassy",
    "постпредство": "embassy",
    "представительство": "embassy",
    "консульство": "consulate",
    "генконсульство": "consulate",
    "министерство": "ministry",
    "мид": "ministry",
    "ведомство": "ministry",
    "университет": "university",
    "институт": "university",
    "академия": "university",
    "правительство": "government",
    "парламент": "council",
    "совет": "council",
    "офис": "other",
}
GEN_TAIL = 6


@dataclass
class OrgMention:
    name: str  # nominative
    kind: str
    state: str | None
    start: int
    end: int
    tok_start: int
    tok_end: int
    city: str | None = None
    city_state: str | None = None
    plural: bool = False  # "между министерствами иностранных дел X и Y": the sides


def _head_kind(tok: Token) -> tuple[str, object] | None:
    low = tok.text.lower().replace("ё", "е")
    if low == "мид":
        return "ministry", None
    for p in parses(tok.text):
        if p.tag.POS == "NOUN" and p.normal_form in ORG_HEADS:
            return ORG_HEADS[p.normal_form], p
    return None


def _nominative(tok: Token, head_parse) -> str:
    """Adjectives before the head and the head itself, in the nominative."""
    if head_parse is None:
        return tok.text
    inf = head_parse.inflect({"nomn", "sing"})
    return inf.word if inf else tok.text


def find_orgs(doc: Document, sent: int) -> list[OrgMention]:
    s = doc.sentences[sent]
    toks = doc.tokens[s.tok_start : s.tok_end]
    states = [m for m in doc.states if s.start <= m.start < s.end]
    ner_orgs = [sp for sp in doc.spans if sp.type == "ORG" and s.start <= sp.start < s.end]
    out: list[OrgMention] = []
    i = 0
    while i < len(toks):
        hk = _head_kind(toks[i])
        if hk is None:
            i += 1
            continue
        kind, hp = hk
        gender = None
        if hp is not None:
            gender = next((g for g in ("masc", "femn", "neut") if g in hp.tag.grammemes), None)
        # adjectives before the head: "генеральное консульство", "Евразийского национального"
        j = i
        mods: list[str] = []
        while j - 1 >= 0:
            prev = toks[j - 1]
            ap = next((p for p in parses(prev.text) if p.tag.POS == "ADJF"), None)
            if ap is None or prev.text.lower() in ("в", "во"):
                break
            if any(m.tok_start - s.tok_start <= j - 1 < m.tok_end - s.tok_start for m in states):
                break
            inf = ap.inflect({"nomn", "sing", gender} if gender else {"nomn", "sing"})
            word = inf.word if inf else prev.text
            mods.insert(0, word[:1].upper() + word[1:] if prev.text[:1].isupper() else word)
            j -= 1
        head_word = _nominative(toks[i], hp)
        # the tail: genitive words, a state, "в <state/city>"
        k = i + 1
        state = city = city_state = None
        ner = next((sp for sp in ner_orgs if sp.start <= toks[i].start < sp.end), None)
        if ner is not None:
            while k < len(toks) and toks[k].end <= ner.end:
                k += 1
        while k < len(toks) and k < i + 1 + GEN_TAIL:
            st = next((m for m in states if m.tok_start - s.tok_start == k), None)
            low = toks[k].text.lower()
            if st is not None:
                if st.kind in ("state", "igo") and state is None:
                    state = st.code
                    k = st.tok_end - s.tok_start
                    continue
                break
            if low in ("в", "во") and k + 1 < len(toks):
                st2 = next((m for m in states if m.tok_start - s.tok_start == k + 1), None)
                if st2 is not None and st2.kind in ("state", "city"):
                    if st2.kind == "city":
                        city, city_state = st2.name, st2.code
                    else:
                        city_state = st2.code
                    k = st2.tok_end - s.tok_start
                break
            if (
                kind in ("ministry", "council")
                and low not in ("и", "или", "а")  # "министерствами ... X и Y": no tail
                and any("gent" in p.tag.grammemes for p in parses(toks[k].text))
                and toks[k].text[:1].isalpha()
            ):
                k += 1
                continue
            break
        if mods and not mods[0][:1].isupper():
            mods[0] = mods[0][:1].upper() + mods[0][1:]
        elif not mods:
            head_word = head_word[:1].upper() + head_word[1:]
        if toks[i].text.isupper():
            head_word = toks[i].text
        rest = doc.text[toks[i].end : toks[k - 1].end] if k - 1 > i else ""
        name = " ".join([*mods, head_word]) + rest
        if state is None and kind == "university":
            state = city_state
        plural = hp is not None and "plur" in hp.tag.grammemes
        out.append(
            OrgMention(
                name,
                kind,
                state,
                toks[j].start,
                toks[k - 1].end,
                s.tok_start + j,
                s.tok_start + k,
                city,
                city_state,
                plural,
            )
        )
        i = k
    return out
