"""Everything the knowledge base knows about one pair of parties, and about one party.

``dossier(store, "KZ", "UZ")``: trade series with sources, growth claims, targets,
shares, events, agreements, projects, people, quotes, contradictions and checks.
``profile(store, "KZ")``: its partners ranked by stated turnover and by events, its people.
A pair's dossier also says where each side stands among the other's partners, and its
trade balance from the first side's view.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bilat.actors import UnknownActorError, actor_by_name, lookup
from bilat.errors import PairError
from bilat.kb import checks as kb_checks
from bilat.kb import kept, scoped, wording
from bilat.kb import official as kb_official
from bilat.kb import timeseries as kb_series
from bilat.kb.claims import Claim, pair_claims
from bilat.kb.consolidate import Consolidated, Settled, consolidate
from bilat.kb.people import Person, find
from bilat.kb.reach import Reached, nested, pair_context, party_context, tied
from bilat.store import Store

OTHER_TYPES = ("share", "volume", "investment", "event", "agreement", "project", "quote")
# Events and quotes an actor page lists, newest first: a country such as RU has thousands;
# the page links to all of them in the facts explorer.
PROFILE_LISTED = 20


def resolve_code(text: str) -> str:
    """An actor's code from a code ("kz", "RU-BA") or a name ("Казахстан", "Башкирии")."""
    try:
        return lookup(text).code
    except UnknownActorError:
        actor = actor_by_name(text) or actor_by_name(text.strip().capitalize())
        if actor is None:
            raise
        return actor.code


def actor_json(code: str) -> dict[str, str]:
    return {"code": code, "name": wording.name(code)}


@dataclass(frozen=True)
class Dossier:
    a: str
    b: str
    consolidated: tuple[Consolidated, ...]
    series: tuple[kb_series.Series, ...]
    contradictions: tuple[kb_checks.Contradiction, ...]
    checks: tuple[kb_checks.Check, ...]
    n_documents: int
    sections: Mapping[str, list[Consolidated]] = field(default_factory=dict)
    people: list[dict[str, Any]] = field(default_factory=list)
    ranks: list[dict[str, Any]] = field(default_factory=list)  # see ``ranks``
    # Each trade figure beside the official one (see ``kb.official``), and the threshold
    # over which a difference is flagged.
    official: tuple[kb_official.Comparison, ...] = ()
    threshold: float = kb_official.DIFFERENCE_THRESHOLD_PERCENT

    def balance(self) -> list[kb_series.Balance]:
        """The first side's exports to and imports from the second, by period, in the
        currency most of the pair's figures are in: what its page and ``bilat dossier`` show."""
        return kb_series.balance(self.series, self.a, self.b, kb_series.main_currency(self.series))

    def to_json(self) -> dict[str, Any]:
        sections = {name: [c.to_json() for c in items] for name, items in self.sections.items()}
        return {
            "pair": [actor_json(self.a), actor_json(self.b)],
            "n_facts": sum(len(c.claims) for c in self.consolidated),
            "n_documents": self.n_documents,
            "series": [s.to_json() for s in self.series],
            "currency": kb_series.main_currency(self.series),
            "balance": [b.to_json() for b in self.balance()],
            "ranks": self.ranks,
            **sections,
            "people": self.people,
            "contradictions": [c.to_json() for c in self.contradictions],
            "checks": [c.to_json() for c in self.checks],
            "official": {
                "threshold": self.threshold,
                "comparisons": [c.to_json() for c in self.official],
            },
        }


def dossier(
    store: Store, a: str, b: str, threshold: float = kb_official.DIFFERENCE_THRESHOLD_PERCENT
) -> Dossier:
    """A pair's dossier; official figures whose news counterpart differs by more than
    ``threshold`` percent are flagged."""
    a, b = resolve_code(a), resolve_code(b)
    if a == b:
        raise PairError(f"a pair needs two different parties: got {a} twice")
    kept.current(store)  # the ranks read the knowledge base's rows
    reached, persons = pair_context(store, a, b)
    built = build(a, b, _with_reached(pair_claims(store, a, b), reached), persons)
    official = kb_official.compare(
        kb_official.news_figures(built.series), kb_official.stored(store, (a, b)), threshold
    )
    return replace(built, ranks=ranks(store, a, b), official=tuple(official), threshold=threshold)


