"""What every economic figure is read with, whatever its type: its qualifier ("свыше",
"порядка"), its status (actual, target, forecast), its period as output fields, and whether
a percentage is a share of a total rather than a rate of change.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from bilat.extract.context import DocContext
from bilat.extract.economy.cues import (
    ANAPHORA_NOUNS,
    FALL_WORDS,
    FORECAST_WORDS,
    GOAL_VERBS,
    INDICATORS,
    NEGATED_QUALIFIERS,
    PHRASE_QUALIFIERS,
    QUALIFIERS,
    QUALIFYING_VERBS,
    REACHING_VERBS,
    RISE_WORDS,
    SHARE_TOTALS,
    SHARE_WORDS,
    TARGET_WORDS,
    THIS_YEARS,
    TRADE_ADJECTIVES,
    indicator_cues,
    is_goal_form,
)
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.numbers import MULTIPLIERS, OVER_TAIL_WORDS
from bilat.extract.parse.periods import MONTHS, PeriodSpan
from bilat.extract.parse.textforms import DASHES
from bilat.model import Sentence, Token
from bilat.schemas import Period

# "вырос с $45 млн до $2,1 млрд", "снизился на 6,8% относительно показателя всего 2023 года,
# до $26 млн": a verb of change this many tokens before "до" makes it the level reached, not
# an upper bound.
LEVEL_REACH = 14
# The future of "быть", by its forms: the tagger reads "будет" as present.
FUTURE_AUX = {"будет", "будут", "буду", "будем", "будете", "будешь"}
# A share's indicator follows its percentage closely: "10% внешнеторгового оборота".
INDICATOR_AFTER = 3
# "в общем объёме взаимной торговли занимает не больше 7%": the total may come first.
SHARE_LOOKBACK = 8
# "доля Беларуси во внешнеторговом обороте России за отчётный период снизилась до 4,3%":
# a word of share this many tokens back, with no figure between, makes a percentage a share.
SHARE_CLAUSE = 16


def clause_start(scan: Scan, figure: Figure) -> int:
    """Where a figure's clause begins: right after the figure before it in the sentence."""
    return max((f.last + 1 for f in scan.figures if f.last < figure.first), default=0)


def qualifier_of(scan: Scan, clause_start: int, figure: Figure) -> str:
    if figure.low is not None:
        return "approx"  # "4-5%"
    inside = scan.lemmas(figure.first, figure.last + 1)
    if any(a == "с" and b in OVER_TAIL_WORDS for a, b in itertools.pairwise(inside)):
        return "over"  # "400 с лишним миллионов долларов"
    lemmas = scan.lemmas(figure.first - 3, figure.first)
    words = [t.text.lower() for t in scan.tokens[max(0, figure.first - 3) : figure.first]]
    for i in range(len(lemmas) - 1, -1, -1):
        qualifier = QUALIFIERS.get(words[i]) or QUALIFIERS.get(lemmas[i])
        if i and not qualifier:
            qualifier = PHRASE_QUALIFIERS.get((words[i - 1], lemmas[i]))
        if qualifier:
            negated = i > 0 and words[i - 1] == "не"
            return NEGATED_QUALIFIERS.get(lemmas[i], qualifier) if negated else qualifier
        if (
            words[i] == "до"
            and not goal_in(scan, figure.first - LEVEL_REACH, figure.first)
            and not _after_a_rate(scan, figure)
        ):
            return "under"
    for i, lemma in enumerate(scan.lemmas(clause_start, figure.first)):
        verb = QUALIFYING_VERBS.get(lemma)
        if verb:
            negated = scan.tokens[clause_start + i - 1].text.lower() == "не"
            return NEGATED_QUALIFIERS.get(lemma, "under") if negated else verb
    return "exact"


def _after_a_rate(scan: Scan, figure: Figure) -> bool:
    """ "с Грузией – в 2,6 раза, до 402,3 млн": a rate just before "до" makes the
    figure the level reached."""
    return any(
        f.kind in {"percent", "times"} and 0 < figure.first - f.last <= RATE_BEFORE_LEVEL
        for f in scan.figures
    )


# How close before "до <figure>" a rate makes it the level reached: "в 3,2 раза, до".
RATE_BEFORE_LEVEL = 3


