"""Human decisions on facts: confirm, reject, correct — who, when and why.

Decisions live in their own table and never change the machine's facts. Each is keyed
twice: by the fact's row id (exact) and by a stable key — document, type, evidence span and
indicator, never what the fact says — so that a re-extraction, whose facts get new row ids
when any field changes, still finds it (see ``KeyIndex``). A decision whose fact is gone is
orphaned (``orphans``), never moved to another fact. ``curation_log`` and
``load_curation`` carry decisions into a freshly built database.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from bilat.actors import lookup
from bilat.errors import CurationError, UnknownFactError
from bilat.kb.state import curation, reading, writing
from bilat.store import Store
from bilat.store.queries import resolve_fact_id
from bilat.store.schema import facts

ACTIONS = ("confirm", "reject", "correct")
# Fields a person may correct, and how their text is read.
NUMERIC_FIELDS = frozenset({"value", "percent", "change_percent"})
INTEGER_FIELDS = frozenset({"year", "months"})  # stored under "period"
CODE_FIELDS = frozenset({"exporter", "importer", "whole", "location"})
CODE_LIST_FIELDS = frozenset({"parties", "partners"})
TEXT_FIELDS = frozenset(
    {
        "indicator",
        "currency",
        "qualifier",
        "status",
        "kind",
        "base",
        "part",
        "unit",
        "date",
        "name",
        "place",
        "sector",
        "route",
        "text",
    }
)
CORRECTABLE = NUMERIC_FIELDS | INTEGER_FIELDS | CODE_FIELDS | CODE_LIST_FIELDS | TEXT_FIELDS
IN_LIMIT = 500  # ids per IN list: under SQLite's bound variable limit with room to spare


@dataclass(frozen=True)
class Decision:
    id: int
    fact_key: str
    fact_id: str
    doc_id: str
    action: str
    field: str | None
    value: Any
    by: str
    why: str
    at: str

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class Verdict:
    """What all decisions on one fact add up to."""

    status: str | None = None  # confirmed | rejected | corrected | None (machine only)
    corrections: Mapping[str, Any] = field(default_factory=dict)
    decisions: tuple[Decision, ...] = ()


# -- what identifies a fact --------------------------------------------------------------------

_KEY_COLUMNS = (
    facts.c.id,
    facts.c.doc_id,
    facts.c.type,
    facts.c.evidence_start,
    facts.c.evidence_end,
    facts.c.indicator,
)
_FACT_ID = re.compile(r"^[0-9a-f]{16}$")


def identity(row: Any) -> str:
    """What names a figure in its document without reading what it says: the document, the
    fact's type, its sentence's span and its indicator (which figure of the sentence: the
    turnover, the export…). A re-extraction that changes a value keeps it."""
    return f"{row.doc_id}:{row.type}:{row.evidence_start}-{row.evidence_end}:{row.indicator or '-'}"


@dataclass(frozen=True)
class KeyIndex:
    """The stable keys of the facts of some documents, and the fact each key names now.

    A fact whose identity no sibling shares is keyed by its identity alone, so a decision
    on it follows it through a re-extraction that changes its values. Siblings that share
    one (two turnover figures in one sentence) can be told apart only by what they say,
    so each is keyed by its identity and its exact id: a decision on one of them stays with
    that fact while it is unchanged and is orphaned when it changes, never moved to another.
    """

    of: Mapping[str, str]  # fact id → the key a decision on it records
    named: Mapping[str, str]  # key → the one fact it names now

    def target(self, decision: Decision) -> str | None:
        """The fact a decision is on now, or None: the decision is orphaned."""
        if decision.fact_id in self.of:
            return decision.fact_id
        base, _, suffix = decision.fact_key.partition("#")
        if suffix == "1":  # written before siblings were keyed by id: rank 1 of its group
            return self.named.get(base)
        return None if _FACT_ID.match(suffix) else self.named.get(decision.fact_key)


def key_index(conn: Connection, doc_ids: Iterable[str] | None) -> KeyIndex:
    """Stable keys of every fact of the given documents (None: of all)."""
    if doc_ids is None:
        return keys_of(conn.execute(select(*_KEY_COLUMNS)).all())
    wanted = sorted(set(doc_ids))
    rows: list[Any] = []  # SQLAlchemy rows of _KEY_COLUMNS
    for i in range(0, len(wanted), IN_LIMIT):
        rows.extend(
            conn.execute(select(*_KEY_COLUMNS).where(facts.c.doc_id.in_(wanted[i : i + IN_LIMIT])))
        )
    return keys_of(rows)


def stable_keys(conn: Connection, doc_ids: Iterable[str] | None) -> dict[str, str]:
    """fact id → stable key, for every fact of the given documents (None: of all)."""
    return dict(key_index(conn, doc_ids).of)


def keys_of(rows: Sequence[Any]) -> KeyIndex:
    siblings: dict[str, list[str]] = {}
    for r in rows:
        siblings.setdefault(identity(r), []).append(r.id)
    of: dict[str, str] = {}
    for base, ids in siblings.items():
        of.update((i, base if len(ids) == 1 else f"{base}#{i}") for i in ids)
    return KeyIndex(of=of, named={key: i for i, key in of.items()})


# -- recording --------------------------------------------------------------------------------


def curate(
    store: Store,
    fact_id: str,
    action: str,
    *,
    by: str,
    why: str = "",
    field: str | None = None,
    value: Any = None,
) -> Decision:
    """Record one decision on a stored fact; ``value`` may be text, read as the field wants."""
    by, why = by.strip(), why.strip()
    _check(action, by, why, field)
    if action == "correct":
        assert field is not None
        value = parse_value(field, value)
    with reading(store, "find the fact to curate") as conn:
        # a prefix of 6+ hex digits, as `bilat show` takes for documents
        fact_id = resolve_fact_id(conn, fact_id) or fact_id
        doc_id = conn.execute(select(facts.c.doc_id).where(facts.c.id == fact_id)).scalar()
        if doc_id is None:
            raise UnknownFactError(fact_id)
        key = key_index(conn, [doc_id]).of[fact_id]
    row = {
        "fact_key": key,
        "fact_id": fact_id,
        "doc_id": doc_id,
        "action": action,
        "field": field if action == "correct" else None,
        "value": value if action == "correct" else None,
        "by": by,
        "why": why,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    with writing(store, f"record a decision on fact {fact_id}") as conn:
        inserted = conn.execute(curation.insert().values(**row)).inserted_primary_key
    # None only for an insert of many rows or none; this is one row with an integer key
    assert inserted is not None
    _update_knowledge_base(store)
    return Decision(id=int(inserted[0]), **row)


def _update_knowledge_base(store: Store) -> None:
    """Consolidate again the scopes a decision touched, now rather than on a later read."""
    from bilat.kb import incremental  # it reads claims, which read decisions: a cycle

    incremental.update(store)


def _check(action: str, by: str, why: str, field: str | None) -> None:
    if action not in ACTIONS:
        raise CurationError(
            f"unknown curation action {action!r}: expected one of {', '.join(ACTIONS)}"
        )
    if not by:
        raise CurationError("a decision needs the name of who made it (by)")
    if action != "confirm" and not why:
        raise CurationError(f"a decision to {action} needs a reason (why)")
    if action == "correct" and field not in CORRECTABLE:
        raise CurationError(
            f"cannot correct field {field!r}: expected one of {', '.join(sorted(CORRECTABLE))}"
        )


def parse_value(field: str, value: Any) -> Any:
    """A correction's value from what a person typed: "26,1e9" → 26.1e9, "KZ,UZ" → a list."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.lower() in ("", "null", "none", "-"):
        return None
    try:
        if field in NUMERIC_FIELDS:
            return float(text.replace(" ", "").replace(",", "."))
        if field in INTEGER_FIELDS:
            return int(text)
    except ValueError as e:
        raise CurationError(f"{field}={value!r}: expected a number") from e
    if field in CODE_LIST_FIELDS:
        return [lookup(code).code for code in text.replace(";", ",").split(",") if code.strip()]
    if field in CODE_FIELDS and field != "whole":
        return lookup(text).code
    return text


