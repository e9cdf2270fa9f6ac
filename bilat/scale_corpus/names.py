"""The gazetteer's countries and regions in the two cases the templates need.

Case forms come from the shape of the name ("…ская область", "…ий край", "Республика …",
"…ия", a final consonant), not from a morphology model: the generator stays fast and
gives the same text on every machine. A name whose forms the gazetteer does not read
back as the same actor is left out, so every generated pair is one bilat can recognise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bilat.actors import actor_by_name, all_actors


@dataclass(frozen=True)
class Name:
    """An actor's code with its name in the genitive and instrumental cases."""

    code: str
    genitive: str  # "Новосибирской области"
    instrumental: str  # "Новосибирской областью"


# (ending of the nominative, genitive ending, instrumental ending), longest first.
_ENDINGS = (
    ("ая область", "ой области", "ой областью"),
    ("ий край", "ого края", "им краем"),
    ("ая Республика", "ой Республики", "ой Республикой"),
    ("ия", "ии", "ией"),
    ("ай", "ая", "аем"),
)
_REPUBLIC = "Республика "
_CONSONANTS = set("бвгджзклмнпрстфхцчшщ")

# Partner countries the generated news is about: Russia's neighbours and main partners,
# whose names the rules above inflect.
COUNTRIES = (
    "RU", "KZ", "CN", "BY", "UZ", "KG", "TJ", "AM", "AZ", "MN", "TR", "IN", "IR", "VN",
    "DE", "IT", "EG", "PK", "SY", "GE",
)  # fmt: skip
# Regions by the country they belong to: Russia's, and its neighbours' that Russian news
# names in cross-border trade.
REGION_COUNTRIES = ("RU", "KZ", "BY")


def inflect(name: str) -> tuple[str, str] | None:
    """(genitive, instrumental) of a nominative name, or None for a shape not covered."""
    if name.startswith(_REPUBLIC) and name.count(" ") == 1:
        rest = name[len(_REPUBLIC) :]
        return f"Республики {rest}", f"Республикой {rest}"
    for ending, genitive, instrumental in _ENDINGS:
        if name.endswith(ending) and name.count(" ") == ending.count(" "):
            stem = name[: -len(ending)]
            return stem + genitive, stem + instrumental
    if " " not in name and name[-1:] in _CONSONANTS:
        return name + "а", name + "ом"
    return None


def _read_back(code: str, form: str) -> bool:
    found = actor_by_name(form)
    return found is not None and found.code == code


@cache
def names() -> tuple[Name, ...]:
    """Every country and region the generator may pair, in the gazetteer's order."""
    found: list[Name] = []
    for actor in all_actors():
        wanted = actor.code in COUNTRIES or (
            actor.kind == "region" and actor.country in REGION_COUNTRIES
        )
        forms = inflect(actor.name) if wanted else None
        if forms and all(_read_back(actor.code, form) for form in forms):
            found.append(Name(actor.code, *forms))
    return tuple(found)


def countries() -> tuple[Name, ...]:
    return tuple(n for n in names() if "-" not in n.code)


def regions() -> tuple[Name, ...]:
    return tuple(n for n in names() if "-" in n.code)
