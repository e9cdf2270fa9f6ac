"""The digest of a pair (``kb.digest``) as a file to mail: markdown, HTML or PDF.

Each renderer takes the digest's plain JSON (``Digest.to_json()``, what ``/api/digest``
answers), so the page, the API and ``bilat digest`` show one thing. The HTML is one
self-contained file: its style and its chart (SVG) inline, nothing fetched, so that a mail
client shows it as it is. The PDF is that HTML laid out by WeasyPrint (``bilat[pdf]``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from bilat.errors import RequestError
from bilat.kb import wording
from bilat.kb.official import signed_percent
from bilat.web import charts
from bilat.web.render import environment

FORMATS = ("md", "html", "pdf")
MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}
STATIC = Path(__file__).parent / "static"


class DigestFormatError(RequestError):
    """A digest asked for in a format bilat cannot write here."""


def render(data: Mapping[str, Any], format: str) -> bytes:
    """The digest in ``format`` (md, html, pdf), as the bytes of the file."""
    if format == "md":
        return markdown(data).encode("utf-8")
    if format == "html":
        return html(data).encode("utf-8")
    if format == "pdf":
        return pdf(data)
    raise DigestFormatError(f"format {format!r}: expected one of {', '.join(FORMATS)}")


def file_name(data: Mapping[str, Any], format: str) -> str:
    """ "digest_KZ_RU-BA_2024-11-01.pdf"."""
    a, b = (p["code"] for p in data["pair"])
    return f"digest_{a}_{b}_{data['period']['since']}.{format}"


# -- words shared by the renderers -------------------------------------------------------------


def title(data: Mapping[str, Any]) -> str:
    a, b = (p["name"] for p in data["pair"])
    return f"{a} — {b}: что нового {period_label(data['period'])}"


def period_label(period: Mapping[str, Any]) -> str:
    """ "с 01.11.2024 по 30.11.2024"."""
    since = f"с {_day(period['since'])}"
    return f"{since} по {_day(period['until'])}" if period.get("until") else since


def _day(iso: str) -> str:
    return ".".join(reversed(iso.split("-")))


def undated_note(data: Mapping[str, Any]) -> str:
    """How undated documents are treated, and which of the pair's there are."""
    note = "Факт новый, если его сообщает документ, датированный этим периодом."
    if data["undated"]:
        names = ", ".join(d["name"] for d in data["undated"])
        note += f" Документы без даты ни в какой период не входят и здесь не учтены: {names}."
    return note


def change(figure: Mapping[str, Any]) -> str:
    """ "+12,4 % к 2023 (367,2 млн долларов)", or why there is no change."""
    previous = figure["previous"]
    if previous is None:
        return "более ранней цифры нет"
    was = wording.money(previous["value"], figure["currency"], previous["qualifier"])
    period = wording.short_period(previous["year"], previous["months"])
    return f"{signed_percent(figure['change_percent'])} к {period} ({was})"


def stated(figure: Mapping[str, Any]) -> str:
    """What the sources say the figure grew by: "в источнике: +12,4 %"."""
    said = ", ".join(signed_percent(p) for p in figure["stated_percent"])
    return f"в источнике: {said}" if said else ""


def value(figure: Mapping[str, Any]) -> str:
    return wording.money(figure["value"], figure["currency"], figure["qualifier"])


def official(figure: Mapping[str, Any]) -> str:
    found = (figure["official"] or {}).get("official")
    if not found:
        return "—"
    return f"{wording.money(found['value'], found['currency'])} ({found['source']})"


def difference(figure: Mapping[str, Any]) -> str:
    compared = figure["official"] or {}
    if compared.get("difference_percent") is None:
        return "—"
    mark = " ⚑ расходится" if compared["flagged"] else ""
    return signed_percent(compared["difference_percent"]) + mark


def source_line(source: Mapping[str, Any]) -> str:
    """ "kommersant.ru, 14.02.2025, https://…"."""
    parts = [source["outlet"], _day(source["date"]) if source.get("date") else None]
    if source.get("url"):
        parts.append(source["url"])
    return ", ".join(p for p in parts if p)


def anchors(data: Mapping[str, Any]) -> dict[str, str]:
    """Each figure's fact → the id its chart point links to, so that a point of the mailed
    chart leads to the figure's row."""
    found = {}
    for index, series in enumerate(data["series"]):
        for point in series["points"]:
            found[point["fact"]] = charts.point_id(index, point)
    return found


def chart(data: Mapping[str, Any], mailed: bool = False) -> Markup:
    """The pair's trade chart; a mailed one carries its own style (see digest-chart.css)."""
    drawn = charts.trade_chart(data["series"], data["currency"])
    if not mailed or not drawn:
        return drawn
    opened = drawn.index(">") + 1
    return Markup(f"{drawn[:opened]}<style>{style('digest-chart.css')}</style>{drawn[opened:]}")


# -- markdown ----------------------------------------------------------------------------------


