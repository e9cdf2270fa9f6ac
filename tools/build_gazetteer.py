"""Compile bilat/actors/data/gazetteer.json from the hand-kept sources and pycountry.

Sources, all in bilat/actors/data/:
  countries.json  short forms, adjectives, abbreviations and cities of countries; every other
                  country name (name, common name, official name) comes from pycountry's Russian
                  translation of ISO 3166-1
  regions.json    first-level regions written by hand (Russian names are mostly missing from
                  pycountry); subdivisions of the covered countries that are not there are added
                  from pycountry's Russian translation of ISO 3166-2 where it has one
  rules.json      names that are also common words, blockers, extra inflections

The result holds every name as a row of lemma keys, so loading it needs no morphology:

    .venv/bin/python tools/build_gazetteer.py           # rewrite gazetteer.json
    .venv/bin/python tools/build_gazetteer.py --check   # exit 1 if gazetteer.json is stale
"""

from __future__ import annotations

import gettext
import json
import re
import sys
from collections import defaultdict
from typing import Any

import pycountry
from razdel import tokenize

from bilat.actors.gazetteer import CITY_TYPES, DATA_DIR, GAZETTEER_FILE, fold
from bilat.nlp.pipeline import _vocab, lemma_of

# Countries whose first-level subdivisions must all be in the gazetteer.
COVERED = (
    "RU",
    "KZ",
    "BY",
    "UZ",
    "KG",
    "TJ",
    "TM",
    "AZ",
    "AM",
    "GE",
    "MD",
    "UA",
    "LV",
    "LT",
    "EE",
    "CN",
    "MN",
    "VN",
    "IR",
    "JP",
    "KR",
    "DE",
    "PL",
    "IT",
)
# pycountry's subdivision types for the entries added automatically (AZ rayons, LV novads,
# EE counties); hand-written entries carry their own type.
PYCOUNTRY_TYPES = {
    "Rayon": "rayon",
    "Municipality": "municipality",
    "State city": "city",
    "County": "county",
    "City": "city",
    "Land": "land",
    "Voivodship": "voivodeship",
}
# When one actor has the same name in two lists, the earlier form is kept.
FORM_ORDER = ("name", "abbreviation", "short", "city", "adjective")
ADJECTIVE_ENDINGS = ("ий", "ый", "ой")
# Letters of a word that decide whether it may inflect a name (see Gazetteer.stems).
STEM = 3
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_STRESS = "\u0301"


