"""The shapes of the JSON API, for its OpenAPI description and for the tests.

Routes return plain JSON built by ``views``; these models document it (``responses=``)
and the API tests validate every response against them, so the two cannot drift apart.
Nested records (facts, consolidated facts, sources) are open objects: their fields are
those of ``shared/eval/README.md`` and vary by fact type.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Record = dict[str, Any]


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status, repeated")
    code: str = Field(description="not_found, bad_request, invalid_request, store_unavailable")
    message: str = Field(description="What was expected and what was found")


class ErrorResponse(BaseModel):
    """Every error of the API, whatever the route."""

    error: ErrorBody


class ActorRef(BaseModel):
    code: str
    name: str


class PairCount(BaseModel):
    a: str
    b: str
    n_facts: int
    name: str


class Overview(BaseModel):
    n_documents: int
    facts_by_type: dict[str, int]
    latest: list[Record]
    pairs: list[PairCount]
    open_contradictions: list[Record] = Field(description="The first of them")
    n_open_contradictions: int
    n_contradictions: int
    mismatches: list[Record] = Field(description="Failed consistency checks, the first")
    n_mismatches: int
    refresh_error: str | None = Field(
        None, description="Why the last background refresh failed: the findings are older"
    )
    findings_pending: bool = Field(
        False,
        description="Contradictions, checks and top pairs are still being computed (a "
        "server's first minute): they are empty here, not absent from the store",
    )


class PairDossier(BaseModel):
    pair: list[ActorRef]
    n_facts: int
    n_documents: int
    series: list[Record] = Field(description="Trade by year; each point with its sources")
    currency: str | None
    balance: list[Record] = Field(
        default=[],
        description=(
            "The first side's export to and import from the second by period, in the main "
            "currency, and their difference where both are known"
        ),
    )
    ranks: list[Record] = Field(
        default=[],
        description=(
            "Where each side stands among the other's partners: by latest turnover, by facts"
        ),
    )
    growth: list[Record]
    targets: list[Record]
    shares: list[Record]
    volumes: list[Record]
    investments: list[Record]
    events: list[Record]
    agreements: list[Record]
    projects: list[Record]
    quotes: list[Record]
    people: list[Record]
    contradictions: list[Record]
    checks: list[Record]
    official: Record = Field(
        default={},
        description=(
            "threshold (percent) and comparisons: each news trade figure beside the official "
            "one for the same series, period and currency, the difference in percent of the "
            "official, and whether it is flagged (over the threshold)"
        ),
    )


class ActorProfile(BaseModel):
    actor: ActorRef
    partners: list[Record]
    by_turnover: list[Record]
    by_events: list[Record]
    people: list[Record]
    n_facts: int
    events: list[Record] = Field(description="The newest events that concern the actor")
    quotes: list[Record] = Field(description="The newest quotes that concern the actor")
    n_events: int
    n_quotes: int


class DocumentView(BaseModel):
    document: Record
    facts: list[Record]
    mentions: list[Record]
    segments: list[Record] = Field(description="The text cut at evidence bounds")


class SearchResult(BaseModel):
    query: str
    hits: list[Record] = Field(
        description="One per article, best first: id, title, "
        "snippet, marks ([start, end] of each matching "
        "word in the snippet) and its reprints"
    )
    n_documents: int = Field(default=0, description="Documents found, reprints included")


class FacetValue(BaseModel):
    value: str = Field(description="What the facts share: trade, 2024, 'KZ UZ', a doc id")
    label: str
    count: int = Field(description="Matching facts with this value")
    selected: bool = Field(description="The filters already select it")
    filters: dict[str, Any] = Field(
        description="The query that selects it, or drops it when selected: /api/facts?type=trade"
    )


class FactsPage(BaseModel):
    filters: dict[str, Any]
    total: int
    limit: int
    offset: int
    facts: list[Record]
    facets: dict[str, list[FacetValue]] = Field(
        default={}, description="type, pair, year, source: the most frequent values first"
    )


class ConsolidatedPage(BaseModel):
    filters: dict[str, Any]
    total: int
    limit: int
    offset: int
    facts: list[Record] = Field(
        description="Consolidated facts with summary, parties, period and their sources"
    )
    facets: dict[str, list[FacetValue]] = Field(description="type, pair, year, standing")


class FactView(BaseModel):
    fact: Record
    decisions: list[Record]


class CurationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["confirm", "reject", "correct"]
    by: str = Field(min_length=1, description="Who decides")
    why: str = Field(default="", description="Why; required to reject or correct")
    field: str | None = Field(default=None, description="The field to correct: value, year…")
    value: Any = Field(default=None, description="Its new value, as typed: 26,1e9, KZ,UZ")


class CurationResult(FactView):
    decision: Record


class AskResult(BaseModel):
    question: str
    understood: Record | None
    found: bool
    text: str
    facts: list[Record]
    related: list[Record]
    rivals: list[Record] = Field(
        default=[], description="Other values of a disputed fact, with their sources"
    )
    person: Record | None = Field(default=None, description="Who 'Кто такой …?' asked about")


class ContradictionsView(BaseModel):
    contradictions: list[Record] = Field(description="Open ones first")
    n_contradictions: int
    n_open: int
    checks: list[Record] = Field(description="Failed ones first")
    n_checks: int
    n_failed: int
    limit: int
    offset: int
    findings_pending: bool = Field(False, description="Still being computed: empty for now")


class WatchRun(BaseModel):
    source_id: int
    kind: str = Field(description="feed, folder or telegram")
    target: str = Field(description="The feed's URL, or the folder's or export's path")
    started_at: str
    finished_at: str
    read: int = Field(description="Documents handed to the pipeline: only what was new")
    new: int = Field(description="Documents stored by this run")
    stored: int = Field(description="Read by an earlier run, or already in the database")
    skipped: int
    why: str | None = Field(description="The skipped inputs and their reasons, the first few")
    note: str | None = Field(description="Not modified since the last run (HTTP 304), …")
    error: str | None = Field(description="Why the source could not be read at all")
    summary: str = Field(description="The run in one line, as `bilat watch run` prints it")


class WatchedSource(BaseModel):
    id: int
    kind: str
    target: str
    every_s: int
    every: str = Field(description="The interval as `bilat watch add --every` takes it")
    added_at: str
    last_run_at: str | None
    last: WatchRun | None = Field(description="Its latest run among those listed")


class WatchView(BaseModel):
    sources: list[WatchedSource]
    runs: list[WatchRun] = Field(description="The latest runs of every source, newest first")
    limit: int


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "A request the knowledge base refuses"},
    404: {"model": ErrorResponse, "description": "No such actor, document or fact"},
    422: {"model": ErrorResponse, "description": "A parameter of the wrong type"},
}
