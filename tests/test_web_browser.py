"""The dashboard in a real browser: Debian's Chromium driven by Playwright against a uvicorn
server on a free loopback port. Screenshots go to a temporary folder, and also to the
folder named by BILAT_SCREENSHOTS when it is set."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from test_web_api import HOSTILE, documents, other, people_store, sample_store, trade

from bilat.model import Document
from bilat.store import Store
from bilat.web import create_app
from bilat.web.access import Access

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_TIMEOUT_S = 10  # uvicorn starts in well under a second; this bounds a broken start

# The marks of every module that drives the browser (the digest's, the official figures'
# and the watch page's tests take them from here).
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"needs Debian's Chromium at {CHROMIUM}: apt-get install chromium chromium-driver",
    ),
]
pytestmark = BROWSER_MARKS


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(sample_store(tmp_path_factory.mktemp("browser") / "web.db")) as url:
        yield url


WRITE_TOKEN = "browser-token"


@contextmanager
def serving(store: Store) -> Iterator[str]:
    """The app on ``store`` at a free loopback port, writes open to ``WRITE_TOKEN`` as
    ``bilat serve`` opens them to its printed token; the store is closed after."""
    port = free_port()
    app = create_app(store, access=Access(token=WRITE_TOKEN))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
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
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="needs Playwright, a dev extra: pip install 'bilat[dev]' (no browser download)",
    )
    with sync_api.sync_playwright() as playwright:
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
    opened.on("dialog", lambda d: (opened.problems.append(f"dialog: {d.message}"), d.dismiss()))
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


PAGES = [
    ("overview", "/"),
    ("pair", "/pair/KZ/UZ"),
    ("pair_ru_kz", "/pair/RU/KZ"),
    ("actor", "/actor/KZ"),
    ("document", "/doc/{kz_uz}"),
    ("hostile", "/doc/{hostile}"),
    ("search", "/search?q=товарооборот"),
    ("facts", "/facts"),
    ("consolidated", "/consolidated"),
    ("ask", "/ask?q=Какой товарооборот между Казахстаном и Узбекистаном в 2017 году?"),
    ("ask_found", "/ask?q=Какой экспорт Казахстана в Узбекистан в 2024 году?"),
    ("fact", "/fact/{fact}"),
    ("contradictions", "/contradictions"),
    ("missing", "/doc/ffffffffffffffff"),
]


@pytest.mark.parametrize(("name", "path"), PAGES)
def test_every_page_opens_cleanly(
    server: str, page: Any, shots: Path, name: str, path: str
) -> None:
    fact = page.request.get(f"{server}/api/facts?limit=1").json()["facts"][0]["id"]
    response = page.goto(server + path.format(kz_uz=kz_uz_id(), hostile=hostile_id(), fact=fact))
    assert response.status == (404 if name == "missing" else 200)
    assert page.locator("header.top .brand").inner_text() == "bilat"
    assert (
        page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"
    )  # the stylesheet loaded from the package
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


def test_a_visitor_without_the_token_sees_decisions_but_no_buttons(server: str, page: Any) -> None:
    page.goto(server + f"/doc/{kz_uz_id()}")
    first = page.locator("ol.doc-facts li").first
    assert first.locator(".badge").is_visible()
    assert not first.locator("button[data-action=confirm]").is_visible()
    fact_id = first.get_attribute("id").removeprefix("fact-")
    forged = page.request.post(
        f"{server}/api/fact/{fact_id}/curation", data={"action": "confirm", "by": "Кто-то"}
    )
    assert forged.status == 403


def test_confirming_a_fact(server: str, page: Any, shots: Path) -> None:
    page.goto(server + f"/doc/{kz_uz_id()}?token={WRITE_TOKEN}")
    assert "token" not in page.url  # the printed URL's token went into a cookie
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
        arg=fact_id,
    )
    assert not form.is_visible()
    stored = page.request.get(f"{server}/api/fact/{fact_id}").json()
    assert stored["fact"]["curation"] == "confirmed"
    assert stored["decisions"][-1]["by"] == "Анна"
    page.reload()
    assert first.locator(".badge").inner_text() == "подтверждён"
    screenshot(page, shots, "curation_done")
    assert page.problems == []


def test_a_refused_decision_shows_its_reason(server: str, page: Any) -> None:
    page.goto(server + f"/facts?token={WRITE_TOKEN}")
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


def test_people_organizations_and_sectors_read_as_words(
    page: Any, shots: Path, tmp_path: Path
) -> None:
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
        assert not [t for t in texts if t.split("\n")[0] in ("person", "organization", "sector")]
        screenshot(page, shots, "facts_people_all")
    assert page.problems == []


# -- labels: Russian that agrees, nothing clipped, qualifiers and emoji kept ------------------

BA = (
    "🚀 Товарооборот Казахстана и Башкортостана в 2024 году превысил 1,2 млрд долларов, в "
    "2023 году — свыше 0,9 млрд долларов. Экспорт Казахстана в Башкортостан составил "
    "около 700 млн долларов, а экспорт Башкортостана в Казахстан — порядка 500 млн долларов. "
    "Казахстан обеспечивает около 15% внешнеторгового оборота республики. В Уфе строится "
    "металлургический завод."
)
# Partners whose names are long: their labels are the ones a network clips.
LONG_NAMED = ("RU-KB", "RU-KHM", "RU-SE", "RU-YAN", "RU-KC", "RU-BA")


def labels_store(path: Path) -> Store:
    """KZ and RU-BA with a share, qualified figures, both flows and a project; KZ with
    partners whose names are long; an emoji in the title and the text."""
    more = [
        trade(BA, "превысил", "turnover", 1.2e9, 2024, parties=("KZ", "RU-BA"), qualifier="over"),
        trade(BA, "свыше", "turnover", 0.9e9, 2023, parties=("KZ", "RU-BA"), qualifier="over"),
        trade(
            BA,
            "Экспорт",
            "export",
            0.7e9,
            2024,
            parties=("KZ", "RU-BA"),
            qualifier="approx",
            exporter="KZ",
            importer="RU-BA",
        ),
        trade(
            BA,
            "порядка",
            "export",
            0.5e9,
            2024,
            parties=("KZ", "RU-BA"),
            qualifier="approx",
            exporter="RU-BA",
            importer="KZ",
        ),
        other(
            "share",
            BA,
            "15%",
            indicator="turnover",
            part="KZ",
            whole="RU-BA",
            percent=15.0,
            qualifier="approx",
            period={"year": None, "months": None},
        ),
        other(
            "project",
            BA,
            "завод",
            sector="metallurgy",
            place="Уфа",
            location="RU-BA",
            partners=["KZ"],
            status="in_progress",
        ),
    ]
    more += [
        trade(BA, "превысил", "turnover", 1e8 * (n + 1), 2024, parties=("KZ", code))
        for n, code in enumerate(LONG_NAMED[:-1])
    ]
    store = Store(str(path))
    store.add(ba_document(), more)
    return store


def ba_document() -> Document:
    return Document(
        text=BA,
        source="corpus/ba.txt",
        name="ba.txt",
        kind="telegram",
        title="🚀 Казахстан и Башкортостан 🤝",
        date="2025-03-01",
    )


def inside(inner: dict[str, float], outer: dict[str, float]) -> bool:
    return (
        inner["x"] >= outer["x"] - 0.5
        and inner["y"] >= outer["y"] - 0.5
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5
    )


def clipped(page: Any, texts: str, box: str) -> list[str]:
    """The texts among ``texts`` that reach outside the ``box`` holding them."""
    found = []
    for text in page.locator(texts).all():
        holder = text.locator(f"xpath=ancestor::*[contains(@class, '{box}')][1]")
        if not inside(text.bounding_box(), holder.bounding_box()):
            found.append(text.text_content())
    return found


@pytest.fixture(scope="module")
def labels_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(labels_store(tmp_path_factory.mktemp("labels") / "labels.db")) as url:
        yield url


def test_a_region_pair_reads_as_russian_with_its_qualifiers(
    labels_server: str, page: Any, shots: Path
) -> None:
    page.goto(labels_server + "/pair/KZ/RU-BA")
    screenshot(page, shots, "labels_pair")
    text = page.locator("main").inner_text()
    assert "доля в товарообороте (Казахстан → Республика Башкортостан): около 15 %" in text
    assert "в обороте Республика" not in text
    assert "металлургия · Уфа · реализуется" in text and "metallurgy" not in text
    values = page.locator("svg.chart text.value").all_text_contents()
    assert "свыше 1,2 млрд" in values and "около 700 млн" in values
    assert clipped(page, "svg.chart text.legend", "chart") == []
    assert page.problems == []


def test_network_labels_fit_their_card(labels_server: str, page: Any, shots: Path) -> None:
    page.goto(labels_server + "/actor/KZ")
    screenshot(page, shots, "labels_actor")
    labels = page.locator("svg .node-label").all_text_contents()
    assert "Кабардино-Балкарская Республика" in labels
    assert clipped(page, "svg .node-label", "card") == []
    assert "None" not in page.locator("main").inner_text()


def test_the_share_in_the_explorer_names_its_sides_without_case(
    labels_server: str, page: Any
) -> None:
    page.goto(labels_server + "/facts?type=share")
    row = page.locator("table.facts tbody tr").inner_text()
    assert "Казахстан → Республика Башкортостан" in row and " в Республика" not in row


def emoji_font() -> bool:
    listed = (
        shutil.which("fc-list")
        and subprocess.run(
            ["fc-list", ":charset=1f680", "family"], capture_output=True, text=True
        ).stdout
    )
    return bool(listed)


@pytest.mark.skipif(
    not emoji_font(), reason="needs an emoji font: apt-get install fonts-noto-color-emoji"
)
def test_emoji_are_drawn_in_colour(labels_server: str, page: Any, shots: Path) -> None:
    """An emoji drawn in the title's font has coloured pixels; a missing glyph is a box in
    the ink's grey."""
    page.goto(f"{labels_server}/doc/{ba_document().id}")
    screenshot(page, shots, "labels_emoji")
    assert "🚀" in page.locator("h1").inner_text()
    assert "· Telegram ·" in page.locator("main p.meta").first.inner_text()
    coloured = page.evaluate("""() => {
        const canvas = document.createElement("canvas");
        canvas.width = 80; canvas.height = 80;
        const ctx = canvas.getContext("2d");
        ctx.font = "48px " + getComputedStyle(document.querySelector("h1")).fontFamily;
        ctx.fillStyle = "#1d2430";
        ctx.fillText("🚀", 4, 60);
        const px = ctx.getImageData(0, 0, 80, 80).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) {
            const spread = Math.max(px[i], px[i+1], px[i+2]) - Math.min(px[i], px[i+1], px[i+2]);
            if (px[i+3] > 0 && spread > 60) n++;
        }
        return n;
    }""")
    assert coloured > 50


