"""Read queries over an open connection; the Store methods are thin calls to these."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Row,
    Select,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    not_,
    select,
    update,
)
from sqlalchemy.sql.elements import ColumnElement

from bilat.errors import StoreError
from bilat.model import Actor, Evidence, Mention
from bilat.nlp import lemma_of, search_terms
from bilat.store import dialect
from bilat.store.records import SearchHit, StoredDocument, StoredFact
from bilat.store.schema import COUNTED, actors, counts, documents, fact_parties, facts, mentions

MIN_ID_PREFIX = 6  # as git: shorter prefixes match too many documents to be useful
SNIPPET_CHARS = 240  # about two lines of a result list
SNIPPET_LEAD = 60  # text kept before the matched word, so the reader sees its context
MIN_ANCHOR_CHARS = 3  # shorter lemmas (с, в, и) are poor places to centre a snippet on

_HEX = re.compile(r"^[0-9a-f]+$")
_WORD = re.compile(r"[\w-]+")  # the words bilat.nlp.search_terms lemmatises
_SPACE = re.compile(r"\s")

# Columns count_facts may group by; "party" groups by every party a fact involves.
COUNTABLE = (
    "type",
    "indicator",
    "year",
    "months",
    "status",
    "qualifier",
    "currency",
    "kind",
    "rule",
    "doc_id",
    "party_a",
    "party_b",
    "exporter",
    "importer",
)


def resolve_id(conn: Connection, doc_id: str) -> str | None:
    """The full id of a stored document from its id or a unique prefix of ≥ 6 hex digits."""
    return _resolve(conn, documents.c.id, doc_id, "document")


def resolve_fact_id(conn: Connection, fact_id: str) -> str | None:
    """The full id of a stored fact from its id or a unique prefix, as for documents."""
    return _resolve(conn, facts.c.id, fact_id, "fact")


def _resolve(conn: Connection, column: Any, given: str, what: str) -> str | None:
    if conn.execute(select(column).where(column == given)).first():
        return given  # also an id a source chose itself, hex or not
    given = given.strip().lower()
    if len(given) < MIN_ID_PREFIX or not _HEX.match(given):
        return None
    found = (
        conn.execute(select(column).where(column.startswith(given)).order_by(column).limit(3))
        .scalars()
        .all()
    )
    if len(found) > 1:
        raise StoreError(
            f"{what} id prefix {given!r} is ambiguous: it matches "
            f"{', '.join(found[:2])}{' …' if len(found) > 2 else ''}; "
            "give more digits"
        )
    return found[0] if found else None


def kept_counts(conn: Connection) -> dict[str, int]:
    """Rows of each table of COUNTED, from ``counts``; one whose row is missing (a database
    whose counts were never made) is counted."""
    found = {name: int(n) for name, n in conn.execute(select(counts.c.name, counts.c.n))}
    for name, table in COUNTED.items():
        if name not in found:
            found[name] = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    return found


def add_to_counts(conn: Connection, added: dict[str, int]) -> None:
    """Add to the kept counts, in the transaction that added the rows (last in it: on
    PostgreSQL the row stays locked to other writers until the commit)."""
    changed = [{"counted": name, "more": n} for name, n in sorted(added.items()) if n]
    if changed:
        same = update(counts).where(counts.c.name == bindparam("counted"))
        conn.execute(same.values(n=counts.c.n + bindparam("more")), changed)


def reset_count(conn: Connection, name: str) -> None:
    """The kept count of ``name`` made again from its table (after rows were removed)."""
    n = int(conn.execute(select(func.count()).select_from(COUNTED[name])).scalar_one())
    conn.execute(delete(counts).where(counts.c.name == name))
    conn.execute(insert(counts).values(name=name, n=n))


def _n_facts() -> Any:
    return (
        select(func.count())
        .select_from(facts)
        .where(facts.c.doc_id == documents.c.id)
        .scalar_subquery()
    )


def _document_select(with_text: bool) -> Select[Any]:
    d = documents.c
    columns = [
        d.id,
        d.name,
        d.source,
        d.kind,
        d.title,
        d.date,
        d.n_chars,
        _n_facts().label("n_facts"),
        d.url,
        d.ingested_at,
    ]
    return select(*columns, d.text) if with_text else select(*columns)


def documents_page(conn: Connection, limit: int, offset: int) -> list[StoredDocument]:
    """Newest publications first; undated ones last, in name order."""
    query = (
        _document_select(with_text=False)
        .order_by(documents.c.date.desc().nulls_last(), documents.c.name, documents.c.id)
        .limit(limit)
        .offset(offset)
    )
    return [StoredDocument(**row._asdict()) for row in conn.execute(query)]


def document(conn: Connection, doc_id: str) -> StoredDocument | None:
    full_id = resolve_id(conn, doc_id)
    if full_id is None:
        return None
    row = conn.execute(_document_select(with_text=True).where(documents.c.id == full_id)).first()
    return StoredDocument(**row._asdict()) if row else None


def document_mentions(conn: Connection, doc_id: str) -> list[Mention]:
    full_id = resolve_id(conn, doc_id)
    if full_id is None:
        return []
    m, a = mentions.c, actors.c
    query = (
        select(m.start, m.stop, m.text, m.form, m.normal, a.code, a.name, a.kind, a.country)
        .join_from(mentions, actors, m.code == a.code)
        .where(m.doc_id == full_id)
        .order_by(m.start, m.stop, m.code)
    )
    return [
        Mention(
            start=r.start,
            stop=r.stop,
            text=r.text,
            form=r.form,
            normal=r.normal,
            actor=Actor(code=r.code, name=r.name, kind=r.kind, country=r.country),
        )
        for r in conn.execute(query)
    ]


def _involves(party: str) -> ColumnElement[bool]:
    return exists().where(fact_parties.c.fact_id == facts.c.id, fact_parties.c.party == party)


def fact_conditions(
    conn: Connection,
    *,
    pair: tuple[str, str] | None,
    party: str | None,
    type: str | None,
    indicator: str | None,
    year: int | None,
    doc_id: str | None,
) -> list[ColumnElement[bool]] | None:
    """WHERE clauses for the facts() filters; None when no fact can match."""
    where: list[ColumnElement[bool]] = []
    # A pair matches in either order because it asks only that both parties take part.
    for code in dict.fromkeys([*(pair or ()), *([party] if party else [])]):
        where.append(_involves(code))
    for column, wanted in (
        (facts.c.type, type),
        (facts.c.indicator, indicator),
        (facts.c.year, year),
    ):
        if wanted is not None:
            where.append(column == wanted)
    if doc_id is not None:
        full_id = resolve_id(conn, doc_id)
        if full_id is None:
            return None
        where.append(facts.c.doc_id == full_id)
    return where


def facts_page(
    conn: Connection,
    where: list[ColumnElement[bool]],
    limit: int | None,
    offset: int,
    first_by: Sequence[Any] = (),
    matches_first: bool = False,
) -> list[StoredFact]:
    """Facts of the newest documents first, in text order within a document; ``first_by``
    (columns of facts or documents, ordered) sorts before that order. A page sorts the
    matching facts' ids alone, then reads its own rows: sorting whole rows (evidence,
    fields) was half the time of a page of one year's 6,000 facts at 100,000 documents.
    ``matches_first``: find every match, then sort them (see ``_sorted_matches``)."""
    d = documents.c
    order = (*first_by, d.date.desc().nulls_last(), d.id, facts.c.evidence_start, facts.c.id)
    if limit is None:
        query = _facts_with_documents(where).order_by(*order).offset(offset)
        return [_stored_fact(row) for row in conn.execute(query)]
    if matches_first and not first_by:
        ids = _sorted_matches(where)
    else:
        ids = (
            select(facts.c.id)
            .join_from(facts, documents, facts.c.doc_id == d.id)
            .where(and_(True, *where))
            .order_by(*order)
        )
    page = list(conn.execute(ids.limit(limit).offset(offset)).scalars())
    if not page:
        return []
    found = {
        row.id: _stored_fact(row)
        for row in conn.execute(_facts_with_documents([facts.c.id.in_(page)]))
    }
    return [found[fact_id] for fact_id in page]


def _sorted_matches(where: Sequence[ColumnElement[bool]]) -> Select[Any]:
    """The ids of the facts matching ``where`` in the default order, found first and then
    sorted. PostgreSQL otherwise walks the documents newest first and tests each one's
    facts, which a caller has found not to pay (a selective filter, or one whose facts
    sit in old documents): one year's 6,000 facts at 100,000 documents were looked for in
    82,000 documents (230 ms; sorted, 15 ms). OFFSET 0 keeps the matches a query of their
    own, so that the planner cannot turn the sort into that walk."""
    d = documents.c
    matching = (
        select(
            facts.c.id.label("fact_id"),
            d.date.label("date"),
            d.id.label("doc"),
            facts.c.evidence_start.label("start"),
        )
        .join_from(facts, documents, facts.c.doc_id == d.id)
        .where(and_(True, *where))
        .offset(0)
        .subquery("matching")
    )
    m = matching.c
    return select(m.fact_id).order_by(m.date.desc().nulls_last(), m.doc, m.start, m.fact_id)


def _facts_with_documents(where: Sequence[ColumnElement[bool]]) -> Select[Any]:
    d = documents.c
    return (
        select(facts, d.name.label("doc_name"), d.date.label("doc_date"), d.source, d.url)
        .join_from(facts, documents, facts.c.doc_id == d.id)
        .where(and_(True, *where))
    )


def _stored_fact(row: Row[Any]) -> StoredFact:
    r = row._asdict()
    evidence = Evidence(
        text=r.pop("evidence_text"), start=r.pop("evidence_start"), end=r.pop("evidence_end")
    )
    return StoredFact(fields=r.pop("data"), evidence=evidence, **r)


def count_facts(conn: Connection, by: str) -> dict[str, int]:
    """Facts per value of ``by`` (a typed column, or "party"); missing values count as "none"."""
    if by == "party":
        key: Any = fact_parties.c.party
        query = select(key, func.count()).group_by(key)
    elif by in COUNTABLE:
        key = facts.c[by]
        query = select(key, func.count()).group_by(key)
    else:
        raise ValueError(
            f"count_facts(by={by!r}): expected one of {', '.join((*COUNTABLE, 'party'))}"
        )
    counts = {("none" if k is None else str(k)): n for k, n in conn.execute(query)}
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def top_pairs(conn: Connection, limit: int) -> list[tuple[str, str, int]]:
    """Pairs of parties that share the most facts (an event with three parties adds three),
    less a country and its own region: a project in Костанайская область with Kazakh
    partners names KZ and KZ-39, which are one side, not a pair."""
    one, two = fact_parties.alias("one"), fact_parties.alias("two")
    n = func.count().label("n")
    apart = and_(
        one.c.fact_id == two.c.fact_id,
        one.c.party < two.c.party,
        not_(two.c.party.startswith(one.c.party + "-")),
        not_(one.c.party.startswith(two.c.party + "-")),
    )
    query = (
        select(one.c.party, two.c.party, n)
        .join_from(one, two, apart)
        .group_by(one.c.party, two.c.party)
        .order_by(n.desc(), one.c.party, two.c.party)
        .limit(limit)
    )
    # The database collation ordered each pair; Python's order keeps output uniform.
    return [(min(a, b), max(a, b), count) for a, b, count in conn.execute(query)]


def search(conn: Connection, query: str, limit: int) -> list[SearchHit]:
    """Documents containing every word of ``query`` in any grammatical form, best first."""
    terms = list(dict.fromkeys(search_terms(query).split()))
    if not terms or limit <= 0:
        return []
    return [
        SearchHit(
            id=r.id,
            name=r.name,
            title=r.title,
            date=r.date,
            snippet=snippet(r.text, terms),
            score=float(r.score),
        )
        for r in dialect.search(conn, terms, limit)
    ]


def snippet(text: str, terms: list[str]) -> str:
    """About SNIPPET_CHARS of ``text`` around the first word whose lemma is a query term.

    Done here rather than by FTS5's snippet() so that both databases show the same text,
    cut from the original wording rather than from the lemmas.
    """
    anchors = {t for t in terms if len(t) >= MIN_ANCHOR_CHARS} or set(terms)
    position = next(
        (m.start() for m in _WORD.finditer(text) if lemma_of(m.group().lower()) in anchors), 0
    )
    start, end = max(0, position - SNIPPET_LEAD), len(text)
    if start > 0:  # begin after a space, not inside a word
        space = _SPACE.search(text, start, position)
        start = space.end() if space else position
    if start + SNIPPET_CHARS < end:  # end before a space, not inside a word
        spaces = list(_SPACE.finditer(text, position, start + SNIPPET_CHARS))
        end = spaces[-1].start() if spaces else start + SNIPPET_CHARS
    body = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")
