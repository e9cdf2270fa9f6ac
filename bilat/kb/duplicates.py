"""Reprints: documents whose text is nearly the same, found by MinHash and LSH.

A document's id is the hash of its exact text, so a reprint with a new headline, a
different lead or a "Читайте также" footer is a second document. Counted as a second
source it would look like independent confirmation; grouped, it counts once.

Signatures are computed once per document and kept in ``doc_groups``, with the
document's LSH bands in ``doc_bands``; a new document is compared with the stored ones
that share a band, and only the groups it joins are written again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import Connection, func, select, update

from bilat.kb.state import doc_groups, reading, writing
from bilat.model import normalise_text
from bilat.store import Store
from bilat.store.dialect import insert_missing
from bilat.store.schema import doc_bands, documents, meta

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
T = TypeVar("T")


def shingles(text: str) -> set[bytes]:
    """Word 3-grams of the normalised, lower-cased text."""
    words = _WORD.findall(normalise_text(text).lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


# The permutations every signature shares, made once: making them is half of signing a text.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_PERMUTATIONS)
    minhash.update_batch(list(shingles(text)))
    return minhash


def _from_bytes(raw: bytes) -> MinHash:
    values = np.frombuffer(raw, dtype=HASH_DTYPE)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME, permutations=_PERMUTATIONS)


def _values(raw: bytes) -> np.ndarray[Any, Any]:
    return np.frombuffer(raw, dtype=HASH_DTYPE)


# Per database: the number of documents when it was last found fully signed. Counting is
# far cheaper than looking for unsigned documents, which every request would otherwise do.
_signed_counts: dict[str, int] = {}
_banded: set[str] = set()  # databases whose signed documents all have their bands
BANDED = "reprint_bands"  # meta key: every signature stored has its bands


def refresh(store: Store) -> int:
    """Sign documents not signed yet and join each to the groups of its reprints among the
    stored documents; returns how many were new. Only the groups a new document joins are
    written: the store is never regrouped whole."""
    n_documents = store.count_documents()
    if _signed_counts.get(store.where) == n_documents or _signed(store) == n_documents:
        _signed_counts[store.where] = n_documents
        return 0
    _band_old_signatures(store)
    added = 0
    while batch := _unsigned(store):
        signed = [(doc_id, signature(text)) for doc_id, text in sorted(batch)]
        with writing(store, "store document signatures and reprint groups") as conn:
            # A request and a background refresh may sign the same new document at once:
            # the second keeps the first's rows instead of failing. Both write in id order,
            # so neither holds a row the other waits for (PostgreSQL deadlocked on two
            # batches inserted in different orders).
            insert_missing(conn, doc_groups, [_signed_row(d, m) for d, m in signed])
            insert_missing(conn, doc_bands, sorted(_band_rows(signed), key=_band_order))
            join_groups(conn, signed)
        added += len(signed)
    _signed_counts[store.where] = n_documents
    return added


def _signed(store: Store) -> int:
    """Signed documents: as many as stored means none is left (no document is ever
    removed), which the index tells far sooner than looking for an unsigned one."""
    with reading(store, "count signed documents") as conn:
        return int(conn.execute(select(func.count()).select_from(doc_groups)).scalar_one())


def _signed_row(doc_id: str, minhash: MinHash) -> dict[str, object]:
    raw = minhash.hashvalues.astype(HASH_DTYPE).tobytes()
    return {"doc_id": doc_id, "group_id": doc_id, "signature": raw}


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


# -- bands: where a new document's reprints can be ------------------------------------------

# LSH's shape for REPRINT_JACCARD: BANDS bands of ROWS hash values; two documents sharing
# one band are candidates, confirmed by their estimated Jaccard (datasketch's MinHashLSH,
# kept in the database so that a new document is compared without loading every signature).
_SHAPE = MinHashLSH(threshold=REPRINT_JACCARD, num_perm=NUM_PERM)
BANDS, ROWS = _SHAPE.b, _SHAPE.r


def band_hashes(minhash: MinHash) -> list[int]:
    """One signed 64-bit number per band: the hash of that band's hash values."""
    values = minhash.hashvalues.astype(HASH_DTYPE)
    return [
        int.from_bytes(
            hashlib.blake2b(values[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).digest(),
            "big",
            signed=True,
        )
        for i in range(BANDS)
    ]


def _band_rows(signed: Sequence[tuple[str, MinHash]]) -> Iterator[dict[str, object]]:
    for doc_id, minhash in signed:
        for band, value in enumerate(band_hashes(minhash)):
            yield {"hash": value, "band": band, "doc_id": doc_id}


def _band_order(row: dict[str, object]) -> tuple[object, ...]:
    return (row["hash"], row["band"], row["doc_id"])


def _band_old_signatures(store: Store) -> None:
    """Bands for the documents a bilat that kept none signed (schema 6), once a database."""
    if store.where in _banded:
        return
    with reading(store, "read the reprint bands' state") as conn:
        done = conn.execute(select(meta.c.value).where(meta.c.key == BANDED)).first()
    if done is None:
        last = ""
        while rows := _signatures_after(store, last):
            with writing(store, "store reprint bands") as conn:
                insert_missing(conn, doc_bands, sorted(_band_rows(rows), key=_band_order))
            last = rows[-1][0]
        with writing(store, "store the reprint bands' state") as conn:
            insert_missing(conn, meta, [{"key": BANDED, "value": "1"}])
    _banded.add(store.where)


def _signatures_after(store: Store, last: str) -> list[tuple[str, MinHash]]:
    g = doc_groups.c
    query = select(g.doc_id, g.signature).where(g.doc_id > last).order_by(g.doc_id).limit(BATCH)
    with reading(store, "read document signatures") as conn:
        return [(r.doc_id, _from_bytes(r.signature)) for r in conn.execute(query)]


# -- joining groups -------------------------------------------------------------------------


def join_groups(conn: Connection, signed: Sequence[tuple[str, MinHash]]) -> None:
    """New documents (signed and banded in this transaction) joined to their reprints'
    groups; groups a new document links become one. A group's id is its earliest
    document, as a whole regrouping would give it."""
    candidates = _candidates(conn, signed)
    group = _current_groups(
        conn, {d for d, _ in signed} | {o for c in candidates.values() for o in c}
    )
    edges = _reprint_edges(conn, signed, candidates, group)
    rank = _ranks(conn, set(group.values()))
    parent = {g: g for g in group.values()}
    for one, other in edges:
        _union(parent, rank, group[one], group[other])
    moved = sorted((g, _root(parent, g)) for g in parent if _root(parent, g) != g)
    for old, new in moved:
        conn.execute(update(doc_groups).where(doc_groups.c.group_id == old).values(group_id=new))


def _candidates(conn: Connection, signed: Sequence[tuple[str, MinHash]]) -> dict[str, set[str]]:
    """The stored (and the other new) documents sharing a band with each new one."""
    bands = {d: set(enumerate(band_hashes(m))) for d, m in signed}
    wanted = sorted({h for found in bands.values() for _, h in found})
    by_band: dict[tuple[int, int], list[str]] = {}
    for chunk in _chunks(wanted):
        query = select(doc_bands.c.band, doc_bands.c.hash, doc_bands.c.doc_id)
        for band, value, doc_id in conn.execute(query.where(doc_bands.c.hash.in_(chunk))):
            by_band.setdefault((band, value), []).append(doc_id)
    return {
        doc_id: {o for band in found for o in by_band.get(band, ()) if o != doc_id}
        for doc_id, found in bands.items()
    }


def _reprint_edges(
    conn: Connection,
    signed: Sequence[tuple[str, MinHash]],
    candidates: Mapping[str, set[str]],
    group: Mapping[str, str],
) -> list[tuple[str, str]]:
    """(new document, candidate) pairs that are reprints: one at least for every group a
    new document has a reprint in. A group's first candidate is tried first, and only where
    it fails the others: a band shared by thousands of one group's documents (a story
    reprinted all over) costs one comparison, not thousands."""
    known = {d: m.hashvalues.astype(HASH_DTYPE) for d, m in signed}
    by_group: dict[str, dict[str, list[str]]] = {d: {} for d in candidates}
    for doc_id, others in candidates.items():
        for other in sorted(others):
            by_group[doc_id].setdefault(group[other], []).append(other)
    firsts = {o for groups in by_group.values() for members in groups.values() for o in members[:1]}
    known |= _signatures(conn, firsts - known.keys())
    edges: list[tuple[str, str]] = []
    failed: dict[str, list[list[str]]] = {}
    for doc_id, groups in by_group.items():
        heads = [members[0] for members in groups.values()]
        passed = set(_passing(known[doc_id], heads, known))
        edges.extend((doc_id, head) for head in heads if head in passed)
        failed[doc_id] = [m[1:] for m in groups.values() if m[0] not in passed and len(m) > 1]
    rest = {o for lists in failed.values() for members in lists for o in members}
    known |= _signatures(conn, rest - known.keys())
    for doc_id, lists in failed.items():
        passed = set(_passing(known[doc_id], [o for m in lists for o in m], known))
        edges.extend((doc_id, next(o for o in m if o in passed)) for m in lists if passed & set(m))
    return edges


def _passing(
    values: np.ndarray[Any, Any], others: Sequence[str], known: Mapping[str, np.ndarray[Any, Any]]
) -> list[str]:
    """The documents among ``others`` whose estimated Jaccard with ``values`` is enough."""
    if not others:
        return []
    same = np.count_nonzero(np.stack([known[o] for o in others]) == values, axis=1)
    return [o for o, n in zip(others, same, strict=True) if n / NUM_PERM >= REPRINT_JACCARD]


def _signatures(conn: Connection, doc_ids: set[str]) -> dict[str, np.ndarray[Any, Any]]:
    found: dict[str, np.ndarray[Any, Any]] = {}
    g = doc_groups.c
    for chunk in _chunks(sorted(doc_ids)):
        query = select(g.doc_id, g.signature).where(g.doc_id.in_(chunk))
        found.update((r.doc_id, _values(r.signature)) for r in conn.execute(query))
    return found


def _current_groups(conn: Connection, doc_ids: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    g = doc_groups.c
    for chunk in _chunks(sorted(doc_ids)):
        query = select(g.doc_id, g.group_id).where(g.doc_id.in_(chunk))
        found.update((r.doc_id, r.group_id) for r in conn.execute(query))
    return found


def _ranks(conn: Connection, doc_ids: set[str]) -> dict[str, tuple[bool, str, str]]:
    """The order of a whole regrouping: by date (undated last), then id."""
    found: dict[str, tuple[bool, str, str]] = {}
    d = documents.c
    for chunk in _chunks(sorted(doc_ids)):
        for doc_id, date in conn.execute(select(d.id, d.date).where(d.id.in_(chunk))):
            found[doc_id] = (date is None, date or "", doc_id)
    return found


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), BATCH):
        yield items[i : i + BATCH]


def grouped_at_once(signed: Sequence[tuple[str, MinHash]], order: Sequence[str]) -> dict[str, str]:
    """doc id → the first document (in ``order``) of its group of reprints: the whole
    store's grouping at once, the reference ``join_groups`` is tested against."""
    lsh = MinHashLSH(threshold=REPRINT_JACCARD, num_perm=NUM_PERM)
    by_id = dict(signed)
    for doc_id, minhash in signed:
        lsh.insert(doc_id, minhash)
    rank = {doc_id: (i,) for i, doc_id in enumerate(order)}
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


def _union(parent: dict[str, str], rank: Mapping[str, tuple[Any, ...]], a: str, b: str) -> None:
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
