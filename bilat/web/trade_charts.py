"""A pair's trade as OEC shows it, drawn on the server as SVG: each period's export and
import stacked in one bar, and the balance as bars above or below zero.

Both are seen from the first side of the pair; every text is escaped (names come from
the knowledge base, which reads them from articles).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from bilat.kb import wording
from bilat.web.charts import PALETTE, nice_ticks, svg

WIDTH, HEIGHT = 480, 260  # two side by side on a card: text stays the page's size
LEFT, RIGHT, TOP, BOTTOM = 64, 12, 44, 34  # room for value labels, the legend and periods
BAR_SHARE = 0.5  # of a period's slot the bar fills: the rest is air between bars
MAX_BAR = 70  # a bar of a single period would fill the chart; this keeps it a bar
GAIN, LOSS = "#2b9d5f", "#c0392b"  # a surplus and a deficit
LEGEND_CHAR = 7.4  # width of a legend character at 12.5 px, rounded up
LEGEND_ROW = 20  # a legend row: 14 px swatches and 12.5 px text with air

Scale = Callable[[float], float]


def flows_chart(
    rows: Sequence[Mapping[str, Any]],
    a: str,
    b: str,
    currency: str | None,
    colors: tuple[str, str] = (PALETTE[1], PALETTE[2]),
) -> Markup:
    """Export of ``a`` to ``b`` at the bottom of each bar, its import from ``b`` on top,
    in the ``colors`` the pair's trade chart gives those two flows."""
    if not rows:
        return Markup("")
    top = max((r["export"] or 0) + (r["import"] or 0) for r in rows)
    ticks = nice_ticks(top * 1.08)
    y = _scale(0, ticks[-1])
    legend = [
        (f"экспорт: {wording.name(a)} → {wording.name(b)}", colors[0]),
        (f"импорт: {wording.name(b)} → {wording.name(a)}", colors[1]),
    ]
    plot = _grid(ticks, y, currency)
    for n, row in enumerate(rows):
        plot.extend(_stack(row, _slot(n, len(rows)), y, colors))
    return _framed(f"Экспорт и импорт по годам, {currency or ''}", legend, plot)


def _stack(
    row: Mapping[str, Any], slot: tuple[float, float], y: Scale, colors: tuple[str, str]
) -> list[str]:
    x, width = slot
    period = wording.short_period(row["year"], row["months"])
    parts, base = [], 0.0
    for key, color, label in (("export", colors[0], "экспорт"), ("import", colors[1], "импорт")):
        if row[key]:
            parts.append(
                _bar(
                    x,
                    y(base + row[key]),
                    width,
                    y(base) - y(base + row[key]),
                    color,
                    f"{label}, {period}: {wording.number(row[key])}",
                )
            )
            base += row[key]
    total = wording.number(base)
    parts.append(
        f'<text x="{x + width / 2:.1f}" y="{y(base) - 6:.1f}" class="value" '
        f'text-anchor="middle">{escape(total)}</text>'
    )
    parts.append(_period(x + width / 2, period))
    return parts


def balance_chart(
    rows: Sequence[Mapping[str, Any]], a: str, b: str, currency: str | None
) -> Markup:
    """The balance of ``a`` with ``b``: a surplus up in green, a deficit down in red."""
    known = [r for r in rows if r["balance"] is not None]
    if not known:
        return Markup("")
    low = min(0.0, *(r["balance"] for r in known))
    high = max(0.0, *(r["balance"] for r in known))
    reach = nice_ticks(max(abs(low), abs(high)) * 1.15)[-1]
    y = _scale(-reach if low < 0 else 0.0, reach if high > 0 else 0.0)
    legend = [
        (f"сальдо: {wording.name(a)} продаёт больше, чем покупает", GAIN),
        ("покупает больше, чем продаёт", LOSS),
    ]
    plot = [
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}" class="axis"/>',
        f'<text x="{LEFT - 8}" y="{y(0) + 4:.1f}" class="tick" text-anchor="end">0</text>',
        f'<text x="{LEFT - 8}" y="{TOP - 18}" class="unit" text-anchor="end">'
        f"{escape(currency or '')}</text>",
    ]
    for n, row in enumerate(known):
        plot.extend(_signed(row, _slot(n, len(known)), y))
    return _framed(f"Сальдо торговли, {currency or ''}", legend, plot)


def _signed(row: Mapping[str, Any], slot: tuple[float, float], y: Scale) -> list[str]:
    x, width = slot
    value = row["balance"]
    period = wording.short_period(row["year"], row["months"])
    said = f"{'+' if value >= 0 else '−'}{wording.number(abs(value))}"
    top, bottom = sorted((y(0), y(value)))
    label_y = top - 6 if value >= 0 else bottom + 15
    return [
        _bar(
            x,
            top,
            width,
            max(bottom - top, 1.0),
            GAIN if value >= 0 else LOSS,
            f"сальдо, {period}: {said}",
        ),
        f'<text x="{x + width / 2:.1f}" y="{label_y:.1f}" class="value" '
        f'text-anchor="middle">{escape(said)}</text>',
        _period(x + width / 2, period),
    ]


def _scale(low: float, high: float) -> Scale:
    span = (high - low) or 1.0

    def y(value: float) -> float:
        return TOP + (high - value) / span * (HEIGHT - TOP - BOTTOM)

    return y


def _slot(n: int, count: int) -> tuple[float, float]:
    """The left edge and width of the ``n``-th of ``count`` bars."""
    step = (WIDTH - LEFT - RIGHT) / count
    width = min(step * BAR_SHARE, MAX_BAR)
    return LEFT + step * n + (step - width) / 2, width


def _bar(x: float, y: float, width: float, height: float, color: str, title: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'fill="{color}" class="bar"><title>{escape(title)}</title></rect>'
    )


def _period(x: float, period: str) -> str:
    return (
        f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 20}" class="tick" '
        f'text-anchor="middle">{escape(period)}</text>'
    )


def _grid(ticks: Sequence[float], y: Scale, currency: str | None) -> list[str]:
    parts = [
        f'<text x="{LEFT - 8}" y="{TOP - 18}" class="unit" text-anchor="end">'
        f"{escape(currency or '')}</text>"
    ]
    for tick in ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}" class="{"axis" if tick == 0 else "grid"}"/>'
            f'<text x="{LEFT - 8}" y="{y(tick) + 4:.1f}" class="tick" '
            f'text-anchor="end">{escape(wording.number(tick))}</text>'
        )
    return parts


def _framed(label: str, legend: Sequence[tuple[str, str]], plot: Sequence[str]) -> Markup:
    """The plot under a legend that wraps into rows where names are long; the chart grows
    by the rows past the first."""
    parts, x, row = [], LEFT, 0
    for text, color in legend:
        width = int(40 + LEGEND_CHAR * len(text))
        if x > LEFT and x + width - 20 > WIDTH - RIGHT:
            x, row = LEFT, row + 1
        top = 6 + row * LEGEND_ROW
        parts.append(
            f'<rect x="{x}" y="{top}" width="14" height="14" rx="3" fill="{color}"/>'
            f'<text x="{x + 20}" y="{top + 12}" class="legend">{escape(text)}</text>'
        )
        x += width
    extra = row * LEGEND_ROW
    return svg(
        WIDTH,
        HEIGHT + extra,
        label,
        [*parts, f'<g transform="translate(0 {extra})">', *plot, "</g>"],
    )
