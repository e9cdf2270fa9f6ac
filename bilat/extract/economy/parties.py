"""Who a figure is about: the parties of a sentence, its direction, and the fallbacks to
the document ("между регионами", "наша республика", "двусторонний товарооборот").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilat.actors import region_type, resolve
from bilat.extract.context import CITY_REGION_TYPES, DocContext
from bilat.extract.economy.cues import INDICATORS, SALE_VERBS, brought_into
from bilat.model import Mention, Sentence, Token

# Words that stand for a party named elsewhere: resolved through the document's mentions.
GENERIC_PARTY_WORDS = {
    "республика",
    "край",
    "область",
    "регион",
    "страна",
    "государство",
    "провинция",
    "аймак",
    "префектура",
}
# How far from "республики" a partner it cannot stand for may be named.
GENERIC_REACH = 6
# "наш … товарооборот": how far the trade noun may follow "наш", and which nouns count.
OUR_REACH = 3
OUR_TRADE_NOUNS = {"товарооборот", "оборот", "торговля", "экспорт", "импорт", "товарообмен"}
# Prepositions before a party: where goods go, where they come from.
TO_WORDS = {"в", "во", "на"}
FROM_WORDS = {"из", "изо", "от"}
# "товарооборот края с Казахстаном": the party after "с" is the partner, so the other
# one is the side whose exports and imports the sentence goes on to give.
WITH_WORDS = {"с", "со"}


@dataclass(frozen=True)
class Party:
    code: str
    index: int  # token index in the sentence (first token of the mention)
    role: str  # to | from | with | plain | adjective | owner | generic | place


@dataclass(frozen=True)
class Parties:
    pair: tuple[str, str]
    exporter_side: str | None  # a party the text names as origin
    importer_side: str | None  # a party the text names as destination
    explicit: int  # how many of the two were named in the sentence itself
    own: str | None = None  # the side whose trade it is: "товарооборот края с Казахстаном"


def sentence_parties(ctx: DocContext, sentence: Sentence) -> list[Party]:
    """Parties named in a sentence, in order, cities left out (a city is a place)."""
    return [p for p in named_in(ctx, sentence) if p.role != "place"]


def named_in(ctx: DocContext, sentence: Sentence) -> list[Party]:
    """Every party a sentence names, in order, with the places where something happens
    ("в Казахстане") kept in the role "place": no side of a trade figure, but whose
    total "внешнеторговый оборот в Грузии" is."""
    tokens = sentence.tokens
    found = []
    mentions = ctx.mentions_between(sentence.start, sentence.stop)
    capitals = _cities_for_countries(mentions)
    for mention in mentions:
        if mention.form == "city" and mention not in capitals:
            continue
        index = sentence.token_at(mention.start)
        code = mention.actor.country if mention in capitals else mention.actor.code
        found.append(Party(code, index, _role(sentence, index, mention)))
    for i, token in enumerate(tokens):
        if (
            token.lemma in GENERIC_PARTY_WORDS
            and not _a_group(tokens, i)
            and not _both_of_them(tokens, i)
            and not _named_after(found, i)
        ):
            actor = _resolve_generic(ctx, sentence, i, found)
            if i and tokens[i - 1].lemma == "наш" and ctx.home:
                actor = _ours(ctx, found)  # "во внешней торговле нашей страны"
                if token.lemma in COUNTRY_WORDS:
                    actor = actor.split("-")[0]  # a region's "наша страна" is its country
            country = _country_adjective_before(found, i)
            if country is not None:
                # "из китайской провинции": the text's province of that country, else the
                # country itself
                if actor is None or not actor.startswith(country.code + "-"):
                    continue
                found.remove(country)
                actor_role = country.role
                found.append(Party(actor, country.index, actor_role))
            elif actor:
                found.append(Party(actor, i, _role(sentence, i, None)))
        elif _our_trade(tokens, i) and ctx.home and not _named_after(found, i):
            found.append(Party(_ours(ctx, found), i, "plain"))  # "наш двусторонний товарооборот"
    return sorted(found, key=lambda p: p.index)


def _a_group(tokens: Sequence[Token], i: int) -> bool:
    """ "Содружества Независимых Государств", "среди стран СНГ": a group of countries, not
    one of them."""
    before = tokens[i - 1].lemma if i else ""
    return before == "независимый" or (
        before == "среди" and tokens[i].feats.get("Number") == "Plur"
    )


# Generic words that stand for a country, never for a region.
COUNTRY_WORDS = frozenset({"страна", "государство"})


def _both_of_them(tokens: Sequence[Token], i: int) -> bool:
    """ "между двумя государствами", "обеих стран": the two sides, not one of them."""
    return tokens[i].feats.get("Number") == "Plur" and any(
        t.lemma in BOTH_WORDS for t in tokens[max(0, i - 2) : i]
    )


# Words before a plural "государства", "страны", "регионы" that make it the two sides.
BOTH_WORDS = frozenset({"между", "два", "оба"})


def _cities_for_countries(mentions: Sequence[Mention]) -> list[Mention]:
    """ "Москва и Исламабад способны нарастить товарооборот": cities of two countries named
    as the sides stand for their countries; one city alone is a place."""
    cities = [m for m in mentions if m.form == "city" or m.actor.kind == "city"]
    return cities if len({m.actor.country for m in cities}) >= 2 else []


def _ours(ctx: DocContext, found: Sequence[Party]) -> str:
    """The side "наш" speaks for: the text's own, unless the sentence names that one as the
    other party ("Доля Китая в нашем товарообороте" in a text that names China most)."""
    home = ctx.home or ""
    if len(ctx.pair) != 2:
        return home
    other = next(side for side in ctx.pair if side != home)
    named = {p.code for p in found}
    return other if home in named and other not in named else home


def _our_trade(tokens: Sequence[Token], i: int) -> bool:
    """ "наш (двусторонний) товарооборот", "в нашем внешнеторговом обороте": the text's own
    side's trade."""
    return tokens[i].lemma == "наш" and any(
        t.lemma in OUR_TRADE_NOUNS for t in tokens[i + 1 : i + 1 + OUR_REACH]
    )


