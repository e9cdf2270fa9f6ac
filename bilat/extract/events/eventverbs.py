"""Events told by a verb: "Губернатор встретился с послом …", "посетил Ташкент",
"побывала делегация Челябинской области", "находящийся в Китае с государственным визитом".
"""

from __future__ import annotations

from collections.abc import Sequence

from bilat.extract.context import DocContext
from bilat.extract.events.eventdate import find_dates
from bilat.extract.events.eventparties import (
    Span,
    after_preposition,
    capitals_as_countries,
    countries,
    find_place,
    pair,
    span_sides,
    subtree,
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
from bilat.extract.people.people import People
from bilat.model import Evidence, Sentence, Token

# Verbs that tell an event by themselves.
EVENT_VERBS = {
    "встретиться": "meeting",
    "посетить": "visit",
    "посещать": "visit",
    "побывать": "visit",
    "прибыть": "visit",
}
# "Премьер-министр РК и министр ОАЭ обсудили …", "губернатор обсудил с послом …": talks
# between people are a meeting; "Казахстан и Россия обсудили логистику" sums up talks the
# text tells elsewhere, if at all.
TALK_VERBS = frozenset({"обсудить"})


def _people_talked(tokens: Sequence[Token], verb: int) -> bool:
    subject = next((t for t in tokens if t.head == verb and t.rel == "nsubj"), None)
    return subject is not None and subject.feats.get("Animacy") == "Anim"


# How far before its head noun a participle's subject phrase may begin ("Президент России
# Владимир Путин, находящийся …": the phrase runs from there to the participle).
PHRASE_BEFORE = 5
# Verbs of being somewhere: a visit when a delegation is there or it is "с визитом".
PRESENCE_VERBS = frozenset({"находиться", "работать", "пребывать"})
VISITORS = frozenset({"делегация", "визит"})
# Events a delegation may be at without that being a visit of its own.
EVENT_NOUNS = frozenset(
    {
        "форум",
        "выставка",
        "ярмарка",
        "конференция",
        "заседание",
        "саммит",
        "фестиваль",
        "переговоры",
    }
)
# "Президент принял главу правительства Беларуси": receiving someone is a meeting.
RECEIVE_VERBS = frozenset({"принять", "принимать"})
GUESTS = frozenset(
    {
        "глава",
        "лидер",
        "президент",
        "вице-президент",
        "премьер-министр",
        "посол",
        "консул",
        "генконсул",
        "министр",
        "замминистра",
        "заместитель",
        "делегация",
        "губернатор",
        "председатель",
        "вице-премьер",
        "руководитель",
        "спикер",
        "мэр",
        "аким",
        "хоким",
    }
)


def event_verbs(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    """(token index, kind) of every verb that tells an event in a sentence."""
    found = []
    for i, token in enumerate(tokens):
        if token.pos != "VERB":
            continue
        if token.lemma in TALK_VERBS and _people_talked(tokens, i):
            found.append((i, "meeting"))
        elif token.lemma in EVENT_VERBS:
            found.append((i, EVENT_VERBS[token.lemma]))
        elif (
            token.lemma in PRESENCE_VERBS
            and any(t.lemma in VISITORS for t in tokens)
            and not any(t.lemma in EVENT_NOUNS for t in tokens)
        ):
            found.append((i, "visit"))  # not "делегация работает на форуме"
        elif token.lemma in RECEIVE_VERBS and _a_guest(tokens, _received(tokens, i)):
            found.append((i, "meeting"))
    return found


def verb_event(
    ctx: DocContext, people: People, sentence: Sentence, verb: int, kind: str
) -> Event | None:
    """Both sides must be named: the subject, and whom it met or what it visited."""
    tokens = sentence.tokens
    subject = (
        verb_subject_sides(ctx, people, tokens, verb, verb)
        or _participle_subject(ctx, people, tokens, verb)
        or _conjoined_subject(ctx, people, tokens, verb)
        or _leading_subject(ctx, people, tokens, verb)
    )
    other = _object_sides(ctx, people, tokens, verb, kind)
    if kind == "visit":
        other = list(dict.fromkeys([*other, *_destinations(ctx, tokens, subject)]))
    source = "with"
    if not subject and other and _person_subject(ctx, tokens, verb):
        # "Сапарбаев встретился с губернатором Оренбургской области": a person the text
        # gives no office stands for the article's other side (in its lead only, see _add)
        subject = [c for c in ctx.pair if c.split("-")[0] not in countries(other)][:1]
        source = "document"
    if not other and kind == "meeting" and len(countries(subject)) >= 2:
        other = subject[1:]  # "встретились глава Татарстана и посол Вьетнама": each other
    if not other and kind == "meeting":
        other = _host_country(ctx, sentence, verb)
    sides = subject + [c for c in other if c.split("-")[0] not in countries(subject)]
    if not subject or not other or len(countries(sides)) < 2:
        return None
    status = _verb_status(tokens[verb])
    place, location = find_place(ctx, sentence)
    if kind == "visit" and place is None:
        place, location = _visited_city(ctx, tokens, verb)
    dates = find_dates(sentence.text, sentence.start)
    return Event(
        kind=kind,
        format=None,
        name=None,
        ordinal=None,
        parties=pair(sides),
        source=source,
        status=status,
        date=event_date(ctx, sentence, dates, status, verb),
        place=place,
        location=location,
        evidence=Evidence(sentence.text, sentence.start, sentence.stop),
        participants=participants(people, sentence),
        named=source == "with",
        happening=True,
    )


# How far after "встретился" the country it took place in may be named.
HOST_REACH = 4


def _host_country(ctx: DocContext, sentence: Sentence, verb: int) -> list[str]:
    """ "Губернатор встретился в Малайзии с наследным принцем штата": one met in a country,
    with a host the text names no country for, met that country."""
    tokens = sentence.tokens
    near = tokens[verb + 1 : verb + 1 + HOST_REACH]
    if not any(t.lemma in WITH_PREPOSITIONS for t in tokens[verb + 1 :]):
        return []
    for mention in ctx.mentions_between(sentence.start, sentence.stop):
        code = mention.actor.code
        at = next((k for k, t in enumerate(near) if t.start == mention.start), None)
        if at and "-" not in code and near[at - 1].lemma in {"в", "во"}:
            return [code]
    return []


def _person_subject(ctx: DocContext, tokens: Sequence[Token], verb: int) -> bool:
    """Whether the verb's subject is a person's name."""
    people = [e for e in ctx.analysis.entities if e.type == "PER"]
    return any(
        t.head == verb
        and t.rel.startswith("nsubj")
        and any(e.start <= t.start < e.stop for e in people)
        for t in tokens
    )


def _object_sides(
    ctx: DocContext, people: People, tokens: Sequence[Token], verb: int, kind: str
) -> list[str]:
    if tokens[verb].lemma in RECEIVE_VERBS:
        obj = _received(tokens, verb)
        if obj is None:
            return []
        # "принял делегацию во главе с губернатором Волгоградской области": whom the guest
        # is led by, though the parser hangs it elsewhere
        return span_sides(ctx, people, tokens, Span(*subtree(tokens, obj))) or span_sides(
            ctx, people, tokens, Span(obj, _clause_end(tokens, obj))
        )
    obj = _object(tokens, verb)
    if kind == "visit" and obj is not None and obj < verb:
        # "Воронежскую область посетила делегация из Узбекистана": the place visited
        # stands before the verb, its visitors after it
        return span_sides(ctx, people, tokens, Span(*subtree(tokens, obj)))
    for i in range(verb + 1, min(len(tokens), verb + MAX_NAME_TOKENS)):
        if tokens[i].pos in {"VERB", "AUX"} or tokens[i].text in {",", ".", ";"}:
            break
        if (kind == "meeting" and tokens[i].lemma in WITH_PREPOSITIONS) or kind == "visit":
            span = (
                complement(tokens, i, kind)
                if kind == "meeting"
                else Span(i, _clause_end(tokens, i))
            )
            return (
                capitals_as_countries(ctx, tokens, span, span_sides(ctx, people, tokens, span))
                if span
                else []
            )
    if kind == "meeting" and tokens[0].lemma in WITH_PREPOSITIONS:
        # "С директором агентства Тюрингии встретился президент Татарстана": whom it was
        # held with, told first
        span = complement(tokens, 0, kind)
        if span is not None and span.last < verb:
            return span_sides(ctx, people, tokens, span)
    return []


def _received(tokens: Sequence[Token], verb: int) -> int | None:
    """Whom "принял" took in: its object, or, where the parse lost it ("принял
    Чрезвычайного и Полномочного Посла …"), the first noun after its adjectives."""
    obj = _object(tokens, verb)
    if obj is not None:
        return obj
    for j in range(verb + 1, min(len(tokens), verb + GUEST_REACH)):
        if tokens[j].pos in {"ADJ", "CCONJ"}:
            continue
        return j if tokens[j].pos == "NOUN" else None
    return None


def _object(tokens: Sequence[Token], verb: int) -> int | None:
    return next((i for i, t in enumerate(tokens) if t.head == verb and t.rel == "obj"), None)


def _a_guest(tokens: Sequence[Token], received: int | None) -> bool:
    return received is not None and tokens[received].lemma in GUESTS


# How far after "принял" the noun of its guest may stand, past the adjectives of a title.
GUEST_REACH = 6


def _leading_subject(
    ctx: DocContext, people: People, tokens: Sequence[Token], verb: int
) -> list[str]:
    """ "Посол Беларуси в России Иван Петров встретился с …" parsed with no subject at all:
    the words that open the sentence up to the verb, when they hold no other verb or clause."""
    if any(t.head == verb and t.rel.startswith("nsubj") for t in tokens) or verb == 0:
        return []
    before = tokens[:verb]
    if any(t.pos in {"VERB", "AUX"} or t.text in {",", ";", ":"} for t in before):
        return []
    return span_sides(ctx, people, tokens, Span(0, verb - 1))


def _conjoined_subject(
    ctx: DocContext, people: People, tokens: Sequence[Token], verb: int
) -> list[str]:
    """ "Осмонов прибыл на Байкал и встретился с Волковым": the subject of the verb this
    one is joined to."""
    head = tokens[verb].head
    if tokens[verb].rel != "conj" or head < 0 or tokens[head].pos != "VERB":
        return []
    return verb_subject_sides(ctx, people, tokens, head, head)


def _participle_subject(
    ctx: DocContext, people: People, tokens: Sequence[Token], verb: int
) -> list[str]:
    """ "Президент России Владимир Путин, находящийся в Китае с визитом": the participle's
    subject is the noun phrase it hangs on."""
    head = tokens[verb].head
    if tokens[verb].feats.get("VerbForm") != "Part" or head < 0 or head > verb:
        return []
    return span_sides(ctx, people, tokens, Span(max(0, head - PHRASE_BEFORE), verb - 1))


def _destinations(ctx: DocContext, tokens: Sequence[Token], visitors: list[str]) -> list[str]:
    """Where a visit goes: "в Китае", "В Костанайской области побывала …", "в Ташкент" —
    a country's visit is to a country ("прибыл в Ташкент" is a visit to Uzbekistan), a
    region's delegation visits a region."""
    lo, hi = tokens[0].start, tokens[-1].stop
    found = [
        m.actor.code
        for m in ctx.mentions_between(lo, hi)
        if after_preposition(tokens, m.start) and m.form != "adjective"
    ]
    if visitors and all("-" not in v for v in visitors):
        found = [code.split("-")[0] for code in found]
    return list(dict.fromkeys(found))


def _clause_end(tokens: Sequence[Token], start: int) -> int:
    end = start
    for j in range(start, min(len(tokens), start + MAX_NAME_TOKENS)):
        if tokens[j].pos in {"VERB", "AUX"} or tokens[j].text in {",", ".", ";", ":"}:
            break
        end = j
    return end


def _visited_city(
    ctx: DocContext, tokens: Sequence[Token], verb: int
) -> tuple[str | None, str | None]:
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
