"""The records that cross stage boundaries: Document → Analysis → Fact.

Every stage of the pipeline takes and returns these frozen dataclasses; they are
defined once, here, and are JSON-able at the edges (``to_json``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_SPACES = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form a document is keyed by: NFC, ё kept, whitespace collapsed, case kept."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """Document id: 16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """One article as read from a source, before any analysis.

    ``name`` is what the user knows it by (a file name, a message id, a URL);
    ``id`` is the hash of the normalised text, so a reprint read twice is one row.
    ``date`` is the ISO publication date when the source states one.
    """

    text: str
    source: str
    name: str
    kind: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_hash(self.text))


@dataclass(frozen=True)
class Skipped:
    """An input, or a part of one, that could not be read; the batch goes on."""

    input: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


@dataclass(frozen=True)
class Token:
    """A word with its morphology and its syntactic head (index within the sentence)."""

    text: str
    start: int
    stop: int
    lemma: str
    pos: str
    feats: Mapping[str, str]
    head: int  # index of the head token in the sentence, -1 for the root
    rel: str


@dataclass(frozen=True)
class Entity:
    """A named entity found by the NER tagger, with its nominative form."""

    type: str  # PER, LOC, ORG
    start: int
    stop: int
    text: str
    normal: str


@dataclass(frozen=True)
class Sentence:
    start: int
    stop: int
    text: str
    tokens: tuple[Token, ...]

    def token_at(self, offset: int) -> int:
        """Index of the token that holds (or first follows) a document offset."""
        for i, token in enumerate(self.tokens):
            if token.stop > offset:
                return i
        return len(self.tokens) - 1


@dataclass(frozen=True)
class Analysis:
    """A document cut into sentences and tokens, with lemmas, syntax and named entities.

    Offsets are character offsets into ``document.text``.
    """

    document: Document
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]

    @property
    def text(self) -> str:
        return self.document.text


@dataclass(frozen=True)
class Actor:
    """A party to cooperation: a country (ISO 3166-1) or a region (ISO 3166-2)."""

    code: str
    name: str  # Russian nominative name
    kind: str  # country | region | city
    country: str  # ISO 3166-1 alpha-2 of the country it belongs to

    @property
    def is_region(self) -> bool:
        return "-" in self.code


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names an actor: "Башкирии", "казахстанских", "в Уфе"."""

    start: int
    stop: int
    text: str
    actor: Actor
    form: str  # name | short | adjective | city | abbreviation
    normal: str = ""  # nominative of what was named: "Уфа" for "в Уфе", else the actor's name


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


# Every type of fact the extractors make, in the order they are listed.
FACT_TYPES = (
    "trade",
    "change",
    "share",
    "volume",
    "investment",
    "event",
    "agreement",
    "project",
    "person",
    "organization",
    "quote",
    "sector",
)


@dataclass(frozen=True)
class Fact:
    """One extracted fact: its type, the fields of ``shared/eval/README.md``, its evidence.

    ``rule`` names the rule that produced it and ``trace`` the tokens it read,
    so ``bilat extract --explain`` can show why a fact is there.
    """

    type: str
    fields: Mapping[str, Any]
    evidence: Evidence
    confidence: float
    rule: str = ""
    trace: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {"type": self.type, **self.fields}
        row["evidence"] = {
            "text": self.evidence.text,
            "start": self.evidence.start,
            "end": self.evidence.end,
        }
        row["confidence"] = round(self.confidence, 3)
        return row

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)
