"""Consolidated facts as the knowledge base's rows keep them, read instead of consolidated.

A party's page ranks its partners over every consolidated fact of the party, and an
answer picks among those of a pair or a party: consolidating them on the request reads
and settles every claim (seconds for a country named in a tenth of a large store). The
rows ``kb.incremental`` keeps hold the same facts, scope by scope, and a party's scopes are
listed in ``kb_sides``: every claim naming the party lies in one of them, so their rows
are exactly what consolidating the party's claims gives.

``Kept`` is such a row: a consolidated fact's summary (its fields, value, period, sides and
the ids of its claims), with its full record where an answer shows its sources.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from sqlalchemy import Select, select

from bilat.kb import incremental
from bilat.kb.state import reading
from bilat.schemas import Fields
from bilat.store import Store
from bilat.store.schema import kb_consolidated, kb_sides, kb_totals

IDS_AT_ONCE = 500  # ids in one IN list: under SQLite's bound variable limit


@dataclass(frozen=True)
class Kept:
    """A consolidated fact read from the rows: what ``Consolidated`` tells, less its claims'
    stored facts (their ids only)."""

    id: str
    key: str
    type: str
    fields: Mapping[str, Any]
    value: float | None
    year: int | None
    months: int | None
    parties: list[str]
    claim_ids: tuple[str, ...]
    independent: int
    standing: str
    curated: bool
    rivals: tuple[str, ...]
    record: str = ""  # Consolidated.to_json() as stored, where it was read

    @cached_property
    def view(self) -> Fields:
        return Fields.of(self.fields)

    @property
    def n_claims(self) -> int:
        return len(self.claim_ids)

    def to_json(self) -> dict[str, Any]:
        if not self.record:
            raise ValueError(f"consolidated fact {self.id} was read without its record")
        found: dict[str, Any] = json.loads(self.record)
        return found

    def sources(self) -> list[dict[str, Any]]:
        """Each claim's document and sentence, as ``Claim.source_json`` gives them."""
        found: list[dict[str, Any]] = self.to_json()["sources"]
        return found


def current(store: Store) -> None:
    """Take in what arrived since the last update, if anything: a view calls it once
    before it reads rows (a few counts when nothing is new)."""
    incremental.update(store)


def of_party(
    store: Store, code: str, types: Sequence[str] | None = None, records: bool = False
) -> list[Kept]:
    """The consolidated facts of every claim naming ``code``, in ``consolidate``'s order,
    as the rows stand (see ``current``)."""
    return read(store, [code], types, records)


def of_pair(
    store: Store, a: str, b: str, types: Sequence[str] | None = None, records: bool = False
) -> list[Kept]:
    """The consolidated facts of every claim naming both ``a`` and ``b``."""
    return read(store, [a, b], types, records)


def read(
    store: Store,
    sides: Sequence[str] = (),
    types: Sequence[str] | None = None,
    records: bool = False,
) -> list[Kept]:
    """The consolidated facts naming every party of ``sides`` (all of them when none),
    of ``types`` (all when None), in ``consolidate``'s order."""
    c = kb_consolidated.c
    columns = [c.id, c.type, c.independent, c.summary, *([c.record] if records else [])]
    query: Select[Any] = select(*columns)
    for side in sides:
        query = query.where(c.scope.in_(select(kb_sides.c.scope).where(kb_sides.c.party == side)))
    if types is not None:
        query = query.where(c.type.in_(types))
    query = query.order_by(c.independent.desc(), c.n_claims.desc(), c.id)
    with reading(store, "read consolidated facts") as conn:
        return [_kept(row, records) for row in conn.execute(query)]


@dataclass(frozen=True)
class Total:
    """A scope's count towards each of its parties' partners (``kb.scoped.total_row``)."""

    scope: str
    n_claims: int
    n_events: int
    turnover: Mapping[str, Any] | None  # value_usd, year, months, fact, lead

    @property
    def parties(self) -> list[str]:
        return self.scope.split("|")


def totals_of_party(store: Store, code: str) -> list[Total]:
    """The totals of every scope ``code`` is a side of, as the rows stand."""
    t = kb_totals.c
    query = select(t.scope, t.n_claims, t.n_events, t.turnover).where(
        t.scope.in_(select(kb_sides.c.scope).where(kb_sides.c.party == code))
    )
    with reading(store, "read a party's totals") as conn:
        return [
            Total(scope, n_claims, n_events, json.loads(turnover) if turnover else None)
            for scope, n_claims, n_events, turnover in conn.execute(query.order_by(t.scope))
        ]


def with_records(store: Store, items: Sequence[Kept]) -> list[Kept]:
    """``items`` with their full records, read by id: a table reads the summaries of
    every fact it sorts and counts, and the records of the page it shows."""
    c = kb_consolidated.c
    found: dict[str, str] = {}
    with reading(store, "read consolidated facts") as conn:
        for i in range(0, len(items), IDS_AT_ONCE):
            ids = [k.id for k in items[i : i + IDS_AT_ONCE] if not k.record]
            rows = conn.execute(select(c.id, c.record).where(c.id.in_(ids)))
            found.update((fact_id, record) for fact_id, record in rows)
    return [k if k.record else replace(k, record=found.get(k.id, "")) for k in items]


def _kept(row: Any, records: bool) -> Kept:
    summary = json.loads(row.summary)
    return Kept(
        id=row.id,
        key=summary["key"],
        type=row.type,
        fields=summary["fields"],
        value=summary["value"],
        year=summary["year"],
        months=summary["months"],
        parties=summary["parties"],
        claim_ids=tuple(summary["claims"]),
        independent=row.independent,
        standing=summary["standing"],
        curated=summary["curated"],
        rivals=tuple(summary["rivals"]),
        record=row.record if records else "",
    )
