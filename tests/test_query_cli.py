"""`dipgraph query` end to end: a real embedded store holding the fixture graph in the
default graph name, reached with --data-dir, through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from fixture_graph import BAKAEV, write_fixture

from dipgraph.cli import cli
from dipgraph.graph.store import StoreSettings
from dipgraph.graph.stores.embedded import EmbeddedServer, EmbeddedStore
from dipgraph.queries import QueryPack


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """A server of its own: the CLI writes and reads the default graph 'dipgraph'."""
    path = tmp_path_factory.mktemp("dq", numbered=True)
    server = EmbeddedServer(path)
    server.start()
    store = EmbeddedStore(StoreSettings(data_dir=path))
    write_fixture(store)
    store.close()
    yield str(path)
    server.stop()


def query(data_dir: str, *args: str):
    result = CliRunner().invoke(cli, ["query", "--data-dir", data_dir, *args])
    return result


def test_list_shows_name_params_description(data_dir):
    out = query(data_dir, "--list")
    assert out.exit_code == 0, out.output
    for q in QueryPack.builtin():
        assert q.name in out.output
    assert "bilateral_contacts  a (state code), b (state code), from (date, optional)" in (
        out.output
    )
    listed = json.loads(query(data_dir, "--list", "--format", "json").output)
    names = [q["name"] for q in listed]
    assert names == QueryPack.builtin().names()
    partners = listed[names.index("partners")]
    assert partners["params"][-1] == {
        "name": "limit",
        "type": "int",
        "optional": True,
        "default": "20",
    }


def test_bilateral_contacts_show_the_consultations_with_evidence(data_dir):
    out = query(data_dir, "bilateral_contacts", "-p", "a=KZ", "-p", "b=NL", "--full")
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].split() == ["type", "format", "date", "evidence", "release", "event"]
    consult = [line for line in lines if line.startswith("CONSULTED")]
    assert len(consult) == 2
    assert "political_consultations  2026-03-03  Тем временем в Министерстве" in consult[1]
    assert "(6 rows)" in out.output


def test_table_fits_the_terminal_by_wrapping_evidence(data_dir, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out = query(data_dir, "bilateral_contacts", "-p", "a=KZ", "-p", "b=NL")
    assert out.exit_code == 0, out.output
    table = [line for line in out.output.splitlines() if not line.startswith("(")]
    assert max(len(line) for line in table) <= 120
    assert "event:" in out.output  # ids are kept whole
    assert "Нидерланды." in out.output  # the evidence wraps, nothing of it is lost


def test_csv_and_json_carry_the_same_rows_as_the_library(data_dir):
    store = EmbeddedStore(StoreSettings(data_dir=data_dir))
    expected = QueryPack.builtin().run(store, "partners", {"state": "KZ", "limit": "3"})
    store.close()
    args = ["partners", "-p", "state=KZ", "-p", "limit=3"]
    out = query(data_dir, *args, "--format", "csv")
    assert out.exit_code == 0, out.output
    got = list(csv.reader(io.StringIO(out.stdout)))
    assert got[0] == expected.columns
    assert got[1:] == [[str(v) for v in row] for row in expected.tuples()]
    out = query(data_dir, *args, "--format", "json")
    assert json.loads(out.stdout) == expected.rows
    # lists stay lists in JSON, and become JSON text in CSV
    out = query(data_dir, "ego_network", "-p", f"official={BAKAEV.name}", "--format", "csv")
    assert '"[""Амбарцум Матевосян""]"' in out.stdout


def test_unknown_query_suggests_close_names(data_dir):
    out = query(data_dir, "bilateral_contact", "-p", "a=KZ")
    assert out.exit_code == 2
    assert "unknown query 'bilateral_contact'; did you mean bilateral_contacts" in out.output


def test_missing_malformed_and_unknown_parameters(data_dir):
    out = query(data_dir, "bilateral_contacts", "-p", "a=KZ")
    assert out.exit_code == 2
    assert "needs parameter 'b'" in out.output and "-p b=VALUE" in out.output
    out = query(data_dir, "partners", "-p", "state=KZ", "-p", "from=03.03.2026")
    assert out.exit_code == 2
    assert "parameter 'from' of partners: expected a date YYYY-MM-DD, got '03.03.2026'" in (
        out.output
    )
    out = query(data_dir, "partners", "-p", "state")
    assert out.exit_code == 2 and "-p expects key=value" in out.output
    out = query(data_dir, "partners", "-p", "state=KZ", "-p", "limt=3")
    assert out.exit_code == 2 and "no parameter 'limt'; did you mean limit?" in out.output


def test_unknown_state_code(data_dir):
    out = query(data_dir, "partners", "-p", "state=XK")
    assert out.exit_code == 2
    assert "unknown state code XK for parameter 'state': no such State in the graph" in (out.output)
    out = query(data_dir, "bilateral_counts", "-p", "a=KZ", "-p", "b=Norway")
    assert out.exit_code == 2 and "did you mean NO (Norway)?" in out.output


def test_writes_are_refused_unless_asked_for(data_dir, tmp_path):
    pack = tmp_path / "scratch.cypher"
    pack.write_text(
        "// name: add_note\n// params: text (text)\nCREATE (n:Note {text: $text}) RETURN 1 AS ok\n"
        "\n// name: drop_notes\n// params:\nMATCH (n:Note) DELETE n RETURN count(*) AS deleted\n"
        "\n// name: notes\n// params:\nMATCH (n:Note) RETURN n.text AS text ORDER BY text\n",
        encoding="utf-8",
    )
    out = query(data_dir, "add_note", "--file", str(pack), "-p", "text=hi")
    assert out.exit_code == 2
    assert "writes to the graph; pass --write" in out.output
    assert "(0 rows)" in query(data_dir, "notes", "--file", str(pack)).output
    out = query(data_dir, "add_note", "--file", str(pack), "-p", "text=hi", "--write")
    assert out.exit_code == 0, out.output
    assert query(data_dir, "notes", "--file", str(pack), "--format", "json").stdout.strip() == (
        '[\n  {\n    "text": "hi"\n  }\n]'
    )
    assert query(data_dir, "drop_notes", "--file", str(pack), "--write").exit_code == 0
    out = query(data_dir, "--file", str(pack))
    assert out.exit_code == 2 and "holds 3 queries: name one of add_note, drop_notes" in out.output


def test_a_single_query_file_runs_directly(data_dir, tmp_path):
    pack = tmp_path / "count-states.cypher"
    pack.write_text("MATCH (s:State) WHERE s.code <> $skip RETURN count(s) AS states\n")
    out = query(data_dir, "--file", str(pack), "-p", "skip=KZ", "--format", "json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == [{"states": 9}]
    bad = tmp_path / "bad.cypher"
    bad.write_text("// name: q\n// params: a (colour)\nRETURN $a AS a\n")
    out = query(data_dir, "--file", str(bad))
    assert out.exit_code == 2 and "unknown type 'colour'" in out.output


def test_query_starts_fast_and_loads_no_nlp_or_analysis(data_dir):
    code = (
        "import sys, time; t = time.perf_counter()\n"
        "from dipgraph.cli import cli\n"
        "try:\n"
        f"    cli(['query', 'partners', '-p', 'state=KZ', '--data-dir', {data_dir!r}])\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "heavy = [m for m in ('networkx', 'pyvis', 'natasha', 'slovnet', 'babel', 'pymorphy3')\n"
        "         if m in sys.modules]\n"
        "print('HEAVY', heavy, 'SECONDS', time.perf_counter() - t)\n"
    )
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    wall = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY [] " in proc.stdout
    assert wall < 1.5, f"dipgraph query took {wall:.2f}s (target < 1.5 s)"