def goal_in(scan: Scan, lo: int, hi: int) -> bool:
    """ "довести до", "вырос до", "сократился до": here "до" names the level reached."""
    return any(
        t.lemma in GOAL_VERBS
        or t.lemma in TARGET_WORDS
        or t.lemma in RISE_WORDS
        or t.lemma in FALL_WORDS
        for t in scan.tokens[max(0, lo) : hi]
    )


def status_of(
    scan: Scan, clause_start: int, figure_start: int, figure_stop: int | None = None
) -> str:
    """Target (a goal someone sets), forecast (what is expected) or actual, read from the
    clause's tokens before the figure (token indices).

    Words of intent decide first; then a verb's form: an infinitive under a goal
    ("выйти на 10 млрд") is a target, a plain future ("превысит 5 млрд") a forecast.
    """
    if figure_stop is not None and _goal_right_after(scan, figure_stop):
        return "target"  # "большая цифра - 3 млрд (долларов) достичь"
    tokens = scan.tokens[max(0, clause_start) : figure_start]
    relative = [
        i
        for i, t in enumerate(tokens)
        if t.lemma == "который" or (t.lemma == "что" and i and tokens[i - 1].text == ",")
    ]
    if relative:
        # "нарастить товарооборот, который в 2023 году составил 1 млрд", "можем
        # радоваться, что товарооборот вырос на 65%": the figure's clause tells its own
        tokens = tokens[relative[-1] :]
    if any(t.lemma in TARGET_WORDS and not _reached(t) for t in tokens):
        return "target"
    if any(t.lemma in FORECAST_WORDS or t.text.lower() in FUTURE_AUX for t in tokens):
        return "forecast"  # "ожидается", "будет увеличен вдвое"
    if any(
        t.lemma in GOAL_VERBS and t.feats.get("VerbForm") == "Inf" and not _achieved(tokens, i)
        for i, t in enumerate(tokens)
    ):
        return "target"
    if any(
        t.lemma in GOAL_VERBS and is_goal_form(t) and not _achieved(tokens, i)
        for i, t in enumerate(tokens)
    ):
        return "forecast"
    if any(_future(t) for t in tokens):
        return "forecast"  # "в 2027 году сохранят товарооборот на уровне в два миллиарда"
    if any(p.role == "target" for p in scan.periods) and not any(past_verb(t) for t in scan.tokens):
        return "target"  # "к 2030 году", but not "к 2022 году увеличились" (a base)
    return "actual"


# "смогли удвоить", "удалось нарастить": a past modal makes its infinitive a thing done.
ACHIEVED_MODALS = frozenset({"смочь", "удаться", "суметь"})
# How far before its infinitive the modal may stand ("смогли за два года нарастить").
ACHIEVED_REACH = 4


def _achieved(tokens: Sequence[Token], infinitive: int) -> bool:
    return any(
        t.lemma in ACHIEVED_MODALS and t.feats.get("Tense") == "Past"
        for t in tokens[max(0, infinitive - ACHIEVED_REACH) : infinitive]
    )


# How far after a figure an infinitive of a goal may stand and still be its verb.
GOAL_AFTER_REACH = 5


def _goal_right_after(scan: Scan, stop: int) -> bool:
    """An infinitive of a goal right after the figure, within its clause: the word order of
    speech ("30 миллиардов достичь")."""
    depth = 0
    for token in scan.tokens[stop : stop + GOAL_AFTER_REACH]:
        depth += {"(": 1, ")": -1}.get(token.text, 0)
        if depth <= 0 and token.text in {",", ".", ";", "—", "–", "-", ":"}:
            return False
        if token.lemma in GOAL_VERBS and token.feats.get("VerbForm") == "Inf":
            return True
    return False


def past_verb(token: Token) -> bool:
    return token.pos == "VERB" and token.feats.get("Tense") == "Past"


def _reached(token: Token) -> bool:
    """ "довели товарооборот до 7 млрд": a goal told in the past tense was reached."""
    return token.lemma in REACHING_VERBS and token.feats.get("Tense") == "Past"


