"""Export facts, consolidated facts, documents or decisions as CSV, JSONL, Parquet or XLSX.

JSONL keeps every record whole (nested fields, sources); CSV, Parquet and XLSX flatten it
to one row of typed columns, with the rest as a JSON string in ``data``. The same rows
feed the notebook's DataFrames (``fact_row``, ``consolidated_row``).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from bilat.errors import ExportError
from bilat.kb import wording
from bilat.kb.claims import Claim
from bilat.kb.consolidate import Consolidated
from bilat.kb.curation import curation_log
from bilat.kb.duplicates import groups_of
from bilat.kb.whole import all_claims, stored_consolidated
from bilat.store import Store

WHAT = ("facts", "consolidated", "documents", "curation")
FORMATS = ("csv", "jsonl", "parquet", "xlsx")
FACT_COLUMNS = (
    "id",
    "doc_id",
    "doc_name",
    "doc_date",
    "source",
    "url",
    "type",
    "indicator",
    "parties",
    "exporter",
    "importer",
    "year",
    "months",
    "month",
    "value",
    "currency",
    "percent",
    "qualifier",
    "status",
    "kind",
    "confidence",
    "rule",
    "curation",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "data",
)
CONSOLIDATED_COLUMNS = (
    "id",
    "key",
    "type",
    "indicator",
    "parties",
    "exporter",
    "importer",
    "year",
    "months",
    "month",
    "value",
    "currency",
    "percent",
    "qualifier",
    "status",
    "standing",
    "curated",
    "n_sources",
    "independent",
    "rivals",
    "doc_ids",
    "data",
)
DOCUMENT_COLUMNS = (
    "id",
    "name",
    "source",
    "kind",
    "title",
    "date",
    "url",
    "n_chars",
    "n_facts",
    "ingested_at",
    "group",
    "text",
)
PAGE = 1000
BINARY = {"parquet": "Parquet", "xlsx": "XLSX"}  # formats that cannot go to stdout


def export(store: Store, what: str, format: str, path: str | Path | None = None) -> int:
    """Write ``what`` to ``path`` (stdout when None, except Parquet); returns rows written."""
    if what not in WHAT:
        raise ExportError(f"cannot export {what!r}: expected one of {', '.join(WHAT)}")
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}: expected one of {', '.join(FORMATS)}")
    if format in BINARY and path is None:
        raise ExportError(f"{BINARY[format]} is binary: give a file to write it to (--out FILE)")
    records = _records(store, what)
    if format == "jsonl":
        return _write_text(path, lambda out: _jsonl(records, out))
    flat = (_flatten(what, record) for record in records)
    if format == "csv":
        return _write_text(path, lambda out: _csv(_columns(what), flat, out))
    if format == "xlsx":
        from bilat.kb.xlsx import write_workbook

        return write_workbook(_columns(what), flat, Path(str(path)), name=what)
    return _parquet(_columns(what), flat, Path(str(path)))


def _columns(what: str) -> tuple[str, ...]:
    return {
        "facts": FACT_COLUMNS,
        "consolidated": CONSOLIDATED_COLUMNS,
        "documents": DOCUMENT_COLUMNS,
    }.get(
        what,
        (
            "id",
            "fact_key",
            "fact_id",
            "doc_id",
            "action",
            "field",
            "value",
            "by",
            "why",
            "at",
            "orphaned",
        ),
    )


def fact_row(claim: Claim) -> dict[str, Any]:
    """One fact as a flat row of ``FACT_COLUMNS``: what CSV, Parquet and XLSX write."""
    return _flat_fact(_fact_record(claim))


def consolidated_row(item: Consolidated) -> dict[str, Any]:
    """One consolidated fact as a flat row of ``CONSOLIDATED_COLUMNS``."""
    return _flat_consolidated(item.to_json())


def _records(store: Store, what: str) -> Iterator[dict[str, Any]]:
    if what == "facts":
        return (_fact_record(c) for c in all_claims(store, keep_rejected=True))
    if what == "consolidated":
        return stored_consolidated(store)
    if what == "documents":
        return _documents(store)
    return iter(curation_log(store))


def _fact_record(claim: Claim) -> dict[str, Any]:
    record = claim.fact.to_json()
    record.update(
        claim.fields,
        doc_name=claim.fact.doc_name,
        doc_date=claim.fact.doc_date,
        curation=claim.status,
        rule=claim.fact.rule,
    )
    return record


def _documents(store: Store) -> Iterator[dict[str, Any]]:
    groups = groups_of(store)
    offset = 0
    while page := store.documents(limit=PAGE, offset=offset):
        offset += len(page)
        for listed in page:
            full = store.document(listed.id)
            yield (full or listed).to_json() | {"group": groups.get(listed.id, listed.id)}


def _flatten(what: str, record: Mapping[str, Any]) -> dict[str, Any]:
    if what == "facts":
        return _flat_fact(record)
    if what == "consolidated":
        return _flat_consolidated(record)
    if what == "curation":
        return {**record, "value": json.dumps(record.get("value"), ensure_ascii=False)}
    return dict(record)


def _flat_fact(record: Mapping[str, Any]) -> dict[str, Any]:
    period = record.get("period") or {}
    evidence = record.get("evidence") or {}
    skip = {
        "evidence",
        "id",
        "doc_id",
        "source",
        "url",
        "doc_name",
        "doc_date",
        "curation",
        "confidence",
        "rule",
    }
    return {
        **{c: record.get(c) for c in FACT_COLUMNS},
        **_parties(record),
        "year": period.get("year"),
        "months": period.get("months"),
        "month": period.get("month"),  # one month alone: "в октябре"
        "evidence_text": evidence.get("text"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "data": json.dumps({k: v for k, v in record.items() if k not in skip}, ensure_ascii=False),
    }


def _flat_consolidated(record: Mapping[str, Any]) -> dict[str, Any]:
    fields = record["fields"]
    period = fields.get("period") or {}
    return {
        **{c: fields.get(c) for c in CONSOLIDATED_COLUMNS},
        **_parties(fields),
        "id": record["id"],
        "key": record["key"],
        "type": record["type"],
        "value": fields.get("value"),
        "year": period.get("year"),
        "months": period.get("months"),
        "month": period.get("month"),  # one month alone: "в октябре"
        "standing": record["standing"],
        "curated": record["curated"],
        "n_sources": record["n_sources"],
        "independent": record["independent"],
        "rivals": " ".join(record["rivals"]),
        "doc_ids": " ".join(dict.fromkeys(s["doc_id"] for s in record["sources"])),
        "data": json.dumps(fields, ensure_ascii=False),
    }


def _parties(fields: Mapping[str, Any]) -> dict[str, str]:
    """Codes only: a share's pair ("KZ+RU") as its two sides, its label ("SME") left out."""
    parties = fields.get("parties") or wording.share_sides(fields)[0]
    return {"parties": " ".join(str(p) for p in parties)}


def _write_text(path: str | Path | None, write: Any) -> int:
    if path is None:
        return int(write(sys.stdout))
    with open(path, "w", encoding="utf-8", newline="") as out:
        return int(write(out))


def _jsonl(records: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(columns: tuple[str, ...], rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def csv_text(what: str, records: Iterable[Mapping[str, Any]]) -> str:
    """Records as CSV text, flattened as an export would (the web's CSV downloads)."""
    out = io.StringIO()
    _csv(_columns(what), (_flatten(what, r) for r in records), out)
    return out.getvalue()


def _parquet(columns: tuple[str, ...], rows: Iterable[Mapping[str, Any]], path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise ExportError("Parquet export needs pyarrow: pip install 'bilat[export]'") from e
    table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows])
    if table.num_columns == 0:  # nothing to export: still a valid file with the columns
        table = pa.table({c: pa.array([], pa.string()) for c in columns})
    pq.write_table(table, path)
    written: int = table.num_rows
    return written
