"""What each money figure of a document is about: its indicator and its two parties.

The document is read in order, and what one figure settles carries to the next:

- its own clause first: "товарооборот … 489,2 млн, из которых экспорт достиг 406,2 млн";
- a list that names only a new partner: "товарооборот Азербайджана с Казахстаном составил
  X, с Узбекистаном — Y" keeps the anchor (Азербайджан) and the indicator of the figure
  before, and pairs it with the partner of its own clause;
- an anaphor: "этот показатель", "он составил" stand for the indicator and pair of the
  sentence before;
- a sentence that names no party takes the pair of the figure before it in its paragraph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass, replace

from bilat.extract.context import DocContext
from bilat.extract.economy.cues import (
    ANAPHORA_CHANGE_NOUNS,
    ANAPHORA_DETERMINERS,
    ANAPHORA_NOUNS,
    ANAPHORA_PRONOUNS,
    BALANCE_WORDS,
    GOAL_VERBS,
    INDICATORS,
    RISE_WORDS,
    TRADE_NOUNS,
    Cue,
    indicator_cues,
)
from bilat.extract.economy.parties import (
    Parties,
    Party,
    choose_pair,
    country_of,
    sentence_parties,
)
from bilat.extract.economy.partners import (
    BUYER_WORDS,
    PARTNER_WORDS,
    Heading,
    bracketed_partner,
    buyers_flow,
    continued_list_partner,
    list_heading,
    list_line_partner,
    owner_of_partners,
    partner_of_its_own_sum,
    relative_partner,
    respective_partner,
)
from bilat.extract.economy.totals import (
    LIST_ROLES,
    of_one_side,
)
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.textforms import DASHES
from bilat.model import Sentence, Token

# An indicator further than this many tokens before its figure belongs to something else.
MAX_INDICATOR_GAP = 25
# "$4,5 млрд – на импорт": how far behind its figure "на <trade word>" may stand.
ON_REACH = 4
# "Более 2,5 млрд долларов достиг за прошлый год товарооборот …": the indicator may follow
# its figure within one clause.
INDICATOR_AFTER = 7
# A pronoun stands for the indicator at the head of its clause ("Он составил …",
# "В 2024 году он вырос до …") or as its subject ("По сравнению с 2023 годом он вырос");
# "этот показатель" may stand anywhere before the figure.
PRONOUN_REACH = 5
# Plural nouns that stand for the article's two sides.
BOTH_SIDES = {"сторона", "страна", "государство", "регион"}
# Of them, those that are countries ("стороны" may be two regions), and those that are
# regions ("между регионами": the regions of the two countries the text is about).
STATE_WORDS = {"страна", "государство"}
REGION_WORDS = {"регион"}


@dataclass(frozen=True)
class Subject:
    cue: Cue  # the trade word, or the anaphor or list item that stands for it
    parties: Parties | None
    clause_start: int  # token index where the figure's clause begins


@dataclass(frozen=True)
class Carry:
    """What the figures before leave to the next: its indicator, pair and anchor side."""

    indicator: str | None = None
    pair: tuple[str, ...] = ()
    own: str | None = None
    stop: int = 0  # where the sentence that left it ends
    alone: bool = False  # the last figure was one side's total or trade with a bloc
    told: bool = False  # both sides of the pair were named in the sentence that left it
    heading: Heading | None = None  # the list the lines after it go on ("… стали:")


@dataclass(frozen=True)
class Reading:
    """Every money figure's subject, and what the text before each sentence left."""

    subjects: dict[tuple[int, int], Subject]
    carried: dict[int, Carry]  # sentence start → the carry its first figure sees


def read_figures(ctx: DocContext, scans: Sequence[Scan]) -> Reading:
    return ctx.memo("economy.reading", lambda: _read(ctx, scans))


