"""Growth and fall of trade: "вырос на 43%", "увеличился в 2 раза", "сократился на 5,3%",
"рост – 65 процентов", "на 10% выше показателя 2021 года", with the base compared with.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from bilat.extract.context import DocContext
from bilat.extract.economy.attributes import (
    after_level_word,
    clause_start,
    figure_month,
    in_month,
    is_share,
    month_on_month,
    period_fields,
    single_month,
    status_of,
)
from bilat.extract.economy.changeperiod import period_and_base, years_back, years_back_period
from bilat.extract.economy.changesign import rate_index, rate_sign
from bilat.extract.economy.cues import (
    ANAPHORA_NOUNS,
    BALANCE_WORDS,
    COMMODITY_WORDS,
    FALL_AFTER,
    INDICATORS,
    PRICE_WORDS,
    RISE_AFTER,
    VOLUME_UNITS,
    Cue,
)
from bilat.extract.economy.parties import Parties, choose_pair, country_of, direction
from bilat.extract.economy.partners import party_before_mark
from bilat.extract.economy.state import (
    ROUGH_RATE,
    YEAR_FROM_PUBLICATION,
    counted_from_a_guess,
    untold_period,
)
from bilat.extract.economy.subjects import (
    Subject,
    anaphoric_subject,
    carried_to,
    figure_subject,
    list_item,
)
from bilat.extract.economy.totals import LIST_ROLES, of_one_side
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.numbers import RATE_WORDS, TIMES_LEMMAS
from bilat.extract.parse.periods import MONTHS
from bilat.extract.parse.textforms import DASHES
from bilat.model import Fact
from bilat.schemas import ChangeFields

CONFIDENCE = 0.85
# "215 млн долларов (рост в 1,8 раза)": how close after a money figure its rate may stand.
RATE_AFTER_MONEY = 6
# "вырос на 26% и составил 14,2 млрд": how close before a money figure its rate may stand.
MONEY_AFTER_RATE = 8
# A rate further than this from its trade word is about something else in the sentence.
MAX_INDICATOR_GAP = 25


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    facts = []
    for scan in scans:
        facts.extend(_precise_over_rough(_scan_changes(ctx, scans, scan)))
    return facts


def _precise_over_rough(found: list[tuple[Figure, Fact]]) -> list[Fact]:
    """ "увеличился почти вдвое, достигнув 420 млн долларов (+93%)": one change told roughly as a
    multiple and exactly as a percentage is the percentage."""
    exact = [fact for figure, fact in found if figure.kind == "percent"]
    return [
        fact
        for figure, fact in found
        if figure.kind != "times" or not any(_same_change(fact, other) for other in exact)
    ]


def _same_change(a: Fact, b: Fact) -> bool:
    keys = ("indicator", "parties", "exporter", "importer", "period", "base")
    return all(a.get(k) == b.get(k) for k in keys)


def _scan_changes(ctx: DocContext, scans: list[Scan], scan: Scan) -> list[tuple[Figure, Fact]]:
    facts: list[tuple[Figure, Fact]] = []
    before: tuple[Figure, Fact] | None = None
    for figure in scan.figures:
        if figure.kind not in {"percent", "times"}:
            continue
        subject = _subject_of_money(ctx, scans, scan, figure) or _bracketed_partner_rate(
            ctx, scan, figure
        )
        fact = _change_fact(ctx, scans, scan, figure, subject)
        if (
            fact
            and subject is None
            and before is not None
            and (listed := _listed_partner(scan, figure, *before))
        ):
            # the same rate, of the partner its own clause names
            fact = _change_fact(ctx, scans, scan, figure, listed)
        if fact:
            facts.append((figure, fact))
            before = (figure, fact)
    return facts


def _bracketed_partner_rate(ctx: DocContext, scan: Scan, figure: Figure) -> Subject | None:
    """ "лидерами по темпам роста товарооборота стали Индия (в 1,9 раза) и Монголия (в 1,3
    раза)": a partner with its rate in brackets, in trade with the side the text speaks for."""
    closes = figure.last + 1 < len(scan.tokens) and scan.tokens[figure.last + 1].text == ")"
    partner = party_before_mark(scan, figure, {"("}) if closes else None
    cue = _nearest_indicator(scan, figure)
    if partner is None or cue is None:
        return None
    # the side the text speaks for: of its main pair, one no bracket names
    bracketed = {p.code for f in scan.figures if (p := party_before_mark(scan, f, {"("}))}
    home = next((c for c in ctx.pair if c not in bracketed), ctx.home)
    if home is None or country_of(home) == country_of(partner.code):
        return None
    pair = (home, partner.code) if home < partner.code else (partner.code, home)
    return Subject(cue, Parties(pair, None, None, 1, home), figure.first)