def _resolve_generic(
    ctx: DocContext, sentence: Sentence, i: int, found: Sequence[Party]
) -> str | None:
    tokens = sentence.tokens
    phrase = tokens[i].text
    if i and tokens[i - 1].lemma in {"наш", "свой"}:
        phrase = f"{tokens[i - 1].text} {phrase}"
    others: list[Mention] = []
    if _in_between_phrase(tokens, i):
        # The other side of "между краем и республикой": not of a country already named.
        named = {p.code.split("-")[0] for p in found}
        others = [m for m in ctx.mentions if m.actor.country not in named]
    else:
        # "товарооборота республики приходится на Китай": not the partner named beside it
        lo = tokens[max(0, i - GENERIC_REACH)].start
        hi = tokens[min(len(tokens) - 1, i + GENERIC_REACH)].stop
        partners = {
            m.actor.code
            for m in ctx.mentions_between(lo, hi)
            if _role(sentence, sentence.token_at(m.start), m) in {"to", "with"}
        }
        others = [m for m in ctx.mentions if m.actor.code not in partners]
    # an anaphor looks back: "с европейской страной" is the country named before it, not
    # one the text names more often later
    earlier = [m for m in others if m.start < tokens[i].start]
    actor = (
        resolve(phrase, earlier) or resolve(phrase, others) or resolve(phrase, list(ctx.mentions))
    )
    return actor.code if actor else None


def _in_between_phrase(tokens: Sequence[Token], i: int) -> bool:
    """ "между краем и республикой": the word is one of the sides "между" joins, not a
    word of a later clause ("… между Арменией и Грузией достиг 1,2 млрд, что равно 9%
    торговли страны": the country is one of the two)."""
    between = next((k for k in range(i - 1, -1, -1) if tokens[k].lemma == "между"), None)
    return between is not None and not any(
        t.pos in {"VERB", "AUX", "PUNCT"} for t in tokens[between + 1 : i]
    )


def _country_adjective_before(found: Sequence[Party], i: int) -> Party | None:
    """ "китайской провинции", "казахстанских регионов": a country's adjective right before
    a word that stands for one of its regions."""
    return next((p for p in found if p.index == i - 1 and "-" not in p.code), None)


def _named_after(found: Sequence[Party], i: int) -> bool:
    """'Республика Казахстан' is a name, already found; not a generic 'республика'."""
    return any(p.index in (i, i + 1) for p in found)


def _role(sentence: Sentence, index: int, mention: Mention | None) -> str:
    tokens = sentence.tokens
    i = index - 1
    while i > 0 and tokens[i].pos == "ADJ" and mention is not None and mention.form != "adjective":
        i -= 1  # "с соседним Афганистаном": the preposition before the adjectives
    before = tokens[i].lemma if index else ""
    sale = _sale_role(tokens, index)
    if sale is not None:
        return sale
    if mention is not None and mention.form == "adjective" and _before_trade_word(tokens, index):
        # "сербский импорт", and "в молдавском экспорте" too: whose flow, whatever the
        # preposition
        return "owner"
    if before in TO_WORDS and (_locative(tokens[index]) or _city_visited(tokens, index, mention)):
        return "place"  # "до кризиса на Украине", "в Казахстане открылся завод"
    if before in TO_WORDS:
        return "to"  # "в Казахстан", "в американскую компанию"
    if before in FROM_WORDS:
        return "from"
    if before in {"с", "со"} and tokens[index].feats.get("Case") == "Gen":
        return "from"  # "поставки товаров с Украины": out of it, not with it
    if before in WITH_WORDS:
        return "with"
    if mention is not None and mention.form == "adjective":
        return "adjective"
    return "plain" if mention is not None else "generic"


