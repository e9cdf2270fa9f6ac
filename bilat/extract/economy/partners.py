"""Partners named beside their figures: in brackets ("Китай (117,8 млн)"), respectively
("в Китай и Казахстан — 5 и 3 млн соответственно"), as buyers or suppliers of one side's goods,
or as the partners of the side whose trade it is ("торговых партнёров Узбекистана").
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from bilat.extract.economy.parties import Party
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.textforms import DASHES
from bilat.model import Sentence

# "Россия ($5,6 млрд)": how far before the bracket its partner's name may begin.
BRACKET_REACH = 3
PARTNER_WORDS = {"партнёр", "партнер", "контрагент"}
# "среди импортёров Азербайджана": partners named by the flow they trade in.
TRADER_WORDS = {"импортёр", "импортер", "экспортёр", "экспортер"}
# Words whose owner ("партнёров Узбекистана") is the side the partners trade with.
OWNER_WORDS = PARTNER_WORDS | TRADER_WORDS


def bracketed_partner(scan: Scan, figure: Figure) -> Party | None:
    """ "в число партнёров Киргизии попали Китай ($2,4 млрд) и Турция ($780 млн)": a
    partner with its turnover in brackets, in a sentence about trade."""
    tokens = scan.tokens
    # "партнёрами страны стали Россия — 812,3 млн долларов, Китай — 301,5 млн",
    # "покупателями стали Россия — 407 млн": a dash in a sentence about partners or buyers
    # does as a bracket does
    listing = any(t.lemma in PARTNER_WORDS or t.lemma in BUYER_WORDS for t in tokens)
    marks = {"("} | (DASHES if listing else set())
    return party_before_mark(scan, figure, marks) if _about_trade(scan) else None


def relative_partner(scan: Scan, figure: Figure) -> Party | None:
    """ "Основным партнёром остаётся Китай, торговый оборот с которым составил $215 млн":
    the partner a "с которым" after the trade word points back to, in a sentence about
    partners."""
    tokens = scan.tokens
    if not any(t.lemma in PARTNER_WORDS for t in tokens[: figure.first]):
        return None
    # the trade word of this figure's own clause, after any figure before it
    start = max((f.last for f in scan.figures if f.last < figure.first), default=-1)
    for cue in scan.indicators:
        after = cue.index + 1
        if (
            cue.index > start
            and after + 1 < figure.first
            and tokens[after].lemma in {"с", "со"}
            and tokens[after + 1].lemma == "который"
        ):
            owner = owner_of_partners(scan)  # "партнёр Беларуси, товарооборот с которым"
            return next(
                (p for p in reversed(scan.parties) if p.index < cue.index and p.code != owner),
                None,
            )
    return None


def party_before_mark(scan: Scan, figure: Figure, marks: set[str]) -> Party | None:
    """The party named just before the bracket (or dash) that opens ``figure``."""
    if figure.first < 2 or scan.tokens[figure.first - 1].text not in marks:
        return None
    return next(
        (
            p
            for p in reversed(scan.parties)
            if figure.first - 1 - BRACKET_REACH <= p.index < figure.first - 1
        ),
        None,
    )


def continued_list_partner(scan: Scan, figure: Figure) -> Party | None:
    """ "Экспорт Узбекистана в Россию — 1,6 млрд. Далее следуют Турция (278,6 млн) и Китай
    (193,7 млн)": a list that goes on from the figure before names no trade word; the
    caller checks that a figure before set the flow."""
    if scan.indicators or not any(t.lemma in LIST_GOES_ON for t in scan.tokens):
        return None
    return party_before_mark(scan, figure, {"("})


# Words of a list that goes on from the sentence before: "Далее следуют", "также входят".
LIST_GOES_ON = {"далее", "также", "следовать", "следом", "затем", "входить", "замыкать"}


def respective_partner(scan: Scan, figure: Figure) -> Party | None:
    """ "Товарооборот с Турцией и Южной Кореей составил $741 млн и $688 млн
    соответственно", "Далее следуют Россия, Китай и Иран с 310,2 млн, 140,8 млн и 98,4 млн":
    the n-th figure is the n-th partner's."""
    end = next(
        (
            i
            for i in range(figure.last + 1, len(scan.tokens))
            if scan.tokens[i].lemma == "соответственно"
        ),
        None,
    )
    moneys = [f for f in scan.figures if f.kind == "money" and (end is None or f.last < end)]
    first = next((f for f in moneys if f.first <= figure.first), None)
    if first is None:
        return None
    # without "соответственно", the figures follow "с" after the list of partners
    if end is None and (first.first == 0 or scan.tokens[first.first - 1].lemma != "с"):
        return None
    owner = owner_of_partners(scan)  # "партнёрами Грузии являются Турция, Россия …"
    partners = [
        p
        for p in scan.parties
        if p.index < first.first and p.role in {"with", "plain", "to", "from"} and p.code != owner
    ]
    listed = [f for f in moneys if f.first >= first.first]
    if (
        len(listed) < 2
        or len(partners) < len(listed)
        or (end is None and (len(partners) != len(listed) or not _enumerated(scan, listed)))
    ):
        return None
    return partners[len(partners) - len(listed) + listed.index(figure)]


