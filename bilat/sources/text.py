"""Plain-text articles (.txt, .text, .md): the title on the first line, maybe a dateline."""

from __future__ import annotations

from bilat.model import Document, Skipped
from bilat.sources.common import article, clean_text
from bilat.sources.dates import DATELINE, dateline
from bilat.sources.decode import decode

# A first line this short and with no final full stop is a headline; a longer one is the
# lead paragraph of an article that has no title line (news headlines are < 150 characters).
MAX_TITLE_CHARS = 200
# The dateline, when there is one, sits right under the title.
DATELINE_WITHIN_LINES = 3


def read_text(data: bytes, *, source: str, name: str) -> Document | Skipped:
    text = clean_text(decode(data, source))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return article(text, source=source, name=name, kind="txt", title=_title(lines),
                   date=dateline(lines[:DATELINE_WITHIN_LINES]))


def _title(lines: list[str]) -> str | None:
    if len(lines) < 2:
        return None
    first = lines[0].lstrip("# ").strip()  # a Markdown heading is a title too
    if (len(first) > MAX_TITLE_CHARS or first.endswith((".", ":", ",", ";"))
            or DATELINE.match(first)):
        return None
    return first
