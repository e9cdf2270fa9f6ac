"""An event's name: the words that make an event and its kind, where its name begins and
ends ("V Форум регионов России и Узбекистана"), its ordinal, and whether it is many sides'
rather than two.
"""

from __future__ import annotations

from collections.abc import Sequence

from bilat.extract.context import DocContext
from bilat.extract.events.eventparties import (
    Span,
    after_preposition,
)
from bilat.extract.events.eventrecord import (
    MAX_NAME_TOKENS,
)
from bilat.extract.parse.textforms import (
    BLOCS,
    DASHES,
    QUOTE_CHARS,
    closing_quote,
    nominative_phrase,
)
from bilat.model import Token

# Event nouns (lemma, or two lemmas in a row) → (kind, format). The scorer knows forum,
# meeting, negotiations, visit, signing, conference and other; ``format`` keeps the finer
# kind an analyst filters by (a working group's session is a meeting).
EVENT_WORDS: dict[str | tuple[str, str], tuple[str, str | None]] = {
    "форум": ("forum", None),
    "бизнес-форум": ("forum", None),
    "встреча": ("meeting", None),
    "совещание": ("meeting", None),
    "видеоконференция": ("meeting", "video"),
    "саммит": ("meeting", "summit"),
    "переговоры": ("negotiations", None),
    "консультация": ("negotiations", "consultations"),
    "визит": ("visit", None),
    "бизнес-миссия": ("visit", "business_mission"),
    "поездка": ("visit", "trip"),
    "конференция": ("conference", None),
    "семинар": ("conference", "seminar"),
    "симпозиум": ("conference", None),
    "конгресс": ("conference", None),
    ("круглый", "стол"): ("conference", "round_table"),
    ("телефонный", "разговор"): ("negotiations", "phone_call"),
    ("церемония", "подписание"): ("signing", None),
    ("церемония", "открытие"): ("other", "ceremony"),
    ("день", "культура"): ("other", "culture_days"),
    ("вручение", "верительный"): ("other", "credentials"),
    "выставка": ("other", "exhibition"),
    "ярмарка": ("other", "fair"),
}

# Adjectives that praise or count an event but are not part of its name.
NOT_NAME_WORDS = frozenset(
    {
        "юбилейный",
        "очередной",
        "масштабный",
        "традиционный",
        "ежегодный",
        "предстоящий",
        "прошедший",
        "этот",
        "данный",
        "подобный",
        "такой",
        "весь",
        "наш",
        "свой",
        "который",
    }
)


ORDINAL_WORDS = {
    "первый": 1,
    "второй": 2,
    "третий": 3,
    "четвертый": 4,
    "четвёртый": 4,
    "пятый": 5,
    "шестой": 6,
    "седьмой": 7,
    "восьмой": 8,
    "девятый": 9,
    "десятый": 10,
    "одиннадцатый": 11,
    "двенадцатый": 12,
    "пятнадцатый": 15,
    "двадцатый": 20,
    "тридцатый": 30,
}


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


# Words of an event's name that make it many sides'.
# ("международный" is not one: a "международный круглый стол" of two countries is theirs.)
MANY_SIDES_WORDS = frozenset(
    {
        "многосторонний",
        "всемирный",
        "трёхсторонний",
        "трехсторонний",
        "четырёхсторонний",
        "четырехсторонний",
        "тройка",
        "четвёрка",
        "четверка",
        "семёрка",
        "семерка",
        "восьмёрка",
        "восьмерка",
        "двадцатка",
    }
)


# How far past an event's name a bloc may be named: "заседании Совета … государств СНГ".
BLOC_AFTER_NAME = 8


