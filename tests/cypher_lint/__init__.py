"""Neo4j's own Cypher linter for tests: ``lint({name: cypher}) -> {name: [Diagnostic]}``.

Runs ``lint.mjs`` (npm ``@neo4j-cypher/language-support``, ``lintCypherQuery``: Neo4j's
Cypher 5 parser and semantic checker) with node. Install once with
``npm ci --prefix tests/cypher_lint``. Every ``$param`` a text uses is declared to the
linter, so "Parameter $x is not defined" never shows; labels and relationship types come
from dipgraph's model (an unknown one is a warning, not an error).

    from cypher_lint import lint, errors, require_linter
    require_linter()                      # skip (user) or fail (CI=true) if node is missing
    found = lint({"ddl": "CREATE CONSTRAINT ..."})
    assert not errors(found)
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from dipgraph.graph.model import EDGE_TYPES, NODE_LABELS

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "lint.mjs"
PACKAGE = HERE / "node_modules" / "@neo4j-cypher" / "language-support"
ERROR, WARNING, INFORMATION, HINT = 1, 2, 3, 4
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class Diagnostic:
    severity: int  # 1 error, 2 warning, 3 information, 4 hint (LSP)
    message: str
    line: int  # 1-based
    character: int  # 1-based
    offset: int  # 0-based into the text

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        kind = {ERROR: "error", WARNING: "warning"}.get(self.severity, "info")
        return f"{self.line}:{self.character} {kind}: {self.message}"


def unavailable() -> str | None:
    """Why the linter cannot run here, or None if it can."""
    if shutil.which("node") is None:
        return "node is not installed (needed for the Cypher linter)"
    if not PACKAGE.exists():
        return (
            "the Cypher linter is not installed: run `npm ci --prefix tests/cypher_lint` "
            "(@neo4j-cypher/language-support)"
        )
    return None


def require_linter() -> None:
    """Skip the calling test on a user's machine, fail it under CI, if the linter is missing."""
    reason = unavailable()
    if reason:
        from conftest import missing_tool

        missing_tool(reason)


def lint(
    queries: dict[str, str], parameters: dict[str, object] | None = None
) -> dict[str, list[Diagnostic]]:
    """Lint each named Cypher text; returns every diagnostic (errors and warnings) per name."""
    params: dict[str, object] = {p: None for text in queries.values() for p in _PARAM.findall(text)}
    params.update(parameters or {})
    payload = {
        "queries": queries,
        "schema": {
            "labels": list(NODE_LABELS),
            "relationshipTypes": list(EDGE_TYPES),
            "parameters": params,
        },
    }
    proc = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,  # a 64 KB statement takes 20 s on a quiet 2-core machine
    )
    if proc.returncode != 0:
        raise RuntimeError(f"the Cypher linter failed: {proc.stderr.strip()}")
    out = json.loads(proc.stdout)
    return {name: [Diagnostic(**d) for d in diags] for name, diags in out["diagnostics"].items()}


def errors(found: dict[str, list[Diagnostic]]) -> dict[str, list[Diagnostic]]:
    """Only the names with errors (severity 1), and only their errors."""
    bad = {name: [d for d in diags if d.is_error] for name, diags in found.items()}
    return {name: diags for name, diags in bad.items() if diags}
