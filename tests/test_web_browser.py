"""The dashboard in a real browser: Debian's Chromium driven by Playwright against a uvicorn
server on a free loopback port. Screenshots go to a temporary folder, and also to the
folder named by BILAT_SCREENSHOTS when it is set."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from test_web_api import HOSTILE, documents, people_store, sample_store

from bilat.store import Store
from bilat.web import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT_S = 10  # uvicorn starts in well under a second; this bounds a broken start

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"needs Debian's Chromium at {CHROMIUM}: "
                              "apt-get install chromium chromium-driver"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(sample_store(tmp_path_factory.mktemp("browser") / "web.db")) as url:
        yield url


@contextmanager
def serving(store: Store) -> Iterator[str]:
    """The app on ``store`` at a free loopback port; the store is closed after."""
    port = free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(START_TIMEOUT_S)
        store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    opened = context.new_page()
    opened.problems = []  # console errors, failed requests, dialogs: none is expected
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("pageerror", lambda e: opened.problems.append(str(e)))
    opened.on("dialog", lambda d: (opened.problems.append(f"dialog: {d.message}"),
                                   d.dismiss()))
    opened.on("requestfailed", lambda r: opened.problems.append(f"failed: {r.url}"))
    yield opened
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def screenshot(page: Any, shots: Path, name: str) -> None:
    path = shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("BILAT_SCREENSHOTS"):
        folder = Path(os.environ["BILAT_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / path.name)


def hostile_id() -> str:
    return next(d.id for d, _, _ in documents() if d.text == HOSTILE)


def kz_uz_id() -> str:
    return next(d.id for d, _, _ in documents() if d.name == "kz_uz.txt")


PAGES = [("overview", "/"), ("pair", "/pair/KZ/UZ"), ("pair_ru_kz", "/pair/RU/KZ"),
         ("actor", "/actor/KZ"), ("document", "/doc/{kz_uz}"), ("hostile", "/doc/{hostile}"),
         ("search", "/search?q=товарооборот"), ("facts", "/facts"),
         ("ask", "/ask?q=Какой товарооборот между Казахстаном и Узбекистаном в 2017 году?"),
         ("ask_found", "/ask?q=Какой экспорт Казахстана в Узбекистан в 2024 году?"),
         ("fact", "/fact/{fact}"),
         ("contradictions", "/contradictions"), ("missing", "/doc/ffffffffffffffff")]


@pytest.mark.parametrize(("name", "path"), PAGES)
def test_every_page_opens_cleanly(server: str, page: Any, shots: Path, name: str,
                                  path: str) -> None:
    fact = page.request.get(f"{server}/api/facts?limit=1").json()["facts"][0]["id"]
    response = page.goto(server + path.format(kz_uz=kz_uz_id(), hostile=hostile_id(),
                                               fact=fact))
    assert response.status == (404 if name == "missing" else 200)
    assert page.locator("header.top .brand").inner_text() == "bilat"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != \
        "rgba(0, 0, 0, 0)"  # the stylesheet loaded from the package
    screenshot(page, shots, name)
    problems = [p for p in page.problems if not (name == "missing" and "404" in p)]
    assert problems == []


def test_a_chart_point_opens_its_source_sentence(server: str, page: Any, shots: Path) -> None:
    page.goto(server + "/pair/KZ/UZ")
    panel = page.locator("#pt-0-2024-0")
    assert not panel.is_visible()
    page.locator('svg a[href="#pt-0-2024-0"]').click()
    assert panel.is_visible()
    assert "по итогам 2024 года составил 4,4 млрд" in panel.inner_text()
    screenshot(page, shots, "pair_point_open")
    panel.locator("blockquote a").first.click()
    page.wait_for_url("**/doc/**")
    highlight = page.locator("a.ev", has_text="составил 4,4 млрд")
    assert highlight.first.is_visible()
    screenshot(page, shots, "point_source_document")
    assert page.problems == []


def test_confirming_a_fact(server: str, page: Any, shots: Path) -> None:
    page.goto(server + f"/doc/{kz_uz_id()}")
    first = page.locator("ol.doc-facts li").first
    fact_id = first.get_attribute("id").removeprefix("fact-")
    first.locator("button[data-action=confirm]").click()
    form = first.locator("form.curate-form")
    form.locator("input[name=by]").fill("Анна")
    form.locator("input[name=why]").fill("сверено с таможней")
    screenshot(page, shots, "curation_form")
    form.locator("button[type=submit]").click()
    page.wait_for_function(
        "id => document.querySelector(`#fact-${id} .badge`).textContent === 'подтверждён'",
        arg=fact_id)
    assert not form.is_visible()
    stored = page.request.get(f"{server}/api/fact/{fact_id}").json()
    assert stored["fact"]["curation"] == "confirmed"
    assert stored["decisions"][-1]["by"] == "Анна"
    page.reload()
    assert first.locator(".badge").inner_text() == "подтверждён"
    screenshot(page, shots, "curation_done")
    assert page.problems == []


def test_a_refused_decision_shows_its_reason(server: str, page: Any) -> None:
    page.goto(server + "/facts")
    row = page.locator("table.facts tbody tr").first
    row.locator("button[data-action=reject]").click()
    form = row.locator("form.curate-form")
    form.locator("input[name=by]").fill("Анна")
    form.locator("button[type=submit]").click()  # no reason given: the API refuses
    error = form.locator(".error")
    error.wait_for()
    page.wait_for_function("e => e.textContent.length > 0", arg=error.element_handle())
    assert "reason" in error.inner_text()
    assert [p for p in page.problems if "400" not in p] == []


def test_hostile_text_runs_nothing(server: str, page: Any) -> None:
    page.goto(server + f"/doc/{hostile_id()}")
    assert "<script>alert('текст')</script>" in page.locator(".doc-text").inner_text()
    assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0
    assert page.problems == []


def test_people_organizations_and_sectors_read_as_words(page: Any, shots: Path,
                                                         tmp_path: Path) -> None:
    """The explorer's type filter offers people, and their rows say who they are."""
    with serving(people_store(tmp_path / "people.db")) as url:
        page.goto(url + "/facts")
        page.locator("select[name=type]").select_option("person")
        page.locator("form.filters button[type=submit]").click()
        page.wait_for_url("**/facts?type=person**")
        row = page.locator("table.facts tbody tr")
        assert row.count() == 1
        assert "Канат Ермеков, аким Костанайской области" in row.inner_text()
        assert "персона" in row.inner_text() and "Костанайская область" in row.inner_text()
        screenshot(page, shots, "facts_people")
        page.goto(url + "/facts")
        texts = page.locator("table.facts tbody tr td:first-child").all_inner_texts()
        assert not [t for t in texts if t.split("\n")[0] in ("person", "organization",
                                                               "sector")]
        screenshot(page, shots, "facts_people_all")
    assert page.problems == []
