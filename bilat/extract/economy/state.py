"""The period a figure's sentence inherits from the text before it.

News states the year once and then gives figures without it: "В 2017 году стороны
провели три заседания. Товарооборот составил 2 млрд долларов." Each sentence is read in
order and leaves a period in force for those after it:

- a year a sentence names holds for the rest of its paragraph;
- a year named next to a trade word holds beyond the paragraph too, until another
  sentence about trade names one of its own;
- the headline's year holds where nothing else does.

A period here is what a figure is for ("в 2017 году", "за 9 месяцев 2021 года"), never the
base of a comparison or the year of a goal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bilat.extract.context import DocContext
from bilat.extract.economy.cues import INDICATORS, THIS_YEARS, indicator_cues
from bilat.extract.economy.partners import BUYER_WORDS
from bilat.extract.parse.numbers import parse_number
from bilat.extract.parse.periods import MONTH_TRIGGER, MONTHS, PeriodSpan
from bilat.model import Sentence, Token

# A first line longer than this is a paragraph, not a headline.
HEADLINE_MAX_CHARS = 200


@dataclass(frozen=True)
class InForce:
    paragraph: PeriodSpan | None = None
    document: PeriodSpan | None = None
    headline: PeriodSpan | None = None

    @property
    def period(self) -> PeriodSpan | None:
        return self.paragraph or self.document or self.headline


def period_in_force(ctx: DocContext, sentence: Sentence) -> PeriodSpan | None:
    """The period the text before ``sentence`` has set for it."""
    table = ctx.memo("economy.periods_in_force", lambda: _periods_in_force(ctx))
    return table.get(sentence.start)


def _periods_in_force(ctx: DocContext) -> dict[int, PeriodSpan | None]:
    state = InForce(headline=_headline_period(ctx))
    table: dict[int, PeriodSpan | None] = {}
    previous_stop = 0
    for sentence in ctx.analysis.sentences:
        if ctx.new_paragraph(previous_stop, sentence.start):
            state = InForce(document=state.document, headline=state.headline)
        previous_stop = sentence.stop
        table[sentence.start] = state.period
        if ctx.in_furniture(sentence):
            continue
        own = own_period(ctx, sentence) or _months_of(ctx, sentence, _open(ctx, state.period))
        if own is None:
            continue
        if _page_stamp(ctx, own):
            continue
        about_trade = _names_trade(sentence.tokens) and not _looks_back(ctx, state.document, own)
        if not about_trade and _calendar_date(ctx, own):
            continue  # "отношения установлены 21 декабря 1991 года": a day in history
        state = InForce(
            paragraph=own, document=own if about_trade else state.document, headline=state.headline
        )
    return table


def _names_trade(tokens: Sequence[Token]) -> bool:
    """A sentence about trade, of all goods or of some ("За восемь месяцев экспорт овощей
    вырос на 21%"), or of a side's buyers ("странами-импортёрами … стали:"): the period it
    names is the one the report is about."""
    return bool(indicator_cues(tokens)) or any(
        t.lemma.split("-")[-1] in INDICATORS or t.lemma.split("-")[-1] in BUYER_WORDS
        for t in tokens
    )


DATE_BEFORE_CHARS = 20
# "21 декабря 1991 года": a day and a month before the year make it a date, not a period.
_DAY_AND_MONTH = re.compile(rf"\b\d{{1,2}}\s+(?:{MONTH_TRIGGER})\w*\s*$", re.IGNORECASE)
# "… торговли с Вьетнамом - Агентство, 14.06.2021" at a line's end: the page's stamp.
_STAMP_BEFORE = re.compile(r"\b\d{1,2}\.\d{1,2}\.$")


def _calendar_date(ctx: DocContext, span: PeriodSpan) -> bool:
    text = ctx.analysis.text
    before = text[max(0, span.start - DATE_BEFORE_CHARS) : span.start]
    return span.year is not None and bool(_DAY_AND_MONTH.search(before))


def _page_stamp(ctx: DocContext, span: PeriodSpan) -> bool:
    """A year closing a line as the end of a "02.03.2020" stamp: when a page was touched."""
    text = ctx.analysis.text
    before = text[max(0, span.start - DATE_BEFORE_CHARS) : span.start]
    after = text[span.stop : span.stop + 2]
    return (
        span.year is not None
        and bool(_STAMP_BEFORE.search(before))
        and (not after.strip() or after.startswith("\n"))
    )


def _looks_back(ctx: DocContext, document: PeriodSpan | None, own: PeriodSpan) -> bool:
    """ "Товарооборот по итогам 2023 года … По итогам 2022 года товарооборот превысил
    $1,6 млрд.": a trade year before the one the text reports is a look back, and the
    text's year stays in force beyond the paragraph."""
    # "в прошлом году … Большее падение было лишь в 2009 году": counted from the publication
    told = document.resolve(ctx.reference_year) if document is not None else None
    return told is not None and own.year is not None and own.year < told


def own_period(ctx: DocContext, sentence: Sentence) -> PeriodSpan | None:
    """The first period a sentence names with a year ("в 2017 году", "прошлого года")."""
    return next(
        (
            p
            for p in ctx.periods_of(sentence)
            if p.role == "period" and (p.year is not None or p.relative is not None)
        ),
        None,
    )


def _months_of(
    ctx: DocContext, sentence: Sentence, in_force: PeriodSpan | None
) -> PeriodSpan | None:
    """ "За первый квартал …": a part of a year, of the year in force or of publication."""
    span = next((p for p in ctx.periods_of(sentence) if p.role == "period" and p.months), None)
    return None if span is None else _of_year(span, in_force)


def _of_year(span: PeriodSpan, named: PeriodSpan | None) -> PeriodSpan:
    """A part of a year, of the year ``named`` (its number or its offset), else of the
    year of publication."""
    if named is not None:
        return replace(span, year=named.year, relative=named.relative)
    return replace(span, relative=0)


def _headline_period(ctx: DocContext) -> PeriodSpan | None:
    text = ctx.analysis.text
    first_line = text.lstrip().split("\n", 1)[0]
    if not first_line or len(first_line) > HEADLINE_MAX_CHARS or "\n" not in text.strip():
        return None
    head = next((s for s in ctx.lines if s.text.strip()), None)
    period = own_period(ctx, head) if head is not None else None
    return None if period is None or _page_stamp(ctx, period) else period


def dated(ctx: DocContext, sentence: Sentence, span: PeriodSpan | None) -> PeriodSpan | None:
    """A part of a year without its year ("за 10 месяцев", "за первый квартал") is of the
    year the sentence names elsewhere ("В текущем году … за 10 месяцев"), else of the year
    in force, else of the year of publication: news reports the months of its own year."""
    if span is None or span.year is not None or span.relative is not None:
        return span
    if span.months is None:
        return span
    return _of_year(span, own_period(ctx, sentence) or _open(ctx, period_in_force(ctx, sentence)))


def _open(ctx: DocContext, in_force: PeriodSpan | None) -> PeriodSpan | None:
    """The year in force as the year of a part of a year: not a whole year the text closed
    before the year it was written ("В 2024 году товарооборот составил 700 млн. С января
    по апрель он вырос на 12%", in 2025: the four months are of 2025)."""
    if in_force is not None and in_force.to_year is not None:
        return None  # "программа на 2000–2015 годы … за 8 месяцев": a span of years
    if (
        in_force is not None
        and in_force.months is None
        and in_force.year is not None
        and ctx.reference_year is not None
        and in_force.year < ctx.reference_year
    ):
        return None
    return in_force


def untold_period(
    ctx: DocContext, sentence: Sentence, figure: int, month: int | None
) -> tuple[PeriodSpan | None, bool]:
    """The period of a figure the text gives none for, and whether its year is a guess: a
    month named without its year ("в октябре") is of the year the text is written in;
    otherwise ``unstated_period`` guesses from the publication."""
    if month is not None:
        return PeriodSpan(sentence.start, sentence.start, None, 0, None, "period"), False
    guess = unstated_period(ctx, sentence, figure)
    return guess, guess is not None


# The trace of a fact whose year is the publication's guess (``unstated_period``): a
# statement of the same figure that tells its period wins over it.
YEAR_FROM_PUBLICATION = "year=publication"
# The trace of a rate told roughly ("в полтора раза", "на треть"): the exact percentage of
# the same change, told elsewhere in the text, wins over it.
ROUGH_RATE = "rate=rough"


# "против 2019 года, когда оборот составил 3 млрд": the year a "когда"
# clause hangs on is the time of what the clause tells.
_WHEN_AFTER_YEAR = re.compile(r"^\s*(?:год[ауом]*|г\.)?\s*,\s*когда\b")


def when_clause_period(
    sentence: Sentence, periods: Sequence[PeriodSpan], start: int
) -> PeriodSpan | None:
    """The year before the "когда" clause that a figure at character ``start`` stands in."""
    before = [p for p in periods if p.year is not None and p.stop <= start]
    if not before:
        return None
    year = before[-1]
    after = sentence.text[year.stop - sentence.start : start - sentence.start]
    if not _WHEN_AFTER_YEAR.match(after) or after.count(",") > 1:
        return None
    return replace(year, role="period")


def counted_from_a_guess(ctx: DocContext, period: PeriodSpan | None) -> bool:
    """ "В прошлом году оборот составил 90 млн" in an undated text: a year counted back from one
    the text only suggests is a guess too, and a statement that writes its year wins."""
    return (
        period is not None
        and period.year is None
        and period.relative is not None
        and ctx.year_source is None
    )


# "за последние четыре года", "за 5 лет": a span of that many years up to now.
_YEARS_SPANNED = re.compile(r"за\s+(?:последние\s+)?(\S+)\s+(?:год|года|лет)\b", re.IGNORECASE)
MAX_YEARS_SPANNED = 50


def years_spanned(text: str, before: int | None = None) -> int | None:
    """How many years "за последние N лет" spans, told before character ``before``."""
    match = _YEARS_SPANNED.search(text, 0, len(text) if before is None else before)
    if not match:
        return None
    number = parse_number(match.group(1))  # "четыре", "5": numbers.NUMBER_WORDS reads both
    # "за 2024 год" names a year, not a count of years
    return int(number) if number and number <= MAX_YEARS_SPANNED else None


def _same_period_of(ctx: DocContext, sentence: Sentence) -> int | None:
    """The year of "к аналогичному периоду 2011 года", "с тем же периодом 2022 года": the
    base a part of the next year is told against."""
    for span in ctx.periods_of(sentence):
        words = sentence.text[span.start - sentence.start : span.stop - sentence.start]
        if span.role == "base" and span.year is not None and "период" in words:
            return span.year
    return None


def unstated_period(ctx: DocContext, sentence: Sentence, figure: int) -> PeriodSpan | None:
    """The period of an actual figure whose text names no year at all, in a dated text:
    told in the present ("превышает 28 млрд", "Оборот — почти 30 млрд") it is the year of
    publication; told in the past ("составил $11,5 млрд") it is the year before, the
    results news reports once a year is closed. An analyst dates it the same way."""
    if ctx.reference_year is None or _sum_of_years(sentence, figure):
        return None
    compared = _same_period_of(ctx, sentence)
    if compared is not None:
        # "вырос на 51% к аналогичному периоду 2011 года": this year's part, told in 2012
        return PeriodSpan(sentence.start, sentence.start, compared + 1, None, None, "period")
    verb = _governing_verb(sentence.tokens, figure)
    # an undated text dated by its comparison ("в апреле … в сравнении с тем же месяцем
    # 2022 года") or by a part of its year tells its own current period in the past tense too
    told_in_past = (
        (verb is not None and verb.feats.get("Tense") == "Past")
        or _closed_year_results(ctx, sentence)
    ) and (
        ctx.year_source not in ("comparison", "partial")
        and not _months_of_its_year_told(ctx, sentence)
    )
    return PeriodSpan(
        start=sentence.start,
        stop=sentence.start,
        year=None,
        relative=-1 if told_in_past else 0,
        months=None,
        role="period",
    )


# Months early in a year, when news sums up the year just closed.
RESULTS_MONTHS = (1, 2)


def closed_year_results(ctx: DocContext) -> bool:
    """Whether the text was written early in a year, when news sums up the year before."""
    return ctx.month in RESULTS_MONTHS


def _closed_year_results(ctx: DocContext, sentence: Sentence) -> bool:
    """ "Область подводит итоги сотрудничества … Экспорт более 800 млн", written in January:
    results ("итоги") told early in a year are of the year before, in whatever tense."""
    if not closed_year_results(ctx):
        return False
    head = next((s for s in ctx.lines if s.text.strip()), None)
    return any(t.lemma == "итог" for s in (sentence, head) if s is not None for t in s.tokens)


def _months_of_its_year_told(ctx: DocContext, sentence: Sentence) -> bool:
    """Whether the text named, before the sentence, a month of the year it was written in
    without a year ("В августе Турция поставила …", "в нынешнем январе"): it reports the
    recent months, so a figure it tells in the past is of that year, not the one before."""
    month = ctx.month
    if month is None:
        return False
    told = ctx.memo(
        "economy.bare_months",
        lambda: [(s.start, m) for s in ctx.analysis.sentences for m in _bare_months(s.tokens)],
    )
    return any(named <= month for start, named in told if start < sentence.start)


def _bare_months(tokens: Sequence[Token]) -> list[int]:
    """ "в августе", "за июнь", "в нынешнем январе": months named with no year after them."""
    found = []
    for i, token in enumerate(tokens):
        if token.lemma not in MONTHS or i == 0:
            continue
        before = tokens[i - 1].lemma
        if before in THIS_YEARS and i > 1:
            before = tokens[i - 2].lemma
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if before in {"в", "за"} and not after.isdigit():
            found.append(MONTHS[token.lemma])
    return found


def _sum_of_years(sentence: Sentence, figure: int) -> bool:
    """ "за последние два года оборот составил 650 млн": a sum over years has no one year."""
    before = sentence.tokens[figure].start - sentence.start
    return (years_spanned(sentence.text, before) or 0) >= 2


def _governing_verb(tokens: Sequence[Token], i: int) -> Token | None:
    """The verb that tells the figure at ``i``: the nearest before it ("достиг 16,5
    млрд"), else the first after it ("100 млн составил оборот"); a verbless sentence
    ("Оборот — 30 млрд") has none. Nearness, not the parse: the parser often hangs the
    figure on a later clause's verb."""
    verbs = [k for k, t in enumerate(tokens) if t.pos in {"VERB", "AUX"}]
    before = [k for k in verbs if k < i]
    after = [k for k in verbs if k > i]
    k = before[-1] if before else (after[0] if after else None)
    return None if k is None else tokens[k]
