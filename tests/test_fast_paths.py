"""The shortcuts that make a long text cheap, each checked against the slow way it replaces:
the look-ahead parser against yargy's own, the trigger windows against a walk character by
character, the shared parses, the token bound on sentences, one BLAS thread for natasha and
the garbage collector's settings."""

from __future__ import annotations

import gc
import random
import re
from collections.abc import Iterator
from typing import Any

import pytest
from yargy import Parser, rule
from yargy.predicates import eq

from bilat.extract.events import eventdate
from bilat.extract.parse import dateline, grammar, money, numbers, periods
from bilat.model import Document
from bilat.nlp import pipeline as nlp

GRAMMARS = {
    "money": money.MONEY,
    "period": periods.PERIOD,
    "percent": numbers.PERCENT,
    "times": numbers.TIMES,
    "fraction rate": numbers.FRACTION_RATE,
    "amount": numbers.AMOUNT,
    "event date": eventdate.DATE,
    "dateline": dateline.DATE,
}
SENTENCES = [
    "В январе–августе 2023 года оборот торговли области с Монголией достиг 41,3 млн долларов.",
    "Поставки зерна выросли в 2,5 раза, а доля края в них составила почти 12,7%.",
    "Соглашение подписали 14 марта 2022 г. в Омске; до 2026 года объём вырастет вдвое.",
    "С 1,7 до 5 млрд рублей, по итогам 9 месяцев прошлого года, или на треть больше.",
    "$3,4 млрд за I полугодие, 270 тыс. тонн угля и ещё 18–20% рынка к 2030-му.",
    "Ничего здесь не сказано о деньгах, датах или долях: одни слова без чисел.",
    "«Порядка 500 миллионов евро» ((( 10^400 долл.. 0 раз 99999999999999999999 %",
]


def matches(parser: Parser, text: str) -> list[tuple[Any, Any, list[str]]]:
    return [(m.span, m.fact, [t.value for t in m.tokens]) for m in parser.findall(text)]


def spans(parser: Parser, text: str) -> list[tuple[Any, list[str]]]:
    """Matches of a grammar without an interpretation: where, and which words."""
    return [(m.span, [t.value for t in m.tokens]) for m in parser.findall(text)]


def states(parser: Parser, text: str) -> int:
    return sum(len(column.states) for column in parser.chart(text).columns)


@pytest.mark.parametrize("name", GRAMMARS)
def test_the_lookahead_parser_finds_what_yargy_finds(name: str) -> None:
    plain = Parser(GRAMMARS[name], tokenizer=grammar.tokenizer())
    ahead = grammar.LookaheadParser(GRAMMARS[name], tokenizer=grammar.tokenizer())
    found = 0
    for text in SENTENCES:
        expected = matches(plain, text)
        assert matches(ahead, text) == expected, text
        found += len(expected)
    assert found  # every grammar matches something here: the comparison compared matches
    text = " ".join(SENTENCES)
    assert states(ahead, text) < states(plain, text) / 2  # the states it exists to leave out


def test_a_production_opening_with_what_may_be_nothing_is_kept() -> None:
    """ "большой" matches "(очень) большой": the optional word may be absent, so the
    production must be predicted before "большой" although "очень" cannot begin there."""
    big = rule(rule(eq("очень")).optional(), eq("большой"))
    ahead = grammar.LookaheadParser(big, tokenizer=grammar.tokenizer())
    plain = Parser(big, tokenizer=grammar.tokenizer())
    for text in ("большой дом", "очень большой дом", "дом"):
        assert spans(ahead, text) == spans(plain, text)
    assert spans(ahead, "большой дом") == [((0, 7), ["большой"])]


def walked_windows(text: str, triggers: re.Pattern[str], before: int, after: int) -> list[Any]:
    """The windows as they were found first: each end walked to a space character by
    character."""

    def start(i: int) -> int:
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        return i

    def stop(i: int) -> int:
        while i < len(text) and not text[i].isspace():
            i += 1
        return i

    windows: list[tuple[int, int]] = []
    for hit in triggers.finditer(text):
        lo, hi = start(max(0, hit.start() - before)), stop(min(len(text), hit.end() + after))
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def test_windows_are_those_of_the_walk_over_every_kind_of_space() -> None:
    letters = "аб19 \t\n\u00a0\u2003\u3000\x1c\x85z"
    triggers = re.compile(r"1|9+")
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randrange(60)))
        for before, after in ((0, 0), (3, 5), (16, 28)):
            expected = walked_windows(text, triggers, before, after)
            assert grammar._windows(text, triggers, before, after) == expected, text


def test_windows_around_a_long_number_hold_it_whole() -> None:
    text = "рост " + "7" * 5000 + " млн долларов и ещё 5 млн"
    windows = grammar._windows(text, money.MONEY_TRIGGERS, 16, 28)
    assert windows == [(len("рост "), len(text))]  # from the number's first digit on


def test_a_window_parsed_once_serves_every_later_caller() -> None:
    text = "Экспорт составил 41,3 млн долларов."
    first = grammar.find_near(money.MONEY, text, money.MONEY_TRIGGERS, 16, 28)
    hits = grammar._parsed.cache_info().hits
    again = grammar.find_near(money.MONEY, text, money.MONEY_TRIGGERS, 16, 28, offset=100)
    assert grammar._parsed.cache_info().hits == hits + 1
    assert [(f.start + 100, f.stop + 100, f.base + 100) for f in first] == [
        (f.start, f.stop, f.base) for f in again
    ]
    assert first[0].fact is again[0].fact


def test_a_run_of_punctuation_is_cut_into_bounded_sentences() -> None:
    segmenter = nlp.models().segmenter
    text = "«" * 3000 + "Экспорт области вырос до 5 млрд рублей" + "(" * 3000
    sentences = list(segmenter.sentenize(text))
    counts = [len(list(segmenter.tokenize(s.text))) for s in sentences]
    assert max(counts) <= nlp.MAX_SENTENCE_TOKENS
    assert sum(counts) == len(list(segmenter.tokenize(text)))  # no token lost or cut
    assert all(text[s.start : s.stop] == s.text for s in sentences)


def test_a_long_sentence_of_prose_is_not_cut_by_the_token_bound() -> None:
    sentence = ", ".join(f"регион {n} поставил {n} тонн" for n in range(60)) + "."
    assert len(sentence) > nlp.MAX_SENTENCE_TOKENS  # long enough to be counted
    assert [s.text for s in nlp.models().segmenter.sentenize(sentence)] == [sentence]


def test_natasha_runs_on_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    m = nlp.models()
    seen: list[int] = []
    tagger = type(m.morph)
    inner = tagger.map

    def spying(self: Any, items: Any) -> Iterator[Any]:
        seen.extend(lib["num_threads"] for lib in m.blas.info() if lib["user_api"] == "blas")
        return inner(self, items)  # type: ignore[no-any-return]

    monkeypatch.setattr(tagger, "map", spying)
    nlp.analyse(Document(text="Экспорт вырос на 5%.", source="t", name="t", kind="text"))
    assert seen
    assert set(seen) == {nlp.BLAS_THREADS}


@pytest.mark.parametrize(
    ("before", "after"),
    [((700, 10, 10), nlp.GC_YOUNG_THRESHOLD), ((0, 10, 10), 0), ((50_000, 10, 10), 50_000)],
)
def test_the_collector_is_made_rarer_never_switched_on(before: Any, after: int) -> None:
    kept = gc.get_threshold()
    try:
        gc.set_threshold(*before)
        nlp._settle_collector()
        assert gc.get_threshold() == (after, 10, 10)
    finally:
        gc.set_threshold(*kept)
