"""Words and sentences as the extractors of people, events, quotes and agreements read them:
sentences cut at line breaks, names and roles put into the nominative, quotation marks.

natasha leaves rare names as they stand ("Ермеком Кошербаевым") and runs a headline, a
dateline and a paragraph together when they lack full stops; these helpers mend both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from bilat.extract.context import DocContext
from bilat.model import Sentence, Token
from bilat.nlp import models

QUOTE_CHARS = frozenset('«»"“”„')
DASHES = frozenset({"-", "–", "—"})
# Blocs and unions, as written: trade with one, or a meeting of one, is not between two sides.
BLOCS = frozenset(
    {
        "снг",
        "еаэс",
        "евразэс",
        "ес",
        "евросоюз",
        "отг",
        "шос",
        "брикс",
        "асеан",
        "оэс",
        "ееэс",
        "одкб",
        "содружества",
        "содружество",
        "нато",
        "оон",
        "обсе",
        "опек",
        "g20",
        "g7",
        "апек",
        "оис",
    }
)
# "и.о." comes out of the tokenizer as four tokens.
ACTING_TOKENS = ("и", ".", "о", ".")
# "исполняющий обязанности председателя": the head after this noun stays in the genitive.
ACTING_NOUN = "обязанность"
# UD case → pymorphy (OpenCorpora) case, to pick the parse natasha's tagger agrees with.
OC_CASES = {
    "Gen": "gent",
    "Dat": "datv",
    "Acc": "accs",
    "Ins": "ablt",
    "Loc": "loct",
    "Nom": "nomn",
}
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
# Case endings of names pymorphy does not know ("Кошербаевым", "Кара-оолом"), by gender:
# (ending, replacement), longest first.
NAME_ENDINGS = {
    "Masc": (
        ("ского", "ский"),
        ("скому", "ский"),
        ("ским", "ский"),
        ("цкого", "цкий"),
        ("цкому", "цкий"),
        ("цким", "цкий"),
        ("ым", ""),
        ("ом", ""),
        ("ем", ""),
        ("а", ""),
        ("у", ""),
        ("е", ""),
        ("я", "й"),
    ),
    "Fem": (("ой", "а"), ("ей", "я"), ("ую", "ая"), ("у", "а"), ("ы", "а"), ("е", "а")),
}
# A masculine name declines like "Ермек" → "Ермека" only when its stem ends in a consonant:
# "Пелоси", "Лукашенко", "Гёте" do not decline at all.
VOWELS = frozenset("аеёиоуыэюяaeiouy")
PATRONYMIC_ENDINGS = ("вич", "вна", "чна", "ична", "оглы", "улы", "кызы", "қызы")


def line_sentences(ctx: DocContext) -> tuple[Sentence, ...]:
    """The document's sentences cut again at line breaks, built once per document."""
    return ctx.lines


def closing_quote(tokens: Sequence[Token], i: int) -> int | None:
    """The index of the quotation mark that closes the one at ``i``, if there is one."""
    return next((j for j in range(i + 1, len(tokens)) if tokens[j].text in QUOTE_CHARS), None)


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def token_span(sentence: Sentence, start: int, stop: int) -> tuple[int, int]:
    """Indices of the first and last token of [start, stop) in a sentence."""
    inside = [i for i, t in enumerate(sentence.tokens) if t.start < stop and t.stop > start]
    return (inside[0], inside[-1]) if inside else (0, 0)


def io_prefix(tokens: Sequence[Token], i: int) -> int:
    """How many tokens right before ``i`` spell "и.о."; 0 if they do not."""
    n = len(ACTING_TOKENS)
    texts = tuple(t.text.lower() for t in tokens[max(0, i - n) : i])
    return n if texts == ACTING_TOKENS else 0


def nominative_name(
    tokens: Sequence[Token], case: str | None = None, gender: str | None = None
) -> str:
    """A name in the nominative. natasha's tagger often misses the case of rare names
    ("Ермеком Кошербаевым" tagged Nom), so the case is that of the role the name stands in
    apposition to, else the one most of the name's words carry; the gender is that of a
    first name pymorphy knows, else the role's."""
    words = [t for t in tokens if t.pos != "PUNCT"]
    case = case or _name_case(words)
    gender = _name_gender(words, gender)
    return " ".join(_nominative_word(t, case, gender, names=True) for t in words)


