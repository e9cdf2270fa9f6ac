"""What each page shows, as JSON-able data: one function per page, shared by the page and
its ``/api`` twin, so the HTML and the JSON always come from the same query.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from bilat import kb
from bilat.errors import NotFoundError, UnknownFactError
from bilat.kb import kept, wording
from bilat.kb import table as kb_table
from bilat.kb.claims import Claim, claims, stored_facts
from bilat.kb.curation import stable_keys
from bilat.kb.duplicates import groups_of
from bilat.kb.export import csv_text
from bilat.kb.kept import Kept
from bilat.kb.official import DIFFERENCE_THRESHOLD_PERCENT
from bilat.kb.state import reading
from bilat.nlp import search_terms
from bilat.store import Store
from bilat.store.schema import facts
from bilat.watch import format_every, history, sources
from bilat.web.cache import ViewCache
from bilat.web.facets import facet_value, facets
from bilat.web.highlight import marks, segments
from bilat.web.listing import FactFilters, fact_page

T = TypeVar("T")
MAX_PAGE = 500  # facts per page of the explorer
EXPORT_BATCH = 1000  # facts read and written at a time by a CSV download
SEARCH_LIMIT = 50
LATEST = 10  # facts on the overview page
WATCH_RUNS = 100  # runs on the watch page: a few days of a dozen sources every 30 minutes


def fact_json(claim: Claim) -> dict[str, Any]:
    """A fact as pages show it: the stored fact, corrected, with its curation and a summary."""
    f = claim.fact
    row = f.to_json()
    row.update(
        claim.fields,
        doc_name=f.doc_name,
        doc_date=f.doc_date,
        curation=claim.status,
        group=claim.group,
        summary=wording.summary(claim.fields, claim.type),
    )
    return row


def overview(store: Store, stale_ok: bool = False) -> dict[str, Any]:
    data = kb.overview(store, latest=0, stale_ok=stale_ok)
    _, latest = fact_page(store, FactFilters(), LATEST, 0)  # the walk: no sort of all facts
    data["latest"] = [fact_json(c) for c in claims(store, latest, keep_rejected=True)]
    for pair in data["pairs"]:
        pair["name"] = wording.pair_name(pair["a"], pair["b"])
    return data


def pair(
    store: Store,
    a: str,
    b: str,
    cache: ViewCache | None = None,
    threshold: float = DIFFERENCE_THRESHOLD_PERCENT,
) -> dict[str, Any]:
    return _kept(
        cache, ("pair", a, b, threshold), lambda: kb.dossier(store, a, b, threshold).to_json()
    )


def actor(store: Store, code: str, cache: ViewCache | None = None) -> dict[str, Any]:
    return _kept(cache, ("actor", code), lambda: kb.profile(store, code))


def _kept(cache: ViewCache | None, key: Hashable, compute: Callable[[], T]) -> T:
    return compute() if cache is None else cache.get(key, compute)


def document(store: Store, doc_id: str) -> dict[str, Any]:
    found = store.document(doc_id)
    if found is None:
        raise NotFoundError(f"no document with id {doc_id!r} in the store")
    its = claims(store, store.document_facts(found.id), keep_rejected=True)
    mentions = [
        {
            "start": m.start,
            "stop": m.stop,
            "text": m.text,
            "code": m.actor.code,
            "name": m.actor.name,
        }
        for m in store.document_mentions(found.id)
    ]
    listed = [fact_json(c) for c in sorted(its, key=lambda c: (c.fact.evidence.start, c.id))]
    return {
        "document": found.to_json(),
        "facts": listed,
        "mentions": mentions,
        "segments": segments(found.text or "", listed),
    }


def search(store: Store, q: str, limit: int = SEARCH_LIMIT) -> dict[str, Any]:
    """Documents holding every word of ``q``, best first, reprints of one article under
    the first of them found; each snippet with the matching words marked."""
    hits = store.search(q, limit=limit) if q.strip() else []
    groups = groups_of(store, [h.id for h in hits]) if hits else {}
    terms = set(search_terms(q).split())
    grouped: dict[str, dict[str, Any]] = {}
    for hit in hits:
        row = hit.to_json() | {"marks": marks(hit.snippet, terms)}
        leader = grouped.get(groups[hit.id])
        if leader is None:
            grouped[groups[hit.id]] = row | {"reprints": []}
        else:
            leader["reprints"].append(row)
    return {"query": q, "hits": list(grouped.values()), "n_documents": len(hits)}


def fact_list(
    store: Store,
    filters: FactFilters,
    limit: int = 100,
    offset: int = 0,
    cache: ViewCache | None = None,
) -> dict[str, Any]:
    """A page of facts matching the filters, with the total and the facets, newest
    documents first unless the filters sort otherwise."""
    limit = max(1, min(limit, MAX_PAGE))
    total, found = fact_page(store, filters, limit, offset)
    page = claims(store, found, keep_rejected=True)
    return {
        "filters": filters.to_json(),
        "total": total,
        "limit": limit,
        "offset": offset,
        "facts": [fact_json(c) for c in page],
        # the same for every page of one selection: counted once while the store stands
        "facets": _kept(cache, ("facets", filters), lambda: facets(store, filters)),
    }


def consolidated_list(
    store: Store,
    filters: FactFilters,
    standing: str | None = None,
    limit: int = 100,
    offset: int = 0,
    cache: ViewCache | None = None,
) -> dict[str, Any]:
    """A page of consolidated facts (one per figure, with every source stating it), with
    the total and the facets; most independent sources first unless sorted."""
    items = _kept(
        cache, ("consolidated", filters, standing), lambda: _consolidated(store, filters, standing)
    )
    now = {**filters.to_json(), **({"standing": standing} if standing else {})}
    page = kept.with_records(store, items[offset : offset + limit])
    return {
        "filters": now,
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "facts": [kb_table.row(c) for c in page],
        "facets": _kept(
            cache,
            ("consolidated facets", filters, standing),
            lambda: {
                name: [facet_value(name, now, *value) for value in values]
                for name, values in kb_table.facets(items).items()
            },
        ),
    }


def consolidated_csv(store: Store, filters: FactFilters, standing: str | None) -> str:
    """Every consolidated fact the filters select, as ``bilat export --what consolidated``
    writes them."""
    items = kept.with_records(store, _consolidated(store, filters, standing))
    return csv_text("consolidated", [c.to_json() for c in items])


def _consolidated(store: Store, filters: FactFilters, standing: str | None) -> list[Kept]:
    wanted = kb_table.Wanted(
        type=filters.type,
        indicator=filters.indicator,
        party=filters.party,
        partner=filters.partner,
        year=filters.year,
        status=filters.status,
        standing=standing,
    )
    return kb_table.ordered(kb_table.matching(store, wanted), filters.sort)


def fact(store: Store, fact_id: str) -> dict[str, Any]:
    found = stored_facts(store, [facts.c.id == fact_id], limit=1)
    if not found:
        raise UnknownFactError(fact_id)
    [claim] = claims(store, found, keep_rejected=True)
    with reading(store, "compute a fact's stable key") as conn:
        key = stable_keys(conn, [claim.fact.doc_id])[fact_id]
    return {
        "fact": fact_json(claim) | {"key": key},
        "decisions": [d.to_json() for d in claim.verdict.decisions],
    }


def curate(store: Store, fact_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
    decision = kb.curate(
        store,
        fact_id,
        str(body.get("action") or ""),
        by=str(body.get("by") or ""),
        why=str(body.get("why") or ""),
        field=body.get("field"),
        value=body.get("value"),
    )
    return {"decision": decision.to_json(), **fact(store, fact_id)}


def ask(store: Store, q: str) -> dict[str, Any]:
    if not q.strip():
        return {
            "question": q,
            "understood": None,
            "found": False,
            "text": "Задайте вопрос, например: «Какой товарооборот между Казахстаном и "
            "Узбекистаном в 2024 году?»",
            "facts": [],
            "related": [],
        }
    return kb.answer(store, q).to_json()


def contradictions(
    store: Store, limit: int = 100, offset: int = 0, stale_ok: bool = False
) -> dict[str, Any]:
    """Contradictions (open first) and consistency checks (failed first), a page of each."""
    found = kb.findings(store, stale_ok)
    return {
        "contradictions": found.contradictions_page(offset, limit),
        "n_contradictions": found.n_contradictions,
        "n_open": found.n_open,
        "checks": found.checks_page(offset, limit),
        "n_checks": found.n_checks,
        "n_failed": found.n_failed,
        "limit": limit,
        "offset": offset,
        "findings_pending": found.pending,
    }


def facts_csv(rows: Sequence[Mapping[str, Any]]) -> str:
    return csv_text("facts", rows)


def facts_csv_stream(
    store: Store, filters: FactFilters, limit: int | None = None, offset: int = 0
) -> Iterator[str]:
    """Every fact the filters match (or ``limit`` of them) as CSV, a batch at a time: a
    download is the whole selection, not the explorer's page of it."""
    done = 0
    while limit is None or done < limit:
        size = EXPORT_BATCH if limit is None else min(EXPORT_BATCH, limit - done)
        _, found = fact_page(store, filters, size, offset + done)
        text = facts_csv([fact_json(c) for c in claims(store, found, keep_rejected=True)])
        yield text if done == 0 else text.split("\n", 1)[1]  # the header once
        done += len(found)
        if len(found) < size:
            break


def watch(store: Store, limit: int = WATCH_RUNS) -> dict[str, Any]:
    """The watched sources and their latest runs, newest first."""
    last = {r.source_id: r for r in reversed(history(store, limit))}
    return {
        "sources": [
            {
                **s.to_json(),
                "every": format_every(s.every_s),
                "last": last[s.id].to_json() if s.id in last else None,
            }
            for s in sources(store)
        ],
        "runs": [r.to_json() for r in history(store, limit)],
        "limit": limit,
    }
