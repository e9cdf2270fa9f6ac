"""Money in Russian news: "489,2 млн долларов", "$26 млрд", "83 млн долл. США", "1,2 трлн тенге".

CURRENCY → MONEY (amount then currency, or a currency sign then amount) → RANGE
("от 3 до 5 млрд долларов"). ``find_money`` also returns bare amounts with a
multiplier ("а импорт — 83 млн"), whose currency the caller inherits from a
neighbouring figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yargy import or_, rule
from yargy.interpretation import fact
from yargy.predicates import caseless, dictionary, eq, in_, in_caseless

from bilat.extract.parse.grammar import Found, find_near
from bilat.extract.parse.numbers import (
    AMOUNT,
    BARE_AMOUNT,
    HALF_MULTIPLIERS,
    MULTIPLIERS,
    NUMBER,
    amount_value,
    parse_number,
)

Money = fact("Money", ["amount", "currency", "low"])

# How each currency is written → its ISO 4217 code.
CURRENCY_WORDS = {
    "доллар": "USD",
    "долл": "USD",
    "дол": "USD",  # "21 млн.дол."
    "usd": "USD",
    "$": "USD",
    "рубль": "RUB",
    "руб": "RUB",
    "rub": "RUB",
    "₽": "RUB",
    "тенге": "KZT",
    "kzt": "KZT",
    "₸": "KZT",
    "евро": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "юань": "CNY",
    "cny": "CNY",
    "¥": "CNY",
    "сум": "UZS",
    "uzs": "UZS",
    "манат": "AZN",
    "azn": "AZN",
    "сом": "KGS",
    "сомони": "TJS",
    "гривна": "UAH",
    "драм": "AMD",
    "лари": "GEL",
    "лира": "TRY",
    "рупия": "INR",
    "иена": "JPY",
    "йена": "JPY",
    "вона": "KRW",
    "фунт": "GBP",
    "дирхам": "AED",
    "франк": "CHF",
    "тугрик": "MNT",
    "донг": "VND",
    "лей": "MDL",
    "риал": "IRR",
    "риял": "SAR",
}
# Short currency names that pymorphy reads as other words ("сомов" → "сомовый"): their
# forms spelled out.
INFLECTED_FORMS = {
    **dict.fromkeys(("сум", "сума", "сумов", "сумах"), "UZS"),
    **dict.fromkeys(("сом", "сома", "сомов", "сомах"), "KGS"),
    **dict.fromkeys(("манат", "маната", "манатов", "манатах"), "AZN"),
    **dict.fromkeys(("драм", "драма", "драмов", "драмах"), "AMD"),
    "тенге": "KZT",
    "евро": "EUR",
    "лари": "GEL",
    "сомони": "TJS",
    "лир": "TRY",
    # "150 млн вон" ("вон" is an adverb to pymorphy), "донгов", "леев", "риалов", "тугриков"
    "вон": "KRW",
    **dict.fromkeys(("донг", "донга", "донгов"), "VND"),
    **dict.fromkeys(("лей", "лея", "леев"), "MDL"),
    **dict.fromkeys(("риал", "риала", "риалов"), "IRR"),
    **dict.fromkeys(("риял", "рияла", "риялов"), "SAR"),
    **dict.fromkeys(("тугрик", "тугрика", "тугриков"), "MNT"),
}
# Adjectives that change the currency of "рубль"/"доллар".
CURRENCY_ADJECTIVES = {
    "белорусский": "BYN",
    "российский": "RUB",
    "американский": "USD",
    "сингапурский": "SGD",
    "гонконгский": "HKD",
    "канадский": "CAD",
    "швейцарский": "CHF",
    "туркменский": "TMT",  # "туркменских манатов", not Azerbaijan's
    "румынский": "RON",  # "румынских леев", not Moldova's
    "катарский": "QAR",  # "катарских риалов"
    "саудовский": "SAR",
    "оманский": "OMR",
}
# A country's adjective before its own currency ("китайских юаней", "индийских рупий"):
# read as part of the currency's name, the noun still telling which one it is.
OWN_CURRENCY_ADJECTIVES = {
    "китайский",
    "индийский",
    "казахстанский",
    "узбекский",
    "турецкий",
    "японский",
    "корейский",
    "южнокорейский",
    "украинский",
    "армянский",
    "грузинский",
    "азербайджанский",
    "киргизский",
    "кыргызский",
    "таджикский",
    "британский",
    "эмиратский",
    "швейцарский",
    "монгольский",
    "вьетнамский",
    "молдавский",
    "иранский",
}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "₽": "RUB", "₸": "KZT", "¥": "CNY"}

ISO_CODES = {"USD", "RUB", "KZT", "EUR", "CNY", "UZS", "AZN"}
# Currencies pymorphy knows, by lemma; one dictionary predicate keeps the grammar small.
CURRENCY_LEMMAS = {
    "доллар",
    "рубль",
    "юань",
    "гривна",
    "лира",
    "рупия",
    "иена",
    "вона",
    "фунт",
    "дирхам",
    "франк",
}
DOLLAR_SUFFIX = rule(caseless("сша"))
CURRENCY_WORD = or_(
    rule(dictionary(CURRENCY_LEMMAS), DOLLAR_SUFFIX.optional()),
    rule(in_caseless({"долл", "дол", "руб"}), eq(".").optional(), DOLLAR_SUFFIX.optional()),
    rule(in_caseless(set(INFLECTED_FORMS) | ISO_CODES)),
)
# "ам. долл.", "амер. долларов": the agencies' short "американских".
SHORT_AMERICAN = rule(in_caseless({"ам", "амер", "америк"}), eq("."))
CURRENCY = rule(
    or_(
        rule(dictionary(set(CURRENCY_ADJECTIVES) | OWN_CURRENCY_ADJECTIVES)), SHORT_AMERICAN
    ).optional(),
    CURRENCY_WORD,
)
# Signs and ISO codes may also stand before the figure: "$26 млрд", "USD 5 млн".
SIGN = in_(set(CURRENCY_SIGNS) | ISO_CODES)

# "от 3 до 5 млрд долларов", "3–5 млрд": the lower bound shares the multiplier and currency.
RANGE_HEAD = rule(
    eq("от").optional(),
    NUMBER.interpretation(Money.low.custom(parse_number)),
    or_(rule(in_("-–—−")), rule(eq("до"))),
)
MONEY = or_(
    # "$64-65 млрд": the sign before the range
    rule(
        SIGN.interpretation(Money.currency),
        RANGE_HEAD,
        AMOUNT.interpretation(Money.amount),
    ),
    rule(
        RANGE_HEAD.optional(),
        or_(
            rule(AMOUNT.interpretation(Money.amount), CURRENCY.interpretation(Money.currency)),
            rule(BARE_AMOUNT.interpretation(Money.amount), CURRENCY.interpretation(Money.currency)),
            # "$160 миллионов долларов": the sign and the word both name the currency. Two
            # rules, not an optional word: yargy then loses the whole against "миллионов
            # долларов" alone.
            rule(
                SIGN.interpretation(Money.currency),
                AMOUNT.interpretation(Money.amount),
                CURRENCY_WORD,
            ),
            rule(SIGN.interpretation(Money.currency), AMOUNT.interpretation(Money.amount)),
            rule(AMOUNT.interpretation(Money.amount), SIGN.interpretation(Money.currency)),
            rule(AMOUNT.interpretation(Money.amount)),
        ),
    ),
).interpretation(Money)


@dataclass(frozen=True)
class MoneySpan:
    """A figure found in text: ``currency`` is None for a bare amount such as "83 млн"."""

    start: int
    stop: int
    value: float
    currency: str | None
    has_multiplier: bool
    low: float | None = None  # lower bound of a range, in the same unit as value


def currency_code(text: str | None) -> str | None:
    """'долларов США' → USD, 'белорусских рублей' → BYN, '$' → USD."""
    if not text:
        return None
    words = text.lower().replace(".", " ").split()
    if not words:
        return None
    from bilat.nlp import lemma_of

    lemmas = [lemma_of(w) if w.isalpha() else w for w in words]
    if lemmas[0] in CURRENCY_ADJECTIVES and len(lemmas) > 1:
        return CURRENCY_ADJECTIVES[lemmas[0]]
    for word, lemma in zip(words, lemmas, strict=True):
        code = INFLECTED_FORMS.get(word) or CURRENCY_WORDS.get(word) or CURRENCY_WORDS.get(lemma)
        if code:
            return code
    return None


def _stem(word: str) -> str:
    """'долларов', 'доллара' and 'доллар' share 'долла': a trigger needs no more."""
    return re.escape(word[:-1] if len(word) > 3 and word.isalpha() else word)


def currency_nouns(codes: set[str] | None = None) -> str:
    """An alternation of the stems of the currency nouns pymorphy inflects ("доллар",
    "рубл", "юан", …; of ``codes`` only, if given): what an adjective of a country before
    them, or a country after them ("долларов США"), names."""
    nouns = {w for w in CURRENCY_LEMMAS if codes is None or CURRENCY_WORDS.get(w) in codes}
    nouns |= {"долл"} if codes is None or "USD" in codes else set()
    stems = {w[:-1] if w[-1] in "аяьй" else w for w in nouns}
    return "|".join(sorted(stems, key=len, reverse=True))


# Where a figure may be: a multiplier word, or a number followed by a currency, or a sign
# before a number. Built from the tables above, so every currency they know triggers. The
# window reaches back over "от 1,5 до" and "четыре" and on over "белорусских рублей". A
# cheap filter before the parser, not the rule: years, dates and counts of people never
# reach the grammar.
_CURRENCY_STEMS = "|".join(
    sorted(
        {_stem(w) for w in (*CURRENCY_WORDS, *INFLECTED_FORMS) if w.isalpha()},
        key=len,
        reverse=True,
    )
)
_SIGNS = "".join(re.escape(sign) for sign in CURRENCY_SIGNS)
_MULTIPLIER_STEMS = "|".join(
    sorted({_stem(w) for w in (*MULTIPLIERS, *HALF_MULTIPLIERS)}, key=len, reverse=True)
)
MONEY_TRIGGERS = re.compile(
    rf"(?:{_MULTIPLIER_STEMS})|\d\s*(?:[{_SIGNS}]|(?:{_CURRENCY_STEMS}))|[{_SIGNS}]\s*\d",
    re.IGNORECASE,
)
MONEY_BEFORE, MONEY_AFTER = 16, 28


def find_money(text: str, offset: int = 0) -> list[MoneySpan]:
    """Every money figure and every bare amount with a multiplier in ``text``."""
    spans = []
    for found in find_near(MONEY, text, MONEY_TRIGGERS, MONEY_BEFORE, MONEY_AFTER, offset):
        money = found.fact
        value = amount_value(money.amount)
        if value is None:
            continue
        has_multiplier = money.amount.multiplier is not None
        code = currency_code(money.currency)
        if code is None and not has_multiplier:
            continue  # a bare number: a year, a count, an ordinal
        low = _range_low(money, value)
        start = found.start if low is not None else _amount_start(found)
        spans.append(MoneySpan(start, found.stop, value, code, has_multiplier, low))
    return spans


def _range_low(money: object, value: float) -> float | None:
    low = getattr(money, "low", None)
    number = money.amount.number  # type: ignore[attr-defined]
    if low is None or not number or low >= number:
        return None  # "2023–2024 годы" or "5–3": not a range of money
    return float(value * low / number)


def _amount_start(found: Found) -> int:
    """Where the figure itself begins when a range head matched but was rejected."""
    tokens = found.tokens
    for i, token in enumerate(tokens):
        if token.value in {"-", "–", "—", "до"} and i + 1 < len(tokens):
            return int(found.base + tokens[i + 1].span.start)
    return found.start
