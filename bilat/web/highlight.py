"""A document's text cut where evidence starts and ends, so each piece knows its facts;
and the words of a search result that match the query.

The page renders each piece as escaped text, highlighted and linked when facts cover it;
several facts read from one sentence share one highlight.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from bilat.nlp import lemma_of

_WORD = re.compile(r"[\w-]+")  # the words bilat.nlp.search_terms lemmatises


def segments(text: str, facts: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive pieces of ``text``: {start, end, text, facts: [fact ids covering it],
    starts: [ids of the facts whose evidence starts here], ends: [numbers (1-based, in
    ``facts`` order) of the facts whose evidence ends here]}."""
    spans = [
        (_bound(f, "start", text), _bound(f, "end", text), f["id"], n)
        for n, f in enumerate(facts, 1)
    ]
    spans = [s for s in spans if s[0] < s[1]]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    pieces = []
    for start, end in pairwise(cuts):
        covering = [(fid, n) for s, e, fid, n in spans if s <= start and end <= e]
        pieces.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "facts": [fid for fid, _ in covering],
                "starts": [fid for s, _, fid, _ in spans if s == start],
                "ends": [n for s, e, _, n in spans if e == end and s <= start],
            }
        )
    return pieces


def _bound(fact: Mapping[str, Any], name: str, text: str) -> int:
    evidence = fact.get("evidence") or {}
    value = evidence.get(name)
    return max(0, min(len(text), int(value))) if isinstance(value, int) else 0


def marks(text: str, terms: Collection[str]) -> list[tuple[int, int]]:
    """(start, end) of each word of ``text`` whose lemma is one of ``terms`` (the lemmas
    a search looked for): "Казахстана" is marked for a search of "Казахстан"."""
    return [
        (m.start(), m.end()) for m in _WORD.finditer(text) if lemma_of(m.group().lower()) in terms
    ]


def marked(text: str, spans: Sequence[Sequence[int]]) -> Markup:
    """``text`` escaped, with the ``spans`` in <mark>."""
    pieces, at = [], 0
    for start, end in spans:
        pieces.append(f"{escape(text[at:start])}<mark>{escape(text[start:end])}</mark>")
        at = end
    return Markup("".join(pieces) + str(escape(text[at:])))
