"""natasha wrapped into one call: ``analyse(document) -> Analysis``."""

from __future__ import annotations

import gc
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from bilat.model import Analysis, Document, Entity, Sentence, Token
from bilat.nlp.cleanup import readable

_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class Models:
    segmenter: Any
    morph_vocab: Any
    morph: Any
    syntax: Any
    ner: Any
    blas: Any  # threadpoolctl's controller of the BLAS library numpy loaded


@cache
def models() -> Models:
    """Load natasha's models, the only process-wide state bilat keeps, and settle the
    garbage collector for the documents that follow (``_settle_collector``)."""
    from natasha import (
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )
    from threadpoolctl import ThreadpoolController

    embedding = NewsEmbedding()
    loaded = Models(
        segmenter=LineAwareSegmenter(Segmenter()),
        morph_vocab=_vocab(),  # one pymorphy cache for lemmas, actors and search terms
        morph=NewsMorphTagger(embedding),
        syntax=NewsSyntaxParser(embedding),
        ner=NewsNERTagger(embedding),
        blas=ThreadpoolController(),
    )
    _settle_collector()
    return loaded


# Objects allocated between two collections of the youngest generation (Python's default is
# 700). yargy's parser keeps every state of a chart alive until the chart is done, so at the
# default each young collection walked thousands of live states: a third of the CPU time of a
# text dense with figures went to the collector.
GC_YOUNG_THRESHOLD = 10_000


def _settle_collector() -> None:
    """The models, dictionaries and modules loaded so far live as long as the process: they
    are moved out of the collector's reach (``gc.freeze``), so that a full collection no
    longer walks them, and young collections are made rarer (GC_YOUNG_THRESHOLD). Both
    change when memory is reclaimed, never what is computed. A threshold of 0 (collection
    switched off) or one set higher by the program is left as it is."""
    gc.freeze()
    young, middle, old = gc.get_threshold()
    if 0 < young < GC_YOUNG_THRESHOLD:
        gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


class LineAwareSegmenter:
    """natasha's segmenter, with a sentence also ending where a line ends a headline.

    razdel joins a headline without a full stop to the sentence after it, so the
    evidence of a fact would carry the headline. A line break ends a sentence when
    the line before has no closing punctuation and the next begins with a capital, or
    when a blank line follows; hard-wrapped prose (next line in lower case) stays whole.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def tokenize(self, text: str) -> Any:
        return self.inner.tokenize(text)

    def sentenize(self, text: str) -> Iterator[Any]:
        for sent in _join_abbreviations(text, self.inner.sentenize(text)):
            for line in _split_at_lines(sent):
                for piece in _split_at_glued_stops(line):
                    for part in _split_overlong(piece):
                        yield from self._split_many_tokens(part)

    def _split_many_tokens(self, sent: Any) -> Iterator[Any]:
        """Pieces of MAX_SENTENCE_TOKENS tokens, cut where a token begins: a run of
        punctuation without a space ("«««…") is short in characters but holds a token per
        character, and the syntax model's cost grows with the square of a sentence's tokens."""
        if len(sent.text) <= MAX_SENTENCE_TOKENS:  # a token holds one character at least
            yield sent
            return
        starts = [token.start for token in self.inner.tokenize(sent.text)]
        begin = 0
        for cut in starts[MAX_SENTENCE_TOKENS::MAX_SENTENCE_TOKENS]:
            yield _substring(sent, begin, sent.text[begin:cut])
            begin = cut
        yield _substring(sent, begin, sent.text[begin:]) if begin else sent


def _join_abbreviations(text: str, sents: Iterable[Any]) -> Iterator[Any]:
    """ "8,73 млрд юаней /1,21 млрд долл. США/, сократившись …", "между пров. Хэйлунцзян и
    Россией": razdel ends a sentence at some abbreviations that do not end one."""
    held = None
    for sent in sents:
        if held is not None and _continues(text, held, sent):
            held = type(sent)(held.start, sent.stop, text[held.start : sent.stop])
            continue
        if held is not None:
            yield held
        held = sent
    if held is not None:
        yield held


