"""Trade figures: turnover, export and import between two parties.

For each money figure of a sentence: the indicator named before it (in its own clause
first, so "товарооборот … 489,2 млн, из которых экспорт достиг 406,2 млн" gives turnover
then export), its qualifier, status and period (read in ``tradeperiod``), and the two
parties.
"""

from __future__ import annotations

from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.economy.attributes import (
    LEVEL_REACH,
    figure_month,
    goal_in,
    in_month,
    month_alone,
    period_fields,
    qualifier_of,
    single_month,
    status_of,
    told_by_amount,
)
from bilat.extract.economy.attributes import (
    clause_start as figure_clause,
)
from bilat.extract.economy.cues import (
    CLAUSE_BREAKS,
    COMMODITY_WORDS,
    FALL_WORDS,
    INDICATORS,
    INVESTMENT_WORDS,
    LOSS_REACH,
    LOSS_WORDS,
    OTHER_MONEY_WORDS,
    RISE_WORDS,
    SHARE_TOTALS,
    VOLUME_UNITS,
    Cue,
)
from bilat.extract.economy.parties import Parties, direction
from bilat.extract.economy.state import (
    YEAR_FROM_PUBLICATION,
    counted_from_a_guess,
    untold_period,
    when_clause_period,
)
from bilat.extract.economy.subjects import Subject, figure_subject
from bilat.extract.economy.tradeperiod import (
    figure_period,
    last_when,
    level_of_the_base,
    told_before,
    year_right_after,
)
from bilat.extract.figures import Figure, Scan
from bilat.model import Fact
from bilat.schemas import TradeFields

# Tokens that may follow a bare amount ("а импорт — 83 млн") when it is money; anything
# else ("4,5 млн тонн", "2 млн человек") makes it a count of something else.
MONEY_FOLLOWERS = {"PUNCT", "CCONJ", "SCONJ", "ADP"}

# Units of a physical flow: a money figure after one is the value of that flow.
# How far before a figure a verb of change makes "на"/"с" a difference or a starting level.
CHANGE_REACH = 12
CONFIDENCE_NAMED = 0.9  # both parties named in the sentence
CONFIDENCE_ONE_NAMED = 0.8  # one named, the other from the document's main pair
CONFIDENCE_FROM_DOCUMENT = 0.65  # "между регионами": both from the document


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    facts = []
    in_force: str | None = None  # the currency the paragraph last named
    named: set[str] = set()  # every currency the text has named so far
    stop = 0
    for scan in scans:
        if ctx.new_paragraph(stop, scan.sentence.start):
            # a text that has named one currency only goes on in it ("Оборот с Китаем достиг
            # 70 млн" a paragraph after "… 90 млн долларов"); two make it unsure
            in_force = next(iter(named)) if len(named) == 1 else None
        stop = scan.sentence.stop
        moneys = [f for f in scan.figures if f.kind == "money"]
        before: tuple[Figure, Fact] | None = None
        for n, figure in enumerate(moneys):
            subject = figure_subject(ctx, scans, scan, figure)
            fact = _trade_fact(ctx, scan, moneys, n, subject, in_force) if subject else None
            if fact and before and _in_other_money(scan, before, figure, fact):
                fact = replace(fact, fields={**fact.fields, "period": before[1].get("period")})
            if fact:
                facts.append(fact)
                before = (figure, fact)
        told = [f.money.currency for f in moneys if f.money and f.money.currency]
        named.update(told)
        in_force = told[-1] if told else in_force
    return facts


def _in_other_money(scan: Scan, before: tuple[Figure, Fact], figure: Figure, fact: Fact) -> bool:
    """ "104 млрд иен (около 690 млн долларов)", "60 млрд рублей, или 20 млрд песо": the
    figure before told again in another currency, of the same period."""
    figure_before, fact_before = before
    between = [t.text.lower() for t in scan.tokens[figure_before.last + 1 : figure.first]]
    words = [w for w in between if w not in {"(", ",", "около", "примерно", "порядка", "почти"}]
    return (
        fact.get("currency") != fact_before.get("currency")
        and fact.get("indicator") == fact_before.get("indicator")
        and len(between) <= EQUIVALENT_GAP
        and (between[:1] == ["("] or words == ["или"])
        and words in ([], ["или"])
    )


