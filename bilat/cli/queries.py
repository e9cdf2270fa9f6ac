"""Commands that read the database: facts, docs, show, search."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from bilat.cli import DEFAULT_DB, DbOption, app, console, render

Format = Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")]


@app.command()
def facts(
    pair: Annotated[tuple[str, str] | None, typer.Option(help="Two party codes: KZ RU-BA.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="trade, change, share, …")] = None,
    indicator: Annotated[str | None, typer.Option(help="turnover, export, import …")] = None,
    year: Annotated[int | None, typer.Option(help="Calendar year of the figure.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 200,
    format: Format = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """List stored facts with source and evidence.  Example: bilat facts --pair KZ RU-BA"""
    from bilat.kb.dossier import resolve_code
    from bilat.model import FACT_TYPES
    from bilat.store import Store

    if type is not None and type not in FACT_TYPES:
        raise typer.BadParameter(
            f"unknown fact type '{type}' (expected one of {', '.join(FACT_TYPES)})",
            param_hint="--type",
        )
    if pair is not None:
        # "Казахстан Башкортостан" as well as "KZ RU-BA"; an unknown name is an error
        pair = (resolve_code(pair[0]), resolve_code(pair[1]))
    with Store(db, create=False) as store:
        rows = [
            f.to_json() | {"doc_name": f.doc_name, "doc_date": f.doc_date, "rule": f.rule}
            for f in store.facts(pair=pair, type=type, indicator=indicator, year=year, limit=limit)
        ]
    _print_facts(rows, format)


def _print_facts(rows: list[dict[str, Any]], format: str) -> None:
    if format == "jsonl":
        print(render.jsonl(rows), end="")
    elif format == "csv":
        from bilat.kb.export import csv_text

        # the columns of `bilat export`: numbers, ISO codes, the fact id and the URL
        print(csv_text("facts", rows), end="")
    elif format == "table":
        console.print(render.facts_table(rows, title=f"фактов: {len(rows)}"))
    else:
        raise typer.BadParameter(f"unknown format '{format}' (expected table, jsonl or csv)")


@app.command()
def docs(
    limit: Annotated[int, typer.Option()] = 100,
    format: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """List stored documents.  Example: bilat docs --limit 20"""
    from bilat.store import Store

    with Store(db, create=False) as store:
        documents = store.documents(limit=limit)
    if format == "jsonl":
        print(render.jsonl(d.to_json() for d in documents), end="")
        return
    table = Table()
    for column in ("id", "name", "date", "kind", "facts", "title"):
        table.add_column(column, overflow="fold")
    for d in documents:
        table.add_row(d.id, d.name, d.date or "", d.kind, str(d.n_facts), (d.title or "")[:60])
    console.print(table)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="A document id or its first 6+ chars.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Print a document with its facts marked in the text.  Example: bilat show 5dcc48"""
    from bilat.store import Store

    with Store(db, create=False) as store:
        document = store.document(doc_id)
        if document is None:
            raise typer.BadParameter(f"no document with id '{doc_id}' in {db}")
        stored = store.document_facts(document.id)
    console.rule(f"{document.name} · {document.date or 'без даты'} · {document.source}")
    spans = [(f.evidence.start, f.evidence.end, str(n)) for n, f in enumerate(stored, 1)]
    console.print(render.marked_text(document.text or "", spans))
    console.rule("факты")
    # numbered like the marks in the text
    console.print(render.facts_table([f.to_json() for f in stored], source=False, numbered=True))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words in any grammatical form.")],
    limit: Annotated[int, typer.Option()] = 20,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Full-text search over lemmas.  Example: bilat search "товарооборот Казахстан\""""
    from bilat.store import Store

    table = Table()
    for column in ("id", "date", "title", "snippet"):
        table.add_column(column, overflow="fold")
    with Store(db, create=False) as store:
        hits = store.search(query, limit=limit)
    for hit in hits:
        table.add_row(hit.id, hit.date or "", (hit.title or hit.name)[:50], hit.snippet)
    console.print(table if hits else f"nothing found for «{query}»")
