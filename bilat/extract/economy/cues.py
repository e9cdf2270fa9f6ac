"""Keyword tables read over token lemmas: indicators, qualifiers, status, change, share.

Each table is data: a lemma (or a pair of lemmas) and what it signals. The rules in
``trade``, ``change`` and ``share`` look these up around a figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilat.model import Token

# Lemma → trade indicator. "оборот" alone is too vague (cash turnover, retail turnover):
# it counts only after one of TRADE_ADJECTIVES.
INDICATORS = {
    "товарооборот": "turnover",
    "товарообмен": "turnover",
    "товарообращение": "turnover",
    "наторговать": "turnover",
    "экспорт": "export",
    "поставка": "export",
    "вывоз": "export",
    "экспортировать": "export",
    "экспортный": "export",
    "экспортёр": "export",
    "экспортер": "export",
    "импорт": "import",
    "ввоз": "import",
    "импортировать": "import",
    "импортный": "import",
}
TRADE_ADJECTIVES = {"торговый", "внешнеторговый", "взаимный", "товарный", "двусторонний"}
# "объём торговли": the noun after "объём" tells; "объём торговых операций" too
TRADE_NOUNS = {"оборот", "торговля", "операция", "обмен"}
# The balance of trade: money, but not the trade itself.
# "превышение экспорта над импортом составляет $25,7 млн" is a surplus.
BALANCE_WORDS = {"сальдо", "профицит", "дефицит", "превышение"}
# Deals whose subject a trade word after "на" names: "контракты на поставку" are promises.
CONTRACT_WORDS = {"документ", "контракт", "договор", "соглашение", "заказ", "сделка"}
# Words before a trade word that make a money figure something else than the trade.
NOT_THE_TRADE = BALANCE_WORDS | {
    "поддержка",
    "финансирование",
    "кредитование",
    "стимулирование",
    "страхование",
    "субсидирование",
}
# Nouns after "экспорт"/"поставки" that keep it the whole flow: goods in general, or whose
# flow it is ("экспорт республики", "поставки предприятий региона").
WHOLE_FLOW_WORDS = {
    "товар",
    "продукция",
    "услуга",
    "республика",
    "край",
    "область",
    "регион",
    "страна",
    "государство",
    "провинция",
    "аймак",
    "префектура",
    "район",
    "округ",
    "город",
    "предприятие",
    "компания",
    "организация",
    "производитель",
    "экспортер",
    "экспортёр",
    "сторона",
    "партнер",
    "партнёр",
    "год",
    "месяц",
    "период",
    "квартал",
    "полугодие",
    "объем",
    "объём",
    "сумма",
    "рост",
    "стоимость",
}
# How far after a trade word its goods may be named: "поставки в Астраханскую область
# иранской керамики".
PRODUCT_REACH = 7
# Trade words whose plural is still one flow: "поставки труб".
FLOW_PLURALS = {"поставка"}
# A total of one party's foreign trade, not a bilateral figure, unless a partner is named.
TOTAL_MARKERS = {"внешнеторговый", "внешний", "общий"}

# Words that stand for the indicator of the sentence before: "этот показатель", "он".
ANAPHORA_NOUNS = {"показатель", "цифра", "темп"}
ANAPHORA_DETERMINERS = {"этот", "данный", "такой"}
ANAPHORA_PRONOUNS = {"он", "она", "это"}
# "Рост составил 21%" after a sentence on a pair's trade: a change of what it gave.
ANAPHORA_CHANGE_NOUNS = {"рост", "прирост", "увеличение", "снижение", "сокращение", "падение"}

# Money that is not trade even when a trade word stands before it: a debt for supplies,
# the price of imports, a fine. Checked between the indicator and the figure.
OTHER_MONEY_WORDS = BALANCE_WORDS | {
    "задолженность",
    "долг",
    "задолжать",
    "штраф",
    "цена",
    "тариф",
    "ущерб",
    "выручка",
    "прибыль",
    "зарплата",
    "пенсия",
    "пошлина",
}
# Nouns of a clause of its own: a trade word before one of these does not reach a figure
# after it ("сократил поставки в Минск, поскольку соседи задолжали 1,5 млрд").
CLAUSE_BREAKS = {
    "поскольку",
    "потому",
    "хотя",
    "однако",
    "если",
    "когда",
    "чтобы",
    "пока",
    "ибо",
    ";",
}
# Money lost or missed is a shortfall, not the trade: "потеряла на экспорте 3 млрд евро",
# "торговля недосчиталась $2 млрд". Checked from just before the trade word to the figure.
LOSS_WORDS = {"потерять", "потеря", "недосчитаться", "недополучить", "упустить", "убыток"}
# How far before the trade word a loss may be told: "Германия потеряла на экспорте".
LOSS_REACH = 3
# Units of goods counted by weight or volume: "77,3 тыс. т зерна", "1,2 млн баррелей".
VOLUME_UNITS = {"тонна", "т", "баррель", "кубометр", "киловатт-час", "литр"}
# "по итогам года", "к концу года": the end of a year left unnamed.
YEAR_END_WORDS = {"итог", "конец"}
# A price of something is not its volume: "цены на импорт выросли на 11%".
PRICE_WORDS = {"цена", "стоимость", "тариф", "курс"}
# What a trade word may name when it is a physical flow ("поставки нефти вдвое
# увеличат объём"): such rates of change belong to volumes.
COMMODITY_WORDS = {
    "нефть",
    "газ",
    "зерно",
    "пшеница",
    "уголь",
    "электроэнергия",
    "нефтепродукт",
    "энергия",
    "топливо",
    "руда",
    "металл",
    "удобрение",
}
# Nouns that name a share's total: "10% товарооборота", "18% экспорта".
SHARE_TOTALS = {"товарооборот", "товарообмен", "оборот", "торговля", "экспорт", "импорт"}

INVESTMENT_WORDS = {
    "инвестиция",
    "инвестировать",
    "вложение",
    "вложить",
    "инвестпроект",
    "инвестор",
    "капиталовложение",
    "стоимость",
    "финансирование",
    "кредит",
    "бюджет",
    "грант",
    "заём",
    "заем",
    "контракт",
}

# Words right before a figure → qualifier.
QUALIFIERS = {
    "порядка": "approx",
    "около": "approx",
    "почти": "approx",
    "примерно": "approx",
    "близкий": "approx",
    "приблизительно": "approx",
    "ориентировочно": "approx",
    "практически": "approx",
    "свыше": "over",
    "более": "over",
    "больше": "over",
    "выше": "over",
    "сверх": "over",
    "менее": "under",
    "меньше": "under",
    "ниже": "under",
}
# Two words right before a figure → qualifier: "в районе $3-4 млрд".
PHRASE_QUALIFIERS = {("в", "район"): "approx"}
NEGATED_QUALIFIERS = {
    "более": "under",
    "больше": "under",
    "менее": "over",
    "меньше": "over",
    "превышать": "under",
}
# Verbs whose object is the figure and that say how it relates to it.
QUALIFYING_VERBS = {
    "превысить": "over",
    "превышать": "over",
    "перевалить": "over",
    "приблизиться": "approx",
    "приближаться": "approx",
}

# Status. TARGET_WORDS signal a goal in any form; GOAL_VERBS only when not in the past
# ("достиг 406 млн" is a fact, "достичь 10 млрд" a goal).
TARGET_WORDS = {
    "надежда",  # "выразил надежду на удвоение товарооборота"
    "довести",
    "доводить",
    "доведение",  # "договоренность о доведении товарооборота до 5 млрд"
    "планировать",
    "план",
    "цель",
    "намереваться",
    "намерен",
    "рассчитывать",
    "задача",
    "стремиться",
    "наметить",
    "готовый",
    "ориентир",
    "договориться",
    "нацелить",
    "целевой",
    "планироваться",
    "предстоять",
    "потенциал",
    "достижение",
    "предусматривать",
    "должный",
    "чтобы",  # "хотим, чтобы товарооборот составил": a wish ("хочу отметить" is none)
    "способный",  # "способны добиться $15 млрд"
}
# Words of intent that, in the past tense, tell a goal reached: "довели до 7 млрд".
REACHING_VERBS = {"довести", "доводить"}
GOAL_VERBS = {
    "достичь",
    "достигнуть",
    "выйти",
    "вывести",  # "вывести товарооборот на уровень 10 млрд"
    "увеличить",
    "нарастить",
    "составить",
    "удвоить",
    "утроить",
    "превысить",
    "поднять",
    "расширить",
    "довести",
}
# ("по оценкам", "предварительные данные" speak of a past figure: they are not forecasts)
FORECAST_WORDS = {
    "прогноз",
    "прогнозировать",
    "прогнозироваться",
    "ожидаться",
    "ожидать",
    "ожидаемый",
    "может",
    "мочь",
}

RISE_WORDS = {
    "вырасти",
    "увеличиться",
    "рост",
    "прирост",
    "возрасти",
    "подняться",
    "расти",
    "увеличение",
    "выше",
    "нарастить",
    "прибавить",
    "повыситься",
    "увеличить",
    "вырастать",
    "увеличиваться",
    # "что превышает прошлогодний результат на 30%"
    "превышать",
    "превысить",
}
FALL_WORDS = {
    "сократиться",
    "снизиться",
    "упасть",
    "уменьшиться",
    "снижение",
    "сокращение",
    "падение",
    "спад",
    "ниже",
    "сокращаться",
    "снижаться",
    "уменьшение",
    "потерять",
    "сократить",
    "снизить",
    "уменьшить",  # "Молдова уменьшила экспорт … на 41,8%"
    "уменьшать",
}
# Comparatives that follow the percentage: "на 6% больше, чем годом ранее". Only after
# it: before a figure "больше" is a qualifier ("больше 3 млрд").
# ("выше"/"ниже" may come lemmatised as the adverbs "высоко"/"низко")
RISE_AFTER = {"выше", "высоко", "больше", "большой", "больший", "более", "превышать", "превысить"}
FALL_AFTER = {"ниже", "низко", "меньше", "маленький", "меньший", "менее"}

SHARE_WORDS = {"доля", "приходиться", "удельный", "структура", "часть"}
# "десятая часть" and the like → percent; such shares are always approximate.
FRACTIONS = {"половина": 50.0, "треть": 33.3, "четверть": 25.0}
FRACTION_ORDINALS = {
    "второй": 50.0,
    "третий": 33.3,
    "четвёртый": 25.0,
    "четвертый": 25.0,
    "пятый": 20.0,
    "шестой": 16.7,
    "седьмой": 14.3,
    "восьмой": 12.5,
    "десятый": 10.0,
}
# Labels a share's part may carry instead of a party.
PART_LABELS = {
    "мсб": "SME",
    "малый": "SME",
    "несырьевой": "non-commodity",
    "сырьевой": "commodity",
    "продовольствие": "food",
    "машиностроение": "machinery",
    "энергоноситель": "energy",
    "энергоресурс": "energy",
    "сельхозпродукция": "agriculture",
    "продукт": "food",
}


@dataclass(frozen=True)
class Cue:
    index: int  # token index in the sentence
    kind: str
    value: str


# Verbs of selling and buying goods, a flow only when goods and a sum follow: "продали в
# Казахстан товаров на 120 млн долларов", "закупил в России продовольствия на сумму …";
# not "поставили задачу", "продали компанию".
SALE_VERBS = {
    "продать": "export",
    "продавать": "export",
    "поставить": "export",
    "поставлять": "export",
    "отправить": "export",
    "вывезти": "export",
    "закупить": "import",
    "закупать": "import",
    "купить": "import",
    "приобрести": "import",
    "приобретать": "import",
    "ввезти": "import",
    "ввозить": "import",
}
GOODS = {"товар", "продукция", "продовольствие", "продукт"}
# How far after its verb the goods and the sum may stand.
SALE_REACH = 8


def indicator_cues(tokens: Sequence[Token]) -> list[Cue]:
    """Every trade indicator named in a sentence, by token index."""
    cues = []
    for i, token in enumerate(tokens):
        indicator = INDICATORS.get(token.lemma)
        if indicator is None and token.lemma in SALE_VERBS and _goods_for_a_sum(tokens, i):
            flow = "export" if brought_into(tokens, i) else SALE_VERBS[token.lemma]
            cues.append(Cue(i, "indicator", flow))  # goods in general
            continue
        if indicator is None and token.lemma in TRADE_NOUNS:
            indicator = _trade_noun(tokens, i)
        if indicator == "export" and _both_ways(tokens, i):
            indicator = "turnover"
        if (
            indicator
            and not _of_a_product(tokens, i)
            and not _about_other_money(tokens, i)
            and not _the_whole_of_a_structure(tokens, i)
        ):
            cues.append(Cue(i, "indicator", indicator))
    return cues


def _both_ways(tokens: Sequence[Token], i: int) -> bool:
    """ "поставки между регионами", "взаимные поставки": deliveries both ways are the
    turnover."""
    before = tokens[i - 1].lemma if i else ""
    after = tokens[i + 1].lemma if i + 1 < len(tokens) else ""
    return tokens[i].lemma == "поставка" and (after == "между" or before == "взаимный")


# "в структуре товарооборота": the whole a flow named beside it is a part of
STRUCTURE_WORDS = {"структура"}
STRUCTURE_REACH = 3


def _the_whole_of_a_structure(tokens: Sequence[Token], i: int) -> bool:
    """ "Экспортные поставки в структуре казахстанско-киргизского товарооборота выросли":
    the turnover is the frame, the export is what the sentence tells; alone in its
    sentence ("В структуре товарооборота … 3 млрд") the turnover stays the indicator."""
    if not any(t.lemma in STRUCTURE_WORDS for t in tokens[max(0, i - STRUCTURE_REACH) : i]):
        return False
    return any(
        INDICATORS.get(t.lemma) in {"export", "import"} for k, t in enumerate(tokens) if k != i
    )


def brought_into(tokens: Sequence[Token], verb: int) -> bool:
    """ "ввезла в РФ": a verb of bringing in with a destination, where its subject is the
    one who brings the goods, not the one who receives them ("в" after "ввезти" is always
    where to; the tagger reads "в РФ" as a locative)."""
    return tokens[verb].lemma in {"ввезти", "ввозить"} and any(
        t.head == verb and t.pos == "PROPN" and j and tokens[j - 1].lemma in {"в", "во"}
        for j, t in enumerate(tokens)
    )


def _goods_for_a_sum(tokens: Sequence[Token], i: int) -> bool:
    """ "… товаров на сумму 332 млн", "… продукции на 700 млн": goods, then "на" and a sum."""
    rest = [t.lemma for t in tokens[i + 1 : i + 1 + SALE_REACH]]
    goods = next((n for n, lemma in enumerate(rest) if lemma in GOODS), None)
    if goods is None:
        return False

    def unbroken(stop: int) -> bool:
        return not any(t.pos == "PUNCT" for t in tokens[i + 1 : i + 1 + stop])

    # "товаров на сумму", "товары из Китая на 476 млн"; the sum first: "закупила на 322 млн
    # долларов российских товаров"
    return ("на" in rest[goods + 1 : goods + 5] and unbroken(goods + 5)) or (
        "на" in rest[: min(goods, SUM_FIRST_REACH)] and unbroken(goods)
    )


# "закупила на 322 млн долларов российских товаров": the sum between verb and goods
# takes up to this many words.
SUM_FIRST_REACH = 2


def _about_other_money(tokens: Sequence[Token], i: int) -> bool:
    """ "Сальдо внешней торговли", "на поддержку экспорта": the money is the balance of the
    trade or money spent on it, not the trade itself; "контракты на поставку … на $15
    млн": what contracts promise, not what was traded."""
    # "превышение экспорта над импортом": three words back for the second flow
    return (
        any(t.lemma in NOT_THE_TRADE for t in tokens[max(0, i - 3) : i])
        or _under_a_balance(tokens, i)
        or _a_contracts_subject(tokens, i)
        or _of_a_district_or_crossing(tokens, i)
    )


