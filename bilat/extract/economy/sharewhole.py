"""The whole and the part of a share: whose total a percentage is of ("доля Китая во
внешнеторговом обороте Узбекистана", "в структуре товарооборота республики", "доля
двусторонней торговли в обороте провинции") and which party or label takes it."""

from __future__ import annotations

from bilat.extract.context import DocContext
from bilat.extract.economy.attributes import (
    INDICATOR_AFTER,
    SHARE_CLAUSE,
    SHARE_LOOKBACK,
    VOLUME_NOUNS,
    names_trade,
)
from bilat.extract.economy.cues import INDICATORS, PART_LABELS
from bilat.extract.economy.parties import Party
from bilat.extract.economy.partners import PARTNER_WORDS, owner_of_partners
from bilat.extract.economy.totals import BLOC_NOUNS
from bilat.extract.figures import Scan
from bilat.extract.parse.textforms import BLOCS, DASHES

# How far around a share's total and figure a bloc may be named.
BLOC_BEFORE = 4
# "общего объёма таджикского экспорта": how far before its noun an adjective of a party.
ADJECTIVE_REACH = 2
# How far after a noun the party it governs may stand: "обороте Республики Беларусь".
OWNER_REACH = 3
# Words that make a trade noun a side's whole total.
TOTAL_WORDS = {"общий", "весь", "совокупный", "суммарный"}
# Words that make the whole a bilateral total ("двустороннего товарооборота"); "наш" is
# not one of them: "товарооборота нашей республики" is the total of one side.
WHOLE_BILATERAL = {"двусторонний", "взаимный", "между", "обоюдный"}


def whole_of_countries(whole: str, part: str) -> str:
    """ "на долю провинции пришлось 20% товарооборота между Китаем и Россией": a region's
    share is of its country's trade, so the bilateral total is between the countries."""
    sides = whole.split("+")
    if len(sides) != 2 or part not in sides or "-" not in part:
        return whole
    return "+".join(sorted(side.split("-")[0] if side == part else side for side in sides))


def whole_of(ctx: DocContext, scan: Scan, first: int, last: int) -> str | None:
    """The party whose total it is: right after the trade noun of the share ("18%
    внешнеторгового оборота Казахстана", "во внешнеторговом обороте Удмуртии с долей 5,2%"),
    or "A+B" for a bilateral total ("двустороннего товарооборота")."""
    nouns = total_nouns(scan, first, last)
    named = _owner_after_from(scan, last, nouns)
    if named is not None:
        return named  # "двусторонняя торговля составила 29,3% от общего оборота провинции"
    window = scan.lemmas(last + 1, last + 1 + INDICATOR_AFTER + 3) + scan.lemmas(
        first - SHARE_LOOKBACK, first
    )
    if any(lemma in WHOLE_BILATERAL for lemma in window) and len(ctx.pair) == 2:
        return "+".join(ctx.pair)
    for noun in nouns:
        if of_a_bloc(scan, noun, first):
            return None  # "доля в товарообороте Узбекистана со странами ЦА", "среди стран СНГ"
        owner = _party_after(scan, noun) or _partner_after(scan, noun)
        both = _pair_after(scan, owner) if owner is not None else None
        if both is not None:
            return both  # "во внешнеторговом обороте России и Монголии": the two's total
        if owner is not None and owner.role == "generic":
            # "партнёром Узбекистана с долей в товарообороте страны 11%": the country whose
            # partner it is, before what "страны" alone would resolve to
            return owner_of_partners(scan) or owner.code
        if owner is not None:
            return owner.code
        flowing = _flow_owner(scan, noun)
        if flowing is not None:
            return flowing
    place = _place_of_trade_with(scan, nouns)
    if place is not None:
        return place
    if ctx.home and "-" in ctx.home and _regional_total(scan, last):
        return ctx.home  # "5,2% всей внешней торговли региона" in "региональной"
    # "В списке партнёров Азербайджана Турция заняла четвёртую строчку с долей в общем
    # объёме товарооборота в 6,78%", "первый торговый партнёр Грузии с долей 12%": the
    # total is of the side whose partners they are
    return owner_of_partners(scan) if nouns or with_a_share(scan, first) else None


# Adjectives that make a total the region's own: "доля в региональном обороте".
REGIONAL_WORDS = frozenset({"региональный", "областной", "краевой"})


