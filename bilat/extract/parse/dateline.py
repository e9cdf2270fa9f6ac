"""The publication date a text states near its top: "28 Ноября , 10:05", "АСТАНА, 21 фев -",
"Monday, 07 March 2022 3:13 PM", "March 7, 2022", "12.03.2025", "12 марта 2025 г.".

A dateline may lack the year; the document's context then reads it from the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from yargy import and_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import caseless, eq, gte, lte
from yargy.predicates import type as type_

from bilat.extract.parse.grammar import find_near
from bilat.extract.parse.periods import YEAR_NUMBER

Date = fact("Date", ["day", "month", "year"])

# Month spellings (Russian full, genitive and abbreviated; English) → number.
MONTH_NAMES = {
    1: ("январь", "января", "янв", "january", "jan"),
    2: ("февраль", "февраля", "фев", "февр", "february", "feb"),
    3: ("март", "марта", "мар", "march", "mar"),
    4: ("апрель", "апреля", "апр", "april", "apr"),
    5: ("май", "мая", "may"),
    6: ("июнь", "июня", "июн", "june", "jun"),
    7: ("июль", "июля", "июл", "july", "jul"),
    8: ("август", "августа", "авг", "august", "aug"),
    9: ("сентябрь", "сентября", "сен", "сент", "september", "sep", "sept"),
    10: ("октябрь", "октября", "окт", "october", "oct"),
    11: ("ноябрь", "ноября", "ноя", "нояб", "november", "nov"),
    12: ("декабрь", "декабря", "дек", "december", "dec"),
}
MONTH_BY_NAME = {name: number for number, names in MONTH_NAMES.items() for name in names}

# How far into a text a dateline may stand: past the headline and a byline, not deeper,
# where dates are those of events. Tuned on the demo corpus and the dev articles.
DATELINE_CHARS = 400

DAY = and_(type_("INT"), gte(1), lte(31))
MONTH_NUMBER = and_(type_("INT"), gte(1), lte(12))
YEAR = YEAR_NUMBER
MONTH_WORD = rule(or_(*[rule(caseless(n)) for n in MONTH_BY_NAME]), eq(".").optional())

WORDY = rule(
    DAY.interpretation(Date.day.custom(int)),
    MONTH_WORD.interpretation(Date.month.custom(lambda w: MONTH_BY_NAME[w.lower().rstrip(".")])),
    rule(
        eq(",").optional(),  # "20 февраля, 2026, 06:28"
        YEAR.interpretation(Date.year.custom(int)),
        rule(caseless("г"), eq(".").optional()).optional(),
    ).optional(),
)
NUMERIC = rule(
    DAY.interpretation(Date.day.custom(int)),
    eq("."),
    MONTH_NUMBER.interpretation(Date.month.custom(int)),
    eq("."),
    YEAR.interpretation(Date.year.custom(int)),
)
ISO = rule(
    YEAR.interpretation(Date.year.custom(int)),
    eq("-"),
    MONTH_NUMBER.interpretation(Date.month.custom(int)),
    eq("-"),
    DAY.interpretation(Date.day.custom(int)),
)
# "March 7, 2022", "Mar 7 2022": the month first, as English pages write it.
ENGLISH_MONTH = rule(
    or_(*[rule(caseless(n)) for n in MONTH_BY_NAME if n.isascii()]), eq(".").optional()
)
MONTH_FIRST = rule(
    ENGLISH_MONTH.interpretation(Date.month.custom(lambda w: MONTH_BY_NAME[w.lower().rstrip(".")])),
    DAY.interpretation(Date.day.custom(int)),
    eq(",").optional(),
    YEAR.interpretation(Date.year.custom(int)),
)
# "01.06.16" on a line of its own, as some sites stamp an item: a two-digit year, read in
# the years news is from (taken only when the line holds nothing else: see find_dateline).
TWO_DIGITS = and_(type_("INT"), gte(0), lte(99))
SHORT_NUMERIC = rule(
    DAY.interpretation(Date.day.custom(int)),
    eq("."),
    MONTH_NUMBER.interpretation(Date.month.custom(int)),
    eq("."),
    TWO_DIGITS.interpretation(Date.year.custom(lambda yy: 2000 + int(yy))),
)
DATE = or_(ISO, NUMERIC, WORDY, MONTH_FIRST, SHORT_NUMERIC).interpretation(Date)


@dataclass(frozen=True)
class Dateline:
    day: int
    month: int
    year: int | None

    def iso(self, year: int | None = None) -> str | None:
        year = self.year or year
        return f"{year:04d}-{self.month:02d}-{self.day:02d}" if year else None


def find_dateline(text: str) -> Dateline | None:
    """The first date in the head of the text, or None. Where a later full date comes
    before an earlier one ("12.11.2025 … Рубрика … 04.05.2023 00:00"), the
    first is the site's today: an item is never dated after the day it is read."""
    head = text[:DATELINE_CHARS]
    found = []
    for match in find_near(DATE, head, DATE_TRIGGERS, DATE_BEFORE, DATE_AFTER):
        if _two_digit_year(head, match) and not _whole_line(head, match.start, match.stop):
            continue
        if _stands_alone(head, match.start) and not _site_clock(head, match.start, match.stop):
            date = match.fact
            found.append(Dateline(day=date.day, month=date.month, year=date.year))
        if len(found) == 2:
            break
    if len(found) == 2 and _site_today(*found):
        return found[1]
    return found[0] if found else None


