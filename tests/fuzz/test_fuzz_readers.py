"""Readers against what an analyst's folder may hold: random bytes, broken HTML, deep and
huge JSON, odd Telegram exports, hostile XML. Every input ends as Documents and Skipped
items with a reason; none reaches the catch-all that reports an unforeseen exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bilat.model import Document, Skipped
from bilat.sources import read
from bilat.sources.decode import MAX_FILE_BYTES

EXTENSIONS = [".txt", ".html", ".json", ".jsonl", ".xml", ".rss", ".md"]
CATCH_ALL = "could not be read ("  # bilat.sources._guarded: an exception no reader foresaw

russian = st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4FF), max_size=300)
any_text = st.text(max_size=500)
tags = st.sampled_from(
    ["<p>", "</p>", "<div>", "<html>", "<body>", "<script>", "<!--", "<![CDATA["]
)


def read_all(path: Path) -> list[Document | Skipped]:
    items = list(read(path))
    assert items, f"{path.name}: neither a document nor a reason"
    for item in items:
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Skipped):
            assert item.reason and not item.reason.startswith(CATCH_ALL), item.reason
        else:
            assert "\x00" not in item.text
    return items


def write(tmp_path: Path, suffix: str, data: bytes) -> Path:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    return path


@given(data=st.binary(max_size=4000), suffix=st.sampled_from(EXTENSIONS))
def test_random_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str) -> None:
    read_all(write(tmp_path_factory.mktemp("bytes"), suffix, data))


@given(
    parts=st.lists(st.one_of(tags, russian, any_text), max_size=40),
    encoding=st.sampled_from(["utf-8", "cp1251", "koi8_r", "utf-16"]),
)
def test_broken_html(
    tmp_path_factory: pytest.TempPathFactory, parts: list[str], encoding: str
) -> None:
    page = "".join(parts).encode(encoding, errors="replace")
    read_all(write(tmp_path_factory.mktemp("html"), ".html", page))


@given(text=russian, cut=st.integers(min_value=0, max_value=400))
def test_truncated_html(tmp_path_factory: pytest.TempPathFactory, text: str, cut: int) -> None:
    page = f"<html><head><title>Т</title></head><body><article><p>{text}</p></article></body>"
    read_all(write(tmp_path_factory.mktemp("cut"), ".html", page.encode()[:cut]))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(any_text, inner, max_size=5),
    max_leaves=30,
)


@given(value=json_values, suffix=st.sampled_from([".json", ".jsonl"]))
def test_any_json(tmp_path_factory: pytest.TempPathFactory, value: object, suffix: str) -> None:
    data = json.dumps(value, ensure_ascii=False).encode()
    read_all(write(tmp_path_factory.mktemp("json"), suffix, data))


message = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.integers(), any_text, st.none()),
        "type": st.sampled_from(["message", "service", "", "x"]),
        "date": st.one_of(any_text, st.just("2024-11-28T10:00:00"), st.integers()),
        "text": st.one_of(
            russian,
            st.lists(
                st.one_of(russian, st.fixed_dictionaries({"type": any_text, "text": any_text}))
            ),
            st.integers(),
            st.none(),
        ),
    },
)


@given(
    messages=st.lists(message, max_size=10),
    head=st.fixed_dictionaries(
        {}, optional={"name": any_text, "type": any_text, "id": st.one_of(st.integers(), any_text)}
    ),
)
def test_malformed_telegram_exports(
    tmp_path_factory: pytest.TempPathFactory, messages: list[dict], head: dict
) -> None:
    data = json.dumps({**head, "messages": messages}, ensure_ascii=False).encode()
    read_all(write(tmp_path_factory.mktemp("tg"), ".json", data))


@given(
    depth=st.integers(min_value=1, max_value=200_000), suffix=st.sampled_from([".json", ".jsonl"])
)
def test_deeply_nested_json(
    tmp_path_factory: pytest.TempPathFactory, depth: int, suffix: str
) -> None:
    data = b"[" * depth + b"]" * depth
    read_all(write(tmp_path_factory.mktemp("deep"), suffix, data))


@given(
    words=st.lists(russian, min_size=1, max_size=5),
    junk=st.sampled_from(["\x00", "\ud7ff", "\x1b[31m", "\u202e", "\ufeff", "\r"]),
)
@example(words=["Ѐ" * 40], junk="\x00")  # a NUL title reached the text (the long profile)
def test_nul_bytes_and_control_characters_in_jsonl(
    tmp_path_factory: pytest.TempPathFactory, words: list[str], junk: str
) -> None:
    rows = [json.dumps({"text": junk.join(words), "title": junk}) for _ in range(3)]
    read_all(write(tmp_path_factory.mktemp("nul"), ".jsonl", "\n".join(rows).encode()))


def test_mixed_encodings_in_one_file(tmp_path: Path) -> None:
    data = "Товарооборот ".encode() + "вырос на 5%".encode("cp1251") + "составил".encode("koi8_r")
    for suffix in (".txt", ".html", ".jsonl"):
        read_all(write(tmp_path, suffix, data))


# -- hostile XML ------------------------------------------------------------------------------

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "хахахахаха">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + ']><rss version="2.0"><channel><title>t</title><item><title>&j;</title>'
    "<description>&j;</description><link>http://x.example/1</link></item></channel></rss>"
)


def test_billion_laughs_is_not_expanded(tmp_path: Path) -> None:
    items = read_all(write(tmp_path, ".rss", LAUGHS.encode()))
    for item in items:
        if isinstance(item, Document):
            assert len(item.text) < 10_000  # 10^9 laughs would be gigabytes


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("СЕКРЕТНАЯ-СТРОКА", encoding="utf-8")
    for entity in (f'SYSTEM "file://{secret}"', f'SYSTEM "{secret}"'):
        feed = (
            f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe {entity}>]>'
            '<rss version="2.0"><channel><title>t</title><item><title>Новость &xxe;</title>'
            "<description>Товарооборот &xxe; вырос</description>"
            "<link>http://x.example/1</link></item></channel></rss>"
        )
        for suffix in (".rss", ".xml", ".html"):
            for item in read_all(write(tmp_path, suffix, feed.encode())):
                shown = (
                    item.text + (item.title or "") if isinstance(item, Document) else item.reason
                )
                assert "СЕКРЕТНАЯ" not in shown


# -- size limits ------------------------------------------------------------------------------


def filled(suffix: str, size: int) -> bytes:
    """A readable file of ``suffix`` of about ``size`` bytes, cut at a line's end."""
    line = "Товарооборот России и Казахстана составил 27 млрд долларов. "
    if suffix == ".jsonl":  # JSON Lines streams a dump of any size; the limit is per line
        article = (line * (size // len(line.encode()) + 1)).encode()[: size - 20]
        text = article.decode(errors="ignore").rsplit(" ", 1)[0]
        return json.dumps({"text": text}, ensure_ascii=False).encode() + b"\n"
    unit = f"<p>{line}</p>\n".encode() if suffix == ".html" else f"{line}\n".encode()
    body = unit * (size // len(unit) + 1)
    return body[:size].rsplit(b"\n", 1)[0] + b"\n"


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
def test_files_just_under_and_over_the_size_limit(tmp_path: Path, suffix: str) -> None:
    under = write(tmp_path, suffix, filled(suffix, MAX_FILE_BYTES - 1000))
    assert any(isinstance(i, Document) for i in read_all(under))
    over = write(tmp_path, "-over" + suffix, filled(suffix, MAX_FILE_BYTES + 1000))
    [item] = read_all(over)
    assert isinstance(item, Skipped) and ("too large" in item.reason or "too long" in item.reason)