def _sides_told_for_the_other_flow(scan: Scan, cue: Cue) -> bool:
    """ "Экспорт Казахстана в Китай вырос на 12%, а импорт — на 8%": "в Китай" tells where
    the export went; the import of the same pair flows the other way."""
    flows = {"export": "import", "import": "export"}
    if cue.value not in flows:
        return False
    other = [
        c.index for c in scan.indicators if c.value == flows[cue.value] and c.index < cue.index
    ]
    directed = [p.index for p in scan.parties if p.role in {"to", "from"}]
    return bool(other and directed) and all(other[0] < i < cue.index for i in directed)


def _listed_partner(scan: Scan, figure: Figure, previous: Figure, fact: Fact) -> Subject | None:
    """ "Экспорт Казахстана в Китай вырос на 12%, в Россию — на 8%": a later clause that
    names only a new partner keeps the side and the indicator of the rate before it."""
    pair = fact.fields["parties"]
    earlier = [
        p
        for p in scan.parties
        if p.index < previous.first and p.role in LIST_ROLES and p.code in pair
    ]
    if not earlier:
        return None
    own = next(side for side in pair if side != earlier[-1].code)
    return list_item(scan, previous.last + 1, figure.first, own, fact.fields["indicator"])


def _rate_parties(ctx: DocContext, scans: list[Scan], scan: Scan, cue: Cue) -> Parties | None:
    """The sides of a rate whose figure has no money beside it: those the sentence names,
    completed as a money figure's are, by the pair the sentence before told in full
    ("торговля нашей страны с Казахстаном прибавила 7%. С января по сентябрь взаимный
    оборот увеличился ещё на три процента") before the document's."""
    carry = carried_to(ctx, scans, scan.sentence)
    fallback = carry.pair if carry.told else ()
    return choose_pair(ctx, scan.sentence, cue.index, scan.parties, fallback=fallback)


def _change_fact(
    ctx: DocContext, scans: list[Scan], scan: Scan, figure: Figure, subject: Subject | None
) -> Fact | None:
    sign = rate_sign(scan, figure)
    if (
        sign is None
        or _is_level(scan, figure)
        or _is_planned(scan, figure)
        or _is_ratio(scan, figure)
        or _in_physical_terms(scan)
        or month_on_month(scan)
        or (single_month(scan, figure.first) and _month_of(scan, figure) is None)
        or _of_a_share(scan, figure)
        or (figure.kind == "percent" and is_share(scan, figure))
    ):
        return None
    cue = subject.cue if subject else _nearest_indicator(scan, figure)
    if subject is None and cue is not None and of_one_side(scan, cue, figure):
        return None  # "внешнеторговый оборот Узбекистана вырос на 10%": one side's total
    if cue is None:
        subject = anaphoric_subject(ctx, scans, scan, figure)
        cue = subject.cue if subject else None
    if cue is None or _of_the_balance(scan, cue, figure) or _told_of_the_base(scan):
        return None
    parties = subject.parties if subject else _rate_parties(ctx, scans, scan, cue)
    if parties is None:
        return None
    if subject is None and _sides_told_for_the_other_flow(scan, cue):
        parties = replace(
            parties, exporter_side=parties.importer_side, importer_side=parties.exporter_side
        )
    period, base = period_and_base(ctx, scan, figure)
    month = _month_of(scan, figure)
    guessed = False
    if period is None and (years_back(scan) is None or month is not None):
        period, guessed = untold_period(ctx, scan.sentence, figure.first, month)
    guessed = guessed or counted_from_a_guess(ctx, period)
    fields: ChangeFields = {
        "indicator": cue.value,
        "parties": list(parties.pair),
        "exporter": None,
        "importer": None,
        "percent": _percent(sign, figure, rate_index(scan, figure)),
        "period": in_month(
            period_fields(ctx, period) if period else years_back_period(ctx, scan), month
        ),
        "base": base,
    }
    if cue.value != "turnover":
        fields["exporter"], fields["importer"] = direction(parties, cue.value, ctx.home)
    return Fact(
        "change",
        fields,
        scan.evidence(),
        CONFIDENCE,
        rule="change.percent",
        trace=(
            f"indicator={scan.tokens[cue.index].text}",
            f"figure={scan.tokens[figure.first].text}",
            *((YEAR_FROM_PUBLICATION,) if guessed else ()),
            *((ROUGH_RATE,) if _told_roughly(scan, figure) else ()),
        ),
    )


