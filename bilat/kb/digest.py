"""What is new about a pair in a period: the digest an analyst mails every week.

``digest(store, "KZ", "RU-BA", Period.parse("2024-11-01"))`` reads the pair's dossier and
keeps what documents published in the period state: trade figures, each with its change
against the last figure known for the same line, currency and kind of period before it
(a year against an earlier year, nine months against earlier nine months) and beside the
official figure where the store has one; growth claims, shares, events, agreements,
projects, quotes, the people they name and new contradictions, each with its sources.

A fact is new in the period when a document dated in it states it; the sources shown are
those documents, and ``earlier`` counts the sources that stated it before. An undated
document belongs to no period: it is left out, and the digest names it (``undated``), so
that nothing is silently lost. The renderers (markdown, HTML, PDF) live in ``bilat.web``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import select

from bilat.kb import official as kb_official
from bilat.kb import timeseries, wording
from bilat.kb.checks import Contradiction
from bilat.kb.claims import Claim
from bilat.kb.consolidate import Consolidated
from bilat.kb.dossier import Dossier, dossier, when
from bilat.kb.period import Period, PeriodError
from bilat.kb.state import reading
from bilat.store import Store
from bilat.store.schema import documents

# The dossier's sections, in the order a digest lists them.
SECTIONS = tuple(wording.SECTIONS)
WEB_SCHEMES = ("http", "https")

__all__ = ["Digest", "Document", "Entry", "Figure", "Period", "PeriodError", "digest"]


@dataclass(frozen=True)
class Document:
    id: str
    name: str
    title: str | None
    date: str | None
    kind: str
    url: str | None  # a web page or a Telegram message; None for a file

    @property
    def outlet(self) -> str:
        """Who published it: the Telegram channel, the site's host, else the file's name."""
        if self.kind == "telegram":
            return self.name.rsplit("/", 1)[0]
        parsed = urlparse(self.url or "")
        if parsed.scheme in WEB_SCHEMES and parsed.hostname:
            return parsed.hostname.removeprefix("www.")
        return self.name

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "date": self.date,
            "kind": self.kind,
            "url": self.url,
            "outlet": self.outlet,
        }


@dataclass(frozen=True)
class Source:
    """One sentence that states a fact, and the document it is in."""

    fact_id: str
    document: Document
    evidence: str

    def to_json(self) -> dict[str, Any]:
        found = self.document.to_json()
        return {
            "fact_id": self.fact_id,
            "doc_id": found.pop("id"),
            **found,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Entry:
    """A fact new in the period, other than a trade figure: a growth claim, an event …"""

    id: str  # the consolidated fact's
    type: str
    text: str  # what it says, in one line (``wording.summary``)
    date: str  # its own date, else its first source's (``dossier.when``)
    sources: tuple[Source, ...]
    earlier: int  # sources that stated it before the period

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "text": self.text,
            "date": self.date,
            "sources": [s.to_json() for s in self.sources],
            "earlier": self.earlier,
        }


@dataclass(frozen=True)
class Previous:
    """The last figure known for the same line, currency and kind of period before another."""

    year: int
    months: int | None
    value: float
    qualifier: str | None
    fact: str


@dataclass(frozen=True)
class Figure:
    """A trade figure new in the period, with what it changed from and the official one."""

    line: str  # "turnover" or "KZ→RU-BA" (``timeseries``)
    label: str
    year: int
    months: int | None
    value: float
    currency: str | None
    qualifier: str | None
    fact: str
    sources: tuple[Source, ...]
    earlier: int
    previous: Previous | None
    stated: tuple[float, ...] = ()  # growth the sources state for it, in percent
    official: kb_official.Comparison | None = None

    @property
    def change_percent(self) -> float | None:
        if self.previous is None or not self.previous.value:
            return None
        return (self.value - self.previous.value) / self.previous.value * 100.0

    def to_json(self) -> dict[str, Any]:
        change = self.change_percent
        return {
            "line": self.line,
            "label": self.label,
            "year": self.year,
            "months": self.months,
            "value": self.value,
            "currency": self.currency,
            "qualifier": self.qualifier,
            "fact": self.fact,
            "sources": [s.to_json() for s in self.sources],
            "earlier": self.earlier,
            "previous": None if self.previous is None else vars(self.previous),
            "change_percent": None if change is None else round(change, 1),
            "stated_percent": list(self.stated),
            "official": self.official.to_json() if self.official else None,
        }


@dataclass(frozen=True)
class Digest:
    a: str
    b: str
    period: Period
    figures: tuple[Figure, ...]
    sections: Mapping[str, tuple[Entry, ...]]
    people: list[dict[str, Any]]
    contradictions: tuple[Contradiction, ...]
    series: tuple[timeseries.Series, ...]  # the whole history, for the chart
    documents: tuple[Document, ...]  # the pair's documents dated in the period
    undated: tuple[Document, ...]  # the pair's documents without a date: left out
    threshold: float = kb_official.DIFFERENCE_THRESHOLD_PERCENT
    n_before: int = 0  # the pair's documents dated before the period

    @property
    def currency(self) -> str | None:
        return timeseries.main_currency(self.series)

    def to_json(self) -> dict[str, Any]:
        return {
            "pair": [{"code": c, "name": wording.name(c)} for c in (self.a, self.b)],
            "period": self.period.to_json(),
            "documents": [d.to_json() for d in self.documents],
            "undated": [d.to_json() for d in self.undated],
            "n_before": self.n_before,
            "figures": [f.to_json() for f in self.figures],
            **{name: [e.to_json() for e in items] for name, items in self.sections.items()},
            "people": self.people,
            "contradictions": [c.to_json() for c in self.contradictions],
            "series": [s.to_json() for s in self.series],
            "currency": self.currency,
            "threshold": self.threshold,
        }


def digest(
    store: Store,
    a: str,
    b: str,
    period: Period,
    threshold: float = kb_official.DIFFERENCE_THRESHOLD_PERCENT,
) -> Digest:
    """What documents dated in ``period`` say about the pair (see the module's note)."""
    found = dossier(store, a, b, threshold)
    docs = _documents(store, {c.fact.doc_id for item in found.consolidated for c in item.claims})
    new = _Period(period, docs)
    sections = {name: new.entries(found.sections.get(name, [])) for name in SECTIONS}
    listed = {e.id for items in sections.values() for e in items}
    return Digest(
        a=found.a,
        b=found.b,
        period=period,
        figures=tuple(new.figures(found)),
        sections=sections,
        people=[p for p in found.people if listed.intersection(p["facts"])],
        contradictions=tuple(
            c for c in found.contradictions if any(new.sources(side) for side in c.sides)
        ),
        series=found.series,
        documents=_newest([d for d in docs.values() if period.holds(d.date)]),
        undated=_newest([d for d in docs.values() if not d.date]),
        threshold=threshold,
        n_before=sum(period.before(d.date) for d in docs.values()),
    )


def _documents(store: Store, ids: set[str]) -> dict[str, Document]:
    query = select(
        documents.c.id,
        documents.c.name,
        documents.c.title,
        documents.c.date,
        documents.c.kind,
        documents.c.url,
    ).where(documents.c.id.in_(sorted(ids)))
    with reading(store, "read the pair's documents") as conn:
        return {row[0]: Document(*row) for row in conn.execute(query)}


def _newest(docs: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(sorted(docs, key=lambda d: (d.date or "", d.name), reverse=True))


@dataclass(frozen=True)
class _Period:
    """The period and the pair's documents: what of a consolidated fact is new in it."""

    period: Period
    docs: Mapping[str, Document]

    def sources(self, item: Consolidated) -> tuple[Source, ...]:
        return tuple(self._source(c) for c in item.claims if self.period.holds(c.fact.doc_date))

    def earlier(self, item: Consolidated) -> int:
        return sum(self.period.before(c.fact.doc_date) for c in item.claims)

    def _source(self, claim: Claim) -> Source:
        f = claim.fact
        document = self.docs.get(f.doc_id) or Document(f.doc_id, f.doc_name, None, None, "", None)
        return Source(fact_id=f.id, document=document, evidence=f.evidence.text)

    def entries(self, items: Iterable[Consolidated]) -> tuple[Entry, ...]:
        return tuple(
            Entry(
                id=item.id,
                type=item.type,
                text=wording.summary(item.fields, item.type),
                date=when(item),
                sources=sources,
                earlier=self.earlier(item),
            )
            for item in items
            if (sources := self.sources(item))
        )

    def figures(self, found: Dossier) -> list[Figure]:
        compared = {c.news.fact: c for c in found.official if c.news is not None}
        growth = found.sections.get("growth", [])
        figures = [
            self._figure(s, point, compared.get(point.fact.id), growth)
            for s in found.series
            for point in s.points
            if self.sources(point.fact)
        ]
        return sorted(
            figures, key=lambda f: (f.line != "turnover", f.line, -f.year, -(f.months or 12))
        )

    def _figure(
        self,
        series: timeseries.Series,
        point: timeseries.Point,
        official: kb_official.Comparison | None,
        growth: Sequence[Consolidated],
    ) -> Figure:
        return Figure(
            line=series.line,
            label=series.label,
            year=point.year,
            months=point.months,
            value=point.value,
            currency=series.currency,
            qualifier=point.qualifier,
            fact=point.fact.id,
            sources=self.sources(point.fact),
            earlier=self.earlier(point.fact),
            previous=previous(series, point),
            stated=stated_growth(series.line, point, growth),
            official=official,
        )


def previous(series: timeseries.Series, point: timeseries.Point) -> Previous | None:
    """The latest earlier point of the same kind of period: 2024 against 2023 (or 2021 where
    2022 and 2023 are unknown), nine months against nine months; a year is never set
    against part of one."""
    before = [p for p in series.points if p.months == point.months and p.year < point.year]
    if not before:
        return None
    last = max(before, key=lambda p: p.year)
    return Previous(last.year, last.months, last.value, last.qualifier, last.fact.id)


def stated_growth(
    line: str, point: timeseries.Point, growth: Iterable[Consolidated]
) -> tuple[float, ...]:
    """What the sources say the figure grew by against the period before ("увеличившись на
    12,4 % по сравнению с предыдущим годом"), to set beside the change computed."""
    return tuple(
        float(item.value)
        for item in growth
        if item.value is not None
        and item.view.base == "previous_period"
        and timeseries.line_of(item) == line
        and (item.year, item.months) == (point.year, point.months)
    )
