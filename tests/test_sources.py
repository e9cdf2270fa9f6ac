"""bilat.sources: every input kind, every bad input, the demo corpus — as tables.

All fixtures are written into tmp_path from sentences made up for these tests; URLs are
served by httpx.MockTransport, so nothing here touches the network.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from bilat.model import Document, Skipped
from bilat.sources import MAX_FILE_BYTES, demo_path, read, read_many, read_urls
from bilat.sources import urls as urls_module
from bilat.sources.dates import iso_date, url_date, url_year

BODY = (
    "Товарооборот Курганской области с Казахстаном за первое полугодие вырос на 8%. "
    "Губернатор и аким договорились провести заседание рабочей группы осенью."
)
TITLE = "Курган и Петропавловск обсудили торговлю"
ARTICLE = f"{TITLE}\n5 июня 2025\n\n{BODY}\n"


def documents(items: list[Document | Skipped]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def skips(items: list[Document | Skipped]) -> list[Skipped]:
    return [item for item in items if isinstance(item, Skipped)]


# ── plain text in every encoding ────────────────────────────────────────────────────────

TEXT_CASES = [
    # (file name, bytes, title, date, text begins with)
    ("utf8.txt", ARTICLE.encode("utf-8"), TITLE, "2025-06-05", TITLE + "\n5 июня 2025\n\n"),
    ("bom.txt", ARTICLE.encode("utf-8-sig"), TITLE, "2025-06-05", TITLE),
    ("win.txt", ARTICLE.encode("cp1251"), TITLE, "2025-06-05", TITLE),
    ("koi.txt", ARTICLE.encode("koi8_r"), TITLE, "2025-06-05", TITLE),
    ("utf16.txt", ARTICLE.encode("utf-16"), TITLE, "2025-06-05", TITLE),
    (
        "crlf.text",
        ARTICLE.replace("\n", "\r\n").encode(),
        TITLE,
        "2025-06-05",
        TITLE + "\n5 июня 2025\n\n",
    ),
    ("note.md", f"# {TITLE}\n\n{BODY}".encode(), TITLE, None, f"# {TITLE}"),
    ("no_year.txt", f"{TITLE}\n5 июня\n\n{BODY}".encode(), TITLE, None, TITLE),
    ("no_title.txt", BODY.encode("cp1251"), None, None, BODY[:40]),
    # a page copied from a browser: its menu and breadcrumbs come before the headline
    (
        "copied.txt",
        f"Все новости\n{TITLE}\n5 июня 2025\n\n{BODY}".encode(),
        TITLE,
        "2025-06-05",
        "Все новости",
    ),
    (
        "crumbs.txt",
        f"Главная / Новости / Экономика\nПоделиться\n{TITLE}\n5 июня 2025\n\n{BODY}".encode(),
        TITLE,
        "2025-06-05",
        "Главная",
    ),
    ("menu_only.txt", f"Все новости\n\n{BODY}".encode(), None, None, "Все новости"),
    (
        "dated_first.txt",
        f"Новости\n5 июня 2025, 10:05\n{TITLE}\n\n{BODY}".encode(),
        TITLE,
        "2025-06-05",
        "Новости",
    ),
    (
        "address.txt",
        f"example-news.ru/kurgan/188\nLast Update:\n{TITLE}\n\n{BODY}".encode(),
        TITLE,
        None,
        "example-news.ru",
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "title", "date", "start"), TEXT_CASES, ids=[case[0] for case in TEXT_CASES]
)
def test_text_files(
    tmp_path: Path, name: str, data: bytes, title: str | None, date: str | None, start: str
) -> None:
    (tmp_path / name).write_bytes(data)
    [document] = list(read(tmp_path / name))
    assert isinstance(document, Document), document
    assert (document.kind, document.name, document.source) == ("txt", name, str(tmp_path / name))
    assert (document.title, document.date) == (title, date)
    assert document.text.startswith(start)
    assert BODY in document.text
    assert "\r" not in document.text and "\ufeff" not in document.text


# ── HTML: main text, title, date; furniture gone ────────────────────────────────────────

PAGE_TITLE = "Тюменская область и Казахстан открыли совместный агрохаб"
PAGE_PARAGRAPHS = [
    "Тюменская область и Северо-Казахстанская область открыли в Ишиме совместный "
    "агрологистический хаб. Его мощность составит 300 тысяч тонн зерна в год.",
    "По словам губернатора, товарооборот региона с Казахстаном за девять месяцев вырос "
    "на 11% и приблизился к 400 млн долларов.",
    "— Хаб позволит фермерам двух стран продавать зерно без лишних посредников, — "
    "сказал аким области на церемонии открытия.",
]
FOREIGN_HEADLINES = [  # other articles' headlines: their countries and figures must not leak
    "Товарооборот Армении и Ирана достиг 700 млн долларов",
    "Монголия увеличила экспорт угля в Китай на 30%",
    "Эстония и Латвия подписали соглашение о железной дороге",
    "Экспорт Туркменистана в Турцию вырос в 2 раза",
    "Грузия закупит 50 тысяч тонн пшеницы",
    "Киргизия и Таджикистан открыли пункт пропуска",
    "Импорт Вьетнама из Индии превысил 5 млрд долларов",
    "Молдова и Румыния построят мост через Прут",
    "Сербия и Венгрия запустили грузовой поезд",
    "Погода в Тюмени на выходные",
    "Курс тенге к рублю на завтра",
    "Иран и Оман обсудили газовый коридор",
]
MENU = ["Главная", "Новости", "Экономика", "Регионы", "Контакты"]


def furniture_page(*, truncate_at: str | None = None) -> str:
    menu = "".join(f'<li><a href="/m{i}">{item}</a></li>' for i, item in enumerate(MENU))
    popular = "".join(f'<li><a href="/p{i}">{h}</a></li>' for i, h in enumerate(FOREIGN_HEADLINES))
    read_also = "".join(
        f'<li><a href="/r{i}">{h}</a></li>' for i, h in enumerate(FOREIGN_HEADLINES[:3])
    )
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in PAGE_PARAGRAPHS)
    page = f"""<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>{PAGE_TITLE} | Вымышленные вести</title>