def ranks(store: Store, a: str, b: str) -> list[dict[str, Any]]:
    """Where each side of the pair stands among the other's partners, as its actor page
    ranks them: by latest stated turnover in dollars and by number of facts (its people
    and newest events, the rest of the page, are not needed here)."""
    return [_rank(side, _partners_of(store, side), other) for side, other in ((a, b), (b, a))]


def _partners_of(store: Store, code: str) -> list[dict[str, Any]]:
    """The party's partners as its page ranks them (``_ranked``), from the totals kept per
    scope instead of the party's every fact (thousands for a country): each scope counts
    for each of its parties; then the events that reach further than their parties (a
    place, a participant's region) and those reaching the party from other scopes."""
    reached, _ = party_context(store, code)
    codes = {r.claim.id: r.codes for r in reached}
    partners: dict[str, dict[str, Any]] = {}
    turnovers: dict[str, list[tuple[Sequence[Any], dict[str, Any]]]] = {}
    for total in kept.totals_of_party(store, code):
        for other in (p for p in total.parties if not nested(p, code)):
            entry = partners.setdefault(other, _partner(other))
            entry["n_facts"] += total.n_claims
            entry["n_events"] += total.n_events
            if total.turnover:
                turnovers.setdefault(other, []).append(
                    (total.turnover["lead"], dict(total.turnover))
                )
    for other, found in turnovers.items():
        latest = scoped.latest_turnover(found)
        partners[other]["turnover"] = {k: v for k, v in (latest or {}).items() if k != "lead"}
    events = kept.of_party(store, code, ("event",))
    listed = {i for item in events for i in item.claim_ids}
    for item in kb_checks.winners(events):
        for other in set(_sides(item, codes)) - set(item.parties):
            if not nested(other, code):
                _count_partner(partners.setdefault(other, _partner(other)), item)
    elsewhere = consolidate(r.claim for r in reached if r.claim.id not in listed)
    for fact in kb_checks.winners(elsewhere):
        for other in _sides(fact, codes):
            if not nested(other, code):
                _count_partner(partners.setdefault(other, _partner(other)), fact)
    return sorted(partners.values(), key=lambda p: (-p["n_facts"], p["code"]))


def _rank(code: str, ranked: list[dict[str, Any]], partner: str) -> dict[str, Any]:
    by_facts = [p["code"] for p in ranked]
    by_turnover = [p["code"] for p in _by_turnover(ranked)]
    return {
        "actor": actor_json(code),
        "partner": actor_json(partner),
        "by_turnover": by_turnover.index(partner) + 1 if partner in by_turnover else None,
        "n_with_turnover": len(by_turnover),
        "by_facts": by_facts.index(partner) + 1 if partner in by_facts else None,
        "n_partners": len(by_facts),
    }


def build(a: str, b: str, claims: Sequence[Claim], persons: Sequence[Person] = ()) -> Dossier:
    consolidated = consolidate(claims)
    return Dossier(
        a=a,
        b=b,
        consolidated=tuple(consolidated),
        series=tuple(kb_series.build(consolidated)),
        contradictions=tuple(kb_checks.contradictions(consolidated)),
        checks=tuple(kb_checks.checks(consolidated)),
        n_documents=len({c.fact.doc_id for c in claims}),
        sections=_sections(consolidated),
        people=people(consolidated, persons),
    )


def _with_reached(claims: Sequence[Claim], reached: Iterable[Reached]) -> list[Claim]:
    """The claims of a pair or party, with the events and quotes that reach it."""
    known = {c.id for c in claims}
    return [*claims, *(r.claim for r in reached if r.claim.id not in known)]