def markdown(data: Mapping[str, Any]) -> str:
    lines = [f"# {title(data)}", "", _counts(data), "", undated_note(data), ""]
    lines += _figures_md(data["figures"])
    lines += _series_md(data)
    for name, heading in wording.SECTIONS.items():
        lines += _entries_md(heading, data.get(name, []))
    lines += _people_md(data["people"])
    lines += _contradictions_md(data["contradictions"])
    return "\n".join(lines).rstrip() + "\n"


def _counts(data: Mapping[str, Any]) -> str:
    text = f"Документов за период: {len(data['documents'])}; более ранних: {data['n_before']}."
    return text if not _empty(data) else text + " Нового за период нет."


def _empty(data: Mapping[str, Any]) -> bool:
    listed = [data["figures"], data["contradictions"], *(data.get(n, []) for n in wording.SECTIONS)]
    return not any(listed)


def _figures_md(figures: Sequence[Mapping[str, Any]]) -> list[str]:
    if not figures:
        return []
    columns = ("Показатель", "Период", "Значение", "Изменение", "Официально", "Разница")
    lines = ["## Торговля", "", "| " + " | ".join(columns) + " |", "|---" * len(columns) + "|"]
    for f in figures:
        said = stated(f)
        cells = [
            f["label"],
            wording.short_period(f["year"], f["months"]),
            value(f),
            change(f) + (f"; {said}" if said else ""),
            official(f),
            difference(f),
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines += ["", "Источники:", ""]
    for f in figures:
        head = f"{f['label']}, {wording.short_period(f['year'], f['months'])}: {value(f)}"
        lines += [f"- **{_cell(head)}**", *_sources_md(f["sources"], f["earlier"])]
    return [*lines, ""]


def _sources_md(sources: Sequence[Mapping[str, Any]], earlier: int) -> list[str]:
    lines = [f"  - «{s['evidence']}» — {source_line(s)}" for s in sources]
    if earlier:
        lines.append(f"  - и ещё источников до периода: {earlier}")
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _series_md(data: Mapping[str, Any]) -> list[str]:
    """The chart's numbers: each line of the main currency, by period."""
    shown = [s for s in data["series"] if s["currency"] == data["currency"] and s["points"]]
    if not shown:
        return []
    lines = [f"## Торговля по годам ({wording.CURRENCIES.get(data['currency'] or '', '')})", ""]
    for s in shown:
        points = "; ".join(
            f"{wording.short_period(p['year'], p['months'])}: "
            f"{wording.amount(p['value'], p['qualifier'])}"
            for p in s["points"]
        )
        lines.append(f"- {s['label']}: {points}")
    return [*lines, ""]


def _entries_md(heading: str, entries: Sequence[Mapping[str, Any]]) -> list[str]:
    if not entries:
        return []
    lines = [f"## {heading}", ""]
    for e in entries:
        lines += [f"- **{_cell(e['text'])}**", *_sources_md(e["sources"], e["earlier"])]
    return [*lines, ""]


def _people_md(people: Sequence[Mapping[str, Any]]) -> list[str]:
    if not people:
        return []
    lines = ["## Люди", ""]
    for p in people:
        where = p.get("region") or p.get("country")
        said = ", ".join(x for x in (p["name"], p.get("role")) if x)
        lines.append(f"- {said}" + (f" ({wording.name(where)})" if where else ""))
    return [*lines, ""]


def _contradictions_md(found: Sequence[Mapping[str, Any]]) -> list[str]:
    if not found:
        return []
    lines = ["## Противоречия", ""]
    for c in found:
        sides = " или ".join(wording.figure(s["fields"], s["type"]) for s in c["sides"])
        lines.append(f"- {c['label']}: {sides}")
    return [*lines, ""]


# -- HTML and PDF ------------------------------------------------------------------------------


def context(data: Mapping[str, Any], mailed: bool) -> dict[str, Any]:
    """What the digest's templates need besides the data: the words above and the chart."""
    return {
        "data": data,
        "mailed": mailed,
        "heading": title(data),
        "undated_note": undated_note(data),
        "empty": _empty(data),
        "chart": chart(data, mailed),
        "anchors": anchors(data),
        "change": change,
        "stated": stated,
        "value": value,
        "source_line": source_line,
        "sections": wording.SECTIONS,
    }


@cache
def style(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def html(data: Mapping[str, Any]) -> str:
    """One self-contained HTML file: style and chart inline, no request to anywhere."""
    template = environment().get_template("digest_mail.html")
    return template.render(**context(data, mailed=True), style=Markup(style("digest.css")))


def pdf(data: Mapping[str, Any]) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the package is there, Pango is not
        raise DigestFormatError(
            "a PDF digest needs WeasyPrint and Pango: pip install 'bilat[pdf]' "
            f"and apt-get install libpango-1.0-0 libpangoft2-1.0-0 ({error})"
        ) from None
    document: bytes = weasyprint.HTML(string=html(data)).write_pdf()
    return document
