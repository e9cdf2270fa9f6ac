"""The same ingest as ``bilat.pipeline.ingest``, as a Dask job over partitions of inputs.

Each partition runs in a worker that loads the models once and writes its documents to
the store at ``url`` — PostgreSQL for a real cluster (every worker writes at once), or a
SQLite file for a local one (writers take turns). Idempotency comes from the store: a
document already there is skipped, so a failed job can simply be run again.

    from bilat.scale import ingest_distributed
    report = ingest_distributed(["news/"], "postgresql://bilat@db/bilat",
                                scheduler="tcp://scheduler:8786")
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bilat.model import Document, Skipped
from bilat.pipeline import IngestReport, ingest_items
from bilat.sources import read
from bilat.sources.files import folder_files, read_folder_file

# Inputs per partition when none is given: enough to amortise a worker's start, small
# enough that a lost worker costs little. Tuned on the demo corpus.
FILES_PER_PARTITION = 50


# One input of a partition: a folder and a file's name in it, read as reading the whole
# folder would (sidecar files passed over, the folder-relative name kept), or an input
# given by itself (a file, a URL) with no folder.
Entry = tuple[str | None, str]


def expand(inputs: Iterable[str | os.PathLike[str]]) -> list[Entry]:
    """Folders become the files in them, so partitions are balanced by file."""
    entries: list[Entry] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir() and folder_files(path):
            entries.extend((str(path), name) for name in folder_files(path))
        else:  # a file, a URL, or a folder with nothing to read: reported as the plain run does
            entries.append((None, os.fspath(given)))
    return entries


def _read(entries: Iterable[Entry]) -> Iterator[Document | Skipped]:
    for folder, name in entries:
        if folder is None:
            yield from read(name)
        else:
            yield from read_folder_file(Path(folder), name)


def ingest_distributed(
    inputs: Iterable[str | os.PathLike[str]],
    url: str,
    *,
    scheduler: Any = "processes",
    partitions: int | None = None,
) -> IngestReport:
    """Ingest ``inputs`` with Dask; ``scheduler`` is a dask scheduler name ("processes",
    "threads", "synchronous"), a ``distributed.Client`` or a scheduler address."""
    import dask.bag as db

    entries = expand(inputs)
    if not entries:
        return IngestReport()
    _prepare(url)
    count = partitions or max(1, -(-len(entries) // FILES_PER_PARTITION))
    bag = db.from_sequence(entries, npartitions=min(count, len(entries)))
    parts = bag.map_partitions(_ingest_partition, url).compute(scheduler=_scheduler(scheduler))
    return merge(parts)


def _prepare(url: str) -> None:
    # The schema and SQLite's switch to WAL are made here, once, before the workers start:
    # workers racing to make them on a new file would fail with "database is locked".
    from bilat.store import Store

    with Store(url):
        pass


def _scheduler(scheduler: Any) -> Any:
    if isinstance(scheduler, str) and "://" in scheduler:
        from distributed import Client

        return Client(scheduler)
    return scheduler


def _ingest_partition(entries: list[Entry], url: str) -> list[dict[str, Any]]:
    from bilat.store import Store

    with Store(url) as store:
        report = ingest_items(_read(entries), store)
    return [
        {
            "read": report.read,
            "added": report.added,
            "duplicates": report.duplicates,
            "facts": report.facts,
            "skipped": [(s.input, s.reason) for s in report.skipped],
        }
    ]


def merge(parts: Iterable[dict[str, Any]]) -> IngestReport:
    total = IngestReport()
    for part in parts:
        total.read += part["read"]
        total.added += part["added"]
        total.duplicates += part["duplicates"]
        total.facts += part["facts"]
        total.skipped.extend(Skipped(i, r) for i, r in part["skipped"])
    return total