def _regional_total(scan: Scan, last: int) -> bool:
    words = scan.lemmas(last + 1, last + 1 + INDICATOR_AFTER + 3)
    return any(w in REGIONAL_WORDS for w in words) and names_trade(words)


def _place_of_trade_with(scan: Scan, nouns: list[int]) -> str | None:
    """ "В Оренбургской области доля товарооборота с Казахстаном достигла 45%": the trade with a
    partner, in the total of the place the sentence is about."""
    with_partner = any(
        p.role == "with" and noun < p.index <= noun + OWNER_REACH
        for noun in nouns
        for p in scan.parties
    )
    generic_places = [
        p for p in scan.parties if p.role == "generic" and "в" in scan.lemmas(p.index - 2, p.index)
    ]  # "в крае", "в Оренбургской области" read as the region the text is about
    places = {p.code for p in (*scan.places, *generic_places) if nouns and p.index < nouns[0]}
    return places.pop() if with_partner and len(places) == 1 else None


def flow_of_the_whole(scan: Scan, first: int, last: int) -> str | None:
    """ "Импорт товаров в Таджикистан … — 30% от общего объёма": the flow of the whole
    named further back than a share's own indicator reaches."""
    nouns = [n for n in total_nouns(scan, first, last) if _flow_owner(scan, n)]
    return INDICATORS.get(scan.tokens[nouns[0]].lemma) if nouns else None


def _flow_owner(scan: Scan, noun: int) -> str | None:
    """ "Импорт в Кыргызстан шёл прежде всего из Китая — 41,2% от общего объёма": the
    side an import goes to (an export comes from) is whose total it is."""
    role = {"импорт": "to", "экспорт": "from"}.get(scan.tokens[noun].lemma)
    return next(
        (
            p.code
            for p in scan.parties
            if noun < p.index <= noun + FLOW_OWNER_REACH
            and p.role == role
            and not any(t.pos in {"VERB", "PUNCT"} for t in scan.tokens[noun + 1 : p.index])
        ),
        None,
    )


# "Импорт товаров из России в Таджикистан": how far after the flow its owner may be named,
# within the flow's own words.
FLOW_OWNER_REACH = 6


def _pair_after(scan: Scan, owner: Party) -> str | None:
    """ "обороте России и Монголии", "обороте России с Монголией": the owner and a party of
    another country right after "и" or "с" make the total bilateral, "MN+RU"."""
    i = owner.index
    after = next((p for p in scan.parties if p.index > i), None)
    if after is None or after.code.split("-")[0] == owner.code.split("-")[0]:
        return None
    between = scan.tokens[i + 1 : after.index]
    dashed = len(between) == 1 and between[0].text in DASHES  # "обороте Россия — Узбекистан"
    if not dashed and (
        scan.tokens[after.index - 1].lemma not in {"и", "с", "со"}
        or any(t.pos in {"PUNCT", "VERB"} for t in between)
    ):
        return None
    return "+".join(sorted((owner.code, after.code)))


def with_a_share(scan: Scan, first: int) -> bool:
    """ "с долей 12%", "с долей в 4,6%", "с удельным весом в 12,6%": a partner's rank told
    with its share."""
    tokens = scan.tokens
    return any(
        (tokens[i].lemma == "доля" and tokens[i - 1].lemma == "с")
        or (
            tokens[i].lemma == "вес"
            and tokens[i - 1].lemma == "удельный"
            and i > 1
            and tokens[i - 2].lemma == "с"
        )
        for i in range(max(1, first - 4), first)
    )


def _partner_after(scan: Scan, i: int) -> Party | None:
    """ "Доля Китая в товарообороте с Приморьем": the total of the side its partner trades
    with."""
    tokens = scan.tokens
    # "в товарообороте с Приморьем", "место по объёму торговли с Таджикистаном"; not "на
    # долю товарооборота с Беларусью" (the part)
    k = i - 1
    while k >= 0 and (tokens[k].pos == "ADJ" or tokens[k].lemma in VOLUME_NOUNS):
        k -= 1
    inside = k >= 0 and tokens[k].lemma in {"в", "во", "по"}
    if inside and i + 2 < len(tokens) and tokens[i + 1].lemma in {"с", "со"}:
        return next((p for p in scan.parties if p.index == i + 2), None)
    return None


