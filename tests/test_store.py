"""bilat.store against SQLite; test_store_postgres.py runs TestStore again on PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, text, update

import bilat.store.store as store_module
from bilat.errors import StoreError
from bilat.model import Actor, Document, Evidence, Fact, Mention
from bilat.store import Store, schema

# -- sample records: Russian sentences written for these tests ----------------------------

TEXT_BA = (
    "Объём товарооборота с Казахстаном в 2024 году вырос на 12 процентов. "
    "Товарооборот между Башкортостаном и Казахстаном составил 489,2 млн долларов, "
    "из которых экспорт достиг 406,2 млн."
)
TEXT_UZ = (
    "Делегация Узбекистана посетила Уфу, где обсуждались поставки зерна и "
    "создание совместного машиностроительного предприятия."
)
TEXT_TRI = (
    "В Астане прошёл форум регионов России, Казахстана и Узбекистана; "
    "стороны подписали дорожную карту на 2025 год."
)

KZ = Actor(code="KZ", name="Казахстан", kind="country", country="KZ")
BA = Actor(code="RU-BA", name="Республика Башкортостан", kind="region", country="RU")


def doc(
    text: str, name: str, title: str | None = None, date: str | None = None, **kwargs: Any
) -> Document:
    return Document(
        text=text, source=f"corpus/{name}", name=name, kind="text", title=title, date=date, **kwargs
    )


def fact(type: str, start: int = 0, confidence: float = 0.9, **fields: Any) -> Fact:
    return Fact(
        type=type,
        fields=fields,
        evidence=Evidence("…", start, start + 60),
        confidence=confidence,
        rule=f"test.{type}",
    )


def trade(
    indicator: str, parties: list[str], value: float, year: int | None, start: int = 0, **more: Any
) -> Fact:
    return fact(
        "trade",
        start=start,
        indicator=indicator,
        parties=parties,
        value=value,
        currency="USD",
        qualifier="exact",
        period={"year": year, "months": None},
        status="actual",
        **more,
    )


def ba_document() -> tuple[Document, list[Fact], list[Mention]]:
    document = doc(TEXT_BA, "ba.txt", title="Башкирия и Казахстан", date="2024-11-28")
    facts = [
        fact(
            "change",
            start=0,
            indicator="turnover",
            parties=["KZ", "RU-BA"],
            percent=12.0,
            period={"year": 2024, "months": None},
            base="previous_period",
        ),
        trade("turnover", ["RU-BA", "KZ"], 489.2e6, 2024, start=70),
        trade("export", ["RU-BA", "KZ"], 406.2e6, 2024, start=70, exporter="RU-BA", importer="KZ"),
    ]
    mentions = [
        Mention(25, 36, "Казахстаном", KZ, "name"),
        Mention(98, 112, "Башкортостаном", BA, "name", "Башкортостан"),
    ]
    return document, facts, mentions


def other_documents() -> list[tuple[Document, list[Fact]]]:
    uz = doc(TEXT_UZ, "uz.txt", title="Узбекистан в Уфе", date="2023-05-01")
    tri = doc(TEXT_TRI, "tri.txt")
    return [
        (
            uz,
            [
                fact("event", kind="visit", parties=["UZ", "RU-BA"], date="2023-05"),
                fact(
                    "project",
                    start=40,
                    sector="machinery",
                    location="RU-BA",
                    partners=["UZ"],
                    status="planned",
                ),
            ],
        ),
        (
            tri,
            [
                fact(
                    "event",
                    kind="forum",
                    parties=["RU", "KZ", "UZ"],
                    date="2024-10",
                    place="Астана",
                ),
                fact(
                    "agreement",
                    start=60,
                    kind="roadmap",
                    parties=["RU", "KZ-39"],
                    period={"year": 2025},
                ),
            ],
        ),
    ]


def filled(store: Store) -> Store:
    document, facts, mentions = ba_document()
    assert store.add(document, facts, mentions)
    for other, its_facts in other_documents():
        assert store.add(other, its_facts)
    return store


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return str(tmp_path / "bilat.db")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


def ids(found: list[Any]) -> list[str]:
    return sorted(item.id for item in found)


# -- every backend ------------------------------------------------------------------------


class TestStore:
    """The store's behaviour; collected again by test_store_postgres.py for PostgreSQL."""

    def test_add_then_add_again_changes_nothing(self, store: Store, store_url: str) -> None:
        document, facts, mentions = ba_document()
        assert store.add(document, facts, mentions) is True
        assert store.add(document, facts, mentions) is False
        with Store(store_url) as reopened:  # also across processes: the check is in the db
            assert reopened.add(document, facts[:1]) is False
            assert reopened.count_documents() == 1
            assert reopened.count_facts() == {"change": 1, "trade": 2}
            assert len(reopened.document_mentions(document.id)) == 2

    def test_same_fact_twice_in_one_document_is_one_row(self, store: Store) -> None:
        document, facts, _ = ba_document()
        assert store.add(document, [facts[1], facts[1]])
        assert store.count_facts() == {"trade": 1}

    def test_fact_ids_are_stable(self, store: Store, store_url: str) -> None:
        document, facts, _ = ba_document()
        store.add(document, facts)
        first = ids(store.facts())
        with Store(store_url) as again:
            assert ids(again.facts()) == first

    def test_failure_mid_way_writes_nothing(
        self, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        real = store_module._write_mentions

        def write_then_fail(*args: Any) -> None:
            real(*args)  # the document, its facts and mentions are written by now
            raise RuntimeError("injected failure")

        monkeypatch.setattr(store_module, "_write_mentions", write_then_fail)
        document, facts, mentions = ba_document()
        with pytest.raises(RuntimeError, match="injected"):
            store.add(document, facts, mentions)
        assert_empty(store, document)
        monkeypatch.undo()
        assert store.add(document, facts, mentions)

    def test_add_many_writes_a_batch_and_says_which_were_new(self, store: Store) -> None:
        document, facts, mentions = ba_document()
        assert store.add(document, facts, mentions)
        (uz, uz_facts), (tri, tri_facts) = other_documents()
        entries = [(uz, uz_facts, ()), (document, facts, mentions), (tri, tri_facts, ())]
        assert store.add_many([*entries, (uz, uz_facts, ())]) == [True, False, True, False]
        assert store.count_documents() == 3
        assert store.count_facts() == {"change": 1, "trade": 2, "event": 2, "project": 1,
                                       "agreement": 1}  # fmt: skip
        assert ids(store.facts(party="UZ")) == ids(filled_ids(store, "UZ"))
        assert store.search("форум") and store.add_many(entries) == [False, False, False]

    def test_add_many_failing_mid_way_writes_nothing(
        self, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def fail(*args: Any) -> None:
            raise RuntimeError("injected failure")

        monkeypatch.setattr(store_module, "_write_mentions", fail)
        (uz, uz_facts), (tri, tri_facts) = other_documents()
        with pytest.raises(RuntimeError, match="injected"):
            store.add_many([(uz, uz_facts, ()), (tri, tri_facts, ())])
        assert store.count_documents() == 0 and store.count_facts() == {}
        assert store.search("форум") == []

    def test_add_many_refuses_a_batch_with_an_unstorable_fact(self, store: Store) -> None:
        document, facts, _ = ba_document()
        (uz, uz_facts), _ = other_documents()
        bad = trade("turnover", ["RU-BA", "KZ"], float("nan"), 2024, start=5)
        with pytest.raises(StoreError, match="trade fact at 5–65 cannot be stored"):
            store.add_many([(uz, uz_facts, ()), (document, [*facts, bad], ())])
        assert store.count_documents() == 0

    def test_database_error_rolls_back_and_names_the_document(self, store: Store) -> None:
        document, facts, _ = ba_document()
        broken = Fact("trade", {"indicator": "export"}, Evidence(None, 0, 1), 0.5)  # type: ignore[arg-type]
        with pytest.raises(StoreError, match=r"ba\.txt"):
            store.add(document, [*facts, broken])
        assert_empty(store, document)

    @pytest.mark.parametrize("value", [float("nan"), "много", object()])
    def test_unstorable_fact_value_is_a_store_error(self, store: Store, value: Any) -> None:
        document, facts, _ = ba_document()
        bad = trade("turnover", ["RU-BA", "KZ"], value, 2024, start=5)
        with pytest.raises(StoreError, match="trade fact at 5–65 cannot be stored"):
            store.add(document, [*facts, bad])
        assert_empty(store, document)

    @pytest.mark.parametrize(
        ("filters", "expected"),
        [
            ({}, 7),
            ({"type": "trade"}, 2),
            ({"type": "event"}, 2),
            ({"indicator": "turnover"}, 2),
            ({"indicator": "export", "type": "trade"}, 1),
            ({"year": 2024}, 4),  # change, two trades, and the forum by its date
            ({"year": 2023}, 1),  # the visit, by its date "2023-05"
            ({"year": 2025}, 1),
            ({"party": "KZ"}, 4),
            ({"party": "KZ-39"}, 1),  # exact: KZ-39 is not KZ, and KZ does not match KZ-39
            ({"party": "UZ"}, 3),  # a project's partners are parties too
            ({"party": "CN"}, 0),
            ({"pair": ("RU-BA", "KZ")}, 3),
            ({"pair": ("KZ", "RU-BA")}, 3),
            ({"pair": ("UZ", "KZ")}, 1),  # the third party of a forum is not lost
            ({"pair": ("RU-BA", "KZ"), "indicator": "turnover", "year": 2024}, 2),
            ({"pair": ("RU-BA", "KZ"), "year": 2023}, 0),
            ({"limit": 2}, 2),
            ({"limit": 5, "offset": 5}, 2),
        ],
    )
    def test_fact_filters(self, store: Store, filters: dict[str, Any], expected: int) -> None:
        assert len(filled(store).facts(**filters)) == expected

    def test_facts_of_a_document_by_id_or_prefix(self, store: Store) -> None:
        document, _, _ = ba_document()
        filled(store)
        by_id = store.facts(doc_id=document.id)
        assert len(by_id) == 3
        assert ids(store.facts(doc_id=document.id[:6])) == ids(by_id)
        assert ids(store.document_facts(document.id[:8])) == ids(by_id)
        assert [f.evidence.start for f in store.document_facts(document.id)] == [0, 70, 70]
        assert store.facts(doc_id="ffffffffffffffff") == []

    def test_stored_fact_columns_and_json(self, store: Store) -> None:
        document, _, _ = ba_document()
        filled(store)
        [export] = store.facts(indicator="export")
        assert (export.party_a, export.party_b) == ("KZ", "RU-BA")
        assert (export.exporter, export.importer, export.year) == ("RU-BA", "KZ", 2024)
        assert export.value == pytest.approx(406.2e6)
        assert (export.doc_name, export.doc_date) == ("ba.txt", "2024-11-28")
        row = export.to_json()
        assert row["type"] == "trade" and row["indicator"] == "export"
        assert row["parties"] == ["RU-BA", "KZ"]
        assert row["period"] == {"year": 2024, "months": None}
        assert row["evidence"] == {"text": "…", "start": 70, "end": 130}
        assert row["confidence"] == 0.9
        assert (row["id"], row["doc_id"], row["source"]) == (
            export.id,
            document.id,
            "corpus/ba.txt",
        )
        [share_like] = store.facts(type="project")
        assert share_like.party_a == "RU-BA" and share_like.party_b == "UZ"

    def test_search_finds_other_grammatical_forms(self, store: Store) -> None:
        document, _, _ = ba_document()
        uz = other_documents()[0][0]
        filled(store)
        assert [hit.id for hit in store.search("товарооборот Казахстан")] == [document.id]
        assert [hit.id for hit in store.search("Башкортостане")] == [document.id]
        assert [hit.id for hit in store.search("поставка зерно")] == [uz.id]
        assert [hit.id for hit in store.search("машиностроительные предприятия")] == [uz.id]

    def test_search_needs_every_word(self, store: Store) -> None:
        filled(store)
        assert store.search("товарооборот Узбекистан") == []
        assert store.search("") == [] and store.search("  ,. ") == []
        assert {hit.name for hit in store.search("Казахстан")} == {"ba.txt", "tri.txt"}

    def test_search_hit_shows_the_original_wording(self, store: Store) -> None:
        filled(store)
        [hit] = store.search("дорожная карта")
        assert hit.name == "tri.txt" and hit.title is None
        assert "дорожную карту" in hit.snippet
        [hit] = store.search("товарооборот Казахстан")
        assert hit.snippet.startswith("Объём товарооборота с Казахстаном")
        assert (hit.title, hit.date) == ("Башкирия и Казахстан", "2024-11-28")

    def test_search_ranks_the_better_match_first(self, store: Store) -> None:
        filled(store)
        many = doc(
            "Узбекистан. " * 3 + "Узбекистан и Башкортостан обсудили сотрудничество.",
            "many.txt",
            title="Узбекистан",
        )
        store.add(many, [])
        hits = store.search("Узбекистан")
        assert hits[0].name == "many.txt" and len(hits) == 3
        assert hits[0].score > hits[-1].score

    def test_snippet_of_a_long_text_is_cut_around_the_match(self, store: Store) -> None:
        filler = "Погода стояла тёплая, и делегации гуляли по набережной. " * 20
        long = doc(filler + "Затем обсуждались поставки зерна в Китай. " + filler, "long.txt")
        store.add(long, [])
        [hit] = store.search("зерно Китай")
        assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
        assert "поставки зерна в Китай" in hit.snippet
        assert len(hit.snippet) <= 250

    def test_documents_and_document(self, store: Store) -> None:
        document, _, _ = ba_document()
        filled(store)
        listed = store.documents()
        assert [d.name for d in listed] == ["ba.txt", "uz.txt", "tri.txt"]  # newest first
        assert [d.n_facts for d in listed] == [3, 2, 2]
        assert all(d.text is None for d in listed)
        assert [d.name for d in store.documents(limit=1, offset=1)] == ["uz.txt"]
        full = store.document(document.id)
        assert full is not None and full.text == TEXT_BA and full.n_chars == len(TEXT_BA)
        assert full.title == "Башкирия и Казахстан" and full.ingested_at

    def test_document_by_id_prefix(self, store: Store) -> None:
        document, _, _ = ba_document()
        filled(store)
        assert store.document(document.id[:6]) == store.document(document.id)
        assert store.document(document.id[:6].upper()) is not None
        assert store.document(document.id[:5]) is None  # too short to be an id
        assert store.document("zzzzzz") is None and store.document("%%%%%%") is None
        assert store.document("000000") is None

    def test_document_with_an_id_of_its_own(self, store: Store) -> None:
        store.add(doc("Сообщение канала.", "tg/42", id="telegram-42"), [])
        found = store.document("telegram-42")
        assert found is not None and found.name == "tg/42"
        assert store.document("telegram") is None  # prefixes are hex digits only

    def test_ambiguous_prefix_is_an_error(self, store: Store) -> None:
        store.add(doc("Первый текст.", "a.txt", id="abcdef0000000001"), [])
        store.add(doc("Второй текст.", "b.txt", id="abcdef0000000002"), [])
        with pytest.raises(StoreError, match="ambiguous"):
            store.document("abcdef")
        with pytest.raises(StoreError, match="abcdef0000000001, abcdef0000000002"):
            store.document("abcdef000000000")
        found = store.document("abcdef0000000002")
        assert found is not None and found.name == "b.txt"

    def test_mentions_and_actors(self, store: Store) -> None:
        document, facts, mentions = ba_document()
        store.add(document, facts, mentions)
        found = store.document_mentions(document.id[:7])
        assert [(m.start, m.text, m.actor, m.form) for m in found] == [
            (25, "Казахстаном", KZ, "name"),
            (98, "Башкортостаном", BA, "name"),
        ]
        assert [m.normal for m in found] == ["Казахстан", "Башкортостан"]
        renamed = Actor(code="KZ", name="Республика Казахстан", kind="country", country="KZ")
        other = doc("Казахстан и Россия.", "x.txt")
        store.add(other, [], [Mention(0, 9, "Казахстан", renamed, "name")])
        assert store.document_mentions(document.id)[0].actor == renamed

    def test_counts_and_top_pairs(self, store: Store) -> None:
        filled(store)
        assert store.count_documents() == 3
        assert store.count_facts() == {
            "event": 2,
            "trade": 2,
            "agreement": 1,
            "change": 1,
            "project": 1,
        }
        assert store.count_facts(by="year") == {"2024": 4, "2023": 1, "2025": 1, "none": 1}
        assert store.count_facts(by="party")["KZ"] == 4
        assert store.top_pairs(3) == [("KZ", "RU-BA", 3), ("RU-BA", "UZ", 2), ("KZ", "RU", 1)]
        assert ("KZ", "UZ", 1) in store.top_pairs(limit=100)
        with pytest.raises(ValueError, match="expected one of"):
            store.count_facts(by="evidence_text")

    @pytest.mark.parametrize("kb_used", [True, False])
    def test_a_version_1_store_is_migrated_and_keeps_its_kb_rows(
        self, store: Store, store_url: str, kb_used: bool
    ) -> None:
        """Version 1 left the knowledge base's tables out of the schema: the knowledge base
        made them on first use, so a version-1 database has them, with rows, or lacks them."""
        document, facts, _ = ba_document()
        store.add(document, facts)
        with store.engine.begin() as conn:
            if kb_used:
                conn.execute(
                    insert(schema.curation).values(
                        fact_key="key",
                        fact_id="f1",
                        doc_id=document.id,
                        action="reject",
                        by="Анна",
                        why="цифра за другой год",
                        at="2025-03-01T10:00:00+00:00",
                    )
                )
                conn.execute(
                    insert(schema.doc_groups).values(
                        doc_id=document.id, group_id=document.id, signature=b"\x00\x01"
                    )
                )
            else:
                conn.execute(text("DROP TABLE curation"))
                conn.execute(text("DROP TABLE doc_groups"))
            conn.execute(
                update(schema.meta).where(schema.meta.c.key == "schema_version").values(value="1")
            )
        with Store(store_url) as migrated, migrated.reading("read the migrated store") as conn:
            assert conn.execute(
                select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
            ).scalar_one() == str(schema.SCHEMA_VERSION)
            assert conn.execute(select(schema.curation.c.why)).scalars().all() == (
                ["цифра за другой год"] if kb_used else []
            )
            assert conn.execute(select(schema.doc_groups.c.signature)).scalars().all() == (
                [b"\x00\x01"] if kb_used else []
            )
            assert migrated.count_facts() == {"change": 1, "trade": 2}

    def test_empty_store(self, store: Store) -> None:
        assert store.count_documents() == 0 and store.count_facts() == {}
        assert store.top_pairs() == [] and store.documents() == [] and store.facts() == []
        assert store.search("Казахстан") == [] and not store.has("0123456789abcdef")


def filled_ids(store: Store, party: str) -> list[Any]:
    """The facts of ``party``, read the long way: every fact, then its parties."""
    return [
        f
        for f in store.facts()
        if party in {f.party_a, f.party_b} or party in f.fields.get("parties", [])
    ]


def assert_empty(store: Store, document: Document) -> None:
    assert not store.has(document.id)
    assert store.count_documents() == 0 and store.count_facts() == {}
    assert store.count_facts(by="party") == {} and store.search("Казахстан") == []
    assert store.document_mentions(document.id) == []


# -- SQLite only ----------------------------------------------------------------------------


def test_bare_path_and_url_are_the_same_database(tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    document, facts, _ = ba_document()
    with Store(str(path)) as by_path:
        by_path.add(document, facts)
    with Store(f"sqlite:///{path}") as by_url:
        assert by_url.has(document.id) and by_url.count_facts() == {"change": 1, "trade": 2}


def test_sqlite_file_is_wal_with_full_text_index_and_version(store: Store, store_url: str) -> None:
    with sqlite3.connect(store_url) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {name for (name,) in raw.execute("SELECT name FROM sqlite_master")}
        assert {
            "documents",
            "facts",
            "mentions",
            "actors",
            "documents_fts",
            "curation",
            "doc_groups",
        } <= tables
        assert raw.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            str(schema.SCHEMA_VERSION),
        )
    raw.close()


def test_many_openers_of_one_new_file_all_get_in(tmp_path: Path) -> None:
    """Workers that open a database that does not exist yet all at once (as Dask's threads
    do) wait for each other's schema and WAL switch instead of failing as locked."""
    from concurrent.futures import ThreadPoolExecutor

    def open_and_count(path: Path) -> int:
        with Store(str(path)) as store:
            return sum(store.count_facts().values())

    for attempt in range(25):
        path = tmp_path / f"new{attempt}.db"
        with ThreadPoolExecutor(max_workers=8) as pool:
            assert list(pool.map(open_and_count, [path] * 8)) == [0] * 8


def test_foreign_keys_are_enforced(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize("version", ["999", "0"])  # newer, or older than any migration
def test_other_schema_version_is_refused(store_url: str, version: str) -> None:
    Store(store_url).close()
    with sqlite3.connect(store_url) as raw:
        raw.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    raw.close()
    with pytest.raises(StoreError, match=f"schema version {version}"):
        Store(store_url)


@pytest.mark.parametrize("where", ["missing-dir/bilat.db", "a-file/bilat.db", "."])
def test_unusable_path_is_a_store_error(tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("not a directory")
    with pytest.raises(StoreError, match="directory"):
        Store(str(tmp_path / where))


def test_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("Это не база данных. " * 100)
    with pytest.raises(StoreError, match=r"notes\.db: cannot open the database: file is not"):
        Store(str(tmp_path / "notes.db"))


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_unwritable_place_is_a_store_error() -> None:
    # /proc takes no new files, not even from root, so this holds wherever tests run.
    with pytest.raises(StoreError, match="cannot open the database: unable to open"):
        Store("/proc/bilat.db")


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root may write into a read-only directory"
)
def test_read_only_directory_is_a_store_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="cannot open the database"):
            Store(str(tmp_path / "bilat.db"))
    finally:
        tmp_path.chmod(0o700)


@pytest.mark.parametrize(
    "url", ["mysql://user@host/db", "nosuch+driver://x/y", "postgresql+nosuchdriver://u@h/db"]
)
def test_unsupported_url_is_a_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        Store(url)