def _read(ctx: DocContext, scans: Sequence[Scan]) -> Reading:
    by_start = {scan.sentence.start: scan for scan in scans}
    subjects: dict[tuple[int, int], Subject] = {}
    carried: dict[int, Carry] = {}
    carry = Carry()
    for sentence in ctx.analysis.sentences:
        if ctx.in_furniture(sentence):
            continue
        if ctx.new_paragraph(carry.stop, sentence.start) and not _opens_with_anaphor(sentence):
            # a new paragraph: neither pair nor anaphor reaches into it unless it opens with
            # one ("Показатель превысил $2 млрд"), but a run of one side's totals ("объём
            # внешней торговли провинции …") goes on until a party is named
            carry = Carry(alone=carry.alone, heading=carry.heading)
        carried[sentence.start] = carry
        scan = by_start.get(sentence.start)
        if scan is None:
            carry = _after_words(ctx, sentence, carry)
            continue
        heading = list_heading(sentence, scan.parties, ctx.home) or carry.heading
        carry = _read_scan(ctx, scan, replace(carry, heading=heading), subjects)
        # a heading holds for the lines of its list, and ends with the first other sentence
        last_line = heading is not None and _a_list_line(scan, subjects)
        carry = replace(carry, heading=heading if last_line else None)
    return Reading(subjects, carried)


def _a_list_line(scan: Scan, subjects: dict[tuple[int, int], Subject]) -> bool:
    found = (subjects.get((scan.sentence.start, f.start)) for f in scan.figures)
    return any(subject is not None and subject.cue.kind == "list line" for subject in found)


def _read_scan(
    ctx: DocContext, scan: Scan, carry: Carry, subjects: dict[tuple[int, int], Subject]
) -> Carry:
    moneys = [f for f in scan.figures if f.kind == "money"]
    for n, figure in enumerate(moneys):
        clause_start = moneys[n - 1].last + 1 if n else 0
        subject = _subject(ctx, scan, figure, clause_start, carry, first=n == 0)
        if subject is None:
            continue
        subjects[(scan.sentence.start, figure.start)] = subject
        if subject.parties is not None:
            carry = Carry(
                subject.cue.value,
                subject.parties.pair,
                subject.parties.own or _whose_flow(subject),
                carry.stop,
                told=subject.parties.explicit == 2,
            )
        else:
            carry = Carry(subject.cue.value, (), _owner(scan, subject.cue), carry.stop, True)
    return _after_sentence(ctx, scan, carry)


def _subject(
    ctx: DocContext, scan: Scan, figure: Figure, clause_start: int, carry: Carry, first: bool
) -> Subject | None:
    if carry.heading is not None and (line := _heading_line(scan, figure, carry.heading)):
        return line
    if not first and (item := _list_item(scan, figure, clause_start, carry)):
        return item
    partner = (
        bracketed_partner(scan, figure)
        or respective_partner(scan, figure)
        or relative_partner(scan, figure)
    )
    if partner is None and carry.indicator is not None:
        partner = continued_list_partner(scan, figure)
    if partner is not None:
        return _partner_subject(ctx, scan, figure, partner, carry, clause_start)
    if (own := carry.own or ctx.home) and (partner := partner_of_its_own_sum(scan, figure)):
        return _own_partner(scan, figure, own, partner, carry, clause_start)
    cue = indicator_for(scan, figure, clause_start) or anaphor_cue(
        scan, clause_start, figure, carry
    )
    if cue is None:
        return None
    on_line = _line_parties(scan, figure)
    candidates = _before_its_parts(scan, figure, on_line)
    named = [p for p in candidates if first or clause_start <= p.index <= figure.last]
    # "Экспорт Монголии составил 500 млн, из них на Китай — 300 млн": the total of the side
    # whose parts follow, with no partner of its own
    a_total = (
        len(candidates) < len(on_line)
        and len({country_of(p.code) for p in candidates}) < 2
        and not any(p.role == "with" for p in candidates)
    )
    if of_one_side(scan, cue, figure) or (carry.alone and not named) or a_total:
        # "внешнеторговый оборот Узбекистана", "со странами ОТГ", and what follows them
        # without naming a party: no bilateral figure
        return Subject(cue, None, clause_start)
    if _two_partners_one_sum(scan, figure, candidates):
        return Subject(cue, None, clause_start)  # the two partners' sum together
    # "между нашими странами достиг 26 млрд, между краем и Турцией – 2,5 млрд": the sides
    # named after the figure are the next clause's
    before_it = [p for p in candidates if p.index < figure.first]
    both_sides = not before_it and _names_both_sides(scan, figure)
    # "оборот с РФ составил 1,5 млрд, из них на долю Челябинской области приходится 413 млн":
    # a clause that names its own party is read around its figure, not the earlier trade word
    anchor = figure.first if not first and named and cue.index < clause_start else cue.index
    # "товарооборот Азербайджана с Турцией …, товарооборот с Кыргызстаном … до 53,4 млн, с
    # Казахстаном …": a later clause with one partner goes with the side before, not with
    # the partners of the clauses around it
    with_owner = not first and _only_partner(named) and carry.own is not None
    parties = choose_pair(
        ctx,
        scan.sentence,
        anchor,
        named if with_owner else candidates,
        clause=(clause_start, figure.last),
        fallback=() if both_sides and not carry.told else carry.pair,
        owner=carry.own if _only_partner(named) else None,
    )
    if parties is not None and both_sides and _names_both_sides(scan, figure, STATE_WORDS):
        parties = _as_countries(parties)  # "между двумя государствами": not their regions
    if parties is not None and both_sides and _names_both_sides(scan, figure, REGION_WORDS):
        parties = _as_regions(ctx, parties)  # "между регионами": not their countries
    if parties is not None and parties.own is None and carry.own in parties.pair:
        # "экспорт - $943,3 млн" after "товарооборот с Китаем", "импорт — 3,2 млрд" after
        # "Экспорт Беларуси — 1,9 млрд": the same anchor side
        parties = replace(parties, own=carry.own)
    if parties is not None:
        parties = _partners_of_the_owner(ctx, scan, figure, parties, carry)
    return Subject(cue, parties, clause_start)


