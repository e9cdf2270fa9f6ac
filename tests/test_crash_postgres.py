"""Crash safety on PostgreSQL: `bilat ingest` killed with SIGKILL while it writes to a
server, then finished, leaves what a clean run leaves; two ingests into one database at
once lose nothing. The server is a throw-away one that this module starts (see
test_store_postgres); skipped, with the reason, where none can start.

    BILAT_CRASH_KILLS=20 pytest tests/test_crash_postgres.py     # the long run
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_crash import (  # clean: the corpus and a clean SQLite run, what PostgreSQL must end with
    DOCUMENTS,
    KILLS,
    Clean,
    clean,
    kb_difference,
    killed_and_finished,
    knowledge_base,
    problems,
    stored,
    two_at_once,
)

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from pgserver import PostgresUnavailable, schema_url, throwaway_server

pytestmark = pytest.mark.postgres
_schemas = itertools.count()
__all__ = ["clean"]  # a fixture of test_crash's, used here


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    pytest.importorskip("psycopg", reason="psycopg (the PostgreSQL driver) is not installed")
    try:
        with throwaway_server() as url:
            yield url
    except PostgresUnavailable as why:
        pytest.skip(f"PostgreSQL could not start: {why}")


@pytest.fixture
def database(server: str) -> str:
    """A new, empty schema: a database of its own for one test."""
    return schema_url(server, f"bilat_crash_{next(_schemas)}")


def test_killed_ingests_leave_what_a_clean_run_leaves(clean: Clean, database: str) -> None:
    corpus, expected, expected_kb = clean
    killed, progress = killed_and_finished(corpus, database, KILLS)
    print(f"{killed} of {KILLS} runs killed; documents stored after each: {progress}")  # -rA
    assert problems(database) == []
    assert stored(database) == expected  # every document once, each with a clean run's facts
    assert kb_difference(knowledge_base(database), expected_kb) == {}
    assert killed >= KILLS - 1, f"only {killed} of {KILLS} runs were still running when killed"
    amid = [n for n in progress if 0 < n < DOCUMENTS]
    assert len(set(amid)) >= KILLS // 2, f"too few kills landed amid the writes: {progress}"


@pytest.mark.xfail(
    reason="two knowledge-base updates at once on PostgreSQL can collide on kb_consolidated's "
    "key (duplicate key ...-1): bilat.kb.incremental.update locks within a process only; "
    "found by this test, left to the owner of kb/incremental.py (issue 9's closing note)",
    strict=False,  # a race: some runs pass
)
def test_two_ingests_into_one_database_lose_nothing(clean: Clean, database: str) -> None:
    corpus, expected, expected_kb = clean
    two_at_once(corpus, database)
    assert problems(database) == []
    assert stored(database) == expected
    assert kb_difference(knowledge_base(database), expected_kb) == {}
