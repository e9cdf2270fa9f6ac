"""How the knowledge base says things: Russian labels that need no case they cannot make."""

from __future__ import annotations

from typing import Any

import pytest

from bilat.kb import wording

SUMMARIES: list[tuple[dict[str, Any], str, str]] = [  # (fields, type) → summary
    (
        {
            "part": "KZ",
            "whole": "RU-BA",
            "indicator": "turnover",
            "percent": 15.0,
            "qualifier": "approx",
        },
        "share",
        "доля в товарообороте (Казахстан → Республика Башкортостан): около 15 %",
    ),
    (
        {"part": "CN", "whole": "KZ", "indicator": "export", "percent": 20.0},
        "share",
        "доля в экспорте (Китай → Казахстан): 20 %",
    ),
    (
        {"part": "TR", "whole": "UZ", "percent": 7.5, "qualifier": "over"},
        "share",
        "доля в обороте (Турция → Узбекистан): свыше 7,5 %",
    ),
    (
        {"sector": "metallurgy", "place": "Костанай", "status": "in_progress"},
        "project",
        "металлургия · Костанай · реализуется",
    ),
    ({"sector": "cosmic rays", "status": "planned"}, "project", "cosmic rays · планируется"),
]


@pytest.mark.parametrize(("fields", "type_", "expected"), SUMMARIES)
def test_summaries_read_as_russian(fields: dict[str, Any], type_: str, expected: str) -> None:
    assert wording.summary(fields, type_) == expected


AMOUNTS = [  # (value, qualifier) → a chart's value label
    (3.1e9, "over", "свыше 3,1 млрд"),
    (489.2e6, "approx", "около 489,2 млн"),
    (1.2e9, "under", "менее 1,2 млрд"),
    (1.2e9, "exact", "1,2 млрд"),
    (1.2e9, None, "1,2 млрд"),
]


@pytest.mark.parametrize(("value", "qualifier", "expected"), AMOUNTS)
def test_amounts_keep_their_qualifier(value: float, qualifier: str | None, expected: str) -> None:
    assert wording.amount(value, qualifier) == expected


BALANCES = [  # (value, currency) → a balance as the dossier's table says it
    (0.8e9, "USD", "+800 млн долларов"),
    (-293.3e6, "USD", "−293,3 млн долларов"),
    (0.0, "USD", "+0 долларов"),
    (None, "USD", "—"),
]


@pytest.mark.parametrize(("value", "currency", "expected"), BALANCES)
def test_a_balance_is_signed(value: float | None, currency: str, expected: str) -> None:
    assert wording.signed_money(value, currency) == expected


PLACES = [  # (rank, among) → a partner's place
    (3, 5, "3-й из 5"),
    (1, 1, "1-й из 1"),
    (None, 4, None),  # not ranked: no turnover stated with this partner
]


@pytest.mark.parametrize(("rank", "among", "expected"), PLACES)
def test_a_place_among_partners(rank: int | None, among: int, expected: str | None) -> None:
    assert wording.place(rank, among) == expected


NAMES = [  # code → name
    ("KZ", "Казахстан"),
    ("KZ+RU", "Казахстан и Россия"),
    ("XX-NOPE", "XX-NOPE"),
]


@pytest.mark.parametrize(("code", "expected"), NAMES)
def test_names_of_sides(code: str, expected: str) -> None:
    assert wording.name(code) == expected


def test_every_sector_the_extractor_names_has_a_russian_label() -> None:
    from bilat.extract.events.sectors import COMPOUND_PARTS, SECTOR_WORDS

    labels = set(SECTOR_WORDS.values()) | set(COMPOUND_PARTS.values())
    assert labels, "no sector labels were read"
    assert sorted(label for label in labels if label not in wording.SECTORS) == []


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        (2020, "товарооборот за 2020–2024 годы: изменение на 65 %"),  # four years: a span
        (2023, "товарооборот за 2024 год: изменение на 65 %"),  # one year: its own
        ("previous_period", "товарооборот за 2024 год: изменение на 65 %"),
    ],
)
def test_a_change_over_several_years_says_what_it_spans(base: object, expected: str) -> None:
    fields = {"indicator": "turnover", "percent": 65.0, "period": {"year": 2024}, "base": base}
    assert wording.summary(fields, "change") == expected


@pytest.mark.parametrize(
    ("year", "months", "month", "long", "short"),
    [
        (2024, None, None, "за 2024 год", "2024"),
        (2024, 9, None, "за 9 месяцев 2024 года", "2024 (9 мес.)"),
        (2024, None, 10, "за октябрь 2024 года", "10.2024"),
        (None, None, 3, "за март", "03.?"),
    ],
)
def test_periods_of_a_year_its_months_and_one_month(
    year: int | None, months: int | None, month: int | None, long: str, short: str
) -> None:
    assert wording.period(year, months, month) == long
    assert wording.short_period(year, months, month) == short
