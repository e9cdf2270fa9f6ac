"""Official figures in the store's ``official_figures`` table, written through the store.

A figure's row id hashes everything but its value (``OfficialFigure.id``), so importing a
file again adds nothing, and importing a revised file replaces the values it revises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from bilat.kb.official.records import OfficialFigure
from bilat.store import Store
from bilat.store.schema import official_figures as table

IN_LIMIT = 500  # ids per IN list: under SQLite's bound variable limit with room to spare


@dataclass(frozen=True)
class Saved:
    added: int
    revised: int  # stored before with another value, now replaced
    unchanged: int


def save(store: Store, figures: Sequence[OfficialFigure]) -> Saved:
    """Store ``figures`` in one transaction: new ones added, known ones with a new value
    replaced, the rest left as they are."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.writing(f"store {len(figures)} official figures") as conn:
        known = _stored_values(conn, [f.id for f in figures])
        new = [_row(f, now) for f in figures if f.id not in known]
        revised = [f for f in figures if f.id in known and known[f.id] != f.value]
        if new:
            conn.execute(insert(table), new)
        for figure in revised:
            conn.execute(
                update(table)
                .where(table.c.id == figure.id)
                .values(value=figure.value, imported_at=now)
            )
    return Saved(len(new), len(revised), len(figures) - len(new) - len(revised))


def _stored_values(conn: Connection, ids: Sequence[str]) -> dict[str, float]:
    found: dict[str, float] = {}
    for i in range(0, len(ids), IN_LIMIT):
        query = select(table.c.id, table.c.value).where(table.c.id.in_(ids[i : i + IN_LIMIT]))
        found.update({row.id: row.value for row in conn.execute(query)})
    return found


def _row(figure: OfficialFigure, now: str) -> dict[str, Any]:
    return {
        "id": figure.id,
        "source": figure.source,
        "reporter": figure.reporter,
        "partner": figure.partner,
        "indicator": figure.indicator,
        "year": figure.year,
        "months": figure.months,
        "value": figure.value,
        "currency": figure.currency,
        "imported_at": now,
    }


def stored(store: Store, pair: tuple[str, str] | None = None) -> list[OfficialFigure]:
    """Stored official figures, of one pair (either side reporting) or all, ordered by
    reporter, partner, period and indicator."""
    c = table.c
    query = select(table).order_by(
        c.reporter, c.partner, c.year, c.months.is_(None), c.months, c.indicator, c.source
    )
    if pair is not None:
        a, b = pair
        query = query.where(
            or_(and_(c.reporter == a, c.partner == b), and_(c.reporter == b, c.partner == a))
        )
    with store.reading("read official figures") as conn:
        return [
            OfficialFigure(
                source=row.source,
                reporter=row.reporter,
                partner=row.partner,
                indicator=row.indicator,
                year=row.year,
                months=row.months,
                value=row.value,
                currency=row.currency,
            )
            for row in conn.execute(query)
        ]


def mark(store: Store) -> tuple[int, str, float]:
    """Changes whenever official figures are added or revised: a cached page that shows
    them is computed again. (count, latest import, sum of values)"""
    with store.reading("read official figures") as conn:
        count, latest, total = conn.execute(
            select(func.count(), func.max(table.c.imported_at), func.sum(table.c.value))
        ).one()
    return int(count), str(latest or ""), float(total or 0.0)