def _sale_role(tokens: Sequence[Token], index: int) -> str | None:
    """Who sold or bought: the subject of "Грузия продала Турции товаров" (or of the firms
    that did: "предприятия края отправили"), and where a buyer bought ("закупил в России")."""
    node = index
    for _ in range(SALE_SUBJECT_DEPTH):
        head = tokens[node].head
        if head < 0:
            return None
        flow = SALE_VERBS.get(tokens[head].lemma)
        if flow and tokens[node].rel.startswith("nsubj"):
            if flow == "import" and brought_into(tokens, head):
                return "from"  # "Китай ввёз в Монголию товаров на 8 млрд": what China exported
            return "from" if flow == "export" else "to"
        if (
            flow == "import"
            and node == index
            and index
            and tokens[index - 1].lemma in {"в", "во"}
            and _locative(tokens[index])
        ):
            return "from"
        node = head
    return None


# How far up the tree a party may stand below the subject of a sale: "предприятия края".
SALE_SUBJECT_DEPTH = 2


def _before_trade_word(tokens: Sequence[Token], index: int) -> bool:
    """ "сербский импорт", "российский экспорт": the adjective names whose flow it is; in
    "импорт российских товаров" it names where the goods come from."""
    following = next((t for t in tokens[index + 1 :] if t.pos != "ADJ"), None)
    return following is not None and following.lemma in INDICATORS


def _city_visited(tokens: Sequence[Token], index: int, mention: Mention | None) -> bool:
    """ "визит в Душанбе", "переговоры в Баку": a city that is a region of its own, with a
    name that does not decline, is where something happens unless a flow goes to it
    ("экспорт в Баку")."""
    return (
        mention is not None
        and region_type(mention.actor.code) in CITY_REGION_TYPES
        and tokens[index].text.lower() == tokens[index].lemma
        and not any(t.lemma in INDICATORS for t in tokens[max(0, index - FLOW_REACH) : index])
    )


# How far before "в <город>" a trade word makes the city a destination.
FLOW_REACH = 4


def _locative(token: Token) -> bool:
    """A name in the locative by its ending: "Украине", not an abbreviation the tagger
    guesses a case for ("экспортировал в РФ")."""
    return token.feats.get("Case") == "Loc" and token.text.lower() != token.lemma


def choose_pair(
    ctx: DocContext,
    sentence: Sentence,
    anchor: int,
    named: Sequence[Party],
    clause: tuple[int, int] | None = None,
    fallback: Sequence[str] = (),
    owner: str | None = None,
) -> Parties | None:
    """The two parties of a figure at token ``anchor``: the named ones nearest to it,
    completed from the document's main pair when the sentence names fewer than two.

    Only parties inside ``clause`` (token indices) tell a direction: in "экспорт в
    Казахстан … , а импорт — 83 млн" the "в Казахстан" is not where the import goes.
    ``fallback`` is the pair of the sentence before, which completes before the document's;
    ``owner`` the side whose trade the text before was giving ("торговли Узбекистана …:
    с Кыргызстаном товарооборот – $1,3 млрд"), which completes before either.
    """
    by_distance = sorted(named, key=lambda p: (abs(p.index - anchor), _vague(p, named)))
    picked: list[Party] = []
    for party in by_distance:
        # "торговля с Китаем выросла на 18%, с Малайзией – на 43%", "на Латвию пришлось
        # 31 млн, на Эстонию 10 млн": two partners told by one preposition are each one
        # side's partner, never a pair
        both_partners = party.role in LISTED_ROLES and any(p.role == party.role for p in picked)
        if not both_partners and all(country_of(party.code) != country_of(p.code) for p in picked):
            picked.append(party)
        if len(picked) == 2:
            break
    codes = [p.code for p in picked]
    explicit = len(codes)
    if len(codes) == 1 and owner and country_of(owner) != country_of(codes[0]):
        codes = [codes[0], owner]
    if len(codes) < 2:
        document = [c for c in ctx.pair if c == ctx.home or _named_by(ctx, c, sentence.stop)]
        codes = _complete(list(fallback) if len(fallback) == 2 else document, codes, ctx.home)
    if len(codes) < 2:
        return None
    lo, hi = clause or (0, len(sentence.tokens))
    # an elided list item ("поставки в Монголию составляли $210 млн, в 2023 — $265 млн")
    # goes with the direction its trade word's clause told
    lo = min(lo, anchor)
    local = [
        p
        for p in picked
        if lo <= p.index <= hi and not _of_another_flow(sentence.tokens, p, anchor)
    ]
    exporter = next((p.code for p in local if p.role in {"from", "adjective"}), None)
    importer = next((p.code for p in local if p.role == "to"), None)
    pair = (codes[0], codes[1]) if codes[0] < codes[1] else (codes[1], codes[0])
    between = anchor + 1 < len(sentence.tokens) and sentence.tokens[anchor + 1].lemma == "между"
    own = None if between else _own(picked, anchor, pair, sentence.tokens)
    return Parties(pair, exporter, importer, explicit, own)


