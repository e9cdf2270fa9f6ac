"""One cell of an official table read as bilat's value: a party, a year, a period, a number,
a unit. Each reader raises BadCell with what was found and what was expected."""

from __future__ import annotations

import math
import re

import pycountry

from bilat.actors import UnknownActorError, actor_by_name, is_actor, lookup
from bilat.errors import BilatError


class BadCell(BilatError, ValueError):
    """A cell that cannot be read; the message names what was found and what was expected.
    The table reader catches it and reports its row in one line ("file:line: why")."""


# Kazakhstan's regions had letter codes until ISO 3166-2 gave them the KATO numbers in
# 2020; statistics tables still carry the old ones, and the gazetteer knows the new.
FORMER_CODES = {
    "KZ-AKM": "KZ-11",
    "KZ-AKT": "KZ-15",
    "KZ-ALM": "KZ-19",
    "KZ-ATY": "KZ-23",
    "KZ-ZAP": "KZ-27",
    "KZ-ZHA": "KZ-31",
    "KZ-KAR": "KZ-35",
    "KZ-KUS": "KZ-39",
    "KZ-KZY": "KZ-43",
    "KZ-MAN": "KZ-47",
    "KZ-PAV": "KZ-55",
    "KZ-SEV": "KZ-59",
    "KZ-YUZ": "KZ-61",
    "KZ-VOS": "KZ-63",
    "KZ-AST": "KZ-71",
    "KZ-ALA": "KZ-75",
    "KZ-SHY": "KZ-79",
}


def party(text: str) -> str:
    """bilat's code for a party cell: an ISO code (KZ, KAZ, RU-BA, KZ-AKT) or a name, in
    Russian from the gazetteer ("Республика Башкортостан") or in English ("Kazakhstan")."""
    cell = text.strip()
    code = cell.upper()
    if not cell:
        raise BadCell("no party: expected an ISO code (KZ, KAZ, RU-BA) or a name")
    if is_actor(code):
        return code
    if code in FORMER_CODES:
        return FORMER_CODES[code]
    found = _country(cell) or _named(cell)
    if found is None:
        raise BadCell(
            f"unknown party {cell!r}: expected an ISO code (KZ, KAZ, RU-BA) "
            "or a country's or region's name"
        )
    return found


def _country(cell: str) -> str | None:
    """An ISO alpha-3 code or an English name, as Comtrade gives them."""
    try:
        country = pycountry.countries.lookup(cell)
    except LookupError:
        return None
    return country.alpha_2 if is_actor(country.alpha_2) else None


def _named(cell: str) -> str | None:
    try:
        return lookup(cell).code
    except UnknownActorError:
        actor = actor_by_name(cell)
        return actor.code if actor else None


def year(text: str) -> int:
    cell = text.strip()
    if not re.fullmatch(r"(19|20)\d\d", cell):
        raise BadCell(f"year {cell!r}: expected four digits, such as 2024")
    return int(cell)


# -- periods ------------------------------------------------------------------------------

# Stems of the months' Russian names, January first: "января", "сентябрь", "сент."
MONTH_STEMS = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
WHOLE_YEAR = frozenset({"", "год", "за год", "year", "12"})


def months(text: str) -> int | None:
    """Months from January a period cell covers; None for the whole year. Reads "9",
    "январь-сентябрь", "январь – сентябрь", "9 месяцев", "I полугодие", "I квартал"."""
    cell = " ".join(text.strip().lower().replace("ё", "е").split())
    if cell in WHOLE_YEAR:
        return None
    found = _months_of(cell)
    if found is None or not 1 <= found <= 12:
        raise BadCell(
            f"period {text.strip()!r}: expected months from January (1–12, "
            "'январь-сентябрь', '9 месяцев') or empty for the whole year"
        )
    return None if found == 12 else found


def _months_of(cell: str) -> int | None:
    if cell.isdigit():
        return int(cell)
    number = re.fullmatch(r"(\d{1,2}) (месяц|месяца|месяцев|мес\.?|months?)", cell)
    if number:
        return int(number.group(1))
    if cell in ("i полугодие", "1 полугодие", "первое полугодие"):
        return 6
    if cell in ("i квартал", "1 квартал", "первый квартал"):
        return 3  # a later quarter alone does not begin in January
    first, _, last = re.sub(r"\s*[-–—]\s*", "-", cell).partition("-")
    if last and _month(first) != 1:
        return None  # "апрель-июнь" is not from January
    return _month(last or first)


def _month(word: str) -> int | None:
    for number, stem in enumerate(MONTH_STEMS, start=1):
        if word.startswith(stem) and not (stem == "ма" and word.startswith("мар")):
            return number
    return None


# -- numbers and units ------------------------------------------------------------------------

SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


def number(text: str) -> float:
    """A non-negative number: "412700000", "412 700 000", "412700,5", "1,234.5"."""
    cell = SPACES.sub("", text)
    if "," in cell:
        cell = cell.replace(",", "") if "." in cell else cell.replace(",", ".")
    try:
        value = float(cell)
    except ValueError:
        raise BadCell(f"value {text.strip()!r}: expected a number") from None
    if not math.isfinite(value) or value < 0:
        raise BadCell(f"value {text.strip()!r}: expected a number of zero or more")
    return value


SCALE_WORDS = (
    ("млрд", 1e9),
    ("млн", 1e6),
    ("тыс", 1e3),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
)
CURRENCY_WORDS = (
    ("долл", "USD"),
    ("$", "USD"),
    ("руб", "RUB"),
    ("евро", "EUR"),
    ("юан", "CNY"),
    ("тенге", "KZT"),
    ("сум", "UZS"),
    ("бел", "BYN"),
)


def unit(text: str) -> tuple[float, str]:
    """(scale, currency) of a unit cell: "тыс. долл. США" is (1000, "USD")."""
    cell = text.strip().lower()
    scale = next((factor for word, factor in SCALE_WORDS if word in cell), 1.0)
    code = re.search(r"\b[a-z]{3}\b", cell)
    if code and code.group().upper() not in ("THS", "MLN"):
        return scale, currency(code.group())
    for word, found in CURRENCY_WORDS:
        if word in cell:
            return scale, found
    raise BadCell(f"unit {text.strip()!r}: expected a currency, such as 'тыс. долл. США'")


def currency(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise BadCell(f"currency {text.strip()!r}: expected an ISO 4217 code, such as USD")
    return code
