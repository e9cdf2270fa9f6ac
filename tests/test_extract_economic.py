"""The economic extractors on the project's own test corpus (tests/economic_cases.py)."""

from __future__ import annotations

import pytest
from context_cases import CONTEXT_CASES
from economic_cases import CASES, ECONOMIC_TYPES, PUBLISHED, render

from bilat.extract import extract
from bilat.model import Document
from bilat.nlp import analyse


def economic_facts(text: str, published: str | None = PUBLISHED) -> list[str]:
    document = Document(text=text, source="test", name="test", kind="txt", date=published)
    return sorted(
        render(f.to_json()) for f in extract(analyse(document)) if f.type in ECONOMIC_TYPES
    )


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_economic_case(text: str, expected: list[str]) -> None:
    assert economic_facts(text) == sorted(expected)


def test_every_fact_carries_its_sentence() -> None:
    text = "Форум прошёл в Уфе. Товарооборот России и Казахстана в 2024 году вырос на 4,3%."
    document = Document(text=text, source="test", name="test", kind="txt", date=PUBLISHED)
    (fact,) = [f for f in extract(analyse(document)) if f.type == "change"]
    assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    assert fact.evidence.text.startswith("Товарооборот")
    assert 0 < fact.confidence <= 1
    assert fact.rule and fact.trace


@pytest.mark.parametrize(
    ("kind", "text", "expected"), CONTEXT_CASES, ids=[f"{c[0]}:{c[1][:50]}" for c in CONTEXT_CASES]
)
def test_real_news_failure_class(kind: str, text: str, expected: list[str]) -> None:
    assert economic_facts(text) == sorted(expected), kind


def test_every_failure_class_has_a_case_that_yields_less() -> None:
    """Each class is held by cases that must yield facts and by cases where a figure or a
    percentage in the text must not become one (a bloc, a difference, a level, a goal)."""
    kinds = {kind for kind, _, _ in CONTEXT_CASES}
    assert {
        "year",
        "direction",
        "list",
        "number",
        "anaphora",
        "growth",
        "target",
        "share",
        "bloc",
        "level",
    } <= kinds
    assert any(not expected for _, _, expected in CONTEXT_CASES)