def _partners_of_the_owner(
    ctx: DocContext, scan: Scan, figure: Figure, parties: Parties, carry: Carry
) -> Parties:
    """ "Основным партнёром остаётся Китай …, на втором месте Россия, двусторонний
    товарооборот составляет $214 млн": two partners of one side, each a pair with that side
    (the text's own or the one whose partners they are), never a pair with each other."""
    owner = owner_of_partners(scan) or carry.own or ctx.home
    if (
        owner is None
        or owner in parties.pair
        or not any(t.lemma in PARTNER_WORDS for t in scan.tokens)
        or any(p.code == owner for p in scan.parties)
    ):
        return parties
    nearest = min(
        (p for p in scan.parties if p.code in parties.pair),
        key=lambda p: abs(p.index - figure.first),
        default=None,
    )
    if nearest is None or country_of(nearest.code) == country_of(owner):
        return parties
    pair = tuple(sorted((owner, nearest.code)))
    return Parties((pair[0], pair[1]), None, None, parties.explicit, owner)


def _own_partner(
    scan: Scan, figure: Figure, own: str, partner: Party, carry: Carry, clause_start: int
) -> Subject | None:
    if partner.code.split("-")[0] == own.split("-")[0]:
        return None
    cue = indicator_for(scan, figure, clause_start) or (
        scan.indicators[0] if scan.indicators else None
    )
    indicator = cue.value if cue else carry.indicator
    if indicator is None:
        return None
    return Subject(Cue(partner.index, "indicator", indicator), _owned(own, partner), clause_start)


def _heading_line(scan: Scan, figure: Figure, heading: Heading) -> Subject | None:
    """ "…покупателями казахстанских товаров стали:" and then "Китай — 15 млрд долларов.": a
    line of the list, of the heading's flow between its owner and the line's partner."""
    partner = list_line_partner(scan, figure)
    if partner is None or partner.code.split("-")[0] == heading.owner.split("-")[0]:
        return None
    a, b = sorted((heading.owner, partner.code))
    exporter = {"export": heading.owner, "import": partner.code}.get(heading.flow)
    cue = Cue(partner.index, "list line", heading.flow)
    return Subject(cue, Parties((a, b), exporter, None, 1, heading.owner), 0)


def _two_partners_one_sum(scan: Scan, figure: Figure, parties: Sequence[Party]) -> bool:
    """ "на Белоруссию и Казахстан 28 млн долларов": one sum for two partners under one
    preposition is the two's together, no pair's."""
    before = [p for p in parties if p.index < figure.first]
    if len(before) < 2:
        return False
    first, second = before[-2], before[-1]
    tokens = scan.tokens
    return (
        first.role in {"to", "with", "from"}
        and second.index >= 1
        and tokens[second.index - 1].lemma == "и"
        and all(t.pos in {"PROPN", "ADJ", "NOUN"} for t in tokens[first.index : second.index - 1])
        and figure.first - second.index <= SUM_AFTER_PARTNERS
    )


