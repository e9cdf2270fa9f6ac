"""Shares: "около 10% внешнеторгового оборота республики", "десятая часть товарооборота",
"малый бизнес даёт менее 10% двустороннего товарооборота", "доля Китая — 18%". Whose total
a share is of, and which party takes it, are read in ``sharewhole``.
"""

from __future__ import annotations

from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.economy.attributes import (
    INDICATOR_AFTER,
    SHARE_CLAUSE,
    after_level_word,
    is_share,
    names_trade,
    qualifier_of,
    share_elided,
)
from bilat.extract.economy.cues import (
    FRACTION_ORDINALS,
    FRACTIONS,
    INDICATORS,
    PART_LABELS,
    QUALIFIERS,
    SHARE_TOTALS,
)
from bilat.extract.economy.investshare import investment_share
from bilat.extract.economy.parties import GENERIC_PARTY_WORDS
from bilat.extract.economy.partners import PARTNER_WORDS
from bilat.extract.economy.sharelists import (
    CONFIDENCE,
    bracketed_partner_share,
    flow_share,
    indicator_near,
    listed_share,
)
from bilat.extract.economy.sharewhole import (
    TOTAL_WORDS,
    WHOLE_BILATERAL,
    flow_of_the_whole,
    of_a_bloc,
    part_of,
    subject_part,
    total_nouns,
    trade_told_before,
    whole_of,
    whole_of_countries,
    with_a_share,
    words_of_the_total,
)
from bilat.extract.economy.subjects import Carry, carried_to
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.textforms import DASHES
from bilat.model import Fact
from bilat.schemas import ShareFields


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    facts = []
    for scan in scans:
        before: Fact | None = None
        for figure in scan.figures:
            if figure.kind != "percent":
                continue
            fact = listed_share(scan, figure, before) if before is not None else None
            if fact is None and (is_share(scan, figure) or _partner_dash(scan, figure)):
                fact = _share_fact(
                    ctx,
                    scan,
                    figure.first,
                    figure.last,
                    figure.value,
                    qualifier_of(scan, 0, figure),
                    carried_to(ctx, scans, scan.sentence),
                )
            if (
                fact is None
                and before is not None
                and (
                    after_level_word(scan, figure)
                    or share_elided(scan, figure)
                    or _flow_dash(scan, figure)
                )
            ):
                # "а в импорте – с 12% до 11%", "экспорта … 20,3%, импорта — 28,8%"
                fact = _elided_share(scan, figure, before)
            if fact is None and before is None:
                fact = bracketed_partner_share(scan, figure, ctx.home)
            if fact is None and before is None:
                pair = carried_to(ctx, scans, scan.sentence).pair or ctx.pair
                fact = flow_share(scan, figure, pair, ctx.home)
            if fact is None and before is None:
                fact = investment_share(scan, figure, ctx.home)
            if fact is None and before is not None and _level_reached(scan, figure):
                # "выросла с 27,9% до 28,49%": the level the same share reached
                fact = replace(
                    before,
                    fields=dict(
                        before.fields, percent=figure.value, qualifier=qualifier_of(scan, 0, figure)
                    ),
                    rule="share.reached",
                )
            if fact is None and before is not None and _against(scan, figure):
                # "составила 47% против 12% за тот же период": the same share, earlier
                fact = replace(
                    before,
                    fields=dict(
                        before.fields, percent=figure.value, qualifier=qualifier_of(scan, 0, figure)
                    ),
                    rule="share.compared",
                )
            if fact:
                facts.extend(_level_started_from(scan, figure, fact, before))
                facts.append(fact)
                before = fact
        facts.extend(_fraction_facts(ctx, scan))
    return facts


