"""The organisations of a document, found once and shared: ministries, companies and
agencies from natasha's ORG spans, with their abbreviations and countries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilat.extract.context import DocContext
from bilat.extract.parse.textforms import fold
from bilat.model import Entity
from bilat.nlp import lemma_of

# Words of a name that its abbreviation skips: "Казахстанский институт стратегических
# исследований при Президенте РК" is КИСИ.
ABBREVIATION_STOPS = frozenset({"при", "по", "и", "в", "на", "для", "с", "имени", "им"})
# Offices named by a bare noun and the place after it: "Правительство Республики Тыва".
OFFICE_NOUNS = frozenset(
    {
        "правительство",
        "министерство",
        "мид",
        "посольство",
        "парламент",
        "акимат",
        "администрация",
        "мэрия",
        "консульство",
        "генконсульство",
        "торгпредство",
        "представительство",
        "минэкономразвития",
    }
)
# Words that make an ORG span a delegation, an event or a region of the world.
NOT_ORG_WORDS = frozenset(
    {
        "делегация",
        "заседание",
        "форум",
        "встреча",
        "переговоры",
        "конференция",
        "визит",
        "фестиваль",
        "чемпионат",
        "юг",
        "север",
        "саммит",
        "дзен",
    }
)
# An all-capitals word this short is an abbreviation ("КИСИ", "ЦАМО"), not a name in capitals.
MAX_ABBREVIATION_CHARS = 8


@dataclass
class Org:
    name: str
    abbreviation: str | None
    country: str | None
    spans: list[tuple[int, int]]


@dataclass(frozen=True)
class OrgIndex:
    orgs: tuple[Org, ...]

    def within(self, lo: int, hi: int) -> Org | None:
        """The first organisation named inside [lo, hi)."""
        found = [
            (start, org)
            for org in self.orgs
            for start, stop in org.spans
            if lo <= start and stop <= hi
        ]
        return min(found, key=lambda item: item[0])[1] if found else None


def find_organizations(ctx: DocContext) -> OrgIndex:
    """ORG spans of the body, merged by name; an abbreviation joins the name it shortens.
    Read once per document."""
    return ctx.memo("organizations", lambda: _find_organizations(ctx))


def _find_organizations(ctx: DocContext) -> OrgIndex:
    orgs: list[Org] = []
    entities = [e for e in ctx.analysis.entities if not ctx.furniture.covers(e.start, e.stop)]
    for entity in entities:
        if entity.type != "ORG" or _not_an_org(ctx, entity):
            continue
        name, abbreviation, stop = _org_name(ctx, entity, entities)
        country = _org_country(ctx, entity.start, stop)
        same = next(
            (
                o
                for o in orgs
                if fold(o.name) == fold(name)
                or (o.abbreviation and o.abbreviation == (abbreviation or name))
                or _abbreviates(name, o.name)
            ),
            None,
        )
        if same is None:
            orgs.append(Org(name, abbreviation, country, [(entity.start, stop)]))
            continue
        same.spans.append((entity.start, stop))
        same.abbreviation = same.abbreviation or abbreviation or _as_abbreviation(name)
        same.country = same.country or country
    return OrgIndex(tuple(orgs))


def _not_an_org(ctx: DocContext, entity: Entity) -> bool:
    """NER marks "Казахстан", "Казахстанская делегация", "Четвертое заседание" ORG now and
    then: a party, a delegation or an event is not an organisation."""
    inside = ctx.mentions_between(entity.start, entity.stop)
    if any(m.start == entity.start and m.stop == entity.stop for m in inside):
        return True
    return any(lemma_of(w.lower()) in NOT_ORG_WORDS for w in entity.text.split())


def _org_name(
    ctx: DocContext, entity: Entity, entities: Sequence[Entity]
) -> tuple[str, str | None, int]:
    """(nominative name, abbreviation in brackets, end offset). "Правительство" + the place
    right after it ("Республики Тыва") is one name."""
    text = entity.text if _as_abbreviation(entity.text) else entity.normal
    abbreviation = None
    if text.endswith(")") and "(" in text:
        text, _, inner = text[:-1].rpartition("(")
        text, abbreviation = text.strip(), _as_abbreviation(inner.strip())
    stop = entity.stop
    follower = next(
        (
            e
            for e in entities
            if e.type == "LOC" and ctx.analysis.text[entity.stop : e.start] == " "
        ),
        None,
    )
    if follower and lemma_of(text.split()[0].lower()) in OFFICE_NOUNS:
        text, stop = f"{text} {follower.text}", follower.stop
    return text, abbreviation, stop


def _as_abbreviation(text: str) -> str | None:
    letters = text.replace("-", "")
    return (
        text
        if letters.isalpha() and letters.isupper() and len(letters) <= MAX_ABBREVIATION_CHARS
        else None
    )


def _abbreviates(short: str, name: str) -> bool:
    if not _as_abbreviation(short) or _as_abbreviation(name):
        return False
    initials = "".join(
        w[0] for w in name.replace("-", " ").split() if w.lower() not in ABBREVIATION_STOPS
    ).upper()
    return len(short) >= 2 and initials.startswith(short)


def _org_country(ctx: DocContext, start: int, stop: int) -> str | None:
    """A party named inside the name ("Казахстанский институт …"), else right before it
    ("российского центра …")."""
    inside = [m for m in ctx.mentions_between(start, stop) if m.form != "city"]
    if inside:
        return inside[0].actor.country
    before = [
        m for m in ctx.mentions if m.stop <= start and start - m.stop <= 1 and m.form == "adjective"
    ]
    return before[-1].actor.country if before else None
