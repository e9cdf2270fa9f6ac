"""Agreements: roadmaps, memoranda, treaties, agreements, programmes, contracts.

"по принятой татарстано-узбекской дорожной карте на 2025–2026 годы" is a roadmap of RU-TA
and UZ for 2025–2026; "меморандум, который мы заключили с Правительством Узбекистана в
прошлом году" is one signed a year before publication, by the text's own side ("мы") with
Uzbekistan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bilat.extract.context import DocContext
from bilat.extract.events.eventdate import find_dates
from bilat.extract.figures import Scan
from bilat.extract.parse.periods import find_periods
from bilat.extract.parse.textforms import (
    QUOTE_CHARS,
    closing_quote,
    line_sentences,
    nominative_phrase,
)
from bilat.model import Evidence, Fact, Sentence, Token
from bilat.schemas import AgreementFields, YearSpan

# Lemma, or two lemmas in a row, → kind.
AGREEMENT_WORDS: dict[str | tuple[str, str], str] = {
    ("дорожный", "карта"): "roadmap",
    "меморандум": "memorandum",
    "соглашение": "agreement",
    "договор": "treaty",
    "конвенция": "treaty",
    "контракт": "contract",
    "декларация": "declaration",
    "протокол": "protocol",
    "программа": "programme",
    ("план", "мероприятие"): "roadmap",
    ("план", "действие"): "roadmap",
}
# "программа" is an agreement only as a programme of cooperation between parties.
PROGRAMME_MARKS = frozenset(
    {
        "сотрудничество",
        "межрегиональный",
        "межправительственный",
        "совместный",
        "двусторонний",
        "взаимодействие",
    }
)
# Verbs and participles of making an agreement: with them a sentence dates the agreement.
SIGN_WORDS = frozenset(
    {
        "подписать",
        "подписывать",
        "заключить",
        "заключать",
        "утвердить",
        "утверждать",
        "ратифицировать",
        "парафировать",
        "подписание",
        "заключение",
        "утверждение",
        "подписанный",
        "утвержденный",
        "утверждённый",
        "заключенный",
        "заключённый",
        "принять",
    }
)
PLAN_WORDS = frozenset(
    {
        "планироваться",
        "планировать",
        "намереваться",
        "готовиться",
        "предстоять",
        "проект",
        "разработать",
        "разрабатываться",
        "подготовить",
        "согласовывать",
        "намерен",
        "собираться",
        "рассчитывать",
    }
)
# Words that make "мы"/"наш" the text's own side.
OWN_WORDS = frozenset({"мы", "наш"})
ANNIVERSARY_SUFFIX = "-летие"
# How far after a name a period ("на 2023-2024 годы") still belongs to it, in characters.
MAX_PERIOD_GAP = 12
MAX_NAME_TOKENS = 12
# How far (characters) a date may stand from "подписали" and still date the signing: "в
# декабре заседание рабочей группы … и подписали меморандум" dates the meeting, not the
# memorandum; "подписали … в прошлом году" (35 characters apart) dates the signing.
MAX_DATE_GAP = 40

CONFIDENCE_NAMED = 0.85
CONFIDENCE_DOCUMENT = 0.6


@dataclass
class Agreement:
    kind: str
    name: str | None
    parties: tuple[str, ...]
    named: bool
    status: str
    date: str | None
    period: YearSpan | None
    evidence: Evidence
    mentions: list[str] = field(default_factory=list)


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    found: list[Agreement] = []
    for sentence in line_sentences(ctx):
        if ctx.in_furniture(sentence):
            continue
        for head, kind in _heads(sentence.tokens):
            agreement = _read(ctx, sentence, head, kind)
            if agreement is not None:
                _merge(found, agreement)
    return [_fact(a) for a in found]


def _heads(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    heads = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1].lemma if i + 1 < len(tokens) else ""
        kind = AGREEMENT_WORDS.get((token.lemma, following)) or AGREEMENT_WORDS.get(token.lemma)
        if kind is None or (kind == "programme" and not _cooperation_programme(tokens, i)):
            continue
        heads.append((i, kind))
    return heads


def _cooperation_programme(tokens: Sequence[Token], i: int) -> bool:
    near = tokens[max(0, i - 2) : i + 3]
    return any(t.lemma in PROGRAMME_MARKS for t in near)


def _read(ctx: DocContext, sentence: Sentence, head: int, kind: str) -> Agreement | None:
    tokens = sentence.tokens
    first, last = _name_span(tokens, head)
    lemmas = {t.lemma for t in tokens}
    signed_here = bool(lemmas & SIGN_WORDS)
    parties, named = _parties(ctx, sentence, first, last)
    if len(parties) < 2 or (not named and not signed_here):
        return None  # a party-less mention in passing ("соглашения ЕАЭС")
    if tokens[head].feats.get("Number") == "Plur" and not signed_here:
        return None
    return Agreement(
        kind=kind,
        name=_name(ctx, tokens, first, last, head),
        parties=parties,
        named=named,
        status="planned" if lemmas & PLAN_WORDS or _future(tokens) else "signed",
        date=_date(ctx, sentence) if signed_here else None,
        period=_period(sentence, tokens[last].stop),
        evidence=Evidence(sentence.text, sentence.start, sentence.stop),
        mentions=[sentence.text],
    )


def _name_span(tokens: Sequence[Token], head: int) -> tuple[int, int]:
    """Adjectives before ("башкиро-казахстанской дорожной"), then "о …"/"об …" or genitives
    after ("Договора о стратегическом партнерстве и союзнических отношениях")."""
    first = head
    while (
        first > 0
        and tokens[first - 1].pos == "ADJ"
        and tokens[first - 1].feats.get("VerbForm") != "Part"
        and tokens[first - 1].lemma not in SIGN_WORDS
    ):
        first -= 1  # "утвержденной" tells the status, it is not part of the name
    if head + 1 < len(tokens) and (tokens[head].lemma, tokens[head + 1].lemma) in AGREEMENT_WORDS:
        head += 1
    last, i = head, head + 1
    about = False
    while i < len(tokens) and i - first < MAX_NAME_TOKENS:
        token = tokens[i]
        if token.lemma in {"о", "об"} and not about:
            about = True
        elif token.text in QUOTE_CHARS:
            close = closing_quote(tokens, i)
            if close is None:
                break
            last = i = close
        elif token.pos in {"NOUN", "PROPN", "ADJ"} and token.feats.get("Case") in (
            {"Gen", "Loc"} if about else {"Gen"}
        ):
            last = i
        elif not (token.lemma == "и" and last == i - 1):
            break
        i += 1
    return first, last


def _parties(
    ctx: DocContext, sentence: Sentence, first: int, last: int
) -> tuple[tuple[str, ...], bool]:
    """From the name, else from the sentence ("между …", "с Правительством Казахстана",
    "мы"), completed from the document's pair; ``named`` when one came from the text."""
    tokens = sentence.tokens
    lo, hi = tokens[first].start, tokens[last].stop
    inside = [m.actor.code for m in ctx.mentions_between(lo, hi) if m.form != "city"]
    if len({c.split("-")[0] for c in inside}) >= 2:
        return _two(inside), True
    sides = list(inside)
    sides += [
        m.actor.code
        for m in ctx.mentions_between(sentence.start, sentence.stop)
        if m.form != "city" and not lo <= m.start < hi
    ]
    if ctx.home and any(t.lemma in OWN_WORDS for t in tokens):
        sides.insert(0, ctx.home)
    named = bool(sides)
    sides += list(ctx.pair)
    return _two(sides), named


