"""Two more server-side SVGs: events of a pair on a timeline, an actor's partner network."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from bilat.web.charts import MAX_PARTNERS, svg

TIMELINE_WIDTH = 760
TIMELINE_PAD = 60  # the first and last dot sit this far in, for their labels' sake
LANE = 26  # one row of labels: a 12.5 px line (18 px in Chromium) and its 4 px halo
AXIS_ROOM = 16  # between the axis and the nearest row of labels
LABEL_CHAR = 7.4  # width of a label character at 12.5 px, rounded up: a guess too wide
# only costs a row, one too narrow lets two labels touch
LABEL_GAP = 10  # air between two labels of one row
NETWORK_SIZE = 520
LABEL_CHARS = 28  # longer event names are cut: the list under the timeline has them whole


def _fraction(date: str) -> float | None:
    """ "2024-11-05" → 2024.85; a partial date is placed at the start of what it names."""
    parts = date.split("-")
    if not parts[0].isdigit():
        return None
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
    day = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
    return year + (month - 1) / 12 + (day - 1) / 365


@dataclass(frozen=True)
class Label:
    x: float  # the event's dot
    left: float  # where its label starts
    width: float
    lane: int  # 0, 2, 4 … above the axis, 1, 3, 5 … below, nearest first
    event: Mapping[str, Any]
    text: str


def timeline(events: Sequence[Mapping[str, Any]]) -> Markup:
    """Events (``{"id", "date", "label"}``) as dots on a line, each label in the nearest
    row above or below the axis where it overlaps no other, joined to its dot by a line:
    events on one day or on nearby days stack their labels instead of writing over them."""
    fractions = ((_fraction(e["date"]), e) for e in events if e.get("date"))
    dated = sorted(((t, e) for t, e in fractions if t is not None), key=lambda item: item[0])
    if not dated:
        return Markup("")
    first, last = dated[0][0], dated[-1][0]
    span = max(last - first, 1 / 12)
    inner = TIMELINE_WIDTH - 2 * TIMELINE_PAD
    labels = _lay_out(
        [
            (TIMELINE_PAD + (t - first) / span * inner if len(dated) > 1 else TIMELINE_WIDTH / 2, e)
            for t, e in dated
        ]
    )
    above = max((lb.lane // 2 + 1 for lb in labels if lb.lane % 2 == 0), default=0)
    below = max((lb.lane // 2 + 1 for lb in labels if lb.lane % 2 == 1), default=0)
    mid = AXIS_ROOM + above * LANE
    body = [f'<line x1="30" x2="{TIMELINE_WIDTH - 30}" y1="{mid}" y2="{mid}" class="axis"/>']
    # Leaders first: the labels, drawn over them with a halo, stay readable where a
    # leader to a farther row passes behind them.
    body.extend(_leader(label, mid) for label in labels)
    body.extend(_event(label, mid) for label in labels)
    return svg(TIMELINE_WIDTH, int(mid + AXIS_ROOM + below * LANE + 6), "События по датам", body)


def _lay_out(placed: Sequence[tuple[float, Mapping[str, Any]]]) -> list[Label]:
    """Each label centred on its dot (moved in where it would leave the chart), in the
    first row, nearest the axis, where it keeps LABEL_GAP from every label of the row."""
    rows: dict[int, list[tuple[float, float]]] = {}
    labels = []
    for x, event in placed:
        name = event["label"]
        text = f"{event['date']} {name[:LABEL_CHARS]}{'…' if len(name) > LABEL_CHARS else ''}"
        width = len(text) * LABEL_CHAR
        left = min(max(x - width / 2, 4.0), TIMELINE_WIDTH - 4 - width)
        lane = next(
            n
            for n in range(len(placed) + 1)
            if all(
                left + width + LABEL_GAP <= start or end + LABEL_GAP <= left
                for start, end in rows.get(n, [])
            )
        )
        rows.setdefault(lane, []).append((left, left + width))
        labels.append(Label(x=x, left=left, width=width, lane=lane, event=event, text=text))
    return labels


def _baseline(label: Label, mid: float) -> float:
    depth = label.lane // 2
    if label.lane % 2 == 0:  # above the axis
        return mid - AXIS_ROOM - depth * LANE
    return mid + AXIS_ROOM + depth * LANE + 12


def _leader(label: Label, mid: float) -> str:
    baseline = _baseline(label, mid)
    end = baseline + 3 if label.lane % 2 == 0 else baseline - 12
    centre = min(max(label.x, label.left), label.left + label.width)
    return f'<line x1="{label.x:.1f}" y1="{mid}" x2="{centre:.1f}" y2="{end:.1f}" class="leader"/>'


def _event(label: Label, mid: float) -> str:
    event = label.event
    return (
        f'<a href="#{escape(event["id"])}" class="pt">'
        f'<circle cx="{label.x:.1f}" cy="{mid}" r="7" class="event-dot">'
        f"<title>{escape(event['date'])}: {escape(event['label'])}</title></circle>"
        f'<text x="{label.left:.1f}" y="{_baseline(label, mid):.1f}" class="legend">'
        f"{escape(label.text)}</text></a>"
    )


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
        edges.append(
            f'<line x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" class="edge" '
            f'stroke-width="{width:.1f}"/>'
        )
        nodes.append(_node(center["code"], partner, x, y, c))
    middle = (
        f'<circle cx="{c}" cy="{c}" r="34" class="node center"/>'
        f'<text x="{c}" y="{c + 5}" class="node-label center" text-anchor="middle">'
        f"{escape(center['code'])}</text>"
    )
    return svg(NETWORK_SIZE, NETWORK_SIZE, f"Партнёры: {center['name']}", [*edges, middle, *nodes])


def _node(code: str, partner: Mapping[str, Any], x: float, y: float, c: float) -> str:
    anchor = "start" if x > c + 10 else "end" if x < c - 10 else "middle"
    dx = 26 if anchor == "start" else -26 if anchor == "end" else 0
    dy = 5 if anchor != "middle" else (40 if y > c else -30)
    title = f"{partner['name']}: фактов {partner['n_facts']}, событий {partner['n_events']}"
    href = f"/pair/{escape(code)}/{escape(partner['code'])}"
    return (
        f'<a href="{href}" class="pt"><circle cx="{x:.1f}" cy="{y:.1f}" r="20" '
        f'class="node"><title>{escape(title)}</title></circle>'
        f'<text x="{x:.1f}" y="{y + 4:.1f}" class="node-code" text-anchor="middle">'
        f"{escape(partner['code'])}</text>"
        f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" class="node-label" '
        f'text-anchor="{anchor}">{escape(partner["name"])}</text></a>'
    )
