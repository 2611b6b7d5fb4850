"""The archive benchmark's steadiness figures: what it reports is arithmetic on its steps."""

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "bench_archive", Path(__file__).parent.parent / "bench" / "bench_archive.py"
)
bench_archive = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_archive)


def step(
    done: int, server: float, workers: float, rewrite: float = 0.0, loader: float = 2.0
) -> dict:
    return {
        "done": done,
        "server_ms": server,
        "rewrite_ms": rewrite,
        "loader_ms": loader,
        "workers_ms": workers,
    }


def test_cpu_per_release_weights_each_step_by_its_releases():
    steps = [step(1000, 99.0, 99.0), step(2000, 4.0, 20.0), step(5000, 8.0, 20.0)]
    # (1000 x 4 + 3000 x 8) / 4000
    assert bench_archive._cpu_ms(steps, 0, 2, "server_ms") == pytest.approx(7.0)


def test_a_slower_machine_is_not_counted_as_the_graphs_growth():
    # every process takes 50% more CPU for the same work
    steps = [step(1000, 8.0, 30.0), step(2000, 8.0, 30.0), step(3000, 12.0, 45.0, loader=3.0)]
    lines = bench_archive.steadiness(steps, 0, 1, 1, 2)
    assert "extraction 30.0 -> 45.0 ms" in lines[0]
    assert "took +50% CPU per release" in lines[1]
    assert "changes throughput by +0% (store 8.0 ms)" in lines[1]


def test_the_graphs_growth_is_what_the_store_adds():
    # 40 ms per release at the start; the store adds 10 ms at the end: 40 / 50 - 1 = -20%
    steps = [step(1000, 8.0, 30.0), step(2000, 8.0, 30.0), step(3000, 14.0, 30.0, rewrite=4.0)]
    lines = bench_archive.steadiness(steps, 0, 1, 1, 2)
    assert "store 8.0 -> 18.0 ms" in lines[0]
    assert "changes throughput by -20%" in lines[1]
