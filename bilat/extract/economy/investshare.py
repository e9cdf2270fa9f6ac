"""Shares of investment: "Вложения из Турции в экономику республики — около 15% всех
иностранных инвестиций", "Доля Китая в иностранных инвестициях в Казахстан — 12%".

The part is the investor, the whole the side that receives: a share of foreign capital is
told of a region or a country the way a share of its trade is.
"""

from __future__ import annotations

from bilat.extract.economy.attributes import clause_start, qualifier_of
from bilat.extract.economy.parties import Party
from bilat.extract.figures import Figure, Scan
from bilat.model import Fact
from bilat.schemas import ShareFields

INVESTMENT_NOUNS = frozenset({"инвестиция", "вложение", "капиталовложение"})
# "15% всех иностранных инвестиций": how far after the figure its total may be named.
TOTAL_AFTER = 6
# Roles a part may be named in: "из Китая", "доля Китая", "китайские инвестиции".
PART_ROLES = frozenset({"from", "plain", "adjective", "owner"})
# Roles of the receiving side: "в Казахстан", "в экономику края" (the genitive after the noun).
WHOLE_ROLES = frozenset({"to", "plain", "generic"})
CONFIDENCE = 0.75


def investment_share(scan: Scan, figure: Figure, home: str | None) -> Fact | None:
    lo = clause_start(scan, figure)
    before = scan.lemmas(lo, figure.first)
    after = scan.lemmas(figure.last + 1, figure.last + 1 + TOTAL_AFTER)
    if not any(lemma in INVESTMENT_NOUNS for lemma in before):
        return None
    if not (any(lemma in INVESTMENT_NOUNS for lemma in after) or "доля" in before):
        return None  # "инвестиции выросли на 15%": a rate, not a part of a total
    named = [p for p in scan.parties if lo <= p.index < figure.first]
    part = _investor(named, scan)
    if part is None:
        return None
    whole = next((p.code for p in named if p.role in WHOLE_ROLES and p.code != part), home)
    if whole is None or whole == part:
        return None
    fields: ShareFields = {
        "indicator": "investment",
        "whole": whole,
        "part": part,
        "percent": figure.value,
        "qualifier": qualifier_of(scan, lo, figure),
    }
    return Fact("share", fields, scan.evidence(), CONFIDENCE, rule="share.investment")


def _investor(named: list[Party], scan: Scan) -> str | None:
    """The side the capital comes from: "из Китая", else the party right after "доля"."""
    source = next((p for p in named if p.role == "from"), None)
    if source is not None:
        return source.code
    after_share = [
        p for p in named if p.role in PART_ROLES and scan.tokens[p.index - 1].lemma == "доля"
    ]
    return after_share[0].code if after_share else None
