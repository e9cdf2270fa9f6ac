"""JSON Lines (.jsonl, .ndjson): one article object a line; a broken line is skipped alone.

Fields: ``text`` (required), and optional ``url``, ``title``, ``date``, ``id``. A
``.json`` file holding a list of such objects is read by the same rules.
"""

from __future__ import annotations

import codecs
import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bilat.errors import SourceError
from bilat.model import Document, Skipped
from bilat.sources.common import article, json_problem
from bilat.sources.dates import iso_date
from bilat.sources.decode import MAX_FILE_BYTES, SNIFF_BYTES, refuse_binary

TOO_DEEP = "JSON nested too deeply to be an article (thousands of brackets)"


def read_jsonl(path: str | os.PathLike[str], *, name: str) -> Iterator[Document | Skipped]:
    """Line by line, so a corpus dump of any size streams; each line is one article."""
    source = str(path)
    with Path(path).open("rb") as file:
        _check_head(file.read(SNIFF_BYTES), source)
        file.seek(0)
        yield from _records(_lines(file, source), source=source, name=name)


def read_jsonl_bytes(data: bytes, *, source: str, name: str) -> Iterator[Document | Skipped]:
    """The same, for JSON Lines already in memory (a fetched URL)."""
    _check_head(data[:SNIFF_BYTES], source)
    yield from _records(_lines(data.splitlines(), source), source=source, name=name)


def jsonl_slices(path: str | os.PathLike[str], lines: int) -> Iterator[tuple[int, int, int]]:
    """(start byte, stop byte, first line number) of each run of ``lines`` lines, found as
    the file is scanned, so that a dump of any size is split without being held; SourceError
    when the file is no JSON Lines at all (then reading it whole says why)."""
    with Path(path).open("rb") as file:
        _check_head(file.read(SNIFF_BYTES), str(path))
        file.seek(0)
        start = offset = 0
        first = 1
        for number, raw in enumerate(file, start=1):
            offset += len(raw)
            if number - first + 1 == lines:
                yield start, offset, first
                start, first = offset, number + 1
        if offset > start:
            yield start, offset, first


def read_jsonl_slice(
    path: str | os.PathLike[str], *, name: str, start: int, stop: int, first: int
) -> Iterator[Document | Skipped]:
    """The articles of one slice that ``jsonl_slices`` found, named and numbered as reading
    the whole file names and numbers them."""
    source = str(path)
    with Path(path).open("rb") as file:
        file.seek(start)
        data = file.read(stop - start)
    lines = _lines(io.BytesIO(data), source, first=first)  # split on b"\n" as a file is
    yield from _records(lines, source=source, name=name)


def _check_head(head: bytes, source: str) -> None:
    # A byte-order mark alone is empty too: its lines are blank, and a blank line is
    # passed over without a word, so the file would give nothing at all.
    if not head.removeprefix(codecs.BOM_UTF8).strip():
        raise SourceError(source, "empty file (expected one JSON object a line)")
    refuse_binary(head, source)


def read_records(items: list[Any], *, source: str, name: str) -> Iterator[Document | Skipped]:
    """A JSON array of article objects, as a ``.json`` file may hold one."""
    yield from _records(enumerate(items, start=1), source=source, name=name, unit="item")


def _lines(file: Iterable[bytes], source: str, first: int = 1) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object or the Skipped for that line), blank lines left out."""
    for number, raw in enumerate(file, start=first):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        yield number, _parse(raw, f"{source}:{number}")


def _parse(raw: bytes, where: str) -> Any:
    if len(raw) > MAX_FILE_BYTES:  # the same bound as a whole file: one article is not 20 MB
        return Skipped(where, f"line too long ({len(raw) // 2**20} MB, expected one article)")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Skipped(
            where,
            f"not UTF-8 text (invalid byte at offset {error.start}; JSON Lines must be UTF-8)",
        )
    try:
        return json.loads(line.strip())  # the line end is no part of the JSON
    except json.JSONDecodeError as error:
        return Skipped(where, f"not a JSON object ({json_problem(error)})")
    except RecursionError:
        return Skipped(where, TOO_DEEP)


def _records(
    items: Iterable[tuple[int, Any]], *, source: str, name: str, unit: str = "line"
) -> Iterator[Document | Skipped]:
    for number, item in items:
        where = f"{source}:{number}" if unit == "line" else f"{source}[{number}]"
        if isinstance(item, Skipped):
            yield item
        elif (problem := _problem(item)) is not None:
            yield Skipped(where, problem)
        else:
            yield _document(
                item, source=source, name=f"{name}#{item.get('id') or number}", where=where
            )


def _problem(item: Any) -> str | None:
    """Why ``item`` is no article record, or None when it is one."""
    if not isinstance(item, dict):
        return f"not a JSON object (found {_json_kind(item)})"
    text = item.get("text")
    if text is None:
        keys = ", ".join(map(str, item)) or "none"
        return f"no 'text' field (expected the article text; found keys: {keys})"
    if not isinstance(text, str):
        return f"'text' is {_json_kind(text)} (expected a string)"
    return None


def _document(item: dict[str, Any], *, source: str, name: str, where: str) -> Document | Skipped:
    title = item.get("title") if isinstance(item.get("title"), str) else None
    url = item.get("url") if isinstance(item.get("url"), str) else None
    return article(
        item["text"],
        source=source,
        name=name,
        kind="jsonl",
        title=title,
        date=iso_date(item.get("date")),
        url=url,
        where=where,
        title_first=True,
    )


def _json_kind(value: Any) -> str:
    kinds = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return kinds.get(type(value), type(value).__name__)
