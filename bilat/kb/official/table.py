"""A CSV table of official trade read into ``OfficialFigure``s, a bad row a line each.

The encoding (UTF-8, cp1251 …) and the delimiter (comma, semicolon, tab) are found, the
layout chosen by the header (``layouts``), and each row read cell by cell (``cells``). A
row that cannot be read is reported as "file:line: why" and the rest is read.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from bilat.errors import SourceError
from bilat.kb.official import cells
from bilat.kb.official.cells import BadCell
from bilat.kb.official.layouts import HeaderMap, choose, column
from bilat.kb.official.records import INDICATORS, OfficialFigure
from bilat.sources.decode import decode, read_bytes

# A table of totals is kilobytes; a Comtrade file by commodity may run to tens of MB.
MAX_TABLE_BYTES = 100 * 1024 * 1024
DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class Table:
    """What a file gave: its figures, one message per bad row, and how many rows its
    layout passes over on purpose (Comtrade's monthly or per-commodity rows)."""

    layout: str
    figures: tuple[OfficialFigure, ...]
    bad: tuple[str, ...]
    passed_over: int


@dataclass(frozen=True)
class Columns:
    """Where each field sits in this file: indices of the header's columns."""

    fields: Mapping[str, int]
    wide: Mapping[str, int]
    keep: Mapping[int, str]

    @classmethod
    def of(cls, layout: HeaderMap, header: Sequence[str]) -> Columns:
        def found(names: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
            at = {key: column(header, n) for key, n in names.items()}
            return {key: i for key, i in at.items() if i is not None}

        keep = {column(header, (h,)): want for h, want in layout.keep.items()}
        return cls(
            found(layout.columns),
            found(layout.wide),
            {i: want for i, want in keep.items() if i is not None},
        )


def read_table(
    path: str | os.PathLike[str], source: str | None = None, given: HeaderMap | None = None
) -> Table:
    """The figures of a CSV file; ``source`` names them (the file's name by default), and
    ``given`` is a user's header map. SourceError when the file or its header cannot be read."""
    name = os.fspath(path)
    rows = _rows(decode(read_bytes(name, MAX_TABLE_BYTES), name))
    first = next(rows, None)
    if first is None:
        raise SourceError(name, "no header row (expected a CSV table)")
    header = first[1]
    layout = choose(header, name, given)
    where = Columns.of(layout, header)
    label = source or os.path.basename(name)
    figures: dict[str, tuple[int, OfficialFigure]] = {}
    bad: list[str] = []
    passed_over = 0
    for line, row in rows:
        if not _kept(row, where):
            passed_over += 1
            continue
        try:
            _add(figures, line, row_figures(row, where, layout, label))
        except BadCell as e:
            bad.append(f"{os.path.basename(name)}:{line}: {e}")
    found = tuple(figure for _, figure in figures.values())
    return Table(layout.name, found, tuple(bad), passed_over)


def _add(
    figures: dict[str, tuple[int, OfficialFigure]], line: int, new: Sequence[OfficialFigure]
) -> None:
    """A row's figures, all or none: a figure given twice with one value is one; with two
    values, the row of the second is refused."""
    for figure in new:
        known = figures.get(figure.id)
        if known is not None and known[1].value != figure.value:
            raise BadCell(
                f"{figure.indicator} {figure.reporter}–{figure.partner} for this period is "
                f"on line {known[0]} with another value"
            )
    for figure in new:
        figures.setdefault(figure.id, (line, figure))


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Non-empty rows with the line each ends on."""
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:8192], delimiters=DELIMITERS
        )
    except csv.Error:
        dialect = csv.excel  # one column, or a sniffer in doubt: commas
    reader = csv.reader(io.StringIO(text), dialect)
    for row in reader:
        if any(cell.strip() for cell in row):
            yield reader.line_num, row


def _kept(row: Sequence[str], where: Columns) -> bool:
    return all(_cell(row, i) == want for i, want in where.keep.items())


def _cell(row: Sequence[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def row_figures(
    row: Sequence[str], where: Columns, layout: HeaderMap, source: str
) -> list[OfficialFigure]:
    """The figures of one row: one, or one per indicator column of a wide table."""
    at = where.fields
    reporter, partner = (
        cells.party(_cell(row, at["reporter"])),
        cells.party(_cell(row, at["partner"])),
    )
    if reporter == partner:
        raise BadCell(f"reporter and partner are both {reporter}: expected two parties")
    year = cells.year(_cell(row, at["year"]))
    months = cells.months(_cell(row, at.get("months")))
    scale, currency = _money(row, at, layout)
    values = _values(row, where, layout)

    def figure(indicator: str, value: float) -> OfficialFigure:
        return OfficialFigure(
            source, reporter, partner, indicator, year, months, value * scale, currency
        )

    return [figure(indicator, value) for indicator, value in values]


def _money(row: Sequence[str], at: Mapping[str, int], layout: HeaderMap) -> tuple[float, str]:
    """(scale, currency): a unit cell gives both, else the currency's column or the map's."""
    unit = _cell(row, at.get("unit"))
    if unit:
        scale, currency = cells.unit(unit)
        return scale, currency
    written = _cell(row, at.get("currency")) or layout.fixed.get("currency", "")
    return layout.scale, cells.currency(written)


def _values(row: Sequence[str], where: Columns, layout: HeaderMap) -> list[tuple[str, float]]:
    if not where.wide:
        return [
            (
                _indicator(_cell(row, where.fields["indicator"]), layout),
                _value(row, where.fields["value"]),
            )
        ]
    found = [(ind, cells.number(_cell(row, i))) for ind, i in where.wide.items() if _cell(row, i)]
    if not found:
        raise BadCell(f"no value in any of the columns {', '.join(where.wide)}")
    return found


def _value(row: Sequence[str], index: int) -> float:
    text = _cell(row, index)
    if not text:
        raise BadCell("no value: expected a number")
    return cells.number(text)


def _indicator(text: str, layout: HeaderMap) -> str:
    codes = {k.lower(): v for k, v in layout.codes.items()}
    found = codes.get(text.lower(), text.lower())
    if found not in INDICATORS:
        known = ", ".join([*INDICATORS, *layout.codes])
        raise BadCell(f"indicator {text!r}: expected one of {known}")
    return found
