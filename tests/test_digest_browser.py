"""The digest in a real browser: the mailed HTML file opened alone, fetching nothing, and
the dashboard's /digest page (see test_web_browser.py for the server, the browser and
where screenshots go; BILAT_SCREENSHOTS=folder keeps them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_digest import demo_db
from test_web_browser import BROWSER_MARKS, browser, page, screenshot, serving, shots

from bilat.kb.digest import Period, digest
from bilat.store import Store
from bilat.web import digest as files

__all__ = ["browser", "demo_db", "page", "shots"]  # fixtures used by name below

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def demo_server(demo_db: str) -> Iterator[str]:
    with serving(Store(demo_db, create=False)) as url:
        yield url


def test_the_mailed_html_shows_everything_without_a_request(
    demo_db: str, page: Any, shots: Path, tmp_path: Path
) -> None:
    with Store(demo_db, create=False) as store:
        data = digest(store, "KZ", "RU-BA", Period.parse("2024-11-01")).to_json()
    mailed = tmp_path / "digest.html"
    mailed.write_text(files.html(data), encoding="utf-8")
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(mailed.as_uri())
    assert asked == [mailed.as_uri()]  # the file itself, nothing else
    row = page.locator("#figures tbody tr").first
    assert "412,7 млн долларов" in row.inner_text() and "+12,4 % к 2023" in row.inner_text()
    # styled from its own inline sheet: the card has its border, the flagged row its colour
    flagged = page.locator("tr.flagged td").first
    assert flagged.evaluate("td => getComputedStyle(td).backgroundColor") == "rgb(251, 234, 234)"
    chart = page.locator("#chart svg")
    assert chart.is_visible() and chart.bounding_box()["height"] > 200
    grid = page.locator("#chart svg line.grid").first
    assert grid.evaluate("l => getComputedStyle(l).stroke") == "rgb(236, 239, 243)"
    screenshot(page, shots, "digest_mailed")
    assert page.problems == []


def test_the_dashboard_page_and_its_links(demo_server: str, page: Any, shots: Path) -> None:
    page.goto(demo_server + "/pair/KZ/RU-BA")
    page.locator("a", has_text="что нового за неделю").click()
    page.wait_for_url("**/digest?pair=KZ&pair=RU-BA")
    page.fill('input[name="since"]', "2024-11-01")
    page.locator("form.digest-period button").click()
    page.wait_for_url("**since=2024-11-01**")
    assert "+12,4 % к 2023" in page.locator("#figures").inner_text()
    assert page.locator("#events").inner_text().count("встреча · Уфа") == 1
    source = page.locator("#figures li.source a").first
    assert source.get_attribute("href").startswith("/doc/")
    assert page.locator(".downloads a").all_inner_texts() == ["MD", "HTML", "PDF"]
    screenshot(page, shots, "digest_page")
    assert page.problems == []
