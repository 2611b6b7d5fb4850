"""Callable queries and the QueryPack that finds, binds and runs them.

    from dipgraph.queries import QueryPack
    pack = QueryPack.builtin()
    result = pack.run(store, "bilateral_contacts", {"a": "KZ", "b": "NL"})
    result.columns, result.rows

Every value reaches the store as a Cypher parameter, never inside the query text. Values
come in as strings (from the command line) and are checked and converted by the type the
pack declares; state codes and officials are then looked up in the graph, so a typo gets
"no such State in the graph; did you mean ...?" instead of an empty result.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dipgraph.graph.store import GraphStore, count_statements
from dipgraph.queries.loader import (
    PARAM_TYPES,
    Param,
    QuerySource,
    builtin_files,
    load_paths,
)

_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]{1,9}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class QueryUsageError(ValueError):
    """The query was asked for wrongly; the message says what to give instead."""


class UnknownQuery(QueryUsageError):
    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.suggestions = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
        self.suggestions += [k for k in known if name and name in k and k not in self.suggestions][
            : 3 - len(self.suggestions)
        ]
        hint = f"; did you mean {_or(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown query {name!r}{hint} (`dipgraph query --list` shows all)")


class ParamError(QueryUsageError):
    """A parameter is missing, unknown or malformed."""

    def __init__(self, message: str, param: str | None = None) -> None:
        self.param = param
        super().__init__(message)


class UnknownState(ParamError):
    """A well-formed state code that the graph has no State (or IGO) for."""


class UnknownOfficial(ParamError):
    """No official (or more than one) in the graph matches the given id or name."""


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def convert(param: Param, value: Any, query: str = "") -> Any:
    """A user's value (usually a string) -> the Cypher parameter value for its type."""
    where = f"parameter {param.name!r}" + (f" of {query}" if query else "")
    expected = PARAM_TYPES.get(param.type, param.type)
    text = value.strip() if isinstance(value, str) else value

    def bad() -> ParamError:
        return ParamError(f"{where}: expected {expected}, got {value!r}", param.name)

    if param.type == "int":
        if isinstance(text, bool):
            raise bad()
        try:
            number = int(text)
        except (TypeError, ValueError):
            raise bad() from None
        low = 0 if param.name == "limit" else -(2**63)
        if not low <= number < 2**63:  # the stores' integers are 64-bit; LIMIT is not < 0
            span = "0 to 2^63-1" if low == 0 else "-2^63 to 2^63-1"
            raise ParamError(f"{where}: {number} is out of range ({span})", param.name)
        return number
    if not isinstance(text, str):
        if param.type == "any":
            return text
        text = str(text)
    if param.type == "any":
        try:
            return json.loads(text)
        except ValueError:
            return value
    if not text:
        raise ParamError(f"{where}: expected {expected}, got an empty value", param.name)
    if param.type == "state code":
        if not _CODE.match(text):
            raise bad()
        return text.upper()
    if param.type == "date":
        if not _DATE.match(text):
            raise bad()
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            msg = f"{where}: {text!r} is not a real date (YYYY-MM-DD)"
            raise ParamError(msg, param.name) from None
        return text
    if param.type == "event id" and not text.startswith("event:"):
        raise bad()
    return text


