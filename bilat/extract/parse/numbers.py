"""Russian numbers, multipliers and percentages as yargy grammar pieces.

Built bottom-up, read top to bottom like a spec:
DIGITS → INTEGER → NUMBER → MULTIPLIER → AMOUNT; NUMBER → PERCENT; TIMES ("в 2 раза").
The interpretation turns the text of a match into a float through ``parse_number``.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Any

from yargy import and_, or_, rule
from yargy.interpretation import fact
from yargy.predicates import (
    caseless,
    custom,
    dictionary,
    eq,
    in_,
    in_caseless,
    length_eq,
    normalized,
)
from yargy.predicates import type as type_

Amount = fact(
    "Amount", ["number", "multiplier", "rest", "rest_multiplier", "tail", "tail_multiplier"]
)
Percent = fact("Percent", ["low", "number"])
Times = fact("Times", ["number"])

# Words that stand for a number in figures such as "полтора миллиарда", "в два раза".
# Keys are lemmas: "девяти", "двух", "трёх" are read through their lemma.
NUMBER_WORDS = {
    "один": 1,
    "одна": 1,
    "полтора": 1.5,
    "полторы": 1.5,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "тринадцать": 13,
    "четырнадцать": 14,
    "пятнадцать": 15,
    "шестнадцать": 16,
    "семнадцать": 17,
    "восемнадцать": 18,
    "девятнадцать": 19,
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
    "сто": 100,
    "двести": 200,
    "триста": 300,
    "четыреста": 400,
    "пятьсот": 500,
    "шестьсот": 600,
    "семьсот": 700,
    "восемьсот": 800,
    "девятьсот": 900,
}
# "полмиллиарда долларов": half of the multiplier in one word.
HALF_MULTIPLIERS = {"полмиллиона": 5e5, "полмиллиарда": 5e8, "полтриллиона": 5e11}

# Lemma or abbreviation → factor. Abbreviations may carry a dot ("млн.", "тыс.").
MULTIPLIERS = {
    "тысяча": 1e3,
    "тыс": 1e3,
    "миллион": 1e6,
    "млн": 1e6,
    "миллиард": 1e9,
    "млрд": 1e9,
    "триллион": 1e12,
    "трлн": 1e12,
}

# "1 200", "26", "489,2", "1 461,5": digits grouped by threes may carry a decimal part too.
_DECIMAL = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$|^\d+$|^\d+[.,]\d+$")


def parse_number(text: str) -> float | None:
    """'489,2' → 489.2, '1 200' → 1200, 'полтора' → 1.5; None for '3, 5' (a list, not a number)."""
    text = text.strip().lower()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    if text.replace(" ", "").isalpha():
        # "двести пятьдесят": hundreds, tens and units, each smaller than the one before
        values = [_word_value(word) for word in text.split()]
        numbers = [value for value in values if value is not None]
        if len(numbers) < len(values) or any(a <= b for a, b in itertools.pairwise(numbers)):
            return None
        return float(sum(numbers))
    if not _DECIMAL.match(text):
        return None
    return float(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))


def _word_value(word: str) -> float | None:
    from bilat.nlp import lemma_of

    value = NUMBER_WORDS.get(word, NUMBER_WORDS.get(lemma_of(word)))
    return float(value) if value is not None else None


def multiplier_value(word: str | None) -> float:
    if not word:
        return 1.0
    return MULTIPLIERS.get(word.lower().rstrip("."), 1.0)


INT = type_("INT")
THREE_DIGITS = and_(INT, length_eq(3))
INTEGER = or_(
    # "1 200 000": yargy drops the spaces, so groups of exactly three digits follow a short head
    rule(custom(lambda value: value.isdigit() and len(value) <= 3), THREE_DIGITS.repeatable()),
    rule(INT),
)
DECIMAL_PART = rule(in_(",."), INT)
DIGITS_NUMBER = rule(INTEGER, DECIMAL_PART.optional())


def _number_word(low: float, high: float) -> Any:
    words = {word for word, value in NUMBER_WORDS.items() if low <= value < high}
    return or_(rule(in_(words)), rule(dictionary(words)))


# "двести пятьдесят три": hundreds, then tens, then units, each optional after the first
HUNDREDS, TENS, UNITS = _number_word(100, 1000), _number_word(20, 100), _number_word(1, 20)
WORD_NUMBER = or_(
    rule(HUNDREDS, TENS.optional(), UNITS.optional()),
    rule(TENS, UNITS.optional()),
    rule(UNITS),
)
NUMBER = or_(DIGITS_NUMBER, WORD_NUMBER)


MULTIPLIER = or_(
    rule(dictionary({"тысяча", "миллион", "миллиард", "триллион"})),
    rule(in_caseless({"тыс", "млн", "млрд", "трлн"}), eq(".").optional()),
)

# "38 млрд 607,6 млн": one figure written in two parts; amount_value adds them.
# "миллиард долларов", "полмиллиарда долларов": an amount that is a multiplier alone; it
# counts as money only when a currency follows (see money.MONEY).
BARE_AMOUNT = or_(
    rule(
        dictionary({"миллион", "миллиард", "триллион"}).interpretation(
            Amount.multiplier.normalized()
        )
    ),
    rule(
        in_caseless(set(HALF_MULTIPLIERS)).interpretation(
            Amount.rest.custom(lambda word: HALF_MULTIPLIERS[word.lower()])
        )
    ),
).interpretation(Amount)
# "1 млрд 451 млн 206 тыс.": a third part, of a unit smaller again
AMOUNT_TAIL = rule(
    DIGITS_NUMBER.interpretation(Amount.tail.custom(parse_number)),
    MULTIPLIER.interpretation(Amount.tail_multiplier.normalized()),
)
AMOUNT_REST = rule(
    DIGITS_NUMBER.interpretation(Amount.rest.custom(parse_number)),
    MULTIPLIER.interpretation(Amount.rest_multiplier.normalized()),
    AMOUNT_TAIL.optional(),
)
# "400 с лишним миллионов": a little over the number, told inside the figure.
OVER_TAIL_WORDS = {"лишний", "небольшой", "гак"}
OVER_TAIL = rule(eq("с"), dictionary(OVER_TAIL_WORDS))
# "5-ти миллиардов", "2-х млн": a numeral's case ending written after its digits.
NUMERAL_ENDING = rule(eq("-"), in_caseless({"ти", "х", "ми", "ух", "ех", "ью", "и"}))
AMOUNT = or_(
    rule(
        NUMBER.interpretation(Amount.number.custom(parse_number)),
        NUMERAL_ENDING.optional(),
        OVER_TAIL.optional(),
        MULTIPLIER.interpretation(Amount.multiplier.normalized()),
        AMOUNT_REST.optional(),
    ),
    rule(NUMBER.interpretation(Amount.number.custom(parse_number))),
).interpretation(Amount)

PERCENT_SIGN = or_(
    rule(eq("%")), rule(normalized("процент")), rule(caseless("проц"), eq(".").optional())
)
# "4-5%", "35–40 процентов": a range, its low end kept apart.
PERCENT = or_(
    rule(
        rule(NUMBER.interpretation(Percent.low.custom(parse_number)), in_("-–—−")).optional(),
        NUMBER.interpretation(Percent.number.custom(parse_number)),
        OVER_TAIL.optional(),  # "на 12 с лишним процентов"
        PERCENT_SIGN,
    ),
    # "о 30-процентном росте", "15-процентное снижение": the rate as an adjective
    rule(
        NUMBER.interpretation(Percent.number.custom(parse_number)),
        in_("-–—−"),
        normalized("процентный"),
    ),
).interpretation(Percent)

# "вдвое", "втрое": the multiple in one word.
TIMES_WORDS = {"вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5, "вдесятеро": 10}
# "трёхкратный рост": the multiple as an adjective of growth (a fall is told otherwise).
MULTIPLE_ADJECTIVES = {
    "двукратный": 2,
    "двухкратный": 2,
    "полуторакратный": 1.5,
    "трёхкратный": 3,
    "трехкратный": 3,
    "четырёхкратный": 4,
    "четырехкратный": 4,
    "пятикратный": 5,
    "десятикратный": 10,
}
# "удвоился", "утроение": the multiple in a verb or a noun of growth, by lemma.
TIMES_LEMMAS: dict[str, float] = {
    **MULTIPLE_ADJECTIVES,
    "удвоить": 2,
    "удвоиться": 2,
    "удвоение": 2,
    "утроить": 3,
    "утроиться": 3,
    "утроение": 3,
}
GROWTH_NOUNS = {"рост", "прирост", "увеличение"}
TIMES = or_(
    rule(
        eq("в").optional(),
        NUMBER.interpretation(Times.number.custom(parse_number)),
        NUMERAL_ENDING.optional(),  # "в 2-х раза"
        OVER_TAIL.optional(),  # "в три с небольшим раза"
        normalized("раз"),
    ),
    # "в два с половиной раза": the number and a half
    rule(
        eq("в").optional(),
        NUMBER.interpretation(Times.number.custom(lambda text: _and_a_half(text))),
        eq("с"),
        normalized("половина"),
        normalized("раз"),
    ),
    rule(
        in_caseless(set(TIMES_WORDS)).interpretation(
            Times.number.custom(lambda word: float(TIMES_WORDS[word.lower()]))
        )
    ),
    rule(
        dictionary(set(TIMES_LEMMAS) - set(MULTIPLE_ADJECTIVES)).interpretation(
            Times.number.normalized().custom(lambda lemma: float(TIMES_LEMMAS[lemma]))
        )
    ),
    rule(
        dictionary(set(MULTIPLE_ADJECTIVES)).interpretation(
            Times.number.normalized().custom(lambda lemma: float(MULTIPLE_ADJECTIVES[lemma]))
        ),
        dictionary(GROWTH_NOUNS),
    ),
).interpretation(Times)


def _and_a_half(text: str) -> float | None:
    number = parse_number(text)
    return None if number is None else number + 0.5


# "вырос на треть", "на четверть превышает", "сократился наполовину": rates in words.
FRACTION_RATES = {"треть": 33.3, "четверть": 25.0, "половина": 50.0, "наполовину": 50.0}
# Only the accusative after "на" is a rate: "на третью позицию" is an ordinal, and
# pymorphy gives "третью" the lemma "треть" as well.
_RATE_FORMS = {"треть": "треть", "четверть": "четверть", "половину": "половина"}
# Every word that tells a rate by itself, as the text writes it.
RATE_WORDS = frozenset({*_RATE_FORMS, "наполовину"})


def _fraction_rate(word: str) -> float:
    word = word.lower()
    return FRACTION_RATES[_RATE_FORMS.get(word, word)]


FRACTION_RATE = or_(
    rule(
        eq("на"),
        in_caseless(set(_RATE_FORMS)).interpretation(Percent.number.custom(_fraction_rate)),
    ),
    rule(caseless("наполовину").interpretation(Percent.number.custom(_fraction_rate))),
).interpretation(Percent)


def amount_value(amount: object) -> float | None:
    """The float an ``Amount`` fact stands for, or None when its number did not parse.

    "66,1 млн" is 66 100 000 as written, not the 66 099 999.99… of a float product; a
    second part ("38 млрд 607,6 млн") and a third ("… 206 тыс.") count only when each is
    of a smaller unit than the one before it.
    """
    number = getattr(amount, "number", None)
    multiplier = multiplier_value(getattr(amount, "multiplier", None))
    if number is None and getattr(amount, "rest", None) is not None:
        return float(amount.rest)  # type: ignore[attr-defined]  # "полмиллиарда"
    if number is None and multiplier > 1:
        number = 1.0  # "миллиард долларов"
    if number is None:
        return None
    value = scaled(number, multiplier)
    unit = multiplier
    for part_name in ("rest", "tail"):
        part_number = getattr(amount, part_name, None)
        part_unit = multiplier_value(getattr(amount, f"{part_name}_multiplier", None))
        if part_number is None or part_unit >= unit:
            break
        part = scaled(part_number, part_unit)
        if part >= unit:
            break
        value += part
        unit = part_unit
    return value


def scaled(number: float, multiplier: float) -> float:
    """``number × multiplier`` to the precision the number was written with."""
    return float(Decimal(repr(number)) * Decimal(repr(multiplier)))
