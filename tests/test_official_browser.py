"""The pair page's comparison with official statistics in a real browser (see
test_web_browser.py for the server, the browser and where screenshots go)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_web_browser import BROWSER_MARKS, browser, page, screenshot, serving, shots
from typer.testing import CliRunner

from bilat.cli import app
from bilat.store import Store

__all__ = ["browser", "page", "shots"]  # fixtures used by name below

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("official_browser") / "demo.db")
    result = CliRunner().invoke(app, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    with serving(Store(db)) as url:
        yield url


def test_the_pair_page_flags_the_figure_far_from_the_official(
    demo_server: str, page: Any, shots: Path
) -> None:
    page.goto(demo_server + "/pair/KZ/RU-BA")
    section = page.locator("#official")
    assert section.is_visible()
    flagged = section.locator("tr.flagged")
    assert flagged.count() == 1
    assert "−14,1 %" in flagged.inner_text() and "расходится" in flagged.inner_text()
    # the flagged row stands out: its cells have the warning background
    background = flagged.locator("td").first.evaluate("td => getComputedStyle(td).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    screenshot(page, shots, "pair_official")
    flagged.locator("a", has_text="61,7 млн долларов").click()  # the news figure's sources
    panel = page.locator("#pt-1-2024-0")
    assert panel.is_visible() and "61,7 млн" in panel.inner_text()
    page.locator("#pt-1-2024-0 a.close").click()
    section.locator('input[name="threshold"]').fill("0.5")
    section.locator('button[type="submit"]').click()
    page.wait_for_url("**threshold=0.5**")
    assert page.locator("#official tr.flagged").count() == 3
    assert page.problems == []
