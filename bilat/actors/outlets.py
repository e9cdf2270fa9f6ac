"""The country an outlet writes from, by its address: a news site under ``.kg`` speaks for
Kyrgyzstan as "наша страна" does. Only the national domains of the countries bilat covers
whose outlets write in Russian; ``.com`` and the like tell nothing."""

from __future__ import annotations

from urllib.parse import urlsplit

OUTLET_DOMAINS = {
    "ru": "RU",
    "su": "RU",
    "xn--p1ai": "RU",  # .рф
    "by": "BY",
    "xn--90ais": "BY",  # .бел
    "kz": "KZ",
    "xn--80ao21a": "KZ",  # .қаз
    "uz": "UZ",
    "kg": "KG",
    "tj": "TJ",
    "tm": "TM",
    "az": "AZ",
    "am": "AM",
    "ge": "GE",
    "md": "MD",
    "ua": "UA",
    "mn": "MN",
}


def outlet_country(url: str | None) -> str | None:
    """'https://24.kg/vlast/…' → 'KG'; None for a file, a generic domain or no address."""
    if not url or "://" not in url:
        return None
    host = (urlsplit(url).hostname or "").rstrip(".")
    return OUTLET_DOMAINS.get(host.rsplit(".", 1)[-1]) if "." in host else None
