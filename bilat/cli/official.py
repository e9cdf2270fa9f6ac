"""``bilat official import`` and ``bilat official list``: official statistics beside the news;
and the comparison table ``bilat dossier`` prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from bilat.cli import DEFAULT_DB, EXIT_SKIPPED, DbOption, app, console, err

if TYPE_CHECKING:
    from bilat.kb.dossier import Dossier
    from bilat.kb.official import ImportReport

official = typer.Typer(
    help="Official statistics of bilateral trade, set beside the news's figures.",
    no_args_is_help=True,
)
app.add_typer(official, name="official")


@official.command("import")
def import_table(
    file: Annotated[Path, typer.Argument(help="A CSV table of official trade.")],
    source: Annotated[
        str | None, typer.Option(help="Name of the statistics (default: the file's name).")
    ] = None,
    map: Annotated[
        Path | None, typer.Option("--map", help="A JSON header map for another layout.")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Import official trade: bilat's columns, UN Comtrade's CSV or a national office's table.

    Example: bilat official import comtrade_kz_uz.csv --source "UN Comtrade"
    """
    from bilat.kb.official import import_table as run
    from bilat.store import Store

    with Store(db) as store:
        report = run(store, file, source, map)
    print_import(report, db)
    if report.bad:
        raise typer.Exit(EXIT_SKIPPED)


def print_import(report: ImportReport, db: str) -> None:
    for line in report.bad:
        err.print(f"[yellow]bad row[/] {escape(line)}")
    table, saved = report.table, report.saved
    passed = f", {table.passed_over} rows passed over" if table.passed_over else ""
    console.print(
        f"{len(table.figures)} official figures read ({table.layout} layout): "
        f"[green]{saved.added} added[/], {saved.revised} revised, {saved.unchanged} already "
        f"stored; {len(table.bad)} bad rows{passed} → {escape(db)}"
    )


@official.command("list")
def list_figures(
    pair: Annotated[tuple[str, str] | None, typer.Option(help="Two parties: KZ RU-BA.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Stored official figures, of one pair or all.  Example: bilat official list --pair KZ RU-BA"""
    from bilat.kb import wording
    from bilat.kb.dossier import resolve_code
    from bilat.kb.official import stored
    from bilat.store import Store

    codes = (resolve_code(pair[0]), resolve_code(pair[1])) if pair else None
    with Store(db, create=False) as store:
        figures = stored(store, codes)
    if as_json:
        for f in figures:
            print(json.dumps(f.to_json(), ensure_ascii=False))
        return
    table = Table(title=f"Официальные данные: {len(figures)}")
    for column in ("отчитывается", "партнёр", "показатель", "период", "значение", "источник"):
        table.add_column(column)
    for f in figures:
        table.add_row(
            f.reporter,
            f.partner,
            f.indicator,
            wording.short_period(f.year, f.months),
            wording.money(f.value, f.currency),
            escape(f.source),
        )
    console.print(table)


def print_comparisons(found: Dossier) -> None:
    """Each news figure beside the official one, with the difference; nothing when the
    pair has no official figures."""
    from bilat.kb import timeseries, wording

    if not any(c.official for c in found.official):
        return
    sources = sorted(
        {f"{c.official.source} ({c.official.reporter})" for c in found.official if c.official}
    )
    table = Table(
        title=f"Новости и официальная статистика (порог {wording.percent(found.threshold)})",
        caption="⚑ — разница больше порога; официально: " + escape(", ".join(sources)),
    )
    for column in ("показатель", "период", "по новостям", "официально", "разница"):
        table.add_column(column, justify="left" if column in ("показатель", "период") else "right")
    for c in found.official:
        table.add_row(
            timeseries.label(c.line),
            wording.short_period(c.year, c.months),
            wording.money(c.news.value, c.currency, c.news.qualifier) if c.news else "—",
            wording.money(c.official.value, c.currency) if c.official else "—",
            _difference(c.difference_percent, c.flagged),
        )
    console.print(table)


def _difference(percent: float | None, flagged: bool) -> Text:
    from bilat.kb.official import signed_percent

    text = signed_percent(percent) + (" ⚑" if flagged else "")
    return Text(text, style="bold red" if flagged else "")