<meta property="article:published_time" content="2025-02-03T10:00:00+05:00"></head>
<body><header><nav><ul>{menu}</ul></nav></header>
<main><article><h1>{PAGE_TITLE}</h1>{paragraphs}
<div class="also"><h3>Читайте также</h3><ul>{read_also}</ul></div>
<p>Следующий этап проекта — холодильный склад, его планируют построить к осени.</p>
</article><aside><h2>Популярное</h2><ol>{popular}</ol></aside></main>
<footer><p>© 2025 Вымышленные вести. Все права защищены.</p></footer></body></html>"""
    return page[: page.index(truncate_at)] if truncate_at else page


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_html_main_text_title_and_date(tmp_path: Path, encoding: str) -> None:
    page = furniture_page()
    if encoding != "utf-8":
        page = page.replace('charset="utf-8"', f'charset="{encoding}"').replace("©", "(c)")
    (tmp_path / "page.html").write_bytes(page.encode(encoding))
    [document] = list(read(tmp_path / "page.html"))
    assert isinstance(document, Document), document
    assert (document.kind, document.title, document.date) == ("html", PAGE_TITLE, "2025-02-03")
    assert document.text.startswith(f"{PAGE_TITLE}\n\n{PAGE_PARAGRAPHS[0][:30]}")
    assert all(paragraph in document.text for paragraph in PAGE_PARAGRAPHS)
    assert "холодильный склад" in document.text  # prose after the "Читайте также" block


@pytest.mark.parametrize(
    "furniture", [*FOREIGN_HEADLINES, *MENU, "Читайте также", "Популярное", "Все права защищены"]
)
def test_html_furniture_is_stripped(tmp_path: Path, furniture: str) -> None:
    (tmp_path / "page.html").write_text(furniture_page(), encoding="utf-8")
    [document] = list(read(tmp_path / "page.html"))
    assert furniture not in document.text


TRUNCATED_HTML_CASES = [
    # (cut the page where this begins, expected: a phrase of the text, or a Skipped reason)
    ("<aside>", PAGE_PARAGRAPHS[2][:40]),
    ("<p>— Хаб", PAGE_PARAGRAPHS[1][:40]),
    ("<main>", "no article text found"),
]


@pytest.mark.parametrize(("cut", "expected"), TRUNCATED_HTML_CASES)
def test_truncated_html(tmp_path: Path, cut: str, expected: str) -> None:
    (tmp_path / "cut.html").write_text(furniture_page(truncate_at=cut), encoding="utf-8")
    [item] = list(read(tmp_path / "cut.html"))
    found = item.text if isinstance(item, Document) else item.reason
    assert expected in found


# ── JSON Lines: a broken line is skipped alone ──────────────────────────────────────────

JSONL_LINES = [
    json.dumps(
        {
            "id": "a1",
            "text": BODY,
            "title": TITLE,
            "date": "2025-06-05T08:00:00",
            "url": "https://example.org/a1",
        },
        ensure_ascii=False,
    ),
    json.dumps({"text": BODY + " Вторая заметка."}, ensure_ascii=False),
    '{"text": "Оборвалась на полуслове',
    "",
    json.dumps({"title": "Без текста", "url": "https://example.org/x"}, ensure_ascii=False),
    json.dumps(["не", "объект"], ensure_ascii=False),
    json.dumps({"text": 42}),
    json.dumps({"text": "Коротко."}, ensure_ascii=False),
    json.dumps({"id": 9, "text": BODY + " Девятая.", "date": "09.06.2025"}, ensure_ascii=False),
]
JSONL_EXPECTED = [
    # (Document name or Skipped input, Skipped reason or Document date)
    ("news.jsonl#a1", "2025-06-05"),
    ("news.jsonl#2", None),
    ("news.jsonl:3", "not a JSON object (Unterminated string"),
    ("news.jsonl:5", "no 'text' field (expected the article text; found keys: title, url)"),
    ("news.jsonl:6", "not a JSON object (found an array)"),
    ("news.jsonl:7", "'text' is a number (expected a string)"),
    ("news.jsonl:8", "too short to be an article"),
    ("news.jsonl#9", "2025-06-09"),
]


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson"])
def test_jsonl_lines_go_on_past_broken_ones(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"news{suffix}"
    path.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    items = list(read(path))
    found = [
        (item.name, item.date)
        if isinstance(item, Document)
        else (Path(item.input).name, item.reason)
        for item in items
    ]
    assert len(found) == len(JSONL_EXPECTED)
    for (name, detail), (want_name, want_detail) in zip(found, JSONL_EXPECTED, strict=True):
        assert name == want_name.replace(".jsonl", suffix)
        assert detail == want_detail or detail.startswith(str(want_detail))
    first = items[0]
    assert first.text.startswith(f"{TITLE}\n\n") and first.url == "https://example.org/a1"


def test_json_array_of_articles(tmp_path: Path) -> None:
    records = [{"id": "x", "text": BODY}, {"text": ""}]
    (tmp_path / "dump.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    items = list(read(tmp_path / "dump.json"))
    assert [type(item).__name__ for item in items] == ["Document", "Skipped"]
    assert items[0].name == "dump.json#x"


# ── Telegram Desktop export ─────────────────────────────────────────────────────────────

TELEGRAM_MESSAGES = [
    {
        "id": 1,
        "type": "service",
        "action": "create_channel",
        "date": "2025-01-01T09:00:00",
        "text": "",
    },
    {"id": 2, "type": "message", "date": "2025-01-10T11:30:00", "text": BODY},
    {
        "id": 3,
        "type": "message",
        "date": "2025-01-11T12:00:00",
        "text": [
            {"type": "bold", "text": "Омская область"},
            " и ",
            {"type": "hashtag", "text": "#Казахстан"},
            " подписали соглашение о поставках зерна ",
            {"type": "text_link", "text": "на 40 млн долларов", "href": "https://example.org/"},
            ".",
        ],
    },
    {"id": 4, "type": "message", "date": "2025-01-12T08:00:00", "photo": "photo.jpg", "text": ""},
    {
        "id": 5,
        "type": "service",
        "action": "pin_message",
        "date": "2025-01-12T08:01:00",
        "text": "",
    },
    {"id": 6, "type": "message", "date_unixtime": "1736856000", "text": ["Привет"]},
]
TELEGRAM_EXPECTED = [  # (name or input, date or reason, text)
    ("Вымышленный канал/2", "2025-01-10", BODY),
    (
        "Вымышленный канал/3",
        "2025-01-11",
        "Омская область и #Казахстан подписали соглашение о поставках зерна на 40 млн долларов.",
    ),
    ("(message 6)", "too short to be an article", None),
]


@pytest.mark.parametrize("file_name", ["result.json", "export_2025.json"])
def test_telegram_export(tmp_path: Path, file_name: str) -> None:
    export = {"name": "Вымышленный канал", "type": "public_channel", "messages": TELEGRAM_MESSAGES}
    (tmp_path / file_name).write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    items = list(read(tmp_path / file_name))
    assert len(items) == len(TELEGRAM_EXPECTED)
    for item, (name, detail, text) in zip(items, TELEGRAM_EXPECTED, strict=True):
        if isinstance(item, Document):
            assert (item.name, item.date, item.text, item.kind) == (name, detail, text, "telegram")
        else:
            assert item.input.endswith(name) and item.reason.startswith(detail)


TELEGRAM_TITLES = [  # (message text, title)
    (BODY, "Товарооборот Курганской области с Казахстаном за первое полугодие вырос на 8%"),
    (f"⚡️ {TITLE}\n\n{BODY}", TITLE),
    (f"#Казахстан #Курган\n{TITLE}\n\n{BODY}", TITLE),
    (
        "Губернатор Курганской области и аким Северо-Казахстанской области в ходе встречи в "
        "Петропавловске договорились провести заседание рабочей группы осенью и обсудить "
        "поставки зерна.",
        "Губернатор Курганской области и аким Северо-Казахстанской области "
        "в ходе встречи в Петропавловске…",
    ),
]


@pytest.mark.parametrize(
    ("text", "title"), TELEGRAM_TITLES, ids=["sentence", "emoji", "hashtags", "long"]
)
def test_telegram_messages_get_a_title(tmp_path: Path, text: str, title: str) -> None:
    """A message has no title field: its first line, or its first sentence cut short."""
    export = {"name": "Канал", "messages": [{"id": 9, "type": "message", "text": text}]}
    (tmp_path / "result.json").write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    [document] = list(read(tmp_path / "result.json"))
    assert document.title == title


def test_a_list_of_names_is_no_article_but_lines_of_figures_are(tmp_path: Path) -> None:
    (tmp_path / "index.txt").write_text("a.txt\nИтоги года.html\n2024/news_17.json\n", "utf-8")
    (tmp_path / "figures.txt").write_text(
        "Экспорт Курганской области в Казахстан, млн долларов 41.5\n"
        "Импорт Курганской области из Казахстана, млн долларов 12.25\n",
        "utf-8",
    )
    [listing] = list(read(tmp_path / "index.txt"))
    assert isinstance(listing, Skipped) and listing.reason.startswith("a list of file names")
    [figures] = list(read(tmp_path / "figures.txt"))
    assert isinstance(figures, Document)


def test_telegram_export_without_channel_name_uses_the_file(tmp_path: Path) -> None:
    export = {"messages": [{"id": 7, "type": "message", "text": BODY}]}
    (tmp_path / "result.json").write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    [document] = list(read(tmp_path / "result.json"))
    assert (document.name, document.date) == ("result.json/7", None)


# ── RSS and Atom ────────────────────────────────────────────────────────────────────────

RSS = f"""<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Вымышленная лента</title><link>https://example.org</link>
<item><title>{TITLE}</title><link>https://example.org/news/1</link>
<description><![CDATA[<p>{BODY}</p><p>Читайте также:</p>]]></description>
<pubDate>Thu, 05 Jun 2025 10:00:00 +0300</pubDate></item>
<item><title>Вторая новость ленты</title>
<description>&lt;b&gt;Аким&lt;/b&gt; Павлодарской области провёл встречу с делегацией.</description>
<pubDate>Fri, 06 Jun 2025 10:00:00 +0300</pubDate></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Вымышленный атом</title>
<id>urn:demo</id><updated>2025-06-07T00:00:00Z</updated>
<entry><title>{TITLE}</title><id>urn:demo:1</id><link href="https://example.org/a/1"/>
<updated>2025-06-07T09:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""
FEED_CASES = [
    # (file name, bytes, [(name, date, text begins with)])
    (
        "lenta.rss",
        RSS.encode("cp1251"),
        [
            ("https://example.org/news/1", "2025-06-05", f"{TITLE}\n\n{BODY}"),
            (
                "lenta.rss#2",
                "2025-06-06",
                "Вторая новость ленты\n\nАким Павлодарской области провёл встречу",
            ),
        ],
    ),
    (
        "lenta.xml",
        RSS.encode("cp1251"),
        [
            ("https://example.org/news/1", "2025-06-05", TITLE),
            ("lenta.xml#2", "2025-06-06", "Вторая"),
        ],
    ),
    ("feed.atom", ATOM.encode(), [("https://example.org/a/1", "2025-06-07", f"{TITLE}\n\n")]),
]


