"""Dates of events and signings: "27-29 апреля", "в декабре 2021 года", "на июнь 2022 года",
"в 2025 году", and "сегодня"/"вчера"/"накануне" against the publication date.

Dates come out as precise as the text gives them: "2024-06-27", "2021-12" or "2025".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from yargy import and_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import caseless, dictionary, eq, gte, in_, lte, normalized
from yargy.predicates import type as type_

from bilat.extract.parse.grammar import find_near
from bilat.extract.parse.periods import MONTH_TRIGGER, MONTHS, YEAR_NUMBER
from bilat.model import Token
from bilat.nlp import lemma_of

EventDate = fact("EventDate", ["day", "month", "year"])
DAY = and_(type_("INT"), gte(1), lte(31))
YEAR = rule(
    YEAR_NUMBER.interpretation(EventDate.year.custom(int)),
    or_(rule(normalized("год")), rule(caseless("г"), eq(".").optional())).optional(),
)
MONTH = rule(dictionary(set(MONTHS))).interpretation(
    EventDate.month.custom(lambda word: MONTHS.get(lemma_of(word.lower())))
)
DAYS = rule(DAY.interpretation(EventDate.day.custom(int)), rule(in_("-–—"), DAY).optional())
# "с 17 по 19 сентября": the days of an event told as a span; it began on the first
DAY_SPAN = rule(
    caseless("с"),
    DAY.interpretation(EventDate.day.custom(int)),
    eq("по"),
    DAY,
)
DATE = or_(
    rule(DAY_SPAN, MONTH, YEAR.optional()),
    rule(DAYS, MONTH, YEAR.optional()),
    rule(MONTH, YEAR.optional()),
    rule(YEAR_NUMBER.interpretation(EventDate.year.custom(int)), normalized("год")),
).interpretation(EventDate)
# Words for a day relative to the publication date.
RELATIVE_DAYS = {"сегодня": 0, "вчера": -1, "накануне": -1, "завтра": 1}
# "в пятницу": the last such weekday on or before the publication date (news reports the
# week's events), by lemma → ISO weekday number less one.
WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "среда": 2,
    "четверг": 3,
    "пятница": 4,
    "суббота": 5,
    "воскресенье": 6,
}


@dataclass(frozen=True)
class DateSpan:
    start: int
    stop: int
    day: int | None
    month: int | None
    year: int | None

    def iso(self, published: str | None, status: str) -> str | None:
        """ISO date, as precise as the text: a missing year is the publication's, or the
        next one for an announced month already past ("в апреле" written in May)."""
        year = self.year
        if year is None and published:
            year = int(published[:4])
            month_now = int(published[5:7])
            if self.month and status == "announced" and self.month < month_now:
                year += 1
            elif self.month and status == "past" and self.month > month_now:
                year -= 1
        if year is None:
            return None
        if self.month is None:
            return f"{year:04d}"
        if self.day is None or not _exists(year, self.month, self.day):
            return f"{year:04d}-{self.month:02d}"  # "31 февраля": the month is all it tells
        return f"{year:04d}-{self.month:02d}-{self.day:02d}"


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# Where a date may be: a digit or a month; a cheap filter before the parser.
DATE_TRIGGERS = re.compile(r"\d|" + MONTH_TRIGGER, re.IGNORECASE)
DATE_BEFORE, DATE_AFTER = 12, 24


def find_dates(text: str, offset: int = 0) -> list[DateSpan]:
    found = []
    for match in find_near(DATE, text, DATE_TRIGGERS, DATE_BEFORE, DATE_AFTER, offset):
        value = match.fact
        found.append(DateSpan(match.start, match.stop, value.day, value.month, value.year))
    return found


def relative_day(tokens: Sequence[Token], published: str | None) -> str | None:
    """ "сегодня" → the publication date, "вчера"/"накануне" → the day before, "в пятницу"
    → the last Friday on or before it."""
    if not published or len(published) < len("2024-01-01"):
        return None
    today = dt.date.fromisoformat(published[:10])
    for i, token in enumerate(tokens):
        shift = RELATIVE_DAYS.get(token.lemma)
        if shift is not None:
            return (today + dt.timedelta(days=shift)).isoformat()
        weekday = WEEKDAYS.get(token.lemma)
        if weekday is not None and i and tokens[i - 1].lemma in {"в", "во"}:
            back = (today.weekday() - weekday) % 7
            return (today - dt.timedelta(days=back)).isoformat()
    return None
