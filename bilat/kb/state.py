"""The knowledge base's own tables, kept apart from the machine's documents and facts.

``curation`` holds human decisions (who, when, why) and ``doc_groups`` the reprint groups
with each document's MinHash signature. Both are created on first use in the store's own
database, through SQLAlchemy Core, so they work on SQLite and PostgreSQL alike; neither
refers to ``facts`` by a foreign key, so a decision outlives the row it was made on.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.exc import SQLAlchemyError

from bilat.errors import StoreError
from bilat.store import Store
from bilat.store.dialect import JSON_TYPE, WRITE, lock_schema

metadata = MetaData()

curation = Table(
    "curation", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # order of decisions
    # The stable key (see curation.stable_key) finds the fact again after re-extraction;
    # fact_id is the exact row the decision was made on, tried first.
    Column("fact_key", String, nullable=False),
    Column("fact_id", String, nullable=False),
    Column("doc_id", String, nullable=False),
    Column("action", String, nullable=False),  # confirm | reject | correct
    Column("field", String),  # correct only
    Column("value", JSON_TYPE),  # correct only: the new value
    Column("by", String, nullable=False),
    Column("why", Text, nullable=False),
    Column("at", String, nullable=False),  # UTC, ISO 8601
    Index("ix_curation_doc", "doc_id"),  # decisions are looked up by document first
)

doc_groups = Table(
    "doc_groups", metadata,
    Column("doc_id", String, primary_key=True),
    # The group's representative: its earliest document (by date, then id).
    Column("group_id", String, nullable=False),
    Column("signature", LargeBinary, nullable=False),  # MinHash hash values, raw bytes
    Index("ix_doc_groups_group", "group_id"),
)

# Engines whose database already has these tables: create_all once per process.
_ready: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def _ensure(store: Store) -> None:
    if store.engine in _ready:
        return
    with _guard(store, "create the knowledge-base tables"), _begin_write(store) as conn:
        lock_schema(conn)
        metadata.create_all(conn)
    _ready[store.engine] = True


@contextmanager
def _guard(store: Store, action: str) -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as e:
        raise StoreError(f"{store.where}: cannot {action}: {getattr(e, 'orig', None) or e}"
                         ) from e


@contextmanager
def _begin_write(store: Store) -> Iterator[Connection]:
    with store.engine.connect() as conn:
        conn.execution_options(**{WRITE: True})  # SQLite: BEGIN IMMEDIATE, see dialect
        with conn.begin():
            yield conn


@contextmanager
def reading(store: Store, action: str) -> Iterator[Connection]:
    """A connection for reads, the knowledge-base tables created if missing."""
    _ensure(store)
    with _guard(store, action), store.engine.connect() as conn:
        yield conn


@contextmanager
def writing(store: Store, action: str) -> Iterator[Connection]:
    """One write transaction; database errors become StoreError naming the action."""
    _ensure(store)
    with _guard(store, action), _begin_write(store) as conn:
        yield conn