@pytest.mark.parametrize(
    ("file_name", "data", "expected"), FEED_CASES, ids=[case[0] for case in FEED_CASES]
)
def test_feeds(
    tmp_path: Path, file_name: str, data: bytes, expected: list[tuple[str, str, str]]
) -> None:
    (tmp_path / file_name).write_bytes(data)
    items = list(read(tmp_path / file_name))
    assert [(item.name, item.date) for item in items] == [(n, d) for n, d, _ in expected]
    for item, (_, _, start) in zip(items, expected, strict=True):
        assert item.kind == "rss" and item.text.startswith(start)
        assert "<" not in item.text and "Читайте также" not in item.text


# ── URLs through httpx.MockTransport ────────────────────────────────────────────────────

HTML_HEADERS = {"content-type": "text/html; charset=utf-8"}
Reply = httpx.Response | Exception


def mock_client(routes: dict[str, list[Reply]], calls: dict[str, int]) -> httpx.Client:
    """Each URL answers its replies in turn (the last one repeats); raised if an exception."""

    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        calls[url] = calls.get(url, 0) + 1
        replies = routes[url]
        reply = replies[min(calls[url], len(replies)) - 1]
        if isinstance(reply, Exception):
            raise reply
        return reply

    return httpx.Client(transport=httpx.MockTransport(handler))


