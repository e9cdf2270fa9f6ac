"""The Dask ingest on a distributed LocalCluster of two worker processes: the same store
as one process, one model load per worker, and a killed worker's partition run again
with nothing stored twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scale_corpus import FailsOnce, document_ids, fact_ids, write_corpus

from bilat import pipeline
from bilat.pipeline import ingest
from bilat.scale import ingest_distributed, ingest_partitions, partitions
from bilat.scale.pieces import InFolder
from bilat.scale.runners import on_client
from bilat.sources.files import folder_files
from bilat.store import Store

pytest.importorskip(
    "distributed", reason="needs dask.distributed, the 'scale' extra: pip install 'bilat[scale]'"
)

DOCUMENTS = 24


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as made,
    ):
        yield made


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("scale") / "news", DOCUMENTS)


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = str(tmp_path_factory.mktemp("local") / "local.db")
    with Store(url) as store:
        assert ingest([corpus], store).added == DOCUMENTS
    return url


def test_two_workers_store_what_one_process_stores(
    client: Any, corpus: Path, one_process: str, tmp_path: Path
) -> None:
    url = str(tmp_path / "cluster.db")
    report = ingest_distributed([corpus], url, scheduler=client, per_partition=3)
    assert (report.read, report.added, report.skipped) == (DOCUMENTS, DOCUMENTS, [])
    assert fact_ids(url) == fact_ids(one_process)
    assert len(fact_ids(url)) > DOCUMENTS  # the corpus has facts to compare
    assert document_ids(url) == document_ids(one_process)


def test_each_worker_loads_the_pipeline_once(client: Any, corpus: Path, tmp_path: Path) -> None:
    url = str(tmp_path / "loads.db")
    Store(url).close()  # the schema, made before the workers start, as ingest_distributed does
    parts = partitions([corpus], per_partition=2)
    summaries = list(on_client(client, parts, url, retries=0))
    assert len(summaries) == DOCUMENTS // 2
    loads = {pid: count for pid, count in (s["worker"] for s in summaries)}
    # twelve partitions ran in the two worker processes, each loading the models once
    assert len(loads) <= 2 and set(loads.values()) == {1}, loads
    assert sum(s["added"] for s in summaries) == DOCUMENTS


def test_a_killed_worker_s_partition_is_run_again(
    client: Any, corpus: Path, one_process: str, tmp_path: Path
) -> None:
    names = folder_files(corpus)
    files = [InFolder(str(corpus), name) for name in names]
    dies = FailsOnce(tuple(files[:4]), marker=str(tmp_path / "killed"), kill=True)
    parts = [(dies,)] + [tuple(files[n : n + 4]) for n in range(4, DOCUMENTS, 4)]
    url = str(tmp_path / "killed.db")
    client.run(_write_batch, 1)  # each document its own batch: the lost attempt stored one
    try:
        report = ingest_partitions(parts, url, scheduler=client)
    finally:
        client.run(_write_batch, pipeline.WRITE_BATCH)
    assert (tmp_path / "killed").exists()  # the worker did die in the middle of a partition
    # the lost attempt's report is lost with its worker; what it stored counts as stored
    assert (report.read, report.added, report.duplicates) == (DOCUMENTS, DOCUMENTS - 1, 1)
    assert document_ids(url) == document_ids(one_process)
    assert fact_ids(url) == fact_ids(one_process)


def _write_batch(size: int) -> None:
    """Run on each worker: how many documents its ingest writes a transaction."""
    from bilat import pipeline

    pipeline.WRITE_BATCH = size


def test_the_cli_uses_a_running_scheduler(
    client: Any, corpus: Path, one_process: str, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from bilat.cli import app

    db = str(tmp_path / "cli.db")
    address = client.scheduler.address
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", db, "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert f"{DOCUMENTS} added" in result.output
    assert fact_ids(db) == fact_ids(one_process)
