"""Charts drawn on the server as SVG: the trade series of a pair, a timeline of events,
the network of an actor's partners. No JavaScript library, nothing fetched from a CDN.

Every piece of text that goes into the SVG passes through ``escape``: names and labels
come from articles, which are untrusted input.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from bilat.kb import wording

WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 80, 24, 36, 40  # room for value labels, the legend and years
PALETTE = ("#1f5fa8", "#d9822b", "#2b9d5f", "#8e44ad", "#c0392b", "#16a085")
X_PAD = 50  # air between the y axis and the first year: room for the first value label
LEGEND_CHAR = 8.2  # width of a legend character at 12.5 px, for placing the next entry
LEGEND_ROW = 20  # height of a legend row: 14 px swatches and 12.5 px text with air
PARTIAL_SHIFT = 0.28  # a part-year point sits left of its year's whole-year point
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
MAX_PARTNERS = 16  # nodes around an actor: more would not leave room for their names


def point_id(line: int, point: Mapping[str, Any]) -> str:
    """The anchor of a chart point's source panel: "pt-0-2024-9"."""
    return f"pt-{line}-{point['year']}-{point.get('months') or 0}"


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """0 and round steps (1, 2, 2.5, 5 × 10ⁿ) up to at least ``top``."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in NICE_STEPS if s * power >= raw)
    return [i * step for i in range(math.ceil(top / step - 1e-9) + 1)]


def svg(width: int, height: int, label: str, body: Sequence[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(label)}" class="chart">' + "".join(body) + "</svg>"
    )


def trade_chart(series: Sequence[Mapping[str, Any]], currency: str | None) -> Markup:
    """Turnover and flows by year, in one currency; each point links to its sources."""
    shown = [(i, s) for i, s in enumerate(series) if s["currency"] == currency and s["points"]]
    if not shown:
        return Markup("")
    years = sorted({p["year"] for _, s in shown for p in s["points"]})
    top = max(p["value"] for _, s in shown for p in s["points"])
    ticks = nice_ticks(top * 1.05)
    x = _x_scale(years[0] - (PARTIAL_SHIFT if _has_partial(shown, years[0]) else 0), years[-1])
    y = _y_scale(ticks[-1])
    plot = [*_y_axis(ticks, y, currency), *_x_axis(years, x)]
    for n, (i, s) in enumerate(shown):
        plot.extend(_line(i, s, PALETTE[n % len(PALETTE)], x, y))
    legend, rows = _legend(
        [(s["label"], PALETTE[n % len(PALETTE)]) for n, (_, s) in enumerate(shown)]
    )
    extra = (rows - 1) * LEGEND_ROW  # the plot moves down under a legend of several rows
    body = [*legend, f'<g transform="translate(0 {extra})">', *plot, "</g>"]
    return svg(WIDTH, HEIGHT + extra, f"Торговля по годам, {currency or ''}", body)


def line_colors(series: Sequence[Mapping[str, Any]], currency: str | None) -> dict[str, str]:
    """The colour trade_chart gives each line ("turnover", "KZ→UZ"), for other charts of
    the pair to draw the same flow in the same colour."""
    shown = [s for s in series if s["currency"] == currency and s["points"]]
    return {s["line"]: PALETTE[n % len(PALETTE)] for n, s in enumerate(shown)}


def _has_partial(shown: Sequence[tuple[int, Mapping[str, Any]]], year: int) -> bool:
    return any(p["year"] == year and p.get("months") for _, s in shown for p in s["points"])


def _x_scale(first: float, last: float) -> Any:
    span = max(last - first, 1.0)
    inner = WIDTH - LEFT - RIGHT - 2 * X_PAD

    def x(year: float) -> float:
        if last == first:
            return LEFT + (WIDTH - LEFT - RIGHT) / 2
        return LEFT + X_PAD + (year - first) / span * inner

    return x


def _y_scale(top: float) -> Any:
    def y(value: float) -> float:
        return TOP + (1 - value / top) * (HEIGHT - TOP - BOTTOM)

    return y


def _y_axis(ticks: Sequence[float], y: Any, currency: str | None) -> list[str]:
    parts = []
    for tick in ticks:
        yy = y(tick)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}" class="grid"/>'
        )
        parts.append(
            f'<text x="{LEFT - 8}" y="{yy + 4:.1f}" class="tick" text-anchor="end">'
            f"{escape(wording.number(tick))}</text>"
        )
    parts.append(
        f'<text x="{LEFT - 8}" y="{TOP - 18}" class="unit" text-anchor="end">'
        f"{escape(currency or '')}</text>"
    )
    return parts


def _x_axis(years: Sequence[int], x: Any) -> list[str]:
    base = HEIGHT - BOTTOM
    parts = [f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}" class="axis"/>']
    for year in years:
        parts.append(
            f'<text x="{x(year):.1f}" y="{base + 20}" class="tick" '
            f'text-anchor="middle">{year}</text>'
        )
    return parts


def _position(point: Mapping[str, Any], x: Any, y: Any) -> tuple[float, float]:
    shift = PARTIAL_SHIFT if point.get("months") else 0.0
    return x(point["year"] - shift), y(point["value"])


def _line(index: int, series: Mapping[str, Any], color: str, x: Any, y: Any) -> list[str]:
    whole = [p for p in series["points"] if not p.get("months")]
    parts = []
    if len(whole) > 1:  # only whole years are joined: a part of a year is not comparable
        path = " ".join(f"{a:.1f},{b:.1f}" for a, b in (_position(p, x, y) for p in whole))
        parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2.5"/>')
    parts.extend(_point(index, series, p, color, x, y) for p in series["points"])
    return parts


def _point(
    index: int, series: Mapping[str, Any], point: Mapping[str, Any], color: str, x: Any, y: Any
) -> str:
    cx, cy = _position(point, x, y)
    period = wording.short_period(point["year"], point.get("months"))
    said = wording.amount(point["value"], point.get("qualifier"))  # "свыше 1,2 млрд"
    label = f"{series['label']}, {period}: {said}"
    fill = "#ffffff" if point.get("months") else color
    ring = ' class="pt disputed"' if point.get("disputed") else ' class="pt"'
    return (
        f'<a href="#{point_id(index, point)}" aria-label="{escape(label)}"{ring}>'
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="7" fill="{fill}" stroke="{color}" '
        f'stroke-width="2.5"><title>{escape(label)}</title></circle>'
        f'<text x="{cx:.1f}" y="{cy - 12:.1f}" class="value" text-anchor="middle">'
        f"{escape(said)}</text></a>"
    )


def _legend(items: Sequence[tuple[str, str]]) -> tuple[list[str], int]:
    """Entries left to right, a new row where the next would pass the right edge; the
    parts and the number of rows."""
    parts, x, row = [], LEFT, 0
    for label, color in items:
        width = int(40 + LEGEND_CHAR * len(label))
        if x > LEFT and x + width - 20 > WIDTH - RIGHT:  # the last 20 are air to the next
            x, row = LEFT, row + 1
        top = 6 + row * LEGEND_ROW
        parts.append(
            f'<rect x="{x}" y="{top}" width="14" height="14" rx="3" fill="{color}"/>'
            f'<text x="{x + 20}" y="{top + 12}" class="legend">{escape(label)}</text>'
        )
        x += width
    return parts, row + 1