def page(status: int = 200) -> httpx.Response:
    return httpx.Response(status, headers=HTML_HEADERS, text=furniture_page())


URL_CASES = [
    # (id, replies, expected Document kind or Skipped reason, how many requests)
    ("ok", [page()], "url", 1),
    ("404", [httpx.Response(404)], "HTTP 404", 1),
    (
        "connect-error",
        [httpx.ConnectError("Name or service not known")],
        "could not connect (Name or service not known; 3 attempts)",
        3,
    ),
    ("timeout", [httpx.ReadTimeout("read timed out")], "timed out after 10 s", 1),
    ("retry-5xx-then-ok", [httpx.Response(503), page()], "url", 2),
    ("retry-connect-then-ok", [httpx.ConnectError("refused"), page()], "url", 2),
    ("5xx-always", [httpx.Response(502)], "HTTP 502 (after 3 attempts)", 3),
    (
        "rss",
        [
            httpx.Response(
                200, headers={"content-type": "application/rss+xml"}, content=RSS.encode("cp1251")
            )
        ],
        "rss",
        1,
    ),
    (
        "plain-text",
        [
            httpx.Response(
                200, headers={"content-type": "text/plain"}, content=ARTICLE.encode("koi8_r")
            )
        ],
        "url",
        1,
    ),
    (
        "pdf",
        [httpx.Response(200, headers={"content-type": "application/pdf"}, content=b"%PDF-1.7")],
        "unsupported content type 'application/pdf'",
        1,
    ),
    ("empty", [httpx.Response(200, headers=HTML_HEADERS)], "empty response", 1),
]


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urls_module, "RETRY_BACKOFF_S", 0.0)


