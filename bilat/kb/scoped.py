"""The knowledge base cut into scopes, and the stored rows of one scope.

Every key of the consolidation names its sides (a figure's parties, a share's whole and
part), or, for a quote, its speaker; so the claims of one key all lie in one scope, the
sorted parties of a claim ("KZ|UZ") or a quote's speaker. Consolidating a scope alone
gives exactly the consolidated facts the whole store gives for it, and its checks too:
export + import and turnover are of one pair, and so are a growth rate and its two years.
A scope spans every period of its pair: an undated event joins a dated one, and a growth
rate links two years, so a period alone would not be closed.

The whole store's lists are the scopes' rows put in order again: consolidated facts by
independent sources, claims and id; contradictions and checks by their label and, among
equal labels, where the whole store's walk would have met them (``lead``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, case

from bilat.kb import checks as kb_checks
from bilat.kb.claims import Claim
from bilat.kb.consolidate import Consolidated, Settled, by_key, key_of
from bilat.store.dialect import byte_order
from bilat.store.schema import kb_findings

ACTUAL = ("actual", None)  # the trade figures that checks add up

Lead = tuple[int, int, str]  # (-independent, -claims, id) of a key's best-sourced fact


def scope_of(claim: Claim) -> str:
    """The scope whose recomputation covers the claim's key."""
    if claim.type == "quote":
        return f"quote:{key_of(claim)[1]}"
    return "|".join(claim.parties)


def order(item: Consolidated) -> Lead:
    """Where ``consolidate`` puts a fact: most independent sources, then claims, then id."""
    return (-item.independent, -len(item.claims), item.id)


def consolidated_rows(scope: str, items: Sequence[Consolidated]) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "scope": scope,
            "type": c.type,
            "independent": c.independent,
            "n_claims": len(c.claims),
            "record": _text(c.to_json()),
            "summary": _text(summary(c)),
        }
        for c in items
    ]


def summary(item: Consolidated) -> dict[str, Any]:
    """What a party's page ranks partners by and an answer picks facts by: the record
    without its sources (a tenth of its size), with the period and sides its claims give."""
    return {
        "key": item.key,
        "fields": dict(item.fields),
        "value": item.value,
        "year": item.year,
        "months": item.months,
        "parties": item.parties,
        "claims": [c.id for c in item.claims],
        "standing": item.standing,
        "curated": item.curated,
        "rivals": list(item.rivals),
    }


def is_usd_turnover(item: Settled) -> bool:
    """A figure a party's partners are ranked by: an actual turnover in dollars for a whole
    year or part of one (one month's would rank the pair too low; roubles and dollars do
    not mix without exchange rates)."""
    return bool(
        item.type == "trade"
        and item.value
        and item.fields.get("indicator") == "turnover"
        and item.fields.get("status") in ACTUAL
        and item.fields.get("currency") == "USD"
        and not item.view.month
    )


def total_row(scope: str, items: Sequence[Consolidated]) -> dict[str, Any]:
    """What each party of the scope counts for the others among its partners: the claims
    of the facts shown (one per key), the events among them, and the latest turnover,
    with the place of its key in ``consolidate``'s order (``lead``): a party's page
    meets the keys in that order and keeps the first of the latest period."""
    leads = {key: min(order(side) for side in sides) for key, sides in by_key(items).items()}
    shown = kb_checks.winners(items)
    found = latest_turnover(
        (leads[item.key], turnover_of(item)) for item in shown if is_usd_turnover(item)
    )
    return {
        "scope": scope,
        "n_claims": sum(item.n_claims for item in shown),
        "n_events": sum(item.type == "event" for item in shown),
        "turnover": None if found is None else _text(found),
    }


def turnover_of(item: Settled) -> dict[str, Any]:
    return {"value_usd": item.value, "year": item.year, "months": item.months, "fact": item.id}


def latest_turnover(
    candidates: Iterable[tuple[Sequence[Any], dict[str, Any]]],
) -> dict[str, Any] | None:
    """Of (lead, turnover), the one of the latest period (a whole year over a part), the
    first met in the order of leads among equals; with its lead."""
    best: dict[str, Any] | None = None
    for lead, turnover in sorted(candidates, key=lambda c: tuple(c[0])):
        if best is None or _period_of(turnover) > _period_of(best):
            best = {**turnover, "lead": list(lead)}
    return best


def _period_of(turnover: dict[str, Any]) -> tuple[int, int]:
    return (turnover["year"] or 0, turnover["months"] or 12)


def side_rows(scopes: Sequence[str]) -> list[dict[str, str]]:
    """(party, scope) for each party a scope is about; a quote's speaker is no party."""
    return sorted(
        (
            {"party": p, "scope": s}
            for s in scopes
            if not s.startswith("quote:")
            for p in s.split("|")
        ),
        key=lambda r: (r["party"], r["scope"]),
    )


def finding_rows(scope: str, items: Sequence[Consolidated]) -> list[dict[str, Any]]:
    """The scope's contradictions and checks, each with what orders it among all."""
    leads = {key: min(order(side) for side in sides) for key, sides in by_key(items).items()}
    rows = [
        _finding(
            scope, f"contradiction:{c.key}", "contradiction", c.status == "open", c, leads[c.key]
        )
        for c in kb_checks.contradictions(items)
    ]
    periods = _trade_periods(items, leads)
    for check in kb_checks.checks(items):
        head = check.facts[0]
        lead = periods[_period(head)] if check.kind == "trade_sum" else leads[head.key]
        rows.append(
            _finding(scope, f"check:{check.kind}:{head.id}", check.kind, not check.ok, check, lead)
        )
    return rows


def _finding(
    scope: str, id: str, kind: str, flagged: bool, found: Any, lead: Lead
) -> dict[str, Any]:
    return {
        "id": id,
        "scope": scope,
        "kind": kind,
        "flagged": int(flagged),
        "label": found.label,
        "lead_independent": -lead[0],
        "lead_claims": -lead[1],
        "lead_id": lead[2],
        "record": _text(found.to_json()),
    }


def _period(item: Consolidated) -> tuple[Any, ...]:
    """A trade sum's period, as ``checks`` groups figures into them."""
    return (tuple(item.parties), item.year, item.months, item.view.month, item.view.currency)


def _trade_periods(items: Sequence[Consolidated], leads: dict[str, Lead]) -> dict[Any, Lead]:
    """Each period's place in the whole store's walk: that of its first figure."""
    found: dict[Any, Lead] = {}
    for item in kb_checks.winners(items):
        if item.type == "trade" and item.view.status in ACTUAL and item.year is not None:
            period = _period(item)
            found[period] = min(found.get(period, leads[item.key]), leads[item.key])
    return found


def finding_order(conn: Connection, checks: bool) -> list[Any]:
    """ORDER BY of the whole store's order of contradictions or of checks: flagged first,
    by label, then as the walk met them (labels compared as bytes, as Python compares
    them, whatever the database's collation). ``ix_kb_findings_shown`` serves the
    contradictions' order (SQLite)."""
    f = kb_findings.c
    kinds = [case((f.kind == "growth", 1), else_=0)] if checks else []  # trade sums first
    return [
        f.flagged.desc(),
        byte_order(conn, f.label),
        *kinds,
        f.lead_independent.desc(),
        f.lead_claims.desc(),
        byte_order(conn, f.lead_id),
        byte_order(conn, f.id),
    ]


def _text(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False)
