"""The layout DESIGN.md fixes: the card's folders installed under one import name, and
imports that point one way (cli -> loaders, queries, graph; loaders -> graph.model;
queries -> graph.store; graph imports neither)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

#: what each folder may import of dipgraph (prefixes), besides itself
ALLOWED = {
    "graph": ("dipgraph.graph",),
    "loaders": ("dipgraph.loaders", "dipgraph.graph.model"),
    "queries": ("dipgraph.queries", "dipgraph.graph.store"),
}


def dipgraph_imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, n) for n in names if n.split(".")[0] in ("dipgraph", "graph",
                  "loaders", "queries")]  # fmt: skip
    return found


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_imports_point_one_way(folder):
    wrong, seen = [], 0
    for path in sorted((REPO / folder).rglob("*.py")):
        for line, name in dipgraph_imports(path):
            seen += 1
            ok = name.startswith(ALLOWED[folder]) or name in ("dipgraph", "dipgraph.version")
            if not ok:
                wrong.append(f"{path.relative_to(REPO)}:{line} imports {name}")
    assert seen, f"no dipgraph imports found under {folder}/: the scan is broken"
    assert not wrong, "\n".join(wrong)


def test_the_card_folders_install_under_one_import_name():
    import dipgraph.graph
    import dipgraph.loaders
    import dipgraph.queries

    for module, folder in (
        (dipgraph.graph, "graph"),
        (dipgraph.loaders, "loaders"),
        (dipgraph.queries, "queries"),
    ):
        assert Path(module.__file__).resolve().parent == REPO / folder


def test_the_query_command_loads_no_nlp_or_analysis_modules(tmp_path):
    code = (
        "import sys, dipgraph.cli, dipgraph.queries, dipgraph.graph.stores.embedded;"
        "heavy = [m for m in ('natasha', 'slovnet', 'navec', 'pymorphy3', 'networkx', 'pyvis',"
        " 'numpy', 'trafilatura') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