def _sections(consolidated: Sequence[Consolidated]) -> dict[str, list[Consolidated]]:
    by_type: dict[str, list[Consolidated]] = {}
    for item in consolidated:
        by_type.setdefault(item.type, []).append(item)
    trade = by_type.get("trade", [])
    return {
        "growth": _newest(by_type.get("change", [])),
        "targets": _newest([t for t in trade if t.view.status in ("target", "forecast")]),
        "shares": _newest(by_type.get("share", [])),
        "volumes": _newest(by_type.get("volume", [])),
        "investments": _newest(by_type.get("investment", [])),
        "events": _by_date(by_type.get("event", [])),
        "agreements": _by_date(by_type.get("agreement", [])),
        "projects": _newest(by_type.get("project", [])),
        "quotes": _by_date(by_type.get("quote", [])),
    }


def _newest(items: Iterable[Consolidated]) -> list[Consolidated]:
    return sorted(
        items, key=lambda c: (-(c.year or 0), -(c.months or 12), bool(c.view.month), c.id)
    )


def when(item: Consolidated) -> str:
    """An ISO date (partial allowed) for a timeline: the fact's date, else its source's."""
    date = item.view.date
    if isinstance(date, str) and date[:4].isdigit():
        return date
    return min((c.fact.doc_date for c in item.claims if c.fact.doc_date), default="") or ""


def _by_date(items: Iterable[Consolidated]) -> list[Consolidated]:
    return sorted(items, key=lambda c: (when(c), c.id), reverse=True)


def people(consolidated: Iterable[Settled], persons: Sequence[Person] = ()) -> list[dict[str, Any]]:
    """People named as event participants or as speakers, with the facts naming them; a
    person's role, country and region completed from the person facts (``persons``)."""
    found: dict[str, dict[str, Any]] = {}
    for item in consolidated:
        for person in _persons(item):
            name = str(person.get("name") or "").strip()
            if not name:
                continue
            known = find(persons, name)
            name = known.name if known else name  # "Хабиров" and "Радий Хабиров": one row
            entry = found.setdefault(name, _person_entry(name, known))
            for key in ("role", "organization", "country"):
                entry[key] = entry[key] or person.get(key)
            entry["facts"].append(item.id)
    return sorted(found.values(), key=lambda p: (-len(p["facts"]), p["name"]))


def _person_entry(name: str, known: Person | None) -> dict[str, Any]:
    return {
        "name": name,
        "role": known.roles[0] if known and known.roles else None,
        "organization": None,
        "country": known.countries[0] if known and known.countries else None,
        "region": known.regions[0] if known and known.regions else None,
        "facts": [],
    }


def _persons(item: Settled) -> list[Mapping[str, Any]]:
    if item.type != "quote" and not item.fields.get("participants"):
        return []  # most facts: no typed view of their fields to make
    speaker = item.view.speaker
    if item.type == "quote" and isinstance(speaker, Mapping):  # stored data: check it
        return [speaker]
    return [p for p in item.view.participants or [] if isinstance(p, Mapping)]


# -- one party ----------------------------------------------------------------------------------


def profile(store: Store, code: str) -> dict[str, Any]:
    """A party's partners (ranked by latest stated turnover and by events), its people, and
    its newest events and quotes: the party's consolidated facts read from the knowledge
    base's rows, and the events and quotes that reach it from other scopes (by place or
    speaker, see ``kb.reach``) consolidated here."""
    kept.current(store)
    return _profile(store, resolve_code(code))


def _profile(store: Store, code: str) -> dict[str, Any]:
    reached, persons = party_context(store, code)
    consolidated = _party_facts(store, code, reached)
    ranked = _ranked(code, consolidated, reached)
    return {
        "actor": actor_json(code),
        "partners": ranked,
        "by_turnover": _by_turnover(ranked),
        "by_events": sorted(
            (p for p in ranked if p["n_events"]), key=lambda p: (-p["n_events"], p["code"])
        ),
        "people": _with_persons(
            people(consolidated, persons), [p for p in persons if tied(p, code)]
        ),
        "n_facts": sum(c.n_claims for c in consolidated),
        **_listed(store, code, consolidated),
    }