# "через КПП Хоргос", "через таможню порта": the trade that passes one post
CROSSING_WORDS = {"кпп", "пункт", "таможня", "погранпереход", "переход"}
DISTRICT_REACH = 4


def _of_a_district_or_crossing(tokens: Sequence[Token], i: int) -> bool:
    """ "Объём внешней торговли Оршанского района с Россией", "объём торговли через КПП
    Хоргос": the trade of a part of a side, not of the side; "автономного района"
    (Xinjiang, Inner Mongolia) is a side of its own."""
    district = any(
        t.lemma == "район" and t.feats.get("Case") == "Gen" and tokens[k - 1].lemma != "автономный"
        for k, t in enumerate(tokens[i + 1 : i + 1 + DISTRICT_REACH], start=i + 1)
    )
    crossing = any(
        t.lemma == "через" and any(u.lemma.lower() in CROSSING_WORDS for u in tokens[k + 1 : k + 3])
        for k, t in enumerate(tokens)
    )
    return district or crossing


def _a_contracts_subject(tokens: Sequence[Token], i: int) -> bool:
    """ "контракты на поставку", "договор об экспорте", "экспортные договоры": deals signed
    for a flow."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        i >= 2
        and tokens[i - 1].lemma in {"на", "о", "об"}
        and tokens[i - 2].lemma in CONTRACT_WORDS
    ) or (tokens[i].pos == "ADJ" and after is not None and after.lemma in CONTRACT_WORDS)


def _under_a_balance(tokens: Sequence[Token], i: int) -> bool:
    """ "Превышение экспорта над импортом в торговле с Бельгией составило …": a trade word
    the balance governs."""
    node = i
    for _ in range(BALANCE_DEPTH):
        node = tokens[node].head
        if node < 0:
            return False
        if tokens[node].lemma in BALANCE_WORDS:
            return True
    return False


# How far up the tree a balance word may govern a trade word.
BALANCE_DEPTH = 3


def _of_a_product(tokens: Sequence[Token], i: int) -> bool:
    """ "экспорт масла", "поставки труб стальных", "импорт фруктов": the flow of one product,
    not the trade between two sides; "экспорт товаров", "поставки продукции предприятий",
    "экспорт республики" are the whole of it."""
    if tokens[i].feats.get("Number") == "Plur" and tokens[i].lemma not in FLOW_PLURALS:
        return False
    rest = list(tokens[i + 1 : i + 1 + PRODUCT_REACH])
    if len(rest) > 1 and rest[0].lemma in {"в", "во", "на"} and rest[1].pos != "NUM":
        # "поставки в Астраханскую область иранской керамики": past the destination
        rest = rest[1:]
        while (
            rest
            and (rest[0].pos in {"ADJ", "PROPN"} or rest[0].feats.get("Case") in {"Acc", "Loc"})
            and rest[0].feats.get("Case") != "Gen"
        ):
            rest = rest[1:]
    following = next((t for t in rest[:3] if t.pos != "ADJ"), None)
    return (
        following is not None
        and following.pos == "NOUN"
        and following.feats.get("Case") == "Gen"
        and following.lemma not in WHOLE_FLOW_WORDS
    )


def _trade_noun(tokens: Sequence[Token], i: int) -> str | None:
    """'торговый оборот', 'объём торговли', 'взаимная торговля' → turnover."""
    lemma = tokens[i].lemma
    before = tokens[i - 1].lemma if i else ""
    if lemma == "оборот" and (
        before in TRADE_ADJECTIVES or _with_a_partner(tokens, i) or _of_two_sides(tokens, i)
    ):
        return "turnover"
    if lemma == "торговля" and before not in {"электронный", "розничный", "оптовый"}:
        return "turnover"
    if lemma in {"операция", "обмен"} and before in {"торговый", "внешнеторговый"}:
        # "объём торговых операций", "торговый обмен"; "банковских операций" is no trade
        return "turnover"
    return None


def _of_two_sides(tokens: Sequence[Token], i: int) -> bool:
    """ "Оборот России и Таджикистана": a turnover of two named sides is their trade."""
    after = list(tokens[i + 1 : i + 4])
    return (
        len(after) == 3
        and after[0].pos == "PROPN"
        and after[0].feats.get("Case") == "Gen"
        and after[1].lemma == "и"
        and after[2].pos == "PROPN"
    )


def _with_a_partner(tokens: Sequence[Token], i: int) -> bool:
    """ "оборот региона с Узбекистаном": a turnover with a named partner is trade."""
    for j in range(i + 1, min(len(tokens) - 1, i + 1 + PARTNER_REACH)):
        if tokens[j].lemma in {"с", "со"}:
            return tokens[j + 1].pos == "PROPN"
    return False


# How far after "оборот" its "с <партнёр>" may stand: "оборот края в 2023 году с Китаем".
PARTNER_REACH = 5


def is_goal_form(token: Token) -> bool:
    """An infinitive or a future form: "довести", "достигнет", "нарастить"."""
    return token.feats.get("VerbForm") == "Inf" or token.feats.get("Tense") == "Fut"


# "в нынешнем январе", "в этом марте": this year's month, one word between.
THIS_YEARS = frozenset({"нынешний", "этот", "текущий"})
