"""A share whose whole is a pair's trade: "доля малого и среднего бизнеса в товарообороте
Казахстана и России". The pair (KZ+RU) is the whole, the label (SME) what the share
measures; neither is a party of its own (issue 13, point 5; point 6 keeps them off the
partner lists). The sentence is made up for these tests."""

from __future__ import annotations

import csv
import io
import json

import pytest
from evidence import at
from typer.testing import CliRunner

from bilat.cli import app
from bilat.extract.economy.cues import PART_LABELS
from bilat.kb import wording
from bilat.model import Document, Fact
from bilat.store import Store

TEXT = "Доля малого и среднего бизнеса в товарообороте Казахстана и России составляет около 30%."
FIELDS = {
    "indicator": "turnover",
    "part": "SME",
    "whole": "KZ+RU",
    "percent": 30.0,
    "qualifier": "approx",
}
SAID = "доля малого и среднего бизнеса в товарообороте (Казахстан и Россия): около 30 %"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("share") / "share.db")
    with Store(path) as store:
        store.add(
            Document(
                text=TEXT, source="corpus/sme.txt", name="sme.txt", kind="text", date="2025-02-10"
            ),
            [Fact("share", FIELDS, at(TEXT, "составляет"), 0.8, rule="test.share")],
        )
    return path


def run(*args: str) -> str:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, list(args))  # no wrapped cells
    assert result.exit_code == 0, result.output
    return result.output


def test_the_label_is_said_in_russian_and_the_pair_is_the_whole() -> None:
    assert wording.summary(FIELDS, "share") == SAID
    assert wording.name("SME") == "малый и средний бизнес"


def test_every_label_the_extractor_gives_a_share_has_its_russian_words() -> None:
    for label in set(PART_LABELS.values()):
        assert wording.name(label) != label, label


def test_the_facts_table_shows_the_pair(db: str) -> None:
    rows = [json.loads(line) for line in run("facts", "--db", db, "--format", "jsonl").splitlines()]
    assert [r["whole"] for r in rows] == ["KZ+RU"]  # the record keeps what was read
    table = run("facts", "--db", db, "--type", "share")
    assert "KZ – RU" in table and "SME в" not in table and "KZ+RU" not in table


def test_csv_writes_the_pair_s_codes(db: str) -> None:
    for args in (
        ("facts", "--db", db, "--format", "csv"),
        ("export", "--db", db, "--what", "consolidated", "--format", "csv"),
    ):
        (row,) = csv.DictReader(io.StringIO(run(*args)))
        assert row["parties"] == "KZ RU", args


def test_the_dossier_says_the_share_of_the_pair(db: str) -> None:
    assert SAID.split(":")[0] in run("dossier", "KZ", "RU", "--db", db)
