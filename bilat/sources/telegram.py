"""Telegram Desktop channel exports (``result.json``): each message with text is an article.

The export is one object: ``{"name": …, "type": "public_channel", "messages": [...]}``.
A message's ``text`` is a string, or a list of strings and entity objects
(``{"type": "bold", "text": "…"}``) that together make the text. Service messages
(pins, channel creation) carry no news and are passed over without a word.
A message's address is its link, ``https://t.me/c/<channel id>/<message id>``: Telegram
opens it for anyone who can see the channel, and the export names no public username.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from bilat.model import Document, Skipped
from bilat.sources.common import article
from bilat.sources.dates import iso_date
from bilat.sources.text import is_furniture

# A post has no title field: its first line, or its first sentence, stands for one. Cut at
# a word to about a news headline's length (most are 60–100 characters).
TITLE_CHARS = 100
_LEAD = re.compile(r"^[^\w«\"„(]+")  # emoji, bullets and dashes before the first word
# A sentence ends at . ! ? … before a capital letter or a quote: "8 млн т. в 2024 г." goes on.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"„A-ZА-ЯЁ])")


def is_telegram_export(data: Any) -> bool:
    """Recognised by shape, whatever the file is called."""
    return isinstance(data, dict) and isinstance(data.get("messages"), list)


def read_telegram(
    export: dict[str, Any], *, source: str, name: str
) -> Iterator[Document | Skipped]:
    channel = export.get("name") if isinstance(export.get("name"), str) else None
    channel = channel or name
    channel_id = _number(export.get("id"))
    for position, message in enumerate(export["messages"], start=1):
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue
        text = message_text(message.get("text"))
        if not text.strip():
            continue  # a photo, a sticker, a poll: nothing to read
        number = message.get("id", position)
        yield article(
            text,
            source=source,
            name=f"{channel}/{number}",
            kind="telegram",
            title=message_title(text),
            date=_date(message),
            url=message_link(channel_id, number),
            where=f"{source} (message {number})",
        )


def message_link(channel_id: int | None, number: Any) -> str | None:
    """The message's t.me link; None when the export names no channel id."""
    if channel_id is None or _number(number) is None:
        return None
    return f"https://t.me/c/{channel_id}/{number}"


def message_title(text: str) -> str | None:
    """The post's first line of words (hashtags and emoji passed over), cut to a sentence
    of at most TITLE_CHARS."""
    for line in text.split("\n"):
        words = line.split()
        if not words or all(w.startswith("#") for w in words) or is_furniture(line):
            continue
        sentence = _SENTENCE_END.split(_LEAD.sub("", line.strip()), maxsplit=1)[0]
        sentence = sentence.rstrip(".").strip()
        if len(sentence) <= TITLE_CHARS:
            return sentence or None
        return sentence[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:—– ") + "…"
    return None


def message_text(text: Any) -> str:
    """The plain text of a message: strings and entities' ``text`` joined in order."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(message_text(part) for part in text)
    if isinstance(text, dict):
        return message_text(text.get("text", ""))
    return ""


def _date(message: dict[str, Any]) -> str | None:
    return iso_date(message.get("date")) or iso_date(_number(message.get("date_unixtime")))


def _number(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
