"""Shares: "около 10% внешнеторгового оборота республики", "десятая часть товарооборота",
"малый бизнес даёт менее 10% двустороннего товарооборота", "доля Китая — 18%".
"""

from __future__ import annotations

from bilat.extract.context import DocContext
from bilat.extract.economy.attributes import (
    INDICATOR_AFTER,
    SHARE_LOOKBACK,
    is_share,
    names_trade,
    qualifier_of,
)
from bilat.extract.economy.cues import (
    FRACTION_ORDINALS,
    FRACTIONS,
    INDICATORS,
    PART_LABELS,
    SHARE_TOTALS,
)
from bilat.extract.economy.parties import Party
from bilat.extract.figures import Scan
from bilat.model import Fact

CONFIDENCE = 0.8
# Words that make the whole a bilateral total ("двустороннего товарооборота"); "наш" is
# not one of them: "товарооборота нашей республики" is the total of one side.
WHOLE_BILATERAL = {"двусторонний", "взаимный", "между", "обоюдный"}


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    facts = []
    for scan in scans:
        for figure in scan.figures:
            if figure.kind == "percent" and is_share(scan, figure):
                fact = _share_fact(ctx, scan, figure.first, figure.last, figure.value,
                                   qualifier_of(scan, 0, figure))
                if fact:
                    facts.append(fact)
        facts.extend(_fraction_facts(ctx, scan))
    return facts


def _share_fact(ctx: DocContext, scan: Scan, first: int, last: int, percent: float,
                qualifier: str) -> Fact | None:
    indicator = _indicator_near(scan, first, last) or "turnover"
    whole = _whole(ctx, scan, first, last)
    part = _part(scan, first, whole)
    if whole is None or part is None or part == whole:
        return None
    fields = {"indicator": indicator, "whole": whole, "part": part, "percent": percent,
              "qualifier": qualifier}
    return Fact("share", fields, scan.evidence(), CONFIDENCE, rule="share.percent",
                trace=(f"figure={scan.tokens[first].text}",))


def _indicator_near(scan: Scan, first: int, last: int) -> str | None:
    """"10% внешнеторгового оборота", or before it: "в структуре товарооборота … 8%"."""
    after = scan.tokens[last + 1:last + 1 + INDICATOR_AFTER + 2]
    before = scan.tokens[max(0, first - SHARE_LOOKBACK):first][::-1]
    for token in [*after, *before]:
        if token.lemma in INDICATORS:
            return INDICATORS[token.lemma]
        if token.lemma in SHARE_TOTALS:
            return "turnover"
    return None


def _whole(ctx: DocContext, scan: Scan, first: int, last: int) -> str | None:
    """The party whose total it is: named after the indicator, or "A+B" for a bilateral one."""
    window = scan.lemmas(last + 1, last + 1 + INDICATOR_AFTER + 3) + \
        scan.lemmas(first - SHARE_LOOKBACK, first)
    if any(lemma in WHOLE_BILATERAL for lemma in window) and len(ctx.pair) == 2:
        return "+".join(ctx.pair)
    after = [p for p in scan.parties if last < p.index <= last + INDICATOR_AFTER + 3]
    if after:
        return after[0].code
    # "Доля России во внешней торговле Казахстана составляет 18%": the party right after
    # the trade noun that stands before the figure.
    nouns = [i for i in range(max(0, first - SHARE_LOOKBACK), first)
             if names_trade([scan.tokens[i].lemma])]
    if nouns:
        owner = [p for p in scan.parties if nouns[-1] < p.index < first]
        if owner:
            return owner[0].code
    return None


def _part(scan: Scan, first: int, whole: str) -> str | None:
    for lemma in scan.lemmas(0, len(scan.tokens)):
        if lemma in PART_LABELS:
            return PART_LABELS[lemma]
    before: list[Party] = [p for p in scan.parties if p.index < first and p.code != whole]
    return before[0].code if before else None


def _fraction_facts(ctx: DocContext, scan: Scan) -> list[Fact]:
    """"десятая часть товарооборота", "треть экспорта": shares in words, approximate."""
    facts = []
    tokens = scan.tokens
    for i, token in enumerate(tokens):
        percent = FRACTIONS.get(token.lemma)
        if token.lemma == "часть" and i and tokens[i - 1].lemma in FRACTION_ORDINALS:
            percent = FRACTION_ORDINALS[tokens[i - 1].lemma]
        if percent is None or not names_trade(scan.lemmas(i + 1, i + 1 + INDICATOR_AFTER)):
            continue
        fact = _share_fact(ctx, scan, i, i, percent, "approx")
        if fact:
            facts.append(fact)
    return facts
