"""Words that stand for an actor named elsewhere in the document.

"нашей республики", "край", "области", "между регионами", "наша страна": each context word
selects a kind of actor, and the one of that kind mentioned most often in the document is
the one meant (ties go to the one named first).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from bilat.actors.gazetteer import Gazetteer, gazetteer
from bilat.model import Actor, Mention
from bilat.nlp.pipeline import lemma_of

# Lemma of a context word → the kind of actor it stands for.
CONTEXT_WORDS: dict[str, str] = {
    "республика": "republic",
    "республиканский": "republic",
    "край": "krai",
    "краевой": "krai",
    "область": "oblast",
    "областной": "oblast",
    "округ": "okrug",
    "окружной": "okrug",
    "провинция": "province",
    "провинциальный": "province",
    "аймак": "aimag",  # Mongolia's provinces
    "префектура": "prefecture",  # Japan's
    "регион": "region",
    "региональный": "region",
    "субъект": "region",
    "страна": "country",
    "государство": "country",
}
# Region types (data/regions.json) each kind covers; "region" and "country" are by Actor.kind.
KIND_TYPES: dict[str, frozenset[str]] = {
    "republic": frozenset({"republic", "autonomous_republic"}),
    "krai": frozenset({"krai"}),
    "oblast": frozenset({"oblast", "autonomous_oblast"}),
    "okrug": frozenset({"autonomous_okrug"}),
    "province": frozenset({"province"}),
    "aimag": frozenset({"aimag"}),
    "prefecture": frozenset({"prefecture"}),
}
_WORD = re.compile(r"[\w-]+")


def resolve(text: str, context: Sequence[Mention]) -> Actor | None:
    """The actor "республика", "край", "область", "регион", "страна" stands for, or None.

    "республика" with no republic among the regions mentioned falls back to a country whose
    official name is a republic: Казахстан is the Республика Казахстан.
    """
    kind = context_kind(text)
    if kind is None:
        return None
    g = gazetteer()
    actor = _most_mentioned(context, lambda a: _is_kind(a, kind, g))
    if actor is None and kind == "republic":
        actor = _most_mentioned(
            context, lambda a: a.kind == "country" and "республика" in g.official[a.code].lower()
        )
    return actor


def context_kind(text: str) -> str | None:
    """Which kind of actor a context phrase stands for: "нашей республики" → "republic"."""
    for word in _WORD.findall(text.lower()):
        kind = CONTEXT_WORDS.get(lemma_of(word))
        if kind is not None:
            return kind
    return None


def _is_kind(actor: Actor, kind: str, g: Gazetteer) -> bool:
    if kind == "country":
        return actor.kind == "country"
    if kind == "region":
        return actor.is_region
    return g.types[actor.code] in KIND_TYPES[kind]


def _most_mentioned(context: Sequence[Mention], keep: Callable[[Actor], bool]) -> Actor | None:
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for mention in context:
        if keep(mention.actor):
            counts[mention.actor.code] += 1
            first.setdefault(mention.actor.code, mention.actor)
    if not counts:
        return None
    order = list(first)
    best = max(counts, key=lambda code: (counts[code], -order.index(code)))
    return first[best]
