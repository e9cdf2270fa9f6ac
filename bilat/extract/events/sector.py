"""Sectors of cooperation: "в сферах машиностроения, нефтегазохимии, агропромышленного
комплекса, здравоохранения и туризма" → machine building, petrochemicals, agriculture,
healthcare, tourism.

A small fixed list of English labels, so that analysts can filter and count. Projects use
``sectors.product_sector`` (what a plant makes says more than the words around it: "медицинской
мебели и оборудования" is medical equipment); ``extract`` emits one ``sector`` fact per label
an article names in a sentence about cooperation.
"""

from __future__ import annotations

from bilat.extract.context import DocContext
from bilat.extract.events.sectors import COOPERATION_WORDS, SectorHit, find_sectors
from bilat.extract.figures import Scan
from bilat.model import Evidence, Fact, Sentence
from bilat.schemas import SectorFields

CONFIDENCE = 0.7


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    """One fact per sector named in a sentence about cooperation; the first sentence is its
    evidence, later ones only add to ``mentions``."""
    found: dict[str, Fact] = {}
    counts: dict[str, int] = {}
    for sentence in ctx.analysis.sentences:
        if ctx.in_furniture(sentence) or not _about_cooperation(sentence):
            continue
        for hit in find_sectors(sentence.tokens):
            counts[hit.label] = counts.get(hit.label, 0) + 1
            if hit.label not in found:
                found[hit.label] = _fact(ctx, sentence, hit)
    return [
        Fact(
            f.type,
            {**f.fields, "mentions": counts[label]},
            f.evidence,
            f.confidence,
            f.rule,
            f.trace,
        )
        for label, f in found.items()
    ]


def _about_cooperation(sentence: Sentence) -> bool:
    return any(t.lemma in COOPERATION_WORDS for t in sentence.tokens)


def _fact(ctx: DocContext, sentence: Sentence, hit: SectorHit) -> Fact:
    fields: SectorFields = {
        "sector": hit.label,
        "parties": list(ctx.pair),
        "word": sentence.tokens[hit.index].text,
        "mentions": 1,  # counted over the document when its sectors are merged
    }
    return Fact(
        "sector",
        fields,
        Evidence(sentence.text, sentence.start, sentence.stop),
        CONFIDENCE,
        rule="sector.keyword",
    )