def _name_case(words: Sequence[Token]) -> str | None:
    """The case all words of a name can share as names (pymorphy), else the tagger's
    majority: "Ляйлы Тажибаевой" are both genitive only."""
    votes = Counter(t.feats.get("Case") for t in words)
    shared: set[str] | None = None
    for token in words:
        cases = {
            case
            for case, oc in OC_CASES.items()
            for grammemes in _name_parses(token.text)
            if oc in grammemes
        }
        if cases:
            shared = cases if shared is None else shared & cases
    if shared:
        # a tie goes to the nominative, then to the table's order, never to a set's order
        # (which the hash seed decides: "Хорхе Ларрионда" came out "… Ларрионд" in some runs)
        order = list(OC_CASES)
        return max(shared, key=lambda c: (votes.get(c, 0), c == "Nom", -order.index(c)))
    return votes.most_common(1)[0][0] if votes else None


# Distinct words kept: names recur across a corpus.
NAME_CACHE = 100_000


@lru_cache(maxsize=NAME_CACHE)
def _name_parses(word: str) -> tuple[frozenset[str], ...]:
    """Grammemes of the parses of a word as a singular name ("Радий", not "радия" plural)."""
    if not models().morph_vocab.word_is_known(word.lower()):
        return ()
    found = []
    for parse in models().morph_vocab.parse(word.lower()):
        grammemes = frozenset(parse.tag._grammemes_tuple)
        if "sing" in grammemes and grammemes & NAME_GRAMMEMES:
            found.append(grammemes)
    return tuple(found)


def _name_gender(words: Sequence[Token], hint: str | None) -> str:
    for token in words:
        for parse in models().morph_vocab.parse(token.text.lower())[:2]:
            grammemes = parse.tag._grammemes_tuple
            if "Name" in grammemes:
                return "Fem" if "femn" in grammemes else "Masc"
    if hint in ("Masc", "Fem"):
        return hint
    return words[0].feats.get("Gender", "Masc") if words else "Masc"


def nominative_phrase(text: str, tokens: Sequence[Token], start: int, stop: int, head: int) -> str:
    """The text of tokens [start, stop] with the head and the adjectives agreeing with it
    put in the nominative: "Губернатором Красноярского края" → "Губернатор Красноярского края"."""
    case = tokens[head].feats.get("Case")
    if io_prefix(tokens, head) or any(t.lemma == ACTING_NOUN for t in tokens[start:head]):
        case = None  # "и.о. профессора": the head is governed by "и.о.", not declined
    parts = []
    for i in range(start, stop + 1):
        token = tokens[i]
        word = token.text
        if (
            case
            and case != "Nom"
            and (i == head or (i < head and token.pos == "ADJ" and token.feats.get("Case") == case))
        ):
            word = _nominative_word(
                token, case, tokens[head].feats.get("Gender", "Masc"), names=False
            )
        gap = text[tokens[i - 1].stop : token.start] if i > start else ""
        parts.append(gap + word)
    return "".join(parts)


def _nominative_word(token: Token, case: str | None, gender: str, names: bool) -> str:
    if case in (None, "Nom"):
        return token.text
    word = token.text.lower()
    wanted = OC_CASES.get(case)
    vocab = models().morph_vocab
    if names and not vocab.word_is_known(word):
        # pymorphy guesses a paradigm for a name it does not know ("Пелоси" → "Пелося");
        # the endings of Russian surnames are the safer guess.
        return _recase(_strip_ending(word, gender), token.text)
    for parse in vocab.parse(word):
        grammemes = set(parse.tag._grammemes_tuple)
        if (
            wanted in grammemes
            and "plur" not in grammemes
            and (not names or grammemes & NAME_GRAMMEMES)
        ):
            agree = {gender} if parse.pos == "ADJ" else set()
            form = parse.inflect({"Nom", "Sing", *agree}) or parse.inflect({"Nom"})
            if form:
                return _recase(form.word, token.text)
    if names:
        return _recase(_strip_ending(word, gender), token.text)
    return token.text


def _strip_ending(word: str, gender: str) -> str:
    for ending, replacement in NAME_ENDINGS.get(gender, NAME_ENDINGS["Masc"]):
        stem = word[: -len(ending)]
        if (
            word.endswith(ending)
            and len(stem) > 2
            and (replacement or gender == "Fem" or stem[-1] not in VOWELS)
        ):
            return stem + replacement
    return word


def _recase(word: str, like: str) -> str:
    """Give ``word`` the capitals of ``like``: each hyphen-separated part in turn."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts, model = word.split("-"), like.split("-")
    return "-".join(
        p.capitalize() if i < len(model) and model[i][:1].isupper() else p
        for i, p in enumerate(parts)
    )


def is_patronymic(word: str) -> bool:
    return fold(word).endswith(PATRONYMIC_ENDINGS)


def is_first_name(word: str) -> bool:
    parses = models().morph_vocab.parse(word.lower())
    return any(
        "Name" in p.tag._grammemes_tuple and "nomn" in p.tag._grammemes_tuple for p in parses[:2]
    )
