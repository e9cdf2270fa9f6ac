"""Where the knowledge base keeps its state: in the store's own schema, through its paths.

``curation`` (human decisions: who, when, why) and ``doc_groups`` (reprint groups, with
each document's MinHash signature) are declared in ``bilat.store.schema``, created and
migrated with the store's other tables under its one schema version. Reads and writes go
through the store's ``reading`` and ``writing``: the one write transaction (SQLite's
``BEGIN IMMEDIATE``) and the one guard that turns a database error into StoreError.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy import Connection

from bilat.store import Store
from bilat.store.schema import curation, doc_groups

__all__ = ["curation", "doc_groups", "reading", "writing"]


def reading(store: Store, action: str) -> AbstractContextManager[Connection]:
    """A connection for reads; a database error becomes StoreError naming ``action``."""
    return store.reading(action)


def writing(store: Store, action: str) -> AbstractContextManager[Connection]:
    """One write transaction; a database error rolls it back and becomes StoreError."""
    return store.writing(action)
