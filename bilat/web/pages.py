"""The HTML pages: each calls the same view as its /api twin and renders a template."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from bilat.kb import table as kb_table
from bilat.kb import wording
from bilat.kb.official import DIFFERENCE_THRESHOLD_PERCENT
from bilat.model import FACT_TYPES
from bilat.web import charts, graphs, trade_charts, views
from bilat.web.api import (
    CacheDep,
    FiltersDep,
    Limit,
    SelectionDep,
    StaleDep,
    StoreDep,
    Threshold,
)
from bilat.web.listing import SORT_KEYS
from bilat.web.render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(template: str, request: Request, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, request, **context))


@router.get("/")
def overview(request: Request, store: StoreDep, stale_ok: StaleDep) -> HTMLResponse:
    return _page("overview.html", request, data=views.overview(store, stale_ok), title="Обзор")


@router.get("/pair/{a}/{b}")
def pair(
    a: str,
    b: str,
    request: Request,
    store: StoreDep,
    cache: CacheDep,
    threshold: Threshold = DIFFERENCE_THRESHOLD_PERCENT,
) -> HTMLResponse:
    data = views.pair(store, a, b, cache, threshold)
    names = " — ".join(p["name"] for p in data["pair"])
    a_code, b_code = (p["code"] for p in data["pair"])
    return _page(
        "pair.html",
        request,
        data=data,
        title=names,
        chart=charts.trade_chart(data["series"], data["currency"]),
        other_currencies=_other_currencies(data),
        timeline=graphs.timeline(_timeline_events(data["events"])),
        flows=trade_charts.flows_chart(
            data["balance"], a_code, b_code, data["currency"], _flow_colors(data)
        ),
        balance=trade_charts.balance_chart(data["balance"], a_code, b_code, data["currency"]),
    )


def _flow_colors(data: Mapping[str, Any]) -> tuple[str, str]:
    """The colours of the pair's two flows on its trade chart, first side's export first."""
    a, b = (p["code"] for p in data["pair"])
    colors = charts.line_colors(data["series"], data["currency"])
    return colors.get(f"{a}→{b}", charts.PALETTE[1]), colors.get(f"{b}→{a}", charts.PALETTE[2])


def _other_currencies(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [s for s in data["series"] if s["currency"] != data["currency"]]


def event_date(item: Mapping[str, Any]) -> str:
    date = item["fields"].get("date")
    if isinstance(date, str) and date[:4].isdigit():
        return date
    return min((s["doc_date"] for s in item["sources"] if s["doc_date"]), default="") or ""


def _timeline_events(events: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    return [
        {
            "id": f"c-{e['id']}",
            "date": event_date(e),
            "label": str(
                e["fields"].get("name")
                or wording.EVENT_KINDS.get(e["fields"].get("kind") or "", "событие")
            ),
        }
        for e in events
    ]


@router.get("/actor/{code}")
def actor(code: str, request: Request, store: StoreDep, cache: CacheDep) -> HTMLResponse:
    data = views.actor(store, code, cache)
    return _page(
        "actor.html",
        request,
        data=data,
        title=data["actor"]["name"],
        network=graphs.network(data["actor"], data["partners"]),
    )


@router.get("/doc/{doc_id}")
def document(doc_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    data = views.document(store, doc_id)
    title = data["document"]["title"] or data["document"]["name"]
    return _page("document.html", request, data=data, title=title)


@router.get("/search")
def search(
    request: Request, store: StoreDep, q: str = "", limit: Limit = views.SEARCH_LIMIT
) -> HTMLResponse:
    return _page("search.html", request, data=views.search(store, q, limit), title="Поиск")


@router.get("/facts")
def facts(
    request: Request,
    store: StoreDep,
    cache: CacheDep,
    chosen: FiltersDep,
    limit: Limit = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    data = views.fact_list(store, chosen, limit, offset, cache)
    query = urlencode(chosen.to_json())  # the download is the whole selection: no page
    return _page(
        "facts.html",
        request,
        data=data,
        title="Факты",
        types=FACT_TYPES,
        csv_url=f"/api/facts.csv{'?' + query if query else ''}",
        pages=_pages(data, chosen.to_json()),
        sorting=_sorting(chosen.to_json(), SORT_KEYS, "/facts", "-date", ("date",)),
    )


def _sorting(
    now: Mapping[str, Any],
    keys: Iterable[str],
    path: str,
    default: str | None,
    most_first: Iterable[str] = (),
) -> dict[str, dict[str, str]]:
    """Per sortable column, the link that sorts by it (the other way round when it is the
    sort already; dates and counts, ``most_first``, first the most) and its mark, ▲ or ▼,
    where it is the sort (``default`` when none is asked for)."""
    current = now.get("sort") or default
    filters = {k: v for k, v in now.items() if k != "sort"}
    links = {}
    for key in keys:
        ascending, descending = current == key, current == f"-{key}"
        wanted = f"-{key}" if ascending or (key in most_first and not descending) else key
        links[key] = {
            "href": f"{path}?" + urlencode({**filters, "sort": wanted}),
            "mark": "▲" if ascending else "▼" if descending else "",
        }
    return links


def _pages(
    data: Mapping[str, Any], filters: Mapping[str, Any], path: str = "/facts"
) -> dict[str, str | None]:
    """Links to the previous and next page, keeping the filters."""
    limit, offset, total = data["limit"], data["offset"], data["total"]

    def link(start: int) -> str:
        return f"{path}?" + urlencode({**filters, "limit": limit, "offset": start})

    return {
        "prev": link(max(0, offset - limit)) if offset else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


@router.get("/consolidated")
def consolidated(
    request: Request,
    store: StoreDep,
    cache: CacheDep,
    chosen: SelectionDep,
    limit: Limit = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    data = views.consolidated_list(store, chosen.filters, chosen.standing, limit, offset, cache)
    now = data["filters"]
    return _page(
        "consolidated.html",
        request,
        data=data,
        title="Сводные факты",
        types=FACT_TYPES,
        csv_url="/api/consolidated.csv?" + urlencode(now),
        pages=_pages(data, now, "/consolidated"),
        sorting=_sorting(now, kb_table.SORTS, "/consolidated", None, ("sources", "independent")),
    )


@router.get("/fact/{fact_id}")
def fact(fact_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    data = views.fact(store, fact_id)
    return _page("fact.html", request, data=data, title=data["fact"]["summary"])


@router.get("/ask")
def ask(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    return _page("ask.html", request, data=views.ask(store, q), title="Вопрос")


@router.get("/contradictions")
def contradictions(
    request: Request,
    store: StoreDep,
    stale_ok: StaleDep,
    limit: Limit = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    data = views.contradictions(store, limit, offset, stale_ok)
    return _page("contradictions.html", request, data=data, title="Противоречия и проверки")


@router.get("/watch")
def watch(request: Request, store: StoreDep, limit: Limit = views.WATCH_RUNS) -> HTMLResponse:
    return _page("watch.html", request, data=views.watch(store, limit), title="Наблюдение")
