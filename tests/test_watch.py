"""Watched sources: a feed served on 127.0.0.1 with ETags, a folder and a Telegram export
that gain articles between runs; each run reads only what is new. A dead feed is one line,
and the other sources run all the same."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from bilat.cli import app
from bilat.errors import NotFoundError, RequestError
from bilat.store import Store, schema
from bilat.watch import (
    format_every,
    history,
    parse_every,
    remove_source,
    run_all,
    run_forever,
    sources,
    watch,
)
from bilat.watch import runner as watch_runner

# -- articles, written for these tests ---------------------------------------------------------

ARTICLES = [
    "Товарооборот Омской области и Казахстана за 2024 год вырос до 912 млн долларов, "
    "сообщили в региональном министерстве экономики.",
    "Экспорт Татарстана в Узбекистан по итогам 2023 года составил 318 млн долларов, "
    "а импорт из республики — 64 млн долларов.",
    "Новосибирская область и Китай в 2024 году нарастили товарооборот на 17% — "
    "до 1,3 млрд долларов, отметили в правительстве региона.",
    "Башкортостан и Кыргызстан подписали соглашение о сотрудничестве в сфере "
    "сельского хозяйства; товарооборот в 2023 году составил 41 млн долларов.",
    "Поставки зерна из Курганской области в Казахстан в 2024 году выросли на 26%, "
    "а товарооборот достиг 205 млн долларов.",
]


# -- a feed on 127.0.0.1 that answers 304 to a request with its current ETag -------------------


@dataclass
class Feed:
    """The feed the server gives: its entries, and the requests it was sent."""

    entries: list[tuple[str, str]] = field(default_factory=list)  # (link, text)
    requests: list[dict[str, str]] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)

    def body(self) -> bytes:
        items = "".join(
            f"<item><title>Новость {n}</title><link>{link}</link>"
            f"<description>{text}</description></item>"
            for n, (link, text) in enumerate(self.entries, start=1)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Лента</title>{items}</channel></rss>"
        ).encode()


def handler_for(feed: Feed) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = feed.body()
            etag = f'"{hashlib.sha1(body).hexdigest()}"'
            feed.requests.append(dict(self.headers.items()))
            status = 304 if self.headers.get("If-None-Match") == etag else 200
            feed.answers.append(status)
            self.send_response(status)
            self.send_header("ETag", etag)
            if status == 200:
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status == 200:
                self.wfile.write(body)

        def log_message(self, *args: Any) -> None:  # quiet in the test output
            return None

    return Handler


@pytest.fixture
def feed() -> Iterator[tuple[Feed, str]]:
    served = Feed()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(served))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served, f"http://127.0.0.1:{server.server_address[1]}/rss.xml"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(str(tmp_path / "watch.db")) as opened:
        yield opened


@pytest.fixture
def no_retry_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dead port is tried three times; without the pauses between, at once."""
    monkeypatch.setattr("bilat.sources.urls.RETRY_BACKOFF_S", 0.0)


