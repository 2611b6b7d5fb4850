"""Stage 1: paragraphs, sentences and tokens (razdel), with character offsets.

Sentences never cross a paragraph (line) boundary: releases put one item per line.
"""

from __future__ import annotations

import re

from dipgraph.loaders.extract.doc import Document, Sentence, Token

#: longer sentences are skipped (see segment); the events stage bounds people per sentence
MAX_SENTENCE_CHARS = 3000

_PARA_RE = re.compile(r"[^\n]+")
# a line wrapped inside a sentence: no closing punctuation, the next line goes on in lower
# case ("посольство Казахстана организовало\nбрифинг для ...")
_WRAPPED_RE = re.compile(r"(?<=[^.!?:;»\"”)\s])\n(?=[a-zа-яё])")
# sentences glued without a space ("в Telegram-канале.Саидов рассказал"): split there
_GLUED_RE = re.compile(r"(?<=[a-zа-яё]{2}[.!?])(?=[А-ЯЁ][а-яё])")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs: lines, with wrapped lines joined."""
    out: list[tuple[int, int]] = []
    for m in _PARA_RE.finditer(text):
        if out and _WRAPPED_RE.match(text, out[-1][1]) and text[out[-1][1]] == "\n":
            out[-1] = (out[-1][0], m.end())
        else:
            out.append((m.start(), m.end()))
    return out


# "... с коллегой Ван И. Перед заседанием ...": a one-letter name ends a sentence when
# the next word is no name
_LETTER_END_RE = re.compile(r"[А-ЯЁ][а-яё]+ [А-ЯЁ]\.(\s+)(?=([А-ЯЁ][а-яё]+))")


def _letter_ends(text: str) -> list[int]:
    from dipgraph.loaders.lang.ru.models import parses

    out = []
    for m in _LETTER_END_RE.finditer(text):
        ps = parses(m.group(2))
        if not any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in ps):
            out.append(m.end(1))
    return out


def _sentences(body: str):
    from razdel import sentenize

    for s in sentenize(body):
        cuts = sorted([m.start() for m in _GLUED_RE.finditer(s.text)] + _letter_ends(s.text))
        lo = 0
        for cut in [*cuts, len(s.text)]:
            piece = s.text[lo:cut]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                yield s.start + lo + lead, piece.strip()
            lo = cut


def dateline_end(text: str) -> int:
    """Offset right after the dateline ("Астана. 3 марта. KAZAKHSTAN TODAY - "), -1 when
    there is none: the dateline is no part of the first sentence."""
    from dipgraph.loaders.lang.ru.dates import parse_dateline

    dl = parse_dateline(text)
    return -1 if dl is None else dl.end


def segment(doc: Document) -> Document:
    from razdel import tokenize

    doc.tokens, doc.sentences, doc.paragraphs = [], [], []
    skip_to = dateline_end(doc.text)
    for p_from, p_end in paragraphs(doc.text):
        p_start = max(p_from, skip_to) if p_from <= skip_to < p_end else p_from
        body = doc.text[p_start:p_end]
        if not body.strip():
            continue
        sentences = [(p_start + s_start, s_text) for s_start, s_text in _sentences(body)]
        # a sentence past the bound (hostile or broken input) is cut out here, before the
        # taggers spend minutes on it; its paragraph goes on as the pieces around it
        p_index = None
        for start, s_text in sentences:
            if len(s_text) > MAX_SENTENCE_CHARS:
                doc.warnings.append(
                    f"sentence at offset {start} skipped: {len(s_text)} characters "
                    f"(longer than {MAX_SENTENCE_CHARS})"
                )
                p_index = None
                continue
            if p_index is None:
                p_index = len(doc.paragraphs)
                whole = all(len(t) <= MAX_SENTENCE_CHARS for _, t in sentences)
                doc.paragraphs.append((p_start, p_end) if whole else (start, start + len(s_text)))
            elif doc.paragraphs[p_index][1] < start + len(s_text):
                doc.paragraphs[p_index] = (doc.paragraphs[p_index][0], start + len(s_text))
            sent = Sentence(start, start + len(s_text), s_text, p_index, len(doc.tokens))
            s_index = len(doc.sentences)
            for t in tokenize(s_text):
                doc.tokens.append(Token(t.text, start + t.start, start + t.stop, s_index))
            sent.tok_end = len(doc.tokens)
            doc.sentences.append(sent)
    doc._sent_starts = []
    return doc
