"""Who an event is between and where it is held.

The sides of an event come, in this order, from its own name ("Форум … России и
Казахстана"), from whom it was held with ("с Губернатором Красноярского края …"), from the
subject of the verb it hangs on ("Казахстанская делегация приняла участие …"), from the city
it is held in, and last from the document's pair. An event named after a region ("Красноярский
экономический форум") is that region's country's event, whoever came to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilat.extract.context import DocContext
from bilat.extract.parse.textforms import DASHES
from bilat.extract.people.people import People
from bilat.extract.people.roles import is_role_word
from bilat.extract.people.rolewords import ENVOY_WORDS
from bilat.model import Mention, Sentence, Token

HOST_PREPOSITIONS = frozenset({"в", "во"})
# Who an event may be held with when the text names no party for them.
GUEST_WORDS = frozenset(
    {
        "делегация",
        "партнер",
        "партнёр",
        "коллега",
        "руководство",
        "правительство",
        "сторона",
        "миссия",
        "власть",
    }
)
# What may join two parties in a pair's title: «Россия – Китай», «Казахстан и Узбекистан».
PAIR_JOINERS = DASHES | {"и", "/", ":"}
# Whom an event may be held with without it being held with the other side.
PUBLIC_WORDS = frozenset(
    {
        "журналист",
        "студент",
        "школьник",
        "соотечественник",
        "диаспора",
        "блогер",
        "ветеран",
        "читатель",
        "зритель",
        "общественность",
        "молодежь",
        "молодёжь",
        "жители",
        "житель",
        "избиратель",
        "активист",
        "сторонник",
        "учащийся",
        "болельщик",
    }
)
# Heads between a word and the verb it hangs on: "принял участие в заседании" climbs twice.
MAX_CLIMB = 4


@dataclass(frozen=True)
class Span:
    first: int
    last: int


def find_parties(
    ctx: DocContext,
    people: People,
    sentence: Sentence,
    head: int,
    name: Span,
    complement: Span | None,
    skip: frozenset[str] = frozenset(),
) -> tuple[tuple[str, ...], str, str | None]:
    """(parties, where they came from, the host region of an event named after a place)."""
    tokens = sentence.tokens
    named = codes(ctx, tokens, name)
    if len(countries(named)) >= 2:
        return pair(named), "name", None
    before = codes(ctx, tokens, Span(name.first, head)) if head > name.first else []
    host = named[0] if len(named) == 1 and "-" in named[0] and named == before else None
    sides = [named[0].split("-")[0]] if host else list(named)
    source = "name" if sides else "none"
    if complement is not None and _public(tokens, complement):
        return pair(sides), "other", host  # "встреча с туркменскими журналистами"
    if complement is not None:
        found = capitals_as_countries(
            ctx, tokens, complement, span_sides(ctx, people, tokens, complement)
        )
        # "с послом республики": held with an envoy whose country the text told before
        envoy = any(t.lemma in ENVOY_WORDS for t in tokens[complement.first : complement.last + 1])
        source = "with" if found or envoy else source
        sides += found
        # "между двумя областями", "между сторонами": the sides the text has told before
        between = tokens[complement.first].lemma == "между"
        if not found and not between and not _guest(tokens, complement):
            return pair(sides), "other", host  # "встреча с предпринимателями": not a party
    if len(countries(sides)) < 2:
        found = [
            c
            for c in subject_sides(ctx, people, sentence, head, skip)
            if c.split("-")[0] not in countries(sides)
        ]
        source = "subject" if found and source == "none" else source
        sides += found
    _, location = find_place(ctx, sentence)
    if sides and location and len(countries(sides)) < 2:
        sides.append(location)  # "переговоры с делегацией Китая" held in Novosibirsk
    if len(countries(sides)) < 2:
        sides += [c for c in ctx.pair if c.split("-")[0] not in countries(sides)]
        source = "document" if source == "none" else source
    parties = pair(sides)
    if host:  # "Красноярский экономический форум": Russia's forum, whoever came to it
        parties = tuple(sorted({p.split("-")[0] for p in parties}))
    return _regions_told_generically(ctx, sentence, parties), source, host


# Nouns that, after a country's adjective, stand for a side the text has named already:
# "с российской стороной", "в российские регионы".
SIDE_NOUNS = frozenset({"регион", "сторона"})


def _regions_told_generically(
    ctx: DocContext, sentence: Sentence, parties: tuple[str, ...]
) -> tuple[str, ...]:
    """ "переговоры с российской стороной" or "визит в российский регион" in a text on
    Belarus and Tatarstan is held with Tatarstan: a country told only as "российская
    сторона" or "российский регион" is the document's region of that country."""
    mentions = ctx.mentions_between(sentence.start, sentence.stop)
    refined = []
    for code in parties:
        told = [m for m in mentions if m.actor.code == code]
        regions = [c for c in ctx.pair if c.startswith(code + "-")]
        generic = told and all(_before_side_noun(sentence.tokens, m) for m in told)
        refined.append(regions[0] if "-" not in code and len(regions) == 1 and generic else code)
    return tuple(sorted(refined))


