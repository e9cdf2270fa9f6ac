"""One tree of errors (bilat/errors.py): every error bilat raises on purpose is a BilatError,
and a document that cannot be analysed is an ExtractionError that names it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import bilat
from bilat import errors
from bilat.errors import BilatError, ExtractionError, NotFoundError, RequestError
from bilat.model import Document, Skipped
from bilat.pipeline import ingest_items, process
from bilat.store import Store


def bilat_exceptions() -> set[type[BaseException]]:
    """Every exception class defined anywhere in the package (every module imports without
    the optional extras, which are imported where they are used)."""
    found: set[type[BaseException]] = set()
    for module in pkgutil.walk_packages(bilat.__path__, "bilat."):
        for _, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(value, BaseException) and value.__module__.startswith("bilat"):
                found.add(value)
    return found


def test_every_error_is_a_bilat_error() -> None:
    found = bilat_exceptions()
    assert len(found) >= 12  # the walk reached kb, web and actors, not just errors.py
    outside = sorted(c.__qualname__ for c in found if not issubclass(c, BilatError))
    assert not outside, f"errors outside the BilatError tree: {outside}"


@pytest.mark.parametrize(
    ("old_path", "name", "base"),
    [
        ("bilat.kb.dossier", "PairError", RequestError),
        ("bilat.kb.export", "ExportError", RequestError),
        ("bilat.kb.curation", "CurationError", RequestError),
        ("bilat.kb", "CurationError", RequestError),
        ("bilat.kb.curation", "UnknownFactError", NotFoundError),
        ("bilat.actors", "UnknownActorError", NotFoundError),
        ("bilat.web.views", "NotFoundError", NotFoundError),
    ],
)
def test_each_error_lives_in_errors_and_keeps_its_old_path(
    old_path: str, name: str, base: type[BilatError]
) -> None:
    error = getattr(errors, name)
    assert getattr(importlib.import_module(old_path), name) is error
    assert issubclass(error, base)


def test_the_tree_is_the_public_surface() -> None:
    for name in (
        "BilatError",
        "SourceError",
        "ExtractionError",
        "StoreError",
        "NotFoundError",
        "RequestError",
    ):
        assert name in bilat.__all__ and getattr(bilat, name) is getattr(errors, name)


def note(date: str | None) -> Document:
    return Document(
        text="Товарооборот России и Казахстана в 2024 году вырос на 5%.",
        source="notes/note.txt",
        name="note.txt",
        kind="text",
        date=date,
    )


def test_a_document_that_cannot_be_analysed_is_an_extraction_error() -> None:
    """A date written as people write it, not as ISO: the error names the document and
    says what was expected, instead of int()'s complaint about '10.0'."""
    with pytest.raises(ExtractionError, match=r"note\.txt: .*'10\.02\.2025'.*YYYY-MM-DD"):
        process(note("10.02.2025"))
    assert [f.type for f in process(note("2025-02-10")).facts] == ["change"]


def test_a_batch_reports_the_document_and_goes_on(tmp_path: Path) -> None:
    other = Document(
        text="Экспорт Казахстана в Узбекистан в 2024 году вырос на 12%.",
        source="notes/other.txt",
        name="other.txt",
        kind="text",
    )
    with Store(str(tmp_path / "x.db")) as store:
        report = ingest_items([note("вчера"), other], store)
    [skipped] = report.skipped
    assert isinstance(skipped, Skipped) and skipped.input == "note.txt"
    assert "'вчера'" in skipped.reason and "YYYY-MM-DD" in skipped.reason
    assert report.added == 1
