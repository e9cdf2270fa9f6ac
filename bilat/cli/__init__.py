"""The ``bilat`` command: each subcommand parses arguments, calls the library, prints."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from bilat.cli import render
from bilat.errors import BilatError

app = typer.Typer(
    help="Sourced facts about international and interregional cooperation, read from Russian news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLAlchemy URL or SQLite file.")]
# The dossier's and the digest's flag on news figures far from the official ones.
ThresholdOption = Annotated[
    float, typer.Option(min=0, help="Flag news figures this many percent off the official ones.")
]
DEFAULT_DB = "bilat.db"
EXIT_SKIPPED = 3  # some inputs could not be read; the rest was processed


def main() -> None:
    try:
        app()
    except BilatError as error:
        err.print(f"[red]error:[/] {error}", soft_wrap=True)  # one line, however long
        sys.exit(1)


from bilat.cli import (  # noqa: E402,F401 - registers the subcommands
    commands,
    digest,
    kb,
    official,
    queries,
    watch,
)

__all__ = ["DEFAULT_DB", "EXIT_SKIPPED", "app", "console", "err", "main", "render"]