@pytest.mark.parametrize(
    ("case", "replies", "expected", "requests"), URL_CASES, ids=[case[0] for case in URL_CASES]
)
def test_urls(case: str, replies: list[Reply], expected: str, requests: int) -> None:
    url = f"https://news.example/{case}"
    calls: dict[str, int] = {}
    with mock_client({url: replies}, calls) as client:
        items = list(read_urls([url], client=client))
    assert calls[url] == requests
    if expected in ("url", "rss"):
        assert items and all(isinstance(item, Document) for item in items), items
        assert items[0].kind == expected and items[0].source == url
        if expected == "url":
            assert (items[0].name, items[0].url) == (url, url)
    else:
        assert items == [Skipped(url, items[0].reason)]
        assert items[0].reason.startswith(expected), items[0].reason


def moved(to: str) -> httpx.Response:
    return httpx.Response(301, headers={"location": to})


def test_a_redirect_to_another_web_address_is_followed() -> None:
    url, there = "http://news.example/old", "https://news.example/new"
    calls: dict[str, int] = {}
    with mock_client({url: [moved(there)], there: [page()]}, calls) as c:
        [document] = list(read_urls([url], client=c))
    assert isinstance(document, Document) and document.url == there
    assert calls == {url: 1, there: 1}


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("file:///etc/passwd", "redirected to a non-web address (file:///etc/passwd)"),
        ("ftp://news.example/a.html", "redirected to a non-web address (ftp://"),
        # httpx itself refuses to parse a data: location: still one clear line, nothing fetched
        ("data:text/html,<p>x</p>", "could not fetch (InvalidURL"),
    ],
)
def test_a_redirect_off_the_web_is_refused(location: str, reason: str) -> None:
    url = "https://news.example/trap"
    calls: dict[str, int] = {}
    with mock_client({url: [moved(location)]}, calls) as client:
        [item] = list(read_urls([url], client=client))
    assert isinstance(item, Skipped) and item.reason.startswith(reason), item
    assert calls == {url: 1}  # nothing else was asked for


def test_a_redirect_loop_stops_after_the_limit() -> None:
    a, b = "https://news.example/a", "https://news.example/b"
    calls: dict[str, int] = {}
    with mock_client({a: [moved(b)], b: [moved(a)]}, calls) as client:
        [item] = list(read_urls([a], client=client))
    assert isinstance(item, Skipped)
    assert item.reason == f"more than {urls_module.MAX_REDIRECTS} redirects"
    assert sum(calls.values()) == urls_module.MAX_REDIRECTS + 1


def test_a_server_that_drips_is_stopped_by_the_total_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(urls_module, "TOTAL_TIME_S", -1.0)  # the deadline has passed at once
    url = "https://news.example/slow"
    drip = httpx.Response(200, headers=HTML_HEADERS, content=iter([b"<p>", b"a", b"</p>"]))
    with mock_client({url: [drip]}, {}) as client:
        [item] = list(read_urls([url], client=client))
    assert isinstance(item, Skipped) and item.reason.startswith("took over"), item


