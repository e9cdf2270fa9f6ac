"""What every reader shares: the length gate and turning clean text into a ``Document``."""

from __future__ import annotations

import json
import re

from bilat.model import Document, Skipped
from bilat.sources.dates import url_date

# Shorter texts are captions, menu items or "Доброе утро!" posts, not news: a sentence
# that states a cooperation fact names its parties and a figure ("Экспорт Омской области в
# Казахстан вырос на 5%." is 47 characters), which takes more than 40 characters.
MIN_ARTICLE_CHARS = 40

_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# NUL and the other C0 controls (tab and line end aside) are no part of any article: a tool
# that exported the text left them, and NUL is refused by PostgreSQL's text columns.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Line ends as ``\\n``, no BOM, no control characters, no trailing spaces, at most one
    blank line in a row."""
    text = _CONTROLS.sub("", _LINE_ENDS.sub("\n", text.replace("\ufeff", "")))
    text = _TRAILING_SPACE.sub("\n", text)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


def with_title(title: str | None, body: str) -> str:
    """The title line, a blank line, then the body, so facts in headlines are read too.

    A body that already opens with the title (an ``<h1>`` inside ``<article>``) keeps it
    once.
    """
    if not title:
        return body
    first, _, rest = body.partition("\n")
    if first.strip() == title:
        body = rest.lstrip("\n")
    return f"{title}\n\n{body}" if body else title


def json_problem(error: json.JSONDecodeError) -> str:
    """ "Expecting ',' delimiter at column 7", "Unterminated string starting at column 3"."""
    joint = " " if error.msg.endswith(" at") else " at "
    return f"{error.msg}{joint}column {error.colno}"


def article(
    text: str,
    *,
    source: str,
    name: str,
    kind: str,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    where: str | None = None,
    title_first: bool = False,
) -> Document | Skipped:
    """A ``Document`` of the cleaned text, or ``Skipped`` when it is too short to be news.

    ``where`` is how a Skipped names the input (``file.jsonl:17``); the source by default.
    ``title_first`` puts the title line before the body (HTML and feeds, whose title is
    apart from the body), so facts stated only in a headline are found too.
    """
    text = clean_text(text)
    # the title is cleaned as the text is: it becomes the text's first line
    title = " ".join(clean_text(title).split()) if title else None
    if title_first and text:
        text = with_title(title, text)
    if len(text) < MIN_ARTICLE_CHARS:
        found = f"{len(text)} characters" if text else "no text"
        return Skipped(
            where or source,
            f"too short to be an article ({found}, expected at least {MIN_ARTICLE_CHARS})",
        )
    return Document(
        text=text,
        source=source,
        name=name,
        kind=kind,
        title=title or None,
        date=date or url_date(url),
        url=url,
    )
