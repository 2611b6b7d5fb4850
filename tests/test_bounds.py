"""Bounded work: the loader stays under 1 GB of resident memory on every input of the
bad-input set; big text and HTML are refused by size before any parsing; HTML is parsed
in a child under a time and memory bound; a sentence that would give thousands of contact
edges is reported and left out; read-only queries stop at their timeout.

Memory is measured on real `dipgraph load` processes started with an address-space limit
(RLIMIT_AS), so that a regression fails the test instead of taking the machine down.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import EXAMPLES
from reliability_support import load_command, remove_data_dir, short_data_dir

from dipgraph.loaders.bounded import LimitExceeded, call_bounded
from dipgraph.loaders.sources import MAX_HTML_BYTES, SourceError, read_source

# servers, subprocesses and real networks: the full suite, not the edit loop
pytestmark = pytest.mark.slow

#: the address space a loader may take (models and libraries are mapped, not resident)
LOADER_ADDRESS_SPACE = 3 << 30
MAX_LOADER_RSS = 1 << 30
FIRST = ["Иван", "Пётр", "Алексей", "Сергей", "Николай", "Андрей", "Михаил", "Дмитрий", "Олег",
         "Виктор"]  # fmt: skip
LAST = ["Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков",
        "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев",
        "Виноградов", "Богданов", "Воробьёв", "Фёдоров"]  # fmt: skip


def meeting_with(n: int, day: int = 3) -> str:
    """One sentence: a minister met `n` named ambassadors (real Russian name forms)."""
    people = ", ".join(f"послом {FIRST[i % 10]}ом {LAST[i // 10 % 20]}ым" for i in range(n))
    return (
        f"Астана. {day} марта. МИД - Министр иностранных дел Казахстана Ержан Ашикбаев "
        f"встретился с {people}."
    )


def html_page(paragraphs: int) -> str:
    text = (EXAMPLES / "releases" / "2026-03-17_astana.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return (
        "<!doctype html><html><head><title>МИД</title></head><body><nav>Меню</nav>"
        f"<article>{body * paragraphs}</article></body></html>"
    )


def write_bad_input(kind: str, folder: Path) -> Path:
    """The inputs of issue 14 that took the loader to gigabytes or minutes."""
    if kind == "many-officials-186kb":  # 3,700 officials in one sentence
        path = folder / "list.txt"
        path.write_text(meeting_with(3700), encoding="utf-8")
    elif kind == "one-sentence-900kb":  # 17,000 officials, one sentence under the text limit
        path = folder / "sentence.txt"
        path.write_text(meeting_with(17000), encoding="utf-8")
    elif kind == "html-28mb":
        path = folder / "page.html"
        page = html_page(1)
        with path.open("w", encoding="utf-8") as fh:
            while fh.tell() < 28 << 20:
                fh.write(page)
    elif kind == "html-just-under-the-limit":
        path = folder / "page.html"
        one = html_page(1)
        path.write_text(html_page(MAX_HTML_BYTES // len(one.encode()) - 1), encoding="utf-8")
    elif kind == "text-50mb":
        path = folder / "huge.txt"
        chunk = meeting_with(20).encode() + b"\n"
        with path.open("wb") as fh:
            while fh.tell() < 50 << 20:
                fh.write(chunk)
    elif kind == "nested-json":
        path = folder / "nested.json"
        path.write_text("[" * 200_000 + "]" * 200_000)
    else:
        raise ValueError(kind)
    return path


def limited_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LOADER_ADDRESS_SPACE, LOADER_ADDRESS_SPACE))


def measured_load(path: Path, data_dir: Path, timeout: float = 600) -> tuple[int, int, str]:
    """(exit code, peak RSS in bytes, stderr) of `dipgraph load path` under RLIMIT_AS."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    proc = subprocess.Popen(
        load_command([path], data_dir), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
        text=True, env=env, preexec_fn=limited_address_space,
    )  # fmt: skip
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"load of {path.name} ran over {timeout:.0f}s")
        time.sleep(0.1)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read()
    proc.stderr.close()
    return proc.returncode, usage.ru_maxrss * 1024, err