def _continues(text: str, before: Any, after: Any) -> bool:
    if "\n" in text[before.stop : after.start]:
        return False
    last = before.text.rsplit(None, 1)[-1].lower() if before.text.strip() else ""
    if last in NEVER_FINAL:
        return True
    first = after.text[:1]
    return last in UNIT_ABBREVIATIONS and (
        first.islower() or first.isdigit() or after.text.startswith(("США", "/", "("))
    )


def _split_at_lines(sent: Any) -> Iterator[Any]:
    start = 0
    text = sent.text
    for match in _LINE_BREAK.finditer(text):
        piece = text[start : match.start()]
        if piece.strip():
            yield _substring(sent, start, piece)
        start = match.end()
    if text[start:].strip():
        yield _substring(sent, start, text[start:])


def _split_at_glued_stops(sent: Any) -> Iterator[Any]:
    """ "… по сравнению с 2024 годом.Стороны договорились …": pages that lose the space after
    a full stop glue two sentences, and razdel keeps them one."""
    start = 0
    text = sent.text
    for match in _GLUED_STOP.finditer(text):
        word = text[: match.start()].rsplit(None, 1)[-1].lower() + "."
        if word in NEVER_FINAL or word in UNIT_ABBREVIATIONS:
            continue
        yield _substring(sent, start, text[start : match.end()])
        start = match.end()
    yield _substring(sent, start, text[start:]) if start else sent


# The longest news sentences run to about a thousand characters; a "sentence" past this is a
# text without full stops (a table, a dump, an attack), and the syntax model's memory grows
# with the square of its length (a megabyte line asks for tens of gigabytes).
MAX_SENTENCE_CHARS = 3000
# A piece of prose that long holds about 650 tokens (the most in the factRuEval texts and the
# real set: 669, a list of file names; a news sentence: 131).
MAX_SENTENCE_TOKENS = 700


def _split_overlong(sent: Any) -> Iterator[Any]:
    """Pieces of about MAX_SENTENCE_CHARS, cut only at spaces: the tokens come from the whole
    text, so a cut inside one would leave a piece without tokens (a giant token is cheap:
    the cost grows with the number of tokens, not their length)."""
    text, start = sent.text, 0
    while len(text) - start > MAX_SENTENCE_CHARS:
        stop = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        if stop <= start:
            stop = text.find(" ", start + MAX_SENTENCE_CHARS)
        if stop < 0:
            break
        yield _substring(sent, start, text[start:stop])
        start = stop
    yield _substring(sent, start, text[start:]) if start else sent


def _substring(sent: Any, offset: int, piece: str) -> Any:
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    begin = sent.start + offset + lead
    return type(sent)(begin, begin + len(piece), piece)


# Abbreviations razdel takes for a sentence's end: a unit ends one only before a capital
# that is not "США"; a province or oblast never does.
UNIT_ABBREVIATIONS = frozenset({"долл.", "руб.", "тыс.", "млн.", "млрд.", "трлн."})
NEVER_FINAL = frozenset({"пров.", "обл.", "долл.сша"})
# A line break after a line without closing punctuation, before a capital letter or a
# digit, or any blank line.
_LINE_BREAK = re.compile(r"(?<![.!?…:;,\-–—])[ \t]*\n\s*(?=[A-ZА-ЯЁ0-9«\"])|\n[ \t]*\n\s*")


# A full stop glued to the next sentence: a word of four or more lower-case letters, the
# stop, a capitalised word ("годом.Стороны"); not "г.Москва", "долл.США".
_GLUED_STOP = re.compile(r"(?<=[а-яё]{4})[.!?](?=[А-ЯЁ][а-яё])")


# Parts of speech that do not inflect, so a dictionary look-up would only cost time
# (numerals in words, "девяти", do inflect and are looked up).
UNINFLECTED = {"PUNCT", "SYM"}
# Distinct words (and word-tag pairs) whose lemma is kept: a year of news has a few
# hundred thousand.
LEMMA_CACHE = 200_000