def load(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def russian(domain: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ru"])


def clean(name: str | None) -> str | None:
    """A pycountry name usable as a pattern: no stress marks, no '(…)' or 'X, Y' forms."""
    if not name:
        return None
    name = name.replace(_STRESS, "").strip()
    return None if re.search(r"[,(\[]", name) else name


def country_records() -> list[dict[str, Any]]:
    ru = russian("iso3166-1")
    overlay = {row["code"]: row for row in load("countries.json")}
    records = []
    for country in pycountry.countries:
        extra = overlay.get(country.alpha_2, {})
        translated = [
            ru.gettext(getattr(country, attr))
            for attr in ("name", "common_name", "official_name")
            if getattr(country, attr, None)
        ]
        official = ru.gettext(getattr(country, "official_name", "") or country.name)
        display = extra.get("name") or (
            ru.gettext(country.common_name)
            if getattr(country, "common_name", None)
            else translated[0]
        )
        names = [display, *extra.get("names", []), *(clean(n) for n in translated)]
        records.append(
            {
                **extra,
                "code": country.alpha_2,
                "name": display.replace(_STRESS, ""),
                "names": [n for n in names if n],
                "type": "country",
                "kind": "country",
                "country": country.alpha_2,
                "official": official.replace(_STRESS, ""),
            }
        )
    return records


def region_records() -> list[dict[str, Any]]:
    hand = {row["code"]: row for row in load("regions.json")}
    ru = russian("iso3166-2")
    records = []
    for country in COVERED:
        for sub in sorted(pycountry.subdivisions.get(country_code=country), key=lambda s: s.code):
            if sub.parent_code is not None:
                continue
            row = hand.pop(sub.code, None) or auto_region(sub, ru)
            if row is None:
                sys.exit(f"{sub.code} ({sub.name}): no Russian name; add it to regions.json")
            records.append(region(row))
    if hand:
        sys.exit(f"regions.json codes unknown to pycountry: {sorted(hand)}")
    return records


def auto_region(sub: Any, ru: gettext.NullTranslations) -> dict[str, Any] | None:
    name = ru.gettext(sub.name)
    if not _CYRILLIC.search(name):
        return None
    return {"code": sub.code, "name": name, "type": PYCOUNTRY_TYPES.get(sub.type, "region")}


def region(row: dict[str, Any]) -> dict[str, Any]:
    kind = "city" if row["type"] in CITY_TYPES else "region"
    return {
        **row,
        "names": [row["name"], *row.get("names", [])],
        "kind": kind,
        "country": row["code"].split("-")[0],
        "official": row["name"],
    }


def named_forms(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(text, form, normal) for every way the record is named."""
    name = record["name"]
    abbreviations = set(record.get("abbreviations", []))
    rows = [(text, "name", name) for text in record["names"] if text not in abbreviations]
    rows += [(text, "abbreviation", name) for text in record.get("abbreviations", [])]
    rows += [(text, "short", name) for text in record.get("short", [])]
    rows += [(text, "city", text) for text in record.get("cities", [])]
    rows += [(text, "adjective", name) for text in record.get("adjectives", [])]
    return rows


class Keys:
    """Lemma keys of name words, and the inflected forms pymorphy would not lemmatise back."""

    def __init__(self, inflections: dict[str, list[str]]) -> None:
        self.forms: dict[str, set[str]] = defaultdict(set)
        self.inflections = {fold(k): [fold(f) for f in v] for k, v in inflections.items()}
        self.unknown: set[str] = set()
        self.stems: set[str] = set()

    def word(self, word: str) -> str:
        proper = word[:1].isupper()
        word = fold(word)
        if not any(ch.isalpha() for ch in word):
            return word
        canonical, lexeme = self._parse(word)
        if proper and canonical == word:
            # pymorphy often declines a foreign name by the wrong paradigm ("Кахетии",
            # "Куньмине", "Нур-Султана"): the regular endings are added as well.
            lexeme = [*lexeme, *guess_forms(word)]
        for form in [word, canonical, *lexeme, *self.inflections.get(word, [])]:
            form = fold(form)
            if len(form) >= STEM:
                self.stems.add(form[:STEM])
            if form != canonical and fold(lemma_of(form)) != canonical:
                self.forms[form].add(canonical)
        return canonical

    def _parse(self, word: str) -> tuple[str, list[str]]:
        parses = _vocab().parse(word)
        own = [p for p in parses if fold(p.normal_form) == word]
        places = [p for p in own if "Geox" in p.tag]
        if places:
            return word, same_number(places[0])
        adjectives = [p for p in parses if p.tag.POS in ("ADJF", "PRTF")]
        if adjectives:
            return fold(adjectives[0].normal_form), [f.word for f in adjectives[0].lexeme]
        if own:
            return word, same_number(own[0])
        nominative = next((p for p in parses if "nomn" in p.tag), None)
        if nominative is None:
            self.unknown.add(word)
            return word, guess_forms(word)
        return word, same_number(nominative)


def same_number(parse: Any) -> list[str]:
    """The forms of a noun in its own number: "Ливанов" is a surname, not Lebanons."""
    number = parse.tag.number
    return [f.word for f in parse.lexeme if number is None or f.tag.number == number]


def guess_forms(word: str) -> list[str]:
    """Singular case forms of a proper noun by the regular declensions ("Жанаозен",
    "Кахетия", "Хэфэй"); a name that declines otherwise gets its forms in rules.json."""
    endings = {
        "ия": ("ии", "ию", "ией"),
        "ье": ("ья", "ью", "ьем"),
        "а": ("ы", "и", "е", "у", "ой"),
        "я": ("и", "е", "ю", "ей"),
        "й": ("я", "ю", "ем", "е"),
        "ь": ("я", "ю", "ем", "е", "и", "ью"),
    }
    if word[-2:-1] in "аеёиоуыэюя" and word[-1:] in "ая":
        return []  # "Самоа", "Гоа" do not decline; "Самое" is no Samoa
    for ending, forms in endings.items():
        if word.endswith(ending):
            return [word[: -len(ending)] + form for form in forms]
    if word[-1:] in "бвгджзклмнпрстфхцчшщ":
        return [word + form for form in ("а", "у", "ом", "е")]
    return []


def pattern_keys(text: str, form: str, keys: Keys) -> list[str]:
    words = [t.text for t in tokenize(text)]
    if form == "abbreviation":
        return ["=" + w for w in words]
    return [keys.word(w) for w in words]


def compile_patterns(
    records: list[dict[str, Any]], rules: dict[str, Any], keys: Keys
) -> list[list[Any]]:
    best: dict[tuple[str, ...], list[Any]] = {}
    conflicts = []
    rows = [(r["code"], *f) for r in records for f in named_forms(r)]
    rows += [(None, text, "blocker", text) for text in rules["blockers"]]
    for code, text, form, normal in rows:
        key = tuple(pattern_keys(text, form, keys))
        row = [list(key), code, form, normal, rules["ambiguous"].get(text, "")]
        held = best.get(key)
        if held is None or (held[1] == code and FORM_ORDER.index(form) < FORM_ORDER.index(held[2])):
            best[key] = row
        elif held[1] != code:
            conflicts.append(f"{text!r}: {held[1]} ({held[3]}) and {code} ({normal})")
    if conflicts:
        sys.exit("names shared by two actors:\n  " + "\n  ".join(conflicts))
    return sorted(best.values(), key=lambda r: (r[1] or "", r[0]))


def compound_prefixes(records: list[dict[str, Any]]) -> dict[str, str]:
    """'российско' → RU: the first part of 'российско-казахстанский' for every adjective."""
    found: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for adjective in record.get("adjectives", []):
            if "-" not in adjective and adjective.endswith(ADJECTIVE_ENDINGS):
                found[fold(adjective[:-2] + "о")].add(record["code"])
        for prefix in record.get("prefixes", []):
            found[fold(prefix)].add(record["code"])
    shared = sorted(p for p, codes in found.items() if len(codes) > 1)
    if shared:
        print("dropped compound prefixes shared by two actors:", shared, file=sys.stderr)
    return {p: codes.pop() for p, codes in sorted(found.items()) if len(codes) == 1}


def build() -> dict[str, Any]:
    rules = load("rules.json")
    records = country_records() + region_records()
    keys = Keys(rules["inflections"])
    patterns = compile_patterns(records, rules, keys)
    named = {text for r in records for text, _, _ in named_forms(r)}
    stray = sorted(set(rules["ambiguous"]) - named)
    if stray:
        sys.exit(f"rules.json 'ambiguous' names no actor has: {stray}")
    actor_fields = ("code", "name", "kind", "type", "country", "official")
    return {
        "generated_by": "tools/build_gazetteer.py from countries.json, regions.json, "
        "rules.json and pycountry " + pycountry_version() + "; do not edit",
        "actors": [{f: r[f] for f in actor_fields} for r in records],
        "patterns": patterns,
        "prefixes": compound_prefixes(records),
        "forms": {f: sorted(c) for f, c in sorted(keys.forms.items())},
        "stem": STEM,
        "stems": sorted(keys.stems),
        "prepositions": rules["prepositions"],
        "dedications": rules["dedications"],
        "unknown_words": sorted(keys.unknown),
    }


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def render(data: dict[str, Any]) -> str:
    """One actor, pattern or form a line, so a change to the sources reads as a small diff."""
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value and not isinstance(value[0], str):
            body = ",\n".join("  " + json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"{json.dumps(key)}: [\n{body}\n]")
        elif isinstance(value, dict):
            body = ",\n".join(
                f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                for k, v in value.items()
            )
            parts.append(f"{json.dumps(key)}: {{\n{body}\n}}")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str]) -> int:
    text = render(build())
    if "--check" in argv:
        stale = GAZETTEER_FILE.read_text(encoding="utf-8") != text
        print(f"{GAZETTEER_FILE} is {'stale' if stale else 'up to date'}")
        return int(stale)
    GAZETTEER_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {GAZETTEER_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
