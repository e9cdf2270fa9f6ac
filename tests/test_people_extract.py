"""People as the extractor reads them (issue 13, point 5). Roles are posts: a noun group of
an office, cut where a preposition phrase or a clause that is no part of the post begins;
names are split into surname, first name and patronymic, so that people merge across
documents by the full name. The sentences are made up for these tests."""

from __future__ import annotations

from functools import cache

import pytest

from bilat.extract import extract
from bilat.model import Document, Fact
from bilat.nlp import analyse


@cache
def facts_of(text: str) -> tuple[Fact, ...]:
    document = Document(text=text, source="test", name="test", kind="txt", date="2024-05-01")
    return tuple(extract(analyse(document)))


def people(text: str) -> list[str]:
    """ "name | role" of every person fact, sorted."""
    return sorted(
        f"{f.fields['name']} | {f.fields['role']}" for f in facts_of(text) if f.type == "person"
    )


CASES = [
    # a preposition phrase that belongs to the clause ends the role; a role cut off from
    # the name by it is not the name's
    (
        "Глава Китая по приглашению Касым-Жомарта Токаева прибыл в Астану с визитом.",
        ["Касым-Жомарт Токаев | None"],
    ),
    (
        "Председатель КНР по приглашению казахстанской стороны Си Цзиньпин прибыл в Астану.",
        ["Си Цзиньпин | Председатель КНР"],
    ),
    (
        "Губернатор Оренбургской области на полях выставки Денис Паслер обсудил поставки зерна.",
        ["Денис Паслер | Губернатор Оренбургской области"],
    ),
    (
        "Иван Сорокин назначен министром сельского хозяйства области по предложению губернатора.",
        ["Иван Сорокин | министр сельского хозяйства области"],
    ),
    # phrases of the post itself stay whole
    (
        "Министр торговли и интеграции Казахстана Арман Шаккалиев провел переговоры.",
        ["Арман Шаккалиев | Министр торговли и интеграции Казахстана"],
    ),
    (
        "Посол Узбекистана в России Шухрат Каримов выступил на конференции.",
        ["Шухрат Каримов | Посол Узбекистана в России"],
    ),
    (
        "Специальный представитель Президента России по Антарктике Артур Чилингаров выступил.",
        ["Артур Чилингаров | Специальный представитель Президента России по Антарктике"],
    ),
    (
        "Губернатор Оренбургской области Денис Паслер обсудил поставки зерна.",
        ["Денис Паслер | Губернатор Оренбургской области"],
    ),
    (
        "Делегацию возглавил помощник губернатора по особым поручениям Павел Ершов.",
        ["Павел Ершов | помощник губернатора по особым поручениям"],
    ),
    (
        "Агентство приводит слова министра по внешним связям Омской области Виктора Зуева.",
        ["Виктор Зуев | министр по внешним связям Омской области"],
    ),
    (
        "Посол Российской Федерации в Республике Корея Андрей Кулик вручил грамоты.",
        ["Андрей Кулик | Посол Российской Федерации в Республике Корея"],
    ),
    (
        "Выставку посетил консул Германии в городе Алматы Ханс Мюллер.",
        ["Ханс Мюллер | консул Германии в городе Алматы"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"{n:02d}" for n in range(len(CASES))])
def test_role_is_a_post(text: str, expected: list[str]) -> None:
    assert people(text) == sorted(expected)


def names(text: str) -> list[str]:
    """ "name | surname | first name | patronymic" of every person fact, sorted."""
    return sorted(
        " | ".join(str(f.fields.get(k)) for k in ("name", "surname", "first_name", "patronymic"))
        for f in facts_of(text)
        if f.type == "person"
    )


NAME_CASES = [
    # a lone first name that two people bear is neither's
    (
        "Иван Петров и Иван Сидоров подписали договор. Иван добавил, что поставки начнутся летом.",
        [
            "Иван Петров | Петров | Иван | None",
            "Иван Сидоров | Сидоров | Иван | None",
            "Иван | None | Иван | None",
        ],
    ),
    # a lone first name is no surname: it never joins another document's person
    ("На форуме выступил Ермек. Он рассказал о поставках зерна.", ["Ермек | None | Ермек | None"]),
    # the patronymic is told apart, and never taken for a first name
    (
        "Глава республики Радий Фаритович Хабиров открыл форум.",
        ["Радий Фаритович Хабиров | Хабиров | Радий | Фаритович"],
    ),
    ("Фаритович Хабиров открыл форум.", ["Фаритович Хабиров | Хабиров | None | Фаритович"]),
    # an initial joins the one full first name it fits; a lone surname the one bearer
    (
        "А. Кравченко открыл форум. Директор завода Анатолий Кравченко отметил рост выпуска. "
        "Кравченко добавил, что завод ищет партнёров.",
        ["Анатолий Кравченко | Кравченко | Анатолий | None"],
    ),
    # a first name ending as a patronymic may end ("-улы") is still a first name
    (
        "Гурбангулы Бердыев и Сердар Бердыев провели встречу.",
        [
            "Гурбангулы Бердыев | Бердыев | Гурбангулы | None",
            "Сердар Бердыев | Бердыев | Сердар | None",
        ],
    ),
    (
        "Ольга Белова открыла форум. Белова отметила рост поставок.",
        ["Ольга Белова | Белова | Ольга | None"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), NAME_CASES, ids=[f"{n:02d}" for n in range(len(NAME_CASES))]
)
def test_name_parts(text: str, expected: list[str]) -> None:
    assert names(text) == sorted(expected)