# -- the pair timeline: events on the same or nearby days ----------------------------------------

FORUMS = (
    "Делегации Казахстана и Башкортостана провели переговоры в Уфе, открыли форум, "
    "подписали меморандум, посетили выставку и провели конференцию. Через год стороны "
    "встретились снова."
)
CLOSE_EVENTS = [
    ("negotiations", "Переговоры в Уфе по кооперации", "2025-02-07"),
    ("forum", "Казахстанско-башкирский деловой форум", "2025-02-07"),
    ("signing", "Подписание меморандума о сотрудничестве", "2025-02-07"),
    ("visit", "Визит делегации на промышленную выставку", "2025-02-08"),
    ("conference", "Конференция по логистике и транзиту", "2025-02-10"),
    ("meeting", "Встреча глав правительств", "2026-02-01"),
]


def timeline_store(path: Path) -> Store:
    """KZ and RU-BA with five events within four days and one a year later."""
    events = [
        other(
            "event", FORUMS, "переговоры", kind=kind, name=name, date=date, parties=["KZ", "RU-BA"]
        )
        for kind, name, date in CLOSE_EVENTS
    ]
    store = Store(str(path))
    store.add(
        Document(
            text=FORUMS,
            source="corpus/forums.txt",
            name="forums.txt",
            kind="text",
            title="Форумы",
            date="2026-02-02",
        ),
        events,
    )
    return store


