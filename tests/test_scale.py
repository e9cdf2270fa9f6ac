"""The Dask ingest: streamed partitions, the same store as the local run, retries that
store nothing twice."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_corpus import FailsOnce, article, document_ids, fact_ids, write_corpus

from bilat import pipeline
from bilat.model import Document
from bilat.pipeline import ingest, process
from bilat.scale import ingest_distributed, ingest_partitions, partitions
from bilat.scale.pieces import Given, InFolder, Lines
from bilat.scale.runners import IN_FLIGHT_PER_WORKER
from bilat.sources.files import folder_files, read_file
from bilat.store import Store

ARTICLES = {
    "a.txt": "Товарооборот России и Казахстана в 2024 году составил 27 млрд долларов.",
    "b.txt": "Экспорт из Узбекистана в Китай в 2024 году вырос на 12%, сообщили в министерстве.",
    "c.txt": "В Омске прошёл форум. Стороны обсудили логистику и подписали меморандум о "
    "сотрудничестве между Омской областью и Павлодарской областью.",
    "d.txt": "",  # empty: skipped with a reason, the rest goes on
}


@pytest.fixture
def dask() -> None:
    """The Dask runs need the 'scale' extra; without it they skip and say so."""
    pytest.importorskip(
        "dask.bag", reason="needs dask, the 'scale' extra: pip install 'bilat[scale]'"
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# -- cutting inputs into partitions ----------------------------------------------------


def test_a_folder_is_cut_into_its_files(corpus: Path) -> None:
    (corpus / "README.md").write_text("# Подборка статей", encoding="utf-8")
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "x.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    (corpus / "more").mkdir()
    (corpus / "more" / "e.txt").write_text(ARTICLES["b.txt"], encoding="utf-8")
    parts = list(partitions([corpus], per_partition=2))
    assert [len(part) for part in parts] == [2, 2, 1]
    names = sorted(piece.name for part in parts for piece in part if isinstance(piece, InFolder))
    assert names == folder_files(corpus) == ["a.txt", "b.txt", "c.txt", "d.txt", "more/e.txt"]


def test_inputs_are_taken_only_as_partitions_are_needed(tmp_path: Path) -> None:
    """An endless stream of inputs still gives its first partitions."""
    path = tmp_path / "a.txt"
    path.write_text(ARTICLES["a.txt"], encoding="utf-8")
    taken = 0

    def endless() -> Iterator[Path]:
        nonlocal taken
        while True:
            taken += 1
            yield path

    first_two = list(itertools.islice(partitions(endless(), per_partition=3), 2))
    assert first_two == [(Given(str(path)),) * 3] * 2
    assert taken == 6


JSONL_LINES = [
    '{"id": "k1", "text": "Товарооборот России и Казахстана вырос до 27 млрд долларов."}',
    "",
    '{"text": "Экспорт Узбекистана в Китай вырос на 12% в 2024 году."}',
    "{broken",
    '{"title": "без текста"}',
    '{"text": "Форум в Омске: подписан меморандум с Павлодарской областью."}',
    '{"text": "Армения и Иран обсудили поставки зерна на 40 млн долларов."}',
]


@pytest.mark.parametrize("lines", [1, 2, 3, 100])
def test_a_jsonl_file_is_cut_into_runs_of_lines_read_as_the_whole(
    tmp_path: Path, lines: int
) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(JSONL_LINES).encode("utf-8"))
    parts = list(partitions([path], per_partition=lines))
    assert all(isinstance(piece, Lines) for part in parts for piece in part)
    assert len(parts) == -(-len(JSONL_LINES) // lines)
    sliced = [str(item) for part in parts for piece in part for item in piece.read()]
    whole = [str(item) for item in read_file(path, name=path.name, explicit=True)]
    assert sliced == whole
    assert len(whole) == 6 and "dump.jsonl:4" in whole[2]


def test_an_empty_jsonl_is_read_whole_and_says_why(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    parts = list(partitions([tmp_path / "empty.jsonl"]))
    assert parts == [(Given(str(tmp_path / "empty.jsonl")),)]
    assert "empty file" in str(next(parts[0][0].read()))


# -- running on dask's own schedulers --------------------------------------------------


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
@pytest.mark.usefixtures("dask")
def test_distributed_matches_local(corpus: Path, tmp_path: Path, scheduler: str) -> None:
    with Store(str(tmp_path / "local.db")) as store:
        local = ingest([corpus], store)
    url = str(tmp_path / f"dask-{scheduler}.db")
    report = ingest_distributed([corpus], url, scheduler=scheduler, per_partition=2)
    assert (report.read, report.added, report.facts) == (local.read, local.added, local.facts)
    assert [s.input for s in report.skipped] == [s.input for s in local.skipped]
    assert fact_ids(url) == fact_ids(str(tmp_path / "local.db"))
    again = ingest_distributed([corpus], url, scheduler=scheduler, per_partition=2)
    assert (again.added, again.duplicates) == (0, local.added)


@pytest.mark.usefixtures("dask")
def test_nothing_to_do(tmp_path: Path) -> None:
    assert ingest_distributed([], str(tmp_path / "x.db")).read == 0


@pytest.mark.usefixtures("dask")
def test_distributed_reads_a_folder_as_the_plain_run_does(corpus: Path, tmp_path: Path) -> None:
    """Sidecar files (notes, spreadsheets, hidden files) are passed over by both runs, and
    a file in a subfolder keeps its folder-relative name."""
    (corpus / "README.md").write_text(
        "# Подборка\n\nСтатьи о торговле России и Казахстана, собранные для проверки.",
        encoding="utf-8",
    )
    (corpus / "meta.csv").write_text("name,date\na.txt,2025-01-01\n", encoding="utf-8")
    (corpus / ".DS_Store").write_bytes(b"\x00\x01")
    (corpus / "more").mkdir()
    (corpus / "more" / "e.txt").write_text(ARTICLES["a.txt"].replace("27", "28"), encoding="utf-8")
    with Store(str(tmp_path / "local.db")) as store:
        local = ingest([corpus], store)
        local_names = sorted(d.name for d in store.documents())
    url = str(tmp_path / "dask.db")
    report = ingest_distributed([corpus], url, scheduler="synchronous", per_partition=2)
    assert sorted(map(str, report.skipped)) == sorted(map(str, local.skipped))
    assert (report.read, report.added) == (local.read, local.added)
    with Store(url) as store:
        assert sorted(d.name for d in store.documents()) == local_names
    assert "more/e.txt" in local_names


@pytest.mark.usefixtures("dask")
def test_inputs_stream_through_a_bounded_window(tmp_path: Path) -> None:
    """How far the inputs were taken, against how many documents are stored, never runs
    further ahead than the partitions in flight."""
    folder = write_corpus(tmp_path / "news", 30)
    url = str(tmp_path / "s.db")
    ahead: list[int] = []

    def inputs() -> Iterator[Path]:
        with Store(url) as store:
            for n, path in enumerate(sorted(folder.iterdir()), start=1):
                ahead.append(n - store.count_documents())
                yield path

    report = ingest_distributed(inputs(), url, scheduler="synchronous", workers=1, per_partition=2)
    assert report.added == 30
    window = 1 * IN_FLIGHT_PER_WORKER * 2  # partitions in flight × documents a partition
    assert len(ahead) == 30 and max(ahead) <= window + 1 < 30


@pytest.mark.usefixtures("dask")
def test_a_partition_that_fails_once_is_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "WRITE_BATCH", 1)  # so that the failed try stored one
    folder = write_corpus(tmp_path / "news", 4)
    files = tuple(InFolder(str(folder), name) for name in folder_files(folder))
    url = str(tmp_path / "r.db")
    flaky = FailsOnce(files, marker=str(tmp_path / "failed"))
    report = ingest_partitions([(flaky,)], url, scheduler="synchronous")
    assert (tmp_path / "failed").exists()
    assert (report.added, report.duplicates) == (3, 1)  # the first try stored one
    assert document_ids(url) == sorted(doc.id for piece in files for doc in piece.read())


@pytest.mark.usefixtures("dask")
def test_a_partition_that_keeps_failing_fails_the_run(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "news", 2)
    files = tuple(InFolder(str(folder), name) for name in folder_files(folder))
    flaky = FailsOnce(files, marker=str(tmp_path / "failed"))
    with pytest.raises(RuntimeError, match="fails once"):
        ingest_partitions([(flaky,)], str(tmp_path / "r.db"), scheduler="synchronous", retries=0)


def test_article_texts_differ() -> None:
    assert len({article(n) for n in range(300)}) == 300


@pytest.mark.usefixtures("dask")
def test_the_cli_runs_on_dask(corpus: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from bilat.cli import EXIT_SKIPPED, app

    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", db, "--dask", "synchronous"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "3 added" in result.output and "empty file" in result.output
    with Store(db) as store:
        assert store.count_documents() == 3


def test_workers_writing_the_same_document_at_once_store_it_once(tmp_path: Path) -> None:
    """Two writers (two engines, as two workers have) race on one document: one stores it,
    the other is told it is there, and nothing is half-written."""
    url = str(tmp_path / "race.db")
    Store(url).close()
    document = Document(text=article(7), source="race", name="race", kind="txt")
    processed = process(document)
    start = threading.Barrier(4)
    outcomes: list[bool] = []

    def write() -> None:
        with Store(url) as store:
            start.wait()
            outcomes.append(store.add(processed.document, processed.facts, processed.mentions))

    writers = [threading.Thread(target=write) for _ in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert sorted(outcomes) == [False, False, False, True]
    with Store(str(tmp_path / "alone.db")) as alone:
        assert alone.add(processed.document, processed.facts, processed.mentions)
    assert document_ids(url) == [document.id]
    assert fact_ids(url) == fact_ids(str(tmp_path / "alone.db")) != set()
