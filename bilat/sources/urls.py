"""Fetching the URLs a user gives: timeouts, a few retries, one clear line per failure."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import httpx

from bilat.errors import SourceError
from bilat.model import Document, Skipped
from bilat.sources.decode import MAX_FILE_BYTES
from bilat.sources.kinds import EXTENSIONS, parse

# News sites answer within a second or two; 10 s covers a slow regional site without
# letting one dead host hold a batch of hundreds of URLs for minutes.
TIMEOUT_S = 10.0
# Connect errors and 5xx are often momentary (a restart, a load balancer); three tries
# with a short, doubling pause get past those, and a host down for longer is reported.
MAX_ATTEMPTS = 3
RETRY_BACKOFF_S = 0.5
# A news page redirects once or twice (http → https, a mobile host); more is a loop or a
# tracker chain. Only web addresses are followed: a redirect to file:, ftp: or data: is
# refused, so a hostile page cannot point the reader at this machine's files.
MAX_REDIRECTS = 5
WEB_SCHEMES = ("http", "https")
# The timeout above bounds each read; a server that drips a byte every few seconds would
# pass it forever, so a URL also has a total time, retries and redirects included.
TOTAL_TIME_S = 60.0
USER_AGENT = "bilat/0.1 (+news reader for cooperation facts)"

CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "xml",
    "application/atom+xml": "xml",
    "application/rdf+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "txt",
    "text/markdown": "txt",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
}


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def new_client() -> httpx.Client:
    return httpx.Client(
        timeout=TIMEOUT_S, follow_redirects=False, headers={"User-Agent": USER_AGENT}
    )


@dataclass(frozen=True)
class Fetched:
    """A response's body with what reading it needs; ``etag`` and ``modified`` are the
    validators a later conditional request sends back (ETag, Last-Modified)."""

    data: bytes
    content_type: str
    charset: str | None
    url: str  # the final URL, after redirects
    etag: str | None = None
    modified: str | None = None


def read_url(url: str, client: httpx.Client) -> Iterator[Document | Skipped]:
    """The articles at ``url`` (one page, or a feed's entries); a failure is one Skipped."""
    try:
        fetched = _fetch(url, client, {})
        if fetched is None:
            raise SourceError(url, "HTTP 304 Not Modified to a request that asked for the page")
        yield from read_fetched(url, fetched)
    except SourceError as error:
        yield Skipped(error.input, error.reason)


def read_fetched(url: str, fetched: Fetched) -> Iterator[Document | Skipped]:
    """The articles of a response fetched from ``url``; SourceError for a kind bilat
    does not read."""
    kind = _kind(fetched.content_type, fetched.url, url)
    yield from parse(
        fetched.data,
        kind,
        source=url,
        name=url,
        url=fetched.url,
        charset=fetched.charset,
        page_kind="url",
    )


def fetch_if_changed(
    url: str, client: httpx.Client, etag: str | None, modified: str | None
) -> Fetched | None:
    """``url``'s response, asked with the validators of the last one (If-None-Match,
    If-Modified-Since); None when the server answers 304: nothing changed since."""
    headers = {"If-None-Match": etag} if etag else {}
    if modified:
        headers["If-Modified-Since"] = modified
    return _fetch(url, client, headers)


def _fetch(url: str, client: httpx.Client, headers: Mapping[str, str]) -> Fetched | None:
    """The response's body with retries (None for a 304); else SourceError."""
    deadline = time.monotonic() + TOTAL_TIME_S
    for attempt in range(1, MAX_ATTEMPTS + 1):
        last = attempt == MAX_ATTEMPTS
        if attempt > 1:
            _within(url, deadline)
        try:
            with _final_response(url, client, headers, deadline) as response:
                if response.status_code >= 500 and not last:
                    _pause(attempt)
                    continue
                if response.status_code == httpx.codes.NOT_MODIFIED:
                    return None
                return _body(url, response, deadline)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            if last:
                raise SourceError(url, _why(error, attempt)) from error
            _pause(attempt)
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            raise SourceError(url, _why(error, attempt)) from error
    raise AssertionError("unreachable: the last attempt returns or raises")


@contextmanager
def _final_response(
    url: str, client: httpx.Client, headers: Mapping[str, str], deadline: float
) -> Iterator[httpx.Response]:
    """The response at the end of ``url``'s redirects, followed here rather than by the
    client so that the limits hold whatever client is given."""
    target = httpx.URL(url)
    for hop in range(MAX_REDIRECTS + 1):
        if hop:
            _within(url, deadline)
        with client.stream("GET", target, headers=headers, follow_redirects=False) as response:
            # a 304 is a 3xx to httpx, but no redirect: it answers a conditional request
            if not response.is_redirect or response.status_code == httpx.codes.NOT_MODIFIED:
                yield response
                return
            target = _next_hop(url, response)
    raise SourceError(url, f"more than {MAX_REDIRECTS} redirects")


def _next_hop(url: str, response: httpx.Response) -> httpx.URL:
    location = response.headers.get("location", "").strip()
    scheme = urlsplit(location).scheme.lower()
    if scheme and scheme not in WEB_SCHEMES:
        raise SourceError(url, f"redirected to a non-web address ({location[:80]}); not followed")
    try:
        return response.url.join(location)
    except httpx.InvalidURL as error:
        raise SourceError(url, f"redirected to an invalid address ({location[:80]})") from error


def _body(url: str, response: httpx.Response, deadline: float) -> Fetched:
    if response.status_code >= 400:
        tries = f" (after {MAX_ATTEMPTS} attempts)" if response.status_code >= 500 else ""
        raise SourceError(url, f"HTTP {response.status_code}{tries}")
    declared = int(response.headers.get("content-length") or 0)
    if declared > MAX_FILE_BYTES:
        raise SourceError(url, _too_large(declared))
    data = bytearray()
    for chunk in response.iter_bytes():
        data += chunk
        if len(data) > MAX_FILE_BYTES:
            raise SourceError(url, _too_large(len(data)))
        _within(url, deadline)
    if not data.strip():
        raise SourceError(url, f"empty response (HTTP {response.status_code}, expected a page)")
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    return Fetched(
        bytes(data),
        content_type,
        response.charset_encoding,
        str(response.url),
        etag=response.headers.get("etag"),
        modified=response.headers.get("last-modified"),
    )


def _within(url: str, deadline: float) -> None:
    """SourceError once ``url`` has taken its total time: checked before each retry, each
    redirect and each chunk of the body, so a URL ends within TOTAL_TIME_S and one read's
    TIMEOUT_S."""
    if time.monotonic() > deadline:
        raise SourceError(url, f"took over {TOTAL_TIME_S:g} s in all; stopped")


def _too_large(size: int) -> str:
    return (
        f"response too large (over {size:,} bytes, expected at most {MAX_FILE_BYTES // 2**20} MB)"
    )


def _why(error: Exception, attempts: int) -> str:
    tries = f"; {attempts} attempts" if attempts > 1 else ""
    if isinstance(error, httpx.TimeoutException):
        return f"timed out after {TIMEOUT_S:g} s{tries}"
    if isinstance(error, httpx.ConnectError):
        return f"could not connect ({error or type(error).__name__}{tries})"
    return f"could not fetch ({type(error).__name__}: {error})"


def _pause(attempt: int) -> None:
    time.sleep(RETRY_BACKOFF_S * 2 ** (attempt - 1))


def _kind(content_type: str, final_url: str, url: str) -> str:
    """The reader for a response: its content type, else its path's extension, else HTML."""
    if content_type in CONTENT_TYPES:
        return CONTENT_TYPES[content_type]
    suffix = PurePosixPath(httpx.URL(final_url).path).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if not content_type or content_type == "application/octet-stream":
        return "html"  # servers that say nothing useful mostly serve pages
    raise SourceError(
        url,
        f"unsupported content type '{content_type}' (expected HTML, RSS/Atom, plain text or JSON)",
    )
