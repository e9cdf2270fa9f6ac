"""One pass over a sentence that every economic extractor shares: its figures (money,
percentages, "в N раз", amounts with units), its periods, its indicator words, its parties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from bilat.extract.context import DocContext
from bilat.extract.economy.cues import Cue, indicator_cues
from bilat.extract.economy.parties import Party, named_in
from bilat.extract.parse.grammar import find_near
from bilat.extract.parse.money import MoneySpan, find_money
from bilat.extract.parse.numbers import (
    FRACTION_RATE,
    FRACTION_RATES,
    PERCENT,
    TIMES,
    TIMES_WORDS,
    parse_number,
)
from bilat.extract.parse.periods import PeriodSpan
from bilat.model import Evidence, Sentence, Token


@dataclass(frozen=True)
class Figure:
    kind: str  # money | percent | times
    start: int  # character offsets in the document
    stop: int
    first: int  # token indices in the sentence, inclusive
    last: int
    value: float
    money: MoneySpan | None = None
    low: float | None = None  # the low end of a range of percentages ("4-5%")


@dataclass(frozen=True)
class Scan:
    sentence: Sentence
    figures: tuple[Figure, ...]
    periods: tuple[PeriodSpan, ...]
    indicators: tuple[Cue, ...]
    parties: tuple[Party, ...]
    places: tuple[Party, ...] = ()  # "в Грузии": where, not a side

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sentence.tokens

    def evidence(self) -> Evidence:
        return Evidence(self.sentence.text, self.sentence.start, self.sentence.stop)

    def lemmas(self, lo: int, hi: int) -> list[str]:
        return [t.lemma for t in self.tokens[max(0, lo) : max(0, hi)]]

    def token_index(self, offset: int) -> int:
        return self.sentence.token_at(offset)

    def words_between(self, lo: int, hi: int) -> int:
        """How far apart tokens ``lo`` and ``hi`` are in words: punctuation and the words of
        a period ("в январе-мае 2024 г., по сравнению с январём-маем 2023 г.,") tell no new
        subject. Counted from running sums, so that a sentence dense with figures costs
        linear time, not the square."""
        counts = self._word_counts
        lo, hi = max(0, lo + 1), max(0, min(hi, len(counts) - 1))
        return counts[hi] - counts[lo] if hi > lo else 0

    @cached_property
    def _word_counts(self) -> tuple[int, ...]:
        spans = sorted((p.start, p.stop) for p in self.periods)
        counts, total = [0], 0
        for token in self.tokens:
            inside = any(a <= token.start < b for a, b in spans)
            total += token.pos != "PUNCT" and not inside
            counts.append(total)
        return tuple(counts)


def scan(ctx: DocContext, sentence: Sentence) -> Scan:
    figures = [*_money_figures(sentence), *_ratio_figures(sentence)]
    figures.sort(key=lambda f: f.start)
    named = named_in(ctx, sentence)
    return Scan(
        sentence=sentence,
        figures=tuple(figures),
        periods=ctx.periods_of(sentence),
        indicators=tuple(_indicators(ctx, sentence)),
        parties=tuple(p for p in named if p.role != "place"),
        places=tuple(p for p in named if p.role == "place"),
    )


def _indicators(ctx: DocContext, sentence: Sentence) -> list[Cue]:
    """The sentence's trade words; a bare "оборот" too where the sentence before spoke of
    trade ("… торговых партнёров Казахстана. Оборот — почти 30 млрд долларов")."""
    cues = indicator_cues(sentence.tokens)
    bare = next((i for i, t in enumerate(sentence.tokens) if t.lemma == "оборот"), None)
    if cues or bare is None or not _trade_told_before(ctx, sentence):
        return cues
    return [Cue(bare, "indicator", "turnover")]


def _trade_told_before(ctx: DocContext, sentence: Sentence) -> bool:
    before = [s for s in ctx.analysis.sentences if s.stop <= sentence.start]
    if not before or ctx.new_paragraph(before[-1].stop, sentence.start):
        return False
    tokens = before[-1].tokens
    return bool(indicator_cues(tokens)) or any("торгов" in t.lemma for t in tokens)


# No trade, budget or investment figure of any country or era comes near 10^18 in any
# currency; beyond it a number is garbage (a run of digits), and near 10^308 a float is inf.
MAX_MONEY = 1e18
# A rate of a million percent is no real change either, and "в 0 раз" divides by zero.
MAX_PERCENT = 1e6


def _money_figures(sentence: Sentence) -> list[Figure]:
    out = []
    for money in find_money(sentence.text, sentence.start):
        if not 0 < money.value < MAX_MONEY:
            continue
        first, last = sentence.token_at(money.start), sentence.token_at(money.stop - 1)
        out.append(Figure("money", money.start, money.stop, first, last, money.value, money))
    return out


PERCENT_TRIGGERS = re.compile(r"%|процент|проц\b", re.IGNORECASE)
FRACTION_TRIGGERS = re.compile(
    r"\bна\s+(?:"
    + "|".join(word[:-1] for word in FRACTION_RATES if word != "наполовину")
    + r")|наполовину",
    re.IGNORECASE,
)
TIMES_TRIGGERS = re.compile(r"\bраз|удво|утро|кратн|" + "|".join(TIMES_WORDS), re.IGNORECASE)
# "на 12,4 %", "в полтора раза": the number stands just before its sign.
RATIO_BEFORE, RATIO_AFTER = 16, 4


def _ratio_figures(sentence: Sentence) -> list[Figure]:
    out = []
    for kind, grammar, triggers in (
        ("percent", PERCENT, PERCENT_TRIGGERS),
        ("percent", FRACTION_RATE, FRACTION_TRIGGERS),
        ("times", TIMES, TIMES_TRIGGERS),
    ):
        for match in find_near(
            grammar, sentence.text, triggers, RATIO_BEFORE, RATIO_AFTER, sentence.start
        ):
            number = match.fact.number
            if number is None or not 0 < number < MAX_PERCENT:
                continue
            start, stop = match.start, match.stop
            first = sentence.token_at(start)
            if kind == "times" and not _a_multiple(sentence, first, match.tokens[0].value):
                continue
            value = number if kind == "percent" else (number - 1) * 100
            low = getattr(match.fact, "low", None)
            if low is not None and low < number:
                # "доля Китая – 35–40%": the middle of the range, told as approximate
                value = (low + number) / 2
            else:
                low = None
            if not abs(value) < MAX_PERCENT:
                continue
            out.append(
                Figure(kind, start, stop, first, sentence.token_at(stop - 1), value, low=low)
            )
            if kind == "percent":
                out.extend(_starting_level(sentence, first))
    return out


def _starting_level(sentence: Sentence, first: int) -> list[Figure]:
    """ "вырос с 9,5 до 12 процентов": the sign after the second number is the first's
    too, so the level it started from is a percentage as well."""
    tokens = sentence.tokens
    if first < 3 or tokens[first - 1].lemma != "до" or tokens[first - 3].lemma not in {"с", "со"}:
        return []
    number = tokens[first - 2]
    value = parse_number(number.text) if number.pos == "NUM" else None
    if value is None or not 0 < value < MAX_PERCENT:
        return []
    index = first - 2
    return [Figure("percent", number.start, number.stop, index, index, value)]


# Words a multiple without "в" follows: "рост составил 2,5 раза" (not "встречались 11 раз").
BARE_MULTIPLE_AFTER = frozenset(
    {
        "составить",
        "составлять",
        "рост",
        "прирост",
        "увеличение",
        "порядка",
        "около",
        "почти",
        "более",
    }
)


def _a_multiple(sentence: Sentence, first: int, word: str) -> bool:
    """ "в 2 раза", "вдвое", or a bare "2,5 раза" right after a word of growth."""
    if word.lower() == "в" or not word[:1].isdigit():
        return True
    before = sentence.tokens[first - 1].lemma if first else ""
    if before == "на" and first > 1:
        # "увеличились на 1,7 раза": "в" miswritten as "на" after a verb of change
        return sentence.tokens[first - 2].lemma in CHANGED_BY_TIMES
    return before in BARE_MULTIPLE_AFTER


# Verbs after which "на N раза" still means "в N раза".
CHANGED_BY_TIMES = frozenset(
    {"увеличиться", "вырасти", "возрасти", "сократиться", "снизиться", "уменьшиться", "упасть"}
)


def has_digits_or_ratio(sentence: Sentence) -> bool:
    """Cheap gate before the grammars: a sentence without a digit or a number word
    holds no figure."""
    text = sentence.text.lower()
    return any(ch.isdigit() for ch in text) or any(stem in text for stem in NUMBER_STEMS)


# Stems of number words that can carry a figure without a digit: "в два раза",
# "десятая часть", "полтора миллиарда", "восемь процентов".
NUMBER_STEMS = (
    "раз",
    "част",
    "половин",
    "трет",
    "четверт",
    "миллион",
    "миллиард",
    "процент",
    "триллион",
    "млн",  # "два млрд долларов", "пяти млн"
    "млрд",
    "трлн",
    "вдвое",
    "втрое",
    "вчетверо",
    "впятеро",
    "вдесятеро",
    "удво",
    "утро",
)
