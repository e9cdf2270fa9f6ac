"""The fields of each type of fact, as mypy knows them.

``Fact.fields`` is a plain mapping, JSON-able at the edges. The TypedDicts here say which
keys each type carries and what their values are (the contract of
``shared/eval/README.md``); readers read through the accessors below rather than spelling
keys on the raw mapping, so a misspelt field ("qualifer") fails the type check instead of
quietly reading None (``mapping.get`` takes any key, even on a TypedDict):

    Fields.of(fact.fields).qualifier     # a fact of any type: None where it has no such key
    trade_fields(fact)["currency"]       # one type: TypeError for a fact of another type

A schema is what the extractor writes now; a fact stored by an older bilat may lack a key
added since, so readers of stored facts use ``Fields`` (or ``.get``) for such keys.
"""

# No `from __future__ import annotations`: TypedDict reads NotRequired[...] from the
# evaluated annotations, and tests read the schemas at run time.
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NotRequired, Protocol, Self, TypedDict, cast


class Period(TypedDict):
    """The year a figure is for, and its months from January for part of a year; or the
    one month it is for ("в октябре товарооборот составил …"), months then left None."""

    year: int | None
    months: int | None
    month: NotRequired[int]


class YearSpan(TypedDict):
    """The years an agreement runs for: "на 2023-2024 годы"."""

    from_year: int
    to_year: int | None


class Someone(TypedDict):
    """A quote's speaker or an event's participant."""

    name: str | None  # None for a quote told by a role alone ("министр сообщил")
    role: str | None
    organization: str | None
    country: str | None


class TradeFields(TypedDict):
    indicator: str  # turnover | export | import
    parties: list[str]  # two ISO codes
    exporter: str | None  # export and import only
    importer: str | None
    value: float  # in the currency's unit
    value_min: NotRequired[float]  # the ends of a range ("от 1 до 1,2 млрд"), whose middle
    value_max: NotRequired[float]  # is the value
    currency: str  # ISO 4217
    qualifier: str  # exact | approx | over | under
    period: Period
    status: str  # actual | target | forecast


class ChangeFields(TypedDict):
    indicator: str
    parties: list[str]
    exporter: str | None
    importer: str | None
    percent: float  # "в 2 раза" → 100, a fall negative
    period: Period
    base: int | str | None  # the year compared with, or "previous_period"


class ShareFields(TypedDict):
    indicator: str
    whole: str  # the party whose total it is, or "A+B" for a pair's
    part: str  # a party, or a label such as "SME"
    percent: float
    qualifier: str


class VolumeFields(TypedDict):
    indicator: str  # cargo, oil, grain …
    value: float
    unit: str  # t, m3, TEU …
    route: str | None
    parties: list[str]
    period: Period
    status: str
    change_percent: NotRequired[float]


class InvestmentFields(TypedDict):
    value: float
    currency: str | None
    parties: list[str]  # investor side, then recipient side, where known
    investor: str | None
    recipient: str | None
    project: str | None
    status: str  # actual | planned
    period: Period


class EventFields(TypedDict):
    kind: str  # forum | meeting | negotiations | visit | signing | conference | other
    format: str | None
    name: str | None
    ordinal: int | None  # "XIX форум" → 19
    parties: list[str]
    place: str | None
    location: str | None  # ISO code of the region it is held in
    date: str | None  # ISO, partial allowed: "2024-11"
    status: str
    participants: list[Someone]


class AgreementFields(TypedDict):
    kind: str  # roadmap | memorandum | treaty | contract …
    name: str | None
    parties: list[str]
    status: str  # signed | planned
    date: str | None
    period: YearSpan | None
    mentions: int


class ProjectFields(TypedDict):
    sector: str | None
    what: str | None  # None when the sentence names the work but not what it makes
    place: str | None
    location: str | None  # ISO code of the region
    partners: list[str]
    status: str  # planned | in_progress | operating
    value: float | None
    currency: str | None
    capacity: str | None


class PersonFields(TypedDict):
    name: str
    role: str | None
    organization: str | None
    country: str | None
    region: str | None
    surname: str | None  # None for a first name alone ("Ермек")
    first_name: str | None
    patronymic: str | None
    roles: list[str]
    aliases: list[str]
    mentions: int


class OrganizationFields(TypedDict):
    name: str
    abbreviation: str | None
    country: str | None
    mentions: int


class QuoteFields(TypedDict):
    speaker: Someone
    text: str
    mode: str
    attributed_by: str


class SectorFields(TypedDict):
    sector: str
    parties: list[str]
    word: str  # the word the sector was read from
    mentions: int


