"""Contradictions and consistency checks over consolidated facts.

A contradiction is two values for one key that cannot both be true (see
``consolidate``); it is open until a person confirms or corrects one side. The checks
compare figures that must add up: export + import against turnover of the same pair and
period, and a growth rate against the two yearly values it links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bilat.kb import wording
from bilat.kb.consolidate import Consolidated, S, by_key, winner
from bilat.kb.values import meet, relative_gap

# Export + import may differ from turnover by this share of it: three figures each rounded
# to three or four significant digits, e.g. 406,2 + 83 = 489,2 exactly but 1,9 + 1,2 = 3,1
# only within 0.1 млрд (3 %) when each was rounded to one decimal of a billion.
TRADE_SUM_TOLERANCE = 0.035
# A growth rate may differ from the one its two yearly values imply by this many points:
# values rounded to one decimal place of a million or billion move the implied rate by up
# to a point, and outlets round the rate itself.
GROWTH_TOLERANCE_POINTS = 1.5


@dataclass(frozen=True)
class Contradiction:
    key: str
    type: str
    label: str
    status: str  # open | resolved (a person confirmed or corrected one side)
    sides: tuple[Consolidated, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "type": self.type,
            "label": self.label,
            "status": self.status,
            "sides": [side.to_json() for side in self.sides],
        }


@dataclass(frozen=True)
class Check:
    kind: str  # trade_sum | growth
    ok: bool
    label: str
    message: str
    expected: float | None
    found: float | None
    facts: tuple[Consolidated, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ok": self.ok,
            "label": self.label,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
            "facts": [f.id for f in self.facts],
        }


def contradictions(consolidated: Iterable[Consolidated]) -> list[Contradiction]:
    """Keys with rival values, open ones first."""
    found = []
    for key, sides in by_key(consolidated).items():
        if len(sides) < 2 or not sides[0].rivals:
            continue
        settled = any(side.curated for side in sides)
        found.append(
            Contradiction(
                key=key,
                type=sides[0].type,
                label=label(sides[0]),
                status="resolved" if settled else "open",
                sides=tuple(sorted(sides, key=lambda s: (-s.independent, s.id))),
            )
        )
    return sorted(found, key=lambda c: (c.status != "open", c.label))


def label(item: Consolidated) -> str:
    """ "товарооборот Казахстан — Узбекистан за 2024 год"."""
    head = wording.indicator(item.fields) or wording.TYPES.get(item.type, item.type)
    parties = " — ".join(wording.name(p) for p in item.parties)
    return (
        f"{wording.TYPES[item.type] + ': ' if item.type == 'change' else ''}{head} "
        f"{parties} {wording.period(item.year, item.months, item.view.month)}".strip()
    )


def winners(consolidated: Iterable[S]) -> list[S]:
    """One consolidated fact per key: the value to show and to check."""
    return [winner(sides) for sides in by_key(consolidated).values()]


def checks(consolidated: Iterable[Consolidated]) -> list[Check]:
    """Every consistency check the figures allow, mismatches first."""
    shown = winners(consolidated)
    trade = [c for c in shown if c.type == "trade" and c.view.status in ("actual", None)]
    found = [*_trade_sums(trade), *_growths(shown, trade)]
    return sorted(found, key=lambda c: (c.ok, c.label))


# -- export + import vs turnover ----------------------------------------------------------------


def _trade_sums(trade: Sequence[Consolidated]) -> list[Check]:
    periods: dict[tuple[Any, ...], list[Consolidated]] = {}
    for item in trade:
        if item.year is not None:
            key = (tuple(item.parties), item.year, item.months, item.view.month, item.view.currency)
            periods.setdefault(key, []).append(item)
    return [check for items in periods.values() if (check := _trade_sum(items))]


def _flows(items: Sequence[Consolidated]) -> dict[tuple[str, str], Consolidated]:
    """Best-sourced figure per direction: "экспорт A в B" and "импорт B из A" are one flow."""
    flows: dict[tuple[str, str], Consolidated] = {}
    for item in items:
        exporter, importer = item.view.exporter, item.view.importer
        if item.view.indicator in ("export", "import") and exporter and importer:
            known = flows.get((exporter, importer))
            if known is None or item.independent > known.independent:
                flows[(exporter, importer)] = item
    return flows


def _trade_sum(items: Sequence[Consolidated]) -> Check | None:
    turnover = next((i for i in items if i.view.indicator == "turnover"), None)
    flows = list(_flows(items).values())
    if turnover is None or turnover.value is None or not flows:
        return None
    total = sum(f.value or 0.0 for f in flows)
    if len(flows) < 2:  # one direction alone can only fail by exceeding the whole
        ok = _ranges_allow_under(flows[0], turnover)
    else:
        ok = relative_gap(total, turnover.value) <= TRADE_SUM_TOLERANCE or _ranges_meet(
            flows, turnover
        )
    what = "экспорт + импорт" if len(flows) > 1 else wording.indicator(flows[0].fields)
    message = (
        f"{what} = {wording.number(total)}, товарооборот = "
        f"{wording.number(turnover.value)}: "
        f"{'сходится' if ok else 'не сходится'}"
    )
    return Check(
        kind="trade_sum",
        ok=ok,
        label=label(turnover),
        message=message,
        expected=turnover.value,
        found=total,
        facts=(turnover, *flows),
    )


def _ranges_meet(flows: Sequence[Consolidated], turnover: Consolidated) -> bool:
    if turnover.range is None or any(f.range is None for f in flows):
        return False
    low = sum(f.range[0] for f in flows if f.range)
    high = sum(f.range[1] for f in flows if f.range)
    return meet((low, high), turnover.range) is not None


def _ranges_allow_under(flow: Consolidated, turnover: Consolidated) -> bool:
    if flow.range is None or turnover.range is None:
        return True
    return flow.range[0] <= turnover.range[1] * (1 + TRADE_SUM_TOLERANCE)


# -- growth rate vs the yearly values --------------------------------------------------------------


def _growths(shown: Sequence[Consolidated], trade: Sequence[Consolidated]) -> list[Check]:
    values = {(_flow_key(t, t.year), t.view.currency): t for t in trade if t.value is not None}
    currencies = sorted({t.view.currency for t in trade}, key=str)
    found = []
    for change in shown:
        if change.type != "change" or change.value is None or change.year is None:
            continue
        for currency in currencies:  # both values in one currency, or no comparison
            now = values.get((_flow_key(change, change.year), currency))
            before = values.get((_flow_key(change, _base_year(change)), currency))
            if now is not None and before is not None and before.value:
                found.append(_growth(change, now, before))
                break
    return found


def _flow_key(item: Consolidated, year: int | None) -> tuple[Any, ...]:
    f = item.view
    return (
        f.indicator,
        tuple(item.parties),
        f.exporter,
        f.importer,
        year,
        item.months,
        item.view.month,
    )


def _base_year(change: Consolidated) -> int | None:
    base = change.view.base
    if isinstance(base, int) and not isinstance(base, bool) and base > 1900:
        return base
    return change.year - 1 if change.year is not None else None


def _growth(change: Consolidated, now: Consolidated, before: Consolidated) -> Check:
    assert now.value is not None and before.value and change.value is not None
    implied = (now.value / before.value - 1) * 100
    ok = abs(implied - change.value) <= GROWTH_TOLERANCE_POINTS
    message = (
        f"рост {wording.percent(change.value)} при значениях "
        f"{wording.number(before.value)} ({before.year}) и "
        f"{wording.number(now.value)} ({now.year}) — по ним "
        f"{wording.percent(round(implied, 1))}: {'сходится' if ok else 'не сходится'}"
    )
    return Check(
        kind="growth",
        ok=ok,
        label=label(change),
        message=message,
        expected=round(implied, 2),
        found=change.value,
        facts=(change, now, before),
    )
