"""Events of cooperation: forums, meetings, negotiations, visits, conferences, signings.

"В Казани состоялся V Форум регионов России и Узбекистана" is one forum of RU and UZ in
Kazan; "на переговорах с губернатором Омской области" is negotiations of the delegation's
side with RU-OMS. One event is emitted per real event: later mentions
("Международный форум стал …") are merged into the event they repeat.

The parties of an event come, in this order, from its own name ("России и Казахстана",
"Казахстанско-азербайджанского"), from whom it was held with ("с Губернатором …"), from the
sentence, and for the article's main event only, from the document's pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bilat.actors import region_type
from bilat.extract.context import DocContext
from bilat.extract.events.eventdate import find_dates
from bilat.extract.events.eventname import (
    EVENT_WORDS,
    name_span,
    name_text,
    of_a_bloc,
    of_many,
    ordinal_of,
)
from bilat.extract.events.eventparties import (
    Span,
    climb,
    find_parties,
    find_place,
    party_mentions,
)
from bilat.extract.events.eventrecord import (
    Event,
    complement,
    event_date,
    participants,
)
from bilat.extract.events.eventregions import with_acting_regions
from bilat.extract.events.eventverbs import event_verbs, verb_event
from bilat.extract.events.signing import Signing, find_signings
from bilat.extract.figures import Scan
from bilat.extract.parse.textforms import (
    QUOTE_CHARS,
    line_sentences,
)
from bilat.extract.people.people import People, find_people
from bilat.extract.people.quote import SPEECH_VERBS
from bilat.model import Evidence, Fact, Sentence, Token
from bilat.schemas import EventFields

# A session is an event only as a session of a body: "заседание рабочей группы".
SESSION_WORDS = frozenset({"заседание", "сессия"})
BODY_FORMATS = {
    "межправкомиссия": "intergovernmental_commission",
    "комиссия": "commission",
    "группа": "working_group",
    "совет": "council",
    "комитет": "committee",
    "коллегия": "board",  # "заседание совместной коллегии министерств"
}
BODY_QUALIFIED = {
    ("межправительственный", "комиссия"): "intergovernmental_commission",
    ("экспертный", "совет"): "expert_council",
    ("деловой", "совет"): "business_council",
}
EVENT_LEMMAS = frozenset({k for k in EVENT_WORDS if isinstance(k, str)} | {"стол", "заседание"})
# Adverbs of frequency: what a sentence with one tells is a habit, not an event.
HABIT_WORDS = frozenset(
    {
        "дважды",
        "трижды",
        "неоднократно",
        "многократно",
        "регулярно",
        "ежегодно",
        "ежемесячно",
        "постоянно",
    }
)
# Words before an event that make it the setting of another: "на полях форума".
FRAME_WORDS = frozenset({"поле", "рамка", "ход", "кулуары", "время", "преддверие", "итог", "канун"})
# Lemmas that tell an event as taking place.
HAPPEN_WORDS = frozenset(
    {
        "пройти",
        "проходить",
        "состояться",
        "открыться",
        "открываться",
        "завершиться",
        "стартовать",
        "начаться",
        "начать",
        "провести",
        "проводить",
        "участие",
        "участвовать",
        "организовать",
        "принять",
        "собрать",
        "прибыть",
        "приехать",
        "прилететь",
        "прибывать",  # "сегодня с визитом прилетает министр": the visit is under way
        "приезжать",
        "прилетать",
        "находиться",  # "находится с визитом в Ташкенте"
        "отправиться",  # "отправился в Таджикистан с визитом"
        "посетить",
        "обсудить",
        "совершить",  # "совершил официальный визит", "совершает визит в Рим"
        "совершать",
    }
)
# Words that are plural only ("переговоры") keep being one event in the plural.
PLURAL_EVENTS = frozenset({"переговоры", "консультация", "день"})
# Words before an event noun that say it is a part of a bigger event, not one of its own.
PART_WORDS = frozenset({"пленарный", "секционный", "панельный"})
# Lemmas that announce an event; a verb in the future tense does too.
ANNOUNCE_WORDS = frozenset(
    {
        "запланировать",
        "планироваться",
        "планировать",
        "предстоящий",
        "намечать",
        "наметить",
        "намеченный",
        "ожидаться",
        "готовиться",
        "предстоять",
        "будущий",
        "собираться",
        "намечаться",
        "планируемый",
        "запланированный",
    }
)
# Words that set an event apart from the one told so far: "Следующий форум пройдёт в Казани".
ANOTHER_WORDS = frozenset({"следующий", "предыдущий", "прошлый", "будущий", "прошлогодний"})
# Kinds whose mention names the event ("Красноярский экономический форум"); a meeting's
# words ("встреча главы Республики") describe it and are no name.
NAMED_KINDS = frozenset({"forum", "conference", "other"})
# Lemmas that say the event is taking place as the text is written.
ONGOING_WORDS = frozenset(
    {
        *("проходить", "продолжаться", "идти", "работать"),
        *("находиться", "пребывать", "прибывать", "приезжать", "прилетать"),
    }
)
# The article's main event is told in its title or first sentences; only such an event may
# take its parties from the document's pair. Counted in lines, so a site's menu, a headline
# and a dateline take their share: the dev articles' lead ends by the sixth line.
LEAD_SENTENCES = 8
# Kinds that are one contact between two sides when their parties agree.
MEETING_FAMILY = frozenset({"meeting", "negotiations"})
CITY_TYPES = frozenset({"city", "federal_city"})

CONFIDENCE_NAMED = 0.85  # parties in the event's name or who it was held with
CONFIDENCE_SENTENCE = 0.7  # a party from the sentence, the other from the document
CONFIDENCE_DOCUMENT = 0.55  # both from the document's pair


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    people = find_people(ctx)
    events: list[Event] = []
    for index, sentence in enumerate(line_sentences(ctx)):
        if ctx.in_furniture(sentence) or any(t.lemma in HABIT_WORDS for t in sentence.tokens):
            continue  # "трижды побывали в Узбекистане": visits over time, not one event
        found = [
            _read_event(ctx, people, sentence, head, kind, fmt)
            for head, kind, fmt in _event_heads(sentence.tokens)
            if not _upcoming(sentence.tokens, head)
        ]
        for verb, kind in event_verbs(sentence.tokens):
            event = verb_event(ctx, people, sentence, verb, kind)
            found.extend([event] if event is not None else [])
        for signing in find_signings(sentence.tokens):
            found.extend(_per_region(ctx, sentence, _signing_event(ctx, people, sentence, signing)))
        for event in found:
            event.parties = tuple(_capitals_as_countries(event.parties))
            _add(events, with_acting_regions(ctx, sentence, event), index)
    events = _visits_hold_their_meetings(events)
    return [_fact(event) for event in events if not _history(ctx, event)]


def _visits_hold_their_meetings(events: list[Event]) -> list[Event]:
    """ "Делегация Татарстана посетила Узбекистан … Минниханов встретился с хокимом": a
    meeting between the sides of a visit, on a day the visit spans, is a part of the visit,
    not an event of its own."""
    visits = [e for e in events if e.kind == "visit"]
    kept = []
    for event in events:
        host = next(
            (v for v in visits if event.kind == "meeting" and _within(event, v)),
            None,
        )
        if host is None:
            kept.append(event)
        else:
            _enrich(host, event)
    return kept


def _within(meeting: Event, visit: Event) -> bool:
    if meeting.parties != visit.parties:
        return False
    if meeting.date is None or visit.date is None:
        return True
    return meeting.date.startswith(visit.date) or visit.date.startswith(meeting.date)


# "о предстоящем визите", "к грядущему форуму", "намеченный визит", "подготовка к визиту":
# an event the text only looks forward to (participles come lemmatised as their verbs)
UPCOMING_WORDS = frozenset(
    {
        "предстоящий",
        "предстоять",
        "грядущий",
        "намеченный",
        "наметить",
        "запланированный",
        "запланировать",
        "планируемый",
        "подготовка",
        "преддверие",  # "в преддверии визита"
        "канун",  # "в канун форума"
    }
)
UPCOMING_REACH = 3


def _upcoming(tokens: Sequence[Token], head: int) -> bool:
    return any(t.lemma in UPCOMING_WORDS for t in tokens[max(0, head - UPCOMING_REACH) : head])


def _history(ctx: DocContext, event: Event) -> bool:
    """ "Ещё в мае 2004 года было подписано соглашение" in a text of 2015: background, not
    the news; only a date the text gives, against a publication year it tells."""
    return (
        event.status == "past"
        and event.date is not None
        and ctx.reference_year is not None
        and int(event.date[:4]) <= ctx.reference_year - HISTORY_YEARS
    )


# A past event this many years before the publication is history the text recalls.
HISTORY_YEARS = 2


def _per_region(ctx: DocContext, sentence: Sentence, event: Event) -> list[Event]:
    """ "Правительство Башкирии заключило соглашения с Ташкентской и Наманганской областями":
    one signing with each region of a side that the sentence names."""
    tokens = sentence.tokens
    named = list(
        dict.fromkeys(
            code for code, at in _signed_regions(ctx, sentence) if not _a_destination(tokens, at)
        )
    )
    for side in event.parties:
        country = side.split("-")[0]
        regions = [c for c in named if c.startswith(country + "-")]
        others = [p for p in event.parties if p != side]
        if len(regions) < 2 or not others or others[0].split("-")[0] == country:
            continue
        return [
            replace(event, parties=tuple(sorted((others[0], region))), named=True)
            for region in regions
        ]
    return [event]


def _signed_regions(ctx: DocContext, sentence: Sentence) -> list[tuple[str, int]]:
    """Each region the sentence names, with the token its name starts at."""
    tokens = sentence.tokens
    if not tokens:
        return []
    found = party_mentions(ctx, tokens, tokens[0].start, tokens[-1].stop)
    return list(
        dict.fromkeys(
            (m.actor.code, sentence.token_at(m.start)) for m in found if "-" in m.actor.code
        )
    )


# Endings of an adjective in the locative ("в Ошской области", "в Алтайском крае"); the
# tagger often calls "в Алматинскую" locative too, so the word's ending decides.
LOCATIVE_ENDINGS = ("ой", "ей", "ом", "ем", "ых", "их")


def _a_destination(tokens: Sequence[Token], at: int) -> bool:
    """ "о поставках газа в Алматинскую и Жамбылскую области": regions a list governed by
    "в" or "на" names are where something goes, not who signed."""
    i = at - 1
    while i >= 0 and (
        tokens[i].pos in {"ADJ", "PROPN", "CCONJ"}
        or tokens[i].text == ","
        or tokens[i].lemma == "также"
    ):
        i -= 1
    # "представитель Президента в Чуйской области" acts for it: a place, not a destination
    return (
        i >= 0
        and tokens[i].lemma in {"в", "во", "на"}
        and not tokens[i + 1].text.lower().endswith(LOCATIVE_ENDINGS)
    )


def _signing_event(ctx: DocContext, people: People, sentence: Sentence, signing: Signing) -> Event:
    """ "стороны подписали 12 документов": a signing between the sides the agreement names,
    whom it was signed with, the sentence's subject, or the article's pair."""
    event = _read_event(ctx, people, sentence, signing.thing, "signing", None)
    event.name = None
    event.status = "past"
    event.happening = True
    return event


def _event_heads(tokens: Sequence[Token]) -> list[tuple[int, str, str | None]]:
    """(token index, kind, format) of every event noun of a sentence that names one event."""
    found = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1].lemma if i + 1 < len(tokens) else ""
        entry = EVENT_WORDS.get((token.lemma, following)) or EVENT_WORDS.get(token.lemma)
        if entry is None and "-" in token.lemma:
            entry = EVENT_WORDS.get(token.lemma.rsplit("-", 1)[-1])
        session = entry is None and token.lemma in SESSION_WORDS
        if session:
            entry = _session(tokens, i)
        if entry is None and token.lemma == "совет" and _council_held(tokens, i):
            entry = "meeting", "council"
        if entry is None and _commission_met(tokens, i):
            entry = "meeting", "intergovernmental_commission"
        if entry is None or (i and tokens[i - 1].lemma in PART_WORDS and not session):
            continue  # "пленарное заседание форума" is part of the forum; of a commission,
            # it is the commission's session
        if token.feats.get("Number") == "Plur" and token.lemma not in PLURAL_EVENTS:
            continue  # "встречи с руководством регионов", "на её заседаниях": many, or habit
        if _counted(tokens, i):
            continue  # "Оба визита министр нанёс в Ханой и Улан-Батор": many
        found.append((i, *entry))
    return found


def _counted(tokens: Sequence[Token], i: int) -> bool:
    """ "два визита", "три встречи": a count of events (the plural ones are skipped as such;
    after two to four the noun is a genitive singular)."""
    j = i - 1
    while j >= 0 and tokens[j].pos == "ADJ":
        j -= 1
    return (
        j >= 0
        and tokens[j].lemma in FEW
        and tokens[i].feats.get("Case") == "Gen"
        and tokens[i].feats.get("Number") == "Sing"
    )


# Numbers after which a noun stands in the genitive singular.
FEW = frozenset({"два", "две", "три", "четыре", "оба", "обе", "2", "3", "4"})


def _commission_met(tokens: Sequence[Token], i: int) -> bool:
    """ "во время кыргызско-китайской межправительственной комиссии", "на межправкомиссии":
    the commission named for its sitting."""
    token = tokens[i]
    if token.lemma != "межправкомиссия" and not (
        token.lemma == "комиссия" and i and tokens[i - 1].lemma == "межправительственный"
    ):
        return False
    j = i - 1
    while j >= 0 and tokens[j].pos == "ADJ":
        j -= 1
    return j >= 0 and (tokens[j].lemma in FRAME_WORDS or tokens[j].lemma == "на")


def _council_held(tokens: Sequence[Token], i: int) -> bool:
    """ "II Совет регионов", "состоялся Совет делового сотрудничества": a council named as
    a sitting, by its number or by a verb of taking place; not the body ("совет
    директоров решил")."""
    before = tokens[max(0, i - 2) : i]
    numbered = ordinal_of(before) is not None
    held = tokens[i].head >= 0 and tokens[tokens[i].head].lemma in {
        "состояться",
        "пройти",
        "проходить",
    }
    return numbered or held


def _session(tokens: Sequence[Token], i: int) -> tuple[str, str | None] | None:
    """ "заседание Казахстанско-азербайджанского экспертного совета" → meeting of a council."""
    for j in range(i + 1, min(len(tokens), i + 5)):
        token = tokens[j]
        if token.lemma in BODY_FORMATS:
            before = tokens[j - 1].lemma
            return "meeting", BODY_QUALIFIED.get((before, token.lemma), BODY_FORMATS[token.lemma])
        if token.pos not in {"ADJ", "NOUN", "PROPN"}:
            break
    return None


def _read_event(
    ctx: DocContext, people: People, sentence: Sentence, head: int, kind: str, fmt: str | None
) -> Event:
    tokens = sentence.tokens
    name = name_span(tokens, head)
    held_with = complement(tokens, name.last + 1, kind)
    quoted = any(t.text in QUOTE_CHARS for t in tokens[name.first : name.last + 1])
    ordinal = ordinal_of(tokens[name.first : head])
    status = _status(tokens, head)
    dates = find_dates(sentence.text, sentence.start)
    parties, source, host = find_parties(ctx, people, sentence, head, name, held_with, EVENT_LEMMAS)
    place, location = find_place(ctx, sentence)
    titled = kind in NAMED_KINDS or fmt is not None or quoted or ordinal is not None
    return Event(
        kind=kind,
        format=fmt,
        name=name_text(ctx, tokens, name, head) if titled else None,
        ordinal=ordinal,
        parties=parties,
        source=source,
        status=status,
        date=event_date(ctx, sentence, dates, status, head),
        place=place,
        location=location or host,
        evidence=Evidence(sentence.text, sentence.start, sentence.stop),
        participants=participants(people, sentence),
        named=source in {"name", "with"}
        or quoted
        or ordinal is not None
        or any(d.day or d.month for d in dates),
        frame=_is_frame(tokens, name.first),
        happening=_happening(tokens, head, name),
        another=any(t.lemma in ANOTHER_WORDS for t in tokens[max(0, name.first - 1) : head]),
        multilateral=of_many(ctx, tokens, name) or (of_a_bloc(tokens, name) and source != "name"),
    )


def _is_frame(tokens: Sequence[Token], first: int) -> bool:
    """ "на полях форума", "в рамках визита": the setting of what the sentence tells."""
    return first > 0 and tokens[first - 1].lemma in FRAME_WORDS


def _happening(tokens: Sequence[Token], head: int, name: Span) -> bool:
    """Told as taking place: "прошел форум", "принял участие в заседании", "круглого стола,
    который прошел", "провели переговоры"."""
    above = [tokens[i].lemma for i in climb(tokens, head)]
    after = [t.lemma for t in tokens[name.last + 1 : name.last + 5]]
    return (
        bool(set(above) & HAPPEN_WORDS)
        or ("который" in after and bool(set(after) & HAPPEN_WORDS))
        or _spoken_at(tokens, name, above)
    )


def _spoken_at(tokens: Sequence[Token], name: Span, above: list[str]) -> bool:
    """ "заявил Абаев на круглом столе", "выступая на заседании": said at an event that
    was held."""
    at = name.first > 0 and tokens[name.first - 1].lemma == "на"
    if any(t.lemma.startswith("пресс") for t in tokens[name.first : name.last + 1]):
        return False  # "заявил на пресс-конференции": a statement's setting, not an event
    verb = next((lemma for lemma in above if lemma not in EVENT_LEMMAS), None)
    return at and verb in SPEECH_VERBS | AGREED_AT


# Verbs besides speech that tell an event was held: "выступил на форуме", "договорились на
# встрече".
AGREED_AT = frozenset({"выступить", "выступать", "договориться", "условиться"})


def _status(tokens: Sequence[Token], head: int) -> str:
    """past, ongoing or announced: from the verb the event noun hangs on, else from a
    relative clause after it ("который состоится …"), else the sentence's first verb."""
    relative = next((j for j in range(head + 1, len(tokens)) if tokens[j].lemma == "который"), None)
    verbs = [t for t in tokens[relative:] if t.pos in {"VERB", "AUX"}] if relative else []
    verbs += [tokens[i] for i in climb(tokens, head) if tokens[i].pos in {"VERB", "AUX"}]
    verbs += [t for t in tokens[head:] if t.pos in {"VERB", "AUX"}]
    verbs += [t for t in tokens if t.pos in {"VERB", "AUX"}]
    if any(t.lemma in ANNOUNCE_WORDS for t in tokens):
        return "announced"
    for verb in verbs:
        tense = verb.feats.get("Tense")
        if verb.feats.get("VerbForm") == "Inf":
            return "announced"  # "договорились провести заседание", "планируют провести"
        if tense == "Fut":
            return "announced"
        if tense == "Pres":  # "прилетает", "находящийся в Ханое с визитом"
            return "ongoing" if verb.lemma in ONGOING_WORDS else "past"
        if tense == "Past" or verb.feats.get("VerbForm") == "Part":
            return "past"
    return "past"


# ── merging mentions into events ───────────────────────────────────────────────────────


def _add(events: list[Event], event: Event, index: int) -> None:
    """Merge a mention into the event it repeats, or add it when it is an event of its own."""
    if event.another:
        if _stands_alone(event, index):
            events.append(event)
        return
    same = next((e for e in events if _same(e, event)), None)
    if same is None and not event.named:
        same = next(
            (
                e
                for e in reversed(events)
                if (e.kind == event.kind or {e.kind, event.kind} <= MEETING_FAMILY)
                and not _told_apart(e, event)
            ),
            None,
        )
    if same is not None:
        _enrich(same, event)
    elif _stands_alone(event, index):
        events.append(event)


def _stands_alone(event: Event, index: int) -> bool:
    """Whether a mention that repeats no known event is an event of its own."""
    if len(event.parties) < 2 or event.source == "other":
        return False  # "встреча с предпринимателями региона": held with no party
    if event.multilateral:
        return False  # "заседание Совета … государств СНГ": a bloc's, not the two sides
    if event.source in {"name", "with"}:
        return True
    if event.source == "subject":  # "Президенты … проведут переговоры"
        return event.happening or event.status == "announced"
    if event.frame:  # "на полях форума": a setting, an event only when it has a name
        return event.named and event.status != "announced"
    if event.status == "announced":
        return False  # an invitation to a forum of others
    # Parties only from the document: the article's main event, told as taking place.
    return event.happening and (event.named or index < LEAD_SENTENCES)


def _same(known: Event, new: Event) -> bool:
    if _told_apart(known, new):
        return False
    if (
        len(new.parties) == 1
        and new.parties[0] in known.parties
        and new.source in {"document", "none"}
    ):
        # "Встреча с премьер-министром соседнего государства состоялась вчера": one side
        # named again, of the meeting told before
        return known.kind == new.kind and new.kind in MEETING_FAMILY
    if known.parties != new.parties:
        return False
    if new.source in {"document", "none"}:
        # "Встреча … состоялась вчера, 18 ноября" after "Путин принял премьер-министра
        # Монголии": the same kind between the same sides, told again
        return known.kind == new.kind and new.kind in MEETING_FAMILY
    return known.kind == new.kind or {known.kind, new.kind} <= MEETING_FAMILY


def _told_apart(known: Event, new: Event) -> bool:
    """Two sittings held in different cities are two events, however alike their sides
    and kinds ("встреча президентов в Пекине" and "заседание
    комиссии в Улан-Баторе")."""
    if not {known.kind, new.kind} <= MEETING_FAMILY:
        return False  # a visit or a festival goes on over days and cities
    return known.place is not None and new.place is not None and known.place != new.place


def _enrich(known: Event, new: Event) -> None:
    for name in ("name", "ordinal", "place", "location", "format"):
        if getattr(known, name) is None and getattr(new, name) is not None:
            setattr(known, name, getattr(new, name))
    if new.date and (known.date is None or len(new.date) > len(known.date)):
        known.date = new.date
    for person in new.participants:
        if person not in known.participants:
            known.participants.append(person)


def _capitals_as_countries(parties: Sequence[str]) -> list[str]:
    """ "визит в Ташкент" of Kazakhstan's minister is Kazakhstan meeting Uzbekistan: a city
    beside a country or a region stands for its country ("Дни культуры Ростовской области"
    in Minsk are Belarus's guests); two cities (Минск and Ташкент) stay cities."""
    cities = [p for p in parties if region_type(p) in CITY_TYPES]
    if len(parties) == 2 and len(cities) == 1:
        return sorted(p.split("-")[0] if p in cities else p for p in parties)
    return list(parties)


def _fact(event: Event) -> Fact:
    confidence = {
        "name": CONFIDENCE_NAMED,
        "with": CONFIDENCE_NAMED,
        "subject": CONFIDENCE_SENTENCE,
    }.get(event.source, CONFIDENCE_DOCUMENT)
    fields: EventFields = {
        "kind": event.kind,
        "format": event.format,
        "name": event.name,
        "ordinal": event.ordinal,
        "parties": list(event.parties),
        "place": event.place,
        "location": event.location,
        "date": event.date,
        "status": event.status,
        "participants": event.participants,
    }
    return Fact("event", fields, event.evidence, confidence, rule=f"event.{event.source}")
