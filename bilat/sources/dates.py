"""Publication dates as ISO ``YYYY-MM-DD``, from whatever form a source states them in."""

from __future__ import annotations

import re
import time
from datetime import date, datetime

MONTHS = {  # genitive, as in a dateline "12 марта 2025", and the nominative for "март 2025"
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_DOTTED = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_RUSSIAN = re.compile(
    r"^\s*(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})(?:\s*(?:г\.|года))?", re.IGNORECASE
)
# A line that is a dateline and nothing else: "12 марта 2025", "12 марта 2025 г., 14:30",
# "12 марта" (no year: the reader leaves the date unknown, the text keeps the line).
DATELINE = re.compile(
    r"^\s*\d{1,2}\s+(?:" + "|".join(MONTHS) + r")(?:\s+\d{4}(?:\s*(?:г\.|года))?)?"
    r"(?:[,\s]+\d{1,2}:\d{2})?\s*$",
    re.IGNORECASE,
)


def iso_date(value: object) -> str | None:
    """``2025-03-12`` from an ISO string, ``12.03.2025``, ``12 марта 2025``, a Unix time,
    a ``datetime`` or a ``time.struct_time``; None when there is no full, valid date."""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _unix_date(value)
    if not isinstance(value, str):
        return None
    if match := _ISO.match(value):
        return _valid(*map(int, match.groups()))
    if match := _DOTTED.match(value):
        day, month, year = map(int, match.groups())
        return _valid(year, month, day)
    if match := _RUSSIAN.match(value):
        return _valid(int(match[3]), MONTHS[match[2].lower()], int(match[1]))
    return None


def _unix_date(seconds: float) -> str | None:
    try:
        return datetime.fromtimestamp(seconds).strftime("%Y-%m-%d") if seconds > 0 else None
    except (ValueError, OverflowError, OSError):  # past the year 9999, or not a number
        return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # 31.02.2025 and the like: a typo, not a date
        return None


def dateline(lines: list[str]) -> str | None:
    """The date of a plain-text article's dateline among its first lines, when it has a year."""
    for line in lines:
        if DATELINE.match(line):
            return iso_date(line)
    return None


# Dates in article URLs: "/2018/03/14/", "/2018-03-14-", "/20180314/kazakhstan…", a date
# that opens a timestamp ("/20250822010844-…", to the minute), the unpadded "/2023/9/9/" and
# the day-first "/18072024/" between slashes. Only a whole date counts; "/news/2010-12/"
# tells the month and is left to the text.
_URL_DATE = re.compile(
    r"(?<![\d])((?:19|20)\d\d)([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])"
    r"(?![\d])|(?<![\d])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d"
)
_URL_SLASHED = re.compile(r"/((?:19|20)\d\d)/(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?:/|$)")
_URL_DAY_FIRST = re.compile(r"/(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])((?:19|20)\d\d)(?:/|$)")


def url_date(url: str | None) -> str | None:
    """The publication date an article's URL carries in its path, else None."""
    if not url:
        return None
    path = "/" + url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0]
    if match := _URL_DATE.search(path):
        year, month, day = (match[1], match[3], match[4]) if match[1] else match.group(5, 6, 7)
        return _valid(int(year), int(month), int(day))
    if match := _URL_SLASHED.search(path):
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    if match := _URL_DAY_FIRST.search(path):
        return _valid(int(match[3]), int(match[2]), int(match[1]))
    return None


# "/news/2010-12/…", "/2019/06/…": a year and month in a URL's path; "/2024/eksport-…": a
# year folder with the article's slug in it.
_URL_YEAR_MONTH = re.compile(
    r"/((?:19|20)\d\d)(?:[/_-](0[1-9]|1[0-2])(?:/|$|[/_-](?!\d))|/(?=[a-z][a-z0-9-]*[a-z]))"
)


def url_year(url: str | None) -> int | None:
    """The publication year an article's URL tells, whole date or year and month."""
    if not url:
        return None
    full = url_date(url)
    if full:
        return int(full[:4])
    path = "/" + url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0]
    match = _URL_YEAR_MONTH.search(path)
    return int(match[1]) if match else None
