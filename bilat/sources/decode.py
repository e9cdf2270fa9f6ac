"""Bytes to text: BOM, a declared charset, UTF-8, the Cyrillic code pages, charset-normalizer.

Russian news still comes in cp1251 and koi8-r; charset-normalizer alone mistakes short
koi8-r texts for Shift-JIS, so the Cyrillic code pages are scored first by a rule that
cannot be fooled that way: real Russian text is mostly lowercase letters, and decoding it
with the wrong Cyrillic code page swaps the case or yields box-drawing symbols.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import charset_normalizer

from bilat.errors import SourceError

# Files are read whole; a news article is kilobytes and a large HTML page a few MB, so
# anything over 20 MB is a dump or a mistake that would stall the batch, not an article.
MAX_FILE_BYTES = 20 * 1024 * 1024

# Binary sniffing looks at the head only: a text file shows itself in its first 8 KB.
SNIFF_BYTES = 8192
# Text has tabs and line ends but almost no other control characters; more than 1 in 50
# is a binary format (images, archives, office files), never a real article.
MAX_CONTROL_SHARE = 0.02
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")

BOMS = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CYRILLIC_CODE_PAGES = ("cp1251", "koi8_r", "cp866", "iso8859_5")
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_EAST_SLAVIC = frozenset(_RUSSIAN + _RUSSIAN.upper() + "іїєґўІЇЄҐЎ")
_TYPOGRAPHY = frozenset("«»„“”‘’—–…№°§©®™€\u00a0\u00ad\u2009\u202f")
# A Cyrillic decoding is believed when nearly all non-ASCII characters (typography aside)
# are East Slavic letters and most of those are lowercase: the wrong code page fails one
# or the other (cp1251 read as koi8-r is ~90% uppercase; random bytes are ~50% non-letters).
MIN_CYRILLIC_SHARE = 0.9
MIN_LOWERCASE_SHARE = 0.6
# ...and when Cyrillic letters are a fair part of all letters: a Western text with a few
# accented letters (cp1252 "café") must not be read as Russian.
MIN_CYRILLIC_LETTERS = 0.3
# Text out of charset-normalizer is believed when nearly all of it is printable.
MIN_PRINTABLE_SHARE = 0.97


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, or SourceError when it is missing, empty or over ``limit``."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > limit:
            raise SourceError(
                name, f"file too large ({size:,} bytes, expected at most {limit // 2**20} MB)"
            )
        data = Path(path).read_bytes()
    except OSError as error:
        raise SourceError(name, f"cannot read file ({error.strerror or error})") from error
    if not data.strip():
        raise SourceError(name, "empty file (expected text)")
    return data


def decode(data: bytes, source: str, charset: str | None = None) -> str:
    """The text of ``data``; ``charset`` is what a header or ``<meta>`` declared, if anything.

    Raises SourceError for binary data and for bytes no encoding reads as text.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, source)
    refuse_binary(data, source)
    # UTF-8 first even over a declared charset: bytes that are valid UTF-8 are almost never
    # anything else, while pages that declare cp1251 and serve UTF-8 are common.
    for candidate in ("utf-8", _known(charset)):
        if candidate:
            try:
                return data.decode(candidate)
            except UnicodeDecodeError:
                continue
    return _cyrillic(data) or _normalizer(data, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    """Text after a BOM; bytes that merely begin like a BOM (FF FE …) and then read as
    unprintable noise are refused."""
    try:
        text = data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        raise SourceError(
            source,
            f"undecodable text (a {encoding} BOM, then invalid bytes at offset {error.start})",
        ) from error
    if not _printable(text):
        raise SourceError(source, f"undecodable text (a {encoding} BOM, then no readable text)")
    return text


def refuse_binary(data: bytes, source: str) -> None:
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        raise SourceError(source, "binary file (NUL bytes; expected text)")
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(head):
        raise SourceError(
            source,
            f"binary file ({controls} control bytes in the first {len(head)}; expected text)",
        )


def _known(charset: str | None) -> str | None:
    """A declared charset Python knows, else None (pages declare "win-1251", "utf8mb4"…)."""
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None


def _cyrillic(data: bytes) -> str | None:
    """The best Cyrillic code page's reading of ``data``, when one is convincing."""
    best, best_score = None, 0.0
    for encoding in CYRILLIC_CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _russian_score(text)
        if score > best_score:
            best, best_score = text, score
    return best


def _russian_score(text: str) -> float:
    """Share of good letters times their lowercase share; 0 when it does not read as Russian.

    Only the letters of Russian (and of Ukrainian and Belarusian, which share the code
    pages) count: the wrong code page turns frequent letters into Serbian or Macedonian
    ones (ђ, ѓ, ќ), box drawing or C1 controls, and the share of good letters collapses.
    """
    non_ascii = [char for char in text if ord(char) > 0x7F and char not in _TYPOGRAPHY]
    letters = [char for char in non_ascii if char in _EAST_SLAVIC]
    share = len(letters) / len(non_ascii) if non_ascii else 0.0
    if share < MIN_CYRILLIC_SHARE or len(letters) < MIN_CYRILLIC_LETTERS * sum(
        char.isalpha() for char in text
    ):
        return 0.0
    lowercase = sum(char.islower() for char in letters) / len(letters)
    return share * lowercase if lowercase >= MIN_LOWERCASE_SHARE else 0.0


def _normalizer(data: bytes, source: str) -> str:
    match = charset_normalizer.from_bytes(data).best()
    text = str(match) if match is not None else ""
    if not text or not _printable(text):
        raise SourceError(
            source,
            "undecodable text (not UTF-8, cp1251, koi8-r or any "
            "encoding charset-normalizer recognises)",
        )
    return text


def _printable(text: str) -> bool:
    if "\ufffd" in text:
        return False
    printable = sum(char.isprintable() or char in "\t\n\r\f\v" for char in text)
    return printable >= MIN_PRINTABLE_SHARE * len(text)