# How far after the second partner its shared sum may start: "и Казахстан 28 млн",
# "и Казахстан — почти 28 млн".
SUM_AFTER_PARTNERS = 4


def _before_its_parts(scan: Scan, figure: Figure, parties: Sequence[Party]) -> tuple[Party, ...]:
    """ "Экспорт Монголии составил 500 млн долларов, из них на Китай пришлось 300 млн": a
    total told before the parts it falls into is not of the partners those parts name."""
    tokens = scan.tokens
    for k in range(figure.last + 1, len(tokens) - 1):
        if tokens[k].text not in PART_BREAKS:
            continue
        following = tuple(t.lemma for t in tokens[k + 1 : k + 1 + PART_REACH])
        opens_parts = any(
            following[i : i + len(opener)] == opener
            for opener in PART_OPENERS
            for i in range(len(following))
        )
        if opens_parts or ("на" in following and BEFALL_VERBS & set(following)):
            return tuple(p for p in parties if p.index < k)
        return tuple(parties)
    return tuple(parties)


# Where the clause after a total starts, and how far into it its parts are announced.
PART_BREAKS = frozenset({",", ":", ";"})
PART_REACH = 4
# "из них", "из которых", "в том числе" (not "в то время как"): the parts of the total.
PART_OPENERS = (("из", "они"), ("из", "который"), ("в", "тот", "число"), ("в", "то", "число"))
BEFALL_VERBS = frozenset({"приходиться", "прийтись"})


def _line_parties(scan: Scan, figure: Figure) -> tuple[Party, ...]:
    """Parties a figure may be about: in a sentence run over the lines of a list
    ("…составили:\n- с Казахстаном – $4,6 млрд;\n- с Кыргызстаном – $1,3 млрд"), those of
    its own line when that line names any."""
    text, base = scan.sentence.text, scan.sentence.start
    lo = text.rfind("\n", 0, figure.start - base)
    if lo < 0:
        return scan.parties
    hi = text.find("\n", figure.stop - base)
    hi = len(text) if hi < 0 else hi
    own_line = tuple(p for p in scan.parties if lo <= scan.tokens[p.index].start - base < hi)
    return own_line or scan.parties


def _partner_subject(
    ctx: DocContext, scan: Scan, figure: Figure, partner: Party, carry: Carry, clause_start: int
) -> Subject | None:
    buyers = buyers_flow(scan)
    anchor = owner_of_partners(scan) or (buyers and buyers[1]) or carry.own or ctx.home
    if anchor is None or anchor.split("-")[0] == partner.code.split("-")[0]:
        return None
    pair = tuple(sorted((anchor, partner.code)))
    # "Далее следуют Россия, Азербайджан … с 205,3 млн, …" after a sentence on exports
    own_cue = indicator_for(scan, figure, clause_start) or (
        scan.indicators[0] if scan.indicators else None
    )
    named_by_role = own_cue is not None and scan.tokens[own_cue.index].lemma in BUYER_WORDS
    if buyers is not None and (own_cue is None or named_by_role):
        # buyers of one side's goods are its exports; its suppliers, its imports
        exporter = anchor if buyers[0] == "export" else partner.code
        cue = Cue(partner.index, "indicator", buyers[0])
        return Subject(cue, Parties((pair[0], pair[1]), exporter, None, 1, anchor), clause_start)
    cue = own_cue or Cue(partner.index, "indicator", carry.indicator or "turnover")
    parties = Parties((pair[0], pair[1]), None, None, 1, anchor)
    return Subject(cue, parties, clause_start)


def _names_both_sides(scan: Scan, figure: Figure, words: Set[str] = BOTH_SIDES) -> bool:
    """ "стороны наторговали", "между странами", "двух государств": the article's own two
    sides, whatever pair the sentence before named; with ``STATE_WORDS``, two countries."""
    return any(
        t.lemma in words and t.feats.get("Number") == "Plur" for t in scan.tokens[: figure.first]
    )


