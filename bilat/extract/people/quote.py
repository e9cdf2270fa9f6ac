"""Quotes and who said them.

Three shapes of direct speech: quotation marks with the speaker after a dash
("«…», – отметил директор КИСИ Еркин Тукумов") or before a colon ("Талгат Калиев
подчеркивает: "…""), and dialogue lines that open with a dash ("– Текст, – сказал он.
– Текст."). Reported speech: "По словам спикера, …", "Как отметил X, …", "X подтвердил,
что …", "Казахстан, отметил он, готов …".

The speaker is the person named in the attribution; a role alone ("директор КИСИ") is the
person last named with that role, and "он", "спикер" the last speaker.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilat.extract.context import DocContext
from bilat.extract.figures import Scan
from bilat.extract.parse.textforms import line_sentences
from bilat.extract.people.people import People, Person, find_people
from bilat.extract.people.roles import is_role_word
from bilat.extract.people.rolewords import GROUP_HEADS
from bilat.model import Evidence, Fact, Sentence, Token
from bilat.schemas import QuoteFields, Someone

# Lemmas of verbs (and short adjectives) that introduce speech.
SPEECH_VERBS = frozenset(
    {
        "сказать",
        "говорить",
        "отметить",
        "отмечать",
        "подчеркнуть",
        "подчеркивать",
        "подчёркивать",
        "заявить",
        "заявлять",
        "добавить",
        "добавлять",
        "сообщить",
        "сообщать",
        "пояснить",
        "пояснять",
        "рассказать",
        "рассказывать",
        "считать",
        "уточнить",
        "напомнить",
        "подтвердить",
        "указать",
        "указывать",
        "признать",
        "признаваться",
        "констатировать",
        "заметить",
        "резюмировать",
        "привести",
        "обратить",
        "акцентировать",
        "уверенный",
        "убежденный",
        "убеждённый",
        "полагать",
        "убедить",
        "процитировать",
        "ответить",
        "выразить",
        "высказаться",
        "поделиться",
        "прокомментировать",
        "написать",
    }
)
# "По словам X, …", "По мнению X, …".
REPORTED_INTROS = frozenset({"слово", "мнение", "оценка"})
# Words that stand for the last speaker.
ANAPHORS = frozenset({"он", "она", "спикер", "собеседник"})
# Quotation marks: opening → closing.
QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
# Direct speech shorter than this is a name or a catchword ("Союз-5", «мягкой силы»).
MIN_QUOTE_WORDS = 4
# A dash with spaces around it: between speech and attribution, not inside a word.
SPACED_DASH = re.compile(r"\s[-–—]\s")
DASH_LINE = re.compile(r"^[ \t]*[-–—][ \t]+(?P<body>\S.*)$", re.MULTILINE)
# After a closing quotation mark: ", – " then the attribution up to the end of its sentence.
AFTER_QUOTE = re.compile(r"[ \t]*[,.!?…]?[ \t]*[-–—][ \t]*(?P<attr>[^\n]*?[.!?…])(?=\s|$)")
# "– добавил дипломат" after a paragraph about the ambassador: a role word no one named
# carries stands for the person named just before, when that was this close (characters;
# about two sentences).
NEAR_ANAPHOR_CHARS = 300
# How many tokens into an attribution its speech verb may stand ("– уверен эксперт").
MAX_VERB_POSITION = 3

CONFIDENCE_NAMED = 0.9  # the speaker is named in the attribution
CONFIDENCE_RESOLVED = 0.75  # a role, a pronoun or "спикер" resolved to a person
CONFIDENCE_UNATTRIBUTED = 0.55  # a dialogue line after a paragraph about its speaker


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the whole stretch: speech and attribution
    stop: int
    text: str
    mode: str  # direct | reported
    attribution: tuple[int, int] | None  # offsets of the words that name the speaker


@dataclass(frozen=True)
class Speaker:
    person: Person | None
    role: str | None
    how: str  # name | role | anaphor | previous


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    sentences = [s for s in line_sentences(ctx) if not ctx.in_furniture(s)]
    people = find_people(ctx)
    quotes = _direct(ctx, sentences)
    covered = [(q.start, q.stop) for q in quotes]
    quotes += [
        q
        for q in _reported(sentences)
        if not any(q.start < hi and lo < q.stop for lo, hi in covered)
    ]
    facts: list[Fact] = []
    last: Person | None = None
    for quote in sorted(quotes, key=lambda q: q.start):
        speaker = _speaker(ctx, people, sentences, quote, last)
        if speaker is None or (speaker.person is None and speaker.role is None):
            continue
        last = speaker.person or last
        facts.append(_fact(ctx, quote, speaker))
    return facts


# ── direct speech ──────────────────────────────────────────────────────────────────────


def _direct(ctx: DocContext, sentences: Sequence[Sentence]) -> list[Quote]:
    text = ctx.analysis.text
    quotes = []
    for open_, close in quoted_spans(text):
        if (
            ctx.furniture.covers(open_, close)
            or len(text[open_ + 1 : close].split()) < MIN_QUOTE_WORDS
        ):
            continue
        after = AFTER_QUOTE.match(text, close + 1)
        if after and _has_speech_verb(sentences, after.start("attr"), after.end("attr")):
            lo, hi = after.start("attr"), after.end("attr")
            quotes.append(Quote(open_, hi, _clean(text[open_ + 1 : close]), "direct", (lo, hi)))
            continue
        intro = _intro(text, open_)
        if intro:
            quotes.append(
                Quote(intro[0], close + 1, _clean(text[open_ + 1 : close]), "direct", intro)
            )
    return quotes + _dialogue(ctx, sentences)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of outermost quotations. A straight quote opens when a
    space or a line start is before it and a letter after it, and closes otherwise."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if ch == '"':
            opening = (
                (i == 0 or not text[i - 1].strip() or text[i - 1] in "(:«—–-")
                and i + 1 < len(text)
                and (text[i + 1].strip() or not stack)
            )
            if opening and not (stack and stack[-1][1] == '"' and not text[i + 1 : i + 2].strip()):
                stack.append((i, '"'))
                continue
        if stack and ch == QUOTE_PAIRS[stack[-1][1]]:
            start, _ = stack.pop()
            if not stack:
                spans.append((start, i))
        elif ch in QUOTE_PAIRS and ch != '"':
            stack.append((i, ch))
    return spans


def _intro(text: str, open_: int) -> tuple[int, int] | None:
    """ "Талгат Калиев подчеркивает:" right before the quote (on its line or the one above)."""
    before = text[:open_].rstrip()
    if not before.endswith(":"):
        return None
    start = max(before.rfind("\n"), before.rfind(". "), before.rfind("! "), before.rfind("? ")) + 1
    return start, len(before) - 1


def _dialogue(ctx: DocContext, sentences: Sequence[Sentence]) -> list[Quote]:
    """Lines that open with a dash: speech, then ", – отметил он.", then more speech."""
    text = ctx.analysis.text
    quotes = []
    for line in DASH_LINE.finditer(text):
        if ctx.furniture.covers(line.start(), line.end()):
            continue
        body, base = line.group("body"), line.start("body")
        speech, attribution = _split_dialogue(sentences, body, base)
        words = " ".join(speech)
        if len(words.split()) >= MIN_QUOTE_WORDS:
            quotes.append(
                Quote(line.start("body"), line.end(), _clean(words), "direct", attribution)
            )
    return quotes


def _split_dialogue(
    sentences: Sequence[Sentence], body: str, base: int
) -> tuple[list[str], tuple[int, int] | None]:
    parts, position = [], 0
    for match in SPACED_DASH.finditer(body):
        parts.append((position, match.start()))
        position = match.end()
    parts.append((position, len(body)))
    speech: list[str] = []
    attribution = None
    for n, (lo, hi) in enumerate(parts):
        piece = body[lo:hi].strip()
        after_speech = n > 0 and body[parts[n - 1][1] - 1 : parts[n - 1][1]] in ",!?…"
        if (
            attribution is None
            and after_speech
            and _has_speech_verb(sentences, base + lo, base + hi)
        ):
            attribution = (base + lo, base + hi)
        elif speech and n > 0 and attribution is None:
            speech[-1] = f"{speech[-1]} – {piece}"  # a dash inside the speech itself
        else:
            speech.append(piece)
    return speech, attribution


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,–—-")


# ── reported speech ────────────────────────────────────────────────────────────────────


def _reported(sentences: Sequence[Sentence]) -> list[Quote]:
    quotes = []
    for sentence in sentences:
        quote = _according_to(sentence) or _that_clause(sentence) or _parenthetical(sentence)
        if quote and len(quote.text.split()) >= MIN_QUOTE_WORDS:
            quotes.append(quote)
    return quotes


def _according_to(sentence: Sentence) -> Quote | None:
    """ "По словам спикера, …", "Как подчеркнул спикер, …", and at the end: "…, как
    отметил министр"."""
    tokens = sentence.tokens
    for k, token in enumerate(tokens[:-2]):
        intro = (token.lemma == "по" and tokens[k + 1].lemma in REPORTED_INTROS) or (
            token.lemma == "как" and tokens[k + 1].lemma in SPEECH_VERBS
        )
        if not intro or (k and tokens[k - 1].text != ","):
            continue
        comma = _next_comma(tokens, k + 2)
        if comma is not None and tokens[comma + 1 :]:
            said, end = tokens[comma + 1 :], tokens[comma].start
        elif comma is None and k:
            said, end = tokens[: k - 1], tokens[-1].stop
        else:
            return None
        return Quote(
            sentence.start,
            sentence.stop,
            _span_text(sentence, said),
            "reported",
            (tokens[k].start, end),
        )
    return None


