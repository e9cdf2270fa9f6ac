"""bilat.store against a throw-away PostgreSQL server that this module starts and stops.

Every test of test_store.TestStore runs here again; the tests below it are PostgreSQL's own
(the GIN index, two writers racing for the same document). Skipped, with the reason, only
where no server can be started: PostgreSQL not installed, or running as root without a
``postgres`` user to run it as (initdb refuses root).
"""

from __future__ import annotations

import itertools
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from test_store import TestStore, ba_document  # TestStore is collected here once more

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
import load  # the real server, started as benchmarks/load.py does
from pgserver import PostgresUnavailable, schema_url, throwaway_server

import bilat.store.store as store_module
from bilat.store import Store

pytestmark = pytest.mark.postgres
__all__ = ["TestStore"]

_schema_numbers = itertools.count()


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """URL of the maintenance database of a fresh server, stopped after this module."""
    pytest.importorskip("psycopg", reason="psycopg (the PostgreSQL driver) is not installed")
    try:
        with throwaway_server() as url:  # /tmp: reachable by 'postgres'
            yield url
    except PostgresUnavailable as why:
        pytest.skip(f"PostgreSQL could not start: {why}")


@pytest.fixture
def store_url(postgres_url: str) -> str:
    """A new, empty schema for each test: as good as a new database, and 10× faster."""
    return schema_url(postgres_url, f"bilat_test_{next(_schema_numbers)}")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


def test_plain_postgresql_url_uses_psycopg(store_url: str) -> None:
    with Store(store_url.replace("postgresql+psycopg://", "postgresql://")) as plain:
        assert plain.engine.dialect.driver == "psycopg"


def test_full_text_index_is_a_gin_index_over_a_stored_simple_tsvector(store: Store) -> None:
    with store.engine.connect() as conn:
        definition = conn.execute(
            text(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_documents_search' "
                "AND schemaname = current_schema()"
            )
        ).scalar_one()
        generated = conn.execute(
            text(
                "SELECT generation_expression FROM information_schema.columns "
                "WHERE table_name = 'documents' AND column_name = 'search_vector' "
                "AND table_schema = current_schema()"
            )
        ).scalar_one()
    assert "USING gin (search_vector)" in definition
    assert "to_tsvector('simple'::regconfig, lemmas)" in generated


