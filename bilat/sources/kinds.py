"""Which reader an input goes to: by file extension, by content type, by sniffing JSON/XML."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from bilat.errors import SourceError
from bilat.model import Document, Skipped
from bilat.sources.common import json_problem
from bilat.sources.decode import decode
from bilat.sources.feeds import read_feed
from bilat.sources.html import read_html
from bilat.sources.jsonl import TOO_DEEP, read_jsonl_bytes, read_records
from bilat.sources.telegram import is_telegram_export, read_telegram
from bilat.sources.text import read_text

EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",  # a Telegram export, or an array of article objects: sniffed
    ".xml": "xml",
    ".rss": "xml",
    ".atom": "xml",  # a feed, or an XHTML page: sniffed
}
EXPECTED = ", ".join(EXTENSIONS)

# Where a page declares its charset; only the head is looked at, as browsers do.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
CHARSET_SNIFF_BYTES = 2048
_HTML_ROOT = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)",
    re.IGNORECASE | re.DOTALL,
)


def parse(
    data: bytes,
    kind: str,
    *,
    source: str,
    name: str,
    url: str | None = None,
    charset: str | None = None,
    page_kind: str | None = None,
) -> Iterator[Document | Skipped]:
    """Documents of ``data`` read as ``kind`` (a value of EXTENSIONS).

    ``page_kind`` names the Document kind of a single page when it is not the file kind
    (``url`` for a fetched page); ``charset`` is what an HTTP header declared. An input that
    holds no article at all (an empty list, an export without messages) says so.
    """
    found = False
    for item in _parse(data, kind, source, name, url, charset, page_kind):
        found = True
        yield item
    if not found:
        yield Skipped(source, "no articles in it (an empty list, or no message with text)")


def _parse(
    data: bytes,
    kind: str,
    source: str,
    name: str,
    url: str | None,
    charset: str | None,
    page_kind: str | None,
) -> Iterator[Document | Skipped]:
    if kind == "xml":
        kind = "html" if _HTML_ROOT.match(data[:CHARSET_SNIFF_BYTES]) else "feed"
    if kind == "txt":
        document = read_text(data, source=source, name=name)
        yield _as(document, page_kind, url)
    elif kind == "html":
        charset = charset or _declared_charset(data)
        yield read_html(
            decode(data, source, charset),
            source=source,
            name=name,
            kind=page_kind or "html",
            url=url,
        )
    elif kind == "feed":
        yield from read_feed(data, source=source, name=name)
    elif kind == "jsonl":
        yield from read_jsonl_bytes(data, source=source, name=name)
    elif kind == "json":
        yield from _json(decode(data, source, charset), source=source, name=name)
    else:
        raise SourceError(source, f"unsupported file kind '{kind}' (expected {EXPECTED})")


def _as(document: Document | Skipped, kind: str | None, url: str | None) -> Document | Skipped:
    """A plain-text page fetched from a URL is a ``url`` Document with its address."""
    if kind is None or isinstance(document, Skipped):
        return document
    return replace(document, kind=kind, url=url)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    return match[1].decode("ascii", "replace") if match else None


def _json(text: str, *, source: str, name: str) -> Iterator[Document | Skipped]:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(
            source, f"truncated or broken JSON at line {error.lineno} ({json_problem(error)})"
        ) from error
    except RecursionError as error:
        raise SourceError(source, TOO_DEEP) from error
    if is_telegram_export(data):
        yield from read_telegram(data, source=source, name=name)
    elif isinstance(data, list):
        yield from read_records(data, source=source, name=name)
    else:
        found = (
            f"an object with keys {', '.join(list(data)[:5])}"
            if isinstance(data, dict)
            else type(data).__name__
        )
        raise SourceError(
            source,
            "not a Telegram export or a list of articles (expected an "
            f"object with a 'messages' list; found {found})",
        )
