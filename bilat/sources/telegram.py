"""Telegram Desktop channel exports (``result.json``): each message with text is an article.

The export is one object: ``{"name": …, "type": "public_channel", "messages": [...]}``.
A message's ``text`` is a string, or a list of strings and entity objects
(``{"type": "bold", "text": "…"}``) that together make the text. Service messages
(pins, channel creation) carry no news and are passed over without a word.
A message's address is its link, ``https://t.me/c/<channel id>/<message id>``: Telegram
opens it for anyone who can see the channel, and the export names no public username.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bilat.model import Document, Skipped
from bilat.sources.common import article
from bilat.sources.dates import iso_date


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
        yield article(text, source=source, name=f"{channel}/{number}", kind="telegram",
                      date=_date(message), url=message_link(channel_id, number),
                      where=f"{source} (message {number})")


def message_link(channel_id: int | None, number: Any) -> str | None:
    """The message's t.me link; None when the export names no channel id."""
    if channel_id is None or _number(number) is None:
        return None
    return f"https://t.me/c/{channel_id}/{number}"


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
