"""Crash safety on PostgreSQL: `bilat ingest` killed with SIGKILL while it writes to a
server, then finished, leaves what a clean run leaves; two ingests into one database at
once lose nothing. The server is a throw-away one that this module starts (see
test_store_postgres); skipped, with the reason, where none can start.

    BILAT_CRASH_KILLS=20 pytest tests/test_crash_postgres.py     # the long run
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from test_crash import (  # clean: the corpus and a clean SQLite run, what PostgreSQL must end with
    Clean,
    assert_killed_runs_end_clean,
    clean,
    kb_difference,
    knowledge_base,
    problems,
    stored,
    two_at_once,
)

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from pgserver import schema_url
from test_store_postgres import postgres_url  # the module's throw-away server, or a skip

pytestmark = pytest.mark.postgres
_schemas = itertools.count()
__all__ = ["clean", "postgres_url"]  # fixtures of test_crash's and test_store_postgres's


@pytest.fixture
def database(postgres_url: str) -> str:
    """A new, empty schema: a database of its own for one test."""
    return schema_url(postgres_url, f"bilat_crash_{next(_schemas)}")


def test_killed_ingests_leave_what_a_clean_run_leaves(clean: Clean, database: str) -> None:
    corpus, expected, expected_kb = clean
    assert_killed_runs_end_clean(corpus, database, expected, expected_kb)


def test_two_ingests_into_one_database_lose_nothing(clean: Clean, database: str) -> None:
    corpus, expected, expected_kb = clean
    two_at_once(corpus, database)
    assert problems(database) == []
    assert stored(database) == expected
    assert kb_difference(knowledge_base(database), expected_kb) == {}