def _of_another_flow(tokens: Sequence[Token], party: Party, anchor: int) -> bool:
    """ "… на экспорт из Киргизии, 46 млн – на импорт": "из Киргизии" tells the export's
    origin, not the import's; a flow word right before the preposition owns it."""
    flow = party.index - 2
    return (
        party.role in {"from", "to"}
        and flow >= 0
        and flow != anchor
        and tokens[flow].lemma in FLOW_WORDS
    )


# Words whose "из"/"в" phrase tells their own direction.
FLOW_WORDS = frozenset({"экспорт", "импорт", "поставка", "ввоз", "вывоз"})


# Roles of a preposition that lists partners of one side.
LISTED_ROLES = frozenset({"with", "to"})


def _vague(party: Party, named: Sequence[Party]) -> bool:
    """ "Московская область среди российских регионов": a country's adjective beside one of
    its own regions by name is the less precise side."""
    adjectives = {"adjective", "owner"}
    return (
        party.role in adjectives
        and "-" not in party.code
        and any(p.code.startswith(party.code + "-") and p.role not in adjectives for p in named)
    )


def _own(
    picked: Sequence[Party], anchor: int, pair: tuple[str, str], tokens: Sequence[Token]
) -> str | None:
    """Whose trade a figure is: the party right after the trade word ("экспорт
    республики", "импорт Казахстана"), else the one not introduced by "с". "Товарооборот
    между X и Y" names no owner: the caller leaves it to the side the text speaks for; nor
    does a party after a colon or a dash ("развивается торговля: Китай – партнёр края")."""
    owners = [p for p in picked if p.role == "owner"]
    if owners:
        return owners[0].code
    after = [
        p
        for p in picked
        if anchor < p.index <= anchor + 2
        and p.role in {"plain", "generic"}
        and not any(t.pos == "PUNCT" for t in tokens[anchor + 1 : p.index])
    ]
    if after:
        return after[0].code
    partners = {p.code for p in picked if p.role == "with"}
    if len(partners) == 1:
        return next((c for c in pair if c not in partners), None)
    return None


def _named_by(ctx: DocContext, code: str, offset: int) -> bool:
    """Whether the text has named ``code`` before ``offset``: a figure's unnamed side is
    the side the text speaks for or one the reader has met, not a partner the text comes
    to later ("… снизилась на 11,5%. … наибольшая доля пришлась на Россию")."""
    first = ctx.memo("economy.first_mentions", lambda: _first_mentions(ctx))
    return first.get(code, offset) < offset


def _first_mentions(ctx: DocContext) -> dict[str, int]:
    first: dict[str, int] = {}
    for mention in ctx.mentions:
        first.setdefault(mention.actor.code, mention.start)
    return first


def _complete(pair: list[str], codes: list[str], home: str | None = None) -> list[str]:
    """The named side with the other from ``pair``: the side the text speaks for first
    ("Объём товарооборота с Турцией" in a text on Tajikistan's partners)."""
    if not codes:
        return pair
    countries = {country_of(c) for c in codes}
    ordered = sorted(pair, key=lambda c: c != home)
    other = next((c for c in ordered if country_of(c) not in countries), None)
    return [*codes, other] if other else codes


def country_of(code: str) -> str:
    """'RU-BA' → 'RU', 'KZ' → 'KZ'."""
    return code.split("-")[0]


def direction(parties: Parties, indicator: str, home: str | None) -> tuple[str, str]:
    """(exporter, importer) of an export or import figure."""
    a, b = parties.pair
    if parties.exporter_side is not None and parties.exporter_side in (a, b):
        exporter = parties.exporter_side
    elif parties.importer_side in (a, b):
        exporter = b if parties.importer_side == a else a
    else:
        # No preposition tells: the side whose trade it is exports what it calls
        # "экспорт"; failing that, the side the text speaks for.
        own = parties.own if parties.own in (a, b) else home if home in (a, b) else a
        exporter = own if indicator == "export" else (b if own == a else a)
    return exporter, (b if exporter == a else a)
