"""Watched sources and their run history, kept in the store's own tables.

``watch_sources`` and ``watch_runs`` are declared in ``bilat.store.schema`` and created and
migrated with the store's other tables; every read and write goes through the store's
``reading`` and ``writing`` (one transaction, one guard turning a database error into
StoreError). A run's record and the source's new state are written in one transaction, so
a source never remembers having read what its run did not finish.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, delete, insert, select, update

from bilat.errors import NotFoundError, RequestError
from bilat.store import Store
from bilat.store.schema import watch_runs, watch_sources

KINDS = ("feed", "folder", "telegram")


@dataclass(frozen=True)
class WatchedSource:
    """A feed URL, a folder or a Telegram export that ``bilat watch run`` reads."""

    id: int
    kind: str  # one of KINDS
    target: str  # the URL, or the absolute path
    every_s: int
    added_at: str
    last_run_at: str | None = None
    state: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "target": self.target,
            "every_s": self.every_s,
            "added_at": self.added_at,
            "last_run_at": self.last_run_at,
        }


@dataclass(frozen=True)
class RunRecord:
    """What one run of one source did: ``new`` documents stored, ``stored`` already known
    (read before, or already in the database), ``skipped`` inputs with ``why``; ``error``
    when the source could not be read at all."""

    source_id: int
    started_at: str
    finished_at: str
    read: int = 0
    new: int = 0
    stored: int = 0
    skipped: int = 0
    why: str | None = None
    note: str | None = None
    error: str | None = None
    kind: str = ""  # the source's, filled when the history is read
    target: str = ""

    def summary(self) -> str:
        """One line: "3 new, 12 already stored, 1 skipped: <why>", or "failed: <why>"."""
        if self.error:
            return f"failed: {self.error}"
        line = f"{self.new} new, {self.stored} already stored, {self.skipped} skipped"
        if self.why:
            line += f": {self.why}"
        return f"{line} ({self.note})" if self.note else line

    def to_json(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "kind": self.kind,
            "target": self.target,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "read": self.read,
            "new": self.new,
            "stored": self.stored,
            "skipped": self.skipped,
            "why": self.why,
            "note": self.note,
            "error": self.error,
            "summary": self.summary(),
        }


def now() -> str:
    """UTC, ISO 8601 to the second, as the store's other timestamps."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def add_source(
    store: Store, kind: str, target: str, every_s: int, state: Mapping[str, Any] | None = None
) -> WatchedSource:
    """Watch ``target``; RequestError when it is watched already."""
    if kind not in KINDS:
        raise RequestError(f"unknown kind of source {kind!r} (expected {', '.join(KINDS)})")
    with store.writing(f"watch {target}") as conn:
        known = conn.execute(
            select(watch_sources.c.id).where(watch_sources.c.target == target)
        ).scalar()
        if known is not None:
            raise RequestError(f"{target} is watched already, as source {known}")
        added = now()
        row = conn.execute(
            insert(watch_sources).values(
                kind=kind, target=target, every_s=every_s, added_at=added, state=dict(state or {})
            )
        ).inserted_primary_key
    assert row is not None  # an insert of one row has a key
    return WatchedSource(int(row[0]), kind, target, every_s, added, None, dict(state or {}))


def sources(store: Store) -> list[WatchedSource]:
    """Every watched source, in the order they were added."""
    with store.reading("list watched sources") as conn:
        rows = conn.execute(select(watch_sources).order_by(watch_sources.c.id))
        return [_source(row) for row in rows]


def source(store: Store, source_id: int) -> WatchedSource:
    """One watched source; NotFoundError naming the ids there are."""
    with store.reading("read a watched source") as conn:
        row = conn.execute(select(watch_sources).where(watch_sources.c.id == source_id)).first()
    if row is None:
        raise _no_such_source(store, source_id)
    return _source(row)


def remove_source(store: Store, source_id: int) -> WatchedSource:
    """Stop watching a source and forget its state and its runs; the documents it brought
    stay in the store."""
    gone = source(store, source_id)
    with store.writing(f"remove watched source {source_id}") as conn:
        conn.execute(delete(watch_runs).where(watch_runs.c.source_id == source_id))
        conn.execute(delete(watch_sources).where(watch_sources.c.id == source_id))
    return gone


def save_run(store: Store, record: RunRecord, state: Mapping[str, Any] | None) -> None:
    """Record a run and, unless ``state`` is None (the run failed), what the source has
    now given, in one transaction."""
    values: dict[str, Any] = {"last_run_at": record.finished_at}
    if state is not None:
        values["state"] = dict(state)
    row = {k: v for k, v in record.to_json().items() if k not in ("kind", "target", "summary")}
    with store.writing(f"record a run of watched source {record.source_id}") as conn:
        found = conn.execute(
            update(watch_sources).where(watch_sources.c.id == record.source_id).values(**values)
        )
        if found.rowcount:  # none when `bilat watch remove` took the source meanwhile
            conn.execute(insert(watch_runs).values(**row))


def history(store: Store, limit: int = 100, source_id: int | None = None) -> list[RunRecord]:
    """The latest runs, newest first, each with its source's kind and target."""
    r, s = watch_runs.c, watch_sources.c
    query = (
        select(watch_runs, s.kind, s.target)
        .join(watch_sources, s.id == r.source_id)
        .order_by(r.id.desc())
        .limit(limit)
    )
    if source_id is not None:
        query = query.where(r.source_id == source_id)
    with store.reading("read the watch history") as conn:
        return [_run(row) for row in conn.execute(query)]


def _source(row: Row[Any]) -> WatchedSource:
    values = row._mapping
    return WatchedSource(
        id=values["id"],
        kind=values["kind"],
        target=values["target"],
        every_s=values["every_s"],
        added_at=values["added_at"],
        last_run_at=values["last_run_at"],
        state=values["state"] or {},
    )


def _run(row: Row[Any]) -> RunRecord:
    values = dict(row._mapping)
    values.pop("id")
    return RunRecord(**values)


def _no_such_source(store: Store, source_id: int) -> NotFoundError:
    ids = [str(s.id) for s in sources(store)]
    known = f"the watched ones are {', '.join(ids)}" if ids else "nothing is watched yet"
    return NotFoundError(f"no watched source {source_id} ({known}; see `bilat watch list`)")
