"""Stage 1: paragraphs, sentences and tokens (razdel), with character offsets.

Sentences never cross a paragraph (line) boundary: releases put one item per line.
"""

from __future__ import annotations

import re

from dipgraph.loaders.extract.doc import Document, Sentence, Token

_PARA_RE = re.compile(r"[^\n]+")


def segment(doc: Document) -> Document:
    from razdel import sentenize, tokenize

    doc.tokens, doc.sentences, doc.paragraphs = [], [], []
    for pm in _PARA_RE.finditer(doc.text):
        if not pm.group().strip():
            continue
        p_index = len(doc.paragraphs)
        doc.paragraphs.append((pm.start(), pm.end()))
        for s in sentenize(pm.group()):
            start = pm.start() + s.start
            sent = Sentence(start, start + len(s.text), s.text, p_index, len(doc.tokens))
            s_index = len(doc.sentences)
            for t in tokenize(s.text):
                doc.tokens.append(Token(t.text, start + t.start, start + t.stop, s_index))
            sent.tok_end = len(doc.tokens)
            doc.sentences.append(sent)
    doc._sent_starts = []
    return doc
