"""The project's own test corpus for economic facts: (text, expected facts), written by the
project. Each text is a short document published on ``PUBLISHED``; expected facts are
rendered by ``render`` so a case reads like a line of an analyst's spreadsheet.

Used by tests/test_extract_economic.py and by ``bilat bench``'s quality report.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import cycle
from typing import Any

PUBLISHED = "2025-06-15"
ECONOMIC_TYPES = ("trade", "change", "share")


def render(fact: Mapping[str, Any]) -> str:
    """A fact as one short line: 'trade:export RU>KZ 17500M USD exact 2024 actual'."""
    kind = fact["type"]
    parties = " ".join(fact.get("parties") or [])
    if fact.get("exporter"):
        parties = f"{fact['exporter']}>{fact['importer']}"
    period = fact.get("period") or {}
    year = f"{period.get('year')}" + (f"/{period['months']}" if period.get("months") else "")
    year += f"/m{period['month']}" if period.get("month") else ""  # one month alone
    if kind == "trade":
        return (
            f"trade:{fact['indicator']} {parties} {fact['value'] / 1e6:g}M "
            f"{fact['currency']} {fact['qualifier']} {year} {fact['status']}"
        )
    if kind == "change":
        return (
            f"change:{fact['indicator']} {parties} {fact['percent']:+g}% {year} "
            f"base={fact.get('base')}"
        )
    if kind == "share":
        return (
            f"share:{fact['indicator']} {fact['part']} in {fact['whole']} "
            f"{fact['percent']:g}% {fact['qualifier']}"
        )
    raise ValueError(kind)


HANDWRITTEN: list[tuple[str, list[str]]] = [
    # turnover: parties, word order, qualifiers, currencies, periods
    (
        "В 2024 году товарооборот между Россией и Казахстаном составил 26,4 млрд долларов.",
        ["trade:turnover KZ RU 26400M USD exact 2024 actual"],
    ),
    (
        "Товарооборот Казахстана и Узбекистана по итогам 2023 года достиг $4,5 млрд.",
        ["trade:turnover KZ UZ 4500M USD exact 2023 actual"],
    ),
    (
        "По итогам прошлого года взаимный товарооборот России и Китая превысил 240 млрд долларов.",
        ["trade:turnover CN RU 240000M USD over 2024 actual"],
    ),
    (
        "Объем торговли между Беларусью и Россией в 2022 году составил порядка 50 млрд "
        "долларов США.",
        ["trade:turnover BY RU 50000M USD approx 2022 actual"],
    ),
    (
        "Товарооборот между Башкортостаном и Костанайской областью в январе–сентябре 2024 года "
        "составил 180 млн долларов.",
        ["trade:turnover KZ-39 RU-BA 180M USD exact 2024/9 actual"],
    ),
    (
        "В первом полугодии 2025 года торговый оборот Новосибирской области с Китаем составил "
        "1,2 млрд долларов.",
        ["trade:turnover CN RU-NVS 1200M USD exact 2025/6 actual"],
    ),
    (
        "В 2021 году товарооборот Узбекистана и России составил 7,4 миллиарда долларов.",
        ["trade:turnover RU UZ 7400M USD exact 2021 actual"],
    ),
    (
        "Около 3 млрд долларов составил товарооборот Азербайджана и Казахстана в 2024 году.",
        ["trade:turnover AZ KZ 3000M USD approx 2024 actual"],
    ),
    (
        "Товарооборот между Узбекистаном и Китаем в 2024 году сократился до 12,3 млрд долларов.",
        ["trade:turnover CN UZ 12300M USD exact 2024 actual"],
    ),
    (
        "Товарооборот России и Турции за январь–март 2025 года составил почти 12 млрд долларов.",
        ["trade:turnover RU TR 12000M USD approx 2025/3 actual"],
    ),
    (
        "Товарооборот Беларуси и Казахстана в 2023 году составил менее 1 млрд долларов.",
        ["trade:turnover BY KZ 1000M USD under 2023 actual"],
    ),
    (
        "Товарооборот между Киргизией и Казахстаном в 2024 году составил свыше 2 млрд долларов.",
        ["trade:turnover KG KZ 2000M USD over 2024 actual"],
    ),
    (
        "Объем взаимной торговли Армении и России в 2024 году превысил 12 млрд долларов.",
        ["trade:turnover AM RU 12000M USD over 2024 actual"],
    ),
    (
        "Товарооборот между Узбекистаном и Таджикистаном за 2022 год составил 480 млн долларов.",
        ["trade:turnover TJ UZ 480M USD exact 2022 actual"],
    ),
    (
        "Товарооборот Казахстана и России в 2024 году составил 12,1 трлн тенге.",
        ["trade:turnover KZ RU 1.21e+07M KZT exact 2024 actual"],
    ),
    (
        "Товарооборот Китая и Узбекистана за 2024 год составил 100 млрд юаней.",
        ["trade:turnover CN UZ 100000M CNY exact 2024 actual"],
    ),
    (
        "Товарооборот Германии и Казахстана в 2023 году составил 2,9 млрд евро.",
        ["trade:turnover DE KZ 2900M EUR exact 2023 actual"],
    ),
    (
        "Товарооборот Азербайджана и России по итогам 2024 года составил 4,8 млрд долл. США.",
        ["trade:turnover AZ RU 4800M USD exact 2024 actual"],
    ),
    (
        "Товарооборот Чувашии с Беларусью в 2024 году превысил 10 млрд рублей.",
        ["trade:turnover BY RU-CU 10000M RUB over 2024 actual"],
    ),
    (
        "В прошлом году товарооборот Казахстана и Кыргызстана составил 2,2 млрд долларов.",
        ["trade:turnover KG KZ 2200M USD exact 2024 actual"],
    ),
    (
        "Товарооборот Казахстана и Китая в 2024 году составил более 43 млрд долларов.",
        ["trade:turnover CN KZ 43000M USD over 2024 actual"],
    ),
    (
        "Товарооборот Узбекистана и Казахстана в 2024 году составил примерно 4,4 млрд долларов.",
        ["trade:turnover KZ UZ 4400M USD approx 2024 actual"],
    ),
    (
        "Товарооборот Грузии и Армении в 2024 году не превысил 500 млн долларов.",
        ["trade:turnover AM GE 500M USD under 2024 actual"],
    ),
    (
        "Товарооборот Монголии и России в 2024 году составил не менее 2 млрд долларов.",
        ["trade:turnover MN RU 2000M USD over 2024 actual"],
    ),
    (
        "Товарооборот Казахстана и Турции в 2024 году достиг почти 7 млрд долларов.",
        ["trade:turnover KZ TR 7000M USD approx 2024 actual"],
    ),
    (
        "Товарооборот Омской области и Казахстана в 2023 году составил порядка 800 млн долларов.",
        ["trade:turnover KZ RU-OMS 800M USD approx 2023 actual"],
    ),
    (
        "Казахстан и Россия в 2024 году нарастили товарооборот до 27 млрд долларов.",
        ["trade:turnover KZ RU 27000M USD exact 2024 actual"],
    ),
    (
        "С Китаем у Новосибирской области товарооборот в 2024 году составил 900 млн долларов.",
        ["trade:turnover CN RU-NVS 900M USD exact 2024 actual"],
    ),
    (
        "Товарооборот России и Казахстана в 2024 году составил 26 400 млн долларов.",
        ["trade:turnover KZ RU 26400M USD exact 2024 actual"],
    ),
    (
        "$1,5 млрд составил товарооборот Казахстана и Турции в 2024 году.",
        ["trade:turnover KZ TR 1500M USD exact 2024 actual"],
    ),
    (
        "Товарооборот Армении и Ирана в 2024 году составил 735,2 миллиона долларов.",
        ["trade:turnover AM IR 735.2M USD exact 2024 actual"],
    ),
    # targets and forecasts
    (
        "Товарооборот Казахстана и России в текущем году может составить 28 млрд долларов.",
        ["trade:turnover KZ RU 28000M USD exact 2025 forecast"],
    ),
    (
        "Стороны намерены довести товарооборот между Казахстаном и Узбекистаном до 10 млрд "
        "долларов к 2030 году.",
        ["trade:turnover KZ UZ 10000M USD exact 2030 target"],
    ),
    (
        "Президенты поставили задачу увеличить взаимный товарооборот России и Вьетнама до 15 "
        "млрд долларов.",
        ["trade:turnover RU VN 15000M USD exact None target"],
    ),
    (
        "Россия и Китай планируют выйти на товарооборот в 300 млрд долларов.",
        ["trade:turnover CN RU 300000M USD exact None target"],
    ),
    (
        "Товарооборот Узбекистана и Казахстана в текущем году превысит 5 млрд долларов.",
        ["trade:turnover KZ UZ 5000M USD over 2025 forecast"],
    ),
    (
        "Ожидается, что товарооборот Беларуси и Узбекистана в 2025 году достигнет 1 млрд долларов.",
        ["trade:turnover BY UZ 1000M USD exact 2025 forecast"],
    ),
    (
        "Казахстан готов нарастить поставки в Азербайджан на сумму свыше 340 млн долларов.",
        ["trade:export KZ>AZ 340M USD over None target"],
    ),
    # a target's year is the one it is set for, not when it was set or a figure reached
    (
        "В 2022 году лидеры Узбекистана и Киргизии поставили задачу довести товарооборот до "
        "2 млрд долларов.",
        ["trade:turnover KG UZ 2000M USD exact None target"],
    ),
    (
        "По итогам 2019 года товарооборот Казахстана и Турции составил 3 млрд долларов, а в "
        "перспективе стороны намерены довести его до 5 млрд долларов.",
        [
            "trade:turnover KZ TR 3000M USD exact 2019 actual",
            "trade:turnover KZ TR 5000M USD exact None target",
        ],
    ),
    (
        "В 2021 году Беларусь и Вьетнам планировали нарастить товарооборот до 500 млн долларов.",
        ["trade:turnover BY VN 500M USD exact 2021 target"],
    ),
    # export and import with direction
    (
        "В 2024 году экспорт из России в Казахстан составил 17,5 млрд долларов.",
        ["trade:export RU>KZ 17500M USD exact 2024 actual"],
    ),
    (
        "Импорт Казахстана из Китая в 2024 году достиг 15 млрд долларов.",
        ["trade:import CN>KZ 15000M USD exact 2024 actual"],
    ),
    (
        "Экспорт казахстанской продукции в Узбекистан за 2023 год составил 2,5 млрд долларов.",
        ["trade:export KZ>UZ 2500M USD exact 2023 actual"],
    ),
    (
        "Поставки белорусской продукции в Омскую область в 2024 году выросли до 95 млн долларов.",
        ["trade:export BY>RU-OMS 95M USD exact 2024 actual"],
    ),
    # one good's flow is not the trade between the two (real news annotates it apart)
    ("Казахстан импортировал из России нефтепродуктов на 1,1 млрд долларов в 2024 году.", []),
    (
        "В 2024 году Китай экспортировал в Казахстан товаров на сумму 14 млрд долларов.",
        ["trade:export CN>KZ 14000M USD exact 2024 actual"],
    ),
    (
        "Экспорт Татарстана в Узбекистан за первое полугодие 2025 года вырос до 310 млн долларов.",
        ["trade:export RU-TA>UZ 310M USD exact 2025/6 actual"],
    ),
    (
        "Импорт узбекской продукции в Татарстан в 2024 году составил 120 млн долларов.",
        ["trade:import UZ>RU-TA 120M USD exact 2024 actual"],
    ),
    (
        "В 2024 году товарооборот Оренбургской области и Казахстана составил 1,8 млрд "
        "долларов, из которых экспорт достиг 1,1 млрд долларов, а импорт — 700 млн.",
        [
            "trade:turnover KZ RU-ORE 1800M USD exact 2024 actual",
            "trade:export RU-ORE>KZ 1100M USD exact 2024 actual",
            "trade:import KZ>RU-ORE 700M USD exact 2024 actual",
        ],
    ),
    (
        "Экспорт Башкортостана в Казахстан в 2024 году составил 406 млн долларов, а импорт — "
        "83 млн долларов.",
        [
            "trade:export RU-BA>KZ 406M USD exact 2024 actual",
            "trade:import KZ>RU-BA 83M USD exact 2024 actual",
        ],
    ),
    # parties from the document
    (
        "Башкортостан и Казахстан развивают связи. За 2023 год объём торговли между регионами "
        "вырос до 377,4 млн долларов.",
        ["trade:turnover KZ RU-BA 377.4M USD exact 2023 actual"],
    ),
    (
        "Делегация Казахстана побывала в Красноярском крае. Торговый оборот между краем и "
        "республикой в 2020 году, по оценкам сторон, достиг порядка $85 млн.",
        ["trade:turnover KZ RU-KYA 85M USD approx 2020 actual"],
    ),
    (
        "Татарстан расширяет сотрудничество с Узбекистаном. Товарооборот республики с "
        "Узбекистаном в 2024 году составил 1,1 млрд долларов.",
        ["trade:turnover RU-TA UZ 1100M USD exact 2024 actual"],
    ),
    (
        "Омская область и Казахстан подписали дорожную карту. По итогам прошлого года "
        "двусторонний товарооборот вырос до 1,3 млрд долларов.",
        ["trade:turnover KZ RU-OMS 1300M USD exact 2024 actual"],
    ),
    (
        "Красноярский край расширяет связи с Восточно-Казахстанской областью. За 2024 год "
        "товарооборот края с Казахстаном составил 245 млн долларов, экспорт — 198 млн, импорт — "
        "47 млн.",
        [
            "trade:turnover KZ RU-KYA 245M USD exact 2024 actual",
            "trade:export RU-KYA>KZ 198M USD exact 2024 actual",
            "trade:import KZ>RU-KYA 47M USD exact 2024 actual",
        ],
    ),
    (
        "Башкортостан и Актюбинская область подписали соглашение. В 2024 году экспорт "
        "республики в Казахстан достиг 351 млн долларов.",
        ["trade:export RU-BA>KZ 351M USD exact 2024 actual"],
    ),
    (
        "По итогам 2024 года товарооборот Башкортостана с Казахстаном составил 412 млн "
        "долларов. Экспорт республики достиг 351 млн долларов, импорт — 61 млн долларов. "
        "Башкортостан и Актюбинская область подписали соглашение, Актюбинская область "
        "открыла представительство.",
        [
            "trade:turnover KZ RU-BA 412M USD exact 2024 actual",
            "trade:export RU-BA>KZ 351M USD exact 2024 actual",
            "trade:import KZ>RU-BA 61M USD exact 2024 actual",
        ],
    ),
    (
        "В 2024 году импорт Казахстана из Узбекистана вырос до 1,3 млрд долларов.",
        ["trade:import UZ>KZ 1300M USD exact 2024 actual"],
    ),
    # change
    (
        "Товарооборот России и Казахстана в 2024 году вырос на 4,3%.",
        ["change:turnover KZ RU +4.3% 2024 base=previous_period"],
    ),
    (
        "Товарооборот между Узбекистаном и Китаем в 2023 году сократился на 5,3%.",
        ["change:turnover CN UZ -5.3% 2023 base=previous_period"],
    ),
    (
        "Товарооборот Татарстана и Узбекистана за 2024 год увеличился в 1,5 раза.",
        ["change:turnover RU-TA UZ +50% 2024 base=previous_period"],
    ),
    (
        "Товарооборот Беларуси и России вырос в 2 раза по сравнению с 2020 годом.",
        ["change:turnover BY RU +100% 2024 base=2020"],
    ),
    (
        "Товарооборот Грузии и Казахстана за девять месяцев 2024 года увеличился на 17% по "
        "сравнению с аналогичным периодом прошлого года.",
        ["change:turnover GE KZ +17% 2024/9 base=previous_period"],
    ),
    (
        "Экспорт из Казахстана в Китай в 2024 году снизился на 7%.",
        ["change:export KZ>CN -7% 2024 base=previous_period"],
    ),
    (
        "Товарооборот Казахстана и России в 2024 году составил 27 млрд долларов, что на 6% "
        "больше, чем годом ранее.",
        [
            "trade:turnover KZ RU 27000M USD exact 2024 actual",
            "change:turnover KZ RU +6% 2024 base=previous_period",
        ],
    ),
    (
        "Рост товарооборота между Башкортостаном и Казахстаном за последние четыре года "
        "составил 65%.",
        ["change:turnover KZ RU-BA +65% 2025 base=2021"],
    ),
    (
        "По итогам 2024 года товарооборот Узбекистана и России вырос на 13,6 процента и "
        "составил 11,2 млрд долларов.",
        [
            "trade:turnover RU UZ 11200M USD exact 2024 actual",
            "change:turnover RU UZ +13.6% 2024 base=previous_period",
        ],
    ),
    (
        "Товарооборот России и Индии в 2024 году увеличился почти вдвое.",
        ["change:turnover IN RU +100% 2024 base=previous_period"],
    ),
    (
        "Экспорт белорусских товаров в Россию за январь–май 2025 года увеличился на 9,4%.",
        ["change:export BY>RU +9.4% 2025/5 base=previous_period"],
    ),
    (
        "По итогам прошлого года товарооборот России и Казахстана превысил $26 млрд, что на 10% "
        "выше показателя 2023 года.",
        [
            "trade:turnover KZ RU 26000M USD over 2024 actual",
            "change:turnover KZ RU +10% 2024 base=2023",
        ],
    ),
    (
        "Товарооборот Казахстана и Кыргызстана в 2024 году составил 2,1 млрд долларов (+15%).",
        [
            "trade:turnover KG KZ 2100M USD exact 2024 actual",
            "change:turnover KG KZ +15% 2024 base=previous_period",
        ],
    ),
    (
        "Товарооборот Таджикистана и Китая за январь–сентябрь 2024 года увеличился на 5,4% по "
        "сравнению с аналогичным периодом 2023 года.",
        ["change:turnover CN TJ +5.4% 2024/9 base=2023"],
    ),
    # shares
    # a flow named with no owner is of the side the text speaks for, not of a bloc's trade
    (
        "Таджикистан в 2024 году нарастил внешнюю торговлю. 26,6% импорта приходится на Россию.",
        ["share:import RU in TJ 26.6% exact"],
    ),
    # …and where that side is the share's part, of the pair's other side
    (
        "Таджикистан в 2024 году нарастил внешнюю торговлю. На долю Турции в экспорте "
        "приходится 18,3%, Швейцарии — 16,9%.",
        ["share:export CH in TJ 16.9% exact", "share:export TR in TJ 18.3% exact"],
    ),
    (
        "Таджикистан в 2024 году нарастил внешнюю торговлю. В товарообороте со странами СНГ "
        "на долю Казахстана приходится 40%.",
        [],
    ),
    (
        "Казахстан обеспечивает около 15% внешнеторгового оборота Омской области.",
        ["share:turnover KZ in RU-OMS 15% approx"],
    ),
    (
        "На долю Китая приходится 22% товарооборота Узбекистана.",
        ["share:turnover CN in UZ 22% exact"],
    ),
    (
        "Доля России во внешней торговле Казахстана составляет 18%.",
        ["share:turnover RU in KZ 18% exact"],
    ),
    (
        "Россия и Казахстан обсудили торговлю. Малый и средний бизнес обеспечивает менее 10% "
        "двустороннего товарооборота.",
        ["share:turnover SME in KZ+RU 10% under"],
    ),
    (
        "Казахстан – один из основных партнёров Татарстана: на него приходится пятая часть "
        "товарооборота республики.",
        ["share:turnover KZ in RU-TA 20% approx"],
    ),
    (
        "Китай занимает треть во внешнеторговом обороте Киргизии.",
        ["share:turnover CN in KG 33.3% approx"],
    ),
    (
        "Около трети внешнеторгового оборота Монголии приходится на Россию.",
        ["share:turnover RU in MN 33.3% approx"],
    ),
    # shares in lists, and a partner's rank told with its share
    (
        "Основными торговыми партнёрами Киргизии стали Китай (34,5%), Россия (25,1%) и "
        "Казахстан (10,2%).",
        [
            "share:turnover CN in KG 34.5% exact",
            "share:turnover RU in KG 25.1% exact",
            "share:turnover KZ in KG 10.2% exact",
        ],
    ),
    (
        "Крупнейшие доли во внешнеторговом обороте Узбекистана приходятся на Китай — 21,9%, "
        "Россию — 17,6%.",
        ["share:turnover CN in UZ 21.9% exact", "share:turnover RU in UZ 17.6% exact"],
    ),
    (
        "Основными партнёрами Армении остаются Россия (12%) и Китай (8%), торговля с которыми "
        "выросла.",
        [],
    ),
    (
        "Турция является первым торговым партнёром Грузии с долей 15%.",
        ["share:turnover TR in GE 15% exact"],
    ),
    (
        "В рейтинге партнёров Армении по импорту Китай занимает второе место с долей 14,2%.",
        ["share:import CN in AM 14.2% exact"],
    ),
    (
        "Товарооборот России и Казахстана за 9 месяцев 2024 года составил 19,6 млрд долларов, "
        "а за весь 2023 год — 26 млрд долларов.",
        [
            "trade:turnover KZ RU 19600M USD exact 2024/9 actual",
            "trade:turnover KZ RU 26000M USD exact 2023 actual",
        ],
    ),
    (
        "Товарооборот Узбекистана с Россией в январе–октябре 2024 года составил 9,1 млрд долларов.",
        ["trade:turnover RU UZ 9100M USD exact 2024/10 actual"],
    ),
    (
        "Казахстанский экспорт в Китай в 2024 году составил 15,2 млрд долларов.",
        ["trade:export KZ>CN 15200M USD exact 2024 actual"],
    ),
    (
        "Экспорт продукции Костанайской области в Россию в 2024 году составил 800 млн долларов.",
        ["trade:export KZ-39>RU 800M USD exact 2024 actual"],
    ),
    # a list of rates that names only a new partner keeps the side before
    (
        "Экспорт Казахстана в Китай в 2024 году вырос на 12%, в Россию — на 8%.",
        [
            "change:export KZ>CN +12% 2024 base=previous_period",
            "change:export KZ>RU +8% 2024 base=previous_period",
        ],
    ),
    (
        "Экспорт Казахстана в Китай в 2024 году вырос на 12%, а импорт — на 8%.",
        [
            "change:export KZ>CN +12% 2024 base=previous_period",
            "change:import CN>KZ +8% 2024 base=previous_period",
        ],
    ),
    # selling and buying goods for a sum is a flow; its subject is the seller or buyer
    (
        "В 2023 году предприятия Курганской области продали в Казахстан товаров на сумму 120 "
        "млн долларов.",
        ["trade:export RU-KGN>KZ 120M USD exact 2023 actual"],
    ),
    (
        "В 2024 году Грузия продала Турции товаров на 332 млн долларов.",
        ["trade:export GE>TR 332M USD exact 2024 actual"],
    ),
    (
        "В 2023 году Узбекистан ввез из Китая товаров на 9 млрд долларов.",
        ["trade:import CN>UZ 9000M USD exact 2023 actual"],
    ),
    (
        "Египет в 2021 году закупил в России продукции на сумму более 2,3 млрд долларов.",
        ["trade:import RU>EG 2300M USD over 2021 actual"],
    ),
    ("В 2020 году Казахстан продал китайскому инвестору компанию за 100 млн долларов.", []),
    # a value compared with ("против", "годом ранее") is of its own, earlier period
    (
        "Товарооборот Казахстана и Китая в 2023 году составил 41 млрд долларов против 31 млрд "
        "долларов в 2022 году.",
        [
            "trade:turnover CN KZ 41000M USD exact 2023 actual",
            "trade:turnover CN KZ 31000M USD exact 2022 actual",
        ],
    ),
    (
        "Товарооборот России и Ирана за январь–июнь 2021 года составил 1,9 млрд долларов против "
        "1,6 млрд за тот же период прошлого года.",
        [
            "trade:turnover IR RU 1900M USD exact 2021/6 actual",
            "trade:turnover IR RU 1600M USD exact 2020/6 actual",
        ],
    ),
    (
        "Экспорт Беларуси в Китай в 2022 году составил 1,2 млрд долларов, тогда как годом ранее "
        "– 0,9 млрд долларов.",
        [
            "trade:export BY>CN 1200M USD exact 2022 actual",
            "trade:export BY>CN 900M USD exact 2021 actual",
        ],
    ),
    (
        "Доля Ирана во внешнеторговом обороте Астраханской области составила 54% против 10% "
        "годом ранее.",
        ["share:turnover IR in RU-AST 54% exact", "share:turnover IR in RU-AST 10% exact"],
    ),
    (
        "Экспорт из Казахстана в Таджикистан в январе–апреле 2023 года составил 286,4 млн "
        "долларов, что на 17,2% больше показателя аналогичного периода 2022 года (244,4 млн "
        "долларов).",
        [
            "trade:export KZ>TJ 286.4M USD exact 2023/4 actual",
            "trade:export KZ>TJ 244.4M USD exact 2022/4 actual",
            "change:export KZ>TJ +17.2% 2023/4 base=2022",
        ],
    ),
    (
        "Узбекская сторона в первом полугодии 2022 года закупила в Китае товаров на 3,1 млрд "
        "долларов.",
        ["trade:import CN>UZ 3100M USD exact 2022/6 actual"],
    ),
    (
        "Товарооборот России и Марокко во втором квартале 2018 года увеличился на 23% по "
        "сравнению с аналогичным периодом в 2017 году и составил 740 млн долларов.",
        [
            "trade:turnover MA RU 740M USD exact 2018/6 actual",
            "change:turnover MA RU +23% 2018/6 base=2017",
        ],
    ),
    (
        "В первом полугодии товарооборот России и Азербайджана вырос на 4% по сравнению с "
        "аналогичным периодом 2020 года.",
        ["change:turnover AZ RU +4% 2021/6 base=2020"],
    ),
    (
        "За девять месяцев 2023 года товарооборот Армении и Китая составил 1,5 млрд долларов, "
        "что превышает прошлогодний результат на 30%.",
        [
            "trade:turnover AM CN 1500M USD exact 2023/9 actual",
            "change:turnover AM CN +30% 2023/9 base=previous_period",
        ],
    ),
    (
        "Товарооборот Армении и Китая в 2023 году превысил 1,5 млрд долларов.",
        ["trade:turnover AM CN 1500M USD over 2023 actual"],
    ),
    (
        "Алтайский край в 2021 году экспортировал в Монголию продукции на 9 млн долларов. "
        "Это на 21% выше предшествующих данных.",
        [
            "trade:export RU-ALT>MN 9M USD exact 2021 actual",
            "change:export RU-ALT>MN +21% 2021 base=previous_period",
        ],
    ),
    (
        "В 2022 году экспорт Казахстана в Китай составил 13 млрд долларов. Это на 5% ниже, "
        "чем годом ранее.",
        [
            "trade:export KZ>CN 13000M USD exact 2022 actual",
            "change:export KZ>CN -5% 2022 base=previous_period",
        ],
    ),
    # growth in tonnes is no change of the trade's value
    ("В 2020 году физический объём торговли России и Таджикистана увеличился на 25%.", []),
    (
        "Товарооборот Грузии и Ирана за 2023 год составил 215 млн долларов, что в весовом "
        "выражении на 45% больше.",
        ["trade:turnover GE IR 215M USD exact 2023 actual"],
    ),
    (
        "В 2020 году объём торговли России и Таджикистана увеличился на 25%.",
        ["change:turnover RU TJ +25% 2020 base=previous_period"],
    ),
    # an index against a base: 100 is no change
    (
        "Объём товарооборота Беларуси и Сербии в 2011 году составил 44,7 млн долларов (144% к "
        "аналогичному периоду 2010 года).",
        [
            "trade:turnover BY RS 44.7M USD exact 2011 actual",
            "change:turnover BY RS +44% 2011 base=2010",
        ],
    ),
    # a mark passed and a figure of another year are two figures, not a mark and its figure
    (
        "Товарооборот Монголии и Вьетнама по 2023 году превысил 30 млн долларов, а в 2024 году "
        "составил 16 млн долларов.",
        [
            "trade:turnover MN VN 30M USD over 2023 actual",
            "trade:turnover MN VN 16M USD exact 2024 actual",
        ],
    ),
    (
        "Товарооборот Монголии и Вьетнама в 2024 году превысил 30 млн долларов, составив 31,6 "
        "млн долларов.",
        ["trade:turnover MN VN 31.6M USD exact 2024 actual"],
    ),
    # a year looked back to after "в прошлом году" does not set the period of what follows
    (
        "Товарооборот Бурятии с Монголией в прошлом году составил 90 млн долларов. Большее "
        "падение торговли было лишь в 2015 году.\nПрошлогодний экспорт Бурятии в Монголию "
        "составил 60 млн долларов.",
        [
            "trade:turnover MN RU-BU 90M USD exact 2024 actual",
            "trade:export RU-BU>MN 60M USD exact 2024 actual",
        ],
    ),
    # the rate in brackets after the level reached: "сократился до … (на 7,3%)"
    (
        "В 2024 году экспорт Монголии во Вьетнам сократился до 16,9 млн долларов (на 7,3%).",
        [
            "trade:export MN>VN 16.9M USD exact 2024 actual",
            "change:export MN>VN -7.3% 2024 base=previous_period",
        ],
    ),
    # "увеличились на 1,7 раза": "в" miswritten; "трёхкратный прирост": the multiple told
    # as an adjective of growth
    (
        "В 2024 году поставки монгольских товаров во Вьетнам увеличились на 1,7 раза.",
        ["change:export MN>VN +70% 2024 base=previous_period"],
    ),
    (
        "В 2024 году товарооборот Монголии и Вьетнама показал трёхкратный прирост.",
        ["change:turnover MN VN +200% 2024 base=previous_period"],
    ),
    (
        "В 2024 году товарооборот Монголии и Вьетнама показал трёхкратное снижение.",
        [],
    ),
    # "Оборот X и Y": a turnover of two named sides
    (
        "Оборот Монголии и Вьетнама за 9 месяцев 2024 года составил около $76 млн.",
        ["trade:turnover MN VN 76M USD approx 2024/9 actual"],
    ),
    (
        "Оборот Эрдэнэта и Хайфона за 9 месяцев 2024 года составил около $76 млн.",
        [],
    ),
    # "ввезла в X": the subject brought the goods into X, its export; "ввёз из X": its import
    (
        "В 2024 году Монголия ввезла во Вьетнам товаров на 12 млн долларов.",
        ["trade:export MN>VN 12M USD exact 2024 actual"],
    ),
    (
        "В 2024 году Монголия ввезла из Вьетнама товаров на 12 млн долларов.",
        ["trade:import VN>MN 12M USD exact 2024 actual"],
    ),
    # "млн.дол.": dollars cut short; "поставки с Украины": out of it ("с" and the genitive)
    (
        "Монголия наращивает торговлю. Поставки товаров с Вьетнама в Монголию в 2024 году "
        "составили 98 млн.дол.",
        ["trade:export VN>MN 98M USD exact 2024 actual"],
    ),
    (
        "Монголия наращивает торговлю. Поставки товаров с Вьетнама в 2024 году составили 98 "
        "млн долларов.",
        ["trade:export VN>MN 98M USD exact 2024 actual"],
    ),
    (
        "Монголия наращивает торговлю. Торговля Монголии с Вьетнамом в 2024 году составила "
        "98 млн.дол.",
        ["trade:turnover MN VN 98M USD exact 2024 actual"],
    ),
    # "между нашими странами … , между краем и Вьетнамом – …": the countries, then the region
    (
        "Губернатор Приморского края встретился с послом Вьетнама. В 2024 году товарооборот "
        "между нашими странами достиг 8 млрд долларов, между Приморским краем и Вьетнамом – "
        "0,4 млрд долларов.",
        [
            "trade:turnover RU VN 8000M USD exact 2024 actual",
            "trade:turnover RU-PRI VN 400M USD exact 2024 actual",
        ],
    ),
    # shares told "соответственно": the n-th percentage is the n-th partner's
    (
        "Основные торговые партнёры Монголии — Китай и Россия, на их долю приходится 68,2% и "
        "16,4% внешнеторгового оборота, соответственно.",
        [
            "share:turnover CN in MN 68.2% exact",
            "share:turnover RU in MN 16.4% exact",
        ],
    ),
    # "3,1 млрд составляет экспорт, а 4,8 млрд — импорт": the trade word after the dash
    (
        "В 2024 году товарооборот Монголии и Вьетнама достиг около 80 млн долларов. Из них 31 "
        "млн долларов составляет экспорт Монголии, а 48 млн долларов - импорт.",
        [
            "trade:turnover MN VN 80M USD approx 2024 actual",
            "trade:export MN>VN 31M USD exact 2024 actual",
            "trade:import VN>MN 48M USD exact 2024 actual",
        ],
    ),
    # a fall told with its base before "до": the level reached, not an upper bound
    (
        "Товарооборот Монголии и Вьетнама в 2024 году снизился на 6,8% относительно "
        "итогового показателя всего 2023 года, до $26,1 млн.",
        [
            "trade:turnover MN VN 26.1M USD exact 2024 actual",
            "change:turnover MN VN -6.8% 2024 base=2023",
        ],
    ),
    # a numeral's case ending after its digits: "5-ти миллиардов", "в 2-х раза"
    (
        "5-ти миллиардов долларов достиг в 2024 году товарооборот Монголии и Вьетнама.",
        ["trade:turnover MN VN 5000M USD exact 2024 actual"],
    ),
    (
        "Товарооборот Монголии и Вьетнама в 2024 году вырос в 2-х раза.",
        ["change:turnover MN VN +100% 2024 base=previous_period"],
    ),
    # the level a change started from, however roughly told ("с порядка $25 млн")
    (
        "За пять лет товарооборот Монголии и Вьетнама вырос с порядка $25 млн до около $50 млн.",
        ["trade:turnover MN VN 50M USD approx None actual"],
    ),
    (
        "Товарооборот Монголии и Вьетнама составил порядка $25 млн, экспорт Монголии — около "
        "$5 млн.",
        [
            "trade:turnover MN VN 25M USD approx 2024 actual",
            "trade:export MN>VN 5M USD approx 2024 actual",
        ],
    ),
    # "вывести на уровень" is a goal where it is not done
    (
        "Стороны приняли решение вывести товарооборот Монголии и Вьетнама на уровень 300 млн "
        "долларов.",
        ["trade:turnover MN VN 300M USD exact None target"],
    ),
    (
        "В 2024 году стороны вывели товарооборот Монголии и Вьетнама на уровень 300 млн долларов.",
        ["trade:turnover MN VN 300M USD exact 2024 actual"],
    ),
    # a page's stamp closing the headline ("02.03.2020") is no period of the figures
    (
        "Монголия ждёт роста торговли с Вьетнамом - Агентство, 02.03.2020\n"
        "Посол заявил, что товарооборот Монголии и Вьетнама на сегодняшний день составляет "
        "300 млн долларов.",
        ["trade:turnover MN VN 300M USD exact 2025 actual"],
    ),
    (
        "Торговля Монголии и Вьетнама в 2023 году\n"
        "Посол заявил, что товарооборот Монголии и Вьетнама составил 300 млн долларов.",
        ["trade:turnover MN VN 300M USD exact 2023 actual"],
    ),
    # "в I полугодии": the first half, in Roman numerals
    (
        "В I полугодии товарооборот Монголии и Вьетнама вырос на 14%.",
        ["change:turnover MN VN +14% 2025/6 base=previous_period"],
    ),
    # a sum in brackets after "на N%" is the change in money where the level came before;
    # with no level before, it is the level reached
    (
        "За 2024 год товарооборот Монголии и Вьетнама составил 24,6 млн долларов, увеличившись "
        "на 64% (9,6 млн долларов).",
        [
            "trade:turnover MN VN 24.6M USD exact 2024 actual",
            "change:turnover MN VN +64% 2024 base=previous_period",
        ],
    ),
    (
        "По итогам 2024 года произошло увеличение товарооборота Монголии и Вьетнама на 64% "
        "(24,6 млн долларов).",
        [
            "trade:turnover MN VN 24.6M USD exact 2024 actual",
            "change:turnover MN VN +64% 2024 base=previous_period",
        ],
    ),
    # a second level after "до" with no verb of its own is a goal too, of the year told
    # right after it
    (
        "Стороны решили довести товарооборот Монголии и Вьетнама до 80 млн долларов к 2027 году "
        "и до 200 млн долларов к 2032 году.",
        [
            "trade:turnover MN VN 80M USD exact 2027 target",
            "trade:turnover MN VN 200M USD exact 2032 target",
        ],
    ),
    (
        "Стороны решили довести товарооборот Монголии и Вьетнама до 80 млн долларов к 2027 году, "
        "а экспорт Вьетнама в Монголию в 2024 году вырос до 50 млн долларов.",
        [
            "trade:turnover MN VN 80M USD exact 2027 target",
            "trade:export VN>MN 50M USD exact 2024 actual",
        ],
    ),
    # "на 51,4% к аналогичному периоду": an amount of change, no index; and the period is
    # this year's part, the year after the base, however the verb is told
    (
        "Посол сообщил, что экспорт армянских товаров в Беларусь составил 12,4 млн долларов "
        "(вырос на 38,2% к аналогичному периоду 2024 года).",
        [
            "trade:export AM>BY 12.4M USD exact 2025 actual",
            "change:export AM>BY +38.2% 2025 base=2024",
        ],
    ),
    (
        "Посол сообщил, что экспорт армянских товаров в Беларусь составил 12,4 млн долларов "
        "(138,2% к аналогичному периоду 2024 года).",
        [
            "trade:export AM>BY 12.4M USD exact 2025 actual",
            "change:export AM>BY +38.2% 2025 base=2024",
        ],
    ),
    (
        "Товарооборот Казахстана и Китая в 2023 году составил 41 млрд долларов, или 95% к уровню "
        "2022 года.",
        [
            "trade:turnover CN KZ 41000M USD exact 2023 actual",
            "change:turnover CN KZ -5% 2023 base=2022",
        ],
    ),
    (
        "Рост товарооборота Казахстана и Китая в 2023 году составил 12% к уровню 2022 года.",
        ["change:turnover CN KZ +12% 2023 base=2022"],
    ),
    # a period right after a rate is the rate's own
    (
        "Товарооборот Узбекистана и Венгрии в 2024 году достиг 150 млн долларов и вырос на 19% "
        "за семь месяцев 2025 года.",
        [
            "trade:turnover HU UZ 150M USD exact 2024 actual",
            "change:turnover HU UZ +19% 2025/7 base=previous_period",
        ],
    ),
    (
        "Товарооборот Казахстана и Венгрии в 2024 году вырос на 22%, а в 2025 году составил 250 "
        "млн долларов.",
        [
            "change:turnover HU KZ +22% 2024 base=previous_period",
            "trade:turnover HU KZ 250M USD exact 2025 actual",
        ],
    ),
    # a compared part of a year is the base, not the figure's period
    (
        "За январь–март 2019 года товарооборот Киргизии с Китаем вырос на 12% по сравнению с "
        "январем–мартом 2018 года и составил 500 млн долларов.",
        [
            "trade:turnover CN KG 500M USD exact 2019/3 actual",
            "change:turnover CN KG +12% 2019/3 base=2018",
        ],
    ),
    (
        "За 2024 год товарооборот Казахстана и Беларуси увеличился на 2,3% и достиг 1,2 млрд "
        "долларов.",
        [
            "trade:turnover BY KZ 1200M USD exact 2024 actual",
            "change:turnover BY KZ +2.3% 2024 base=previous_period",
        ],
    ),
    (
        "Товарооборот Узбекистана и Туркменистана в 2024 году составил 1,1 млрд долларов, "
        "увеличившись на 15%.",
        [
            "trade:turnover TM UZ 1100M USD exact 2024 actual",
            "change:turnover TM UZ +15% 2024 base=previous_period",
        ],
    ),
    (
        "Россия и Казахстан рассчитывают увеличить товарооборот до 30 млрд долларов в "
        "ближайшие годы.",
        ["trade:turnover KZ RU 30000M USD exact None target"],
    ),
    (
        "Армения и Иран обсудили торговлю. Товарооборот двух стран в 2024 году вырос на 8%.",
        ["change:turnover AM IR +8% 2024 base=previous_period"],
    ),
    (
        "Товарооборот России и Монголии оценивается в диапазоне от 2 до 2,5 млрд долларов.",
        ["trade:turnover MN RU 2250M USD approx 2025 actual"],
    ),
    (
        "В текущем году товарооборот Казахстана и Азербайджана должен превысить 1 млрд долларов.",
        ["trade:turnover AZ KZ 1000M USD over 2025 target"],
    ),
    # nothing: totals of one party, other money, other percentages, no parties
    (
        "Превышение экспорта над импортом в торговле Таджикистана с Бельгией в 2022 году "
        "составило 25,7 млн долларов.",
        [],
    ),
    (
        "Товарооборот Таджикистана с Бельгией в 2022 году составил 28,4 млн долларов, "
        "превышение экспорта над импортом — 25,7 млн долларов.",
        ["trade:turnover BE TJ 28.4M USD exact 2022 actual"],
    ),
    ("Внешнеторговый оборот Казахстана в 2024 году составил 140 млрд долларов.", []),
    ("Внешнеторговый оборот Башкортостана за 2024 год составил 5 млрд долларов.", []),
    ("Бюджет фестиваля составил 30 млн рублей.", []),
    ("Стоимость строительства моста оценивается в 500 млн долларов.", []),
    ("Инфляция в Казахстане в 2024 году составила 8,6%.", []),
    ("Около 40% жителей области пользуются услугами банков.", []),
    ("Ставка рефинансирования снижена на 2 процентных пункта.", []),
    ("Компания увеличила выручку на 15%.", []),
    ("В 2024 году в Казахстане собрали 20 млн тонн зерна.", []),
    ("Население Узбекистана превысило 37 млн человек.", []),
    ("Форум собрал более 1500 участников из 76 регионов.", []),
    ("Уровень безработицы в России снизился до 2,4%.", []),
    ("Товарооборот вырос на 10%.", []),
    (
        "Поставщик сократил поставки газа в Минск, поскольку соседи задолжали ему 1,5 млрд рублей.",
        [],
    ),
    ("Задолженность Белоруссии за поставки газа составляет около 200 млн долларов.", []),
    ("Цены на импорт продовольствия в Казахстане в текущем году вырастут на 11%.", []),
    ("Поставки нефти из России в Китай почти вдвое увеличат объём перевалки.", []),
    ("Стоимость билета на концерт в Астане составит 50 долларов.", []),
    ("Банк выдал кредиты на 2 млрд рублей.", []),
    # a forecast "по итогам года" is of the year it is made in; one with no time, of none
    (
        "По итогам года объем торговли России и Армении может составить чуть более 6 млрд "
        "долларов.",
        ["trade:turnover AM RU 6000M USD over 2025 forecast"],
    ),
    (
        "Объем торговли России и Армении может составить 8 млрд долларов.",
        ["trade:turnover AM RU 8000M USD exact None forecast"],
    ),
    # a growth of goods weighed is not of trade's value; a turnover told in tonnes is
    (
        "Предприятия Алтайского края в 2024 году экспортировали в Киргизию 77 тыс. т зерна, "
        "что в два раза больше, чем годом ранее.",
        [],
    ),
    (
        "В 2024 году товарооборот Туркменистана и России вырос на 13% и составил 600 млн тонн.",
        ["change:turnover RU TM +13% 2024 base=previous_period"],
    ),
    # the rate of the balance is not the rate of the flow before it
    (
        "В 2024 году экспорт Казахстана в Китай составил 390 млн долларов при росте на 9%, "
        "пассивное сальдо - 1,4 млрд долларов при сокращении на 11%.",
        [
            "change:export KZ>CN +9% 2024 base=previous_period",
            "trade:export KZ>CN 390M USD exact 2024 actual",
        ],
    ),
    # a sentence told of the base period compares backwards: no rate of growth
    (
        "За восемь месяцев 2024 года товарооборот Армении и Ирана составил 500 млн долларов. "
        "За аналогичный период 2023 года он был почти вдвое меньше.",
        ["trade:turnover AM IR 500M USD exact 2024/8 actual"],
    ),
    # "показатель" before a rate is the trade before it, not the flow told after the rate
    (
        "Товарооборот Башкортостана и Казахстана растёт. Показатель вырос на 11,5% и составил "
        "332 млн долларов: экспорт - 268 млн долларов, импорт - 64 млн долларов.",
        [
            "change:turnover KZ RU-BA +11.5% 2024 base=previous_period",
            "trade:export RU-BA>KZ 268M USD exact 2024 actual",
            "trade:import KZ>RU-BA 64M USD exact 2024 actual",
            "trade:turnover KZ RU-BA 332M USD exact 2024 actual",
        ],
    ),
    # a list that goes on from a flow names its partners in brackets, with no trade word
    (
        "Экспорт Киргизии в Казахстан в 2021 году составил 0,9 млрд долларов. Далее следуют "
        "Узбекистан (312,4 миллиона долларов) и Россия (287,9 миллиона долларов).",
        [
            "trade:export KG>KZ 900M USD exact 2021 actual",
            "trade:export KG>RU 287.9M USD exact 2021 actual",
            "trade:export KG>UZ 312.4M USD exact 2021 actual",
        ],
    ),
    (
        "Далее следуют Узбекистан (312,4 миллиона долларов) и Россия (287,9 миллиона долларов).",
        [],
    ),
    # money lost is not the trade; the trade told after it is
    ("В 2024 году Италия потеряла на экспорте в Россию около 4 млрд евро.", []),
    (
        "В 2024 году торговля Армении и России недосчиталась 1 млрд долларов, но составила "
        "9 млрд долларов.",
        ["trade:turnover AM RU 9000M USD exact 2024 actual"],
    ),
    ("Экспорт российского зерна в Казахстан в 2024 году составил 1,5 млн тонн.", []),
    (
        "Объем китайских инвестиций в экономику Казахстана в 2024 году составил 1,5 млрд долларов.",
        [],
    ),
]

FURNITURE: list[tuple[str, list[str]]] = [
    (
        "Стороны обсудили развитие транспортных коридоров и подписали меморандум.\n\n"
        "Читайте также\n"
        "Товарооборот России и Китая вырос на 20%\n"
        "Экспорт Казахстана в Узбекистан достиг 3 млрд долларов\n",
        [],
    ),
    (
        "Эксперты обсудили сотрудничество в сфере образования и науки, а также обмен "
        "студентами между вузами двух стран.\n\nПопулярное\n"
        "Товарооборот Казахстана и России составил 25 млрд долларов\n"
        "В Астане открылась выставка\n"
        "Экспорт зерна вырос на 12%\n"
        "Погода на выходные\n"
        "Импорт из Китая превысил 15 млрд долларов\n",
        [],
    ),
]

# A grid that varies each part at once: party forms, templates, amounts, qualifiers.
PAIRS = [
    ("России и Казахстана", "KZ RU"),
    ("Башкортостана и Казахстана", "KZ RU-BA"),
    ("Узбекистана и Китая", "CN UZ"),
    ("Беларуси и России", "BY RU"),
    ("Азербайджана и Казахстана", "AZ KZ"),
    ("Татарстана и Узбекистана", "RU-TA UZ"),
    ("Новосибирской области и Казахстана", "KZ RU-NVS"),
    ("Костанайской области и Челябинской области", "KZ-39 RU-CHE"),
    ("Киргизии и России", "KG RU"),
    ("Оренбургской области и Актюбинской области", "KZ-15 RU-ORE"),
]
AMOUNTS = [
    ("1,2 млрд долларов", "1200M USD"),
    ("$850 млн", "850M USD"),
    ("430,5 млн долларов США", "430.5M USD"),
    ("2,1 трлн тенге", "2.1e+06M KZT"),
    ("95 млрд рублей", "95000M RUB"),
    ("640 млн евро", "640M EUR"),
    ("3 млрд юаней", "3000M CNY"),
]
QUALIFIERS = [
    ("", "exact"),
    ("свыше ", "over"),
    ("около ", "approx"),
    ("почти ", "approx"),
    ("более ", "over"),
    ("менее ", "under"),
    ("порядка ", "approx"),
]
TEMPLATES = [
    ("Товарооборот {pair} в {year} году составил {q}{amount}.", ""),
    ("За девять месяцев {year} года товарооборот {pair} достиг {q}{amount}.", "/9"),
    ("{Q}{amount} составил товарооборот {pair} в {year} году.", ""),
    ("По данным таможни, взаимная торговля {pair} за {year} год составила {q}{amount}.", ""),
]
CHANGES = [
    ("вырос на 8,5%", "+8.5%"),
    ("сократился на 3%", "-3%"),
    ("увеличился в 1,5 раза", "+50%"),
    ("снизился на 11,2 процента", "-11.2%"),
]


def _grid() -> list[tuple[str, list[str]]]:
    cases = []
    amounts, qualifiers = cycle(AMOUNTS), cycle(QUALIFIERS)
    for n, (pair, codes) in enumerate(PAIRS):
        year = 2019 + n % 6
        for template, months in TEMPLATES:
            amount, value = next(amounts)
            q, qualifier = next(qualifiers)
            text = template.format(
                pair=pair,
                year=year,
                q=q,
                Q=q.capitalize(),
                amount=amount
                if q or not template.startswith("{Q}")
                else amount[0].upper() + amount[1:],
            )
            cases.append(
                (text, [f"trade:turnover {codes} {value} {qualifier} {year}{months} actual"])
            )
        for phrase, percent in CHANGES[n % 2 : n % 2 + 2]:
            cases.append(
                (
                    f"Товарооборот {pair} в {year} году {phrase}.",
                    [f"change:turnover {codes} {percent} {year} base=previous_period"],
                )
            )
    return cases


CASES = HANDWRITTEN + FURNITURE + _grid()

# A headline that repeats the body's figure yields the figure once.
CASES.append(
    (
        "Товарооборот России и Казахстана превысил 26 млрд долларов\n\n"
        "По итогам 2024 года товарооборот России и Казахстана превысил 26 млрд долларов, "
        "сообщили в министерстве.",
        ["trade:turnover KZ RU 26000M USD over 2024 actual"],
    )
)
CASES.append(
    (
        "Товарооборот Узбекистана и Китая вырос до 14 млрд долларов.\n\n"
        "В 2024 году товарооборот Узбекистана и Китая вырос до 14 млрд долларов, следует из "
        "данных таможни.",
        ["trade:turnover CN UZ 14000M USD exact 2024 actual"],
    )
)
# …and where neither names its year, the body's present tense tells it: this year's.
CASES.append(
    (
        "Товарооборот Казахстана и России превысил 28 млрд долларов\n\n"
        "Товарооборот Казахстана и России превышает 28 млрд долларов, заявил посол.",
        ["trade:turnover KZ RU 28000M USD over 2025 actual"],
    )
)