def _future(token: Token) -> bool:
    """A finite verb of the future: "сохранят", "выйдет" (a perfective present is one);
    not the writer's "отметим", "напомним"."""
    feats = token.feats
    return (
        token.pos == "VERB"
        and feats.get("VerbForm") == "Fin"
        and feats.get("Person") != "1"
        and (
            feats.get("Tense") == "Fut"
            or (feats.get("Tense") == "Pres" and feats.get("Aspect") == "Perf")
        )
        and not _PAST_FORM.search(token.text)
    )


# "наторговали", "выросла", "увеличился": a past form, whatever tense the tagger gives it
_PAST_FORM = re.compile(r"(?:л|ла|ло|ли)(?:ся|сь)?$", re.IGNORECASE)


def period_fields(ctx: DocContext, period: PeriodSpan | None) -> Period:
    if period is None:
        return {"year": None, "months": None}
    year = period.resolve(relative_anchor(ctx))
    if year is None and _this_years_part(period) and ctx.reference_year is None:
        year = relative_anchor(ctx)  # "в январе–сентябре" of an undated text: its year
    return {"year": year, "months": period.months}


def _this_years_part(period: PeriodSpan) -> bool:
    """ "в январе–сентябре", "за первое полугодие": months with no year, of the year the
    text is written in."""
    return period.months is not None and period.year is None and period.relative is None


def relative_anchor(ctx: DocContext) -> int | None:
    """The year "в этом году" of a figure stands for: the publication's where it is told,
    else, in an undated text, one guessed from its trade figures (``anchor_year``)."""
    if ctx.reference_year is not None:
        return ctx.reference_year
    return ctx.memo("anchor_year", lambda: anchor_year(ctx))


def anchor_year(ctx: DocContext) -> int | None:
    """In an undated text, the year its relative years are told against, from the latest
    year it gives a trade figure for: the year after it when that year is told whole and
    done ("Экспорт за 2021 год вырос на 20%": its results are in, so the text was written
    later), else that year ("в первом квартале 2022 года"). A year of an agreement or of a
    history ("подписали в 2015 году") is no guide: it must stand beside a trade word and a
    figure."""
    told = [
        (p, s)
        for s in ctx.analysis.sentences
        if _gives_trade_figure(ctx, s)
        for p in ctx.periods_of(s)
        if p.role == "period"
    ]
    years = [p.year for p, _ in told if p.year is not None and p.relative is None]
    if not years or not any(p.relative is not None or _this_years_part(p) for p, _ in told):
        return None
    latest = max(years)
    done = any(p.year == latest and p.months is None and _told_in_past(s) for p, s in told)
    return latest + 1 if done else latest


def _told_in_past(sentence: Sentence) -> bool:
    """A year's figure told as done: a verb in the past, and no word of a goal or a
    forecast ("по итогам 2017 года может достигнуть 80 млрд" is not done)."""
    tokens = sentence.tokens
    # "был более 1 млрд": the auxiliary in the past tells a done year as a verb does
    return any(
        past_verb(t) or (t.pos == "AUX" and t.feats.get("Tense") == "Past") for t in tokens
    ) and not any(t.lemma in FORECAST_WORDS or t.lemma in TARGET_WORDS for t in tokens)


def _gives_trade_figure(ctx: DocContext, sentence: Sentence) -> bool:
    """A figure beside a trade word, or beside an anaphor of one ("в 2024 году он вырос")."""
    tokens = sentence.tokens
    return (
        bool(FIGURE_HINT.search(sentence.text))
        and not ctx.in_furniture(sentence)
        and (
            any(_of_trade(tokens, cue.index) for cue in indicator_cues(tokens))
            or any(t.lemma in ANAPHORA_SUBJECTS and t.rel.startswith("nsubj") for t in tokens)
        )
    )


def _of_trade(tokens: Sequence[Token], i: int) -> bool:
    """A trade word that is surely trade between sides: "экспорт", "внешнеторговый оборот",
    "российско-китайской торговли"; not "соглашение о свободной торговле"."""
    before = tokens[i - 1] if i else None
    return tokens[i].lemma in INDICATORS or (
        before is not None and (before.lemma in TRADE_ADJECTIVES or "-" in before.text)
    )


ANAPHORA_SUBJECTS = ANAPHORA_NOUNS | {"он"}


