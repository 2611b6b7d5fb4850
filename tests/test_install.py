"""What a user gets from `pip install`: the built wheel in a fresh venv with nothing else
is a working `dipgraph`; natasha's pymorphy2 is installed but never imported."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import REPO, SEED_RELEASE

# what a wheel is built from (tests, caches and the dev venv stay out)
SOURCES = ("pyproject.toml", "README.md", "dipgraph", "graph", "loaders", "queries")


def run(args: list, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", **kwargs.pop("env", {}))
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, **kwargs)


@pytest.mark.slow
def test_the_wheel_in_a_fresh_venv_extracts_the_seed(tmp_path: Path) -> None:
    src = tmp_path / "src"
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            src.mkdir(exist_ok=True)
            shutil.copy2(path, src / name)
    built = run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp_path, src])
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("dipgraph-*.whl")

    # a venv of the base interpreter: none of the dev venv's packages are visible
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python, dipgraph = env_dir / "bin" / "python", env_dir / "bin" / "dipgraph"
    installed = run([python, "-m", "pip", "install", "-q", wheel], timeout=900)
    assert installed.returncode == 0, installed.stderr

    out = run(
        [dipgraph, "extract", SEED_RELEASE, "--format", "jsonl"],
        env={"DIPGRAPH_DATA_DIR": str(tmp_path / "data")},
        cwd=tmp_path,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    events = [r for r in records if r.get("record", "event") == "event"]
    assert len(events) == 10, out.stdout
    assert {e["type"] for e in events} == {"MET", "ACCREDITED", "CONSULTED", "HOSTED"}
    # the installed package, not the repository's sources, did the work
    code = "import dipgraph.loaders; print(dipgraph.loaders.__file__)"
    where = run([python, "-c", code], cwd=tmp_path)
    assert str(env_dir) in where.stdout, where.stdout


BLOCK_PYMORPHY2 = """
import importlib.abc, json, sys

class NoPymorphy2(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "pymorphy2":
            raise ImportError(f"pymorphy2 must never be imported: {name}")

sys.meta_path.insert(0, NoPymorphy2())
from dipgraph.loaders.extract import extract
from dipgraph.loaders.sources import read_source

(release,) = read_source(sys.argv[1])
events = extract(release).events
real = sorted(n for n, m in sys.modules.items()
              if n.split(".")[0] == "pymorphy2" and not m.__name__.startswith("pymorphy3"))
print(json.dumps({"events": len(events), "real_pymorphy2": real}))
"""


@pytest.mark.slow  # a fresh interpreter loads the models
def test_pymorphy2_is_installed_with_natasha_but_never_imported() -> None:
    from importlib.metadata import version

    assert version("natasha") == "1.6.0"
    assert version("pymorphy2")  # natasha's own dependency, pulled in by pip
    out = run([sys.executable, "-c", BLOCK_PYMORPHY2, SEED_RELEASE], timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"events": 10, "real_pymorphy2": []}


def test_a_missing_module_is_one_line_saying_what_to_install() -> None:
    # `import natasha` fails as if it were not installed
    code = (
        "import sys; sys.modules['natasha'] = None\n"
        "from dipgraph.cli import main\n"
        "sys.argv = ['dipgraph', 'extract', sys.argv[1]]\n"
        "main()\n"
    )
    out = run([sys.executable, "-c", code, SEED_RELEASE], timeout=300)
    assert out.returncode == 1
    assert out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert line.startswith("error: cannot extract ") and str(SEED_RELEASE) in line, line
    assert "'natasha' is missing" in line and "pip install 'natasha==1.6.0'" in line, line


def test_unreadable_models_are_one_line_saying_what_to_reinstall(tmp_path) -> None:
    # natasha's embedding file as a broken install leaves it: gone
    code = (
        "import sys, natasha.emb\n"
        "natasha.emb.NEWS_EMBEDDING = sys.argv[2]\n"
        "natasha.NewsEmbedding.__init__.__defaults__ = (sys.argv[2],)\n"
        "from dipgraph.cli import main\n"
        "sys.argv = ['dipgraph', 'extract', sys.argv[1]]\n"
        "main()\n"
    )
    missing = tmp_path / "navec_news_v1_1B_250K_300d_100q.tar"
    out = run([sys.executable, "-c", code, SEED_RELEASE, missing], timeout=300)
    assert out.returncode == 1
    (line,) = out.stderr.splitlines()
    assert str(SEED_RELEASE) in line and "'natasha' cannot load its models" in line, line
    assert str(missing) in line and "pip install --force-reinstall 'natasha==1.6.0'" in line
