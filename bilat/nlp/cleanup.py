"""What the tokenizer must not see glued to Russian words: Latin look-alike letters and
pictographs.

Pages copied through editors and some sites' anti-copy tricks leave words like "Tекст",
"трëх" or "Gрезидент" (a Latin T, ë, G among Cyrillic letters), or "тοвар" (a Greek
omicron). The morphology knows no such word, so "трëх миллиардов" is read as one milliard.
A word that holds Cyrillic letters has its look-alike Latin and Greek letters put back.
Channel posts glue emoji and arrows to words ("📈Экспорт", "➞Товарооборот"), which the
tokenizer then keeps as one unknown word: such symbols become spaces. The text keeps its
length, so offsets still hold.
"""

from __future__ import annotations

import re
import unicodedata

# Latin letter → the Cyrillic letter it is taken for.
LOOK_ALIKES = str.maketrans(
    {
        "A": "А",
        "B": "В",
        "C": "С",
        "E": "Е",
        "H": "Н",
        "K": "К",
        "M": "М",
        "O": "О",
        "P": "Р",
        "T": "Т",
        "X": "Х",
        "Y": "У",
        "a": "а",
        "c": "с",
        "e": "е",
        "o": "о",
        "p": "р",
        "x": "х",
        "y": "у",
        "ë": "ё",
        "Ë": "Ё",
        # Greek ones, another site's trick: "тοварооборот" with a Greek omicron
        "ο": "о",
        "Ο": "О",
        "α": "а",
        "Α": "А",
        "ε": "е",
        "Ε": "Е",
        "ρ": "р",
        "Ρ": "Р",
        "Τ": "Т",
        "Κ": "К",
        "κ": "к",
        "Μ": "М",
        "Η": "Н",
        "Χ": "Х",
        "Β": "В",
    }
)
_MIXED = re.compile(r"\w*[А-Яа-яЁё]\w*")
_LATIN = re.compile("[A-Za-zëË" + "οΟαΑεΕρΡΤΚκΜΗΧΒ" + "]")


def readable(text: str) -> str:
    """The text with the look-alike Latin letters of its Cyrillic words made Cyrillic and
    its pictographs (emoji, arrows, dingbats) made spaces."""
    if not text.isascii():
        text = (
            "".join(" " if _pictograph(ch) else ch for ch in text)
            if _MAYBE_PICTOGRAPH.search(text)
            else text
        )
    if not _LATIN.search(text):
        return text
    return _MIXED.sub(_fold_word, text)


# Code points where pictographs live: arrows, dingbats, shapes, emoji, variation selectors.
_MAYBE_PICTOGRAPH = re.compile(
    "[\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]"
)


def _pictograph(ch: str) -> bool:
    return bool(_MAYBE_PICTOGRAPH.match(ch)) and unicodedata.category(ch) in {"So", "Sm", "Mn"}


def _fold_word(match: re.Match[str]) -> str:
    word = match.group()
    return word.translate(LOOK_ALIKES) if _LATIN.search(word) else word
