"""The JSON API: the twin of every page, plus curation. Described in /openapi.json."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from bilat.actors import UnknownActorError
from bilat.kb import table as kb_table
from bilat.kb.dossier import resolve_code
from bilat.kb.official import DIFFERENCE_THRESHOLD_PERCENT
from bilat.model import FACT_TYPES
from bilat.store import Store
from bilat.web import schemas, views
from bilat.web.cache import ViewCache
from bilat.web.listing import DATE_PATTERN, SORT_KEYS, SORT_PATTERN, FilterError

TABLE_SORT_PATTERN = rf"^\s*-?({'|'.join(kb_table.SORTS)})?\s*$"
STANDING_PATTERN = rf"^\s*({'|'.join(kb_table.STANDING_ORDER)})?\s*$"

router = APIRouter(prefix="/api", responses=schemas.ERRORS)


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store  # set by the app factory
    return store


def get_stale_ok(request: Request) -> bool:
    """Whether whole-store findings may be the last computed (see kb.whole)."""
    return bool(request.app.state.background)


def get_cache(request: Request) -> ViewCache:
    cache: ViewCache = request.app.state.cache  # set by the app factory
    return cache


StoreDep = Annotated[Store, Depends(get_store)]
CacheDep = Annotated[ViewCache, Depends(get_cache)]
StaleDep = Annotated[bool, Depends(get_stale_ok)]
Threshold = Annotated[
    float,
    Query(ge=0, le=1000, description="Flag news figures this many percent off the official"),
]


def filters(
    type: str | None = None,
    indicator: str | None = None,
    party: Annotated[
        str | None, Query(description="ISO code or name: KZ, RU-BA, Казахстан")
    ] = None,
    partner: Annotated[str | None, Query(description="With party: the pair")] = None,
    # text, not int: the explorer's form sends "year=" when the field is left empty
    year: Annotated[
        str | None, Query(pattern=r"^\s*\d{0,4}\s*$", description="A year: 2024")
    ] = None,
    status: str | None = None,
    doc_id: str | None = None,
    q: Annotated[str | None, Query(description="Words the evidence holds, any case")] = None,
    since: Annotated[
        str | None,
        Query(
            pattern=DATE_PATTERN, description=("Published on or after: 2024, 2024-03 or 2024-03-31")
        ),
    ] = None,
    until: Annotated[
        str | None,
        Query(
            pattern=DATE_PATTERN, description=("Published on or before; 2024-03 takes all of March")
        ),
    ] = None,
    sort: Annotated[
        str | None,
        Query(
            pattern=SORT_PATTERN,
            description=(
                f"A column: {', '.join(SORT_KEYS)}; -value for descending; "
                "newest first when not given"
            ),
        ),
    ] = None,
) -> views.FactFilters:
    """Fact filters from the query string; a party by its code or its name, as the CLI
    reads them; an unknown type or party is refused, not answered with no facts."""
    if type and type not in FACT_TYPES:
        raise FilterError(f"type={type!r} is no fact type: expected one of {', '.join(FACT_TYPES)}")
    chosen = views.FactFilters(
        type=type or None,
        indicator=indicator or None,
        party=_party_code("party", party),
        partner=_party_code("partner", partner),
        year=int(year) if year and year.strip() else None,
        status=status or None,
        doc_id=doc_id or None,
        q=" ".join((q or "").split()) or None,
        since=(since or "").strip() or None,
        until=(until or "").strip() or None,
        sort=(sort or "").strip() or None,
    )
    chosen.conditions()  # a date that does not exist is refused here, as a bad request
    return chosen


def _party_code(name: str, given: str | None) -> str | None:
    """KZ for "kz", "KZ" or "Казахстан"; None for nothing given."""
    if not (given or "").strip():
        return None
    try:
        return resolve_code(str(given).strip())
    except UnknownActorError:
        raise FilterError(
            f"{name}={given!r} is no known party: expected a code such as KZ or RU-BA, "
            "or a name such as Казахстан"
        ) from None


FiltersDep = Annotated[views.FactFilters, Depends(filters)]


@dataclass(frozen=True)
class Selection:
    """What the consolidated table shows: filters of whole facts, a standing, a sort."""

    filters: views.FactFilters
    standing: str | None


def selection(
    type: str | None = None,
    indicator: str | None = None,
    party: Annotated[
        str | None, Query(description="ISO code or name: KZ, RU-BA, Казахстан")
    ] = None,
    partner: Annotated[str | None, Query(description="With party: the pair")] = None,
    year: Annotated[str | None, Query(pattern=r"^\s*\d{0,4}\s*$")] = None,
    status: str | None = None,
    standing: Annotated[
        str | None,
        Query(pattern=STANDING_PATTERN, description=("confirmed, agreed, disputed or overruled")),
    ] = None,
    sort: Annotated[
        str | None,
        Query(
            pattern=TABLE_SORT_PATTERN,
            description=(
                f"A column: {', '.join(kb_table.SORTS)}; -sources for descending; most "
                "independent sources first when not given"
            ),
        ),
    ] = None,
) -> Selection:
    """Filters of the consolidated table: those that select whole consolidated facts."""
    chosen = filters(
        type=type,
        indicator=indicator,
        party=party,
        partner=partner,
        year=year,
        status=status,
        doc_id=None,
        q=None,
        since=None,
        until=None,
        sort=None,
    )
    return Selection(
        replace(chosen, sort=(sort or "").strip() or None), (standing or "").strip() or None
    )


SelectionDep = Annotated[Selection, Depends(selection)]
Limit = Annotated[int, Query(ge=1, le=views.MAX_PAGE)]


def _json(data: Any) -> JSONResponse:
    return JSONResponse(data)


@router.get("/overview", response_model=schemas.Overview, summary="Counts and what is new")
def overview(store: StoreDep, stale_ok: StaleDep) -> JSONResponse:
    return _json(views.overview(store, stale_ok))


@router.get("/pair/{a}/{b}", response_model=schemas.PairDossier, summary="A pair's dossier")
def pair(
    a: str,
    b: str,
    store: StoreDep,
    cache: CacheDep,
    threshold: Threshold = DIFFERENCE_THRESHOLD_PERCENT,
) -> JSONResponse:
    return _json(views.pair(store, a, b, cache, threshold))


@router.get("/actor/{code}", response_model=schemas.ActorProfile, summary="An actor's partners")
def actor(code: str, store: StoreDep, cache: CacheDep) -> JSONResponse:
    return _json(views.actor(store, code, cache))


@router.get(
    "/doc/{doc_id}", response_model=schemas.DocumentView, summary="A document with its facts"
)
def document(doc_id: str, store: StoreDep) -> JSONResponse:
    return _json(views.document(store, doc_id))


@router.get("/search", response_model=schemas.SearchResult, summary="Full text over lemmas")
def search(store: StoreDep, q: str = "", limit: Limit = views.SEARCH_LIMIT) -> JSONResponse:
    return _json(views.search(store, q, limit))


@router.get("/facts", response_model=schemas.FactsPage, summary="Facts, filtered")
def facts(
    store: StoreDep,
    cache: CacheDep,
    chosen: FiltersDep,
    limit: Limit = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    return _json(views.fact_list(store, chosen, limit, offset, cache))


@router.get(
    "/facts.csv",
    response_class=Response,
    summary="Every matching fact as CSV, in the same order",
    responses={200: {"content": {"text/csv": {}}}},
)
def facts_csv(
    store: StoreDep,
    chosen: FiltersDep,
    limit: Annotated[
        int | None, Query(ge=1, description="At most this many; all when not given")
    ] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    return StreamingResponse(
        views.facts_csv_stream(store, chosen, limit, offset),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="facts.csv"'},
    )


@router.get(
    "/consolidated",
    response_model=schemas.ConsolidatedPage,
    summary="Consolidated facts: one per figure, with all its sources",
)
def consolidated(
    store: StoreDep,
    cache: CacheDep,
    chosen: SelectionDep,
    limit: Limit = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JSONResponse:
    return _json(
        views.consolidated_list(store, chosen.filters, chosen.standing, limit, offset, cache)
    )


@router.get(
    "/consolidated.csv",
    response_class=Response,
    summary="Every selected consolidated fact as CSV",
    responses={200: {"content": {"text/csv": {}}}},
)
def consolidated_csv(store: StoreDep, chosen: SelectionDep) -> Response:
    return Response(
        views.consolidated_csv(store, chosen.filters, chosen.standing),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="consolidated.csv"'},
    )


@router.get("/fact/{fact_id}", response_model=schemas.FactView, summary="A fact with its decisions")
def fact(fact_id: str, store: StoreDep) -> JSONResponse:
    return _json(views.fact(store, fact_id))


@router.post(
    "/fact/{fact_id}/curation",
    response_model=schemas.CurationResult,
    summary="Confirm, reject or correct a fact",
)
def curate(fact_id: str, body: schemas.CurationRequest, store: StoreDep) -> JSONResponse:
    return _json(views.curate(store, fact_id, body.model_dump()))


@router.get("/ask", response_model=schemas.AskResult, summary="Answer a question")
def ask(store: StoreDep, q: str = "") -> JSONResponse:
    return _json(views.ask(store, q))


@router.get(
    "/contradictions",
    response_model=schemas.ContradictionsView,
    summary="Contradictions and consistency checks",
)
def contradictions(
    store: StoreDep, stale_ok: StaleDep, limit: Limit = 100, offset: Annotated[int, Query(ge=0)] = 0
) -> JSONResponse:
    return _json(views.contradictions(store, limit, offset, stale_ok))


@router.get("/watch", response_model=schemas.WatchView, summary="Watched sources and their runs")
def watch(store: StoreDep, limit: Limit = views.WATCH_RUNS) -> JSONResponse:
    return _json(views.watch(store, limit))
