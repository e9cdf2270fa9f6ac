"""Trade figures: turnover, export and import between two parties.

For each money figure of a sentence: the indicator named before it (in its own clause
first, so "товарооборот … 489,2 млн, из которых экспорт достиг 406,2 млн" gives turnover
then export), its qualifier, status and period, and the two parties.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilat.extract.context import DocContext
from bilat.extract.economy.attributes import period_fields, qualifier_of, status_of
from bilat.extract.economy.cues import (
    CLAUSE_BREAKS,
    INVESTMENT_WORDS,
    OTHER_MONEY_WORDS,
    TOTAL_MARKERS,
    Cue,
)
from bilat.extract.economy.parties import Parties, choose_pair, direction
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.periods import PeriodSpan
from bilat.model import Fact

# Tokens that may follow a bare amount ("а импорт — 83 млн") when it is money; anything
# else ("4,5 млн тонн", "2 млн человек") makes it a count of something else.
MONEY_FOLLOWERS = {"PUNCT", "CCONJ", "SCONJ", "ADP"}
# An indicator further than this many tokens before its figure belongs to something else.
MAX_INDICATOR_GAP = 25

CONFIDENCE_NAMED = 0.9  # both parties named in the sentence
CONFIDENCE_ONE_NAMED = 0.8  # one named, the other from the document's main pair
CONFIDENCE_FROM_DOCUMENT = 0.65  # "между регионами": both from the document


@dataclass(frozen=True)
class Carry:
    """What a figure sentence leaves to the next one: "В 2024 году товарооборот края с
    Казахстаном составил … . Экспорт республики достиг …" — the same year and pair."""

    period: PeriodSpan | None = None
    pair: tuple[str, ...] = ()
    stop: int = 0  # where the sentence that left it ends


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    facts = []
    carry = Carry()
    for scan in scans:
        if "\n" in ctx.analysis.text[carry.stop:scan.sentence.start]:
            carry = Carry(period=carry.period)  # a new paragraph: the pair is not carried
        moneys = [f for f in scan.figures if f.kind == "money"]
        found = [f for n in range(len(moneys)) if (f := _trade_fact(ctx, scan, moneys, n, carry))]
        facts.extend(found)
        own = [p for p in scan.periods if p.role == "period"]
        carry = Carry(period=own[0] if own and moneys else carry.period,
                      pair=tuple(found[-1].fields["parties"]) if found else carry.pair,
                      stop=scan.sentence.stop)
    return facts


def _trade_fact(ctx: DocContext, scan: Scan, moneys: list[Figure], n: int,
                carry: Carry) -> Fact | None:
    figure = moneys[n]
    clause_start = moneys[n - 1].last + 1 if n else 0
    cue = _indicator_for(scan, figure, clause_start)
    if cue is None or _other_money_between(scan, cue.index, figure.first):
        return None
    currency = _currency(moneys, n)
    if currency is None or not _is_money(scan, figure):
        return None
    parties = choose_pair(ctx, scan.sentence, cue.index, scan.parties,
                          clause=(clause_start, figure.last), fallback=carry.pair)
    if parties is None or _is_total(scan, cue, parties):
        return None
    status = status_of(scan, clause_start, figure.first)
    period = _period_for(scan, figure, status, carry.period)
    fields = {
        "indicator": cue.value,
        "parties": list(parties.pair),
        "exporter": None,
        "importer": None,
        "value": figure.value,
        "currency": currency,
        "qualifier": qualifier_of(scan, clause_start, figure),
        "period": period_fields(ctx, period),
        "status": status,
    }
    if figure.money and figure.money.low is not None:
        fields["value_min"] = figure.money.low
    if cue.value != "turnover":
        fields["exporter"], fields["importer"] = direction(parties, cue.value, ctx.home)
    return Fact("trade", fields, scan.evidence(), _confidence(parties),
                rule=f"trade.{cue.value}", trace=_trace(scan, cue, figure))


def _indicator_for(scan: Scan, figure: Figure, clause_start: int) -> Cue | None:
    before = [c for c in scan.indicators if c.index < figure.first
              and figure.first - c.index <= MAX_INDICATOR_GAP]
    in_clause = [c for c in before if c.index >= clause_start]
    if in_clause:
        return in_clause[-1]
    if before:
        return before[-1]
    after = [c for c in scan.indicators if 0 < c.index - figure.last <= 3]
    return after[0] if after else None


def _other_money_between(scan: Scan, lo: int, hi: int) -> bool:
    """An investment, a debt, a price or a new clause between the trade word and the figure."""
    return any(lemma in INVESTMENT_WORDS or lemma in OTHER_MONEY_WORDS
               or lemma in CLAUSE_BREAKS for lemma in scan.lemmas(lo + 1, hi))


def _currency(moneys: list[Figure], n: int) -> str | None:
    """A figure's own currency, else that of the nearest figure before it, else after it."""
    order = [n, *range(n - 1, -1, -1), *range(n + 1, len(moneys))]
    for i in order:
        money = moneys[i].money
        if money and money.currency:
            return money.currency
    return None


def _is_money(scan: Scan, figure: Figure) -> bool:
    if figure.money and figure.money.currency:
        return True
    following = scan.tokens[figure.last + 1] if figure.last + 1 < len(scan.tokens) else None
    return following is None or following.pos in MONEY_FOLLOWERS


def _is_total(scan: Scan, cue: Cue, parties: Parties) -> bool:
    """"внешнеторговый оборот республики" is a total of one party, not a bilateral figure."""
    before = scan.tokens[cue.index - 1].lemma if cue.index else ""
    return before in TOTAL_MARKERS and parties.explicit < 2


def _period_for(scan: Scan, figure: Figure, status: str,
                carry: PeriodSpan | None) -> PeriodSpan | None:
    wanted = ("target", "period") if status != "actual" else ("period",)
    spans = [p for p in scan.periods if p.role in wanted]
    before = [p for p in spans if p.stop <= figure.start]
    if before:
        return before[-1]
    if spans:
        return spans[0]
    return carry if status == "actual" else None


def _confidence(parties: Parties) -> float:
    return (CONFIDENCE_FROM_DOCUMENT, CONFIDENCE_ONE_NAMED, CONFIDENCE_NAMED)[parties.explicit]


def _trace(scan: Scan, cue: Cue, figure: Figure) -> tuple[str, ...]:
    text = scan.sentence.text
    base = scan.sentence.start
    return (f"indicator={scan.tokens[cue.index].text}",
            f"figure={text[figure.start - base:figure.stop - base]}")
