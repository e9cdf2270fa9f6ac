"""The Store: one SQLite file or PostgreSQL database of documents, facts and mentions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, exists, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bilat.errors import StoreError
from bilat.model import Actor, Document, Fact, Mention
from bilat.nlp import search_terms
from bilat.store import dialect, migrations, queries, schema
from bilat.store.records import SearchHit, StoredDocument, StoredFact, all_parties, fact_row

DEFAULT_URL = "sqlite:///bilat.db"


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
        # Everything that takes time or may fail on bad input happens before the write
        # lock is taken, so a SQLite writer holds it only for the inserts.
        lemmas = search_terms(f"{document.title or ''}\n{document.text}")
        title_lemmas = search_terms(document.title or "")
        fact_rows = _fact_rows(document.id, facts)
        try:
            with self.writing(f"store document {document.name}") as conn:
                if _stored(conn, document.id):
                    return False
                _write_document(conn, document, lemmas, title_lemmas)
                _write_facts(conn, fact_rows)
                _write_mentions(conn, document.id, mentions)
        except StoreError as e:
            if isinstance(e.__cause__, IntegrityError) and self.has(document.id):
                return False  # another process stored the same document meanwhile
            raise
        return True

    # -- reading ---------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        with self.reading("look up a document") as conn:
            return _stored(conn, doc_id)

    def count_documents(self) -> int:
        with self.reading("count documents") as conn:
            return int(
                conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
            )

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
    def reading(self, action: str) -> Iterator[Connection]:
        """A connection for reads; a database error is raised as StoreError naming ``action``."""
        with self._guard(action), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as e:
            reason = getattr(e, "orig", None) or e
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


def _fact_rows(doc_id: str, facts: Sequence[Fact]) -> dict[str, tuple[dict[str, Any], list[str]]]:
    """Rows by fact id; a fact given twice is one row (same id, same content)."""
    rows: dict[str, tuple[dict[str, Any], list[str]]] = {}
    for fact in facts:
        row = fact_row(doc_id, fact)
        rows.setdefault(row["id"], (row, all_parties(fact)))
    return rows


def _write_document(conn: Connection, document: Document, lemmas: str, title_lemmas: str) -> None:
    conn.execute(
        insert(schema.documents).values(
            id=document.id,
            name=document.name,
            source=document.source,
            kind=document.kind,
            title=document.title,
            date=document.date,
            url=document.url,
            text=document.text,
            lemmas=lemmas,
            n_chars=len(document.text),
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    # The index gets the title's lemmas, so that bm25 can weigh title matches higher.
    dialect.index_document(conn, document.id, title_lemmas, lemmas)


def _write_facts(conn: Connection, rows: dict[str, tuple[dict[str, Any], list[str]]]) -> None:
    if not rows:
        return
    conn.execute(insert(schema.facts), [row for row, _ in rows.values()])
    parties = [
        {"fact_id": fact_id, "party": party}
        for fact_id, (_, codes) in rows.items()
        for party in codes
    ]
    if parties:
        conn.execute(insert(schema.fact_parties), parties)


def _write_mentions(conn: Connection, doc_id: str, mentions: Sequence[Mention]) -> None:
    if not mentions:
        return
    _write_actors(conn, {m.actor.code: m.actor for m in mentions})
    rows = {
        (m.start, m.stop, m.actor.code): {
            "doc_id": doc_id,
            "start": m.start,
            "stop": m.stop,
            "code": m.actor.code,
            "text": m.text,
            "form": m.form,
            "normal": m.normal or m.actor.name,
        }
        for m in mentions
    }
    conn.execute(insert(schema.mentions), list(rows.values()))


def _write_actors(conn: Connection, by_code: dict[str, Actor]) -> None:
    """Insert new actors and correct changed ones; unchanged rows are not touched.

    Touching only changed rows matters on PostgreSQL: an update would lock the row
    (RU is in nearly every document) until commit, serialising parallel writers.
    """
    a = schema.actors.c
    stored = {
        r.code: r
        for r in conn.execute(
            select(a.code, a.name, a.kind, a.country).where(a.code.in_(list(by_code)))
        )
    }
    rows = [
        {"code": code, "name": actor.name, "kind": actor.kind, "country": actor.country}
        for code, actor in sorted(by_code.items())
    ]
    dialect.insert_missing(conn, schema.actors, [r for r in rows if r["code"] not in stored])
    for row in rows:
        old = stored.get(row["code"])
        if old is not None and tuple(old) != tuple(row.values()):
            conn.execute(update(schema.actors).where(a.code == row["code"]).values(**row))
