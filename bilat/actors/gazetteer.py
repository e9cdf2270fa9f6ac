"""The compiled gazetteer: actors by ISO code and their names as rows of lemma keys.

``data/gazetteer.json`` is built by ``tools/build_gazetteer.py`` from the hand-kept
``countries.json``, ``regions.json`` and ``rules.json`` and from pycountry; it already holds
every name as lemma keys, so loading it needs no morphology and takes a few tens of ms.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bilat.errors import UnknownActorError
from bilat.model import Actor

DATA_DIR = Path(__file__).parent / "data"
GAZETTEER_FILE = DATA_DIR / "gazetteer.json"

# Region types whose actor is a city (Actor.kind == "city"): Moscow, Astana, Minsk, Beijing …
CITY_TYPES = frozenset({"federal_city", "city"})
# Key of a trie node under which the patterns ending there are kept; no token folds to "".
END = ""
_FOLD = str.maketrans({"–": "-", "—": "-", "−": "-", "‑": "-", "ё": "е", "’": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Pattern:
    """What a row of lemma keys names: an actor (``code``) or nothing (a blocker)."""

    code: str | None
    form: str  # name | short | adjective | city | abbreviation | blocker
    normal: str
    rule: str  # "" | "cap" | "loc": see bilat.actors.matcher
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Gazetteer:
    actors: Mapping[str, Actor]
    types: Mapping[str, str]  # code → republic | krai | oblast | … | country
    official: Mapping[str, str]  # code → official name ("Республика Казахстан")
    trie: Mapping[str, Any]  # key → node; node[END] → Pattern
    prefixes: Mapping[str, str]  # "российско" → "RU"
    forms: Mapping[str, tuple[str, ...]]  # inflected form → lemma keys it stands for
    # First letters of every form of every name word of ``stem`` letters or more: a word
    # starting otherwise inflects no name, so it needs no pymorphy lemma (which is most of
    # the cost of matching); shorter words ("Ош", "и") are their own lemma.
    stem: int
    stems: frozenset[str]
    prepositions: frozenset[str]
    dedications: frozenset[str]  # "улица", "имени": "улица Кирова" is no city


def fold(word: str) -> str:
    """A word as the gazetteer keys it: lower case, ё as е, every dash as '-', ’ as '."""
    return word.lower().translate(_FOLD)


@cache
def gazetteer() -> Gazetteer:
    """Load the compiled gazetteer once per process."""
    data = json.loads(GAZETTEER_FILE.read_text(encoding="utf-8"))
    actors = {
        row["code"]: Actor(
            code=row["code"], name=row["name"], kind=row["kind"], country=row["country"]
        )
        for row in data["actors"]
    }
    return Gazetteer(
        actors=actors,
        types={row["code"]: row["type"] for row in data["actors"]},
        official={row["code"]: row["official"] for row in data["actors"]},
        trie=_trie(data["patterns"]),
        prefixes=data["prefixes"],
        forms={form: tuple(keys) for form, keys in data["forms"].items()},
        stem=data["stem"],
        stems=frozenset(data["stems"]),
        prepositions=frozenset(data["prepositions"]),
        dedications=frozenset(data["dedications"]),
    )


def _trie(rows: list[list[Any]]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for keys, code, form, normal, rule in rows:
        node = root
        for key in keys:
            node = node.setdefault(key, {})
        node[END] = Pattern(code=code, form=form, normal=normal, rule=rule, keys=tuple(keys))
    return root


def lookup(code: str) -> Actor:
    """The actor with this ISO code ('KZ', 'ru-ba'); raises UnknownActorError otherwise."""
    actor = gazetteer().actors.get(code.strip().upper())
    if actor is None:
        raise UnknownActorError(code)
    return actor


def is_actor(code: str) -> bool:
    """Whether ``code`` is exactly an actor's code ("KZ", "RU-BA"): not a label such as "SME"
    nor a total such as "KZ+RU"."""
    return code in gazetteer().actors


def all_actors() -> list[Actor]:
    """Every country and region, ordered by code."""
    return sorted(gazetteer().actors.values(), key=lambda a: a.code)


def region_type(code: str) -> str:
    """'republic', 'krai', 'oblast', 'autonomous_okrug', 'city', 'province' …, or 'country'."""
    return gazetteer().types[lookup(code).code]


def official_name(code: str) -> str:
    """The official name: 'Республика Казахстан' for KZ, 'Красноярский край' for RU-KYA."""
    return gazetteer().official[lookup(code).code]


LEADERS_FILE = DATA_DIR / "leaders.json"


@cache
def _leaders() -> dict[str, str]:
    with LEADERS_FILE.open(encoding="utf-8") as fh:
        table = json.load(fh)
    return {_fold_yo(name): code for name, code in table.items() if not name.startswith("_")}


def _fold_yo(name: str) -> str:
    return name.lower().replace("ё", "е")


def leader_country(surname: str) -> str | None:
    """The country a head of state or government stands for: "Токаев" → KZ."""
    return _leaders().get(_fold_yo(surname))
