"""RSS and Atom feeds: each entry is an article, its title line first, HTML stripped."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import feedparser

from bilat.errors import SourceError
from bilat.model import Document, Skipped
from bilat.sources.common import article
from bilat.sources.dates import iso_date
from bilat.sources.html import fragment_text, strip_furniture


def read_feed(data: bytes, *, source: str, name: str) -> Iterator[Document | Skipped]:
    """One Document per entry; SourceError when ``data`` is no RSS or Atom feed at all."""
    # A stream, never bytes or str: given those, feedparser may open them as a path or URL.
    feed = feedparser.parse(io.BytesIO(data))
    if not feed.entries:
        raise SourceError(source, _why_not_a_feed(feed))
    for index, entry in enumerate(feed.entries, start=1):
        link = entry.get("link") or None
        entry_name = link or f"{name}#{index}"
        yield article(
            _body(entry),
            source=source,
            name=entry_name,
            kind="rss",
            title=entry.get("title"),
            date=_date(entry),
            url=link,
            where=f"{source}#{index}",
            title_first=True,
        )


def _why_not_a_feed(feed: Any) -> str:
    if feed.get("version"):
        return f"feed without entries ({feed.version}; expected at least one item)"
    problem = feed.get("bozo_exception")
    found = f"; found: {str(problem).splitlines()[0]}" if problem else ""
    return f"not an RSS or Atom feed (expected <rss>, <feed> or <rdf:RDF>{found})"


def _body(entry: Any) -> str:
    """The fullest text the entry has: its content, else its summary, as plain text."""
    contents = [part.get("value", "") for part in entry.get("content", [])]
    html = max([*contents, entry.get("summary", "")], key=len)
    return strip_furniture(fragment_text(html))


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            return iso_date(entry[key])
    return None
