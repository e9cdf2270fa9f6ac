"""Questions in English: the words ``question`` reads, and the names of actors and people.

Countries come by their English names from pycountry ("Kazakhstan", "Russian Federation")
and a few everyday ones pycountry lacks ("Russia", "Turkey"); regions, cities and people by
transliteration into Cyrillic, then the gazetteer or the people list as for a Russian
question: "Bashkortostan" → "Башкортостан" → RU-BA, "Kostanay" → "Костанай" → KZ-39,
"Arman Shakkaliev" → "Арман Шаккалиев". Only a capitalised word is transliterated, so
"trade" never turns into a place.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from bilat.actors import actor_by_name
from bilat.actors.gazetteer import gazetteer

# Question words by the kind of fact they ask for, as question.TYPE_WORDS, in the forms a
# question uses them (English has too little inflection to need lemmas here).
TYPE_WORDS = {
    "change": {
        "grow",
        "grew",
        "grown",
        "growth",
        "increase",
        "increased",
        "rise",
        "rose",
        "fall",
        "fell",
        "decline",
        "declined",
        "decrease",
        "decreased",
        "change",
        "changed",
        "dynamics",
    },
    "share": {"share"},
    "event": {
        "event",
        "events",
        "forum",
        "forums",
        "meeting",
        "meetings",
        "visit",
        "visits",
        "talks",
        "conference",
        "summit",
        "exhibition",
    },
    "agreement": {"agreement", "agreements", "memorandum", "treaty", "roadmap", "signed", "sign"},
    "project": {"project", "projects", "plant", "factory", "enterprise"},
    "investment": {"investment", "investments", "invest", "invested"},
    "quote": {"say", "said", "quote", "quotes", "statement"},
    "volume": {"tonnes", "tons", "cargo", "freight"},
}
INDICATORS = {
    "trade": "turnover",
    "turnover": "turnover",
    "export": "export",
    "exports": "export",
    "exported": "export",
    "import": "import",
    "imports": "import",
    "imported": "import",
}
ORIGIN = {"from"}  # "imports from China": the exporter follows
DESTINATION = {"to", "into"}  # "exports to China": the importer follows
TARGET_WORDS = {"target", "targets", "goal", "goals", "aim", "plan", "plans", "planned"}
FORECAST_WORDS = {"forecast", "forecasts", "expected", "expect", "projected"}
# Everyday names pycountry spells otherwise ("Russian Federation", "Türkiye").
ALIASES = {
    "russia": "RU",
    "turkey": "TR",
    "iran": "IR",
    "south korea": "KR",
    "north korea": "KP",
    "vietnam": "VN",
    "syria": "SY",
    "moldova": "MD",
    "laos": "LA",
    "uk": "GB",
    "usa": "US",
    "america": "US",
    "britain": "GB",
    "great britain": "GB",
    "czech republic": "CZ",
    "tanzania": "TZ",
    "bolivia": "BO",
    "venezuela": "VE",
    "taiwan": "TW",
}
# Latin letters in Cyrillic, longest first; "y" is "й" after a vowel and "ы" elsewhere.
LETTERS = (
    ("shch", "щ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ya", "я"),
    ("yu", "ю"),
    ("yo", "ё"),
    ("ye", "е"),
    ("a", "а"),
    ("b", "б"),
    ("c", "к"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "х"),
    ("i", "и"),
    ("j", "дж"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "к"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("w", "в"),
    ("x", "кс"),
    ("z", "з"),
)
VOWELS = frozenset("аеёиоуыэюя")
ENDINGS = (("ia", "ия"), ("iy", "ий"))  # "Bashkiria" → "Башкирия"

_LATIN = re.compile(r"[A-Za-z]")


def is_latin(text: str) -> bool:
    return bool(_LATIN.search(text))


def actor(name: str) -> str | None:
    """The ISO code an English name stands for: a country's English name, else a
    capitalised name transliterated and looked up in the gazetteer."""
    key = " ".join(name.lower().split())
    if key in _countries():
        return _countries()[key]
    if not name[:1].isupper():
        return None
    found = actor_by_name(cyrillic(name))
    return found.code if found else None


def cyrillic(text: str) -> str:
    """A Latin-script name in Cyrillic letters: "Shakkaliev" → "Шаккалиев"."""
    return " ".join(_word(w) for w in text.split())


def _word(word: str) -> str:
    low, out = word.lower(), ""
    for ending, letters in ENDINGS:
        if low.endswith(ending):
            return _word(word[: -len(ending)]) + letters
    i = 0
    while i < len(low):
        if low[i] == "y" and (i + 1 == len(low) or low[i + 1] not in "aueo"):
            out += "й" if out and out[-1] in VOWELS else "ы"
            i += 1
            continue
        latin, letters = next(
            ((a, c) for a, c in LETTERS if low.startswith(a, i)), (low[i], low[i])
        )
        out += letters
        i += len(latin)
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


@cache
def _countries() -> dict[str, str]:
    """English names of the gazetteer's countries, lower case."""
    found = dict(ALIASES)
    for code, known in gazetteer().actors.items():
        country = pycountry.countries.get(alpha_2=code) if known.kind == "country" else None
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None) if country else None
            if name:
                found.setdefault(name.lower(), code)
    return found
