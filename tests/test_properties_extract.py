"""Property tests: readers and normalizers never crash on arbitrary text or bytes."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dipgraph.graph.model import Release
from dipgraph.loaders.extract import extract
from dipgraph.loaders.lang.ru.names import normalize_name, normalize_token, resolve
from dipgraph.loaders.lang.ru.roles import parse_title
from dipgraph.loaders.lang.ru.states import find_states
from dipgraph.loaders.sources import SourceError, decode_bytes, read_source

russian = st.text(
    alphabet=st.sampled_from(list('абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕКМНОПРСТ .,-\n"«»')),
    max_size=300,
)
settings.register_profile("dipgraph", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("dipgraph")


@given(st.binary(max_size=2000))
@settings(max_examples=150)
def test_read_source_on_any_bytes_returns_releases_or_a_source_error(data):
    try:
        releases = read_source(io.BytesIO(data))
    except SourceError as exc:
        assert "\n" not in str(exc) and exc.problem
    else:
        assert all(isinstance(r, Release) for r in releases)


@given(st.binary(max_size=500))
def test_decode_bytes_returns_text_or_source_error(data):
    try:
        text, enc = decode_bytes(data)
    except SourceError:
        return
    assert isinstance(text, str) and enc


@given(st.text(max_size=200))
def test_normalizers_never_crash(text):
    words = text.split()
    assert isinstance(normalize_name(words), str)
    for w in words[:5]:
        assert isinstance(normalize_token(w, "gent", "masc"), str)
    assert isinstance(resolve(words), dict)
    find_states(text)
    parse_title(text)


@given(st.one_of(russian, st.text(max_size=300)))
@settings(max_examples=40)
def test_extract_never_crashes_and_events_point_into_the_text(text):
    r = Release.from_text(text)
    x = extract(r)
    for e in x.events:
        assert r.text[e.evidence.start : e.evidence.end] == e.evidence.sentence
        assert e.type in ("MET", "ACCREDITED", "CONSULTED", "HOSTED")