def dead_url() -> str:
    """A loopback port nothing listens on: bound, then let go."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()
    return f"http://127.0.0.1:{port}/rss.xml"


def counts(record: Any) -> tuple[int, int, int, int]:
    return record.read, record.new, record.stored, record.skipped


# -- feeds -------------------------------------------------------------------------------------


def test_a_feed_is_asked_with_its_etag_and_read_only_for_new_entries(
    feed: tuple[Feed, str], store: Store
) -> None:
    served, url = feed
    served.entries = [(f"http://example.org/news/{n}", ARTICLES[n]) for n in range(2)]
    watch(store, url)
    (first,) = run_all(store)
    assert counts(first) == (2, 2, 0, 0) and first.error is None
    (unchanged,) = run_all(store)
    assert served.answers == [200, 304]
    assert "If-None-Match" not in served.requests[0]
    assert served.requests[1]["If-None-Match"].startswith('"')
    assert counts(unchanged) == (0, 0, 2, 0) and "304" in (unchanged.note or "")
    served.entries.append(("http://example.org/news/2", ARTICLES[2]))
    (grown,) = run_all(store)
    assert served.answers == [200, 304, 200]
    assert counts(grown) == (1, 1, 2, 0)  # only the new entry reached the pipeline
    assert grown.summary() == "1 new, 2 already stored, 0 skipped"
    assert store.count_documents() == 3


def test_a_short_entry_is_skipped_with_its_reason(feed: tuple[Feed, str], store: Store) -> None:
    served, url = feed
    served.entries = [("http://example.org/a", ARTICLES[0]), ("http://example.org/b", "Коротко.")]
    watch(store, url)
    (record,) = run_all(store)
    assert counts(record) == (1, 1, 0, 1)
    assert record.summary().startswith("1 new, 0 already stored, 1 skipped: ")
    assert "too short to be an article" in record.summary()


def test_a_dead_feed_is_one_line_and_the_other_sources_run(
    tmp_path: Path, store: Store, no_retry_pause: None
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    dead = watch(store, dead_url())
    watch(store, str(folder))
    failed, read = run_all(store)
    assert failed.source_id == dead.id and failed.error is not None
    assert failed.error.startswith("could not connect") and "3 attempts" in failed.error
    assert failed.summary() == f"failed: {failed.error}" and "\n" not in failed.summary()
    assert counts(read) == (1, 1, 0, 0) and read.error is None
    assert sources(store)[0].last_run_at is not None  # a failed run is a run: not due again


# -- folders -----------------------------------------------------------------------------------


def test_a_folder_is_read_again_only_for_new_and_changed_files(
    tmp_path: Path, store: Store
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(2):
        (folder / f"{n}.txt").write_text(ARTICLES[n], encoding="utf-8")
    watch(store, str(folder))
    assert counts(run_all(store)[0]) == (2, 2, 0, 0)
    assert counts(run_all(store)[0]) == (0, 0, 2, 0)  # nothing changed: nothing read
    (folder / "2.txt").write_text(ARTICLES[2], encoding="utf-8")
    later = (folder / "0.txt").stat().st_mtime + 60
    os.utime(folder / "0.txt", (later, later))  # touched, same content: not read again
    assert counts(run_all(store)[0]) == (1, 1, 2, 0)
    (folder / "1.txt").write_text(ARTICLES[3], encoding="utf-8")  # rewritten
    assert counts(run_all(store)[0]) == (1, 1, 2, 0)
    assert store.count_documents() == 4


def test_a_folder_gone_is_one_clear_line(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    watch(store, str(folder))
    folder.rmdir()
    (record,) = run_all(store)
    assert record.error == "no such folder (moved or deleted since it was added?)"


# -- Telegram exports --------------------------------------------------------------------------


def message(number: int, text: str) -> dict[str, Any]:
    return {"id": number, "type": "message", "date": f"2025-02-0{number}T10:00:00", "text": text}


def write_export(path: Path, messages: list[dict[str, Any]]) -> None:
    export = {"name": "Вести регионов", "type": "public_channel", "id": 1001, "messages": messages}
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")


def test_a_telegram_export_is_read_again_only_for_new_messages(
    tmp_path: Path, store: Store
) -> None:
    export = tmp_path / "result.json"
    messages = [message(1, ARTICLES[0]), message(2, ARTICLES[1])]
    write_export(export, messages)
    watch(store, str(export))
    assert counts(run_all(store)[0]) == (2, 2, 0, 0)
    service = {"id": 4, "type": "service", "action": "pin_message"}
    write_export(export, [*messages, message(3, ARTICLES[4]), service])
    assert counts(run_all(store)[0]) == (1, 1, 2, 0)
    assert counts(run_all(store)[0]) == (0, 0, 3, 0)
    assert store.count_documents() == 3


def test_a_broken_export_is_one_clear_line(tmp_path: Path, store: Store) -> None:
    export = tmp_path / "result.json"
    write_export(export, [message(1, ARTICLES[0])])
    watch(store, str(export))
    export.write_text('{"name": "Вести", "messages": [{"id": 1, "te', encoding="utf-8")
    (record,) = run_all(store)
    assert record.error is not None and record.error.startswith("truncated or broken JSON")


# -- adding, removing, intervals ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"), [("30m", 1800), ("1h", 3600), ("1h30m", 5400), ("2d", 172800)]
)
def test_intervals_read_and_print_back(text: str, seconds: int) -> None:
    assert parse_every(text) == seconds and format_every(seconds) == text


@pytest.mark.parametrize("text", ["", "30", "5s", "m30", "полчаса", "1h 30x"])
def test_intervals_that_mean_nothing_or_too_little_are_refused(text: str) -> None:
    with pytest.raises(RequestError, match="interval"):
        parse_every(text)


def test_what_cannot_be_watched_is_refused(tmp_path: Path, store: Store) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(ARTICLES[0], encoding="utf-8")
    with pytest.raises(RequestError, match="expected a feed URL, a folder or a Telegram"):
        watch(store, str(notes))
    with pytest.raises(RequestError, match="no such file or folder"):
        watch(store, str(tmp_path / "missing"))
    (tmp_path / "list.json").write_text("[]", encoding="utf-8")
    with pytest.raises(RequestError, match="not a Telegram export"):
        watch(store, str(tmp_path / "list.json"))
    watch(store, str(tmp_path))
    with pytest.raises(RequestError, match="watched already, as source 1"):
        watch(store, str(tmp_path))


def test_removing_a_source_forgets_its_runs_and_keeps_its_documents(
    tmp_path: Path, store: Store
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    added = watch(store, str(tmp_path))
    run_all(store)
    remove_source(store, added.id)
    assert sources(store) == [] and history(store) == [] and store.count_documents() == 1
    with pytest.raises(NotFoundError, match="nothing is watched yet"):
        remove_source(store, added.id)


def test_a_source_removed_during_its_run_leaves_no_orphan_run(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    added = watch(store, str(tmp_path))
    remove_source(store, added.id)  # by another shell, while this run reads the folder
    with httpx.Client() as client:
        record = watch_runner.run_source(store, added, client)
    assert counts(record) == (1, 1, 0, 0) and history(store) == [] and sources(store) == []


# -- the loop ----------------------------------------------------------------------------------


def test_the_loop_runs_each_source_when_due_until_interrupted(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    watch(store, str(tmp_path), every="1h")
    shift = timedelta()
    naps: list[float] = []

    def clock() -> datetime:
        return datetime.now(UTC) + shift

    def sleep(seconds: float) -> None:
        nonlocal shift
        naps.append(seconds)
        if len(naps) == 3:
            raise KeyboardInterrupt
        shift += timedelta(seconds=seconds if len(naps) == 1 else 3600)

    with pytest.raises(KeyboardInterrupt):
        run_forever(store, clock=clock, sleep=sleep)
    # ran at once; a minute later not due (no run); an hour later due again
    assert len(history(store)) == 2
    assert naps[:2] == [watch_runner.MAX_NAP_S, watch_runner.MAX_NAP_S]


# -- the command -------------------------------------------------------------------------------


def test_the_commands_add_list_run_and_remove(
    tmp_path: Path, feed: tuple[Feed, str], no_retry_pause: None
) -> None:
    served, url = feed
    served.entries = [("http://example.org/news/1", ARTICLES[0])]
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES[1], encoding="utf-8")
    db = str(tmp_path / "cli.db")
    runner = CliRunner()

    def bilat(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, [*args, "--db", db])
        return result.exit_code, result.output

    assert bilat("watch", "add", url, "--every", "1h")[0] == 0
    assert bilat("watch", "add", str(folder))[0] == 0
    gone = dead_url()
    assert bilat("watch", "add", gone)[0] == 0
    code, output = bilat("watch", "run", "--once")
    assert code == 3, output  # one source failed; the others ran
    assert f"#1 feed {url}: 1 new, 0 already stored, 0 skipped" in output
    assert f"#2 folder {folder.resolve()}: 1 new, 0 already stored, 0 skipped" in output
    assert f"#3 feed {gone}: failed: could not connect" in output
    code, output = bilat("watch", "list")
    assert code == 0 and "1h" in output and "30m" in output and "never" not in output
    assert bilat("watch", "remove", "3") == (0, f"no longer watching feed {gone}\n")
    code, output = bilat("watch", "run", "--once")
    assert code == 0 and "0 new, 1 already stored" in output and "failed" not in output


def test_the_command_without_once_stops_cleanly_on_ctrl_c(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    db = str(tmp_path / "cli.db")
    with Store(db) as store:
        watch(store, str(tmp_path))

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(watch_runner, "time", SimpleNamespace(sleep=interrupted))
    result = CliRunner().invoke(app, ["watch", "run", "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 new, 0 already stored, 0 skipped" in result.output and "stopped" in result.output


# -- the schema -----------------------------------------------------------------------------------


def test_a_store_from_before_watching_gains_the_watch_tables(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    with Store(db) as store:
        watch(store, str(tmp_path))
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TABLE watch_runs")
        raw.execute("DROP TABLE watch_sources")
        raw.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'",
            (str(schema.SCHEMA_VERSION - 1),),
        )
    raw.close()
    with Store(db) as migrated:
        assert sources(migrated) == [] and history(migrated) == []
        watch(migrated, str(tmp_path))
        assert [s.kind for s in sources(migrated)] == ["folder"]
    with sqlite3.connect(db) as raw:
        version = raw.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    raw.close()
    assert version == (str(schema.SCHEMA_VERSION),)