# How many tokens may stand between a sum and its equivalent: ", или около".
EQUIVALENT_GAP = 4


# Trade between two parties under this sum is a figure that lost its multiplier ("около
# $500" for "$500 млн"), not a sum an analyst would copy.
MIN_TRADE_VALUE = 10_000
# Above this sum in a currency of the world's trade no pair of sides trades in a year (the
# largest pairs stay under a trillion dollars): a page's slip ("1338,1 млрд долларов" for
# a region's millions), not a figure.
MAX_TRADE_VALUE = {"USD": 1e12, "EUR": 1e12, "GBP": 1e12, "CHF": 1e12}


def _plausible(value: float, currency: str) -> bool:
    return MIN_TRADE_VALUE <= value <= MAX_TRADE_VALUE.get(currency, float("inf"))


def _trade_fact(
    ctx: DocContext,
    scan: Scan,
    moneys: list[Figure],
    n: int,
    subject: Subject,
    currency_in_force: str | None = None,
) -> Fact | None:
    figure = moneys[n]
    cue, parties, clause_start = subject.cue, subject.parties, subject.clause_start
    if (
        parties is None
        or not _trade_figure(scan, cue, figure)
        or _threshold_passed(scan, moneys, n)
    ):
        return None
    own_year = None
    if _is_starting_level(scan, figure):
        own_year = year_right_after(scan, figure)
        if own_year is None:
            return None
    reached = _level_reached(scan, moneys, n)
    if reached:
        # "… до $1,4 млрд в 2009 г."; else "В прошлом году … вырос с X в 2011 году до Y":
        # the period told before the starting level, not the starting level's own year
        own_year = year_right_after(scan, figure) or told_before(scan, moneys[n - 1])
    # "… достигла 900 млн долларов. Среди партнёров края — Китай (96,4 млн) и США (88,1 млн)": the
    # currency the paragraph named last
    currency = _currency(scan, moneys, n) or currency_in_force
    if currency is None or not _is_money(scan, figure) or not _plausible(figure.value, currency):
        return None
    # "планирует нарастить экспорт с $7 млрд до $12 млрд": the goal's words stand before the
    # starting level, in the clause both figures share
    elided = _elided_level(scan, moneys, n)
    told_from = (
        min(clause_start, figure_clause(scan, moneys[n - 1])) if reached or elided else clause_start
    )
    when = when_clause_period(scan.sentence, scan.periods, figure.start)
    if when is not None:  # "…, когда объём достиг 51 млрд": told in its own clause
        told_from = max(told_from, last_when(scan, figure))
    status = status_of(scan, told_from, figure.first, figure.last + 1)
    period = (
        own_year
        or when
        or level_of_the_base(scan, figure)
        or figure_period(ctx, scan, figure, status)
    )
    month = figure_month(scan, clause_start, figure.last + 1)
    guessed = False
    if _a_yearly_rate(scan, figure):
        period = None  # "составляет 3 млрд долларов в год": any year's, not one year's
    elif period is None and (status == "actual" or month is not None):
        period, guessed = untold_period(ctx, scan.sentence, figure.first, month)
    guessed = guessed or counted_from_a_guess(ctx, period)
    fields: TradeFields = {
        "indicator": cue.value,
        "parties": list(parties.pair),
        "exporter": None,
        "importer": None,
        "value": figure.value,
        "currency": currency,
        "qualifier": "exact" if reached or elided else qualifier_of(scan, clause_start, figure),
        "period": in_month(period_fields(ctx, period), month),
        "status": status,
    }
    if figure.money and figure.money.low is not None and _before(scan, figure) not in {"с", "со"}:
        # "от 2 до 3 млрд долларов": the middle, told as approximate, as a range of percentages
        # is; the ends stay with the figure ("с 1,2 до 3 млрд" is no range: 3 is reached)
        low, high = figure.money.low, figure.value
        fields["value"], fields["qualifier"] = (low + high) / 2, "approx"
        fields["value_min"], fields["value_max"] = low, high
    if cue.value != "turnover":
        fields["exporter"], fields["importer"] = direction(parties, cue.value, ctx.home)
    return Fact(
        "trade",
        fields,
        scan.evidence(),
        _confidence(parties),
        rule=f"trade.{cue.value}",
        trace=_trace(scan, cue, figure) + ((YEAR_FROM_PUBLICATION,) if guessed else ()),
    )


