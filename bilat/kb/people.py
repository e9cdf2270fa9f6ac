"""People across documents: "Радий Хабиров" in one article, "Р. Хабиров" or "Хабиров" in
another are one person, with every role, country and document they were named in.

Within a document the extractor has already merged mentions (``aliases``); here person
facts of many documents are merged by surname and first initial, and a bare surname
joins the one full name that carries it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bilat.store import Store

# More person facts than this are not read at once: a corpus of 20,000 documents names
# about as many people, and the merge runs in memory.
MAX_PERSON_FACTS = 200_000


@dataclass(frozen=True)
class Person:
    name: str  # the fullest form of the name seen
    roles: tuple[str, ...]  # most often stated first
    countries: tuple[str, ...]
    regions: tuple[str, ...]
    aliases: tuple[str, ...]
    documents: tuple[str, ...]  # ids of the documents that name the person

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "roles": list(self.roles), "countries": list(self.countries),
                "regions": list(self.regions), "aliases": list(self.aliases),
                "documents": list(self.documents)}


def people(store: Store, party: str | None = None) -> list[Person]:
    """Everyone named in the store (or tied to ``party``), most documented first."""
    rows = [(f.doc_id, f.fields) for f in store.facts(type="person", limit=MAX_PERSON_FACTS)]
    merged = merge(rows)
    if party:
        merged = [p for p in merged if party in p.countries or party in p.regions]
    return merged


def merge(rows: Iterable[tuple[str, Mapping[str, Any]]]) -> list[Person]:
    groups: dict[tuple[str, str], list[tuple[str, Mapping[str, Any]]]] = {}
    bare: list[tuple[str, Mapping[str, Any]]] = []
    for doc_id, fields in rows:
        surname, initial = _key(fields)
        if not surname:
            continue
        if initial:
            groups.setdefault((surname, initial), []).append((doc_id, fields))
        else:
            bare.append((doc_id, fields))
    for doc_id, fields in bare:
        surname = _key(fields)[0]
        owners = [key for key in groups if key[0] == surname]
        # a bare surname joins a full name only when no two people share that surname
        target = owners[0] if len(owners) == 1 else (surname, "")
        groups.setdefault(target, []).append((doc_id, fields))
    found = [_person(members) for members in groups.values()]
    return sorted(found, key=lambda p: (-len(p.documents), p.name))


def find(persons: Iterable[Person], name: str) -> Person | None:
    """The merged person a name stands for ("Радий Хабиров", "Р. Хабиров", "Хабиров"):
    same surname and first initial; a bare surname only where one person bears it."""
    surname, initial = _key({"name": name})
    if not surname:
        return None
    same = [p for p in persons if _key({"name": p.name})[0] == surname]
    if initial:
        same = [p for p in same if _key({"name": p.name})[1] in (initial, "")]
    return same[0] if len(same) == 1 else None


def _key(fields: Mapping[str, Any]) -> tuple[str, str]:
    name = str(fields.get("name") or "").split()
    surname = str(fields.get("surname") or (name[-1] if name else ""))
    first = str(fields.get("first_name") or (name[0] if len(name) > 1 else ""))
    return _fold(surname), _fold(first)[:1]


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е").strip(".")


def _person(members: list[tuple[str, Mapping[str, Any]]]) -> Person:
    names = [str(f.get("name") or "") for _, f in members]
    roles: dict[str, int] = {}
    for _, fields in members:
        for role in fields.get("roles") or [fields.get("role")]:
            if role:
                roles[str(role)] = roles.get(str(role), 0) + 1
    return Person(
        name=max(names, key=lambda n: (len(n.split()), len(n))),
        roles=tuple(sorted(roles, key=lambda r: (-roles[r], r))),
        countries=_distinct(f.get("country") for _, f in members),
        regions=_distinct(f.get("region") for _, f in members),
        aliases=_distinct(a for _, f in members for a in (f.get("aliases") or [])),
        documents=_distinct(doc_id for doc_id, _ in members),
    )


def _distinct(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in values if v))
