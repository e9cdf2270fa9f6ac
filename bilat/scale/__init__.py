"""The same ingest as ``bilat.pipeline.ingest``, as a Dask job over partitions of inputs.

Inputs are cut into partitions as they are walked (``bilat.scale.pieces``): a folder of a
million files or a JSON Lines dump of a million articles is never listed or read into
one list. Each worker process loads the models and opens the store once, on its first
partition (``bilat.scale.worker``), and writes its documents itself: to PostgreSQL every
worker writes at once; a SQLite file's writers take turns (its write lock). A document is
keyed by its text's hash and a stored one is passed over, so a partition run again after
a lost worker stores only what is missing, and a failed job can simply be run again.

    from bilat.scale import ingest_distributed
    report = ingest_distributed(["news/"], "postgresql://bilat@db/bilat",
                                scheduler="tcp://scheduler:8786")
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from bilat.model import Skipped
from bilat.pipeline import IngestReport
from bilat.scale.pieces import DOCS_PER_PARTITION, Partition, partitions
from bilat.scale.runners import on_client, on_local

__all__ = [
    "DOCS_PER_PARTITION",
    "RETRIES",
    "ingest_distributed",
    "ingest_partitions",
    "merge",
    "partitions",
]

# Further runs of a partition that failed (a dropped database connection, a worker out of
# memory): a fault that outlasts three more tries is no passing one.
RETRIES = 3

# Scheduler names that start a distributed.LocalCluster of worker processes for this run.
LOCAL_CLUSTER = "local"


def ingest_distributed(
    inputs: Iterable[str | os.PathLike[str]],
    url: str,
    *,
    scheduler: Any = "processes",
    workers: int | None = None,
    per_partition: int = DOCS_PER_PARTITION,
    retries: int = RETRIES,
) -> IngestReport:
    """Ingest ``inputs`` with Dask. ``scheduler``: a ``distributed.Client``, the address
    of a running ``dask-scheduler`` (tcp://host:8786), "local" (a LocalCluster of
    ``workers`` processes, made for this run) or one of dask's own schedulers
    ("processes", "threads", "synchronous", with ``workers`` of them)."""
    return ingest_partitions(
        partitions(inputs, per_partition),
        url,
        scheduler=scheduler,
        workers=workers,
        retries=retries,
    )


def ingest_partitions(
    parts: Iterable[Partition],
    url: str,
    *,
    scheduler: Any = "processes",
    workers: int | None = None,
    retries: int = RETRIES,
) -> IngestReport:
    """``ingest_distributed`` of partitions already cut (any picklable pieces with a
    ``read()`` and a ``size``), taken from ``parts`` only as workers are free for them."""
    parts = iter(parts)
    first = next(parts, None)
    if first is None:
        return IngestReport()
    _prepare(url)
    parts = _chain(first, parts)
    with ExitStack() as stack:
        client = _client(scheduler, workers, stack)
        if client is not None:
            return merge(on_client(client, parts, url, retries))
        return merge(on_local(scheduler, parts, url, retries, workers))


def _prepare(url: str) -> None:
    # The schema and SQLite's switch to WAL are made here, once, before the workers start:
    # workers racing to make them on a new file would fail with "database is locked".
    from bilat.store import Store

    with Store(url):
        pass


def _client(scheduler: Any, workers: int | None, stack: ExitStack) -> Any:
    """A distributed.Client for ``scheduler``, closed with ``stack`` when made here;
    None for one of dask's own schedulers."""
    if hasattr(scheduler, "submit"):
        return scheduler
    if not isinstance(scheduler, str) or (scheduler != LOCAL_CLUSTER and "://" not in scheduler):
        return None
    from distributed import Client, LocalCluster

    if scheduler != LOCAL_CLUSTER:
        return stack.enter_context(Client(scheduler))
    cluster = stack.enter_context(
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
    )
    return stack.enter_context(Client(cluster))


def _chain(first: Partition, rest: Iterator[Partition]) -> Iterator[Partition]:
    yield first
    yield from rest


def merge(parts: Iterable[dict[str, Any]]) -> IngestReport:
    total = IngestReport()
    for part in parts:
        total.read += part["read"]
        total.added += part["added"]
        total.duplicates += part["duplicates"]
        total.facts += part["facts"]
        total.skipped.extend(Skipped(i, r) for i, r in part["skipped"])
    return total