def _level_started_from(scan: Scan, figure: Figure, fact: Fact, before: Fact | None) -> list[Fact]:
    """ "Удельный вес … вырос с 9,5 до 12 процентов в общей торговле Казахстана": the level the
    share started from, whose whole is told only after the level it reached."""
    if before is not None or figure.first < 2 or scan.tokens[figure.first - 1].lemma != "до":
        return []
    start = next(
        (f for f in scan.figures if f.kind == "percent" and f.last == figure.first - 2), None
    )
    if start is None:
        return []
    fields = dict(fact.fields, percent=start.value, qualifier=qualifier_of(scan, 0, start))
    return [replace(fact, fields=fields, rule="share.started")]


def _share_fact(
    ctx: DocContext,
    scan: Scan,
    first: int,
    last: int,
    percent: float,
    qualifier: str,
    carry: Carry | None = None,
) -> Fact | None:
    if _share_of_something_else(scan, first):
        return None  # "доля взаиморасчётов в национальных валютах достигла 90%"
    indicator = indicator_near(scan, first, last)
    whole = whole_of(ctx, scan, first, last)
    if (
        whole is None
        and carry is not None
        and carry.own
        and (indicator in (None, carry.indicator) or with_a_share(scan, first))
    ):
        # "Экспорт Таджикистана составил 2 млрд долларов. На долю Китая — 21,6%": of the
        # total the sentence before gave
        # "… По экспорту Индия занимает пятое место с долей 3,9%": of the
        # same side's total, for the flow the sentence names
        # "Импорт Турции из России упал до 5 млрд. Доля России в импорте — 8,1%": the
        # flow the sentence before gave, of the side it belongs to
        whole, indicator = carry.own, indicator or carry.indicator
    indicator = indicator or flow_of_the_whole(scan, first, last) or "turnover"
    partner = subject_part(scan, first)
    if partner is not None and (whole is None or partner.code in whole.split("+")):
        # "Торговля с Россией в общем объёме экспорта составила 20,3%": of the other side's
        whole = _other_side(ctx, carry, partner.code)
    part = partner.code if partner is not None and whole else part_of(scan, first, whole)
    part = _respective_part(scan, first, whole) or part
    if (
        part is None
        and whole in ctx.pair
        and len(ctx.pair) == 2
        and any(
            lemma in WHOLE_BILATERAL for lemma in scan.lemmas(trade_told_before(scan, first), first)
        )
    ):
        # "Объём двусторонней торговли составил 29,3% от оборота провинции": the partner's
        part = next(side for side in ctx.pair if side != whole)
    if (
        part is None
        and carry is not None
        and whole in carry.pair
        and len(carry.pair) == 2
        and _possessive_share(scan, first)
    ):
        # "Импорт из Румынии вырос до $850 млн. Его доля в молдавском импорте — 16,6%": the
        # other side of the trade before
        part = next(side for side in carry.pair if side != whole)
    nouns = total_nouns(scan, first, last)
    if (
        whole is None
        and part is not None
        and nouns
        and not any(of_a_bloc(scan, noun, first) or _of_a_good(scan, noun) for noun in nouns)
    ):
        # "На долю Китая приходится 27,4% от общего объёма экспорта", "На долю Турции в
        # экспорте приходится 18,3%": of the side the text speaks for
        whole = _home_total(ctx, part)
    if (
        part is None
        and carry is not None
        and whole in carry.pair
        and len(carry.pair) == 2
        and scan.tokens[0].lemma == "это"
    ):
        # "Товарооборот Бурятии с Монголией составил 100 млн. Это 24% всего оборота
        # республики": the figure before was the trade with the other side
        part = next(side for side in carry.pair if side != whole)
    if whole is None or part is None or part == whole:
        return None
    whole = whole_of_countries(whole, part)
    fields: ShareFields = {
        "indicator": indicator,
        "whole": whole,
        "part": part,
        "percent": percent,
        "qualifier": qualifier,
    }
    return Fact(
        "share",
        fields,
        scan.evidence(),
        CONFIDENCE,
        rule="share.percent",
        trace=(f"figure={scan.tokens[first].text}",),
    )


