"""From one schema version to the next, for a database an older bilat wrote.

``Store`` runs ``metadata.create_all`` first, which adds the tables a database lacks; a step
here changes what ``create_all`` cannot (columns, keys, rows). The steps run in the
transaction that opens the store, so a migration that fails leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, delete, insert, inspect, select, text

from bilat.store import dialect, queries
from bilat.store.schema import (
    COUNTED,
    SCHEMA_VERSION,
    VERSION_5_INDEXES,
    facts_year_shown,
    kb_claims,
    kb_consolidated,
    kb_dirty,
    kb_documents,
    kb_findings,
    kb_findings_shown,
    kb_pairs,
)


def _knowledge_base_joins_the_schema(conn: Connection) -> None:
    """1 → 2: ``curation`` and ``doc_groups`` became part of the schema. Version 1's
    knowledge base created them on first use with the same columns, so their rows stay as
    they are, and ``create_all`` has made them where it was never used: nothing to change."""


def _watched_sources_join_the_schema(conn: Connection) -> None:
    """2 → 3: ``watch_sources`` and ``watch_runs`` are new tables, which ``create_all``
    has made: nothing to change."""


def _official_statistics_join_the_schema(conn: Connection) -> None:
    """3 → 4: the ``official_figures`` table, new and empty: ``create_all`` has made it."""


def _postgres_search_and_indexes(conn: Connection) -> None:
    """4 → 5: PostgreSQL searches a stored tsvector (made with its index when the store
    opens) instead of an index over an expression, which goes; indexes chosen from the
    views' query plans (docs/postgres-plans.md) are added to tables that exist."""
    dialect.drop_old_search_index(conn)
    for index in VERSION_5_INDEXES:
        index.create(conn, checkfirst=True)


def _consolidated_rows_join_the_schema(conn: Connection) -> None:
    """5 → 6: the knowledge base's ``kb_*`` tables, made empty by ``create_all``; the
    knowledge base fills them from the stored documents the first time it is read (or by
    ``bilat rebuild``)."""


def _reprint_bands_and_party_scopes(conn: Connection) -> None:
    """6 → 7: ``doc_bands`` and ``kb_sides`` are new (``create_all`` made them);
    ``kb_consolidated`` gains ``summary``. The knowledge base's rows are emptied: they are
    a cache of the stored documents, made again on the first read (or ``bilat rebuild``);
    the reprint bands are made from the stored signatures on the next update."""
    columns = {c["name"] for c in inspect(conn).get_columns(kb_consolidated.name)}
    for table in (kb_documents, kb_claims, kb_dirty, kb_consolidated, kb_findings, kb_pairs):
        conn.execute(delete(table))
    if "summary" not in columns:  # a database before 6 had the table made by create_all
        conn.execute(
            text("ALTER TABLE kb_consolidated ADD COLUMN summary TEXT NOT NULL DEFAULT ''")
        )


def _partner_totals_and_findings_order(conn: Connection) -> None:
    """7 → 8: ``kb_totals`` is new (``create_all`` made it empty). Every scope with rows is
    marked dirty, so that the next update consolidates it again and makes its totals. The
    findings' order gets an index in that order (``ix_kb_findings_shown``), and a year's
    facts one that covers the explorer's page and facets (``ix_facts_year_shown``)."""
    dirty = select(kb_dirty.c.scope)
    kept = select(kb_consolidated.c.scope).where(kb_consolidated.c.scope.not_in(dirty))
    conn.execute(insert(kb_dirty).from_select(["scope"], kept.distinct()))
    conn.execute(text("DROP INDEX IF EXISTS ix_kb_findings_order"))
    kb_findings_shown.create(conn, checkfirst=True)
    conn.execute(text("DROP INDEX IF EXISTS ix_facts_year"))  # a prefix of the new one
    facts_year_shown.create(conn, checkfirst=True)
    for name in COUNTED:  # ``counts`` is new: what the tables hold now
        queries.reset_count(conn, name)


# STEPS[n] takes a database from version n to n + 1.
STEPS: dict[int, Callable[[Connection], None]] = {
    1: _knowledge_base_joins_the_schema,
    2: _watched_sources_join_the_schema,
    3: _official_statistics_join_the_schema,
    4: _postgres_search_and_indexes,
    5: _consolidated_rows_join_the_schema,
    6: _reprint_bands_and_party_scopes,
    7: _partner_totals_and_findings_order,
}


def can_migrate(version: int) -> bool:
    """Whether a database at ``version`` can be brought to this bilat's version."""
    return (
        all(step in STEPS for step in range(version, SCHEMA_VERSION))
        and 0 < version <= SCHEMA_VERSION
    )


def migrate(conn: Connection, version: int) -> None:
    """Bring a database from ``version`` to SCHEMA_VERSION, one step at a time."""
    for step in range(version, SCHEMA_VERSION):
        STEPS[step](conn)
