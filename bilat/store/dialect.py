"""Everything that differs between SQLite and PostgreSQL, kept in one place.

Connecting (URLs, SQLite pragmas and write locks), the full-text index (FTS5 on SQLite,
a GIN index over a stored ``tsvector`` of the lemmas on PostgreSQL), "insert unless
present", and the full-text query. The rest of ``bilat.store`` is dialect-free SQLAlchemy Core.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Connection, Engine, Row, Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from bilat.errors import StoreError

# JSONB on PostgreSQL: smaller, indexable, and what a later JSON query would want.
JSON_TYPE = JSON().with_variant(postgresql.JSONB(), "postgresql")

# Execution option that marks a connection as about to write (see _sqlite_begin).
WRITE = "bilat_write"

# How long a writer waits for another one (a second ingest, a curation on the dashboard)
# before it gives up. A document is committed in milliseconds and a knowledge-base batch
# in a few seconds, so a lock held for half a minute belongs to a process that is stuck,
# and a clear line beats waiting on. Also how long a new connection waits for another
# one's switch of a new file to WAL.
BUSY_TIMEOUT_S = 30.0

# After busy_timeout (set first, from BUSY_TIMEOUT_S): switching a new file to WAL takes a
# lock, and workers opening the same new database at once must wait for it.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",  # readers (the web app) never block the writer
    "PRAGMA synchronous=NORMAL",  # durable enough under WAL, and much faster per commit
    "PRAGMA foreign_keys=ON",  # SQLite ignores REFERENCES unless told
)
# What SQLite says when it gave up waiting for another connection's write lock.
_GAVE_UP = ("database is locked", "database is busy")

# Any constant will do: it names the lock that serialises schema creation across workers.
_SCHEMA_LOCK_KEY = 0x62696C6174  # "bilat"
# Other advisory locks, by name; each key differs from the schema's.
_LOCK_KEYS = {"knowledge base": 0x62696C61746B62}  # "bilatkb"


def normalise_url(url: str) -> str:
    """A SQLAlchemy URL from what a user typed: a bare path means a SQLite file."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):  # psycopg 3 is the driver we ship, not psycopg2
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def connect(url: str, create: bool = True) -> Engine:
    """An engine for ``url``, configured for its dialect; StoreError if unusable, or if
    ``create`` is off and there is no SQLite file to read."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as e:
        raise StoreError(f"{url}: not a database URL or a file path ({e})") from e
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"{url}: expected a SQLite path or a PostgreSQL URL, "
            f"found the {parsed.get_backend_name()!r} dialect"
        )
    if parsed.get_backend_name() == "sqlite":
        _check_sqlite_path(parsed.database, create)
    try:
        engine = create_engine(parsed, json_serializer=_json_dumps)
    except (ArgumentError, NoSuchModuleError, ImportError) as e:
        raise StoreError(f"{url}: cannot use this database URL ({e})") from e
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _json_dumps(value: Any) -> str:
    # Russian stays readable in the SQLite file; NaN is refused as PostgreSQL would.
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _check_sqlite_path(database: str | None, create: bool = True) -> None:
    # SQLite says only "unable to open database file"; name what is wrong instead.
    if not database or database == ":memory:":
        return
    path = Path(database)
    if path.is_dir():
        raise StoreError(f"{database}: is a directory, expected a database file")
    if not create and not path.exists():
        # a typo in --db would otherwise read an empty database made on the spot
        raise StoreError(
            f"{database}: no such database; `bilat ingest FILES --db {database}` makes one"
        )
    if not path.parent.is_dir():
        raise StoreError(
            f"{database}: cannot create the database: {path.parent} is not an existing directory"
        )


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level: pysqlite's own BEGIN handling is replaced by ours.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={round(BUSY_TIMEOUT_S * 1000)}")
    for pragma in SQLITE_PRAGMAS:
        if pragma.startswith("PRAGMA journal_mode"):
            _switch_journal(cursor, pragma)
        else:
            cursor.execute(pragma)
    cursor.close()


def _switch_journal(cursor: Any, pragma: str) -> None:
    # SQLite answers "database is locked" at once, without calling the busy handler, when
    # another connection is switching the same new file to WAL; wait for it here instead.
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay = 0.01
    while True:
        try:
            cursor.execute(pragma)
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def why_failed(reason: BaseException) -> str:
    """The driver's reason for a failed statement; when SQLite gave up waiting for another
    writer, also what happened to this write and what to do."""
    if isinstance(reason, sqlite3.OperationalError) and str(reason) in _GAVE_UP:
        return (
            f"{reason}: another process (an ingest, a curation on the dashboard) kept "
            f"writing to it for over {BUSY_TIMEOUT_S:g} s; nothing of this was written and "
            "what was stored before stays: run the command again once the other has finished"
        )
    return str(reason)


def _sqlite_begin(conn: Connection) -> None:
    # A writer takes the write lock up front: a deferred transaction that reads and then
    # writes fails with "database is locked" when another writer got there first,
    # whereas BEGIN IMMEDIATE waits for busy_timeout.
    mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def lock_schema(conn: Connection) -> None:
    """Serialise schema creation between processes opening a new database at once."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})
    # SQLite: the write transaction (BEGIN IMMEDIATE) already excludes other writers.