def _before_side_noun(tokens: Sequence[Token], mention: Mention) -> bool:
    following = next((t for t in tokens if t.start >= mention.stop), None)
    return mention.form == "adjective" and following is not None and following.lemma in SIDE_NOUNS


def _public(tokens: Sequence[Token], span: Span) -> bool:
    """Whether an event was held with a public, not a side: "с журналистами", "со
    студентами", "с соотечественниками"."""
    noun = next((t for t in tokens[span.first : span.last + 1] if t.pos == "NOUN"), None)
    return noun is not None and noun.lemma in PUBLIC_WORDS


def _guest(tokens: Sequence[Token], span: Span) -> bool:
    """Whether whom an event was held with can stand for the other side unnamed: "с
    делегацией", "с послом", "с партнёрами" can; "с предпринимателями региона" cannot."""
    return any(
        t.lemma in GUEST_WORDS or (is_role_word(t.lemma) and t.feats.get("Number") != "Plur")
        for t in tokens[span.first : span.last + 1]
    )


def codes(ctx: DocContext, tokens: Sequence[Token], span: Span) -> list[str]:
    lo, hi = tokens[span.first].start, tokens[span.last].stop
    return list(dict.fromkeys(m.actor.code for m in party_mentions(ctx, tokens, lo, hi)))


def party_mentions(ctx: DocContext, tokens: Sequence[Token], lo: int, hi: int) -> list[Mention]:
    """Mentions that can be a party: not inside an organisation's name ("Sputnik
    Казахстан"), not a place where something is held ("в Уфе", "в РФ")."""
    mentions = ctx.mentions_between(lo, hi)
    orgs = [
        e
        for e in ctx.analysis.entities
        if e.type == "ORG" and not _names_only(ctx.analysis.text, e.start, e.stop, mentions)
    ]
    return [
        m
        for m in mentions
        if m.form != "city"
        and not (
            m.actor.kind == "city" and m.form != "adjective" and after_preposition(tokens, m.start)
        )
        and not any(o.start <= m.start and m.stop <= o.stop for o in orgs)
    ]


def _names_only(text: str, start: int, stop: int, mentions: Sequence[Mention]) -> bool:
    """«Узбекистан – Казахстан», tagged an organisation, is a pair of names: nothing is
    left of it but dashes and "и" once its parties are taken out."""
    rest = list(text[start:stop])
    for m in mentions:
        if start <= m.start and m.stop <= stop:
            rest[m.start - start : m.stop - start] = " " * (m.stop - m.start)
    return all(word in PAIR_JOINERS for word in "".join(rest).split())


def span_sides(ctx: DocContext, people: People, tokens: Sequence[Token], span: Span) -> list[str]:
    """The side a person or a party named in a span stands for: "с Губернатором
    Красноярского края Александром Уссом" → RU-KYA; "в Узбекистан" → UZ; "в Казань" → RU-TA."""
    lo, hi = tokens[span.first].start, tokens[span.last].stop
    mentions = ctx.mentions_between(lo, hi)
    # "с послом Узбекистана в РФ": where an envoy serves is not a side
    own = [m for m in mentions if not after_preposition(tokens, m.start)]
    person = people.at(lo, hi)
    if person is not None and (person.attr("region") or person.attr("country")):
        told = person.attr("region") or person.attr("country") or ""
        # "с его узбекским коллегой Шавкатом Мирзиёевым": the words in the span say more
        # than a role the person was given elsewhere in the text
        countries = {m.actor.country for m in own}
        if len(countries) == 1 and told.split("-")[0] not in countries:
            return [own[0].actor.code]
        return [told]
    if not own and any(t.lemma in ENVOY_WORDS for t in tokens[span.first : span.last + 1]):
        return []  # "с послом республики в РФ": the envoy's side is told elsewhere
    return list(dict.fromkeys(m.actor.code for m in (own or mentions)))


def subject_sides(
    ctx: DocContext,
    people: People,
    sentence: Sentence,
    head: int,
    skip: frozenset[str] = frozenset(),
) -> list[str]:
    """The parties of the subject of the verb an event hangs on: "Казахстанская делегация
    … приняла участие в форуме", "Премьер-министры Казахстана и Киргизии провели
    переговоры". Places after "в" do not count ("Посол РК в РФ" is Kazakhstan's)."""
    tokens = sentence.tokens
    verb = next((i for i in climb(tokens, head) if tokens[i].pos in {"VERB", "AUX"}), None)
    return [] if verb is None else verb_subject_sides(ctx, people, tokens, verb, head, skip)


