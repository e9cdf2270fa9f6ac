"""The per-type field schemas: every fact the extractor makes fits its type's schema, the
any-type view covers every schema's keys, and mypy rejects a misspelt field."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from bilat.extract import extract
from bilat.model import FACT_TYPES, Document, Evidence, Fact
from bilat.nlp import analyse
from bilat.schemas import SCHEMAS, Fields, share_fields, trade_fields
from bilat.sources import demo_path, read

ROOT = Path(__file__).parent.parent


@cache
def demo_facts() -> tuple[Fact, ...]:
    documents = [d for d in read(demo_path()) if isinstance(d, Document)]
    return tuple(f for d in documents for f in extract(analyse(d)))


def fits(value: Any, hint: Any) -> bool:
    """Whether a JSON-like value is of a (resolved) type hint of a schema."""
    if hint is Any:
        return True
    if isinstance(hint, type) and typing.is_typeddict(hint):
        return isinstance(value, dict) and not problems(value, hint)
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return any(fits(value, h) for h in typing.get_args(hint))
    if origin is list:
        (item,) = typing.get_args(hint)
        return isinstance(value, list) and all(fits(v, item) for v in value)
    if origin is not None:  # Mapping[str, Any]: the any-type view's period
        return isinstance(value, origin)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is type(None):
        return value is None
    return isinstance(value, hint) and not (hint is int and isinstance(value, bool))


def problems(fields: dict[str, Any], schema: type) -> list[str]:
    hints = typing.get_type_hints(schema)
    found = [f"missing {k}" for k in sorted(schema.__required_keys__ - fields.keys())]
    found += [f"unknown {k}" for k in sorted(fields.keys() - hints.keys())]
    found += [f"{k}={v!r}" for k, v in fields.items() if k in hints and not fits(v, hints[k])]
    return found


def test_every_fact_type_has_a_schema() -> None:
    assert set(SCHEMAS) == set(FACT_TYPES)


def test_the_demo_corpus_yields_every_type() -> None:
    # so the next test reads a fact of every type, not a handful
    assert {f.type for f in demo_facts()} == set(FACT_TYPES)


@pytest.mark.parametrize("type", FACT_TYPES)
def test_every_extracted_fact_fits_its_schema(type: str) -> None:
    found = {
        f"{f.evidence.text[:60]}: {', '.join(p)}"
        for f in demo_facts()
        if f.type == type and (p := problems(dict(f.fields), SCHEMAS[type]))
    }
    assert not found


def test_the_any_type_view_has_every_schema_key_and_no_other() -> None:
    keys = {k for schema in SCHEMAS.values() for k in typing.get_type_hints(schema)}
    assert {f.name for f in dataclasses.fields(Fields)} == keys


@pytest.mark.parametrize("type", FACT_TYPES)
def test_the_any_type_view_admits_every_value_a_schema_does(type: str) -> None:
    wide = typing.get_type_hints(Fields)
    for fact in demo_facts():
        if fact.type == type:
            view = Fields.of(fact.fields)
            assert all(fits(getattr(view, k), wide[k]) for k in fact.fields)


def test_the_view_reads_a_fact_and_leaves_out_what_it_lacks() -> None:
    period = {"year": 2024, "months": 9}
    view = Fields.of({"indicator": "export", "qualifier": "over", "period": period, "new": 1})
    assert (view.indicator, view.qualifier, view.year, view.months) == ("export", "over", 2024, 9)
    assert (view.percent, view.speaker, view.from_year) == (None, None, None)


def test_a_typed_accessor_refuses_a_fact_of_another_type() -> None:
    share = Fact("share", {"whole": "KZ", "part": "RU"}, Evidence("", 0, 0), 0.5)
    assert share_fields(share)["whole"] == "KZ"
    with pytest.raises(TypeError, match="expected a trade fact, got a share fact"):
        trade_fields(share)


MISSPELT = """
from bilat.model import Fact
from bilat.schemas import Fields, trade_fields

def read(fact: Fact) -> object:
    return Fields.of(fact.fields).{any_type}, trade_fields(fact)[{one_type!r}]
"""


@pytest.mark.parametrize(
    ("any_type", "one_type", "errors"),
    [
        ("qualifier", "qualifier", []),
        ("qualifer", "qualifier", ['"Fields" has no attribute "qualifer"']),
        ("qualifier", "qualifer", ['TypedDict "TradeFields" has no key "qualifer"']),
    ],
)
def test_mypy_rejects_a_misspelt_field(
    tmp_path: Path, any_type: str, one_type: str, errors: list[str]
) -> None:
    api = pytest.importorskip(
        "mypy.api", reason="the type check needs mypy: pip install -e '.[dev]'"
    )
    snippet = tmp_path / "reader.py"
    snippet.write_text(MISSPELT.format(any_type=any_type, one_type=one_type))
    config = str(ROOT / "pyproject.toml")
    out, err, status = api.run(
        [str(snippet), "--config-file", config, "--cache-dir", str(tmp_path)]
    )
    assert [e for e in errors if e not in out] == []
    assert (status, out.count("error:")) == ((1, len(errors)) if errors else (0, 0)), out + err
