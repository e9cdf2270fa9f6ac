"""Reading a question: which parties, which kind of fact, which indicator, which period.

The same tables the extractor reads articles with: the gazetteer for actors, the cue
tables for indicators and status, the period grammar for years and parts of a year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from razdel import tokenize

from bilat.actors import actor_by_name
from bilat.actors.gazetteer import fold, gazetteer
from bilat.extract.economy import cues
from bilat.extract.parse.periods import find_periods
from bilat.kb import english
from bilat.nlp import lemma_of

MAX_NAME_WORDS = 4  # "Восточно-Казахстанская область", "Республика Саха (Якутия)"
# Words that ask for a kind of fact other than a trade figure, by lemma.
TYPE_WORDS = {
    "change": {"измениться", "изменение", "динамика", "темп", *cues.RISE_WORDS, *cues.FALL_WORDS},
    "share": {"доля", "удельный"},
    "event": {
        "событие",
        "форум",
        "встреча",
        "визит",
        "переговоры",
        "конференция",
        "мероприятие",
        "саммит",
        "выставка",
    },
    "agreement": {
        "соглашение",
        "меморандум",
        "договор",
        "договорённость",
        "договоренность",
        "подписать",
        "карта",
    },
    "project": {"проект", "предприятие", "завод", "производство"},
    "investment": {"инвестиция", "вложение", "инвестировать", "капиталовложение"},
    "quote": {"сказать", "заявить", "цитата", "высказывание", "говорить"},
    "volume": {"тонна", "груз", "перевозка", "грузооборот"},
}
# Checked in this order: "на сколько вырос экспорт" is a change, not an export figure.
TYPE_ORDER = ("change", "share", "investment", "volume", "agreement", "event", "project", "quote")
FORECAST_WORDS = {
    "прогноз",
    "прогнозировать",
    "прогнозироваться",
    "ожидаться",
    "ожидать",
    "ожидаемый",
}
# "Кто такой Радий Хабиров?", "Кто такая …", "Кто это …", "Who is …?"
WHO = re.compile(
    r"^\s*(?:кто\s+(?:так(?:ой|ая|ие)|это|есть)|who\s+is|who's)\s+"
    r"(?P<name>.+?)[\s?!.]*$",
    re.IGNORECASE,
)
ORIGIN = {"из", "от"}  # "импорт из Китая": the exporter follows
DESTINATION = {"в", "во", "на"}  # "экспорт в Китай": the importer follows


@dataclass(frozen=True)
class Question:
    text: str
    parties: tuple[str, ...]
    type: str  # trade | change | share | volume | investment | event | agreement | …
    indicator: str | None  # turnover | export | import for trade and change
    exporter: str | None
    importer: str | None
    year: int | None
    months: int | None  # None: a whole year
    status: str  # actual | target | forecast
    person: str | None = None  # the name "Кто такой …?" or "Who is …?" asks about

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "text"} | {
            "parties": list(self.parties)
        }


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    stop: int
    lemma: str


def parse(text: str, today: date | None = None) -> Question:
    person = person_asked(text)
    if person is not None:
        return Question(
            text=text,
            parties=(),
            type="person",
            indicator=None,
            exporter=None,
            importer=None,
            year=None,
            months=None,
            status="actual",
            person=person,
        )
    words = [
        _Word(t.text, t.start, t.stop, lemma_of(t.text.lower()))
        for t in tokenize(text)
        if any(ch.isalnum() for ch in t.text)
    ]
    lemmas = {w.lemma for w in words}
    found = _actors(text, words)
    parties = tuple(dict.fromkeys(code for code, _ in found))[:2]
    type_ = next(
        (t for t in TYPE_ORDER if lemmas & (TYPE_WORDS[t] | english.TYPE_WORDS.get(t, set()))),
        "trade",
    )
    indicator = _indicator(words) or ("turnover" if type_ in ("trade", "change") else None)
    exporter, importer = _direction(indicator, found, words)
    year, months = _period(text, today or date.today())
    return Question(
        text=text,
        parties=parties,
        type=type_,
        indicator=indicator,
        exporter=exporter,
        importer=importer,
        year=year,
        months=months,
        status=_status(lemmas),
    )


def person_asked(text: str) -> str | None:
    """The name in "Кто такой Радий Хабиров?", "кто такая …", "Who is …?"; else None."""
    found = WHO.match(text)
    return found.group("name").strip() if found else None


def _actors(text: str, words: Sequence[_Word]) -> list[tuple[str, int]]:
    """(code, index of its first word) for each actor named, longest names first."""
    found: list[tuple[str, int]] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            code = _actor(text[words[i].start : words[i + size - 1].stop])
            if code is not None:
                found.append((code, i))
                i += size
                break
        else:
            found.extend((code, i) for code in _compound(words[i].text))
            i += 1
    return found


def _actor(name: str) -> str | None:
    """A Russian name, an English one, or a code written as one ("KZ", not "In")."""
    if not english.is_latin(name):
        actor = actor_by_name(name)
        return actor.code if actor else None
    if name == name.upper() and name.upper() in gazetteer().actors:
        return name
    return english.actor(name)


def _compound(word: str) -> list[str]:
    """ "российско-казахстанский" → RU, KZ."""
    parts = [p for p in fold(word).split("-") if p]
    if len(parts) < 2:
        return []
    prefixes = gazetteer().prefixes
    codes = [prefixes.get(p) for p in parts[:-1]]
    last = actor_by_name(word.split("-")[-1].capitalize())
    codes.append(last.code if last else None)
    return [c for c in codes if c] if all(codes) else []


def _indicator(words: Sequence[_Word]) -> str | None:
    for i, w in enumerate(words):
        if w.lemma in cues.INDICATORS:
            return cues.INDICATORS[w.lemma]
        if w.lemma in english.INDICATORS:
            return english.INDICATORS[w.lemma]
        before = words[i - 1].lemma if i else ""
        if w.lemma == "оборот" and before in cues.TRADE_ADJECTIVES:
            return "turnover"
        if w.lemma == "торговля":
            return "turnover"
    return None


def _direction(
    indicator: str | None, found: Sequence[tuple[str, int]], words: Sequence[_Word]
) -> tuple[str | None, str | None]:
    """Exporter and importer of an export or import question, from "в" and "из"."""
    if indicator not in ("export", "import") or not found:
        return None, None
    origin_words, target_words = ORIGIN | english.ORIGIN, DESTINATION | english.DESTINATION
    origin = next((c for c, i in found if i and words[i - 1].lemma in origin_words), None)
    target = next((c for c, i in found if i and words[i - 1].lemma in target_words), None)
    others = [c for c, _ in found if c not in (origin, target)]
    if indicator == "export":
        exporter = origin or (others[0] if others else None)
        importer = target or next((c for c in others if c != exporter), None)
    else:
        importer = target or (others[0] if others else None)
        exporter = origin or next((c for c in others if c != importer), None)
    return exporter, importer


def _period(text: str, today: date) -> tuple[int | None, int | None]:
    for span in find_periods(text):
        if span.role != "base":
            return span.resolve(today.year), span.months
    return None, None


def _status(lemmas: set[str]) -> str:
    if lemmas & (
        cues.TARGET_WORDS - {"готовый", "поставить", "договориться"} | english.TARGET_WORDS
    ):
        return "target"
    if lemmas & (FORECAST_WORDS | english.FORECAST_WORDS):
        return "forecast"
    return "actual"