def _as_countries(parties: Parties) -> Parties:
    """The pair at the level of countries, when the two lie in different countries."""
    a, b = (code.split("-")[0] for code in parties.pair)
    if a == b:
        return parties
    country = {code: code.split("-")[0] for code in parties.pair}
    pair = (a, b) if a < b else (b, a)
    return replace(
        parties,
        pair=pair,
        exporter_side=country.get(parties.exporter_side or "", parties.exporter_side),
        importer_side=country.get(parties.importer_side or "", parties.importer_side),
        own=country.get(parties.own or "", parties.own),
    )


def _as_regions(ctx: DocContext, parties: Parties) -> Parties:
    """The pair at the level of regions: each country side becomes the region of it the
    text names most, where it names one."""
    named = Counter(m.actor.code for m in ctx.mentions if "-" in m.actor.code)

    def region(code: str) -> str:
        if "-" in code:
            return code
        mine = [(n, c) for c, n in named.items() if c.startswith(code + "-")]
        return max(mine)[1] if mine else code

    a, b = region(parties.pair[0]), region(parties.pair[1])
    if (a, b) == parties.pair:
        return parties
    return replace(
        parties,
        pair=(a, b) if a < b else (b, a),
        exporter_side=parties.exporter_side and region(parties.exporter_side),
        importer_side=parties.importer_side and region(parties.importer_side),
        own=parties.own and region(parties.own),
    )


def _only_partner(named: Sequence[Party]) -> bool:
    """One party, named as a partner: "с Кыргызстаном товарооборот – …"."""
    return len(named) == 1 and named[0].role == "with"


def _whose_flow(subject: Subject) -> str | None:
    """ "экспорт из Таджикистана в Турцию": Tajikistan's flow, whose import comes next."""
    parties = subject.parties
    if parties is None:
        return None
    if subject.cue.value == "export":
        return parties.exporter_side
    if subject.cue.value == "import":
        return parties.importer_side
    return None


def _owner(scan: Scan, cue: Cue) -> str | None:
    """The party right after a trade word: "оборот Узбекистана"."""
    return next((p.code for p in scan.parties if cue.index < p.index <= cue.index + 3), None)


def indicator_for(scan: Scan, figure: Figure, clause_start: int) -> Cue | None:
    """The trade word before a figure, in its own clause first; else one right after it.

    "$2,8 млрд пришлись на экспорт, а $1,4 млрд – на импорт": a trade word after "на"
    right behind a figure is that figure's, before any word ahead of it."""
    behind = next(
        (
            c
            for c in scan.indicators
            if 0 < c.index - figure.last <= ON_REACH
            and (
                scan.tokens[c.index - 1].lemma == "на"
                # "3,1 млрд составляет экспорт, а 4,8 млрд — импорт": the dash names it too
                or (c.index - figure.last == 2 and scan.tokens[c.index - 1].text in DASHES)
            )
        ),
        None,
    )
    if behind is not None:
        return behind
    before = [
        c
        for c in scan.indicators
        if c.index < figure.first and scan.words_between(c.index, figure.first) <= MAX_INDICATOR_GAP
    ]
    in_clause = [c for c in before if c.index >= clause_start]
    if in_clause:
        return in_clause[-1]
    if before:
        return before[-1]
    after = [
        c
        for c in scan.indicators
        if 0 < c.index - figure.last <= INDICATOR_AFTER
        and not any(t.pos == "PUNCT" for t in scan.tokens[figure.last + 1 : c.index])
    ]
    return after[0] if after else None


def anaphor_cue(scan: Scan, clause_start: int, figure: Figure, carry: Carry) -> Cue | None:
    """ "Этот показатель вырос до …", "Он составил …": the indicator of the figure before."""
    if carry.indicator is None or len(carry.pair) != 2:
        return None
    tokens = scan.tokens
    for i in range(clause_start, figure.first):
        lemma = tokens[i].lemma
        before = tokens[i - 1].lemma if i else ""
        pronoun = lemma in ANAPHORA_PRONOUNS and (
            i < clause_start + PRONOUN_REACH
            or tokens[i].rel.startswith("nsubj")
            or _object_of_a_goal(tokens, i)
        )
        rate = figure.kind in {"percent", "times"}
        if pronoun or _anaphoric_noun(tokens, i, before) or (rate and _bare_change_noun(tokens, i)):
            return Cue(i, "indicator", carry.indicator)
    verb = _subjectless_level(tokens, clause_start, figure)
    return Cue(verb, "indicator", carry.indicator) if verb is not None else None


