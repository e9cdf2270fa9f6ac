"""The watch history on the dashboard: the /watch page and its /api/watch twin, through
TestClient and in Debian's Chromium (one screenshot)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_watch import ARTICLES, dead_url
from test_web_browser import CHROMIUM, browser, page, screenshot, serving, shots

from bilat.store import Store
from bilat.watch import run_all, watch
from bilat.web import create_app, schemas

with warnings.catch_warnings():  # starlette asks for httpx2, which bilat does not ship
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

__all__ = ["browser", "page", "shots"]  # fixtures of the browser tests, used here too


def watched_store(folder: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A store whose folder source ran twice (2 new, then 1 new) and whose dead feed
    failed twice."""
    monkeypatch.setattr("bilat.sources.urls.RETRY_BACKOFF_S", 0.0)
    folder.mkdir()
    for n in range(2):
        (folder / f"{n}.txt").write_text(ARTICLES[n], encoding="utf-8")
    store = Store(str(db))
    watch(store, str(folder), every="1h")
    watch(store, dead_url(), every="15m")
    run_all(store)
    (folder / "2.txt").write_text(ARTICLES[2], encoding="utf-8")
    (folder / "short.txt").write_text("Мало слов.", encoding="utf-8")
    run_all(store)
    return store


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    store = watched_store(tmp_path / "news", tmp_path / "watch.db", monkeypatch)
    yield store
    store.close()


def test_the_watch_page_shows_each_run(store: Store, tmp_path: Path) -> None:
    client = TestClient(create_app(store))
    data = client.get("/api/watch").json()
    schemas.WatchView.model_validate(data)
    runs = [(r["source_id"], r["new"], r["stored"], r["skipped"]) for r in data["runs"]]
    assert runs == [(2, 0, 0, 0), (1, 1, 2, 1), (2, 0, 0, 0), (1, 2, 0, 0)]  # newest first
    assert [bool(r["error"]) for r in data["runs"]] == [True, False, True, False]
    assert data["sources"][0]["every"] == "1h" and data["sources"][1]["every"] == "15m"
    assert data["sources"][0]["last"]["summary"].startswith("1 new, 2 already stored, 1 skipped")
    html = client.get("/watch").text
    assert '<a href="/watch" class="active">Наблюдение</a>' in html
    assert html.count("ошибка: could not connect") == 3  # the source's last run, and both
    assert str(tmp_path / "news") in html and "too short to be an article" in html
    assert "новых: 1, уже были: 2, пропущено: 1" in html
    assert 'href="/api/watch"' in html


def test_the_watch_page_without_sources_says_how_to_add_one(tmp_path: Path) -> None:
    with Store(str(tmp_path / "empty.db")) as empty:
        html = TestClient(create_app(empty)).get("/watch").text
    assert "Пока ни за чем не наблюдаем" in html and "bilat watch add" in html


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs Debian's Chromium at {CHROMIUM}")
def test_the_watch_page_in_a_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: Any, shots: Path
) -> None:
    store = watched_store(tmp_path / "news", tmp_path / "watch.db", monkeypatch)
    with serving(store) as url:
        page.goto(f"{url}/watch")
        page.wait_for_load_state("networkidle")
        screenshot(page, shots, "watch")
        assert page.locator("table.watch-runs tbody tr").count() == 4
        assert page.locator("table.watch-runs tr.failed").count() == 2
        assert page.locator("nav a.active").inner_text() == "Наблюдение"
        assert page.problems == []
