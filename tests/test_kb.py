"""bilat.kb over stores built from Document and Fact objects directly (no NLP models)."""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from evidence import at
from sqlalchemy import delete
from sqlalchemy import text as sql_text

from bilat import kb
from bilat.actors import lookup
from bilat.kb import whole, wording
from bilat.kb.claims import Claim
from bilat.kb.consolidate import consolidate
from bilat.kb.curation import Verdict
from bilat.model import Document, Evidence, Fact, Mention
from bilat.store import Store, StoredFact
from bilat.store.schema import documents, facts

# -- building stores -------------------------------------------------------------------------

KZ_UZ = (
    "Товарооборот Казахстана и Узбекистана по итогам 2024 года составил 4,4 млрд "
    "долларов. Экспорт Казахстана в Узбекистан достиг 2,6 млрд долларов, импорт — "
    "1,8 млрд долларов. В 2023 году товарооборот составлял 4 млрд долларов, так что "
    "рост составил 10%. На форуме в Ташкенте министр торговли Казахстана Арман "
    "Шаккалиев сказал, что стороны доведут оборот до 10 млрд долларов к 2030 году."
)
REPRINT = (
    "Казахстан и Узбекистан: итоги года\n\n"
    + KZ_UZ
    + "\n\nИсточник: Деловой Казахстан. Подписывайтесь на наш канал."
)
OTHER = (
    "Узбекские экспортёры отмечают: за весь 2024 год торговля Казахстана с Узбекистаном "
    "превысила 4,3 млрд долларов. Эксперты ждут дальнейшего роста поставок "
    "фруктов, текстиля и строительных материалов в соседнюю республику."
)
RIVAL = (
    "По данным таможни, товарооборот Казахстана с Узбекистаном в 2024 году составил "
    "3,9 млрд долларов. Основу поставок составили зерно, мука и металлопрокат."
)


def doc(text: str, name: str, day: str = "2025-02-10") -> Document:
    return Document(text=text, source=f"corpus/{name}", name=name, kind="text", date=day)


def trade(
    text: str,
    words: str,
    indicator: str,
    value: float,
    year: int | None,
    qualifier: str = "exact",
    status: str = "actual",
    months: int | None = None,
    parties: tuple[str, str] = ("KZ", "UZ"),
    **more: Any,
) -> Fact:
    fields = {
        "indicator": indicator,
        "parties": list(parties),
        "value": value,
        "currency": "USD",
        "qualifier": qualifier,
        "status": status,
        "period": {"year": year, "months": months},
        **more,
    }
    return Fact("trade", fields, at(text, words), 0.9, rule="test.trade")


def change(text: str, words: str, percent: float, year: int) -> Fact:
    fields = {
        "indicator": "turnover",
        "parties": ["KZ", "UZ"],
        "percent": percent,
        "period": {"year": year, "months": None},
        "base": "previous_period",
    }
    return Fact("change", fields, at(text, words), 0.85, rule="test.change")


