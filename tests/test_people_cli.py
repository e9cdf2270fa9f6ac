"""`bilat people` end to end: people merged across documents by the full name, with roles
that are posts (issue 13, point 5). The articles are made up for this test."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bilat.cli import app

ARTICLES = {
    "omsk.txt": "Министр промышленности Омской области Иван Петров открыл выставку станков "
    "в Омске. Выставка продлится три дня.",
    "plant.txt": "Директор Омского тракторного завода Игорь Петров рассказал о поставках "
    "тракторов в Казахстан. Завод наращивает выпуск.",
    "visit.txt": "Глава Китая по приглашению Касым-Жомарта Токаева прибыл в Астану. "
    "Стороны обсудили торговлю и транзит грузов.",
    "talks.txt": "Президент Казахстана Касым-Жомарт Токаев провел переговоры в Астане. "
    "Речь шла о поставках зерна.",
}


def test_people_are_merged_by_the_full_name(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "people.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["people", "--db", db, "--json"])
    rows = {r["name"]: r for r in map(json.loads, result.output.splitlines())}
    assert result.exit_code == 0
    assert {"Иван Петров", "Игорь Петров"} <= set(rows)  # one initial, two people
    assert len(rows["Иван Петров"]["documents"]) == len(rows["Игорь Петров"]["documents"]) == 1
    tokayev = rows["Касым-Жомарт Токаев"]
    assert len(tokayev["documents"]) == 2
    assert tokayev["roles"] == ["Президент Казахстана"]  # not "Глава Китая по приглашению"
    table = runner.invoke(app, ["people", "--db", db]).output
    assert f"человек: {len(rows)}" in table  # not "4 человек" (issue 13, point 9)
