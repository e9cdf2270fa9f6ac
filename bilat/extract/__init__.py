"""Facts from an analysed document: one module per fact type, one entry point.

    facts = extract(analysis)

Economic extractors (trade, change, share, volume, investment) read the sentences that
hold a figure, scanned once; the others read every sentence. Sentences in page
furniture (lists of other headlines, "Читайте также") are never read.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from bilat.extract.context import DocContext, build_context
from bilat.extract.dedupe import deduplicate
from bilat.extract.economy import change, investment, share, trade, volume
from bilat.extract.events import agreement, event, project, sector
from bilat.extract.figures import Scan, has_digits_or_ratio, scan
from bilat.extract.people import organization, person, quote
from bilat.model import Analysis, Fact

# Each: extract(ctx, scans) -> list[Fact]. Order is the order facts are listed in.
EXTRACTORS = (
    trade,
    change,
    share,
    volume,
    investment,
    event,
    agreement,
    project,
    person,
    organization,
    quote,
    sector,
)

__all__ = [
    "EXTRACTORS",
    "DocContext",
    "build_context",
    "document_record",
    "extract",
    "extract_with_context",
]


def extract(analysis: Analysis) -> list[Fact]:
    return extract_with_context(analysis)[1]


def extract_with_context(analysis: Analysis) -> tuple[DocContext, list[Fact]]:
    ctx = build_context(analysis)
    scans = _figure_scans(ctx)
    facts: list[Fact] = []
    for module in EXTRACTORS:
        facts.extend(module.extract(ctx, scans))
    return ctx, deduplicate(facts)


def _figure_scans(ctx: DocContext) -> list[Scan]:
    return [
        scan(ctx, s)
        for s in ctx.analysis.sentences
        if has_digits_or_ratio(s) and not ctx.in_furniture(s)
    ]


def document_record(ctx: DocContext, facts: list[Fact]) -> dict[str, Any]:
    """One line of ``bilat extract --format jsonl``: the format of shared/eval/README.md."""
    document = ctx.analysis.document
    return {
        "id": document.name,
        "source": document.source,
        "doc_date": ctx.date,
        "facts": [fact.to_json() for fact in facts],
    }


class _CallablePackage(types.ModuleType):
    """``bilat.extract(analysis)``: once this package is imported it is the attribute
    ``extract`` of ``bilat`` (Python sets it so), in place of the function the package's
    docstring promises; calling the package calls the function."""

    def __call__(self, analysis: Analysis) -> list[Fact]:
        return extract(analysis)


sys.modules[__name__].__class__ = _CallablePackage
