"""``create_app(store)``: the FastAPI application — pages, their JSON twins, static assets.

One error shape for the whole API (``{"error": {"status", "code", "message"}}``); pages
render the same error as HTML. Every asset is served from the package (no CDN), and a
Content-Security-Policy allows nothing else: no inline script, no foreign origin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from bilat.actors import lookup
from bilat.errors import BilatError, StoreError
from bilat.kb import whole
from bilat.store import Store
from bilat.web import api, digest_pages, pages
from bilat.web.access import Access, Guard
from bilat.web.cache import ViewCache
from bilat.web.render import render

STATIC = Path(__file__).parent / "static"
DEFAULT_HOST = "127.0.0.1"  # the dashboard is for the analyst's own machine unless told
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(store: Store, background: bool = False, access: Access | None = None) -> FastAPI:
    """The app over ``store``. With ``background`` (a long-running server), whole-store
    findings are computed at start and refreshed in a background thread, and pages show
    the last ones meanwhile; without it (tests, scripts) every answer is current.
    ``access`` says who may write; by default nobody can (see ``bilat.web.access``)."""
    # No /docs or /redoc: FastAPI serves their scripts from a CDN, and the dashboard must
    # work air-gapped. /openapi.json stays.
    app = FastAPI(
        title="bilat",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        description="Sourced facts about international and interregional "
        "cooperation: pages and their JSON twins under /api.",
    )
    app.state.store = store
    app.state.background = background
    # a long-running server keeps its heavy answers until the store changes; tests and
    # scripts compute each afresh
    app.state.cache = ViewCache(store, enabled=background)
    if background:
        lookup("RU")  # the gazetteer read at start (0.1 s on a loaded machine), not on a request
        whole.refresh_in_background(store)  # a failure is logged and shown by the overview
    app.include_router(api.router)
    app.include_router(digest_pages.api)
    app.include_router(pages.router)
    app.include_router(digest_pages.pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(LookupError, _not_found)
    app.add_exception_handler(BilatError, _refused)
    app.middleware("http")(_security_headers)
    app.add_middleware(Guard, access=access or Access())
    return app


async def _security_headers(request: Request, call_next: Any) -> Response:
    response: Response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The one error shape: JSON under /api, an HTML page elsewhere."""
    body = {"error": {"status": status, "code": code, "message": message}}
    if request.url.path.startswith("/api") or request.url.path.startswith("/openapi"):
        return JSONResponse(body, status_code=status)
    title = "Не найдено" if status == 404 else "Ошибка"
    html = render("error.html", request, **body["error"], api_url=None, title=title)
    return HTMLResponse(html, status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return error_response(request, exc.status_code, code, str(exc.detail))


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
    )
    return error_response(request, 422, "invalid_request", problems or "invalid request")


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, "not_found", str(exc).strip("'\""))


async def _refused(request: Request, exc: Exception) -> Response:
    if isinstance(exc, LookupError):  # UnknownActorError is a BilatError and a LookupError
        return await _not_found(request, exc)
    if isinstance(exc, StoreError):
        return error_response(request, 503, "store_unavailable", str(exc))
    return error_response(request, 400, "bad_request", str(exc))
