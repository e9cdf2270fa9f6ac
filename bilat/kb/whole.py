"""The knowledge base over the whole store: all claims, all consolidated facts, and what
the overview shows — contradictions and failed checks across every pair.

Consolidating every fact takes seconds on a large store (about 7 s of CPU for 60,000
figures), so it is done when documents and decisions arrive, scope by scope, and kept in
the store's ``kb_*`` tables (see ``kb.incremental``); the overview, the contradictions
and the export read those rows. ``consolidated_all``, ``contradictions`` and
``consistency`` compute the same afresh: the reference the rows are tested against.

The rows read are kept per database until documents, facts or decisions change (a
fingerprint of three counts, cheap to read on every request). A server may also ask for
the last result while the rows are brought up to date in the background (``stale_ok``):
a store written by another program, or one an older bilat made, whose rows are built
once. A refresh that fails is logged in one line and kept (``refresh_error``, shown by the
overview) until findings are read again: the page says its findings are old rather than
hiding it.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from bilat.errors import BilatError
from bilat.kb import checks as kb_checks
from bilat.kb import incremental
from bilat.kb.claims import Claim, claims, every_fact, stored_facts
from bilat.kb.consolidate import Consolidated, consolidate
from bilat.kb.scoped import finding_order
from bilat.kb.state import curation, reading
from bilat.store import Store
from bilat.store import queries as store_queries
from bilat.store.schema import documents, facts, kb_consolidated, kb_findings, kb_pairs

DOCUMENT_BATCH = 500  # documents whose facts are read at a time when walking the store
# Fact types whose figures can contradict or fail a check: the findings read only these
# (the export reads every type).
VALUE_TYPES = ("trade", "change", "share", "volume", "investment")
OVERVIEW_SHOWN = 20  # contradictions and failed checks listed on the overview
TOP_PAIRS = 10  # the most active pairs the overview lists
# Stored documents from which making the rows on a read is said in a line: about ten
# seconds on the 2,000-document benchmark store; fewer are done before anyone waits.
BUILD_NOTICE_DOCUMENTS = 1000


@dataclass(frozen=True)
class Findings:
    """Contradictions and checks of the whole store: their counts, and pages read from the
    knowledge base's rows in the whole store's order when shown. A server's first overview
    reads the twenty it shows through the order's index, not every finding (10,800 read
    and sorted took 0.3 s at 100,000 documents)."""

    mark: tuple[int, ...]  # the fingerprint they were counted at
    n_contradictions: int
    n_open: int
    n_checks: int
    n_failed: int
    # Also kept: counting pairs joins every party of every fact with every other (0.5 s
    # on the 20,000-document benchmark), and the counts change only with the fingerprint.
    pairs: list[tuple[str, str, int]]
    facts_by_type: dict[str, int]
    pending: bool = False  # none computed yet: a server's first minute on a large store
    store: Store | None = field(default=None, compare=False, repr=False)  # where records are

    @property
    def contradictions(self) -> list[str]:
        """Every contradiction's record, as JSON text, open ones first."""
        return self._records(CONTRADICTIONS, 0, None)

    @property
    def checks(self) -> list[str]:
        """Every check's record, as JSON text, failed ones first."""
        return self._records(CHECKS, 0, None)

    def contradictions_page(self, offset: int = 0, limit: int = 100) -> list[dict[str, Any]]:
        return [json.loads(c) for c in self._records(CONTRADICTIONS, offset, limit)]

    def checks_page(self, offset: int = 0, limit: int = 100) -> list[dict[str, Any]]:
        return [json.loads(c) for c in self._records(CHECKS, offset, limit)]

    def _records(self, kinds: str, offset: int, limit: int | None) -> list[str]:
        if self.store is None or limit == 0:
            return []
        f = kb_findings.c
        wanted = f.kind == "contradiction" if kinds == CONTRADICTIONS else f.kind != "contradiction"
        with reading(self.store, "read contradictions and checks") as conn:
            # the ids in order from the index alone, then their records: sorting the
            # records themselves would read every one of them
            order = finding_order(conn, checks=kinds == CHECKS)
            query = select(f.id).where(wanted).order_by(*order).offset(offset).limit(limit)
            ids = list(conn.execute(query).scalars())
            found: dict[str, str] = {}
            for i in range(0, len(ids), RECORDS_AT_ONCE):
                chunk = select(f.id, f.record).where(f.id.in_(ids[i : i + RECORDS_AT_ONCE]))
                found.update((finding_id, record) for finding_id, record in conn.execute(chunk))
        return [found[i] for i in ids if i in found]


