"""Parsing query-pack files: named Cypher queries with machine-readable headers.

A pack is a ``.cypher`` file of queries, each introduced by comment headers::

    // name: bilateral_contacts
    // description: contacts between two parties in a date range, with evidence
    // params: a (state code), b (state code), from (date, optional), to (date, optional),
    //   limit (int, default 20)
    MATCH ...

``name`` starts a query and must be a lowercase identifier. Header lines may continue on
following comment lines that start with extra indentation. Other comments are kept in
the text. Each parameter is ``name (type[, optional | , default VALUE])``; the types are
those of ``PARAM_TYPES``; ``YYYY-MM-DD`` is accepted for ``date``, and a bare
``(optional)`` means optional text. Every ``$param`` a query uses must be declared, and
every declared parameter used: a mismatch is a PackError naming the query and the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

#: parameter types a pack may declare; see dipgraph.queries.pack.convert for their forms
PARAM_TYPES = {
    "state code": "an ISO 3166 alpha-2 code or an IGO code (KZ, NL, EU, UN, ...)",
    "date": "a date YYYY-MM-DD",
    "int": "a whole number",
    "text": "any text",
    "official": "an official's id (official:kz:...) or exact name",
    "event id": "an event id (event:...)",
    "release id": "a release id (sha256 hex)",
    "any": "a JSON value (number, true/false, list) or else text",
}
TYPE_ALIASES = {
    "yyyy-mm-dd": "date",
    "state": "state code",
    "code": "state code",
    "integer": "int",
    "string": "text",
    "str": "text",
    "official id": "official",
    "event": "event id",
    "release": "release id",
}

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_HEADER = re.compile(r"^//\s*(name|description|params)\s*:\s*(.*)$")
_CONTINUATION = re.compile(r"^//\s{2,}(\S.*)$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?$")
_USED = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class PackError(ValueError):
    """A pack file is malformed; the message names the file, line and query."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "text"
    optional: bool = False
    default: str | None = None  # as written in the header; converted like user input

    @property
    def required(self) -> bool:
        return not self.optional and self.default is None

    def describe(self) -> str:
        extra = ", optional" if self.optional else ""
        if self.default is not None:
            extra = f", default {self.default}"
        return f"{self.name} ({self.type}{extra})"


@dataclass(frozen=True)
class QuerySource:
    """One named query as written in a pack file."""

    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    path: str
    line: int

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _split_params(text: str) -> list[str]:
    """Split on commas outside parentheses."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return [p for p in parts if p]


def parse_params(text: str, where: str = "") -> tuple[Param, ...]:
    """``a (state code), from (date, optional), limit (int, default 20)`` -> Params."""
    params: list[Param] = []
    for part in _split_params(text):
        m = _PARAM.match(part)
        if not m:
            raise PackError(f"{where}: cannot read parameter {part!r}; expected 'name (type)'")
        name, spec = m.group(1), m.group(2)
        type_, optional, default = "text", False, None
        words = [w.strip() for w in (spec or "").split(",") if w.strip()]
        for i, word in enumerate(words):
            lowered = word.lower()
            if lowered == "optional":
                optional = True
            elif lowered.startswith("default"):
                default = word[len("default") :].strip().lstrip("=:").strip()
            elif i == 0:
                type_ = TYPE_ALIASES.get(lowered, lowered)
                if type_ not in PARAM_TYPES:
                    raise PackError(
                        f"{where}: parameter {name!r} has unknown type {word!r}; "
                        f"expected one of: {', '.join(PARAM_TYPES)}"
                    )
            else:
                raise PackError(f"{where}: parameter {name!r}: cannot read {word!r}")
        if any(p.name == name for p in params):
            raise PackError(f"{where}: parameter {name!r} declared twice")
        params.append(Param(name, type_, optional, default))
    return tuple(params)


def parse_pack(text: str, path: str = "<string>") -> list[QuerySource]:
    """All named queries of one pack file, in file order.

    A file without any ``// name:`` header is one query named after the file.
    """
    lines = text.splitlines()
    blocks: list[tuple[int, dict[str, str], list[str]]] = []
    headers: dict[str, str] | None = None
    last_key: str | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        m = _HEADER.match(line.strip())
        if m:
            key, value = m.group(1), m.group(2).strip()
            if key == "name":
                headers = {"name": value}
                blocks.append((number, headers, []))
            elif headers is None or blocks[-1][2]:
                raise PackError(f"{path}:{number}: '// {key}:' must follow a '// name:' header")
            else:
                headers[key] = value
            last_key = key
            continue
        c = _CONTINUATION.match(line)
        if c and last_key is not None and blocks and not blocks[-1][2]:
            headers[last_key] += " " + c.group(1).strip()  # type: ignore[index]
            continue
        last_key = None
        if blocks:
            blocks[-1][2].append(raw)
        elif line.strip() and not line.strip().startswith("//"):
            # text before any header: the whole file is one unnamed query
            stem = Path(path).stem.replace("-", "_").lower()
            return [_single(text, stem, path)]
    if not blocks:
        stem = Path(path).stem.replace("-", "_").lower()
        return [_single(text, stem, path)]
    return [_make(headers, body, path, number) for number, headers, body in blocks]


def _single(text: str, name: str, path: str) -> QuerySource:
    """A file of one query with no headers: its $params are required, of type any."""
    if not _NAME.match(name):
        name = "query"
    used = sorted(set(_USED.findall(text)))
    params = tuple(Param(p, "any") for p in used)
    return QuerySource(name, "", params, text.strip(), path, 1)


def _make(headers: dict[str, str], body: list[str], path: str, line: int) -> QuerySource:
    name = headers["name"]
    where = f"{path}:{line} ({name})"
    if not _NAME.match(name):
        raise PackError(f"{where}: query names are lowercase identifiers like bilateral_contacts")
    cypher = "\n".join(body).strip()
    if not cypher:
        raise PackError(f"{where}: the query has no Cypher text")
    params = parse_params(headers.get("params", ""), where)
    used = set(_USED.findall(cypher))
    declared = {p.name for p in params}
    if used - declared:
        missing = ", ".join(f"${p}" for p in sorted(used - declared))
        raise PackError(f"{where}: uses {missing} but its '// params:' line does not declare it")
    if declared - used:
        extra = ", ".join(sorted(declared - used))
        raise PackError(f"{where}: declares {extra} but never uses it")
    return QuerySource(name, headers.get("description", ""), params, cypher, path, line)


def load_file(path: str | Path) -> list[QuerySource]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PackError(f"cannot read query pack {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError:
        raise PackError(f"{path} is not a query pack: not UTF-8 text") from None
    return parse_pack(text, str(path))


def builtin_files() -> list[Path]:
    """The pack files installed with dipgraph (queries/*.cypher)."""
    return sorted(Path(__file__).resolve().parent.glob("*.cypher"))


def load_paths(paths: list[str | Path]) -> dict[str, QuerySource]:
    """Queries of several pack files by name; a name defined twice is a PackError."""
    queries: dict[str, QuerySource] = {}
    for path in paths:
        for q in load_file(path):
            if q.name in queries:
                first = queries[q.name]
                raise PackError(
                    f"{q.path}:{q.line}: query {q.name!r} is already defined at "
                    f"{first.path}:{first.line}"
                )
            queries[q.name] = q
    return queries
