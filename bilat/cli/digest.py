"""``bilat digest``: what is new about a pair in a period, as a file to mail."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from bilat.cli import DEFAULT_DB, DbOption, ThresholdOption, app, err
from bilat.kb.official.compare import DIFFERENCE_THRESHOLD_PERCENT


@app.command()
def digest(
    pair: Annotated[
        tuple[str, str],
        typer.Option("--pair", help="The two parties, codes or names: --pair KZ RU-BA."),
    ],
    since: Annotated[
        str | None,
        typer.Option(help="First day of the period: 2024-11-01; the last seven days if not given."),
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Last day of the period, included; today if not given.")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="md, html or pdf.")] = "md",
    out: Annotated[
        Path | None, typer.Option(help="File to write; stdout if not given (md and html).")
    ] = None,
    threshold: ThresholdOption = DIFFERENCE_THRESHOLD_PERCENT,
    db: DbOption = DEFAULT_DB,
) -> None:
    """What documents of a period say about a pair: figures with their change and the
    official ones, growth, events, agreements, projects, people, quotes, each with sources.
    Example: bilat digest --pair KZ RU-BA --since 2024-11-01 --format html --out digest.html"""
    from bilat.kb.digest import Period
    from bilat.kb.digest import digest as build
    from bilat.store import Store
    from bilat.web import digest as files

    period = Period.parse(since, until)  # a bad date is refused before the store is opened
    if format not in files.FORMATS:
        raise files.DigestFormatError(f"--format {format}: expected md, html or pdf")
    if format == "pdf" and out is None:
        raise files.DigestFormatError("--format pdf needs --out FILE: a PDF is no terminal text")
    with Store(db, create=False) as store:
        found = build(store, pair[0], pair[1], period, threshold)
    written = files.render(found.to_json(), format)
    if out is None:
        sys.stdout.write(written.decode("utf-8"))
        return
    out.write_bytes(written)
    err.print(
        f"{found.a}–{found.b} {format}: {len(found.figures)} figures, "
        f"{len(found.documents)} documents → {out}"
    )
