"""One side's totals and trade with blocs, which give no bilateral figure: "внешнеторговый
оборот республики", "оборот в Грузии", "со странами СНГ", "поставки за границу".
"""

from __future__ import annotations

import itertools

from bilat.extract.economy.cues import (
    TOTAL_MARKERS,
    Cue,
)
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.textforms import BLOCS

# How far after a trade word a bloc may be named: "торговли Узбекистана со странами".
BLOC_REACH = 8
# "за границу", "за рубеж" after a trade word: to all the world.
ABROAD_WORDS = {"граница", "рубеж"}
ABROAD_REACH = 4
# Words that make a total the two sides' own: "общий товарооборот между двумя странами".
BILATERAL_WORDS = {"между", "двусторонний", "взаимный"}
# Plural nouns that make a partner a group: "со странами", "с государствами-членами",
# and the prepositions before them.
BLOC_NOUNS = {"страна", "государство", "член", "партнёр", "партнер", "регион", "субъект"}
PARTNER_PREPOSITIONS = {"с", "со", "в", "во", "из"}
# "с другими странами": the rest of the world but one side.
OTHER_WORDS = {"другой", "остальной", "прочий", "иной"}
# "экспорта товаров в Таджикистане": how far after the trade word the place may stand.
PLACE_REACH = 3
# Words of a ranking among partners: "первую строчку занимает Россия".
RANK_WORDS = {"место", "строчка", "строка", "лидер", "лидировать", "занимать"}
# Roles that mark a list item's partner: "с Узбекистаном", "в Китай", "из Турции".
LIST_ROLES = {"with", "to", "from"}


def _partner_before(scan: Scan, cue: Cue, named: set[str]) -> bool:
    """ "Казахстан входит в пятёрку ведущих торговых партнёров области, внешнеторговый оборот
    составил …": the turnover of the partner the clause before named."""
    lo = max(0, cue.index - PARTNER_WORD_REACH)
    words = scan.tokens[lo : cue.index]
    at = [lo + i for i, t in enumerate(words) if t.lemma in {"партнёр", "партнер"}]
    if not at or any(t.text in {".", "!", "?", ";"} for t in scan.tokens[at[-1] : cue.index]):
        return False
    return any(p.index < at[-1] and p.code.split("-")[0] not in named for p in scan.parties)


# How far before the trade word "партнёров области" may stand, in the same clause run.
PARTNER_WORD_REACH = 8


def of_one_side(scan: Scan, cue: Cue, figure: Figure) -> bool:
    """A figure of one side alone: its total foreign trade ("внешнеторговый оборот
    республики", unless a partner is named), or its trade with a bloc ("со странами
    Центральной Азии", "с государствами – членами ЕАЭС", "со странами СНГ")."""
    tokens = scan.tokens
    # "внешнеторговый оборот", "общий объём товарооборота", not "общий товарооборот между"
    marked = any(
        t.lemma in TOTAL_MARKERS for t in tokens[max(0, cue.index - 2) : cue.index]
    ) and not any(t.lemma in BILATERAL_WORDS for t in tokens)
    named = {
        p.code.split("-")[0]
        for p in scan.parties
        if min(cue.index, figure.first) - BLOC_REACH <= p.index <= figure.last
    }
    if (
        (marked or _both_flows(scan, cue))
        and not any(p.role in LIST_ROLES for p in scan.parties)
        and len(named) == 1
        and not _partner_before(scan, cue, named)
    ):
        # one owner named: "внешнеторговый оборот республики"; two are bilateral ("[между
        # Татарстаном и Беларусью]"), none is the pair the text is about
        return True
    if _total_in_a_place(scan, figure):
        return True  # "внешнеторговый оборот в Грузии составил …": Georgia's total
    near = [t.lemma for t in tokens[cue.index + 1 : cue.index + 1 + BLOC_REACH]]
    if any(a == "между" and b in {"два", "оба"} for a, b in itertools.pairwise(near)):
        return False  # "торговля между двумя государствами БРИКС": the two of them
    after = near[:ABROAD_REACH]
    if any(a == "за" and b in ABROAD_WORDS for a, b in itertools.pairwise(after)):
        return True  # "поставки региона за границу выросли на 13%": all its exports
    lo = max(0, min(cue.index, figure.first) - BLOC_REACH)
    if any(t.text.lower() in BLOCS for t in tokens[lo : cue.index]):
        return True  # "По всем странам Содружества … товарооборот увеличился"
    hi = min(len(tokens), max(figure.first, cue.index + BLOC_REACH))
    named_at = {p.index for p in scan.parties}
    for i in range(cue.index + 1, hi):
        # "со странами-участницами", "с другими государствами", "с зарубежными странами":
        # the group's noun, the first part of a compound, after its preposition and any
        # adjectives that name no side ("с китайскими регионами" is China's, a side)
        lemma = tokens[i].lemma.split("-")[0]
        j = i - 1
        while j > cue.index and (
            tokens[j].lemma in OTHER_WORDS or (tokens[j].pos == "ADJ" and j not in named_at)
        ):
            j -= 1  # "с зарубежными странами"; not "с китайскими регионами", China's own
        plural_group = lemma in BLOC_NOUNS and tokens[i].feats.get("Number") == "Plur"
        if (plural_group and tokens[j].lemma in PARTNER_PREPOSITIONS) or (
            tokens[i].text.lower() in BLOCS
        ):
            # "в торговле с зарубежными странами первое место занимает Китай — 2,3
            # млрд": the partner a ranking names after the group is whose it is
            return not (
                any(t.lemma in RANK_WORDS for t in tokens)
                and any(i < p.index < figure.first for p in scan.parties)
            )
    return False


def _total_in_a_place(scan: Scan, figure: Figure) -> bool:
    """ "оборот в Грузии", "сумма экспорта товаров в Таджикистане": a trade word before the
    figure with the country it happens in (locative, not "в Таджикистан", where goods go)
    is that country's total, unless a partner is named too."""
    return any(
        cue.index < p.index <= cue.index + PLACE_REACH
        for cue in scan.indicators
        if cue.index < figure.first
        for p in scan.places
    ) and not any(p.role in LIST_ROLES for p in scan.parties)


def _both_flows(scan: Scan, cue: Cue) -> bool:
    """ "объём импорта и экспорта товаров провинции": all the trade of one side."""
    if cue.value not in {"export", "import"}:
        return False
    flows = {c.index: c.value for c in scan.indicators if c.value in {"export", "import"}}
    return any(
        flows.get(i + 2) not in (None, value) and scan.tokens[i + 1].lemma == "и"
        for i, value in flows.items()
    )