CONTRADICTIONS, CHECKS = "contradictions", "checks"
RECORDS_AT_ONCE = 500  # ids in one IN list: under SQLite's bound variable limit


log = logging.getLogger(__name__)

_cache: dict[str, Findings] = {}
_refreshing: dict[str, threading.Event] = {}  # set when that database's refresh has ended
_errors: dict[str, str] = {}  # the last background refresh's error, until one succeeds
_lock = threading.Lock()  # guards the four dicts
_computing: dict[str, threading.Lock] = {}  # one computation per database at a time


def fingerprint(store: Store) -> tuple[int, ...]:
    """Changes whenever a document, a fact or a decision is added."""
    with reading(store, "read the knowledge base's state") as conn:
        counted = store_queries.kept_counts(conn)
        last = conn.execute(select(func.max(curation.c.id))).scalar()
    return counted["documents"], counted["facts"], int(last or 0)


def all_claims(
    store: Store, *, keep_rejected: bool = False, types: tuple[str, ...] | None = None
) -> Iterator[Claim]:
    """Every claim in the store, newest documents first, read a batch of documents at a
    time: memory stays bounded, and no page re-sorts the whole table as OFFSET would."""
    newest = select(documents.c.id).order_by(documents.c.date.desc().nulls_last(), documents.c.id)
    with reading(store, "list documents") as conn:
        ids = list(conn.execute(newest).scalars())
    for i in range(0, len(ids), DOCUMENT_BATCH):
        where = [facts.c.doc_id.in_(ids[i : i + DOCUMENT_BATCH])]
        if types is not None:
            where.append(facts.c.type.in_(types))
        yield from claims(store, stored_facts(store, where), keep_rejected=keep_rejected)


def consolidated_all(store: Store, types: tuple[str, ...] | None = None) -> list[Consolidated]:
    """Consolidated facts of the store, of the given types or of every type."""
    where = [] if types is None else [facts.c.type.in_(types)]
    return consolidate(claims(store, every_fact(store, where)))


def findings(store: Store, stale_ok: bool = False) -> Findings:
    """Contradictions and checks over the whole store, read from the knowledge base's rows
    once they are current; with ``stale_ok``, the rows as they stand while they are
    brought up to date in a background thread."""
    key, mark = store.where, fingerprint(store)
    with _lock:
        known = _cache.get(key)
        if known is not None and known.mark == mark:
            return known
    if stale_ok and incremental.behind(store):
        with _lock:
            _start_refresh(store)
        if known is not None:
            return known
        # a server's first request: the rows as they stand, or, on a database whose rows
        # were never made, the findings said to be on their way
        return _read(store, ()) if incremental.built(store) else _pending(store)
    return _compute(store, mark)


def _pending(store: Store) -> Findings:
    return Findings(
        mark=(),
        n_contradictions=0,
        n_open=0,
        n_checks=0,
        n_failed=0,
        pairs=[],
        facts_by_type=store.count_facts(),
        pending=True,
    )


def refresh_in_background(store: Store) -> None:
    """Compute the findings in a background thread (a server's start), unless one runs."""
    with _lock:
        _start_refresh(store)


def _start_refresh(store: Store) -> None:
    # Called with _lock held, so that two requests start one refresh between them.
    if store.where not in _refreshing:
        _refreshing[store.where] = threading.Event()
        threading.Thread(target=_refresh, args=(store,), daemon=True).start()


def _compute(store: Store, mark: tuple[int, ...]) -> Findings:
    with _lock:
        computing = _computing.setdefault(store.where, threading.Lock())
    with computing:  # a second caller waits for the first, then finds its result
        with _lock:
            known = _cache.get(store.where)
        if known is not None and known.mark == mark:
            return known
        _say_if_building(store)
        incremental.update(store)  # what arrived since the last update, if anything
        found = _read(store, mark)
        with _lock:
            _cache[store.where] = found
            _errors.pop(store.where, None)  # the findings are current again
        return found


def _say_if_building(store: Store) -> None:
    """One line before the rows of a whole store are made on a read: it takes a while."""
    n_documents = store.count_documents()
    if n_documents >= BUILD_NOTICE_DOCUMENTS and not incremental.built(store):
        log.warning(
            "%s: making the knowledge base's rows for %d stored documents, once (a database "
            "of an older bilat, or written without `bilat ingest`); `bilat rebuild` does it "
            "ahead",
            store.where,
            n_documents,
        )


