"""The knowledge base kept current as documents and decisions arrive, never whole on a read.

``update(store)`` takes in what the store holds and the knowledge base has not seen yet:
new documents (their claims' scopes, their pairs' fact counts), reprint groups that
changed, curation decisions recorded since; each marks the scopes it touches as dirty in
the transaction that records it, and only those scopes are consolidated again (see
``kb.scoped``). A crash between the two leaves the marks, and the next update finishes.
``rebuild(store)`` starts from nothing: after an upgrade, or after a rule changed.

An ingest runs ``update`` when it has stored its documents, ``curate`` when it has
recorded a decision; a reader that finds the knowledge base behind (a document stored by
another program) runs it too, which takes in only what is new.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select
from sqlalchemy import update as sql_update

from bilat.kb import duplicates
from bilat.kb.claims import claims, every_fact
from bilat.kb.consolidate import consolidate
from bilat.kb.scoped import consolidated_rows, finding_rows, scope_of, side_rows, total_row
from bilat.kb.state import curation, doc_groups, reading, writing
from bilat.store import Store
from bilat.store import queries as store_queries
from bilat.store.dialect import insert_missing
from bilat.store.schema import (
    documents,
    fact_parties,
    facts,
    kb_claims,
    kb_consolidated,
    kb_dirty,
    kb_documents,
    kb_findings,
    kb_pairs,
    kb_sides,
    kb_totals,
    meta,
)

DOCUMENT_BATCH = 500  # documents taken in per transaction
IN_LIMIT = 500  # ids per IN list: under SQLite's bound variable limit
# Facts consolidated per pass: many small scopes share one read of decisions and groups.
FACT_BATCH = 5000
LAST_DECISION = "kb_last_decision"  # meta key: the last curation id taken in
KB_TABLES = (
    kb_documents,
    kb_claims,
    kb_dirty,
    kb_consolidated,
    kb_findings,
    kb_pairs,
    kb_sides,
    kb_totals,
)


@dataclass(frozen=True)
class Update:
    """What one update took in and what it consolidated again."""

    documents: int = 0
    decisions: int = 0
    scopes: int = 0  # scopes consolidated again
    keys: int = 0  # consolidation keys in them


_locks: dict[str, threading.Lock] = {}
_guard = threading.Lock()


def _lock(store: Store) -> threading.Lock:
    with _guard:
        return _locks.setdefault(store.where, threading.Lock())


# -- state -------------------------------------------------------------------------------------


def behind(store: Store) -> bool:
    """Whether a document, a reprint group or a decision is not in the rows yet."""
    with reading(store, "read the knowledge base's state") as conn:
        counted = store_queries.kept_counts(conn)
        n_docs, n_taken = counted["documents"], counted["kb_documents"]
        dirty = conn.execute(select(kb_dirty.c.scope).limit(1)).first() is not None
        last = int(conn.execute(select(func.max(curation.c.id))).scalar() or 0)
        seen = _last_decision(conn)
    return n_docs != n_taken or dirty or last != seen


def built(store: Store) -> bool:
    """Whether the rows were ever made: False for a database an older bilat wrote."""
    with reading(store, "read the knowledge base's state") as conn:
        taken = conn.execute(select(kb_documents.c.doc_id).limit(1)).first() is not None
        stored = conn.execute(select(documents.c.id).limit(1)).first() is not None
    return taken or not stored


def _last_decision(conn: Connection) -> int:
    found = conn.execute(select(meta.c.value).where(meta.c.key == LAST_DECISION)).scalar()
    return int(found or 0)


# -- updating ----------------------------------------------------------------------------------


def update(store: Store) -> Update:
    """Take in what is new and consolidate again the scopes it touched. Two processes
    (ingests into one PostgreSQL database) take turns: each would consolidate the same
    dirty scopes again and write their rows twice."""
    with _lock(store), store.alone("knowledge base"):
        if not behind(store):  # the walks below read every document's id
            return Update()
        duplicates.refresh(store)  # signs new documents, regroups reprints
        n_documents = _take_in_documents(store)
        _take_in_regrouped(store)
        n_decisions = _take_in_decisions(store)
        scopes, keys = _recompute_dirty(store)
    return Update(documents=n_documents, decisions=n_decisions, scopes=scopes, keys=keys)


def rebuild(store: Store) -> Update:
    """Every row made again from the stored documents and decisions."""
    with (
        _lock(store),
        store.alone("knowledge base"),
        writing(store, "clear the knowledge base's rows") as conn,
    ):
        for table in KB_TABLES:
            conn.execute(delete(table))
        conn.execute(delete(meta).where(meta.c.key == LAST_DECISION))
        store_queries.reset_count(conn, "kb_documents")
    return update(store)


def _take_in_documents(store: Store) -> int:
    taken = select(kb_documents.c.doc_id)
    with reading(store, "find documents not taken in") as conn:
        new = list(
            conn.execute(select(documents.c.id).where(documents.c.id.not_in(taken))).scalars()
        )
    for i in range(0, len(new), DOCUMENT_BATCH):
        _take_in_batch(store, new[i : i + DOCUMENT_BATCH])
    return len(new)


def _take_in_batch(store: Store, doc_ids: list[str]) -> None:
    stored = every_fact(store, [facts.c.doc_id.in_(doc_ids)])
    rows = _claim_rows(store, stored)
    groups = duplicates.groups_of(store, doc_ids)
    with writing(store, "take new documents into the knowledge base") as conn:
        # Another process's update may have taken some in since they were listed (two
        # ingests into one file): its write lock is released, so they are seen here.
        fresh = set(doc_ids) - _taken(conn, doc_ids)
        rows = [r for r in rows if r["doc_id"] in fresh]
        conn.execute(delete(kb_claims).where(kb_claims.c.doc_id.in_(sorted(fresh))))
        if fresh:
            conn.execute(
                insert(kb_documents), [{"doc_id": d, "group_id": groups[d]} for d in sorted(fresh)]
            )
            store_queries.add_to_counts(conn, {"kb_documents": len(fresh)})
        if rows:
            conn.execute(insert(kb_claims), rows)
        _mark_dirty(conn, {r["scope"] for r in rows})
        _add_pairs(conn, _pair_counts(conn, [f.id for f in stored if f.doc_id in fresh]))


def _taken(conn: Connection, doc_ids: Sequence[str]) -> set[str]:
    query = select(kb_documents.c.doc_id).where(kb_documents.c.doc_id.in_(doc_ids))
    return set(conn.execute(query).scalars())


def _claim_rows(store: Store, stored: Sequence[Any]) -> list[dict[str, str]]:
    return [
        {"fact_id": c.id, "doc_id": c.fact.doc_id, "scope": scope_of(c)}
        for c in claims(store, stored, keep_rejected=True)
    ]


def _take_in_regrouped(store: Store) -> None:
    """Documents whose reprint group changed: their scopes count sources anew."""
    k, g = kb_documents.c, doc_groups.c
    query = select(k.doc_id, g.group_id).join_from(kb_documents, doc_groups, k.doc_id == g.doc_id)
    with reading(store, "compare reprint groups") as conn:
        moved = {d: grp for d, grp in conn.execute(query.where(k.group_id != g.group_id))}
    if not moved:
        return
    with writing(store, "take changed reprint groups into the knowledge base") as conn:
        _mark_dirty(conn, _scopes_of_documents(conn, moved))
        for doc_id, group in moved.items():
            conn.execute(sql_update(kb_documents).where(k.doc_id == doc_id).values(group_id=group))


def _take_in_decisions(store: Store) -> int:
    """Decisions since the last update: their documents' claims may change scope."""
    with reading(store, "read new decisions") as conn:
        seen = _last_decision(conn)
        new = conn.execute(select(curation.c.id, curation.c.doc_id).where(curation.c.id > seen))
        by_id: dict[int, str] = {int(i): d for i, d in new}
    if not by_id:
        return 0
    doc_ids = sorted(set(by_id.values()))
    rows = _claim_rows(store, every_fact(store, [facts.c.doc_id.in_(doc_ids)]))
    with writing(store, "take decisions into the knowledge base") as conn:
        old = _scopes_of_documents(conn, doc_ids)
        conn.execute(delete(kb_claims).where(kb_claims.c.doc_id.in_(doc_ids)))
        if rows:
            conn.execute(insert(kb_claims), rows)
        _mark_dirty(conn, old | {r["scope"] for r in rows})
        _set_last_decision(conn, seen, max(by_id))
    return len(by_id)