def _that_clause(sentence: Sentence) -> Quote | None:
    """ "Фарид Шафиев подтвердил, что …": the subject before the verb is the speaker."""
    tokens = sentence.tokens
    for v, token in enumerate(tokens[:-2]):
        if (
            token.lemma in SPEECH_VERBS
            and tokens[v + 1].text == ","
            and tokens[v + 2].lemma == "что"
            and v > 0
        ):
            start = _clause_start(tokens, v)
            rest = tokens[v + 3 :]
            return Quote(
                sentence.start,
                sentence.stop,
                _span_text(sentence, rest),
                "reported",
                (tokens[start].start, token.stop),
            )
    return None


def _parenthetical(sentence: Sentence) -> Quote | None:
    """ "Казахстан, отметил он, готов …" and "…, – считает эксперт X." """
    tokens = sentence.tokens
    for c, token in enumerate(tokens[:-2]):
        if token.text != "," or c == 0:
            continue
        v = c + 2 if tokens[c + 1].text in "-–—" else c + 1
        if (
            v >= len(tokens)
            or tokens[v].lemma not in SPEECH_VERBS
            or tokens[v].feats.get("VerbForm") == "Inf"
        ):
            continue
        end = _next_comma(tokens, v + 1)
        stop = end if end is not None else len(tokens)
        if stop - v > 1 + MAX_VERB_POSITION * 4:
            continue
        rest = [*tokens[:c], *tokens[stop + 1 :]] if end is not None else list(tokens[:c])
        return Quote(
            sentence.start,
            sentence.stop,
            _span_text(sentence, rest),
            "reported",
            (tokens[v].start, tokens[stop - 1].stop),
        )
    return None


