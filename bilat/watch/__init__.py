"""Watched sources: feeds, folders and Telegram exports that bilat reads again and again,
each time only what is new, so that the store follows them.

with Store("bilat.db") as store:
    watch(store, "https://example.org/rss", every="30m")
    for record in run_all(store):
        print(record.target, record.summary())   # "3 new, 12 already stored, 0 skipped"
"""

from bilat.watch.runner import Hooks, run_all, run_forever, run_source
from bilat.watch.state import RunRecord, WatchedSource, history, remove_source, source, sources
from bilat.watch.targets import DEFAULT_EVERY, format_every, parse_every, watch

__all__ = [
    "DEFAULT_EVERY",
    "Hooks",
    "RunRecord",
    "WatchedSource",
    "format_every",
    "history",
    "parse_every",
    "remove_source",
    "run_all",
    "run_forever",
    "run_source",
    "source",
    "sources",
    "watch",
]