UNDATED_CASES = [
    # "в прошлом году" in an undated text is not the year before the last year it names
    (
        "В 2019 году страны подписали соглашение. В прошлом году товарооборот Грузии и "
        "Армении вырос до 150 млн долларов.",
        None,
        ["trade:turnover AM GE 150M USD exact None actual"],
    ),
    # the current year, named beside the word
    (
        "Правительство рассчитывает в текущем, 2021 году нарастить оборот. В прошлом году "
        "товарооборот Грузии и Армении составил 640 млн долларов.",
        None,
        ["trade:turnover AM GE 640M USD exact 2020 actual"],
    ),
    # …nor the year of an agreement, though a figure comes with it
    (
        "В 2015 году соглашение о свободной торговле открыло рынок для 300 млн потребителей. "
        "В прошлом году товарооборот Грузии и Армении вырос до 150 млн долларов.",
        None,
        ["trade:turnover AM GE 150M USD exact None actual"],
    ),
    # the latest year of a trade figure: results told "в прошлом году" the year after
    (
        "Экспорт Казахстана в Турцию за 2021 год вырос на 20%.\n\nВ прошлом году "
        "товарооборот Казахстана и Турции превысил 4 млрд долларов.",
        None,
        [
            "change:export KZ>TR +20% 2021 base=previous_period",
            "trade:turnover KZ TR 4000M USD over 2021 actual",
        ],
    ),
    # …or in the same year, told as "этого года" (the comparison's "прошлого года" is a base)
    (
        "В первом квартале 2021 года товарооборот Китая и Таджикистана составил 1,4 млрд "
        "долларов, что на 28% больше, чем в первом квартале прошлого года. За три месяца этого "
        "года экспорт Китая в Таджикистан составил 1,1 млрд долларов.",
        None,
        [
            "change:turnover CN TJ +28% 2021/3 base=previous_period",
            "trade:export CN>TJ 1100M USD exact 2021/3 actual",
            "trade:turnover CN TJ 1400M USD exact 2021/3 actual",
        ],
    ),
    # a whole year told done is over: "этого года" is the next one
    (
        "В 2023 году товарооборот Армении и России вырос до 7 млрд долларов. За первые шесть "
        "месяцев этого года товарооборот Армении и России составил 8 млрд долларов.",
        None,
        [
            "trade:turnover AM RU 7000M USD exact 2023 actual",
            "trade:turnover AM RU 8000M USD exact 2024/6 actual",
        ],
    ),
    # …or an anaphor of one ("он") beside a figure
    (
        "Товарооборот Белоруссии и Новосибирской области увеличивается. В 2022 году он слегка "
        "сократился, зато в 2023 году опять вырос, превысив 184 млн долларов. По итогам "
        "прошлого года экспорт Белоруссии в Новосибирскую область составил 112,8 млн долларов.",
        None,
        [
            "trade:export BY>RU-NVS 112.8M USD exact 2023 actual",
            "trade:turnover BY RU-NVS 184M USD over 2023 actual",
        ],
    ),
    # months with no year are of the year the text is written in; a year told only as a
    # forecast is not over
    (
        "Объем российско-турецкой торговли за январь-август увеличился на 14,6% до 17,23 млрд "
        "долларов. В 2018 году объем российско-турецкой торговли вырос на 15,3%, составив "
        "25,56 млрд долларов. По словам министра, товарооборот по итогам 2019 года может "
        "достигнуть 30 млрд долларов.",
        None,
        [
            "change:turnover RU TR +14.6% 2019/8 base=previous_period",
            "change:turnover RU TR +15.3% 2018 base=previous_period",
            "trade:turnover RU TR 17230M USD exact 2019/8 actual",
            "trade:turnover RU TR 25560M USD exact 2018 actual",
            "trade:turnover RU TR 30000M USD exact 2019 forecast",
        ],
    ),
    # "таким же периодом 2020 года" is the base of this year's months, so this year is 2021
    (
        "Экспорт Гродненской области в Узбекистан за январь-май текущего года вырос в 1,9 раза "
        "по сравнению с таким же периодом 2020 года и достиг 24 млн долларов.",
        None,
        [
            "change:export BY-HR>UZ +90% 2021/5 base=2020",
            "trade:export BY-HR>UZ 24M USD exact 2021/5 actual",
        ],
    ),
    # …and so is a same period named in the next sentence, with no period of its own
    (
        "За восемь месяцев этого года товарооборот Армении и Ирана составил 500 млн долларов. "
        "За аналогичный период 2019 года он составлял 260 млн долларов.",
        None,
        [
            "trade:turnover AM IR 260M USD exact 2019/8 actual",
            "trade:turnover AM IR 500M USD exact 2020/8 actual",
        ],
    ),
    # a year told done with "был" and a figure in words dates "текущего года" after it
    (
        "В 2021 году товарооборот Казахстана и Беларуси был более одного миллиарда долларов. "
        "За семь месяцев текущего года он составил семьсот миллионов долларов.",
        None,
        [
            "trade:turnover BY KZ 1000M USD over 2021 actual",
            "trade:turnover BY KZ 700M USD exact 2022/7 actual",
        ],
    ),
    # a month with no year, compared with the same month of 2022, is of 2023
    (
        "Торговля Грузии и Ирана в апреле прибавила 9% в сравнении с тем же периодом "
        "2022 года и составила 45 млн долларов.",
        None,
        [
            "change:turnover GE IR +9% 2023/m4 base=2022",
            "trade:turnover GE IR 45M USD exact 2023/m4 actual",
        ],
    ),
    # …and its figures told in the past with no year are of that year, not the one before
    (
        "Торговля Грузии и Ирана в апреле прибавила 9% в сравнении с тем же периодом "
        "2022 года. Экспорт Грузии в Иран составил 15 млн долларов.",
        None,
        [
            "change:turnover GE IR +9% 2023/m4 base=2022",
            "trade:export GE>IR 15M USD exact 2023 actual",
        ],
    ),
    # a base years back ("в 3 раза выше показателя 2020 года") does not date the text; the
    # year after the last one told done does
    (
        "В этом году товарооборот Грузии и Армении может достигнуть 3 млрд долларов, что в 3 "
        "раза выше показателя 2020 года. В 2023 году он составил 2 млрд долларов.",
        None,
        [
            "change:turnover AM GE +200% 2024 base=2020",
            "trade:turnover AM GE 2000M USD exact 2023 actual",
            "trade:turnover AM GE 3000M USD exact 2024 forecast",
        ],
    ),
    # the latest year told as a part of a year ("за шесть месяцев 2019 года") is the
    # text's own year: "в прошлом году" is the year before it
    (
        "В прошлом году торговля Грузии и Армении достигла почти 900 млн долларов. За шесть "
        "месяцев 2019 года она сократилась на 8%.",
        None,
        [
            "trade:turnover AM GE 900M USD approx 2018 actual",
            "change:turnover AM GE -8% 2019/6 base=previous_period",
        ],
    ),
    # …but eleven months are results told in the new year: they date nothing
    (
        "В прошлом году торговля Грузии и Армении достигла почти 900 млн долларов. За "
        "одиннадцать месяцев 2019 года она сократилась на 8%.",
        None,
        [
            "trade:turnover AM GE 900M USD approx None actual",
            "change:turnover AM GE -8% 2019/11 base=previous_period",
        ],
    ),
    # the year and month in the article's URL
    (
        "В прошлом году товарооборот Грузии и Армении составил 700 млн долларов.",
        "https://example.kz/news/2010-12/tovarooborot",
        ["trade:turnover AM GE 700M USD exact 2009 actual"],
    ),
    # told with its year first, the months without one go on about that year
    (
        "В первом квартале 2022 года товарооборот Монголии и Китая вырос на 18%. В первом "
        "квартале экспорт Монголии в Китай составил 3 млрд долларов. В прошлом году "
        "товарооборот Монголии и Китая вырос на 12%.",
        None,
        [
            "change:turnover CN MN +12% 2021 base=previous_period",
            "change:turnover CN MN +18% 2022/3 base=previous_period",
            "trade:export MN>CN 3000M USD exact 2022/3 actual",
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "url", "expected"), UNDATED_CASES, ids=[c[0][:50] for c in UNDATED_CASES]
)
def test_relative_year_of_an_undated_text(text: str, url: str | None, expected: list[str]) -> None:
    document = Document(text=text, source="test", name="test", kind="txt", url=url)
    found = sorted(
        render(f.to_json()) for f in extract(analyse(document)) if f.type in ECONOMIC_TYPES
    )
    assert found == sorted(expected)


@pytest.mark.parametrize(
    ("published", "year"), [("2026-01-20", 2025), ("2026-03-31", 2025), ("2026-09-10", 2026)]
)
def test_growth_over_years_ends_with_the_latest_results(published: str, year: int) -> None:
    """ "за последние десять лет": up to last year's results early in a year, else this
    year's."""
    text = "За последние десять лет торговля Монголии и Китая выросла в 15 раз."
    assert economic_facts(text, published) == [
        f"change:turnover CN MN +1400% {year} base={year - 10}"
    ]


def test_a_text_naming_one_side_takes_the_outlets_country_for_the_other() -> None:
    text = (
        "Президент встретил министра торговли Турции. Страны рассчитывают довести "
        "взаимную торговлю до $4 млрд."
    )

    def pairs(url: str) -> list[list[str]]:
        document = Document(text=text, source=url, name="n", kind="txt", date=PUBLISHED, url=url)
        return [f.fields["parties"] for f in extract(analyse(document)) if f.type == "trade"]

    assert pairs("https://news.example.kg/123") == [["KG", "TR"]]
    assert pairs("https://news.example.com/123") == []


def test_one_countrys_own_totals_take_no_side_from_the_outlet() -> None:
    """A site of one country on another country's own exports: no bilateral figure."""
    text = (
        "В Грузии за полгода экспорт вина вырос на 12%. В целом экспорт товаров за полгода "
        "составил 2,1 млрд долларов, а импорт – 5,4 млрд долларов."
    )
    url = "https://agro.example.kg/5"
    document = Document(text=text, source=url, name="n", kind="txt", date=PUBLISHED, url=url)
    assert [f for f in extract(analyse(document)) if f.type in {"trade", "change"}] == []


def test_between_names_no_owner_and_the_side_the_text_speaks_for_exports() -> None:
    facts = economic_facts(
        "Армения наращивает торговлю. Товарооборот между Германией и Арменией в 2024 году "
        "составил 500 млн евро, сообщил министр экономики Армении. Экспорт составил 100 млн "
        "евро, а импорт – 400 млн евро."
    )
    assert sorted(facts) == [
        "trade:export AM>DE 100M EUR exact 2024 actual",
        "trade:import DE>AM 400M EUR exact 2024 actual",
        "trade:turnover AM DE 500M EUR exact 2024 actual",
    ]


def test_a_year_counted_back_from_a_guess_gives_way_to_a_written_one() -> None:
    text = (
        "Товарооборот Мордовии и Армении растёт\n"
        "В прошлом году он достиг 75 млн долларов\n"
        "В Ереване собралась рабочая группа Мордовии и Армении.\n"
        "Стороны обсудили развитие связей в энергетике. По словам министра, товарооборот в "
        "2024 году достиг 75 млн долларов, а стороны планируют его рост.\n"
        "— В этом году мы идём быстрее, и цель — выйти на объём много выше, — сказал министр."
    )
    document = Document(text=text, source="test", name="test", kind="txt", date=None)
    facts = [f for f in extract(analyse(document)) if f.type == "trade"]
    assert [(f.fields["value"], f.fields["period"]["year"]) for f in facts] == [(75e6, 2024)]


def test_a_head_of_state_named_by_surname_names_his_country() -> None:
    facts = economic_facts(
        "Жапаров встретил министра торговли Турции. Лидер республики сказал, что страны "
        "рассчитывают довести взаимную торговлю до $4 млрд."
    )
    assert facts == ["trade:turnover KG TR 4000M USD exact None target"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a month of the year it was written in, named before: the text reports recent months
        (
            "В июле Армения нарастила поставки в Грузию. Армения продала Грузии товаров на 90 млн "
            "долларов.",
            2025,
        ),
        # a month named with its year gives that year; one later than publication is of the
        # year before, so it does not make the figure this year's
        (
            "В июле 2023 года Армения нарастила поставки в Грузию. Армения продала Грузии товаров "
            "на 90 млн долларов.",
            2023,
        ),
        (
            "В ноябре Армения нарастила поставки в Грузию. Армения продала Грузии товаров на 90 "
            "млн долларов.",
            2024,
        ),
    ],
)
def test_a_past_figure_after_a_month_of_its_year_is_of_that_year(text: str, year: int) -> None:
    assert economic_facts(text, "2025-09-10") == [f"trade:export AM>GE 90M USD exact {year} actual"]


