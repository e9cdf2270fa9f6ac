"""``bilat watch``: sources that bilat reads again and again, each time only what is new."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress, TaskID
from rich.table import Table

from bilat import watch as w
from bilat.cli import DEFAULT_DB, DbOption, app, console, err
from bilat.cli.commands import _advance, _describe, _progress
from bilat.store import Store

watch_app = typer.Typer(
    help="Watched sources: feeds, folders and Telegram exports read again for what is new.",
    no_args_is_help=True,
)
app.add_typer(watch_app, name="watch")

EXIT_FAILED = 3  # a source could not be read; the others ran


@watch_app.command("add")
def add(
    target: Annotated[str, typer.Argument(help="A feed URL, a folder or a result.json.")],
    every: Annotated[str, typer.Option(help="How often: 30m, 1h, 1h30m, 1d.")] = w.DEFAULT_EVERY,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Watch a source.  Example: bilat watch add https://example.org/rss --every 1h"""
    with Store(db) as store:
        added = w.watch(store, target, every)
    console.print(
        f"watching {added.kind} {escape(added.target)} as source {added.id}, "
        f"every {w.format_every(added.every_s)}; read it now with: bilat watch run --once",
        soft_wrap=True,
    )


@watch_app.command("list")
def list_(db: DbOption = DEFAULT_DB) -> None:
    """The watched sources and their last runs.  Example: bilat watch list"""
    with Store(db) as store:
        watched = w.sources(store)
        last = {r.source_id: r for r in reversed(w.history(store, limit=len(watched) * 50))}
    if not watched:
        console.print("nothing is watched yet; add a source with: bilat watch add FEED_URL")
        return
    table = Table()
    for column in ("id", "kind", "source", "every", "last run", "result"):
        table.add_column(column)
    for s in watched:
        run = last.get(s.id)
        table.add_row(
            str(s.id),
            s.kind,
            s.target,
            w.format_every(s.every_s),
            s.last_run_at or "never",
            run.summary() if run else "",
        )
    console.print(table)


@watch_app.command("remove")
def remove(
    source_id: Annotated[int, typer.Argument(metavar="ID", help="As `bilat watch list` shows.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Stop watching a source (its documents stay).  Example: bilat watch remove 2"""
    with Store(db) as store:
        gone = w.remove_source(store, source_id)
    console.print(f"no longer watching {gone.kind} {escape(gone.target)}", soft_wrap=True)


@watch_app.command("run")
def run(
    once: Annotated[bool, typer.Option("--once", help="Run every source once and exit.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Read what is new in each source when it is due, until Ctrl-C; --once runs each once.

    Example: bilat watch run --once
    """
    with Store(db) as store, _progress() as progress:
        hooks = _hooks(progress)
        if once:
            records = w.run_all(store, hooks)
            if not records:
                err.print("nothing is watched yet; add a source with: bilat watch add FEED_URL")
            if any(r.error for r in records):
                raise typer.Exit(EXIT_FAILED)
            return
        err.print("watching; Ctrl-C stops")
        try:
            w.run_forever(store, hooks)
        except KeyboardInterrupt:
            progress.stop()
            err.print("stopped")


def _hooks(progress: Progress) -> w.Hooks:
    """A bar per source while it runs, then its one line."""
    current: list[TaskID] = []

    def start(source: w.WatchedSource, total: int) -> None:
        current[:] = [progress.add_task(f"#{source.id}", total=total)]

    def item(done: object) -> None:
        if current:
            _advance(progress, current[0], _describe(done))

    def done(source: w.WatchedSource, record: w.RunRecord) -> None:
        for task in current:
            progress.remove_task(task)
        current.clear()
        color = "red" if record.error else "green" if record.new else "default"
        line = escape(f"{source.kind} {source.target}: ")
        console.print(
            f"#{source.id} {line}[{color}]{escape(record.summary())}[/]",
            highlight=False,
            soft_wrap=True,
        )

    return w.Hooks(on_start=start, on_item=item, on_done=done)
