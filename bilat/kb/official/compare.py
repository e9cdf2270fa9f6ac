"""Each news trade figure of a pair beside the official one for the same series, period and
currency, with the difference in percent and a flag where it is over a threshold.

The series are ``kb.timeseries``'s: the turnover, and each direction's flow. An official
export of the reporter to its partner is the flow reporter → partner; its import from the
partner is the flow partner → reporter; a turnover belongs to both sides alike. Values are
compared only in one currency: no exchange rate is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bilat.kb import timeseries
from bilat.kb.official.records import OfficialFigure

# News round their figures ("свыше 400 млн") and often quote a first estimate that the
# statistics revise later by a few percent; a gap of more than a tenth is beyond rounding
# and revision, and worth an analyst's look. Chosen, not tuned; --threshold changes it.
DIFFERENCE_THRESHOLD_PERCENT = 10.0

Key = tuple[str, int, int | None, str | None]  # line, year, months, currency


@dataclass(frozen=True)
class NewsFigure:
    """One point of a pair's trade series: a consolidated figure from the news."""

    line: str
    year: int
    months: int | None
    value: float
    currency: str | None
    qualifier: str | None = None
    fact: str = ""  # the consolidated fact's id
    n_sources: int = 0

    @property
    def key(self) -> Key:
        return (self.line, self.year, self.months, self.currency)


@dataclass(frozen=True)
class Comparison:
    """One series and period: the news's figure, the official one, or both."""

    line: str
    year: int
    months: int | None
    currency: str | None
    news: NewsFigure | None
    official: OfficialFigure | None
    threshold: float = DIFFERENCE_THRESHOLD_PERCENT
    others: tuple[OfficialFigure, ...] = ()  # more official figures for the same key

    @property
    def difference_percent(self) -> float | None:
        """How far the news's value is from the official one, in percent of the official."""
        if self.news is None or self.official is None or not self.official.value:
            return None
        return (self.news.value - self.official.value) / self.official.value * 100.0

    @property
    def flagged(self) -> bool:
        found = self.difference_percent
        return found is not None and abs(found) > self.threshold

    def to_json(self) -> dict[str, Any]:
        found = self.difference_percent
        return {
            "line": self.line,
            "label": timeseries.label(self.line),
            "year": self.year,
            "months": self.months,
            "currency": self.currency,
            "news": _news_json(self.news),
            "official": self.official.to_json() if self.official else None,
            "others": [o.to_json() for o in self.others],
            "difference_percent": None if found is None else round(found, 1),
            "flagged": self.flagged,
        }


def signed_percent(percent: float | None) -> str:
    """A difference as pages show it: "+2,6 %", "−14,1 %", "—" when there is none."""
    if percent is None:
        return "—"
    sign = "−" if percent < 0 else "+"
    return f"{sign}{abs(percent):.1f} %".replace(".", ",")


def _news_json(news: NewsFigure | None) -> dict[str, Any] | None:
    if news is None:
        return None
    return {
        "value": news.value,
        "qualifier": news.qualifier,
        "fact": news.fact,
        "n_sources": news.n_sources,
    }


def news_figures(series: Iterable[timeseries.Series]) -> list[NewsFigure]:
    """The points of a pair's trade series as figures to compare."""
    return [
        NewsFigure(
            line=s.line,
            year=p.year,
            months=p.months,
            value=p.value,
            currency=s.currency,
            qualifier=p.qualifier,
            fact=p.fact.id,
            n_sources=len(p.fact.claims),
        )
        for s in series
        for p in s.points
    ]


def compare(
    news: Sequence[NewsFigure],
    official: Sequence[OfficialFigure],
    threshold: float = DIFFERENCE_THRESHOLD_PERCENT,
) -> list[Comparison]:
    """Every news figure with its official counterpart, or none; then the official figures
    no news figure matches. Turnover first, then each flow, oldest period first."""
    by_key: dict[Key, list[OfficialFigure]] = {}
    for figure in official:
        key = (figure.line, figure.year, figure.months, figure.currency)
        by_key.setdefault(key, []).append(figure)
    rows = [_row(n.key, n, by_key.get(n.key, []), threshold) for n in news]
    seen = {n.key for n in news}
    rows += [_row(k, None, found, threshold) for k, found in by_key.items() if k not in seen]
    return sorted(rows, key=lambda r: (r.line != "turnover", r.line, r.year, r.months or 12))


def _row(
    key: Key, news: NewsFigure | None, official: list[OfficialFigure], threshold: float
) -> Comparison:
    ranked = sorted(official, key=lambda f: _preference(key[0], f))
    return Comparison(
        line=key[0],
        year=key[1],
        months=key[2],
        currency=key[3],
        news=news,
        official=ranked[0] if ranked else None,
        threshold=threshold,
        others=tuple(ranked[1:]),
    )


def _preference(line: str, figure: OfficialFigure) -> tuple[bool, str, str]:
    """Of two reports of one flow, the importer's first: goods are recorded at the border
    they enter, with their origin, which mirror statistics usually trust more."""
    importer = line.split("→")[-1] if "→" in line else None
    return (figure.reporter != importer, figure.source, figure.reporter)
