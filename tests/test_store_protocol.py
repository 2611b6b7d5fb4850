"""The store protocol (graph/store.py) declares everything its callers use, and both
backends implement all of it."""

from __future__ import annotations

import ast

from conftest import REPO

from dipgraph.graph.store import GraphStore
from dipgraph.graph.stores.embedded import EmbeddedStore
from dipgraph.graph.stores.neo4j import Neo4jStore

#: the callers: the app layer, the query packs and the graph modules beside the stores
CALLERS = ["dipgraph", "queries", *[f"graph/{p.name}" for p in (REPO / "graph").glob("*.py")]]


def protocol_members() -> set[str]:
    return {name for name in dir(GraphStore) if not name.startswith("_")} | set(
        GraphStore.__annotations__
    )


def used_store_members() -> dict[str, set[str]]:
    """`store.<name>` in every caller, by name."""
    used: dict[str, set[str]] = {}
    for top in CALLERS:
        path = REPO / top
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "store"
                ):
                    used.setdefault(node.attr, set()).add(file.relative_to(REPO).as_posix())
    return used


def test_callers_use_only_what_the_protocol_declares() -> None:
    used = used_store_members()
    assert {"run", "has_release", "incomplete_releases", "releases_with_source"} <= set(used)
    undeclared = {name: files for name, files in used.items() if name not in protocol_members()}
    assert undeclared == {}


def test_both_backends_implement_the_whole_protocol(store) -> None:
    assert isinstance(store, GraphStore)
    for cls in (EmbeddedStore, Neo4jStore):
        missing = {
            m for m in protocol_members() - {"dialect"} if not callable(getattr(cls, m, None))
        }
        assert missing == set(), cls.__name__
