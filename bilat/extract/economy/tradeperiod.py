"""The period of a trade figure: the year and months its sentence, its clause or the text
around it tell ("в 2023 году … 2 млрд", "за 9 месяцев", "против 1,2 млрд годом ранее"), the
year of a starting level ("с $21,3 млрд в 2015 г."), and a figure told now or of the base.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.economy.attributes import past_verb
from bilat.extract.economy.cues import YEAR_END_WORDS
from bilat.extract.economy.state import dated, period_in_force
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.periods import PeriodSpan

# "… с $21,3 млрд. в 2015 г.": how far after a figure its own year may start (characters).
YEAR_AFTER_CHARS = 6


# "в 2023 — $265 млн, сейчас — $340 млн": words right before a figure that make it of
# the present, whatever year the list before it told.
NOW_WORDS = {"сейчас", "сегодня", "ныне", "теперь"}
NOW_REACH = 3


def figure_period(ctx: DocContext, scan: Scan, figure: Figure, status: str) -> PeriodSpan | None:
    in_force = period_in_force(ctx, scan.sentence)
    period = dated(ctx, scan.sentence, _period_for(scan, figure, status, in_force))
    if period is not None and _told_now(scan, figure):
        return replace(period, year=None, relative=0)
    if (
        period is not None
        and period.months is None
        and in_force is not None
        and _same_part_of_year(scan)
    ):
        # "В прошлом году за тот же период показатель составил 3,2 млрд"
        period = replace(period, months=in_force.months)
    return period


# What may stand between a compared period and its level: "за весь 2023 год — 850 млн".
_BASE_LEVEL_GAP = re.compile(r"\s*[-–—:]?\s*")


def level_of_the_base(scan: Scan, figure: Figure) -> PeriodSpan | None:
    """ "обогнав показатели за весь 2023 год — 850 млн": a figure right after the period
    a comparison names is that period's level."""
    offset = scan.sentence.start
    for span in scan.periods:
        if span.role != "base" or (span.year is None and span.relative is None):
            continue
        gap = scan.sentence.text[span.stop - offset : figure.start - offset]
        if span.stop <= figure.start and _BASE_LEVEL_GAP.fullmatch(gap):
            return replace(span, role="period")
    return None


def _told_now(scan: Scan, figure: Figure) -> bool:
    """ "сейчас — $340 млн": the present, told right before the figure in its clause."""
    before = scan.tokens[max(0, figure.first - NOW_REACH) : figure.first]
    return any(t.lemma in NOW_WORDS for t in before) and not any(
        t.text.isdigit() and len(t.text) == 4 for t in before
    )


def _same_part_of_year(scan: Scan) -> bool:
    """ "за тот же период", "за аналогичный период": the months of the figure before."""
    lemmas = [t.lemma for t in scan.tokens]
    return (
        any(
            a in {"тот", "аналогичный"} and b in {"же", "период"}
            for a, b in itertools.pairwise(lemmas)
        )
        and "период" in lemmas
    )


def told_before(scan: Scan, figure: Figure) -> PeriodSpan | None:
    """The last period of the sentence before ``figure`` that has a year or an offset."""
    spans = [
        p
        for p in scan.periods
        if p.role == "period" and p.stop <= figure.start and (p.year or p.relative is not None)
    ]
    return spans[-1] if spans else None


def last_when(scan: Scan, figure: Figure) -> int:
    return max((i for i in range(figure.first) if scan.tokens[i].lemma == "когда"), default=0)


def year_right_after(scan: Scan, figure: Figure) -> PeriodSpan | None:
    """ "упал до $16,1 млрд с $21,3 млрд в 2015 г.": the year of a starting level is
    the one written right after it."""
    text_stop = figure.stop + YEAR_AFTER_CHARS
    return next(
        (
            p
            for p in scan.periods
            if p.role == "period" and p.year is not None and figure.stop <= p.start <= text_stop
        ),
        None,
    )


def _period_for(
    scan: Scan, figure: Figure, status: str, carry: PeriodSpan | None
) -> PeriodSpan | None:
    period = _told_period(scan, figure, status, carry)
    return _compared_period(scan, figure, period) or period