def _enumerated(scan: Scan, figures: Sequence[Figure]) -> bool:
    """Figures set one after another by commas and "и" ("598,7 млн, 552 млн и 277,2 млн"),
    not a range ("с $14 млн в 2000 году до $1,4 млрд")."""
    return all(
        t.text in {",", "и"}
        for a, b in itertools.pairwise(figures)
        for t in scan.tokens[a.last + 1 : b.first]
    )


def _about_trade(scan: Scan) -> bool:
    return bool(scan.indicators) or any(
        t.lemma in PARTNER_WORDS or t.lemma in BUYER_WORDS for t in scan.tokens
    )


# Partners named by what they do with one side's goods: "покупателями узбекской продукции
# стали Турция (842 млн долларов)" are its exports, "поставщиками … Китай (…)" its imports.
BUYER_WORDS = {
    "покупатель": "export",
    "импортер": "export",
    "импортёр": "export",
    "поставщик": "import",
    "экспортер": "import",  # "экспортёрами в Турцию стали Китай (4,1 млрд)": Turkey's imports
    "экспортёр": "import",
}


def buyers_flow(scan: Scan) -> tuple[str, str | None] | None:
    """(flow, whose goods) of a sentence of buyers or suppliers: "покупателями узбекской
    продукции" → ("export", "UZ")."""
    for i, token in enumerate(scan.tokens):
        flow = BUYER_WORDS.get(token.lemma)
        if flow is None:
            continue
        owner = next(
            (
                p.code
                for p in scan.parties
                if i < p.index <= i + 3
                and (p.role == "adjective" or scan.tokens[p.index].feats.get("Case") == "Gen")
            ),
            None,
        )
        return flow, owner
    return None


def owner_of_partners(scan: Scan) -> str | None:
    """ "торговых партнёров Узбекистана", "стран-контрагентов Башкирии": whose partners
    they are; a name before a word that stands for one ("партнёров республики")."""
    owners = [
        p
        for i, token in enumerate(scan.tokens)
        if token.lemma.split("-")[-1] in OWNER_WORDS
        for p in scan.parties
        if i < p.index <= i + 2 and scan.tokens[p.index].feats.get("Case") == "Gen"
    ]
    named = [p for p in owners if p.role != "generic"]
    return (named or owners)[0].code if owners else None


@dataclass(frozen=True)
class Heading:
    """A line that opens a list of partners ("…главными покупателями казахстанской продукции
    были:"): the flow its lines are of, and whose flow it is."""

    flow: str  # export | import | turnover
    owner: str


