"""The knowledge base's stored rows: equal to the on-read computation, updated per scope."""

from __future__ import annotations

import importlib
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from test_kb import KZ_UZ, OTHER, doc, fact_id, fill, kz_uz_facts, trade

from bilat import kb
from bilat.kb import incremental, kept, scoped, whole
from bilat.kb import table as kb_table
from bilat.kb.claims import (
    claims,
    every_fact,
    pair_claims,
    pair_condition,
    party_claims,
    party_condition,
)
from bilat.kb.consolidate import consolidate
from bilat.store import Store
from bilat.store.schema import SCHEMA_VERSION, facts, kb_claims, kb_consolidated, meta
from bilat.web import create_app

with warnings.catch_warnings():  # starlette asks for httpx2, which bilat does not ship
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def reference(store: Store) -> dict[str, Any]:
    """What the whole store gives when consolidated on the read: the reference."""

    def texts(records: Any) -> list[str]:
        return [json.dumps(r.to_json(), ensure_ascii=False) for r in records]

    return {
        "contradictions": texts(whole.contradictions(store)),
        "checks": texts(whole.consistency(store)),
        "pairs": store.top_pairs(whole.TOP_PAIRS),
        "consolidated": [c.to_json() for c in whole.consolidated_all(store)],
    }


def stored(store: Store) -> dict[str, Any]:
    """The same, as the stored rows hold it (brought up to date first)."""
    found = whole.findings(store)
    return {
        "contradictions": found.contradictions,
        "checks": found.checks,
        "pairs": found.pairs,
        "consolidated": list(whole.stored_consolidated(store)),
    }


def assert_same(store: Store) -> dict[str, Any]:
    expected = reference(store)
    assert stored(store) == expected
    return expected


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(str(tmp_path / "kb.db")) as opened:
        yield opened


# -- the demo corpus ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    pytest.importorskip("natasha", reason="the demo corpus goes through the NLP pipeline")
    from bilat.pipeline import ingest
    from bilat.sources import demo_path

    with Store(str(tmp_path_factory.mktemp("demo") / "demo.db")) as opened:
        ingest([str(demo_path())], opened)
        yield opened


def test_the_demo_corpus_rows_equal_the_on_read_computation(demo_store: Store) -> None:
    done = kb.update(demo_store)
    assert done.documents == demo_store.count_documents() > 10 and done.keys > 100
    expected = assert_same(demo_store)
    assert expected["contradictions"] and expected["checks"] and expected["pairs"]
    assert len(expected["consolidated"]) > 100
    assert kb.update(demo_store) == kb.Update()  # nothing new: nothing recomputed


def test_rebuild_makes_the_same_rows_again(demo_store: Store) -> None:
    kb.update(demo_store)
    before = stored(demo_store)
    done = kb.rebuild(demo_store)
    assert done.documents == demo_store.count_documents() and done.scopes > 10
    assert stored(demo_store) == before == reference(demo_store)


def test_a_partys_and_a_pairs_rows_equal_consolidating_their_claims(demo_store: Store) -> None:
    """What a party's page and an answer read instead of consolidating on the request."""
    kept.current(demo_store)
    parties = [p for p, n in demo_store.count_facts(by="party").items() if n >= 3]
    assert len(parties) > 10
    for party in parties:
        expected = [c.to_json() for c in consolidate(party_claims(demo_store, party))]
        assert [k.to_json() for k in kept.of_party(demo_store, party, records=True)] == expected
    for a, b, _ in demo_store.top_pairs(10):
        expected = [c.to_json() for c in consolidate(pair_claims(demo_store, a, b))]
        assert [k.to_json() for k in kept.of_pair(demo_store, a, b, records=True)] == expected
        summaries = kept.of_pair(demo_store, a, b)
        assert [(k.id, k.n_claims) for k in summaries] == [
            (e["id"], e["n_sources"]) for e in expected
        ]


