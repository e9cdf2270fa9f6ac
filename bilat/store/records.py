"""What the store gives back (StoredDocument, StoredFact, SearchHit) and how a Fact
becomes a row: its stable id, its typed columns and every party it involves.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from bilat.errors import StoreError
from bilat.model import Evidence, Fact
from bilat.schemas import Fields

# An ISO 3166-1 alpha-2 code or an ISO 3166-2 subdivision code (RU-BA, KZ-39, RU-KYA).
_ISO_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


@dataclass(frozen=True)
class StoredDocument:
    id: str
    name: str
    source: str
    kind: str
    title: str | None
    date: str | None
    n_chars: int
    n_facts: int
    url: str | None = None
    ingested_at: str | None = None
    text: str | None = None  # only from Store.document(): lists leave it out

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StoredFact:
    id: str
    doc_id: str
    doc_name: str
    doc_date: str | None
    source: str
    type: str
    indicator: str | None
    party_a: str | None
    party_b: str | None
    exporter: str | None
    importer: str | None
    year: int | None
    months: int | None
    value: float | None
    currency: str | None
    percent: float | None
    qualifier: str | None
    status: str | None
    kind: str | None
    fields: Mapping[str, Any] = field(hash=False)
    evidence: Evidence
    confidence: float
    rule: str
    url: str | None = None  # the document's address: a web page or a Telegram message

    def to_json(self) -> dict[str, Any]:
        """The eval-format fact (shared/eval/README.md) plus where it is stored."""
        row = self.to_fact().to_json()
        row.update(id=self.id, doc_id=self.doc_id, source=self.source, url=self.url)
        return row

    def to_fact(self) -> Fact:
        return Fact(
            type=self.type,
            fields=self.fields,
            evidence=self.evidence,
            confidence=self.confidence,
            rule=self.rule,
        )


@dataclass(frozen=True)
class SearchHit:
    id: str
    name: str
    title: str | None
    date: str | None
    snippet: str
    score: float  # higher is better; comparable within one result list only

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def canonical_json(fields: Mapping[str, Any]) -> str:
    """Fields as one canonical string: key order and spacing never change the id."""
    return json.dumps(
        fields, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":")
    )


def fact_id(doc_id: str, fact: Fact) -> str:
    """16 hex digits fixed by what the fact says and where: re-ingest finds the same id."""
    key = "\x1f".join(
        [
            doc_id,
            fact.type,
            str(fact.evidence.start),
            str(fact.evidence.end),
            canonical_json(fact.fields),
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def fact_row(doc_id: str, fact: Fact) -> dict[str, Any]:
    """The facts-table row of one fact; StoreError naming the field that cannot be stored."""
    try:
        return _fact_row(doc_id, fact)
    except (TypeError, ValueError) as e:
        raise StoreError(
            f"document {doc_id}: {fact.type} fact at "
            f"{fact.evidence.start}–{fact.evidence.end} cannot be stored: {e}"
        ) from e


def _fact_row(doc_id: str, fact: Fact) -> dict[str, Any]:
    f = Fields.of(fact.fields)
    pair = sorted(main_parties(fact))[:2]
    return {
        "id": fact_id(doc_id, fact),
        "doc_id": doc_id,
        "type": fact.type,
        "indicator": _text(f.indicator),
        "party_a": pair[0] if pair else None,
        "party_b": pair[1] if len(pair) > 1 else None,
        "exporter": _text(f.exporter),
        "importer": _text(f.importer),
        "year": _int(f.year) or _year_of(f.date),
        "months": _int(f.months),
        "value": _float(f.value),
        "currency": _text(f.currency),
        "percent": _float(f.percent),
        "qualifier": _text(f.qualifier),
        "status": _text(f.status),
        "kind": _text(f.kind),
        "confidence": float(fact.confidence),
        "rule": fact.rule,
        "evidence_text": fact.evidence.text,
        "evidence_start": int(fact.evidence.start),
        "evidence_end": int(fact.evidence.end),
        "data": json.loads(canonical_json(fact.fields)),  # raises on what JSON cannot hold
    }


def main_parties(fact: Fact) -> list[str]:
    """The sides of a fact as written: parties, or whole and part for a share."""
    f = Fields.of(fact.fields)
    found: list[Any]
    if fact.type == "share":
        found = [f.whole, f.part]
    elif fact.type == "project" and not f.parties:
        found = [*_as_list(f.partners), f.location]
    else:
        found = _as_list(f.parties)
    return list(dict.fromkeys(p for p in found if isinstance(p, str) and p))


def all_parties(fact: Fact) -> list[str]:
    """Every ISO code the fact involves, with "A+B" totals split into A and B."""
    f = Fields.of(fact.fields)
    found = [*main_parties(fact), f.exporter, f.importer]
    codes = [code for p in found if isinstance(p, str) for code in p.split("+")]
    return list(dict.fromkeys(c for c in codes if _ISO_CODE.match(c)))


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return list(value)
    return [] if value is None else [value]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _year_of(date: Any) -> int | None:
    # Events and agreements carry a date ("2024-11") rather than a period: its year is
    # what a year filter means for them.
    if isinstance(date, str) and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None