@dataclass
class QueryResult:
    """Column names in the query's RETURN order, and one dict per row."""

    columns: list[str]
    rows: list[dict[str, Any]]

    def tuples(self) -> list[tuple]:
        return [tuple(row.get(c) for c in self.columns) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


def returned_columns(cypher: str) -> list[str]:
    """The column names of a query's last RETURN (for results without rows)."""
    stripped = re.sub(r"//[^\n]*", "", cypher)
    stripped = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", stripped)
    matches = list(re.finditer(r"\bRETURN\b(\s+DISTINCT\b)?", stripped, re.IGNORECASE))
    if not matches:
        return []
    tail = stripped[matches[-1].end() :]
    end = re.search(r"\b(ORDER\s+BY|SKIP|LIMIT|UNION)\b", tail, re.IGNORECASE)
    tail = tail[: end.start()] if end else tail
    columns, depth, current = [], 0, ""
    for ch in tail + ",":
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            item = current.strip()
            alias = re.search(r"\bAS\s+`?([A-Za-z_][A-Za-z0-9_]*)`?\s*$", item, re.IGNORECASE)
            if item:
                columns.append(alias.group(1) if alias else item)
            current = ""
        else:
            current += ch
    return columns


@dataclass
class Query:
    """One named, documented, parameterized query."""

    source: QuerySource

    name = property(lambda self: self.source.name)
    description = property(lambda self: self.source.description)
    params = property(lambda self: self.source.params)
    cypher = property(lambda self: self.source.cypher)

    def signature(self) -> str:
        return ", ".join(p.describe() for p in self.params)

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Check and convert the given values; every declared parameter gets a value."""
        declared = {p.name: p for p in self.params}
        for key in given:
            if key not in declared:
                close = difflib.get_close_matches(key, list(declared), n=1, cutoff=0.5)
                hint = f"; did you mean {close[0]}?" if close else ""
                takes = self.signature() or "no parameters"
                raise ParamError(
                    f"query {self.name} has no parameter {key!r}{hint} (it takes: {takes})", key
                )
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in given and given[p.name] is not None:
                bound[p.name] = convert(p, given[p.name], self.name)
            elif p.default is not None:
                bound[p.name] = convert(p, p.default, self.name)
            elif p.optional:
                bound[p.name] = None
            else:
                expected = PARAM_TYPES.get(p.type, p.type)
                raise ParamError(
                    f"query {self.name} needs parameter {p.name!r} ({expected}): "
                    f"give it as -p {p.name}=VALUE",
                    p.name,
                )
        return bound

    def resolve(self, store: GraphStore, bound: dict[str, Any]) -> dict[str, Any]:
        """Look state codes and officials up in the graph; clear errors for unknown ones."""
        resolved = dict(bound)
        for p in self.params:
            value = bound.get(p.name)
            if value is None:
                continue
            if p.type == "state code":
                resolved[p.name] = resolve_party(store, p.name, value)
            elif p.type == "official":
                resolved[p.name] = resolve_official(store, p.name, value)
        return resolved

    def __call__(
        self, store: GraphStore, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        bound = self.resolve(store, self.bind(params or {}))
        rows = store.run(self.cypher, bound, write=write)
        columns = list(rows[0]) if rows else returned_columns(self.cypher)
        return QueryResult(columns, rows)


class GraphSummary(Query):
    """graph_summary, the built-in query that is not one Cypher text: each count is a
    statement of its own (graph.store.count_statements), the only form FalkorDB and Neo4j
    answer from the counts they keep, so it stays exact and takes milliseconds at any
    size; its rows are shaped as a pack query's would be (none for a count of 0)."""

    COLUMNS = ["kind", "name", "count"]

    def __init__(self) -> None:
        cypher = "\n".join(f"{statement};" for _, _, statement in count_statements())
        description = "How many nodes of each label and edges of each type the graph holds."
        super().__init__(QuerySource("graph_summary", description, (), cypher, __file__, 1))

    def __call__(
        self, store: GraphStore, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        self.bind(params or {})
        counts = [c for c in store.count_by_label_and_type() if c[2] > 0]
        counts.sort(key=lambda c: (c[0] != "node", c[1]))
        return QueryResult(self.COLUMNS, [dict(zip(self.COLUMNS, c, strict=True)) for c in counts])


def resolve_party(store: GraphStore, param: str, code: str) -> str:
    """A state or IGO code as the graph spells it, or UnknownState with suggestions."""
    rows = store.run(
        "OPTIONAL MATCH (s:State {code: $code}) "
        "OPTIONAL MATCH (o:Organization {code: $code}) "
        "RETURN s.code AS state, o.code AS igo",
        {"code": code},
    )
    if rows and (rows[0]["state"] or rows[0]["igo"]):
        return code
    known = store.run(
        "MATCH (s:State) RETURN s.code AS code, coalesce(s.name_en, s.name_ru) AS name "
        "UNION MATCH (o:Organization) WHERE o.code IS NOT NULL "
        "RETURN o.code AS code, o.name AS name"
    )
    names = {r["code"]: r["name"] or "" for r in known}
    for known_code in names:  # IGO codes are not all upper case (CoE)
        if known_code.upper() == code.upper():
            return known_code
    by_name = {(n or "").lower(): c for c, n in names.items()}
    close = difflib.get_close_matches(code.lower(), list(by_name), n=3, cutoff=0.6)
    close_codes = [by_name[n] for n in close]
    others = [c for c in names if c not in close_codes]
    close_codes += difflib.get_close_matches(code.upper(), others, n=3, cutoff=0.5)
    hint = ""
    if close_codes:
        shown = [f"{c} ({names[c]})" if names[c] else c for c in close_codes[:3]]
        hint = f"; did you mean {_or(shown)}?"
    elif not names:
        hint = "; the graph has no states yet (load releases with `dipgraph load`)"
    raise UnknownState(
        f"unknown state code {code} for parameter {param!r}: no such State in the graph{hint}",
        param,
    )


def resolve_official(store: GraphStore, param: str, value: str) -> str:
    """An official's id, given the id or the exact name (any case, alias or latin form)."""
    if value.startswith("official:"):
        rows = store.run("MATCH (o:Official {id: $id}) RETURN o.id AS id", {"id": value})
        if rows:
            return value
    else:
        rows = store.run(
            "MATCH (o:Official) WHERE toLower(o.name) = toLower($name) "
            "OR toLower(o.latin) = toLower($name) "
            "OR toLower($name) IN [a IN coalesce(o.aliases, []) | toLower(a)] "
            "RETURN o.id AS id, o.name AS name, o.state AS state ORDER BY id",
            {"name": value},
        )
        if len(rows) == 1:
            return rows[0]["id"]
        if len(rows) > 1:
            listed = ", ".join(f"{r['id']} ({r['name']}, {r['state']})" for r in rows[:5])
            raise UnknownOfficial(
                f"parameter {param!r}: {len(rows)} officials are called {value!r}: {listed}; "
                "give the id instead",
                param,
            )
    names = store.run("MATCH (o:Official) RETURN o.id AS id, o.name AS name")
    by_name = {r["name"]: r["id"] for r in names if r["name"]}
    close = difflib.get_close_matches(value, list(by_name), n=3, cutoff=0.5)
    hint = f"; did you mean {_or([f'{n} ({by_name[n]})' for n in close])}?" if close else ""
    raise UnknownOfficial(f"parameter {param!r}: no official {value!r} in the graph{hint}", param)


@dataclass
class QueryPack:
    """Named queries from one or more pack files."""

    queries: dict[str, Query] = field(default_factory=dict)

    @classmethod
    def from_files(cls, paths: list[str | Path]) -> QueryPack:
        return cls({name: Query(src) for name, src in load_paths(paths).items()})

    @classmethod
    def builtin(cls) -> QueryPack:
        """The packs installed with dipgraph (queries/*.cypher), and graph_summary."""
        pack = cls.from_files(list(builtin_files()))
        pack.queries["graph_summary"] = GraphSummary()
        return pack

    def names(self) -> list[str]:
        return sorted(self.queries)

    def __iter__(self) -> Iterator[Query]:
        return iter(self.queries[name] for name in self.names())

    def __len__(self) -> int:
        return len(self.queries)

    def __contains__(self, name: object) -> bool:
        return name in self.queries

    def get(self, name: str) -> Query:
        try:
            return self.queries[name]
        except KeyError:
            raise UnknownQuery(name, self.names()) from None

    def bind(self, name: str, params: Mapping[str, Any]) -> dict[str, Any]:
        return self.get(name).bind(params)

    def run(
        self,
        store: GraphStore,
        name: str,
        params: Mapping[str, Any] | None = None,
        *,
        write: bool = False,
    ) -> QueryResult:
        return self.get(name)(store, params, write=write)