# The schema of each type in bilat.model.FACT_TYPES.
SCHEMAS: Mapping[str, type] = {
    "trade": TradeFields,
    "change": ChangeFields,
    "share": ShareFields,
    "volume": VolumeFields,
    "investment": InvestmentFields,
    "event": EventFields,
    "agreement": AgreementFields,
    "project": ProjectFields,
    "person": PersonFields,
    "organization": OrganizationFields,
    "quote": QuoteFields,
    "sector": SectorFields,
}


@dataclass(frozen=True)
class Fields:
    """The fields of a fact of any type, read by name (``Fields.of(fact.fields).qualifier``):
    every key some type carries, None where this fact has none; a name no type has is a type
    error. For readers that do not fix the fact's type: a row of a table of all types."""

    indicator: str | None = None
    parties: list[str] | None = None
    exporter: str | None = None
    importer: str | None = None
    value: float | None = None
    value_min: float | None = None
    value_max: float | None = None
    currency: str | None = None
    qualifier: str | None = None
    period: Mapping[str, Any] | None = None  # a Period, or an agreement's YearSpan
    status: str | None = None
    percent: float | None = None
    base: int | str | None = None
    whole: str | None = None
    part: str | None = None
    unit: str | None = None
    route: str | None = None
    change_percent: float | None = None
    investor: str | None = None
    recipient: str | None = None
    project: str | None = None
    kind: str | None = None
    format: str | None = None
    name: str | None = None
    ordinal: int | None = None
    place: str | None = None
    location: str | None = None
    date: str | None = None
    participants: list[Someone] | None = None
    mentions: int | None = None
    sector: str | None = None
    what: str | None = None
    partners: list[str] | None = None
    capacity: str | None = None
    role: str | None = None
    organization: str | None = None
    country: str | None = None
    region: str | None = None
    surname: str | None = None
    first_name: str | None = None
    patronymic: str | None = None
    roles: list[str] | None = None
    aliases: list[str] | None = None
    abbreviation: str | None = None
    speaker: Someone | None = None
    text: str | None = None
    mode: str | None = None
    attributed_by: str | None = None
    word: str | None = None

    @classmethod
    def of(cls, fields: Mapping[str, Any]) -> Self:
        # a key no schema has (written by a newer bilat) is left out, not an error
        return cls(**{k: v for k, v in fields.items() if k in _NAMES})

    @property
    def year(self) -> int | None:
        """The year of a figure's period (an agreement's span has from_year instead)."""
        return self._period("year")

    @property
    def months(self) -> int | None:
        return self._period("months")

    @property
    def month(self) -> int | None:
        """The one calendar month a figure is for, when it is for one month alone."""
        return self._period("month")

    @property
    def from_year(self) -> int | None:
        return self._period("from_year")

    @property
    def to_year(self) -> int | None:
        return self._period("to_year")

    def _period(self, key: str) -> int | None:
        period = self.period
        found = period.get(key) if isinstance(period, Mapping) else None
        return found if isinstance(found, int) else None


_NAMES = frozenset(f.name for f in dataclasses.fields(Fields))


class HasFields(Protocol):
    """A fact as any stage holds it: Fact, StoredFact, or the knowledge base's Claim."""

    @property
    def type(self) -> str: ...

    @property
    def fields(self) -> Mapping[str, Any]: ...


def _of(fact: HasFields, type: str) -> Mapping[str, Any]:
    if fact.type != type:  # a caller's mistake, not the data's: it reads the wrong schema
        raise TypeError(f"expected a {type} fact, got a {fact.type} fact")
    return fact.fields


def trade_fields(fact: HasFields) -> TradeFields:
    return cast(TradeFields, _of(fact, "trade"))


def change_fields(fact: HasFields) -> ChangeFields:
    return cast(ChangeFields, _of(fact, "change"))


def share_fields(fact: HasFields) -> ShareFields:
    return cast(ShareFields, _of(fact, "share"))


def volume_fields(fact: HasFields) -> VolumeFields:
    return cast(VolumeFields, _of(fact, "volume"))


def investment_fields(fact: HasFields) -> InvestmentFields:
    return cast(InvestmentFields, _of(fact, "investment"))


def event_fields(fact: HasFields) -> EventFields:
    return cast(EventFields, _of(fact, "event"))


def agreement_fields(fact: HasFields) -> AgreementFields:
    return cast(AgreementFields, _of(fact, "agreement"))


def project_fields(fact: HasFields) -> ProjectFields:
    return cast(ProjectFields, _of(fact, "project"))


def person_fields(fact: HasFields) -> PersonFields:
    return cast(PersonFields, _of(fact, "person"))


def organization_fields(fact: HasFields) -> OrganizationFields:
    return cast(OrganizationFields, _of(fact, "organization"))


def quote_fields(fact: HasFields) -> QuoteFields:
    return cast(QuoteFields, _of(fact, "quote"))


def sector_fields(fact: HasFields) -> SectorFields:
    return cast(SectorFields, _of(fact, "sector"))
