"""Two more server-side SVGs: events of a pair on a timeline, an actor's partner network."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from bilat.web.charts import MAX_PARTNERS, svg

TIMELINE_WIDTH, TIMELINE_HEIGHT = 760, 110
NETWORK_SIZE = 520
LABEL_CHARS = 28  # longer event names are cut: the list under the timeline has them whole


def _fraction(date: str) -> float | None:
    """"2024-11-05" → 2024.85; a partial date is placed at the start of what it names."""
    parts = date.split("-")
    if not parts[0].isdigit():
        return None
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
    day = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline(events: Sequence[Mapping[str, Any]]) -> Markup:
    """Events (``{"id", "date", "label"}``) as dots on a line, labels above and below."""
    dated = sorted(((_fraction(e["date"]), e) for e in events if e.get("date")),
                   key=lambda item: item[0] or 0)
    dated = [(t, e) for t, e in dated if t is not None]
    if not dated:
        return Markup("")
    first, last = dated[0][0], dated[-1][0]
    span = max(last - first, 1 / 12)
    mid = TIMELINE_HEIGHT / 2
    body = [f'<line x1="30" x2="{TIMELINE_WIDTH - 30}" y1="{mid}" y2="{mid}" class="axis"/>']
    for n, (t, event) in enumerate(dated):
        x = 60 + (t - first) / span * (TIMELINE_WIDTH - 120) if len(dated) > 1 else \
            TIMELINE_WIDTH / 2
        label_y = mid - 18 if n % 2 == 0 else mid + 30
        anchor = ("start" if x < TIMELINE_WIDTH / 4 and len(dated) > 1 else
                  "end" if x > TIMELINE_WIDTH * 3 / 4 else "middle")  # keep labels inside
        text = event["label"][:LABEL_CHARS] + ("…" if len(event["label"]) > LABEL_CHARS else "")
        body.append(f'<a href="#{escape(event["id"])}" class="pt">'
                    f'<circle cx="{x:.1f}" cy="{mid}" r="7" class="event-dot">'
                    f'<title>{escape(event["date"])}: {escape(event["label"])}</title></circle>'
                    f'<text x="{x:.1f}" y="{label_y}" class="legend" text-anchor="{anchor}">'
                    f'{escape(event["date"])} {escape(text)}</text></a>')
    return svg(TIMELINE_WIDTH, TIMELINE_HEIGHT, "События по датам", body)


def network(center: Mapping[str, Any], partners: Sequence[Mapping[str, Any]]) -> Markup:
    """The actor in the middle, its partners around, lines as thick as their facts."""
    shown = list(partners[:MAX_PARTNERS])
    if not shown:
        return Markup("")
    c = NETWORK_SIZE / 2
    radius = c - 90
    most = max(p["n_facts"] for p in shown) or 1
    edges, nodes = [], []
    for n, partner in enumerate(shown):
        angle = 2 * math.pi * n / len(shown) - math.pi / 2
        x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
        width = 1.5 + 6 * math.sqrt(partner["n_facts"] / most)
        edges.append(f'<line x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" class="edge" '
                     f'stroke-width="{width:.1f}"/>')
        nodes.append(_node(center["code"], partner, x, y, c))
    middle = (f'<circle cx="{c}" cy="{c}" r="34" class="node center"/>'
              f'<text x="{c}" y="{c + 5}" class="node-label center" text-anchor="middle">'
              f'{escape(center["code"])}</text>')
    return svg(NETWORK_SIZE, NETWORK_SIZE, f"Партнёры: {center['name']}",
                [*edges, middle, *nodes])


def _node(code: str, partner: Mapping[str, Any], x: float, y: float, c: float) -> str:
    anchor = "start" if x > c + 10 else "end" if x < c - 10 else "middle"
    dx = 26 if anchor == "start" else -26 if anchor == "end" else 0
    dy = 5 if anchor != "middle" else (40 if y > c else -30)
    title = f"{partner['name']}: фактов {partner['n_facts']}, событий {partner['n_events']}"
    href = f"/pair/{escape(code)}/{escape(partner['code'])}"
    return (f'<a href="{href}" class="pt"><circle cx="{x:.1f}" cy="{y:.1f}" r="20" '
            f'class="node"><title>{escape(title)}</title></circle>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" class="node-code" text-anchor="middle">'
            f'{escape(partner["code"])}</text>'
            f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" class="node-label" '
            f'text-anchor="{anchor}">{escape(partner["name"])}</text></a>')
