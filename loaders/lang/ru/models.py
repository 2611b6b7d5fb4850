"""Lazy, once-per-process loading of the NLP models.

natasha 1.6 (and yargy, which it imports) import ``pymorphy2``; pymorphy2 needs
``pkg_resources`` and breaks on Python 3.11, so ``pymorphy2`` is aliased to ``pymorphy3``
before natasha is imported. ``OPENBLAS_NUM_THREADS`` is pinned to 1 before numpy loads:
numpy threads made the taggers several times slower on small inputs.
"""

from __future__ import annotations

import os
import sys
import threading
from functools import lru_cache
from types import SimpleNamespace

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from dipgraph.loaders.lang import ModelUnavailable

_lock = threading.Lock()


_models: SimpleNamespace | None = None


def alias_pymorphy2() -> None:
    """Make ``import pymorphy2`` (natasha.morph.vocab, yargy.morph) resolve to pymorphy3."""
    import pymorphy3
    import pymorphy3.analyzer
    import pymorphy3.units
    import pymorphy3.units.base

    aliases = {
        "pymorphy2": pymorphy3,
        "pymorphy2.analyzer": pymorphy3.analyzer,
        "pymorphy2.units": pymorphy3.units,
        "pymorphy2.units.base": pymorphy3.units.base,
    }
    for name, module in aliases.items():
        current = sys.modules.get(name)
        if current is None or not getattr(current, "__name__", "").startswith("pymorphy3"):
            sys.modules[name] = module


@lru_cache(maxsize=1)
def morph():
    """The shared pymorphy3 analyzer (Russian dictionaries shipped in pymorphy3-dicts-ru)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def models() -> SimpleNamespace:
    """natasha's embedding, NER tagger and morph tagger, loaded once per process."""
    global _models
    if _models is None:
        with _lock:
            if _models is None:
                alias_pymorphy2()
                from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger

                try:  # the models are files inside the natasha and slovnet wheels
                    emb = NewsEmbedding()
                    _models = SimpleNamespace(
                        emb=emb, ner=NewsNERTagger(emb), morph_tagger=NewsMorphTagger(emb)
                    )
                except OSError as exc:
                    raise ModelUnavailable("natasha", f"cannot load its models: {exc}") from exc
    return _models


_syntax_lock = threading.Lock()
_syntax = None


def syntax_parser():
    """natasha's NewsSyntaxParser (slovnet, shipped in the wheel), loaded once."""
    global _syntax
    if _syntax is None:
        with _syntax_lock:
            if _syntax is None:
                from natasha import NewsSyntaxParser

                _syntax = NewsSyntaxParser(models().emb)
    return _syntax


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """pymorphy3 parses of a word (cached); none for words pymorphy3 cannot shape
    (it raises on some rare Unicode letters)."""
    try:
        return tuple(morph().parse(word))
    except (ValueError, KeyError):
        return ()


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """All normal forms of a word, lower case, ё -> е."""
    out = {p.normal_form.replace("ё", "е") for p in parses(word)}
    out.add(word.lower().replace("ё", "е"))
    return frozenset(out)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form of a word, lower case, ё -> е."""
    ps = parses(word)
    return (ps[0].normal_form if ps else word.lower()).replace("ё", "е")
