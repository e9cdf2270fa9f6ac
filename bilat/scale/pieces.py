"""Inputs cut into partitions as they are walked: nothing is listed or read up front.

A partition is a tuple of pieces; a piece is a file of a folder, a run of lines of a JSON
Lines file, or an input read whole (a file, a URL). Pieces are small and picklable: a
worker reads its documents itself, so neither the list of files of a folder of a million
nor the lines of a dump of a million articles are ever held by the process that cuts them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from bilat.errors import SourceError
from bilat.model import Document, Skipped
from bilat.sources import read
from bilat.sources.files import read_folder_file, read_jsonl_part, stream_folder_files
from bilat.sources.jsonl import jsonl_slices
from bilat.sources.kinds import EXTENSIONS
from bilat.sources.urls import is_url

# Articles per partition: enough to amortise the scheduling of a task, few enough that a
# lost worker costs little to redo. Tuned on the demo corpus.
DOCS_PER_PARTITION = 50


class Piece(Protocol):
    """Something a worker reads into documents; ``size`` is how many it expects."""

    @property
    def size(self) -> int: ...

    def read(self) -> Iterator[Document | Skipped]: ...


@dataclass(frozen=True)
class Given:
    """An input read whole, as the plain run reads it: a file, a URL, an empty folder."""

    input: str
    size: int = 1

    def read(self) -> Iterator[Document | Skipped]:
        return read(self.input)


@dataclass(frozen=True)
class InFolder:
    """A file of a folder, named as reading the whole folder names it ("more/e.txt")."""

    folder: str
    name: str
    size: int = 1

    def read(self) -> Iterator[Document | Skipped]:
        return read_folder_file(Path(self.folder), self.name)


@dataclass(frozen=True)
class Lines:
    """A run of lines of a JSON Lines file: bytes ``start`` to ``stop``, from line ``first``."""

    path: str
    name: str
    start: int
    stop: int
    first: int
    size: int

    def read(self) -> Iterator[Document | Skipped]:
        return read_jsonl_part(
            Path(self.path), name=self.name, start=self.start, stop=self.stop, first=self.first
        )


Partition = tuple[Piece, ...]


def partitions(
    inputs: Iterable[str | os.PathLike[str]], per_partition: int = DOCS_PER_PARTITION
) -> Iterator[Partition]:
    """Partitions of about ``per_partition`` articles each, made as ``inputs`` are walked."""
    batch: list[Piece] = []
    weight = 0
    for piece in pieces(inputs, per_partition):
        batch.append(piece)
        weight += piece.size
        if weight >= per_partition:
            yield tuple(batch)
            batch, weight = [], 0
    if batch:
        yield tuple(batch)


def pieces(inputs: Iterable[str | os.PathLike[str]], lines: int) -> Iterator[Piece]:
    """The pieces of each input in turn; a JSON Lines file is cut into runs of ``lines``."""
    for given in inputs:
        text = os.fspath(given)
        path = Path(text)
        if is_url(text):
            yield Given(text)
        elif path.is_dir():
            yield from _folder_pieces(path, text, lines)
        elif path.is_file() and _is_jsonl(path):
            yield from _jsonl_pieces(path, path.name, lines, whole=Given(text))
        else:  # a file read whole, or no such file: reported as the plain run reports it
            yield Given(text)


def _folder_pieces(folder: Path, given: str, lines: int) -> Iterator[Piece]:
    empty = True
    for name in stream_folder_files(folder):
        empty = False
        whole = InFolder(str(folder), name)
        if _is_jsonl(Path(name)):
            yield from _jsonl_pieces(folder / name, name, lines, whole=whole)
        else:
            yield whole
    if empty:  # the plain run's "no files of a known kind in this folder"
        yield Given(given)


def _jsonl_pieces(path: Path, name: str, lines: int, *, whole: Piece) -> Iterator[Piece]:
    try:
        for start, stop, first in jsonl_slices(path, lines):
            yield Lines(str(path), name, start, stop, first, size=lines)
    except (SourceError, OSError):  # empty, binary, unreadable: reading it whole says why
        yield whole


def _is_jsonl(path: Path) -> bool:
    return EXTENSIONS.get(path.suffix.lower()) == "jsonl"
