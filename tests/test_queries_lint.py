"""Every pack query through Neo4j's own Cypher 5 parser and semantic checker.

Errors (severity 1) fail; warnings (e.g. the deprecated `CALL { WITH x ... }` form, which
CYPHER.md keeps because FalkorDB needs it) are reported, not failed.
"""

from __future__ import annotations

import pytest
from cypher_lint import errors, lint, require_linter

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
