"""How the knowledge base says things in Russian: names, figures, periods, labels.

Shared by answers, dossiers, the CLI and the web pages, so a figure reads the same
everywhere: "3,1 млрд долларов за 9 месяцев 2024 года".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bilat.actors import UnknownActorError, is_actor, lookup
from bilat.extract.parse.periods import MONTHS
from bilat.schemas import Fields

INDICATORS = {"turnover": "товарооборот", "export": "экспорт", "import": "импорт"}
# "доля в товарообороте": the indicator after "в"; a share that names none is of "оборот".
INDICATORS_IN = {"turnover": "товарообороте", "export": "экспорте", "import": "импорте"}
TYPES = {
    "trade": "торговля",
    "change": "динамика",
    "share": "доля",
    "volume": "объём",
    "investment": "инвестиции",
    "project": "проект",
    "agreement": "соглашение",
    "event": "событие",
    "quote": "цитата",
    "person": "персона",
    "organization": "организация",
    "sector": "отрасль",
}
# What a share measures when its part is no party (the labels of PART_LABELS in
# bilat/extract/economy/cues.py): its name, and its words after "доля".
SHARE_LABELS = {
    "SME": ("малый и средний бизнес", "малого и среднего бизнеса"),
    "non-commodity": ("несырьевые товары", "несырьевых товаров"),
    "commodity": ("сырьевые товары", "сырьевых товаров"),
    "food": ("продовольствие", "продовольствия"),
    "machinery": ("машины и оборудование", "машин и оборудования"),
    "energy": ("энергоносители", "энергоносителей"),
    "agriculture": ("сельхозпродукция", "сельхозпродукции"),
}
STATUSES = {"actual": "факт", "target": "цель", "forecast": "прогноз"}
QUALIFIERS = {"over": "свыше", "under": "менее", "approx": "около", "exact": ""}
CURRENCIES = {
    "USD": "долларов",
    "RUB": "рублей",
    "KZT": "тенге",
    "CNY": "юаней",
    "EUR": "евро",
    "BYN": "белорусских рублей",
    "UZS": "сумов",
}
UNITS = {"t": "т", "m3": "м³", "kg": "кг"}
STANDINGS = {
    "confirmed": "подтверждено",
    "agreed": "согласовано",
    "disputed": "расходится",
    "overruled": "отклонено в пользу подтверждённого",
}
CURATION = {"confirmed": "подтверждён", "corrected": "исправлен", "rejected": "отклонён"}
EVENT_KINDS = {
    "forum": "форум",
    "meeting": "встреча",
    "negotiations": "переговоры",
    "visit": "визит",
    "signing": "подписание",
    "conference": "конференция",
    "other": "событие",
}
AGREEMENT_KINDS = {
    "roadmap": "дорожная карта",
    "memorandum": "меморандум",
    "treaty": "договор",
    "contract": "контракт",
    "agreement": "соглашение",
}
PROJECT_STATUSES = {"planned": "планируется", "in_progress": "реализуется", "operating": "работает"}
# The sector labels of bilat.extract.events.sectors in Russian.
SECTORS = {
    "agriculture": "сельское хозяйство",
    "chemicals": "химическая промышленность",
    "construction": "строительство",
    "culture": "культура",
    "digital": "цифровые технологии",
    "education": "образование",
    "energy": "энергетика",
    "finance": "финансы",
    "food industry": "пищевая промышленность",
    "healthcare": "здравоохранение",
    "industry": "промышленность",
    "machine building": "машиностроение",
    "medical equipment": "медицинская техника",
    "metallurgy": "металлургия",
    "oil and gas": "нефть и газ",
    "petrochemicals": "нефтехимия",
    "science": "наука",
    "space": "космос",
    "sport": "спорт",
    "tourism": "туризм",
    "transport": "транспорт",
    "wood processing": "деревообработка",
}
SECTIONS = {
    "growth": "Динамика",
    "targets": "Цели и прогнозы",
    "shares": "Доли",
    "volumes": "Объёмы",
    "investments": "Инвестиции",
    "events": "События",
    "agreements": "Соглашения",
    "projects": "Проекты",
    "quotes": "Цитаты",
}
# What a document was read from, as the document page says it.
DOCUMENT_KINDS = {
    "txt": "текст",
    "text": "текст",
    "telegram": "Telegram",
    "rss": "RSS",
    "html": "веб-страница",
    "url": "веб-страница",
    "jsonl": "JSONL",
}
SCALES = ((1e12, "трлн"), (1e9, "млрд"), (1e6, "млн"), (1e3, "тыс."))
MONTH_WORDS = {3: "первый квартал", 6: "первое полугодие"}
# A month by its number, as "за октябрь" names it: the periods grammar's own table.
MONTH_NAMES = tuple(sorted(MONTHS, key=MONTHS.__getitem__))


def name(code: str | None) -> str:
    """The Russian name of an actor, or the code itself when the gazetteer lacks it."""
    if not code:
        return "?"
    if code in SHARE_LABELS:  # what a share measures, not an actor: "SME"
        return SHARE_LABELS[code][0]
    if "+" in code:  # a whole of several sides: "KZ+RU" is "Казахстан и Россия"
        return " и ".join(name(part) for part in code.split("+"))
    try:
        return lookup(code).name
    except UnknownActorError:
        return code


def pair_name(a: str, b: str) -> str:
    return f"{name(a)} — {name(b)}"


def number(value: float | None) -> str:
    """489200000 → "489,2 млн"; 12.5 → "12,5"."""
    if value is None:
        return "—"
    for factor, word in SCALES:
        if abs(value) >= factor:
            return f"{_decimal(value / factor)} {word}"
    return _decimal(value)


def _decimal(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",")


def amount(value: float | None, qualifier: str | None = None) -> str:
    """ "свыше 3,1 млрд": a chart's value label keeps the article's qualifier."""
    words = [QUALIFIERS.get(qualifier or "", ""), number(value)]
    return " ".join(w for w in words if w)


def money(value: float | None, currency: str | None, qualifier: str | None = None) -> str:
    words = [
        QUALIFIERS.get(qualifier or "", ""),
        number(value),
        CURRENCIES.get(currency or "", currency or ""),
    ]
    return " ".join(w for w in words if w)


def signed_money(value: float | None, currency: str | None) -> str:
    """A trade balance: "+800 млн долларов" for a surplus, "−800 млн долларов" for a deficit."""
    if value is None:
        return "—"
    return ("+" if value >= 0 else "−") + money(abs(value), currency)


def place(rank: int | None, among: int) -> str | None:
    """A partner's place among ``among`` partners: "3-й из 5"; None when it has none."""
    return f"{rank}-й из {among}" if rank else None


