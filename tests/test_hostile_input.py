"""Hostile input, as issue 14 tried it: every case gets one line naming it (control
characters escaped), the rest of the same command still loads, the exit status says so,
and no command prints a traceback on a user's error. Out-of-range filters and parameters
are usage errors (exit 2, naming the parameter), never empty results.

Every case runs the real `dipgraph` command on a private data directory.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, missing_tool
from reliability_support import fresh_store, remove_data_dir, short_data_dir

from dipgraph.cli import printable
from dipgraph.loaders.sources import read_source

# servers, subprocesses and real networks: the full suite, not the edit loop
pytestmark = pytest.mark.slow

#: root without the capabilities that let it read and write any file (util-linux setpriv)
DROP_DAC = ["--inh-caps=-dac_override,-dac_read_search",
            "--bounding-set=-dac_override,-dac_read_search"]  # fmt: skip
RELEASE = (
    "Астана. {day} марта. МИД - Министр иностранных дел Казахстана Ержан Ашикбаев "
    "встретился с послом Нидерландов Виллемом ван дер Бергом. Стороны обсудили {topic}."
)


def dipgraph(*args: str, env: dict | None = None, prefix: list[str] | None = None,
             timeout: float = 300) -> subprocess.CompletedProcess:  # fmt: skip
    full_env = dict(os.environ, OPENBLAS_NUM_THREADS="1") | (env or {})
    argv = [*(prefix or []), sys.executable, "-m", "dipgraph.cli", *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=full_env,
                          check=False, errors="backslashreplace")  # fmt: skip


def no_prefix_for_root() -> list[str] | None:
    """As root, drop the file-access override so that permissions are real."""
    if os.geteuid() != 0:
        return None
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        missing_tool("setpriv (util-linux) to drop root's file-access override")
    return [setpriv, *DROP_DAC]


def remove_deep_tree(top: Path) -> None:
    """rmtree without recursion or long paths (shutil's and pytest's recurse per level)."""
    flags = os.O_RDONLY | os.O_DIRECTORY
    fd, names = os.open(top, flags), []
    while True:
        subdir = None
        for entry in list(os.scandir(fd)):
            if entry.is_dir(follow_symlinks=False):
                subdir = entry.name
            else:
                os.unlink(entry.name, dir_fd=fd)
        if subdir is not None:
            child = os.open(subdir, flags, dir_fd=fd)
            os.close(fd)
            fd = child
            names.append(subdir)
            continue
        if not names:
            break
        parent = os.open("..", flags, dir_fd=fd)
        os.close(fd)
        fd = parent
        os.rmdir(names.pop(), dir_fd=fd)
    os.close(fd)
    os.rmdir(top)


@pytest.fixture(scope="module")
def data_dir():
    d = short_data_dir()
    yield d
    remove_data_dir(d)


def release_in_store(data_dir: Path, path: Path) -> dict | None:
    releases = read_source(path, year=2026)
    with fresh_store(data_dir) as store:
        rows = store.run(
            "MATCH (r:Release {id: $id}) WHERE r.complete = true "
            "RETURN r.published AS published, r.source_uri AS source, r.title AS title",
            {"id": releases[0].id},
        )
    return rows[0] if rows else None


def write_deep(top: Path, levels: int, name: str) -> Path:
    """A folder `levels` deep (built relative to a descriptor: the path may be too long
    for the kernel) with a release at the bottom; returns the release's path."""
    top.mkdir()
    fd = os.open(top, os.O_RDONLY)
    for _ in range(levels):
        os.mkdir(name, dir_fd=fd)
        child = os.open(name, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = child
    out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
    os.write(out, RELEASE.format(day=9, topic="глубину").encode())
    os.close(out)
    os.close(fd)
    return Path(f"{top}/{(name + '/') * levels}deep.txt")


def test_a_folder_of_hostile_inputs_loads_the_rest_and_names_each(data_dir, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    good = d / "good.txt"
    shutil.copy(EXAMPLES / "releases" / "2026-03-17_astana.txt", good)
    failing: dict[str, str] = {}  # name as printed -> its problem

    (d / "nested.json").write_text("[" * 100_000 + "]" * 100_000)
    failing["nested.json"] = "JSON nested too deeply"
    write_deep(d / "deep", 1200, "sub")
    failing[str(d / "deep")] = "File name too long"
    shallow = write_deep(d / "deep-but-short", 1200, "s")  # 2,400 bytes: loads
    same_as_deep = tmp_path / "same-as-deep.txt"
    same_as_deep.write_bytes(Path(shallow).read_bytes())
    weird_name = Path(os.fsdecode(bytes(d / "caf") + b"\xe9.txt"))
    weird_name.write_text(RELEASE.format(day=4, topic="визы"), encoding="utf-8")
    (d / "surrogates.jsonl").write_text(
        json.dumps({"title": "Заголовок \ud800", "url": "https://mfa.example/\udc00",
                    "text": RELEASE.format(day=5, topic="торговлю")}) + "\n"
    )  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text(RELEASE.format(day=6, topic="транзит"), encoding="utf-8")
    (d / "linked").symlink_to(elsewhere)
    failing["linked"] = "a link to a folder, not followed"
    locked = d / "locked"
    locked.mkdir()
    (locked / "y.txt").write_text(RELEASE.format(day=7, topic="воду"), encoding="utf-8")
    locked.chmod(0)
    failing["locked"] = "folder not readable (permission denied)"
    utf32 = d / "utf32.txt"
    utf32.write_bytes(RELEASE.format(day=8, topic="энергетику").encode("utf-32"))
    (d / "dates.jsonl").write_text(
        json.dumps({"id": "d1", "date": "2026-13-45", "text": RELEASE.format(day=10, topic="А")})
        + "\n"
        + json.dumps({"id": "d2", "date": "0000-00", "text": RELEASE.format(day=11, topic="Б")})
        + "\n",
        encoding="utf-8",
    )
    (d / "ids.json").write_text(
        json.dumps([{"id": {"$ne": 1}, "text": RELEASE.format(day=12, topic="В")},
                    {"url": ["a", "b"], "text": RELEASE.format(day=13, topic="Г")}]),
        encoding="utf-8",
    )  # fmt: skip
    failing["ids.json"] = "record 0: record's 'id' is a dict, not a string"
    escape_name = d / "title\x1b[2J\x1b[31m.txt"
    escape_name.write_bytes(b"")
    failing[printable(escape_name.name)] = "empty file"
    long_path = f"{tmp_path}/{('x' * 250 + '/') * 17}release.txt"
    failing[long_path[-40:]] = "File name too long"

    try:
        run = dipgraph("load", str(d), long_path, "--data-dir", str(data_dir), "--year", "2026",
                       prefix=no_prefix_for_root())  # fmt: skip
    finally:
        locked.chmod(0o700)
        for deep in ("deep", "deep-but-short"):
            remove_deep_tree(d / deep)
    lines = [line for line in run.stderr.splitlines() if line.strip()]

    assert "Traceback" not in run.stderr, run.stderr
    assert "\x1b" not in run.stderr, "a terminal escape reached the terminal raw"
    for name, problem in failing.items():
        naming = [line for line in lines if name in line and line.startswith("error:")]
        assert len(naming) == 1, f"{name}: {naming or run.stderr[-3000:]}"
        assert problem in naming[0], naming[0][-300:]
    assert run.returncode == 1
    assert f"{len(failing)} failed" in lines[-1], lines[-1]
    # everything else loaded
    assert release_in_store(data_dir, good) is not None
    assert release_in_store(data_dir, same_as_deep) is not None, "the 1,200-level folder's file"
    weird = release_in_store(data_dir, weird_name)
    assert weird is not None and weird["source"].endswith("caf\\xe9.txt")
    (surrogate,) = read_source(d / "surrogates.jsonl")
    assert "\ufffd" in surrogate.title
    assert release_in_store(data_dir, d / "surrogates.jsonl") is not None
    (from_utf32,) = read_source(utf32, year=2026)
    assert from_utf32.text == RELEASE.format(day=8, topic="энергетику")
    assert release_in_store(data_dir, utf32) is not None
    with fresh_store(data_dir) as store:
        published = store.run(
            "MATCH (r:Release) WHERE r.source_uri IN ['d1', 'd2'] "
            "RETURN r.source_uri AS id, r.published AS published ORDER BY id"
        )
    # month 13 and year 0 are dropped: the dateline gives month and day, the year 2026
    assert published == [{"id": "d1", "published": "2026-03-10"},
                         {"id": "d2", "published": "2026-03-11"}]  # fmt: skip


def one_line_error(run: subprocess.CompletedProcess, *words: str, code: int = 1) -> str:
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == code, (run.returncode, run.stderr)
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, run.stderr
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


@pytest.fixture(scope="module")
def snapshot(data_dir, tmp_path_factory) -> Path:
    """A real exported snapshot of the examples."""
    out = tmp_path_factory.mktemp("snap") / "graph.json"
    load = dipgraph("load", str(EXAMPLES / "releases"), "--data-dir", str(data_dir))
    assert load.returncode == 0, load.stderr
    run = dipgraph("export", "--format", "json", "-o", str(out), "--data-dir", str(data_dir))
    assert run.returncode == 0, run.stderr
    return out


def test_commands_answer_user_errors_in_one_line(data_dir, snapshot, tmp_path):
    dd = ["--data-dir", str(data_dir)]
    one_line_error(dipgraph("viz", "--from-json", str(snapshot), "-o",
                            str(tmp_path / "missing" / "g.html")), "cannot write")  # fmt: skip
    one_line_error(dipgraph("export", "--format", "json", "-o", "/dev/full", *dd),
                   "No space left on device")  # fmt: skip
    wrong = tmp_path / "wrong.json"
    wrong.write_text("[1, 2, 3]")
    one_line_error(dipgraph("analyze", "summary", "--from-json", str(wrong)),
                   "not a dipgraph snapshot")  # fmt: skip
    binary = tmp_path / "pack.cypher"
    binary.write_bytes(Path(sys.executable).read_bytes()[:4096])
    one_line_error(dipgraph("query", "--file", str(binary), *dd), "not UTF-8", code=2)
    one_line_error(
        dipgraph("query", "graph_summary", env={"NEO4J_URI": "http://127.0.0.1:7474",
                                                "DIPGRAPH_STORE": ""}),
        "NEO4J_URI", "bolt://", code=2,
    )  # fmt: skip
    in_the_way = short_data_dir()
    try:
        (in_the_way / "falkordb" / "falkordb.sock").mkdir(parents=True)
        one_line_error(dipgraph("db", "start", "--data-dir", str(in_the_way)), "in the way")
        stop = dipgraph("db", "stop", "--data-dir", str(in_the_way))
        assert stop.returncode == 0 and "Traceback" not in stop.stderr, stop.stderr
    finally:
        remove_data_dir(in_the_way)


def test_a_read_only_data_directory_is_one_line(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o500)
    ro.chmod(0o500)
    release = tmp_path / "r.txt"
    release.write_text(RELEASE.format(day=3, topic="право"), encoding="utf-8")
    run = dipgraph("load", str(release), "--data-dir", str(ro), prefix=no_prefix_for_root())
    one_line_error(run, str(ro), "Permission denied")


def test_a_full_disk_is_one_line_and_start_gives_up_quickly(tmp_path):
    """A 2 MB tmpfs filled up: the store cannot write its append-only file."""
    mnt = tmp_path / "full"
    mnt.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)],
                             capture_output=True, text=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        missing_tool(f"mounting a small tmpfs (needs root): {mounted.stderr.strip()}")
    try:
        data = mnt / "d"
        data.mkdir(mode=0o700)
        with (mnt / "filler").open("wb") as fh:
            with pytest.raises(OSError):
                fh.write(b"\0" * (4 << 20))
                fh.flush()
        started = time.monotonic()
        run = dipgraph("db", "start", "--data-dir", str(data))
        seconds = time.monotonic() - started
        one_line_error(run, "did not come up", "No space left on device")
        assert seconds < 60, f"db start took {seconds:.0f}s on a full disk"
        release = tmp_path / "r.txt"
        release.write_text(RELEASE.format(day=3, topic="право"), encoding="utf-8")
        load = dipgraph("load", str(release), "--data-dir", str(data))
        one_line_error(load, "No space left on device")
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.mark.parametrize(
    "args, names",
    [
        (["query", "most_active_officials", "-p", "limit=99999999999999999999999"], "'limit'"),
        (["query", "most_active_officials", "-p", "limit=-1"], "'limit'"),
        (["query", "bilateral_counts", "-p", "a=KZ", "-p", "b=NL", "-p", "from=2026-13-01"],
         "'from'"),
        (["query", "partners", "-p", "state=QQ"], "'state'"),
        (["analyze", "summary", "--from", "2026-99"], "'--from'"),
        (["analyze", "summary", "--to", "garbage"], "'--to'"),
        (["analyze", "summary", "--state", "QQ"], "'--state'"),
        (["analyze", "bilateral", "-a", "KZ", "-b", "ZZ"], "'-b'"),
        (["viz", "--types", "MET,DINED", "-o", "x.html"], "'--types'"),
        (["export", "--format", "json", "-o", "x.json", "--from", "0000-00"], "'--from'"),
    ],
)  # fmt: skip
def test_filters_and_parameters_out_of_range_are_usage_errors(data_dir, snapshot, args, names):
    run = dipgraph(*args, "--data-dir", str(data_dir))
    one_line_error(run, names, code=2)
