"""One official figure: what a statistics office reported about its trade with a partner."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

INDICATORS = ("turnover", "export", "import")


@dataclass(frozen=True)
class OfficialFigure:
    """``reporter``'s statistics of its trade with ``partner``: its export to the partner,
    its import from it, or the turnover of both, for ``months`` from January of ``year``
    (None: the whole year)."""

    source: str
    reporter: str
    partner: str
    indicator: str
    year: int
    months: int | None
    value: float
    currency: str

    @property
    def id(self) -> str:
        """Hash of everything but the value: the same figure imported again is one row."""
        key = "|".join(
            str(part)
            for part in (
                self.source,
                self.reporter,
                self.partner,
                self.indicator,
                self.year,
                self.months or "",
                self.currency,
            )
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def line(self) -> str:
        """The series this figure belongs to, as ``kb.timeseries`` names them: "turnover",
        or "EXPORTER→IMPORTER" for a flow; a reporter's import is its partner's export."""
        if self.indicator == "export":
            return f"{self.reporter}→{self.partner}"
        if self.indicator == "import":
            return f"{self.partner}→{self.reporter}"
        return "turnover"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "reporter": self.reporter,
            "partner": self.partner,
            "indicator": self.indicator,
            "year": self.year,
            "months": self.months,
            "value": self.value,
            "currency": self.currency,
            "line": self.line,
        }
