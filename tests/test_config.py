"""load_settings: explicit arguments over the environment over the config file."""

from __future__ import annotations

from pathlib import Path

import pytest

from dipgraph.config import load_settings
from dipgraph.graph.store import StoreError

VARS = (
    "DIPGRAPH_STORE",
    "DIPGRAPH_DATA_DIR",
    "DIPGRAPH_CONFIG",
    "DIPGRAPH_BATCH_SIZE",
    "NEO4J_URI",
    "NEO4J_USER",
    "NEO4J_USERNAME",
    "NEO4J_PASSWORD",
    "NEO4J_DATABASE",
)


@pytest.fixture
def env(monkeypatch, tmp_path):
    """A clean environment with an (empty) config file of its own."""
    for var in VARS:
        monkeypatch.delenv(var, raising=False)
    config = tmp_path / "config.toml"
    config.write_text("")
    monkeypatch.setenv("DIPGRAPH_CONFIG", str(config))
    return monkeypatch, config


def test_defaults_are_the_embedded_store(env):
    settings = load_settings()
    assert settings.backend == "embedded"
    assert settings.neo4j_uri == "bolt://localhost:7687"


def test_neo4j_uri_alone_selects_the_neo4j_store(env):
    monkeypatch, _ = env
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    monkeypatch.setenv("NEO4J_USERNAME", "analyst")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret")
    monkeypatch.setenv("DIPGRAPH_BATCH_SIZE", "500")
    s = load_settings()
    assert (s.backend, s.neo4j_uri, s.neo4j_user, s.neo4j_password, s.batch_size) == (
        "neo4j",
        "bolt://db.example:7687",
        "analyst",
        "s3cret",
        500,
    )


def test_dipgraph_store_and_explicit_arguments_win(env):
    monkeypatch, _ = env
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    monkeypatch.setenv("DIPGRAPH_STORE", "embedded")
    assert load_settings().backend == "embedded"
    assert load_settings(store="neo4j").backend == "neo4j"
    assert load_settings(store="neo4j", neo4j_user="ops").neo4j_user == "ops"


def test_the_config_file_is_read_and_the_environment_overrides_it(env, tmp_path):
    monkeypatch, config = env
    config.write_text(
        'data_dir = "~/dg"\nbatch_size = 2000\n'
        '[neo4j]\nuri = "bolt://file.example:7687"\nuser = "reader"\npassword = "p"\n'
        'database = "diplomacy"\n'
    )
    s = load_settings()
    assert s.backend == "neo4j"  # a URI in the file selects neo4j too
    assert (s.neo4j_uri, s.neo4j_user, s.neo4j_database, s.batch_size) == (
        "bolt://file.example:7687",
        "reader",
        "diplomacy",
        2000,
    )
    assert s.data_dir == Path("~/dg").expanduser()
    monkeypatch.setenv("NEO4J_USER", "writer")
    assert load_settings().neo4j_user == "writer"
    assert load_settings(data_dir=tmp_path).data_dir == tmp_path


@pytest.mark.parametrize(
    "text, message",
    [
        ("nonsense = = 1", "cannot read config file"),
        ("colour = 'blue'", "unknown setting"),
        ("batch_size = 'many'", "must be an integer"),
        ("store = 'sqlite'", "unknown store 'sqlite'"),
    ],
)
def test_a_bad_config_file_is_a_clear_error(env, text, message):
    _, config = env
    config.write_text(text)
    with pytest.raises(StoreError, match=message):
        load_settings()


def test_a_missing_named_config_file_is_an_error(env, tmp_path):
    monkeypatch, _ = env
    monkeypatch.setenv("DIPGRAPH_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(StoreError, match="config file not found"):
        load_settings()
