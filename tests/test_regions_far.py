"""First-level regions of Mongolia, Vietnam, Iran, Japan and South Korea: aimags, provinces,
prefectures and cities resolved in every case, beside their country; names that are also
words or people's names resolved only with their region word.

The sentences are the project's own; they run through the real natasha analysis.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pycountry
import pytest

from bilat.actors import actor_by_name, find_mentions, lookup, region_type, resolve
from bilat.actors.gazetteer import DATA_DIR
from bilat.extract import extract
from bilat.extract.context import build_context
from bilat.model import Document, Mention
from bilat.nlp import analyse

FAR = ("MN", "VN", "IR", "JP", "KR")

Found = list[tuple[str, str]]


@pytest.fixture(scope="module")
def found_in() -> Callable[[str], Found]:
    def run(text: str) -> Found:
        analysis = analyse(Document(text=text, source="test", name="test", kind="text"))
        return [(m.text, m.actor.code) for m in find_mentions(analysis)]

    return run


# ---------------------------------------------------------------------------------------
# Codes: every hand-written one is pycountry's, of the right country, and none is missing.


def hand_written(country: str) -> list[dict[str, object]]:
    rows = json.loads((DATA_DIR / "regions.json").read_text(encoding="utf-8"))
    return [row for row in rows if str(row["code"]).split("-")[0] == country]


def first_level(country: str) -> set[str]:
    return {
        s.code for s in pycountry.subdivisions.get(country_code=country) if s.parent_code is None
    }


@pytest.mark.parametrize("country", FAR)
def test_every_written_code_is_pycountrys_of_that_country(country: str) -> None:
    codes = [str(row["code"]) for row in hand_written(country)]
    assert codes and len(codes) == len(set(codes))
    for code in codes:
        subdivision = pycountry.subdivisions.get(code=code)
        assert subdivision is not None, code
        assert subdivision.country_code == country and subdivision.parent_code is None


@pytest.mark.parametrize("country", FAR)
def test_every_first_level_region_is_written_by_hand(country: str) -> None:
    assert {str(row["code"]) for row in hand_written(country)} == first_level(country)


@pytest.mark.parametrize("code", sorted(c for country in FAR for c in first_level(country)))
def test_every_region_is_found_by_its_name(code: str) -> None:
    actor = lookup(code)
    assert actor.is_region and actor.country == code.split("-")[0]
    assert actor_by_name(actor.name) == actor


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("MN-043", "aimag"),
        ("MN-1", "city"),
        ("VN-22", "province"),
        ("VN-HN", "city"),
        ("IR-02", "province"),
        ("JP-30", "prefecture"),
        ("KR-41", "province"),
        ("KR-26", "city"),
    ],
)
def test_region_type(code: str, expected: str) -> None:
    assert region_type(code) == expected


# ---------------------------------------------------------------------------------------
# Each country: a region in several cases, by name, short name, adjective and centre, and
# the country beside it still itself.

TEXT_CASES = [
    # Mongolia
    (
        "Ховдский аймак Монголии наращивает поставки мяса в Россию.",
        [("Ховдский аймак", "MN-043"), ("Монголии", "MN"), ("Россию", "RU")],
    ),
    (
        "Губернатор Ховдского аймака прибыл в Барнаул.",
        [("Ховдского аймака", "MN-043"), ("Барнаул", "RU-ALT")],
    ),
    (
        "Алтайский край подписал соглашение с Увсским аймаком.",
        [("Алтайский край", "RU-ALT"), ("Увсским аймаком", "MN-046")],
    ),
    ("В Баян-Улгийском аймаке открылся пункт пропуска.", [("Баян-Улгийском аймаке", "MN-071")]),
    (
        "Делегация из аймака Хубсугул посетила Иркутск.",
        [("аймака Хубсугул", "MN-041"), ("Иркутск", "RU-IRK")],
    ),
    (
        "Ховдская делегация провела переговоры в Горно-Алтайске.",
        [("Ховдская", "MN-043"), ("Горно-Алтайске", "RU-AL")],
    ),
    ("Ярмарка прошла в Улангоме.", [("Улангоме", "MN-046")]),
    # Vietnam
    (
        "Провинция Нгеан расположена в центре Вьетнама.",
        [("Провинция Нгеан", "VN-22"), ("Вьетнама", "VN")],
    ),
    (
        "Делегация провинции Нгеан прибыла в Ульяновск.",
        [("провинции Нгеан", "VN-22"), ("Ульяновск", "RU-ULY")],
    ),
    ("В провинции Кханьхоа открылся туристический центр.", [("провинции Кханьхоа", "VN-34")]),
    (
        "Ульяновская область подписала меморандум с провинцией Тханьхоа.",
        [("Ульяновская область", "RU-ULY"), ("провинцией Тханьхоа", "VN-21")],
    ),
    (
        "Туристы из Новосибирска отдыхают в Нячанге.",
        [("Новосибирска", "RU-NVS"), ("Нячанге", "VN-34")],
    ),
    (
        "Рейсы из Хабаровска в Хошимин возобновлены.",
        [("Хабаровска", "RU-KHA"), ("Хошимин", "VN-SG")],
    ),
    # Iran
    (
        "Провинция Гилян граничит с Азербайджаном.",
        [("Провинция Гилян", "IR-01"), ("Азербайджаном", "AZ")],
    ),
    ("В провинции Исфахан прошла выставка.", [("провинции Исфахан", "IR-10")]),
    (
        "Астраханская область подписала соглашение с провинцией Гилян.",
        [("Астраханская область", "RU-AST"), ("провинцией Гилян", "IR-01")],
    ),
    (
        "Караван из провинции Мазендеран прибыл в Астрахань.",
        [("провинции Мазендеран", "IR-02"), ("Астрахань", "RU-AST")],
    ),
    (
        "Судно вышло из порта Энзели в Махачкалу.",
        [("Энзели", "IR-01"), ("Махачкалу", "RU-DA")],
    ),
    (
        "Лурестан и Волгоградская область подписали меморандум.",
        [("Лурестан", "IR-15"), ("Волгоградская область", "RU-VGG")],
    ),
    # Japan
    ("Префектура Вакаяма развивает туризм.", [("Префектура Вакаяма", "JP-30")]),
    (
        "Делегация префектуры Тоттори прибыла во Владивосток.",
        [("префектуры Тоттори", "JP-31"), ("Владивосток", "RU-PRI")],
    ),
    (
        "Сахалинская область дружит с Хоккайдо.",
        [("Сахалинская область", "RU-SAK"), ("Хоккайдо", "JP-01")],
    ),
    ("В префектуре Ниигата открылось представительство.", [("префектуре Ниигата", "JP-15")]),
    (
        "Паромы из Вакканая ходят на Сахалин.",
        [("Вакканая", "JP-01"), ("Сахалин", "RU-SAK")],
    ),
    (
        "Делегация из префектуры Вакаяма Японии прибыла в Бишкек.",
        [("префектуры Вакаяма", "JP-30"), ("Японии", "JP"), ("Бишкек", "KG-GB")],
    ),
    # South Korea
    (
        "Делегация провинции Кёнгидо прибыла в Иркутск.",
        [("провинции Кёнгидо", "KR-41"), ("Иркутск", "RU-IRK")],
    ),
    (
        "Приморский край сотрудничает с провинцией Канвондо.",
        [("Приморский край", "RU-PRI"), ("провинцией Канвондо", "KR-42")],
    ),
    ("В Пусане прошёл форум.", [("Пусане", "KR-26")]),
    (
        "Рейс из Владивостока в Инчхон отменён.",
        [("Владивостока", "RU-PRI"), ("Инчхон", "KR-28")],
    ),
    (
        "Компании Южной Кореи инвестируют в провинцию Чолла-Намдо.",
        [("Южной Кореи", "KR"), ("провинцию Чолла-Намдо", "KR-46")],
    ),
    # capitals stand for their country, "город …", "провинция …" for the region
    ("Форум прошёл в Ханое.", [("Ханое", "VN")]),
    ("Губернатор встретился с руководством города Ханоя.", [("города Ханоя", "VN-HN")]),
    ("Делегация Ирана прибыла из Тегерана.", [("Ирана", "IR"), ("Тегерана", "IR")]),
    (
        "Губернатор провинции Тегеран посетил Казань.",
        [("провинции Тегеран", "IR-23"), ("Казань", "RU-TA")],
    ),
    ("Делегация Японии прибыла из Токио.", [("Японии", "JP"), ("Токио", "JP")]),
    (
        "Правительство столичного округа Токио приняло программу.",
        [("столичного округа Токио", "JP-13")],
    ),
    ("Делегация Южной Кореи прибыла из Сеула.", [("Южной Кореи", "KR"), ("Сеула", "KR")]),
    ("Мэр города Сеула посетил Москву.", [("города Сеула", "KR-11"), ("Москву", "RU-MOW")]),
    ("Делегация Монголии прибыла из Улан-Батора.", [("Монголии", "MN"), ("Улан-Батора", "MN")]),
    (
        "Мэрия города Улан-Батора подписала соглашение с Иркутском.",
        [("города Улан-Батора", "MN-1"), ("Иркутском", "RU-IRK")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), TEXT_CASES)
def test_find_far_regions(found_in, sentence: str, expected: Found) -> None:
    assert found_in(sentence) == expected


# ---------------------------------------------------------------------------------------
# Names that are also words, people's names or other places: each resolves with its region
# word (or after "в", "из") and not on its own.

AMBIGUOUS_CASES = [
    (
        "Делегация провинции Кум прибыла в Казань.",
        [("провинции Кум", "IR-25"), ("Казань", "RU-TA")],
    ),
    ("Кум приехал на свадьбу.", []),
    ("В провинции Фарс открыли завод.", [("провинции Фарс", "IR-07")]),
    ("Агентство Фарс сообщило о переговорах.", []),
    ("Делегация аймака Туве прибыла в Кызыл.", [("аймака Туве", "MN-047"), ("Кызыл", "RU-TY")]),
    ("В Туве прошёл форум.", [("Туве", "RU-TY")]),
    (
        "Делегация Центрального аймака Монголии прибыла в Улан-Удэ.",
        [("Центрального аймака", "MN-047"), ("Монголии", "MN"), ("Улан-Удэ", "RU-BU")],
    ),
    ("В центральных аймаках Монголии выпал снег.", [("Монголии", "MN")]),
    ("В центре Ирана построят завод.", [("Ирана", "IR")]),
    ("Делегация префектуры Нара прибыла.", [("префектуры Нара", "JP-29")]),
    ("Река Нара вышла из берегов.", []),
    (
        "Губернатор префектуры Сага посетил Хабаровск.",
        [("префектуры Сага", "JP-41"), ("Хабаровск", "RU-KHA")],
    ),
    ("Сага о рыбаках вышла в новом переводе.", []),
    (
        "Губернатор префектуры Сига посетил Казань.",
        [("префектуры Сига", "JP-25"), ("Казань", "RU-TA")],
    ),
    ("Сига лежала на столе.", []),
    ("Ига Швёнтек выиграла турнир.", []),
    (
        "Делегация префектуры Айти прибыла в Самару.",
        [("префектуры Айти", "JP-23"), ("Самару", "RU-SAM")],
    ),
    ("Айти-компании растут.", []),
    # surnames and given names
    (
        "Делегация префектуры Исикава прибыла в Томск.",
        [("префектуры Исикава", "JP-17"), ("Томск", "RU-TOM")],
    ),
    ("Форум прошёл в Исикаве.", [("Исикаве", "JP-17")]),
    ("Об этом сообщил министр Исикава.", []),
    (
        "Делегация из Миядзаки прибыла в Хабаровск.",
        [("Миядзаки", "JP-45"), ("Хабаровск", "RU-KHA")],
    ),
    ("Режиссёр Хаяо Миядзаки снял новый фильм.", []),
    ("Министр Нагано ответил на вопросы журналистов.", []),
    ("Делегация из Дархана прибыла в Улан-Удэ.", [("Дархана", "MN-037"), ("Улан-Удэ", "RU-BU")]),
    ("Аким Туркестанской области Дархан Сатыбалды выступил.", [("Туркестанской области", "KZ-61")]),
    ("Фестиваль прошёл в Хюэ.", [("Хюэ", "VN-26")]),
    ("Заместитель премьер-министра Хюэ заявил о росте торговли.", []),
    ("Делегация прибыла из Виня.", [("Виня", "VN-22")]),
    ("Нгуен Ван Винь выступил на форуме.", []),
    ("Министерства переехали в Седжон.", [("Седжон", "KR-50")]),
    ("Король Седжон создал корейский алфавит.", [("корейский", "KR")]),
    (
        "Делегация провинции Лонган прибыла в Омск.",
        [("провинции Лонган", "VN-41"), ("Омск", "RU-OMS")],
    ),
    ("Лонган — тропический фрукт.", []),
    # other places and things of the same name
    ("В провинции Голестан построят элеватор.", [("провинции Голестан", "IR-27")]),
    ("Экскурсия прошла по дворцу Голестан.", []),
    (
        "Губернатор провинции Бушер посетил Астрахань.",
        [("провинции Бушер", "IR-18"), ("Астрахань", "RU-AST")],
    ),
    ("АЭС «Бушер» работает на полную мощность.", []),
    (
        "Делегация провинции Западный Азербайджан прибыла в Ереван.",
        [("провинции Западный Азербайджан", "IR-04"), ("Ереван", "AM-ER")],
    ),
    ("Община Западного Азербайджана провела конференцию.", [("Азербайджана", "AZ")]),
    ("Туристы отдыхают на озере Хубсугул.", []),
    (
        "Российские туристы отдыхают в Вонсане, провинция Канвон КНДР.",
        [("Российские", "RU"), ("КНДР", "KP")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), AMBIGUOUS_CASES)
def test_names_that_are_also_other_things(found_in, sentence: str, expected: Found) -> None:
    assert found_in(sentence) == expected


# ---------------------------------------------------------------------------------------
# "аймак" and "префектура" are region words, as "провинция" and "область" are.


def mention(code: str) -> Mention:
    return Mention(start=0, stop=1, text="x", actor=lookup(code), form="name")


@pytest.mark.parametrize(
    ("text", "codes", "expected"),
    [
        ("аймака", ["MN", "RU-ALT", "MN-043", "RU-ALT"], "MN-043"),
        ("наш аймак", ["RU-ALT", "MN-046"], "MN-046"),
        ("префектуры", ["JP", "JP-30", "KG-Y", "KG-Y"], "JP-30"),
        ("аймака", ["JP-30", "RU-ALT"], None),
    ],
)
def test_region_words_stand_for_the_region_named(
    text: str, codes: list[str], expected: str | None
) -> None:
    actor = resolve(text, [mention(code) for code in codes])
    assert (actor.code if actor else None) == expected


def trade_facts(text: str) -> list[tuple[str, tuple[str, ...], str | None, float]]:
    document = Document(text=text, source="test", name="test", kind="txt", date="2025-06-15")
    return [
        (f.fields["indicator"], tuple(f.fields["parties"]), f.fields["exporter"], f.fields["value"])
        for f in extract(analyse(document))
        if f.type == "trade"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Монголия остаётся важным партнёром Алтайского края. В Монголию край поставляет "
            "зерно, из Монголии везут мясо. Делегация Ховдского аймака прибыла в Барнаул. "
            "Товарооборот аймака с Алтайским краем в 2024 году составил 12 млн долларов.",
            [("turnover", ("MN-043", "RU-ALT"), None, 12e6)],
        ),
        (
            "Япония остаётся важным партнёром Приморского края. В Японию край поставляет рыбу, "
            "из Японии везут технику. Делегация префектуры Тоттори прибыла во Владивосток. "
            "Товарооборот префектуры с Приморским краем в 2024 году составил 30 млн долларов.",
            [("turnover", ("JP-31", "RU-PRI"), None, 30e6)],
        ),
        (
            "Делегация префектуры Тоттори прибыла во Владивосток. Экспорт префектуры в "
            "Приморский край в 2024 году составил 30 млн долларов.",
            [("export", ("JP-31", "RU-PRI"), "JP-31", 30e6)],
        ),
        (
            "Делегация провинции Гилян прибыла в Астрахань. Товарооборот провинции с "
            "Астраханской областью в 2024 году составил 50 млн долларов.",
            [("turnover", ("IR-01", "RU-AST"), None, 50e6)],
        ),
    ],
)
def test_trade_of_a_region_named_by_its_word(text: str, expected: list[object]) -> None:
    assert trade_facts(text) == expected


def test_a_text_about_one_aimag_speaks_for_it() -> None:
    text = (
        "Губернатор Увсского аймака провёл переговоры в Монголии и России. Монголия и Россия "
        "готовят новые проекты. Аймак намерен нарастить поставки мяса в Россию, руководство "
        "аймака рассчитывает на рост торговли."
    )
    analysis = analyse(Document(text=text, source="test", name="test", kind="txt"))
    assert build_context(analysis).pair == ("MN-046", "RU")
