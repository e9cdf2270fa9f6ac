"""What a document tells about all its sentences: its date, its main pair, its own side.

Built once per document and handed to every extractor, so that "между регионами",
"наша республика" and "по итогам прошлого года" resolve the same way everywhere.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bilat.actors import find_mentions, leader_country, lookup, region_type
from bilat.actors.outlets import outlet_country
from bilat.extract.parse.dateline import find_dateline
from bilat.extract.parse.furniture import Furniture, find_furniture
from bilat.extract.parse.lines import cut_lines
from bilat.extract.parse.money import currency_nouns
from bilat.extract.parse.periods import (
    BASE_WORDS,
    MAX_YEAR,
    MIN_YEAR,
    MONTHS,
    PERIOD_TRIGGERS,
    RELATIVE_STEMS,
    RELATIVE_YEAR_WORDS,
    PeriodSpan,
    find_periods,
)
from bilat.model import Analysis, Mention, Sentence, Token
from bilat.sources.dates import url_year

T = TypeVar("T")

# How much a mention counts towards the document's main pair. A city (and a city that is
# a region of its own: Астана, Москва) is mostly a place where something happened, not a
# party, so it counts for less. Tuned on the dev articles' datelines ("АСТАНА, 21 фев").
CITY_WEIGHT = 0.3
CITY_REGION_TYPES = {"city", "federal_city"}


def mention_weight(mention: Mention) -> float:
    if mention.form == "city" or region_type(mention.actor.code) in CITY_REGION_TYPES:
        return CITY_WEIGHT
    return 1.0


@dataclass(frozen=True)
class DocContext:
    analysis: Analysis
    mentions: tuple[Mention, ...]
    furniture: Furniture
    date: str | None  # ISO publication date, its year inferred when the dateline lacks one
    year: int | None  # the publication year, read or guessed, to date events
    # The publication year only where a date, a dateline, the URL or a comparison tells it:
    # what "в прошлом году" of a figure is resolved against. A year guessed from the years
    # a text mentions is not ("в прошлом году" is not the year before the last one named).
    reference_year: int | None
    # Where the reference year comes from: "date", "dateline", "url", "comparison" (an
    # undated text whose current period a comparison tells), or None where it is guessed.
    year_source: str | None
    pair: tuple[str, ...]  # the document's main pair of parties: 0, 1 or 2 codes
    home: str | None  # the side the text speaks for ("наша республика")
    lines: tuple[Sentence, ...]  # sentences cut at every line break (see lines.py)
    # Readings several extractors share (the people of a document), made once by the
    # first that asks; lives and dies with the document.
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    @property
    def month(self) -> int | None:
        """The publication month, where the date gives one."""
        month = self.date[5:7] if self.date else ""
        return int(month) if month.isdigit() else None

    def periods_of(self, sentence: Sentence) -> tuple[PeriodSpan, ...]:
        """The periods a sentence names, parsed on first use and kept."""
        return sentence_periods(self._memo, sentence, self.furniture)

    def mentions_between(self, start: int, stop: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.stop <= stop]

    def new_paragraph(self, stop: int, start: int) -> bool:
        """Whether a line break lies between offset ``stop`` and offset ``start``."""
        return "\n" in self.analysis.text[stop:start]

    def in_furniture(self, sentence: Sentence) -> bool:
        return self.furniture.covers(sentence.start, sentence.stop)


def build_context(analysis: Analysis) -> DocContext:
    furniture = find_furniture(analysis.text)
    found = [
        m
        for m in find_mentions(analysis)
        if not furniture.covers(m.start, m.stop) and not _names_a_currency(analysis.text, m)
    ]
    mentions = tuple(sorted(found + _leader_mentions(analysis, found), key=lambda m: m.start))
    memo: dict[str, Any] = {}
    date, year, source = publication_date(analysis, lambda s: sentence_periods(memo, s, furniture))
    weights = party_weights(mentions)
    for code, weight in region_words_weights(analysis, mentions).items():
        weights[code] = weights.get(code, 0.0) + weight
    pair = _filled_pair(main_pair(weights), analysis)
    named = {code for code in weights if weights[code] > 0}
    # the side a text speaks for: the outlet's, where the text takes it for granted
    unnamed = [code for code in pair if code not in named]
    home = unnamed[0] if unnamed else home_party(pair, weights)
    owner = owner_of_the_pair(analysis, mentions, pair)
    if owner is not None:
        pair, home = tuple(sorted((owner, max(pair, key=lambda c: weights.get(c, 0.0))))), owner
    return DocContext(
        analysis=analysis,
        mentions=mentions,
        furniture=furniture,
        date=date,
        year=year,
        reference_year=year if source else None,
        year_source=source,
        pair=pair,
        home=home,
        lines=cut_lines(analysis),
        _memo=memo,
    )


def sentence_periods(
    memo: dict[str, Any], sentence: Sentence, furniture: Furniture
) -> tuple[PeriodSpan, ...]:
    """The periods of a sentence, parsed once whichever extractor asks first."""
    key = f"periods:{sentence.start}"
    if key not in memo:
        wanted = PERIOD_TRIGGERS.search(sentence.text) and not furniture.covers(
            sentence.start, sentence.stop
        )
        memo[key] = tuple(find_periods(sentence.text, sentence.start)) if wanted else ()
    return memo[key]  # type: ignore[no-any-return]


# "долларов США", "долл. США": the country names the currency, it is not a party.
# ("долларов. Турецкий экспорт": a sentence's end is no abbreviation's dot)
_CURRENCY_BEFORE = re.compile(rf"(?:(?:{currency_nouns({'USD'})})\w*|долл\.)\s*$", re.IGNORECASE)
# "американских долларов", "белорусских рублей": an adjective of a currency.
_CURRENCY_AFTER = re.compile(rf"^\s*(?:{currency_nouns()})", re.IGNORECASE)


def _names_a_currency(text: str, mention: Mention) -> bool:
    """ "долларов США", "белорусских рублей"; not "на 322 млн долларов российских товаров",
    where the adjective after the currency is the goods' origin."""
    if mention.form == "adjective":
        return bool(_CURRENCY_AFTER.search(text[mention.stop : mention.stop + 12]))
    return bool(_CURRENCY_BEFORE.search(text[max(0, mention.start - 16) : mention.start]))