def _before(scan: Scan, figure: Figure) -> str:
    return scan.tokens[figure.first - 1].lemma if figure.first else ""


def _changes_before(scan: Scan, figure: Figure, since_figure: bool = False) -> bool:
    """A rise or fall word shortly before the figure; with ``since_figure``, also after any
    figure before it: "превышает 1 млрд, а задачей остаётся выход на 2 млрд" tells no
    change by 2 млрд ("снизился до 63 млрд с 88 млрд" still starts from 88)."""
    lo = figure.first - CHANGE_REACH
    if since_figure:
        lo = max([lo] + [f.last + 1 for f in scan.figures if f.last < figure.first])
    return any(
        lemma in RISE_WORDS or lemma in FALL_WORDS for lemma in scan.lemmas(lo, figure.first)
    )


def _of_a_commodity(scan: Scan, lo: int, hi: int) -> bool:
    """ "экспортировано 51,5 тыс. тонн нефти на сумму 24 млн": one good's flow, not trade;
    "товарооборот составил 885 тыс. тонн на сумму 192 млн" names no good: the trade's own
    tonnage."""
    tokens = scan.tokens
    return any(
        tokens[k].lemma in COMMODITY_WORDS
        or (tokens[k].lemma in VOLUME_UNITS and k + 1 < len(tokens) and tokens[k + 1].pos == "NOUN")
        for k in range(min(lo, hi) + 1, max(lo, hi))
    )


def _a_yearly_rate(scan: Scan, figure: Figure) -> bool:
    """ "Товарооборот составляет около 2 млрд долларов в год", "ежегодно … на 1 млрд": a
    sum per year, told of no year the sentence names."""
    after = scan.lemmas(figure.last + 1, figure.last + 3)
    per_year = after[:2] == ["в", "год"] or "ежегодно" in scan.lemmas(0, figure.first)
    return per_year and not any(p.role in {"period", "target"} and p.year for p in scan.periods)


def _is_difference(scan: Scan, figure: Figure) -> bool:
    """ "увеличился на 12 млн долларов": by how much, not how much; so is the amount in
    brackets after a rate ("вырос на 29% (на $13 млн)") and one told more or less than
    another ("на $2,7 млн больше прошлогоднего"), and one with a sign ("минус 3 млн")."""
    if _before(scan, figure) in {"минус", "плюс"}:
        return True  # "(минус 3 млн долларов)"
    if _bracketed_after_amount_of_change(scan, figure):
        return True  # "увеличился на 75% (7,9 млн долларов)"
    return _before(scan, figure) == "на" and (
        _changes_before(scan, figure, since_figure=True)
        or _bracketed_after_rate(scan, figure)
        or _restated_rate(scan, figure)
        or _told_against_another(scan, figure)
    )


# "увеличился втрое, или на 40 млн долларов": the rate told again as an amount.
RESTATING_WORDS = {",", "или", "то", "есть", "т.е", ".", "е"}


def _restated_rate(scan: Scan, figure: Figure) -> bool:
    rates = [f for f in scan.figures if f.last < figure.first and f.kind in {"percent", "times"}]
    if not rates:
        return False
    between = [t.text.lower() for t in scan.tokens[rates[-1].last + 1 : figure.first - 1]]
    return "или" in between and all(word in RESTATING_WORDS for word in between)


def _told_against_another(scan: Scan, figure: Figure) -> bool:
    after = figure.last + 1
    return after < len(scan.tokens) and scan.tokens[after].text.lower() in {"больше", "меньше"}