def _respective_part(scan: Scan, first: int, whole: str | None) -> str | None:
    """ "партнёры — Китай и Россия, на их долю приходится 68,2% и 16,4% оборота,
    соответственно": the n-th percentage is the n-th partner's."""
    end = next(
        (i for i in range(first, len(scan.tokens)) if scan.tokens[i].lemma == "соответственно"),
        None,
    )
    if end is None:
        return None
    percents = [f for f in scan.figures if f.kind == "percent" and f.last < end]
    at = next((n for n, f in enumerate(percents) if f.first == first), None)
    if at is None or len(percents) < 2:
        return None
    partners = [p for p in scan.parties if p.index < percents[0].first and p.code != whole]
    if len(partners) < len(percents):
        return None
    return partners[len(partners) - len(percents) + at].code


def _elided_share(scan: Scan, figure: Figure, before: Fact) -> Fact | None:
    """ "доля РФ в киргизском экспорте выросла до 17,63%, а в импорте – снизилась до
    29,47%": the same part and whole for another flow, named in a later clause."""
    indicator = indicator_near(scan, figure.first, figure.last)
    if indicator is None:
        return None
    fields = dict(
        before.fields,
        indicator=indicator,
        percent=figure.value,
        qualifier=qualifier_of(scan, 0, figure),
    )
    return Fact(
        "share",
        fields,
        scan.evidence(),
        CONFIDENCE,
        rule="share.elided",
        trace=(f"figure={scan.tokens[figure.first].text}",),
    )


def _of_a_total(scan: Scan, first: int, last: int) -> bool:
    """ "27,7% от общего объёма экспорта", "в общем объёме экспорта": a total, of no side
    the sentence names."""
    lemmas = scan.lemmas(first - SHARE_CLAUSE, last + 1 + INDICATOR_AFTER + 3)
    return any(lemma in TOTAL_WORDS for lemma in lemmas) and bool(total_nouns(scan, first, last))


def _of_a_good(scan: Scan, noun: int) -> bool:
    """ "25% экспорта алюминия": a flow of one good, not a side's total flow."""
    if noun + 1 >= len(scan.tokens):
        return False
    after = scan.tokens[noun + 1]
    return (
        after.pos == "NOUN"
        and after.feats.get("Case") == "Gen"
        and after.lemma not in GOODS_IN_GENERAL
        and not any(p.index == noun + 1 for p in scan.parties)
    )


# Words for goods at large: "экспорт товаров" is the whole flow.
GOODS_IN_GENERAL = {"товар", "продукция", "услуга"}


def _home_total(ctx: DocContext, part: str) -> str | None:
    """The total of the side the text speaks for, "На долю Китая приходится 27,4% от
    общего объёма экспорта" in a text on Kyrgyzstan's trade; where that side is the part's
    own, the pair's other side."""
    country = part.split("-")[0]
    if ctx.home is not None and ctx.home.split("-")[0] != country:
        return ctx.home
    # "партнёры Таджикистана … на долю Турции приходится 21,4%": Turkey, named as often,
    # trades with the pair's other side
    others = [side for side in ctx.pair if side.split("-")[0] != country]
    return others[0] if len(others) == 1 and len(ctx.pair) == 2 else None


def _other_side(ctx: DocContext, carry: Carry | None, partner: str) -> str | None:
    """The side a partner trades with: the other of the pair the text before left, else
    of the text's pair, else the side the text speaks for."""
    for pair in (carry.pair if carry is not None else (), ctx.pair):
        if len(pair) == 2 and partner in pair:
            return next(side for side in pair if side != partner)
    return ctx.home if ctx.home not in (None, partner) else None


def _partner_dash(scan: Scan, figure: Figure) -> bool:
    """ "Китай является ведущим партнёром области по экспорту — 24,1%": a partner's share
    told after a dash in the clause that names it a partner."""
    tokens = scan.tokens
    if figure.first < 2 or tokens[figure.first - 1].text not in DASHES:
        return False
    clause = tokens[max(0, figure.first - SHARE_CLAUSE) : figure.first - 1]
    partner = max((k for k, t in enumerate(clause) if t.lemma in PARTNER_WORDS), default=None)
    return partner is not None and not any(t.pos == "PUNCT" for t in clause[partner:])


