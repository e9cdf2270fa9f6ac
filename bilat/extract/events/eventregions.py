"""The region that acts for a side: "делегация Узбекистана во главе с хокимом Андижанской
области" is Andijan's delegation, "представитель правительства Киргизии в Таласской
области" acts for Talas; an event read with the country as its side takes that region instead.

A region named only as where something happens ("делегация приехала в Наманганскую
область") or a capital ("в Ташкенте") does not act: the side stays the country. A city that
is a region of its own acts through its office ("мэр Минска").

A text about one region of a country names that country too ("встреча с делегацией из
Казахстана" in a text on Pavlodar region): a country side that the document's pair gives as
one of its regions meets as that region, unless the sentence names the whole country's
office ("с послом Казахстана") or the event is named after the countries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bilat.actors import region_type
from bilat.actors.gazetteer import CITY_TYPES
from bilat.extract.context import DocContext
from bilat.extract.events.eventrecord import Event
from bilat.model import Mention, Sentence, Token

# Words of an office or a body a region's name goes with: "хоким Самаркандской области",
# "Гомельского облисполкома", "правительство Омской области".
OFFICE_WORDS = frozenset(
    {
        "хоким",
        "аким",
        "губернатор",
        "вице-губернатор",
        "глава",
        "мэр",
        "председатель",
        "представитель",
        "полпред",
        "администрация",
        "правительство",
        "делегация",
        "руководитель",
        "руководство",
        "хокимият",
        "акимат",
        "облисполком",
        "хякимлик",
        "заместитель",
        "министерство",
        "парламент",
    }
)
# How far from its region's name the office may stand: "хокимом Самаркандской области",
# "представителя правительства Киргизии в Таласской области".
OFFICE_REACH = 4
# Events between the people who meet; a forum or an exhibition is held by the countries.
CONTACT_KINDS = frozenset({"visit", "meeting", "negotiations", "signing"})


def with_acting_regions(ctx: DocContext, sentence: Sentence, event: Event) -> Event:
    """The event with each country side that one acting region of it names in the sentence
    replaced by that region."""
    if event.kind not in CONTACT_KINDS:
        return event  # "форум регионов России и Беларуси", where a governor spoke: the countries'
    acting = _acting_regions(ctx, sentence)
    parties = []
    for side in event.parties:
        regions = {r for r in acting if "-" not in side and r.split("-")[0] == side}
        parties.append(regions.pop() if len(regions) == 1 else side)
    if event.source != "name":  # "Форум регионов России и Узбекистана" is the countries'
        national = _national_sides(ctx, sentence)
        parties = [side if side in national else _document_region(ctx, side) for side in parties]
    if tuple(parties) == event.parties or len(set(parties)) < len(parties):
        return event
    return replace(event, parties=tuple(sorted(parties)))


def _acting_regions(ctx: DocContext, sentence: Sentence) -> list[str]:
    tokens = sentence.tokens
    found = []
    for mention in ctx.mentions_between(sentence.start, sentence.stop):
        code = mention.actor.code
        if "-" not in code:
            continue
        first = _first_token(tokens, mention)
        if first is not None and _beside_an_office(tokens, first, mention.stop):
            found.append(code)
    return found


def _first_token(tokens: Sequence[Token], mention: Mention) -> int | None:
    return next((k for k, t in enumerate(tokens) if t.start >= mention.start), None)


def _office_before(tokens: Sequence[Token], first: int, offices: frozenset[str]) -> bool:
    return any(t.lemma in offices for t in tokens[max(0, first - OFFICE_REACH) : first])


def _beside_an_office(tokens: Sequence[Token], first: int, stop: int) -> bool:
    after = [t for t in tokens[first : first + OFFICE_REACH] if t.start >= stop][:1]
    return _office_before(tokens, first, OFFICE_WORDS) or any(
        t.lemma in OFFICE_WORDS for t in after
    )


def _document_region(ctx: DocContext, side: str) -> str:
    """A text on Kostanay region and Chelyabinsk names its sides' countries too ("делегация
    из Казахстана"): a country of the document's pair that the pair gives as one region is
    that region. A capital city is no such region: a visit to Tashkent is to Uzbekistan."""
    if "-" in side:
        return side
    regions = [c for c in ctx.pair if c.startswith(side + "-") and region_type(c) not in CITY_TYPES]
    return regions[0] if len(regions) == 1 else side


# Offices of a whole country: "с правительством России", "президент Казахстана".
NATIONAL_WORDS = frozenset(
    {
        "президент",
        "премьер-министр",
        "премьер",
        "правительство",
        "министр",
        "министерство",
        "мид",
        "посол",
        "посольство",
        "парламент",
        "государство",
        "кабмин",
        "вице-премьер",
    }
)


def _national_sides(ctx: DocContext, sentence: Sentence) -> set[str]:
    """The countries the sentence names beside an office of the whole country."""
    tokens = sentence.tokens
    found = set()
    for mention in ctx.mentions_between(sentence.start, sentence.stop):
        first = _first_token(tokens, mention)
        if "-" in mention.actor.code or first is None:
            continue
        if _office_before(tokens, first, NATIONAL_WORDS):
            found.add(mention.actor.code)
    return found
