"""Official statistics beside the news: tables of bilateral trade from statistics offices,
imported into the store and set beside the figures the news stated.

    from bilat.kb import official
    report = official.import_table(store, "comtrade.csv")   # figures, bad rows, counts
    official.stored(store, ("KZ", "RU-BA"))                  # a pair's official figures
    official.compare(news, figures, threshold=10.0)          # news beside official

``layouts`` holds the header maps (bilat's own columns, UN Comtrade's CSV, a national
office's wide table), ``cells`` reads one cell, ``table`` one file, ``stored`` the store's
table, ``compare`` the matching of news and official figures.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from bilat.kb.official.compare import (
    DIFFERENCE_THRESHOLD_PERCENT,
    Comparison,
    NewsFigure,
    compare,
    news_figures,
    signed_percent,
)
from bilat.kb.official.layouts import LAYOUTS, HeaderMap, load_map
from bilat.kb.official.records import OfficialFigure
from bilat.kb.official.stored import Saved, save, stored
from bilat.kb.official.table import Table, read_table
from bilat.store import Store


@dataclass(frozen=True)
class ImportReport:
    table: Table
    saved: Saved

    @property
    def bad(self) -> tuple[str, ...]:
        return self.table.bad


def import_table(
    store: Store,
    path: str | os.PathLike[str],
    source: str | None = None,
    map_path: str | os.PathLike[str] | None = None,
) -> ImportReport:
    """Read a table of official trade and store its figures in one transaction; each bad
    row is one message in the report and the rest is stored."""
    given = load_map(map_path) if map_path else None
    table = read_table(path, source, given)
    return ImportReport(table, save(store, table.figures))


__all__ = [
    "DIFFERENCE_THRESHOLD_PERCENT",
    "LAYOUTS",
    "Comparison",
    "HeaderMap",
    "ImportReport",
    "NewsFigure",
    "OfficialFigure",
    "Saved",
    "Table",
    "compare",
    "import_table",
    "load_map",
    "news_figures",
    "read_table",
    "save",
    "signed_percent",
    "stored",
]
