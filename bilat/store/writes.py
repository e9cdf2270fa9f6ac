"""How documents with their facts and mentions become rows, written a batch at a time.

Each table gets one multi-row INSERT per batch (SQLAlchemy's "insertmanyvalues": a few
statements of up to 1,000 rows on PostgreSQL, one executemany on SQLite), rather than a
statement per row: storing 3,000 generated documents (``bilat.scale_corpus``, lemmas
included) went from 150 to 1,600 documents a second on PostgreSQL, 500 a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from bilat.model import Actor, Document, Fact, Mention
from bilat.nlp import search_terms
from bilat.store import dialect, schema
from bilat.store.records import all_parties, fact_row

FactRows = dict[str, tuple[dict[str, Any], list[str]]]  # fact id → (row, every party)


@dataclass(frozen=True)
class Prepared:
    """A document made ready for writing: everything that takes time or may fail on bad
    input is done before the write transaction, so a SQLite writer holds its lock only
    for the inserts."""

    document: Document
    lemmas: str
    title_lemmas: str
    facts: FactRows
    mentions: Sequence[Mention]


def prepare(document: Document, facts: Sequence[Fact], mentions: Sequence[Mention]) -> Prepared:
    """StoreError, naming the document and the fact, for a fact that cannot be stored."""
    return Prepared(
        document,
        lemmas=search_terms(f"{document.title or ''}\n{document.text}"),
        title_lemmas=search_terms(document.title or ""),
        facts=fact_rows(document.id, facts),
        mentions=mentions,
    )


def fact_rows(doc_id: str, facts: Sequence[Fact]) -> FactRows:
    """Rows by fact id; a fact given twice is one row (same id, same content)."""
    rows: FactRows = {}
    for fact in facts:
        row = fact_row(doc_id, fact)
        rows.setdefault(row["id"], (row, all_parties(fact)))
    return rows


def stored_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are stored documents."""
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    for i in range(0, len(wanted), ID_CHUNK):
        chunk = wanted[i : i + ID_CHUNK]
        query = select(schema.documents.c.id).where(schema.documents.c.id.in_(chunk))
        found.update(conn.execute(query).scalars())
    return found


# Ids per IN (…) list: SQLite's default limit on bound parameters is 32,766; this stays
# far below it.
ID_CHUNK = 1000


def write_documents(conn: Connection, batch: Sequence[Prepared]) -> None:
    if not batch:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(insert(schema.documents), [_document_row(p, now) for p in batch])
    # The index gets the title's lemmas, so that bm25 can weigh title matches higher.
    dialect.index_documents(conn, [(p.document.id, p.title_lemmas, p.lemmas) for p in batch])


def _document_row(p: Prepared, now: str) -> dict[str, Any]:
    d = p.document
    return {
        "id": d.id,
        "name": d.name,
        "source": d.source,
        "kind": d.kind,
        "title": d.title,
        "date": d.date,
        "url": d.url,
        "text": d.text,
        "lemmas": p.lemmas,
        "n_chars": len(d.text),
        "ingested_at": now,
    }


def write_facts(conn: Connection, batch: Sequence[Prepared]) -> None:
    rows = [row for p in batch for row, _ in p.facts.values()]
    if not rows:
        return
    conn.execute(insert(schema.facts), rows)
    parties = [
        {"fact_id": fact_id, "party": party}
        for p in batch
        for fact_id, (_, codes) in p.facts.items()
        for party in codes
    ]
    if parties:
        conn.execute(insert(schema.fact_parties), parties)


def write_mentions(conn: Connection, batch: Sequence[Prepared]) -> None:
    every = [(p.document.id, m) for p in batch for m in p.mentions]
    if not every:
        return
    _write_actors(conn, {m.actor.code: m.actor for _, m in every})
    rows = {
        (doc_id, m.start, m.stop, m.actor.code): {
            "doc_id": doc_id,
            "start": m.start,
            "stop": m.stop,
            "code": m.actor.code,
            "text": m.text,
            "form": m.form,
            "normal": m.normal or m.actor.name,
        }
        for doc_id, m in every
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
