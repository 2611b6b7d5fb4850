"""Property tests: the English pipeline never crashes on arbitrary English-like text, and
the cross-script name key is a fixed point of itself."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dipgraph.graph.model import Release, name_key
from dipgraph.loaders.extract import extract

words = st.sampled_from(
    "Minister Ambassador of the Kazakhstan Norway met with held talks consultations "
    "credentials H.E. Mr. Roman Vassilenko Deputy Foreign , . - – ( ) ' ’s and in on "
    "Astana EU UN SCO John A. S Jaishankar received was by between joint meeting "
    "hosted reception Embassy attended summit phone conversation will 3 March 2025".split()
)
english = st.lists(words, max_size=60).map(" ".join)
settings.register_profile(
    "dipgraph-en", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("dipgraph-en")


@given(english, st.sampled_from([None, "KZ", "EU"]))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_english_extraction_never_crashes_and_keeps_the_contract(text, publisher):
    release = Release.from_text(text, language="en", publisher=publisher)
    x = extract(release)
    assert x.error is None
    for e in x.events:
        assert e.type in ("MET", "ACCREDITED", "CONSULTED", "HOSTED")
        assert e.evidence.sentence == release.text[e.evidence.start : e.evidence.end]
        assert len(set(e.parties)) == len(e.parties)


@given(st.text(max_size=80))
@settings(deadline=None)
def test_name_key_is_a_fixed_point(name):
    assert name_key(name_key(name)) == name_key(name)
