"""Evidence for facts built by hand in tests."""

from __future__ import annotations

from bilat.model import Evidence


def at(text: str, words: str) -> Evidence:
    """The sentence of ``text`` holding ``words``, with its offsets."""
    found = text.index(words)
    dot = text.rfind(". ", 0, found)
    start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, found) + 1)
    end = text.find(". ", found)
    end = len(text) if end < 0 else end + 1
    return Evidence(text[start:end], start, end)