# A number with a unit of money or a percentage: a cheap test of a figure.
# "более одного миллиарда" is a figure too: a multiplier written out is hint enough.
FIGURE_HINT = re.compile(
    r"\d\s*(?:%|процент|"
    + "|".join(sorted(MULTIPLIERS, key=len))
    + r")|\b(?:миллион|миллиард|триллион)",
    re.IGNORECASE,
)


# Prepositions that make a percentage a level: "до 4,3%", "с 4,9%".
LEVEL_WORDS = frozenset({"до", "с", "со"})


def after_level_word(scan: Scan, figure: Figure) -> bool:
    """ "упала до 3,8% с 5,2%": the figure is a level reached or left."""
    return bool(figure.first) and scan.tokens[figure.first - 1].lemma in LEVEL_WORDS


def told_by_amount(scan: Scan, figure: Figure) -> bool:
    """ "на 51,4%", "на треть": a rate told as the amount of a change, "на" before it or
    opening it."""
    first = figure.first
    return scan.tokens[first].lemma == "на" or (first > 0 and scan.tokens[first - 1].lemma == "на")


def is_share(scan: Scan, figure: Figure) -> bool:
    """A percentage of a total rather than a rate of change: "10% товарооборота" (the total
    right after it, before any punctuation), "доля Беларуси … снизилась до 4,3%" (a word of
    share in its clause)."""
    after = []
    # "38,6% от общего объёма внешней торговли": "от" reaches further for the total
    reach = INDICATOR_AFTER + (
        3
        if figure.last + 1 < len(scan.tokens) and scan.tokens[figure.last + 1].lemma == "от"
        else 0
    )
    for token in scan.tokens[figure.last + 1 : figure.last + 1 + reach]:
        if token.pos == "PUNCT":
            break  # "(снижение на 31,7%), импорт …": the next clause's subject
        after.append(token.lemma)
    if scan.tokens[figure.last].lemma.endswith("процентный") and after[:1] != ["доля"]:
        return False  # "о 30-процентном росте", "30-процентная пошлина": no share but "доля"
    if told_by_amount(scan, figure) and any(
        lemma in RISE_WORDS or lemma in FALL_WORDS
        for lemma in after + scan.lemmas(figure.first - RATE_VERB_BEFORE, figure.first)
    ):
        # "На 50% вырос товарооборот", "нарастить на треть экспорт": a rate, whatever follows
        return False
    lo = max(clause_start(scan, figure), figure.first - SHARE_CLAUSE)
    if after_level_word(scan, figure):
        lo = max(0, figure.first - SHARE_CLAUSE)  # "снизилась с 48,3% до 34,4%": both levels
    return (
        names_trade(after)
        or after[:2].count("приходиться") > 0
        or _of_the_whole(after)
        or any(lemma in SHARE_WORDS for lemma in scan.lemmas(lo, figure.first))
        or _in_the_total(scan.lemmas(lo, figure.first))
        or share_elided(scan, figure)
    )


def share_elided(scan: Scan, figure: Figure) -> bool:
    """ "в общем объёме экспорта составила 20,3%, импорта — 28,8%": the flow and a dash
    after a share stand for its words, so the figure is a share too."""
    before = [f for f in scan.figures if f.last < figure.first]
    if not before or before[-1].kind != "percent":
        return False
    between = scan.tokens[before[-1].last + 1 : figure.first]
    words = [t for t in between if t.pos not in {"PUNCT", "CCONJ"}]
    return (
        len(words) == 1
        and words[0].lemma in INDICATORS
        and any(t.text in DASHES for t in between)
        and is_share(scan, before[-1])
    )


def _in_the_total(before: list[str]) -> bool:
    """ "Торговля с Китаем в общем объёме экспорта составила 64,5%": a part of a total named
    before the figure."""
    if any(lemma in RISE_WORDS or lemma in FALL_WORDS for lemma in before):
        return False  # "в общем объёме … рост составил 12%": a rate
    return any(
        a == "в" and b == "общий" and c in VOLUME_NOUNS
        for a, b, c in zip(before, before[1:], before[2:], strict=False)
    )


def _of_the_whole(after: list[str]) -> bool:
    """ "30,1% от общего объёма": a part of a whole the sentence has named."""
    return (
        bool(after)
        and after[0] == "от"
        and any(lemma in VOLUME_NOUNS for lemma in after[1:WHOLE_REACH])
    )


