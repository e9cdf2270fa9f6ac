"""Which pairs and parties an event or a quote concerns, beyond the parties written on it.

The extractor writes a forum "России и Казахстана" with parties RU and KZ; held in Уфа, it
concerns Башкортостан and Казахстан too. A quote by the head of Башкортостан that names
Казахстан concerns that pair, though a quote carries no parties at all. So an event
reaches the parties it names, the region it was held in (``location``) and the regions
its participants represent; a quote reaches its speaker's country and region and every
actor named in its sentence. A person's region comes from the person facts of the
documents read, merged across them (``people.merge``): "Хабиров" in one article is the
"Глава Башкортостана Радий Хабиров" of another.

A region counts for its country: an event of Актюбинская область (KZ-15) and
Башкортостан reaches the pair Казахстан–Башкортостан as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from bilat.actors import region_type
from bilat.kb.claims import Claim, claims, every_fact
from bilat.kb.people import Person, find, merge
from bilat.kb.state import reading
from bilat.store import Store
from bilat.store.schema import documents, facts, mentions

REACHING_TYPES = ("event", "quote")  # the types whose reach goes beyond their parties
CONTEXT_TYPES = (*REACHING_TYPES, "person")  # what is read from the documents found
# Newest documents read for one pair or party: a country (RU) is named in nearly every
# document, and a dossier lists the newest events first anyway. 2,000 documents hold
# about 20,000 events, quotes and person facts, read in well under a second.
MAX_DOCUMENTS = 2000
BATCH = 500  # document ids in one IN list
ROUTE_DASHES = frozenset("-–—−")  # "Баку – Тбилиси – Джейхан": cities a route runs through
CITY_TYPES = frozenset({"city", "federal_city"})  # regions that are a city: Баку, Москва


@dataclass(frozen=True)
class Named:
    """An actor named in a document: where, which, and how (name, city, adjective …)."""

    start: int
    stop: int
    code: str
    form: str


@dataclass(frozen=True)
class Reached:
    """A claim and every code it concerns."""

    claim: Claim
    codes: frozenset[str]


def within(code: str, side: str) -> bool:
    """Whether ``code`` is ``side`` or one of its regions (KZ-15 within KZ)."""
    return code == side or ("-" not in side and code.startswith(side + "-"))


def nested(one: str, other: str) -> bool:
    """A party and itself, or a country and its own region: never a pair."""
    return within(one, other) or within(other, one)


def reaches_pair(codes: Iterable[str], a: str, b: str) -> bool:
    """Two different codes, one within each side."""
    codes = set(codes)
    return any(within(x, a) and within(y, b) and x != y for x in codes for y in codes)


def pair_context(store: Store, a: str, b: str) -> tuple[list[Reached], list[Person]]:
    """Events and quotes that concern the pair, and the people of the documents read."""
    if nested(a, b):
        return [], []  # a country and its own region: every event of the region would do
    reached, persons = _context(store, _documents(store, [a, b]))
    return [r for r in reached if reaches_pair(r.codes, a, b)], persons


def party_context(store: Store, code: str) -> tuple[list[Reached], list[Person]]:
    """Events and quotes that concern a party, and the people of the documents read."""
    reached, persons = _context(store, _documents(store, [code]))
    return [r for r in reached if any(within(c, code) for c in r.codes)], persons


def tied(person: Person, code: str) -> bool:
    """Whether a person stands for the party, as ``bilat people --party`` reads it."""
    return code in person.countries or code in person.regions


def _documents(store: Store, sides: Sequence[str]) -> list[str]:
    """The newest documents naming every side (or a region of it)."""
    query = select(documents.c.id)
    for side in sides:
        named = select(mentions.c.doc_id).where(_code_within(side))
        query = query.where(documents.c.id.in_(named))
    query = query.order_by(documents.c.date.desc().nulls_last(), documents.c.id)
    with reading(store, "find the documents of a pair") as conn:
        return list(conn.execute(query.limit(MAX_DOCUMENTS)).scalars())


def _code_within(side: str) -> ColumnElement[bool]:
    if "-" in side:
        return mentions.c.code == side
    return or_(mentions.c.code == side, mentions.c.code.startswith(side + "-"))


def _context(store: Store, doc_ids: Sequence[str]) -> tuple[list[Reached], list[Person]]:
    found: list[Claim] = []
    for i in range(0, len(doc_ids), BATCH):
        where = [facts.c.doc_id.in_(doc_ids[i : i + BATCH]), facts.c.type.in_(CONTEXT_TYPES)]
        found.extend(claims(store, every_fact(store, where)))
    persons = merge((c.fact.doc_id, c.fields) for c in found if c.type == "person")
    named = _mentions(store, doc_ids)
    reached = [
        Reached(c, frozenset(_codes(c, persons, named.get(c.fact.doc_id, []))))
        for c in found
        if c.type in REACHING_TYPES
    ]
    return reached, persons


def _mentions(store: Store, doc_ids: Sequence[str]) -> dict[str, list[Named]]:
    """Every actor named, by document, in text order."""
    found: dict[str, list[Named]] = {}
    with reading(store, "read the actors named") as conn:
        for i in range(0, len(doc_ids), BATCH):
            query = select(
                mentions.c.doc_id,
                mentions.c.start,
                mentions.c.stop,
                mentions.c.code,
                mentions.c.form,
            ).where(mentions.c.doc_id.in_(doc_ids[i : i + BATCH]))
            for doc_id, start, stop, code, form in conn.execute(query):
                found.setdefault(doc_id, []).append(Named(start, stop, code, form))
    return {doc_id: sorted(named, key=lambda n: n.start) for doc_id, named in found.items()}


def _codes(claim: Claim, persons: Sequence[Person], named: Sequence[Named]) -> set[str]:
    codes = set(claim.parties)
    if claim.type == "event":
        codes.add(str(claim.get("location") or ""))
        for participant in _mappings(claim.get("participants")):
            codes.update(_regions(participant, persons))
    else:  # a quote: who speaks, and whom the sentence names
        speaker = claim.get("speaker")
        if isinstance(speaker, Mapping):
            codes.add(str(speaker.get("country") or ""))
            codes.update(_regions(speaker, persons))
        codes.update(n.code for n in _concerned(claim, named))
    codes.discard("")
    return codes


def _concerned(claim: Claim, named: Sequence[Named]) -> list[Named]:
    """The actors a quote's sentence names as such: not a word of its speaker's title
    ("представитель … по Антарктике"), not the cities of a route ("трубопровод Баку –
    Тбилиси – Джейхан"), which name where a pipe runs, not who cooperates."""
    evidence = claim.fact.evidence
    inside = [n for n in named if evidence.start <= n.start < evidence.end]
    title = _title_span(claim)
    route = _route(inside, evidence.text, evidence.start)
    return [n for n in inside if n not in route and not (title and title[0] <= n.start < title[1])]


def _title_span(claim: Claim) -> tuple[int, int] | None:
    """Where the speaker's role stands in the document, if the sentence holds it."""
    speaker = claim.get("speaker")
    role = str(speaker.get("role") or "") if isinstance(speaker, Mapping) else ""
    evidence = claim.fact.evidence
    at = evidence.text.lower().find(role.lower()) if role else -1
    return None if at < 0 else (evidence.start + at, evidence.start + at + len(role))


def _route(named: Sequence[Named], text: str, offset: int) -> set[Named]:
    """Cities joined by dashes, each next to another: the stops of a route. Countries so
    joined ("Россия – Казахстан") are a pair, as headlines write one."""
    found: set[Named] = set()
    for one, two in pairwise(named):
        gap = text[one.stop - offset : two.start - offset].strip()
        if _city(one) and _city(two) and gap and set(gap) <= ROUTE_DASHES:
            found |= {one, two}
    return found


def _city(named: Named) -> bool:
    """A city, or a city that is a region of its own (Баку, AZ-BA; Москва, RU-MOW)."""
    return named.form == "city" or region_type(named.code) in CITY_TYPES


def _regions(person: Mapping[str, Any], persons: Sequence[Person]) -> tuple[str, ...]:
    """The regions a participant or speaker represents, as the person facts state them."""
    found = find(persons, str(person.get("name") or ""))
    return found.regions if found else ()


def _mappings(value: Any) -> list[Mapping[str, Any]]:
    return [v for v in value or [] if isinstance(v, Mapping)]
