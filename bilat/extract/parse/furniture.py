"""Page furniture in plain text: lists of other headlines, "Читайте также", menus.

Readers strip what they can from HTML; texts that arrive as plain text (copied pages,
Telegram posts, JSONL dumps) still carry such blocks, and they must yield no facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that opens a block of links to other stories; everything after it is furniture.
FURNITURE_HEADINGS = re.compile(
    r"^\s*(читайте\s+также|читайте\s+нас|популярное|самое\s+читаемое|похожие\s+(новости|"
    r"материалы)|другие\s+новости|новости\s+партн[её]ров|последние\s+новости|архив|"
    r"смотрите\s+также|по\s+теме|share\s+with|поделиться)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
# A headline in a list: short and without the full stop of prose. Tuned on the dev articles'
# "Популярное" blocks, whose lines run 20–90 characters.
MAX_HEADLINE_CHARS = 120
# A run this long of headline-like lines is a list, not a title and a subtitle.
MIN_LIST_LINES = 4
_PROSE_END = (".", "!", "?", "…", ":", ";", "»", '"')


@dataclass(frozen=True)
class Furniture:
    """Character ranges of a text that are page furniture."""

    ranges: tuple[tuple[int, int], ...]

    def covers(self, start: int, stop: int) -> bool:
        return any(lo <= start and stop <= hi for lo, hi in self.ranges)


def find_furniture(text: str) -> Furniture:
    ranges = []
    heading = FURNITURE_HEADINGS.search(text, _body_start(text))
    if heading:
        ranges.append((heading.start(), len(text)))
    ranges.extend(_headline_lists(text))
    return Furniture(tuple(ranges))


def _body_start(text: str) -> int:
    # A heading word in the first lines is the site's menu, not the end of the article:
    # only look for it past the first third of the text.
    return len(text) // 3


def _headline_lists(text: str) -> list[tuple[int, int]]:
    ranges = []
    run: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) <= MAX_HEADLINE_CHARS and not stripped.endswith(_PROSE_END):
            run.append((start, start + len(line)))
            continue
        ranges.extend(_close(run))
        run = []
    ranges.extend(_close(run))
    return ranges


def _close(run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(run[0][0], run[-1][1])] if len(run) >= MIN_LIST_LINES else []