def _read(store: Store, mark: tuple[int, ...]) -> Findings:
    """The findings' counts as the knowledge base's rows hold them (by the order's index)."""
    f = kb_findings.c
    counted = select(f.kind, f.flagged, func.count()).group_by(f.kind, f.flagged)
    counts: dict[tuple[bool, bool], int] = {}
    with reading(store, "count contradictions and checks") as conn:
        for kind, flagged, n in conn.execute(counted):
            key = (kind == "contradiction", bool(flagged))
            counts[key] = counts.get(key, 0) + int(n)
    return Findings(
        mark=mark,
        n_contradictions=counts.get((True, True), 0) + counts.get((True, False), 0),
        n_open=counts.get((True, True), 0),
        n_checks=counts.get((False, True), 0) + counts.get((False, False), 0),
        n_failed=counts.get((False, True), 0),
        pairs=top_pairs(store, TOP_PAIRS),
        facts_by_type=store.count_facts(),
        store=store,
    )


def top_pairs(store: Store, limit: int) -> list[tuple[str, str, int]]:
    """``Store.top_pairs``, from the counts kept as documents arrive."""
    p = kb_pairs.c
    query = select(p.a, p.b, p.n_facts).order_by(p.n_facts.desc(), p.a, p.b).limit(limit)
    with reading(store, "read pairs") as conn:
        return [(a, b, int(n)) for a, b, n in conn.execute(query)]


def stored_consolidated(store: Store) -> Iterator[dict[str, Any]]:
    """Every consolidated fact as ``consolidated_all`` gives it (as JSON), from the rows,
    once they are current."""
    incremental.update(store)
    c = kb_consolidated.c
    query = select(c.record).order_by(c.independent.desc(), c.n_claims.desc(), c.id)
    with reading(store, "read consolidated facts") as conn:
        for record in conn.execute(query).scalars():
            yield json.loads(record)


def _refresh(store: Store) -> None:
    try:
        _compute(store, fingerprint(store))
    except Exception as error:  # raised in a thread, it would reach no one
        _report(store, error)
    finally:
        with _lock:
            done = _refreshing.pop(store.where, None)
        if done is not None:
            done.set()


def _report(store: Store, error: Exception) -> None:
    """Log a failed refresh in one line and keep it for the overview to show."""
    reason = " ".join(str(error).split())  # a driver's message may span lines
    if not isinstance(error, BilatError):  # a bug, not a database failure: name its kind
        reason = f"{store.where}: {type(error).__name__}: {reason}"
    message = f"findings not refreshed, the last ones are still shown: {reason}"
    with _lock:
        _errors[store.where] = message
    # A bug gets its traceback too; a database failure's one line says all there is.
    log.warning(message, exc_info=not isinstance(error, BilatError))


def refresh_error(store: Store) -> str | None:
    """Why the last background refresh of ``store``'s findings failed; None when the
    findings were computed since (or no refresh failed)."""
    with _lock:
        return _errors.get(store.where)


def wait_for_refresh(store: Store, timeout: float | None = None) -> bool:
    """Wait until a background refresh of ``store``'s findings has ended (at once when none
    runs); False if ``timeout`` seconds passed first."""
    with _lock:
        running = _refreshing.get(store.where)
    return running is None or running.wait(timeout)


def contradictions(store: Store) -> list[kb_checks.Contradiction]:
    """Every contradiction in the store, open ones first (computed afresh)."""
    return kb_checks.contradictions(consolidated_all(store, VALUE_TYPES))


def consistency(store: Store) -> list[kb_checks.Check]:
    """Every consistency check the store's figures allow, failed ones first (afresh)."""
    return kb_checks.checks(consolidated_all(store, VALUE_TYPES))


def overview(store: Store, latest: int = 10, stale_ok: bool = False) -> dict[str, Any]:
    """Counts, latest facts, most active pairs, open contradictions, failed checks."""
    found = findings(store, stale_ok)
    return {
        "n_documents": store.count_documents(),
        "facts_by_type": found.facts_by_type,
        "latest": [
            f.to_json() | {"doc_name": f.doc_name, "doc_date": f.doc_date}
            for f in (store.facts(limit=latest) if latest else [])
        ],
        "pairs": [{"a": a, "b": b, "n_facts": n} for a, b, n in found.pairs],
        "open_contradictions": found.contradictions_page(0, min(found.n_open, OVERVIEW_SHOWN)),
        "n_open_contradictions": found.n_open,
        "n_contradictions": found.n_contradictions,
        "mismatches": found.checks_page(0, min(found.n_failed, OVERVIEW_SHOWN)),
        "n_mismatches": found.n_failed,
        "refresh_error": refresh_error(store),
        "findings_pending": found.pending,
    }
