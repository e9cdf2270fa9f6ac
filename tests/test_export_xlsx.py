"""``bilat export -f xlsx``: a workbook read back with openpyxl, on the demo corpus."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import bilat
from bilat.cli import app
from bilat.errors import ExportError
from bilat.kb import export
from bilat.kb.export import FACT_COLUMNS
from bilat.kb.xlsx import MAX_WIDTH, write_workbook
from bilat.sources import demo_path
from bilat.store import Store

openpyxl = pytest.importorskip("openpyxl", reason="XLSX export needs the xlsx extra")
runner = CliRunner()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("xlsx") / "demo.db")
    with Store(db) as store:
        report = bilat.ingest([demo_path()], store)
    assert report.added >= 15 and not report.skipped
    return db


@pytest.fixture(scope="module")
def book(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("out") / "kb.xlsx"
    result = runner.invoke(app, ["export", "-f", "xlsx", "--out", str(out), "--db", demo_db])
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def rows_of(sheet: Any) -> list[dict[str, Any]]:
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_a_sheet_per_fact_type_with_every_fact(book: Any, demo_db: str) -> None:
    with Store(demo_db, create=False) as store:
        counts = store.count_facts()
        ids = {f.id for f in store.facts()}
    assert book.sheetnames[0] == "trade" and set(book.sheetnames) == set(counts)
    for name in book.sheetnames:
        rows = rows_of(book[name])
        assert len(rows) == counts[name] and {r["type"] for r in rows} == {name}
        assert {r["id"] for r in rows} <= ids


def test_a_known_turnover_is_a_number_beside_its_sentence_and_link(book: Any) -> None:
    sheet = book["trade"]
    header = [c.value for c in sheet[1]]
    [row] = [
        dict(zip(header, cells, strict=True))
        for cells in sheet.iter_rows(min_row=2)
        if cells[header.index("parties")].value == "KZ-39 RU-CHE"
    ]
    assert (row["indicator"].value, row["year"].value, row["months"].value) == ("turnover", 2025, 7)
    assert row["value"].value == 210_000_000 and row["value"].data_type == "n"
    assert row["value"].number_format == "#,##0" and row["currency"].value == "USD"
    assert row["url"].value == "https://t.me/c/1000000001/2"
    assert row["url"].hyperlink.target == "https://t.me/c/1000000001/2"
    assert row["evidence_text"].value.startswith("Товарооборот Костанайской области")


def test_sheets_are_easy_to_read(book: Any) -> None:
    sheet = book["trade"]
    header = [c.value for c in sheet[1]]
    assert header[0] == "id" and {"value", "evidence_text", "url", "year"} <= set(header)
    assert "percent" not in header  # empty on every trade row: left out of this sheet
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
    widths = {
        h: sheet.column_dimensions[openpyxl.utils.get_column_letter(n)].width
        for n, h in enumerate(header, 1)
    }
    assert (
        widths["evidence_text"] == MAX_WIDTH + 1 and widths["evidence_text"] > widths["year"] >= 6
    )
    quotes = [c.value for c in book["quote"][1]]
    assert "currency" not in quotes and "evidence_text" in quotes and "url" in quotes


def test_consolidated_and_documents(demo_db: str, tmp_path: Path) -> None:
    with Store(demo_db, create=False) as store:
        n = export(store, "consolidated", "xlsx", tmp_path / "c.xlsx")
        assert export(store, "documents", "xlsx", tmp_path / "d.xlsx") == 17
    sheets = openpyxl.load_workbook(tmp_path / "c.xlsx")
    assert (
        sum(len(rows_of(s)) for s in sheets.worksheets) == n
        and "n_sources" in rows_of(sheets["trade"])[0]
    )
    documents = openpyxl.load_workbook(tmp_path / "d.xlsx")
    assert documents.sheetnames == ["documents"] and len(rows_of(documents["documents"])) == 17


def test_texts_stay_texts(tmp_path: Path) -> None:
    """A sentence beginning with "=" is no formula, a control character no broken file."""
    rows = [
        {"id": "a1", "type": "quote", "evidence_text": '=HYPERLINK("http://x")', "url": None},
        {"id": "a2", "type": "quote", "evidence_text": "раз\x07два", "value": 2.5},
    ]
    assert write_workbook(FACT_COLUMNS, rows, tmp_path / "t.xlsx", name="facts") == 2
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["quote"]
    [first, second] = rows_of(sheet)
    assert first["evidence_text"] == '=HYPERLINK("http://x")'
    evidence = [c.value for c in sheet[1]].index("evidence_text") + 1
    assert sheet.cell(row=2, column=evidence).data_type == "s"  # no formula
    assert second["evidence_text"] == "раз два" and second["value"] == 2.5


def test_refusals(demo_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "xlsx", "--db", demo_db])
    assert result.exit_code != 0 and "XLSX is binary" in str(result.exception)
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if openpyxl were not installed
    with Store(demo_db, create=False) as store, pytest.raises(ExportError, match=r"bilat\[xlsx\]"):
        export(store, "facts", "xlsx", tmp_path / "x.xlsx")