@cache
def _vocab() -> Any:
    """pymorphy's dictionary alone (no taggers), with a cache of parses the size of a
    corpus' vocabulary: natasha keeps 10,000 words, fewer than 120 news texts hold, so
    lemmas, actors and search terms looked the same words up again."""
    from natasha import MorphVocab
    from natasha.morph.vocab import PymorphyAnalyzer

    class CorpusVocab(MorphVocab):
        parse = lru_cache(LEMMA_CACHE)(PymorphyAnalyzer.parse)
        __call__ = parse

    return CorpusVocab()


@lru_cache(maxsize=LEMMA_CACHE)
def lemma_of(word: str) -> str:
    """The dictionary form of a single word, without context (pymorphy's best parse)."""
    parses = _vocab().parse(word)
    return parses[0].normal_form if parses else word.lower()


def lemma_among(word: str, wanted: Collection[str]) -> str | None:
    """The first dictionary form of ``word`` that is one of ``wanted``, over every parse:
    the best parse of "маем" is the verb "маять", a later one the month "май"."""
    return next((p.normal_form for p in _vocab().parse(word) if p.normal_form in wanted), None)


def search_terms(text: str) -> str:
    """Text as a space-separated row of lemmas: what the full-text index stores and queries."""
    return " ".join(lemma_of(w.lower()) for w in _WORD.findall(text))


# natasha's models multiply matrices of a few sentences (tens of rows): BLAS threads cost more
# than they save there, and spin on cores that other jobs, or other --jobs workers, hold.
# With one thread a 20,000-character text took 0.34 s of CPU where two took 2.9 s on a loaded
# two-core machine, and the facts of 726 texts (real set, dev, factRuEval) were the same.
BLAS_THREADS = 1


def analyse(document: Document) -> Analysis:
    """Sentences, tokens with lemmas and syntax, and named entities of one document."""
    from natasha import Doc

    m = models()
    doc = Doc(readable(document.text))
    doc.segment(m.segmenter)
    with m.blas.limit(limits=BLAS_THREADS, user_api="blas"):
        doc.tag_morph(m.morph)
        doc.parse_syntax(m.syntax)
        doc.tag_ner(m.ner)
    sentences = tuple(_sentence(s, m.morph_vocab) for s in doc.sents)
    entities = tuple(_entity(span, m.morph_vocab) for span in doc.spans)
    return Analysis(document=document, sentences=sentences, entities=entities)


def analyse_many(documents: Iterable[Document]) -> Iterator[Analysis]:
    for document in documents:
        yield analyse(document)


def _sentence(sent: Any, vocab: Any) -> Sentence:
    index = {token.id: i for i, token in enumerate(sent.tokens)}
    tokens = []
    for token in sent.tokens:
        feats = dict(token.feats or {})
        tokens.append(
            Token(
                text=token.text,
                start=token.start,
                stop=token.stop,
                lemma=_lemma(token.text, token.pos, tuple(sorted(feats.items()))),
                pos=token.pos or "X",
                feats=feats,
                head=index.get(token.head_id, -1),
                rel=token.rel or "",
            )
        )
    return Sentence(start=sent.start, stop=sent.stop, text=sent.text, tokens=tuple(tokens))


@lru_cache(maxsize=LEMMA_CACHE)
def _lemma(word: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
    """natasha's lemma of a tagged word; the same word with the same tags recurs a lot."""
    if pos in UNINFLECTED or not any(ch.isalpha() for ch in word):
        return word.lower()  # punctuation, numbers, symbols: their own lemma
    lemma = (models().morph_vocab.lemmatize(word, pos, dict(feats)) or word).lower()
    if lemma == word.lower() and pos not in {"PROPN", "X"}:
        # No parse of the word has the tagger's part of speech ("товарооборота" tagged as an
        # adjective after a capitalised "Объем"), so the word came back unchanged: the
        # dictionary's own best parse is the better guess (not for a mere "е" for "ё":
        # rules read the word as the text spells it).
        known = lemma_of(lemma)
        return lemma if known.replace("ё", "е") == lemma.replace("ё", "е") else known
    return lemma


def _entity(span: Any, vocab: Any) -> Entity:
    span.normalize(vocab)
    return Entity(
        type=span.type,
        start=span.start,
        stop=span.stop,
        text=span.text,
        normal=span.normal or span.text,
    )
