"""The period of a rate and the base it is compared with: "в 2024 году … на 12%", "по
сравнению с 2021 годом", "с 6 млн в 2006 году до 18 млн в 2011 году", "за последние
четыре года"."""

from __future__ import annotations

import itertools
from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.economy.state import closed_year_results, dated, period_in_force, years_spanned
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.periods import PeriodSpan
from bilat.schemas import Period


def period_and_base(
    ctx: DocContext, scan: Scan, figure: Figure
) -> tuple[PeriodSpan | None, int | str | None]:
    own = [p for p in scan.periods if p.role == "period"]
    from_to = _from_to_years(scan, figure, own)
    if from_to is not None:
        return dated(ctx, scan.sentence, from_to[1]), from_to[0].resolve(ctx.year)
    base_span = next((p for p in scan.periods if p.role == "base"), None)
    # the period nearest before the rate: "в 2015 году …, в 2017 году – 3,4 млрд – на 41%";
    # after it, the last: "с 2003 года … в 60 раз: с $9 млн в 2003 году до $540 млн в 2012"
    after = [
        p
        for p in own
        if p.year is not None
        and base_span is not None
        and base_span.year is not None
        and p.year > base_span.year
    ]
    period = _period_right_after(scan, figure, own) or next(
        (p for p in reversed(own) if p.stop <= figure.start),
        max(after, key=lambda p: p.year or 0) if after else own[0] if own else None,
    )
    if period is None and years_back(scan) is None:
        period = period_in_force(ctx, scan.sentence)
    if (
        period is not None
        and period.year is None
        and period.relative is None
        and base_span is not None
        and base_span.year is not None
    ):
        # "в первом полугодии … против того же периода 2019 года": of 2021
        period = replace(period, year=base_span.year + 1)
    period = dated(ctx, scan.sentence, period)
    if base_span is not None:
        if base_span.year is None and base_span.relative is not None:
            # "вырос на 11% по сравнению с прошлым годом": a rate of the year after its base
            if period is None and not closed_year_results(ctx):
                period = _year_after_base(base_span)
            return period, "previous_period"
        return period, base_span.resolve(ctx.year)
    back = years_back(scan)
    if back is not None:
        year = period.resolve(ctx.year) if period else _latest_results_year(ctx)
        return period, (year - back) if year else None
    return period, "previous_period"


def _year_after_base(base: PeriodSpan) -> PeriodSpan | None:
    if base.relative is None:
        return None
    return replace(base, relative=base.relative + 1, months=None, role="period")


def _from_to_years(
    scan: Scan, figure: Figure, own: list[PeriodSpan]
) -> tuple[PeriodSpan, PeriodSpan] | None:
    """ "вырос в 3 раза – с 6 млн в 2006 году до 18 млн в 2011 году": the rate told with
    its two levels is of the later year, against the earlier one: (base, period)."""
    later = [p for p in own if p.start >= figure.stop]
    for first, second in itertools.pairwise(later):
        opening = scan.lemmas(figure.last + 1, scan.token_index(first.start))
        closing = scan.lemmas(scan.token_index(first.stop - 1) + 1, scan.token_index(second.start))
        if "с" in opening and "до" in closing:
            return first, second
    return None


def _period_right_after(scan: Scan, figure: Figure, own: list[PeriodSpan]) -> PeriodSpan | None:
    """ "… в прошлом году достиг 200 млн и прибавил 17% за семь месяцев 2024 года": a
    period that follows the rate at once is the rate's own."""
    for span in own:
        between = [t for t in scan.tokens if figure.stop <= t.start < span.start]
        if (
            span.start >= figure.stop
            and len(between) <= PERIOD_RIGHT_AFTER
            and not any(t.pos in {"PUNCT", "CCONJ", "VERB"} for t in between)
        ):
            return span
    return None


# How many words may stand between a rate and its own period: "на 22% (только) за …".
PERIOD_RIGHT_AFTER = 1


def years_back(scan: Scan) -> int | None:
    """ "за последние четыре года", "за 5 лет": the base is that many years back."""
    return years_spanned(scan.sentence.text)


def years_back_period(ctx: DocContext, scan: Scan) -> Period:
    """ "за последние четыре года … рост" is growth up to the latest results."""
    year = _latest_results_year(ctx) if years_back(scan) is not None else None
    return {"year": year, "months": None}


def _latest_results_year(ctx: DocContext) -> int | None:
    """The year of the latest results a text can speak of: its own, but the year before in
    a text of a year's first months, when only those are in."""
    if ctx.year is None:
        return None
    month = ctx.month
    return ctx.year - 1 if month is not None and month <= LAST_OF_RESULTS else ctx.year


# The last month of a year in which the results of the year before are the latest.
LAST_OF_RESULTS = 3