def lock_for_transaction(conn: Connection, name: str) -> None:
    """Wait until no other process's transaction holds the lock ``name`` (one of
    ``_LOCK_KEYS``), then hold it until this transaction ends. PostgreSQL only: SQLite
    lets one writer in at a time anyway."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEYS[name]})


def byte_order(conn: Connection, column: Any) -> Any:
    """``column`` to sort by its bytes (code points), as Python sorts strings and SQLite
    does by default; a PostgreSQL database's own collation may order by language."""
    return column.collate("C") if conn.dialect.name == "postgresql" else column


def create_search_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts "
            "USING fts5(doc_id UNINDEXED, title, lemmas)"
        )
        return
    # A stored tsvector of the lemma column, with a GIN index. 'simple' only lowercases:
    # our lemmas are already normalised by pymorphy, and the 'russian' snowball stemmer
    # would only cut them further and merge words. Stored rather than an index over
    # to_tsvector(lemmas): ranking read it again for every match (335 ms for a word in
    # 7,000 of 10,000 documents; see docs/postgres-plans.md). Each is checked first, as
    # ALTER and CREATE INDEX lock the table even when there is nothing to do.
    if not _has_column(conn, "documents", SEARCH_VECTOR):
        conn.exec_driver_sql(
            f"ALTER TABLE documents ADD COLUMN {SEARCH_VECTOR} tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', lemmas)) STORED"
        )
    if not _has_index(conn, SEARCH_INDEX):
        conn.exec_driver_sql(
            f"CREATE INDEX {SEARCH_INDEX} ON documents USING gin ({SEARCH_VECTOR})"
        )


SEARCH_VECTOR = "search_vector"  # PostgreSQL only: not in schema.py, as FTS5 is not
SEARCH_INDEX = "ix_documents_search"
OLD_SEARCH_INDEX = "ix_documents_lemmas_fts"  # over to_tsvector(lemmas), before version 5