def _set_last_decision(conn: Connection, seen: int, last: int) -> None:
    if seen:
        conn.execute(sql_update(meta).where(meta.c.key == LAST_DECISION).values(value=str(last)))
    else:
        conn.execute(delete(meta).where(meta.c.key == LAST_DECISION))
        conn.execute(insert(meta).values(key=LAST_DECISION, value=str(last)))


def _scopes_of_documents(conn: Connection, doc_ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(doc_ids)):
        query = select(kb_claims.c.scope).where(kb_claims.c.doc_id.in_(chunk)).distinct()
        found.update(conn.execute(query).scalars())
    return found


def _mark_dirty(conn: Connection, scopes: Iterable[str]) -> None:
    insert_missing(conn, kb_dirty, [{"scope": s} for s in sorted(set(scopes))])


# -- consolidating again -----------------------------------------------------------------------


def _recompute_dirty(store: Store) -> tuple[int, int]:
    """Consolidate the dirty scopes again, many small ones to a pass; (scopes, keys)."""
    with reading(store, "read dirty scopes") as conn:
        dirty = sorted(conn.execute(select(kb_dirty.c.scope)).scalars())
        members = _members(conn, dirty)
    n_keys = 0
    for batch in _scope_batches(dirty, members):
        n_keys += _recompute(store, batch, members)
    return len(dirty), n_keys


