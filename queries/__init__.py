"""dipgraph.queries: Cypher query packs (queries/*.cypher) and their runner.

The library behind `dipgraph query`::

    from dipgraph.queries import QueryPack
    pack = QueryPack.builtin()
    pack.run(store, "bilateral_contacts", {"a": "KZ", "b": "NL"})   # -> QueryResult

Parsing lives in ``loader`` (headers, parameter declarations), binding and running in
``pack``. Only ``dipgraph.graph.store`` is imported: no NLP, no NetworkX.

The packs read the graph as dipgraph.loaders.mapping writes it: each Event links to its
parties (State, or IGO Organization with a ``code``) by ``INVOLVES {role: 'party'}``, to
its officials by ``INVOLVES {role: <title>}``, to its host by ``INVOLVES {role: 'host'}``
and to its venue by ``AT``; contact edges (MET, ACCREDITED, CONSULTED, HOSTED) carry
``event_id``, ``date``, ``release_id`` and the evidence sentence.
"""

from dipgraph.queries.loader import PARAM_TYPES, PackError, Param, QuerySource, parse_pack
from dipgraph.queries.localize import localize
from dipgraph.queries.pack import (
    ParamError,
    Query,
    QueryPack,
    QueryResult,
    QueryUsageError,
    UnknownOfficial,
    UnknownQuery,
    UnknownState,
)

__all__ = [
    "PARAM_TYPES",
    "PackError",
    "Param",
    "ParamError",
    "Query",
    "QueryPack",
    "QueryResult",
    "QuerySource",
    "QueryUsageError",
    "UnknownOfficial",
    "UnknownQuery",
    "UnknownState",
    "localize",
    "parse_pack",
]
