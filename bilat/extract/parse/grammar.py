"""yargy parsers that share one tokenizer and one morphology cache.

A yargy ``Parser`` makes its own pymorphy analyzer unless given a tokenizer (0.15 s each,
and a cold cache); every grammar of bilat runs on the same sentences, so they share one
tokenizer that also keeps the tokens of the last sentences it saw.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from yargy import Parser
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


_PARSERS: dict[int, Parser] = {}


def parser(rule: Any) -> Parser:
    """The compiled parser of a grammar rule, built once per process.

    Keyed by the rule's identity: yargy rules are module-level constants, and unhashable.
    """
    key = id(rule)
    if key not in _PARSERS:
        _PARSERS[key] = Parser(rule, tokenizer=tokenizer())
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
    found = []
    for lo, hi in _windows(text, triggers, before, after):
        base = offset + lo
        for match in parser(rule).findall(text[lo:hi]):
            found.append(
                Found(
                    base + match.span.start,
                    base + match.span.stop,
                    match.fact,
                    tuple(match.tokens),
                    base,
                )
            )
    return found


def _windows(
    text: str, triggers: re.Pattern[str], before: int, after: int
) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for hit in triggers.finditer(text):
        lo = _word_start(text, max(0, hit.start() - before))
        hi = _word_end(text, min(len(text), hit.end() + after))
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _word_start(text: str, i: int) -> int:
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    while i < len(text) and not text[i].isspace():
        i += 1
    return i