def _two(codes: Sequence[str]) -> tuple[str, ...]:
    picked: list[str] = []
    for code in codes:
        if all(code.split("-")[0] != p.split("-")[0] for p in picked):
            picked.append(code)
    return tuple(sorted(picked[:2]))


def _future(tokens: Sequence[Token]) -> bool:
    return any(t.feats.get("Tense") == "Fut" for t in tokens if t.pos in {"VERB", "AUX"})


def _date(ctx: DocContext, sentence: Sentence) -> str | None:
    """When it was signed: a date of the sentence, "в прошлом году", "20-летие со дня
    подписания" (twenty years before the publication year)."""
    periods = find_periods(sentence.text, sentence.start)
    ranges = [(p.start, p.stop) for p in periods if p.to_year]
    signs = [(t.start, t.stop) for t in sentence.tokens if t.lemma in SIGN_WORDS]
    dates = [
        d
        for d in find_dates(sentence.text, sentence.start)
        if (d.month or d.year)
        and not any(lo <= d.start < hi for lo, hi in ranges)
        and _near(d.start, d.stop, signs)
    ]
    if dates:
        return dates[0].iso(ctx.date, "past")
    for span in periods:
        if span.role == "period" and span.to_year is None and _near(span.start, span.stop, signs):
            year = span.resolve(ctx.year)
            if year:
                return str(year)
    for token in sentence.tokens:
        number = token.text.split("-")[0]
        if token.text.endswith(ANNIVERSARY_SUFFIX) and number.isdigit() and ctx.year:
            return str(ctx.year - int(number))
    return None


def _near(start: int, stop: int, spans: list[tuple[int, int]]) -> bool:
    """A date belongs to the signing when it stands this close to the signing word."""
    return any(min(abs(start - hi), abs(lo - stop)) <= MAX_DATE_GAP for lo, hi in spans)


def _period(sentence: Sentence, name_stop: int) -> YearSpan | None:
    """ "на 2023-2024 годы" right after the name: the years it runs for."""
    for span in find_periods(sentence.text, sentence.start):
        if span.to_year and span.year and 0 <= span.start - name_stop <= MAX_PERIOD_GAP:
            return {"from_year": span.year, "to_year": span.to_year}
    return None


def _name(ctx: DocContext, tokens: Sequence[Token], first: int, last: int, head: int) -> str | None:
    if head + 1 <= last and (tokens[head].lemma, tokens[head + 1].lemma) in AGREEMENT_WORDS:
        head += 1  # "дорожная карта": the noun is the second word
    if first == last:
        return None
    text = nominative_phrase(ctx.analysis.text, tokens, first, last, head)
    return text[:1].upper() + text[1:]


def _merge(found: list[Agreement], new: Agreement) -> None:
    """The same kind between the same parties is one agreement told twice."""
    for known in found:
        if known.kind == new.kind and known.parties == new.parties:
            known.date = known.date or new.date
            known.period = known.period or new.period
            known.name = (
                known.name if known.name and len(known.name) >= len(new.name or "") else new.name
            )
            known.named = known.named or new.named
            known.mentions.append(new.evidence.text)
            return
    found.append(new)


def _fact(agreement: Agreement) -> Fact:
    fields: AgreementFields = {
        "kind": agreement.kind,
        "name": agreement.name,
        "parties": list(agreement.parties),
        "status": agreement.status,
        "date": agreement.date,
        "period": agreement.period,
        "mentions": len(agreement.mentions),
    }
    confidence = CONFIDENCE_NAMED if agreement.named else CONFIDENCE_DOCUMENT
    return Fact(
        "agreement",
        fields,
        agreement.evidence,
        confidence,
        rule="agreement.named" if agreement.named else "agreement.document",
    )
