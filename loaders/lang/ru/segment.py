"""Stage 1: paragraphs, sentences and tokens (razdel), with character offsets.

Sentences never cross a paragraph (line) boundary: releases put one item per line.
"""

from __future__ import annotations

import re

from dipgraph.loaders.extract.doc import Document, Sentence, Token

_PARA_RE = re.compile(r"[^\n]+")


def dateline_end(text: str) -> int:
    """Offset right after the dateline ("Астана. 3 марта. KAZAKHSTAN TODAY - "), -1 when
    there is none: the dateline is no part of the first sentence."""
    from dipgraph.loaders.lang.ru.dates import parse_dateline

    dl = parse_dateline(text)
    return -1 if dl is None else dl.end


def segment(doc: Document) -> Document:
    from razdel import sentenize, tokenize

    doc.tokens, doc.sentences, doc.paragraphs = [], [], []
    skip_to = dateline_end(doc.text)
    for pm in _PARA_RE.finditer(doc.text):
        p_start = max(pm.start(), skip_to) if pm.start() <= skip_to < pm.end() else pm.start()
        body = doc.text[p_start : pm.end()]
        if not body.strip():
            continue
        p_index = len(doc.paragraphs)
        doc.paragraphs.append((p_start, pm.end()))
        for s in sentenize(body):
            start = p_start + s.start
            sent = Sentence(start, start + len(s.text), s.text, p_index, len(doc.tokens))
            s_index = len(doc.sentences)
            for t in tokenize(s.text):
                doc.tokens.append(Token(t.text, start + t.start, start + t.stop, s_index))
            sent.tok_end = len(doc.tokens)
            doc.sentences.append(sent)
    doc._sent_starts = []
    return doc
