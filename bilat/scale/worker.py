"""What runs on a worker: one partition in, a summary of what it stored out.

A worker process loads the models and opens the store once, on its first partition, and
keeps both for the rest (``worker_store``); a partition then only reads and writes. Its
documents are written in batches, each in one transaction, and a stored one is passed
over, so a partition run again after a lost worker or a failure stores only what is
still missing.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from bilat.model import Document, Skipped
from bilat.nlp import models
from bilat.pipeline import IngestReport, ingest_items
from bilat.scale.pieces import Partition
from bilat.store import Store

log = logging.getLogger(__name__)
_lock = threading.Lock()  # a worker's threads share one store and one set of models
_stores: dict[str, Store] = {}
_loads = 0  # how many times this process loaded the models: once, whatever the partitions


def worker_store(url: str) -> Store:
    """This process's store at ``url``, opened (and the models loaded) on first use."""
    global _loads
    with _lock:
        if not _loads:
            models()  # here rather than in the first document, and under the lock: once
            _loads += 1
        store = _stores.get(url)
        if store is None:
            store = _stores[url] = Store(url)
        return store


def close_stores() -> None:
    """Close the stores this process opened (the ones of an in-process scheduler)."""
    with _lock:
        for store in _stores.values():
            store.close()
        _stores.clear()


def run_partition(partition: Partition, url: str) -> dict[str, Any]:
    """Ingest one partition into the store at ``url``; a plain summary, cheap to send back.

    A partition run again after a failure counts what its lost attempt stored as
    already stored: the store, not the report, is what is exact.
    """
    report = ingest_items(_read(partition), worker_store(url))
    return summary(report)


def run_with_retries(partition: Partition, url: str, retries: int) -> dict[str, Any]:
    """``run_partition``, run again up to ``retries`` times when it fails (an in-process
    scheduler has no scheduler of its own to retry it)."""
    for attempt in range(retries):
        try:
            return run_partition(partition, url)
        except Exception as error:  # whatever failed, the next attempt may not
            log.warning("partition failed (attempt %d), running it again: %r", attempt + 1, error)
    return run_partition(partition, url)


def summary(report: IngestReport) -> dict[str, Any]:
    return {
        "read": report.read,
        "added": report.added,
        "duplicates": report.duplicates,
        "facts": report.facts,
        "skipped": [(s.input, s.reason) for s in report.skipped],
        "worker": (os.getpid(), _loads),
    }


def _read(partition: Partition) -> Iterator[Document | Skipped]:
    pieces: Iterable[Iterator[Document | Skipped]] = (piece.read() for piece in partition)
    return itertools.chain.from_iterable(pieces)
