"""Shares in lists: "приходятся на Китай — 21,9%, Россию — 17,6%", and partners' shares in
brackets ("Основными партнёрами Кыргызстана стали Китай (34,5%), Россия (25,1%)"); the part of a
pair's trade that is one side's export; and the flow a share's total is of, which both
kinds and the plain shares read.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bilat.extract.economy.attributes import (
    INDICATOR_AFTER,
    SHARE_LOOKBACK,
    qualifier_of,
)
from bilat.extract.economy.cues import FALL_WORDS, INDICATORS, RISE_WORDS, SHARE_TOTALS
from bilat.extract.economy.parties import Parties, Party, direction
from bilat.extract.economy.partners import PARTNER_WORDS, owner_of_partners
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.textforms import DASHES
from bilat.model import Fact
from bilat.schemas import ShareFields

CONFIDENCE = 0.8


def indicator_near(scan: Scan, first: int, last: int) -> str | None:
    """ "10% внешнеторгового оборота", or before it: "в структуре товарооборота … 8%"."""
    after = []
    for token in scan.tokens[last + 1 : last + 1 + INDICATOR_AFTER + 2]:
        if token.pos == "PUNCT":
            break  # "…до 9,97%, а в импорте – …": the next clause's total
        after.append(token)
    before = scan.tokens[max(0, first - SHARE_LOOKBACK) : first][::-1]
    for token in [*after, *before]:
        if token.lemma in INDICATORS:
            return INDICATORS[token.lemma]
        if token.lemma in SHARE_TOTALS:
            return "turnover"
    return None


def listed_share(scan: Scan, figure: Figure, before: Fact) -> Fact | None:
    """ "приходятся на Китай — 21,9%, Россию — 17,6%", "Китай (34,5%), Россия (25,1%)": a
    list item of the share before it, with its own part."""
    part = party_just_before(scan, figure)
    if part is None or part.code in {before.fields["part"], before.fields["whole"]}:
        return None
    fields = dict(
        before.fields, part=part.code, percent=figure.value, qualifier=qualifier_of(scan, 0, figure)
    )
    return Fact(
        "share",
        fields,
        scan.evidence(),
        CONFIDENCE,
        rule="share.listed",
        trace=(f"figure={scan.tokens[figure.first].text}",),
    )


def bracketed_partner_share(scan: Scan, figure: Figure, home: str | None = None) -> Fact | None:
    """ "Основными партнёрами Кыргызстана стали Китай (34,5%), Россия (25,1%)": a partner's
    share in brackets, in a sentence of one side's partners that tells no growth. Partners
    of no one named are the partners of ``home``, the side the text speaks for."""
    tokens = scan.tokens
    if (
        not figure.first
        or tokens[figure.first - 1].text != "("
        or any(t.lemma in RISE_WORDS or t.lemma in FALL_WORDS for t in tokens)
    ):
        return None
    part, whole = party_just_before(scan, figure), owner_of_partners(scan)
    if whole is None and (
        any(t.lemma.split("-")[-1] in PARTNER_WORDS for t in tokens)
        or _total_with_partners(scan, figure)
    ):
        whole = home
    if part is None or whole is None or part.code == whole:
        return None
    indicator = indicator_near(scan, 0, figure.first) or "turnover"
    fields: ShareFields = {
        "indicator": indicator,
        "whole": whole,
        "part": part.code,
        "percent": figure.value,
        "qualifier": qualifier_of(scan, 0, figure),
    }
    return Fact(
        "share",
        fields,
        scan.evidence(),
        CONFIDENCE,
        rule="share.partners",
        trace=(f"figure={tokens[figure.first].text}",),
    )


def _total_with_partners(scan: Scan, figure: Figure) -> bool:
    """ "Наибольший объём товарооборота пришёлся на торговлю с Китаем (21%), Турцией (9%)":
    a total, then "с" and the first partner of a list that runs up to the figure; each
    partner's figure is its share of that total."""
    tokens = scan.tokens
    with_at = next(
        (
            p.index - 1
            for p in scan.parties
            if p.index < figure.first and p.index and tokens[p.index - 1].lemma in {"с", "со"}
        ),
        None,
    )
    return (
        with_at is not None
        and any(t.lemma in SHARE_TOTALS for t in tokens[:with_at])
        and all(
            t.text in {",", "(", ")", "и"} or t.pos != "PUNCT"
            for t in tokens[with_at : figure.first]
        )
    )


