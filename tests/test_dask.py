"""`load(dask=...)` / `dipgraph load --dask` on a real Dask LocalCluster of worker processes
on 127.0.0.1: the graph equals a clean local load's, also when a worker is killed mid-load.
"""

from __future__ import annotations

import logging
import os
import signal
import time

import distributed
import pytest
import reliability_support
from conftest import EXAMPLES, REPO
from reliability_support import fresh_store, invariant_violations, remove_data_dir, short_data_dir

from dipgraph import cluster
from dipgraph.graph.store import StoreSettings
from dipgraph.graph.stores.embedded import EmbeddedServer
from dipgraph.ingest import load

# servers, subprocesses and real networks: the full suite, not the edit loop
pytestmark = pytest.mark.slow

DEV = REPO / "tests" / "data" / "dev_releases"
INPUTS = sorted(DEV.glob("*.txt")) + sorted((EXAMPLES / "releases").iterdir())


@pytest.fixture(scope="module")
def client():
    """Two single-threaded worker processes under nannies, which restart a killed one."""
    local = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        memory_limit="1.5GiB",
        silence_logs=logging.ERROR,
    )
    with distributed.Client(local) as client:
        yield client
    local.close()


def graph_content(data_dir) -> tuple[list, list]:
    """Every node and edge with its properties (a cluster completes releases in its own
    order, so growing lists are compared sorted)."""
    with fresh_store(data_dir) as store:
        return reliability_support.graph_content(store)


def interrupted_extractions(dask_scheduler) -> list[str]:
    """Extraction tasks that left `processing` other than by finishing (a lost worker)."""
    return [
        str(key)
        for key, start, finish, *_ in dask_scheduler.transition_log
        if "extract_chunk" in str(key) and start == "processing" and finish != "memory"
    ]


@pytest.fixture(scope="module")
def local_graph():
    """The reference: a clean load of the same inputs in this process."""
    data_dir = short_data_dir()
    report = load(INPUTS, StoreSettings(data_dir=data_dir), year=2026)
    assert report.exit_code == 0 and report.count("loaded") >= 8
    yield data_dir, report
    remove_data_dir(data_dir)


def test_dask_load_equals_local_load(client, local_graph):
    reference, local_report = local_graph
    data_dir = short_data_dir()
    try:
        report = load(INPUTS, StoreSettings(data_dir=data_dir), year=2026, dask=client)
        assert report.exit_code == 0
        assert sorted((o.path, o.status, o.events) for o in report.outcomes) == sorted(
            (o.path, o.status, o.events) for o in local_report.outcomes
        )
        assert graph_content(data_dir) == graph_content(reference)
        # a second run finds everything loaded before any task is sent
        again = load(INPUTS, StoreSettings(data_dir=data_dir), year=2026, dask=client)
        assert again.count("skipped") == len(again.outcomes)
    finally:
        remove_data_dir(data_dir)


def test_worker_killed_mid_load_loses_nothing(client, local_graph, monkeypatch):
    reference, local_report = local_graph
    monkeypatch.setattr(cluster, "RELEASES_PER_TASK", 1)  # many small tasks to interrupt
    before = set(client.scheduler_info()["workers"])
    killed: list[int] = []

    def kill_a_worker(outcome) -> None:
        """SIGKILL a worker that is extracting right now (the first time one is)."""
        busy = [address for address, keys in client.processing().items() if keys]
        if not killed and busy:
            pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    data_dir = short_data_dir()
    try:
        report = load(
            INPUTS, StoreSettings(data_dir=data_dir), year=2026, dask=client,
            on_progress=kill_a_worker,
        )  # fmt: skip
        assert killed, "no worker was killed"
        # the scheduler took the killed worker's tasks back and ran them elsewhere
        interrupted = client.run_on_scheduler(interrupted_extractions)
        assert interrupted, "the kill interrupted no extraction"
        assert report.exit_code == 0, [o.message for o in report.failed]
        assert report.count("loaded") == local_report.count("loaded")
        assert graph_content(data_dir) == graph_content(reference)
        with fresh_store(data_dir) as store:
            events = {o.release_id: o.events for o in local_report.outcomes}
            assert invariant_violations(store, events) == []
        # the nanny replaced the killed worker: a new address, models loaded again
        client.wait_for_workers(2, timeout=120)
        assert set(client.scheduler_info()["workers"]) != before
    finally:
        remove_data_dir(data_dir)


def test_cli_load_dask(client, tmp_path):
    from click.testing import CliRunner

    from dipgraph.cli import cli

    data_dir = short_data_dir()
    try:
        address = client.scheduler.address
        args = [str(DEV / "dev01_tashkent.txt"), "--data-dir", str(data_dir), "--year", "2026"]
        result = CliRunner().invoke(cli, ["load", *args, "--dask", address])
        assert result.exit_code == 0, result.output
        assert "1 loaded" in result.output
        result = CliRunner().invoke(cli, ["load", *args, "--dask", address, "--workers", "2"])
        assert result.exit_code == 2 and "drop one of the two" in result.output
    finally:
        remove_data_dir(data_dir)


def test_unreachable_scheduler_is_one_clear_error(tmp_path):
    from click.testing import CliRunner

    from dipgraph.cli import cli

    started = time.monotonic()
    try:
        result = CliRunner().invoke(
            cli, ["load", str(DEV / "dev01_tashkent.txt"), "--data-dir", str(tmp_path / "d"),
                  "--dask", "tcp://127.0.0.1:9"],
        )  # fmt: skip
    finally:
        EmbeddedServer(tmp_path / "d").stop()
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert time.monotonic() - started < 60


def test_dask_load_into_the_neo4j_store(client, neo4j_store, tmp_path):
    """The shared-graph set-up: extraction on the cluster, writes to a Bolt server."""
    from dipgraph.queries import QueryPack

    pack = QueryPack.builtin()
    release = [DEV / "dev02_minsk.txt"]
    settings = StoreSettings(data_dir=tmp_path / "lock")  # only the load lock lives here
    report = load(release, settings, store=neo4j_store, year=2026, dask=client)
    assert report.exit_code == 0 and report.count("loaded") == 1
    data_dir = short_data_dir()
    try:
        local = load(release, StoreSettings(data_dir=data_dir), year=2026)
        assert [o.events for o in local.outcomes] == [o.events for o in report.outcomes]
        with fresh_store(data_dir) as store:
            expected = pack.run(store, "graph_summary", {}).tuples()
        assert pack.run(neo4j_store, "graph_summary", {}).tuples() == expected
    finally:
        remove_data_dir(data_dir)


def test_a_cluster_without_workers_is_one_clear_error():
    data_dir = short_data_dir()
    try:
        with (  # a scheduler alone
            distributed.LocalCluster(
                n_workers=0, host="127.0.0.1", dashboard_address="127.0.0.1:0"
            ) as empty,
            distributed.Client(empty) as no_workers,
        ):
            with pytest.raises(cluster.ClusterError, match="has no workers"):
                load(INPUTS[:1], StoreSettings(data_dir=data_dir), year=2026, dask=no_workers)
    finally:
        remove_data_dir(data_dir)  # the load started the embedded store there