def test_the_consolidated_table_reads_the_rows_as_consolidating_would_give(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The /consolidated table: each filter selects what consolidating the facts it
    matches gives, and nothing is consolidated on the request."""
    kept.current(demo_store)
    (a, b, _), *_ = demo_store.top_pairs(1)
    years = [int(y) for y in demo_store.count_facts(by="year") if str(y).isdigit()]
    selections = [
        ({}, []),
        ({"type": "trade"}, [facts.c.type == "trade"]),
        ({"party": a}, [party_condition(a)]),
        (
            {"party": a, "partner": b, "type": "event"},
            [pair_condition(a, b), facts.c.type == "event"],
        ),
        (
            {"type": "trade", "year": max(years)},
            [facts.c.type == "trade", facts.c.year == max(years)],
        ),
        (
            {"indicator": "turnover", "status": "actual"},
            [facts.c.indicator == "turnover", facts.c.status == "actual"],
        ),
    ]
    expected = {
        str(chosen): [
            c.to_json() for c in consolidate(claims(demo_store, every_fact(demo_store, where)))
        ]
        for chosen, where in selections
    }
    # bilat.kb's own ``consolidate`` (the function) hides the module of that name
    monkeypatch.setattr(importlib.import_module("bilat.kb.consolidate"), "consolidate", refuse)
    for chosen, _ in selections:
        found = kb_table.matching(demo_store, kb_table.Wanted(**chosen))
        assert found, chosen
        assert [k.to_json() for k in kept.with_records(demo_store, found)] == expected[str(chosen)]
    disputed = kb_table.matching(demo_store, kb_table.Wanted(standing="disputed"))
    assert {k.standing for k in disputed} == {"disputed"}


def refuse(*args: Any) -> None:
    raise AssertionError("consolidated on the request")


def test_a_dossiers_ranks_read_from_the_totals_equal_the_actor_pages(demo_store: Store) -> None:
    """Each party's partners counted from the totals kept per scope, as a dossier ranks
    the pair's sides, equal those its page counts from its every fact."""
    kept.current(demo_store)
    parties = [p for p, n in demo_store.count_facts(by="party").items() if n >= 3]
    dossier = importlib.import_module("bilat.kb.dossier")  # kb.dossier is the function
    with_turnover = 0
    for party in parties:
        page = kb.profile(demo_store, party)["partners"]
        assert dossier._partners_of(demo_store, party) == page, party
        with_turnover += any(p["turnover"] for p in page)
    assert with_turnover >= 3
    (a, b, _), *_ = demo_store.top_pairs(1)
    [rank_a, _] = kb.dossier(demo_store, a, b).ranks
    by_facts = [p["code"] for p in kb.profile(demo_store, a)["partners"]]
    assert rank_a["by_facts"] == by_facts.index(b) + 1


def turnover(year: int | None, months: int | None, fact: str) -> dict[str, Any]:
    return {"value_usd": 1e9, "year": year, "months": months, "fact": fact}


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        ([], None),
        (
            [((-2, -2, "b"), turnover(2023, None, "b")), ((-1, -1, "a"), turnover(2024, 6, "a"))],
            "a",
        ),
        (
            [((-1, -1, "a"), turnover(2024, 6, "a")), ((-2, -2, "b"), turnover(2024, None, "b"))],
            "b",
        ),
        # one period: the key met first in consolidate's order (the smallest lead)
        (
            [((-1, -1, "z"), turnover(2024, None, "z")), ((-3, -1, "y"), turnover(2024, 12, "y"))],
            "y",
        ),
        (
            [
                ((-1, -1, "z"), turnover(None, None, "z")),
                ((-1, -1, "q"), turnover(None, None, "q")),
            ],
            "q",
        ),
    ],
)
def test_a_partners_latest_turnover_over_scopes(
    candidates: list[tuple[Any, dict[str, Any]]], expected: str | None
) -> None:
    found = scoped.latest_turnover(candidates)
    assert (found or {}).get("fact") == expected


# -- a varied small corpus ----------------------------------------------------------------------


def test_reprints_rivals_and_decisions_keep_the_rows_equal(store: Store) -> None:
    docs = fill(store, rival=True)
    kb.update(store)
    shown = assert_same(store)
    [open_one] = [json.loads(c) for c in shown["contradictions"]]
    assert open_one["status"] == "open" and len(open_one["sides"]) == 2
    rival = fact_id(store, docs["rival"].id, "turnover", 2024)
    kb.curate(store, rival, "confirm", by="Анна", why="таможня")  # updates the rows itself
    assert not incremental.behind(store)
    [settled] = [json.loads(c) for c in assert_same(store)["contradictions"]]
    assert settled["status"] == "resolved"
    kb.curate(store, rival, "reject", by="Анна", why="не та страна")
    assert assert_same(store)["contradictions"] == []
    main = fact_id(store, docs["main"].id, "turnover", 2024)
    kb.curate(store, main, "correct", by="Анна", why="опечатка", field="value", value="5,1e9")
    assert assert_same(store)["contradictions"]  # 5.1 bn now disputes the other outlets
    kb.curate(store, main, "correct", by="Анна", why="не та пара", field="parties", value="KZ,CN")
    moved = assert_same(store)["consolidated"]
    assert [c["fields"]["value"] for c in moved if c["fields"].get("parties") == ["KZ", "CN"]] == [
        5.1e9
    ]


def test_a_changed_document_ingested_again_is_a_reprint_and_keeps_the_rows_equal(
    store: Store,
) -> None:
    fill(store)
    kb.update(store)
    before = {c["id"]: c for c in stored(store)["consolidated"]}
    changed = KZ_UZ.replace("Шаккалиев сказал", "Шаккалиев заявил")
    assert store.add(doc(changed, "main-v2.txt", "2025-02-09"), kz_uz_facts(changed))
    done = kb.update(store)
    assert done.documents == 1
    after = {c["id"]: c for c in assert_same(store)["consolidated"]}
    turnover = next(c for c in after.values() if c["fields"].get("value") == 4.4e9)
    # one more source of the same article: one more claim, no more independent sources
    assert turnover["n_sources"] == before[turnover["id"]]["n_sources"] + 1
    assert turnover["independent"] == before[turnover["id"]]["independent"]


