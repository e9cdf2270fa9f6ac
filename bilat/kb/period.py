"""A period of publication dates, as a digest asks for it: ``--since 2024-11-01 --until …``.

Both ends are days, the last one included; a month (2024-11) or a year (2024) stands for
its first day as a start and for its last day as an end, as the facts explorer reads them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from bilat.errors import RequestError

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DEFAULT_DAYS = 7  # without a start, the digest is the weekly one: the last seven days
EXPECTED = "expected a day such as 2024-11-01 (or a month, 2024-11, or a year, 2024)"


class PeriodError(RequestError):
    """A period that names no days: a date that does not exist, or an end before the start."""


@dataclass(frozen=True)
class Period:
    since: str  # the first day, ISO
    until: str | None = None  # the last day, ISO, included; None: up to now

    @classmethod
    def parse(
        cls, since: str | None, until: str | None = None, today: date | None = None
    ) -> Period:
        """The period from ``since`` to ``until``; without ``since``, the last
        ``DEFAULT_DAYS`` days up to ``today`` included."""
        if since and since.strip():
            first = _day(since, "since", last=False)
        else:
            first = ((today or date.today()) - timedelta(days=DEFAULT_DAYS - 1)).isoformat()
        last = _day(until, "until", last=True) if until and until.strip() else None
        if last is not None and last < first:
            raise PeriodError(f"the period ends ({last}) before it starts ({first})")
        return cls(first, last)

    def holds(self, day: str | None) -> bool:
        """Whether a document's date falls in the period; an undated one falls in none."""
        if not day:
            return False
        known = _first_day(day)
        return known >= self.since and (self.until is None or known <= self.until)

    def before(self, day: str | None) -> bool:
        return bool(day) and _first_day(str(day)) < self.since

    def to_json(self) -> dict[str, str | None]:
        return {"since": self.since, "until": self.until}


def _day(text: str, name: str, last: bool) -> str:
    found = _DATE.match(text.strip())
    try:
        if found is None:
            raise ValueError(text)
        year = int(found.group(1))
        month = int(found.group(2) or (12 if last else 1))
        default_day = calendar.monthrange(year, month)[1] if last else 1
        return date(year, month, int(found.group(3) or default_day)).isoformat()
    except ValueError:
        raise PeriodError(f"{name} {text.strip()!r} is no date: {EXPECTED}") from None


def _first_day(day: str) -> str:
    """A stored date, partial ones ("2024-11") taken as their first day."""
    day = day.strip()[:10]
    return day + "-01" * ((10 - len(day)) // 3) if len(day) in (4, 7) else day
