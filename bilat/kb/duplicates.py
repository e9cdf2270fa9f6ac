"""Reprints: documents whose text is nearly the same, found by MinHash and LSH.

A document's id is the hash of its exact text, so a reprint with a new headline, a
different lead or a "Читайте также" footer is a second document. Counted as a second
source it would look like independent confirmation; grouped, it counts once.

Signatures are computed once per document and kept in ``doc_groups``; the groups are
recomputed from the stored signatures whenever new documents arrive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import select, update

from bilat.kb.state import doc_groups, reading, writing
from bilat.model import normalise_text
from bilat.store import Store
from bilat.store.dialect import insert_missing
from bilat.store.schema import documents

NUM_PERM = 128  # datasketch's default: Jaccard estimates within about ±0.09
SCHEME = "affine32"  # datasketch 2's default, named so stored signatures stay readable
HASH_DTYPE = np.uint32  # the hash values' type under SCHEME: how the stored bytes are read
SHINGLE_WORDS = 3  # word 3-grams: short news texts have too few 5-grams to compare
# Jaccard of shingle sets at or above which two texts are one article. Distinct articles
# of the demo corpus on the same pair share under 0.03; a reprint with a new headline,
# lead and footer keeps well above 0.6.
REPRINT_JACCARD = 0.5
BATCH = 500  # documents read and signed at a time: bounds memory on a large corpus

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Word 3-grams of the normalised, lower-cased text."""
    words = _WORD.findall(normalise_text(text).lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def _from_bytes(raw: bytes) -> MinHash:
    values = np.frombuffer(raw, dtype=HASH_DTYPE)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


# Per database: the number of documents when it was last found fully signed. Counting is
# far cheaper than looking for unsigned documents, which every request would otherwise do.
_signed_counts: dict[str, int] = {}


def refresh(store: Store) -> int:
    """Sign documents not signed yet and regroup if any were; returns how many were new."""
    n_documents = store.count_documents()
    if _signed_counts.get(store.where) == n_documents:
        return 0
    added = 0
    while batch := _unsigned(store):
        rows = [
            {
                "doc_id": doc_id,
                "group_id": doc_id,
                "signature": signature(text).hashvalues.astype(HASH_DTYPE).tobytes(),
            }
            for doc_id, text in sorted(batch)
        ]
        with writing(store, "store document signatures") as conn:
            # A request and a background refresh may sign the same new document at once:
            # the second keeps the first's row (the same signature) instead of failing. Both
            # write in id order, so neither holds a row the other waits for (PostgreSQL
            # deadlocked on two batches inserted in different orders).
            insert_missing(conn, doc_groups, rows)
        added += len(rows)
    if added:
        _regroup(store)
    _signed_counts[store.where] = n_documents
    return added


def _unsigned(store: Store) -> list[tuple[str, str]]:
    signed = select(doc_groups.c.doc_id)
    query = (
        select(documents.c.id, documents.c.text)
        .where(documents.c.id.not_in(signed))
        .order_by(documents.c.id)
        .limit(BATCH)
    )
    with reading(store, "find unsigned documents") as conn:
        return [(r.id, r.text) for r in conn.execute(query)]


def _regroup(store: Store) -> None:
    d, g = documents.c, doc_groups.c
    query = (
        select(g.doc_id, g.group_id, g.signature)
        .join_from(doc_groups, documents, d.id == g.doc_id)
        .order_by(d.date.asc().nulls_last(), d.id)
    )  # earliest first: representatives
    with reading(store, "read document signatures") as conn:
        rows = conn.execute(query).all()
    order = [r.doc_id for r in rows]
    groups = _group([(r.doc_id, _from_bytes(r.signature)) for r in rows], order)
    changed = [
        (doc_id, group)
        for doc_id, group, old in zip(
            order, (groups[i] for i in order), (r.group_id for r in rows), strict=True
        )
        if group != old
    ]
    if changed:
        with writing(store, "store reprint groups") as conn:
            for doc_id, group in changed:
                conn.execute(update(doc_groups).where(g.doc_id == doc_id).values(group_id=group))


def _group(signed: Sequence[tuple[str, MinHash]], order: Sequence[str]) -> dict[str, str]:
    """doc id → the first document (in ``order``) of its group of reprints."""
    lsh = MinHashLSH(threshold=REPRINT_JACCARD, num_perm=NUM_PERM)
    by_id = dict(signed)
    for doc_id, minhash in signed:
        lsh.insert(doc_id, minhash)
    rank = {doc_id: i for i, doc_id in enumerate(order)}
    parent = {doc_id: doc_id for doc_id in by_id}
    for doc_id, minhash in signed:
        for other in lsh.query(minhash):
            # LSH returns candidates; the estimate confirms them (no false positives kept).
            if other != doc_id and minhash.jaccard(by_id[other]) >= REPRINT_JACCARD:
                _union(parent, rank, doc_id, other)
    return {doc_id: _root(parent, doc_id) for doc_id in by_id}


def _root(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: dict[str, str], rank: dict[str, int], a: str, b: str) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:  # the earlier document stays the representative
        first, second = (ra, rb) if rank[ra] < rank[rb] else (rb, ra)
        parent[second] = first


def groups_of(store: Store, doc_ids: Iterable[str] | None = None) -> dict[str, str]:
    """doc id → group id (its earliest reprint); all documents when ``doc_ids`` is None."""
    refresh(store)
    query = select(doc_groups.c.doc_id, doc_groups.c.group_id)
    wanted = None if doc_ids is None else sorted(set(doc_ids))
    found: dict[str, str] = {}
    with reading(store, "read reprint groups") as conn:
        if wanted is None:
            return {r.doc_id: r.group_id for r in conn.execute(query)}
        for i in range(0, len(wanted), BATCH):  # bounded IN lists: SQLite's variable limit
            chunk = wanted[i : i + BATCH]
            found.update(
                (r.doc_id, r.group_id)
                for r in conn.execute(query.where(doc_groups.c.doc_id.in_(chunk)))
            )
    return {doc_id: found.get(doc_id, doc_id) for doc_id in wanted}


def duplicate_groups(store: Store) -> list[list[str]]:
    """Groups of two or more documents that are reprints of one article, earliest first."""
    members: dict[str, list[str]] = {}
    for doc_id, group in groups_of(store).items():
        members.setdefault(group, []).append(doc_id)
    return sorted(
        (
            [group, *sorted(m for m in ids if m != group)]
            for group, ids in members.items()
            if len(ids) > 1
        )
    )