def percent(value: float | None, qualifier: str | None = None) -> str:
    if value is None:
        return "—"
    words = [QUALIFIERS.get(qualifier or "", ""), f"{_decimal(value)} %"]
    return " ".join(w for w in words if w)


def years_spanned(fields: Mapping[str, Any]) -> tuple[int, int] | None:
    """(from, to) of a change over several years: "за последние четыре года … рост – 65%"
    has its base four years before its year, and is no one year's change."""
    f = Fields.of(fields)
    base, year = f.base, f.year
    if isinstance(base, int) and isinstance(year, int) and year - base > 1:
        return base, year
    return None


def period(year: int | None, months: int | None, month: int | None = None) -> str:
    """ "за 2024 год", "за 9 месяцев 2024 года", "за первое полугодие 2024 года", "за
    октябрь 2024 года"."""
    if month:
        return (
            f"за {MONTH_NAMES[month - 1]} {year} года" if year else f"за {MONTH_NAMES[month - 1]}"
        )
    if year is None:
        return f"за {months} мес. (год не указан)" if months else "(год не указан)"
    if not months:
        return f"за {year} год"
    part = MONTH_WORDS.get(months) or f"{months} {_months_word(months)}"
    return f"за {part} {year} года"


def _months_word(n: int) -> str:
    return "месяц" if n == 1 else "месяца" if n in (2, 3, 4) else "месяцев"


def short_period(year: int | None, months: int | None, month: int | None = None) -> str:
    """ "2024", "2024 (9 мес.)", "10.2024" — for chart labels and table cells."""
    text = str(year) if year else "?"
    if month:
        return f"{month:02d}.{text}"
    return f"{text} ({months} мес.)" if months else text


def figure(fields: Mapping[str, Any], type: str) -> str:
    """The figure a fact states, in words."""
    f = Fields.of(fields)
    if type in ("change", "share"):
        return percent(f.percent, f.qualifier)
    if type == "volume":
        unit = UNITS.get(f.unit or "", f.unit or "")
        return f"{number(f.value)} {unit}".strip()
    if f.value is None:
        return ""
    return money(f.value, f.currency, f.qualifier)