RESULTS_TEXT = (
    "Омская область подвела итоги сотрудничества с Казахстаном\nНа встрече в правительстве "
    "региона отметили рост. Экспорт — более 700 млн долларов, импорт — около 300 млн долларов."
)


def test_results_told_early_in_a_year_are_of_the_year_before() -> None:
    assert economic_facts(RESULTS_TEXT, "2025-01-20") == [
        "trade:export RU-OMS>KZ 700M USD over 2024 actual",
        "trade:import KZ>RU-OMS 300M USD approx 2024 actual",
    ]


def test_results_told_in_may_are_of_the_year_itself() -> None:
    assert economic_facts(RESULTS_TEXT, "2025-05-20") == [
        "trade:export RU-OMS>KZ 700M USD over 2025 actual",
        "trade:import KZ>RU-OMS 300M USD approx 2025 actual",
    ]


def test_an_exact_rate_takes_the_year_its_rough_headline_told() -> None:
    text = (
        "Торговля Армении и Грузии в 2023 году сократилась на треть\nЗа прошлый год "
        "товарооборот Армении и Грузии сократился на 32,4%, сообщили в ведомстве."
    )
    assert economic_facts(text, None) == ["change:turnover AM GE -32.4% 2023 base=previous_period"]


def test_a_span_of_years_is_no_year_for_the_months_after_it() -> None:
    """In an undated text, the years a programme ran ("на 2010-2020 годы") do not date the
    months a figure is told for in the next sentence."""
    text = (
        "Программа, подписанная на 2010-2020 годы, выполнена. Объём торговли Монголии и "
        "Вьетнама за 8 месяцев достиг 40 млн долларов."
    )
    assert economic_facts(text, None) == ["trade:turnover MN VN 40M USD exact None/8 actual"]
    dated = text.replace("на 2010-2020 годы", "в 2010 году")
    assert economic_facts(dated, None) == ["trade:turnover MN VN 40M USD exact 2010/8 actual"]


def test_a_rate_against_last_year_told_in_february_is_of_the_year_closed() -> None:
    text = "Товарооборот Татарстана и Казахстана вырос на 14% по сравнению с прошлым годом."
    assert economic_facts(text, "2025-02-10") == [
        "change:turnover KZ RU-TA +14% 2024 base=previous_period"
    ]
