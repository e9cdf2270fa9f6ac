"""The explorer's facets: counted in one read for a selective filter, by GROUP BYs for a
whole type; both give the same values in the same order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_web_api import sample_store

from bilat.kb.state import reading
from bilat.store import Store
from bilat.web import facets
from bilat.web.listing import FactFilters


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = sample_store(tmp_path_factory.mktemp("facets") / "web.db")
    yield opened
    opened.close()


CHOSEN = [
    FactFilters(),
    FactFilters(type="trade"),
    FactFilters(party="KZ"),
    FactFilters(party="KZ", partner="UZ"),
    FactFilters(year=2024),
    FactFilters(party="UZ", type="trade", year=2024),
    FactFilters(q="товарооборот"),
]


@pytest.mark.parametrize("chosen", CHOSEN, ids=str)
def test_one_read_counts_as_the_group_bys_do(store: Store, chosen: FactFilters) -> None:
    where = chosen.conditions()
    with reading(store, "count") as conn:
        grouped = {name: facets.COUNTERS[name](conn, where) for name in facets.FACETS}
        one_read = facets._counted_in_one_read(conn, where)
    assert one_read == grouped
    assert sum(n for _, _, n in grouped["type"]) > 0


def test_a_party_is_counted_in_one_read(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in facets.FACETS:
        monkeypatch.setitem(facets.COUNTERS, name, lambda *args: [])  # no GROUP BY used
    found = facets.facets(store, FactFilters(party="KZ"))
    assert [v["value"] for v in found["type"]] and found["pair"]
    assert facets.facets(store, FactFilters(type="trade"))["type"] == []
