"""One fact from many documents: claims with the same key and compatible values.

The key is what a fact is about (type, indicator, parties, direction, period, status,
currency …); claims under one key whose value ranges meet (see ``values``) are one
consolidated fact with all their sources, counted by independent source (reprint
groups, not documents). Claims under one key whose values cannot both be true are rival
consolidated facts: a contradiction, shown side by side, unless a person settled it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol, TypeVar

from bilat.kb.claims import Claim
from bilat.kb.values import PERCENT_TYPES, Range, measured, meet, value_range
from bilat.schemas import Fields

# What makes two claims about the same thing, by fact type. "parties" means the sorted
# sides, "year"/"months" the period (or the date's year for events and agreements),
# "in_month" the one month a figure is for.
KEY_FIELDS: Mapping[str, tuple[str, ...]] = {
    "trade": (
        "indicator",
        "parties",
        "exporter",
        "importer",
        "year",
        "months",
        "in_month",
        "status",
        "currency",
    ),
    "change": (
        "indicator",
        "parties",
        "exporter",
        "importer",
        "year",
        "months",
        "in_month",
        "base",
    ),
    "share": ("indicator", "whole", "part", "year", "months", "in_month"),
    "volume": ("indicator", "unit", "parties", "route", "year", "months", "status"),
    "investment": ("parties", "currency", "project", "status", "year"),
    "event": ("kind", "parties", "month"),
    "agreement": ("kind", "parties", "month"),
    "project": ("sector", "location", "parties"),
    "quote": ("speaker", "words"),
}
# Types whose rival values are a contradiction. Events, projects and the like have no
# single value that two outlets could disagree on.
VALUE_TYPES = frozenset({"trade", "change", "share", "volume", "investment"})
# Statuses whose figures must agree: two targets for one year are a goal revised, not a
# contradiction.
ACTUAL_STATUSES = frozenset({"actual", None})
# Types whose key ends in a date that a source may leave out: "дорожную карту подписали в
# прошлом году" and "дорожная карта на 2023–2024 годы" are one roadmap, dated by one source.
DATED_TYPES = frozenset({"event", "agreement"})
QUOTE_KEY_WORDS = 12  # the first words of a quote identify it across outlets' punctuation
QUALIFIER_RANK = {"exact": 0, None: 1, "approx": 2, "over": 3, "under": 3}

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Consolidated:
    id: str  # key hash and the rank of this value among rivals: "3f2a9c0d1e7b-1"
    key: str
    type: str
    fields: Mapping[str, Any]  # the best-vouched claim's fields
    value: float | None  # its value (or percent)
    range: Range | None  # what all its sources allow together
    claims: tuple[Claim, ...]
    independent: int  # distinct reprint groups among the sources
    standing: str  # confirmed | agreed | disputed | overruled
    curated: bool  # a person confirmed or corrected one of its claims
    rivals: tuple[str, ...] = ()  # ids of consolidated facts under the same key

    @cached_property  # read many times by checks and series
    def view(self) -> Fields:
        """The fields, typed: ``item.view.qualifier``."""
        return Fields.of(self.fields)

    @property
    def year(self) -> int | None:
        return self.claims[0].year

    @property
    def months(self) -> int | None:
        return self.claims[0].months

    @property
    def parties(self) -> list[str]:
        return self.claims[0].parties

    @property
    def n_claims(self) -> int:
        return len(self.claims)

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.claims)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "type": self.type,
            "fields": dict(self.fields),
            "value": self.value,
            "range": list(self.range) if self.range else None,
            "standing": self.standing,
            "curated": self.curated,
            "n_sources": len(self.claims),
            "independent": self.independent,
            "rivals": list(self.rivals),
            "sources": [c.source_json() for c in self.claims],
        }


class Settled(Protocol):
    """A consolidated fact as a view ranks, picks and tells it: ``Consolidated`` made on the
    read, or ``kb.kept.Kept`` read from the knowledge base's rows."""

    @property
    def id(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def fields(self) -> Mapping[str, Any]: ...
    @property
    def value(self) -> float | None: ...
    @property
    def year(self) -> int | None: ...
    @property
    def months(self) -> int | None: ...
    @property
    def parties(self) -> list[str]: ...
    @property
    def n_claims(self) -> int: ...
    @property
    def claim_ids(self) -> tuple[str, ...]: ...
    @property
    def independent(self) -> int: ...
    @property
    def standing(self) -> str: ...
    @property
    def curated(self) -> bool: ...
    @property
    def rivals(self) -> tuple[str, ...]: ...
    @property
    def view(self) -> Fields: ...
    def to_json(self) -> dict[str, Any]: ...


S = TypeVar("S", bound=Settled)


def key_of(claim: Claim) -> tuple[Any, ...]:
    """What the claim is about; claims with equal keys state the same quantity."""
    names = KEY_FIELDS.get(claim.type)
    if names is None:
        return (claim.type, claim.id)  # an unknown type is never merged
    return (claim.type, *(_key_part(claim, name) for name in names))


def _key_part(claim: Claim, name: str) -> Any:
    if name == "parties":
        return tuple(claim.parties)
    if name == "year":
        return claim.year
    if name == "months":
        return claim.months
    if name == "in_month":  # "в октябре …": one month, not the year nor its first months
        return claim.view.month
    if name == "month":  # events: "2024-11-05" and "2024-11" are one event
        date = claim.view.date
        return date[:7] if isinstance(date, str) else claim.year
    if name == "speaker":
        speaker = claim.view.speaker
        return (speaker.get("name") if isinstance(speaker, Mapping) else speaker) or ""
    if name == "words":
        return " ".join(_WORD.findall(str(claim.view.text or "").lower())[:QUOTE_KEY_WORDS])
    value = claim.get(name)
    return tuple(value) if isinstance(value, list) else value


def key_hash(key: tuple[Any, ...]) -> str:
    return hashlib.sha256(repr(key).encode("utf-8")).hexdigest()[:12]


def consolidate(claims: Iterable[Claim]) -> list[Consolidated]:
    """Consolidated facts, most independent sources first."""
    by_key: dict[tuple[Any, ...], list[Claim]] = {}
    for claim in claims:
        by_key.setdefault(key_of(claim), []).append(claim)
    _join_undated(by_key)
    found: list[Consolidated] = []
    for key, members in by_key.items():
        found.extend(_settle(key, members))
    return sorted(found, key=lambda c: (-c.independent, -len(c.claims), c.id))


def _join_undated(by_key: dict[tuple[Any, ...], list[Claim]]) -> None:
    """Undated claims of an event or agreement join its one dated version, where one date
    fits; with two dates to choose from they stay apart rather than guess."""
    dated: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
    for key in by_key:
        if key[0] in DATED_TYPES and key[-1] is not None:
            dated.setdefault(key[:-1], []).append(key)
    for key in [k for k in by_key if k[0] in DATED_TYPES and k[-1] is None]:
        fitting = [k for k in dated.get(key[:-1], []) if _fits(k[-1], by_key[key])]
        if len(fitting) == 1:
            by_key[fitting[0]].extend(by_key.pop(key))


def _fits(month: Any, undated: Sequence[Claim]) -> bool:
    """Whether a date ("2023", "2024-11", 2023) suits the periods the undated claims name:
    a roadmap for 2023–2024 is signed in the year before it starts or during it."""
    year = int(str(month)[:4]) if str(month)[:4].isdigit() else None
    for claim in undated:
        start = claim.view.from_year
        if year is not None and start is not None:
            return start - 1 <= year <= (claim.view.to_year or start)
    return True


def _settle(key: tuple[Any, ...], members: list[Claim]) -> list[Consolidated]:
    type = key[0]
    clusters = _clusters(members, points=type in PERCENT_TYPES)
    hashed = key_hash(key)
    ids = [f"{hashed}-{n}" for n in range(1, len(clusters) + 1)]
    rivalry = len(clusters) > 1 and _contradicts(type, members[0])
    curated = [any(c.curated for c in cluster) for cluster, _ in clusters]
    result = []
    for n, (cluster, allowed) in enumerate(clusters):
        best = _best(cluster)
        standing = _standing(curated[n], any(curated), rivalry)
        rivals = tuple(i for i in ids if i != ids[n]) if rivalry else ()
        fields = best.fields if type in VALUE_TYPES else _completed(best, cluster)
        result.append(
            Consolidated(
                id=ids[n],
                key=hashed,
                type=type,
                fields=fields,
                value=measured(best.view, type),
                range=allowed,
                claims=tuple(_ordered(cluster)),
                independent=len({c.group for c in cluster}),
                standing=standing,
                curated=curated[n],
                rivals=rivals,
            )
        )
    return result


def _standing(curated: bool, any_curated: bool, rivalry: bool) -> str:
    if curated:
        return "confirmed"
    if rivalry:
        return "overruled" if any_curated else "disputed"
    return "agreed"


def _contradicts(type: str, claim: Claim) -> bool:
    """Whether rival values under this key cannot both be true."""
    if type not in VALUE_TYPES or claim.year is None:
        return False  # without a year, two figures may well be for two different years
    return claim.view.status in ACTUAL_STATUSES


def _clusters(members: Sequence[Claim], points: bool) -> list[tuple[list[Claim], Range | None]]:
    """Claims whose ranges share a common value, taken in order of their lower bounds."""
    ranged: list[tuple[Range, Claim]] = []
    unvalued: list[Claim] = []
    for claim in members:
        value = measured(claim.view, claim.type)
        if value is None:
            unvalued.append(claim)
        else:
            ranged.append((value_range(value, claim.view.qualifier, points), claim))
    clusters: list[tuple[list[Claim], Range | None]] = []
    for allowed, claim in sorted(ranged, key=lambda item: item[0]):
        common = meet(clusters[-1][1], allowed) if clusters and clusters[-1][1] else None
        if common is None:
            clusters.append(([claim], allowed))
        else:
            clusters[-1][0].append(claim)
            clusters[-1] = (clusters[-1][0], common)
    if unvalued and clusters:  # a figure-less claim about a quantity joins its best guess
        clusters[0][0].extend(unvalued)
    elif unvalued:  # events, agreements, quotes: one cluster, no value
        clusters.append((unvalued, None))
    return clusters


def _best(cluster: Sequence[Claim]) -> Claim:
    """The claim whose fields stand for the cluster: vouched for, precise, confident."""
    return min(
        cluster,
        key=lambda c: (
            not c.curated,
            c.status != "corrected",
            QUALIFIER_RANK.get(c.view.qualifier, 1),
            -c.fact.confidence,
            c.id,
        ),
    )


def _completed(best: Claim, cluster: Sequence[Claim]) -> dict[str, Any]:
    """The best claim's fields, with what it leaves out taken from the other sources: one
    names a roadmap's period, another the year it was signed. Figures are never mixed:
    value types keep one source's fields whole."""
    fields = dict(best.fields)
    for claim in _ordered(cluster):
        for name, value in claim.fields.items():
            if _empty(fields.get(name)) and not _empty(value):
                fields[name] = value
    return fields


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _ordered(cluster: Sequence[Claim]) -> list[Claim]:
    return sorted(cluster, key=lambda c: (not c.curated, c.fact.doc_date or "", c.id))


def winner(rivals: Sequence[S]) -> S:
    """The value to show for a key: vouched for by a person, else the best-sourced."""
    if len(rivals) == 1:  # most keys: nothing to compare (and no fields to read)
        return rivals[0]
    return min(
        rivals,
        key=lambda c: (
            not c.curated,
            -c.independent,
            -c.n_claims,
            QUALIFIER_RANK.get(c.view.qualifier, 1),
            c.id,
        ),
    )


def by_key(consolidated: Iterable[S]) -> dict[str, list[S]]:
    found: dict[str, list[S]] = {}
    for item in consolidated:
        found.setdefault(item.key, []).append(item)
    return found