def _compared_period(scan: Scan, figure: Figure, main: PeriodSpan | None) -> PeriodSpan | None:
    """ "41 млрд против 31 млрд в 2022 году", "1,9 млрд против 1,6 млрд за тот же период
    прошлого года", "1,2 млрд, тогда как годом ранее – 0,9 млрд": the value compared with
    is of its own period, told after it or as "годом ранее"."""
    before = scan.lemmas(figure.first - COMPARED_REACH, figure.first)
    base = _base_before_bracket(scan, figure)
    if base is not None:
        return _of_its_own(base, main)
    if COMPARED_WORDS & set(before):
        span = next(
            (
                p
                for p in scan.periods
                if p.start >= figure.stop
                and not any(
                    t.pos == "PUNCT" for t in scan.tokens if figure.stop <= t.start < p.start
                )
            ),
            None,
        )
        if span is None:
            # "615 млн против 482 млн годом ранее": the year before the figure's own
            after = scan.lemmas(figure.last + 1, figure.last + 4)
            return _year_before(main) if "год" in after and "ранее" in after else None
        if span.year is None and span.relative is not None and main and main.year:
            # "за тот же период прошлого года": the year before the figure's own
            span = replace(span, year=main.year + span.relative, relative=None)
        return _of_its_own(span, main)
    if ("ранее" in before[-2:] and "год" in before) or _opens_with_a_year_earlier(scan, figure):
        return _year_before(main)
    # "в 2017 году – 2 млрд, а год спустя – около 3,4 млрд": the year after the figure's own
    later = scan.lemmas(figure.first - LATER_REACH, figure.first)
    if "год" in later and LATER_WORDS & set(later):
        return _year_after(main)
    return None


def _opens_with_a_year_earlier(scan: Scan, figure: Figure) -> bool:
    """ "Годом ранее этот показатель составлял 700 млн": a clause that opens with "годом
    ранее" tells the figure of the year before the one just told."""
    first = figure.first
    while first > 0 and scan.tokens[first - 1].text not in CLAUSE_BREAKS:
        first -= 1
    return scan.lemmas(first, first + 2) == ["год", "ранее"]


CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "("})


# "год спустя", "годом позже", "через год"
LATER_WORDS = frozenset({"спустя", "позже", "позднее", "через"})
LATER_REACH = 5


def _year_after(main: PeriodSpan | None) -> PeriodSpan | None:
    """The period a year after ``main``, when ``main`` names its year."""
    if main is None or main.year is None:
        return None
    return replace(main, year=main.year + 1, relative=None)


def _year_before(main: PeriodSpan | None) -> PeriodSpan | None:
    """The period a year before ``main`` (its number or its offset), if it has one."""
    if main is None or (main.year is None and main.relative is None):
        return None
    return replace(
        main,
        year=main.year - 1 if main.year else None,
        relative=main.relative - 1 if main.year is None and main.relative is not None else None,
    )


def _of_its_own(span: PeriodSpan, main: PeriodSpan | None) -> PeriodSpan:
    """A compared value's period: its own span, with the months of the figure it is
    compared with when it names none ("за тот же период прошлого года")."""
    months = span.months if span.months is not None else main.months if main else None
    return replace(span, months=months, role="period")


# "41 млрд против 31 млрд в 2022 году", "вместо 500 млн в 2022 г.": the compared value.
COMPARED_WORDS = frozenset({"против", "вместо"})
# How far before a figure "против" or "годом ранее" may stand: "против почти 31 млрд".
COMPARED_REACH = 3


def _base_before_bracket(scan: Scan, figure: Figure) -> PeriodSpan | None:
    """ "на 17,2% больше показателя аналогичного периода 2022 года (244,4 млн долларов)":
    the value in brackets after a base is the base's."""
    if not figure.first or scan.tokens[figure.first - 1].text != "(":
        return None
    bracket = scan.tokens[figure.first - 1].start
    return next(
        (
            p
            for p in scan.periods
            if p.role == "base" and p.year is not None and 0 <= bracket - p.stop <= 1
        ),
        None,
    )


def _told_period(
    scan: Scan, figure: Figure, status: str, carry: PeriodSpan | None
) -> PeriodSpan | None:
    wanted = ("target", "period") if status != "actual" else ("period",)
    spans = [p for p in scan.periods if p.role in wanted]
    if status == "target":
        spans = [p for p in spans if not _told_before_a_past_verb(scan, p, figure)]
    before = [p for p in spans if p.stop <= figure.start]
    own = _right_after(scan, figure, spans)
    if own is not None and (not before or _owned_by_another(scan, before[-1], figure, spans)):
        return own  # "до $100 млн к 2026 году и до $500 млн к 2030 году"
    reached = _year_reached(scan, figure, status)
    if reached is not None and (not before or before[-1].stop <= reached.start):
        return reached
    if before:
        return before[-1]
    if spans:
        return spans[0]
    opening = _same_period_opening(scan, figure)
    if opening is not None and status == "actual":
        return replace(opening, role="period")
    base = next((p for p in scan.periods if p.role == "base" and p.year), None)
    if base is not None and base.year is not None and status == "actual" and not _than(scan, base):
        # "по сравнению с 2014 годом увеличился … до 250,7 млн": the year after the base
        return PeriodSpan(base.start, base.stop, base.year + 1, None, None, "period")
    if status != "actual" and _year_end_unnamed(scan):
        return PeriodSpan(scan.sentence.start, scan.sentence.start, None, 0, None, "period")
    return carry if status == "actual" else None