# "нарастить на треть": how far before "на" its verb may stand.
RATE_VERB_BEFORE = 3
# "от общего объёма": the nouns of a whole, and how far after "от" they may stand.
VOLUME_NOUNS = frozenset({"объём", "объем"})
WHOLE_REACH = 3


def names_trade(lemmas: list[str]) -> bool:
    return any(lemma in SHARE_TOTALS for lemma in lemmas)


# A month on its own: "в июле", "по сравнению с июнем", "в месячном исчислении".
MONTH_LEMMAS = frozenset(MONTHS)


def single_month(scan: Scan, hi: int | None = None) -> bool:
    """A figure of one month ("Только в июле объём торговли достиг $19,48 млрд"): periods
    count months from January, so such a figure has no place in them. With ``hi``, only a
    month named before that token counts ("вырос на 30%, а в январе – на 60%": not the
    first rate's)."""
    tokens = scan.tokens
    stop = len(tokens) if hi is None else hi
    for i, token in enumerate(tokens):
        if (
            token.lemma == "месячный"
            and i + 1 < len(tokens)
            and tokens[i + 1].lemma == "исчисление"
        ):
            return True  # "в месячном исчислении", wherever it stands
        if (
            i < stop
            and _month_after(tokens, i, {"в", "во", "с", "за"})
            and not _in_month_range(tokens, i)
        ):
            return True
    return False


def _month_after(tokens: Sequence[Token], i: int, prepositions: set[str]) -> bool:
    """A month named after one of ``prepositions``, perhaps with "нынешнем" between."""
    if tokens[i].lemma not in MONTH_LEMMAS or i == 0:
        return False
    before = tokens[i - 1].lemma
    return before in prepositions or (
        before in THIS_YEARS and i > 1 and tokens[i - 2].lemma in prepositions
    )


def month_on_month(scan: Scan) -> bool:
    """A month against the month before ("в месячном исчислении", "по сравнению с
    сентябрём"): no change a year's trade can be compared with."""
    tokens = scan.tokens
    return any(
        (t.lemma == "месячный" and i + 1 < len(tokens) and tokens[i + 1].lemma == "исчисление")
        or (
            t.lemma in MONTH_LEMMAS
            and i
            and tokens[i - 1].lemma in {"с", "со"}
            and not _in_month_range(tokens, i)
            # "с январём прошлого года" is the same month a year before
            and "год" not in [x.lemma for x in tokens[i + 1 : i + 4]]
        )
        for i, t in enumerate(tokens)
    )


def month_alone(scan: Scan, lo: int = 0, hi: int | None = None) -> int | None:
    """The one month a figure is for, named between tokens ``lo`` and ``hi`` (its clause):
    "в октябре", "за сентябрь 2024 года"; not a run of months from January, not a month
    compared with ("по сравнению с июнем")."""
    tokens = scan.tokens
    for i in range(max(1, lo), len(tokens) if hi is None else hi):
        if _month_after(tokens, i, {"в", "во", "за"}) and not _in_month_range(tokens, i):
            return MONTHS[tokens[i].lemma]
    return None


def figure_month(scan: Scan, lo: int, hi: int) -> int | None:
    """The one month a figure of a one-month sentence is for, named in its clause (tokens
    ``lo`` to ``hi``): "в октябре … 13 млрд, а за январь–октябрь …" gives October to the
    first figure only."""
    return month_alone(scan, lo, hi) if single_month(scan) else None


def in_month(period: Period, month: int | None) -> Period:
    """A period of one month: January alone is the year's first month (months 1), any other
    month its own ("month"), with no months from January; no month leaves it as it is."""
    if month is None:
        return period
    if month == 1:
        return {"year": period["year"], "months": 1}
    return {"year": period["year"], "months": None, "month": month}


def _in_month_range(tokens: Sequence[Token], i: int) -> bool:
    """ "январь–июль", "с января по июль", "в январе-июле": months from January."""
    near = [t.lemma for t in tokens[max(0, i - 3) : i + 3]]
    # January alone is no range: it is counted once, as any month
    return "январь" in near and sum(lemma in MONTH_LEMMAS for lemma in near) >= 2
