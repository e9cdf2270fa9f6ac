"""The record of one event as its mentions are read, and what every reader of events
needs: whom an event was held with, its date, the people in its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bilat.extract.context import DocContext
from bilat.extract.events.eventdate import DateSpan, relative_day
from bilat.extract.events.eventparties import HOST_PREPOSITIONS, Span
from bilat.extract.parse.dateline import find_dateline
from bilat.extract.people.people import People
from bilat.model import Evidence, Sentence, Token
from bilat.schemas import Someone

# Seasons: a date no more precise than its year.
SEASON_WORDS = frozenset({"весна", "лето", "осень", "зима", "весной", "летом", "осенью", "зимой"})
WITH_PREPOSITIONS = frozenset({"с", "со"})
# What an agreement or a talk is about comes between it and whom it is with: "соглашение о
# дружбе между областью и провинцией", "переговоры об инвестициях с делегацией".
TOPIC_PREPOSITIONS = frozenset({"о", "об", "обо"})
TOPIC_REACH = 8
# "с целью", "с помощью", "с учётом" are prepositions of their own, not whom it was held with.
NOT_WITH_NOUNS = frozenset({"цель", "помощь", "учёт", "учет"})
# A name longer than this is a clause that ran on.
MAX_NAME_TOKENS = 14


@dataclass
class Event:
    kind: str
    format: str | None
    name: str | None
    ordinal: int | None
    parties: tuple[str, ...]
    source: str  # name | with | subject | document | none | other: whence the parties
    status: str
    date: str | None
    place: str | None
    location: str | None
    evidence: Evidence
    participants: list[Someone] = field(default_factory=list)
    named: bool = False  # told apart by its name, ordinal, title or date
    frame: bool = False  # "на полях форума": the setting of another event
    happening: bool = False  # "прошел", "состоялся", "принял участие": told as taking place
    another: bool = False  # "следующий форум": not the event told so far
    multilateral: bool = False  # "заседание … государств СНГ": a bloc's event


def complement(tokens: Sequence[Token], start: int, kind: str) -> Span | None:
    """ "с губернатором Омской области Петром Ивановым": whom the event was held with;
    for a visit, also where it went ("визит в Узбекистан")."""
    words = WITH_PREPOSITIONS | {"между"} | (HOST_PREPOSITIONS if kind == "visit" else set())
    while (
        start < len(tokens)
        and tokens[start].pos in {"ADJ", "NOUN"}
        and tokens[start].feats.get("Case") == "Ins"
    ):
        start += 1  # "переговоры в формате видеоконференции с …" stays out of the way
    if kind != "visit" and _place_at(tokens, start):
        start += 2  # "встречи в Кабуле с руководством Афганистана": where, then with whom
    start = _past_the_topic(tokens, start, WITH_PREPOSITIONS | {"между"})
    start = _past_a_relative_verb(tokens, start)
    if start >= len(tokens) or tokens[start].lemma not in words:
        return None
    if start + 1 < len(tokens) and tokens[start + 1].lemma in NOT_WITH_NOUNS:
        return None
    last = start
    for j in range(start + 1, min(len(tokens), start + MAX_NAME_TOKENS)):
        if tokens[j].pos in {"VERB", "AUX"} or tokens[j].text in {",", ".", ";", ":"}:
            break
        last = j
    return Span(start, last) if last > start else None


# "С 2015 года, когда стороны подписали договор": the year a "когда" clause hangs on is
# its time.
_WHEN_AFTER_YEAR = re.compile(r"^\s*(?:год[ау]?|г\.)?\s*,\s*когда\b")


def _when_clause_of(sentence: Sentence, date: DateSpan, head: int) -> bool:
    between = sentence.text[
        date.stop - sentence.start : sentence.tokens[head].start - sentence.start
    ]
    return bool(_WHEN_AFTER_YEAR.match(between))


def _past_the_topic(tokens: Sequence[Token], start: int, words: set[str] | frozenset[str]) -> int:
    """The first of ``words`` after a topic ("о сотрудничестве в сфере туризма"), or
    ``start`` where no topic stands there or none of them follows it in the clause."""
    if start >= len(tokens) or tokens[start].lemma not in TOPIC_PREPOSITIONS:
        return start
    for j in range(start + 1, min(len(tokens), start + TOPIC_REACH)):
        if tokens[j].lemma in words:
            return j
        if tokens[j].pos in {"VERB", "AUX"} or tokens[j].text in {",", ".", ";", ":"}:
            break
    return start


def _past_a_relative_verb(tokens: Sequence[Token], start: int) -> int:
    """ "встречи, которую президент Молдовы провел с президентом Казахстана": whom the
    event was held with, told after the verb of a "который" clause on it."""
    opens = start + 1 < len(tokens) and tokens[start].text == ","
    if not opens or tokens[start + 1].lemma != "который":
        return start
    for j in range(start + 2, min(len(tokens), start + 2 + MAX_NAME_TOKENS)):
        if tokens[j].text in {",", ".", ";", ":"}:
            break
        if tokens[j].pos == "VERB" and tokens[j].lemma in HELD_VERBS:
            return j + 1
    return start


# Verbs a "который" clause tells an event was held with: "которую он провёл с …".
HELD_VERBS = frozenset({"провести", "проводить", "иметь"})


def _place_at(tokens: Sequence[Token], i: int) -> bool:
    """ "в Кабуле": a preposition of place and one proper name in the locative."""
    return (
        i + 1 < len(tokens)
        and tokens[i].lemma in {"в", "во"}
        and tokens[i + 1].pos == "PROPN"
        and tokens[i + 1].feats.get("Case") == "Loc"
    )


def event_date(
    ctx: DocContext, sentence: Sentence, dates: list[DateSpan], status: str, head: int
) -> str | None:
    """A date the sentence gives, else "сегодня"/"вчера", else the month of publication for
    an event told as past (the text does not say the day), else none."""
    if ctx.date:
        # "заявил в ходе встречи … о товарообороте в 2023 году": a bare year other than the
        # publication's is the period of a figure, not the day of the event
        # (an announced one may well be set for another year: "в 2025 году пройдёт")
        dates = [
            d
            for d in dates
            if d.month
            or d.year == int(ctx.date[:4])
            or status == "announced"
            or _when_clause_of(sentence, d, head)
        ]
    if dates:
        anchor = sentence.tokens[head].start
        nearest = min(dates, key=lambda d: abs(d.start - anchor))
        return nearest.iso(ctx.date, status)
    day = relative_day(sentence.tokens, ctx.date)
    if day:
        return day
    if any(t.lemma in SEASON_WORDS for t in sentence.tokens) and ctx.date:
        return ctx.date[:4]  # "весной": the year is all an ISO date can say of a season
    if status == "ongoing" and ctx.date:
        return ctx.date
    if status == "past" and ctx.date:
        return _day_of_lead(ctx, sentence) or ctx.date[:7]
    return None


def _day_of_lead(ctx: DocContext, sentence: Sentence) -> str | None:
    """The day a lead tells its news of, for an event in it with no date of its own: the
    dateline's, or "сегодня"/"вчера" said before it in the lead ("О развитии отношений
    сегодня говорили … Президент встретился с послом")."""
    if _datelined_lead(ctx, sentence):
        return ctx.date
    lead = [line for line in ctx.lines[:DATELINE_LEAD] if line.stop <= sentence.start]
    if len(lead) == len(ctx.lines[:DATELINE_LEAD]):
        return None  # the sentence is past the lead
    return next((day for line in lead if (day := relative_day(line.tokens, ctx.date))), None)


def _datelined_lead(ctx: DocContext, sentence: Sentence) -> bool:
    """ "МОСКВА, 15 ноября. /ТАСС/. … в ходе заседания": an agency item reports the day its
    dateline gives, in its first lines."""
    dateline = ctx.memo("dateline", lambda: find_dateline(ctx.analysis.text))
    lead = ctx.lines[:DATELINE_LEAD]
    return (
        dateline is not None
        and dateline.day is not None
        and bool(lead)
        and sentence.start <= lead[-1].stop
        and ctx.date is not None
        and len(ctx.date) == len("2024-01-01")
        and int(ctx.date[8:10]) == dateline.day
    )


# The lines of an agency item that tell its dateline's news.
DATELINE_LEAD = 4


def participants(people: People, sentence: Sentence) -> list[Someone]:
    return [
        person.fields()
        for person in people.persons
        if any(sentence.start <= m.start < sentence.stop for m in person.mentions)
    ]
