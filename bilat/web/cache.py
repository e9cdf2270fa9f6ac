"""The answers of a server's heavy views, kept until the store changes.

A pair's dossier, and the consolidated table, which reads and sorts every matching row
of the knowledge base (a second for all 60,000 of a 20,000-document store, then a page's
records): a server asked the same page by many people computes it once, while
the others wait for that one computation rather than each starting their own; any new
document, fact or decision (the knowledge base's fingerprint), and any official figure
imported, drops every kept answer.

The answers are shared between requests: callers read them, never change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from bilat.kb import whole
from bilat.kb.official.stored import mark as official_mark
from bilat.store import Store

T = TypeVar("T")
# Dossiers and tables of a few hundred kilobytes each: a few dozen megabytes at most.
KEPT_ANSWERS = 128


class ViewCache:
    """Kept answers of one store; ``enabled`` False computes every answer afresh."""

    def __init__(self, store: Store, enabled: bool = True, size: int = KEPT_ANSWERS) -> None:
        self.store = store
        self.enabled = enabled
        self.size = size
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._mark: tuple[Hashable, ...] = ()
        self._gates: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if not self.enabled:
            return compute()
        mark: tuple[Hashable, ...] = (*whole.fingerprint(self.store), *official_mark(self.store))
        with self._lock:
            if mark != self._mark:
                self._answers.clear()
                self._mark = mark
            if key in self._answers:
                self._answers.move_to_end(key)
                found: T = self._answers[key]
                return found
            gate = self._gates.setdefault(key, threading.Lock())
        with gate:  # the first request computes; the same page's others wait for it
            with self._lock:
                if key in self._answers and self._mark == mark:
                    kept: T = self._answers[key]
                    return kept
            answer = compute()
            with self._lock:
                if self._mark == mark:
                    self._answers[key] = answer
                    while len(self._answers) > self.size:
                        self._answers.popitem(last=False)
                self._gates.pop(key, None)
        return answer