def _owner_after_from(scan: Scan, last: int, nouns: list[int]) -> str | None:
    """ "17,8% от общего внешнеторгового оборота провинции": the total named after "от"."""
    if last + 1 >= len(scan.tokens) or scan.tokens[last + 1].lemma != "от":
        return None
    owner = next((p for n in nouns if n > last if (p := _party_after(scan, n))), None)
    return owner.code if owner is not None else None


def of_a_bloc(scan: Scan, noun: int, first: int) -> bool:
    """A total of trade with a bloc: "товарооборот … со странами СНГ", "среди стран СНГ"."""
    lo, hi = min(noun, first), max(noun, first)
    owned = {p.index - 1 for p in scan.parties if scan.tokens[p.index].feats.get("Case") == "Gen"}
    return any(
        t.text.lower() in BLOCS
        or (
            t.lemma in BLOC_NOUNS
            and t.feats.get("Number") == "Plur"
            and not (t.lemma in PARTNER_WORDS and i in owned)
        )  # "партнёров Армении": one side's
        for i, t in enumerate(scan.tokens)
        if lo - BLOC_BEFORE <= i < hi + BLOC_BEFORE
    )


def total_nouns(scan: Scan, first: int, last: int) -> list[int]:
    """Trade nouns a share may be of: right after the figure first, then before it."""
    after = []
    for i in range(last + 1, min(len(scan.tokens), last + 1 + INDICATOR_AFTER + 2)):
        if scan.tokens[i].pos == "PUNCT":
            break
        if names_trade([scan.tokens[i].lemma]):
            after.append(i)
    before = [
        i
        for i in range(first - 1, max(-1, first - SHARE_CLAUSE - 1), -1)
        if names_trade([scan.tokens[i].lemma])
    ]
    return after + before


def _party_after(scan: Scan, i: int) -> Party | None:
    """The party a noun governs: "обороте Брянской области", "доля Белоруссии", or the
    adjective before it ("таджикского экспорта", "нашем товарообороте": the text's side)."""
    adjective = next(
        (
            p
            for p in scan.parties
            if i - ADJECTIVE_REACH <= p.index < i
            and (p.role in {"adjective", "owner"} or scan.tokens[p.index].lemma == "наш")
        ),
        None,
    )
    if adjective is not None and scan.tokens[i].lemma != "доля":
        return adjective
    for party in scan.parties:
        if (
            i < party.index <= i + OWNER_REACH
            and not any(t.pos in {"PUNCT", "VERB", "ADP"} for t in scan.tokens[i + 1 : party.index])
            and scan.tokens[party.index].rel != "nsubj"
        ):
            return party  # not "по импорту Китай занимает …": the subject governs nothing
    return None


def part_of(scan: Scan, first: int, whole: str | None) -> str | None:
    """What the share is of: a label ("МСБ"), the party of "доля …"/"на долю …", the
    party "приходится на", else another party of the sentence."""
    tokens = scan.tokens
    shares = [i for i, t in enumerate(tokens) if t.lemma == "доля" and i < first]
    named = next((p for p in scan.parties if shares and p.index == shares[-1] + 1), None)
    if named is not None and named.code != whole:
        return named.code  # "доля Турции в экспорте российского продовольствия": Turkey
    for lemma in scan.lemmas(first - SHARE_CLAUSE, first + INDICATOR_AFTER + 1):
        if lemma in PART_LABELS:
            return PART_LABELS[lemma]
    # the nearest "доля" before the figure first: "доля Китая – 61%, а доля России – 16%"
    marks = [
        i
        for i, token in enumerate(scan.tokens)
        if token.lemma == "доля"
        or (token.lemma == "на" and i and scan.tokens[i - 1].lemma == "приходиться")
        or (token.lemma == "на" and _befalls_after(scan, i))
    ]
    for i in sorted(marks, key=lambda i: (i > first, abs(first - i))):
        party = _party_after(scan, i)
        if party is not None and party.code != whole:
            return party.code
    # another side of the sentence, not one of the whole's own country ("между провинцией
    # Хэйлунцзян (Китай) и Россией … составив 65% … внешней торговли этой провинции")
    if whole is None:
        return None
    country = whole.split("-")[0]
    others = [
        p
        for p in scan.parties
        if p.code != whole and ("+" in whole or p.code.split("-")[0] != country)
    ]
    before = [p for p in others if p.index < first]
    return (before or others)[0].code if others else None


