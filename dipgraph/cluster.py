"""Extraction on a Dask distributed cluster: `dipgraph load --dask ADDRESS`.

Releases go to the workers in small tasks; each worker loads the NLP models once (the
ExtractionModels plugin, run again on every worker that joins or restarts) and sends back
Extractions, which the caller writes to its store as they complete. Nothing is written on a
worker, so a worker that dies loses nothing: the scheduler reruns its tasks elsewhere, and
a release is marked complete only by the caller's write. A bounded number of tasks is in
flight, so a million releases never sit in the scheduler's memory at once.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator, Sequence
from typing import Any

from dipgraph.graph.model import Release
from dipgraph.loaders.records import Extraction

#: releases per task: a few seconds of work, small against the scheduler's overhead
RELEASES_PER_TASK = 8
#: tasks in flight per worker thread, so no worker idles while results travel back
TASKS_PER_THREAD = 4
CONNECT_TIMEOUT = "10s"
PLUGIN_NAME = "dipgraph-extraction-models"
_WARM_UP = (
    "Москва. 1 марта. Министр иностранных дел Российской Федерации Сергей Лавров провел "
    "встречу с Министром иностранных дел Турецкой Республики Хаканом Фиданом."
)


class ClusterError(Exception):
    """The Dask cluster cannot be used; the message says what to do."""


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError(
            "--dask needs the dask extra: pip install 'dipgraph[dask]' "
            "(on this machine and on every worker)"
        ) from exc
    return distributed


def extraction_models_plugin():
    """A WorkerPlugin that loads the extraction models once in each worker process."""
    distributed = _distributed()

    class ExtractionModels(distributed.WorkerPlugin):
        name = PLUGIN_NAME

        async def setup(self, worker) -> None:
            # off the event loop: loading takes seconds, and the worker must keep
            # answering the scheduler's heartbeats meanwhile
            await asyncio.get_running_loop().run_in_executor(None, _load_models)

    return ExtractionModels()


def _load_models() -> None:
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    from dipgraph.loaders.extract import extract

    extract(Release.from_text(_WARM_UP))  # the models load on first use, once per process


def _extract_chunk(releases: list[Release], min_confidence: float = 0.0) -> list[Extraction]:
    """Runs on a worker: Extractions of consecutive releases (errors inside them)."""
    from dipgraph.loaders.extract import extract_many

    return list(extract_many(releases, min_confidence=min_confidence))


def connect(scheduler: str) -> Any:
    """A distributed.Client for a scheduler address, or a ClusterError that says why not."""
    distributed = _distributed()
    try:
        return distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {scheduler}: {exc}; start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS`, or check the address"
        ) from exc


def extract_on_dask(
    releases: Sequence[Release],
    scheduler: str | Any,
    *,
    per_task: int | None = None,
    min_confidence: float = 0.0,
) -> Iterator[tuple[int, Extraction]]:
    """(index into `releases`, Extraction) for every release, in the order they complete.

    `scheduler` is an address (tcp://host:8786) or a distributed.Client. A task whose
    workers kept dying (the scheduler's allowed-failures) yields its releases with an
    error, like any other failed extraction."""
    distributed = _distributed()
    per_task = per_task or RELEASES_PER_TASK
    own = isinstance(scheduler, str)
    client = connect(scheduler) if own else scheduler
    try:
        if not releases:
            return
        client.register_plugin(extraction_models_plugin(), name=PLUGIN_NAME)
        threads = sum(client.nthreads().values())
        if not threads:
            raise ClusterError(f"the Dask cluster at {client.scheduler.address} has no workers")
        starts = iter(range(0, len(releases), per_task))
        pending = distributed.as_completed()
        chunk_of: dict[str, int] = {}  # future key -> first release index of its chunk

        def submit_next() -> None:
            start = next(starts, None)
            if start is not None:
                chunk = list(releases[start : start + per_task])
                future = client.submit(_extract_chunk, chunk, min_confidence, pure=False)
                chunk_of[future.key] = start
                pending.add(future)

        for _ in range(threads * TASKS_PER_THREAD):
            submit_next()
        for batch in pending.batches():
            for future in batch:
                submit_next()
                start = chunk_of.pop(future.key)
                try:
                    extractions = future.result()
                except Exception as exc:  # noqa: BLE001 - KilledWorker, a lost scheduler...
                    message = f"extraction failed on the Dask cluster: {exc!r}"
                    chunk = releases[start : start + per_task]
                    extractions = [Extraction(release=r, error=message) for r in chunk]
                finally:
                    future.release()
                yield from enumerate(extractions, start)
    finally:
        if own:
            client.close()