@pytest.fixture(scope="module")
def data_dir():
    d = short_data_dir()
    yield d
    remove_data_dir(d)


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("many-officials-186kb", "characters (longer than 3000)"),
        ("one-sentence-900kb", "characters (longer than 3000)"),
        ("html-28mb", "file too large for an HTML page (28 MB, limit 5 MB; skipped)"),
        ("html-just-under-the-limit", "release text too long"),
        ("text-50mb", "file too large for one release's text (50 MB, limit 2 MB; skipped)"),
        ("nested-json", "JSON nested too deeply"),
    ],
)
def test_the_loader_stays_under_1_gb_on_every_bad_input(kind, expected, data_dir, tmp_path, capsys):
    path = write_bad_input(kind, tmp_path)
    started = time.monotonic()
    code, peak, err = measured_load(path, data_dir)
    seconds = time.monotonic() - started
    assert "Traceback" not in err and "MemoryError" not in err, err[-2000:]
    assert expected in err, err[-2000:]
    assert code in (0, 1), err[-2000:]
    assert peak < MAX_LOADER_RSS, f"{kind}: peak RSS {peak >> 20} MB"
    with capsys.disabled():
        size = path.stat().st_size
        print(f"\n  {kind} ({size / 2**20:.1f} MB): loader peak RSS {peak >> 20} MB, "
              f"{seconds:.1f} s, exit {code}")  # fmt: skip


def test_a_28_mb_html_page_is_refused_from_its_size_unread(tmp_path, capsys):
    path = write_bad_input("html-28mb", tmp_path)
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(SourceError, match="file too large for an HTML page"):
        read_source(path)
    ms = 1000 * (time.perf_counter() - started)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1 << 20, f"read {peak} bytes of a page it should refuse unread"
    assert ms < 1000
    with capsys.disabled():
        print(f"\n  28 MB HTML page: refused in {ms:.2f} ms (peak {peak} B traced)")


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke up"


def _allocate(size: int) -> int:
    return len(bytearray(size))


def test_a_parser_is_stopped_at_its_time_and_memory_bound():
    assert call_bounded(_sleep, 0.01, seconds=30) == "woke up"
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="took over 1 s"):
        call_bounded(_sleep, 60, seconds=1)
    assert time.monotonic() - started < 10
    # 4 GB asked for, 256 MB allowed: a MemoryError in the child, the parent unharmed
    with pytest.raises(LimitExceeded, match="needed over 256 MB"):
        call_bounded(_allocate, 4 << 30, memory=256 << 20)
    assert call_bounded(_allocate, 16 << 20, memory=256 << 20) == 16 << 20
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        call_bounded(divmod, 1, 0)


#: a cartesian product of every node, five times over: over a minute on the examples
SLOW_QUERY = """// name: slow
// description: every five-tuple of nodes
MATCH (a), (b), (c), (d), (e) WHERE a.id <> e.id RETURN count(*) AS n
"""


def test_a_read_only_query_stops_at_its_timeout(data_dir, tmp_path):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    dd = ["--data-dir", str(data_dir), "--store", "embedded"]
    loaded = subprocess.run(
        [sys.executable, "-m", "dipgraph.cli", "load", str(EXAMPLES / "releases"), *dd],
        capture_output=True, text=True, env=env, check=False, timeout=300,
    )  # fmt: skip
    assert loaded.returncode == 0, loaded.stderr
    pack = tmp_path / "slow.cypher"
    pack.write_text(SLOW_QUERY, encoding="utf-8")
    for extra, extra_env in ((["--timeout", "1"], {}), ([], {"DIPGRAPH_QUERY_TIMEOUT": "1"})):
        started = time.monotonic()
        run = subprocess.run(
            [sys.executable, "-m", "dipgraph.cli", "query", "--file", str(pack), *extra, *dd],
            capture_output=True, text=True, env=env | extra_env, check=False, timeout=120,
        )  # fmt: skip
        seconds = time.monotonic() - started
        assert run.returncode == 1, run.stderr
        (line,) = run.stderr.strip().splitlines()
        assert "the query ran longer than 1 s and was stopped" in line, line
        assert "--timeout" in line and "Traceback" not in run.stderr
        assert seconds < 30, f"the query was stopped after {seconds:.0f}s"
    # the store still answers at once
    quick = subprocess.run(
        [sys.executable, "-m", "dipgraph.cli", "query", "graph_summary", *dd],
        capture_output=True, text=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    assert quick.returncode == 0, quick.stderr
