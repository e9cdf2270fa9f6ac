"""People across documents: "Радий Хабиров" in one article, "Р. Хабиров", "Радий Фаритович
Хабиров" or "Хабиров" in another are one person, with every role, country and document they
were named in.

Within a document the extractor has already merged mentions (``aliases``); here person
facts of many documents are merged by the full name: surname and first name, and the
patronymic where one is known. A shorter form joins a fuller one only when nothing
contradicts it and it fits no one else: "Р. Хабиров" joins the one Хабиров whose first name
starts with "Р", a bare "Хабиров" the one person of that surname. Two people who share a
surname ("Иван Петров", "Игорь Петров") or a first name stay apart, and a first name alone
("Иван") never joins anyone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilat.extract.parse.textforms import is_patronymic
from bilat.schemas import Fields
from bilat.store import Store

# More person facts than this are not read at once: a corpus of 20,000 documents names
# about as many people, and the merge runs in memory.
MAX_PERSON_FACTS = 200_000
# "Р.Ф. Хабиров", "Р Ф Хабиров": initials are one or two capitals.
MAX_INITIALS = 2


@dataclass(frozen=True)
class Name:
    """A name folded for matching; a part is a full word, an initial ("р") or unknown ("")."""

    surname: str
    first: str = ""
    patronymic: str = ""

    def fits(self, other: Name) -> bool:
        """Nothing in the two names contradicts: one surname, and first names and
        patronymics equal, one the other's initial, or unknown in one of them."""
        return (
            self.surname == other.surname
            and _agree(self.first, other.first)
            and _agree(self.patronymic, other.patronymic)
        )

    def fuller(self, other: Name) -> Name:
        """This name completed by what ``other`` (which fits it) knows more."""
        return Name(
            self.surname,
            _longer(self.first, other.first),
            _longer(self.patronymic, other.patronymic),
        )

    def rank(self) -> tuple[int, ...]:
        """Fuller names first: they are the people shorter forms may join."""
        return (
            -(len(self.first) > 1),
            -(len(self.patronymic) > 1),
            -bool(self.first),
            -bool(self.patronymic),
        )


def _agree(one: str, two: str) -> bool:
    if not one or not two:
        return True
    if len(one) > 1 and len(two) > 1:
        return one == two
    return one[0] == two[0]


def _longer(one: str, two: str) -> str:
    return two if len(two) > len(one) else one


@dataclass(frozen=True)
class Person:
    name: str  # the fullest form of the name seen
    roles: tuple[str, ...]  # most often stated first
    countries: tuple[str, ...]
    regions: tuple[str, ...]
    aliases: tuple[str, ...]
    documents: tuple[str, ...]  # ids of the documents that name the person
    key: Name = field(default=Name(""), compare=False)  # what the merge matched on

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "roles": list(self.roles),
            "countries": list(self.countries),
            "regions": list(self.regions),
            "aliases": list(self.aliases),
            "documents": list(self.documents),
        }


def people(store: Store, party: str | None = None) -> list[Person]:
    """Everyone named in the store (or tied to ``party``), most documented first."""
    rows = [(f.doc_id, f.fields) for f in store.facts(type="person", limit=MAX_PERSON_FACTS)]
    merged = merge(rows)
    if party:
        merged = [p for p in merged if party in p.countries or party in p.regions]
    return merged


Row = tuple[str, Mapping[str, Any]]


@dataclass
class _Group:
    key: Name
    exact: bool  # a name that fits several people: it takes only the very same name
    members: list[Row]


def merge(rows: Iterable[Row]) -> list[Person]:
    """Person facts of many documents merged by the full name, fullest names first."""
    keyed = [(name_of(fields), (doc_id, fields)) for doc_id, fields in rows]
    groups: list[_Group] = []
    alone: list[Person] = []
    for name, row in sorted(keyed, key=lambda item: item[0].rank()):
        if name.surname:
            _place(groups, name, row)
        elif name.first:  # a first name alone: this document's person, no one else's
            alone.append(_person([row], name))
    found = [_person(g.members, g.key) for g in groups] + alone
    return sorted(found, key=lambda p: (-len(p.documents), p.name))


def _place(groups: list[_Group], name: Name, row: Row) -> None:
    """Put a row into the one person its name fits, else beside the same ambiguous name,
    else into a person of its own."""
    fitting = [g for g in groups if not g.exact and g.key.fits(name)]
    if len(fitting) == 1:
        fitting[0].key = fitting[0].key.fuller(name)
        fitting[0].members.append(row)
        return
    same = next((g for g in groups if g.exact and g.key == name), None)
    if same is not None:
        same.members.append(row)
    else:
        groups.append(_Group(name, exact=len(fitting) > 1, members=[row]))


def find(persons: Iterable[Person], name: str) -> Person | None:
    """The merged person a name stands for ("Радий Хабиров", "Р. Хабиров", "Хабиров"): the
    one person it fits, else the one merged under this very name; None where it is unclear."""
    key = name_of({"name": name})
    if not key.surname:
        return None
    fitting = [p for p in persons if p.key.fits(key)]
    if len(fitting) > 1:
        fitting = [p for p in fitting if p.key == key]
    return fitting[0] if len(fitting) == 1 else None


def name_of(fields: Mapping[str, Any]) -> Name:
    """The folded name of a person fact: its surname and first name as the extractor split
    them (else the last and first words), initials read as initials, and a patronymic from
    the fact or the words between."""
    view = Fields.of(fields)
    words = str(view.name or "").split()
    if len(words) > 1 and _initials(words[-1]) and not _initials(words[0]):
        words = [words[-1], *words[1:-1], words[0]]  # "Хабиров Р.Ф."
    # a fact stored before the extractor split names has no "surname" key at all
    surname = view.surname if "surname" in fields else (words[-1] if words else "")
    first = str(view.first_name or (words[0] if len(words) > 1 else ""))
    initials = _initials(first)
    if initials:
        return Name(_fold(surname), initials[0], initials[1:])
    rest = [w for w in words if w not in (first, surname)]
    patronymic = view.patronymic or next((w for w in rest if is_patronymic(w) or _initials(w)), "")
    return Name(_fold(surname), _fold(first), _initials(patronymic) or _fold(patronymic))


def _initials(word: str) -> str:
    """ "р" of "Р." or "Р" (the extractor drops the dots), "рф" of "Р.Ф."; "" for a word
    that is no initials."""
    parts = [p for p in word.split(".") if p]
    if not 0 < len(parts) <= MAX_INITIALS or ("." not in word and len(word) > 1):
        return ""
    if not all(len(p) == 1 and p.isupper() for p in parts):
        return ""
    return _fold("".join(parts))


def _fold(word: Any) -> str:
    return str(word or "").lower().replace("ё", "е").strip(".")


def _person(members: Sequence[Row], key: Name) -> Person:
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
        key=key,
    )


def _distinct(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in values if v))