def drop_old_search_index(conn: Connection) -> None:
    """Version 5 searches the stored column: the index over the expression goes."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {OLD_SEARCH_INDEX}")


def _has_column(conn: Connection, table: str, column: str) -> bool:
    found = conn.execute(
        text(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = :table AND column_name = :column"
        ),
        {"table": table, "column": column},
    ).first()
    return found is not None


def _has_index(conn: Connection, name: str) -> bool:
    found = conn.execute(
        text("SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = :n"),
        {"n": name},
    ).first()
    return found is not None


def index_documents(conn: Connection, rows: Sequence[tuple[str, str, str]]) -> None:
    """Add documents' (id, title lemmas, lemmas) to the full-text index; PostgreSQL's
    index follows the column by itself."""
    if conn.dialect.name == "sqlite" and rows:
        conn.execute(
            text(
                "INSERT INTO documents_fts (doc_id, title, lemmas) "
                "VALUES (:doc_id, :title, :lemmas)"
            ),
            [{"doc_id": d, "title": t, "lemmas": lemmas} for d, t, lemmas in rows],
        )


# How many of the most recently added matches are ranked. bm25 costs time for every match,
# and a word found in every document (the name of a country, "товарооборот") matched
# 20,000 documents in 110 ms; ranking the newest 2,000 takes 12 ms (benchmarks/
# web_latency.py), and for news the newest matches are the ones a reader wants first.
RANKED_MATCHES = 2000

# Title matches weigh twice body matches: a headline that names the query is the article.
# Ranked and cut inside the index first; only the kept hits are joined to their texts.
_SQLITE_SEARCH = text(f"""
    SELECT d.id, d.name, d.title, d.date, d.text, hits.score
    FROM (SELECT doc_id, -bm25(documents_fts, 0, 2.0, 1.0) AS score
          FROM documents_fts
          WHERE documents_fts MATCH :query
            AND rowid >= (SELECT min(rowid) FROM (
                SELECT rowid FROM documents_fts WHERE documents_fts MATCH :query
                ORDER BY rowid DESC LIMIT {RANKED_MATCHES}))
          ORDER BY score DESC, doc_id LIMIT :limit) AS hits
    JOIN documents AS d ON d.id = hits.doc_id
    ORDER BY hits.score DESC, d.id
""")

# PostgreSQL ranks the newest 500 matches: the inner query walks ix_documents_date_id
# backwards and stops at the 500th match when a word is in many documents, or reads the
# GIN index when it is rare (the planner knows which from the column's statistics). The
# walk tests each document's vector on its way: for a word in 15 % of 100,000 documents,
# reaching the 2,000th match tested 13,000 of them (100-145 ms with every page cached,
# EXPLAIN ANALYZE), the 500th 3,300 (25 ms). Only the kept hits are joined to their texts.
RANKED_MATCHES_POSTGRES = 500
_POSTGRES_SEARCH = text(f"""
    SELECT d.id, d.name, d.title, d.date, d.text, hits.score
    FROM (SELECT newest.id, ts_rank(newest.{SEARCH_VECTOR}, q) AS score
          FROM (SELECT id, {SEARCH_VECTOR} FROM documents
                WHERE {SEARCH_VECTOR} @@ plainto_tsquery('simple', :query)
                ORDER BY date DESC, id DESC LIMIT {RANKED_MATCHES_POSTGRES}) AS newest,
               plainto_tsquery('simple', :query) AS q
          ORDER BY score DESC, newest.id LIMIT :limit) AS hits
    JOIN documents AS d ON d.id = hits.id
    ORDER BY hits.score DESC, d.id
""")


def search(conn: Connection, terms: Sequence[str], limit: int) -> Sequence[Row[Any]]:
    """Documents containing every lemma in ``terms``, best first, with a score."""
    if conn.dialect.name == "sqlite":
        # Each term quoted: FTS5 would read a bare "и" or "not" as syntax, and a quoted
        # hyphenated lemma becomes a phrase, the way the tokenizer split it when indexing.
        query = " ".join('"' + term.replace('"', '""') + '"' for term in terms)
        return conn.execute(_SQLITE_SEARCH, {"query": query, "limit": limit}).all()
    return conn.execute(_POSTGRES_SEARCH, {"query": " ".join(terms), "limit": limit}).all()


def insert_missing(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT … ON CONFLICT DO NOTHING: rows another writer added meanwhile are kept."""
    if not rows:
        return
    module = sqlite if conn.dialect.name == "sqlite" else postgresql
    conn.execute(module.insert(table).on_conflict_do_nothing(), list(rows))