def overlapping(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, one in enumerate(boxes)
        for j, two in enumerate(boxes)
        if i < j
        and one["x"] < two["x"] + two["width"]
        and two["x"] < one["x"] + one["width"]
        and one["y"] < two["y"] + two["height"]
        and two["y"] < one["y"] + one["height"]
    ]


def test_timeline_labels_of_close_events_do_not_overlap(
    page: Any, shots: Path, tmp_path: Path
) -> None:
    with serving(timeline_store(tmp_path / "timeline.db")) as url:
        page.goto(url + "/pair/KZ/RU-BA")
        timeline = page.locator("svg.chart[aria-label='События по датам']")
        timeline.scroll_into_view_if_needed()
        screenshot(page, shots, "timeline_close_events")
        labels = timeline.locator("text.legend")
        assert labels.count() == len(CLOSE_EVENTS)
        boxes = [label.bounding_box() for label in labels.all()]
        assert overlapping(boxes) == []
        assert clipped(page, "svg.chart[aria-label='События по датам'] text.legend", "chart") == []
    assert page.problems == []


# -- the demo corpus: the explorer and the KZ–RU-BA dossier an analyst opens first ---------------


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from bilat.pipeline import ingest
    from bilat.sources import demo_path

    store = Store(str(tmp_path_factory.mktemp("demo") / "demo.db"))
    ingest([demo_path()], store)
    with serving(store) as url:
        yield url