def _bracketed_after_rate(scan: Scan, figure: Figure) -> bool:
    opening = figure.first - 2
    return (
        opening > 0
        and scan.tokens[opening].text == "("
        and any(f.last == opening - 1 and f.kind in {"percent", "times"} for f in scan.figures)
    )


def _bracketed_after_amount_of_change(scan: Scan, figure: Figure) -> bool:
    """A sum in brackets right after a rate told with "на", after the level itself ("составил
    18,4 млн, увеличившись на 75% (7,9 млн)"): the same change in money. With no level told
    before ("увеличение оборота на 21% (1587 млн)"), the sum is the level reached."""
    opening = figure.first - 1
    rate = next(
        (f for f in scan.figures if f.last == opening - 1 and f.kind in {"percent", "times"}),
        None,
    )
    return (
        rate is not None
        and _level_told_before(scan, rate)
        and scan.tokens[opening].text == "("
        and told_by_amount(scan, rate)
    )


def _level_told_before(scan: Scan, rate: Figure) -> bool:
    """A sum before the rate, of the same flow: no other rate and no indicator between."""
    for level in (f for f in scan.figures if f.money is not None and f.last < rate.first):
        rates = [f for f in scan.figures if level.last < f.first < rate.first]
        cues = [c for c in scan.indicators if level.last < c.index < rate.first]
        if not rates and not cues:
            return True
    return False


def _is_loss(scan: Scan, cue: Cue, figure: Figure) -> bool:
    """ "потеряла на экспорте в Россию около 4 млрд евро": what was lost, not traded."""
    lo = min(cue.index, figure.first) - LOSS_REACH
    # "недосчиталась 1 млрд, но составила 9 млрд": a loss before another figure is its own
    lo = max([lo] + [f.last + 1 for f in scan.figures if f.last < figure.first])
    return any(lemma in LOSS_WORDS for lemma in scan.lemmas(lo, figure.first))


def _trade_figure(scan: Scan, cue: Cue, figure: Figure) -> bool:
    """Not the money of something else: a debt or a price, a difference, one good's flow,
    a figure of one month."""
    return not (
        _other_money_between(scan, cue.index, figure.first)
        or _is_difference(scan, figure)
        or _is_loss(scan, cue, figure)
        or _of_a_commodity(scan, cue.index, figure.first)
        or (single_month(scan) and month_alone(scan) is None)
    )


def _threshold_passed(scan: Scan, moneys: list[Figure], n: int) -> bool:
    """ "превысил 500 млн, достигнув 504,6 млн", "превысил 1 млрд и составил 1,12 млрд": a
    round mark passed, told before the figure itself; the figure is the fact."""
    if n + 1 >= len(moneys) or "превысить" not in scan.lemmas(moneys[n].first - 2, moneys[n].first):
        return False
    between = scan.tokens[moneys[n].last + 1 : moneys[n + 1].first]
    # "по 2024 году превысил 30 млн, а в 2025 году составил 16 млн": two years, two figures
    told = [p for p in scan.periods if p.stop <= moneys[n].start]
    later = [p for p in scan.periods if moneys[n].stop <= p.start <= moneys[n + 1].start]
    own_period = bool(told and later) and told[-1].resolve(None) != later[0].resolve(None)
    return (
        len(between) <= THRESHOLD_GAP
        and not own_period
        and any(t.lemma in LEVEL_VERBS for t in between)
        and not any(t.lemma in INDICATORS or t.lemma in SHARE_TOTALS for t in between)
    )


# "превысил X, достигнув в прошлом году Y": how many words may part the mark and the figure.
THRESHOLD_GAP = 8
# Verbs that give the level a figure reached.
LEVEL_VERBS = {"составить", "достигнуть", "достичь"}


