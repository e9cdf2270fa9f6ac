"""The shared parsers of ``bilat.extract``: numbers, money, percentages, periods, datelines."""

from __future__ import annotations

import pytest

from bilat.extract.dedupe import _states_year
from bilat.extract.economy.attributes import FIGURE_HINT
from bilat.extract.economy.volume import UNIT_TRIGGERS, UNITS
from bilat.extract.events.eventdate import DATE_TRIGGERS, find_dates
from bilat.extract.figures import FRACTION_TRIGGERS, TIMES_TRIGGERS
from bilat.extract.parse.dateline import find_dateline
from bilat.extract.parse.money import CURRENCY_WORDS, MONEY_TRIGGERS, currency_code, find_money
from bilat.extract.parse.numbers import FRACTION_RATES, MULTIPLIERS, TIMES_WORDS, parse_number
from bilat.extract.parse.periods import (
    MAX_YEAR,
    MIN_YEAR,
    MONTHS,
    PERIOD_TRIGGERS,
    find_periods,
    relative_offset,
)
from bilat.model import Document, Evidence, Fact
from bilat.nlp import analyse
from bilat.nlp.cleanup import readable

NUMBERS = [
    ("489,2", 489.2),
    ("26", 26.0),
    ("1 200", 1200.0),
    ("1.5", 1.5),
    ("полтора", 1.5),
    ("два", 2.0),
    ("десять", 10.0),
    ("семисот", 700.0),
    ("двести пятьдесят", 250.0),
    ("девятьсот девяносто девять", 999.0),
    ("пять двести", None),
    ("3, 5", None),
    ("12 34", None),
    ("abc", None),
    ("1 400 000", 1_400_000.0),
    ("0,75", 0.75),
    ("1 461,5", 1461.5),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


MONEY = [
    ("товарооборот составил 489,2 млн долларов", [(489.2e6, "USD", "489,2 млн долларов")]),
    ("превысил $26 млрд, что на 10%", [(26e9, "USD", "$26 млрд")]),
    ("около 26 млрд долл. США", [(26e9, "USD", "26 млрд долл. США")]),
    ("1,2 трлн тенге", [(1.2e12, "KZT", "1,2 трлн тенге")]),
    ("735,2 миллиона долларов", [(735.2e6, "USD", "735,2 миллиона долларов")]),
    ("$4 млрд", [(4e9, "USD", "$4 млрд")]),
    ("достиг $75 миллионов долларов", [(75e6, "USD", "$75 миллионов долларов")]),
    ("2,5 миллиарда рублей", [(2.5e9, "RUB", "2,5 миллиарда рублей")]),
    ("100 млн евро", [(100e6, "EUR", "100 млн евро")]),
    ("83 млн долл. США", [(83e6, "USD", "83 млн долл. США")]),
    ("21 млрд 473,2 млн ам. долл.", [(21.4732e9, "USD", "21 млрд 473,2 млн ам. долл.")]),
    (
        "импорт вырос до 2 млрд 318 млн 45 тыс. долларов",
        [(2_318_045_000.0, "USD", "2 млрд 318 млн 45 тыс. долларов")],
    ),
    ("за квартал 7 млн 250 тыс. долларов", [(7_250_000.0, "USD", "7 млн 250 тыс. долларов")]),
    ("1 461,5 млн долларов", [(1.4615e9, "USD", "1 461,5 млн долларов")]),
    ("84,07 млрд амер. долларов", [(84.07e9, "USD", "84,07 млрд амер. долларов")]),
    ("полтора миллиарда юаней", [(1.5e9, "CNY", "полтора миллиарда юаней")]),
    ("порядка семисот миллионов долларов", [(7e8, "USD", "семисот миллионов долларов")]),
    ("двести пятьдесят миллионов рублей", [(2.5e8, "RUB", "двести пятьдесят миллионов рублей")]),
    ("300 млн белорусских рублей", [(300e6, "BYN", "300 млн белорусских рублей")]),
    ("2 млрд российских рублей", [(2e9, "RUB", "2 млрд российских рублей")]),
    ("5 млрд руб.", [(5e9, "RUB", "5 млрд руб.")]),
    ("10 млрд $", [(10e9, "USD", "10 млрд $")]),
    ("USD 5 млн", [(5e6, "USD", "USD 5 млн")]),
    ("1 200 млн рублей", [(1.2e9, "RUB", "1 200 млн рублей")]),
    ("около 1 400 000 долларов", [(1.4e6, "USD", "1 400 000 долларов")]),
    ("40 тыс. сумов", [(40e3, "UZS", "40 тыс. сумов")]),
    ("3,7 млрд манатов", [(3.7e9, "AZN", "3,7 млрд манатов")]),
    ("а импорт — 83 млн.", [(83e6, None, "83 млн.")]),
    ("в 2024 году 120 тысяч", [(120e3, None, "120 тысяч")]),
    ("130 видов товаров", []),
    ("в 2024 году", []),
    ("XX форум, 20 участников", []),
]


@pytest.mark.parametrize(("text", "expected"), MONEY)
def test_find_money(text: str, expected: list[tuple[float, str | None, str]]) -> None:
    found = [(m.value, m.currency, text[m.start : m.stop]) for m in find_money(text)]
    assert found == expected


def test_money_range_keeps_both_bounds() -> None:
    (money,) = find_money("от 3 до 5 млрд долларов")
    assert (money.low, money.value, money.currency) == (3e9, 5e9, "USD")


@pytest.mark.parametrize("dash", ["-", "–", "—", "−"])
def test_a_range_may_be_written_with_any_dash_or_the_minus_sign(dash: str) -> None:
    (money,) = find_money(f"$ 500{dash}700 млн")
    assert (money.low, money.value, money.currency) == (500e6, 700e6, "USD")


def test_year_span_is_not_a_money_range() -> None:
    (money,) = find_money("в 2023-2024 годах 5 млн")
    assert (money.low, money.value) == (None, 5e6)


def test_offsets_are_shifted() -> None:
    (money,) = find_money("и 5 млн рублей", offset=100)
    assert (money.start, money.stop) == (102, 114)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("долларов", "USD"),
        ("долл. США", "USD"),
        ("$", "USD"),
        ("тенге", "KZT"),
        ("рублей", "RUB"),
        ("белорусских рублей", "BYN"),
        ("юаней", "CNY"),
        ("евро", "EUR"),
        ("сомов", "KGS"),
        ("вон", "KRW"),
        ("тугриков", "MNT"),
        ("донгов", "VND"),
        ("молдавских леев", "MDL"),
        ("румынских леев", "RON"),
        ("иранских риалов", "IRR"),
        ("саудовских риялов", "SAR"),
        ("туркменских манатов", "TMT"),
        ("манатов", "AZN"),
        ("", None),
        ("штук", None),
    ],
)
def test_currency_code(text: str, code: str | None) -> None:
    assert currency_code(text) == code


