"""The knowledge base in a notebook: ``bilat.open(db)`` and pandas DataFrames.

    kb = bilat.open("bilat.db")
    kb.facts(type="trade", pair=("KZ", "UZ"))       # one row per stored fact
    kb.dossier("KZ", "UZ")                          # one row per consolidated fact
    kb.series("KZ", "UZ", "turnover")               # one row per point of a trade series

Rows are the ones ``bilat export`` writes (``export.fact_row``, ``export.consolidated_row``):
numbers as floats, ISO codes, years and months as integers, each with its fact id, evidence
sentence and source. pandas is imported on the first call, never by ``import bilat``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

from bilat.errors import BilatError, RequestError
from bilat.kb.claims import claims
from bilat.kb.consolidate import Consolidated
from bilat.kb.dossier import dossier as kb_dossier
from bilat.kb.dossier import pair_series, resolve_code
from bilat.kb.export import CONSOLIDATED_COLUMNS, FACT_COLUMNS, consolidated_row, fact_row
from bilat.model import FACT_TYPES
from bilat.store import Store

if TYPE_CHECKING:
    import pandas as pd

# pandas' nullable integers: a year stays 2024, not 2024.0, beside rows that have none
INTEGER_COLUMNS = (
    "year",
    "months",
    "month",
    "evidence_start",
    "evidence_end",
    "n_sources",
    "independent",
)
FLOAT_COLUMNS = ("value", "percent", "confidence")
# where a consolidated fact was first read: the claim whose fields it shows
SOURCE_COLUMNS = ("fact_id", "doc_name", "doc_date", "source", "url", "evidence_text")
SERIES_COLUMNS = (
    "id",
    "line",
    "label",
    "indicator",
    "exporter",
    "importer",
    "currency",
    "year",
    "months",
    "value",
    "qualifier",
    "disputed",
    "standing",
    "n_sources",
    "independent",
    *SOURCE_COLUMNS,
)
SERIES_INDICATORS = ("turnover", "export", "import")


def open(db: str | os.PathLike[str]) -> KB:
    """The knowledge base in ``db`` (a SQLite file or a SQLAlchemy URL, as ``--db`` takes)."""
    _pandas()  # say at once what to install, not at the first table
    return KB(Store(str(db), create=False))


@dataclass(frozen=True)
class KB:
    """A store read as DataFrames; ``close()`` it, or use it in a ``with`` block."""

    store: Store

    def facts(
        self,
        *,
        type: str | None = None,
        pair: Sequence[str] | None = None,
        party: str | None = None,
        indicator: str | None = None,
        year: int | None = None,
        rejected: bool = False,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Stored facts, corrections applied, newest documents first; the filters of
        ``bilat facts`` (codes or names: ``pair=("Казахстан", "RU-BA")``). Rejected facts
        are left out unless ``rejected``; ``limit`` counts before they are."""
        if type is not None and type not in FACT_TYPES:
            raise RequestError(
                f"unknown fact type {type!r}: expected one of {', '.join(FACT_TYPES)}"
            )
        stored = self.store.facts(
            pair=_pair(pair),
            party=resolve_code(party) if party is not None else None,
            type=type,
            indicator=indicator,
            year=year,
            limit=limit,
        )
        rows = (fact_row(c) for c in claims(self.store, stored, keep_rejected=rejected))
        return _frame(rows, FACT_COLUMNS)

    def dossier(self, a: str, b: str) -> pd.DataFrame:
        """A pair's consolidated facts (series, growth, targets, events, quotes …), one row
        each with its section of the dossier, standing, number of sources and the source its
        figures were read from."""
        found = kb_dossier(self.store, a, b)
        section = {item.id: name for name, items in found.sections.items() for item in items}
        rows = (
            {
                "section": section.get(item.id, item.type),
                **consolidated_row(item),
                **_source(item),
            }
            for item in found.consolidated
        )
        columns = ("section", *CONSOLIDATED_COLUMNS, *SOURCE_COLUMNS)
        return _frame(rows, columns)

    def series(self, a: str, b: str, indicator: str | None = None) -> pd.DataFrame:
        """A pair's yearly trade figures: turnover, and each direction's flow (an export of
        one side and the other's import from it are one line), oldest first."""
        if indicator is not None and indicator not in SERIES_INDICATORS:
            raise RequestError(
                f"no series for indicator {indicator!r}: expected one of "
                f"{', '.join(SERIES_INDICATORS)}, or none for every line"
            )
        rows = (
            {
                "id": p.fact.id,
                "line": s.line,
                "label": s.label,
                "indicator": s.indicator,
                **_direction(s.line),
                "currency": s.currency,
                "year": p.year,
                "months": p.months,
                "value": p.value,
                "qualifier": p.qualifier,
                "disputed": p.disputed,
                "standing": p.fact.standing,
                "n_sources": len(p.fact.claims),
                "independent": p.fact.independent,
                **_source(p.fact),
            }
            for s in pair_series(self.store, a, b, indicator)
            for p in s.points
        )
        return _frame(rows, SERIES_COLUMNS)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KB:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KB({self.store.where!r})"


def _pair(pair: Sequence[str] | None) -> tuple[str, str] | None:
    if pair is None:
        return None
    if isinstance(pair, str) or len(pair) != 2:
        raise RequestError(f"pair={pair!r}: expected two parties, such as ('KZ', 'RU-BA')")
    return resolve_code(pair[0]), resolve_code(pair[1])


def _direction(line: str) -> dict[str, str | None]:
    exporter, arrow, importer = line.partition("→")
    return {"exporter": exporter, "importer": importer} if arrow else {}


def _source(item: Consolidated) -> dict[str, Any]:
    """The claim whose fields the consolidated fact shows, else its first source."""
    lead = next((c for c in item.claims if c.fields is item.fields), item.claims[0])
    f = lead.fact
    return {
        "fact_id": f.id,
        "doc_name": f.doc_name,
        "doc_date": f.doc_date,
        "source": f.source,
        "url": f.url,
        "evidence_text": f.evidence.text,
    }


def _frame(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    pd = _pandas()
    frame = pd.DataFrame.from_records(
        [{c: r.get(c) for c in columns} for r in rows], columns=columns
    )
    for column in INTEGER_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    for column in FLOAT_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype("float64")
    return frame


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise BilatError(
            "bilat.open gives pandas DataFrames and needs pandas: pip install 'bilat[notebook]'"
        ) from e
    return pandas
