"""Commands that read inputs: demo, ingest, extract."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from bilat.bench import Throughput
from bilat.cli import DEFAULT_DB, EXIT_SKIPPED, DbOption, app, console, err, render
from bilat.model import Skipped
from bilat.pipeline import IngestReport, Processed
from bilat.store import Store


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )


def _advance(progress: Progress, task: TaskID, description: str) -> None:
    """One more item done; a feed behind a URL, counted as one, may give more."""
    progress.advance(task)
    done = next(t for t in progress.tasks if t.id == task)
    total = max(done.total or 0, done.completed)
    progress.update(task, description=description, total=total)


@app.command()
def ingest(
    # str, not Path: a Path folds "http://" into "http:/" and the URL is lost
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders or URLs.")] = None,
    urls: Annotated[Path | None, typer.Option("--urls", help="A file of URLs, one a line.")] = None,
    db: DbOption = DEFAULT_DB,
    jobs: Annotated[int, typer.Option(help="Worker processes (each loads the models).")] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Run on Dask: 'local' (a cluster of --jobs worker processes), 'processes', "
            "'threads' or a scheduler address tcp://host:8786."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="The address of a running dask-scheduler (the same as --dask ADDR)."),
    ] = None,
) -> None:
    """Read, analyse and store articles.  Example: bilat ingest news/ --db bilat.db"""
    if dask or scheduler:
        if urls:
            raise typer.BadParameter("--urls is read locally; fetch them without --dask")
        _ingest_on_dask([str(p) for p in paths or []], db, scheduler or dask or "", jobs)
    with Store(db) as store:
        report = _run_ingest([str(p) for p in paths or []], store, urls, jobs)
        _update_knowledge_base(store)
    _print_report(report, db)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _ingest_on_dask(inputs: list[str], db: str, scheduler: str, jobs: int) -> NoReturn:
    from bilat.scale import ingest_distributed

    workers = jobs if jobs > 1 else None  # dask's own default: one per core
    report = ingest_distributed(inputs, db, scheduler=scheduler, workers=workers)
    with Store(db) as store:
        _update_knowledge_base(store)
    for skipped in report.skipped:
        err.print(f"[yellow]skipped[/] {skipped}")
    _print_report(report, db)
    raise typer.Exit(EXIT_SKIPPED if report.skipped else 0)


def _run_ingest(inputs: list[str], store: Store, urls: Path | None, jobs: int) -> IngestReport:
    from bilat.pipeline import ingest as run
    from bilat.sources import count

    with _progress() as progress:
        task = progress.add_task("reading", total=count(inputs, urls))

        def tick(item: object) -> None:
            if isinstance(item, Skipped):
                err.print(f"[yellow]skipped[/] {item}")
            _advance(progress, task, _describe(item))

        return run(inputs, store, urls_file=urls, jobs=jobs, on_item=tick)


def _update_knowledge_base(store: Store) -> None:
    """Consolidate what the new documents touched, now, so that no view does it on a read."""
    from bilat.kb.incremental import update

    with console.status("consolidating"):
        update(store)


def _describe(item: object) -> str:
    name = getattr(getattr(item, "document", item), "name", "")
    return f"{name[:40]:40}"


def _print_report(report: IngestReport, db: str) -> None:
    console.print(
        f"{report.read} read, [green]{report.added} added[/] "
        f"({report.facts} facts), {report.duplicates} already stored, "
        f"{len(report.skipped)} skipped → {db}"
    )
    if report.read and not report.added and report.duplicates == report.read:
        console.print("nothing new: every document was already in the database")


DEMO_OFFICIAL = "official_sample.csv"  # made-up official figures for the demo pairs


@app.command()
def demo(db: DbOption = DEFAULT_DB) -> None:
    """Ingest the demo corpus that ships with bilat, with its sample of official figures,
    and print what it found."""
    from bilat.cli.official import print_import
    from bilat.kb.official import import_table
    from bilat.sources import demo_path

    started = time.perf_counter()
    with Store(db) as store:
        report = _run_ingest([str(demo_path())], store, None, 1)
        _update_knowledge_base(store)
        _print_report(report, db)
        print_import(import_table(store, demo_path() / DEMO_OFFICIAL), db)
        console.print(summary_table(store))
        console.print(pairs_table(store))
    console.print(
        f"done in {time.perf_counter() - started:.1f} s; try: bilat facts --db {db}, "
        f"bilat dossier KZ RU-BA --db {db}"
    )


def summary_table(store: Store) -> Table:
    table = Table(title="Что найдено")
    table.add_column("что")
    table.add_column("сколько", justify="right")
    table.add_row("документы", str(store.count_documents()))
    for kind, count in sorted(store.count_facts().items()):
        table.add_row(f"факты: {kind}", str(count))
    return table


def pairs_table(store: Store) -> Table:
    table = Table(title="Самые частые пары")
    for column in ("сторона", "сторона", "фактов"):
        table.add_column(column)
    for a, b, count in store.top_pairs(10):
        table.add_row(a, b, str(count))
    return table


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Files, folders or URLs.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl or table.")] = "jsonl",
    explain: Annotated[
        bool, typer.Option(help="Show the rule and tokens behind each fact.")
    ] = False,
) -> None:
    """Print facts without touching a database.  Example: bilat extract a.txt --format table"""
    from bilat.pipeline import process_many
    from bilat.sources import read_many

    skipped = 0
    for result in process_many(read_many([str(f) for f in files])):
        if isinstance(result, Skipped):
            skipped += 1
            err.print(f"[yellow]skipped[/] {result}")
            continue
        _print_extracted(result, format, explain)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _print_extracted(result: Processed, format: str, explain: bool) -> None:
    if explain:
        console.rule(result.document.name)
        for fact in result.facts:
            render.explain(console, fact)
    elif format == "table":
        console.print(
            render.facts_table(result.record["facts"], title=result.document.name, source=False)
        )
    elif format == "jsonl":
        print(render.jsonl([result.record]), end="")
    else:
        raise typer.BadParameter(f"unknown format '{format}' (expected jsonl or table)")


@app.command()
def bench(
    limit: Annotated[int, typer.Option(help="How many texts to time.")] = 120,
    shared: Annotated[
        Path | None, typer.Option(help="The shared/ folder (found if beside).")
    ] = None,
) -> None:
    """Throughput of full extraction next to natasha alone, and dev-set scores.

    Example: bilat bench --limit 60
    """
    from bilat import bench as b

    shared = shared or b.find_shared()
    documents = b.bench_texts(shared, limit)
    err.print(
        f"timing {len(documents)} texts ({b.bench_source(shared)}), best of {b.ROUNDS} runs each …"
    )
    with _progress() as progress:
        stage = _stages(progress)
        b.warm_up(b.bench_texts(shared, b.WARM_UP_TEXTS, b.FACTRU_WARM), stage)
        alone, full = b.compare(documents, stage=stage)
        scores = b.dev_scores(shared, stage) if shared else None
    console.print(_bench_table(alone, full))
    console.print(f"ratio full / natasha: [bold]{full.chars_per_s / alone.chars_per_s:.2f}[/]")
    console.print(f"gazetteer load: {b.gazetteer_load_seconds() * 1000:.0f} ms")
    if scores:
        console.print("dev set (shared/eval/score.py):")
        console.print(scores, markup=False)


def _stages(progress: Progress) -> Callable[[str, int], Callable[[], None]]:
    """Each stage of bench a line that stays (in a log too) and a bar while it runs."""
    shown: list[TaskID] = []

    def stage(label: str, total: int) -> Callable[[], None]:
        for task in shown:
            progress.remove_task(task)
        shown[:] = [progress.add_task(label, total=total)]
        progress.console.print(f"{label}: {total} texts …")
        return lambda: progress.advance(shown[0])

    return stage


def _bench_table(*rows: Throughput) -> Table:
    table = Table(title="throughput")
    for column in ("pipeline", "docs", "chars", "seconds", "docs/s", "chars/s", "peak RSS MB"):
        table.add_column(column, justify="right" if column != "pipeline" else "left")
    for r in rows:
        table.add_row(
            r.name,
            str(r.documents),
            str(r.characters),
            f"{r.seconds:.2f}",
            f"{r.docs_per_s:.1f}",
            f"{r.chars_per_s:,.0f}",
            f"{r.peak_rss_mb:.0f}",
        )
    return table
