"""Running watched sources: once each, or each when due, until stopped.

A run reads what is new (``polls``), ingests it through the one pipeline
(``bilat.pipeline.ingest_items``) and records what it did. A source that fails is one
record with its reason; the other sources run all the same.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import httpx

from bilat.errors import SourceError, StoreError
from bilat.model import Document, Skipped
from bilat.pipeline import Processed, ingest_items
from bilat.sources.urls import new_client
from bilat.store import Store
from bilat.watch import polls
from bilat.watch.state import RunRecord, WatchedSource, now, save_run, sources

# A run's line names the first few skipped inputs; the rest are counted.
SHOWN_SKIPS = 3
# The longest a waiting `bilat watch run` sleeps before it looks at the sources again, so
# that one added meanwhile (by `bilat watch add` in another shell) is not kept waiting.
MAX_NAP_S = 60.0
# A source due again as soon as its run ends (an interval shorter than the run) waits this
# long, so that the loop never spins.
MIN_NAP_S = 1.0


def _ignore(*_: object) -> None:
    return None


@dataclass(frozen=True)
class Hooks:
    """What a caller is told as a run goes: a source starts with so many items to read,
    an item is done, a source is done."""

    on_start: Callable[[WatchedSource, int], None] = _ignore
    on_item: Callable[[Processed | Skipped | Document], None] = _ignore
    on_done: Callable[[WatchedSource, RunRecord], None] = _ignore


def run_source(
    store: Store, source: WatchedSource, client: httpx.Client, hooks: Hooks = Hooks()
) -> RunRecord:
    """Read what is new in ``source`` and store it; a failure to read it is recorded, not
    raised (a failure of the store itself is raised: no other source could be stored)."""
    started = now()
    try:
        found = polls.poll(source, client)
        hooks.on_start(source, found.total)
        report = ingest_items(found.items, store, on_item=hooks.on_item)
    except StoreError:
        raise
    except Exception as error:  # any source's failure at all: its one line, and the rest go on
        record = RunRecord(source.id, started, now(), error=_reason(error))
        save_run(store, record, None)
    else:
        record = RunRecord(
            source.id,
            started,
            now(),
            read=report.read,
            new=report.added,
            stored=report.duplicates + found.known,
            skipped=len(report.skipped),
            why=_why(report.skipped),
            note=found.note,
        )
        save_run(store, record, found.state)
    record = replace(record, kind=source.kind, target=source.target)
    hooks.on_done(source, record)
    return record


def run_all(
    store: Store,
    hooks: Hooks = Hooks(),
    *,
    due_at: datetime | None = None,
    client: httpx.Client | None = None,
) -> list[RunRecord]:
    """Run every watched source once; with ``due_at``, only those due by then."""
    chosen = [s for s in sources(store) if due_at is None or is_due(s, due_at)]
    owned = client is None
    client = client or new_client()
    try:
        return [run_source(store, source, client, hooks) for source in chosen]
    finally:
        if owned:
            client.close()


def run_forever(
    store: Store,
    hooks: Hooks = Hooks(),
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    sleep: Callable[[float], None] | None = None,
) -> None:
    """Run each source when due by its interval, until interrupted (Ctrl-C raises
    KeyboardInterrupt out of here; what was stored stays, and a source cut short is read
    again from where its last finished run left it)."""
    with new_client() as client:
        while True:
            run_all(store, hooks, due_at=clock(), client=client)
            (sleep or time.sleep)(seconds_to_next(sources(store), clock()))


def is_due(source: WatchedSource, at: datetime) -> bool:
    return _wait(source, at) <= 0


def seconds_to_next(watched: Sequence[WatchedSource], at: datetime) -> float:
    """How long to wait before the next source is due, within MIN_NAP_S and MAX_NAP_S."""
    if not watched:
        return MAX_NAP_S
    return min(MAX_NAP_S, max(MIN_NAP_S, min(_wait(s, at) for s in watched)))


def _wait(source: WatchedSource, at: datetime) -> float:
    """Seconds until ``source`` is due: its last run plus its interval, less ``at``."""
    if source.last_run_at is None:
        return 0.0
    due = datetime.fromisoformat(source.last_run_at) + timedelta(seconds=source.every_s)
    return (due - at).total_seconds()


def _reason(error: Exception) -> str:
    if isinstance(error, SourceError):
        return error.reason
    return f"{type(error).__name__}: {error}"


def _why(skipped: Sequence[Skipped]) -> str | None:
    if not skipped:
        return None
    shown = "; ".join(str(s) for s in skipped[:SHOWN_SKIPS])
    more = len(skipped) - SHOWN_SKIPS
    return f"{shown}; and {more} more" if more > 0 else shown