def _subjectless_level(tokens: Sequence[Token], clause_start: int, figure: Figure) -> int | None:
    """ "… товарооборот вернулся на траекторию роста. В январе — июле составил 17,8 млрд":
    a verb of level with no subject of its own goes on with the flow just told."""
    for i in range(clause_start, figure.first):
        token = tokens[i]
        if token.lemma in SUBJECTLESS_LEVEL_VERBS and token.feats.get("VerbForm") == "Fin":
            has_subject = any(
                t.head == i and t.rel.startswith("nsubj") and t.feats.get("Case") in {None, "Nom"}
                for t in tokens
            ) or any(
                (t.pos in {"NOUN", "PROPN"} and t.feats.get("Case") == "Nom")
                or t.lemma in BALANCE_WORDS
                for t in tokens[clause_start:i]
            )  # "Сальдо … достигло", "Объём инвестиций … превысил": a subject of its own
            return None if has_subject else i
    return None


# Verbs whose subject a sentence may leave to the one before: "составил", "достиг".
SUBJECTLESS_LEVEL_VERBS = frozenset({"составить", "достигнуть", "достичь", "превысить"})


def _object_of_a_goal(tokens: Sequence[Token], i: int) -> bool:
    """ "В ближайшие годы стороны планируют увеличить его до 3 млрд": the pronoun a verb of
    growth takes as its object, however far into the clause."""
    head = tokens[i].head
    return (
        tokens[i].rel == "obj"
        and 0 <= head < len(tokens)
        and (tokens[head].lemma in RISE_WORDS or tokens[head].lemma in GOAL_VERBS)
    )


def _bare_change_noun(tokens: Sequence[Token], i: int) -> bool:
    """ "Рост составил 21%": a change as the subject, of nothing named ("рост цен" is of
    prices, "рост экспорта" names its own indicator)."""
    return (
        tokens[i].lemma in ANAPHORA_CHANGE_NOUNS
        and tokens[i].rel.startswith("nsubj")
        and not any(
            t.head == i and t.feats.get("Case") == "Gen" and t.pos in {"NOUN", "PROPN"}
            for t in tokens
        )
    )


def _anaphoric_noun(tokens: Sequence[Token], i: int, before: str) -> bool:
    """ "этот показатель", or "показатель" alone as a subject ("показатель увеличился на
    47%"), not "показатель экспорта" (which names its own indicator)."""
    if tokens[i].lemma not in ANAPHORA_NOUNS:
        return False
    if before in ANAPHORA_DETERMINERS:
        return True
    # "показатель экспорта" names its own indicator; "темп роста" does not
    governs = any(
        t.head == i
        and t.feats.get("Case") == "Gen"
        and (t.lemma in INDICATORS or t.lemma in TRADE_NOUNS)
        for t in tokens
    )
    return tokens[i].rel.startswith("nsubj") and not governs


def _list_item(scan: Scan, figure: Figure, clause_start: int, carry: Carry) -> Subject | None:
    """ "…, с Узбекистаном — 320 млн": a clause with a partner and no trade word of its own."""
    if carry.indicator is None or carry.own is None:
        return None
    return list_item(scan, clause_start, figure.first, carry.own, carry.indicator)


def list_item(
    scan: Scan, clause_start: int, figure_first: int, own: str, indicator: str
) -> Subject | None:
    """The subject of a list item that names one partner and no trade word between
    ``clause_start`` and its figure: ``own``'s ``indicator`` with that partner ("…, с
    Узбекистаном — 320 млн", "…, в Россию — на 8%")."""
    if any(clause_start <= c.index < figure_first for c in scan.indicators):
        return None
    named = [p for p in scan.parties if clause_start <= p.index < figure_first]
    if len(named) != 1 or named[0].role not in LIST_ROLES:
        return None
    partner = named[0]
    if partner.code.split("-")[0] == own.split("-")[0]:
        return None
    return Subject(Cue(partner.index, "indicator", indicator), _owned(own, partner), clause_start)


