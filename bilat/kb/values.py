"""What a stated figure allows: "свыше 26 млрд" is any value from 26 to about 32 billion,
"26,1 млрд" anything that rounds to it. Two claims agree when their ranges meet.

Money and volumes are compared relatively (a share of the value), percentages
absolutely (in percentage points), as the scorer compares them.
"""

from __future__ import annotations

import math

from bilat.schemas import Fields

# Relative slack of a money or volume figure, by qualifier.
ROUNDING = 0.015  # an exact figure as quoted: 1.5 % covers rounding 489,2 to 490 or 0,49 млрд
APPROX = 0.05  # "около", "порядка": outlets round to the nearest 5 % or so
# "свыше X" / "менее X": how far past X the true value may lie. A writer who says "over
# 26 billion" of 40 billion would say "about 40"; a quarter covers rounding down to one
# significant figure ("более 500 млн" for 580 млн).
REACH = 0.25

# The same in percentage points, for growth rates and shares.
POINTS_ROUNDING = 0.5  # the scorer's tolerance for a percentage
POINTS_APPROX = 2.0
POINTS_REACH = 5.0

PERCENT_TYPES = frozenset({"change", "share"})

Range = tuple[float, float]


def measured(view: Fields, type: str) -> float | None:
    """The number a fact states: its percent for growth and shares, else its value. Given
    the claim's cached view: consolidation asks it of every claim."""
    raw = view.percent if type in PERCENT_TYPES else view.value
    if isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw):
        return float(raw)
    return None


def value_range(value: float, qualifier: object, points: bool) -> Range:
    """The values a figure with this qualifier allows."""
    if points:
        return _points_range(value, qualifier)
    size = abs(value)
    if qualifier == "over":
        return value, value + size * REACH
    if qualifier == "under":
        return value - size * REACH, value
    slack = APPROX if qualifier == "approx" else ROUNDING
    return value - size * slack, value + size * slack


def _points_range(value: float, qualifier: object) -> Range:
    if qualifier == "over":
        return value, value + POINTS_REACH
    if qualifier == "under":
        return value - POINTS_REACH, value
    slack = POINTS_APPROX if qualifier == "approx" else POINTS_ROUNDING
    return value - slack, value + slack


def meet(one: Range, other: Range) -> Range | None:
    """The values both ranges allow, or None when they cannot both be true."""
    low, high = max(one[0], other[0]), min(one[1], other[1])
    return (low, high) if low <= high else None


def relative_gap(found: float, expected: float) -> float:
    """How far ``found`` is from ``expected``, as a share of ``expected``."""
    return abs(found - expected) / abs(expected) if expected else math.inf
