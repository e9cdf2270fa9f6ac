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

KILLS = int(os.environ.get("BILAT_CRASH_KILLS", "5"))
DOCUMENTS = 400
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


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from bilat.cli import main; main()",
        "ingest",
        str(corpus),
        "--db",
        str(db),
    ]


def run_to_the_end(corpus: Path, db: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(ingest_command(corpus, db), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def stored(db: Path) -> dict[str, list[str]]:
    """Each stored document with its facts, as the rows say them (ids left out)."""
    with sqlite3.connect(db) as conn:
        docs = {row[0]: [] for row in conn.execute("SELECT id FROM documents")}
        for doc_id, kind, fields in conn.execute("SELECT doc_id, type, data FROM facts"):
            docs[doc_id].append(f"{kind} {fields}")
    return {doc: sorted(facts) for doc, facts in docs.items()}


def problems(db: Path) -> list[str]:
    """integrity_check, then rows that point at nothing."""
    with sqlite3.connect(db) as conn:
        found = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        orphans = {
            "facts": "SELECT count(*) FROM facts WHERE doc_id NOT IN (SELECT id FROM documents)",
            "mentions": (
                "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)"
            ),
            "fact_parties": (
                "SELECT count(*) FROM fact_parties WHERE fact_id NOT IN (SELECT id FROM facts)"
            ),
        }
        for table, query in orphans.items():
            count = conn.execute(query).fetchone()[0]
            if count:
                found.append(f"{count} orphan rows in {table}")
    return found


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    folder = tmp_path_factory.mktemp("crash")
    corpus = write_corpus(folder / "corpus.jsonl")
    db = folder / "clean.db"
    run_to_the_end(corpus, db)
    return corpus, stored(db)


def test_killed_ingests_leave_what_a_clean_run_leaves(
    clean: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    corpus, expected = clean
    assert len(expected) == DOCUMENTS
    db = tmp_path / "killed.db"
    rng = random.Random(SEED)
    progress = []
    for _ in range(KILLS):
        process = subprocess.Popen(
            ingest_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(2.0, 9.0))  # during the model load, or amid the writes
        process.send_signal(signal.SIGKILL)
        process.wait()
        if db.exists():
            assert problems(db) == []
            progress.append(len(stored(db)))
    run_to_the_end(corpus, db)
    assert problems(db) == []
    assert stored(db) == expected  # every document once, each with a clean run's facts
    assert any(0 < n < DOCUMENTS for n in progress), f"no kill landed amid the writes: {progress}"


def test_two_ingests_into_one_file_lose_nothing(
    clean: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    corpus, expected = clean
    db = tmp_path / "shared.db"
    both = [
        subprocess.Popen(ingest_command(corpus, db), stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for process in both:
        _, err = process.communicate(timeout=900)
        assert process.returncode == 0, err[-2000:]
    assert problems(db) == []
    assert stored(db) == expected
