"""The quality gate: dev-set scores must not drop below their recorded floors.

Reads ../shared/eval (five real articles and their gold facts) when it sits beside the
checkout, as in CI; skips with a reason elsewhere, since the project's own tests must
pass without it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from bilat.model import Document
from bilat.pipeline import process

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
# Floors: the targets, below the scores measured when they were recorded
# (headline 0.909, trade 1.000, event 1.000, every attribute ≥ 0.875).
FLOORS = {"headline": 0.90, "trade": 0.90, "event": 0.85}
ATTRIBUTE_FLOORS = {
    "trade.qualifier": 0.90,
    "trade.status": 0.90,
    "trade.months": 0.90,
    "change.base": 0.90,
    "event.kind": 0.85,
}

pytestmark = pytest.mark.skipif(
    not (SHARED / "score.py").is_file(), reason="../shared/eval is not beside this checkout"
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bilat_eval_score", SHARED / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    pred = tmp_path_factory.mktemp("gate") / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in sorted((SHARED / "dev" / "texts").glob("*.txt")):
            document = Document(
                text=path.read_text(encoding="utf-8"), source=str(path), name=path.name, kind="txt"
            )
            out.write(json.dumps(process(document).record, ensure_ascii=False) + "\n")
    scorer = _scorer()
    return scorer.score(scorer.load(str(SHARED / "dev" / "gold.jsonl")), scorer.load(str(pred)))


@pytest.mark.parametrize(("kind", "floor"), FLOORS.items())
def test_f1_floor(report: dict, kind: str, floor: float) -> None:
    assert report[kind]["f1"] >= floor, report[kind]


@pytest.mark.parametrize(("name", "floor"), ATTRIBUTE_FLOORS.items())
def test_attribute_floor(report: dict, name: str, floor: float) -> None:
    assert report["attributes"][name] is not None
    assert report["attributes"][name] >= floor


def test_every_document_has_a_prediction(report: dict) -> None:
    assert report["documents"]["missing_in_pred"] == []