def _next_comma(tokens: Sequence[Token], start: int) -> int | None:
    return next((i for i in range(start, len(tokens)) if tokens[i].text == ","), None)


def _clause_start(tokens: Sequence[Token], v: int) -> int:
    i = v - 1
    while i > 0 and tokens[i - 1].text not in {",", ":", ";", "–", "—"}:
        i -= 1
    return i


def _span_text(sentence: Sentence, tokens: Sequence[Token]) -> str:
    words = [t for t in tokens if t.text not in {".", "–", "—"}]
    if not words:
        return ""
    base = sentence.start
    pieces = [sentence.text[words[0].start - base : words[0].stop - base]]
    for before, token in itertools.pairwise(words):
        gap = " " if token.start > before.stop else ""
        pieces.append(gap + sentence.text[token.start - base : token.stop - base])
    return _clean("".join(pieces))


# ── speakers ───────────────────────────────────────────────────────────────────────────


def _tokens_in(sentences: Sequence[Sentence], lo: int, hi: int) -> list[Token]:
    return [
        t
        for s in sentences
        if s.start < hi and s.stop > lo
        for t in s.tokens
        if lo <= t.start and t.stop <= hi
    ]


def _has_speech_verb(sentences: Sequence[Sentence], lo: int, hi: int) -> bool:
    tokens = [t for t in _tokens_in(sentences, lo, hi) if t.pos != "PUNCT"]
    return any(t.lemma in SPEECH_VERBS for t in tokens[: MAX_VERB_POSITION + 2])