def indicator(fields: Mapping[str, Any]) -> str:
    """ "экспорт (Казахстан → Узбекистан)" or "товарооборот"."""
    f = Fields.of(fields)
    label = INDICATORS.get(f.indicator or "", f.indicator or "")
    if f.exporter and f.importer:
        label += f" ({name(f.exporter)} → {name(f.importer)})"
    return label


def summary(fields: Mapping[str, Any], type: str) -> str:
    """One line saying what a fact says, for lists and answers."""
    if type in ("trade", "change", "volume", "investment"):
        f = Fields.of(fields)
        head = indicator(fields) or TYPES.get(type, type)
        span = years_spanned(fields) if type == "change" else None
        when = f"за {span[0]}–{span[1]} годы" if span else period(f.year, f.months)
        tail = f" ({STATUSES[f.status]})" if f.status in ("target", "forecast") else ""
        verb = "изменение на " if type == "change" else ""
        return f"{head} {when}: {verb}{figure(fields, type)}{tail}"
    if type == "share":
        return f"{share(fields)}: {figure(fields, type)}"
    return describe(fields, type)


def share(fields: Mapping[str, Any]) -> str:
    """ "доля в товарообороте (Казахстан → Республика Башкортостан)": the names stay in the
    nominative, as in ``indicator``, since the gazetteer holds no case forms to agree with."""
    f = Fields.of(fields)
    where = INDICATORS_IN.get(f.indicator or "", "обороте")
    _, label = share_sides(fields)
    if label:  # "доля малого и среднего бизнеса в товарообороте (Казахстан и Россия)"
        what = SHARE_LABELS[label][1] if label in SHARE_LABELS else label
        return f"доля {what} в {where} ({name(f.whole)})"
    return f"доля в {where} ({name(f.part)} → {name(f.whole)})"


def share_sides(fields: Mapping[str, Any]) -> tuple[list[str], str | None]:
    """The parties of a share and the label of what it measures. "Доля МСБ в товарообороте
    Казахстана и России" (whole "KZ+RU", part "SME") is the pair KZ, RU measuring SME:
    neither "KZ+RU" nor "SME" is a party. "Доля Китая в экспорте Казахстана" is KZ and CN."""
    f = Fields.of(fields)
    sides = [s for s in str(f.whole or "").split("+") if s]
    part = str(f.part or "")
    if not part or not all(is_actor(p) for p in part.split("+")):
        return sides, part or None
    return [*sides, *(p for p in part.split("+") if p not in sides)], None


def _span(f: Fields) -> str | None:
    """ "на 2023–2024 годы": the years an agreement covers."""
    start, end = f.from_year, f.to_year
    if not start:
        return None
    return f"на {start}–{end} годы" if end and end != start else f"на {start} год"


def describe(fields: Mapping[str, Any], type: str) -> str:
    """Events, agreements, projects and quotes in a few words."""
    f = Fields.of(fields)
    if type == "event":
        kind = EVENT_KINDS.get(f.kind or "", f.kind or "событие")
        return " · ".join(str(x) for x in (kind, f.name, f.place, f.date) if x)
    if type == "agreement":
        kind = AGREEMENT_KINDS.get(f.kind or "", f.kind or "")
        return " · ".join(str(x) for x in (kind, f.name, _span(f), f.date) if x)
    if type == "project":
        status = PROJECT_STATUSES.get(f.status or "", f.status)
        branch = sector(f.sector) if f.sector else None
        return " · ".join(str(x) for x in (branch, f.place, status) if x)
    if type == "quote":
        return f"«{f.text or ''}»"
    return _who(f, type) or TYPES.get(type, type)


def _who(f: Fields, type: str) -> str:
    """ "Канат Ермеков, аким Костанайской области", "Сырдарья · Казахстан", "отрасль: транспорт"."""
    if type == "person":
        role = f.role or next(iter(f.roles or []), None)
        head = ", ".join(str(x) for x in (f.name, _lower_first(role)) if x)
        return " · ".join(x for x in (head, f.organization) if x)
    if type == "organization":
        head = str(f.name or f.abbreviation or "")
        if f.abbreviation and f.abbreviation != head:
            head += f" ({f.abbreviation})"
        country = name(f.country) if f.country else None
        return " · ".join(x for x in (head, country) if x)
    if type == "sector" and f.sector:
        return f"отрасль: {sector(f.sector)}"
    return ""


def sector(label: str) -> str:
    return SECTORS.get(label, label)


def _lower_first(text: str | None) -> str | None:
    """A role after a name is written in lower case: "аким", but "МИД" stays."""
    if not text or len(text) < 2 or not text[1].islower():
        return text
    return text[0].lower() + text[1:]