def publication_date(
    analysis: Analysis,
    periods: Callable[[Sentence], tuple[PeriodSpan, ...]],
) -> tuple[str | None, int | None, str | None]:
    """The document's date, else its dateline, with the year read from the text if missing;
    and what tells that year ("date", "dateline", "url", "comparison", "partial"), None if
    guessed."""
    if analysis.document.date:
        return analysis.document.date, int(analysis.document.date[:4]), "date"
    dateline = find_dateline(analysis.text)
    if dateline and dateline.year:
        return dateline.iso(), dateline.year, "dateline"
    latest = latest_reported_year(analysis)
    compared = compared_year(analysis, periods)
    if compared is not None and latest is not None and compared < latest:
        # "в этом году … в 6 раз выше показателя 2020 года; в 2023 году …": a base years
        # back, not the year before this one
        compared = None
    from_url = url_year(analysis.document.url)
    partial = None if from_url or compared else _partial_year(analysis, periods, latest)
    source = "url" if from_url else "comparison" if compared else "partial" if partial else None
    year = from_url or compared or partial or latest
    return (dateline.iso(year) if dateline else None), year, source


def compared_year(
    analysis: Analysis, periods: Callable[[Sentence], tuple[PeriodSpan, ...]]
) -> int | None:
    """ "по итогам прошлого года … на 10% выше показателя 2021 года" compares last year with
    the year before it, so last year is 2022 and the text is from 2023 (only sentences
    with a relative year are parsed for this)."""
    this_year_said = False
    for sentence in analysis.sentences:
        if not RELATIVE_YEAR.search(sentence.text):
            apposed = CURRENT_YEAR_NAMED.search(sentence.text)
            if apposed:
                return int(apposed[1])  # "по итогам текущего, 2023 года"
            last_year = (this_year_said or _months_without_year(sentence, periods)) and (
                _same_period_year(sentence, periods)
            )
            if last_year:
                return last_year + 1
            continue
        spans = periods(sentence)
        for relative, base in itertools.pairwise(spans):
            if (
                relative.relative is not None
                and relative.role == "period"
                and base.role == "base"
                and base.year
            ):
                return base.year + 1 - relative.relative
        this_year_said = this_year_said or any(p.relative == 0 for p in spans)
    return None


