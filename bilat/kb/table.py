"""Consolidated facts as a table: one row per fact the knowledge base holds (a figure
with all the documents that state it), to sort, count by facet and page through.

The filters are those that select whole consolidated facts (type, indicator, parties,
year, status are parts of the key): a filter on a source's text or date would split a
fact's sources and so miscount them. The facts are the knowledge base's rows, kept as
documents arrive (``kb.kept``), never consolidated on the request: a type and the
parties select rows in the database, the rest is read from each row's summary, as the
table shows it. The records (with every source) are read for the page shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from bilat.kb import kept, wording
from bilat.kb.kept import Kept
from bilat.kb.reach import nested
from bilat.store import Store

FACET_VALUES = 10  # as the facts explorer: the most frequent values of each facet
# Standings from the most to the least settled, for sorting.
STANDING_ORDER = {"confirmed": 0, "agreed": 1, "disputed": 2, "overruled": 3}


@dataclass(frozen=True)
class Wanted:
    """What the table's filters ask of a consolidated fact: each given one must hold."""

    type: str | None = None
    indicator: str | None = None
    party: str | None = None
    partner: str | None = None  # with party: facts of the pair
    year: int | None = None
    status: str | None = None
    standing: str | None = None

    def fits(self, item: Kept) -> bool:
        """Whether the fact shows what the filters the database did not apply ask."""
        fields = item.fields
        return (
            (self.indicator is None or fields.get("indicator") == self.indicator)
            and (self.year is None or item.year == self.year)
            and (self.status is None or fields.get("status") == self.status)
            and (self.standing is None or item.standing == self.standing)
        )


def _value_key(c: Kept) -> float:
    return c.value if c.value is not None else 0.0


def _measure(c: Kept) -> tuple[bool, str]:
    """What a value counts: dollars first, then each other currency, unit or percent;
    without exchange rates 48 billion roubles cannot rank among dollars."""
    f = c.fields
    unit = "%" if c.type in ("change", "share") else f.get("currency") or f.get("unit") or ""
    return unit != "USD", str(unit)


SORTS: dict[str, Callable[[Kept], Any]] = {
    "type": lambda c: (c.type, c.view.indicator or ""),
    "parties": lambda c: tuple(c.parties),
    "year": lambda c: (c.year or 0, c.months or 12),
    "value": _value_key,
    "standing": lambda c: STANDING_ORDER.get(c.standing, 9),
    "sources": lambda c: c.n_claims,
    "independent": lambda c: c.independent,
}


def matching(store: Store, wanted: Wanted) -> list[Kept]:
    """The consolidated facts the filters select, most independent sources first, as
    summaries (see ``kept.with_records`` for their records)."""
    kept.current(store)
    sides = [code for code in (wanted.party, wanted.partner) if code]
    types = None if wanted.type is None else [wanted.type]
    return [item for item in kept.read(store, sides, types) if wanted.fits(item)]


def ordered(items: Sequence[Kept], sort: str | None) -> list[Kept]:
    """``items`` sorted by a key of SORTS ("-key" descending); as given when None. Facts
    without the key's value (no year, no value) go last either way."""
    if not sort:
        return list(items)
    name = sort.lstrip("-")
    known = [c for c in items if not _missing(c, name)]
    missing = [c for c in items if _missing(c, name)]
    found = sorted(known, key=SORTS[name], reverse=sort.startswith("-"))
    if name == "value":  # stable: each measure's values keep the order just given
        found.sort(key=_measure)
    return found + missing


def _missing(item: Kept, key: str) -> bool:
    return (key == "year" and item.year is None) or (key == "value" and item.value is None)


def facets(items: Sequence[Kept]) -> dict[str, list[tuple[dict[str, Any], str, int]]]:
    """(the filters that select it, its label, how many facts) by type, pair, year and
    standing, the most frequent first."""
    types = Counter(c.type for c in items)
    pairs = Counter(pair for pair in map(_pair_of, items) if pair)
    years = Counter(c.year for c in items if c.year)
    standings = Counter(c.standing for c in items)
    return {
        "type": [({"type": t}, wording.TYPES.get(t, t), n) for t, n in _top(types)],
        "pair": [
            ({"party": a, "partner": b}, wording.pair_name(a, b), n) for (a, b), n in _top(pairs)
        ],
        "year": [({"year": y}, str(y), n) for y, n in _top(years)],
        "standing": [({"standing": s}, wording.STANDINGS.get(s, s), n) for s, n in _top(standings)],
    }


def _pair_of(item: Kept) -> tuple[str, str] | None:
    """The first two of a fact's parties that are apart: a project of KZ and RU-BA in
    Костанай (KZ, KZ-39, RU-BA) is the pair KZ–RU-BA, not a country and its own region."""
    parties = sorted(item.parties)
    return next(((a, b) for a, b in combinations(parties, 2) if not nested(a, b)), None)


def _top(counts: Counter[Any]) -> list[tuple[Any, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:FACET_VALUES]


def row(item: Kept) -> dict[str, Any]:
    """A consolidated fact as a table row: its record (read with it), what it says and
    its period."""
    return {
        **item.to_json(),
        "summary": wording.summary(item.fields, item.type),
        "parties": list(item.parties),
        "year": item.year,
        "months": item.months,
        "period": (
            wording.short_period(item.year, item.months, item.view.month) if item.year else ""
        ),
    }