def test_the_explorer_narrows_by_facets_and_sorts(demo_server: str, page: Any, shots: Path) -> None:
    page.goto(demo_server + "/facts")
    facets = page.locator("section.facets")
    assert [h.strip() for h in facets.locator("h3").all_inner_texts()] == [
        "Тип",
        "Пара",
        "Год",
        "Источник",
    ]
    screenshot(page, shots, "explorer_facets")
    trade = facets.locator("[data-facet=type] li", has_text="торговля")
    count = int(trade.locator(".count").inner_text())
    trade.locator("a").click()
    page.wait_for_url("**/facts?type=trade")
    assert f"Всего: {count}" in page.locator("main p.meta").first.inner_text()
    assert page.locator("table.facts tbody tr").count() == count
    page.locator("th a.sort", has_text="Значение").click()
    page.wait_for_url("**sort=value")
    page.locator("th a.sort", has_text="Значение").click()
    page.wait_for_url("**sort=-value")
    first = page.locator("table.facts tbody tr").first.locator("td.num").nth(1).inner_text()
    assert "млрд" in first  # the largest figure of the demo is in billions
    selected = page.locator("[data-facet=type] li.selected")
    assert selected.count() == 1 and "торговля" in selected.inner_text()
    screenshot(page, shots, "explorer_trade_by_value")
    assert page.problems == []


def test_the_kz_ru_ba_dossier_shows_flows_balance_and_rank(
    demo_server: str, page: Any, shots: Path
) -> None:
    page.goto(demo_server + "/pair/KZ/RU-BA")
    screenshot(page, shots, "demo_pair_kz_ru_ba")
    flows = page.locator("svg.chart[aria-label^='Экспорт и импорт']")
    assert flows.locator("rect.bar").count() == 2  # 2024: KZ's export and its import
    balance = page.locator("svg.chart[aria-label^='Сальдо']")
    assert balance.locator("text.value").all_text_contents() == ["−289,3 млн"]
    for chart in ("Экспорт и импорт", "Сальдо"):
        texts = f"svg.chart[aria-label^='{chart}'] text"
        assert clipped(page, texts, "chart") == [], chart
    ranks = page.locator("#ranks tbody tr")
    assert ranks.count() == 2 and "из" in ranks.first.inner_text()
    assert page.locator("#balance table tbody tr").first.inner_text().split("\t")[0] == "2024"
    assert page.problems == []


# -- a corpus written to attack the pages ---------------------------------------------------------

