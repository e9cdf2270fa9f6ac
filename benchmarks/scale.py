"""bilat at scale, in one table: ingest throughput on 1 and 2 Dask workers, store size, and
p50/p95 of the dossier, search, facts and overview calls on stores of generated news.

    .venv/bin/python benchmarks/scale.py --sizes 1000,10000          # minutes
    .venv/bin/python benchmarks/scale.py                             # 10k and 100k, both dbs
    .venv/bin/python benchmarks/scale.py --sizes 10000,100000 --pg-only-sizes 1000000

Corpora come from ``bilat.scale_corpus`` (kept in --workdir and reused). Throughput is the
real ingest (NLP, extraction, store) through ``bilat ingest --dask``'s path on a local
``distributed.LocalCluster``, models loaded before the clock starts. The latency stores
are bulk-loaded from the corpus's intended figures WITHOUT the NLP stage (one turnover
fact a news article; the table says so), then served by the app ``bilat serve`` runs
(findings refreshed in the background), called in-process through FastAPI's TestClient.
PostgreSQL: --pg URL, or a throw-away server started from Debian's package; rows for it
say why when none can be had.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from pgserver import PostgresUnavailable, schema_url, throwaway_server

from bilat.kb import incremental, whole
from bilat.scale_corpus import write_corpus
from bilat.scale_corpus.load import bulk_load
from bilat.scale_corpus.names import countries, regions
from bilat.store import Store
from bilat.web import create_app

with warnings.catch_warnings():  # starlette asks for httpx2, which bilat does not ship
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SEED = 1
FILES = 8  # corpus files: Dask partitions its inputs by file
REQUESTS = 50  # per call and store: enough for a p95 at one request in twenty
THROUGHPUT_DOCS = 400  # NLP at ~20 documents/s a core: about half a minute a run
WORDS = ("товарооборот", "логистика", "поставки удобрения", "металлы", "туризм")


@dataclass
class Row:
    size: int
    db: str
    note: str = ""
    mb_per_1k: float | None = None
    load_s: float | None = None
    kb_s: float | None = None  # the knowledge base's rows made for the loaded documents
    first_overview_ms: float | None = None
    findings_s: float | None = None
    latency: dict[str, tuple[float, float]] | None = None  # call → (p50, p95) ms


def corpus(workdir: Path, size: int) -> Path:
    folder = workdir / f"corpus-{size}-seed{SEED}"
    if not (folder / "done").exists():
        write_corpus(size, folder, seed=SEED, files=FILES)
        (folder / "done").write_text("")
    return folder


def parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.jsonl"))


# -- ingest throughput ------------------------------------------------------------------------


def throughput(workdir: Path, url_for: Callable[[str], str], docs: int) -> dict[int, float]:
    """Documents a second of the real ingest on a local cluster of 1, then 2 workers."""
    from distributed import Client, LocalCluster

    from bilat.scale import ingest_distributed

    folder = corpus(workdir, docs)
    rates: dict[int, float] = {}
    for workers in (1, 2):
        url = url_for(f"ingest{workers}")
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
            Client(cluster) as client,
        ):
            client.run(_load_models)  # once a worker, before the clock starts
            started = time.perf_counter()
            report = ingest_distributed(
                [folder], url, scheduler=client, per_partition=max(1, docs // FILES)
            )
            rates[workers] = report.added / (time.perf_counter() - started)
    return rates


def _load_models() -> None:
    from bilat.nlp import models, search_terms

    models()
    search_terms("товарооборот")


# -- latency --------------------------------------------------------------------------------


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def timed_ms(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    response = call()
    assert response.status_code == 200, response.text[:300]
    return (time.perf_counter() - started) * 1000


def urls(rng: random.Random, n: int) -> dict[str, list[str]]:
    codes = [c.code for c in countries()] + [r.code for r in regions()]
    pairs = [rng.sample(codes, 2) for _ in range(n)]
    filters = ["", "?type=trade", "?party={a}", "?party={a}&partner={b}", "?year={y}"]
    return {
        "dossier": [f"/api/pair/{a}/{b}" for a, b in pairs],
        "search": [f"/api/search?q={rng.choice(WORDS)}&limit=20" for _ in range(n)],
        "facts": [
            f"/api/facts{rng.choice(filters)}".format(a=a, b=b, y=rng.randint(2014, 2024))
            for a, b in pairs
        ],
        "overview": ["/api/overview"] * n,
    }


def measure(store: Store, row: Row, requests: int) -> None:
    with TestClient(create_app(store, background=True)) as client:
        row.first_overview_ms = timed_ms(lambda: client.get("/api/overview"))
        started = time.perf_counter()
        whole.findings(store)  # waits for the refresh the server started
        row.findings_s = time.perf_counter() - started
        row.latency = {}
        for name, listed in urls(random.Random(SEED), requests).items():
            client.get(listed[0])  # a running server has its caches warm
            times = [timed_ms(lambda url=url: client.get(url)) for url in listed]
            row.latency[name] = percentiles(times)


def store_mb(store: Store, path: Path | None) -> float:
    if path is not None:
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20
    with store.engine.connect() as conn:
        from sqlalchemy import text

        total = conn.execute(
            text(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
            )
        ).scalar_one()
    return float(total) / 2**20


def latency_row(size: int, db: str, url: str, path: Path | None, folder: Path, n: int) -> Row:
    row = Row(size, db, note="bulk, no NLP")
    with Store(url) as store:
        started = time.perf_counter()
        if store.count_documents() < size:
            bulk_load(parts(folder), store)
        row.load_s = time.perf_counter() - started
        started = time.perf_counter()
        incremental.update(store)  # as `bilat ingest` does once its documents are stored
        row.kb_s = time.perf_counter() - started
        if db == "postgresql":
            _vacuum(store)  # as autovacuum would after a load
        row.mb_per_1k = store_mb(store, path) / size * 1000
        measure(store, row, n)
    return row


def _vacuum(store: Store) -> None:
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


# -- the table --------------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def print_table(rates: dict[int, float] | str, rows: list[Row], where: str) -> None:
    print(f"\nbilat at scale — {os.cpu_count()} cores, corpus seed {SEED}; {where}")
    if isinstance(rates, str):
        print(f"ingest throughput: {rates}")
    else:
        ratio = rates[2] / rates[1] if rates.get(1) else float("nan")
        print(
            f"ingest throughput (NLP + store, Dask LocalCluster): 1 worker {rates[1]:.1f} "
            f"docs/s, 2 workers {rates[2]:.1f} docs/s, ratio {ratio:.2f}"
        )
    calls = ("dossier", "search", "facts", "overview")
    head = f"{'docs':>8} {'db':10} {'store':>8} {'MB/1k':>6} {'load s':>7} {'kb s':>6} "
    head += f"{'1st ov ms':>9} "
    head += f"{'findings s':>10} " + " ".join(f"{c + ' p50/p95':>18}" for c in calls)
    print(head)
    for r in rows:
        cells = [
            f"{fmt(r.latency[c][0], 1)}/{fmt(r.latency[c][1], 1)}" if r.latency else "—"
            for c in calls
        ]
        print(
            f"{r.size:>8} {r.db:10} {'bulk' if not r.note.startswith('n/a') else '—':>8} "
            f"{fmt(r.mb_per_1k, 2):>6} {fmt(r.load_s):>7} {fmt(r.kb_s):>6} "
            f"{fmt(r.first_overview_ms, 1):>9} "
            f"{fmt(r.findings_s, 1):>10} " + " ".join(f"{c:>18}" for c in cells)
        )
        if r.note.startswith("n/a"):
            print(f"{'':>8} {r.note}")
    print(
        "store 'bulk': built from the generated figures without the NLP stage (one turnover "
        "fact a news article); times in ms unless said; 'kb s' makes the knowledge base's rows "
        "for the loaded documents, as `bilat ingest` does after storing them; '1st ov' is the "
        "first overview after start, 'findings' what the server's background refresh still had "
        "to do."
    )


@contextmanager
def postgres(given: str | None, workdir: Path) -> Iterator[str | PostgresUnavailable]:
    if given:
        yield given
        return
    try:
        with throwaway_server(workdir) as url:
            yield url
    except PostgresUnavailable as why:
        yield why


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="SQLite and PostgreSQL")
    parser.add_argument("--pg-only-sizes", default="", help="PostgreSQL only: 1000000")
    parser.add_argument("--throughput-docs", type=int, default=THROUGHPUT_DOCS, help="0: skip")
    parser.add_argument("--requests", type=int, default=REQUESTS)
    parser.add_argument("--pg", default=None, help="a PostgreSQL URL (default: start one)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bilat-scale")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    pg_only = [int(s) for s in args.pg_only_sizes.split(",") if s]
    with postgres(args.pg, args.workdir) as pg:
        return run(args, sizes, pg_only, pg)


def run(
    args: argparse.Namespace, sizes: list[int], pg_only: list[int], pg: str | PostgresUnavailable
) -> int:
    def pg_url(name: str) -> str:
        assert isinstance(pg, str)
        return schema_url(pg, f"bilat_{name}")

    def sqlite_url(name: str) -> str:
        return f"sqlite:///{args.workdir / (name + '.db')}"

    rates: dict[int, float] | str = "skipped (--throughput-docs 0)"
    if args.throughput_docs:
        for old in args.workdir.glob("ingest*.db*"):
            old.unlink()
        rates = throughput(
            args.workdir, pg_url if isinstance(pg, str) else sqlite_url, args.throughput_docs
        )
    rows: list[Row] = []
    for size in sorted({*sizes, *pg_only}):
        folder = corpus(args.workdir, size)
        if size in sizes:
            path = args.workdir / f"store-{size}.db"
            rows.append(
                latency_row(size, "sqlite", f"sqlite:///{path}", path, folder, args.requests)
            )
        if isinstance(pg, str):
            url = pg_url(f"store_{size}")
            rows.append(latency_row(size, "postgresql", url, None, folder, args.requests))
        else:
            rows.append(Row(size, "postgresql", note=f"n/a: {pg}"))
    where = "ingest into " + ("PostgreSQL" if isinstance(pg, str) else "SQLite")
    print_table(rates, rows, where)
    return 0


if __name__ == "__main__":
    sys.exit(main())