def _site_today(first: Dateline, second: Dateline) -> bool:
    if first.year is None or second.year is None:
        return False
    return (first.year, first.month, first.day) > (second.year, second.month, second.day)


def _two_digit_year(head: str, match: Any) -> bool:
    return bool(re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2}", head[match.start : match.stop]))


def _whole_line(head: str, start: int, stop: int) -> bool:
    line_start = head.rfind("\n", 0, start) + 1
    line_end = head.find("\n", stop)
    line = head[line_start : len(head) if line_end < 0 else line_end]
    return line.strip() == head[start:stop]


def _site_clock(head: str, start: int, stop: int) -> bool:
    """ "Среда, 3 июля 2024 Гомель +18°C", "Лондон 10:15 Пекин 17:15 Среда, 3 июля 2024",
    "Четверг, 1 мая, 2025": the site's today beside its weather or its world clocks, or in
    its theme's form, not the day the item is from."""
    after = head[stop : stop + CHROME_REACH]
    before = head[max(0, start - CHROME_REACH) : start]
    return (
        "°" in after
        or len(CLOCK_TIMES.findall(before)) >= 2
        or bool(WEEKDAY_BEFORE.search(before) and COMMA_YEAR.search(head[start:stop]))
    )


# How far from a date a site's weather or clocks may stand; a world clock shows two times
# or more ("КИЕВ 08:52 Брюссель 07:52"), where an item's own time is one.
CHROME_REACH = 30
CLOCK_TIMES = re.compile(r"\b\d{1,2}:\d{2}\b")
# "Среда, 5 февраля, 2025": a site theme's today, a weekday before and a comma before the year.
WEEKDAY_BEFORE = re.compile(
    r"(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),\s*$", re.IGNORECASE
)
COMMA_YEAR = re.compile(r",\s*\d{4}$")


# Every date form holds a number: the parser runs only around digits.
DATE_TRIGGERS = re.compile(r"\d+")
DATE_BEFORE, DATE_AFTER = 12, 24


def _stands_alone(head: str, start: int) -> bool:
    """A dateline has a short line of its own or opens one ("АСТАНА, 21 фев - …");
    a date deep in a long line is the date of something the text tells about."""
    line_start = head.rfind("\n", 0, start) + 1
    line_end = head.find("\n", start)
    line_end = len(head) if line_end < 0 else line_end
    return line_end - line_start <= MAX_DATELINE_LINE or start - line_start <= MAX_DATELINE_LEAD


# A line holding only a date, a time and a byline; longer lines are prose.
MAX_DATELINE_LINE = 80
# "АСТАНА, 21 фев" — a city name in capitals and a comma before the date.
MAX_DATELINE_LEAD = 40
