"""Reading every input kind into ``Document``s: files, folders, HTML, feeds, URLs, exports.

``read`` takes one input (a file, a folder, an http(s) URL) and yields a ``Document`` per
article, or a ``Skipped`` for an input, or a part of one, that cannot be read — it never
raises for a bad input, so a batch always goes on::

    for item in read("bilat/demo"):
        print(item.name if isinstance(item, Document) else f"skipped {item}")
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

import httpx

from bilat.model import Document, Skipped
from bilat.sources.common import MIN_ARTICLE_CHARS
from bilat.sources.decode import MAX_FILE_BYTES
from bilat.sources.files import count_path, read_path
from bilat.sources.urls import is_url, new_client, read_url

__all__ = [
    "MAX_FILE_BYTES",
    "MIN_ARTICLE_CHARS",
    "count",
    "demo_path",
    "read",
    "read_many",
    "read_urls",
]

Item = Document | Skipped


def read(path_or_url: str | os.PathLike[str]) -> Iterator[Item]:
    """The articles of one file, folder (recursive, sorted) or http(s) URL."""
    given = os.fspath(path_or_url)
    if is_url(given):
        return read_urls([given])
    return _guarded(given, lambda: read_path(path_or_url))


def read_urls(urls: Iterable[str], *, client: httpx.Client | None = None) -> Iterator[Item]:
    """The articles at each URL, fetched with ``client`` (a new one, closed after, if None)."""
    owned = client is None
    client = client or new_client()
    try:
        for url in urls:
            yield from _guarded(url, partial(read_url, url, client))
    finally:
        if owned:
            client.close()


def read_many(
    inputs: Iterable[str | os.PathLike[str]],
    urls_file: str | os.PathLike[str] | None = None,
    *,
    client: httpx.Client | None = None,
) -> Iterator[Item]:
    """Every input in turn, then every URL listed in ``urls_file`` (one a line, # comments)."""
    owned: list[httpx.Client] = []  # made on the first URL only: files need no client

    def http() -> httpx.Client:
        if client is not None:
            return client
        if not owned:
            owned.append(new_client())
        return owned[0]

    try:
        for given in inputs:
            text = os.fspath(given)
            yield from read_urls([text], client=http()) if is_url(text) else read(given)
        if urls_file is not None:
            yield from _from_urls_file(urls_file, http)
    finally:
        for made in owned:
            made.close()


def count(
    inputs: Iterable[str | os.PathLike[str]], urls_file: str | os.PathLike[str] | None = None
) -> int:
    """How many items ``read_many`` yields, for a progress bar's total: exact for files
    and folders, one per URL (a feed behind a URL gives more, and the bar grows)."""
    total = sum(1 if is_url(os.fspath(given)) else count_path(given) for given in inputs)
    if urls_file is not None:
        try:
            lines = Path(urls_file).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            return total + 1  # the list itself is one Skipped
        total += sum(1 for line in lines if line.strip() and not line.strip().startswith("#"))
    return total


def demo_path() -> Path:
    """The folder of the demo corpus shipped inside the package."""
    return Path(__file__).resolve().parent.parent / "demo"


def _from_urls_file(
    urls_file: str | os.PathLike[str], http: Callable[[], httpx.Client]
) -> Iterator[Item]:
    source = os.fspath(urls_file)
    try:
        lines = Path(urls_file).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = (
            "no such file"
            if isinstance(error, FileNotFoundError)
            else (f"cannot read the URL list ({error})")
        )
        yield Skipped(source, reason)
        return
    for number, line in enumerate(lines, start=1):
        url = line.strip()
        if not url or url.startswith("#"):  # blank lines and comments
            continue
        if is_url(url):
            yield from read_urls([url], client=http())
        else:
            yield Skipped(f"{source}:{number}", f"not an http(s) URL (found '{url[:80]}')")


def _guarded(given: str, produce: Callable[[], Iterable[Item]]) -> Iterator[Item]:
    """``produce()``'s items; an unexpected failure ends this input only, as one Skipped.

    Third-party parsers (trafilatura, lxml, feedparser) can fail on inputs no test
    foresaw; one such input must not end a batch of thousands.
    """
    try:
        yield from produce()
    except Exception as error:  # any failure at all: reported, with its type, as the reason
        yield Skipped(given, f"could not be read ({type(error).__name__}: {error})")
