"""The quality gate on the real development set (eval/real): floors per split.

The articles' texts are not in the repository; ``eval/real/realset.py fetch`` brings them
into a cache outside it (``$BILAT_REAL_CACHE``, by default ``~/.cache/bilat/real``). Where
that cache or ../shared/eval (the scorer) is missing, as on a fresh CI machine without
network, these tests skip and say which.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REALSET = Path(__file__).resolve().parents[1] / "eval" / "real" / "realset.py"
# Floors: below the scores measured when they were recorded, with the page's publication
# date given. learn (1 382 articles): headline 0.811, trade 0.830, change 0.802, share 0.724,
# event 0.739; check (703 articles, scored, never read): headline 0.703, trade 0.725,
# change 0.736, share 0.455, event 0.723. Rounds 37 to 42 joined the set scored unseen
# (learn parts 0.75, 0.72, 0.85, 0.68, 0.69 and 0.59; check parts 0.83, 0.35, 1.00, 0.56,
# 0.77 and 0.63) before any rule learnt from them; on the set they made, the code of the
# session before scored learn headline 0.800 and event 0.728, check headline 0.703 and
# event 0.721.
FLOORS = {
    "learn": {"headline": 0.80, "trade": 0.82, "change": 0.79, "share": 0.71, "event": 0.72},
    "check": {"headline": 0.69, "trade": 0.71, "change": 0.72, "share": 0.44, "event": 0.71},
}


def _realset() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bilat_realset", REALSET)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _skip_reason(realset: ModuleType) -> str | None:
    if not (realset.SHARED_EVAL / "score.py").is_file():
        return "../shared/eval is not beside this checkout"
    cases = realset.load_cases()
    if realset.too_many_missing(cases):
        missing = realset.missing_texts(cases)
        return (
            f"{len(missing)} real-set texts are not in {realset.cache_dir()}; "
            "run `python3 eval/real/realset.py fetch`"
        )
    return None


@pytest.fixture(scope="module")
def realset() -> ModuleType:
    module = _realset()
    reason = _skip_reason(module)
    if reason:
        pytest.skip(reason)
    return module


@pytest.fixture(scope="module")
def reports(realset: ModuleType) -> dict[str, dict]:
    return {split: realset.score(split) for split in FLOORS}


@pytest.mark.parametrize(
    ("split", "kind", "floor"),
    [(s, k, f) for s, floors in FLOORS.items() for k, f in floors.items()],
)
def test_real_set_floor(reports: dict[str, dict], split: str, kind: str, floor: float) -> None:
    assert reports[split][kind]["f1"] >= floor, reports[split][kind]


def test_cases_name_no_reserved_url() -> None:
    """No article of the set is one kept for the independent measurement."""
    realset = _realset()
    if not realset.RESERVED.is_file():
        pytest.skip("../shared/eval/reserved_urls.sha1 is not beside this checkout")
    reserved = realset.reserved_hashes()
    assert not [c["url"] for c in realset.load_cases() if realset.sha1(c["url"]) in reserved]


def test_split_follows_the_url() -> None:
    """The split is fixed by the URL's hash, so no article moves between splits."""
    realset = _realset()
    cases = realset.load_cases()
    assert len(cases) >= 60
    assert all(c["split"] == realset.split_of(c["url"]) for c in cases)
    assert all("text" not in c for c in cases)
