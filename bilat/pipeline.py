"""The whole chain for a batch: sources → nlp → extract → store.

Library first: the CLI, the web app and the Dask job call these functions. A document
that fails anywhere is reported as a ``Skipped`` and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from bilat.errors import ExtractionError, StoreError
from bilat.extract import DocContext, document_record, extract_with_context
from bilat.model import Document, Fact, Mention, Skipped
from bilat.nlp import analyse
from bilat.sources import read_many
from bilat.store import Store


@dataclass(frozen=True)
class Processed:
    """A document with what bilat found in it; its date is the one the text implies."""

    document: Document
    facts: tuple[Fact, ...]
    mentions: tuple[Mention, ...]
    record: dict[str, Any]  # the document's line of ``bilat extract --format jsonl``


@dataclass
class IngestReport:
    """Counts of one ingest run, filled as it goes."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    facts: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def process(document: Document) -> Processed:
    """Analyse one document and extract its facts; ExtractionError, naming the document,
    when that cannot be done."""
    _check_date(document)
    try:
        ctx, facts = extract_with_context(analyse(document))
    except Exception as error:  # a rule that breaks on one odd text: say which, and why
        raise ExtractionError(
            document.name, f"could not be analysed ({type(error).__name__}: {error})"
        ) from error
    return _processed(ctx, facts)


def _check_date(document: Document) -> None:
    # Readers write ISO dates; a document built by hand may carry "10.02.2025", which the
    # extractors, reading the year and month off the front, cannot use.
    if document.date is None:
        return
    try:
        dt.date.fromisoformat(document.date[:10])
    except ValueError:
        raise ExtractionError(
            document.name,
            f"its date {document.date!r} is not an ISO date: expected YYYY-MM-DD, or None",
        ) from None


def _processed(ctx: DocContext, facts: list[Fact]) -> Processed:
    document = ctx.analysis.document
    if ctx.date and not document.date:
        document = dataclasses.replace(document, date=ctx.date)
    return Processed(document, tuple(facts), ctx.mentions, document_record(ctx, facts))


def process_safely(document: Document) -> Processed | Skipped:
    try:
        return process(document)
    except ExtractionError as error:  # one bad document must not end a batch of thousands
        return Skipped(error.input, error.reason)


def process_many(
    documents: Iterable[Document | Skipped], jobs: int = 1
) -> Iterator[Processed | Skipped]:
    """Process documents in order; with ``jobs`` > 1 in a pool of processes, each of
    which loads the models once. Documents are taken from ``documents`` only a few ahead
    of the results, so any number of them streams through in bounded memory."""
    if jobs <= 1:
        for item in documents:
            yield item if isinstance(item, Skipped) else process_safely(item)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from _in_order(pool, documents, jobs * IN_FLIGHT_PER_JOB)


# Documents in the pool per process: enough that none waits while results are written in
# order, few enough that memory stays bounded. Tuned on the demo corpus.
IN_FLIGHT_PER_JOB = 8


def _in_order(
    pool: Executor, items: Iterable[Document | Skipped], window: int
) -> Iterator[Processed | Skipped]:
    """Results in the order of ``items``, with at most ``window`` of them pending."""
    pending: deque[Future[Processed | Skipped] | Skipped] = deque()
    for item in items:
        pending.append(item if isinstance(item, Skipped) else pool.submit(process_safely, item))
        if len(pending) >= window:
            yield _done(pending.popleft())
    while pending:
        yield _done(pending.popleft())


def _done(pending: Future[Processed | Skipped] | Skipped) -> Processed | Skipped:
    return pending if isinstance(pending, Skipped) else pending.result()


# Documents written in one transaction: a few statements per table for all of them
# (``Store.add_many``), where one at a time paid a commit each; few enough that a crash
# loses seconds of analysis and the progress bar moves. 50 at ~20 analysed a second.
WRITE_BATCH = 50
# A batch is written sooner when its first document has waited this long: a slow stream
# (a feed, a loaded machine) still lands and shows progress second by second.
WRITE_INTERVAL_S = 1.0


def ingest(
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    urls_file: str | os.PathLike[str] | None = None,
    jobs: int = 1,
    on_item: Callable[[Processed | Skipped | Document], None] | None = None,
) -> IngestReport:
    """Read, analyse, extract and store; documents already stored are not analysed again."""
    return ingest_items(read_many(inputs, urls_file), store, jobs=jobs, on_item=on_item)


def ingest_items(
    items: Iterable[Document | Skipped],
    store: Store,
    *,
    jobs: int = 1,
    on_item: Callable[[Processed | Skipped | Document], None] | None = None,
    batch: int | None = None,
) -> IngestReport:
    """``ingest`` of what a reader gave: documents, and inputs it could not read. Analysed
    documents are written ``batch`` (WRITE_BATCH) at a time, each batch in one transaction."""
    report = IngestReport()
    batch = batch or WRITE_BATCH

    def fresh() -> Iterator[Document | Skipped]:
        for item in items:
            if isinstance(item, Document):
                report.read += 1
                if store.has(item.id):
                    report.duplicates += 1
                    if on_item:
                        on_item(item)
                    continue
            yield item

    pending: list[Processed] = []
    since = time.monotonic()
    for result in process_many(fresh(), jobs):
        if isinstance(result, Skipped):
            report.skipped.append(result)
            if on_item:
                on_item(result)
            continue
        if not pending:
            since = time.monotonic()
        pending.append(result)
        if len(pending) >= batch or time.monotonic() - since >= WRITE_INTERVAL_S:
            _write(store, pending, report, on_item)
            pending = []
    _write(store, pending, report, on_item)
    return report


def _write(
    store: Store,
    batch: Sequence[Processed],
    report: IngestReport,
    on_item: Callable[[Processed | Skipped | Document], None] | None,
) -> None:
    """Store a batch in one transaction; when that fails, each document alone, so that a
    bad one gets its line and the others land."""
    if not batch:
        return
    added: list[bool | None]
    try:
        added = list(store.add_many((p.document, p.facts, p.mentions) for p in batch))
    except StoreError:
        added = _write_each(store, batch, report)
    for processed, was_added in zip(batch, added, strict=True):
        if was_added:
            report.added += 1
            report.facts += len(processed.facts)
        elif was_added is False:
            report.duplicates += 1  # the same text twice in one batch, or stored meanwhile
        if on_item:
            on_item(processed)


def _write_each(
    store: Store, batch: Sequence[Processed], report: IngestReport
) -> list[bool | None]:
    """Each document in its own transaction; None for one that could not be stored. When
    none could, the database itself is failing: its error is raised."""
    found: list[bool | None] = []
    errors: list[StoreError] = []
    for p in batch:
        try:
            found.append(store.add(p.document, p.facts, p.mentions))
        except StoreError as error:
            errors.append(error)
            report.skipped.append(Skipped(p.document.name, f"not stored: {error}"))
            found.append(None)
    if len(errors) == len(batch):
        raise errors[0]
    return found
