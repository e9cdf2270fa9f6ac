"""How facts and documents are printed: rich tables, JSONL and CSV, one shape each."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bilat.kb import wording
from bilat.model import Fact
from bilat.schemas import Fields

# Columns that hold short codes and are never broken across lines.
NO_WRAP = {"type", "indicator", "currency", "qualifier", "status"}
# Columns of a fact in a table, in this order.
FACT_COLUMNS = (
    "type",
    "indicator",
    "parties",
    "value",
    "currency",
    "percent",
    "year",
    "qualifier",
    "status",
    "detail",
)


def fact_cells(fact: Mapping[str, Any]) -> dict[str, str]:
    """A fact (eval-format dict) as short printable cells."""
    f = Fields.of(fact)
    year: int | str | None = f.year
    if f.months:
        year = f"{year or '?'} ({f.months} мес.)"
    if f.month:
        year = wording.short_period(f.year, None, f.month)  # one month: "10.2021"
    if f.from_year:
        year = f"{f.from_year}–{f.to_year or ''}"
    span = wording.years_spanned(fact) if fact.get("type") == "change" else None
    if span:
        year = f"{span[0]}–{span[1]}"  # a change over several years, not the last one's
    parties = f.parties or [p for p in (f.whole, f.part) if p]
    return {
        "type": fact.get("type", ""),
        "indicator": str(f.indicator or f.kind or ""),
        "parties": _parties(fact, f, parties),
        "value": _number(f.value),
        "currency": str(f.currency or f.unit or ""),
        "percent": _number(f.percent),
        "year": str(year or f.date or ""),
        "qualifier": str(f.qualifier or ""),
        "status": str(f.status or ""),
        "detail": _detail(fact, f),
    }


def _parties(fact: Mapping[str, Any], f: Fields, parties: Sequence[str]) -> str:
    if f.exporter:
        return f"{f.exporter} → {f.importer or '?'}"
    if f.whole:
        sides, label = wording.share_sides(fact)
        # a share of a pair's trade ("KZ+RU", of SME) is the pair's, not a party's
        return " – ".join(sides) if label else f"{f.part} в {f.whole}"
    return " – ".join(str(p) for p in parties)


def _detail(fact: Mapping[str, Any], f: Fields) -> str:
    for said in (f.name, f.sector, f.route, f.text, f.role):
        if said:
            return str(said)[:60]
    if isinstance(f.speaker, Mapping):
        return str(f.speaker.get("name") or "")
    label = wording.share_sides(fact)[1] if fact.get("type") == "share" else None
    return wording.name(label) if label else ""  # what a share measures: "малый и средний …"


def _number(value: Any) -> str:
    if value is None:
        return ""
    value = float(value)
    for factor, word in ((1e12, "трлн"), (1e9, "млрд"), (1e6, "млн"), (1e3, "тыс.")):
        if abs(value) >= factor:
            return f"{value / factor:,.2f}".rstrip("0").rstrip(".").replace(",", " ") + f" {word}"
    return f"{value:g}"


def facts_table(
    rows: Iterable[Mapping[str, Any]],
    title: str | None = None,
    source: bool = True,
    numbered: bool = False,
) -> Table:
    table = Table(title=title, show_lines=False)
    if numbered:
        table.add_column("#", justify="right")
    for column in FACT_COLUMNS:
        # short codes stay whole; long text wraps
        table.add_column(
            column, no_wrap=column in NO_WRAP, overflow="ellipsis" if column in NO_WRAP else "fold"
        )
    if source:
        table.add_column("source", overflow="fold")
    for n, row in enumerate(rows, 1):
        cells = [str(n)] if numbered else []
        cells.extend(fact_cells(row).values())
        if source:
            cells.append(str(row.get("doc_name") or row.get("source") or ""))
        table.add_row(*cells)
    return table


def jsonl(rows: Iterable[Mapping[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def explain(console: Console, fact: Fact) -> None:
    """What a fact says, in the words the pages use ("персона: Канат Ермеков, аким …"), then
    the rule that produced it and the tokens it read."""
    parties = fact_cells(fact.to_json())["parties"]
    label, said = wording.TYPES.get(fact.type, fact.type), wording.summary(fact.fields, fact.type)
    head = (
        Text(said)
        if said.startswith(f"{label}:")
        else Text.assemble((f"{label}:", "bold"), f" {said}")
    )
    console.print(head, Text(f"  {parties}" if parties.strip(" –") else "", "dim"), sep="")
    console.print(
        f"  rule: [cyan]{fact.rule}[/]  read: {', '.join(fact.trace)}  "
        f"confidence: {fact.confidence:.2f}"
    )
    console.print(Text(f"  «{fact.evidence.text.strip()}»", style="dim"))


def marked_text(text: str, spans: Sequence[tuple[int, int, str]]) -> Text:
    """The document with each fact's evidence highlighted and numbered."""
    rich = Text(text)
    ends: dict[int, list[str]] = {}
    for start, stop, label in spans:
        rich.stylize("on dark_green", start, stop)
        ends.setdefault(stop, []).append(label)
    for stop in sorted(ends, reverse=True):
        rich = rich[:stop] + Text(f" [{','.join(ends[stop])}]", style="bold yellow") + rich[stop:]
    return rich
