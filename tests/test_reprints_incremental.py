"""Reprint groups kept as documents arrive: equal to grouping the whole store at once."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from bilat import kb
from bilat.kb import duplicates
from bilat.model import Document
from bilat.scale_corpus.generate import Shares, articles
from bilat.store import Store
from bilat.store.schema import doc_bands, doc_groups, documents, meta

SHARES = Shares(reprint=0.0, contradiction=0.0, noise=0.1)
# What an outlet puts around a story it reprints: a line before, a line after.
FRAMES = (
    ("Сообщает наш корреспондент.", "Подписывайтесь на канал редакции."),
    ("Новости партнёров.", "Материал подготовлен по сообщениям пресс-служб."),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(str(tmp_path / "reprints.db")) as opened:
        yield opened


def generated(n: int) -> list[Document]:
    """Generated stories, every other one with reprints framed by outlets, dated around
    it (a reprint may be dated before the story it copies), in a shuffled order."""
    rng = random.Random(7)
    docs: list[Document] = []
    for i, a in enumerate(articles(n, seed=7, shares=SHARES)):
        docs.append(document(a.text, f"{a.id}.txt", a.date))
        for k, (before, after) in enumerate(FRAMES[: i % 3]):
            day = dt.date.fromisoformat(a.date) + dt.timedelta(days=rng.randint(-2, 3))
            docs.append(document(f"{before} {a.text} {after}", f"{a.id}-{k}.txt", day.isoformat()))
    rng.shuffle(docs)
    return docs


def document(text: str, name: str, date: str) -> Document:
    return Document(text=text, source="test", name=name, kind="txt", date=date)


def at_once(store: Store) -> dict[str, str]:
    """The whole store grouped in one pass, earliest documents first."""
    d, g = documents.c, doc_groups.c
    query = (
        select(g.doc_id, g.signature)
        .join_from(doc_groups, documents, d.id == g.doc_id)
        .order_by(d.date.asc().nulls_last(), d.id)
    )
    with store.reading("read signatures") as conn:
        rows = conn.execute(query).all()
    signed = [(r.doc_id, duplicates._from_bytes(r.signature)) for r in rows]
    return duplicates.grouped_at_once(signed, [r.doc_id for r in rows])


def test_groups_kept_batch_by_batch_equal_grouping_at_once(store: Store) -> None:
    docs = generated(120)
    for start in range(0, len(docs), 60):  # ingests, each signing only its own
        for one in docs[start : start + 60]:
            store.add(one, [])
        assert duplicates.refresh(store) == len(docs[start : start + 60])
    groups = kb.groups_of(store)
    assert groups == at_once(store)
    assert sum(1 for d, g in groups.items() if d != g) > 60  # reprints were grouped


def test_an_earlier_reprint_added_later_leads_its_group(store: Store) -> None:
    story = next(a for a in articles(5, seed=7, shares=SHARES) if a.story is not None)
    first, *rest = [
        document(f"{before} {story.text} {after}", f"r{i}.txt", f"2024-03-0{i + 1}")
        for i, (before, after) in enumerate((("", ""), *FRAMES))
    ]
    for reprint in rest:
        store.add(reprint, [])
    assert kb.groups_of(store)[rest[-1].id] == rest[0].id
    store.add(first, [])  # dated before every other, stored last
    assert {kb.groups_of(store)[d.id] for d in (first, *rest)} == {first.id}


def test_bands_are_made_for_documents_signed_without_them(store: Store) -> None:
    docs = generated(60)
    for one in docs[:80]:
        store.add(one, [])
    expected = kb.groups_of(store)
    with store.writing("forget the bands") as conn:  # as a database of schema 6 has it
        conn.execute(delete(doc_bands))
        conn.execute(delete(meta).where(meta.c.key == duplicates.BANDED))
    duplicates._banded.clear()
    for one in docs[80:]:
        store.add(one, [])
    kb.groups_of(store)
    with store.reading("count bands") as conn:
        n_bands = conn.execute(select(func.count()).select_from(doc_bands)).scalar_one()
    assert n_bands == len(docs) * duplicates.BANDS
    groups = kb.groups_of(store)
    assert groups == at_once(store)
    # new reprints found their stories among the documents banded afterwards
    assert any(groups[d.id] in expected for d in docs[80:] if groups[d.id] != d.id)