def _speaker(
    ctx: DocContext,
    people: People,
    sentences: Sequence[Sentence],
    quote: Quote,
    last: Person | None,
) -> Speaker | None:
    if quote.attribution is None:
        return _previous_subject(people, sentences, quote, last)
    lo, hi = quote.attribution
    person = people.at(lo, hi)
    if person is not None:
        return Speaker(person, None, "name")
    tokens = _tokens_in(sentences, lo, hi)
    for token in tokens:
        if token.lemma in ANAPHORS:
            return Speaker(last or _last_named(people, lo), None, "anaphor")
        if (
            is_role_word(token.lemma)
            and token.feats.get("Number") != "Plur"
            and token.lemma not in GROUP_HEADS
        ):
            found = people.with_role(token.lemma, lo) or _last_named(people, lo, NEAR_ANAPHOR_CHARS)
            return Speaker(found, None if found else _role_text(ctx, tokens, token), "role")
    return None


def _previous_subject(
    people: People, sentences: Sequence[Sentence], quote: Quote, last: Person | None
) -> Speaker | None:
    """A dialogue line with no attribution continues the person the paragraph before it is
    about: "Он поблагодарил …" then "– Многие годы …"."""
    before = [s for s in sentences if s.stop <= quote.start]
    if not before:
        return None
    previous = before[-1]
    subject = next((t for t in previous.tokens if t.rel.startswith("nsubj")), None)
    if subject is None:
        return None
    if subject.lemma in ANAPHORS:
        person = last or _last_named(people, previous.start + 1)
    else:
        person = people.at(subject.start, subject.stop)
    return Speaker(person, None, "previous") if person else None


def _last_named(people: People, offset: int, within: int | None = None) -> Person | None:
    found = people.mentioned_before(offset)
    if not found or (within is not None and offset - found[-1][0] > within):
        return None
    return found[-1][1]


def _role_text(ctx: DocContext, tokens: Sequence[Token], head: Token) -> str:
    start = tokens.index(head)
    words = [t.text for t in tokens[start:] if t.pos != "PUNCT"]
    return " ".join(words)


def _fact(ctx: DocContext, quote: Quote, speaker: Speaker) -> Fact:
    who: Someone = (
        speaker.person.fields()
        if speaker.person is not None
        else {"name": None, "role": speaker.role, "organization": None, "country": None}
    )
    confidence = {"name": CONFIDENCE_NAMED, "previous": CONFIDENCE_UNATTRIBUTED}.get(
        speaker.how, CONFIDENCE_RESOLVED
    )
    text = ctx.analysis.text
    evidence = Evidence(text[quote.start : quote.stop], quote.start, quote.stop)
    fields: QuoteFields = {
        "speaker": who,
        "text": quote.text,
        "mode": quote.mode,
        "attributed_by": speaker.how,
    }
    return Fact("quote", fields, evidence, confidence, rule=f"quote.{quote.mode}.{speaker.how}")
