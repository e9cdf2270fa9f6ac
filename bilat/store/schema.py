"""The tables, declared once for SQLite and PostgreSQL (SQLAlchemy Core, no ORM).

The machine's tables (documents, facts, mentions, actors) and the knowledge base's
(curation decisions, reprint groups): one schema, one version, one set of migrations
(``migrations.py``). The full-text index is not here: it differs by dialect and lives in
``dialect.py``.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from bilat.store.dialect import JSON_TYPE

# Bump when a table changes, with a step in migrations.py from the version before; Store
# migrates an older database and refuses a newer one rather than failing later on a
# missing column. 2: the knowledge base's tables joined the schema. 3: watched sources.
# 4: official statistics. 5: PostgreSQL's stored search vector, and indexes for the views.
# 6: the knowledge base's consolidated rows. 7: reprint bands, the scopes of each party and
# a consolidated fact's summary.
SCHEMA_VERSION = 8

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),  # content_hash of the normalised text
    Column("name", String, nullable=False),
    Column("source", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("title", Text),
    Column("date", String),  # ISO date of publication: sorts and compares as text
    Column("url", Text),
    Column("text", Text, nullable=False),
    Column("lemmas", Text, nullable=False),  # search_terms(title + text): the full-text input
    Column("n_chars", Integer, nullable=False),
    Column("ingested_at", String, nullable=False),  # UTC, ISO 8601
    # (date, id) in the order lists walk them, newest first: the newest-100-facts page
    # went from 194 ms to 1.2 ms on 20,000 documents with the id in the index.
    Index("ix_documents_date_id", "date", "id"),
)

actors = Table(
    "actors",
    metadata,
    Column("code", String, primary_key=True),  # ISO 3166-1 alpha-2 or ISO 3166-2
    Column("name", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("country", String, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("stop", Integer, primary_key=True),
    Column("code", String, ForeignKey("actors.code"), primary_key=True),
    Column("text", Text, nullable=False),
    Column("form", String, nullable=False),
    Column("normal", Text, nullable=False),
    Index("ix_mentions_code", "code"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", String, primary_key=True),  # see records.fact_id: stable across runs
    Column("doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String, nullable=False),
    # The keys most queries filter on, lifted out of ``data`` into typed columns.
    Column("indicator", String),
    Column("party_a", String),
    Column("party_b", String),
    Column("exporter", String),
    Column("importer", String),
    Column("year", Integer),
    Column("months", Integer),
    Column("value", Float),
    Column("currency", String),
    Column("percent", Float),
    Column("qualifier", String),
    Column("status", String),
    Column("kind", String),
    Column("confidence", Float, nullable=False),
    Column("rule", String, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("data", JSON_TYPE, nullable=False),  # the fact's full fields mapping
    Index("ix_facts_doc", "doc_id", "evidence_start"),
    Index("ix_facts_type", "type"),
    Index("ix_facts_indicator", "indicator"),
    Index("ix_facts_pair", "party_a", "party_b"),
)
# A year's facts for the explorer without reading their rows: its page sorts them by their
# document (doc_id, evidence_start, id) and its facets count type, pair and document. At
# 100,000 documents one year's 6,000 facts: page 30 -> 15 ms, facets 20 -> 7 ms (SQLite).
facts_year_shown = Index(
    "ix_facts_year_shown",
    facts.c.year,
    facts.c.doc_id,
    facts.c.evidence_start,
    facts.c.id,
    facts.c.type,
    facts.c.party_a,
    facts.c.party_b,
)

# Every ISO code a fact involves, in any role (parties, exporter, importer, whole, part,
# partners). party_a/party_b hold only two, and an event may have three parties; the
# party and pair filters read this table so that no party is missed.
fact_parties = Table(
    "fact_parties",
    metadata,
    Column("fact_id", String, ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
    Column("party", String, primary_key=True),
    Index("ix_fact_parties_party", "party", "fact_id"),
)

# -- the knowledge base's tables -------------------------------------------------------------
# Neither refers to ``facts`` or ``documents`` by a foreign key: a decision outlives the row
# it was made on (re-extraction replaces facts), and is found again by its key.

curation = Table(
    "curation",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # order of decisions
    # The stable key (see kb.curation.stable_key) finds the fact again after re-extraction;
    # fact_id is the exact row the decision was made on, tried first.
    Column("fact_key", String, nullable=False),
    Column("fact_id", String, nullable=False),
    Column("doc_id", String, nullable=False),
    Column("action", String, nullable=False),  # confirm | reject | correct
    Column("field", String),  # correct only
    Column("value", JSON_TYPE),  # correct only: the new value
    Column("by", String, nullable=False),
    Column("why", Text, nullable=False),
    Column("at", String, nullable=False),  # UTC, ISO 8601
    Index("ix_curation_doc", "doc_id"),  # decisions are looked up by document first
)

doc_groups = Table(
    "doc_groups",
    metadata,
    Column("doc_id", String, primary_key=True),
    # The group's representative: its earliest document (by date, then id).
    Column("group_id", String, nullable=False),
    Column("signature", LargeBinary, nullable=False),  # MinHash hash values, raw bytes
    Index("ix_doc_groups_group", "group_id"),
)

doc_bands = Table(  # each document's LSH bands: a new document's reprint candidates
    "doc_bands",
    metadata,
    Column("hash", BigInteger, primary_key=True),  # the band's hash values, hashed
    Column("band", Integer, primary_key=True),
    Column("doc_id", String, primary_key=True),
)

# -- the knowledge base's consolidated rows (bilat.kb.incremental) -----------------------------
# Consolidation is kept here, updated when documents or decisions arrive, so that no view
# consolidates the whole store on a user's request. A "scope" is what one recomputation
# covers: the sorted parties of a claim ("KZ|UZ"), or a quote's speaker; every key of the
# consolidation lies in one scope. Records are JSON text, as the views send them.

kb_documents = Table(  # documents the knowledge base has taken in
    "kb_documents",
    metadata,
    Column("doc_id", String, primary_key=True),
    Column("group_id", String, nullable=False),  # its reprint group when last counted
)

# Rows of the tables a request counts, kept by the transactions that add them: counting
# 100,000 documents on PostgreSQL is a scan of an index (7-15 ms on a loaded machine), and
# a request counted documents up to eight times (fingerprints, "is the knowledge base
# behind?"). A name without its row is counted afresh (see store.queries.kept_counts).
counts = Table(
    "counts",
    metadata,
    Column("name", String, primary_key=True),  # a key of COUNTED
    Column("n", BigInteger, nullable=False),
)

kb_claims = Table(  # the scope of each fact's claim, corrections applied
    "kb_claims",
    metadata,
    Column("fact_id", String, primary_key=True),
    Column("doc_id", String, nullable=False),
    Column("scope", String, nullable=False),
    Index("ix_kb_claims_scope", "scope"),
    Index("ix_kb_claims_doc", "doc_id"),
)

kb_dirty = Table(  # scopes to recompute: written with what made them stale
    "kb_dirty",
    metadata,
    Column("scope", String, primary_key=True),
)

kb_consolidated = Table(
    "kb_consolidated",
    metadata,
    Column("id", String, primary_key=True),  # Consolidated.id
    Column("scope", String, nullable=False),
    Column("type", String, nullable=False),
    Column("independent", Integer, nullable=False),  # with n_claims and id: the order
    Column("n_claims", Integer, nullable=False),
    Column("record", Text, nullable=False),  # Consolidated.to_json()
    # What a party's page and its ranks read (kb.kept): the record without its sources
    Column("summary", Text, nullable=False),
    Index("ix_kb_consolidated_scope", "scope"),
)

kb_sides = Table(  # the scopes each party is a side of: a party's rows without a scan
    "kb_sides",
    metadata,
    Column("party", String, primary_key=True),
    Column("scope", String, primary_key=True),
)

kb_totals = Table(  # per scope, what a party's partners are ranked by (kb.scoped.total_row)
    "kb_totals",
    metadata,
    Column("scope", String, primary_key=True),
    Column("n_claims", Integer, nullable=False),  # the claims of its shown facts
    Column("n_events", Integer, nullable=False),
    Column("turnover", Text),  # its latest turnover in dollars, as JSON; NULL: none stated
)

kb_findings = Table(  # contradictions and consistency checks
    "kb_findings",
    metadata,
    Column("id", String, primary_key=True),  # "contradiction:<key>", "check:<n>:<fact id>"
    Column("scope", String, nullable=False),
    Column("kind", String, nullable=False),  # contradiction | trade_sum | growth
    Column("flagged", Integer, nullable=False),  # 1: open, or a check that failed
    Column("label", Text, nullable=False),
    # Where it came in the whole store's list among equal labels (see kb.scoped).
    Column("lead_independent", Integer, nullable=False),
    Column("lead_claims", Integer, nullable=False),
    Column("lead_id", String, nullable=False),
    Column("record", Text, nullable=False),
    Index("ix_kb_findings_scope", "scope"),
)
# The whole store's order (kb.scoped.finding_order), so that a page of contradictions is
# read in order from the index, twenty rows for the overview, not all of them sorted.
kb_findings_shown = Index(
    "ix_kb_findings_shown",
    kb_findings.c.kind,
    kb_findings.c.flagged.desc(),
    kb_findings.c.label,
    kb_findings.c.lead_independent.desc(),
    kb_findings.c.lead_claims.desc(),
    kb_findings.c.lead_id,
    kb_findings.c.id,
)

kb_pairs = Table(  # facts per pair of parties, as Store.top_pairs counts them
    "kb_pairs",
    metadata,
    Column("a", String, primary_key=True),
    Column("b", String, primary_key=True),
    Column("n_facts", Integer, nullable=False),
    Index("ix_kb_pairs_n", "n_facts"),
)

# -- watched sources (bilat.watch) ----------------------------------------------------------

watch_sources = Table(
    "watch_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String, nullable=False),  # feed | folder | telegram
    Column("target", Text, nullable=False, unique=True),  # the URL, or an absolute path
    Column("every_s", Integer, nullable=False),  # how often `bilat watch run` reads it
    Column("added_at", String, nullable=False),  # UTC, ISO 8601
    Column("last_run_at", String),
    # What the source has given so far, by kind: a feed's entry keys and validators
    # (ETag, Last-Modified), a folder's files' mtimes and hashes, an export's last message.
    Column("state", JSON_TYPE, nullable=False),
)

watch_runs = Table(
    "watch_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # order of runs
    Column(
        "source_id",
        Integer,
        ForeignKey("watch_sources.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("started_at", String, nullable=False),
    Column("finished_at", String, nullable=False),
    Column("read", Integer, nullable=False),  # documents handed to the pipeline
    Column("new", Integer, nullable=False),
    Column("stored", Integer, nullable=False),
    Column("skipped", Integer, nullable=False),
    Column("why", Text),  # the skipped inputs and their reasons, the first few
    Column("note", Text),  # "not modified since the last run (HTTP 304)"
    Column("error", Text),  # why the source could not be read at all
    Index("ix_watch_runs_source", "source_id", "id"),
)

# -- official statistics ---------------------------------------------------------------------
# Figures imported from statistics offices' tables (``bilat official import``), set beside
# the news's figures in a pair's dossier. One row per source, reporter, partner, indicator,
# period and currency: ``id`` hashes those, so importing a file again replaces its rows.

official_figures = Table(
    "official_figures",
    metadata,
    Column("id", String, primary_key=True),  # see kb.official.records.figure_id
    Column("source", String, nullable=False),  # --source, or the file's name
    Column("reporter", String, nullable=False),  # the side whose statistics these are
    Column("partner", String, nullable=False),
    Column("indicator", String, nullable=False),  # turnover | export | import, as reported
    Column("year", Integer, nullable=False),
    Column("months", Integer),  # months from January; None for the whole year
    Column("value", Float, nullable=False),
    Column("currency", String, nullable=False),
    Column("imported_at", String, nullable=False),  # UTC, ISO 8601
    Index("ix_official_pair", "reporter", "partner"),
)

# -- indexes added in version 5 ---------------------------------------------------------------
# Each chosen from a view's query plan on the 100,000-document benchmark store
# (docs/postgres-plans.md); migrations.py adds them to an existing database.

# Newest documents first, as lists walk them: PostgreSQL cannot read ix_documents_date_id
# for "date DESC NULLS LAST, id" (the directions differ) and sorted the whole table, 108 ms
# for a page of the facts explorer; with it, 0.1 ms. SQLite has no NULLS LAST in an index
# and its planner already does with ix_documents_date_id.
documents_newest = Index(
    "ix_documents_newest", documents.c.date.desc().nulls_last(), documents.c.id
).ddl_if(dialect="postgresql")

VERSION_5_INDEXES = (documents_newest,)

COUNTED = {"documents": documents, "facts": facts, "kb_documents": kb_documents}
