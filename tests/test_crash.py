"""Crash safety: `bilat ingest` killed with SIGKILL at random moments, then run again,
leaves a store that a clean run would have made; two ingests into one SQLite file at once
lose nothing.

    BILAT_CRASH_KILLS=20 pytest tests/test_crash.py     # the long run

Documents are written a batch to a transaction, so a kill can only lose the batch being
written, which the next run stores; it can never leave half a document or a fact without
its document.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, text

from bilat.cli import main
from bilat.store import Store, dialect

KILLS = int(os.environ.get("BILAT_CRASH_KILLS", "5"))
# Enough documents that every kill finds the run still writing: a kill amid the writes lets
# a batch or two (50 documents each) land, and an ingest stores a hundred short ones a second.
DOCUMENTS = max(400, 60 * KILLS)
SEED = 20261204
PAIRS = [
    ("Казахстана", "Узбекистана"),
    ("России", "Казахстана"),
    ("Башкортостана", "Казахстана"),
    ("Беларуси", "Китая"),
    ("Татарстана", "Узбекистана"),
    ("Армении", "Ирана"),
]
NOISE = "В городе прошёл фестиваль народной музыки, собравший {n} гостей из соседних районов."


def write_corpus(path: Path, count: int = DOCUMENTS) -> Path:
    """Short articles of the project's own wording, one a line; every fifth is noise."""
    rng = random.Random(SEED)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            a, b = rng.choice(PAIRS)
            year = rng.randint(2015, 2024)
            value = rng.randint(100, 9000) / 10
            if i % 5 == 4:
                text = NOISE.format(n=rng.randint(100, 5000))
            else:
                text = (
                    f"Товарооборот {a} и {b} в {year} году составил {value:g} млн долларов. "
                    f"Это на {rng.randint(2, 40)}% больше, чем годом ранее. "
                    f"Стороны провели заседание рабочей группы № {i}."
                )
            row = {"id": f"n{i:04d}", "title": f"Новость {i}", "date": "2025-03-01", "text": text}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def ingest_command(corpus: Path, db: Path | str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from bilat.cli import main; main()",
        "ingest",
        str(corpus),
        "--db",
        str(db),
    ]


