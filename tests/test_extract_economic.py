"""The economic extractors on the project's own test corpus (tests/economic_cases.py)."""

from __future__ import annotations

import pytest
from economic_cases import CASES, ECONOMIC_TYPES, PUBLISHED, render

from bilat.extract import extract
from bilat.model import Document
from bilat.nlp import analyse


def economic_facts(text: str) -> list[str]:
    document = Document(text=text, source="test", name="test", kind="txt", date=PUBLISHED)
    return sorted(render(f.to_json()) for f in extract(analyse(document))
                  if f.type in ECONOMIC_TYPES)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_economic_case(text: str, expected: list[str]) -> None:
    assert economic_facts(text) == sorted(expected)


def test_every_fact_carries_its_sentence() -> None:
    text = "Форум прошёл в Уфе. Товарооборот России и Казахстана в 2024 году вырос на 4,3%."
    document = Document(text=text, source="test", name="test", kind="txt", date=PUBLISHED)
    (fact,) = [f for f in extract(analyse(document)) if f.type == "change"]
    assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.text
    assert fact.evidence.text.startswith("Товарооборот")
    assert 0 < fact.confidence <= 1
    assert fact.rule and fact.trace
