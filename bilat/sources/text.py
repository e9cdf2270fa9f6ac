"""Plain-text articles (.txt, .text, .md): the title on the first line, maybe a dateline.

A page copied from a browser into a file brings its menu and breadcrumbs along ("Все
новости", "Главная / Новости / Экономика"): those lines are passed over when the title is
looked for; the text keeps them, as the file has them.
"""

from __future__ import annotations

import re

from bilat.model import Document, Skipped
from bilat.sources.common import article, clean_text
from bilat.sources.dates import DATELINE, dateline
from bilat.sources.decode import decode

# A first line this short and with no final full stop is a headline; a longer one is the
# lead paragraph of an article that has no title line (news headlines are < 150 characters).
MAX_TITLE_CHARS = 200
# The dateline, when there is one, sits right under the title.
DATELINE_WITHIN_LINES = 3
# Menu items, buttons and section names that sit above a copied page's headline; matched
# against a whole line, case-insensitively. Gathered from Russian news and regional
# government sites.
PAGE_FURNITURE = frozenset(
    {
        "все новости",
        "новости",
        "главная",
        "главная страница",
        "лента",
        "лента новостей",
        "последние новости",
        "главное",
        "новости региона",
        "новости компании",
        "пресс-центр",
        "пресс-релизы",
        "все материалы",
        "архив",
        "меню",
        "поиск",
        "войти",
        "подписаться",
        "поделиться",
        "версия для печати",
        "распечатать",
        "назад",
        "вернуться назад",
        "вернуться к списку",
        "к списку новостей",
        "экономика",
        "политика",
        "общество",
        "регионы",
        "в мире",
        "бизнес",
        "происшествия",
        "культура",
        "спорт",
    }
)
# Breadcrumbs: short items joined by a separator ("Главная / Новости / Экономика").
_CRUMB_SEPARATOR = re.compile(r"\s(?:/|>|»|→|\|)\s")
MAX_CRUMB_WORDS = 4  # a crumb is a section's name; a headline with a slash is longer
_ADDRESS = re.compile(r"^(?:https?://)?[\w.-]+\.[a-zа-я]{2,}(?:/\S*)?$", re.IGNORECASE)
MAX_LABEL_WORDS = 3  # "Дата публикации:"; a headline ending in a colon is longer
# A line that is a file name ("a.txt", "Итоги года.html", "2024/news_17.json") or a URL.
_FILE_NAME = re.compile(r"^\S+$|^.{1,120}\.[A-Za-z][A-Za-z0-9]{0,4}$")  # not "на 5.5"
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def read_text(data: bytes, *, source: str, name: str) -> Document | Skipped:
    text = clean_text(decode(data, source))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if listing := _listing(lines):
        return Skipped(source, listing)
    lines = lines[_furniture_lines(lines) :]
    return article(
        text,
        source=source,
        name=name,
        kind="txt",
        title=_title(lines),
        date=dateline(lines[:DATELINE_WITHIN_LINES]),
    )


def _title(lines: list[str]) -> str | None:
    while lines and DATELINE.match(lines[0]):  # "5 июня 2025, 10:05" above the headline
        lines = lines[1:]
    if len(lines) < 2:
        return None
    first = lines[0].lstrip("# ").strip()  # a Markdown heading is a title too
    if (
        len(first) > MAX_TITLE_CHARS
        or first.endswith((".", ":", ",", ";"))
        or DATELINE.match(first)
    ):
        return None
    return first


def _listing(lines: list[str]) -> str | None:
    """Why a text of file names or URLs, one a line, is no article; None for prose.

    Every sentence of news has words with spaces between them; a folder's index of its
    files has none, and would otherwise pass the length gate as an article."""
    if len(lines) < 2 or not all(_FILE_NAME.match(line) for line in lines):
        return None
    if all(_URL.match(line) for line in lines):
        return f"a list of {len(lines)} URLs, not an article: pass it with --urls"
    return f"a list of file names ({len(lines)} lines), not an article"


def _furniture_lines(lines: list[str]) -> int:
    """How many of the first lines are a copied page's menu, breadcrumbs or separators."""
    count = 0
    while count < len(lines) and is_furniture(lines[count]):
        count += 1
    return count


def is_furniture(line: str) -> bool:
    if line.strip(" :|•·").casefold() in PAGE_FURNITURE:
        return True
    if _ADDRESS.match(line) or (line.endswith(":") and len(line.split()) <= MAX_LABEL_WORDS):
        return True  # the page's address; "Last Update:", "Источник:" with its value below
    crumbs = _CRUMB_SEPARATOR.split(line)
    if len(crumbs) > 1 and all(len(c.split()) <= MAX_CRUMB_WORDS for c in crumbs):
        return True
    return not any(c.isalpha() for c in line)  # "***", "—", a lone time "14:30"
