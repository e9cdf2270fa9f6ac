"""Joint projects: plants, production lines, clusters, terminals built or run by partners of
two countries.

"омский завод вместе с павлодарской компанией наладил в Экибастузе выпуск насосов" is an
operating machine-building project in Ekibastuz (KZ-55) of RU-OMS and KZ; "собирается
открыть в Актобе линию по сборке тракторов" a planned one; "ведётся строительство
терминала" one in progress.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bilat.extract.context import DocContext
from bilat.extract.events.eventparties import in_title
from bilat.extract.events.sectors import product_sector
from bilat.extract.figures import Scan
from bilat.extract.parse.textforms import QUOTE_CHARS, line_sentences, nominative_phrase
from bilat.model import Evidence, Fact, Mention, Sentence, Token
from bilat.schemas import ProjectFields

# Nouns of a facility: the project is the thing itself ("совместный зерновой терминал").
FACILITY_NOUNS = frozenset(
    {
        "завод",
        "предприятие",
        "фабрика",
        "комбинат",
        "кластер",
        "цех",
        "линия",
        "площадка",
        "технопарк",
        "терминал",
        "хаб",
        "ферма",
        "теплица",
        "электростанция",
        "сп",
    }
)
# Nouns of a project (lemmas): what is built, run or produced — a facility, or the work.
PROJECT_NOUNS = FACILITY_NOUNS | {
    "проект",
    "инвестпроект",
    "производство",
    "строительство",
    "запуск",
    "выпуск",
}
# Making something: with a project noun, a sentence tells of a project, not of a wish.
CREATE_WORDS = frozenset(
    {
        "организовать",
        "запустить",
        "построить",
        "открыть",
        "создать",
        "реализовать",
        "наладить",
        "локализовать",
        "строить",
        "возвести",
        "ввести",
        "создание",
        "строительство",
        "запуск",
        "реализация",
        "организация",
        "открытие",
        "локализация",
        "реализовывать",
        "создавать",
        "запускать",
        "открывать",
        "производить",
        "выпускать",
        "заработать",
    }
)
# Words that make a project joint.
JOINT_WORDS = frozenset(
    {
        "совместно",
        "совместный",
        "партнер",
        "партнёр",
        "партнерство",
        "партнёрство",
        "сп",
        "кооперация",
    }
)
# Planned: a plan, or an agreement or talks about building ("соглашение о строительстве").
PLANNED_WORDS = frozenset(
    {
        "планировать",
        "планироваться",
        "намереваться",
        "собираться",
        "предполагаться",
        "предусматривать",
        "рассчитывать",
        "намерен",
        "готовый",
        "ожидаться",
        "план",
        "намечать",
        "наметить",
        "соглашение",
        "меморандум",
        "переговоры",
        "договориться",
    }
)
IN_PROGRESS_WORDS = frozenset(
    {"идти", "вестись", "строиться", "реализовываться", "продолжаться", "стадия", "этап", "работа"}
)
OPERATING_WORDS = frozenset(
    {"действующий", "работать", "выпускать", "производить", "функционировать"}
)
# The first project of a plural ("проекты в машиностроении") is no project: a wish list.
CAPACITY = re.compile(
    r"мощност\w*\s+(?:до\s+|более\s+|свыше\s+)?(?P<value>[\d\s.,]+\s*"
    r"(?:тыс\.?|млн|тысяч\w*|миллион\w*)?\s*\w+(?:\s+в\s+(?:год|сутки|смену))?)"
)
# How many tokens after its noun the product of a project may run ("производство пружин
# для железнодорожных вагонов").
MAX_OBJECT_TOKENS = 8
CONFIDENCE = 0.7


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    facts: list[Fact] = []
    for sentence in line_sentences(ctx):
        if ctx.in_furniture(sentence):
            continue
        fact = _project(ctx, sentence, scans)
        if fact is None:
            continue
        same = next((i for i, known in enumerate(facts) if _same(known, fact)), None)
        if same is None:
            facts.append(fact)
        elif _detail(fact) > _detail(facts[same]):
            facts[same] = fact  # the headline told it first, the body tells it better
    return facts


def _same(a: Fact, b: Fact) -> bool:
    """One project told twice: the same partners, the same host country, sectors that agree."""
    sectors = {a.get("sector"), b.get("sector")} - {None}
    hosts = {str(f.get("location") or "").split("-")[0] for f in (a, b)}
    return (
        set(a.get("partners")) == set(b.get("partners")) and len(sectors) <= 1 and len(hosts) == 1
    )


def _detail(fact: Fact) -> int:
    return sum(
        fact.get(key) is not None
        for key in ("sector", "place", "location", "what", "value", "capacity")
    )


def _project(ctx: DocContext, sentence: Sentence, scans: list[Scan]) -> Fact | None:
    tokens = sentence.tokens
    noun = _project_noun(tokens)
    lemmas = {t.lemma for t in tokens}
    if noun is None or not lemmas & CREATE_WORDS:
        return None
    place, location = _place(ctx, sentence)
    partners = _partners(ctx, sentence, location)
    if len(partners) < 2 or not (lemmas & JOINT_WORDS or location or _two_named(ctx, sentence)):
        return None
    product = _object(tokens, noun)
    value, currency = _value(sentence, scans)
    fields: ProjectFields = {
        "sector": product_sector(product) or product_sector(tokens),
        "what": _what(ctx, tokens, noun, product),
        "place": place,
        "location": location,
        "partners": partners,
        "status": _status(tokens),
        "value": value,
        "currency": currency,
        "capacity": _capacity(sentence.text),
    }
    return Fact(
        "project",
        fields,
        Evidence(sentence.text, sentence.start, sentence.stop),
        CONFIDENCE,
        rule="project.keyword",
        trace=(f"noun={tokens[noun].text}",),
    )


def _project_noun(tokens: Sequence[Token]) -> int | None:
    """The singular project noun that follows a verb or noun of making ("организовало в
    Усть-Каменогорске производство"), else the first one; plurals are lists of hopes."""
    nouns = [
        i
        for i, t in enumerate(tokens)
        if t.lemma in PROJECT_NOUNS and t.feats.get("Number") != "Plur"
    ]
    makes = [i for i, t in enumerate(tokens) if t.lemma in CREATE_WORDS]
    made = [i for i in nouns if any(0 < i - m <= MAX_OBJECT_TOKENS for m in makes)]
    found = made or nouns
    return found[0] if found else None


# Words that end the description of a product: what follows is its size or price.
OBJECT_STOPS = frozenset({"стоимость", "мощность", "площадь", "объем", "объём", "общий"})
# Words between a project noun and its product: "открытие в начале 2026 года нового цеха",
# "проекта по строительству в Актобе логистического центра".
OBJECT_SKIP = frozenset({"по", "на", "в", "во", "конец", "начало", "середина", "год", "течение"})


def _object(tokens: Sequence[Token], noun: int) -> list[Token]:
    """What the project is: a facility with its adjectives ("зерновой терминал", "завод
    металлоконструкций"), or what a process makes ("производство пружин …")."""
    if tokens[noun].lemma in FACILITY_NOUNS:
        first = noun
        while (
            first > 0
            and tokens[first - 1].pos == "ADJ"
            and tokens[first - 1].lemma not in JOINT_WORDS
        ):
            first -= 1
        return [*tokens[first : noun + 1], *_words_after(tokens, noun + 1)]
    start = noun + 1
    while start < len(tokens) and (
        tokens[start].lemma in PROJECT_NOUNS | CREATE_WORDS | OBJECT_SKIP
        or tokens[start].pos in {"NUM", "PROPN"}
        or tokens[start].text.isdigit()
    ):
        start += 1
    return _words_after(tokens, start)


def _what(ctx: DocContext, tokens: Sequence[Token], noun: int, product: list[Token]) -> str | None:
    """A facility in the nominative ("совместный зерновой терминал"), a product as told."""
    if not product:
        return None
    if tokens[noun].lemma in FACILITY_NOUNS:
        first, last = tokens.index(product[0]), tokens.index(product[-1])
        return nominative_phrase(ctx.analysis.text, tokens, first, last, noun)
    return " ".join(t.text for t in product)


def _words_after(tokens: Sequence[Token], start: int) -> list[Token]:
    words = []
    for token in tokens[start : start + MAX_OBJECT_TOKENS]:
        if (
            token.pos in {"VERB", "AUX"}
            or token.text in {",", ".", ";", ":"}
            or token.lemma in OBJECT_STOPS
        ):
            break
        if token.pos == "ADP" and token.lemma in {"в", "во", "с", "со"}:
            break
        if token.text not in QUOTE_CHARS:
            words.append(token)
    return words


def _status(tokens: Sequence[Token]) -> str:
    lemmas = [t.lemma for t in tokens]
    if any(lemma in PLANNED_WORDS for lemma in lemmas) or any(
        t.feats.get("Tense") == "Fut" for t in tokens if t.pos in {"VERB", "AUX"}
    ):
        return "planned"
    if any(lemma in IN_PROGRESS_WORDS for lemma in lemmas):
        return "in_progress"
    for token in tokens:
        if token.lemma in CREATE_WORDS and token.pos == "VERB":
            if token.feats.get("Tense") == "Past" and token.feats.get("Aspect") == "Perf":
                return "operating"
            if token.feats.get("Tense") == "Pres":
                return "in_progress"
    if any(lemma in OPERATING_WORDS for lemma in lemmas):
        return "operating"
    return "in_progress"


def _place(ctx: DocContext, sentence: Sentence) -> tuple[str | None, str | None]:
    """The city a project stands in ("в Павлодаре"), with its region; else a region named
    after "в"."""
    tokens = sentence.tokens
    for mention in ctx.mentions_between(sentence.start, sentence.stop):
        if _after(tokens, mention, {"в", "во"}) and not in_title(tokens, mention.start):
            if mention.form == "city" or mention.actor.kind == "city":
                return mention.normal or mention.text, mention.actor.code
            if mention.form != "adjective":
                return None, mention.actor.code
    return None, None


def _after(tokens: Sequence[Token], mention: Mention, words: set[str]) -> bool:
    i = next((j for j, t in enumerate(tokens) if t.stop > mention.start), 0)
    return i > 0 and tokens[i - 1].lemma in words


def _partners(ctx: DocContext, sentence: Sentence, location: str | None) -> list[str]:
    """Who runs it: the sides named ("башкирское предприятие", "с казахским партнёром",
    "наша компания из Белорецка"), the text's own side for "наш", and the host country."""
    tokens = sentence.tokens
    sides: list[str] = []
    for mention in ctx.mentions_between(sentence.start, sentence.stop):
        code = mention.actor.code
        if mention.actor.code == location and _after(tokens, mention, {"в", "во"}):
            continue
        if mention.form == "city" and not _after(tokens, mention, {"из", "изо"}):
            continue
        sides.append(code)
    if ctx.home and any(t.lemma in {"наш", "мы"} for t in tokens):
        sides.insert(0, ctx.home)
    if location:
        sides.append(location.split("-")[0])
    if len(_countries(sides)) < 2:
        sides += list(ctx.pair)
    picked: list[str] = []
    for code in sides:
        if code.split("-")[0] not in _countries(picked):
            picked.append(code)
    return picked[:2]


def _countries(codes: Sequence[str]) -> set[str]:
    return {c.split("-")[0] for c in codes}


def _two_named(ctx: DocContext, sentence: Sentence) -> bool:
    mentions = ctx.mentions_between(sentence.start, sentence.stop)
    return len({m.actor.country for m in mentions}) >= 2


def _value(sentence: Sentence, scans: list[Scan]) -> tuple[float | None, str | None]:
    """The sum the sentence gives the project, and its currency."""
    for scan in scans:
        if (
            sentence.start <= scan.sentence.start < sentence.stop
            or scan.sentence.start <= sentence.start < scan.sentence.stop
        ):
            money = [
                (f.value, f.money.currency)
                for f in scan.figures
                if f.kind == "money"
                and f.money
                and f.money.currency
                and sentence.start <= f.start < sentence.stop
            ]
            if money:
                return money[0]
    return None, None


def _capacity(text: str) -> str | None:
    match = CAPACITY.search(text)
    return " ".join(match.group("value").split()) if match else None
