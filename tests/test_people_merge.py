"""People merged across documents by the full name, never by a first name or a surname
alone (issue 13, point 5). The names are made up for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.kb.people import find, merge


def person(
    name: str,
    role: str | None = None,
    surname: str | None = "",
    first: str | None = "",
    **more: Any,
) -> dict[str, Any]:
    """A person fact as the extractor writes it: surname and first name split."""
    words = name.split()
    return {
        "name": name,
        "role": role,
        "roles": [role] if role else [],
        "country": "RU",
        "region": None,
        "aliases": [name],
        "surname": words[-1] if surname == "" else surname,
        "first_name": (words[0] if len(words) > 1 else None) if first == "" else first,
        **more,
    }


CASES = [
    # (person facts by document, the merged people with their document counts)
    # one first initial, two first names: two people, whatever the initial
    (
        [("d1", person("Иван Петров")), ("d2", person("Игорь Петров"))],
        [("Иван Петров", 1), ("Игорь Петров", 1)],
    ),
    # a patronymic joins the same first name and surname when no other patronymic is known
    (
        [
            ("d1", person("Радий Фаритович Хабиров")),
            ("d2", person("Радий Хабиров")),
            ("d3", person("Р. Хабиров", first="Р.")),
            ("d4", person("Хабиров")),
        ],
        [("Радий Фаритович Хабиров", 4)],
    ),
    # two patronymics are two people; the name without one fits both and stays apart
    (
        [
            ("d1", person("Олег Иванович Смирнов")),
            ("d2", person("Олег Петрович Смирнов")),
            ("d3", person("Олег Смирнов")),
        ],
        [("Олег Иванович Смирнов", 1), ("Олег Петрович Смирнов", 1), ("Олег Смирнов", 1)],
    ),
    # initials join the full name they fit, and only that one
    (
        [
            ("d1", person("Анна Сергеевна Белова")),
            ("d2", person("А.С. Белова", first="А.С.")),
            ("d3", person("А.П. Белова", first="А.П.")),
        ],
        [("Анна Сергеевна Белова", 2), ("А.П. Белова", 1)],
    ),
    (
        [
            ("d1", person("Анна Белова")),
            ("d2", person("Алла Белова")),
            ("d3", person("А. Белова", first="А.")),
            ("d4", person("А. Белова", first="А.")),
        ],
        [("Анна Белова", 1), ("Алла Белова", 1), ("А. Белова", 2)],
    ),
    # a first name alone never joins anyone, not even the same first name elsewhere
    (
        [
            ("d1", person("Ермек", surname=None, first="Ермек")),
            ("d2", person("Ермек", surname=None, first="Ермек")),
            ("d3", person("Ермек Касымов")),
        ],
        [("Ермек", 1), ("Ермек", 1), ("Ермек Касымов", 1)],
    ),
    # people who share a first name are not one
    (
        [("d1", person("Дмитрий Орлов")), ("d2", person("Дмитрий Соколов"))],
        [("Дмитрий Орлов", 1), ("Дмитрий Соколов", 1)],
    ),
]


@pytest.mark.parametrize(("rows", "expected"), CASES, ids=[f"{n:02d}" for n in range(len(CASES))])
def test_merge_by_full_name(rows: list, expected: list[tuple[str, int]]) -> None:
    merged = merge(rows)
    assert sorted((p.name, len(p.documents)) for p in merged) == sorted(expected)


FIND_CASES = [
    # (the name asked for, the person found, or None where it is unclear)
    ("Радий Хабиров", "Радий Фаритович Хабиров"),
    ("Р. Хабиров", "Радий Фаритович Хабиров"),
    ("Хабиров Р.Ф.", "Радий Фаритович Хабиров"),
    ("Хабиров", "Радий Фаритович Хабиров"),
    ("Рустам Хабиров", None),
    ("Иван Петров", "Иван Петров"),
    ("И. Петров", None),
    ("Петров", None),
    ("Радий", None),
]


@pytest.mark.parametrize(
    ("name", "expected"), FIND_CASES, ids=[f"{n:02d}" for n in range(len(FIND_CASES))]
)
def test_find_by_full_name(name: str, expected: str | None) -> None:
    persons = merge(
        [
            ("d1", person("Радий Фаритович Хабиров")),
            ("d2", person("Иван Петров")),
            ("d3", person("Игорь Петров")),
        ]
    )
    found = find(persons, name)
    assert (found.name if found else None) == expected