def list_heading(sentence: Sentence, parties: Sequence[Party], home: str | None) -> Heading | None:
    """The heading a colon that ends a line makes of buyers, suppliers or partners:
    "главными покупателями казахстанской продукции были:" → export of KZ."""
    tokens = sentence.tokens
    colon = next(
        (k for k, t in enumerate(tokens) if t.text == ":" and _ends_its_line(sentence, k)),
        None,
    )
    if colon is None:
        return None
    for i, token in enumerate(tokens[:colon]):
        word = token.lemma.split("-")[-1]
        flow = BUYER_WORDS.get(word) or ("turnover" if word in PARTNER_WORDS else None)
        if flow is None:
            continue
        owner = next(
            (p.code for p in parties if i < p.index <= min(i + HEADING_OWNER_REACH, colon)), home
        )
        return Heading(flow, owner) if owner else None
    return None


def _ends_its_line(sentence: Sentence, k: int) -> bool:
    tokens = sentence.tokens
    stop = tokens[k + 1].start if k + 1 < len(tokens) else sentence.stop
    return (
        k + 1 == len(tokens)
        or "\n" in sentence.text[tokens[k].stop - sentence.start : stop - sentence.start]
    )


# "импортёрами из Узбекистана": how far after the word its owner may be named
HEADING_OWNER_REACH = 3
# "Турция — $ 2,3 млрд.": how many tokens a list line's partner may take before its dash
LINE_NAME_TOKENS = 4


def list_line_partner(scan: Scan, figure: Figure) -> Party | None:
    """The partner a line of a list names before its dash and its one figure: "Китай —
    $ 2,3 млрд.", "Объединённые Арабские Эмираты – 0,8 млрд"."""
    tokens, text, base = scan.tokens, scan.sentence.text, scan.sentence.start
    dash = figure.first - 1
    if dash < 1 or tokens[dash].text not in DASHES:
        return None
    line_start = text.rfind("\n", 0, tokens[dash].start - base) + base
    line = [k for k in range(dash) if tokens[k].start > line_start]
    if not line or len(line) > LINE_NAME_TOKENS or any(tokens[k].pos == "VERB" for k in line):
        return None
    line_end = text.find("\n", figure.stop - base)
    line_end = scan.sentence.stop if line_end < 0 else line_end + base
    if any(f is not figure and line_start < f.start < line_end for f in scan.figures):
        return None  # "Турция — $2,3 млрд, рост на 9%": more than a partner and its sum
    return next((p for p in scan.parties if p.index in line), None)


def partner_of_its_own_sum(scan: Scan, figure: Figure) -> Party | None:
    """ "… больше всего на Китай — около 900 млн, почти 300 млн — с Казахстаном": two partners or
    more, each beside a sum of its own, are each a partner of the side the text is about,
    never a pair with one another."""
    moneys = [f for f in scan.figures if f.kind == "money"]
    if len(moneys) < 2 or len(scan.parties) < 2:
        return None
    beside = {f.start: _party_beside(scan, f) for f in moneys}
    partners = [p for p in beside.values() if p is not None]
    if len(partners) != len(moneys) or len({p.index for p in partners}) != len(partners):
        return None
    return beside[figure.start]


# What may stand between a partner and its sum: "на Китай — около 900 млн", "300 млн — с
# Казахстаном".
SUM_GAP_WORDS = frozenset({"более", "около", "почти", "свыше", "порядка", "примерно", "$"})


def _party_beside(scan: Scan, figure: Figure) -> Party | None:
    tokens = scan.tokens
    for party in scan.parties:
        if party.index < figure.first:
            gap = tokens[party.index + 1 : figure.first]
            words = [t for t in gap if not (t.pos == "PROPN" or t.text[:1].isupper())]
            if (
                gap
                and all(t.text in DASHES or t.lemma in SUM_GAP_WORDS for t in words)
                and any(t.text in DASHES for t in gap)
            ):
                return party
        elif party.index > figure.last:
            gap = tokens[figure.last + 1 : party.index]
            if any(t.text in DASHES for t in gap) and all(
                t.text in DASHES or t.lemma in {"с", "со", "на"} for t in gap
            ):
                return party
    return None