@pytest.mark.parametrize(
    ("replies", "asked"),
    [
        # a chain of redirects each under the read timeout: no hop after the time is up
        (
            {
                "https://news.example/a": [moved("https://news.example/b")],
                "https://news.example/b": [page()],
            },
            {"https://news.example/a": 1},
        ),
        # a server that keeps failing: no retry after the time is up
        ({"https://news.example/a": [httpx.Response(503), page()]}, {"https://news.example/a": 1}),
        (
            {"https://news.example/a": [httpx.ConnectError("refused"), page()]},
            {"https://news.example/a": 1},
        ),
    ],
    ids=["redirects", "retries-5xx", "retries-connect"],
)
def test_redirects_and_retries_stop_at_the_total_time(
    monkeypatch: pytest.MonkeyPatch, replies: dict[str, list[Reply]], asked: dict[str, int]
) -> None:
    monkeypatch.setattr(urls_module, "TOTAL_TIME_S", -1.0)  # the deadline has passed at once
    calls: dict[str, int] = {}
    with mock_client(replies, calls) as client:
        [item] = list(read_urls(["https://news.example/a"], client=client))
    assert isinstance(item, Skipped) and item.reason == "took over -1 s in all; stopped", item
    assert calls == asked


def test_a_response_declared_over_the_size_limit_is_not_read() -> None:
    url = "https://news.example/huge"
    declared = {"content-length": str(MAX_FILE_BYTES + 1)} | HTML_HEADERS
    huge = httpx.Response(200, headers=declared, content=iter([b"<p>never read</p>"]))
    with mock_client({url: [huge]}, {}) as client:
        [item] = list(read_urls([url], client=client))
    assert isinstance(item, Skipped), item
    assert (
        item.reason
        == f"response too large (over {MAX_FILE_BYTES + 1:,} bytes, expected at most 20 MB)"
    )


def test_a_response_that_streams_past_the_size_limit_is_cut_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(urls_module, "MAX_FILE_BYTES", 2000)  # 20 MB would take a while here
    sent: list[int] = []

    def endless() -> Iterator[bytes]:
        while True:  # no Content-Length, and no end
            sent.append(1000)
            yield b"<p>" + "товар".encode() * 99 + b"</p>"

    url = "https://news.example/endless"
    with mock_client(
        {url: [httpx.Response(200, headers=HTML_HEADERS, content=endless())]}, {}
    ) as c:
        [item] = list(read_urls([url], client=c))
    assert isinstance(item, Skipped) and item.reason.startswith("response too large (over 2,"), item
    assert len(sent) == 3  # stopped at the first chunk past the limit


def test_only_web_addresses_are_fetched() -> None:
    assert urls_module.is_url("https://news.example/a") and urls_module.is_url("HTTP://x.kz")
    assert not any(
        urls_module.is_url(u) for u in ("file:///etc/passwd", "ftp://x.kz/a", "javascript:1")
    )


def test_url_html_is_extracted_like_a_file() -> None:
    url = "https://news.example/page"
    with mock_client({url: [page()]}, {}) as client:
        [document] = list(read_urls([url], client=client))
    assert (document.title, document.date) == (PAGE_TITLE, "2025-02-03")
    assert not any(headline in document.text for headline in FOREIGN_HEADLINES)


