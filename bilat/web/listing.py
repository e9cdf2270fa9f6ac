"""The facts explorer's query: filters (columns, a text, a range of publication dates), a
sort by any column, and a page of facts, newest documents first unless sorted, fast on a
large store.

Sorting every matching fact by its document's date costs 100–300 ms when most of 80,000
facts match (no filter, "all trade facts", one busy party). Such matches are spread over
all documents, so walking the documents newest first and taking their facts until the
page is full reads only a few hundred rows. When few facts match, sorting them all is the
cheaper way. Both give exactly the store's order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, bindparam, case, exists, func, literal, null, or_, select
from sqlalchemy.sql.elements import ColumnElement

from bilat.errors import BilatError
from bilat.kb.claims import pair_condition, party_condition
from bilat.kb.curation import statuses
from bilat.kb.state import reading
from bilat.store import Store, StoredFact
from bilat.store import queries as store_queries
from bilat.store.schema import documents, fact_parties, facts

# Share of all facts a filter must match for the walk to pay; below it sorting them is
# cheaper. A page sorts the matches' ids alone (store.queries.facts_page): at 100,000
# documents (70,000 facts, 2 loaded cores) one party's 2,900 facts (4 %) take 29 ms sorted
# and 84 ms walked (5,000 documents read), another's 13,900 (20 %) 200 ms sorted and 50
# walked; the two meet near 7 %. A year filter is never walked: its facts sit in the
# documents of that year and the next, which may be the oldest.
DENSE_SHARE = 0.07
SLACK = 1.5  # documents read beyond the expected need, so that one step nearly always does
MAX_STEPS = 2  # a walk that has not filled the page by then has met unevenly spread facts
TEXT_COLUMNS = ("type", "indicator", "status", "doc_id")
# What the explorer sorts by: a column of its table, "-name" for descending. Every order
# ends with the default one (newest documents, text order), so pages never shuffle.
SORTS: dict[str, tuple[Any, ...]] = {
    "date": (documents.c.date,),
    "type": (facts.c.type, facts.c.indicator),
    "parties": (facts.c.party_a, facts.c.party_b),
    "year": (facts.c.year, facts.c.months),
    "value": (facts.c.value, facts.c.percent),
    "evidence": (facts.c.evidence_text,),
    "source": (documents.c.name,),
    "confidence": (facts.c.confidence,),
}
# The reviewer's decision is in no column of facts: a decision finds its fact by id or by a
# stable key (kb.curation), so that sort is a column built per query from the decisions.
# Its statuses sort as words, as the other text columns do: confirmed, corrected, rejected;
# facts no one reviewed come last either way, as empty cells do in every column.
CURATION_SORT = "curation"
SORT_KEYS = (*SORTS, CURATION_SORT)
# Sorted by value, dollars come first, then each other currency: 48 billion roubles is
# less than 35 billion dollars, and without exchange rates no order can say by how much.
BY_CURRENCY = (case((facts.c.currency == "USD", 0), else_=1), facts.c.currency)
SORT_PATTERN = rf"^\s*-?({'|'.join(SORT_KEYS)})?\s*$"
DATE_PATTERN = r"^\s*(\d{4}(-\d{2}(-\d{2})?)?)?\s*$"  # 2024, 2024-03 or 2024-03-31
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class FilterError(BilatError, ValueError):
    """A filter the explorer cannot apply, such as a date that does not exist."""


@dataclass(frozen=True)
class FactFilters:
    type: str | None = None
    indicator: str | None = None
    party: str | None = None
    partner: str | None = None  # with party: facts of the pair
    year: int | None = None
    status: str | None = None
    doc_id: str | None = None
    q: str | None = None  # words the evidence sentence contains
    since: str | None = None  # published on or after: 2024, 2024-03 or 2024-03-01
    until: str | None = None  # published on or before, the whole month or year included
    sort: str | None = None  # one of SORT_KEYS, "-" first for descending

    def conditions(self, walk: bool = False) -> list[ColumnElement[bool]]:
        """WHERE clauses, written to steer SQLite's planner, which has no statistics and
        so guesses that any indexed equality matches ten rows. For a walk, no index of
        theirs may drive the plan (``type || ''``, a correlated EXISTS): the walk's batch
        of documents must. Otherwise a party, the most selective filter, drives it."""
        codes = [c for c in (self.party, self.partner) if c]
        where: list[ColumnElement[bool]] = []
        if walk:
            where.extend(_involves(code) for code in codes)
        elif len(codes) == 2:
            where.append(pair_condition(codes[0], codes[1]))
        elif codes:
            where.append(party_condition(codes[0]))
        for name in (*TEXT_COLUMNS, "year"):
            wanted = getattr(self, name)
            if wanted not in (None, ""):
                where.append(_plain(name, walk or bool(codes)) == wanted)
        if self.q:
            where.append(_contains(self.q))
        if self.since or self.until:
            where.append(_published(self.since, self.until))
        return where

    @property
    def walkable(self) -> bool:
        """Whether the newest-documents walk may give the page: only in its own order, and
        not for filters whose facts may all sit in old documents."""
        return (
            self.sort in (None, "-date") and self.year is None and not self.since and not self.until
        )

    def order(self, conn: Connection) -> list[Any]:
        """The ORDER BY columns the sort asks for, empty for the default order."""
        if self.sort in (None, "-date"):
            return []
        descending = self.sort.startswith("-")
        key = self.sort.lstrip("-")
        first = [c.asc().nulls_last() for c in BY_CURRENCY] if key == "value" else []
        columns = (_curation_status(conn),) if key == CURATION_SORT else SORTS[key]
        return first + [(c.desc() if descending else c.asc()).nulls_last() for c in columns]

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


def _curation_status(conn: Connection) -> ColumnElement[Any]:
    """Each fact's curation status as a column, NULL where no decision lands. The ids are
    written into the query, not bound: a long review would pass SQLite's limit on bound
    variables, and they are hex digits of our own making."""
    by_status: dict[str, list[str]] = {}
    for fact_id, status in statuses(conn).items():
        by_status.setdefault(status, []).append(fact_id)
    if not by_status:
        return null()
    return case(
        *(
            (facts.c.id.in_(bindparam(None, ids, expanding=True, literal_execute=True)), status)
            for status, ids in sorted(by_status.items())
        )
    )


def _contains(text: str) -> ColumnElement[bool]:
    """Evidence holding ``text`` whatever its case. SQLite folds only ASCII case, so the
    usual Cyrillic forms (as typed, lower, Capitalised, UPPER) are each looked for."""
    words = " ".join(text.split())
    forms = dict.fromkeys([words, words.lower(), words.capitalize(), words.upper()])
    return or_(*(facts.c.evidence_text.icontains(form, autoescape=True) for form in forms))


def _published(since: str | None, until: str | None) -> ColumnElement[bool]:
    """Facts of documents published in the range; ``until`` 2024-03 takes all of March."""
    where = []
    if since:
        where.append(documents.c.date >= _day(since, "since"))
    if until:
        where.append(documents.c.date < _day_after(until))
    return facts.c.doc_id.in_(select(documents.c.id).where(*where))


def _day(text: str, name: str) -> str:
    """A partial ISO date checked: "2024-02-30" is no day."""
    found = _DATE.match(text.strip())
    try:
        if found is None:
            raise ValueError(text)
        year, month, day = (int(part) if part else 1 for part in found.groups())
        date(year, month, day)
    except ValueError:
        raise FilterError(
            f"{name}={text!r} is no date: expected 2024, 2024-03 or 2024-03-31"
        ) from None
    return text.strip()


def _day_after(text: str) -> str:
    """The first date after what ``text`` names: 2024 → 2025, 2024-12 → 2025-01."""
    _day(text, "until")  # a FilterError unless the text is one of _DATE's forms
    found = _DATE.match(text.strip())
    assert found is not None  # so it matches
    year_text, month_text, day_text = found.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if month is None:
        return str(year + 1)
    if day is None:
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (date(year, month, day) + timedelta(days=1)).isoformat()


def _plain(name: str, unindexed: bool) -> Any:
    column = facts.c[name]
    if not unindexed:
        return column
    return column.concat(literal("")) if name in TEXT_COLUMNS else column + 0


def _involves(code: str) -> ColumnElement[bool]:
    return exists().where(fact_parties.c.fact_id == facts.c.id, fact_parties.c.party == code)


def fact_page(
    store: Store, filters: FactFilters, limit: int, offset: int
) -> tuple[int, list[StoredFact]]:
    """The number of facts matching, and facts ``offset`` to ``offset + limit`` of them."""
    where = filters.conditions()
    with reading(store, "list facts") as conn:
        total = _count(conn, where)
        n_facts = _count(conn, []) if where else total
        if total >= DENSE_SHARE * n_facts and filters.walkable:
            walked = _walk(conn, filters.conditions(walk=True), limit, offset, total)
            if walked is not None:
                return total, walked
        sorting = filters.order(conn)
        return total, store_queries.facts_page(
            conn, where, limit, offset, sorting, matches_first=bool(where)
        )


def _count(conn: Connection, where: list[ColumnElement[bool]]) -> int:
    if not where:  # every fact: the count the writes keep
        return store_queries.kept_counts(conn)["facts"]
    query = select(func.count()).select_from(facts).where(and_(True, *where))
    return int(conn.execute(query).scalar_one())


def _walk(
    conn: Connection, where: list[ColumnElement[bool]], limit: int, offset: int, total: int
) -> list[StoredFact] | None:
    """The page by walking documents newest first; None when the matches turn out not to
    be spread evenly (a year filter: all in old documents) and sorting is the better way."""
    n_docs = store_queries.kept_counts(conn)["documents"] or 1
    per_doc = max(total / n_docs, 1e-3)
    newest = select(documents.c.id).order_by(documents.c.date.desc().nulls_last(), documents.c.id)
    found: list[StoredFact] = []
    seen = steps = 0
    while len(found) < offset + limit:
        if steps == MAX_STEPS:
            return None
        steps += 1
        batch = math.ceil((offset + limit - len(found)) / per_doc * SLACK) + 5
        ids = conn.execute(newest.limit(batch).offset(seen)).scalars().all()
        if not ids:
            break
        found.extend(store_queries.facts_page(conn, [*where, facts.c.doc_id.in_(ids)], None, 0))
        seen += len(ids)
    return found[offset : offset + limit]
