"""The Dask ingest gives the same store as the local one, and is idempotent too."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.pipeline import ingest
from bilat.scale import expand, ingest_distributed
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


def test_expand_lists_files_of_folders(corpus: Path) -> None:
    assert expand([corpus]) == [(str(corpus), name) for name in sorted(ARTICLES)]


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
@pytest.mark.usefixtures("dask")
def test_distributed_matches_local(corpus: Path, tmp_path: Path, scheduler: str) -> None:
    with Store(str(tmp_path / "local.db")) as store:
        local = ingest([corpus], store)
        local_facts = store.count_facts()
    url = str(tmp_path / f"dask-{scheduler}.db")
    report = ingest_distributed([corpus], url, scheduler=scheduler, partitions=2)
    assert (report.read, report.added, report.facts) == (local.read, local.added, local.facts)
    assert [s.input for s in report.skipped] == [s.input for s in local.skipped]
    with Store(url) as store:
        assert store.count_facts() == local_facts
    again = ingest_distributed([corpus], url, scheduler=scheduler, partitions=2)
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
    report = ingest_distributed([corpus], url, scheduler="synchronous", partitions=2)
    assert [str(s) for s in report.skipped] == [str(s) for s in local.skipped]
    assert (report.read, report.added) == (local.read, local.added)
    with Store(url) as store:
        assert sorted(d.name for d in store.documents()) == local_names
    assert "more/e.txt" in local_names
