"""The demo's region pages and the facts explorer as an analyst reads them, in a real browser
(issue 13; see test_web_browser.py for the server, the browser and where screenshots go)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_web_browser import BROWSER_MARKS, browser, demo_server, page, screenshot, shots

__all__ = ["browser", "demo_server", "page", "shots"]  # fixtures used by name below

pytestmark = BROWSER_MARKS


def test_the_region_actor_page_lists_its_events_and_quotes(
    demo_server: str, page: Any, shots: Path
) -> None:
    """/actor/RU-BA: the meeting held in Уфа and the words of both heads (point 1)."""
    page.goto(demo_server + "/actor/RU-BA")
    events = page.locator("#events .cfact .what").all_inner_texts()
    assert "встреча · Уфа · 2025-02-14" in events
    speakers = " ".join(page.locator("#quotes figcaption").all_inner_texts())
    assert "Айдар Мустафин" in speakers and "Ерлан Бекмуратов" in speakers
    screenshot(page, shots, "demo_actor_ru_ba")
    assert page.problems == []


def test_the_selected_pair_facet_shows_its_whole_name(
    demo_server: str, page: Any, shots: Path
) -> None:
    """The pair selected in the explorer reads whole, not 'Казахстан — Республика Башко…',
    and the figures' column is headed over its figures (what to build: explorer layout)."""
    page.goto(demo_server + "/facts?party=KZ&partner=RU-BA&sort=-value")
    selected = page.locator("[data-facet=pair] li.selected a")
    assert selected.inner_text() == "Казахстан — Республика Башкортостан"
    assert selected.evaluate("a => a.scrollWidth <= a.clientWidth"), "the name is cut"
    pairs = page.locator("[data-facet=pair] li a").all_inner_texts()
    assert "Казахстан — Костанайская область" not in pairs  # a country and its own region
    value = page.locator("table.facts th", has_text="Значение")
    assert value.evaluate("th => getComputedStyle(th).textAlign") == "right"
    screenshot(page, shots, "demo_explorer_pair_by_value")
    assert page.problems == []