# Results for part of a year ("за шесть месяцев 2019 года") are news during that year; those
# for eleven months come out in the new year, so they date nothing.
LATEST_PARTIAL_MONTHS = 10


def _partial_year(
    analysis: Analysis,
    periods: Callable[[Sentence], tuple[PeriodSpan, ...]],
    latest: int | None,
) -> int | None:
    """The year of the text's latest figures when they are for part of it: "за шесть месяцев
    2019 года" in an undated text is this year's result, so "в прошлом году" is 2018."""
    if latest is None:
        return None
    for sentence in analysis.sentences:
        if str(latest) not in sentence.text:
            continue
        for span in periods(sentence):
            if (
                span.role == "period"
                and span.year == latest
                and span.months
                and span.months <= LATEST_PARTIAL_MONTHS
            ):
                return latest
    return None


def _months_without_year(
    sentence: Sentence, periods: Callable[[Sentence], tuple[PeriodSpan, ...]]
) -> bool:
    """ "в феврале", "в первом полугодии": a part of a year the sentence leaves unnamed."""
    return any(t.lemma in MONTHS for t in sentence.tokens) or any(
        p.role == "period" and p.months and p.year is None for p in periods(sentence)
    )


def _same_period_year(
    sentence: Sentence, periods: Callable[[Sentence], tuple[PeriodSpan, ...]]
) -> int | None:
    """ "За 9 месяцев этого года … За аналогичный период 2022 года оборот был вдвое ниже":
    a same period of a named year, in a sentence that names no period of its own, is the
    year before the one the text spoke of as this year."""
    if "период" not in sentence.text:
        return None
    spans = periods(sentence)
    if any(p.role == "period" and p.year for p in spans):
        return None
    base = next((p for p in spans if p.role == "base" and p.year), None)
    if base is None:
        return None
    words = sentence.text[base.start - sentence.start : base.stop - sentence.start]
    return base.year if "период" in words else None


def latest_reported_year(analysis: Analysis) -> int | None:
    """The latest year the text reports something for: "в 2024 году", "за 2024 год"."""
    years = [year for s in analysis.sentences for year in _years_of(s.tokens)]
    return max(years) if years else None


# "текущего, 2023 года": the current year, named.
CURRENT_YEAR_NAMED = re.compile(
    r"(?:"
    + "|".join(
        rf"\b{stem}" if len(stem) < 3 else stem
        for stem, offset in RELATIVE_STEMS.items()
        if offset == 0
    )
    + r")\w*\s*,\s*((?:19|20)\d\d)\s*(?:год|г\.)",
    re.IGNORECASE,
)
# "прошлого года", "текущем году": the only periods whose year depends on the date.
RELATIVE_YEAR = re.compile(RELATIVE_YEAR_WORDS, re.IGNORECASE)


