"""HTML pages: trafilatura's main text, title and date, then page furniture cut out.

trafilatura drops menus, footers and most link lists; what it lets through is a block
heading ("Читайте также") left behind by a list it removed, or a list of other headlines
kept because it sat inside ``<article>``. Those headlines name countries and figures that
are not this article's facts, so precision wins: they are cut here.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document as Extracted

from bilat.errors import SourceError
from bilat.model import Document, Skipped
from bilat.sources.common import article
from bilat.sources.dates import iso_date

# Headings of blocks that list other articles; matched case-insensitively against a whole
# line, colon optional. Gathered from Russian news sites' sidebars and article footers.
FURNITURE_HEADINGS = (
    "читайте также",
    "читайте еще",
    "читайте ещё",
    "смотрите также",
    "см. также",
    "популярное",
    "самое популярное",
    "самое читаемое",
    "сейчас читают",
    "топ новостей",
    "новости по теме",
    "материалы по теме",
    "по теме",
    "ещё по теме",
    "еще по теме",
    "похожие новости",
    "похожие материалы",
    "другие новости",
    "последние новости",
    "лента новостей",
    "главное",
    "главное за день",
    "выбор редакции",
    "рекомендуем",
)
_FURNITURE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(h) for h in FURNITURE_HEADINGS) + r")\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A line under such a heading is another article's headline while it is this short and
# has no sentence-final punctuation; the first line of prose ends the block.
MAX_HEADLINE_CHARS = 160
_SENTENCE_END = (".", "!", "?", "…")


def _extract(html: str, url: str | None) -> Extracted | None:
    """trafilatura's reading of a page: its main text and metadata, or None."""
    try:
        extracted = _bare_extraction(html, url, with_metadata=True)
    except AssertionError:
        # lxml asserts on some trees a broken page makes (a <script> left as the root,
        # which htmldate's cleaning cannot drop); the text is still read, without metadata.
        extracted = _bare_extraction(html, url, with_metadata=False)
    # a dict only with as_dict=True, which this call does not ask for
    return extracted if isinstance(extracted, Extracted) else None


def _bare_extraction(html: str, url: str | None, with_metadata: bool) -> object:
    return trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,  # a missed paragraph costs less than a foreign headline's fact
        include_comments=False,  # readers' comments are not the outlet's statements
        include_tables=False,  # tables come out as run-together cells, not sentences
        with_metadata=with_metadata,
        # The page's own metadata only: a date guessed from the text or links is often wrong.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def read_html(
    html: str, *, source: str, name: str, kind: str = "html", url: str | None = None
) -> Document | Skipped:
    """The article of an HTML page, its title line first; SourceError when there is none."""
    extracted = _extract(html, url)
    body = strip_furniture(extracted.text or "") if extracted is not None else ""
    if extracted is None or not body.strip():
        raise SourceError(
            source,
            "no article text found (expected an HTML page with a "
            "main text; found only page furniture or none)",
        )
    return article(
        body,
        source=source,
        name=name,
        kind=kind,
        title=extracted.title,
        date=iso_date(extracted.date),
        url=url,
        title_first=True,
    )


def strip_furniture(text: str) -> str:
    """``text`` without furniture headings and the headline lists that follow them."""
    kept: list[str] = []
    in_block = False
    for line in text.split("\n"):
        if match := _FURNITURE.match(line):
            in_block = True
            line = match["rest"]  # "Читайте также: <headline>" on one line
        if in_block and _is_headline(line):
            continue
        in_block = False
        kept.append(line)
    return "\n".join(kept)


def _is_headline(line: str) -> bool:
    line = line.strip()
    return not line or (len(line) <= MAX_HEADLINE_CHARS and not line.endswith(_SENTENCE_END))


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary): one line per block."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):  # nothing parseable: keep the text as is
        return fragment
    for element in root.iter("p", "div", "li", "br", "h1", "h2", "h3", "h4", "tr"):
        element.tail = "\n" + (element.tail or "")
    text: str = root.text_content()
    return text
