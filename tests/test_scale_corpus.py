"""bilat.scale_corpus: the same seed gives the same corpus, the kinds come in their shares,
and bilat reads from a generated article the figure it was written to state."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path

import pytest

from bilat.model import Document
from bilat.pipeline import process
from bilat.scale_corpus import Shares, articles, write_corpus
from bilat.scale_corpus.__main__ import main
from bilat.scale_corpus.load import bulk_load
from bilat.scale_corpus.names import inflect, names
from bilat.sources import read
from bilat.store import Store

SAMPLE = 2000  # articles for the shares: a share of 0.05 is 100 ± 10 of them


def test_same_seed_same_bytes_other_seed_other_text(tmp_path: Path) -> None:
    one = write_corpus(300, tmp_path / "a.jsonl", seed=5)[0].read_bytes()
    two = write_corpus(300, tmp_path / "b.jsonl", seed=5)[0].read_bytes()
    other = write_corpus(300, tmp_path / "c.jsonl", seed=6)[0].read_bytes()
    assert one == two and one != other
    assert len(one.splitlines()) == 300


def test_kinds_come_in_their_shares() -> None:
    counts = Counter(a.kind for a in articles(SAMPLE, seed=2))
    assert counts["noise"] / SAMPLE == pytest.approx(0.30, abs=0.03)
    assert counts["reprint"] / SAMPLE == pytest.approx(0.20, abs=0.03)
    assert counts["contradiction"] / SAMPLE == pytest.approx(0.05, abs=0.015)
    assert counts["original"] / SAMPLE == pytest.approx(0.45, abs=0.03)


def test_other_shares_are_followed() -> None:
    counts = Counter(a.kind for a in articles(SAMPLE, seed=2, shares=Shares(0.5, 0.0, 0.1)))
    assert counts["reprint"] / SAMPLE == pytest.approx(0.5, abs=0.04)
    assert counts["contradiction"] == 0


def test_shares_must_leave_room_for_originals() -> None:
    with pytest.raises(ValueError, match="leave room"):
        Shares(0.5, 0.2, 0.3)


def test_reprints_repeat_a_figure_and_contradictions_change_it() -> None:
    told: dict[int, tuple[str, str, int, float]] = {}
    seen = Counter[str]()
    for article in articles(SAMPLE, seed=3):
        story = article.story
        if story is None:
            assert article.lead is None and "млн" not in article.text
            continue
        key = (story.a.code, story.b.code, story.year, story.value)
        if article.kind == "original":
            told[story.number] = key
        elif article.kind == "reprint":
            assert told[story.number] == key  # the same figure, from another outlet
        else:
            a, b, year, value = told[story.number]
            assert (a, b, year) == key[:3]
            assert not 0.85 < story.value / value < 1.15  # clearly another figure
        assert article.lead and article.lead in article.text
        seen[article.kind] += 1
    assert min(seen.values()) > 50


def test_articles_are_made_as_asked_for() -> None:
    # a billion articles are never made: only the two taken
    first = list(itertools.islice(articles(10**9, seed=1), 2))
    assert [a.id for a in first] == ["s1-0000000", "s1-0000001"]


def test_files_split_the_corpus_and_bilat_reads_every_line(tmp_path: Path) -> None:
    paths = write_corpus(90, tmp_path / "corpus", seed=4, files=3)
    assert [p.name for p in paths] == ["part-0000.jsonl", "part-0001.jsonl", "part-0002.jsonl"]
    read_back = [item for p in paths for item in read(p)]
    assert len(read_back) == 90 and all(isinstance(d, Document) for d in read_back)
    assert len({d.id for d in read_back if isinstance(d, Document)}) == 90  # no two the same
    first = json.loads(paths[0].read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"id", "title", "date", "url", "text", "intended"}


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("Новосибирская область", ("Новосибирской области", "Новосибирской областью")),
        ("Красноярский край", ("Красноярского края", "Красноярским краем")),
        ("Республика Башкортостан", ("Республики Башкортостан", "Республикой Башкортостан")),
        ("Чувашская Республика", ("Чувашской Республики", "Чувашской Республикой")),
        ("Белоруссия", ("Белоруссии", "Белоруссией")),
        ("Казахстан", ("Казахстана", "Казахстаном")),
        ("Китай", ("Китая", "Китаем")),
        ("Ханты-Мансийский автономный округ — Югра", None),
    ],
)
def test_names_in_the_cases_the_templates_need(name: str, forms: tuple[str, str] | None) -> None:
    assert inflect(name) == forms


def test_every_name_is_one_the_gazetteer_reads_back() -> None:
    codes = {n.code for n in names()}
    assert {"RU", "KZ", "CN", "RU-BA", "RU-NVS", "KZ-39"} <= codes and len(codes) > 100


def test_bilat_extracts_the_intended_figure_from_a_sample() -> None:
    sample = list(articles(60, seed=11))
    assert {a.kind for a in sample} == {"original", "reprint", "contradiction", "noise"}
    for article in sample:
        document = next(iter(_documents(article.record())))
        trade = [f for f in process(document).facts if f.type == "trade"]
        found = [
            (f.fields["indicator"], sorted(f.fields["parties"]), f.fields["period"]["year"],
             round(f.fields["value"]))
            for f in trade
        ]  # fmt: skip
        if article.story is None:
            assert found == [], article.text
        else:
            intended = article.record()["intended"]
            want = ("turnover", intended["parties"], intended["year"], intended["value"])
            assert found == [want], article.text


def _documents(record: dict[str, object]) -> list[Document]:
    from bilat.sources.jsonl import read_records

    return [d for d in read_records([record], source="t", name="t") if isinstance(d, Document)]


def test_bulk_load_stores_the_intended_figures(tmp_path: Path) -> None:
    paths = write_corpus(200, tmp_path / "c", seed=8, files=2)
    expected = [a for a in articles(200, seed=8)]
    with Store(str(tmp_path / "s.db")) as store:
        assert bulk_load(paths, store, batch=64) == 200
        assert bulk_load(paths, store, batch=64) == 0  # loading again adds nothing
        facts = store.facts(indicator="turnover")
    assert len(facts) == sum(1 for a in expected if a.story is not None)
    values = Counter(f.value for f in facts)
    for article in expected:
        if article.story is not None:
            assert values[round(article.story.value * 1e6)] >= 1


def test_command_writes_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--docs", "25", "--out", str(tmp_path / "c.jsonl"), "--seed", "2"]) == 0
    assert len((tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()) == 25
    assert main(["--docs", "5", "--out", str(tmp_path / "x"), "--noise", "0.9"]) == 2
    assert "leave room" in capsys.readouterr().err