def _years_of(tokens: Sequence[Token]) -> list[int]:
    """Years a sentence reports something for: a number then "год", not a base of a
    comparison ("показателя 2021 года") nor the end of a goal ("к 2030 году")."""
    years = []
    for i, token in enumerate(tokens[:-1]):
        if token.text.isdigit() and len(token.text) == 4 and tokens[i + 1].lemma == "год":
            before = tokens[i - 1].lemma if i else ""
            if before not in NOT_A_REPORT_YEAR and MIN_YEAR <= int(token.text) <= MAX_YEAR:
                years.append(int(token.text))
    return years


# Words before a year that make it not the year of a report.
NOT_A_REPORT_YEAR = BASE_WORDS | {"к", "до", "с", "по", "против"}


def party_weights(mentions: Sequence[Mention]) -> dict[str, float]:
    """How much each party is named in a document, cities counting for less."""
    weights: dict[str, float] = {}
    for mention in mentions:
        code = mention.actor.code
        weights[code] = weights.get(code, 0.0) + mention_weight(mention)
    return weights


def region_words_weights(analysis: Analysis, mentions: Sequence[Mention]) -> dict[str, float]:
    """A regional text names its region once and then by its kind: "Экспорт края — 189
    млн". Where one region is named, each such word outside a name counts for it."""
    regions = {m.actor.code for m in mentions if "-" in m.actor.code and m.form != "city"}
    if len(regions) != 1:
        return {}
    (region,) = regions
    words = {word for word, kinds in REGION_WORDS.items() if region_type(region) in kinds}
    spans = [(m.start, m.stop) for m in mentions]
    count = sum(
        1
        for sentence in analysis.sentences
        for token in sentence.tokens
        if token.lemma in words and not any(a <= token.start < b for a, b in spans)
    )
    return {region: count * REGION_WORD_WEIGHT} if count else {}


# Words that stand for a region of their kind ("края" for a krai), "регион" for any.
REGION_WORDS: dict[str, set[str]] = {
    "край": {"krai"},
    "область": {"oblast", "autonomous_oblast"},
    "провинция": {"province"},
    "аймак": {"aimag"},
    "префектура": {"prefecture"},
    "район": {"autonomous_region"},  # "автономного района": Xinjiang, Tibet
    "регион": {
        "krai",
        "oblast",
        "autonomous_oblast",
        "province",
        "republic",
        "autonomous_okrug",
        "aimag",
        "prefecture",
    },
}
REGION_WORD_WEIGHT = 1.0


def main_pair(weights: dict[str, float]) -> tuple[str, ...]:
    """The two most named parties of two different countries, a region before its country."""
    ranked = sorted(weights, key=lambda code: -weights[code])  # ties keep their first mention
    if not ranked:
        return ()
    first = _prefer_region(ranked[0], weights)
    second = next((c for c in ranked if c.split("-")[0] != first.split("-")[0]), None)
    if second is None:
        return (first,)
    return tuple(sorted((first, _prefer_region(second, weights))))


def _filled_pair(pair: tuple[str, ...], analysis: Analysis) -> tuple[str, ...]:
    """A text that names one side only has the other in the outlet's country ("24.kg"):
    the side it takes for granted, where the text speaks of two sides at all ("страны",
    "взаимная торговля"); a text on one country's own totals has no other side. A text
    naming two sides keeps them."""
    if len(pair) != 1 or not _of_two_sides(analysis):
        return pair
    other = _outlet_of(analysis)
    if other is None or other == pair[0].split("-")[0]:
        return pair
    return tuple(sorted((pair[0], other)))


# Words that speak of two sides: "Страны рассчитывают …", "взаимная торговля", "стороны".
TWO_SIDES_WORDS = frozenset({"двусторонний", "взаимный", "обоюдный", "межгосударственный"})
SIDE_NOUNS_PLURAL = frozenset({"страна", "сторона", "государство"})


def _of_two_sides(analysis: Analysis) -> bool:
    return any(
        token.lemma in TWO_SIDES_WORDS
        or (token.lemma in SIDE_NOUNS_PLURAL and token.feats.get("Number") == "Plur")
        for sentence in analysis.sentences
        for token in sentence.tokens
    )