def party_just_before(scan: Scan, figure: Figure) -> Party | None:
    """The party a list item names before its figure, across a dash or an opening bracket:
    "Россию — 17,6%", "Республика Корея (5%)"."""
    tokens = scan.tokens
    mark = figure.first - 1
    if mark < 1 or not (tokens[mark].text == "(" or tokens[mark].text in DASHES):
        return None
    name_end = _amount_before_bracket(scan, mark)
    party = max(
        (p for p in scan.parties if name_end - LIST_NAME_TOKENS <= p.index < name_end),
        key=lambda p: p.index,
        default=None,
    )
    if party is None or any(t.pos == "PUNCT" for t in tokens[party.index : name_end]):
        return None
    if name_end < mark and party.index and tokens[party.index - 1].lemma == "и":
        return None  # "на Нидерланды и Ирландию 16 млн долларов (11%)": the two's together
    return party


def _amount_before_bracket(scan: Scan, mark: int) -> int:
    """ "на Эстонию 20,5 млн долларов (9,8%)": a list item's name may stand before the
    amount its bracketed share is told after; where the name ends."""
    amount = next(
        (f for f in scan.figures if f.kind == "money" and f.last == mark - 1 and f.first < mark),
        None,
    )
    if scan.tokens[mark].text != "(" or amount is None:
        return mark
    return amount.first


# How many tokens a party's name in a list may take: "Республика Корея".
LIST_NAME_TOKENS = 3


# How far from a share's figure the export or import it is may be named: "85% во всём
# объёме двусторонней торговли за первый квартал нынешнего года дал экспорт".
FLOW_SHARE_REACH = 14


def flow_share(scan: Scan, figure: Figure, pair: Sequence[str], home: str | None) -> Fact | None:
    """ "Из них примерно 65% — китайский экспорт в Армению", "55% этой суммы дал наш
    экспорт": the part of the pair's trade that is one side's export (or import)."""
    if len(pair) != 2 or _a_rate(scan, figure) or not _of_the_pair_total(scan, figure):
        return None
    flows = [cue for cue in scan.indicators if cue.value in ("export", "import")]
    flow = next((c for c in flows if abs(c.index - figure.first) <= FLOW_SHARE_REACH), None)
    if flow is None:
        return None
    named = [p for p in scan.parties if p.code in pair]
    sides = Parties(
        (pair[0], pair[1]),
        next((p.code for p in named if p.role in {"from", "adjective"}), None),
        next((p.code for p in named if p.role == "to"), None),
        len(named),
        next((p.code for p in named if p.role == "owner"), None),
    )
    exporter, importer = direction(sides, flow.value, home)
    if not (sides.exporter_side or sides.importer_side or sides.own or home in pair):
        return None  # whose flow it is, nothing tells
    fields: ShareFields = {
        "indicator": "turnover",
        "whole": "+".join(sorted(pair)),
        "part": exporter if flow.value == "export" else importer,
        "percent": figure.value,
        "qualifier": qualifier_of(scan, 0, figure),
    }
    return Fact("share", fields, scan.evidence(), CONFIDENCE, rule="share.flow_of_the_pair")


def _a_rate(scan: Scan, figure: Figure) -> bool:
    """ "прибавил на 12,4%", "(рост на 9%)": by how much, not how much of."""
    return "на" in scan.lemmas(figure.first - 2, figure.first)


def _of_the_pair_total(scan: Scan, figure: Figure) -> bool:
    """The figure is told of the pair's total: a sentence that opens with "Из них", or
    "этой суммы", "в общем объёме двустороннего товарооборота" just after it ("изделия из
    них (до 70% экспорта)" is of the goods)."""
    after = scan.lemmas(figure.last + 1, figure.last + 6)
    return (
        scan.lemmas(0, 2) == ["из", "они"]
        or ("этот", "сумма") in set(itertools.pairwise(after))
        or any(word in after for word in ("двусторонний", "взаимный"))
    )