def kz_uz_facts(text: str = KZ_UZ, turnover: float = 4.4e9) -> list[Fact]:
    return [
        trade(text, "составил 4,4", "turnover", turnover, 2024),
        trade(text, "достиг 2,6", "export", 2.6e9, 2024, exporter="KZ", importer="UZ"),
        trade(text, "достиг 2,6", "import", 1.8e9, 2024, exporter="UZ", importer="KZ"),
        trade(text, "составлял 4 млрд", "turnover", 4.0e9, 2023),
        change(text, "рост составил 10%", 10.0, 2024),
        trade(text, "доведут оборот", "turnover", 10e9, 2030, status="target"),
        Fact(
            "event",
            {
                "kind": "forum",
                "parties": ["KZ", "UZ"],
                "place": "Ташкент",
                "date": "2025-02",
                "participants": [
                    {
                        "name": "Арман Шаккалиев",
                        "role": "министр торговли",
                        "organization": None,
                        "country": "KZ",
                    }
                ],
            },
            at(text, "На форуме"),
            0.8,
            rule="test.event",
        ),
        Fact(
            "quote",
            {
                "speaker": {
                    "name": "Арман Шаккалиев",
                    "role": "министр торговли",
                    "organization": None,
                    "country": "KZ",
                },
                "text": "стороны доведут оборот до 10 млрд долларов к 2030 году",
                "parties": ["KZ", "UZ"],
            },
            at(text, "На форуме"),
            0.7,
            rule="test.quote",
        ),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(str(tmp_path / "kb.db")) as opened:
        yield opened


def fill(store: Store, *, rival: bool = False) -> dict[str, Document]:
    """KZ–UZ from an article, its reprint, another outlet, and optionally a rival figure."""
    docs = {
        "main": doc(KZ_UZ, "main.txt", "2025-02-10"),
        "reprint": doc(REPRINT, "reprint.txt", "2025-02-11"),
        "other": doc(OTHER, "other.txt", "2025-02-12"),
    }
    store.add(docs["main"], kz_uz_facts())
    store.add(docs["reprint"], kz_uz_facts(REPRINT))
    store.add(
        docs["other"], [trade(OTHER, "превысила 4,3", "turnover", 4.3e9, 2024, qualifier="over")]
    )
    if rival:
        docs["rival"] = doc(RIVAL, "rival.txt", "2025-03-01")
        store.add(docs["rival"], [trade(RIVAL, "составил 3,9", "turnover", 3.9e9, 2024)])
    return docs


def turnover_2024(store: Store) -> list[kb.Consolidated]:
    return [
        c
        for c in kb.dossier(store, "KZ", "UZ").consolidated
        if c.type == "trade" and c.fields["indicator"] == "turnover" and c.year == 2024
    ]


def fact_id(store: Store, doc_id: str, indicator: str, year: int) -> str:
    [found] = [
        f for f in store.facts(doc_id=doc_id, indicator=indicator, year=year) if f.type == "trade"
    ]
    return found.id


# -- reprints --------------------------------------------------------------------------------


def test_reprints_form_one_group(store: Store) -> None:
    docs = fill(store, rival=True)
    assert kb.duplicate_groups(store) == [[docs["main"].id, docs["reprint"].id]]
    groups = kb.groups_of(store)
    assert groups[docs["reprint"].id] == docs["main"].id  # the earliest stands for the group
    assert groups[docs["other"].id] == docs["other"].id


def test_a_reprint_added_later_joins_its_group(store: Store) -> None:
    store.add(doc(KZ_UZ, "main.txt"), [])
    assert kb.duplicate_groups(store) == []
    store.add(doc(REPRINT, "reprint.txt", "2025-03-01"), [])
    assert len(kb.duplicate_groups(store)) == 1


# -- consolidation ---------------------------------------------------------------------------

AGREEMENT = [  # (qualifier, value) of two claims for one key → do they agree?
    (("exact", 26.1e9), ("over", 26e9), True),  # "свыше 26 млрд" and "26,1 млрд"
    (("exact", 26.1e9), ("exact", 26e9), True),  # rounding
    (("exact", 26e9), ("exact", 27e9), False),
    (("approx", 26e9), ("exact", 26.9e9), True),  # "около 26 млрд"
    (("over", 26e9), ("exact", 40e9), False),  # nobody says "over 26" of 40
    (("under", 500e6), ("exact", 480e6), True),
    (("under", 500e6), ("exact", 520e6), False),
    (("over", 13e9), ("under", 12e9), False),
]


def claim(n: int, qualifier: str, value: float, group: str) -> Claim:
    fields = {
        "indicator": "turnover",
        "parties": ["KZ", "UZ"],
        "value": value,
        "currency": "USD",
        "qualifier": qualifier,
        "status": "actual",
        "period": {"year": 2024, "months": None},
    }
    stored = StoredFact(
        id=f"f{n}",
        doc_id=f"d{n}",
        doc_name=f"d{n}.txt",
        doc_date="2025-01-01",
        source="s",
        type="trade",
        indicator="turnover",
        party_a="KZ",
        party_b="UZ",
        exporter=None,
        importer=None,
        year=2024,
        months=None,
        value=value,
        currency="USD",
        percent=None,
        qualifier=qualifier,
        status="actual",
        kind=None,
        fields=fields,
        evidence=Evidence("…", 0, 1),
        confidence=0.9,
        rule="t",
    )
    return Claim(fact=stored, fields=fields, key=f"k{n}", group=group, verdict=Verdict())


@pytest.mark.parametrize(("one", "other", "agree"), AGREEMENT)
def test_values_agree_within_rounding_and_qualifiers(
    one: tuple[str, float], other: tuple[str, float], agree: bool
) -> None:
    found = consolidate([claim(1, *one, group="a"), claim(2, *other, group="b")])
    assert (len(found) == 1) is agree
    assert all(c.standing == ("agreed" if agree else "disputed") for c in found)


def test_sources_are_counted_by_independent_group(store: Store) -> None:
    fill(store)
    [turnover] = turnover_2024(store)
    assert turnover.value == 4.4e9  # the exact figure stands for "свыше 4,3 млрд"
    assert len(turnover.claims) == 3
    assert turnover.independent == 2  # the reprint is not an independent confirmation
    assert turnover.standing == "agreed"


# -- contradictions and checks ---------------------------------------------------------------


def test_two_figures_that_cannot_both_be_true_are_a_contradiction(store: Store) -> None:
    docs = fill(store, rival=True)
    [found] = kb.dossier(store, "KZ", "UZ").contradictions
    assert found.status == "open"
    values = sorted(side.value for side in found.sides)
    assert values == [3.9e9, 4.4e9]
    sources = {s.fact.doc_id for side in found.sides for s in side.claims}
    assert docs["rival"].id in sources and docs["main"].id in sources
    assert [c.label for c in kb.contradictions(store)] == [found.label]


def test_targets_and_undated_figures_are_not_contradictions(store: Store) -> None:
    text = "Цель — 10 млрд к 2030 году. Раньше говорили о 15 млрд. За январь–май — 2 млрд."
    store.add(
        doc(text, "goals.txt"),
        [
            trade(text, "Цель", "turnover", 10e9, 2030, status="target"),
            trade(text, "Раньше", "turnover", 15e9, 2030, status="target"),
            trade(text, "январь", "turnover", 2e9, None, months=5),
            trade(text, "Раньше", "turnover", 3e9, None, months=5),
        ],
    )
    assert kb.dossier(store, "KZ", "UZ").contradictions == ()


def test_one_months_figure_is_neither_a_rival_nor_a_point_of_the_year(store: Store) -> None:
    """ "В октябре товарооборот составил 0,4 млрд" beside "за 2024 год — 4,4 млрд": two
    periods, no contradiction; the year's series keeps the year's figure."""
    text = "За 2024 год товарооборот составил 4,4 млрд. В октябре 2024 года — 0,4 млрд."
    store.add(
        doc(text, "month.txt"),
        [
            trade(text, "За 2024", "turnover", 4.4e9, 2024),
            trade(
                text,
                "В октябре",
                "turnover",
                0.4e9,
                2024,
                period={"year": 2024, "months": None, "month": 10},
            ),
        ],
    )
    found = kb.dossier(store, "KZ", "UZ")
    assert found.contradictions == ()
    [line] = kb.series(store, "KZ", "UZ", "turnover")
    assert [(p.year, p.value) for p in line.points] == [(2024, 4.4e9)]
    labels = [wording.period(c.year, c.months, c.view.month) for c in turnover_2024(store)]
    assert sorted(labels) == ["за 2024 год", "за октябрь 2024 года"]


CHECKS = [  # (turnover, export KZ→UZ, import from UZ, growth %) → (sum ok, growth ok)
    (4.4e9, 2.6e9, 1.8e9, 10.0, True, True),
    (5.0e9, 2.6e9, 1.8e9, 25.0, False, True),
    (4.4e9, 2.6e9, 1.8e9, 25.0, True, False),
]


@pytest.mark.parametrize(("turnover", "export", "import_", "growth", "sum_ok", "growth_ok"), CHECKS)
def test_consistency_checks(
    store: Store,
    turnover: float,
    export: float,
    import_: float,
    growth: float,
    sum_ok: bool,
    growth_ok: bool,
) -> None:
    facts_ = kz_uz_facts(turnover=turnover)
    facts_[1] = trade(KZ_UZ, "достиг 2,6", "export", export, 2024, exporter="KZ", importer="UZ")
    facts_[2] = trade(KZ_UZ, "достиг 2,6", "import", import_, 2024, exporter="UZ", importer="KZ")
    facts_[4] = change(KZ_UZ, "рост составил 10%", growth, 2024)
    store.add(doc(KZ_UZ, "main.txt"), facts_)
    found = {c.kind: c for c in kb.consistency(store)}
    assert found["trade_sum"].ok is sum_ok
    assert found["growth"].ok is growth_ok
    assert kb.TRADE_SUM_TOLERANCE < 0.05 and kb.GROWTH_TOLERANCE_POINTS <= 2


def test_one_flow_larger_than_the_turnover_fails(store: Store) -> None:
    text = "Оборот — 1 млрд. Экспорт — 1,5 млрд."
    store.add(
        doc(text, "x.txt"),
        [
            trade(text, "Оборот", "turnover", 1e9, 2024),
            trade(text, "Экспорт", "export", 1.5e9, 2024, exporter="KZ", importer="UZ"),
        ],
    )
    [check] = kb.consistency(store)
    assert (check.kind, check.ok) == ("trade_sum", False)


# -- curation ---------------------------------------------------------------------------------


def test_confirming_a_side_resolves_the_contradiction_and_wins(store: Store) -> None:
    docs = fill(store, rival=True)
    rival = fact_id(store, docs["rival"].id, "turnover", 2024)
    kb.curate(store, rival, "confirm", by="Анна", why="данные таможни")
    [found] = kb.dossier(store, "KZ", "UZ").contradictions
    assert found.status == "resolved"
    [line] = [s for s in kb.series(store, "KZ", "UZ", "turnover") if s.currency == "USD"]
    assert {p.year: p.value for p in line.points}[2024] == 3.9e9  # one source, but vouched for


def test_reject_and_correct(store: Store) -> None:
    docs = fill(store)
    main = docs["main"].id
    kb.curate(
        store,
        fact_id(store, main, "turnover", 2023),
        "correct",
        by="Анна",
        why="в статье опечатка",
        field="value",
        value="4,05e9",
    )
    target = next(f for f in store.facts(doc_id=main) if f.status == "target")
    decision = kb.curate(store, target.id, "reject", by="Борис", why="это не цель, а цитата")
    assert (decision.by, decision.action, decision.why) == (
        "Борис",
        "reject",
        "это не цель, а цитата",
    )
    assert decision.at.endswith("+00:00")
    shown = kb.dossier(store, "KZ", "UZ")
    assert not any(
        c.fields.get("status") == "target" and c.claims[0].fact.doc_id == main
        for c in shown.sections["targets"]
    )
    [line] = [s for s in shown.series if s.line == "turnover"]
    point_2023 = next(p for p in line.points if p.year == 2023)
    assert point_2023.value == 4.05e9 and point_2023.fact.curated


@pytest.mark.parametrize(
    ("action", "why", "field", "error"),
    [
        ("approve", "x", None, "unknown curation action"),
        ("reject", "", None, "needs a reason"),
        ("correct", "x", "colour", "cannot correct field"),
        ("correct", "x", "value", "expected a number"),
    ],
)
def test_curation_refuses_what_it_cannot_record(
    store: Store, action: str, why: str, field: str | None, error: str
) -> None:
    docs = fill(store)
    found = fact_id(store, docs["main"].id, "turnover", 2024)
    with pytest.raises(kb.CurationError, match=error):
        kb.curate(store, found, action, by="Анна", why=why, field=field, value="много")


def test_curating_an_unknown_fact(store: Store) -> None:
    with pytest.raises(kb.UnknownFactError, match="no fact with id"):
        kb.curate(store, "0000000000000000", "confirm", by="Анна")


def reextracted(text: str = KZ_UZ) -> list[Fact]:
    """The same article read by a newer extractor: a new field, a qualifier changed, so
    every fact id changes, but document, type, span and indicator stay."""
    new = []
    for fact in kz_uz_facts(text):
        fields = {**fact.fields, "extractor": 2}
        if fields.get("value") == 4.0e9:
            fields["qualifier"] = "approx"
        new.append(Fact(fact.type, fields, fact.evidence, 0.6, rule="newer.rule"))
    return new


def decide(store: Store, doc_id: str) -> None:
    kb.curate(
        store,
        fact_id(store, doc_id, "turnover", 2023),
        "correct",
        by="Анна",
        why="опечатка",
        field="value",
        value="4,05e9",
    )
    kb.curate(
        store,
        fact_id(store, doc_id, "import", 2024),
        "reject",
        by="Анна",
        why="это экспорт Узбекистана, а не импорт",
    )


def assert_decisions_apply(store: Store) -> None:
    shown = kb.dossier(store, "KZ", "UZ")
    by_year = {p.year: p for s in shown.series if s.line == "turnover" for p in s.points}
    assert by_year[2023].value == 4.05e9 and by_year[2023].fact.curated
    assert not [s for s in shown.series if s.line == "UZ→KZ"]  # the import was rejected


def test_curation_survives_reextraction_in_a_fresh_database(tmp_path: Path) -> None:
    main = doc(KZ_UZ, "main.txt")
    with Store(str(tmp_path / "old.db")) as old:
        old.add(main, kz_uz_facts())
        decide(old, main.id)
        log = kb.curation_log(old)
    with Store(str(tmp_path / "new.db")) as new:
        new.add(main, reextracted())
        assert not {f.id for f in new.facts()} & {row["fact_id"] for row in log}
        assert kb.load_curation(new, log) == 2
        assert kb.load_curation(new, log) == 0  # loading twice adds nothing
        assert_decisions_apply(new)


def test_curation_survives_reextraction_in_the_same_database(store: Store) -> None:
    main = doc(KZ_UZ, "main.txt")
    store.add(main, kz_uz_facts())
    decide(store, main.id)
    with store.engine.begin() as conn:  # what a re-extraction does: drop the machine's rows
        conn.execute(delete(facts).where(facts.c.doc_id == main.id))
        conn.execute(delete(documents).where(documents.c.id == main.id))
    store.add(main, reextracted())
    assert_decisions_apply(store)


TWO_FIGURES = (
    "Товарооборот Казахстана и Узбекистана в 2024 году составил 4,4 млрд долларов, "
    "или около 400 млрд рублей. В 2023 году оборот составил 4 млрд долларов, а в "
    "2022 году — 3,5 млрд долларов."
)


def two_figures(rubles: float = 400e9, with_2022: bool = True) -> list[Fact]:
    """Two turnover figures in each of two sentences: same document, type, span and
    indicator, told apart only by what they say."""
    found = [
        trade(TWO_FIGURES, "составил 4,4", "turnover", 4.4e9, 2024),
        trade(TWO_FIGURES, "составил 4,4", "turnover", rubles, 2024, currency="RUB"),
        trade(TWO_FIGURES, "В 2023 году", "turnover", 4.0e9, 2023),
    ]
    if with_2022:
        found.append(trade(TWO_FIGURES, "В 2023 году", "turnover", 3.5e9, 2022))
    return found


def rebuilt(store: Store, document: Document, new_facts: list[Fact]) -> None:
    """What a re-extraction does: drop the machine's rows, store what the extractor says now."""
    with store.engine.begin() as conn:
        conn.execute(delete(facts).where(facts.c.doc_id == document.id))
        conn.execute(delete(documents).where(documents.c.id == document.id))
    store.add(document, new_facts)


def verdicts(store: Store, document: Document) -> dict[tuple[Any, ...], str | None]:
    """(indicator, currency, year, value) → curation status of each fact of the document,
    each read on its own as a fact's page reads it, and all together as a dossier does."""
    stored = [f for f in store.facts(doc_id=document.id) if f.type == "trade"]
    alone = [c for f in stored for c in kb.claims(store, [f], keep_rejected=True)]
    together = kb.claims(store, stored, keep_rejected=True)
    assert [c.status for c in alone] == [c.status for c in together]
    return {
        (c.get("indicator"), c.get("currency"), c.year, c.get("value")): c.status for c in together
    }


def test_a_decision_stays_on_its_figure_when_reextraction_changes_a_value(store: Store) -> None:
    main, papers = doc(KZ_UZ, "main.txt"), doc(TWO_FIGURES, "two.txt")
    store.add(main, kz_uz_facts())
    store.add(papers, two_figures())
    kb.curate(store, fact_id(store, main.id, "import", 2024), "confirm", by="Анна")
    [dollars] = [f for f in store.facts(doc_id=papers.id, year=2024) if f.currency == "USD"]
    kb.curate(store, dollars.id, "confirm", by="Анна")
    # a newer extractor reads the import, and the ruble figure beside the dollars, anew
    rebuilt(
        store,
        main,
        [
            Fact(f.type, {**f.fields, "value": 1.9e9}, f.evidence, f.confidence, f.rule)
            if f.get("indicator") == "import"
            else f
            for f in kz_uz_facts()
        ],
    )
    rebuilt(store, papers, two_figures(rubles=4e9))
    assert {k: v for k, v in verdicts(store, main).items() if v} == {
        ("import", "USD", 2024, 1.9e9): "confirmed"
    }
    assert {k: v for k, v in verdicts(store, papers).items() if v} == {
        ("turnover", "USD", 2024, 4.4e9): "confirmed"
    }  # not the ruble figure beside it
    assert kb.orphans(store) == []


def test_a_decision_whose_fact_is_gone_is_orphaned_not_moved(store: Store) -> None:
    papers = doc(TWO_FIGURES, "two.txt")
    store.add(papers, two_figures())
    [gone] = store.facts(doc_id=papers.id, year=2022)
    decision = kb.curate(store, gone.id, "reject", by="Борис", why="это 2021 год")
    rebuilt(store, papers, two_figures(with_2022=False))  # the 2022 figure is read no more
    assert not any(verdicts(store, papers).values())  # not moved to its sibling
    assert [d.id for d in kb.orphans(store)] == [decision.id]
    [logged] = kb.curation_log(store)
    assert logged["orphaned"] is True


# -- series, dossier, profile -----------------------------------------------------------------


def test_series_by_pair_and_indicator(store: Store) -> None:
    fill(store, rival=True)
    text = "За 9 месяцев 2024 года товарооборот составил 3,1 млрд долларов."
    store.add(
        doc(text, "nine.txt", "2024-10-20"), [trade(text, "3,1", "turnover", 3.1e9, 2024, months=9)]
    )
    [line] = kb.series(store, "Казахстан", "UZ", "turnover")
    assert [(p.year, p.months) for p in line.points] == [(2023, None), (2024, 9), (2024, None)]
    assert next(p for p in line.points if p.months is None and p.year == 2024).disputed
    flows = kb.series(store, "KZ", "UZ", "export")
    assert sorted(s.line for s in flows) == ["KZ→UZ", "UZ→KZ"]
    json.dumps([s.to_json() for s in flows])


def test_dossier_sections(store: Store) -> None:
    fill(store)
    shown = kb.dossier(store, "UZ", "KZ").to_json()
    assert [p["code"] for p in shown["pair"]] == ["UZ", "KZ"]
    assert shown["events"][0]["fields"]["place"] == "Ташкент"
    assert shown["events"][0]["independent"] == 1 and shown["events"][0]["n_sources"] == 2
    assert shown["people"][0]["name"] == "Арман Шаккалиев"
    assert shown["quotes"] and shown["targets"] and shown["growth"]
    assert {c["kind"] for c in shown["checks"]} == {"trade_sum", "growth"}
    json.dumps(shown, ensure_ascii=False)


def test_profile_ranks_partners(store: Store) -> None:
    fill(store)
    text = "Товарооборот Казахстана и Китая в 2024 году составил 44 млрд долларов."
    store.add(
        doc(text, "cn.txt"), [trade(text, "44", "turnover", 44e9, 2024, parties=("KZ", "CN"))]
    )
    profile = kb.profile(store, "KZ")
    assert [p["code"] for p in profile["by_turnover"]] == ["CN", "UZ"]
    assert [p["code"] for p in profile["by_events"]] == ["UZ"]


def test_whole_store_findings_may_be_served_stale_while_refreshed(store: Store) -> None:
    fill(store)
    assert kb.findings(store).contradictions == []
    text = "По данным таможни, товарооборот в 2024 году составил 3,9 млрд долларов."
    store.add(doc(text, "late.txt"), [trade(text, "3,9", "turnover", 3.9e9, 2024)])
    assert kb.findings(store, stale_ok=True).contradictions == []  # the last known, at once
    assert whole.wait_for_refresh(store, timeout=120)  # the refresh ran meanwhile
    assert len(kb.findings(store, stale_ok=True).contradictions) == 1
    assert len(kb.contradictions(store)) == 1


def test_a_background_refresh_that_fails_is_reported_and_kept(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    fill(store)
    kb.findings(store)
    late = "По данным таможни, товарооборот в 2024 году составил 3,9 млрд долларов."
    store.add(doc(late, "late.txt"), [trade(late, "3,9", "turnover", 3.9e9, 2024)])
    with store.writing("break the store") as conn:  # the refresh counts pairs over it
        conn.execute(sql_text("DROP TABLE fact_parties"))
    with caplog.at_level(logging.WARNING, logger="bilat.kb.whole"):
        assert kb.findings(store, stale_ok=True).contradictions == []  # the last known
        assert whole.wait_for_refresh(store, timeout=120)
        shown = kb.overview(store, latest=0, stale_ok=True)  # stale, and refreshes again
        assert whole.wait_for_refresh(store, timeout=120)
    logged = [r.getMessage() for r in caplog.records]
    assert len(logged) == 2 and "fact_parties" in logged[0] and "\n" not in logged[0]
    assert shown["refresh_error"] == whole.refresh_error(store) == logged[0]
    assert shown["n_contradictions"] == 0  # the last findings known are still served
    Store(store.where).close()  # opening the store makes the missing table again
    assert len(kb.findings(store).contradictions) == 1  # computed afresh, at once
    assert whole.refresh_error(store) is None
    assert kb.overview(store, latest=0, stale_ok=True)["refresh_error"] is None


def test_a_refresh_that_meets_a_bug_is_reported_with_its_traceback(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    fill(store)
    kb.findings(store)
    late = "По данным таможни, товарооборот в 2024 году составил 3,9 млрд долларов."
    store.add(doc(late, "late.txt"), [trade(late, "3,9", "turnover", 3.9e9, 2024)])
    with store.writing("corrupt a fact") as conn:  # what no bilat writes: the reader breaks
        conn.execute(sql_text("UPDATE facts SET data = '{broken' WHERE value = 3.9e9"))
    with caplog.at_level(logging.WARNING, logger="bilat.kb.whole"):
        kb.findings(store, stale_ok=True)
        assert whole.wait_for_refresh(store, timeout=120)
    [record] = caplog.records
    assert "JSONDecodeError" in record.getMessage() and "\n" not in record.getMessage()
    assert record.exc_info is not None  # a bug: its traceback is logged after the line
    assert whole.refresh_error(store) == record.getMessage()


# -- questions --------------------------------------------------------------------------------

TODAY = date(2025, 3, 1)
QUESTIONS = [  # (question, found, words the answer must contain)
    (
        "Какой товарооборот между Казахстаном и Узбекистаном в 2017 году?",
        False,
        ["нет сведений", "2017", "Есть данные"],
    ),
    (
        "Какой товарооборот между Казахстаном и Узбекистаном в 2024 году?",
        True,
        ["4,4 млрд долларов", "источников: 3, независимых: 2"],
    ),
    ("Товарооборот Узбекистана с Казахстаном в прошлом году", True, ["4,4 млрд"]),
    ("каков товарооборот казахстана и узбекистана в 2023 году", True, ["4 млрд"]),
    ("Какой экспорт Казахстана в Узбекистан в 2024 году?", True, ["2,6 млрд"]),
    ("Сколько Казахстан импортировал из Узбекистана в 2024 году?", True, ["1,8 млрд"]),
    ("На сколько вырос товарооборот Казахстана и Узбекистана в 2024 году?", True, ["10 %"]),
    ("Какую цель по товарообороту поставили Казахстан и Узбекистан?", True, ["10 млрд", "цель"]),
    ("Какие форумы проходили с участием Казахстана и Узбекистана?", True, ["форум"]),
    ("Какой товарооборот Казахстана и Китая?", False, ["нет сведений"]),
    ("Как дела?", False, ["Не удалось понять"]),
]


@pytest.mark.parametrize(("question", "found", "words"), QUESTIONS)
def test_ask(store: Store, question: str, found: bool, words: list[str]) -> None:
    fill(store)
    answer = kb.answer(store, question, today=TODAY)
    assert answer.found is found, answer.text
    for word in words:
        assert word in answer.text
    json.dumps(answer.to_json(), ensure_ascii=False)


def test_question_parsing() -> None:
    q = kb.parse("Какой экспорт из Узбекистана в Костанайскую область за 9 месяцев 2024 года?")
    assert (q.indicator, q.exporter, q.importer) == ("export", "UZ", "KZ-39")
    assert (q.year, q.months, q.status) == (2024, 9, "actual")
    assert kb.parse("российско-казахстанский товарооборот").parties == ("RU", "KZ")


# -- export -----------------------------------------------------------------------------------


EXPORTS = ["facts", "consolidated", "documents", "curation"]
# Parquet is the 'export' extra: without pyarrow its test skips and says so.
NEEDS_PYARROW = "Parquet needs pyarrow, the 'export' extra: pip install 'bilat[export]'"


def curated_store(store: Store) -> Store:
    docs = fill(store)
    kb.curate(store, fact_id(store, docs["main"].id, "turnover", 2024), "confirm", by="Анна")
    return store


@pytest.mark.parametrize("what", EXPORTS)
def test_export_formats(store: Store, tmp_path: Path, what: str) -> None:
    curated_store(store)
    counts = {}
    for format in ("csv", "jsonl"):
        path = tmp_path / f"{what}.{format}"
        counts[format] = kb.export(store, what, format, path)
        assert path.exists()
    assert counts["csv"] == counts["jsonl"] > 0
    with open(tmp_path / f"{what}.csv", encoding="utf-8") as rows:
        assert len(list(csv.DictReader(rows))) == counts["csv"]
    lines = (tmp_path / f"{what}.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == counts["jsonl"]


@pytest.mark.parametrize("what", EXPORTS)
def test_export_parquet(store: Store, tmp_path: Path, what: str) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason=NEEDS_PYARROW)
    curated_store(store)
    rows = kb.export(store, what, "jsonl", tmp_path / f"{what}.jsonl")
    assert kb.export(store, what, "parquet", tmp_path / f"{what}.parquet") == rows > 0
    assert pq.read_table(tmp_path / f"{what}.parquet").num_rows == rows


def test_exported_facts_carry_curation(store: Store, tmp_path: Path) -> None:
    docs = fill(store)
    kb.curate(
        store, fact_id(store, docs["main"].id, "turnover", 2024), "reject", by="А", why="дубль"
    )
    kb.export(store, "facts", "jsonl", tmp_path / "f.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "f.jsonl").read_text().splitlines()]
    assert sorted(r["curation"] for r in rows if r["curation"]) == ["rejected"]


def test_export_refuses_unknown_requests(store: Store) -> None:
    with pytest.raises(kb.ExportError, match="expected one of"):
        kb.export(store, "people", "csv")
    with pytest.raises(kb.ExportError, match="give a file"):
        kb.export(store, "facts", "parquet")


# -- every consolidated type (issue 13, point 8) ----------------------------------------------

ROADMAP_SIGNED = (
    "Глава республики напомнил, что дорожную карту с Казахстаном подписали в прошлом году."
)
ROADMAP_PERIOD = (
    "В рамках башкиро-казахстанской дорожной карты на 2023–2024 годы уже "
    "работают представительства компаний."
)


def roadmap(text: str, words: str, name: str, **fields: Any) -> Fact:
    return Fact(
        "agreement",
        {
            "kind": "roadmap",
            "name": name,
            "parties": ["KZ", "RU-BA"],
            "status": "signed",
            "date": None,
            "period": None,
            **fields,
        },
        at(text, words),
        0.85,
        rule="test.agreement",
    )


def test_consolidated_export_holds_every_type(store: Store, tmp_path: Path) -> None:
    fill(store)
    kb.export(store, "consolidated", "jsonl", tmp_path / "c.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text().splitlines()]
    assert {"trade", "change", "event", "quote"} <= {r["type"] for r in rows}
    [event] = [r for r in rows if r["type"] == "event"]
    assert event["n_sources"] == 2 and event["fields"]["place"] == "Ташкент"


def test_a_roadmap_is_one_fact_and_keeps_its_period(store: Store, tmp_path: Path) -> None:
    """One source dates the signing ("в прошлом году" → 2023), the other names the
    period: one roadmap with both, in the dossier and in the export."""
    store.add(
        doc(ROADMAP_SIGNED, "signed.txt", "2024-11-29"),
        [roadmap(ROADMAP_SIGNED, "дорожную карту", "Дорожная карта", date="2023")],
    )
    store.add(
        doc(ROADMAP_PERIOD, "period.txt", "2024-11-28"),
        [
            roadmap(
                ROADMAP_PERIOD,
                "дорожной карты",
                "Башкиро-казахстанская дорожная карта",
                period={"from_year": 2023, "to_year": 2024},
            )
        ],
    )
    [found] = kb.dossier(store, "KZ", "RU-BA").sections["agreements"]
    assert len(found.claims) == 2
    assert found.fields["period"] == {"from_year": 2023, "to_year": 2024}
    assert found.fields["date"] == "2023"
    assert "на 2023–2024 годы" in wording.summary(found.fields, "agreement")
    kb.export(store, "consolidated", "jsonl", tmp_path / "c.jsonl")
    [row] = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text().splitlines()]
    assert row["type"] == "agreement" and row["n_sources"] == 2
    assert row["fields"]["period"] == {"from_year": 2023, "to_year": 2024}


def test_two_dated_roadmaps_stay_apart(store: Store) -> None:
    """An undated mention joins a dated one only where no other date competes."""
    store.add(
        doc(ROADMAP_SIGNED, "signed.txt", "2024-11-29"),
        [roadmap(ROADMAP_SIGNED, "дорожную карту", "Дорожная карта", date="2023")],
    )
    store.add(
        doc(ROADMAP_PERIOD, "period.txt", "2020-11-28"),
        [roadmap(ROADMAP_PERIOD, "дорожной карты", "Дорожная карта", date="2019")],
    )
    assert len(kb.dossier(store, "KZ", "RU-BA").sections["agreements"]) == 2


# -- ask: rivals, English, people (issue 13, point 4) -----------------------------------------

ENGLISH = [  # (question, found, words the answer must contain)
    (
        "What was the trade between Kazakhstan and Uzbekistan in 2024?",
        True,
        ["Товарооборот Казахстан — Узбекистан за 2024 год", "4,4 млрд"],
    ),
    (
        "What was the trade between Kazakhstan and Uzbekistan in 2017?",
        False,
        ["нет сведений о товарообороте (Казахстан — Узбекистан) за 2017 год", "Есть данные"],
    ),
    ("What were Kazakhstan's exports to Uzbekistan in 2024?", True, ["2,6 млрд"]),
    (  # "об" before a vowel (issue 13, point 9)
        "What were Kazakhstan's exports to Uzbekistan in 2017?",
        False,
        ["нет сведений об экспорте (Казахстан — Узбекистан) за 2017 год"],
    ),
    ("How much did Kazakhstan import from Uzbekistan in 2024?", True, ["1,8 млрд"]),
    ("In 2024, what was the turnover of Kazakhstan and Uzbekistan?", True, ["4,4 млрд"]),
    ("How did trade between Kazakhstan and Uzbekistan grow in 2024?", True, ["10 %"]),
]


@pytest.mark.parametrize(("question", "found", "words"), ENGLISH)
def test_ask_in_english(store: Store, question: str, found: bool, words: list[str]) -> None:
    fill(store)
    answer = kb.answer(store, question, today=TODAY)
    assert answer.found is found, answer.text
    for word in words:
        assert word in answer.text


def test_english_questions_name_regions_and_not_india() -> None:
    q = kb.parse("What was the trade between Kazakhstan and Bashkortostan in 2023?")
    assert (q.parties, q.type, q.indicator, q.year) == (("KZ", "RU-BA"), "trade", "turnover", 2023)
    assert kb.parse("Trade of Russia with the Kostanay region in 2024").parties == ("RU", "KZ-39")


def test_a_disputed_answer_shows_the_rival_with_its_sources(store: Store) -> None:
    fill(store, rival=True)
    answer = kb.answer(
        store, "Какой товарооборот между Казахстаном и Узбекистаном в 2024 году?", today=TODAY
    )
    assert answer.found and "источники расходятся" in answer.text
    assert "4,4 млрд" in answer.text and "3,9 млрд" in answer.text and "rival.txt" in answer.text
    [rival] = answer.rivals
    assert rival.value == 3.9e9 and [s["doc_name"] for s in rival.sources()] == ["rival.txt"]
    shown = answer.to_json()
    assert [s["doc_name"] for r in shown["rivals"] for s in r["sources"]] == ["rival.txt"]


MINISTER = "Министр торговли Казахстана Арман Шаккалиев провёл встречу с коллегами."


def add_minister(store: Store) -> None:
    store.add(
        doc(MINISTER, "minister.txt"),
        [
            Fact(
                "person",
                {
                    "name": "Арман Шаккалиев",
                    "surname": "Шаккалиев",
                    "first_name": "Арман",
                    "role": "министр торговли Казахстана",
                    "roles": ["министр торговли Казахстана"],
                    "country": "KZ",
                    "region": None,
                    "aliases": ["Арман Шаккалиев"],
                },
                at(MINISTER, "Министр"),
                0.85,
                rule="test.person",
            )
        ],
    )


@pytest.mark.parametrize(
    "question", ["Кто такой Арман Шаккалиев?", "кто такой Шаккалиев", "Who is Arman Shakkaliev?"]
)
def test_who_is(store: Store, question: str) -> None:
    add_minister(store)
    answer = kb.answer(store, question, today=TODAY)
    assert answer.found, answer.text
    assert "Арман Шаккалиев" in answer.text and "министр торговли Казахстана" in answer.text
    assert "minister.txt" in answer.text
    assert answer.to_json()["person"]["name"] == "Арман Шаккалиев"


def test_who_is_someone_unknown(store: Store) -> None:
    add_minister(store)
    answer = kb.answer(store, "Кто такая Анна Иванова?", today=TODAY)
    assert not answer.found and "нет сведений о человеке «Анна Иванова»" in answer.text


# -- junk pairs and partners (issue 13, point 6) ---------------------------------------------


def named(text: str, word: str, code: str, form: str = "name") -> Mention:
    start = text.index(word)
    return Mention(start, start + len(word), word, lookup(code), form, word)


def partners(store: Store, code: str) -> list[str]:
    return [p["code"] for p in kb.profile(store, code)["partners"]]


def test_a_share_s_label_and_bilateral_total_are_no_partners(store: Store) -> None:
    text = "Доля МСБ в структуре двустороннего товарооборота не превышает 8%."
    share = Fact(
        "share",
        {
            "indicator": "turnover",
            "part": "SME",
            "whole": "KZ+RU",
            "percent": 8.0,
            "qualifier": "under",
        },
        at(text, "не превышает"),
        0.8,
        rule="test.share",
    )
    store.add(doc(text, "sme.txt"), [share])
    assert partners(store, "RU") == ["KZ"]  # the total's other side; no "SME", no "KZ+RU"
    assert kb.dossier(store, "KZ", "RU").sections["shares"]


QUOTE_TEXT = (
    "«Мы намерены развивать сотрудничество с Казахстаном», — заявил специальный "
    "представитель Президента России по Антарктике Артур Чилингаров."
)
ROUTE_TEXT = (
    "«Объем транспортировки нефти по трубопроводу Баку – Тбилиси – Джейхан составил "
    "1,4 миллиона тонн, и мы наращиваем транзит через Азербайджан», — отметил "
    "директор КИСИ Еркин Тукумов в Казахстане."
)


def quote(text: str, words: str, name: str, role: str, country: str) -> Fact:
    return Fact(
        "quote",
        {
            "speaker": {"name": name, "role": role, "organization": None, "country": country},
            "text": text[1 : text.index("»")],
            "mode": "direct",
        },
        at(text, words),
        0.7,
        rule="test.quote",
    )


def test_a_word_of_the_speaker_s_title_is_no_partner(store: Store) -> None:
    role = "специальный представитель Президента России по Антарктике"
    store.add(
        doc(QUOTE_TEXT, "aq.txt"),
        [quote(QUOTE_TEXT, "Мы намерены", "Артур Чилингаров", role, "RU")],
        [
            named(QUOTE_TEXT, "Казахстаном", "KZ"),
            named(QUOTE_TEXT, "России", "RU"),
            named(QUOTE_TEXT, "Антарктике", "AQ"),
        ],
    )
    assert partners(store, "RU") == ["KZ"]
    assert not kb.dossier(store, "RU", "AQ").sections["quotes"]


def test_the_cities_of_a_route_are_no_partners(store: Store) -> None:
    store.add(
        doc(ROUTE_TEXT, "route.txt"),
        [quote(ROUTE_TEXT, "Объем", "Еркин Тукумов", "директор КИСИ", "KZ")],
        [
            named(ROUTE_TEXT, "Баку", "AZ-BA"),
            named(ROUTE_TEXT, "Тбилиси", "GE-TB"),
            named(ROUTE_TEXT, "Азербайджан", "AZ"),
            named(ROUTE_TEXT, "Казахстане", "KZ"),
        ],
    )
    assert partners(store, "KZ") == ["AZ"]


def test_a_country_and_its_own_region_are_no_pair(store: Store) -> None:
    text = "Компания из Белорецка планирует запустить в Костанае производство пружин."
    project = Fact(
        "project",
        {
            "partners": ["RU-BA", "KZ"],
            "location": "KZ-39",
            "sector": "machine building",
            "status": "planned",
        },
        at(text, "запустить"),
        0.7,
        rule="test.project",
    )
    store.add(doc(text, "kz39.txt"), [project])
    pairs = {(p["a"], p["b"]) for p in kb.overview(store, latest=0)["pairs"]}
    assert pairs == {("KZ", "RU-BA"), ("KZ-39", "RU-BA")}
    # the CLI's pairs table reads the same query
    assert {(a, b) for a, b, _ in store.top_pairs(10)} == pairs
