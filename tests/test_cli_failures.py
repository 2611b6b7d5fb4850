"""No silent failure: a release whose extraction fails is named on stderr and the command
exits 1; nothing of it is printed as if it had no events."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SEED_RELEASE

from dipgraph.cli import cli
from dipgraph.loaders.lang import get_language


@pytest.fixture
def broken_release(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """A copy of the seed whose events stage fails (a fault injected into that one stage)."""
    import dipgraph.loaders.lang.ru.events as events_stage

    real = events_stage.events

    def events(doc):
        if "f90f83b2" in (doc.release.source_uri or ""):
            raise RuntimeError("injected fault")
        return real(doc)

    monkeypatch.setattr(events_stage, "events", events)
    # the language caches its stages: build them with the fault, and without it afterwards
    pipeline = type(get_language("ru")).pipeline
    pipeline.cache_clear()
    path = tmp_path / "000_f90f83b2cd359777.txt"
    shutil.copy2(SEED_RELEASE, path)
    yield path
    pipeline.cache_clear()


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_extract_names_the_release_it_could_not_extract(broken_release, fmt) -> None:
    good = EXAMPLES / "releases" / "2026-03-17_astana.txt"
    res = CliRunner().invoke(
        cli, ["extract", str(broken_release), str(good), "--year", "2026", "--format", fmt]
    )
    assert res.exit_code == 1
    failures = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    expected = f"error: {broken_release}: extraction failed: RuntimeError('injected fault')"
    assert failures == [expected]
    assert "(no events)" not in res.stdout
    if fmt == "jsonl":  # the good release is still printed, the broken one not at all
        sources = {json.loads(line)["source"] for line in res.stdout.splitlines()}
        assert sources == {str(good)}
    else:
        assert str(good) in res.stdout and str(broken_release) not in res.stdout


def test_eval_names_the_release_it_could_not_extract(broken_release) -> None:
    gold = SEED_RELEASE.parents[1] / "gold"
    res = CliRunner().invoke(cli, ["eval", "--gold", str(gold), str(broken_release)])
    assert res.exit_code == 1
    assert f"error: {broken_release}: extraction failed" in res.stderr
