"""Events, people, quotes, agreements, projects and sectors on the project's own test corpus
(tests/event_cases.py). natasha loads once per process and every text is analysed once."""

from __future__ import annotations

from functools import cache

import pytest
from event_cases import CASES, PUBLISHED, render

from bilat.extract import extract
from bilat.model import Document, Fact
from bilat.nlp import analyse


@cache
def facts_of(text: str) -> tuple[Fact, ...]:
    document = Document(text=text, source="test", name="test", kind="txt", date=PUBLISHED)
    return tuple(extract(analyse(document)))


def rendered(text: str, kind: str) -> list[str]:
    return sorted(render(f.to_json()) for f in facts_of(text) if f.type == kind)


@pytest.mark.parametrize(
    ("text", "kind", "expected"), CASES, ids=[f"{n:03d}-{c[1]}" for n, c in enumerate(CASES)]
)
def test_case(text: str, kind: str, expected: list[str]) -> None:
    assert rendered(text, kind) == sorted(expected)


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 100
    assert sum(1 for c in CASES if not c[2]) >= 20  # cases that must yield nothing


def test_every_fact_carries_its_sentence() -> None:
    text = "В Уфе прошел форум регионов России и Казахстана. Стороны подписали соглашение."
    found = facts_of(text)
    # the forum and the signing must be read, or there is no sentence to check
    assert {(f.type, f.evidence.text) for f in found} >= {
        ("event", "В Уфе прошел форум регионов России и Казахстана."),
        ("agreement", "Стороны подписали соглашение."),
    }
    for fact in found:
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        assert 0 < fact.confidence <= 1
        assert fact.rule


def test_event_fields_follow_the_contract() -> None:
    text = (
        "XX Форум межрегионального сотрудничества России и Казахстана прошел в Уфе. "
        "Глава Башкортостана Радий Хабиров выступил на открытии форума."
    )
    (event,) = [f.to_json() for f in facts_of(text) if f.type == "event"]
    assert event["name"] == "XX Форум межрегионального сотрудничества России и Казахстана"
    assert event["ordinal"] == 20
    assert event["location"] == "RU-BA"
    assert {
        "name": "Радий Хабиров",
        "role": "Глава Башкортостана",
        "organization": None,
        "country": "RU",
    } in event["participants"]


def test_person_aliases_merge_mentions() -> None:
    text = (
        "Хабиров выступил на форуме. Глава Башкортостана Радий Хабиров отметил рост "
        "торговли. Радия Хабирова поддержали коллеги."
    )
    (person,) = [f.to_json() for f in facts_of(text) if f.type == "person"]
    assert person["name"] == "Радий Хабиров"
    assert {"Хабиров", "Радий Хабиров", "Глава Башкортостана"} <= set(person["aliases"])
    assert person["region"] == "RU-BA"


def test_quote_speaker_carries_role_and_organization() -> None:
    text = (
        "Директор Казахстанского института стратегических исследований (КИСИ) Еркин "
        "Тукумов открыл встречу.\n– Наши страны сближаются год от года, – отметил "
        "директор КИСИ."
    )
    (quote,) = [f.to_json() for f in facts_of(text) if f.type == "quote"]
    assert quote["speaker"]["name"] == "Еркин Тукумов"
    assert quote["speaker"]["organization"] == "Казахстанский институт стратегических исследований"
    assert quote["speaker"]["country"] == "KZ"
    assert quote["text"] == "Наши страны сближаются год от года"
