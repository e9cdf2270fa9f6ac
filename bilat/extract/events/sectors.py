"""Sectors of cooperation by their words ("нефтехимия", "научно-технический"): the
vocabulary that sector facts, projects and agreements read with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilat.model import Token

# Lemma (or a pair of lemmas, the second right after the first) → sector label.
SECTOR_WORDS: dict[str | tuple[str, str], str] = {
    "машиностроение": "machine building",
    "машиностроительный": "machine building",
    "станкостроение": "machine building",
    "автомобилестроение": "machine building",
    "автопром": "machine building",
    "приборостроение": "machine building",
    "нефтехимия": "petrochemicals",
    "нефтегазохимия": "petrochemicals",
    "нефтехимический": "petrochemicals",
    "нефтегазохимический": "petrochemicals",
    "химия": "chemicals",
    "химический": "chemicals",
    ("сельский", "хозяйство"): "agriculture",
    "агропромышленный": "agriculture",
    "апк": "agriculture",
    "сельхозпродукция": "agriculture",
    "агросектор": "agriculture",
    "сельскохозяйственный": "agriculture",
    "аграрный": "agriculture",
    "здравоохранение": "healthcare",
    "медицина": "healthcare",
    "медицинский": "healthcare",
    "фармацевтика": "healthcare",
    "фармацевтический": "healthcare",
    "туризм": "tourism",
    "туристический": "tourism",
    "туристский": "tourism",
    "образование": "education",
    "образовательный": "education",
    "энергетика": "energy",
    "энергетический": "energy",
    "электроэнергетика": "energy",
    "транспорт": "transport",
    "транспортный": "transport",
    "логистика": "transport",
    "логистический": "transport",
    "транзит": "transport",
    "транзитный": "transport",
    "цифровизация": "digital",
    "цифровой": "digital",
    "it": "digital",
    "ит": "digital",
    ("высокий", "технология"): "digital",
    "космос": "space",
    "космический": "space",
    "металлургия": "metallurgy",
    "металлургический": "metallurgy",
    "металлообработка": "metallurgy",
    "горно-металлургический": "metallurgy",
    "культура": "culture",
    "культурный": "culture",
    "наука": "science",
    "научный": "science",
    "нефтегазодобыча": "oil and gas",
    "нефтегазовый": "oil and gas",
    ("нефтяной", "оборудование"): "machine building",
    ("пищевой", "промышленность"): "food industry",
    "продовольствие": "food industry",
    "деревообработка": "wood processing",
    "деревообрабатывающий": "wood processing",
    "лесопромышленный": "wood processing",
    "стройиндустрия": "construction",
    ("строительный", "отрасль"): "construction",
    "спорт": "sport",
    "спортивный": "sport",
    "промышленность": "industry",
    "промышленный": "industry",
    "индустрия": "industry",
    "финансы": "finance",
    "банковский": "finance",
    "финансовый": "finance",
}
# First halves of compound adjectives: "научно-образовательный", "культурно-гуманитарный".
COMPOUND_PARTS = {
    "научно": "science",
    "культурно": "culture",
    "нефтегазо": "oil and gas",
    "агро": "agriculture",
    "медико": "healthcare",
    "транспортно": "transport",
    "образовательно": "education",
    "космо": "space",
}


# A sector word counts only in a sentence about cooperation: "кандидат исторических наук"
# and "культурная программа вечера" name no sector of it.
COOPERATION_WORDS = frozenset(
    {
        "сотрудничество",
        "взаимодействие",
        "кооперация",
        "партнерство",
        "партнёрство",
        "сфера",
        "отрасль",
        "направление",
        "проект",
        "связь",
        "потенциал",
        "перспектива",
        "инвестиция",
        "взаимовыгодный",
        "совместный",
    }
)


# Products → sector, for projects: the object of "производство …" decides the sector.
PRODUCT_WORDS: dict[str | tuple[str, str], str] = {
    ("медицинский", "мебель"): "medical equipment",
    ("медицинский", "оборудование"): "medical equipment",
    ("медицинский", "изделие"): "medical equipment",
    ("медицинский", "техника"): "medical equipment",
    "вагон": "machine building",
    "пружина": "machine building",
    "двигатель": "machine building",
    "станок": "machine building",
    "трактор": "machine building",
    "комбайн": "machine building",
    "автомобиль": "machine building",
    "автобус": "machine building",
    "локомотив": "machine building",
    "насос": "machine building",
    "турбина": "machine building",
    "лифт": "machine building",
    "ракета-носитель": "space",
    "ракета": "space",
    "спутник": "space",
    "космодром": "space",
    "удобрение": "chemicals",
    "полимер": "petrochemicals",
    "полиэтилен": "petrochemicals",
    "полипропилен": "petrochemicals",
    "электростанция": "energy",
    "тэц": "energy",
    "гэс": "energy",
    "аэс": "energy",
    "сэс": "energy",
    "вэс": "energy",
    "мясо": "food industry",
    "молоко": "food industry",
    "мука": "food industry",
    "зерно": "agriculture",
    "теплица": "agriculture",
    "элеватор": "agriculture",
    "тепличный": "agriculture",
    "сталь": "metallurgy",
    "прокат": "metallurgy",
    "медь": "metallurgy",
    "лекарство": "healthcare",
    "препарат": "healthcare",
    "вакцина": "healthcare",
    "терминал": "transport",
    "хаб": "transport",
    "логистический": "transport",
    "поезд": "transport",
    "контейнерный": "transport",
    "авиарейс": "transport",
    "рейс": "transport",
    "автомобильный": "machine building",
    "грузовик": "machine building",
    "металлоконструкция": "metallurgy",
    "целлюлозно-бумажный": "wood processing",
    "лесопромышленный": "wood processing",
    "зерновой": "agriculture",
}


@dataclass(frozen=True)
class SectorHit:
    index: int  # token index of the first word
    label: str


def find_sectors(
    tokens: Sequence[Token], table: dict[str | tuple[str, str], str] = SECTOR_WORDS
) -> list[SectorHit]:
    """Sector labels named in a run of tokens, in order; a pair of words before one."""
    hits = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1].lemma if i + 1 < len(tokens) else ""
        label = table.get((token.lemma, following)) or table.get(token.lemma)
        if label is None and table is SECTOR_WORDS and "-" in token.lemma:
            hits += [SectorHit(i, part) for part in _compound(token.lemma)]
        if label:
            hits.append(SectorHit(i, label))
    return hits


def _compound(lemma: str) -> list[str]:
    """ "научно-образовательный" is science and education."""
    head, _, rest = lemma.partition("-")
    labels = [COMPOUND_PARTS.get(head), SECTOR_WORDS.get(rest)]
    return list(dict.fromkeys(label for label in labels if label))


def product_sector(tokens: Sequence[Token]) -> str | None:
    """The sector of what a project makes: its product words first, then sector words."""
    for table in (PRODUCT_WORDS, SECTOR_WORDS):
        hits = find_sectors(tokens, table)
        if hits:
            return hits[0].label
    return None
