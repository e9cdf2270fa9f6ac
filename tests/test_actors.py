"""bilat.actors: names, adjectives, abbreviations and cities in every case → ISO codes.

The sentences run through the real natasha analysis (models loaded once per module).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pycountry
import pytest

from bilat.actors import (
    UnknownActorError,
    actor_by_name,
    all_actors,
    find_mentions,
    lookup,
    region_type,
    resolve,
)
from bilat.actors.gazetteer import GAZETTEER_FILE, gazetteer
from bilat.actors.outlets import outlet_country
from bilat.errors import BilatError
from bilat.model import Document, Mention
from bilat.nlp import analyse

Found = list[tuple[str, str]]


@pytest.fixture(scope="module")
def mentions_of() -> Callable[[str], tuple[Mention, ...]]:
    def run(text: str) -> tuple[Mention, ...]:
        analysis = analyse(Document(text=text, source="test", name="test", kind="text"))
        mentions = find_mentions(analysis)
        for m in mentions:
            assert analysis.text[m.start : m.stop] == m.text
        return mentions

    return run


def found(mentions: tuple[Mention, ...]) -> Found:
    return [(m.text, m.actor.code) for m in mentions]


# ---------------------------------------------------------------------------------------
# Every grammatical case of a name: nominative, genitive, dative, accusative, instrumental,
# prepositional, each in its own sentence frame.

CASE_FRAMES = [
    "{} наращивает поставки зерна.",
    "Делегация {} прибыла на форум.",
    "Правительство помогает {} в развитии торговли.",
    "Инвесторы посетили {} в прошлом году.",
    "Соглашение с {} подписано вчера.",
    "Форум прошёл в {} в ноябре.",
]

NAME_FORMS = [
    ("KZ", ["Казахстан", "Казахстана", "Казахстану", "Казахстан", "Казахстаном", "Казахстане"]),
    (
        "RU-BA",
        [
            "Башкортостан",
            "Башкортостана",
            "Башкортостану",
            "Башкортостан",
            "Башкортостаном",
            "Башкортостане",
        ],
    ),
    ("RU-BA", ["Башкирия", "Башкирии", "Башкирии", "Башкирию", "Башкирией", "Башкирии"]),
    (
        "RU-KYA",
        [
            "Красноярский край",
            "Красноярского края",
            "Красноярскому краю",
            "Красноярский край",
            "Красноярским краем",
            "Красноярском крае",
        ],
    ),
    (
        "KZ-39",
        [
            "Костанайская область",
            "Костанайской области",
            "Костанайской области",
            "Костанайскую область",
            "Костанайской областью",
            "Костанайской области",
        ],
    ),
    (
        "RU-KK",
        [
            "Республика Хакасия",
            "Республики Хакасия",
            "Республике Хакасия",
            "Республику Хакасия",
            "Республикой Хакасия",
            "Республике Хакасия",
        ],
    ),
    ("RU-BA", ["Уфа", "Уфы", "Уфе", "Уфу", "Уфой", "Уфе"]),
    (
        "KZ-63",
        [
            "Усть-Каменогорск",
            "Усть-Каменогорска",
            "Усть-Каменогорску",
            "Усть-Каменогорск",
            "Усть-Каменогорском",
            "Усть-Каменогорске",
        ],
    ),
]

CASES = [
    (frame.format(form), [(form, code)])
    for code, forms in NAME_FORMS
    for frame, form in zip(CASE_FRAMES, forms, strict=True)
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_every_case_of_a_name(mentions_of, sentence: str, expected: Found) -> None:
    assert found(mentions_of(sentence)) == expected


# Adjectives: six cases, singular then plural.

ADJECTIVE_FRAMES = [
    "Сегодня {} бизнес расширяет присутствие.",
    "Представители {} бизнеса провели встречу.",
    "Помощь {} бизнесу увеличена.",
    "Власти поддерживают {} бизнес.",
    "Встреча с {} бизнесом состоялась вчера.",
    "Речь шла о {} бизнесе.",
    "Сегодня {} компании расширяют присутствие.",
    "Представители {} компаний провели встречу.",
    "Помощь {} компаниям увеличена.",
    "Власти поддерживают {} компании.",
    "Встреча с {} компаниями состоялась вчера.",
    "Речь шла о {} компаниях.",
]
ADJECTIVE_ENDINGS = ["ий", "ого", "ому", "ий", "им", "ом", "ие", "их", "им", "ие", "ими", "их"]
ADJECTIVES = [
    ("казахстанск", "KZ"),
    ("башкирск", "RU-BA"),
    ("красноярск", "RU-KYA"),
    ("российск", "RU"),
    ("узбекистанск", "UZ"),
    ("костанайск", "KZ-39"),
]

ADJECTIVE_CASES = [
    (frame.format(stem + ending), [(stem + ending, code)])
    for stem, code in ADJECTIVES
    for frame, ending in zip(ADJECTIVE_FRAMES, ADJECTIVE_ENDINGS, strict=True)
]


@pytest.mark.parametrize(("sentence", "expected"), ADJECTIVE_CASES)
def test_every_case_of_an_adjective(mentions_of, sentence: str, expected: Found) -> None:
    assert found(mentions_of(sentence)) == expected


# ---------------------------------------------------------------------------------------
# Compounds, abbreviations, longest match, ambiguous words, surnames.

TEXT_CASES = [
    # hyphenated compound adjectives: one mention per part
    (
        "Стороны обсудили развитие российско-казахстанских отношений.",
        [("российско", "RU"), ("казахстанских", "KZ")],
    ),
    (
        "Утверждена башкиро-казахстанская дорожная карта.",
        [("башкиро", "RU-BA"), ("казахстанская", "KZ")],
    ),
    (
        "Открылось заседание Татарстано-узбекского делового форума.",
        [("Татарстано", "RU-TA"), ("узбекского", "UZ")],
    ),
    (
        "Башкортостано-казахстанские переговоры прошли успешно.",
        [("Башкортостано", "RU-BA"), ("казахстанские", "KZ")],
    ),
    (
        "Прошёл дагестано-азербайджанский бизнес-форум.",
        [("дагестано", "RU-DA"), ("азербайджанский", "AZ")],
    ),
    (
        "Перспективы башкирско-казахстанских отношений обсудили в Уфе.",
        [("башкирско", "RU-BA"), ("казахстанских", "KZ"), ("Уфе", "RU-BA")],
    ),
    (
        "Казахстанско-азербайджанского делового совета заседание прошло вчера.",
        [("Казахстанско", "KZ"), ("азербайджанского", "AZ")],
    ),
    (
        "Итоги российско-китайско-монгольского саммита подвели в Пекине.",
        [("российско", "RU"), ("китайско", "CN"), ("монгольского", "MN"), ("Пекине", "CN-BJ")],
    ),
    ("Прошёл форум Россия–АСЕАН.", [("Россия", "RU")]),
    ("Началось военно-техническое сотрудничество.", []),
    ("Делегация из Нью-Джерси прибыла.", []),
    # abbreviations, case-sensitive
    ("Товарооборот РФ и РК вырос.", [("РФ", "RU"), ("РК", "KZ")]),
    ("Делегация КНР посетила США и ОАЭ.", [("КНР", "CN"), ("США", "US"), ("ОАЭ", "AE")]),
    ("Власти КНДР и ФРГ не ответили.", [("КНДР", "KP"), ("ФРГ", "DE")]),
    ("Слово сша написано строчными буквами.", []),
    ("Губернатор ВКО встретился с акимом СКО.", [("ВКО", "KZ-63"), ("СКО", "KZ-59")]),
    # the longest name wins
    (
        "Делегация Восточно-Казахстанской области прибыла.",
        [("Восточно-Казахстанской области", "KZ-63")],
    ),
    ("Глава Республики Башкортостан выступил.", [("Республики Башкортостан", "RU-BA")]),
    ("Президент Республики Казахстан выступил.", [("Республики Казахстан", "KZ")]),
    ("Правительство Российской Федерации одобрило план.", [("Российской Федерации", "RU")]),
    ("Завод построят в Нижнем Новгороде.", [("Нижнем Новгороде", "RU-NIZ")]),
    ("Фермеры Алматинской области собрали урожай.", [("Алматинской области", "KZ-19")]),
    (
        "Аким Северо-Казахстанской области провёл приём.",
        [("Северо-Казахстанской области", "KZ-59")],
    ),
    (
        "Делегация Ханты-Мансийского автономного округа — Югры прибыла.",
        [("Ханты-Мансийского автономного округа — Югры", "RU-KHM")],
    ),
    ("Компании из Соединённых Штатов Америки ушли.", [("Соединённых Штатов Америки", "US")]),
    ("Рынки Латинской Америки растут.", []),
    # capitals and other cities stand for their region, or for the country
    ("Переговоры прошли в Астане и Ташкенте.", [("Астане", "KZ-71"), ("Ташкенте", "UZ-TK")]),
    ("Делегация из Алма-Аты прибыла в Павлодар.", [("Алма-Аты", "KZ-75"), ("Павлодар", "KZ-55")]),
    ("Выставка открылась в Париже.", [("Париже", "FR")]),
    ("Новый рейс свяжет Семей и Новосибирск.", [("Семей", "KZ-10"), ("Новосибирск", "RU-NVS")]),
    # names that are also common words
    ("Того же мнения придерживается министр.", []),
    ("Он того не знал.", []),
    ("Министр иностранных дел Того прибыл с визитом.", [("Того", "TG")]),
    ("Над городом стоял чад.", []),
    ("Выборы прошли в Чаде и Мали.", [("Чаде", "TD"), ("Мали", "ML")]),
    ("Во Владимире открылся завод.", [("Владимире", "RU-VLA")]),
    ("Владимир Путин провёл встречу.", []),
    ("Офис находится на улице Кирова.", []),
    ("Семей много в этом доме.", []),
    # an abbreviation two actors share reads as the one the text names in full, else none
    (
        "Татарстан и Китай договорились. Товарооборот РТ и Китая вырос.",
        [("Татарстан", "RU-TA"), ("Китай", "CN"), ("РТ", "RU-TA"), ("Китая", "CN")],
    ),
    (
        "Таджикистан и Узбекистан договорились. Товарооборот РТ и Узбекистана вырос.",
        [("Таджикистан", "TJ"), ("Узбекистан", "UZ"), ("РТ", "TJ"), ("Узбекистана", "UZ")],
    ),
    ("Товарооборот РБ и Китая вырос.", [("Китая", "CN")]),
    # an adjective of a list shares the region noun told after it; alone it is the city's
    (
        "Делегации Ташкентской и Наманганской областей прибыли.",
        [("Ташкентской", "UZ-TO"), ("Наманганской областей", "UZ-NG")],
    ),
    ("Ташкентская делегация прибыла.", [("Ташкентская", "UZ-TK")]),
    # variant names: "Киргизстан", "СРВ", "ИРИ", "Туркие"; a region's short name, and a
    # river's name only where it is a place
    (
        "Киргизстан, СРВ и ИРИ подписали декларацию. Делегация Туркие прибыла.",
        [("Киргизстан", "KG"), ("СРВ", "VN"), ("ИРИ", "IR"), ("Туркие", "TR")],
    ),
    (
        "Делегация из Кашкадарьи прибыла в Прибайкалье.",
        [("Кашкадарьи", "UZ-QA"), ("Прибайкалье", "RU-IRK")],
    ),
    ("Делегация из Сырдарьи прибыла.", [("Сырдарьи", "UZ-SI")]),
    # other spellings of a region, and cities of Chinese provinces
    (
        "Делегация Татарии прибыла в Шеньян, затем в Цзямусы, в Ичан и в Маньчжоули.",
        [
            ("Татарии", "RU-TA"),
            ("Шеньян", "CN-LN"),
            ("Цзямусы", "CN-HL"),
            ("Ичан", "CN-HB"),
            ("Маньчжоули", "CN-NM"),
        ],
    ),
    ("Товарооборот с АРЕ вырос, как и с провинцией Шэнси.", [("АРЕ", "EG"), ("Шэнси", "CN-SN")]),
    ("Сырдарья обмелела к осени.", []),
    # the first-level regions of Germany, Poland and Italy; a Land that is a city keeps the
    # city's name for the country
    (
        "Делегация Тюрингии и Варминско-Мазурского воеводства побывала в Ломбардии.",
        [
            ("Тюрингии", "DE-TH"),
            ("Варминско-Мазурского воеводства", "PL-28"),
            ("Ломбардии", "IT-25"),
        ],
    ),
    ("Делегация прибыла в Берлин.", [("Берлин", "DE")]),
    ("Посевная кампания в регионе завершилась.", []),
    # surnames that look like places
    ("С докладом выступил Андрей Курский.", []),
    ("Об этом сообщил министр Дмитрий Ливанов.", []),
    ("Памятник Сергею Кирову открыли в Кирове.", [("Кирове", "RU-KIR")]),
]


@pytest.mark.parametrize(("sentence", "expected"), TEXT_CASES)
def test_find_mentions(mentions_of, sentence: str, expected: Found) -> None:
    assert found(mentions_of(sentence)) == expected


FORM_CASES = [
    ("Форум прошёл в Уфе.", ("Уфе", "RU-BA", "city", "Уфа")),
    ("Экспорт из Башкирии вырос.", ("Башкирии", "RU-BA", "short", "Республика Башкортостан")),
    (
        "Экспорт из Республики Башкортостан вырос.",
        ("Республики Башкортостан", "RU-BA", "name", "Республика Башкортостан"),
    ),
    ("Казахстанские компании растут.", ("Казахстанские", "KZ", "adjective", "Казахстан")),
    ("Экспорт из РФ вырос.", ("РФ", "RU", "abbreviation", "Россия")),
]


@pytest.mark.parametrize(("sentence", "expected"), FORM_CASES)
def test_mention_form_and_normal(
    mentions_of, sentence: str, expected: tuple[str, str, str, str]
) -> None:
    (mention,) = mentions_of(sentence)
    assert (mention.text, mention.actor.code, mention.form, mention.normal) == expected


def test_offsets_point_into_the_whole_text(mentions_of) -> None:
    text = "Первое предложение. Второе — о Казахстане и российско-казахстанских связях."
    mentions = mentions_of(text)
    assert [(text[m.start : m.stop], m.actor.code) for m in mentions] == [
        ("Казахстане", "KZ"),
        ("российско", "RU"),
        ("казахстанских", "KZ"),
    ]


# ---------------------------------------------------------------------------------------
# resolve(): context words for an actor named elsewhere in the document.


def mentions(*codes: str) -> list[Mention]:
    return [Mention(start=0, stop=1, text="x", actor=lookup(code), form="name") for code in codes]


RESOLVE_CASES = [
    ("нашей республики", mentions("KZ", "RU-BA", "RU-BA", "KZ", "RU-BA"), "RU-BA"),
    ("республики", mentions("RU", "KZ", "RU"), "KZ"),  # Республика Казахстан
    ("республиканских компаний", mentions("RU-TA", "KZ"), "RU-TA"),
    ("края", mentions("KZ", "RU-KYA", "RU-KK"), "RU-KYA"),
    ("области", mentions("RU-KYA", "KZ-39", "KZ"), "KZ-39"),
    ("страны", mentions("RU-BA", "KZ", "RU", "RU"), "RU"),
    ("наша страна", mentions("KZ", "RU"), "KZ"),  # a tie goes to the one named first
    ("между регионами", mentions("KZ", "RU-BA", "KZ-39", "RU-BA"), "RU-BA"),
    ("округа", mentions("RU-KHM", "RU"), "RU-KHM"),
    ("края", mentions("RU-BA", "KZ"), None),
    ("компания", mentions("RU-BA"), None),
    ("республика", [], None),
]


@pytest.mark.parametrize(("text", "context", "expected"), RESOLVE_CASES)
def test_resolve(text: str, context: list[Mention], expected: str | None) -> None:
    actor = resolve(text, context)
    assert (actor.code if actor else None) == expected


def test_resolve_on_a_real_document(mentions_of) -> None:
    context = mentions_of(
        "Башкортостан и Казахстан подписали дорожную карту. Экспорт "
        "Башкирии в Казахстан вырос, сообщили в Уфе."
    )
    assert resolve("нашей республики", context).code == "RU-BA"
    assert resolve("страны", context).code == "KZ"


# ---------------------------------------------------------------------------------------
# lookup(), actor_by_name(), region_type(): the whole of pycountry's lists is there.

RU_SUBDIVISIONS = sorted(s.code for s in pycountry.subdivisions.get(country_code="RU"))
KZ_SUBDIVISIONS = sorted(s.code for s in pycountry.subdivisions.get(country_code="KZ"))
COVERED = [
    *("BY", "UZ", "KG", "TJ", "TM", "AZ", "AM", "GE", "MD", "UA", "LV", "LT", "EE", "CN"),
    *("DE", "PL", "IT"),
]
OTHER_SUBDIVISIONS = sorted(
    s.code
    for c in COVERED
    for s in pycountry.subdivisions.get(country_code=c)
    if s.parent_code is None
)
COUNTRIES = sorted(c.alpha_2 for c in pycountry.countries)


def is_russian(name: str) -> bool:
    return any("а" <= ch.lower() <= "я" for ch in name)


@pytest.mark.parametrize("code", RU_SUBDIVISIONS + KZ_SUBDIVISIONS + OTHER_SUBDIVISIONS)
def test_every_region_has_a_russian_name(code: str) -> None:
    actor = lookup(code)
    assert actor.code == code and actor.is_region and is_russian(actor.name)
    assert actor.country == code.split("-")[0]
    assert actor_by_name(actor.name) == actor


@pytest.mark.parametrize("code", COUNTRIES)
def test_every_country_has_a_russian_name(code: str) -> None:
    actor = lookup(code)
    assert actor.code == code and actor.kind == "country" and is_russian(actor.name)


def test_russian_subjects_are_all_there() -> None:
    assert len(RU_SUBDIVISIONS) == 83
    assert {"KZ-10", "KZ-33", "KZ-62"} <= set(KZ_SUBDIVISIONS)
    assert len(all_actors()) == len(gazetteer().actors)


def test_lookup_of_an_unknown_code_says_what_was_expected() -> None:
    with pytest.raises(UnknownActorError, match=r"'XX'.*ISO 3166") as caught:
        lookup("XX")
    assert isinstance(caught.value, LookupError) and isinstance(caught.value, BilatError)
    assert lookup("ru-ba").code == "RU-BA"


BY_NAME = [
    ("Казахстаном", "KZ"),
    ("Башкирии", "RU-BA"),
    ("Костанайской области", "KZ-39"),
    ("Республики Казахстан", "KZ"),
    ("КНР", "CN"),
    ("Уфе", "RU-BA"),
    ("Красноярского края", "RU-KYA"),
    ("Восточно-Казахстанской области", "KZ-63"),
    ("Кыргызстана", "KG"),
    ("Белоруссии", "BY"),
    ("Беларуси", "BY"),
    ("Молдове", "MD"),
    ("Туркмении", "TM"),
    ("Южной Кореи", "KR"),
    ("Великобританией", "GB"),
    ("Тувы", "RU-TY"),
    ("Якутии", "RU-SA"),
    ("Алма-Ате", "KZ-75"),
    ("Өскемене", "KZ-63"),
    ("Того", "TG"),
    ("kz", "KZ"),
    ("республики", None),
    ("того", None),
    ("Европы", None),
    ("", None),
]


@pytest.mark.parametrize(("name", "expected"), BY_NAME)
def test_actor_by_name(name: str, expected: str | None) -> None:
    actor = actor_by_name(name)
    assert (actor.code if actor else None) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RU-BA", "republic"),
        ("RU-KYA", "krai"),
        ("KZ-39", "oblast"),
        ("RU-MOW", "federal_city"),
        ("RU-KHM", "autonomous_okrug"),
        ("KZ-71", "city"),
        ("CN-HL", "province"),
        ("KZ", "country"),
    ],
)
def test_region_type(code: str, expected: str) -> None:
    assert region_type(code) == expected


# ---------------------------------------------------------------------------------------
# The compiled file: fresh, and quick to load.


BUILD_SCRIPT = Path(__file__).resolve().parents[1] / "tools" / "build_gazetteer.py"


def test_gazetteer_file_is_built_from_its_sources() -> None:
    spec = importlib.util.spec_from_file_location("build_gazetteer", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert GAZETTEER_FILE.read_text(encoding="utf-8") == script.render(script.build()), (
        "bilat/actors/data/gazetteer.json is stale: run tools/build_gazetteer.py"
    )


def test_the_gazetteer_loads_once_per_process() -> None:
    # its load time is a benchmark figure (bilat bench), not an assertion: machines are shared
    gazetteer.cache_clear()
    first = gazetteer()
    assert gazetteer() is first
    assert first.actors  # entries were read


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://24.kg/vlast/12345_news/", "KG"),
        ("http://www.example.uz/ru/news/1", "UZ"),
        ("https://xn--80a.xn--p1ai/2023/05/19/x", "RU"),
        ("https://news.example.com/kg/article", None),
        ("data/articles/kg.txt", None),
        (None, None),
    ],
)
def test_outlet_country_by_national_domain(url: str | None, country: str | None) -> None:
    assert outlet_country(url) == country
