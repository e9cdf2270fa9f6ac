"""Questions in Russian, answered from the knowledge base with sources — or plainly not.

    answer(store, "Какой товарооборот между Казахстаном и Узбекистаном в 2017 году?")

The question is read with the extractor's own tables: actors by the gazetteer
(``actor_by_name`` over word windows), indicators and status by the cue tables, the
period by the period grammar. No figure is ever made up: when no consolidated fact
matches, the answer says so and lists the periods it does know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bilat.kb import english, kept, wording
from bilat.kb.checks import winners
from bilat.kb.kept import Kept
from bilat.kb.people import Person, find, people
from bilat.kb.question import Question, parse
from bilat.kb.timeseries import line_of
from bilat.store import Store

# "нет сведений о …": what was asked about, in the prepositional case, with its preposition
# ("об" before a vowel: "об экспорте", not "о экспорте").
ABOUT = {
    "turnover": "о товарообороте",
    "export": "об экспорте",
    "import": "об импорте",
    "change": "о динамике",
    "share": "о доле",
    "volume": "об объёмах",
    "investment": "об инвестициях",
    "event": "о событиях",
    "agreement": "о соглашениях",
    "project": "о проектах",
    "quote": "о высказываниях",
}
HEADS = {
    "change": "динамика",
    "share": "доли",
    "volume": "объёмы",
    "investment": "инвестиции",
    "event": "события",
    "agreement": "соглашения",
    "project": "проекты",
    "quote": "высказывания",
}
MAX_LISTED = 5  # facts named in an answer's text; the rest are in its facts list

__all__ = ["Answer", "Question", "answer", "parse"]


@dataclass(frozen=True)
class Answer:
    question: Question
    found: bool
    text: str
    facts: tuple[Kept, ...] = ()
    related: tuple[Kept, ...] = field(default=())  # other periods of the same thing
    rivals: tuple[Kept, ...] = ()  # other values of a disputed fact, with sources
    person: Person | None = None  # who "Кто такой …?" asked about

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question.text,
            "understood": self.question.to_json(),
            "found": self.found,
            "text": self.text,
            "facts": [f.to_json() for f in self.facts],
            "related": [f.to_json() for f in self.related],
            "rivals": [f.to_json() for f in self.rivals],
            "person": self.person.to_json() if self.person else None,
        }


def answer(store: Store, question: str, today: date | None = None) -> Answer:
    """The answer to a question about cooperation, from consolidated facts."""
    q = parse(question, today)
    if q.person:
        return _who(store, q)
    if not q.parties:
        return Answer(
            q,
            False,
            "Не удалось понять, о каких странах или регионах вопрос. "
            "Назовите их, например: «Какой товарооборот между "
            "Казахстаном и Узбекистаном в 2024 году?»",
        )
    kept.current(store)
    # Only facts of the asked type can match (``_matches``): those rows alone are read.
    consolidated = (
        kept.of_pair(store, q.parties[0], q.parties[1], [q.type], records=True)
        if len(q.parties) > 1
        else kept.of_party(store, q.parties[0], [q.type], records=True)
    )
    candidates = [c for c in winners(consolidated) if _matches(c, q)]
    exact = [c for c in candidates if _in_period(c, q)]
    if exact:
        rivals = _rivals(exact, consolidated)
        return Answer(
            q, True, _found_text(q, exact, rivals), tuple(_newest(exact)), rivals=tuple(rivals)
        )
    related = tuple(_newest(candidates))
    return Answer(q, False, _missing_text(q, related), related=related)


def _matches(item: Kept, q: Question) -> bool:
    """The same kind of fact about the asked parties, period aside."""
    if item.type != q.type or not set(q.parties) <= set(item.parties):
        return False
    if q.type in ("trade", "change", "volume", "investment"):
        status = item.view.status or "actual"
        if item.type != "change" and status != q.status:
            return False
    if q.indicator is None or q.type not in ("trade", "change"):
        return True
    if q.indicator == "turnover":
        return item.view.indicator == "turnover"
    return _same_flow(item, q)


def _same_flow(item: Kept, q: Question) -> bool:
    line = line_of(item)
    if line is None or line == "turnover":
        return item.view.indicator == q.indicator and q.exporter is None
    exporter, importer = line.split("→")
    return (q.exporter in (None, exporter)) and (q.importer in (None, importer))


def _in_period(item: Kept, q: Question) -> bool:
    if q.year is None:
        return True
    return item.year == q.year and (item.months or None) == q.months and not item.view.month


def _newest(items: Sequence[Kept]) -> list[Kept]:
    # a year's figure before one month's of it
    return sorted(
        items,
        key=lambda c: (-(c.year or 0), -(c.months or 12), bool(c.view.month), -c.independent),
    )


def _subject(q: Question) -> str:
    """ "Товарооборот Казахстан — Узбекистан", "Экспорт Казахстан → Узбекистан"."""
    if q.type == "trade" and q.exporter and q.importer:
        return (
            f"{wording.INDICATORS[q.indicator or 'export']} {wording.name(q.exporter)} → "
            f"{wording.name(q.importer)}"
        )
    head = (
        wording.INDICATORS.get(q.indicator or "", "торговля")
        if q.type == "trade"
        else HEADS.get(q.type, q.type)
    )
    return f"{head} {' — '.join(wording.name(p) for p in q.parties)}"


def _rivals(shown: Sequence[Kept], consolidated: Sequence[Kept]) -> list[Kept]:
    """The values other sources give for the facts shown, best-sourced first."""
    ids = {rival for item in shown for rival in item.rivals}
    return sorted(
        (c for c in consolidated if c.id in ids),
        key=lambda c: (-c.independent, -c.n_claims, c.id),
    )


def _found_text(q: Question, facts: Sequence[Kept], rivals: Sequence[Kept] = ()) -> str:
    with_period = q.year is None
    lines = [
        _fact_line(f, with_period, [r for r in rivals if r.id in f.rivals])
        for f in _newest(facts)[:MAX_LISTED]
    ]
    more = f" И ещё {len(facts) - MAX_LISTED}." if len(facts) > MAX_LISTED else ""
    subject = _subject(q)
    when = "" if with_period else f" {wording.period(q.year, q.months)}"
    return f"{subject[:1].upper()}{subject[1:]}{when}: " + "; ".join(lines) + "." + more


def _fact_line(item: Kept, with_period: bool, rivals: Sequence[Kept] = ()) -> str:
    """ "4,4 млрд (источников: 3: a.txt, b.txt) — источники расходятся: 3,9 млрд (…)"."""
    if item.standing != "disputed":
        return f"{_what(item, with_period)} ({_sources(item)})"
    others = "; ".join(f"{_what(r, with_period)} ({_sources(r, named=True)})" for r in rivals)
    return f"{_what(item, with_period)} ({_sources(item, named=True)}) — источники расходятся" + (
        f": {others}" if others else ""
    )


def _what(item: Kept, with_period: bool) -> str:
    f = item.fields
    if item.type not in ("trade", "change", "volume", "investment"):
        return wording.summary(f, item.type)
    figure = wording.figure(f, item.type)
    if item.type == "change":
        figure = f"{wording.indicator(f)} {'+' if (item.value or 0) > 0 else ''}{figure}"
    status = f.get("status")
    if status in ("target", "forecast"):
        figure += f" ({wording.STATUSES[status]})"
    when = wording.period(item.year, item.months, item.view.month)
    return f"{figure} {when}" if with_period else figure


def _sources(item: Kept, named: bool = False) -> str:
    n, independent = item.n_claims, item.independent
    text = f"источников: {n}" + (f", независимых: {independent}" if independent != n else "")
    if named:  # where sources disagree, which say what
        names = list(dict.fromkeys(source["doc_name"] for source in item.sources()))
        text += ": " + ", ".join(names[:MAX_LISTED]) + (" …" if len(names) > MAX_LISTED else "")
    return text + (", подтверждено человеком" if item.curated else "")


def _who(store: Store, q: Question) -> Answer:
    """A person's roles, country, region and documents, from the people merged across
    documents; namesakes listed where the name alone does not tell who."""
    asked = str(q.person)
    name = english.cyrillic(asked) if english.is_latin(asked) else asked
    persons = people(store)
    found = find(persons, name)
    if found is None:
        return Answer(
            q, False, f"В базе нет сведений о человеке «{asked}»." + _namesakes(persons, name)
        )
    return Answer(q, True, _person_text(store, found), person=found)


def _namesakes(persons: Sequence[Person], name: str) -> str:
    surname = name.split()[-1].lower().replace("ё", "е")
    same = [p.name for p in persons if p.name.split()[-1].lower().replace("ё", "е") == surname]
    return f" С этой фамилией известны: {', '.join(same[:MAX_LISTED])}." if same else ""


def _person_text(store: Store, person: Person) -> str:
    """ "Арман Шаккалиев — министр торговли; Казахстан. Назван в документах (1): a.txt"."""
    roles = "; ".join(person.roles[:3])
    where = ", ".join(wording.name(c) for c in (*person.regions, *person.countries))
    names = [d.name for d in (store.document(i) for i in person.documents[:MAX_LISTED]) if d]
    more = " …" if len(person.documents) > MAX_LISTED else ""
    what = "; ".join(x for x in (roles, where) if x) or "роль не названа"
    return (
        f"{person.name} — {what}. Назван в документах ({len(person.documents)}): "
        f"{', '.join(names)}{more}."
    )


def _missing_text(q: Question, related: Sequence[Kept]) -> str:
    about = ABOUT.get(q.indicator if q.type == "trade" and q.indicator else q.type, "об этом")
    parties = " — ".join(wording.name(p) for p in q.parties)
    when = f" {wording.period(q.year, q.months)}" if q.year else ""
    text = f"В базе нет сведений {about} ({parties}){when}."
    if related:
        known = sorted({wording.short_period(r.year, r.months) for r in related}, reverse=True)
        text += " Есть данные: " + ", ".join(known[: MAX_LISTED * 2]) + "."
    return text
