"""One figure stated twice in a document (headline and body, lead and quote) is one fact.

Scorers and analysts count facts one to one; a repeated figure would count as an extra.
The first statement is kept, as it is usually the fuller one (the lead), unless a later
one is more confident.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bilat.extract.economy.state import HEADLINE_MAX_CHARS, ROUGH_RATE, YEAR_FROM_PUBLICATION
from bilat.extract.parse.periods import MAX_YEAR, MIN_YEAR, RELATIVE_YEAR_WORDS
from bilat.model import Fact

# Types whose repeated statements are merged here; the others merge in their own modules.
FIGURE_TYPES = {"trade", "change", "share", "volume", "investment"}
# Keys that make two figures the same statement; qualifier and confidence may differ.
SAME_KEYS = ("indicator", "parties", "exporter", "importer", "currency", "whole", "part", "unit")
# Values within this relative distance are one figure rounded two ways ("26 млрд" and
# "26,0 млрд"); the scorer's own tolerance is 1 %.
VALUE_TOLERANCE = 0.005


def deduplicate(facts: Sequence[Fact]) -> list[Fact]:
    kept: list[Fact] = []
    for fact in facts:
        twin = next((i for i, k in enumerate(kept) if _same(k, fact)), None)
        if twin is None:
            kept.append(fact)
        elif _better(fact, kept[twin]):
            kept[twin] = _with_year_of(fact, kept[twin])
    return kept


def _with_year_of(new: Fact, old: Fact) -> Fact:
    """ "Торговля в 2016 году сократилась на треть" and, with no year, "товарооборот
    сократился на 32,1%": the exact statement is kept, with the year the rough one told."""
    period = new.get("period") or {}
    if period.get("year") is not None or _told_year(old) is None:
        return new
    dated = {**period, "year": _year(old)}
    trace = tuple(t for t in new.trace if t != YEAR_FROM_PUBLICATION)
    return replace(new, fields={**new.fields, "period": dated}, trace=trace)


def _better(new: Fact, old: Fact) -> bool:
    """A statement with its year beats one without ("превысил 26 млрд" in a headline), and
    one that writes its year beats one whose year was read from around it. Of two guesses,
    the later: "превышает 28 млрд" in the body tells the present, where the headline's
    "превысил" could have been last year's."""
    return (
        not _rough(new),
        _told_year(new) is not None,
        _states_year(new),
        new.confidence,
        _guessed_year(new),
    ) > (
        not _rough(old),
        _told_year(old) is not None,
        _states_year(old),
        old.confidence,
        _guessed_year(old),
    )


def _guessed_year(fact: Fact) -> int:
    return (_year(fact) or 0) if YEAR_FROM_PUBLICATION in fact.trace else 0


def _year(fact: Fact) -> int | None:
    return (fact.get("period") or {}).get("year")


def _told_year(fact: Fact) -> int | None:
    """The year the text gives a figure, not one guessed from the publication date."""
    return None if YEAR_FROM_PUBLICATION in fact.trace else _year(fact)


def _same(a: Fact, b: Fact) -> bool:
    if a.type != b.type or a.type not in FIGURE_TYPES:
        return False
    if _key(a) != _key(b) or not _same_period(a, b):
        return False
    return _close(a.get("value"), b.get("value")) and (
        _close(a.get("percent"), b.get("percent"))
        or _rounded(a.get("percent"), b.get("percent"))
        or (_rough(a) != _rough(b) and _near(a.get("percent"), b.get("percent")))
    )


def _rough(fact: Fact) -> bool:
    """A rate a headline rounds ("в полтора раза нарастила экспорт"); one told roughly in
    the body is a statement of its own, as analysts count it."""
    return ROUGH_RATE in fact.trace and _in_headline(fact)


def _in_headline(fact: Fact) -> bool:
    text = fact.evidence.text.strip()
    return fact.evidence.start == 0 and len(text) <= HEADLINE_MAX_CHARS and not text.endswith(".")


# "в полтора раза" in a headline and "на 47%" in the body: one change, told roughly once.
ROUGH_SPREAD = 0.2


def _near(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    x, y = float(a), float(b)
    return x * y > 0 and abs(x - y) <= ROUGH_SPREAD * max(abs(x), abs(y)) + 1


def _rounded(a: Any, b: Any) -> bool:
    """ "вырос на 40 процентов" in a headline and "на 40,8%" in the body: one rate, rounded
    to a whole number once."""
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return bool((a.is_integer() or b.is_integer()) and a != b and abs(a - b) < 1 and a * b > 0)


def _same_period(a: Fact, b: Fact) -> bool:
    """Equal periods, or one statement that does not say its period, or one whose year
    was read from around it ("за 9 месяцев превысил 3 млрд" in a headline) beside one
    that states it ("по итогам 9 месяцев прошлого года … 3 млрд")."""
    pa, pb = a.get("period") or {}, b.get("period") or {}
    if pa == pb or _told_year(a) is None or _told_year(b) is None:
        return True
    same_months = pa.get("months") == pb.get("months")
    return same_months and not (_states_year(a) and _states_year(b))


# A year written in the sentence itself: "2024" (in the years every reader takes),
# "прошлого года", "текущем году".
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_RELATIVE_YEAR = re.compile(RELATIVE_YEAR_WORDS, re.IGNORECASE)


def _states_year(fact: Fact) -> bool:
    text = fact.evidence.text
    return any(MIN_YEAR <= int(n) <= MAX_YEAR for n in _FOUR_DIGITS.findall(text)) or bool(
        _RELATIVE_YEAR.search(text)
    )


def _key(fact: Fact) -> str:
    return json.dumps([fact.get(k) for k in SAME_KEYS], sort_keys=True, default=str)


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= VALUE_TOLERANCE * max(abs(float(a)), abs(float(b)))
