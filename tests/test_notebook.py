"""``bilat.open``: the knowledge base as pandas DataFrames, on the demo corpus."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import bilat
from bilat.errors import BilatError, NotFoundError, RequestError, StoreError
from bilat.kb import curate
from bilat.sources import demo_path
from bilat.store import Store

README = Path(__file__).resolve().parent.parent / "README.md"
ROOT = README.parent


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``bilat.db`` with the demo corpus, as ``bilat demo`` leaves it."""
    folder = tmp_path_factory.mktemp("notebook")
    with Store(str(folder / "bilat.db")) as store:
        report = bilat.ingest([demo_path()], store)
    assert report.added >= 15 and not report.skipped
    return folder


@pytest.fixture
def kb(demo_folder: Path) -> Iterator[Any]:
    pytest.importorskip("pandas", reason="bilat.open needs the notebook extra")
    with bilat.open(str(demo_folder / "bilat.db")) as opened:
        yield opened


def readme_example() -> str:
    """The Python block of the README's notebook section."""
    section = README.read_text(encoding="utf-8").split("### In a notebook", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found, "the README's notebook section has no Python example"
    return found.group(1)


def test_the_readme_example_runs(demo_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas", reason="bilat.open needs the notebook extra")
    monkeypatch.chdir(demo_folder)  # the example opens "bilat.db" where `bilat demo` wrote it
    names: dict[str, Any] = {}
    exec(compile(readme_example(), "README.md", "exec"), names)
    trade = names["trade"].set_index("indicator")
    assert trade.loc["turnover", "value"] == 3.1e9
    assert (trade.loc["export", "exporter"], trade.loc["export", "importer"]) == ("KZ", "UZ")
    assert trade.loc["export", "value"] == 1.9e9 and trade.loc["export", "months"] == 9
    assert "товарооборот" in trade.loc["turnover", "evidence_text"]
    lines = names["lines"].set_index("line")
    assert lines.loc["UZ→KZ", "value"] == 1.2e9 and lines.loc["UZ→KZ", "year"] == 2024
    kb = names["kb"]
    kb.close()


def test_facts_are_plain_data_an_analyst_computes_with(kb: Any) -> None:
    trade = kb.facts(type="trade")
    assert len(trade) == 27 and set(trade["type"]) == {"trade"}
    assert str(trade["value"].dtype) == "float64" and str(trade["year"].dtype) == "Int64"
    kostanay = trade[trade["parties"] == "KZ-39 RU-CHE"].iloc[0]
    assert (kostanay["year"], kostanay["months"], kostanay["value"]) == (2025, 7, 210e6)
    assert kostanay["url"] == "https://t.me/c/1000000001/2"  # the channel message's link
    assert kostanay["evidence_text"].startswith("Товарооборот Костанайской области")
    assert kostanay["id"] in {f.id for f in kb.store.document_facts(kostanay["doc_id"])}
    assert trade["value"].sum() > 10e9  # numbers, not display strings


def test_facts_filter_as_the_cli_does(kb: Any) -> None:
    by_name = kb.facts(pair=("Казахстан", "Башкортостан"), type="trade")
    by_code = kb.facts(pair=("RU-BA", "KZ"), type="trade")
    assert list(by_name["id"]) == list(by_code["id"]) and len(by_code) == 3
    assert sorted(by_code["value"]) == [61.7e6, 351e6, 412.7e6]
    assert list(kb.facts(party="RU-BA", type="trade", indicator="export")["value"]) == [351e6]
    assert kb.facts(year=1990).empty and list(kb.facts(year=1990).columns)[:2] == ["id", "doc_id"]
    assert len(kb.facts(limit=5)) == 5


def test_facts_refuse_what_they_cannot_filter_by(kb: Any) -> None:
    with pytest.raises(RequestError, match="unknown fact type 'bogus'"):
        kb.facts(type="bogus")
    with pytest.raises(RequestError, match="expected two parties"):
        kb.facts(pair="KZ")
    with pytest.raises(NotFoundError):
        kb.facts(pair=("Нарния", "KZ"))


def test_series_by_indicator(kb: Any) -> None:
    turnover = kb.series("KZ", "UZ", "turnover")
    assert list(turnover["line"]) == ["turnover"] and turnover["value"].iloc[0] == 3.1e9
    assert turnover["fact_id"].iloc[0] in set(kb.facts(pair=("KZ", "UZ"))["id"])
    flows = kb.series("KZ", "UZ", "export")
    assert set(flows["line"]) == {"KZ→UZ", "UZ→KZ"}
    assert set(zip(flows["exporter"], flows["importer"], strict=True)) == {
        ("KZ", "UZ"),
        ("UZ", "KZ"),
    }
    assert list(flows["n_sources"]) == [1, 1] and not flows["disputed"].any()
    with pytest.raises(RequestError, match="no series for indicator 'growth'"):
        kb.series("KZ", "UZ", "growth")


def test_dossier_is_one_row_per_consolidated_fact(kb: Any) -> None:
    found = kb.dossier("Казахстан", "Узбекистан")
    sections = found.groupby("section").size().to_dict()
    assert sections["targets"] == 1 and sections["growth"] == 1 and sections["events"] >= 2
    target = found[found["section"] == "targets"].iloc[0]
    assert (target["year"], target["value"], target["status"]) == (2030, 10e9, "target")
    assert target["standing"] == "agreed" and target["n_sources"] == 1
    assert set(found["fact_id"]) <= set(kb.facts()["id"])
    assert found["evidence_text"].str.len().min() > 20


def test_decisions_win_in_the_frames(demo_folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("pandas", reason="bilat.open needs the notebook extra")
    db = tmp_path / "curated.db"
    shutil.copy(demo_folder / "bilat.db", db)
    with bilat.open(str(db)) as kb:
        ids = kb.facts(type="trade", pair=("KZ", "UZ"), year=2024).set_index("indicator")["id"]
        turnover, export = ids["turnover"], ids["export"]
        curate(
            kb.store, turnover, "correct", by="Анна", why="опечатка", field="value", value="3.2e9"
        )
        curate(kb.store, export, "reject", by="Анна", why="не тот год")
        facts = kb.facts(pair=("KZ", "UZ"), year=2024).set_index("id")
        assert facts.loc[turnover, "value"] == 3.2e9
        assert facts.loc[turnover, "curation"] == "corrected"
        assert export not in facts.index
        kept = kb.facts(pair=("KZ", "UZ"), rejected=True).set_index("id")
        assert kept.loc[export, "curation"] == "rejected"
        assert kb.series("KZ", "UZ", "turnover")["value"].iloc[0] == 3.2e9


def test_open_says_what_is_wrong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(StoreError):
        bilat.open(str(tmp_path / "missing.db"))
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(BilatError, match=r"pip install 'bilat\[notebook\]'"):
        bilat.open(str(tmp_path / "missing.db"))


def test_import_bilat_stays_light() -> None:
    """``bilat.open`` is there without pandas being imported: only a call imports it."""
    code = (
        "import sys, bilat; assert callable(bilat.open); "
        "assert 'pandas' not in sys.modules, 'pandas imported'; "
        "assert 'open' not in bilat.__all__"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
