"""Every pack query, and every statement the stores send, through Neo4j's own Cypher 5
parser and semantic checker.

Errors (severity 1) fail; warnings (e.g. the deprecated `CALL { WITH x ... }` form, which
CYPHER.md keeps because FalkorDB needs it) are reported, not failed.
"""

from __future__ import annotations

import pytest
from cypher_lint import errors, lint, require_linter
from fixture_graph import fixture_batches, seed_batch

from dipgraph.graph import statements
from dipgraph.graph.store import ReleaseQueries
from dipgraph.queries import QueryPack

pytestmark = pytest.mark.linter
PACK = QueryPack.builtin()


@pytest.fixture(scope="module")
def diagnostics():
    require_linter()
    return lint({q.name: q.cypher for q in PACK})


@pytest.mark.parametrize("name", PACK.names())
def test_query_has_no_lint_error(diagnostics, name):
    found = diagnostics[name]
    for d in found:
        if not d.is_error:
            print(f"{name}: {d}")
    bad = errors({name: found})
    assert not bad, "\n".join(f"{name}: {d}" for d in bad.get(name, []))


def test_the_linter_catches_what_cypher_md_forbids():
    require_linter()
    found = errors(
        lint(
            {
                "exists_prop": "MATCH (n:State) WHERE exists(n.code) RETURN n.code AS c",
                "size_pattern": "MATCH (n:State) RETURN size((n)<-[:INVOLVES]-()) AS k",
                "portable": "MATCH (n:State {code: $a}) RETURN n.code AS c",
            }
        )
    )
    assert set(found) == {"exists_prop", "size_pattern"}


class _Recorder(ReleaseQueries):
    """The shared reads' Cypher, recorded instead of run."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def run(self, cypher, params=None, *, write=False):
        self.seen.append(cypher)
        return []


def test_every_statement_the_stores_send_passes_neo4js_linter():
    """Writes (per clause, and as the embedded store's one statement), retractions of
    every shape a release can hold, the upgrade of a legacy graph and the shared reads."""
    require_linter()
    texts: dict[str, str] = {}
    held = {name: ["k"] for name in statements.HELD_SHAPES}
    held |= {f"{name}_to": ["k"] for name, s in statements.HELD_SHAPES.items() if len(s) == 3}
    for i, batch in enumerate([seed_batch(), *fixture_batches()]):
        for clause in statements.write_clauses(batch):
            texts[f"b{i}.{clause.name}.unwind"] = clause.unwind_statement()
            texts[f"b{i}.{clause.name}.foreach"] = clause.foreach_statement()
        # the retraction of every shape is one 64 KB segment, 20 s to lint: once is enough
        retract = (batch.release_id, held) if i == 0 else (None, None)
        texts[f"b{i}.single"] = statements.single_query(batch, *retract)[0]
    texts["retract.single"] = statements.single_query(None, "r", held)[0]
    for i, (text, _) in enumerate(statements.retract_statements("r", held)):
        texts[f"retract{i}"] = text
    for i, text in enumerate(statements.upgrade_statements()):
        texts[f"upgrade{i}"] = text
    for i, text in enumerate(statements.legacy_probe_statements()):
        texts[f"probe{i}"] = text
    texts["complete"] = statements.mark_complete("r")[0]
    reads = _Recorder()
    reads.has_release("r"), reads.incomplete_releases(), reads.releases_with_source("u")
    reads.held_properties("r"), reads.count_nodes(), reads.count_edges()
    reads.count_releases(), reads.count_by_label_and_type()
    texts |= {f"read{i}": text for i, text in enumerate(reads.seen)}
    assert len(texts) > 150
    distinct = {text: name for name, text in reversed(texts.items())}  # batches share clauses
    found = errors(lint({name: text for text, name in distinct.items()}))
    assert not found, found
