"""The Store: one SQLite file or PostgreSQL database of documents, facts and mentions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy import Connection, exists, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bilat.errors import StoreError
from bilat.model import Document, Fact, Mention
from bilat.store import dialect, migrations, queries, schema
from bilat.store.records import SearchHit, StoredDocument, StoredFact
from bilat.store.writes import Prepared, prepare, stored_ids
from bilat.store.writes import write_documents as _write_documents
from bilat.store.writes import write_facts as _write_facts
from bilat.store.writes import write_mentions as _write_mentions

DEFAULT_URL = "sqlite:///bilat.db"

# What add_many takes: a document with its facts and mentions, as add does.
Entry = tuple[Document, Sequence[Fact], Sequence[Mention]]


class Store:
    """Documents, their facts and the actors they name, with full-text search.

    ``url`` is a SQLAlchemy URL (``sqlite:///path.db``, ``postgresql://user@host/db``)
    or a bare file path, which means SQLite. Tables are created on first use.
    Every database failure is raised as StoreError naming the database and the action.
    """

    def __init__(self, url: str = DEFAULT_URL, create: bool = True) -> None:
        """Open the database at ``url``; with ``create`` off, a SQLite file must exist."""
        self.engine = dialect.connect(url, create)
        self.where = self.engine.url.render_as_string(hide_password=True)
        try:
            with self.writing("open the database") as conn:
                _create_schema(conn)
        except BaseException:
            self.engine.dispose()  # no pooled connection outlives a Store never returned
            raise

    # -- writing ---------------------------------------------------------------------

    def add(
        self, document: Document, facts: Sequence[Fact], mentions: Sequence[Mention] = ()
    ) -> bool:
        """Store a document with its facts and mentions in one transaction.

        Returns False, writing nothing, when a document with the same id is stored.
        """
        if self.has(document.id):
            return False  # before lemmatising: re-ingest of a known corpus stays cheap
        return self._write([prepare(document, facts, mentions)], f"document {document.name}")[0]

    def add_many(self, entries: Iterable[Entry]) -> list[bool]:
        """Store documents with their facts and mentions, all in one transaction: a batch
        is written whole or not at all. For each entry, whether it was added (False for a
        document stored before, or given twice). Bulk loads and the ingest of many
        documents at once go through here: a few statements per table per batch."""
        given = list(entries)
        with self.reading("look up documents") as conn:
            known = stored_ids(conn, (document.id for document, _, _ in given))
        batch: dict[str, Prepared] = {}
        for document, facts, mentions in given:
            if document.id not in known and document.id not in batch:
                batch[document.id] = prepare(document, facts, mentions)
        added = dict(zip(batch, self._write(list(batch.values()), _batch_name(given)), strict=True))
        return [added.pop(document.id, False) for document, _, _ in given]

    def _write(self, batch: list[Prepared], what: str) -> list[bool]:
        """Write ``batch`` in one transaction; for each, whether it was added (False: another
        writer stored it meanwhile)."""
        if not batch:
            return []
        try:
            with self.writing(f"store {what}") as conn:
                stored = stored_ids(conn, (p.document.id for p in batch))
                fresh = [p for p in batch if p.document.id not in stored]
                _write_documents(conn, fresh)
                _write_facts(conn, fresh)
                _write_mentions(conn, fresh)
                added = {"documents": len(fresh), "facts": sum(len(p.facts) for p in fresh)}
                queries.add_to_counts(conn, added)
        except StoreError as e:
            if not isinstance(e.__cause__, IntegrityError):
                raise
            # Another process stored one of them after our check (PostgreSQL's parallel
            # writers): one at a time, each either lands or is found stored.
            if len(batch) == 1:
                if self.has(batch[0].document.id):
                    return [False]
                raise
            return [self._write([p], f"document {p.document.name}")[0] for p in batch]
        return [p.document.id not in stored for p in batch]

    # -- reading ---------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        with self.reading("look up a document") as conn:
            return _stored(conn, doc_id)

    def count_documents(self) -> int:
        return self.counts()["documents"]

    def counts(self) -> dict[str, int]:
        """Rows of documents, facts and kb_documents, as the writes kept them."""
        with self.reading("count documents") as conn:
            return queries.kept_counts(conn)

    def count_facts(self, by: str = "type") -> dict[str, int]:
        """Facts per value of a column (type, indicator, year, status, …, or party)."""
        with self.reading("count facts") as conn:
            return queries.count_facts(conn, by)

    def top_pairs(self, limit: int = 10) -> list[tuple[str, str, int]]:
        """(party, party, number of facts) for the pairs with most facts."""
        with self.reading("count pairs") as conn:
            return queries.top_pairs(conn, limit)

    def documents(self, limit: int = 100, offset: int = 0) -> list[StoredDocument]:
        with self.reading("list documents") as conn:
            return queries.documents_page(conn, limit, offset)

    def document(self, doc_id: str) -> StoredDocument | None:
        """A document with its text, by id or unique id prefix (≥ 6 hex digits)."""
        with self.reading("read a document") as conn:
            return queries.document(conn, doc_id)

    def document_facts(self, doc_id: str) -> list[StoredFact]:
        return self.facts(doc_id=doc_id)

    def document_mentions(self, doc_id: str) -> list[Mention]:
        with self.reading("read mentions") as conn:
            return queries.document_mentions(conn, doc_id)

    def facts(
        self,
        *,
        pair: tuple[str, str] | None = None,
        party: str | None = None,
        type: str | None = None,
        indicator: str | None = None,
        year: int | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredFact]:
        """Facts matching every filter given; ``pair`` in either order, codes exact."""
        with self.reading("read facts") as conn:
            where = queries.fact_conditions(
                conn,
                pair=pair,
                party=party,
                type=type,
                indicator=indicator,
                year=year,
                doc_id=doc_id,
            )
            return [] if where is None else queries.facts_page(conn, where, limit, offset)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents containing every word of ``query``, in any grammatical form."""
        with self.reading("search") as conn:
            return queries.search(conn, query, limit)

    # -- plumbing --------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.where!r})"

    @contextmanager
    def writing(self, action: str) -> Iterator[Connection]:
        """One write transaction: the one way anything, the knowledge base included, writes
        to the database. A database error rolls it back and is raised as StoreError naming
        ``action`` ("record a decision on fact …")."""
        with self._guard(action), self.engine.connect() as conn:
            conn.execution_options(**{dialect.WRITE: True})  # SQLite: BEGIN IMMEDIATE
            with conn.begin():
                yield conn

    @contextmanager
    def alone(self, name: str) -> Iterator[None]:
        """Run the body while no other process that shares this database runs one of the
        same ``name`` ("knowledge base"): work of many transactions that two processes
        must not interleave. PostgreSQL: an advisory lock held by a transaction of its
        own, released when the body ends or the process dies. SQLite: the body runs as is
        (its writes already take turns, and a reader sees only what was committed)."""
        if self.engine.dialect.name != "postgresql":
            yield
            return
        with self.engine.connect() as conn, conn.begin():
            with self._guard(f"wait for another process's {name} work"):
                dialect.lock_for_transaction(conn, name)
            yield

    @contextmanager
    def reading(self, action: str) -> Iterator[Connection]:
        """A connection for reads; a database error is raised as StoreError naming ``action``."""
        with self._guard(action), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as e:
            reason = dialect.why_failed(getattr(e, "orig", None) or e)
            raise StoreError(f"{self.where}: cannot {action}: {reason}") from e


def _create_schema(conn: Connection) -> None:
    """Create what is missing and migrate an older database, in the opening transaction."""
    dialect.lock_schema(conn)
    # The version is read before create_all, so that a newer database is refused untouched.
    found = _schema_version(conn)
    schema.metadata.create_all(conn)
    dialect.create_search_index(conn)
    current = str(schema.SCHEMA_VERSION)
    if found is None:
        conn.execute(insert(schema.meta).values(key=_VERSION_KEY, value=current))
        conn.execute(insert(schema.counts), [{"name": n, "n": 0} for n in schema.COUNTED])
    elif found != current:
        migrations.migrate(conn, int(found))
        conn.execute(
            update(schema.meta).where(schema.meta.c.key == _VERSION_KEY).values(value=current)
        )


_VERSION_KEY = "schema_version"


def _schema_version(conn: Connection) -> str | None:
    """The database's schema version (None when new); StoreError if it cannot be read."""
    if not conn.dialect.has_table(conn, schema.meta.name):
        return None  # a new database; on PostgreSQL a failed SELECT would end the transaction
    found = conn.execute(
        select(schema.meta.c.value).where(schema.meta.c.key == _VERSION_KEY)
    ).scalar()
    if (
        found is None
        or found == str(schema.SCHEMA_VERSION)
        or (found.isdigit() and migrations.can_migrate(int(found)))
    ):
        return found
    raise StoreError(
        f"{conn.engine.url.render_as_string(hide_password=True)}: database has "
        f"schema version {found}, this bilat reads versions 1 to "
        f"{schema.SCHEMA_VERSION}: upgrade bilat, or ingest into a new database"
    )


def _stored(conn: Connection, doc_id: str) -> bool:
    return bool(conn.execute(select(exists().where(schema.documents.c.id == doc_id))).scalar())


def _batch_name(entries: Sequence[Entry]) -> str:
    """How a failed batch is named: its documents' names, the first and the last."""
    if len(entries) <= 1:
        return " ".join(f"document {document.name}" for document, _, _ in entries)
    return f"{len(entries)} documents ({entries[0][0].name} … {entries[-1][0].name})"