# -- reading ----------------------------------------------------------------------------------


def decisions(
    conn: Connection, fact_ids: Mapping[str, str], doc_ids: Iterable[str] | None
) -> tuple[dict[str, Verdict], dict[str, str]]:
    """Verdicts (fact id → Verdict, for facts that have any) of the facts in ``fact_ids``
    (fact id → its document), and the stable keys of the documents that have decisions.

    Decisions are looked up by document first: most documents have none, and their facts'
    stable keys (a read of all their siblings) are then never needed. A decision lands on
    the fact its key names among all the facts of its document, never on one merely asked
    for, so a fact read alone gets exactly what it gets in a list.
    """
    rows = _decisions_of(conn, doc_ids)
    index = key_index(conn, {d.doc_id for d in rows}) if rows else KeyIndex({}, {})
    found = {k: v for k, v in _landed(rows, index).items() if k in fact_ids}
    return {fact_id: verdict(rows) for fact_id, rows in found.items()}, dict(index.of)


def statuses(conn: Connection) -> dict[str, str]:
    """fact id → its verdict's status (confirmed, corrected or rejected), for every fact
    some decision lands on: what the facts explorer sorts its curation column by."""
    rows = _decisions_of(conn, None)
    index = key_index(conn, {d.doc_id for d in rows}) if rows else KeyIndex({}, {})
    landed = _landed(rows, index).items()
    return {fact_id: status for fact_id, on in landed if (status := verdict(on).status)}