def _befalls_after(scan: Scan, i: int) -> bool:
    """ "на Польшу приходилось 48 млн долларов": "на" and its party before the verb."""
    party = next((p for p in scan.parties if p.index == i + 1), None)
    return party is not None and "приходиться" in scan.lemmas(i + 2, i + 2 + BEFALLS_REACH)


# "на Республику Корея приходится": how far after the party the verb may stand.
BEFALLS_REACH = 2


def trade_told_before(scan: Scan, first: int) -> int:
    """Where the words about the pair's trade may start before a share: SHARE_LOOKBACK
    tokens back, or back to the trade word of the figure the share's clause is about
    ("оборот между странами вырос до 2,4 млрд, что составляет 31% торговли …")."""
    cues = [c.index for c in scan.indicators if c.index < first]
    return min(first - SHARE_LOOKBACK, cues[-1] if cues else first)


def words_of_the_total(scan: Scan, i: int) -> list[str]:
    """The words after a fraction that name its total, past "общего объёма": "четверть
    общего объёма двусторонней торговли"."""
    lemmas = scan.lemmas(i + 1, i + 1 + INDICATOR_AFTER + len(TOTAL_WORDS_BEFORE_TRADE))
    while lemmas and lemmas[0] in TOTAL_WORDS_BEFORE_TRADE:
        lemmas = lemmas[1:]
    return lemmas[:INDICATOR_AFTER]


# Words between a fraction and the trade it is of: "общего объёма".
TOTAL_WORDS_BEFORE_TRADE = TOTAL_WORDS | VOLUME_NOUNS


# Nouns of a trade that, followed by "с" and a partner, make that partner a share's part:
# "Торговля с Польшей в общем объёме экспорта составила 12%".
TRADE_WITH_NOUNS = frozenset(
    {"торговля", "товарооборот", "оборот", "взаимодействие", "сотрудничество"}
)
# Words before such a noun that make it the total, not the part: "в товарообороте с Китаем".
TOTAL_PREPOSITIONS = frozenset({"в", "во", "по"})


def subject_part(scan: Scan, first: int) -> Party | None:
    """The party a share's clause is about, whose share of another side's total it is."""
    return trade_with_part(scan, first) or ranked_part(scan, first)


def ranked_part(scan: Scan, first: int) -> Party | None:
    """ "Иран занимает пятое место с долей 5,2%", "Иран с долей в 4,1% остался на шестой
    строчке": the subject told with its share."""
    tokens = scan.tokens
    at = max(
        (
            i
            for i in range(max(0, first - SHARE_CLAUSE), first - 1)
            if tokens[i].lemma == "с"
            and tokens[i + 1].lemma in {"доля", "удельный"}
            and not any(t.pos == "PUNCT" for t in tokens[i:first])
        ),
        default=None,
    )  # "с долей в общем объёме оборота в 17,7%": the share's words may run long
    if at is None:
        return None
    subjects = [
        p
        for p in scan.parties
        if p.index < at
        and p.role == "plain"
        and tokens[p.index].rel == "nsubj"
        and not any(t.pos == "PUNCT" for t in tokens[p.index : at])
    ]
    return subjects[-1] if subjects else None


def trade_with_part(scan: Scan, first: int) -> Party | None:
    """ "Торговля с Россией в общем объёме экспорта составила 20%", "в нашем товарообороте
    взаимодействие с Китаем составляет 70%": the partner of the trade the clause is about;
    its share is of the other side's total."""
    tokens = scan.tokens
    for k in range(max(0, first - SHARE_CLAUSE), first - 2):
        if tokens[k].lemma not in TRADE_WITH_NOUNS or tokens[k + 1].lemma not in {"с", "со"}:
            continue
        before = k - 1
        while before >= 0 and (tokens[before].pos == "ADJ" or tokens[before].lemma in VOLUME_NOUNS):
            before -= 1  # "по объёму торговли с Таджикистаном": the total
        if before >= 0 and tokens[before].lemma in TOTAL_PREPOSITIONS | {"доля"}:
            continue
        party = next((p for p in scan.parties if p.index in (k + 2, k + 3)), None)
        if (
            party is not None
            and party.role == "with"
            and all(t.pos == "ADJ" for t in tokens[k + 2 : party.index])
            and tokens[party.index].lemma not in BLOC_NOUNS  # "со странами ОТГ": a bloc
        ):
            return party
    return None