def run_to_the_end(corpus: Path, db: Path | str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(ingest_command(corpus, db), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def engine(db: Path | str) -> Engine:
    """The database a test looks into: a SQLite file, or a PostgreSQL URL."""
    return create_engine(dialect.normalise_url(str(db)))


def stored(db: Path | str) -> dict[str, list[str]]:
    """Each stored document with its facts, as the rows say them (ids left out)."""
    looked = engine(db)
    with looked.connect() as conn:
        docs: dict[str, list[str]] = {
            row[0]: [] for row in conn.execute(text("SELECT id FROM documents"))
        }
        for doc_id, kind, fields in conn.execute(text("SELECT doc_id, type, data FROM facts")):
            data = json.loads(fields) if isinstance(fields, str) else fields  # JSONB: a dict
            docs[doc_id].append(f"{kind} {json.dumps(data, ensure_ascii=False, sort_keys=True)}")
    looked.dispose()
    return {doc: sorted(facts) for doc, facts in docs.items()}


def knowledge_base(db: Path | str) -> dict[str, list[tuple[object, ...]]]:
    """The knowledge base's rows that views read, and the scopes left to recompute."""
    queries = {
        "consolidated": "SELECT id, scope, independent, n_claims, record FROM kb_consolidated",
        "findings": "SELECT id, scope, flagged, label, record FROM kb_findings",
        "pairs": "SELECT a, b, n_facts FROM kb_pairs",
        "dirty": "SELECT scope FROM kb_dirty",
    }
    looked = engine(db)
    with looked.connect() as conn:
        rows = {
            name: sorted(tuple(_as_json(value) for value in row) for row in conn.execute(text(q)))
            for name, q in queries.items()
        }
    looked.dispose()
    return rows


def kb_difference(
    found: dict[str, list[tuple[object, ...]]], expected: dict[str, list[tuple[object, ...]]]
) -> dict[str, dict[str, list[str]]]:
    """The knowledge base's rows only one side has, by table (the first few, shortened):
    empty when the two are equal, readable where they are not."""
    differences = {}
    for table, rows in expected.items():
        extra, missing = set(found[table]) - set(rows), set(rows) - set(found[table])
        if extra or missing:
            differences[table] = {
                "only after the kills": [str(r)[:400] for r in sorted(extra, key=str)[:3]],
                "only in the clean run": [str(r)[:400] for r in sorted(missing, key=str)[:3]],
            }
    return differences


def _as_json(value: object) -> object:
    """A record's JSON with its keys sorted: PostgreSQL's JSONB facts come back in their
    own key order, and the knowledge base copies them into its records."""
    if isinstance(value, str) and value.startswith("{"):
        return json.dumps(json.loads(value), ensure_ascii=False, sort_keys=True)
    return value


ORPHANS = {
    "facts": "SELECT count(*) FROM facts WHERE doc_id NOT IN (SELECT id FROM documents)",
    "mentions": "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)",
    "fact_parties": (
        "SELECT count(*) FROM fact_parties WHERE fact_id NOT IN (SELECT id FROM facts)"
    ),
    "doc_groups": "SELECT count(*) FROM doc_groups WHERE doc_id NOT IN (SELECT id FROM documents)",
    "kb_documents": (
        "SELECT count(*) FROM kb_documents WHERE doc_id NOT IN (SELECT id FROM documents)"
    ),
    "kb_claims": "SELECT count(*) FROM kb_claims WHERE fact_id NOT IN (SELECT id FROM facts)",
}
SQLITE_ORPHANS = {  # the full-text index is a table of its own on SQLite only
    "documents_fts": (
        "SELECT count(*) FROM documents_fts WHERE doc_id NOT IN (SELECT id FROM documents)"
    ),
}


def problems(db: Path | str) -> list[str]:
    """integrity_check (SQLite), then rows that point at nothing."""
    looked = engine(db)
    found = []
    with looked.connect() as conn:
        orphans = ORPHANS
        if looked.dialect.name == "sqlite":
            checked = conn.execute(text("PRAGMA integrity_check"))
            found += [row[0] for row in checked if row[0] != "ok"]
            orphans = ORPHANS | SQLITE_ORPHANS
        for table, query in orphans.items():
            count = conn.execute(text(query)).scalar_one()
            if count:
                found.append(f"{count} orphan rows in {table}")
    looked.dispose()
    return found


def has_tables(db: Path | str) -> bool:
    """Whether an ingest got as far as making the tables (a kill may come before)."""
    if isinstance(db, Path) and not db.exists():
        return False
    looked = engine(db)
    found = inspect(looked).has_table("documents")
    looked.dispose()
    return found


def count_documents(db: Path | str) -> int:
    if not has_tables(db):
        return 0
    looked = engine(db)
    with looked.connect() as conn:
        found = int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())
    looked.dispose()
    return found


# Every fourth kill comes at a random moment from the start: amid the model load or the
# opening of the database. The others come a random moment after the run has begun to
# store documents, so that they land amid the writes however long the models take to load
# on a busy machine; the last comes once every document is stored, amid the knowledge
# base's update.
BLIND_KILL_S = (0.5, 3.0)
AFTER_WRITES_BEGAN_S = (0.0, 0.5)
WRITES_WAIT_S = 600.0  # a model load, or the whole corpus, on a loaded machine; then the kill


def wait_for_writes(process: subprocess.Popen[bytes], db: Path | str, until: int = 0) -> None:
    """Until ``process`` has stored a document, or ``until`` documents are stored (or it
    ended, or WRITES_WAIT_S passed)."""
    target = until or count_documents(db) + 1
    deadline = time.monotonic() + WRITES_WAIT_S
    while process.poll() is None and time.monotonic() < deadline:
        if count_documents(db) >= target:
            return
        time.sleep(0.1)


def killed_and_finished(corpus: Path, db: Path | str, kills: int) -> tuple[int, list[int]]:
    """``bilat ingest`` started ``kills`` times and killed with SIGKILL at a random moment,
    the store checked after each, then run to the end. How many runs the kill found still
    running, and the documents stored after each kill."""
    rng = random.Random(SEED)
    killed, progress = 0, []
    for round in range(kills):
        process = subprocess.Popen(
            ingest_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if round == kills - 1:
            wait_for_writes(process, db, until=DOCUMENTS)
            time.sleep(rng.uniform(*AFTER_WRITES_BEGAN_S))
        elif round % 4:
            wait_for_writes(process, db)
            time.sleep(rng.uniform(*AFTER_WRITES_BEGAN_S))
        else:
            time.sleep(rng.uniform(*BLIND_KILL_S))
        killed += process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait()
        if has_tables(db):
            assert problems(db) == []
            progress.append(count_documents(db))
    run_to_the_end(corpus, db)
    return killed, progress


def two_at_once(corpus: Path, db: Path | str) -> None:
    """Two ingests of one corpus into one database at the same time, both to the end."""
    both = [
        subprocess.Popen(ingest_command(corpus, db), stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for process in both:
        _, err = process.communicate(timeout=900)
        assert process.returncode == 0, err[-2000:]


Clean = tuple[Path, dict[str, list[str]], dict[str, list[tuple[object, ...]]]]


_clean_runs: list[Clean] = []  # test_crash_postgres imports the fixture: one run for both


@pytest.fixture(scope="session")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Clean:
    """The corpus, and what an ingest never interrupted stores: documents with their facts,
    and the knowledge base made from them (once for SQLite's and PostgreSQL's tests)."""
    if not _clean_runs:
        folder = tmp_path_factory.mktemp("crash")
        corpus = write_corpus(folder / "corpus.jsonl")
        db = folder / "clean.db"
        run_to_the_end(corpus, db)
        _clean_runs.append((corpus, stored(db), knowledge_base(db)))
    return _clean_runs[0]


def test_killed_ingests_leave_what_a_clean_run_leaves(clean: Clean, tmp_path: Path) -> None:
    corpus, expected, expected_kb = clean
    assert len(expected) == DOCUMENTS
    assert_killed_runs_end_clean(corpus, tmp_path / "killed.db", expected, expected_kb)


def assert_killed_runs_end_clean(
    corpus: Path,
    db: Path | str,
    expected: dict[str, list[str]],
    expected_kb: dict[str, list[tuple[object, ...]]],
) -> None:
    """Kill ingests of ``corpus`` into ``db`` KILLS times, finish, and compare with a clean
    run (the SQLite and the PostgreSQL crash tests share it)."""
    killed, progress = killed_and_finished(corpus, db, KILLS)
    print(f"{killed} of {KILLS} runs killed; documents stored after each: {progress}")  # -rA
    assert problems(db) == []
    assert stored(db) == expected  # every document once, each with a clean run's facts
    assert kb_difference(knowledge_base(db), expected_kb) == {}
    assert killed >= KILLS - 1, f"only {killed} of {KILLS} runs were still running when killed"
    amid = [n for n in progress if 0 < n < DOCUMENTS]
    assert len(set(amid)) >= KILLS // 2, f"too few kills landed amid the writes: {progress}"


def test_two_ingests_into_one_file_lose_nothing(clean: Clean, tmp_path: Path) -> None:
    corpus, expected, expected_kb = clean
    db = tmp_path / "shared.db"
    two_at_once(corpus, db)
    assert problems(db) == []
    assert stored(db) == expected
    assert kb_difference(knowledge_base(db), expected_kb) == {}


def test_a_writer_that_waits_too_long_says_why_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", count=5)
    db = tmp_path / "busy.db"
    Store(str(db)).close()
    monkeypatch.setattr(dialect, "BUSY_TIMEOUT_S", 0.2)
    monkeypatch.setattr(sys, "argv", ["bilat", "ingest", str(corpus), "--db", str(db)])
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is amid a write, and stays there
    try:
        with pytest.raises(SystemExit) as exit_status:
            main()
    finally:
        other.execute("ROLLBACK")
        other.close()
    [line] = capsys.readouterr().err.strip().splitlines()
    assert exit_status.value.code == 1
    assert line.startswith(f"error: sqlite:///{db}: cannot ") and "database is locked" in line
    assert "another process (an ingest, a curation on the dashboard) kept writing" in line
    assert "over 0.2 s" in line and "run the command again" in line
    assert problems(db) == [] and stored(db) == {}