def _party_facts(store: Store, code: str, reached: Sequence[Reached]) -> list[Settled]:
    """The party's consolidated facts read from the rows, with those of the events and
    quotes that reach it from other scopes, in ``consolidate``'s order."""
    rows = kept.of_party(store, code)
    listed = {i for item in rows for i in item.claim_ids}
    return sorted(
        [*rows, *consolidate(r.claim for r in reached if r.claim.id not in listed)],
        key=lambda c: (-c.independent, -c.n_claims, c.id),
    )


def _ranked(
    code: str, consolidated: Sequence[Settled], reached: Sequence[Reached]
) -> list[dict[str, Any]]:
    """The party's partners, the most facts first."""
    codes = {r.claim.id: r.codes for r in reached}
    partners: dict[str, dict[str, Any]] = {}
    for item in kb_checks.winners(consolidated):
        for other in _sides(item, codes):
            if not nested(other, code):  # RU and its own RU-BA are no partners
                _count_partner(partners.setdefault(other, _partner(other)), item)
    return sorted(partners.values(), key=lambda p: (-p["n_facts"], p["code"]))


def _by_turnover(ranked: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted((p for p in ranked if p["turnover"]), key=lambda p: -p["turnover"]["value_usd"])


def _listed(store: Store, code: str, consolidated: Sequence[Settled]) -> dict[str, Any]:
    """The newest events and quotes of a party (by their own date; a row read from the
    knowledge base carries no claims to date it by its source), and how many there are."""
    recorded = {k.id: k for k in kept.of_party(store, code, ("event", "quote"), records=True)}
    shown = [recorded.get(c.id, c) for c in consolidated]
    found: dict[str, Any] = {}
    for name, kind in (("events", "event"), ("quotes", "quote")):
        items = sorted(
            (c for c in shown if c.type == kind),
            key=lambda c: (str(c.view.date or ""), c.id),
            reverse=True,
        )
        found[name] = [c.to_json() for c in items[:PROFILE_LISTED]]
        found[f"n_{name}"] = len(items)
    return found


def _sides(item: Settled, reached: Mapping[str, frozenset[str]]) -> list[str]:
    """The parties of a consolidated fact, and every code its events or quotes reach."""
    found = set(item.parties)
    for claim_id in item.claim_ids:
        found |= reached.get(claim_id, frozenset())
    return sorted(found)


def _with_persons(entries: list[dict[str, Any]], persons: Sequence[Person]) -> list[dict[str, Any]]:
    """People of events and quotes first, then the party's other people, most named first."""
    listed = {e["name"] for e in entries}
    return entries + [_person_entry(p.name, p) for p in persons if p.name not in listed]


def _partner(code: str) -> dict[str, Any]:
    return {**actor_json(code), "n_facts": 0, "n_events": 0, "turnover": None}


def _count_partner(entry: dict[str, Any], item: Settled) -> None:
    entry["n_facts"] += item.n_claims
    entry["n_events"] += item.type == "event"
    if not scoped.is_usd_turnover(item):
        return
    known = entry["turnover"]
    newer = (item.year or 0, item.months or 12)  # the latest period; a whole year over a part
    if known is None or newer > (known["year"] or 0, known["months"] or 12):
        entry["turnover"] = scoped.turnover_of(item)


def pair_series(
    store: Store, a: str, b: str, indicator: str | None = None
) -> list[kb_series.Series]:
    """Trade series of a pair (turnover, each direction's flow) from consolidated facts."""
    claims = pair_claims(store, resolve_code(a), resolve_code(b))
    return kb_series.build(consolidate(claims), indicator)
