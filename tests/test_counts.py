"""The counts the writes keep (documents, facts, the knowledge base's documents) equal the
tables' rows after every kind of write; a database without them is counted."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, func, select
from test_kb import fill
from test_web_api import documents as sample_documents

from bilat import kb
from bilat.store import Store
from bilat.store.schema import COUNTED, counts


def counted(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in COUNTED.items()
        }


def test_kept_counts_follow_every_write(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "counts.db"))
    assert store.counts() == counted(store) == {"documents": 0, "facts": 0, "kb_documents": 0}
    entries = list(sample_documents())
    store.add(*entries[0])
    assert store.add(*entries[0]) is False  # stored before: nothing counted twice
    store.add_many([*entries, entries[1]])  # one given twice, one stored before
    fill(store, rival=True)
    assert store.counts() == counted(store)
    assert store.counts()["documents"] == len(entries) + 4 and store.counts()["facts"] > 10
    kb.update(store)
    assert store.counts() == counted(store) and store.counts()["kb_documents"] > 0
    kb.rebuild(store)
    assert store.counts() == counted(store)
    store.close()


def test_a_database_without_its_counts_is_counted(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "counts.db"))
    fill(store)
    with store.engine.begin() as conn:
        conn.execute(delete(counts))
    assert store.counts() == counted(store) and store.count_documents() == 3
    store.close()
