"""Sentences as the readers of people, events, quotes and agreements need them: cut
again at every line break (natasha runs a headline, a dateline and the first paragraph
together when they lack full stops) and joined where a full stop sits inside quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bilat.model import Analysis, Sentence


def cut_lines(analysis: Analysis) -> tuple[Sentence, ...]:
    cut: list[Sentence] = []
    text = analysis.text
    for sentence in _join_open_quotes(text, analysis.sentences):
        groups: list[list[int]] = [[]]
        for i, token in enumerate(sentence.tokens):
            if groups[-1] and "\n" in text[sentence.tokens[i - 1].stop : token.start]:
                groups.append([])
            groups[-1].append(i)
        for group in groups:
            if group:
                cut.append(_sub_sentence(text, sentence, group))
    return tuple(cut)


def _join_open_quotes(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """“Сибирь. Экономика будущего”: a full stop inside quotes does not end a sentence."""
    joined: list[Sentence] = []
    for sentence in sentences:
        if (
            joined
            and _open_quote(joined[-1].text)
            and "\n" not in text[joined[-1].stop : sentence.start]
        ):
            last = joined.pop()
            offset = len(last.tokens)
            tokens = last.tokens + tuple(
                replace(t, head=t.head + offset if t.head >= 0 else -1) for t in sentence.tokens
            )
            sentence = Sentence(last.start, sentence.stop, text[last.start : sentence.stop], tokens)
        joined.append(sentence)
    return joined


def _open_quote(text: str) -> bool:
    return text.count("«") > text.count("»") or text.count("“") > text.count("”")


def _sub_sentence(text: str, sentence: Sentence, group: list[int]) -> Sentence:
    if len(group) == len(sentence.tokens):
        return sentence
    base = group[0]
    tokens = tuple(
        replace(
            sentence.tokens[i],
            head=sentence.tokens[i].head - base
            if group[0] <= sentence.tokens[i].head <= group[-1]
            else -1,
        )
        for i in group
    )
    start, stop = tokens[0].start, tokens[-1].stop
    return Sentence(start=start, stop=stop, text=text[start:stop], tokens=tokens)