def _flow_dash(scan: Scan, figure: Figure) -> bool:
    """ "… по экспорту — 24,1% и по импорту — 36,9%": the same share for another flow."""
    lemmas = scan.lemmas(figure.first - 3, figure.first)
    return (
        len(lemmas) == 3
        and lemmas[0] == "по"
        and lemmas[1] in INDICATORS
        and scan.tokens[figure.first - 1].text in DASHES
    )


def _possessive_share(scan: Scan, first: int) -> bool:
    """ "его доля", "их доля": a share of what the sentence before was about."""
    return any(
        t.lemma == "доля" and i and scan.tokens[i - 1].text.lower() in POSSESSIVES
        for i, t in enumerate(scan.tokens[:first])
    )


POSSESSIVES = {"его", "её", "ее", "их"}


def _level_reached(scan: Scan, figure: Figure) -> bool:
    """ "с 6,4% до 8,1%", "с 20 процентов до 31 процента": a level right after the one
    a share started from."""
    lemmas = scan.lemmas(figure.first - 4, figure.first)
    percent_sign = "%" in lemmas or "процент" in lemmas
    return lemmas[-1:] == ["до"] and percent_sign and "с" in lemmas


def _against(scan: Scan, figure: Figure) -> bool:
    return "против" in scan.lemmas(figure.first - 2, figure.first)


# Percentages that are rates of something charged or paid, never a share of trade.
RATE_NOUNS = frozenset({"пошлина", "тариф", "ставка", "налог", "инфляция", "скидка"})


def _share_of_something_else(scan: Scan, first: int) -> bool:
    """ "доля взаиморасчётов", "доля рубля": the noun "доля" governs names what the share
    is of, and it is neither trade, a party nor a part of trade."""
    tokens = scan.tokens
    if any(t.lemma in RATE_NOUNS for t in tokens[max(0, first - SHARE_CLAUSE) : first]):
        return True  # "пошлины снижены с 10 до 5 процентов": a rate of duty, no share
    for i in range(max(0, first - SHARE_CLAUSE), first):
        if tokens[i].lemma != "доля":
            continue
        noun = next((t for t in tokens[i + 1 : i + 4] if t.pos != "ADJ"), None)
        if (
            noun is not None
            and noun.pos == "NOUN"
            and noun.feats.get("Case") == "Gen"
            and noun.lemma not in SHARE_TOTALS | set(INDICATORS) | set(PART_LABELS)
            and noun.lemma not in GENERIC_PARTY_WORDS
        ):
            return True
    return False


def _fraction_facts(ctx: DocContext, scan: Scan) -> list[Fact]:
    """ "десятая часть товарооборота", "треть экспорта": shares in words, approximate."""
    facts = []
    tokens = scan.tokens
    for i, token in enumerate(tokens):
        percent = FRACTIONS.get(token.lemma)
        if token.lemma == "часть" and i and tokens[i - 1].lemma in FRACTION_ORDINALS:
            percent = FRACTION_ORDINALS[tokens[i - 1].lemma]
        if percent is None or not names_trade(words_of_the_total(scan, i)):
            continue
        if i and tokens[i - 1].lemma in {"первый", "второй"}:
            continue  # "за первую половину года": a period, not a share
        if i and tokens[i - 1].lemma == "на":
            continue  # "нарастить на треть экспорт": by how much, not a share
        # a word is a rounded figure, "approx", unless told more or less ("более четверти")
        qualifier = QUALIFIERS.get(tokens[i - 1].lemma, "approx") if i else "approx"
        fact = _share_fact(ctx, scan, i, i, percent, qualifier)
        if fact:
            facts.append(fact)
    return facts
