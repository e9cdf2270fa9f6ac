"""Physical volumes: "4,5 миллиона тонн грузов", "1,4 млн тонн нефти по трубопроводу …",
with the route or parties, the period and a change where the sentence gives one.
"""

from __future__ import annotations

import re

from bilat.extract.context import DocContext
from bilat.extract.economy.attributes import period_fields, status_of
from bilat.extract.economy.cues import FALL_WORDS, RISE_WORDS
from bilat.extract.figures import Scan
from bilat.extract.parse.grammar import Found, find_near
from bilat.extract.parse.numbers import AMOUNT, amount_value
from bilat.model import Fact
from bilat.schemas import VolumeFields

# Unit words (lemma) → unit code.
UNITS = {
    "тонна": "t",
    "т": "t",
    "кубометр": "m3",
    "баррель": "bbl",
    "контейнер": "TEU",
    "teu": "TEU",
    "вагон": "wagon",
    "киловатт-час": "kWh",
    "мегаватт-час": "MWh",
}
# What is measured (lemma) → indicator; the first one named in the sentence wins.
COMMODITIES = {
    "груз": "cargo",
    "перевозка": "cargo",
    "грузоперевозка": "cargo",
    "транзит": "transit",
    "нефть": "oil",
    "газ": "gas",
    "зерно": "grain",
    "пшеница": "grain",
    "уголь": "coal",
    "удобрение": "fertilizer",
    "металл": "metal",
    "электроэнергия": "electricity",
    "мука": "flour",
    "масло": "oil products",
    "нефтепродукт": "oil products",
}
_ROUTE = re.compile(
    r"(?:по|на)\s+((?:[А-ЯЁ][\w-]*\s+)?(?:маршрут\w*|трубопровод\w*|"
    r"коридор\w*|[А-ЯЁ]\w+\s+морском\s+пути)"
    r"(?:\s+[«\"]?[А-ЯЁ][^,.;:]*)?)"
)
CONFIDENCE = 0.75


def _unit_stem(word: str) -> str:
    """ "тонна" → "тонн", "киловатт-час" → "киловатт", "т" → the word alone."""
    stem = word.split("-")[0]
    stem = stem[:-1] if len(stem) > 4 and stem[-1] in "аья" else stem
    return rf"\b{stem}\b" if len(stem) < 3 else stem


# A volume's number stands just before its unit: "4,5 миллиона тонн"; any unit of UNITS.
UNIT_TRIGGERS = re.compile("|".join(_unit_stem(word) for word in UNITS), re.IGNORECASE)
UNIT_BEFORE = 28


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    facts = []
    for scan in scans:
        for match in find_near(
            AMOUNT, scan.sentence.text, UNIT_TRIGGERS, UNIT_BEFORE, 0, scan.sentence.start
        ):
            fact = _volume_fact(ctx, scan, match)
            if fact:
                facts.append(fact)
    return facts


def _volume_fact(ctx: DocContext, scan: Scan, match: Found) -> Fact | None:
    last = scan.token_index(match.stop - 1)
    unit_token = scan.tokens[last + 1] if last + 1 < len(scan.tokens) else None
    if unit_token is None or unit_token.lemma not in UNITS:
        return None
    value = amount_value(match.fact)
    indicator = _commodity(scan, last)
    route = _route(scan)
    parties = sorted({p.code for p in scan.parties})
    if value is None or indicator is None or not (route or parties):
        return None  # a tonnage of nothing between anyone: a rocket's payload, a harvest
    first = scan.token_index(match.start)
    fields: VolumeFields = {
        "indicator": indicator,
        "value": value,
        "unit": UNITS[unit_token.lemma],
        "route": route,
        "parties": parties,
        "period": period_fields(ctx, next((p for p in scan.periods if p.role == "period"), None)),
        "status": status_of(scan, 0, first),
    }
    change = _change(scan)
    if change is not None:
        fields["change_percent"] = change
    return Fact(
        "volume",
        fields,
        scan.evidence(),
        CONFIDENCE,
        rule=f"volume.{indicator}",
        trace=(f"unit={unit_token.text}",),
    )


def _commodity(scan: Scan, unit: int) -> str | None:
    """What is measured: the nearest commodity word after the unit, else before it."""
    after = [i for i in range(unit + 1, len(scan.tokens)) if scan.tokens[i].lemma in COMMODITIES]
    before = [i for i in range(unit) if scan.tokens[i].lemma in COMMODITIES]
    index = after[0] if after and after[0] - unit <= 3 else (before[-1] if before else None)
    return COMMODITIES[scan.tokens[index].lemma] if index is not None else None


def _route(scan: Scan) -> str | None:
    match = _ROUTE.search(scan.sentence.text)
    if not match:
        return None
    route = match.group(1).strip(' «»"')
    words = route.split()
    # "по Транскаспийскому маршруту" → "Транскаспийский маршрут" is left to the reader:
    # the text as written is what an analyst can search for.
    return " ".join(words)


def _change(scan: Scan) -> float | None:
    for figure in scan.figures:
        if figure.kind != "percent":
            continue
        around = scan.lemmas(figure.first - 5, figure.last + 3)
        if any(lemma in FALL_WORDS for lemma in around):
            return -figure.value
        if any(lemma in RISE_WORDS for lemma in around):
            return figure.value
    return None