def _leader_mentions(analysis: Analysis, mentions: Sequence[Mention]) -> list[Mention]:
    """A head of state named by surname ("Жапаров принял …") names the country he stands
    for, as a text's "Бишкек" or "Кыргызстан" would."""
    taken = [(m.start, m.stop) for m in mentions]
    return [
        Mention(token.start, token.stop, token.text, lookup(code), "leader", lookup(code).name)
        for sentence in analysis.sentences
        for token in sentence.tokens
        if _capitalised_name(token)
        and (code := leader_country(token.lemma) or leader_country(token.text.lower())) is not None
        and not any(a <= token.start < b for a, b in taken)
    ]


def _capitalised_name(token: Token) -> bool:
    """A proper name, or a capitalised word the tagger took for a noun ("ас-Сиси")."""
    return token.pos == "PROPN" or (token.pos == "NOUN" and token.text.lower() != token.text)


def _prefer_region(code: str, weights: dict[str, float]) -> str:
    """A text about Bashkortostan names Russia too; the region is the party it speaks of.

    A region stands in for its country when it is named at least half as often.
    """
    if "-" in code:
        return code
    regions = [(w, c) for c, w in weights.items() if c.startswith(code + "-")]
    if not regions:
        return code
    weight, region = max(regions)
    return region if weight >= weights.get(code, 0.0) / 2 and weight >= 2 else code


def home_party(pair: tuple[str, ...], weights: dict[str, float]) -> str | None:
    """The side a text speaks for: the one region of the pair (regional news speak for
    their region), else the side named most often. (The outlet's country is no better
    guess where the text names both sides: "lenta.ru" on Turkey's exports, "etoday.kz" on
    Tajikistan's partners.)"""
    regions = [code for code in pair if "-" in code]
    if len(regions) == 1:
        return regions[0]
    return max(pair, key=lambda code: (weights.get(code, 0.0), code)) if pair else None


def owner_of_the_pair(
    analysis: Analysis, mentions: Sequence[Mention], pair: tuple[str, ...]
) -> str | None:
    """ "Связи Курганской области с Арменией и Монголией": where both sides of the
    main pair are partners "с" one and the same third party, that party is the side the
    text speaks for, and its figures "с Арменией" are its own."""
    if len(pair) != 2:
        return None
    owners = _owners_by_partner(analysis.text, mentions)
    common = owners.get(pair[0], set()) & owners.get(pair[1], set())
    countries = {code.split("-")[0] for code in pair}
    found = [code for code in common if code.split("-")[0] not in countries]
    return found[0] if len(found) == 1 else None


def _owners_by_partner(text: str, mentions: Sequence[Mention]) -> dict[str, set[str]]:
    """For each party named in a list of partners after "с", the parties named right
    before that "с" ("области с Арменией и Монголией": the owner of both)."""
    found: dict[str, set[str]] = {}
    for k, owner in enumerate(mentions[:-1]):
        if not WITH_RE.fullmatch(text[owner.stop : mentions[k + 1].start]):
            continue
        last = k + 1
        while last + 1 < len(mentions) and LIST_GAP_RE.fullmatch(
            text[mentions[last].stop : mentions[last + 1].start]
        ):
            last += 1
        for partner in mentions[k + 1 : last + 1]:
            if partner.actor.code != owner.actor.code:
                found.setdefault(partner.actor.code, set()).add(owner.actor.code)
    return found


# "Саратовской области с Ираном", "Казахстана со странами": the owner, "с", its partner.
WITH_RE = re.compile(r"\s+со?\s+", re.IGNORECASE)
# Between two partners of a list: "с Ираном и Беларусью", "с Китаем, Индией".
LIST_GAP_RE = re.compile(r"\s*(?:,|и|,\s*а\s+также)\s*")


def _outlet_of(analysis: Analysis) -> str | None:
    return outlet_country(analysis.document.url or analysis.document.source)