def _right_after(scan: Scan, figure: Figure, spans: list[PeriodSpan]) -> PeriodSpan | None:
    """A period told right after the figure, with nothing but a word or two between."""
    for span in spans:
        if span.start < figure.stop:
            continue
        between = [t for t in scan.tokens if figure.stop <= t.start < span.start]
        if len(between) <= 1 and not any(t.pos == "PUNCT" for t in between):
            return span
        return None
    return None


def _owned_by_another(
    scan: Scan, span: PeriodSpan, figure: Figure, spans: list[PeriodSpan]
) -> bool:
    """Whether ``span`` is told right after a figure before ``figure``."""
    return any(
        f.stop <= span.start and f.first < figure.first and _right_after(scan, f, spans) == span
        for f in scan.figures
    )


def _year_reached(scan: Scan, figure: Figure, status: str) -> PeriodSpan | None:
    """ "а к 2019 году снизилась до 210 млн": an actual figure reached "к" a year is
    that year's (a goal "к 2025 году" is told as a target, not as actual)."""
    if status != "actual":
        return None
    target = next(
        (
            p
            for p in scan.periods
            if p.role == "target"
            and p.year
            and p.stop <= figure.start
            and not _after_a_comparison(scan, p)
        ),
        None,
    )
    return replace(target, role="period") if target is not None else None


def _after_a_comparison(scan: Scan, span: PeriodSpan) -> bool:
    at = scan.sentence.token_at(span.start)
    return bool(COMPARED_TO & set(scan.lemmas(at - 2, at)))


# "по отношению к 2019 году", "в сравнении к 2019-му": a base, not a year reached.
COMPARED_TO = frozenset({"отношение", "сравнение", "относительно"})


def _than(scan: Scan, base: PeriodSpan) -> bool:
    """ "вдвое больше, чем в 2020 году": a base any number of years back, where "по
    сравнению с 2014 годом" is most often the year before."""
    return scan.sentence.text[base.start - scan.sentence.start :].lower().startswith("чем")


def _year_end_unnamed(scan: Scan) -> bool:
    """ "По итогам года оборот может составить $6 млрд", "к концу года": the year a
    forecast speaks of without naming it is the one it is made in."""
    lemmas = [t.lemma for t in scan.tokens]
    return any(
        a in YEAR_END_WORDS and b == "год" and not (i + 2 < len(lemmas) and lemmas[i + 2].isdigit())
        for i, (a, b) in enumerate(itertools.pairwise(lemmas))
    )


def _same_period_opening(scan: Scan, figure: Figure) -> PeriodSpan | None:
    """ "За аналогичный период 2019 года он составлял 260 млн": a same period that opens
    the sentence is the period of its figure, not a base compared with."""
    first = scan.tokens[0]
    return next(
        (
            p
            for p in scan.periods
            if p.role == "base"
            and p.stop <= figure.start
            and first.lemma in {"за", "в"}
            and scan.sentence.token_at(p.start) == 1
            and (p.year is not None or p.relative is not None)
        ),
        None,
    )


def _told_before_a_past_verb(scan: Scan, span: PeriodSpan, figure: Figure) -> bool:
    """ "В 2024 году президенты поставили цель: достичь $2 млрд", "По итогам 2019 года
    товарооборот достиг 2,5 млрд, а в перспективе … до 5 млрд": a year before a verb in the
    past tense is when the goal was set or a figure reached, not the year the goal is for."""
    if span.role == "target" or span.start > figure.start:
        return False
    between = [t for t in scan.tokens if span.stop <= t.start < figure.start]
    # "чтобы торговля достигла $2,5 млрд": a past form after "чтобы" is a wish, not the past
    wished = next((i for i, t in enumerate(between) if t.lemma == "чтобы"), len(between))
    return any(past_verb(t) and t.lemma not in PLANNED for t in between[:wished])


# Verbs of a plan whose past tense still speaks of the year planned for: "в 2017 году
# планировалось довести товарооборот до 1 млрд".
PLANNED = {"планировать", "планироваться", "намечаться", "предполагаться", "рассчитывать"}