def _elided_level(scan: Scan, moneys: list[Figure], n: int) -> bool:
    """ "довести до $100 млн в следующем году, а в перспективе — до $500 млн": a second
    level after "до" with no verb of its own is reached by the verb of the first."""
    if n == 0 or _before(scan, moneys[n]) != "до" or _before(scan, moneys[n - 1]) != "до":
        return False
    previous = moneys[n - 1]
    between = scan.tokens[previous.last + 1 : moneys[n].first]
    return goal_in(scan, previous.first - LEVEL_REACH, previous.first) and not any(
        t.pos in {"VERB", "AUX"} for t in between
    )


def _level_reached(scan: Scan, moneys: list[Figure], n: int) -> bool:
    """ "вырос … с $32,5 млн в 2001 году до $1,7 млрд": the level a change reached, after
    the level it started from (so "до" is no upper bound)."""
    return _before(scan, moneys[n]) == "до" and n > 0 and _is_starting_level(scan, moneys[n - 1])


def _is_starting_level(scan: Scan, figure: Figure) -> bool:
    """ "вырос с $45 млн до $2,1 млрд": the level a change started from ("с 1,6 до $5 млрд"
    is one figure, the level reached)."""
    ranged = figure.money is not None and figure.money.low is not None
    first = figure.first
    while first > 0 and scan.tokens[first - 1].lemma in ROUGH_WORDS:
        first -= 1  # "поднялся с порядка $25 млн до примерно $50 млн"
    before = scan.tokens[first - 1].lemma if first else ""
    return not ranged and before in {"с", "со"} and _changes_before(scan, figure)


# Words of a rough figure between its preposition and the number.
ROUGH_WORDS = frozenset({"порядок", "около", "почти", "примерно", "более", "менее", "свыше"})


def _other_money_between(scan: Scan, lo: int, hi: int) -> bool:
    """An investment, a debt, a price or a new clause between the trade word and the figure;
    a ";" before a verbless run of figures ("вырос в 50 раз; с $32,5 млн в 2001 году до
    …") goes on telling the same trade."""
    tokens = scan.tokens[lo + 1 : max(lo + 1, hi)]
    for i, token in enumerate(tokens):
        if token.lemma in INVESTMENT_WORDS or token.lemma in OTHER_MONEY_WORDS:
            return True
        if token.lemma in CLAUSE_BREAKS and (
            token.lemma != ";" or any(t.pos in {"VERB", "AUX"} for t in tokens[i + 1 :])
        ):
            return True
    return False


def _currency(scan: Scan, moneys: list[Figure], n: int) -> str | None:
    """A figure's own currency, else that of the nearest figure before it, else after it;
    a conversion in brackets is passed over ("9,1 млрд юаней (1,2 млрд долларов), импорт
    – 3,6 млрд" is in yuan)."""
    order = [
        n,
        *(i for i in range(n - 1, -1, -1) if not _in_brackets(scan, moneys[i])),
        *range(n + 1, len(moneys)),
    ]
    for i in order:
        money = moneys[i].money
        if money and money.currency:
            currency: str = money.currency
            return currency
    return None


def _in_brackets(scan: Scan, figure: Figure) -> bool:
    depth = 0
    for token in scan.tokens[: figure.first]:
        depth += {"(": 1, ")": -1}.get(token.text, 0)
    return depth > 0


def _is_money(scan: Scan, figure: Figure) -> bool:
    if figure.money and figure.money.currency:
        return True
    following = scan.tokens[figure.last + 1] if figure.last + 1 < len(scan.tokens) else None
    if following is not None and following.text.lower().rstrip(".") in VOLUME_UNITS:
        return False  # "370 тыс т газа": the tagger reads "т" as a preposition
    return following is None or following.pos in MONEY_FOLLOWERS


def _confidence(parties: Parties) -> float:
    return (CONFIDENCE_FROM_DOCUMENT, CONFIDENCE_ONE_NAMED, CONFIDENCE_NAMED)[parties.explicit]


def _trace(scan: Scan, cue: Cue, figure: Figure) -> tuple[str, ...]:
    text = scan.sentence.text
    base = scan.sentence.start
    return (
        f"indicator={scan.tokens[cue.index].text}",
        f"figure={text[figure.start - base : figure.stop - base]}",
    )
