"""Time series of trade figures per pair: turnover and each direction's flow, by year.

Built from consolidated facts (one value per key, a person's decision first), so every
point carries its sources. A direction's flow joins "экспорт A в B" and "импорт B из A":
they are the same goods counted by two sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bilat.kb import wording
from bilat.kb.checks import winners
from bilat.kb.consolidate import Consolidated, Settled

ACTUAL = ("actual", None)


@dataclass(frozen=True)
class Point:
    year: int
    months: int | None  # None for a whole year
    value: float
    qualifier: str | None
    fact: Consolidated

    @property
    def disputed(self) -> bool:
        return bool(self.fact.rivals) and not self.fact.curated

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "months": self.months,
            "value": self.value,
            "qualifier": self.qualifier,
            "disputed": self.disputed,
            "independent": self.fact.independent,
            "fact": self.fact.id,
            "sources": [c.source_json() for c in self.fact.claims],
        }


@dataclass(frozen=True)
class Series:
    line: str  # "turnover", or "KZ→UZ" for the flow from KZ to UZ
    label: str
    currency: str | None
    points: tuple[Point, ...]

    @property
    def indicator(self) -> str:
        return "turnover" if self.line == "turnover" else "export"

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "label": self.label,
            "indicator": self.indicator,
            "currency": self.currency,
            "points": [p.to_json() for p in self.points],
        }


def line_of(item: Settled) -> str | None:
    f = item.view
    if f.indicator == "turnover":
        return "turnover"
    if f.indicator in ("export", "import") and f.exporter and f.importer:
        return f"{f.exporter}→{f.importer}"
    return None  # a flow without a direction cannot be placed on either line


def label(line: str) -> str:
    """How a line is named on pages: "товарооборот", "экспорт Казахстан → Узбекистан"."""
    if line == "turnover":
        return "товарооборот"
    exporter, importer = line.split("→")
    return f"экспорт {wording.name(exporter)} → {wording.name(importer)}"


def build(consolidated: Iterable[Consolidated], indicator: str | None = None) -> list[Series]:
    """Series of actual trade figures; ``indicator`` turnover keeps turnover only, export or
    import keep the directional flows."""
    lines: dict[tuple[str, str | None], dict[tuple[int, int | None], Consolidated]] = {}
    for item in winners(consolidated):
        line = line_of(item) if item.type == "trade" else None
        if line is None or item.year is None or item.value is None or item.view.month:
            continue  # one month's figure is no point of the years' series
        if item.view.status not in ACTUAL or not _wanted(line, indicator):
            continue
        points = lines.setdefault((line, item.view.currency), {})
        slot = (item.year, item.months)
        if slot not in points or _better(item, points[slot]):
            points[slot] = item
    return sorted(
        (_series(line, currency, points) for (line, currency), points in lines.items()),
        key=lambda s: (s.line != "turnover", s.line, -len(s.points), str(s.currency)),
    )


def _wanted(line: str, indicator: str | None) -> bool:
    if indicator is None:
        return True
    return (line == "turnover") == (indicator == "turnover")


def _better(item: Consolidated, known: Consolidated) -> bool:
    return (item.curated, item.independent) > (known.curated, known.independent)


def _series(
    line: str, currency: str | None, points: dict[tuple[int, int | None], Consolidated]
) -> Series:
    ordered = sorted(points.items(), key=lambda kv: (kv[0][0], kv[0][1] or 12))
    return Series(
        line=line,
        label=label(line),
        currency=currency,
        points=tuple(
            Point(
                year=year,
                months=months,
                value=float(item.value or 0.0),
                qualifier=item.view.qualifier,
                fact=item,
            )
            for (year, months), item in ordered
        ),
    )


def main_currency(series: Sequence[Series]) -> str | None:
    """The currency most points are in: the one a chart of the pair is drawn in."""
    counts: dict[str | None, int] = {}
    for s in series:
        counts[s.currency] = counts.get(s.currency, 0) + len(s.points)
    return max(counts, key=lambda c: (counts[c], c == "USD")) if counts else None


@dataclass(frozen=True)
class Balance:
    """One period's trade seen from one side: what it sold, what it bought, the gap."""

    year: int
    months: int | None
    exports: float | None  # the side's exports to the other
    imports: float | None  # its imports from the other: the other's exports to it
    currency: str | None

    @property
    def balance(self) -> float | None:
        if self.exports is None or self.imports is None:
            return None
        return self.exports - self.imports

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "months": self.months,
            "export": self.exports,
            "import": self.imports,
            "balance": self.balance,
            "currency": self.currency,
        }


def balance(series: Sequence[Series], side: str, other: str, currency: str | None) -> list[Balance]:
    """``side``'s exports to and imports from ``other`` by period, in ``currency``, oldest
    first: periods where either flow is known (the balance needs both)."""
    lines = {s.line: s for s in series if s.currency == currency}
    flows = [
        {(p.year, p.months): p.value for p in line.points} if line else {}
        for line in (lines.get(f"{side}→{other}"), lines.get(f"{other}→{side}"))
    ]
    slots = sorted({*flows[0], *flows[1]}, key=lambda slot: (slot[0], slot[1] or 12))
    return [
        Balance(
            year=year,
            months=months,
            exports=flows[0].get((year, months)),
            imports=flows[1].get((year, months)),
            currency=currency,
        )
        for year, months in slots
    ]