def test_version_4_store_gets_the_search_vector_and_the_newest_index(store_url: str) -> None:
    document, facts, mentions = ba_document()
    with Store(store_url) as old:
        old.add(document, facts, mentions)
        with old.engine.begin() as conn:  # make it what version 4 left
            conn.execute(text("DROP INDEX ix_documents_newest"))
            conn.execute(text("ALTER TABLE documents DROP COLUMN search_vector"))
            conn.execute(
                text(
                    "CREATE INDEX ix_documents_lemmas_fts ON documents "
                    "USING gin (to_tsvector('simple', lemmas))"
                )
            )
            conn.execute(text("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))
    with Store(store_url) as new:
        with new.engine.connect() as conn:
            indexes = set(
                conn.execute(
                    text("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
                ).scalars()
            )
        assert {"ix_documents_search", "ix_documents_newest"} <= indexes
        assert "ix_documents_lemmas_fts" not in indexes
        assert [hit.name for hit in new.search("товарооборот Башкирия")] == ["ba.txt"]


def test_ingest_and_serve_a_generated_corpus_end_to_end(store_url: str, tmp_path: Path) -> None:
    """`bilat ingest --db postgresql://…` then `bilat serve --db postgresql://…`."""
    from typer.testing import CliRunner

    from bilat.cli import app
    from bilat.scale_corpus import articles, write_corpus

    corpus = write_corpus(24, tmp_path / "corpus", seed=12, files=2)
    result = CliRunner().invoke(app, ["ingest", *map(str, corpus), "--db", store_url])
    assert result.exit_code == 0, result.output
    stories = [a for a in articles(24, seed=12) if a.story is not None]
    with Store(store_url) as check:
        assert check.count_documents() == 24
        assert len(check.facts(indicator="turnover")) == len(stories)
    a, b = stories[0].story.a.code, stories[0].story.b.code  # type: ignore[union-attr]
    with load.serving(store_url, timeout=90) as server:  # type: ignore[arg-type]
        pair = httpx.get(f"{server.base}/api/pair/{a}/{b}", timeout=60)
        found = httpx.get(f"{server.base}/api/search", params={"q": "товарооборот"}, timeout=60)
        overview = httpx.get(f"{server.base}/api/overview", timeout=60)
    assert pair.status_code == 200, server.log_tail()
    value = stories[0].story.value * 1e6  # type: ignore[union-attr]
    assert pair.json()["n_documents"] >= 1 and str(value) in pair.text
    hits = found.json()["n_documents"]
    assert found.status_code == 200 and 1 <= hits <= len(stories)
    assert overview.status_code == 200 and overview.json()["n_documents"] == 24


def test_fields_are_jsonb(store: Store) -> None:
    with store.engine.connect() as conn:
        kind = conn.execute(
            text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'facts' AND column_name = 'data' "
                "AND table_schema = current_schema()"
            )
        ).scalar_one()
    assert kind == "jsonb"


def test_two_writers_racing_for_one_document(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both pass the "already stored?" check; the loser gets False, not an error."""
    both_checked = threading.Barrier(2, timeout=30)
    real = store_module._write_documents

    def after_both_checked(*args: Any) -> None:
        both_checked.wait()  # each writer is inside its transaction, past the check
        real(*args)

    monkeypatch.setattr(store_module, "_write_documents", after_both_checked)
    document, facts, mentions = ba_document()
    results: list[bool | BaseException] = []

    def write() -> None:
        try:
            with Store(store_url) as own:
                results.append(own.add(document, facts, mentions))
        except BaseException as error:  # reported by the assertion below
            results.append(error)

    writers = [threading.Thread(target=write) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    assert sorted(results, key=str) == [False, True]
    with Store(store_url) as check:
        assert check.count_documents() == 1 and check.count_facts() == {"change": 1, "trade": 2}


def test_two_stores_opening_a_new_database_at_once(store_url: str) -> None:
    """Parallel workers create the schema once (the advisory lock), without errors."""
    errors: list[BaseException] = []

    def open_store() -> None:
        try:
            Store(store_url).close()
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    openers = [threading.Thread(target=open_store) for _ in range(4)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(60)
    assert errors == []


def test_a_second_process_waits_for_the_first_ones_knowledge_base_work(store_url: str) -> None:
    """``Store.alone``: two stores (two processes' connections) run the body in turn; the
    second is seen waiting on the lock in pg_locks until the first ends."""
    order: list[str] = []
    first_in, first_may_end = threading.Event(), threading.Event()

    def first() -> None:
        with Store(store_url) as own, own.alone("knowledge base"):
            order.append("first in")
            first_in.set()
            first_may_end.wait(60)
            order.append("first out")

    def second() -> None:
        first_in.wait(60)
        with Store(store_url) as own, own.alone("knowledge base"):
            order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    with Store(store_url) as watcher:
        waiting = False
        for _ in range(600):  # until the second asks for the lock; bounded, never timed
            waiting = _advisory_lock_awaited(watcher)
            if waiting:
                break
            threading.Event().wait(0.1)
    first_may_end.set()
    for thread in threads:
        thread.join(60)
    assert waiting
    assert order == ["first in", "first out", "second in"]


def _advisory_lock_awaited(store: Store) -> bool:
    query = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
    with store.engine.connect() as conn:
        return bool(conn.execute(text(query)).scalar_one())


def test_the_knowledge_base_on_postgresql_equals_the_on_read_computation(store: Store) -> None:
    """The rows, the findings read in order through SQL (labels as bytes), the totals:
    as on SQLite, equal to consolidating on the read."""
    from test_kb import fill
    from test_kb_incremental import assert_same

    from bilat import kb

    fill(store, rival=True)
    kb.update(store)
    shown = assert_same(store)
    assert shown["contradictions"] and shown["consolidated"]
    found = kb.findings(store)
    assert (found.n_contradictions, found.n_open) == (1, 1)
    assert found.contradictions_page(0, 5)[0]["status"] == "open"
