"""Who may change the store through the dashboard, and how big a request may be.

The dashboard reads for anyone who can reach it, but a write (a curation decision) needs
the token that ``bilat serve`` printed or was given. A browser gets the token once, from the
printed URL (``/?token=…``), and keeps it in a strict same-site cookie; scripts send it as
``Authorization: Bearer …`` or ``X-Bilat-Token``. A write from a page of another origin is
refused even with the cookie, and ``--read-only`` refuses every write.

Served on loopback, a request must name the dashboard in its Host header (localhost,
127.0.0.1, [::1] or the address served, with any port): a page of another site that
points its own name at 127.0.0.1 (DNS rebinding) would otherwise read the dashboard as
if it were that site's, since the browser sends that name. Off loopback the names people
use for a machine are many, and the token guards the writes.

The guard is plain ASGI so that it can count a streamed body before FastAPI reads it.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "bilat_token"
TOKEN_HEADER = b"x-bilat-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# A curation decision is a few hundred bytes; 64 KiB leaves room for a long reason and
# refuses a body meant to exhaust memory.
MAX_BODY_BYTES = 64 * 1024
# Browsers and proxies cap URLs near 8 KiB; a longer query is an attack or a mistake.
MAX_QUERY_BYTES = 8 * 1024
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


@dataclass(frozen=True)
class Access:
    """``token`` None: no write is possible (nobody can present a token)."""

    token: str | None = None
    read_only: bool = False
    host: str | None = None  # the address served; on loopback, what Host may name

    def names_allowed(self, header: str | None) -> bool:
        """Whether a request's Host header names this dashboard (see the module's text).
        A request without one comes from no browser: nothing to rebind."""
        if self.host is None or not is_loopback(self.host) or header is None:
            return True
        try:
            named = urlsplit("//" + header)
            named.port  # noqa: B018  (raises on a port that is no number)
        except ValueError:
            return False
        allowed = LOOPBACK_HOSTS | {self.host.strip("[]").lower()}
        return named.hostname is not None and named.hostname in allowed

    @property
    def writable(self) -> bool:
        return self.token is not None and not self.read_only

    def accepts(self, offered: str | None) -> bool:
        if not self.writable or not offered:
            return False
        assert self.token is not None
        return hmac.compare_digest(offered.encode(), self.token.encode())


def new_token() -> str:
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    return host.strip("[]").lower() in LOOPBACK_HOSTS or host.startswith("127.")


def refusal_to_serve(host: str, token: str | None, read_only: bool) -> str | None:
    """Why serving on ``host`` is refused, or None: off this machine a write needs a token
    the user chose and handed out, not one printed on the server's console."""
    if is_loopback(host) or token or read_only:
        return None
    return (
        f"serving on {host} lets anyone on the network reach the dashboard: "
        "give --token (or BILAT_TOKEN) for writes, or serve --read-only"
    )


class Guard:
    """ASGI middleware: size limits for every request, the token and origin for writes."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            await _refuse(scope, send, 414, "query_too_long", _too_long_query())
            return
        headers = _headers(scope)
        host = headers.get(b"host")
        if not self.access.names_allowed(None if host is None else host.decode("latin-1")):
            await _refuse(scope, send, 400, "host_refused", _foreign_host(host or b""))
            return
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
            await _refuse(scope, send, 413, "body_too_large", _too_large_body())
            return
        offered = _offered_token(headers)
        scope.setdefault("state", {})["can_write"] = self.access.accepts(offered)
        if scope["method"] in SAFE_METHODS:
            login = self._login_redirect(scope)
            if login:
                await _send_plain(send, 303, login)
                return
            await self.app(scope, receive, send)
            return
        why = self._write_refused(scope, headers, offered)
        if why:
            await _refuse(scope, send, 403, "write_refused", why)
            return
        body = await _read_body(receive)
        if body is None:
            await _refuse(scope, send, 413, "body_too_large", _too_large_body())
            return
        await self.app(scope, _replay(body, receive), send)

    def _write_refused(self, scope: Scope, headers: dict[bytes, bytes], offered: str | None) -> str:
        if self.access.read_only:
            return "this dashboard is read-only (bilat serve --read-only): nothing can be changed"
        if not _same_origin(scope, headers):
            return "a write from a page of another site is refused"
        if not self.access.accepts(offered):
            return (
                "a write needs the token that `bilat serve` printed: open the printed URL, "
                "or send it as 'Authorization: Bearer TOKEN'"
            )
        return ""

    def _login_redirect(self, scope: Scope) -> list[tuple[bytes, bytes]] | None:
        """``?token=…`` on a page: the headers that keep the token in a cookie and show the
        same page without it in the address bar; None when no right token is given."""
        query = scope.get("query_string", b"").decode("latin-1")
        pairs = parse_qsl(query, keep_blank_values=True)
        given = [v for k, v in pairs if k == "token"]
        if not given or not self.access.accepts(given[-1]):
            return None
        rest = urlencode([(k, v) for k, v in pairs if k != "token"])
        location = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
        cookie = f"{COOKIE}={given[-1]}; Path=/; HttpOnly; SameSite=Strict"
        return [(b"location", location.encode()), (b"set-cookie", cookie.encode())]


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", [])}


def _offered_token(headers: dict[bytes, bytes]) -> str | None:
    auth = headers.get(b"authorization", b"").decode("latin-1")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    if TOKEN_HEADER in headers:
        return headers[TOKEN_HEADER].decode("latin-1").strip()
    for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value
    return None


def _same_origin(scope: Scope, headers: dict[bytes, bytes]) -> bool:
    """A browser names the page that sent a write in Origin (or Referer); it must be this
    server. A client that names none (curl, a script) is judged by its token alone."""
    sender = headers.get(b"origin") or headers.get(b"referer")
    if not sender:
        return True
    host = headers.get(b"host", b"").decode("latin-1").lower()
    parts = urlsplit(sender.decode("latin-1"))
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host


async def _read_body(receive: Receive) -> bytes | None:
    """The whole body of a write, or None once it passes the limit: a body sent in chunks
    without Content-Length is counted as it arrives, not after."""
    body = bytearray()
    while True:
        message = await receive()
        body += message.get("body", b"")
        if len(body) > MAX_BODY_BYTES:
            return None
        if not message.get("more_body", False):
            return bytes(body)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()  # after the body: the disconnect, when it comes
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed


def _foreign_host(host: bytes) -> str:
    return (
        f"Host {host.decode('latin-1')[:100]!r} is not this dashboard's address: open it "
        "as http://127.0.0.1:PORT/ or http://localhost:PORT/ (a page of another site that "
        "points its name here is refused)"
    )


def _too_long_query() -> str:
    return f"the query string is longer than {MAX_QUERY_BYTES // 1024} KiB"


def _too_large_body() -> str:
    return f"the request body is larger than {MAX_BODY_BYTES // 1024} KiB"


async def _refuse(scope: Scope, send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"status": status, "code": code, "message": message}})
    await _send_plain(send, status, [(b"content-type", b"application/json")], body.encode())


async def _send_plain(
    send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes = b""
) -> None:
    headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