# -- what an update recomputes ------------------------------------------------------------------


def test_one_more_document_recomputes_only_its_scopes(store: Store) -> None:
    fill(store)
    text = "Товарооборот Казахстана и Китая в 2024 году составил 44 млрд долларов."
    store.add(
        doc(text, "cn.txt"), [trade(text, "44", "turnover", 44e9, 2024, parties=("KZ", "CN"))]
    )
    kb.update(store)
    n_keys = len(reference(store)["consolidated"])
    late = "Товарооборот Казахстана и Китая в 2023 году составил 41 млрд долларов."
    fact = trade(late, "41", "turnover", 41e9, 2023, parties=("KZ", "CN"))
    assert store.add(doc(late, "cn-2023.txt", "2025-03-02"), [fact])
    done = kb.update(store)
    assert (done.documents, done.scopes, done.keys) == (1, 1, 2)  # KZ–CN: 2023 and 2024
    assert n_keys > done.keys + 5  # KZ–UZ's keys were not touched
    assert_same(store)
    assert not store.add(doc(late, "cn-2023.txt", "2025-03-02"), [fact])  # the same again
    assert kb.update(store) == kb.Update()


def test_a_decision_recomputes_only_its_scope(store: Store) -> None:
    docs = fill(store, rival=True)
    text = "Товарооборот Казахстана и Китая в 2024 году составил 44 млрд долларов."
    store.add(
        doc(text, "cn.txt"), [trade(text, "44", "turnover", 44e9, 2024, parties=("KZ", "CN"))]
    )
    kb.update(store)
    recomputed: list[list[str]] = []
    recompute = incremental._recompute

    def counting(store: Store, scopes: list[str], members: Any) -> int:
        recomputed.append(scopes)
        return recompute(store, scopes, members)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(incremental, "_recompute", counting)
        kb.curate(
            store,
            fact_id(store, docs["rival"].id, "turnover", 2024),
            "reject",
            by="Анна",
            why="не та страна",
        )
    assert recomputed == [["KZ|UZ"]]
    assert_same(store)


def test_a_crash_between_taking_in_and_recomputing_is_finished_later(store: Store) -> None:
    fill(store)

    def crash(*args: Any) -> int:
        raise RuntimeError("killed")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(incremental, "_recompute", crash)
        with pytest.raises(RuntimeError):
            kb.update(store)
    assert incremental.behind(store)  # the documents are in, their scopes marked dirty
    assert kb.update(store).scopes >= 1
    assert_same(store)


# -- reading ------------------------------------------------------------------------------------


def test_a_servers_first_overview_reads_rows_without_recomputing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(store, rival=True)
    store.add(
        doc(OTHER, "other-2.txt", "2025-03-05"), [trade(OTHER, "4,3", "turnover", 4.3e9, 2024)]
    )
    kb.update(store)  # as `bilat ingest` does once it has stored its documents
    expected = reference(store)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("consolidated on a read")

    for name in ("consolidate", "claims", "every_fact"):
        monkeypatch.setattr(incremental, name, refuse)
    monkeypatch.setattr(whole, "consolidated_all", refuse)
    with TestClient(create_app(store, background=True)) as served:
        first = served.get("/api/overview").json()
        listed = served.get("/api/contradictions").json()
    assert not first["findings_pending"] and first["refresh_error"] is None
    assert first["n_contradictions"] == len(expected["contradictions"]) == 1
    assert listed["contradictions"] == [json.loads(c) for c in expected["contradictions"]]
    assert [(p["a"], p["b"], p["n_facts"]) for p in first["pairs"]] == expected["pairs"]


def test_an_older_database_gets_its_rows_on_its_first_read(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    with Store(path) as old:
        fill(old, rival=True)
        with old.writing("make it version 4") as conn:
            conn.execute(update(meta).where(meta.c.key == "schema_version").values(value="4"))
    with Store(path) as opened:
        with opened.reading("read the version") as conn:
            version = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version"))
            assert version.scalar() == str(SCHEMA_VERSION)
            assert conn.execute(select(kb_consolidated.c.id)).first() is None
        assert not incremental.built(opened)
        shown = assert_same(opened)
        assert len(shown["contradictions"]) == 1 and incremental.built(opened)
        with opened.reading("count claims") as conn:
            assert len(conn.execute(select(kb_claims.c.fact_id)).all()) == 18


def test_bilat_rebuild_prints_what_it_made(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from bilat.cli import app

    path = str(tmp_path / "cli.db")
    with Store(path) as made:
        fill(made)
    result = CliRunner().invoke(app, ["rebuild", "--db", path])
    assert result.exit_code == 0, result.output
    assert "3 documents, 0 decisions → 2 scopes" in " ".join(result.output.split())
    with Store(path) as made:
        assert not incremental.behind(made)
        assert_same(made)
