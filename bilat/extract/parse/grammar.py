"""yargy parsers that share one tokenizer and one morphology cache.

A yargy ``Parser`` makes its own pymorphy analyzer unless given a tokenizer (0.15 s each,
and a cold cache); every grammar of bilat runs on the same sentences, so they share one
tokenizer that also keeps the tokens of the last sentences it saw. The parsers look one
token ahead before they predict (``LookaheadParser``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from yargy import Parser
from yargy.parser import Column, Node, State
from yargy.rule.bnf import is_rule
from yargy.tokenizer import MorphTokenizer

# Sentences whose tokens are kept: the grammars of one document visit each sentence in
# turn, so a short memory is enough.
TOKEN_MEMORY = 256


class SharedTokenizer(MorphTokenizer):
    def __call__(self, text: str) -> Iterator[Any]:
        return iter(self._tokens(text))

    @lru_cache(maxsize=TOKEN_MEMORY)  # noqa: B019 - one instance for the process's life
    def _tokens(self, text: str) -> tuple[Any, ...]:
        return tuple(MorphTokenizer.__call__(self, text))


@cache
def tokenizer() -> SharedTokenizer:
    return SharedTokenizer()


class LookaheadParser(Parser):
    """yargy's Earley parser, predicting only productions that the next token can begin.

    yargy predicts every production of a rule at every token. A production that cannot
    begin with the next token can never advance: its state was built, hashed and dropped.
    A production can begin with a token when its first term is a test the token passes (a
    word, a number, a lemma) or a rule with a production that can; a production of no terms
    (what ``optional`` makes) always can, so a rule that may match nothing is always kept,
    and the terms after it get their chance. Only the productions that cannot are left out;
    every other state is built as before, in the same order and with the same rank, so the
    chart's matches, and the facts read from them, are the same. On news the grammars of
    figures, periods and dates ran 3 to 10 times faster.
    """

    def predict(self, column: Column, next_column: Column | None, rule: Any) -> None:
        if next_column is None:  # after the last token: nothing to look at, nothing to scan
            super().predict(column, next_column, rule)
            return
        token, known = next_column.token, _first_tests(next_column)
        for rank, production in enumerate(rule.predict(token)):
            if _can_begin(production, token, known):
                node = Node(rule, production, rank=rank, children=[])
                column.append(State(rule, production, 0, column, column, node))


def _can_begin(production: Any, token: Any, known: dict[int, bool]) -> bool:
    """Whether ``production`` can begin with ``token``; ``known`` keeps the answers for the
    first terms already asked about at this token."""
    if not production.terms:
        return True
    first = production.terms[0]
    key = id(first)
    if key not in known:
        if not is_rule(first):
            known[key] = bool(first(token))
        else:
            known[key] = True  # a rule that begins with itself: kept while it is asked
            known[key] = any(_can_begin(p, token, known) for p in first.predict(token))
    return known[key]


def _first_tests(column: Column) -> dict[int, bool]:
    """The answers of ``_can_begin`` at a column's token, kept on the column so that they
    last as long as its chart does (a chart is never shared between threads)."""
    known: dict[int, bool] = column.__dict__.setdefault("bilat_first_tests", {})
    return known


_PARSERS: dict[int, Parser] = {}


def parser(rule: Any) -> Parser:
    """The compiled parser of a grammar rule, built once per process.

    Keyed by the rule's identity: yargy rules are module-level constants, and unhashable.
    """
    key = id(rule)
    if key not in _PARSERS:
        _PARSERS[key] = LookaheadParser(rule, tokenizer=tokenizer())
    return _PARSERS[key]


@dataclass(frozen=True)
class Found:
    """A yargy match with offsets into the caller's text (``base`` + the match's own)."""

    start: int
    stop: int
    fact: Any
    tokens: tuple[Any, ...]
    base: int  # add to a token's span to get an offset into the caller's text


def find_near(
    rule: Any, text: str, triggers: re.Pattern[str], before: int, after: int, offset: int = 0
) -> list[Found]:
    """Matches of ``rule`` in ``text``, parsing only windows around ``triggers``.

    yargy's Earley parser costs time per token and per rule of the grammar; a figure or a
    period lives within a few words of a digit, a month or "год", so the parser is run
    on those windows alone. Offsets are shifted by ``offset``.
    """
    parser(rule)  # compiled once, kept in _PARSERS under the rule's identity
    key = id(rule)
    found = []
    for lo, hi in _windows(text, triggers, before, after):
        base = offset + lo
        for start, stop, fact, tokens in _parsed(key, text[lo:hi]):
            found.append(Found(base + start, base + stop, fact, tokens, base))
    return found


# Windows whose matches are kept: several extractors parse the same sentence's windows
# with the same grammar (periods, dates), and news repeat phrases ("в 2024 году") from
# one article to the next. The facts are read, never changed, so they can be shared.
PARSE_MEMORY = 8192


@lru_cache(maxsize=PARSE_MEMORY)
def _parsed(key: int, window: str) -> tuple[tuple[int, int, Any, tuple[Any, ...]], ...]:
    """(start, stop, fact, tokens) of each match of the parser ``key`` in ``window``."""
    return tuple(
        (match.span.start, match.span.stop, match.fact, tuple(match.tokens))
        for match in _PARSERS[key].findall(window)
    )


_SPACE = re.compile(r"\s")  # the characters str.isspace() accepts


def _windows(
    text: str, triggers: re.Pattern[str], before: int, after: int
) -> list[tuple[int, int]]:
    """Each trigger widened by ``before`` and ``after`` characters out to whole words,
    overlapping windows merged. Linear in the text: a word's ends are looked up among the
    text's spaces, not walked to character by character (a run of thousands of digits is
    one word)."""
    windows: list[tuple[int, int]] = []
    spaces: list[int] | None = None
    for hit in triggers.finditer(text):
        if spaces is None:
            spaces = [space.start() for space in _SPACE.finditer(text)]
        lo = _word_start(spaces, max(0, hit.start() - before))
        hi = _word_end(spaces, min(len(text), hit.end() + after), len(text))
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _word_start(spaces: list[int], i: int) -> int:
    """Where the word around offset ``i`` begins: just after the last space before ``i``."""
    before = bisect_left(spaces, i)
    return spaces[before - 1] + 1 if before else 0


def _word_end(spaces: list[int], i: int, length: int) -> int:
    """Where the word around offset ``i`` ends: the first space at or after ``i``."""
    after = bisect_left(spaces, i)
    return spaces[after] if after < len(spaces) else length
