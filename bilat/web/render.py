"""Jinja2 templates, autoescaped, with the knowledge base's wording as filters."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from jinja2 import Environment, PackageLoader, select_autoescape

from bilat.kb import wording
from bilat.kb.official import signed_percent
from bilat.sources.urls import is_url
from bilat.web.charts import point_id
from bilat.web.highlight import marked


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("bilat.web", "templates"),
        # Everything is escaped, article text first of all: it is untrusted input.
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        number=wording.number,
        name=wording.name,
        percent=wording.percent,
        money=wording.money,
        signed_money=wording.signed_money,
        signed_percent=signed_percent,
        figure=_figure,
        summary=_summary,
        period=_period,
        short_period=_short_period,
        marked=marked,
        web_link=web_link,
    )
    env.globals.update(
        point_id=point_id,
        year_months=wording.short_period,
        place=wording.place,
        STANDINGS=wording.STANDINGS,
        KINDS=wording.DOCUMENT_KINDS,
        CURATION=wording.CURATION,
        TYPES=wording.TYPES,
        INDICATORS=wording.INDICATORS,
        STATUSES=wording.STATUSES,
        urlencode=urlencode,
    )
    return env


def web_link(url: str | None) -> str | None:
    """A document's URL as a link only when it is a web address: an article's URL comes
    from its input, and ``javascript:`` or ``data:`` there must never become clickable."""
    return url.strip() if url and is_url(url.strip()) else None


def _figure(item: dict[str, Any]) -> str:
    return wording.figure(item.get("fields", item), item["type"])


def _summary(item: dict[str, Any]) -> str:
    return wording.summary(item.get("fields", item), item["type"])


def _period(item: dict[str, Any]) -> str:
    period = item.get("fields", item).get("period") or {}
    return wording.period(period.get("year"), period.get("months"), period.get("month"))


def _short_period(item: dict[str, Any]) -> str:
    period = item.get("fields", item).get("period") or {}
    return wording.short_period(period.get("year"), period.get("months"), period.get("month"))


def api_twin(request: Request) -> str:
    """The JSON twin of a page: the same path and query under /api."""
    path = request.url.path.rstrip("/") or "/overview"
    query = f"?{request.url.query}" if request.url.query else ""
    return f"/api{path}{query}"


def render(template: str, request: Request, **context: Any) -> str:
    context.setdefault("api_url", api_twin(request))
    context.setdefault("q", request.query_params.get("q", ""))
    context.setdefault("path", request.url.path)
    context.setdefault("can_write", bool(getattr(request.state, "can_write", False)))
    return environment().get_template(template).render(**context)