def _landed(rows: Sequence[Decision], index: KeyIndex) -> dict[str, list[Decision]]:
    """Decisions by the fact they land on now, oldest first; orphans left out."""
    found: dict[str, list[Decision]] = {}
    for row in rows:
        fact_id = index.target(row)
        if fact_id is not None:
            found.setdefault(fact_id, []).append(row)
    return found


def orphans(store: Store) -> list[Decision]:
    """Decisions whose fact is gone: no fact of their document has their key now (a
    re-extraction no longer reads the figure, or reads it apart from siblings it shared a
    sentence with). They are kept, and shown, rather than moved to another fact."""
    with reading(store, "read the curation log") as conn:
        rows = _decisions_of(conn, None)
        index = key_index(conn, {d.doc_id for d in rows})
    return [d for d in rows if index.target(d) is None]


def _decisions_of(conn: Connection, doc_ids: Iterable[str] | None) -> list[Decision]:
    """Decisions on the facts of these documents (all when None), oldest first."""
    query = select(curation).order_by(curation.c.id)
    if doc_ids is None:
        return [Decision(**r._asdict()) for r in conn.execute(query)]
    wanted = sorted(set(doc_ids))
    found: list[Decision] = []
    for i in range(0, len(wanted), IN_LIMIT):
        chunk = query.where(curation.c.doc_id.in_(wanted[i : i + IN_LIMIT]))
        found.extend(Decision(**r._asdict()) for r in conn.execute(chunk))
    return sorted(found, key=lambda d: d.id)


def verdict(rows: Sequence[Decision]) -> Verdict:
    """Later decisions overrule earlier ones; corrections accumulate, one value per field."""
    status: str | None = None
    corrections: dict[str, Any] = {}
    for d in rows:
        if d.action == "reject":
            status = "rejected"
        elif d.action == "confirm":
            status = "corrected" if corrections else "confirmed"
        else:
            corrections[str(d.field)] = d.value
            status = "corrected"
    return Verdict(status=status, corrections=corrections, decisions=tuple(rows))


def corrected(fields: Mapping[str, Any], corrections: Mapping[str, Any]) -> Mapping[str, Any]:
    """The fact's fields with a person's corrections applied (year and months in period)."""
    if not corrections:
        return fields  # nearly every fact: no copy (fields are never changed in place)
    result = copy.deepcopy(dict(fields))
    for name, value in corrections.items():
        if name in INTEGER_FIELDS:
            period = dict(result.get("period") or {})
            period[name] = value
            result["period"] = period
        else:
            result[name] = value
    return result


def curation_log(store: Store) -> list[dict[str, Any]]:
    """Every decision, oldest first, each saying whether it is orphaned (see ``orphans``):
    what ``load_curation`` takes into another database."""
    lost = {d.id for d in orphans(store)}
    with reading(store, "read the curation log") as conn:
        return [
            Decision(**r._asdict()).to_json() | {"orphaned": r.id in lost}
            for r in conn.execute(select(curation).order_by(curation.c.id))
        ]


def load_curation(store: Store, rows: Iterable[Mapping[str, Any]]) -> int:
    """Add decisions exported from another database; those already here are skipped."""
    with reading(store, "read the curation log") as conn:
        seen = {
            (r.fact_key, r.action, r.field, r.by, r.at)
            for r in conn.execute(
                select(
                    curation.c.fact_key,
                    curation.c.action,
                    curation.c.field,
                    curation.c.by,
                    curation.c.at,
                )
            )
        }
    names = [c.name for c in curation.c if c.name != "id"]
    fresh = [
        {n: row.get(n) for n in names}
        for row in rows
        if (row["fact_key"], row["action"], row.get("field"), row["by"], row["at"]) not in seen
    ]
    if fresh:
        with writing(store, "load curation decisions") as conn:
            conn.execute(curation.insert(), fresh)
        _update_knowledge_base(store)
    return len(fresh)


def read_log(path: str) -> list[dict[str, Any]]:
    """A JSONL file written by ``bilat export --what curation --format jsonl``."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
