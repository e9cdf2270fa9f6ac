"""What a user names to watch: a feed URL, a folder or a Telegram export; and how often."""

from __future__ import annotations

import re
from pathlib import Path

from bilat.errors import RequestError, SourceError
from bilat.sources.urls import is_url
from bilat.store import Store
from bilat.watch.polls import load_export
from bilat.watch.state import WatchedSource, add_source

# Asking a server for its feed more often than once a minute gains nothing (feeds change
# every few minutes at most) and is what gets a reader's address blocked.
MIN_EVERY_S = 60
DEFAULT_EVERY = "30m"
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_EVERY = re.compile(r"(\d+)\s*([smhd])")


def parse_every(text: str) -> int:
    """Seconds in "30m", "1h", "1h30m", "2d", "90s"; RequestError for anything else."""
    compact = "".join(text.lower().split())
    parts = _EVERY.findall(compact)
    if not compact or "".join(f"{n}{u}" for n, u in parts) != compact:
        raise RequestError(
            f"interval {text!r} not understood (expected a number and a unit s, m, h or d, "
            "such as 30m, 1h or 1h30m)"
        )
    seconds = sum(int(n) * UNITS[u] for n, u in parts)
    if seconds < MIN_EVERY_S:
        raise RequestError(f"interval {text!r} is under a minute (expected 1m or more)")
    return seconds


def format_every(seconds: int) -> str:
    """1800 → "30m", 5400 → "1h30m": the shortest way ``parse_every`` reads back."""
    parts = []
    for unit, size in sorted(UNITS.items(), key=lambda item: -item[1]):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts) or "0s"


def classify(given: str) -> tuple[str, str]:
    """(kind, target) for what a user names: an http(s) URL is a feed, a folder is a
    folder, a JSON file is a Telegram export; a path is made absolute, so that a run from
    another folder finds it."""
    if is_url(given):
        return "feed", given.strip()
    path = Path(given).expanduser()
    if path.is_dir():
        return "folder", str(path.resolve())
    if path.is_file() and path.suffix.lower() == ".json":
        try:
            load_export(path)
        except SourceError as error:
            raise RequestError(f"{given}: {error.reason}") from error
        return "telegram", str(path.resolve())
    found = "no such file or folder" if not path.exists() else "a file that is not result.json"
    raise RequestError(
        f"{given}: {found} (expected a feed URL, a folder or a Telegram export's result.json)"
    )


def watch(store: Store, given: str, every: str = DEFAULT_EVERY) -> WatchedSource:
    """Start watching ``given``; RequestError when it is none of the three kinds, or is
    watched already."""
    every_s = parse_every(every)
    kind, target = classify(given)
    return add_source(store, kind, target, every_s)
