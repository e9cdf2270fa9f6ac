"""Failure classes seen on real news, as project-written cases: (class, text, expected).

Each class of ``eval/real`` misses has sentences that must yield their facts and sentences
that must yield nothing (or less). The texts are the project's own; the published date is
``economic_cases.PUBLISHED`` (2025-06-15). Rendered by ``economic_cases.render``.
"""

from __future__ import annotations

CONTEXT_CASES: list[tuple[str, str, list[str]]] = [
    # ── the year from context: paragraph, trade sentence before, headline, publication ──
    (
        "year",
        "В 2019 году делегации провели переговоры в Ташкенте. Товарооборот Узбекистана "
        "и Кыргызстана составил 1,1 млрд долларов.",
        ["trade:turnover KG UZ 1100M USD exact 2019 actual"],
    ),
    # the turnover of the partner the clause before named, not the region's total
    (
        "year",
        "В 2023 году Монголия вошла в десятку главных торговых партнеров Бурятии, "
        "внешнеторговый оборот составил 80 млн долларов.",
        ["trade:turnover MN RU-BU 80M USD exact 2023 actual"],
    ),
    (
        "year",
        "Монголия – давний партнер Бурятии. В 2023 году внешнеторговый оборот Бурятии составил "
        "800 млн долларов.",
        [],
    ),
    # a period told beside the trade in one product is the report's, in later paragraphs
    # too; beside no trade word it stays in its own paragraph
    (
        "year",
        "Узбекистан и его покупатели\nЗа пять месяцев текущего года экспорт хлопковой пряжи "
        "из Узбекистана вырос на 12%.\nКрупнейшими покупателями стали Китай — 300 млн "
        "долларов и Турция — 120 млн долларов.",
        [
            "trade:export UZ>CN 300M USD exact 2025/5 actual",
            "trade:export UZ>TR 120M USD exact 2025/5 actual",
        ],
    ),
    (
        "year",
        "Узбекистан и его покупатели\nЗа пять месяцев текущего года в Узбекистане открыли "
        "40 новых фабрик.\nКрупнейшими покупателями узбекских товаров стали Китай — 300 млн "
        "долларов и Турция — 120 млн долларов.",
        [
            "trade:export UZ>CN 300M USD exact 2024 actual",
            "trade:export UZ>TR 120M USD exact 2024 actual",
        ],
    ),
    # "а год спустя" after a figure's year: the year after it; a span of months is not
    (
        "year",
        "Товарооборот Армении и Грузии в 2022 году составил 900 млн долларов, а год спустя — "
        "около 1,1 млрд долларов.",
        [
            "trade:turnover AM GE 1100M USD approx 2023 actual",
            "trade:turnover AM GE 900M USD exact 2022 actual",
        ],
    ),
    (
        "year",
        "Товарооборот Армении и Грузии в 2022 году составил 900 млн долларов, а за следующие "
        "три месяца — около 300 млн долларов.",
        [
            "trade:turnover AM GE 300M USD approx 2022/3 actual",
            "trade:turnover AM GE 900M USD exact 2022 actual",
        ],
    ),
    # a rate against last year, told with no period of its own, is of this year
    (
        "year",
        "Товарооборот Татарстана и Казахстана вырос на 14% по сравнению с прошлым годом, "
        "сообщил министр.",
        ["change:turnover KZ RU-TA +14% 2025 base=previous_period"],
    ),
    (
        "year",
        "Товарооборот Татарстана и Казахстана в прошлом году вырос на 14%, сообщил министр.",
        ["change:turnover KZ RU-TA +14% 2024 base=previous_period"],
    ),
    # a quarter written with a digit ("в 1-м квартале")
    (
        "year",
        "В 1-м квартале 2025 года товарооборот Казахстана и Киргизии вырос на 8%.",
        ["change:turnover KG KZ +8% 2025/3 base=previous_period"],
    ),
    # "в структуре товарооборота": the frame of the export the sentence tells
    (
        "direction",
        "Экспортные поставки в структуре казахстанско-киргизского товарооборота за 2024 год "
        "выросли на 9%.",
        ["change:export KZ>KG +9% 2024 base=previous_period"],
    ),
    (
        "direction",
        "Изменений в структуре товарооборота Казахстана и Киргизии не было, а сам "
        "товарооборот за 2024 год вырос на 9%.",
        ["change:turnover KG KZ +9% 2024 base=previous_period"],
    ),
    # the year a "когда" clause hangs on is the time of the figure in it
    (
        "year",
        "Товарооборот Армении и Ирана в 2024 году может вырасти на 10% по сравнению с 2022 "
        "годом, когда объём торговли составил 700 млн долларов.",
        ["trade:turnover AM IR 700M USD exact 2022 actual"],
    ),
    (
        "year",
        "В 2022 году, когда стороны подписали договор, товарооборот Армении и Ирана составил "
        "700 млн долларов.",
        ["trade:turnover AM IR 700M USD exact 2022 actual"],
    ),
    # a sum over several years has no one year; the year of a figure after it is unchanged
    (
        "year",
        "Товарооборот Армении и Ирана за последние три года составил 2 млрд долларов.",
        ["trade:turnover AM IR 2000M USD exact None actual"],
    ),
    (
        "year",
        "За последние три года стороны подписали 20 соглашений, а товарооборот Армении и "
        "Ирана в 2024 году составил 700 млн долларов.",
        ["trade:turnover AM IR 700M USD exact 2024 actual"],
    ),
    (
        "year",
        "Итоги 2022 года: торговля Армении и Ирана\n\nТоварооборот Армении и Ирана "
        "составил 710 млн долларов.",
        ["trade:turnover AM IR 710M USD exact 2022 actual"],
    ),
    (
        "year",
        "По итогам 2021 года товарооборот Казахстана и Китая вырос до 25 млрд "
        "долларов.\n\nЭкспорт Казахстана в Китай составил 13 млрд долларов.",
        [
            "trade:turnover CN KZ 25000M USD exact 2021 actual",
            "trade:export KZ>CN 13000M USD exact 2021 actual",
        ],
    ),
    # a figure with no year anywhere: the publication's year when told in the present, the
    # year before when told in the past (a closed year's results)
    (
        "year",
        "Сегодня товарооборот Армении и Египта составляет почти 90 млн долларов.",
        ["trade:turnover AM EG 90M USD approx 2025 actual"],
    ),
    (
        "year",
        "Посол напомнил, что товарооборот Киргизии и Омана составил 40 млн долларов.",
        ["trade:turnover KG OM 40M USD exact 2024 actual"],
    ),
    (
        "year",
        "Стороны хотят, чтобы товарооборот Армении и Египта составил 200 млн долларов.",
        ["trade:turnover AM EG 200M USD exact None target"],
    ),
    # a headline without its year is the body's figure, not a second one of the year before
    (
        "year",
        "Экспорт Сербии в Казахстан вырос за полгода на 14%\n\nЗа первое полугодие 2025 года "
        "экспорт Сербии в Казахстан вырос на 14%.",
        ["change:export RS>KZ +14% 2025/6 base=previous_period"],
    ),
    (
        "year",
        "За первое полугодие товарооборот Беларуси и Вьетнама составил 150 млн долларов.",
        ["trade:turnover BY VN 150M USD exact 2025/6 actual"],
    ),
    (
        "year",
        "В текущем году торговля развивается динамично: за восемь месяцев товарооборот "
        "Монголии и России составил 1,2 млрд долларов.",
        ["trade:turnover MN RU 1200M USD exact 2025/8 actual"],
    ),
    (
        "year",
        "Товарооборот Вьетнама и России за 9 месяцев превысил 4 млрд долларов\n\n"
        "За 9 месяцев прошлого года товарооборот России и Вьетнама, по данным таможни, "
        "составил чуть более 4 млрд долларов.",
        ["trade:turnover RU VN 4000M USD over 2024/9 actual"],
    ),
    # a day and month before a bare year is a dateline, not the period of what follows
    (
        "year",
        "Минск, 18 января, 2012, 14:33. Товарооборот Белоруссии и Китая вырос до 3 млрд "
        "долларов в 2011 году.",
        ["trade:turnover BY CN 3000M USD exact 2011 actual"],
    ),
    # one month's figure is of that month (its year from the sentence or the publication),
    # beside the months from January of the next clause; a month against the month before
    # is no change
    (
        "year",
        "В октябре 2021 года товарооборот Китая и России составил 13 млрд долларов, а за "
        "январь-октябрь — 120 млрд долларов.",
        [
            "trade:turnover CN RU 120000M USD exact 2021/10 actual",
            "trade:turnover CN RU 13000M USD exact 2021/m10 actual",
        ],
    ),
    (
        "year",
        "Товарооборот Южной Кореи и России в ноябре 2022 года упал на 9,2% в годовом исчислении.",
        ["change:turnover KR RU -9.2% 2022/m11 base=previous_period"],
    ),
    ("year", "Товарооборот Китая и России в октябре в месячном исчислении вырос на 3%.", []),
    # a level reached is of the sentence's own year, not of the starting level's; "против
    # X годом ранее" is of the year before
    (
        "year",
        "В прошлом году товарооборот провинции Хэйлунцзян и России вырос с 19 млрд долларов "
        "в 2021 году до 21 млрд долларов.",
        [
            "trade:turnover CN-HL RU 19000M USD exact 2021 actual",
            "trade:turnover CN-HL RU 21000M USD exact 2024 actual",
        ],
    ),
    (
        "year",
        "В прошлом году экспорт Египта в Россию достиг 504 млн долларов против 374 млн "
        "долларов годом ранее.",
        [
            "trade:export EG>RU 374M USD exact 2023 actual",
            "trade:export EG>RU 504M USD exact 2024 actual",
        ],
    ),
    # ── direction ──
    # a regional text names its region once and then as "края": the region is a side of
    # the main pair, though two countries are named more often
    (
        "direction",
        "Швейцария стала главным партнером Красноярского края\nВ 2024 году товарооборот со "
        "Швейцарией составил 189 млн долларов. Экспорт края — 188 млн. На втором месте для "
        "края Германия. Германия и Швейцария покупают металлы края.",
        [
            "trade:export RU-KYA>CH 188M USD exact 2024 actual",
            "trade:turnover CH RU-KYA 189M USD exact 2024 actual",
        ],
    ),
    # "китайской провинции" is the text's Chinese province; with none named, China
    (
        "direction",
        "Провинция Хэйлунцзян наращивает торговлю с Россией. За восемь месяцев 2025 года "
        "экспорт из китайской провинции в Россию составил 3 млрд юаней.",
        ["trade:export CN-HL>RU 3000M CNY exact 2025/8 actual"],
    ),
    (
        "direction",
        "За восемь месяцев 2025 года экспорт из китайской провинции в Россию составил "
        "3 млрд юаней.",
        ["trade:export CN>RU 3000M CNY exact 2025/8 actual"],
    ),
    # partners with their figures in brackets: buyers of one side's goods, a currency
    # the paragraph named before
    (
        "partners",
        "Внешняя торговля Пермского края за первый квартал 2011 года достигла 900 млн "
        "долларов. Среди ведущих партнёров края — Китай (96,4 млн) и США (88,1 млн).",
        [
            "trade:turnover CN RU-PER 96.4M USD exact 2011/3 actual",
            "trade:turnover RU-PER US 88.1M USD exact 2011/3 actual",
        ],
    ),
    (
        "partners",
        "В 2022 году крупнейшими покупателями узбекской продукции стали Россия (4 "
        "млрд долларов) и Китай (2,1 млрд долларов).",
        [
            "trade:export UZ>RU 4000M USD exact 2022 actual",
            "trade:export UZ>CN 2100M USD exact 2022 actual",
        ],
    ),
    (
        "partners",
        "В 2022 году крупнейшими поставщиками товаров в Узбекистан стали Россия (6 "
        "млрд долларов) и Китай (5,8 млрд долларов).",
        [
            "trade:import RU>UZ 6000M USD exact 2022 actual",
            "trade:import CN>UZ 5800M USD exact 2022 actual",
        ],
    ),
    # "партнёром остаётся Китай, товарооборот с которым …": the partner "с которым" points
    # back to, with the side whose partner it is; a second partner is that side's too
    (
        "partners",
        "Внешняя торговля Монголии в 2024 году выросла. Главным торговым партнёром остаётся "
        "Китай, товарооборот с которым составил $9 млрд, на втором месте Россия, двусторонний "
        "товарооборот составляет $2 млрд.",
        [
            "trade:turnover CN MN 9000M USD exact 2024 actual",
            "trade:turnover MN RU 2000M USD exact 2024 actual",
        ],
    ),
    (
        "partners",
        "Россия — крупнейший торговый партнёр Монголии, товарооборот с которым в 2024 году "
        "вырос до 2 млрд долларов.",
        ["trade:turnover MN RU 2000M USD exact 2024 actual"],
    ),
    # the exporters to one side are its suppliers: its imports, from them
    (
        "partners",
        "В 2023 году главными экспортёрами в Монголию стали Китай (8,1 млрд долларов) и "
        "Россия (2,4 млрд долларов).",
        [
            "trade:import CN>MN 8100M USD exact 2023 actual",
            "trade:import RU>MN 2400M USD exact 2023 actual",
        ],
    ),
    # "Это N% …" after a trade figure: the share of that trade in one side's total
    (
        "anaphora",
        "Товарооборот Бурятии с Монголией в 2023 году составил 100 млн долларов. Это "
        "24% всего внешнеторгового оборота республики.",
        [
            "trade:turnover MN RU-BU 100M USD exact 2023 actual",
            "share:turnover MN in RU-BU 24% exact",
        ],
    ),
    (
        "anaphora",
        "Товарооборот Бурятии с Монголией в 2023 году составил 100 млн долларов. Это "
        "на 24% больше, чем годом ранее.",
        [
            "trade:turnover MN RU-BU 100M USD exact 2023 actual",
            "change:turnover MN RU-BU +24% 2023 base=previous_period",
        ],
    ),
    # a verb of level with no subject goes on with the flow the sentence before told
    (
        "anaphora",
        "Товарооборот Монголии и Вьетнама растёт. В этом году товарооборот вернулся к росту. В "
        "январе — мае составил 40 млн долларов.",
        ["trade:turnover MN VN 40M USD exact 2025/5 actual"],
    ),
    (
        "anaphora",
        "Товарооборот Монголии и Вьетнама растёт. В этом году товарооборот вернулся к росту. "
        "Сальдо в январе — мае составило 4 млн долларов.",
        [],
    ),
    # the import told after an export "из A в B" is A's, from B, whatever side the text
    # speaks for
    (
        "anaphora",
        "Торговля Монголии растёт, сообщил министр Монголии. В 2023 году сумма экспорта "
        "товаров из Вьетнама в Монголию составила 43 млн долларов. Сумма импорта за тот же "
        "период составила 12 млн долларов.",
        [
            "trade:export VN>MN 43M USD exact 2023 actual",
            "trade:import MN>VN 12M USD exact 2023 actual",
        ],
    ),
    # a look back at an earlier year leaves the text's year in force beyond its paragraph
    (
        "year",
        "По итогам 2023 года товарооборот Армении и России превысил 7,2 млрд долларов. "
        "Товарооборот двух стран в 2022 году превысил 5,1 млрд долларов.\n\n"
        "Экспорт Армении в Грузию составил 310 млн долларов.",
        [
            "trade:turnover AM RU 7200M USD over 2023 actual",
            "trade:turnover AM RU 5100M USD over 2022 actual",
            "trade:export AM>GE 310M USD exact 2023 actual",
        ],
    ),
    (
        "year",
        "По итогам 2022 года товарооборот Армении и России превысил 5,1 млрд долларов. "
        "Товарооборот двух стран в 2023 году превысил 7,2 млрд долларов.\n\n"
        "Экспорт Армении в Грузию составил 310 млн долларов.",
        [
            "trade:turnover AM RU 5100M USD over 2022 actual",
            "trade:turnover AM RU 7200M USD over 2023 actual",
            "trade:export AM>GE 310M USD exact 2023 actual",
        ],
    ),
    # a figure that names one partner pairs it with the side the text speaks for
    # a generic word looks back: "с европейской страной" is the country named before it,
    # not the one the text names more often later
    (
        "home",
        "Швейцария стала главным партнером Красноярского края. В 2024 году товарооборот с "
        "европейской страной составил 189 млн долларов. Германия на втором месте, Германия "
        "обгоняет Китай, а Германия наращивает закупки.",
        ["trade:turnover CH RU-KYA 189M USD exact 2024 actual"],
    ),
    # "среди стран СНГ" is a group, not one country
    # partners in brackets with no owner named are the partners of the text's own side
    (
        "share",
        "Монголия в 2023 году нарастила внешнюю торговлю. Среди главных торговых партнеров "
        "лидируют Китай (64,2%) и Россия (18,1%).",
        ["share:turnover CN in MN 64.2% exact", "share:turnover RU in MN 18.1% exact"],
    ),
    (
        "share",
        "Монголия в 2023 году нарастила внешнюю торговлю. Среди торговых партнеров быстрее "
        "всего росла торговля с Китаем (на 64,2%).",
        ["change:turnover CN MN +64.2% 2023 base=previous_period"],
    ),
    (
        "share",
        "Россия лидирует, Россия впереди. В 2024 году товарооборот Киргизии и России "
        "превысил 3,4 млрд долларов. Третье место по объему торговли с Киргизией среди стран "
        "Содружества Независимых Государств занял Казахстан с долей в 21,5% от общего "
        "товарооборота.",
        ["share:turnover KZ in KG 21.5% exact", "trade:turnover KG RU 3400M USD over 2024 actual"],
    ),
    # a share's levels written out in words ("с 20 процентов до 31 процента"): both levels;
    # a rise "на 20 процентов" is no level
    (
        "share",
        "Доля Китая во внешней торговле Бурятии за пять лет выросла с 20 процентов до 31 процента.",
        ["share:turnover CN in RU-BU 20% exact", "share:turnover CN in RU-BU 31% exact"],
    ),
    (
        "share",
        "Доля Китая во внешней торговле Бурятии за пять лет выросла на 20 процентов, до 31 "
        "процента.",
        ["share:turnover CN in RU-BU 31% exact"],
    ),
    # partners listed after "с" and a total, each with its figure in brackets: shares of the
    # home side's total; a bracketed amount is no share
    (
        "share",
        "Внешняя торговля Таджикистана за полгода выросла. Основная часть оборота пришлась "
        "на торговлю с Россией (31,2%), Казахстаном (14,6%) и Китаем (12,3%).",
        [
            "share:turnover CN in TJ 12.3% exact",
            "share:turnover KZ in TJ 14.6% exact",
            "share:turnover RU in TJ 31.2% exact",
        ],
    ),
    (
        "share",
        "Внешняя торговля Таджикистана за полгода выросла. Основная часть оборота пришлась "
        "на торговлю с Россией (1,2 млрд долларов) и Казахстаном (600 млн долларов).",
        [
            "trade:turnover KZ TJ 600M USD exact 2025/6 actual",
            "trade:turnover RU TJ 1200M USD exact 2025/6 actual",
        ],
    ),
    # a figure's unnamed side is one the reader has met, not a partner named later
    (
        "home",
        "В 2023 году внешнеторговый оборот Таджикистана уменьшился на 18%. Экспортные поставки "
        "республики сократились на 6,5%. Главный партнёр Таджикистана — Россия.",
        [],
    ),
    (
        "home",
        "Товарооборот Таджикистана и России растёт. Экспортные поставки республики в 2023 году "
        "выросли на 6,5%.",
        ["change:export TJ>RU +6.5% 2023 base=previous_period"],
    ),
    # two partners introduced by "с" are each the text's side's partner, not a pair
    (
        "home",
        "Губернатор Хабаровского края подвел итоги года. Внешняя торговля с Китаем в 2024 "
        "году выросла на 18%, с Малайзией – на 43%.",
        [
            "change:turnover CN RU-KHA +18% 2024 base=previous_period",
            "change:turnover MY RU-KHA +43% 2024 base=previous_period",
        ],
    ),
    # the two most named sides, each a partner "с" of one region: the region is the text's
    # own side and each figure "с" a partner is the region's
    (
        "home",
        "Связи Курганской области с Арменией и Монголией крепнут. Посол Армении и посол "
        "Монголии побывали в Кургане. В 2024 году товарооборот с Арменией составил 12 млн "
        "долларов, с Монголией – 5 млн долларов. Армения поставляет фрукты, Монголия – мясо.",
        [
            "trade:turnover AM RU-KGN 12M USD exact 2024 actual",
            "trade:turnover MN RU-KGN 5M USD exact 2024 actual",
        ],
    ),
    (
        "home",
        "Связи Армении с Монголией крепнут. Посол Армении побывал в Улан-Баторе. В 2024 году "
        "товарооборот между странами составил 12 млн долларов.",
        ["trade:turnover AM MN 12M USD exact 2024 actual"],
    ),
    # a region's "наша страна" is its country
    (
        "home",
        "Делегация Пермского края побывала в Бишкеке. На встрече прозвучало, что товарооборот "
        "между нашей страной и Киргизией за 2023 год превысил 3 млрд долларов.",
        ["trade:turnover KG RU 3000M USD over 2023 actual"],
    ),
    (
        "home",
        "Таджикистан подвёл итоги внешней торговли за 2023 год. Товарооборот Таджикистана "
        "с Казахстаном составил 500 млн долларов, экспорт таджикских товаров в Казахстан — 200 "
        "млн долларов. Объём товарооборота с Турцией составил 268 млн долларов.",
        [
            "trade:turnover KZ TJ 500M USD exact 2023 actual",
            "trade:export TJ>KZ 200M USD exact 2023 actual",
            "trade:turnover TJ TR 268M USD exact 2023 actual",
        ],
    ),
    (
        "home",
        "Товарооборот Таджикистана с Турцией в 2023 году составил 500 млн долларов. "
        "Таджикистан наращивает поставки алюминия, главный экспортный товар Таджикистана. "
        "На долю Турции приходится 25% от общего объёма экспорта.",
        ["trade:turnover TJ TR 500M USD exact 2023 actual", "share:export TR in TJ 25% exact"],
    ),
    (
        "home",
        "Товарооборот Таджикистана с Турцией в 2023 году составил 500 млн долларов. "
        "На долю Турции приходится 25% экспорта алюминия.",
        ["trade:turnover TJ TR 500M USD exact 2023 actual"],
    ),
    (
        "direction",
        "В 2024 году экспорт Туркменистана в Узбекистан составил 610 млн долларов, "
        "импорт из Узбекистана — 270 млн долларов.",
        [
            "trade:export TM>UZ 610M USD exact 2024 actual",
            "trade:import UZ>TM 270M USD exact 2024 actual",
        ],
    ),
    (
        "direction",
        "Белоруссия подвела итоги года. По итогам 2024 года товарооборот с Китаем составил "
        "5,1 млрд долларов. Экспорт Беларуси — 1,9 млрд долларов, импорт — 3,2 млрд долларов.",
        [
            "trade:turnover BY CN 5100M USD exact 2024 actual",
            "trade:export BY>CN 1900M USD exact 2024 actual",
            "trade:import CN>BY 3200M USD exact 2024 actual",
        ],
    ),
    # a country named as a place ("на Украине") is no side; an abbreviation's case is a guess
    (
        "direction",
        "Товарооборот России и ОАЭ в 2021 году вырос (ещё до кризиса на Украине) на 65%.",
        ["change:turnover AE RU +65% 2021 base=previous_period"],
    ),
    (
        "direction",
        "В 2024 году Таджикистан импортировал из России товаров на 900 млн долларов, "
        "экспортировал в РФ – на 60 млн долларов.",
        [
            "trade:export TJ>RU 60M USD exact 2024 actual",
            "trade:import RU>TJ 900M USD exact 2024 actual",
        ],
    ),
    # two capitals named as the sides stand for their countries; a city-region alone is itself
    (
        "direction",
        "Москва и Ханой намерены нарастить товарооборот, который в 2024 году "
        "составил 7 млрд долларов.",
        ["trade:turnover RU VN 7000M USD exact 2024 actual"],
    ),
    (
        "direction",
        "В 2024 году товарооборот Москвы с Вьетнамом составил 2 млрд долларов.",
        ["trade:turnover RU-MOW VN 2000M USD exact 2024 actual"],
    ),
    # an adjective before the trade word names whose flow it is; after it, the goods' origin
    (
        "direction",
        "В 2024 году товарооборот России и Сербии превысил 2 млрд долларов. "
        "Российский импорт составил 1,1 млрд долларов.",
        [
            "trade:import RS>RU 1100M USD exact 2024 actual",
            "trade:turnover RS RU 2000M USD over 2024 actual",
        ],
    ),
    (
        "direction",
        "В 2024 году сербский импорт из России составил 0,9 млрд долларов.",
        ["trade:import RU>RS 900M USD exact 2024 actual"],
    ),
    (
        "direction",
        "В 2024 году казахстанский импорт российской продукции составил 0,9 млрд долларов.",
        ["trade:import RU>KZ 900M USD exact 2024 actual"],
    ),
    # a later clause that names its own party is read around its own figure
    (
        "direction",
        "Внешнеторговый оборот Костанайской области с РФ в 2023 году достиг 1530,2 млн "
        "долларов, из них на долю Челябинской области приходится 412,6 млн долларов.",
        [
            "trade:turnover KZ-39 RU 1530.2M USD exact 2023 actual",
            "trade:turnover KZ-39 RU-CHE 412.6M USD exact 2023 actual",
        ],
    ),
    # "из республики" is not the partner of another clause of the sentence
    (
        "direction",
        "Импорт в Киргизию из РФ за 2022 год составил 2,31 млрд долларов, а экспорт "
        "в РФ из республики — 412,5 млн долларов.",
        [
            "trade:export KG>RU 412.5M USD exact 2022 actual",
            "trade:import RU>KG 2310M USD exact 2022 actual",
        ],
    ),
    # ── lists with an elided party ──
    # partners listed with a dash, or named first and given their figures after "с"; the
    # trade word of the sentence before, or of the sentence's head, names the flow
    (
        "list",
        "По итогам января-апреля 2023 года главными торговыми партнерами Армении стали Россия "
        "— 812,3 млн долларов, Китай — 301,5 млн долларов и Иран — 120,0 млн долларов.",
        [
            "trade:turnover AM CN 301.5M USD exact 2023/4 actual",
            "trade:turnover AM IR 120M USD exact 2023/4 actual",
            "trade:turnover AM RU 812.3M USD exact 2023/4 actual",
        ],
    ),
    (
        "list",
        "В январе-июле 2023 года главным рынком сбыта для экспорта Армении оказались ОАЭ. "
        "Далее следуют Россия, Китай и Иран с 310,2 млн, 140,8 млн и 98,4 млн долларов.",
        [
            "trade:export AM>CN 140.8M USD exact 2023/7 actual",
            "trade:export AM>IR 98.4M USD exact 2023/7 actual",
            "trade:export AM>RU 310.2M USD exact 2023/7 actual",
        ],
    ),
    (
        "list",
        "Что касается импорта, главными торговыми партнерами Армении в 2023 году были "
        "Россия, Китай и Иран с 702,5 млн, 415,9 млн и 188,3 млн долларов.",
        [
            "trade:import CN>AM 415.9M USD exact 2023 actual",
            "trade:import IR>AM 188.3M USD exact 2023 actual",
            "trade:import RU>AM 702.5M USD exact 2023 actual",
        ],
    ),
    # "экспорт из Армении, … — на импорт": the origin told for the export is not the
    # import's; the import comes into the same side
    (
        "direction",
        "За первое полугодие 2025 года товарооборот Армении и Казахстана составил 90 млн "
        "долларов, из них 30 млн долларов пришлось на экспорт из Армении, а 60 млн долларов — "
        "на импорт.",
        [
            "trade:export AM>KZ 30M USD exact 2025/6 actual",
            "trade:import KZ>AM 60M USD exact 2025/6 actual",
            "trade:turnover AM KZ 90M USD exact 2025/6 actual",
        ],
    ),
    # two partners, each beside a sum of its own, are partners of the text's side, not a
    # pair; two sides named together with their sums are the pair
    (
        "list",
        "Внешнеторговый оборот Самарской области в 2024 году превысил 2 млрд долларов. Больше "
        "всего пришлось на Китай — около 900 млн долларов, почти 300 млн долларов — с "
        "Казахстаном.",
        [
            "trade:turnover CN RU-SAM 900M USD approx 2024 actual",
            "trade:turnover KZ RU-SAM 300M USD approx 2024 actual",
        ],
    ),
    (
        "list",
        "В 2024 году товарооборот Германии и Турции составил 40 млрд долларов, а экспорт "
        "Германии — 25 млрд долларов.",
        [
            "trade:export DE>TR 25000M USD exact 2024 actual",
            "trade:turnover DE TR 40000M USD exact 2024 actual",
        ],
    ),
    # "нарастить его до …" far into its clause: the pronoun is the trade of the sentence
    # before; "его производство" is something else
    (
        "anaphora",
        "Товарооборот Армении и Ирана в 2024 году составил 700 млн долларов. В ближайшие годы "
        "Ереван и Тегеран намерены нарастить его до 3 млрд долларов.",
        [
            "trade:turnover AM IR 3000M USD exact None target",
            "trade:turnover AM IR 700M USD exact 2024 actual",
        ],
    ),
    (
        "anaphora",
        "Товарооборот Армении и Ирана в 2024 году составил 700 млн долларов. В ближайшие годы "
        "Ереван намерен нарастить его производство до 3 млрд долларов.",
        ["trade:turnover AM IR 700M USD exact 2024 actual"],
    ),
    # a sum told again in another currency, in brackets or after "или", is of the same
    # period; a bracket with its own period and the same currency is a figure of its own
    (
        "year",
        "Товарооборот Китая и Казахстана в январе составил 12 млрд юаней (около 1,7 млрд "
        "долларов).",
        [
            "trade:turnover CN KZ 12000M CNY exact 2025/1 actual",
            "trade:turnover CN KZ 1700M USD approx 2025/1 actual",
        ],
    ),
    (
        "year",
        "Товарооборот Китая и Казахстана за январь 2025 года составил 12 млрд юаней (за весь "
        "2024 год — 150 млрд юаней).",
        [
            "trade:turnover CN KZ 12000M CNY exact 2025/1 actual",
            "trade:turnover CN KZ 150000M CNY exact 2024 actual",
        ],
    ),
    # a sum "в год" is any year's: no year unless the sentence names one
    (
        "year",
        "Товарооборот Армении и Ирана составляет около 700 млн долларов в год.",
        ["trade:turnover AM IR 700M USD approx None actual"],
    ),
    (
        "year",
        "Товарооборот Армении и Ирана к 2030 году должен вырасти до 3 млрд долларов в год.",
        ["trade:turnover AM IR 3000M USD exact 2030 target"],
    ),
    # a past form the tagger reads as future is still past: the figure is actual
    (
        "status",
        "В 2023 году Курганская область и Казахстан наторговали на два миллиарда долларов.",
        ["trade:turnover KZ RU-KGN 2000M USD exact 2023 actual"],
    ),
    (
        "status",
        "В 2026 году Курганская область и Казахстан могут наторговать на два миллиарда долларов.",
        ["trade:turnover KZ RU-KGN 2000M USD exact 2026 forecast"],
    ),
    # a multiple "с половиной": the number and a half
    (
        "growth",
        "Товарооборот Казахстана и Китая в 2023 году вырос в три с половиной раза.",
        ["change:turnover CN KZ +250% 2023 base=previous_period"],
    ),
    (
        "growth",
        "Товарооборот Казахстана и Китая в 2023 году вырос в три раза, а с половиной "
        "партнёров региона торговля сократилась.",
        ["change:turnover CN KZ +200% 2023 base=previous_period"],
    ),
    # buyers of one side's goods listed with a dash: its exports to each
    (
        "list",
        "Экспорт Беларуси в 2023 году вырос. Крупнейшими покупателями белорусской продукции "
        "стали Россия — 28 млрд долларов и Казахстан — 1,2 млрд долларов.",
        [
            "trade:export BY>KZ 1200M USD exact 2023 actual",
            "trade:export BY>RU 28000M USD exact 2023 actual",
        ],
    ),
    (
        "list",
        "Экспорт Беларуси в 2023 году вырос. Среди покупателей на выставке — фирмы из России, "
        "выручка белорусских участников — 3 млн долларов.",
        [],
    ),
    # a heading that ends in a colon and the lines of its list: each line's partner and sum
    # are of the heading's flow; a sentence between them ends the list
    (
        "list",
        "Крупнейшими покупателями казахстанских товаров в 2024 году стали:\nКитай — 15 млрд "
        "долларов.\nРоссия — 9 млрд долларов.\nРанее министр говорил о росте.",
        [
            "trade:export KZ>CN 15000M USD exact 2024 actual",
            "trade:export KZ>RU 9000M USD exact 2024 actual",
        ],
    ),
    (
        "list",
        "Крупнейшими покупателями казахстанских товаров в 2024 году стали:\nКитай — 15 млрд "
        "долларов.\nЭто на 5% больше.\nРоссия — 9 млрд долларов.",
        [
            "change:export KZ>CN +5% 2024 base=previous_period",
            "trade:export KZ>CN 15000M USD exact 2024 actual",
        ],
    ),
    (
        "list",
        "Основными торговыми партнёрами Казахстана в 2024 году стали:\nРоссия — 28 млрд "
        "долларов;\nКитай — 24 млрд долларов.",
        [
            "trade:turnover CN KZ 24000M USD exact 2024 actual",
            "trade:turnover KZ RU 28000M USD exact 2024 actual",
        ],
    ),
    # the trade of a district or through one border post is a part of a side's, not its own
    (
        "part",
        "Объём внешней торговли Оршанского района с Российской Федерацией за 2024 год "
        "составил 12 млн долларов.",
        [],
    ),
    (
        "part",
        "Объём торговли Китая и Казахстана через КПП Хоргос в 2024 году составил около 6 млрд "
        "долларов.",
        [],
    ),
    (
        "part",
        "Товарооборот Синьцзян-Уйгурского автономного района с Казахстаном в 2024 году "
        "составил 10 млрд долларов.",
        ["trade:turnover CN-XJ KZ 10000M USD exact 2024 actual"],
    ),
    # what contracts promise is no trade: "экспортные договоры", "договор об экспорте"
    (
        "contract",
        "В ходе визита предприниматели Намангана заключили экспортные договоры на поставку "
        "текстиля в Челябинскую область на 40 млн долларов.",
        [],
    ),
    (
        "contract",
        "В Ташкенте подписан договор об экспорте 50 тракторов из Беларуси в Узбекистан на сумму "
        "2 млн долларов.",
        [],
    ),
    (
        "contract",
        "В 2024 году экспортные поставки из Беларуси в Узбекистан составили 20 млн долларов.",
        ["trade:export BY>UZ 20M USD exact 2024 actual"],
    ),
    # later clauses with one partner each go with the side of the first; their rates take
    # the sign of the rate before; "в 2,6 раза, до 402,3 млн" is the level reached
    (
        "list",
        "За семь месяцев 2024 года товарооборот Казахстана с Китаем снизился на 4,2%, "
        "до 17,1 млрд долларов, товарооборот с Арменией увеличился в 1,5 раза, до 61,2 млн "
        "долларов, с Грузией – в 2,6 раза, до 402,3 млн долларов, а с Монголией – в 1,4 раза, "
        "до 118 млн долларов.",
        [
            "change:turnover AM KZ +50% 2024/7 base=previous_period",
            "change:turnover CN KZ -4.2% 2024/7 base=previous_period",
            "change:turnover GE KZ +160% 2024/7 base=previous_period",
            "change:turnover KZ MN +40% 2024/7 base=previous_period",
            "trade:turnover AM KZ 61.2M USD exact 2024/7 actual",
            "trade:turnover CN KZ 17100M USD exact 2024/7 actual",
            "trade:turnover GE KZ 402.3M USD exact 2024/7 actual",
            "trade:turnover KZ MN 118M USD exact 2024/7 actual",
        ],
    ),
    (
        "list",
        "В 2024 году товарооборот Азербайджана с Казахстаном достиг 480 млн долларов, "
        "с Узбекистаном — 215 млн долларов (рост в 1,8 раза), с Кыргызстаном — 40 млн долларов.",
        [
            "trade:turnover AZ KZ 480M USD exact 2024 actual",
            "trade:turnover AZ UZ 215M USD exact 2024 actual",
            "change:turnover AZ UZ +80% 2024 base=previous_period",
            "trade:turnover AZ KG 40M USD exact 2024 actual",
        ],
    ),
    (
        "list",
        "В 2023 году экспорт России в Армению составил 3,1 млрд долларов, в Грузию — "
        "1,4 млрд долларов.",
        [
            "trade:export RU>AM 3100M USD exact 2023 actual",
            "trade:export RU>GE 1400M USD exact 2023 actual",
        ],
    ),
    (
        "list",
        "В 2024 году показатели торговли Таджикистана составили:\n"
        "- с Россией товарооборот — 1,5 млрд долларов, из них экспорт — 200 млн долларов;\n"
        "- с Казахстаном товарооборот — 1,1 млрд долларов, из них экспорт — 450 млн долларов.",
        [
            "trade:turnover RU TJ 1500M USD exact 2024 actual",
            "trade:export TJ>RU 200M USD exact 2024 actual",
            "trade:turnover KZ TJ 1100M USD exact 2024 actual",
            "trade:export TJ>KZ 450M USD exact 2024 actual",
        ],
    ),
    (
        "list",
        "Товарооборот Казахстана с Арменией в 2024 году вырос в 2,7 раза и составил "
        "96 млн долларов, а с Грузией увеличился в 1,6 раза и достиг 438 млн долларов.",
        [
            "trade:turnover AM KZ 96M USD exact 2024 actual",
            "change:turnover AM KZ +170% 2024 base=previous_period",
            "trade:turnover GE KZ 438M USD exact 2024 actual",
            "change:turnover GE KZ +60% 2024 base=previous_period",
        ],
    ),
    # ── numbers: compound, in words, bare multipliers ──
    # a country's adjective before its own currency is part of the currency's name
    (
        "number",
        "Товарооборот России и Индии в 2024 году составил 5 трлн индийских рупий.",
        ["trade:turnover IN RU 5e+06M INR exact 2024 actual"],
    ),
    (
        "number",
        "Товарооборот России и Китая в 2024 году составил 5 млрд китайских юаней.",
        ["trade:turnover CN RU 5000M CNY exact 2024 actual"],
    ),
    # the trade's own tonnage with its value is trade; one good's tonnage is not
    (
        "number",
        "Товарооборот Армении и Ирана в 2024 году составил 885 тыс. тонн на сумму 192 млн "
        "долларов.",
        ["trade:turnover AM IR 192M USD exact 2024 actual"],
    ),
    (
        "number",
        "Экспорт Армении в Иран в 2024 году составил 51 тыс. тонн меди на сумму 92 млн долларов.",
        [],
    ),
    # a sum with its multiplier lost is no trade figure
    (
        "number",
        "Товарооборот Иркутской области и Монголии в 2024 году составил около $500.",
        [],
    ),
    (
        "number",
        "Товарооборот Иркутской области и Монголии в 2024 году составил около $500 тыс.",
        ["trade:turnover MN RU-IRK 0.5M USD approx 2024 actual"],
    ),
    # a Latin look-alike letter inside a Russian word ("трëх" with a Latin ë)
    # a bare amount takes the currency of the last one outside brackets, not the conversion's
    (
        "number",
        "Экспорт провинции Ляонин в Россию за пять месяцев 2024 года достиг 6,4 "
        "миллиарда юаней (около 890 миллионов долларов), а импорт из России – 2,7 миллиарда "
        "(около 375 миллионов долларов).",
        [
            "trade:export CN-LN>RU 890M USD approx 2024/5 actual",
            "trade:export CN-LN>RU 6400M CNY exact 2024/5 actual",
            "trade:import RU>CN-LN 2700M CNY exact 2024/5 actual",
            "trade:import RU>CN-LN 375M USD approx 2024/5 actual",
        ],
    ),
    (
        "number",
        "В 2021 году товарооборот Азербайджана и России достиг тр\u00ebх миллиардов долларов.",
        ["trade:turnover AZ RU 3000M USD exact 2021 actual"],
    ),
    (
        "number",
        "По итогам 2023 года товарооборот Казахстана и Турции составил 6 млрд 370 млн долларов.",
        ["trade:turnover KZ TR 6370M USD exact 2023 actual"],
    ),
    (
        "number",
        "По итогам 2024 года товарооборот Азербайджана и Грузии составил почти миллиард долларов.",
        ["trade:turnover AZ GE 1000M USD approx 2024 actual"],
    ),
    (
        "number",
        "Свердловская область и Казахстан за 2021 год наторговали более чем на "
        "четыре миллиарда долларов.",
        ["trade:turnover KZ RU-SVE 4000M USD over 2021 actual"],
    ),
    (
        "number",
        "Наш товарооборот с Монголией за 2023 год — полмиллиарда долларов, сообщили "
        "в правительстве Бурятии.",
        ["trade:turnover MN RU-BU 500M USD exact 2023 actual"],
    ),
    # ── anaphora ──
    # a paragraph whose pronoun follows an opening year goes on with the trade before it
    (
        "anaphora",
        "Товарооборот Армении и Ирана пока невелик.\n\nВ 2017 году он составил 263 млн долларов.",
        ["trade:turnover AM IR 263M USD exact 2017 actual"],
    ),
    (
        "anaphora",
        "Министр Армении посетил Иран.\n\nВ 2017 году он составил 263 млн долларов.",
        [],
    ),
    # a paragraph that opens with an anaphor goes on with the pair before it
    (
        "anaphora",
        "Внешнеторговый оборот Египта и России в 2023 году увеличился на 17,4%. "
        "Эти данные в пятницу привёл министр.\n\nПоказатель превысил $6 млрд, уточняет "
        "издание.",
        [
            "change:turnover EG RU +17.4% 2023 base=previous_period",
            "trade:turnover EG RU 6000M USD over 2023 actual",
        ],
    ),
    (
        "anaphora",
        "Товарооборот Узбекистана и Турции в 2023 году достиг 3,1 млрд долларов. "
        "А в прошлом году этот показатель вырос до 3,6 млрд долларов.",
        [
            "trade:turnover TR UZ 3100M USD exact 2023 actual",
            "trade:turnover TR UZ 3600M USD exact 2024 actual",
        ],
    ),
    (
        "anaphora",
        "Товарооборот Армении и Ирана в 2024 году вырос на 12%. Он составил 720 млн долларов.",
        [
            "change:turnover AM IR +12% 2024 base=previous_period",
            "trade:turnover AM IR 720M USD exact 2024 actual",
        ],
    ),
    (
        "anaphora",
        "Стороны хотят увеличить взаимный товарооборот Белоруссии и Киргизии. "
        "За 2023 год он составил более 620 миллионов долларов. Это на 27 % больше, "
        "чем в 2022-м.",
        [
            "trade:turnover BY KG 620M USD over 2023 actual",
            "change:turnover BY KG +27% 2023 base=2022",
        ],
    ),
    (
        "anaphora",
        "Товарооборот Китая и Кыргызстана в 2024 году составил 19,6 млрд долларов. "
        "По сравнению с 2023 годом он увеличился на 23%.",
        [
            "trade:turnover CN KG 19600M USD exact 2024 actual",
            "change:turnover CN KG +23% 2024 base=2023",
        ],
    ),
    # ── growth in every position, and falls by a multiple ──
    # "Объем" opening a sentence made the tagger read "товарооборота" as an adjective;
    # "двусторонний оборот" is trade as "внешнеторговый оборот" is
    (
        "growth",
        "Объем товарооборота Монголии с Китаем вырос на 16%.",
        ["change:turnover CN MN +16% 2024 base=previous_period"],
    ),
    (
        "growth",
        "За пять лет двусторонний оборот Турции и России увеличился в 2,3 раза.",
        ["change:turnover RU TR +130% 2025 base=2020"],
    ),
    ("growth", "За пять лет оборот розничных сетей Турции увеличился в 2,3 раза.", []),
    # the flow of one product is not the trade between the sides; goods in general are
    # "темп роста" is an index of the base (95% is a fall); "темп прироста" the change itself
    # an emoji glued to the first word of a channel post
    # "оборот" with a named partner is trade; a company's or retail turnover is not
    (
        "direction",
        "В 2021 году оборот Нижегородской области с Узбекистаном превысил 100 млн долларов.",
        ["trade:turnover RU-NIZ UZ 100M USD over 2021 actual"],
    ),
    ("direction", "Оборот компании с начала года составил 5 млн долларов.", []),
    # a growth since a year ends at the last year it names
    # a rate alone in brackets after a money figure is against the year before (an index
    # over 100 in the statistics offices' way); a share in brackets stays a share
    # goods named past the destination, a growth that must come, one flow against another
    (
        "growth",
        "Товарооборот Дагестана и Ирана за 2023 год увеличился на 15%. На 8% "
        "выросли поставки в Дагестан иранских фруктов.",
        ["change:turnover IR RU-DA +15% 2023 base=previous_period"],
    ),
    ("growth", "Экспорт пензенских товаров в Индию к концу года должен вырасти на четверть.", []),
    ("growth", "В 2024 году экспорт Синьцзяна в Казахстан был в сто раз меньше импорта.", []),
    (
        "growth",
        "В 2024 году экспорт белорусских товаров в Узбекистан достиг 245,4 млн долларов "
        "(103,3%), импорт узбекских товаров – 56,5 млн долларов (132,5%).",
        [
            "change:export BY>UZ +3.3% 2024 base=previous_period",
            "change:import UZ>BY +32.5% 2024 base=previous_period",
            "trade:export BY>UZ 245.4M USD exact 2024 actual",
            "trade:import UZ>BY 56.5M USD exact 2024 actual",
        ],
    ),
    (
        "growth",
        "За девять месяцев 2024 года экспорт Белоруссии в Иран вырос до 48,6 млн "
        "долларов (в 4,4 раза).",
        [
            "change:export BY>IR +340% 2024/9 base=previous_period",
            "trade:export BY>IR 48.6M USD exact 2024/9 actual",
        ],
    ),
    (
        "growth",
        "С 2001 года товарооборот Киргизии и Китая вырос более чем в 50 раз: "
        "с $32,5 млн в 2001 году до $1,7 млрд в 2010 году.",
        [
            "change:turnover CN KG +4900% 2010 base=2001",
            "trade:turnover CN KG 32.5M USD exact 2001 actual",
            "trade:turnover CN KG 1700M USD exact 2010 actual",
        ],
    ),
    (
        "growth",
        "\U0001f4c8Экспорт Казахстана в Китай в 2024 году вырос на 12%.",
        ["change:export KZ>CN +12% 2024 base=previous_period"],
    ),
    (
        "growth",
        "Темп роста товарооборота Беларуси и Вьетнама в 2024 году составил 95%.",
        ["change:turnover BY VN -5% 2024 base=previous_period"],
    ),
    (
        "growth",
        "Темпы прироста товарооборота Беларуси и Вьетнама в 2024 году составили 112%.",
        ["change:turnover BY VN +112% 2024 base=previous_period"],
    ),
    (
        "growth",
        "В 2024 году товарооборот Астраханской области и Ирана вырос на 50%. В четыре "
        "раза вырос экспорт масла, на 30% увеличился импорт фруктов.",
        ["change:turnover IR RU-AST +50% 2024 base=previous_period"],
    ),
    (
        "growth",
        "В 2024 году экспорт товаров Казахстана в Китай вырос на 12%.",
        ["change:export KZ>CN +12% 2024 base=previous_period"],
    ),
    (
        "growth",
        "Рост товарооборота между Россией и Монголией в 2024 году составил 30%.",
        ["change:turnover MN RU +30% 2024 base=previous_period"],
    ),
    (
        "growth",
        "Товарооборот Узбекистана и Таджикистана снизился на 7,3% — до 540 млн "
        "долларов в 2024 году.",
        [
            "change:turnover TJ UZ -7.3% 2024 base=previous_period",
            "trade:turnover TJ UZ 540M USD exact 2024 actual",
        ],
    ),
    (
        "growth",
        "В 2024 году товарооборот Беларуси и Монголии сократился в два раза — до 40 млн долларов.",
        [
            "change:turnover BY MN -50% 2024 base=previous_period",
            "trade:turnover BY MN 40M USD exact 2024 actual",
        ],
    ),
    (
        "growth",
        "В первом квартале товарооборот России и Грузии снизился на 12,6%. "
        "Российский экспорт составил $640 млн (снижение на 18,4%).",
        [
            "change:turnover GE RU -12.6% 2025/3 base=previous_period",
            "trade:export RU>GE 640M USD exact 2025/3 actual",
            "change:export RU>GE -18.4% 2025/3 base=previous_period",
        ],
    ),
    # ── levels: a round mark passed, then the figure itself ──
    (
        "level",
        "В 2024 году товарооборот Египта и России превысил 1 млрд долларов и составил "
        "1,12 млрд долларов.",
        ["trade:turnover EG RU 1120M USD exact 2024 actual"],
    ),
    (
        "level",
        "В 2024 году товарооборот Египта и России превысил 1 млрд долларов, а экспорт Египта "
        "в Россию составил 300 млн долларов.",
        [
            "trade:export EG>RU 300M USD exact 2024 actual",
            "trade:turnover EG RU 1000M USD over 2024 actual",
        ],
    ),
    # ── targets and forecasts; planned growth is no change ──
    (
        "target",
        "Узбекистан и Туркменистан планируют нарастить товарооборот до 2 млрд "
        "долларов к 2030 году.",
        ["trade:turnover TM UZ 2000M USD exact 2030 target"],
    ),
    (
        "target",
        "К 2027 году товарооборот Казахстана и Белоруссии может вырасти в два раза и "
        "достичь трёх миллиардов долларов.",
        ["trade:turnover BY KZ 3000M USD exact 2027 forecast"],
    ),
    (
        "target",
        "Товарооборот Челябинской области и Китая за 2024 год составил 340 млн долларов, "
        "а в текущем году он вырастет вдвое и составит 700 млн долларов.",
        [
            "trade:turnover CN RU-CHE 340M USD exact 2024 actual",
            "trade:turnover CN RU-CHE 700M USD exact 2025 forecast",
        ],
    ),
    # a wish ("чтобы") or a capacity is a goal; "хочу отметить" is the speaker's phrase
    (
        "target",
        "Министры считают, что Азербайджан и Турция способны выйти на 12 млрд долларов "
        "товарооборота.",
        ["trade:turnover AZ TR 12000M USD exact None target"],
    ),
    (
        "target",
        "Хочу отметить, что в 2024 году товарооборот Армении и Ирана составил 700 млн долларов.",
        ["trade:turnover AM IR 700M USD exact 2024 actual"],
    ),
    # a goal told in the past tense was reached
    (
        "target",
        "Москва и Ханой в 2024 году довели товарооборот до 7 млрд долларов.",
        ["trade:turnover RU VN 7000M USD exact 2024 actual"],
    ),
    # ── percentages that are levels or shares, not changes ──
    # a number in words; "республики" is not the partner the sentence names; a region's
    # share is of its country's bilateral total
    # "на X%" with a verb of growth is a rate, whatever total follows
    # the total named after "от" is the whole; the bilateral trade is the partner's part
    # "доля X в товарообороте с Y": Y's total; "на долю товарооборота с X" names the part
    # "товарооборот страны" of the country whose partner it is; a share of settlements is
    # no share of trade
    # each share takes the "доля" nearest before it
    # a share in the sentence after a total is of that total; "приходится" may follow it
    # an elided share of another flow; "доля Турции" before a label; each clause its total
    # a share of the flow the sentence before gave is of the side that flow belongs to;
    # after a bilateral total, whose import it is stays unsaid
    # a flow from one side to the other, as a part of a total: the importer's imports; a
    # verb between the flow and the side breaks it
    # "в молдавском экспорте": the adjective names whose flow, not a place; "с X% до Y%"
    # gives the share twice; a share that grew is no change of trade
    # "наш" is the text's side, but not the one the sentence names as the other party
    # "его доля": the other side of the trade the sentence before gave; with no trade
    # before it, nobody's
    # a rank among a side's importers, told with its "удельный вес"; a grain exporter's
    # weight on the world market is no side's total
    # a fraction of "общего объёма" of trade; of investment it is no share of trade
    (
        "share",
        "На долю провинции Ляонин приходится почти четверть общего объема торговли между "
        "Китаем и Россией.",
        ["share:turnover CN-LN in CN+RU 25% approx"],
    ),
    ("share", "Четверть общего объема инвестиций пришлась на Китай.", []),
    (
        "share",
        "Среди импортеров Грузии Китай занимает третье место с удельным весом в 9,74 "
        "процента от общего объема импорта.",
        ["share:import CN in GE 9.74% exact"],
    ),
    (
        "share",
        "Казахстан входит в число крупнейших экспортеров зерна с удельным весом в 5 процентов "
        "на мировом рынке.",
        [],
    ),
    (
        "share",
        "Импорт Армении из Ирана за 5 месяцев 2023 года вырос до 310 млн долларов. Его "
        "доля в общем армянском импорте поднялась с 6,4% до 8,1%.",
        [
            "share:import IR in AM 6.4% exact",
            "share:import IR in AM 8.1% exact",
            "trade:import IR>AM 310M USD exact 2023/5 actual",
        ],
    ),
    ("share", "Его доля в общем армянском импорте поднялась до 8,1%.", []),
    (
        "share",
        "Россия и Китай расширяют сотрудничество. Доля Китая в нашем товарообороте сейчас "
        "достигает 30-36%.",
        ["share:turnover CN in RU 33% approx"],
    ),
    (
        "share",
        "Доля Румынии в молдавском экспорте выросла с 27,9% до 28,5%.",
        ["share:export RO in MD 27.9% exact", "share:export RO in MD 28.5% exact"],
    ),
    ("share", "Доля Румынии в молдавском экспорте выросла на 2%.", []),
    (
        "share",
        "Доля Китая в товарообороте республики выросла, а экспорт Казахстана в Китай вырос на 12%.",
        ["change:export KZ>CN +12% 2024 base=previous_period"],
    ),
    (
        "share",
        "Импорт товаров из Грузии в Армению составил 12,5% от общего объема импорта.",
        ["share:import GE in AM 12.5% exact"],
    ),
    ("share", "Импорт товаров из Грузии составил в Армении 12,5% от общего объема импорта.", []),
    # a rank among a side's counterparts, or by its trade with a side, told with a share
    (
        "share",
        "Турция занимает третье место среди стран-контрагентов Азербайджана по товарообороту "
        "с долей 9,1%.",
        ["share:turnover TR in AZ 9.1% exact"],
    ),
    (
        "share",
        "Третье место по объему торговли с Арменией занял Иран с долей 6,2% от общего "
        "товарооборота.",
        ["share:turnover IR in AM 6.2% exact"],
    ),
    (
        "share",
        "Третье место по объему торговли занял Иран с долей 6,2% от общего товарооборота.",
        [],
    ),
    (
        "share",
        "Импорт Грузии из Турции за 2024 год вырос до 2 млрд долларов. Доля Турции в "
        "импорте составила 17%.",
        ["share:import TR in GE 17% exact", "trade:import TR>GE 2000M USD exact 2024 actual"],
    ),
    (
        "share",
        "Товарооборот Грузии и Турции за 2024 год вырос до 2 млрд долларов. Доля Турции в "
        "импорте составила 17%.",
        ["share:import TR in GE 17% exact", "trade:turnover GE TR 2000M USD exact 2024 actual"],
    ),
    (
        "share",
        "За 2023 год доля РФ в общем объеме киргизского экспорта выросла с 14,25% до "
        "17,63%, а в импорте – снизилась с 32,08% до 29,47%.",
        [
            "share:export RU in KG 14.25% exact",
            "share:export RU in KG 17.63% exact",
            "share:import RU in KG 29.47% exact",
            "share:import RU in KG 32.08% exact",
        ],
    ),
    (
        "share",
        "Доля Египта в экспорте российского зерна в 2019 году упала до 14%.",
        ["share:export EG in RU 14% exact"],
    ),
    (
        "share",
        "В 2024 году внешнеторговый оборот Таджикистана составил 8 млрд долларов. На долю "
        "Китая — 21,6%.",
        ["share:turnover CN in TJ 21.6% exact"],
    ),
    (
        "share",
        "Импорт Таджикистана в 2024 году составил 5 млрд долларов. Из этой суммы 26,6% "
        "приходится на Россию.",
        # the 5 млрд is Tajikistan's whole import: Russia is named only after it
        ["share:import RU in TJ 26.6% exact"],
    ),
    (
        "share",
        "С начала 2023 года доля Китая во внешнеторговом обороте Киргизии составляет 34%, "
        "а доля России – 23%.",
        ["share:turnover CN in KG 34% exact", "share:turnover RU in KG 23% exact"],
    ),
    (
        "share",
        "Третьим по величине торговым партнером Узбекистана остаётся Казахстан с долей в "
        "товарообороте страны 11 процентов.",
        ["share:turnover KZ in UZ 11% exact"],
    ),
    # a range is its middle, told as approximate; "наш товарооборот" is the text's side's
    (
        "share",
        "Губернатор Омской области встретился с консулом Китая. «Сегодня доля Китая в нашем "
        "товарообороте достигает 20–25%», — сказал губернатор.",
        ["share:turnover CN in RU-OMS 22.5% approx"],
    ),
    # a total "России и Монголии" is the two's; "обороте России" alone is Russia's
    (
        "share",
        "Тыва и Монголия укрепляют связи. В 2022 году доля Тывы во внешнеторговом обороте "
        "России и Монголии достигла 3,6%.",
        ["share:turnover RU-TY in MN+RU 3.6% exact"],
    ),
    (
        "share",
        "Доля Бурятии во внешнеторговом обороте России с Монголией в 2023 году достигла 12,4%.",
        ["share:turnover RU-BU in MN+RU 12.4% exact"],
    ),
    (
        "share",
        "Доля малого и среднего бизнеса в товарообороте Казахстана и России в 2024 году "
        "составляет около 30%.",
        ["share:turnover SME in KZ+RU 30% approx"],
    ),
    # "N% от общего объёма" of a flow whose owner is where it goes (an import) or comes
    # from (an export), with a list of partners after it; "нарастить на треть" is a rate
    (
        "share",
        "Внешняя торговля Кыргызстана в 2023 году выросла. В 2023 году импорт в Кыргызстан шёл "
        "прежде всего из Китая — 41,2% от общего объема, России — 22,7%.",
        ["share:import CN in KG 41.2% exact", "share:import RU in KG 22.7% exact"],
    ),
    (
        "share",
        "Пензенская область торгует с Индией. Власти региона хотят за два года нарастить на треть "
        "экспорт продукции из Пензенской области в Индию.",
        [],
    ),
    # a rate with no sides named sets what "темп роста" after it is of
    (
        "anaphora",
        "Глава Смоленской области провёл переговоры с председателем Витебского облисполкома. "
        "Взаимная торговля в 2024 году прибавила 9%. Темп роста за последние пять лет – 137%, – "
        "отметил председатель.",
        [
            "change:turnover BY-VI RU-SMO +37% 2025 base=2020",
            "change:turnover BY-VI RU-SMO +9% 2024 base=previous_period",
        ],
    ),
    # trade "с другими странами-участницами ЕАЭС" is with a bloc; "с китайскими регионами"
    # is with China
    (
        "bloc",
        "Армения и Россия наращивают торговлю. Объем взаимной торговли Армении с другими странами-"
        "участницами ЕАЭС в 2023 году достиг 4 млрд долларов.",
        [],
    ),
    (
        "bloc",
        "Объем торговли Хабаровского края с китайскими регионами в первом полугодии 2025 года "
        "вырос на 7%.",
        ["change:turnover CN RU-KHA +7% 2025/6 base=previous_period"],
    ),
    # "между двумя государствами" in a region's text: the two countries, not one of them
    # read from the plural noun and completed with the region
    (
        "parties",
        "Губернатор Омской области принял посла Казахстана. В 2023 году торговля между двумя "
        "государствами прибавила 12% и достигла почти 28 млрд долларов.",
        [
            "change:turnover KZ RU +12% 2023 base=previous_period",
            "trade:turnover KZ RU 28000M USD approx 2023 actual",
        ],
    ),
    (
        "growth",
        "По итогам 2024 года товарооборот Армении и Ирана вырос на 10-12%.",
        ["change:turnover AM IR +11% 2024 base=previous_period"],
    ),
    (
        "share",
        "Доля взаиморасчетов России и Кыргызстана в национальных валютах достигла 90 процентов.",
        [],
    ),
    (
        "share",
        "В 2023 году доля Китая в товарообороте с Амурской областью составила 81%.",
        ["share:turnover CN in RU-AMU 81% exact"],
    ),
    (
        "share",
        "Товарооборот провинции Цзилинь и России за 2023 год вырос до 4 млрд долларов. "
        "Объем двусторонней торговли с Россией равен 17,8% от общего внешнеторгового оборота "
        "провинции.",
        [
            "share:turnover RU in CN-JL 17.8% exact",
            "trade:turnover CN-JL RU 4000M USD exact 2023 actual",
        ],
    ),
    (
        "share",
        "На 50% вырос в 2024 году товарооборот Астраханской области и Ирана.",
        ["change:turnover IR RU-AST +50% 2024 base=previous_period"],
    ),
    (
        "share",
        "Узбекистан развивает торговлю с Китаем. Почти девятнадцать процентов от общего "
        "товарооборота республики сейчас приходится на Поднебесную.",
        ["share:turnover CN in UZ 19% approx"],
    ),
    (
        "share",
        "Товарооборот провинции Ляонин и России в 2023 году достиг 9 млрд долларов. "
        "Таким образом, на долю провинции пришлось свыше 4% общего товарооборота между "
        "Китаем и Россией.",
        [
            "share:turnover CN-LN in CN+RU 4% over",
            "trade:turnover CN-LN RU 9000M USD exact 2023 actual",
        ],
    ),
    (
        "share",
        "В прошлом году доля Китая во внешнеторговом обороте Монголии снизилась до 62% с 70%.",
        ["share:turnover CN in MN 62% exact", "share:turnover CN in MN 70% exact"],
    ),
    (
        "share",
        "Российский экспорт в Армению в 2024 году составил 3 млрд долларов (рост на "
        "5%), импорт — 1 млрд долларов.",
        [
            "trade:export RU>AM 3000M USD exact 2024 actual",
            "change:export RU>AM +5% 2024 base=previous_period",
            "trade:import AM>RU 1000M USD exact 2024 actual",
        ],
    ),
    # ── one side's totals and blocs: no bilateral figure ──
    # the balance of trade, money spent on exports and trade with a bloc are not the pair's
    # "общий объём товарооборота провинции" is one side's total; "общий … между" is not
    # exports "за границу" are all of one side's exports
    # a growth of one side's total is no change of the pair's; "между двумя государствами
    # БРИКС" is the pair
    (
        "bloc",
        "Узбекистан и Китай расширяют торговлю. Внешнеторговый оборот Узбекистана в 2024 "
        "году вырос на 10%.",
        [],
    ),
    (
        "bloc",
        "Россия и Египет развивают связи. Торговля между двумя государствами БРИКС в "
        "2023 году увеличилась на 16 процентов.",
        ["change:turnover EG RU +16% 2023 base=previous_period"],
    ),
    (
        "bloc",
        "Экспорт Тюменской области в Казахстан увеличивается. А всего поставки региона за "
        "границу за 2023 год выросли на 13%.",
        [],
    ),
    (
        "bloc",
        "Провинция Цзилинь торгует с Россией. Общий объем товарооборота провинции за семь "
        "месяцев 2025 года составил 88,3 млрд юаней.",
        [],
    ),
    (
        "bloc",
        "Общий товарооборот между Белоруссией и Россией за первые три месяца 2024 года "
        "составил 6,1 млрд долларов.",
        ["trade:turnover BY RU 6100M USD exact 2024/3 actual"],
    ),
    (
        "bloc",
        "В 2024 году товарооборот Белоруссии и Узбекистана составил 300 млн долларов. "
        "Сальдо торговли в пользу белорусской стороны достигло 142,6 млн долларов.",
        ["trade:turnover BY UZ 300M USD exact 2024 actual"],
    ),
    (
        "bloc",
        "Банки Узбекистана выделят до 100 млн долларов на поддержку экспорта в Таджикистан.",
        [],
    ),
    (
        "bloc",
        "Товарооборот России и ОАЭ в 2024 году достиг 11,5 млрд долларов, а товарооборот "
        "ОАЭ со странами ЕврАзЭС достиг 30 млрд долларов.",
        ["trade:turnover AE RU 11500M USD exact 2024 actual"],
    ),
    (
        "bloc",
        "Внешнеторговый оборот Узбекистана со странами СНГ в 2024 году составил 15 млрд "
        "долларов, экспорт — 6 млрд долларов.",
        [],
    ),
    (
        "bloc",
        "В 2024 году товарооборот Азербайджана со странами Центральной Азии вырос на "
        "30% и достиг 1,2 млрд долларов.",
        [],
    ),
    (
        "bloc",
        "По всем странам Содружества товарооборот за 2022 год увеличился до 97 млрд долларов.",
        [],
    ),
    # a trade word with the country it happens in ("в Грузии", locative) is its total;
    # "в Грузию" is where the goods go
    (
        "bloc",
        "Армения и Иран развивают торговлю. За первый квартал 2025 года внешнеторговый оборот в "
        "Армении достиг 4,1 млрд долларов. Экспорт товаров из Ирана в Армению составил 0,3 млрд "
        "долларов.",
        ["trade:export IR>AM 300M USD exact 2025/3 actual"],
    ),
    (
        "bloc",
        "Узбекистан торгует с Казахстаном. С начала 2025 года объем импорта товаров в Узбекистане "
        "составил 9 млрд долларов.",
        [],
    ),
    # ── a starting level needs its own year; a difference is no figure ──
    (
        "level",
        "За пять лет товарооборот Казахстана и Кыргызстана вырос с 900 млн долларов "
        "до 2 млрд долларов в 2024 году.",
        ["trade:turnover KG KZ 2000M USD exact 2024 actual"],
    ),
    (
        "level",
        "Товарооборот России и Японии в 2016 году упал до $16,1 млрд с $21,3 млрд в 2015 году.",
        [
            "trade:turnover JP RU 16100M USD exact 2016 actual",
            "trade:turnover JP RU 21300M USD exact 2015 actual",
        ],
    ),
    (
        "level",
        "В 2024 году экспорт Башкортостана в Казахстан увеличился на 50 млн долларов и "
        "составил 420 млн долларов.",
        ["trade:export RU-BA>KZ 420M USD exact 2024 actual"],
    ),
    (
        "level",
        "В 2024 году Россия поставила в Казахстан зерна на 300 млн долларов, а "
        "товарооборот вырос на 10%.",
        ["change:turnover KZ RU +10% 2024 base=previous_period"],
    ),
    # ── later additions from the learn split, in the project's own words ──
    (
        "anaphora",
        "Товарооборот России и Индонезии в 2022 году составил $4 млрд. А в "
        "январе-августе текущего года показатель вырос почти на 31%.",
        [
            "trade:turnover ID RU 4000M USD exact 2022 actual",
            "change:turnover ID RU +31% 2025/8 base=previous_period",
        ],
    ),
    (
        "anaphora",
        "Например, товарооборот Армении и Казахстана в 2024 году составил $148 млн, тогда как "
        "за период с января по июль 2025 года этот показатель увеличился на 42,5%.",
        [
            "trade:turnover AM KZ 148M USD exact 2024 actual",
            "change:turnover AM KZ +42.5% 2025/7 base=previous_period",
        ],
    ),
    (
        "year",
        "По данным правительства области, объем самарского экспорта в Казахстан по "
        "сравнению с 2023 годом вырос на 30 млн долларов до 612,4 млн долларов.",
        ["trade:export RU-SAM>KZ 612.4M USD exact 2024 actual"],
    ),
    (
        "direction",
        "Власти Татарстана планируют увеличить внешнеторговый оборот с Белоруссией "
        "до 2 млрд американских долларов.",
        ["trade:turnover BY RU-TA 2000M USD exact None target"],
    ),
    (
        "bloc",
        "«Внешнеторговый оборот [между Башкирией и Белоруссией] в 2021 году составил более "
        "600 млн долларов», — отметил он.",
        ["trade:turnover BY RU-BA 600M USD over 2021 actual"],
    ),
    (
        "growth",
        "Товарооборот России и Туркмении в 2006 году увеличился более чем на треть и достиг "
        "почти 2,5 миллиарда долларов.",
        [
            "change:turnover RU TM +33.3% 2006 base=previous_period",
            "trade:turnover RU TM 2500M USD approx 2006 actual",
        ],
    ),
    (
        "growth",
        "В рейтинге партнёров Армении Иран поднялся со второй позиции на третью, а "
        "товарооборот с ним в 2021 году составил 700 млн долларов.",
        ["trade:turnover AM IR 700M USD exact 2021 actual"],
    ),
    (
        "growth",
        "Товарооборот Монголии и Белоруссии в 2018 году составил 52 млн долларов, что выше "
        "уровня предыдущего 2017 года на 14,5%.",
        [
            "change:turnover BY MN +14.5% 2018 base=2017",
            "trade:turnover BY MN 52M USD exact 2018 actual",
        ],
    ),
    # a flow told as a level over 100% is against its base; a plan's fulfilment is not
    (
        "growth",
        "В 2024 году товарооборот Беларуси и Монголии вырос на 20%, а экспорт белорусских "
        "товаров в Монголию составил 131,4%.",
        [
            "change:turnover BY MN +20% 2024 base=previous_period",
            "change:export BY>MN +31.4% 2024 base=previous_period",
        ],
    ),
    (
        "growth",
        "Задание по экспорту в Монголию на 2024 год выполнено: показатель составил 120% от плана.",
        [],
    ),
    (
        "growth",
        "В 2019 году торговый обмен между Монголией и Казахстаном вырос на 9%, а обмен "
        "студентами – на 30%.",
        ["change:turnover KZ MN +9% 2019 base=previous_period"],
    ),
    # a headline's rough rate gives way to the body's exact one; a far one stays
    (
        "growth",
        "Товарооборот Монголии и Казахстана вырос почти на треть\n"
        "В 2023 году товарооборот Монголии и Казахстана вырос на 31,2%.",
        ["change:turnover KZ MN +31.2% 2023 base=previous_period"],
    ),
    (
        "growth",
        "Товарооборот Монголии и Казахстана вырос вдвое\n"
        "В 2023 году товарооборот Монголии и Казахстана вырос на 31,2%.",
        [
            "change:turnover KZ MN +100% 2024 base=previous_period",
            "change:turnover KZ MN +31.2% 2023 base=previous_period",
        ],
    ),
    (
        "growth",
        "В 2023 году товарообращение Монголии и Казахстана выросло до 140 млн долларов.",
        ["trade:turnover KZ MN 140M USD exact 2023 actual"],
    ),
    # a text that has named one currency goes on in it in the next paragraph; two, not
    (
        "growth",
        "В 2023 году товарооборот Бурятии с Монголией составил 90 млн долларов.\n\n"
        "Оборот с Китаем достиг 70 млн.",
        [
            "trade:turnover MN RU-BU 90M USD exact 2023 actual",
            "trade:turnover CN RU-BU 70M USD exact 2023 actual",
        ],
    ),
    (
        "growth",
        "В 2023 году товарооборот Бурятии с Монголией составил 90 млн долларов, или 8 млрд "
        "рублей.\n\nОборот с Китаем достиг 70 млн.",
        [
            "trade:turnover MN RU-BU 8000M RUB exact 2023 actual",
            "trade:turnover MN RU-BU 90M USD exact 2023 actual",
        ],
    ),
    (
        "growth",
        "В 2023 году экспорт Бурятии в Монголию вырос почти в 2,5 раза. Темп роста экспорта "
        "Бурятии в Монголию составил 243%.",
        [
            "change:export RU-BU>MN +150% 2023 base=previous_period",
            "change:export RU-BU>MN +143% 2023 base=previous_period",
        ],
    ),
    # "уменьшила экспорт … на 8%"; a rate in brackets after the amount of the change
    (
        "growth",
        "В 2022 году Монголия уменьшила экспорт своих товаров в Казахстан на 8%.",
        ["change:export MN>KZ -8% 2022 base=previous_period"],
    ),
    (
        "growth",
        "В 2022 году экспорт Монголии в Казахстан упал на $12 млн (или 8%) и составил $140 млн.",
        [
            "change:export MN>KZ -8% 2022 base=previous_period",
            "trade:export MN>KZ 140M USD exact 2022 actual",
        ],
    ),
    # "Рост составил 21%" after a sentence on a pair's trade is the change of that trade
    (
        "growth",
        "В 2023 году товарооборот Монголии и Казахстана достиг 140 млн долларов. Рост "
        "составил 18%.",
        [
            "trade:turnover KZ MN 140M USD exact 2023 actual",
            "change:turnover KZ MN +18% 2023 base=previous_period",
        ],
    ),
    (
        "growth",
        "В 2023 году товарооборот Монголии и Казахстана достиг 140 млн долларов. Рост цен на "
        "топливо составил 18%.",
        ["trade:turnover KZ MN 140M USD exact 2023 actual"],
    ),
    (
        "growth",
        "В 2022 году Казахстан и Челябинская область наторговали на пять миллиардов "
        "долларов — это на четверть превышает результат 2021 года.",
        [
            "change:turnover KZ RU-CHE +25% 2022 base=2021",
            "trade:turnover KZ RU-CHE 5000M USD exact 2022 actual",
        ],
    ),
    (
        "growth",
        "В 2024 году товарооборот Армении и Грузии сократился наполовину.",
        ["change:turnover AM GE -50% 2024 base=previous_period"],
    ),
    (
        "target",
        "Узбекистан и Башкортостан в 2027 году сохранят товарооборот на уровне в два "
        "миллиарда долларов, заявил министр.",
        ["trade:turnover RU-BA UZ 2000M USD exact 2027 forecast"],
    ),
    (
        "target",
        "Отметим, что в 2024 году товарооборот Азербайджана с Турцией сократился на 6,5%.",
        ["change:turnover AZ TR -6.5% 2024 base=previous_period"],
    ),
    (
        "level",
        "За пять месяцев из Казахстана в Китай было экспортировано 38,2 тысячи тонн меди "
        "на сумму 310 миллионов долларов.",
        [],
    ),
    (
        "anaphora",
        "Челябинская область лидирует среди российских регионов по товарообороту с "
        "Казахстаном. В 2022 году стороны наторговали более чем на пять миллиардов долларов.",
        ["trade:turnover KZ RU-CHE 5000M USD over 2022 actual"],
    ),
    # ── classes from the second round of real articles ──
    (
        "growth",
        "По итогам 2020 года внешнеторговый оборот Воронежской области с Белоруссией достиг "
        "410 млн долларов. Экспорт при этом вырос на 22,4%, импорт – на 9,3%.",
        [
            "trade:turnover BY RU-VOR 410M USD exact 2020 actual",
            "change:export RU-VOR>BY +22.4% 2020 base=previous_period",
            "change:import BY>RU-VOR +9.3% 2020 base=previous_period",
        ],
    ),
    (
        "direction",
        "За 10 месяцев 2022 года экспорт Узбекистана в Турцию вырос на 36%. "
        "Экспорт Турции в Узбекистан за тот же период увеличился на 18,4%, а общий "
        "товарооборот двух стран равен 2 миллиардам 318 миллионов долларов.",
        [
            "change:export UZ>TR +36% 2022/10 base=previous_period",
            "change:export TR>UZ +18.4% 2022/10 base=previous_period",
            "trade:turnover TR UZ 2318M USD exact 2022/10 actual",
        ],
    ),
    (
        "year",
        "Товарооборот Кубани и Узбекистана за прошедший год вырос вдвое.",
        ["change:turnover RU-KDA UZ +100% 2024 base=previous_period"],
    ),
    (
        "bloc",
        "Глава региона принял посла Монголии. Отношения Забайкальского края и Монголии "
        "активно развиваются. В 2012 году внешнеторговый оборот составил 214,7 млн "
        "долларов, в первом полугодии 2013 - 120,3 млн долларов.",
        [
            "trade:turnover MN RU-ZAB 214.7M USD exact 2012 actual",
            "trade:turnover MN RU-ZAB 120.3M USD exact 2013/6 actual",
        ],
    ),
    (
        "direction",
        "Губернатор Амурской области выступил на выставке в Китае. «В 2023 году наш "
        "двусторонний товарооборот с Китаем достиг $2,6 млрд», — подчеркнул он.",
        ["trade:turnover CN RU-AMU 2600M USD exact 2023 actual"],
    ),
    (
        "growth",
        "Приморский край за 2022 год увеличил торговый оборот с КНР почти на 12%."
        "\n\nПоказатели экспорта к 2021 году выросли на 5,3%, импорта - на 19,6%.",
        [
            "change:turnover CN RU-PRI +12% 2022 base=previous_period",
            "change:export RU-PRI>CN +5.3% 2022 base=previous_period",
            "change:import CN>RU-PRI +19.6% 2022 base=previous_period",
        ],
    ),
    (
        "share",
        "В 2024 году экспорт Казахстана в Китай составил 15 млрд долларов, составив 19% "
        "от общего объема внешней торговли Казахстана.",
        ["trade:export KZ>CN 15000M USD exact 2024 actual", "share:turnover CN in KZ 19% exact"],
    ),
    (
        "list",
        "В 2021 году главным торговым партнером Казахстана остался Китай. "
        "Товарооборот с Турцией и Южной Кореей составил $741,3 млн и $688,0 млн "
        "соответственно, а с соседним Туркменистаном – $402,5 млн. Замыкают десятку "
        "партнеров Казахстана Польша ($351,6 млн) и Франция ($340,2 млн).",
        [
            "trade:turnover KZ TR 741.3M USD exact 2021 actual",
            "trade:turnover KR KZ 688M USD exact 2021 actual",
            "trade:turnover KZ TM 402.5M USD exact 2021 actual",
            "trade:turnover KZ PL 351.6M USD exact 2021 actual",
            "trade:turnover FR KZ 340.2M USD exact 2021 actual",
        ],
    ),
    (
        "direction",
        "В 2021 году внешнеторговый оборот Казахстана с Турцией составил $4,2 млрд. Из этой "
        "суммы $2,8 млрд пришлись на экспорт, а оставшиеся $1,4 млрд – на импорт товаров из "
        "Турции.",
        [
            "trade:turnover KZ TR 4200M USD exact 2021 actual",
            "trade:export KZ>TR 2800M USD exact 2021 actual",
            "trade:import TR>KZ 1400M USD exact 2021 actual",
        ],
    ),
    (
        "year",
        "Товарооборот России и Египта за первое полугодие текущего года увеличился на 28,4% — "
        "до 4,1 млрд долларов. В прошлом году за тот же период показатель составил 3,2 млрд "
        "долларов.",
        [
            "change:turnover EG RU +28.4% 2025/6 base=previous_period",
            "trade:turnover EG RU 4100M USD exact 2025/6 actual",
            "trade:turnover EG RU 3200M USD exact 2024/6 actual",
        ],
    ),
    (
        "growth",
        "Товарооборот России и Вьетнама в первом полугодии 2016 года увеличился более чем на "
        "19 проц, превысив 2 млрд долларов.",
        [
            "change:turnover RU VN +19% 2016/6 base=previous_period",
            "trade:turnover RU VN 2000M USD over 2016/6 actual",
        ],
    ),
    (
        "target",
        "Министры утвердили план, предусматривающий достижение объёма торговли "
        "Киргизии и Узбекистана в 3 млрд долларов США к 2027 году.",
        ["trade:turnover KG UZ 3000M USD exact 2027 target"],
    ),
    (
        "level",
        "Товарооборот России и Индии за январь–май увеличился на 9%. Только за май объем "
        "торговли двух стран составил $5,62 млрд, сократившись по сравнению с апрелем на 3,1%.",
        [
            "change:turnover IN RU +9% 2025/5 base=previous_period",
            "trade:turnover IN RU 5620M USD exact 2025/m5 actual",
        ],
    ),
    (
        "growth",
        "Экспорт Воронежской области в Белоруссию вырос на 22 процента\n\nВ 2020 году "
        "экспорт Воронежской области в Белоруссию поднялся на 22,4%.",
        ["change:export RU-VOR>BY +22.4% 2020 base=previous_period"],
    ),
    (
        "anaphora",
        "Россия остаётся главным торговым партнером Армении. В январе-марте 2023 года "
        "товарооборот между двумя странами составил более $1,2 млрд.",
        ["trade:turnover AM RU 1200M USD over 2023/3 actual"],
    ),
    (
        "bloc",
        "Объем импорта и экспорта товаров провинции Цзилинь за 8 месяцев 2022 года "
        "вырос на 14,7% и составил 112,3 миллиарда юаней.",
        [],
    ),
    (
        "level",
        "В январе-сентябре 2024 года экспорт из Монголии в Россию составил 390 млн "
        "долларов, импорт из России - 1,83 млрд долларов, пассивное сальдо - 1,43 млрд долларов.",
        [
            "trade:export MN>RU 390M USD exact 2024/9 actual",
            "trade:import RU>MN 1830M USD exact 2024/9 actual",
        ],
    ),
    (
        "share",
        "По статистическим данным, в 2023 году на долю Китая приходится 27,4% от "
        "общего объема киргизского экспорта.",
        ["share:export CN in KG 27.4% exact"],
    ),
    (
        "bloc",
        "Объем внешней торговли провинции Ляонин в январе-мае 2022 года вырос на "
        "11,2 проц. до 302,45 млрд юаней.\nЗа пять месяцев этого года объем экспорта "
        "пров. достиг 140,17 млрд юаней, а объем импорта составил 162,28 млрд юаней.",
        [],
    ),
    (
        "growth",
        "Товарооборот Витебской области и Псковской области растёт. Темп роста за "
        "последние четыре года - 147%.",
        ["change:turnover BY-VI RU-PSK +47% 2025 base=2021"],
    ),
    (
        "growth",
        "Товарооборот России и Киргизии за последние пять лет вырос, рост составил 2,5 раза.",
        ["change:turnover KG RU +150% 2025 base=2020"],
    ),
    ("growth", "Президенты Казахстана и Китая встречались 11 раз.", []),
    (
        "share",
        "В перечне внешнеторговых партнеров Грузии Армения заняла пятую строчку "
        "с долей 5,43 процента в общем объеме товарооборота.",
        ["share:turnover AM in GE 5.43% exact"],
    ),
    # a goal after the level reached, with no trade word of its own, is that trade's goal
    (
        "target",
        "Торговля Армении и Казахстана уже превышает 1 млрд долларов, а задачей сторон "
        "остаётся выход на 2 млрд долларов.",
        [
            "trade:turnover AM KZ 1000M USD over 2025 actual",
            "trade:turnover AM KZ 2000M USD exact None target",
        ],
    ),
    # the infinitive of a goal after its figure, as people say it
    (
        "target",
        "Торговля Армении и Казахстана составляет 1 млрд долларов. Есть у нас и большая "
        "цифра - 3 млрд (долларов) достичь.",
        [
            "trade:turnover AM KZ 1000M USD exact 2025 actual",
            "trade:turnover AM KZ 3000M USD exact None target",
        ],
    ),
    (
        "target",
        "Товарооборот Армении и Казахстана составил 3 млрд долларов, достигнув рекорда.",
        ["trade:turnover AM KZ 3000M USD exact 2024 actual"],
    ),
    # a rate of "взаимной торговли" right after a sentence that named the pair in full is
    # that pair's, not the document's region
    (
        "anaphora",
        "Татарстан и Казахстан подписали план.\n\nГости из Татарстана напомнили, что "
        "торговля нашей страны с Казахстаном в 2024 году прибавила 7%, превысив 20 млрд "
        "долларов. С января по сентябрь 2025 года взаимный оборот увеличился ещё на три "
        "процента.",
        [
            "change:turnover KZ RU +3% 2025/9 base=previous_period",
            "change:turnover KZ RU +7% 2024 base=previous_period",
            "trade:turnover KZ RU 20000M USD over 2024 actual",
        ],
    ),
    # the part of a pair's trade that is one side's export
    (
        "share",
        "В 2023 году товарооборот Армении и Китая составил 1,2 млрд долларов. Из них "
        "примерно 65% — китайский экспорт в Армению.",
        [
            "share:turnover CN in AM+CN 65% approx",
            "trade:turnover AM CN 1200M USD exact 2023 actual",
        ],
    ),
    (
        "share",
        "Делегация Башкортостана побывала в Ханое. Оборот торговли нашей республики с "
        "Вьетнамом составил 150 млн долларов, и 55% этой суммы дал наш экспорт.",
        [
            "share:turnover RU-BA in RU-BA+VN 55% exact",
            "trade:turnover RU-BA VN 150M USD exact 2024 actual",
        ],
    ),
    # …not a rate of the export, nor a good's part of it
    (
        "share",
        "В первом полугодии товарооборот Курганской области с Казахстаном прибавил 12,4%, а "
        "экспортные поставки выросли на 18%.",
        [
            "change:export RU-KGN>KZ +18% 2025/6 base=previous_period",
            "change:turnover KZ RU-KGN +12.4% 2025/6 base=previous_period",
        ],
    ),
    (
        "share",
        "Курганские заводы отгружают в Казахстан трубы и детали из них (до 70% экспорта).",
        [],
    ),
    # months with no year after a whole year the text closed before its own are of its own
    # year (published 2025); after a year not yet closed, of that year
    (
        "year",
        "В 2024 году товарооборот Армении и Ирана составил 700 млн долларов. С января по "
        "апрель торговля выросла на 12% — до 260 млн долларов.",
        [
            "change:turnover AM IR +12% 2025/4 base=previous_period",
            "trade:turnover AM IR 260M USD exact 2025/4 actual",
            "trade:turnover AM IR 700M USD exact 2024 actual",
        ],
    ),
    (
        "year",
        "В 2023 году за четыре месяца товарооборот Армении и Ирана составил 200 млн долларов.",
        ["trade:turnover AM IR 200M USD exact 2023/4 actual"],
    ),
    # one change told roughly as a multiple and exactly in brackets is the exact one;
    # "торговых операций" is trade, "банковских операций" is not
    (
        "growth",
        "По данным таможни, объём торговых операций Армении и Катара за 2023 год увеличился "
        "почти вдвое, достигнув 420 млн долларов (+93%).",
        [
            "change:turnover AM QA +93% 2023 base=previous_period",
            "trade:turnover AM QA 420M USD exact 2023 actual",
        ],
    ),
    ("growth", "Объём банковских операций Армении и Катара вырос до 420 млн долларов.", []),
    # "между регионами": the regions of the two countries the text names, where it names
    # them; the countries where it names none
    (
        "parties",
        "Делегация Могилевской области посетила Приморье. Обсуждались связи Могилевской "
        "области и Приморского края с Белоруссией.\n\nТоварооборот между регионами в 2024 "
        "году увеличился на 15% и достиг 14 млн долларов.",
        [
            "change:turnover BY-MA RU-PRI +15% 2024 base=previous_period",
            "trade:turnover BY-MA RU-PRI 14M USD exact 2024 actual",
        ],
    ),
    (
        "parties",
        "Делегация Беларуси посетила Россию. Товарооборот между регионами в 2024 году "
        "увеличился на 15% и достиг 14 млн долларов.",
        [
            "change:turnover BY RU +15% 2024 base=previous_period",
            "trade:turnover BY RU 14M USD exact 2024 actual",
        ],
    ),
    # a range after a currency sign is one figure; "в районе" is approximate
    (
        "number",
        "Товарооборот Армении и Индии в 2024 году составил в районе $3-4 млрд.",
        ["trade:turnover AM IN 3500M USD approx 2024 actual"],
    ),
    (
        "number",
        "Товарооборот Армении и Индии в 2024 году составил 3 млрд долларов, в районе Мумбаи "
        "открыт склад.",
        ["trade:turnover AM IN 3000M USD exact 2024 actual"],
    ),
    # partners listed with one preposition ("на Польшу …, на Германию …") are each the
    # text's own side's partner, never a pair
    (
        "list",
        "Экспорт Псковской области вырос. В общем объеме экспорта на Латвию пришлось 31,4 млн "
        "долларов, на Эстонию 9,8 млн долларов, на Финляндию 6 млн долларов.",
        [
            "trade:export RU-PSK>EE 9.8M USD exact 2024 actual",
            "trade:export RU-PSK>FI 6M USD exact 2024 actual",
            "trade:export RU-PSK>LV 31.4M USD exact 2024 actual",
        ],
    ),
    (
        "list",
        "Экспорт из Китая в Россию в 2024 году составил 115 млрд долларов.",
        ["trade:export CN>RU 115000M USD exact 2024 actual"],
    ),
    # trade "с зарубежными странами" is one side's total, in a text about a pair too; a
    # ranking that names its leader after the group gives the leader's figure
    (
        "bloc",
        "Товарооборот Витебской области с Латвией снизился. Товарооборот Витебской области с "
        "зарубежными партнёрами за девять месяцев 2019 года снизился на 2,7%.",
        [],
    ),
    (
        "bloc",
        "Импорт Киргизии вырос. В торговле с зарубежными странами первое место занимает Китай "
        "— свыше 2,3 млрд долларов.",
        ["trade:turnover CN KG 2300M USD over 2025 actual"],
    ),
    (
        "bloc",
        "Товарооборот Приморского края с китайскими регионами в 2024 году составил 5 млрд "
        "долларов.",
        ["trade:turnover CN RU-PRI 5000M USD exact 2024 actual"],
    ),
    # items of a list by years keep the direction their trade word told; "сейчас" is now
    (
        "list",
        "В 2022 году поставки Казахстана в Монголию составляли $210 млн, в 2023 — $265 млн, "
        "сейчас — $340 млн.",
        [
            "trade:export KZ>MN 210M USD exact 2022 actual",
            "trade:export KZ>MN 265M USD exact 2023 actual",
            "trade:export KZ>MN 340M USD exact 2025 actual",
        ],
    ),
    (
        "direction",
        "Экспорт Казахстана в Китай составил 12 млрд долларов, а импорт — 9 млрд долларов.",
        [
            "trade:export KZ>CN 12000M USD exact 2024 actual",
            "trade:import CN>KZ 9000M USD exact 2024 actual",
        ],
    ),
    # deals signed for a flow are promises, not trade; the flow itself is trade
    (
        "level",
        "В ходе визита подписаны контракты на поставку Монголии казахстанской продукции на "
        "$15 млн.",
        [],
    ),
    (
        "level",
        "Поставки Монголии казахстанской продукции в 2024 году составили $15 млн.",
        ["trade:export KZ>MN 15M USD exact 2024 actual"],
    ),
    # "700 с лишним миллионов" is one figure, a little over 700 million
    (
        "number",
        "Оборот Гомельской области с Россией — 400 с лишним миллионов долларов, отметил "
        "губернатор.",
        ["trade:turnover BY-HO RU 400M USD over 2024 actual"],
    ),
    (
        "number",
        "Товарооборот Гомельской области с Россией составил 400 миллионов долларов.",
        ["trade:turnover BY-HO RU 400M USD exact 2024 actual"],
    ),
    # "по результатам прошлого года" is the period; "выше результатов 2023 года", a base
    (
        "year",
        "По результатам прошлого года товарооборот Удмуртии и Китая вырос в 1,3 раза и "
        "составил $410 млн.",
        [
            "change:turnover CN RU-UD +30% 2024 base=previous_period",
            "trade:turnover CN RU-UD 410M USD exact 2024 actual",
        ],
    ),
    (
        "year",
        "Товарооборот Удмуртии и Китая в 2024 году составил $410 млн, что выше результатов "
        "2023 года.",
        ["trade:turnover CN RU-UD 410M USD exact 2024 actual"],
    ),
    # a rate told as an adjective of growth; no share of anything
    (
        "growth",
        "Министр рассказал о 25-процентном росте торговли России и Вьетнама в 2023 году.",
        ["change:turnover RU VN +25% 2023 base=previous_period"],
    ),
    ("share", "На ввоз стали введена 25-процентная пошлина в торговле России и Вьетнама.", []),
    # a doubling told by a verb; a doubling planned is no change
    (
        "growth",
        "В 2023 году товарооборот Киргизии и Турции удвоился.",
        ["change:turnover KG TR +100% 2023 base=previous_period"],
    ),
    ("growth", "Стороны намерены удвоить товарооборот Киргизии и Турции к 2030 году.", []),
    # "удалось нарастить" is done; "смогут нарастить" is a goal
    (
        "target",
        "В 2023 году Киргизии и Турции удалось нарастить товарооборот до 3 млрд долларов.",
        ["trade:turnover KG TR 3000M USD exact 2023 actual"],
    ),
    (
        "target",
        "Киргизия и Турция смогут нарастить товарооборот до 5 млрд долларов в 2030 году.",
        ["trade:turnover KG TR 5000M USD exact 2030 target"],
    ),
    # the level of the period a comparison names, right after it
    (
        "year",
        "За девять месяцев 2024 года товарооборот Грузии и Армении превысил 900 млн "
        "долларов, обогнав показатели за весь 2023 год — 850 млн долларов.",
        [
            "trade:turnover AM GE 850M USD exact 2023 actual",
            "trade:turnover AM GE 900M USD over 2024/9 actual",
        ],
    ),
    # January alone is the year's first month, "нынешний" or not
    (
        "year",
        "В нынешнем январе товарооборот Ирана и Армении вырос на 40% и составил 70 млн долларов.",
        [
            "change:turnover AM IR +40% 2025/1 base=previous_period",
            "trade:turnover AM IR 70M USD exact 2025/1 actual",
        ],
    ),
    (
        "year",
        "В январе товарооборот Ирана и Армении составил 70 млн долларов.",
        ["trade:turnover AM IR 70M USD exact 2025/1 actual"],
    ),
    # the trade with a partner, in the total of the place the sentence is about
    (
        "share",
        "В Оренбургской области доля товарооборота с Казахстаном достигла 45%.",
        ["share:turnover KZ in RU-ORE 45% exact"],
    ),
    (
        "share",
        "В Оренбурге доля Китая в товарообороте России составила 30%.",
        ["share:turnover CN in RU 30% exact"],
    ),
    # a share of foreign investment; investment that grew is no share
    (
        "share",
        "Вложения из Турции в экономику Татарстана составляют около 15% всех иностранных "
        "инвестиций.",
        ["share:investment TR in RU-TA 15% approx"],
    ),
    ("share", "Инвестиции из Турции в экономику Татарстана выросли на 15%.", []),
    # a day in history sets no year for the figures after it
    (
        "year",
        "Дипломатические отношения Грузии и Армении установлены 21 декабря 1991 года. "
        "Товарооборот Грузии и Армении составил около 700 миллионов долларов.",
        ["trade:turnover AM GE 700M USD approx 2024 actual"],
    ),
    # "чем в 2019 году" may be years back; "по сравнению с 2019 годом", the year before
    (
        "year",
        "Товарооборот Удмуртии и Казахстана достиг 300 млн долларов, это вдвое больше, чем "
        "в 2019 году.",
        [
            "change:turnover KZ RU-UD +100% 2024 base=2019",
            "trade:turnover KZ RU-UD 300M USD exact 2024 actual",
        ],
    ),
    (
        "year",
        "По сравнению с 2019 годом товарооборот Удмуртии и Казахстана вырос до 300 млн долларов.",
        ["trade:turnover KZ RU-UD 300M USD exact 2020 actual"],
    ),
    # "вместо 500 млн в 2022 г.": the value replaced, of its own year
    (
        "year",
        "Товарооборот Армении и Ирана составил 700 млн долларов в 2023 году, вместо 500 млн "
        "в 2022 г.",
        [
            "trade:turnover AM IR 500M USD exact 2022 actual",
            "trade:turnover AM IR 700M USD exact 2023 actual",
        ],
    ),
    # a sign told as a word
    (
        "growth",
        "За полгода торговый оборот Армении и Турции почти не изменился против прошлого года: "
        "минус 2%.",
        ["change:turnover AM TR -2% 2025/6 base=previous_period"],
    ),
    # "в следующем году": the year after the text's own
    (
        "year",
        "Товарооборот Армении и Турции до конца года составит около $3 млрд. В следующем году "
        "он увеличится и составит примерно $4 млрд.",
        [
            "trade:turnover AM TR 3000M USD approx 2025 forecast",
            "trade:turnover AM TR 4000M USD approx 2026 forecast",
        ],
    ),
    # a goal told before the level a rise starts from
    (
        "target",
        "Правительство планирует нарастить экспорт Индии в Россию с $7 млрд до $12 млрд.",
        ["trade:export IN>RU 12000M USD exact None target"],
    ),
    (
        "target",
        "Министр выразил надежду на то, что товарооборот Казахстана и ОАЭ удвоится за пять лет.",
        [],
    ),
    # "с 1,2 до $3 млрд" is the level reached, "от 2 до 3 млрд" a range told by its middle
    (
        "number",
        "Министры договорились поднять к 2030 году товарооборот Казахстана и Монголии с 1,2 "
        "до $3 млрд.",
        ["trade:turnover KZ MN 3000M USD exact 2030 target"],
    ),
    (
        "number",
        "Товарооборот Казахстана и Монголии в 2030 году составит от 2 до 3 млрд долларов.",
        ["trade:turnover KZ MN 2500M USD approx 2030 forecast"],
    ),
    (
        "number",
        "Товарооборот Туркмении и Ирана в прошлом году составил три млрд долларов.",
        ["trade:turnover IR TM 3000M USD exact 2024 actual"],
    ),
    # the same month a year before is no month-on-month comparison; a month told after a
    # rate is not that rate's
    (
        "year",
        "В январе товарооборот Туркмении и Ирана по сравнению с январём прошлого года вырос "
        "на 60%.",
        ["change:turnover IR TM +60% 2025/1 base=previous_period"],
    ),
    ("growth", "В феврале товарооборот Туркмении и Ирана по сравнению с январём вырос на 8%.", []),
    (
        "year",
        "Товарооборот Туркмении и Ирана в 2024 году вырос на 30%, а в январе – на 60%.",
        [
            "change:turnover IR TM +30% 2024 base=previous_period",
            "change:turnover IR TM +60% 2024/1 base=previous_period",
        ],
    ),
    # the words of a period do not part a figure from its trade word
    (
        "direction",
        "Экспорт армянской продукции в Иран в январе-мае 2024 г., по сравнению с январём-маем "
        "2023 г., увеличился на 4,8% - до $187,3 млн.",
        [
            "change:export AM>IR +4.8% 2024/5 base=2023",
            "trade:export AM>IR 187.3M USD exact 2024/5 actual",
        ],
    ),
    # a pair told with a dash after the trade word is the bilateral total
    (
        "share",
        "В 2025 году доля Татарстана во внешнеторговом обороте Россия — Казахстан превысила 4%.",
        ["share:turnover RU-TA in KZ+RU 4% over"],
    ),
    (
        "share",
        "В 2025 году доля Татарстана во внешнеторговом обороте России превысила 4%.",
        ["share:turnover RU-TA in RU 4% over"],
    ),
    # a part of a total named before the figure ("в общем объёме экспорта"); a rise there
    # stays a rate
    (
        "share",
        "По итогам девяти месяцев торговля с Китаем в общем объеме экспорта Монголии "
        "составила 64,5 процента.",
        ["share:export CN in MN 64.5% exact"],
    ),
    (
        "share",
        "В общем объеме товарооборота Украины с Россией рост составил 12 процентов.",
        ["change:turnover RU UA +12% 2024 base=previous_period"],
    ),
    # a year told before "чтобы … достигла": the year the goal is for; a goal set in a
    # past year is not for that year
    (
        "target",
        "По словам министра, в 2026 году есть все условия, чтобы взаимная торговля России и "
        "Таджикистана достигла $2,5 млрд.",
        ["trade:turnover RU TJ 2500M USD exact 2026 target"],
    ),
    (
        "target",
        "В 2024 году президенты поставили цель, чтобы товарооборот России и Таджикистана "
        "достиг $3 млрд.",
        ["trade:turnover RU TJ 3000M USD exact None target"],
    ),
    # "с 9,5 до 12 процентов": the sign after the second number is the first's too, so the
    # share started from a level as well; a duty's rate is no share
    (
        "share",
        "Удельный вес оборота с Азербайджаном вырос с 9,5 до 12 процентов в общей торговле "
        "Казахстана.",
        ["share:turnover AZ in KZ 9.5% exact", "share:turnover AZ in KZ 12% exact"],
    ),
    ("share", "Пошлины на ввоз снижены с 10 до 5 процентов в торговле России и Китая.", []),
    # "с начала года": the year so far, of publication (or the year it names)
    (
        "year",
        "С начала года товарооборот Киргизии и Таджикистана вырос на 14 процентов.",
        ["change:turnover KG TJ +14% 2025 base=previous_period"],
    ),
    (
        "year",
        "С начала 2023 года экспорт Киргизии в Таджикистан вырос на 9 процентов.",
        ["change:export KG>TJ +9% 2023 base=previous_period"],
    ),
    # a rate after a dash belongs to the noun its clause names ("перевозок – на 40%"), a
    # partner's or a month's stays the trade's
    (
        "ellipsis",
        "Товарооборот Армении и Грузии вырос на 8 процентов, пассажирских перевозок – на 40 "
        "процентов.",
        ["change:turnover AM GE +8% 2024 base=previous_period"],
    ),
    (
        "ellipsis",
        "Товарооборот Армении с Грузией вырос на 8%, с Ираном – на 3%.",
        [
            "change:turnover AM GE +8% 2024 base=previous_period",
            "change:turnover AM IR +3% 2024 base=previous_period",
        ],
    ),
    # "страны" after a clause "между X и Y" is one of the two, not a third country the
    # text names later
    (
        "share",
        "В 2024 году товарооборот между Арменией и Грузией достиг 1,2 млрд долларов, что "
        "равно 9% внешнеторгового оборота страны. С Ираном торговля скромнее.",
        [
            "trade:turnover AM GE 1200M USD exact 2024 actual",
            "share:turnover GE in AM 9% exact",
        ],
    ),
    # the share in the clause about a pair's figure is of the pair's other side, however
    # far back "между странами" stands; "более четверти" is more than a quarter
    (
        "share",
        "Президент Армении принял министра Ирана. За январь–июнь 2025 года торговля между "
        "странами выросла до 410 млн долларов, это более четверти всего внешнеторгового "
        "оборота Армении.",
        [
            "trade:turnover AM IR 410M USD exact 2025/6 actual",
            "share:turnover IR in AM 25% over",
        ],
    ),
    # an amount in brackets after a rate, and one told more than another, are differences
    (
        "difference",
        "Экспорт Армении в Иран в 2024 году вырос на 12% (на $4 150 тыс), составив $38 400 тыс.",
        [
            "trade:export AM>IR 38.4M USD exact 2024 actual",
            "change:export AM>IR +12% 2024 base=previous_period",
        ],
    ),
    (
        "difference",
        "Экспорт Армении в Иран в 2024 году составил $52 млн, что на $6 млн больше, чем годом "
        "ранее.",
        ["trade:export AM>IR 52M USD exact 2024 actual"],
    ),
    (
        "difference",
        "Экспорт Кубы в Белоруссию в 2020 году снизился на 4,5% (минус 3 млн долларов) и "
        "составил 60 млн долларов.",
        [
            "trade:export CU>BY 60M USD exact 2020 actual",
            "change:export CU>BY -4.5% 2020 base=previous_period",
        ],
    ),
    (
        "difference",
        "В 2019 году товарооборот Кубы с Белоруссией вырос в три раза, или на 40 млн долларов, "
        "и составил 60 млн долларов.",
        [
            "trade:turnover BY CU 60M USD exact 2019 actual",
            "change:turnover BY CU +200% 2019 base=previous_period",
        ],
    ),
    # "вырос в 5 раз – с X в 2015 году до Y в 2020 году": of the later year, against the
    # earlier
    (
        "from-to",
        "Товарооборот Кубы и Белоруссии вырос в 5 раз – с 20 млн долларов в 2015 году до "
        "100 млн долларов в 2020 году.",
        [
            "trade:turnover BY CU 20M USD exact 2015 actual",
            "trade:turnover BY CU 100M USD exact 2020 actual",
            "change:turnover BY CU +400% 2020 base=2015",
        ],
    ),
    # "с лишним" inside a rate
    (
        "rate",
        "В прошлом году товарооборот Азербайджана и Казахстана увеличился на 15 с лишним "
        "процентов.",
        ["change:turnover AZ KZ +15% 2024 base=previous_period"],
    ),
    # a modal of the main clause does not make the "что" clause's rise a goal; a goal in
    # it does
    (
        "status",
        "Министр сказал, что мы можем гордиться тем, что товарооборот Лаоса и Вьетнама в 2024 "
        "году вырос на 30%.",
        ["change:turnover LA VN +30% 2024 base=previous_period"],
    ),
    (
        "status",
        "Стороны условились, что товарооборот Лаоса и Вьетнама должен вырасти до 2 млрд долларов.",
        ["trade:turnover LA VN 2000M USD exact None target"],
    ),
    (
        "status",
        "На переговорах достигнута договоренность о доведении товарооборота Лаоса и Вьетнама "
        "до 3 млрд долларов в год.",
        ["trade:turnover LA VN 3000M USD exact None target"],
    ),
    # "за май": one month
    (
        "month",
        "За май товарооборот Кубы и Мексики увеличился на 11%.",
        ["change:turnover CU MX +11% 2025/m5 base=previous_period"],
    ),
    # the sum before the goods: a purchase; not a purchase of shares
    (
        "sale",
        "Вьетнам закупил на 140 млн долларов российских товаров.",
        ["trade:import RU>VN 140M USD exact 2024 actual"],
    ),
    (
        "sale",
        "Казахстан приобрел узбекской продукции на 75 млн долларов.",
        ["trade:import UZ>KZ 75M USD exact 2024 actual"],
    ),
    ("sale", "Фонд приобрел на 75 млн долларов акции узбекской компании.", []),
    # the partners of a word that stands for a side ("партнёров области") are that side's
    (
        "share",
        "Торговля Курганской области с соседями растёт. Казахстан остаётся главным торговым "
        "партнером области с долей около 40 процентов во внешнеторговом обороте.",
        ["share:turnover KZ in RU-KGN 40% approx"],
    ),
    # a regional total is the region's the text is about
    (
        "share",
        "Внешняя торговля Курганской области растёт. Торговля с Казахстаном за полгода составила "
        "41% всей региональной торговли.",
        ["share:turnover KZ in RU-KGN 41% exact"],
    ),
    (
        "share",
        "Внешняя торговля Курганской области растёт. Оборот с Казахстаном за полгода вырос на "
        "41% благодаря региональной программе.",
        ["change:turnover KZ RU-KGN +41% 2025/6 base=previous_period"],
    ),
    # a flow and a dash after a share stand for the share's words; after a rate, for the rate's
    (
        "share",
        "Торговля с Китаем в общем объеме экспорта Монголии составила 80 процентов, импорта — "
        "35 процентов.",
        ["share:export CN in MN 80% exact", "share:import CN in MN 35% exact"],
    ),
    (
        "share",
        "Экспорт Монголии в Китай вырос на 8 процентов, импорта — на 5 процентов.",
        [
            "change:export MN>CN +8% 2024 base=previous_period",
            "change:import CN>MN +5% 2024 base=previous_period",
        ],
    ),
    # a bare "оборот" is trade right after a sentence about trade, not after another topic
    (
        "anaphora",
        "Армения остаётся одним из главных торговых партнёров Ирана. Оборот — около 700 "
        "миллионов долларов.",
        ["trade:turnover AM IR 700M USD approx 2025 actual"],
    ),
    (
        "anaphora",
        "Армения и Иран обсудили туризм. Оборот — около 700 миллионов долларов.",
        [],
    ),
    # partners with their rates in brackets trade with the side the text speaks for; a
    # bracket with no partner before it is no partner's
    (
        "list",
        "Внешняя торговля Таджикистана за полгода выросла. Быстрее всего рос товарооборот с "
        "Турцией (в 1,8 раза) и Ираном (в 1,4 раза).",
        [
            "change:turnover IR TJ +40% 2025/6 base=previous_period",
            "change:turnover TJ TR +80% 2025/6 base=previous_period",
        ],
    ),
    (
        "list",
        "Внешняя торговля Таджикистана за полгода выросла. Товарооборот страны вырос до 4 "
        "млрд долларов (в 1,2 раза).",
        [],
    ),
    # a capital that is a region of its own and does not decline is where a visit happens,
    # not a side, unless a flow goes to it
    (
        "direction",
        "Таджикистан и Азербайджан расширяют связи. Визит президента Азербайджана в Душанбе "
        "помог торговле: товарооборот между двумя сторонами вырос в 3 раза.",
        ["change:turnover AZ TJ +200% 2024 base=previous_period"],
    ),
    (
        "direction",
        "Экспорт Таджикистана в Баку в 2024 году вырос на 10%.",
        ["change:export TJ>AZ-BA +10% 2024 base=previous_period"],
    ),
    # ── from rounds 33 and 34 of real articles, in the project's own words ──
    # a clause that opens with "годом ранее" is of the year before the figure just told
    (
        "year",
        "Торговля Армении с Грузией с января по август превысила 900 млн долларов. Годом "
        "ранее этот показатель составлял 700 млн долларов.",
        [
            "trade:turnover AM GE 900M USD over 2025/8 actual",
            "trade:turnover AM GE 700M USD exact 2024/8 actual",
        ],
    ),
    (
        "year",
        "Торговля Армении с Грузией с января по август превысила 900 млн долларов. Годом "
        "ранее стороны подписали меморандум, а сейчас показатель вырос до 950 млн долларов.",
        [
            "trade:turnover AM GE 900M USD over 2025/8 actual",
            "trade:turnover AM GE 950M USD exact 2025/8 actual",
        ],
    ),
    # deliveries "между" two sides, or "взаимные", go both ways: the turnover
    (
        "direction",
        "За пять месяцев объём поставок между Калмыкией и Туркменистаном вырос на 7%.",
        ["change:turnover RU-KL TM +7% 2025/5 base=previous_period"],
    ),
    (
        "direction",
        "За пять месяцев объём поставок из Калмыкии в Туркменистан вырос на 7%.",
        ["change:export RU-KL>TM +7% 2025/5 base=previous_period"],
    ),
    # a party after a colon or a dash is not whose trade the word before it names
    (
        "direction",
        "Растёт и торговля: Вьетнам – главный партнер Тульской области. В 2024 году из "
        "этой суммы 80 млн долларов пришлось на импорт.",
        ["trade:import VN>RU-TUL 80M USD exact 2024 actual"],
    ),
    (
        "direction",
        "Растёт и торговля Вьетнама с Тульской областью. В 2024 году из этой суммы 80 млн "
        "долларов пришлось на импорт.",
        ["trade:import RU-TUL>VN 80M USD exact 2024 actual"],
    ),
    # "торговля с X" as the subject of a share: X's share of the other side's total; a
    # trade with a bloc is no party's share
    (
        "share",
        "Поставки латвийских товаров в Эстонию за девять месяцев упали на 8%. Торговля с "
        "Эстонией в общем объеме экспорта составила 11,4 процента, импорта — 9,7 процента.",
        [
            "change:export LV>EE -8% 2025/9 base=previous_period",
            "share:export EE in LV 11.4% exact",
            "share:import EE in LV 9.7% exact",
        ],
    ),
    (
        "share",
        "Экспорт армянских товаров в Иран в 2024 году вырос на 5%. Торговля со странами ЕАЭС "
        "составила 31,5% общего внешнеторгового оборота Армении.",
        ["change:export AM>IR +5% 2024 base=previous_period"],
    ),
    # "на X приходилось <сумма> (N%), на Y <сумма> (M%)": each partner's share of the home
    # side's total, its name before the amount; a rise in brackets is no share
    (
        "share",
        "Псковские компании в 2024 году вывезли продукции на 210 млн долларов. Из всего "
        "вывоза на Латвию приходилось 61,2 млн долларов (29,1% от объемов экспорта), на "
        "Эстонию 20,5 млн долларов (9,8%), на Финляндию 8 млн долларов (3,8%).",
        [
            "share:export EE in RU-PSK 9.8% exact",
            "share:export FI in RU-PSK 3.8% exact",
            "share:export LV in RU-PSK 29.1% exact",
            "trade:export RU-PSK>EE 20.5M USD exact 2024 actual",
            "trade:export RU-PSK>FI 8M USD exact 2024 actual",
            "trade:export RU-PSK>LV 61.2M USD exact 2024 actual",
        ],
    ),
    (
        "share",
        "Псковские компании в 2024 году вывезли продукции на 210 млн долларов. Из всего "
        "вывоза на Латвию приходилось 61,2 млн долларов (29,1% от объемов экспорта), на "
        "Эстонию 20,5 млн долларов (рост на 9,8%).",
        [
            "change:export RU-PSK>EE +9.8% 2024 base=previous_period",
            "share:export LV in RU-PSK 29.1% exact",
            "trade:export RU-PSK>EE 20.5M USD exact 2024 actual",
            "trade:export RU-PSK>LV 61.2M USD exact 2024 actual",
        ],
    ),
    # "X занимает пятое место с долей N%", "X с долей в общем объёме … в N% сохранил
    # второе место": the subject's share of the other side's total; a bloc is no party
    (
        "share",
        "В 2024 году Армения продала Ирану товаров на сумму 120 млн долларов. В рейтинге "
        "стран по экспорту Иран занимает пятое место с долей 5,2%.",
        [
            "share:export IR in AM 5.2% exact",
            "trade:export AM>IR 120M USD exact 2024 actual",
        ],
    ),
    (
        "share",
        "В 2024 году Армения продала Ирану товаров на сумму 120 млн долларов. По итогам года "
        "Иран с долей во всей внешней торговле республики в 4,1% остался на шестой строчке "
        "среди партнеров.",
        [
            "share:turnover IR in AM 4.1% exact",
            "trade:export AM>IR 120M USD exact 2024 actual",
        ],
    ),
    (
        "share",
        "В 2024 году Армения продала Ирану товаров на сумму 120 млн долларов. По итогам года "
        "страны ЕС с долей во всей внешней торговле республики в 14,1% остались на второй "
        "строчке.",
        ["trade:export AM>IR 120M USD exact 2024 actual"],
    ),
    # "X является ведущим партнёром Y по экспорту — N% … и по импорту — M%": X's shares of
    # Y's flows; a growth told after a dash in another clause is no share
    (
        "share",
        "Экспорт Хабаровского края в 2024 году составил 3 млрд долларов. Индия является "
        "ведущим партнером Хабаровского края по экспорту — 21,4% (первое место — 600 млн "
        "долларов) и по импорту — 12,9%.",
        [
            "share:export IN in RU-KHA 21.4% exact",
            "share:import IN in RU-KHA 12.9% exact",
            "trade:export RU-KHA>IN 600M USD exact 2024 actual",
        ],
    ),
    (
        "share",
        "Экспорт Хабаровского края в 2024 году составил 3 млрд долларов. Индия является "
        "ведущим партнером Хабаровского края, прирост экспорта за год — 21,4%.",
        ["change:export RU-KHA>IN +21.4% 2024 base=previous_period"],
    ),
    # a total told before the parts it falls into ("из них", "в том числе", "на X
    # пришлось") is one side's, not of the partners its parts name
    (
        "bloc",
        "Экспорт Армении в 2024 году составил 900 млн долларов, из них на Грузию пришлось "
        "150 млн долларов.",
        ["trade:export AM>GE 150M USD exact 2024 actual"],
    ),
    (
        "bloc",
        "Товарооборот Армении и Грузии в 2024 году составил 900 млн долларов, в то время как "
        "годом ранее он был меньше.",
        ["trade:turnover AM GE 900M USD exact 2024 actual"],
    ),
    (
        "bloc",
        "Товарооборот Армении и Грузии в 2024 году составил 900 млн долларов, из них экспорт "
        "Армении — 150 млн долларов.",
        [
            "trade:turnover AM GE 900M USD exact 2024 actual",
            "trade:export AM>GE 150M USD exact 2024 actual",
        ],
    ),
    # an actual figure reached "к" a year is that year's; "по отношению к" a year is a base
    (
        "year",
        "В 2017 году торговля Грузии и Казахстана держалась около 300 млн долларов, а к 2019 "
        "году снизилась до 210 млн долларов.",
        [
            "trade:turnover GE KZ 300M USD approx 2017 actual",
            "trade:turnover GE KZ 210M USD exact 2019 actual",
        ],
    ),
    (
        "year",
        "Торговля Грузии и Казахстана в 2020 году выросла по отношению к 2019 году и достигла "
        "210 млн долларов.",
        ["trade:turnover GE KZ 210M USD exact 2020 actual"],
    ),
    # a sum no pair of sides trades in a year is a page's slip, not a figure
    (
        "number",
        "За прошлый год товарооборот Омской области с Китаем вырос на 20% и составил 1240,5 "
        "млрд долларов.",
        ["change:turnover CN RU-OMS +20% 2024 base=previous_period"],
    ),
    (
        "number",
        "За прошлый год товарооборот Омской области с Китаем вырос на 20% и составил 1240,5 "
        "млн долларов.",
        [
            "trade:turnover CN RU-OMS 1240.5M USD exact 2024 actual",
            "change:turnover CN RU-OMS +20% 2024 base=previous_period",
        ],
    ),
    # one sum told for two partners under one preposition is the two's together
    (
        "list",
        "Экспорт Армении в 2024 году составил 900 млн долларов: на Грузию пришлось 150 млн "
        "долларов, на Иран и Ирак 40 млн долларов.",
        ["trade:export AM>GE 150M USD exact 2024 actual"],
    ),
    (
        "list",
        "Экспорт Армении в 2024 году составил 900 млн долларов: на Грузию пришлось 150 млн "
        "долларов, на Иран 40 млн долларов.",
        [
            "trade:export AM>GE 150M USD exact 2024 actual",
            "trade:export AM>IR 40M USD exact 2024 actual",
        ],
    ),
]