ATTACK_TEXT = (
    "<script>window.pwned = 1</script> Товарооборот Казахстана и Китая в 2024 году составил "
    '45 млрд долларов. <a href="javascript:window.pwned=2">ссылка</a> '
    '<style>body { display: none }</style> <img src=x onerror="window.pwned=3"> '
    '" onmouseover="window.pwned=4" Делегации встретились в Алматы.'
)


def attack_store(path: Path) -> tuple[Store, str]:
    store = Store(str(path))
    document = Document(
        text=ATTACK_TEXT,
        source="corpus/attack.jsonl",
        name="attack.jsonl",
        kind="jsonl",
        title='<img src=x onerror="window.pwned=5">Заголовок',
        date="2025-03-03",
        url="javascript:window.pwned=6",
    )
    speaker = {"name": "<svg onload=window.pwned=7>", "role": "министр", "country": "KZ"}
    facts = [
        trade(ATTACK_TEXT, "45", "turnover", 45e9, 2024, parties=("KZ", "CN")),
        other(
            "event",
            ATTACK_TEXT,
            "Делегации",
            kind="meeting",
            parties=["KZ", "CN"],
            name='<iframe src="javascript:window.pwned=8"></iframe>встреча',
            place="<b onmouseover=window.pwned=9>Алматы</b>",
            date="2025-03",
        ),
        other(
            "quote",
            ATTACK_TEXT,
            "Делегации",
            speaker=speaker,
            parties=["KZ", "CN"],
            text="javascript:window.pwned=10 </blockquote><script>window.pwned=11</script>",
        ),
    ]
    store.add(document, facts, [])
    return store, document.id


ATTACKED_PAGES = [
    "/",
    "/doc/{doc}",
    "/facts",
    "/facts?q=ссылка",
    "/search?q=ссылка",
    "/pair/KZ/CN",
    "/actor/KZ",
    "/consolidated",
]
NOTHING_ACTIVE = """() => {
  const count = (selector) => document.querySelectorAll(selector).length;
  return {
    pwned: window.pwned === undefined ? null : window.pwned,
    javascriptLinks: count('[href^="javascript:" i], [src^="javascript:" i]'),
    handlers: count('main [onerror], main [onload], main [onmouseover]'),
    injected: count('main script, main iframe, main style, main svg[onload]'),
    bodyShown: getComputedStyle(document.body).display !== 'none',
  };
}"""


# What an injection that slipped past the escaping would do: an inline script in the page.
INLINE_SCRIPT = """() => {
  const script = document.createElement('script');
  script.textContent = 'window.inlineRan = true';
  document.body.append(script);
  return window.inlineRan === true;
}"""


def test_a_hostile_corpus_runs_nothing_and_links_nowhere(
    page: Any, shots: Path, tmp_path: Path
) -> None:
    store, doc_id = attack_store(tmp_path / "attack.db")
    with serving(store) as url:
        for path in ATTACKED_PAGES:
            # "networkidle": the favicon of one page must not be cut off by the next goto
            response = page.goto(url + path.format(doc=doc_id), wait_until="networkidle")
            assert response.status == 200, path
            policy = response.headers["content-security-policy"]
            assert "script-src 'self'" in policy and "unsafe-inline" not in policy
            state = page.evaluate(NOTHING_ACTIVE)
            assert state == {
                "pwned": None,
                "javascriptLinks": 0,
                "handlers": 0,
                "injected": 0,
                "bodyShown": True,
            }, path
        page.goto(url + f"/doc/{doc_id}", wait_until="networkidle")
        assert page.evaluate(INLINE_SCRIPT) is False  # the browser enforces the policy
        refused = [p for p in page.problems if "Content Security Policy" in p]
        assert refused, page.problems  # and says why it ran nothing
        page.problems[:] = [p for p in page.problems if p not in refused]
        assert "javascript:window.pwned=6" in page.locator("main").inner_text()  # shown as text
        assert "<script>window.pwned = 1</script>" in page.locator(".doc-text").inner_text()
        screenshot(page, shots, "hostile_corpus_document")
    assert page.problems == []
