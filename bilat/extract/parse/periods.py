"""Periods in Russian news: "в 2024 году", "за 9 месяцев 2021 года", "январь–октябрь",
"первое полугодие", "по итогам прошлого года", "к 2030 году", "показателя 2021 года".

Each match becomes a ``PeriodSpan`` with a role: ``period`` (what a figure is for),
``base`` (what it is compared with) or ``target`` (the year a goal is set for).
Relative years stay relative here; ``resolve_year`` turns them into calendar years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yargy import and_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import (
    caseless,
    dictionary,
    eq,
    gram,
    gte,
    in_,
    in_caseless,
    lte,
    normalized,
)
from yargy.predicates import type as type_

from bilat.extract.parse.grammar import find_near
from bilat.extract.parse.numbers import NUMBER, parse_number
from bilat.nlp import lemma_among, lemma_of

Period = fact("Period", ["year", "relative", "months", "role", "span_years"])

MONTHS = {
    "январь": 1,
    "февраль": 2,
    "март": 3,
    "апрель": 4,
    "май": 5,
    "июнь": 6,
    "июль": 7,
    "август": 8,
    "сентябрь": 9,
    "октябрь": 10,
    "ноябрь": 11,
    "декабрь": 12,
}
# Relative years: the lemma of the adjective before "год" → offset from the publication year.
RELATIVE_YEARS = {
    "прошлый": -1,
    "минувший": -1,
    "предыдущий": -1,
    "позапрошлый": -2,
    "текущий": 0,
    "этот": 0,
    "нынешний": 0,
    "истекший": -1,
    "уходящий": 0,
    "прошедший": -1,
    "следующий": 1,  # "в следующем году … составит", a forecast's year
    "будущий": 1,
}
# Their stems, for words pymorphy reads otherwise ("прошлого" as a noun): the lemma less its
# two-letter ending ("прошлый" → "прошл", "этот" → "эт").
RELATIVE_STEMS = {lemma[:-2]: offset for lemma, offset in RELATIVE_YEARS.items()}
# Parts of a year → months from January.
YEAR_PARTS = {
    ("первый", "квартал"): 3,
    ("первый", "полугодие"): 6,
    ("первый", "половина"): 6,
    ("второй", "квартал"): 6,
    ("третий", "квартал"): 9,
    ("i", "квартал"): 3,
    ("ii", "квартал"): 6,
    ("iii", "квартал"): 9,
    ("i", "полугодие"): 6,
}
# Spans of a year told in one word, counted from January: "за полгода".
YEAR_SPANS = {"полгода": 6}
# Words before a year that make it the base of a comparison, not the period of a figure.
BASE_WORDS = {
    "показатель",
    "уровень",
    "сравнение",
    "относительно",
    "против",
    "аналогичный",
    "результат",
}


def month_number(word: str) -> int:
    """January → 1 from any form the month grammar matched ("маем" too, whose best parse is
    a verb)."""
    return MONTHS[lemma_among(word.lower(), MONTHS) or lemma_of(word.lower())]


def relative_offset(word: str) -> int:
    """'прошлого' → -1, 'текущем' → 0: by stem, since pymorphy reads 'прошлого' as a noun."""
    word = word.lower()
    stems = sorted(RELATIVE_STEMS, key=len, reverse=True)
    return next((RELATIVE_STEMS[stem] for stem in stems if word.startswith(stem)), 0)


def _quarters_months(text: str) -> int | None:
    quarters = parse_number(text)
    return int(quarters * 3) if quarters and quarters == int(quarters) and quarters < 4 else None


def year_part_months(text: str) -> int | None:
    """'первом полугодии' → 6, 'III квартал' → 9."""
    words = text.lower().split()
    if len(words) != 2:
        return None
    first = words[0] if words[0].isascii() else lemma_of(words[0])
    return YEAR_PARTS.get((first, lemma_of(words[1])))


# The years a figure or an event may be of: every grammar and check of a year reads these.
MIN_YEAR, MAX_YEAR = 1991, 2100
YEAR_NUMBER = and_(type_("INT"), gte(MIN_YEAR), lte(MAX_YEAR))
YEAR_WORD = or_(rule(normalized("год")), rule(caseless("г"), eq(".").optional()))
YEAR = rule(YEAR_NUMBER.interpretation(Period.year.custom(int)), YEAR_WORD.optional())
YEAR_RANGE = rule(
    YEAR_NUMBER.interpretation(Period.year.custom(int)),
    in_("-–—"),
    YEAR_NUMBER.interpretation(Period.span_years.custom(int)),
    YEAR_WORD,
)
# One dictionary predicate per word family, not an alternative per word: the Earley
# parser predicts every alternative at every token, so fewer terminals is faster.
RELATIVE = rule(
    dictionary(set(RELATIVE_YEARS)).interpretation(Period.relative.custom(relative_offset)),
    normalized("год"),
)

# "первых трёх кварталов": three months a quarter
QUARTER_COUNT = rule(
    NUMBER.interpretation(Period.months.custom(lambda text: _quarters_months(text))),
    normalized("квартал"),
)
MONTH = rule(dictionary(set(MONTHS)))
MONTH_COUNT = rule(
    NUMBER.interpretation(Period.months.custom(parse_number)),
    normalized("месяц"),
)
MONTH_RANGE = rule(
    MONTH,
    in_("-–—"),
    MONTH.interpretation(Period.months.custom(month_number)),
)
YEAR_PART = rule(
    or_(
        dictionary({first for first, _ in YEAR_PARTS if not first.isascii()}),
        in_caseless({first for first, _ in YEAR_PARTS if first.isascii()}),
    ),
    dictionary({part for _, part in YEAR_PARTS}),
).interpretation(Period.months.custom(year_part_months))
# "с января по сентябрь": months from January, written out.
MONTH_SPAN = rule(
    caseless("с"),  # "С января по октябрь" opens many a sentence
    normalized("январь"),
    eq("по"),
    MONTH.interpretation(Period.months.custom(month_number)),
)
YEAR_SPAN = rule(
    dictionary(set(YEAR_SPANS)).interpretation(
        Period.months.custom(lambda word: YEAR_SPANS[lemma_of(word.lower())])
    )
)
# "в 1-м квартале", "за 3-й квартал", "в 1-м полугодии": an ordinal in digits and its ending
ORDINAL_ENDINGS = {"й", "м", "го", "е", "ом", "ый", "ого", "ое"}
DIGIT_QUARTER = rule(
    and_(type_("INT"), gte(1), lte(3)).interpretation(
        Period.months.custom(lambda text: int(text) * 3)
    ),
    eq("-"),
    in_caseless(ORDINAL_ENDINGS),
    normalized("квартал"),
)
# "в 1-м полугодии", and "за 1 полугодие" as tables and briefs write it
FIRST_HALF = rule(
    eq("1").interpretation(Period.months.const(6)),
    rule(eq("-"), in_caseless(ORDINAL_ENDINGS)).optional(),
    normalized("полугодие"),
)
PART = or_(
    MONTH_COUNT,
    QUARTER_COUNT,
    MONTH_RANGE,
    MONTH_SPAN,
    YEAR_PART,
    YEAR_SPAN,
    DIGIT_QUARTER,
    FIRST_HALF,
)
WHEN = or_(YEAR_RANGE, YEAR, RELATIVE)

BASE_MARK = or_(
    rule(dictionary(BASE_WORDS)),
    rule(in_caseless({"с", "к"})),
    rule(eq("чем"), eq("в").optional()),  # "на 27 % больше, чем в 2022-м"
    rule(normalized("аналогичный"), normalized("период")),
    rule(normalized("тот"), eq("же"), normalized("период")),  # "с тем же периодом"
    rule(normalized("такой"), eq("же"), normalized("период")),  # "с таким же периодом"
    rule(normalized("соответствующий"), normalized("период")),
)
TARGET_MARK = rule(in_caseless({"к", "до"}))  # "К 2030 году" opens a sentence

# "за первое полугодие нынешнего": the year left unsaid after a part of it.
RELATIVE_BARE = rule(
    dictionary(set(RELATIVE_YEARS)).interpretation(Period.relative.custom(relative_offset))
)
# "с начала года", "с начала текущего года": the year so far, of publication unless named
SINCE_YEAR_START = rule(
    caseless("с"),
    normalized("начало"),
    or_(WHEN, rule(normalized("год")).interpretation(Period.relative.const(0))),
)
# "Прошлогодний экспорт составил …": last year's flow, told by the adjective
LAST_YEARS_FLOW = rule(
    dictionary({"прошлогодний"}).interpretation(Period.relative.const(-1)),
    dictionary({"экспорт", "импорт", "товарооборот", "оборот"}),
)
PERIOD = or_(
    rule(PART, or_(WHEN, RELATIVE_BARE).optional()),
    LAST_YEARS_FLOW,
    SINCE_YEAR_START,
    rule(TARGET_MARK.interpretation(Period.role.const("target")), WHEN),
    # "по результатам прошлого года" is the period, where "выше результатов 2021 года" is a
    # base: the preposition decides
    rule(caseless("по"), normalized("результат"), WHEN),
    # "по сравнению с аналогичным периодом (в) 2017 году"
    # "превысил уровень за весь 2009 год"
    rule(
        BASE_MARK.interpretation(Period.role.const("base")),
        in_({"в", "во", "за"}).optional(),
        normalized("весь").optional(),
        normalized("предыдущий").optional(),  # "выше уровня предыдущего 2017 года"
        WHEN,
    ),
    # "по сравнению с январём–мартом 2018 года": a compared part of a year is a base too
    rule(BASE_MARK.interpretation(Period.role.const("base")), PART, WHEN),
    # "по сравнению с январём прошлого года": one month of a year before, in the instrumental
    # ("с января 2024 года" is since then, no base)
    rule(
        BASE_MARK.interpretation(Period.role.const("base")),
        and_(dictionary(set(MONTHS)), gram("ablt")),
        WHEN,
    ),
    WHEN,
).interpretation(Period)


@dataclass(frozen=True)
class PeriodSpan:
    start: int
    stop: int
    year: int | None
    relative: int | None
    months: int | None
    role: str  # period | base | target
    to_year: int | None = None  # "на 2023–2024 годы"

    def resolve(self, pub_year: int | None) -> int | None:
        return resolve_year(self.year, self.relative, pub_year)


def resolve_year(year: int | None, relative: int | None, pub_year: int | None) -> int | None:
    if year is not None:
        return year
    if relative is not None and pub_year is not None:
        return pub_year + relative
    return None


# Where a period may be: a year, a month, "месяц", "квартал", "полугодие", or an adjective
# of a relative year ("прошлого года"). A cheap filter before the parser, not the rule.
# "прошлого года", "текущем году": a relative year, by the stems of RELATIVE_STEMS.
RELATIVE_YEAR_WORDS = (
    r"(?:"
    + "|".join(
        (rf"\b{stem}" if len(stem) < 3 else stem)
        for stem in sorted(RELATIVE_STEMS, key=len, reverse=True)
    )
    + r")\w*\s+год"
)


def _month_stem(lemma: str) -> str:
    """ "январь" → "январ", "май" → a whole word ("мая", "мае", not "майский")."""
    stem = lemma[:-1] if lemma[-1] in "ьй" else lemma
    return rf"\b{stem}[йяюе]\b" if len(stem) < 3 else stem


# Any form of a month's name, from MONTHS: the dates' and periods' cheap filters read it.
MONTH_TRIGGER = "|".join(_month_stem(lemma) for lemma in MONTHS)
PERIOD_TRIGGERS = re.compile(
    r"(?<!\d)\d{4}(?!\d)|месяц|квартал|полугоди|начала\s+года|прошлогодн|"
    + "|".join(word[:-1] for word in YEAR_SPANS)
    + "|"
    + MONTH_TRIGGER
    + "|"
    + RELATIVE_YEAR_WORDS,
    re.IGNORECASE,
)
# Enough before a trigger for "с аналогичным периодом" (the words before it, "по
# сравнению", are not part of a period) and after it for "года"/"г."; every other part of
# a period is a trigger itself. Each character more costs parse time on every sentence.
PERIOD_BEFORE, PERIOD_AFTER = 28, 12


# "18 января, 2012, 14:33": a bare year after a day and month is a date, not a period.
_DAY_MONTH_BEFORE = re.compile(
    r"\d{1,2}\s+(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|"
    r"сентябр|октябр|ноябр|декабр)\w*[,.]?\s*$",
    re.IGNORECASE,
)


_DECADE_AFTER = re.compile(r"[-–](?:х|е|ые|ых|ми)\b")


def _in_calendar_date(text: str, start: int, length: int) -> bool:
    return text[start : start + length].isdigit() and bool(
        _DAY_MONTH_BEFORE.search(text[max(0, start - 24) : start])
    )


# Words before "прошлогоднего экспорта" that make last year's flow what a figure is
# compared with.
_COMPARED_BEFORE = re.compile(
    r"(?:выше|ниже|больше|меньше|против|чем|превысил\w*|уровн\w+|с|к|от)\s+$", re.IGNORECASE
)


def _compared_last_year(text: str, start: int) -> bool:
    last_years = text[start : start + len("прошлогодн")].lower() == "прошлогодн"
    return last_years and bool(_COMPARED_BEFORE.search(text[max(0, start - 16) : start]))


def find_periods(text: str, offset: int = 0) -> list[PeriodSpan]:
    spans = []
    for match in find_near(PERIOD, text, PERIOD_TRIGGERS, PERIOD_BEFORE, PERIOD_AFTER, offset):
        found = match.fact
        if _in_calendar_date(text, match.start - offset, match.stop - match.start):
            continue
        if _DECADE_AFTER.match(text, match.stop - offset):
            continue  # "в 2000-х", "в 2010-е годы": a decade, not a year
        months = int(found.months) if found.months else None
        if months is not None and not 1 <= months <= 12:
            months = None
        if months == 12:
            months = None  # twelve months from January is the whole year
        role = found.role or "period"
        if _compared_last_year(text, match.start - offset):
            role = "base"  # "выше прошлогоднего товарооборота"
        spans.append(
            PeriodSpan(
                start=match.start,
                stop=match.stop,
                year=found.year,
                relative=found.relative,
                months=months,
                role=role,
                to_year=found.span_years,
            )
        )
    return spans
