"""Latin letters that pass for Cyrillic ones inside Russian words.

Pages copied through editors and some sites' anti-copy tricks leave words like "Tекст",
"трëх" or "Gрезидент" (a Latin T, ë, G among Cyrillic letters). The morphology knows no such
word, so "трëх миллиардов" is read as one milliard. A word that holds Cyrillic letters has
its look-alike Latin letters put back; the text keeps its length, so offsets still hold.
"""

from __future__ import annotations

import re

# Latin letter → the Cyrillic letter it is taken for.
LOOK_ALIKES = str.maketrans({
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У", "a": "а", "c": "с", "e": "е", "o": "о",
    "p": "р", "x": "х", "y": "у", "ë": "ё", "Ë": "Ё",
})
_MIXED = re.compile(r"\w*[А-Яа-яЁё]\w*")
_LATIN = re.compile(r"[A-Za-zëË]")


def fold_look_alikes(text: str) -> str:
    """The text with the look-alike Latin letters of its Cyrillic words made Cyrillic."""
    if not _LATIN.search(text):
        return text
    return _MIXED.sub(_fold_word, text)


def _fold_word(match: re.Match[str]) -> str:
    word = match.group()
    return word.translate(LOOK_ALIKES) if _LATIN.search(word) else word
