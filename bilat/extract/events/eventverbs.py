"""Events told by a verb: "Губернатор встретился с послом …", "посетил Ташкент",
"побывала делегация Челябинской области", "находящийся в Китае с государственным визитом".
"""

from __future__ import annotations

from collections.abc import Sequence

from bilat.extract.context import DocContext
from bilat.extract.events.eventdate import find_dates
from bilat.extract.events.eventparties import (
    Span,
    capitals_as_countries,
    countries,
    find_place,
    pair,
    span_sides,
    verb_subject_sides,
)
from bilat.extract.events.eventrecord import (
    MAX_NAME_TOKENS,
    WITH_PREPOSITIONS,
    Event,
    complement,
    event_date,
    participants,
)
from bilat.extract.people.person import People
from bilat.model import Evidence, Sentence, Token

# Verbs that tell an event by themselves.
EVENT_VERBS = {"встретиться": "meeting", "посетить": "visit", "побывать": "visit"}

def event_verbs(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    return [(i, EVENT_VERBS[t.lemma]) for i, t in enumerate(tokens)
            if t.lemma in EVENT_VERBS and t.pos == "VERB"]


def verb_event(ctx: DocContext, people: People, sentence: Sentence, verb: int,
                kind: str) -> Event | None:
    """Both sides must be named: the subject, and whom it met or what it visited."""
    tokens = sentence.tokens
    subject = verb_subject_sides(ctx, people, tokens, verb, verb)
    other = _object_sides(ctx, people, tokens, verb, kind)
    sides = subject + [c for c in other if c.split("-")[0] not in countries(subject)]
    if not subject or not other or len(countries(sides)) < 2:
        return None
    status = _verb_status(tokens[verb])
    place, location = find_place(ctx, sentence)
    if kind == "visit" and place is None:
        place, location = _visited_city(ctx, tokens, verb)
    dates = find_dates(sentence.text, sentence.start)
    return Event(kind=kind, format=None, name=None, ordinal=None, parties=pair(sides),
                 source="with", status=status, date=event_date(ctx, sentence, dates, status, verb),
                 place=place, location=location,
                 evidence=Evidence(sentence.text, sentence.start, sentence.stop),
                 participants=participants(people, sentence), named=True, happening=True)


def _object_sides(ctx: DocContext, people: People, tokens: Sequence[Token], verb: int,
                  kind: str) -> list[str]:
    for i in range(verb + 1, min(len(tokens), verb + MAX_NAME_TOKENS)):
        if tokens[i].pos in {"VERB", "AUX"} or tokens[i].text in {",", ".", ";"}:
            break
        if (kind == "meeting" and tokens[i].lemma in WITH_PREPOSITIONS) or kind == "visit":
            span = complement(tokens, i, kind) if kind == "meeting" else \
                Span(i, _clause_end(tokens, i))
            return capitals_as_countries(ctx, tokens, span, span_sides(
                ctx, people, tokens, span)) if span else []
    return []


def _clause_end(tokens: Sequence[Token], start: int) -> int:
    end = start
    for j in range(start, min(len(tokens), start + MAX_NAME_TOKENS)):
        if tokens[j].pos in {"VERB", "AUX"} or tokens[j].text in {",", ".", ";", ":"}:
            break
        end = j
    return end


def _visited_city(ctx: DocContext, tokens: Sequence[Token],
                  verb: int) -> tuple[str | None, str | None]:
    lo = tokens[verb].stop
    hi = tokens[_clause_end(tokens, verb + 1)].stop if verb + 1 < len(tokens) else lo
    for mention in ctx.mentions_between(lo, hi):
        if mention.form == "city" or mention.actor.kind == "city":
            return mention.normal or mention.text, mention.actor.code
    return None, None


def _verb_status(verb: Token) -> str:
    if verb.feats.get("Tense") == "Fut" or verb.feats.get("VerbForm") == "Inf":
        return "announced"
    return "ongoing" if verb.feats.get("Tense") == "Pres" else "past"
