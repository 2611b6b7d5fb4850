"""Stage 2: named entities (natasha/slovnet NER: PER, LOC, ORG) aligned to tokens, and
contextual morphology (case, gender) for the tokens of sentences that name people."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from dipgraph.loaders.extract.doc import Document, Span
from dipgraph.loaders.lang.ru.models import models


def align(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Token index range [i, j) covering characters [start, end)."""
    starts = [t.start for t in doc.tokens]
    ends = [t.end for t in doc.tokens]
    i = bisect_right(ends, start)
    j = bisect_left(starts, end)
    return i, max(i, j)


def entities(doc: Document) -> Document:
    m = models()
    doc.spans = []
    chunks = [(a, b) for a, b in doc.paragraphs]
    texts = [doc.text[a:b] for a, b in chunks]
    for (p_start, _), markup in zip(chunks, m.ner.map(texts), strict=True):
        for s in markup.spans:
            start, end = p_start + s.start, p_start + s.stop
            i, j = align(doc, start, end)
            doc.spans.append(Span(s.type, start, end, doc.text[start:end], i, j))
    doc.spans.sort(key=lambda s: s.start)
    tag_morph(doc, {doc.sentence_at(s.start) for s in doc.spans if s.type == "PER"})
    return doc


def tag_morph(doc: Document, sentence_ids: set[int]) -> None:
    """Fill Token.pos/feats (UD) for the given sentences with natasha's morph tagger."""
    ids = sorted(sentence_ids)
    if not ids:
        return
    chunk = [[t.text for t in doc.sentence_tokens(i)] for i in ids]
    for i, markup in zip(ids, models().morph_tagger.map(chunk), strict=True):
        for tok, tagged in zip(doc.sentence_tokens(i), markup.tokens, strict=False):
            tok.pos = tagged.pos
            tok.feats = dict(tagged.feats)