def verb_subject_sides(
    ctx: DocContext,
    people: People,
    tokens: Sequence[Token],
    verb: int,
    head: int,
    skip: frozenset[str] = frozenset(),
) -> list[str]:
    """The parties of the subjects of a verb, the event noun ``head`` and the words in
    ``skip`` aside."""
    sides: list[str] = []
    for i, token in enumerate(tokens):
        if (
            token.head == verb
            and token.rel.startswith("nsubj")
            and i != head
            and token.lemma not in skip
        ):
            for lo, hi in conjuncts(tokens, i):
                sides += [
                    c
                    for c in span_sides(ctx, people, tokens, Span(lo, hi))
                    if not is_destination(ctx, tokens, c, lo, hi) and c not in sides
                ]
    return sides


def conjuncts(tokens: Sequence[Token], root: int) -> list[tuple[int, int]]:
    """The spans of a phrase and of those joined to it by "и": "глава Татарстана Рустам
    Минниханов и посол Вьетнама" is two people, each with a side of his own."""
    joined = [j for j, t in enumerate(tokens) if t.head == root and t.rel == "conj"]
    lo, hi = subtree(tokens, root)
    if not joined:
        return [(lo, hi)]
    spans = [subtree(tokens, j) for j in joined]
    return [(lo, spans[0][0] - 1), *spans]


def is_destination(ctx: DocContext, tokens: Sequence[Token], code: str, lo: int, hi: int) -> bool:
    mentions = [
        m for m in ctx.mentions_between(tokens[lo].start, tokens[hi].stop) if m.actor.code == code
    ]
    return bool(mentions) and all(after_preposition(tokens, m.start) for m in mentions)


def climb(tokens: Sequence[Token], i: int) -> list[int]:
    found, i = [], tokens[i].head
    for _ in range(MAX_CLIMB):
        if i < 0:
            break
        found.append(i)
        i = tokens[i].head
    return found


def subtree(tokens: Sequence[Token], root: int) -> tuple[int, int]:
    inside = {root}
    changed = True
    while changed:
        changed = False
        for i, token in enumerate(tokens):
            if i not in inside and token.head in inside:
                inside.add(i)
                changed = True
    return min(inside), max(inside)


def countries(codes: Sequence[str]) -> set[str]:
    return {c.split("-")[0] for c in codes}


def pair(codes: Sequence[str]) -> tuple[str, ...]:
    """The first two parties of different countries, sorted; a region named beside its own
    country is the more precise side ("Сделано в Узбекистане: потенциал Каракалпакстана")."""
    picked: list[str] = []
    for code in codes:
        if code and code.split("-")[0] not in countries(picked):
            picked.append(code)
    regions = {c.split("-")[0]: c for c in codes if c and "-" in c}
    return tuple(sorted(regions.get(p, p) if "-" not in p else p for p in picked[:2]))


def find_place(ctx: DocContext, sentence: Sentence) -> tuple[str | None, str | None]:
    """The city the sentence says it is held in ("В Уфе прошел …"), with its region."""
    tokens = sentence.tokens
    for mention in ctx.mentions_between(sentence.start, sentence.stop):
        if (
            (mention.form == "city" or mention.actor.kind == "city")
            and not _names_a_region(tokens, mention)
            and after_preposition(tokens, mention.start)
            and not in_title(tokens, mention.start)
        ):
            return mention.normal or mention.text, mention.actor.code
    return None, None


def _names_a_region(tokens: Sequence[Token], mention: Mention) -> bool:
    """ "в Алматинскую и Жамбылскую области": a city's adjective before a region's noun names
    the region, not a city an event is held in ("Петербургский форум" is held there)."""
    if mention.form != "adjective":
        return False
    following = next(
        (t for t in tokens if t.start >= mention.stop and t.pos != "ADJ" and t.lemma != "и"), None
    )
    return following is not None and following.lemma in REGION_NOUNS


REGION_NOUNS = frozenset({"область", "край", "район", "округ", "провинция"})


def in_title(tokens: Sequence[Token], offset: int) -> bool:
    """ "генеральный консул Китая в Екатеринбурге": the city of an office, not of the event."""
    i = next((j for j, t in enumerate(tokens) if t.stop > offset), 0)
    head = tokens[i].head
    return tokens[i].rel == "nmod" and head >= 0 and is_role_word(tokens[head].lemma)


def after_preposition(tokens: Sequence[Token], offset: int) -> bool:
    """ "в Уфе", "во Владимире": a place where something is held, not "мэр Красноярска"."""
    i = next((j for j, t in enumerate(tokens) if t.stop > offset), 0)
    return i > 0 and tokens[i - 1].lemma in HOST_PREPOSITIONS


def capitals_as_countries(
    ctx: DocContext, tokens: Sequence[Token], span: Span, sides: list[str]
) -> list[str]:
    """ "посетил Ташкент": a visit to a city that is a region of its own (a capital) is a
    visit to its country."""
    lo, hi = tokens[span.first].start, tokens[span.last].stop
    cities = {
        m.actor.code: m.actor.country
        for m in ctx.mentions_between(lo, hi)
        if m.actor.kind == "city"
    }
    return [cities.get(code, code) for code in sides]