def _owned(own: str, partner: Party) -> Parties:
    """``own`` and a partner named for it, with the direction the partner's preposition tells."""
    a, b = sorted((own, partner.code))
    return Parties((a, b), _side(partner, "from"), _side(partner, "to"), 1, own)


def _side(party: Party, role: str) -> str | None:
    return party.code if party.role == role else None


def _opens_with_anaphor(sentence: Sentence) -> bool:
    """ "Показатель превысил …", "Этот показатель …", "Он составил …" at a paragraph's head,
    or after the period that opens it ("В 2017 году он составил …")."""
    lemmas = [t.lemma for t in sentence.tokens[:2]]
    return bool(lemmas) and (
        lemmas[0] in ANAPHORA_NOUNS | ANAPHORA_PRONOUNS
        or (lemmas[0] in ANAPHORA_DETERMINERS and len(lemmas) > 1 and lemmas[1] in ANAPHORA_NOUNS)
        or _anaphor_after_a_period(sentence)
    )


def _anaphor_after_a_period(sentence: Sentence) -> bool:
    """ "В 2017 году он составил …": a pronoun subject right after an opening "в … году"."""
    tokens = sentence.tokens
    return (
        len(tokens) > 4
        and tokens[0].lemma in {"в", "за"}
        and tokens[2].lemma == "год"
        and tokens[3].lemma in ANAPHORA_PRONOUNS
    )


def _after_sentence(ctx: DocContext, scan: Scan, carry: Carry) -> Carry:
    """A sentence about trade without money ("вырос на 12%") still sets what "он" means."""
    carry = replace(carry, stop=scan.sentence.stop)
    if not scan.indicators or any(f.kind == "money" for f in scan.figures):
        return carry
    cue = scan.indicators[0]
    parties = choose_pair(ctx, scan.sentence, cue.index, scan.parties)
    if parties is None:
        return carry
    if parties.explicit == 0:
        # "Взаимная торговля в 2024 году прибавила 9%. Темп роста за последние пять лет –
        # 137%": what the rate after it is of, with the pair the text had
        return replace(carry, indicator=cue.value, pair=carry.pair or parties.pair)
    return Carry(
        cue.value, parties.pair, parties.own, scan.sentence.stop, told=parties.explicit == 2
    )


def _after_words(ctx: DocContext, sentence: Sentence, carry: Carry) -> Carry:
    """ "Стороны намерены нарастить взаимный товарооборот." sets what "он" means next."""
    cues = indicator_cues(sentence.tokens)
    heading = list_heading(sentence, sentence_parties(ctx, sentence), ctx.home)
    carry = replace(carry, stop=sentence.stop, heading=heading)
    partners = any(t.lemma in PARTNER_WORDS for t in sentence.tokens)
    if not cues and not partners:
        return carry
    named = sentence_parties(ctx, sentence)
    anchor = cues[0].index if cues else 0
    parties = choose_pair(ctx, sentence, anchor, named, fallback=carry.pair)
    if parties is None or (not cues and parties.explicit < 2):
        return carry  # "Основным торговым партнёром Таджикистана является Россия" sets a pair
    return Carry(
        cues[0].value if cues else carry.indicator,
        parties.pair,
        parties.own or carry.own,
        sentence.stop,
        told=parties.explicit == 2,
        heading=heading,
    )


def figure_subject(
    ctx: DocContext, scans: Sequence[Scan], scan: Scan, figure: Figure
) -> Subject | None:
    return read_figures(ctx, scans).subjects.get((scan.sentence.start, figure.start))


def anaphoric_subject(
    ctx: DocContext, scans: Sequence[Scan], scan: Scan, figure: Figure
) -> Subject | None:
    """ "По сравнению с 2019-м он вырос на 14%": the subject the sentence before left."""
    carry = carried_to(ctx, scans, scan.sentence)
    cue = anaphor_cue(scan, 0, figure, carry)
    if cue is None:
        return None
    pair = tuple(carry.pair)
    return Subject(cue, Parties((pair[0], pair[1]), None, None, 0, carry.own), 0)


def carried_to(ctx: DocContext, scans: Sequence[Scan], sentence: Sentence) -> Carry:
    """What the text before a sentence has left for its anaphors ("Это на 34 % больше")."""
    return read_figures(ctx, scans).carried.get(sentence.start, Carry())
