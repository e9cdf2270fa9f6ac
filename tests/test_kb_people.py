"""People merged across documents."""

from __future__ import annotations

from pathlib import Path

from bilat.kb.people import merge, people
from bilat.model import Document, Evidence, Fact
from bilat.store import Store


def person(
    name: str, role: str | None = None, country: str | None = "RU", region: str | None = None
) -> dict:
    words = name.split()
    return {
        "name": name,
        "role": role,
        "roles": [role] if role else [],
        "country": country,
        "region": region,
        "surname": words[-1],
        "first_name": words[0] if len(words) > 1 else None,
        "aliases": [name],
    }


CASES = [
    # (facts by document, expected merged names with their document counts)
    (
        [
            ("d1", person("Радий Хабиров", "Глава Башкортостана", region="RU-BA")),
            ("d2", person("Хабиров")),
            ("d3", person("Радий Хабиров", "Глава Республики Башкортостан")),
        ],
        [("Радий Хабиров", 3)],
    ),
    (
        [("d1", person("Иван Петров")), ("d2", person("Сергей Петров")), ("d3", person("Петров"))],
        [("Иван Петров", 1), ("Петров", 1), ("Сергей Петров", 1)],
    ),
    (
        [
            ("d1", person("Еркин Тукумов", "директор КИСИ", "KZ")),
            ("d2", person("Ермек Кошербаев", "Посол РК в РФ", "KZ")),
        ],
        [("Еркин Тукумов", 1), ("Ермек Кошербаев", 1)],
    ),
]


def test_merge_cases() -> None:
    for rows, expected in CASES:
        merged = merge(rows)
        assert sorted((p.name, len(p.documents)) for p in merged) == sorted(expected)


def test_roles_ranked_and_kept() -> None:
    (merged,) = merge(CASES[0][0])
    assert merged.roles == ("Глава Башкортостана", "Глава Республики Башкортостан")
    assert merged.regions == ("RU-BA",)


def test_people_from_a_store_by_party(tmp_path: Path) -> None:
    with Store(str(tmp_path / "p.db")) as store:
        for n, (doc_id, fields) in enumerate(CASES[2][0]):
            text = f"Документ {doc_id}: {fields['name']} выступил на форуме в Астане."
            document = Document(text=text, source=doc_id, name=doc_id, kind="txt")
            fact = Fact("person", fields, Evidence(text, 0, len(text)), 0.9, rule=f"p{n}")
            store.add(document, [fact])
        assert [p.name for p in people(store, party="KZ")] == ["Еркин Тукумов", "Ермек Кошербаев"]
        assert people(store, party="UZ") == []