def test_read_many_files_urls_and_a_url_list(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text(
        "# a comment\nhttps://news.example/ok\n\nftp://old.example/x\nhttps://news.example/gone\n",
        encoding="utf-8",
    )
    routes: dict[str, list[Reply]] = {
        "https://news.example/ok": [page()],
        "https://news.example/gone": [httpx.Response(404)],
        "https://news.example/direct": [page()],
    }
    with mock_client(routes, {}) as client:
        items = list(
            read_many(
                [tmp_path / "a.txt", "https://news.example/direct", tmp_path / "missing.txt"],
                urls_file,
                client=client,
            )
        )
    assert [str(item) if isinstance(item, Skipped) else item.name for item in items] == [
        "a.txt",
        "https://news.example/direct",
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        "https://news.example/ok",
        f"{urls_file}:4: not an http(s) URL (found 'ftp://old.example/x')",
        "https://news.example/gone: HTTP 404",
    ]


def test_read_many_missing_url_list(tmp_path: Path) -> None:
    items = list(read_many([], tmp_path / "nope.txt"))
    assert items == [Skipped(str(tmp_path / "nope.txt"), "no such file")]


# ── bad inputs: exactly one Skipped each, and the batch goes on ─────────────────────────


def make_sparse_oversize(path: Path) -> None:
    with path.open("wb") as file:  # sparse: the size check must refuse it before reading
        file.truncate(MAX_FILE_BYTES + 1)


def write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name

    return make


TRUNCATED_EXPORT = json.dumps(
    {"name": "Канал", "messages": TELEGRAM_MESSAGES}, ensure_ascii=False, indent=1
).encode()[:300]
BAD_INPUTS = [
    # (id, makes the bad input in a folder, the Skipped reason begins with)
    ("empty", write("empty.txt", b""), "empty file"),
    ("blank", write("blank.txt", b" \n\r\n\t "), "empty file"),
    ("bom-only-jsonl", write("bom.jsonl", b"\xef\xbb\xbf\n\n"), "empty file"),  # found by fuzzing
    # lxml asserted on the tree this makes (found by fuzzing): one line, not a crash's
    ("script-as-root", write("broken.html", b"<body><script><html>"), "no article text found"),
    ("binary-nul", write("pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40), "binary file"),
    ("binary-controls", write("ctl.html", bytes(range(1, 32)) * 50), "binary file"),
    ("binary-jsonl", write("blob.jsonl", b"\x00\x01\x02" * 100), "binary file"),
    ("truncated-json", write("result.json", TRUNCATED_EXPORT), "truncated or broken JSON at line"),
    ("undecodable", write("junk.txt", bytes(range(0x80, 0x100)) * 20), "undecodable text"),
    (
        "too-large",
        lambda folder: (make_sparse_oversize(folder / "huge.txt"), folder / "huge.txt")[1],
        "file too large",
    ),
    ("missing", lambda folder: folder / "nowhere.txt", "no such file or folder"),
    ("unsupported", write("report.pdf", b"%PDF-1.7 ..."), "unsupported file kind '.pdf'"),
    ("no-extension", write("Makefile", b"all:\n"), "unsupported file kind: no extension"),
    ("too-short", write("short.txt", "Коротко.".encode()), "too short to be an article"),
    ("json-not-export", write("conf.json", b'{"a": 1}'), "not a Telegram export"),
    (
        "xml-not-feed",
        write("data.xml", b"<?xml version='1.0'?><catalog><x/></catalog>"),
        "not an RSS or Atom feed",
    ),
    (
        "html-no-article",
        write(
            "menu.html",
            "<html><body><nav><ul><li><a href='/'>Главная "
            "страница</a></li><li><a href='/n'>Новости региона и мира</a></li>"
            "</ul></nav></body></html>".encode(),
        ),
        "no article text found",
    ),
    (
        "html-caption-only",
        write(
            "pic.htm",
            "<html><body><article><p>Фото: пресс-служба.</p></article></body></html>".encode(),
        ),
        "too short to be an article",
    ),
    (
        "empty-folder",
        lambda folder: (folder / "sub").mkdir() or folder / "sub",
        "no files of a known kind",
    ),
]


@pytest.mark.parametrize(
    ("case", "make", "reason"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS]
)
def test_bad_input_is_one_skipped_and_the_batch_goes_on(
    tmp_path: Path, case: str, make: Callable[[Path], Path], reason: str
) -> None:
    bad = make(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    items = list(read_many([bad, good]))
    assert [type(item).__name__ for item in items] == ["Skipped", "Document"], items
    assert items[0].input.startswith(str(bad))
    assert items[0].reason.startswith(reason), items[0].reason
    assert "\n" not in str(items[0])


def test_folder_reads_known_kinds_sorted_and_skips_only_bad_files(tmp_path: Path) -> None:
    files = {
        "b.txt": ARTICLE.encode(),
        "a/c.txt": ARTICLE.encode("cp1251"),
        "a/broken.txt": b"",
        "README.md": b"# notes\n\nnot an article, a note on the folder",
        "notes.pdf": b"%PDF",
        ".hidden/x.txt": ARTICLE.encode(),
        "d.htm": b"",
    }
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    items = list(read(tmp_path))
    assert [
        item.name if isinstance(item, Document) else Path(item.input).name for item in items
    ] == ["broken.txt", "a/c.txt", "b.txt", "d.htm"]
    assert [type(item).__name__ for item in items] == ["Skipped", "Document", "Document", "Skipped"]


def test_count_is_what_reading_yields(tmp_path: Path) -> None:
    """The progress bar's total: as many items as reading gives, without keeping them."""
    from bilat.sources import count

    files = {
        "b.txt": ARTICLE.encode(),
        "a/broken.txt": b"",
        "notes.pdf": b"%PDF",
        "news.jsonl": (
            json.dumps({"text": BODY}, ensure_ascii=False)
            + "\n\n{broken\n"
            + json.dumps({"title": "без текста"}, ensure_ascii=False)
        ).encode(),
        "empty.jsonl": b"\n\n",
        "channel/result.json": json.dumps(
            {"name": "Канал", "messages": TELEGRAM_MESSAGES}, ensure_ascii=False
        ).encode(),
    }
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    (tmp_path / "urls.txt").write_text("# list\nhttps://example.org/a\n\nnot a url\n")
    inputs = [tmp_path, tmp_path / "notes.pdf", tmp_path / "missing.txt"]
    expected = len(list(read_many(inputs))) + 2  # a URL line and a refused line
    assert count(inputs, tmp_path / "urls.txt") == expected
    assert count(["https://example.org/x"]) == 1


def test_an_unexpected_failure_is_one_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser blew up")

    monkeypatch.setattr("bilat.sources.kinds.read_html", explode)
    (tmp_path / "page.html").write_text(furniture_page(), encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(read_many([tmp_path / "page.html", tmp_path / "good.txt"]))
    assert items[0] == Skipped(
        str(tmp_path / "page.html"), "could not be read (RuntimeError: parser blew up)"
    )
    assert isinstance(items[1], Document)


# ── dates ───────────────────────────────────────────────────────────────────────────────

DATE_CASES = [
    ("2025-03-12", "2025-03-12"),
    ("2025-03-12T10:15:00+03:00", "2025-03-12"),
    ("12.03.2025", "2025-03-12"),
    ("12 марта 2025", "2025-03-12"),
    ("1 Декабря 2024 г.", "2024-12-01"),
    ("12 марта", None),
    ("31.02.2025", None),
    ("вчера", None),
    (None, None),
    (True, None),
]


@pytest.mark.parametrize(("value", "expected"), DATE_CASES)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


URL_DATE_CASES = [
    ("https://news.example/2018/03/14/kazakhstan", "2018-03-14", 2018),
    ("https://news.example/a-2018-03-14-b", "2018-03-14", 2018),
    ("https://news.example/20180314/kazakhstan", "2018-03-14", 2018),
    ("https://news.example/news/2023/9/9/meksika-i-rossiya", "2023-09-09", 2023),
    ("https://news.example/news/20250822010844198-gubernator", "2025-08-22", 2025),
    ("https://news.example/18072024/4147", "2024-07-18", 2024),
    ("https://news.example/news/2010-12/tovarooborot", None, 2010),
    ("https://news.example/2024/eksport-v-kitai", None, 2024),
    ("https://news.example/news/12345678/", None, None),
    ("https://news.example/id/2023123456/", None, None),
    ("https://news.example/catalog/2019", None, None),
    ("https://news.example/2019/123", None, None),
    ("https://news.example/story?date=2018-03-14", None, None),
]


@pytest.mark.parametrize(("url", "day", "year"), URL_DATE_CASES)
def test_dates_in_urls(url: str, day: str | None, year: int | None) -> None:
    assert (url_date(url), url_year(url)) == (day, year)


# ── the demo corpus ─────────────────────────────────────────────────────────────────────


def test_demo_corpus_reads_whole() -> None:
    items = list(read(demo_path()))
    assert not skips(items), skips(items)
    assert len(items) >= 14
    assert len({item.name for item in items}) == len(items)
    assert {item.kind for item in items} == {"txt", "html", "telegram"}


@pytest.mark.parametrize("path", sorted(demo_path().glob("*.txt")), ids=lambda path: path.name)
def test_demo_articles_are_news_sized_with_a_title(path: Path) -> None:
    [document] = list(read(path))
    assert 800 <= len(document.text) <= 2000
    assert document.title and document.text.startswith(document.title)


def test_demo_has_one_cp1251_article() -> None:
    undecodable = []
    for path in demo_path().rglob("*"):
        if path.is_file():
            try:
                path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                undecodable.append(path.name)
    assert undecodable == ["012_pavlodar_omsk_cp1251.txt"]


def test_demo_html_keeps_no_furniture() -> None:
    html = demo_path() / "novosibirsk_uzbekistan.html"
    [document] = list(read(html))
    assert document.date == "2025-04-22"
    for headline in [
        "Товарооборот России и Индии",
        "Курганская область",
        "Туркменистан",
        "Популярное",
        "Читайте также",
        "Погода",
        "Все права защищены",
    ]:
        assert headline not in document.text


def test_an_unexpected_failure_in_a_folder_ends_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("odd markup")

    monkeypatch.setattr("bilat.sources.kinds.read_html", explode)
    (tmp_path / "a.html").write_text(furniture_page(), encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(read(tmp_path))
    assert items[0] == Skipped(
        str(tmp_path / "a.html"), "could not be read (ValueError: odd markup)"
    )
    assert isinstance(items[1], Document) and items[1].name == "b.txt"