def _told_roughly(scan: Scan, figure: Figure) -> bool:
    """ "в полтора раза", "на треть", "вдвое": a rate in words or a multiple, which a
    headline rounds from the percentage its body gives."""
    words = scan.tokens[figure.first : figure.last + 1]
    return figure.kind == "times" or any(t.text.lower() in RATE_WORDS for t in words)


def _of_the_balance(scan: Scan, cue: Cue, figure: Figure) -> bool:
    """ "импорт – 1,83 млрд, пассивное сальдо – 1,43 млрд при сокращении на 11,9%": the
    rate is of the balance named between the trade word and it."""
    lo, hi = sorted((cue.index, figure.first))
    return any(lemma in BALANCE_WORDS for lemma in scan.lemmas(lo + 1, hi))


def _told_of_the_base(scan: Scan) -> bool:
    """ "За тот же период 2021 года товарооборот был на треть меньше": the sentence tells
    the base period, so its comparison runs backwards; the rate of growth is not told."""
    first = scan.tokens[0].lemma
    return (
        first in {"за", "в"}
        and not any(p.role == "period" for p in scan.periods)
        and any(p.role == "base" and scan.sentence.token_at(p.start) == 1 for p in scan.periods)
    )


def _subject_of_money(
    ctx: DocContext, scans: list[Scan], scan: Scan, figure: Figure
) -> Subject | None:
    """The rate of a money figure of its own clause takes that figure's subject:
    "с Узбекистаном — 215 млн долларов (рост в 1,8 раза)", "с Арменией вырос в 3,1 раза
    и составил 96 млн", "данный показатель вырос на 26% и составил 14,2 млрд".
    A trade word between the two ("вырос на 10%, а импорт составил …") parts them."""
    moneys = [f for f in scan.figures if f.kind == "money"]
    before = [f for f in moneys if f.last < figure.first]
    after = [f for f in moneys if f.first > figure.last]
    if (
        before
        and figure.first - before[-1].last <= RATE_AFTER_MONEY
        and not _indicator_between(scan, before[-1].last, figure.first)
        and not any(before[-1].last < p.index < figure.first for p in scan.parties)
    ):
        return figure_subject(ctx, scans, scan, before[-1])
    if (
        after
        and after[0].first - figure.last <= MONEY_AFTER_RATE
        and not _indicator_between(scan, figure.last, after[0].first)
    ):
        return figure_subject(ctx, scans, scan, after[0])
    if before and _anaphor_between(scan, before[-1].last, figure.first):
        # "товарооборот составил $252 млн, а … этот показатель вырос на 87,5%"
        return figure_subject(ctx, scans, scan, before[-1])
    return None


def _anaphor_between(scan: Scan, lo: int, hi: int) -> bool:
    return any(t.lemma in ANAPHORA_NOUNS for t in scan.tokens[lo + 1 : hi])


def _percent(sign: int, figure: Figure, index: bool = False) -> float:
    """ "вырос в 2 раза" is +100 %, "сократился в 2 раза" is −50 %: a fall by a multiple
    divides; "темп роста 159%" is an index, +59 %."""
    if index:
        return round(figure.value - 100, 2)
    if figure.kind == "times" and sign < 0:
        times = figure.value / 100 + 1
        return round((1 / times - 1) * 100, 2)
    return round(sign * figure.value, 2)


def _month_of(scan: Scan, figure: Figure) -> int | None:
    """The one month a rate is for, named in its clause: "в декабре сократился на 14%"."""
    return figure_month(scan, clause_start(scan, figure), figure.last + 1)


def _is_planned(scan: Scan, figure: Figure) -> bool:
    """ "может увеличиться в два раза", "планируют нарастить вдвое": a goal, not a change."""
    # "удвоится за пять лет": a multiple told by a verb carries its own tense
    own_word = scan.tokens[figure.first].lemma in TIMES_LEMMAS
    stop = figure.last + 1 if own_word else figure.first
    return status_of(scan, clause_start(scan, figure), stop) != "actual"


def _of_a_share(scan: Scan, figure: Figure) -> bool:
    """ "вдвое увеличить долю экспорта", "Доля Румынии в молдавском экспорте выросла на 2%":
    a share that grew, not trade."""
    if figure.kind == "times":
        return any(
            t.lemma == "доля" for t in scan.tokens[max(0, figure.first - 4) : figure.last + 4]
        )
    subjects = [t for t in scan.tokens[: figure.first] if t.rel.startswith("nsubj")]
    return bool(subjects) and subjects[-1].lemma == "доля"


