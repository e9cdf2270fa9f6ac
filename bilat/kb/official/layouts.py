"""Header maps: which column of an official table holds which of bilat's fields.

A table of official trade comes in one of a few layouts; each is a ``HeaderMap`` here,
data rather than code, and a user brings another as a small JSON file (``--map``) of the
same shape. The file's header picks the first layout whose columns it has.

==============  ==================  ===========================  ===========================
field           bilat (canonical)   UN Comtrade CSV              national office (wide)
==============  ==================  ===========================  ===========================
reporter        reporter            reporterISO                  Регион / Субъект
partner         partner             partnerISO                   Страна / Страна-партнёр
year            year                refYear                      Год
months          months (optional)   — (annual rows only)         Период (optional)
indicator       indicator           flowCode: X export, M import one column per indicator:
value           value               primaryValue                 Товарооборот, Экспорт, Импорт
currency        currency            USD                          USD, or the Единица column
scale           1                   1                            1000 (тыс. долл. США)
rows kept       all                 freqCode A, cmdCode TOTAL    all
==============  ==================  ===========================  ===========================
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilat.errors import SourceError
from bilat.kb.official.records import INDICATORS

FIELDS = ("reporter", "partner", "year", "months", "indicator", "value", "currency", "unit")
# A file may lack these columns: no months is the whole year; no unit, the map's own.
OPTIONAL_FIELDS = frozenset({"months", "unit"})


@dataclass(frozen=True)
class HeaderMap:
    """How one layout names bilat's fields. ``columns``: field → the headers it may have;
    ``wide``: indicator → headers of the column holding its value, for tables with one
    column per indicator; ``codes``: the file's indicator codes → bilat's ("M" → import);
    ``fixed``: fields every row shares ("currency": "USD"); ``keep``: header → the one
    value a row must hold to be read (Comtrade's "cmdCode": "TOTAL"); ``scale``: what a
    value is multiplied by (1000 for a table in thousands)."""

    name: str
    columns: Mapping[str, tuple[str, ...]]
    wide: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    codes: Mapping[str, str] = field(default_factory=dict)
    fixed: Mapping[str, str] = field(default_factory=dict)
    keep: Mapping[str, str] = field(default_factory=dict)
    scale: float = 1.0


CANONICAL = HeaderMap(
    name="bilat",
    columns={f: (f,) for f in FIELDS if f != "unit"},
    codes={"товарооборот": "turnover", "экспорт": "export", "импорт": "import"},
)
COMTRADE = HeaderMap(
    name="comtrade",
    columns={
        "reporter": ("reporterISO",),
        "partner": ("partnerISO",),
        "year": ("refYear",),
        "indicator": ("flowCode",),
        "value": ("primaryValue",),
    },
    codes={"X": "export", "M": "import"},  # re-exports (RX) and re-imports (RM) are not read
    fixed={"currency": "USD"},  # Comtrade states every value in US dollars
    # Annual totals only: a monthly row is one month, not months from January, and a
    # commodity's row is part of the total the news speaks of.
    keep={"freqCode": "A", "cmdCode": "TOTAL"},
)
NATIONAL = HeaderMap(
    name="national",
    columns={
        "reporter": ("Регион", "Субъект", "Отчитывающаяся сторона"),
        "partner": ("Страна", "Страна-партнёр", "Партнёр"),
        "year": ("Год",),
        "months": ("Период",),
        "unit": ("Единица", "Единица измерения"),
    },
    wide={
        "turnover": ("Товарооборот", "Оборот"),
        "export": ("Экспорт",),
        "import": ("Импорт",),
    },
    fixed={"currency": "USD"},
    scale=1000.0,  # customs and statistics tables give thousands of US dollars
)
LAYOUTS: tuple[HeaderMap, ...] = (CANONICAL, COMTRADE, NATIONAL)


def fold(header: str) -> str:
    """A header as compared: case, ё, a BOM and runs of spaces do not count."""
    return " ".join(
        header.replace("\ufeff", "").replace("ё", "е").replace("Ё", "Е").split()
    ).lower()


def column(headers: Sequence[str], names: Iterable[str]) -> int | None:
    """The index of the first header that is one of ``names``, or None."""
    folded = [fold(h) for h in headers]
    for name in names:
        if fold(name) in folded:
            return folded.index(fold(name))
    return None


def fits(layout: HeaderMap, headers: Sequence[str]) -> bool:
    """Whether ``headers`` hold every column the layout needs."""
    needed = [names for f, names in layout.columns.items() if f not in OPTIONAL_FIELDS]
    has_values = not layout.wide or any(
        column(headers, n) is not None for n in layout.wide.values()
    )
    return has_values and all(column(headers, names) is not None for names in needed)


def choose(headers: Sequence[str], source: str, given: HeaderMap | None = None) -> HeaderMap:
    """The layout of a table with these headers: ``given`` (a user's map) or the first of
    ``LAYOUTS`` that fits; SourceError naming what was expected otherwise."""
    for layout in (given,) if given else LAYOUTS:
        if fits(layout, headers):
            return layout
    expected = "; ".join(
        f"{m.name}: {', '.join(_needed(m))}" for m in ((given,) if given else LAYOUTS)
    )
    raise SourceError(
        source,
        f"the header ({', '.join(headers) or 'empty'}) fits no known layout; expected "
        f"columns {expected} (or pass --map FILE.json)",
    )


def _needed(layout: HeaderMap) -> list[str]:
    names = [n[0] for f, n in layout.columns.items() if f not in OPTIONAL_FIELDS]
    if layout.wide:
        names.append(" or ".join(n[0] for n in layout.wide.values()))
    return names


# -- a user's map ---------------------------------------------------------------------------


def load_map(path: str | os.PathLike[str]) -> HeaderMap:
    """A header map from a JSON file of ``HeaderMap``'s shape; a header may be one string
    or a list of alternatives. SourceError naming the file and the fault otherwise."""
    source = os.fspath(path)
    try:
        with open(source, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SourceError(source, f"cannot read the header map: {e}") from e
    if not isinstance(data, dict):
        raise SourceError(source, 'a header map is a JSON object, such as {"columns": {…}}')
    try:
        layout = _from_json(data, source)
    except (TypeError, ValueError) as e:
        raise SourceError(source, f"not a header map: {e}") from e
    _check(layout, source)
    return layout


def _from_json(data: Mapping[str, Any], source: str) -> HeaderMap:
    unknown = set(data) - {"name", "columns", "wide", "codes", "fixed", "keep", "scale"}
    if unknown:
        raise ValueError(f"unknown keys {sorted(unknown)}")
    return HeaderMap(
        name=str(data.get("name") or os.path.basename(source)),
        columns=_names(data.get("columns", {})),
        wide=_names(data.get("wide", {})),
        codes={str(k): str(v) for k, v in dict(data.get("codes", {})).items()},
        fixed={str(k): str(v) for k, v in dict(data.get("fixed", {})).items()},
        keep={str(k): str(v) for k, v in dict(data.get("keep", {})).items()},
        scale=float(data.get("scale", 1.0)),
    )


def _names(data: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    return {
        str(k): (str(v),) if isinstance(v, str) else tuple(str(x) for x in v)
        for k, v in dict(data).items()
    }


def _check(layout: HeaderMap, source: str) -> None:
    """A map that could never give a figure is refused before any row is read."""
    faults = [f"unknown field {f!r}" for f in layout.columns if f not in FIELDS]
    faults += [f"unknown indicator {i!r} in wide" for i in layout.wide if i not in INDICATORS]
    faults += [
        f"no column for {f}" for f in ("reporter", "partner", "year") if f not in layout.columns
    ]
    if not layout.wide and not {"indicator", "value"} <= set(layout.columns):
        faults.append("no value: give columns indicator and value, or wide")
    if not ({"currency", "unit"} & set(layout.columns) or "currency" in layout.fixed):
        faults.append('no currency: give a currency column or "fixed": {"currency": "USD"}')
    if layout.scale <= 0:
        faults.append("scale must be positive")
    if faults:
        raise SourceError(source, "header map: " + "; ".join(faults))
