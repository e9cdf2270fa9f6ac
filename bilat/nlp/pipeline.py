"""natasha wrapped into one call: ``analyse(document) -> Analysis``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from bilat.model import Analysis, Document, Entity, Sentence, Token

_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class Models:
    segmenter: Any
    morph_vocab: Any
    morph: Any
    syntax: Any
    ner: Any


@cache
def models() -> Models:
    """Load natasha's models; the only process-wide state bilat keeps."""
    from natasha import (
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return Models(
        segmenter=Segmenter(),
        morph_vocab=MorphVocab(),
        morph=NewsMorphTagger(embedding),
        syntax=NewsSyntaxParser(embedding),
        ner=NewsNERTagger(embedding),
    )


@cache
def _vocab() -> Any:
    # pymorphy's dictionary alone: enough for single words, far cheaper than the taggers.
    from natasha import MorphVocab

    return MorphVocab()


@cache
def lemma_of(word: str) -> str:
    """The dictionary form of a single word, without context (pymorphy's best parse)."""
    parses = _vocab().parse(word)
    return parses[0].normal_form if parses else word.lower()


def search_terms(text: str) -> str:
    """Text as a space-separated row of lemmas: what the full-text index stores and queries."""
    return " ".join(lemma_of(w.lower()) for w in _WORD.findall(text))


def analyse(document: Document) -> Analysis:
    """Sentences, tokens with lemmas and syntax, and named entities of one document."""
    from natasha import Doc

    m = models()
    doc = Doc(document.text)
    doc.segment(m.segmenter)
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
        tokens.append(Token(
            text=token.text,
            start=token.start,
            stop=token.stop,
            lemma=_lemma(token.text, token.pos, tuple(sorted(feats.items()))),
            pos=token.pos or "X",
            feats=feats,
            head=index.get(token.head_id, -1),
            rel=token.rel or "",
        ))
    return Sentence(start=sent.start, stop=sent.stop, text=sent.text, tokens=tuple(tokens))


# Distinct (word, tags) kept: a year of news has a few hundred thousand.
LEMMA_CACHE = 200_000


@lru_cache(maxsize=LEMMA_CACHE)
def _lemma(word: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
    """natasha's lemma of a tagged word; the same word with the same tags recurs a lot."""
    lemma = models().morph_vocab.lemmatize(word, pos, dict(feats))
    return (lemma or word).lower()


def _entity(span: Any, vocab: Any) -> Entity:
    span.normalize(vocab)
    return Entity(type=span.type, start=span.start, stop=span.stop, text=span.text,
                  normal=span.normal or span.text)
