"""Flat export rows as an Excel workbook: one sheet per fact type, numbers as numbers.

Each sheet has a frozen, filterable header row and columns sized to their content; a
column empty on every row of a sheet is left out of that sheet (a quote has no currency),
except the ones every row is checked against: the id, the evidence and the URL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilat.errors import ExportError
from bilat.model import FACT_TYPES

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

ALWAYS = ("id", "evidence_text", "url")
MIN_WIDTH = 6  # a column of one-digit numbers still shows its filter button beside the header
MAX_WIDTH = 70  # about one sentence of evidence on a laptop screen; the cell keeps the rest
WIDTH_SAMPLE = 500  # rows measured for a column's width: enough to be typical, cheap on a big sheet
CELL_LIMIT = 32767  # characters Excel keeps in one cell; a longer text makes the file unreadable
MONEY_FORMAT = "#,##0"  # 9 200 000 000 rather than 9.2E+09
FRACTION_FORMAT = "#,##0.00"
NUMBER_COLUMNS = frozenset({"value"})
SHEET_NAME_LIMIT = 31  # Excel's limit


def write_workbook(
    columns: Sequence[str], rows: Iterable[Mapping[str, Any]], path: Path, *, name: str
) -> int:
    """Write ``rows`` to ``path``, a sheet per value of their ``type`` (else one sheet named
    ``name``); returns the number of rows written."""
    try:
        from openpyxl import Workbook
    except ImportError as e:
        raise ExportError("XLSX export needs openpyxl: pip install 'bilat[xlsx]'") from e
    sheets = _by_sheet(rows, name if "type" not in columns else None) or {name: []}
    book = Workbook()
    book.remove(book.worksheets[0])  # the blank sheet a new workbook starts with
    for title, sheet_rows in sheets.items():
        _fill(book.create_sheet(title[:SHEET_NAME_LIMIT]), _shown(columns, sheet_rows), sheet_rows)
    try:
        book.save(path)
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror}") from e
    return sum(len(r) for r in sheets.values())


def _by_sheet(
    rows: Iterable[Mapping[str, Any]], single: str | None
) -> dict[str, list[Mapping[str, Any]]]:
    """Rows by sheet title, sheets in the order of the fact types (trade first)."""
    sheets: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        sheets.setdefault(single or str(row.get("type") or "other"), []).append(row)
    order = {t: n for n, t in enumerate(FACT_TYPES)}
    return dict(sorted(sheets.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def _shown(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> list[str]:
    if not rows:
        return list(columns)
    return [c for c in columns if c in ALWAYS or any(_filled(r.get(c)) for r in rows)]


def _filled(value: Any) -> bool:
    return value is not None and value != ""


def _fill(sheet: Worksheet, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
    from openpyxl.styles import Font

    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for n, row in enumerate(rows, start=2):
        for m, column in enumerate(columns, start=1):
            _put(sheet.cell(row=n, column=m), column, row.get(column))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _size_columns(sheet, columns, rows)


def _put(cell: Any, column: str, value: Any) -> None:
    """A number stays a number; a text is written as text, never read as a formula."""
    if isinstance(value, str):
        cell.value = _clean(value)
        cell.data_type = "s"  # "=…" in a sentence is no formula to run
        if column == "url" and value.startswith(("http://", "https://")):
            cell.hyperlink = value
            cell.style = "Hyperlink"
        return
    cell.value = value
    if column in NUMBER_COLUMNS and isinstance(value, float):
        cell.number_format = MONEY_FORMAT if value.is_integer() else FRACTION_FORMAT


def _clean(text: str) -> str:
    """Text Excel accepts: no control characters, not longer than a cell holds."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub(" ", text)
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


def _size_columns(
    sheet: Worksheet, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]
) -> None:
    from openpyxl.utils import get_column_letter

    for m, column in enumerate(columns, start=1):
        longest = max((len(_shown_text(r.get(column))) for r in rows[:WIDTH_SAMPLE]), default=0)
        width = min(max(longest, len(column) + 3, MIN_WIDTH), MAX_WIDTH)  # +3: filter button
        sheet.column_dimensions[get_column_letter(m)].width = width + 1


def _shown_text(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return "" if value is None else str(value)
