"""``--jobs N``: documents stream through the process pool in bounded memory, and the
store is the one a single process makes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from scale_corpus import article, document_ids, fact_ids, write_corpus

from bilat.model import Document, Skipped
from bilat.pipeline import IN_FLIGHT_PER_JOB, Processed, ingest, ingest_items, process_many
from bilat.store import Store

COUNT = 40


def test_jobs_take_documents_only_a_window_ahead_of_results() -> None:
    taken = 0

    def documents() -> Iterator[Document | Skipped]:
        nonlocal taken
        for n in range(COUNT):
            taken += 1
            if n == 5:
                yield Skipped(f"bad-{n}", "unreadable")  # passed through in its place
            yield Document(text=article(n), source="gen", name=f"n{n}", kind="txt")

    ahead: list[int] = []
    results = []
    for done, result in enumerate(process_many(documents(), jobs=2), start=1):
        ahead.append(taken - done)
        results.append(result)
    window = 2 * IN_FLIGHT_PER_JOB
    assert max(ahead) <= window < COUNT
    assert [getattr(r, "input", None) or r.document.name for r in results][4:8] == [
        "n4",
        "bad-5",
        "n5",
        "n6",
    ]
    assert all(isinstance(r, Processed) and r.facts for r in results if r != results[5])


def test_jobs_2_store_what_jobs_1_stores(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "news", 12)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    reports = {}
    for jobs in (1, 2):
        with Store(str(tmp_path / f"j{jobs}.db")) as store:
            reports[jobs] = ingest([folder], store, jobs=jobs)
    one, two = reports[1], reports[2]
    assert (
        (two.read, two.added, two.facts) == (one.read, one.added, one.facts) == (12, 12, one.facts)
    )
    assert [str(s) for s in two.skipped] == [str(s) for s in one.skipped] != []
    assert fact_ids(str(tmp_path / "j2.db")) == fact_ids(str(tmp_path / "j1.db")) != set()
    assert document_ids(str(tmp_path / "j2.db")) == document_ids(str(tmp_path / "j1.db"))


def test_the_same_text_twice_in_a_window_is_stored_once(tmp_path: Path) -> None:
    twice = [Document(text=article(1), source="gen", name=name, kind="txt") for name in "ab"]
    with Store(str(tmp_path / "t.db")) as store:
        report = ingest_items(iter(twice), store, jobs=2)
        assert (report.read, report.added, report.duplicates) == (2, 1, 1)
        assert [d.name for d in store.documents()] == ["a"]
