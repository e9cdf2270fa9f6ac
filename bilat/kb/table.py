"""Consolidated facts as a table: one row per fact the knowledge base holds (a figure
with all the documents that state it), to sort, count by facet and page through.

The filters are those that select whole consolidated facts (type, indicator, parties,
year, status are parts of the key): a filter on a source's text or date would split a
fact's sources and so miscount them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any

from sqlalchemy.sql.elements import ColumnElement

from bilat.kb import wording
from bilat.kb.claims import claims, every_fact
from bilat.kb.consolidate import Consolidated, consolidate
from bilat.kb.reach import nested
from bilat.store import Store

FACET_VALUES = 10  # as the facts explorer: the most frequent values of each facet
# Standings from the most to the least settled, for sorting.
STANDING_ORDER = {"confirmed": 0, "agreed": 1, "disputed": 2, "overruled": 3}


def _value_key(c: Consolidated) -> float:
    return c.value if c.value is not None else 0.0


def _measure(c: Consolidated) -> tuple[bool, str]:
    """What a value counts: dollars first, then each other currency, unit or percent;
    without exchange rates 48 billion roubles cannot rank among dollars."""
    f = c.fields
    unit = "%" if c.type in ("change", "share") else f.get("currency") or f.get("unit") or ""
    return unit != "USD", str(unit)


SORTS: dict[str, Callable[[Consolidated], Any]] = {
    "type": lambda c: (c.type, c.view.indicator or ""),
    "parties": lambda c: tuple(c.parties),
    "year": lambda c: (c.year or 0, c.months or 12),
    "value": _value_key,
    "standing": lambda c: STANDING_ORDER.get(c.standing, 9),
    "sources": lambda c: len(c.claims),
    "independent": lambda c: c.independent,
}


def matching(store: Store, where: Sequence[ColumnElement[bool]]) -> list[Consolidated]:
    """The consolidated facts of the stored facts matching ``where``, most independent
    sources first."""
    return consolidate(claims(store, every_fact(store, where)))


def ordered(items: Sequence[Consolidated], sort: str | None) -> list[Consolidated]:
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


def _missing(item: Consolidated, key: str) -> bool:
    return (key == "year" and item.year is None) or (key == "value" and item.value is None)


def facets(items: Sequence[Consolidated]) -> dict[str, list[tuple[dict[str, Any], str, int]]]:
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


def _pair_of(item: Consolidated) -> tuple[str, str] | None:
    """The first two of a fact's parties that are apart: a project of KZ and RU-BA in
    Костанай (KZ, KZ-39, RU-BA) is the pair KZ–RU-BA, not a country and its own region."""
    parties = sorted(item.parties)
    return next(((a, b) for a, b in combinations(parties, 2) if not nested(a, b)), None)


def _top(counts: Counter[Any]) -> list[tuple[Any, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:FACET_VALUES]


def row(item: Consolidated) -> dict[str, Any]:
    """A consolidated fact as a table row: its record, what it says and its period."""
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
