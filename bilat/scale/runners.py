"""Running partitions on a scheduler with a bounded number in flight.

Partitions are made as they are needed: a few per worker are submitted, and one more
each time one is done, so memory stays bounded however many inputs there are.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import nullcontext
from typing import Any

from bilat.scale.pieces import Partition
from bilat.scale.worker import close_stores, run_partition, run_with_retries

# Partitions in flight per worker thread: one running, the rest queued so that a worker
# never waits for the next one to be sent.
IN_FLIGHT_PER_WORKER = 3


def on_client(
    client: Any, parts: Iterator[Partition], url: str, retries: int
) -> Iterator[dict[str, Any]]:
    """Summaries of ``parts`` run on a ``distributed.Client``, in the order they finish.

    The scheduler runs again a partition whose worker was lost; ``retries`` more runs
    are allowed for a partition that fails.
    """
    from distributed import as_completed

    def submit(part: Partition) -> Any:
        return client.submit(run_partition, part, url, retries=retries, pure=False)

    threads = sum(client.nthreads().values()) or 1
    running = as_completed(
        [submit(p) for p in itertools.islice(parts, threads * IN_FLIGHT_PER_WORKER)]
    )
    for future in running:
        yield future.result()
        future.release()  # its result is consumed: the scheduler may forget it
        for part in itertools.islice(parts, 1):
            running.add(submit(part))


def on_local(
    name: str, parts: Iterator[Partition], url: str, retries: int, workers: int | None
) -> Iterator[dict[str, Any]]:
    """Summaries of ``parts`` run by one of dask's own schedulers ("processes",
    "threads", "synchronous"), a window of partitions at a time. The pool is made once,
    so that each of its processes loads the models once for the whole run."""
    import dask

    count = workers or os.cpu_count() or 1
    window = count * IN_FLIGHT_PER_WORKER
    pool = _pool(name, count)
    with pool or nullcontext():
        try:
            for batch in _batches(parts, window):
                tasks = [dask.delayed(run_with_retries, pure=False)(p, url, retries) for p in batch]
                options = {"pool": pool} if pool is not None else {}
                yield from dask.compute(*tasks, scheduler=name, **options)
        finally:
            if pool is None or isinstance(pool, ThreadPoolExecutor):
                close_stores()  # the stores were opened in this process


def _pool(name: str, workers: int) -> Executor | None:
    if name in ("processes", "multiprocessing"):
        # spawn, as dask itself does: a forked copy of a process with threads may hang
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    if name in ("threads", "threading"):
        return ThreadPoolExecutor(workers)
    return None


def _batches(items: Iterable[Partition], size: int) -> Iterator[list[Partition]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