def _in_physical_terms(scan: Scan) -> bool:
    """ "физический объём торговли увеличился на 25%", "на 60% больше в весовом выражении",
    "экспортировали 77 тыс. т зерна, вдвое больше": a growth in tonnes, not in the value
    of trade (a sentence that weighs goods and gives no money)."""
    lemmas = scan.lemmas(0, len(scan.tokens))
    return any(
        (a in PHYSICAL_WORDS and b in {"объём", "объем", "выражение"})
        for a, b in itertools.pairwise(lemmas)
    ) or (
        any(f.kind == "money" and _weighed_goods(scan, f.last + 1) for f in scan.figures)
        and not any(f.money is not None and f.money.currency for f in scan.figures)
    )


PHYSICAL_WORDS = {"физический", "весовой", "натуральный"}


def _weighed_goods(scan: Scan, i: int) -> bool:
    """ "77 тыс. т зерна": a unit of weight and the goods weighed ("оборот составил 678
    млн тонн" names none: the trade's own figure, however written)."""
    if i + 1 >= len(scan.tokens):
        return False
    unit, goods = scan.tokens[i], scan.tokens[i + 1]
    # by its text too: the tagger reads the abbreviation "т" as a preposition
    weight = unit.lemma in VOLUME_UNITS or unit.text.lower() in VOLUME_UNITS
    return weight and goods.pos == "NOUN"


def _is_ratio(scan: Scan, figure: Figure) -> bool:
    """ "экспорт в сто раз меньше импорта": one flow against another, not a change."""
    after = scan.tokens[figure.last + 1 : figure.last + 3]
    return (
        figure.kind == "times"
        and len(after) == 2
        and after[0].lemma in RISE_AFTER | FALL_AFTER
        and after[1].lemma in INDICATORS
    )


def _is_level(scan: Scan, figure: Figure) -> bool:
    """ "упала до 3,8% с 5,2%": the level reached or left, not a rate of change."""
    return figure.kind == "percent" and after_level_word(scan, figure)


def _indicator_between(scan: Scan, lo: int, hi: int) -> bool:
    return any(lo < c.index < hi for c in scan.indicators)


def _nearest_indicator(scan: Scan, figure: Figure) -> Cue | None:
    """The trade word a rate is about: near it, not the price of it, not a commodity flow."""
    near = [c for c in scan.indicators if abs(c.index - figure.first) <= MAX_INDICATOR_GAP]
    if not near:
        return None
    # "Экспорт Турции … увеличился на 18,4%, а общий товарооборот …": the word before the
    # rate in its clause, before any word after it
    clause = clause_start(scan, figure)
    before = [c for c in near if clause <= c.index < figure.first]
    if not before and any(t.lemma in ANAPHORA_NOUNS for t in scan.tokens[clause : figure.first]):
        # "показатель вырос на 11,5% … : экспорт - 267,9 млн": the rate is of what
        # "показатель" stands for, not of the flow told after it
        return None
    if not before and _elided_other_subject(scan, clause, figure):
        return None
    cue = before[-1] if before else min(near, key=lambda c: abs(c.index - figure.first))
    ahead = scan.lemmas(cue.index - 2, cue.index)
    behind = scan.lemmas(cue.index + 1, cue.index + 2)
    if any(lemma in PRICE_WORDS for lemma in ahead) or any(
        lemma in COMMODITY_WORDS for lemma in behind
    ):
        return None
    return cue


def _elided_other_subject(scan: Scan, clause: int, figure: Figure) -> bool:
    """ "товарооборот вырос на 23%, грузоперевозок – на 50%": the rate after a dash is of
    the noun its clause names before the dash, not of the trade word the verb had. A
    partner ("с Индией – на 5%") or a month ("в марте – на 4%") stays the trade's."""
    dashes = [k for k in range(clause, figure.first) if scan.tokens[k].text in DASHES]
    if not dashes or dashes[-1] == clause:
        return False
    head = scan.tokens[dashes[-1] - 1]
    named = {p.index for p in (*scan.parties, *scan.places)}
    return (
        head.pos == "NOUN"
        and dashes[-1] - 1 not in named
        and head.lemma not in MONTHS
        and not any(p.start <= head.start < p.stop for p in scan.periods)
    )
