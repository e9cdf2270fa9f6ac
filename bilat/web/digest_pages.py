"""The digest of a pair on the dashboard: ``/digest?pair=KZ&pair=RU-BA&since=2024-11-01``,
its JSON twin ``/api/digest``, and the files to mail, ``/api/digest.md|html|pdf``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from bilat.errors import RequestError
from bilat.kb.digest import Period, digest
from bilat.kb.official import DIFFERENCE_THRESHOLD_PERCENT
from bilat.store import Store
from bilat.web import digest as files
from bilat.web import schemas
from bilat.web.api import CacheDep, StoreDep, Threshold
from bilat.web.cache import ViewCache
from bilat.web.render import render

DAY_PATTERN = r"^\s*(\d{4}(-\d{2}(-\d{2})?)?)?\s*$"  # 2024-11-01, 2024-11 or 2024
# The mailed HTML carries its style inline; served from here it may use that and nothing else.
FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

api = APIRouter(prefix="/api", responses=schemas.ERRORS)
pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


class DigestView(BaseModel):
    """What is new about a pair in a period (see ``bilat.kb.digest``)."""

    pair: list[schemas.ActorRef]
    period: dict[str, str | None] = Field(description="since and until, ISO days, included")
    documents: list[schemas.Record] = Field(description="The pair's documents dated in it")
    undated: list[schemas.Record] = Field(description="The pair's undated documents: left out")
    n_before: int = Field(description="The pair's documents dated before the period")
    figures: list[schemas.Record] = Field(
        description="Trade figures new in the period: change against the last figure of the "
        "same line and kind of period before, the official figure, sources"
    )
    growth: list[schemas.Record]
    targets: list[schemas.Record]
    shares: list[schemas.Record]
    volumes: list[schemas.Record]
    investments: list[schemas.Record]
    events: list[schemas.Record]
    agreements: list[schemas.Record]
    projects: list[schemas.Record]
    quotes: list[schemas.Record]
    people: list[schemas.Record]
    contradictions: list[schemas.Record]
    series: list[schemas.Record] = Field(description="The pair's whole trade series, for the chart")
    currency: str | None
    threshold: float


@dataclass(frozen=True)
class Asked:
    a: str
    b: str
    period: Period
    threshold: float

    def query(self) -> str:
        """The query string that asks for this digest again (a file of it, another format)."""
        pairs = [("pair", self.a), ("pair", self.b), ("since", self.period.since)]
        if self.period.until:
            pairs.append(("until", self.period.until))
        if self.threshold != DIFFERENCE_THRESHOLD_PERCENT:
            pairs.append(("threshold", f"{self.threshold:g}"))
        return urlencode(pairs)


def asked(
    pair: Annotated[list[str], Query(description="The two parties: pair=KZ&pair=RU-BA")],
    since: Annotated[
        str | None, Query(pattern=DAY_PATTERN, description="First day; a week ago if not given")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DAY_PATTERN, description="Last day, included; open if not given")
    ] = None,
    threshold: Threshold = DIFFERENCE_THRESHOLD_PERCENT,
) -> Asked:
    if len(pair) != 2:
        raise RequestError(f"a digest needs two parties, pair=KZ&pair=RU-BA: got {len(pair)}")
    return Asked(pair[0].strip(), pair[1].strip(), Period.parse(since, until), threshold)


AskedDep = Annotated[Asked, Depends(asked)]


def view(store: Store, chosen: Asked, cache: ViewCache | None = None) -> dict[str, Any]:
    key = ("digest", chosen.a, chosen.b, chosen.period, chosen.threshold)

    def compute() -> dict[str, Any]:
        return digest(store, chosen.a, chosen.b, chosen.period, chosen.threshold).to_json()

    return compute() if cache is None else cache.get(key, compute)


@api.get("/digest", response_model=DigestView, summary="What is new about a pair in a period")
def digest_json(store: StoreDep, cache: CacheDep, chosen: AskedDep) -> JSONResponse:
    return JSONResponse(view(store, chosen, cache))


@api.get(
    "/digest.{format}",
    response_class=Response,
    summary="The digest as a file to mail: md, html (self-contained) or pdf",
    responses={200: {"content": {t.split(";")[0]: {} for t in files.MEDIA_TYPES.values()}}},
)
def digest_file(format: str, store: StoreDep, cache: CacheDep, chosen: AskedDep) -> Response:
    if format not in files.FORMATS:
        raise files.DigestFormatError(f"format {format!r}: expected md, html or pdf")
    data = view(store, chosen, cache)
    return Response(
        files.render(data, format),
        media_type=files.MEDIA_TYPES[format],
        headers={
            "Content-Disposition": f'attachment; filename="{files.file_name(data, format)}"',
            "Content-Security-Policy": FILE_CSP,
        },
    )


@pages.get("/digest")
def digest_page(
    request: Request, store: StoreDep, cache: CacheDep, chosen: AskedDep
) -> HTMLResponse:
    data = view(store, chosen, cache)
    html = render(
        "digest.html",
        request,
        **files.context(data, mailed=False),
        title=files.title(data),
        formats=files.FORMATS,
        query=chosen.query(),
    )
    return HTMLResponse(html)