def name_span(tokens: Sequence[Token], head: int) -> Span:
    """The event noun with its adjectives and ordinal before it and the genitives, "по …"
    phrase and quoted title after it: "XX Форум межрегионального сотрудничества России и
    Казахстана", "пленарное заседание “Сибирь. Экономика будущего”"."""
    first = head
    while (
        first > 0
        and (tokens[first - 1].pos in {"ADJ", "NUM"} or ordinal_of([tokens[first - 1]]) is not None)
        and tokens[first - 1].lemma not in NOT_NAME_WORDS
        and tokens[first - 1].feats.get("VerbForm") != "Part"
    ):
        first -= 1
    if head + 1 < len(tokens) and (tokens[head].lemma, tokens[head + 1].lemma) in EVENT_WORDS:
        head += 1
    last, i = head, head + 1
    while i < len(tokens) and i - first < MAX_NAME_TOKENS:
        token = tokens[i]
        if token.text in QUOTE_CHARS:
            close = closing_quote(tokens, i)
            if close is None:
                break
            last = i = close
        elif (
            _genitive(token)
            or _pair_title(token)
            or (token.lemma == "по" and i + 1 < len(tokens))
            or (token.lemma == "и" and i + 1 < len(tokens) and _genitive(tokens[i + 1]))
        ):
            last = i if token.lemma not in {"по", "и"} else last
        else:
            break
        i += 1
    return Span(first, last)


def _pair_title(token: Token) -> bool:
    """ "комиссия Азербайджан–Турция": two names joined by a dash, set after a name."""
    parts = "".join("-" if ch in DASHES else ch for ch in token.text).split("-")
    return len(parts) == 2 and all(part[:1].isupper() for part in parts)


def _genitive(token: Token) -> bool:
    """A genitive (or dative) word of a name; a hyphenated adjective the tagger leaves
    without a case ("российско-монгольской") counts too."""
    if token.pos == "ADJ" and "-" in token.text and "Case" not in token.feats:
        return True
    return token.pos in {"NOUN", "PROPN", "ADJ"} and token.feats.get("Case") in {"Gen", "Dat"}


def of_a_bloc(tokens: Sequence[Token], name: Span) -> bool:
    """ "заседание Совета представителей государств СНГ": a bloc names the event or the
    body it belongs to (the words that hang on its name), not the frame after a
    preposition ("переговоры на полях саммита ШОС" are the two sides')."""
    last = name.last
    while (
        last + 1 < len(tokens)
        and last - name.last < BLOC_AFTER_NAME
        and tokens[last + 1].pos in {"NOUN", "ADJ", "PROPN"}
    ):
        last += 1
    return any(t.text.lower() in BLOCS for t in tokens[name.first : last + 1])


def of_many(ctx: DocContext, tokens: Sequence[Token], name: Span) -> bool:
    """ "Встреча президентов России, Украины, Франции и канцлера Германии", "многосторонние
    переговоры": more than two sides by name or by word."""
    # the name and the list it runs into: "президентов России, Украины, Франции и …"
    last = next(
        (i - 1 for i in range(name.last + 1, len(tokens)) if tokens[i].pos in {"VERB", "AUX"}),
        len(tokens) - 1,
    )
    lo, hi = tokens[name.first].start, tokens[max(name.last, last)].stop
    named = {
        m.actor.country
        for m in ctx.mentions_between(lo, hi)
        if not after_preposition(tokens, m.start)
    }
    return len(named) > 2 or any(
        t.lemma in MANY_SIDES_WORDS for t in tokens[name.first : name.last + 1]
    )


def ordinal_of(tokens: Sequence[Token]) -> int | None:
    for token in tokens:
        text = token.text.upper()
        if text and all(ch in ROMAN for ch in text):
            return _roman(text)
        digits = token.text.split("-")[0]
        if digits.isdigit() and "-" in token.text:
            return int(digits)
        if token.lemma in ORDINAL_WORDS:
            return ORDINAL_WORDS[token.lemma]
    return None


def _roman(text: str) -> int:
    values = [ROMAN[ch] for ch in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def name_text(ctx: DocContext, tokens: Sequence[Token], name: Span, head: int) -> str | None:
    """The name in the nominative, when it is more than the bare noun."""
    if head + 1 <= name.last and (tokens[head].lemma, tokens[head + 1].lemma) in EVENT_WORDS:
        head += 1  # "круглый стол": the noun is the second word
    if name.first == name.last == head:
        return None
    text = nominative_phrase(ctx.analysis.text, tokens, name.first, name.last, head)
    return text[:1].upper() + text[1:]