PERIODS = [
    ("В 2024 году товарооборот", [("2024 году", 2024, None, None, "period")]),
    ("за 9 месяцев 2021 года", [("9 месяцев 2021 года", 2021, None, 9, "period")]),
    ("за девять месяцев 2021 года", [("девять месяцев 2021 года", 2021, None, 9, "period")]),
    ("в январе–октябре 2023 г.", [("январе–октябре 2023 г.", 2023, None, 10, "period")]),
    ("январь-сентябрь 2024 года", [("январь-сентябрь 2024 года", 2024, None, 9, "period")]),
    ("в первом полугодии", [("первом полугодии", None, None, 6, "period")]),
    ("в 1-м квартале 2012 года", [("1-м квартале 2012 года", 2012, None, 3, "period")]),
    ("за 3-й квартал", [("3-й квартал", None, None, 9, "period")]),
    ("в 1-м полугодии этого года", [("1-м полугодии этого года", None, 0, 6, "period")]),
    ("в 5-м квартале", []),
    ("в I полугодии", [("I полугодии", None, None, 6, "period")]),
    ("Прошлогодний экспорт составил", [("Прошлогодний экспорт", None, -1, None, "period")]),
    ("выше прошлогоднего экспорта", [("прошлогоднего экспорта", None, -1, None, "base")]),
    ("прошлогодний показатель", []),
    ("за 1 полугодие 2023 года", [("1 полугодие 2023 года", 2023, None, 6, "period")]),
    ("за 2 полугодие", []),
    ("за первые три квартала 2010 года", [("три квартала 2010 года", 2010, None, 9, "period")]),
    ("за два квартала", [("два квартала", None, None, 6, "period")]),
    (
        "превысил уровень за весь 2009 год",
        [("уровень за весь 2009 год", 2009, None, None, "base")],
    ),
    ("за первый квартал 2025 года", [("первый квартал 2025 года", 2025, None, 3, "period")]),
    ("в текущем году", [("текущем году", None, 0, None, "period")]),
    (
        "за первое полугодие нынешнего прибавил 8,3%",
        [("первое полугодие нынешнего", None, 0, 6, "period")],
    ),
    ("по итогам прошлого года", [("прошлого года", None, -1, None, "period")]),
    ("в позапрошлом году", [("позапрошлом году", None, -2, None, "period")]),
    ("довести до 10 млрд к 2030 году", [("к 2030 году", 2030, None, None, "target")]),
    ("по сравнению с 2020 годом", [("с 2020 годом", 2020, None, None, "base")]),
    ("на 10% выше показателя 2021 года", [("показателя 2021 года", 2021, None, None, "base")]),
    (
        "по сравнению с аналогичным периодом прошлого года",
        [("аналогичным периодом прошлого года", None, -1, None, "base")],
    ),
    (
        "меньше по сравнению с тем же периодом прошлого года",
        [("тем же периодом прошлого года", None, -1, None, "base")],
    ),
    (
        "по сравнению с таким же периодом 2019 года",
        [("таким же периодом 2019 года", 2019, None, None, "base")],
    ),
    (
        "против соответствующего периода 2019 года",
        [("соответствующего периода 2019 года", 2019, None, None, "base")],
    ),
    ("такой же рост в 2021 году", [("2021 году", 2021, None, None, "period")]),
    ("за тот же квартал прошлого года", [("прошлого года", None, -1, None, "period")]),
    ("за 12 месяцев 2023 года", [("12 месяцев 2023 года", 2023, None, None, "period")]),
    ("С января по май товарооборот", [("С января по май", None, None, 5, "period")]),
    ("К 2030 году оборот вырастет", [("К 2030 году", 2030, None, None, "target")]),
    ("вырос за полгода на 10%", [("полгода", None, None, 6, "period")]),
    ("в 2000-х товарооборот превышал", []),
    ("в 2010-е годы", []),
    ("больше, чем в 2024-м", [("чем в 2024", 2024, None, None, "base")]),
    # the same month a year before is a base; "с января 2024 года" is since then
    (
        "по сравнению с январём прошлого года",
        [("с январём прошлого года", None, -1, None, "base")],
    ),
    ("С января 2024 года оборот вырос", [("2024 года", 2024, None, None, "period")]),
    # "по результатам прошлого года" is the period, "выше результатов 2023 года" a base
    ("по результатам прошлого года", [("по результатам прошлого года", None, -1, None, "period")]),
    ("выше результатов 2023 года", [("результатов 2023 года", 2023, None, None, "base")]),
    ("в следующем году", [("следующем году", None, 1, None, "period")]),
    # "маем": pymorphy's best parse is a verb; the month is a later one
    (
        "по сравнению с январём-маем 2023 г.",
        [("с январём-маем 2023 г.", 2023, None, 5, "base")],
    ),
    ("20 участников и 300 гостей", []),
    ("Спустя полвека", []),
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_find_periods(text: str, expected: list[tuple]) -> None:
    found = [
        (text[p.start : p.stop], p.year, p.relative, p.months, p.role) for p in find_periods(text)
    ]
    assert found == expected


def test_year_range_keeps_the_last_year() -> None:
    (period,) = find_periods("дорожной карты на 2023-2024 годы")
    assert (period.year, period.to_year) == (2023, 2024)


@pytest.mark.parametrize(
    ("word", "offset"),
    [
        ("прошлого", -1),
        ("прошлом", -1),
        ("минувшего", -1),
        ("позапрошлом", -2),
        ("текущего", 0),
        ("этом", 0),
        ("нынешнем", 0),
    ],
)
def test_relative_offset(word: str, offset: int) -> None:
    assert relative_offset(word) == offset


def test_relative_year_resolves_from_publication_year() -> None:
    (period,) = find_periods("по итогам прошлого года")
    assert period.resolve(2023) == 2022
    assert period.resolve(None) is None


DATELINES = [
    ("Все новости\nНовости\n28 Ноября , 10:05\n\nЗаголовок", (28, 11, None)),
    ("АСТАНА, 21 фев - Агентство. Текст новости идёт дальше.", (21, 2, None)),
    ("Автор Olga Monday, 07 March 2022 3:13 PM", (7, 3, 2022)),
    ("Заголовок\nMarch 7, 2022\nтекст", (7, 3, 2022)),  # the month first, in English
    ("мая 7, 2023 года товарооборот вырос, и строка идёт дальше как обычный текст", None),
    ("Опубликовано 12.03.2025", (12, 3, 2025)),
    ("2025-03-12 новость", (12, 3, 2025)),
    ("Заголовок\n12 марта 2025 г.\nтекст", (12, 3, 2025)),
    ("Четвертое заседание совета прошло в столице", None),
    # a site's today beside its weather or its world clocks is not the item's day
    ("Меню\nСреда, 3 июля 2024\nГомель +18°C\nНовости\n14 мая 2018\nЗаголовок", (14, 5, 2018)),
    ("Лондон\n10:15\nПекин\n17:15\nСреда, 3 июля 2024\nНовости\n02.04.2015\nТекст", (2, 4, 2015)),
    ("Новости\n14:20 03.07.2024\nЗаголовок", (3, 7, 2024)),  # one time: the item's own
    # a theme's today: a weekday before it and a comma before the year; without the weekday
    # the same form is the item's own date
    ("Наверх\nПятница, 9 мая, 2025\nМеню\nЗаголовок", None),
    ("Заголовок\nТекст\n12 февраля, 2026, 09:41\nЕщё", (12, 2, 2026)),
    # a later date before an earlier one: the first is the site's today
    ("12.11.2025\nРубрика\n\nЗаголовок\n\n04.05.2023 00:00\n\nТекст", (4, 5, 2023)),
    ("04.05.2023\nРубрика\n\nЗаголовок\n\n12.11.2025 00:00\n\nТекст", (4, 5, 2023)),
    ("01.06.16\n\nЗаголовок новости", (1, 6, 2016)),  # a two-digit year on its own line
    ("Индекс составил 01.06.16 пунктов, а затем снизился", None),  # not alone: no date
    (
        "Длинное первое предложение статьи, в котором рассказывается о том, что форум "
        "состоится 27 апреля в Абакане и соберёт гостей",
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_find_dateline(text: str, expected: tuple | None) -> None:
    found = find_dateline(text)
    assert (None if found is None else (found.day, found.month, found.year)) == expected


def test_dateline_iso_takes_a_year_from_elsewhere() -> None:
    found = find_dateline("АСТАНА, 21 фев - Агентство.")
    assert found is not None
    assert found.iso() is None
    assert found.iso(2023) == "2023-02-21"


ABBREVIATION_CASES = [
    # a unit before "США" or a lower-case word does not end the sentence
    ("Экспорт достиг 8,73 млрд юаней /1,21 млрд долл. США/, сократившись на 4,2%.", 1),
    ("Импорт снизился до $2 млрд. 715,3 млн. в 2012 году.", 1),
    ("Товарооборот между пров. Хэйлунцзян и Россией вырос.", 1),
    # a unit before a capital that starts a sentence does
    ("Товарооборот составил 5 млрд долл. В 2024 году он вырос.", 2),
    # a full stop glued to the next sentence ends one; an abbreviation glued to a name does not
    ("Товарооборот вырос по сравнению с 2024 годом.Стороны договорились о новых поставках.", 2),
    ("Делегация прибыла в г.Ташкент и посетила обл.Наманган.", 1),
]


@pytest.mark.parametrize(
    ("text", "count"), ABBREVIATION_CASES, ids=[c[0][:40] for c in ABBREVIATION_CASES]
)
def test_sentences_go_on_after_abbreviations(text: str, count: int) -> None:
    document = Document(text=text, source="test", name="test", kind="txt")
    assert len(analyse(document).sentences) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("достиг тр\u00ebх миллиардов", "достиг трёх миллиардов"),
        ("\u0054екст", "Текст"),  # a Latin T opening a Russian word
        ("IT-компания Tesla", "IT-компания Tesla"),  # Latin words stay Latin
        ("т\u03bfвар\u03bfоборот", "товарооборот"),  # Greek omicrons in a Russian word
        (
            "\u03b1\u03bd\u03b8\u03c1\u03c9\u03c0\u03bf\u03c2",
            "\u03b1\u03bd\u03b8\u03c1\u03c9\u03c0\u03bf\u03c2",
        ),  # Greek stays Greek
        ("\U0001f4c8Экспорт вырос \u2705", " Экспорт вырос  "),  # emoji glued to a word
        ("\u279eТоварооборот", " Товарооборот"),
        ("2 + 2 = 4", "2 + 2 = 4"),  # arithmetic stays
    ],
)
def test_what_the_tokenizer_must_not_see(text: str, expected: str) -> None:
    assert readable(text) == expected


@pytest.mark.parametrize("year", [MIN_YEAR, 2024, MAX_YEAR])
def test_every_year_in_range_passes_every_reader(year: int) -> None:
    """One range of years for the periods' trigger and grammar, datelines and event dates."""
    text = f"В {year} году товарооборот вырос."
    assert PERIOD_TRIGGERS.search(text)
    assert [p.year for p in find_periods(text)] == [year]
    dateline = find_dateline(f"МОСКВА, 21 февраля {year} года. Делегации встретились.")
    assert dateline is not None and dateline.year == year
    assert [d.year for d in find_dates(f"Форум прошёл 12 марта {year} года.")] == [year]
    assert _states_year(Fact("trade", {}, Evidence(text, 0, len(text)), 0.9))


@pytest.mark.parametrize("year", [MIN_YEAR - 1, MAX_YEAR + 1])
def test_a_number_outside_the_range_is_no_year(year: int) -> None:
    text = f"В {year} году товарооборот вырос."
    assert [p.year for p in find_periods(text)] == []
    assert not _states_year(Fact("trade", {}, Evidence(text, 0, len(text)), 0.9))
    assert [d.year for d in find_dates(f"Форум прошёл 12 марта {year} года.")] == [None]


# Each month in its genitive and prepositional forms, as a sentence writes it.
MONTH_FORMS = {
    "январь": ("января", "январе"),
    "февраль": ("февраля", "феврале"),
    "март": ("марта", "марте"),
    "апрель": ("апреля", "апреле"),
    "май": ("мая", "мае"),
    "июнь": ("июня", "июне"),
    "июль": ("июля", "июле"),
    "август": ("августа", "августе"),
    "сентябрь": ("сентября", "сентябре"),
    "октябрь": ("октября", "октябре"),
    "ноябрь": ("ноября", "ноябре"),
    "декабрь": ("декабря", "декабре"),
}


@pytest.mark.parametrize("month", sorted(MONTHS))
def test_every_month_passes_the_triggers_built_from_the_table(month: str) -> None:
    genitive, prepositional = MONTH_FORMS[month]
    for text in (month, f"12 {genitive}", f"в {prepositional}"):
        assert PERIOD_TRIGGERS.search(text) and DATE_TRIGGERS.search(text)
    assert [d.month for d in find_dates(f"Форум прошёл 12 {genitive} 2024 года.")] == [
        MONTHS[month]
    ]


def test_a_month_stem_is_not_a_word_that_contains_it() -> None:
    assert not PERIOD_TRIGGERS.search("майский")


@pytest.mark.parametrize("word", sorted(TIMES_WORDS))
def test_every_multiple_in_one_word_passes_its_trigger(word: str) -> None:
    assert TIMES_TRIGGERS.search(f"Товарооборот вырос {word}.")


@pytest.mark.parametrize("unit", sorted(UNITS))
def test_every_unit_passes_the_volume_trigger(unit: str) -> None:
    assert UNIT_TRIGGERS.search(f"Перевезено 4,5 млн {unit}")


@pytest.mark.parametrize("word", sorted(w for w in FRACTION_RATES if w != "наполовину"))
def test_every_fraction_passes_its_trigger(word: str) -> None:
    assert FRACTION_TRIGGERS.search(f"Товарооборот вырос на {word}.")


@pytest.mark.parametrize("word", sorted(w for w in CURRENCY_WORDS if w.isalpha()))
def test_every_currency_word_passes_the_money_trigger(word: str) -> None:
    assert MONEY_TRIGGERS.search(f"составил 500 {word}")


@pytest.mark.parametrize("word", sorted(MULTIPLIERS))
def test_every_multiplier_passes_the_figure_hint(word: str) -> None:
    assert FIGURE_HINT.search(f"составил 500 {word}")


def test_a_day_the_month_has_not_is_dated_by_its_month() -> None:
    (found,) = find_dates("Форум прошёл 31 февраля 2024 года.")
    assert found.iso(None, "past") == "2024-02"
    (found,) = find_dates("Форум прошёл 29 февраля 2024 года.")
    assert found.iso(None, "past") == "2024-02-29"


def test_every_currency_noun_is_read_as_one_after_a_country_adjective() -> None:
    """ "индийских рупий", "швейцарских франков": the adjective names a currency, not a
    party; the list comes from the currency table, so a currency added there counts here."""
    from bilat.extract.context import _CURRENCY_AFTER, _CURRENCY_BEFORE
    from bilat.extract.parse.money import CURRENCY_LEMMAS

    for lemma in CURRENCY_LEMMAS:
        assert _CURRENCY_AFTER.search(f" {lemma}"), lemma
    assert _CURRENCY_BEFORE.search("2 млрд долларов ")
    assert _CURRENCY_BEFORE.search("2 млрд долл. ")
    assert not _CURRENCY_AFTER.search(" экономики")
    assert not _CURRENCY_BEFORE.search("до 1 млрд долларов. ")  # a sentence ended there


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("товарооборот достиг 2,5 трлн вон", 2.5e12, "KRW"),
        ("экспорт составил 40 млрд тугриков", 4e10, "MNT"),
        ("импорт вырос до 300 млн леев", 3e8, "MDL"),
    ],
)
def test_money_in_currencies_of_partners(text: str, value: float, code: str) -> None:
    (money,) = find_money(text)
    assert (money.value, money.currency) == (value, code)


def test_an_adverb_spelt_like_a_currency_is_no_money() -> None:
    assert find_money("вон там стоит склад") == []
