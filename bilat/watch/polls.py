"""What a watched source holds that an earlier run has not read, by kind of source.

Each ``poll_*`` compares the source with what it remembers (``WatchedSource.state``) and
returns the new items, read by bilat's own readers (``bilat.sources``), with the state to
remember once they are stored. A source that cannot be read at all raises SourceError.

- a feed: asked with the last ETag / Last-Modified (a 304 is nothing new); of a changed
  feed only the entries whose key (the entry's link) was not seen are read;
- a folder: a file is read when its mtime changed and its content hash with it;
- a Telegram export (``result.json``): only messages after the last message id read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bilat.errors import SourceError
from bilat.model import Document, Skipped
from bilat.sources.common import json_problem
from bilat.sources.decode import decode, read_bytes
from bilat.sources.files import MAX_EXPORT_BYTES, folder_files, read_folder_file
from bilat.sources.kinds import EXPECTED
from bilat.sources.telegram import is_telegram_export, message_text, read_telegram
from bilat.sources.urls import fetch_if_changed, read_fetched
from bilat.watch.state import WatchedSource

Item = Document | Skipped


@dataclass(frozen=True)
class Poll:
    """The new items of a source (read lazily), how many to expect, how many it holds that
    an earlier run read, and the state to remember once the items are stored."""

    items: Iterable[Item]
    total: int
    known: int
    state: Mapping[str, Any] = field(default_factory=dict)
    note: str | None = None


def poll(source: WatchedSource, client: httpx.Client) -> Poll:
    if source.kind == "feed":
        return poll_feed(source, client)
    if source.kind == "folder":
        return poll_folder(source)
    return poll_telegram(source)


# -- feeds ------------------------------------------------------------------------------------


def poll_feed(source: WatchedSource, client: httpx.Client) -> Poll:
    state = source.state
    seen = set(state.get("seen", []))
    fetched = fetch_if_changed(source.target, client, state.get("etag"), state.get("modified"))
    if fetched is None:
        return Poll((), 0, len(seen), state, note="not modified since the last run: HTTP 304")
    items = list(read_fetched(source.target, fetched))
    fresh = [i for i in items if isinstance(i, Skipped) or entry_key(i) not in seen]
    # Only the feed's current entries are kept: one that fell off a feed does not come
    # back, and if it does, the store knows its text.
    keys = [entry_key(i) for i in items if isinstance(i, Document)]
    new_state = {"etag": fetched.etag, "modified": fetched.modified, "seen": keys}
    return Poll(fresh, len(fresh), len(items) - len(fresh), new_state)


def entry_key(document: Document) -> str:
    """A feed entry is known by its link (its text may be edited); one without, by text."""
    return document.url or document.id


# -- folders ----------------------------------------------------------------------------------


def poll_folder(source: WatchedSource) -> Poll:
    folder = Path(source.target)
    if not folder.is_dir():
        raise SourceError(source.target, "no such folder (moved or deleted since it was added?)")
    before: Mapping[str, Any] = source.state.get("files", {})
    marks = {name: file_mark(folder / name, before.get(name)) for name in folder_files(folder)}
    changed = [name for name, mark in marks.items() if not _same(mark, before.get(name))]
    note = None if marks else f"no files of a known kind in it yet (expected {EXPECTED})"
    return Poll(
        _read_files(folder, changed),
        len(changed),
        len(marks) - len(changed),
        {"files": marks},
        note,
    )


def file_mark(path: Path, before: Mapping[str, Any] | None) -> dict[str, Any]:
    """A file's mtime and content hash; the hash is computed only when the mtime moved."""
    try:
        mtime = path.stat().st_mtime_ns
        if before and before.get("mtime") == mtime:
            return dict(before)
        with path.open("rb") as file:
            digest = hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return {"mtime": None, "sha256": None}  # read again next time: reading says why
    return {"mtime": mtime, "sha256": digest}


def _same(mark: Mapping[str, Any], before: Mapping[str, Any] | None) -> bool:
    return before is not None and mark["sha256"] is not None and mark["sha256"] == before["sha256"]


def _read_files(folder: Path, names: list[str]) -> Iterator[Item]:
    for name in names:
        yield from read_folder_file(folder, name)


# -- Telegram exports -------------------------------------------------------------------------


def poll_telegram(source: WatchedSource) -> Poll:
    path = Path(source.target)
    export = load_export(path)
    last = source.state.get("last_id")
    messages = export["messages"]
    fresh = [m for m in messages if last is None or (message_id(m) or 0) > last]
    newest = max((i for m in messages if (i := message_id(m)) is not None), default=last)
    items = list(read_telegram({**export, "messages": fresh}, source=source.target, name=path.name))
    known = sum(1 for m in messages if _has_text(m)) - sum(1 for m in fresh if _has_text(m))
    return Poll(items, len(items), known, {"last_id": newest})


def load_export(path: Path) -> dict[str, Any]:
    """A Telegram Desktop export, parsed; SourceError when it is missing, broken or
    something else."""
    where = str(path)
    try:
        export = json.loads(decode(read_bytes(path, MAX_EXPORT_BYTES), where))
    except json.JSONDecodeError as error:
        raise SourceError(
            where, f"truncated or broken JSON at line {error.lineno} ({json_problem(error)})"
        ) from error
    if not is_telegram_export(export):
        raise SourceError(
            where, "not a Telegram export (expected an object with a 'messages' list)"
        )
    return dict(export)


def _has_text(message: Any) -> bool:
    """Whether the reader makes an article of ``message`` (or a Skipped, when short)."""
    return (
        isinstance(message, dict)
        and message.get("type", "message") == "message"
        and bool(message_text(message.get("text")).strip())
    )


def message_id(message: Any) -> int | None:
    if not isinstance(message, dict) or isinstance(message.get("id"), bool):
        return None
    value = message.get("id")
    return value if isinstance(value, int) else None
