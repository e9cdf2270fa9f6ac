"""Files and folders: a folder is read recursively, in sorted order, known kinds only."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from bilat.errors import SourceError
from bilat.model import Document, Skipped
from bilat.sources.decode import MAX_FILE_BYTES, SNIFF_BYTES, read_bytes, refuse_binary
from bilat.sources.jsonl import read_jsonl, read_jsonl_slice
from bilat.sources.kinds import EXPECTED, EXTENSIONS, parse

# A Telegram export holds a channel's whole history in one JSON file, which cannot be
# streamed; 200 MB is years of a busy channel and still parses within a few GB of memory.
MAX_EXPORT_BYTES = 200 * 1024 * 1024

# Notes that sit beside articles in a folder (the demo corpus's README.md) are about the
# folder, not news; a user can still read one by naming the file itself.
FOLDER_NOTES = frozenset({"readme", "about", "license", "licence", "changelog", "notice"})


def read_path(path: str | os.PathLike[str]) -> Iterator[Document | Skipped]:
    """Everything in one file or folder; a bad file is one Skipped, the rest goes on."""
    where = Path(path)
    if where.is_dir():
        yield from _read_folder(where, str(path))
    elif where.is_file():
        yield from read_file(where, name=where.name, explicit=True)
    else:
        yield Skipped(str(path), "no such file or folder")


def read_file(path: Path, *, name: str, explicit: bool = False) -> Iterator[Document | Skipped]:
    """One file's articles; any failure becomes a Skipped naming the file, and a folder's
    other files go on (a third-party parser can fail on an input no test foresaw)."""
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        if explicit:
            found = f" '{path.suffix}'" if path.suffix else ": no extension"
            yield Skipped(str(path), f"unsupported file kind{found} (expected {EXPECTED})")
        return
    if kind == "jsonl":  # streamed line by line, so no size bound on the whole file
        yield from _guarded(path, lambda: read_jsonl(path, name=name))
    else:
        limit = MAX_EXPORT_BYTES if kind == "json" else MAX_FILE_BYTES
        yield from _guarded(
            path, lambda: parse(read_bytes(path, limit), kind, source=str(path), name=name)
        )


def read_jsonl_part(
    path: Path, *, name: str, start: int, stop: int, first: int
) -> Iterator[Document | Skipped]:
    """One slice of a JSON Lines file (``jsonl_slices``), named as ``read_file`` names it."""
    yield from _guarded(
        path, lambda: read_jsonl_slice(path, name=name, start=start, stop=stop, first=first)
    )


def _guarded(
    path: Path, produce: Callable[[], Iterable[Document | Skipped]]
) -> Iterator[Document | Skipped]:
    try:
        yield from produce()
    except SourceError as error:
        yield Skipped(error.input, error.reason)
    except OSError as error:
        yield Skipped(str(path), f"cannot read file ({error.strerror or error})")
    except Exception as error:  # any failure at all: reported, with its type, as the reason
        yield Skipped(str(path), f"could not be read ({type(error).__name__}: {error})")


def folder_files(folder: Path) -> list[str]:
    """The files of a folder that reading it reads, as sorted folder-relative names."""
    return [
        path.relative_to(folder).as_posix()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and _is_article_file(path.relative_to(folder))
    ]


def stream_folder_files(folder: Path) -> Iterator[str]:
    """The names ``folder_files`` lists, one at a time in the file system's order: a
    folder of a million files is walked, never held as one list."""
    below = [folder]
    while below:
        current = below.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.name.startswith("."):  # .git, .DS_Store: as _is_article_file says
                    continue
                relative = Path(entry.path).relative_to(folder)
                if entry.is_dir(follow_symlinks=False):
                    below.append(Path(entry.path))
                elif entry.is_file() and _is_article_file(relative):
                    yield relative.as_posix()


def read_folder_file(folder: Path, name: str) -> Iterator[Document | Skipped]:
    """One file of a folder, named as reading the whole folder names it."""
    yield from read_file(folder / name, name=name)


def _read_folder(folder: Path, given: str) -> Iterator[Document | Skipped]:
    names = folder_files(folder)
    if not names:
        yield Skipped(given, f"no files of a known kind in this folder (expected {EXPECTED})")
    for name in names:
        yield from read_folder_file(folder, name)


def _is_article_file(relative: Path) -> bool:
    if any(part.startswith(".") for part in relative.parts):  # .git, .DS_Store, editors' files
        return False
    return relative.suffix.lower() in EXTENSIONS and relative.stem.lower() not in FOLDER_NOTES


def count_path(path: str | os.PathLike[str]) -> int:
    """How many items ``read_path`` yields, for a progress bar's total, without keeping
    them: one a text or HTML file, one a line of JSON Lines; exports and feeds are parsed."""
    where = Path(path)
    if where.is_dir():
        names = folder_files(where)
        return sum(_count_file(where / name) for name in names) if names else 1
    if where.is_file():
        return _count_file(where) if where.suffix.lower() in EXTENSIONS else 1
    return 1  # no such file: one Skipped


def _count_file(path: Path) -> int:
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind == "jsonl":
        return _count_lines(path)
    if kind in ("json", "xml"):  # one file, many articles: only reading tells how many
        return sum(1 for _ in read_file(path, name=path.name))
    return 1  # a text or a page is one article, or one Skipped


def _count_lines(path: Path) -> int:
    """Non-blank lines, as read_jsonl reads them; a file it refuses whole counts one."""
    try:
        with path.open("rb") as file:
            head = file.read(SNIFF_BYTES)
            if not head.strip():
                return 1
            refuse_binary(head, str(path))
            file.seek(0)
            return max(
                1,
                sum(
                    1
                    for n, raw in enumerate(file)
                    if (raw.removeprefix(b"\xef\xbb\xbf") if n == 0 else raw).strip()
                ),
            )
    except (SourceError, OSError):
        return 1
