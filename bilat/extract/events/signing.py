"""Signings told by a verb: "стороны подписали 12 документов", "подписал протокол о
намерениях с хокимом Наманганской области", "подписанный сегодня меморандум", "состоялось
подписание Договора о сотрудничестве", "области заключили меморандум".

Only where the text tells it as done: "планируют подписать", "будет подписан" announce a
signing, and an agreement "подписанный в 2019 году" is told of, not signed, here (the
agreement extractor keeps it).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from bilat.model import Token

# What gets signed.
SIGNED_THINGS = frozenset(
    {
        "соглашение",
        "меморандум",
        "договор",
        "протокол",
        "документ",
        "контракт",
        "декларация",
        "карта",
        "договорённость",
        "договоренность",
        "программа",
        "план",
        "пакет",
    }
)
SIGN_VERBS = frozenset({"подписать", "подписывать", "заключить", "заключать"})
SIGN_NOUNS = frozenset({"подписание"})
# A noun of signing is an event when something happens to it ("состоялось подписание") or
# it is an outcome ("итогом визита стало подписание").
HAPPENED = frozenset({"состояться", "пройти", "завершиться", "подписание", "итог"})
# How far apart the verb and what it signs may stand, in tokens.
MAX_GAP = 8


@dataclass(frozen=True)
class Signing:
    word: int  # token index of the verb or noun of signing
    thing: int  # token index of what was signed


def find_signings(tokens: Sequence[Token]) -> list[Signing]:
    """Every signing a sentence tells as done, with what was signed."""
    if _cumulative(tokens):
        return []
    found = []
    for i in range(len(tokens)):
        if not _signs(tokens, i):
            continue
        thing = _thing(tokens, i)
        if thing is not None:
            found.append(Signing(i, thing))
    return found[:1]  # one sentence, one signing: "подписали соглашение и меморандум"


def _cumulative(tokens: Sequence[Token]) -> bool:
    """ "В целом область подписала 26 соглашений", "заключила договоры с 28 российскими
    регионами": a tally over the years, not a signing that took place."""
    lemmas = [t.lemma for t in tokens]
    if any(pair in TALLY_WORDS for pair in itertools.pairwise(lemmas)):
        return True
    return any(
        lemmas[i] in {"с", "со"} and tokens[i + 1].pos == "NUM" and tokens[i + 1].text.isdigit()
        for i in range(len(tokens) - 1)
    )


# Two-word phrases that make a signing a tally: "в целом", "на сегодняшний день".
TALLY_WORDS = frozenset(
    {("в", "целое"), ("за", "год"), ("на", "сегодняшний"), ("к", "настоящий"), ("за", "время")}
)


# "с момента подписания соглашения прошёл год": a signing that starts a span of time is
# told of, not told here.
SINCE_WORDS = frozenset({("с", "момент"), ("со", "день"), ("с", "день"), ("со", "время")})


def _signs(tokens: Sequence[Token], i: int) -> bool:
    token = tokens[i]
    if i >= 2 and (tokens[i - 2].lemma, tokens[i - 1].lemma) in SINCE_WORDS:
        return False
    if token.lemma in SIGN_NOUNS:
        return any(t.lemma in HAPPENED - SIGN_NOUNS for t in tokens)
    if token.lemma not in SIGN_VERBS and not _signed_participle(token):
        return False
    if token.feats.get("VerbForm") == "Inf" or token.feats.get("Tense") == "Fut":
        return False  # "планируют подписать", "подпишут"
    if token.feats.get("Aspect") == "Perf" and token.feats.get("Tense") == "Pres":
        return False  # "заключу мирный договор": a perfective present is a future
    return not any(t.text.lower() in {"будет", "будут"} for t in tokens[max(0, i - 2) : i])


def _signed_participle(token: Token) -> bool:
    """ "подписан", "подписаны", "подписанный": pymorphy gives the verb or the participle."""
    return token.lemma in {"подписанный", "заключённый", "заключенный"}


def _thing(tokens: Sequence[Token], i: int) -> int | None:
    """What the word of signing at ``i`` signs: its object in the parse, however far the
    partners told between them push it ("заключило с руководством … трёх областей
    соглашения"), else the nearest thing signed."""
    objects = [j for j, t in enumerate(tokens) if t.head == i and t.lemma in SIGNED_THINGS]
    if objects:
        return objects[0]
    lo, hi = max(0, i - MAX_GAP), min(len(tokens), i + MAX_GAP + 1)
    near = sorted(
        (j for j in range(lo, hi) if tokens[j].lemma in SIGNED_THINGS),
        key=lambda j: (abs(j - i), j < i),
    )
    return near[0] if near else None
