"""Query results with names in one language: every cell (or list item) that spells a
State, IGO or Official the graph knows is replaced by its name in the chosen language
(graph.store.name_spellings). The queries stay one text for all languages."""

from __future__ import annotations

from typing import Any

from dipgraph.graph.store import GraphStore, name_spellings
from dipgraph.queries.pack import QueryResult


def _swap(value: Any, table: dict[str, str]) -> Any:
    if isinstance(value, str):
        return table.get(value, value)
    if isinstance(value, list):
        return [_swap(v, table) for v in value]
    return value


def localize(store: GraphStore, result: QueryResult, lang: str) -> QueryResult:
    """``result`` with the names of states, IGOs and officials in ``lang`` (en | ru)."""
    table = name_spellings(store, lang)
    rows = [{k: _swap(v, table) for k, v in row.items()} for row in result.rows]
    return QueryResult(result.columns, rows)


__all__ = ["localize"]
