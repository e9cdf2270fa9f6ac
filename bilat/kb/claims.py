"""Stored facts as the knowledge base reads them: ``Claim``s.

A claim is a stored fact with a person's corrections applied, its curation status, its
stable key and the reprint group of its document. Everything above this module —
consolidation, series, dossiers, answers — reads claims, never raw facts, so human
decisions win everywhere at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.sql.elements import ColumnElement

from bilat.actors import is_actor
from bilat.kb import curation as cur
from bilat.kb.duplicates import groups_of
from bilat.kb.state import reading
from bilat.model import Evidence
from bilat.schemas import Fields
from bilat.store import Store, StoredFact
from bilat.store import queries as store_queries
from bilat.store.schema import documents, fact_parties, facts

# Documents in one call above which the whole reprint and key tables are read at once,
# rather than in bounded IN lists: a walk over the whole store.
MANY_DOCUMENTS = 2000


@dataclass(frozen=True)
class Claim:
    fact: StoredFact
    fields: Mapping[str, Any]  # the fact's fields, corrected where a person corrected them
    key: str | None  # stable key (curation.stable_keys), known where decisions were looked up
    # by it; None elsewhere, since computing it reads every fact of the document
    group: str  # reprint group: the id of the earliest document of the article
    verdict: cur.Verdict

    @property
    def id(self) -> str:
        return self.fact.id

    @property
    def type(self) -> str:
        return self.fact.type

    @property
    def status(self) -> str | None:
        """Curation status: confirmed, corrected, rejected, or None."""
        return self.verdict.status

    @property
    def curated(self) -> bool:
        """A person vouched for it: it wins over machine-only claims."""
        return self.verdict.status in ("confirmed", "corrected")

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    @cached_property  # read many times while consolidating
    def view(self) -> Fields:
        """The fields, typed: ``claim.view.qualifier``."""
        return Fields.of(self.fields)

    @cached_property  # read many times while consolidating
    def year(self) -> int | None:
        year, date = self.view.year, self.view.date
        if year is None and isinstance(date, str):
            year = int(date[:4]) if date[:4].isdigit() else None
        return year

    @cached_property  # read many times while consolidating
    def months(self) -> int | None:
        return self.view.months

    @cached_property  # read many times while consolidating
    def parties(self) -> list[str]:
        """Sides of the fact, sorted: parties, or partners and location of a project, or the
        actors of a share's whole and part. A bilateral total ("KZ+RU") counts as both its
        sides; a label ("SME", "food") is what the share measures, not a party."""
        f = self.view
        found: list[str | None] = [*(f.parties or [])]
        if self.type == "project" and not found:
            found = [*(f.partners or []), f.location]
        if self.type == "share":
            found = [f.whole, f.part]
        codes = {c for p in found if isinstance(p, str) for c in p.split("+")}
        return sorted(c for c in codes if is_actor(c))

    def source_json(self) -> dict[str, Any]:
        """Where the claim was read: document, sentence, and what this source says."""
        f = self.fact
        return {
            "fact_id": f.id,
            "doc_id": f.doc_id,
            "doc_name": f.doc_name,
            "doc_date": f.doc_date,
            "source": f.source,
            "group": self.group,
            "evidence": {"text": f.evidence.text, "start": f.evidence.start, "end": f.evidence.end},
            "value": self.view.value,
            "percent": self.view.percent,
            "qualifier": self.view.qualifier,
            "curation": self.status,
            "confidence": f.confidence,
        }


def claims(
    store: Store, stored: Sequence[StoredFact], *, keep_rejected: bool = False
) -> list[Claim]:
    """Claims of stored facts, rejected ones left out unless asked for."""
    if not stored:
        return []
    doc_ids = {f.doc_id for f in stored}
    many = len(doc_ids) > MANY_DOCUMENTS
    groups = groups_of(store, None if many else doc_ids)
    with reading(store, "read curation decisions") as conn:
        verdicts, keys = cur.decisions(
            conn, {f.id: f.doc_id for f in stored}, None if many else doc_ids
        )
    found = []
    for f in stored:
        verdict = verdicts.get(f.id, cur.Verdict())
        if verdict.status == "rejected" and not keep_rejected:
            continue
        found.append(
            Claim(
                fact=f,
                fields=cur.corrected(f.fields, verdict.corrections),
                key=keys.get(f.id),
                group=groups.get(f.doc_id, f.doc_id),
                verdict=verdict,
            )
        )
    return found


def _with_party(code: str) -> Select[Any]:
    return select(fact_parties.c.fact_id).where(fact_parties.c.party == code)


def pair_condition(a: str, b: str) -> ColumnElement[bool]:
    """Facts involving both parties: an INTERSECT over the (party, fact_id) index, which
    stays fast on a large store where a correlated EXISTS per fact row does not."""
    return facts.c.id.in_(_with_party(a).intersect(_with_party(b)))


def party_condition(code: str) -> ColumnElement[bool]:
    return facts.c.id.in_(_with_party(code))


def stored_facts(
    store: Store, where: Sequence[ColumnElement[bool]], limit: int | None = None, offset: int = 0
) -> list[StoredFact]:
    """Stored facts matching every condition, newest documents first."""
    with reading(store, "read facts") as conn:
        return store_queries.facts_page(conn, list(where), limit, offset)


_LEAN_COLUMNS = (
    facts.c.id,
    facts.c.doc_id,
    documents.c.name,
    documents.c.date,
    documents.c.source,
    facts.c.type,
    facts.c.indicator,
    facts.c.party_a,
    facts.c.party_b,
    facts.c.exporter,
    facts.c.importer,
    facts.c.year,
    facts.c.months,
    facts.c.value,
    facts.c.currency,
    facts.c.percent,
    facts.c.qualifier,
    facts.c.status,
    facts.c.kind,
    facts.c.data,
    facts.c.evidence_text,
    facts.c.evidence_start,
    facts.c.evidence_end,
    facts.c.confidence,
    facts.c.rule,
    documents.c.url,
)


def every_fact(store: Store, where: Sequence[ColumnElement[bool]]) -> list[StoredFact]:
    """All stored facts matching the conditions, in no order, built from plain tuples: a
    walk over the whole store reads tens of thousands of rows, and building each through
    Row._asdict (as the paged reader does) is most of its time."""
    query = (
        select(*_LEAN_COLUMNS)
        .join_from(facts, documents, facts.c.doc_id == documents.c.id)
        .where(and_(True, *where))
    )
    with reading(store, "read facts") as conn:
        return [
            StoredFact(
                id=r[0],
                doc_id=r[1],
                doc_name=r[2],
                doc_date=r[3],
                source=r[4],
                type=r[5],
                indicator=r[6],
                party_a=r[7],
                party_b=r[8],
                exporter=r[9],
                importer=r[10],
                year=r[11],
                months=r[12],
                value=r[13],
                currency=r[14],
                percent=r[15],
                qualifier=r[16],
                status=r[17],
                kind=r[18],
                fields=r[19],
                evidence=Evidence(r[20], r[21], r[22]),
                confidence=r[23],
                rule=r[24],
                url=r[25],
            )
            for r in conn.execute(query)
        ]


def pair_claims(store: Store, a: str, b: str, *, keep_rejected: bool = False) -> list[Claim]:
    return claims(store, stored_facts(store, [pair_condition(a, b)]), keep_rejected=keep_rejected)


def party_claims(store: Store, code: str) -> list[Claim]:
    return claims(store, stored_facts(store, [party_condition(code)]))
