"""Sentences of English release text, with character offsets.

A small rule splitter: a sentence ends at . ! ? (and closing quotes) followed by a space
and an upper-case letter, a digit or a quote, except after honorifics, initials and
abbreviations ("H.E. Mr. Roman Vassilenko", "U.S. Secretary", "Jan. 5"). Sentences never
cross a line: releases put one paragraph a line.
"""

from __future__ import annotations

import re

from dipgraph.loaders.extract.doc import Sentence

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "h.e", "e", "st", "no", "nos", "vs", "etc", "jr", "sr",
    "u.s", "u.k", "u.n", "e.g", "i.e", "gen", "col", "lt", "capt", "amb", "sen", "rep",
    "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "dept", "min", "a.i", "inc", "ltd", "co", "corp",
}  # fmt: skip
_END_RE = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")
_PARA_RE = re.compile(r"[^\n]+")


def _is_abbreviation(body: str, dot: int) -> bool:
    """Does the '.' at ``dot`` end an abbreviation or an initial rather than a sentence?"""
    if body[dot] != ".":
        return False
    m = re.search(r"([\w.]+)$", body[:dot])
    if not m:
        return False
    word = m.group(1)
    if word.lower().rstrip(".") in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isupper()  # an initial: "A. Smith"


def segment(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, pm in enumerate(_PARA_RE.finditer(text)):
        body, base = pm.group(0), pm.start()
        start = 0
        cuts = []
        for m in _END_RE.finditer(body):
            if not _is_abbreviation(body, m.start()):
                cuts.append(m.end())
        for end in [*cuts, len(body)]:
            piece = body[start:end]
            lead = len(piece) - len(piece.lstrip())
            s, e = base + start + lead, base + start + len(piece.rstrip())
            if e > s:
                out.append(Sentence(s, e, text[s:e], p_index))
            start = end
    return out