def _members(conn: Connection, scopes: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {s: [] for s in scopes}
    for chunk in _chunks(scopes):
        query = select(kb_claims.c.scope, kb_claims.c.fact_id).where(kb_claims.c.scope.in_(chunk))
        for scope, fact_id in conn.execute(query):
            found[scope].append(fact_id)
    return found


def _scope_batches(scopes: Sequence[str], members: dict[str, list[str]]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for scope in scopes:
        if batch and size + len(members[scope]) > FACT_BATCH:
            yield batch
            batch, size = [], 0
        batch.append(scope)
        size += len(members[scope])
    if batch:
        yield batch


def _recompute(store: Store, scopes: list[str], members: dict[str, list[str]]) -> int:
    """Consolidate these scopes and replace their rows, in one transaction."""
    scope_of_fact = {f: s for s in scopes for f in members[s]}
    stored = [
        fact
        for chunk in _chunks(sorted(scope_of_fact))
        for fact in every_fact(store, [facts.c.id.in_(chunk)])
    ]
    by_scope: dict[str, list[Any]] = {s: [] for s in scopes}
    for claim in claims(store, stored):
        by_scope[scope_of_fact[claim.id]].append(claim)
    rows: list[dict[str, Any]] = []
    found: list[dict[str, Any]] = []
    totals: list[dict[str, Any]] = []
    n_keys = 0
    for scope, its in by_scope.items():
        items = consolidate(its)
        n_keys += len({c.key for c in items})
        rows.extend(consolidated_rows(scope, items))
        found.extend(finding_rows(scope, items))
        if items:
            totals.append(total_row(scope, items))
    with writing(store, "store consolidated facts") as conn:
        for chunk in _chunks(scopes):
            for table in (kb_consolidated, kb_findings, kb_totals, kb_dirty):
                conn.execute(delete(table).where(table.c.scope.in_(chunk)))
        for table, written in ((kb_consolidated, rows), (kb_findings, found), (kb_totals, totals)):
            if written:
                conn.execute(insert(table), written)
        # a scope's sides never change; one whose rows are gone reads as nothing
        insert_missing(conn, kb_sides, side_rows([s for s in scopes if by_scope[s]]))
    return n_keys


# -- pairs -------------------------------------------------------------------------------------


def _pair_counts(conn: Connection, fact_ids: Sequence[str]) -> dict[tuple[str, str], int]:
    """Facts per pair of their parties, as ``Store.top_pairs`` counts them."""
    parties: dict[str, list[str]] = {}
    for chunk in _chunks(fact_ids):
        query = select(fact_parties.c.fact_id, fact_parties.c.party).where(
            fact_parties.c.fact_id.in_(chunk)
        )
        for fact_id, party in conn.execute(query):
            parties.setdefault(fact_id, []).append(party)
    counts: dict[tuple[str, str], int] = {}
    for codes in parties.values():
        for a, b in combinations(sorted(set(codes)), 2):
            if not (b.startswith(a + "-") or a.startswith(b + "-")):  # one side, not a pair
                counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def _add_pairs(conn: Connection, counts: dict[tuple[str, str], int]) -> None:
    p = kb_pairs.c
    known: dict[tuple[str, str], int] = {}
    for chunk in _chunks(sorted({a for a, _ in counts})):
        query = select(p.a, p.b, p.n_facts).where(p.a.in_(chunk))
        known.update({(a, b): n for a, b, n in conn.execute(query)})
    fresh = [{"a": a, "b": b, "n_facts": n} for (a, b), n in counts.items() if (a, b) not in known]
    if fresh:
        conn.execute(insert(kb_pairs), fresh)
    grown = [
        {"pa": a, "pb": b, "n": known[(a, b)] + n}
        for (a, b), n in sorted(counts.items())
        if (a, b) in known
    ]
    if grown:  # one statement for them all (executemany), not one a pair
        same = sql_update(kb_pairs).where(p.a == bindparam("pa"), p.b == bindparam("pb"))
        conn.execute(same.values(n_facts=bindparam("n")), grown)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), IN_LIMIT):
        yield items[i : i + IN_LIMIT]
