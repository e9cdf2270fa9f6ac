"""A server's kept answers: computed once for many requests, dropped when the store changes."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from test_web_api import TestClient, sample_store, trade

from bilat.model import Document
from bilat.store import Store
from bilat.web import create_app
from bilat.web.cache import ViewCache


def test_an_answer_is_computed_once_until_the_store_changes(tmp_path: Path) -> None:
    store = sample_store(tmp_path / "kept.db")
    cache = ViewCache(store)
    calls: list[int] = []

    def compute() -> dict[str, int]:
        calls.append(1)
        return {"n": len(calls)}

    assert cache.get(("pair", "KZ", "UZ"), compute) == {"n": 1}
    assert cache.get(("pair", "KZ", "UZ"), compute) == {"n": 1}
    assert cache.get(("pair", "RU", "KZ"), compute) == {"n": 2}  # another key
    text = "Товарооборот Казахстана и Узбекистана в 2025 году составил 5 млрд долларов."
    store.add(
        Document(text, "corpus/new.txt", "new.txt", "text", date="2025-12-01"),
        [trade(text, "5", "turnover", 5e9, 2025)],
    )
    assert cache.get(("pair", "KZ", "UZ"), compute) == {"n": 3}  # the store changed
    store.close()


def test_many_requests_for_one_page_wait_for_one_computation(tmp_path: Path) -> None:
    store = sample_store(tmp_path / "herd.db")
    cache = ViewCache(store)
    calls: list[int] = []
    answers: list[object] = []

    def slow() -> str:
        calls.append(1)
        time.sleep(0.2)  # long enough for every thread to ask meanwhile
        return "dossier"

    threads = [
        threading.Thread(target=lambda: answers.append(cache.get("page", slow))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store.close()
    assert answers == ["dossier"] * 8
    assert len(calls) == 1


def test_a_disabled_cache_computes_every_time(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "off.db"))
    cache = ViewCache(store, enabled=False)
    calls: list[int] = []
    for _ in range(3):
        cache.get("page", lambda: calls.append(1))
    store.close()
    assert len(calls) == 3


def test_a_server_shows_a_new_figure_on_a_kept_page(tmp_path: Path) -> None:
    store = sample_store(tmp_path / "served.db")
    with TestClient(create_app(store, background=True)) as served:
        before = served.get("/api/pair/KZ/UZ").json()
        again = served.get("/api/pair/KZ/UZ").json()
        text = "Товарооборот Казахстана и Узбекистана в 2025 году составил 5 млрд долларов."
        store.add(
            Document(text, "corpus/late.txt", "late.txt", "text", date="2025-12-01"),
            [trade(text, "5", "turnover", 5e9, 2025)],
        )
        after = served.get("/api/pair/KZ/UZ").json()
    store.close()
    assert before == again
    assert after["n_documents"] == before["n_documents"] + 1
