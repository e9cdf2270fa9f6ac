"""The pipeline writes analysed documents in batches, each in one transaction; a document
the store refuses gets its line and the rest of its batch lands."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from bilat import pipeline
from bilat.errors import StoreError
from bilat.model import Document, Fact
from bilat.pipeline import Processed, ingest_items
from bilat.store import Store


def analysed(document: Document) -> Processed:
    """What the NLP would give, without it: the batching is what is tested here."""
    return Processed(document, (), (), {})


def documents(n: int) -> list[Document]:
    return [
        Document(
            text=f"Сводка номер {i}: склады региона приняли {i * 7} контейнеров.",
            source="test",
            name=f"n{i}.txt",
            kind="txt",
        )
        for i in range(n)
    ]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(pipeline, "process_safely", analysed)
    monkeypatch.setattr(pipeline, "WRITE_INTERVAL_S", 3600.0)  # batches by count alone
    with Store(str(tmp_path / "batches.db")) as opened:
        yield opened


def test_documents_are_written_a_batch_a_transaction(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    add_many = store.add_many

    def counted(entries: Any) -> list[bool]:
        given = list(entries)
        sizes.append(len(given))
        return add_many(given)

    monkeypatch.setattr(store, "add_many", counted)
    docs = documents(120)
    # the same text twice in the first batch: passed over by the store, not by the reader
    report = ingest_items([*docs[:10], docs[3], *docs[10:]], store, batch=50)
    assert sizes == [50, 50, 21]
    assert (report.read, report.added, report.duplicates) == (121, 120, 1)
    assert store.count_documents() == 120


def test_a_document_the_store_refuses_gets_its_line_and_the_batch_lands(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents(10)
    add = store.add

    def refusing_batches(entries: Any) -> list[bool]:
        raise StoreError(f"{store.where}: cannot store 10 documents: constraint failed")

    def refusing_one(document: Document, facts: Sequence[Fact], mentions: Any = ()) -> bool:
        if document.name == "n4.txt":
            raise StoreError(f"{store.where}: cannot store document n4.txt: value too long")
        return add(document, facts, mentions)

    monkeypatch.setattr(store, "add_many", refusing_batches)
    monkeypatch.setattr(store, "add", refusing_one)
    seen: list[str] = []
    report = ingest_items(docs, store, on_item=lambda item: seen.append(_name(item)))
    assert [str(s) for s in report.skipped] == [
        f"n4.txt: not stored: {store.where}: cannot store document n4.txt: value too long"
    ]
    assert report.added == 9 and store.count_documents() == 9
    assert seen == [d.name for d in docs]  # every document told once, in order


def test_a_failing_database_stops_the_ingest(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def down(*args: Any) -> Any:
        raise StoreError(f"{store.where}: cannot store: connection refused")

    monkeypatch.setattr(store, "add_many", down)
    monkeypatch.setattr(store, "add", down)
    with pytest.raises(StoreError, match="connection refused"):
        ingest_items(documents(5), store)


def _name(item: Any) -> str:
    return str(getattr(getattr(item, "document", item), "name", ""))
