"""The sign and the size of a rate: growth or fall by the words around it ("вырос на",
"снижение – 5%", "на 10% выше"), a written sign ("−3,2%", "минус 2%"), an index against
the base ("103,3% к уровню 2023 года")."""

from __future__ import annotations

import itertools

from bilat.extract.economy.attributes import clause_start, told_by_amount
from bilat.extract.economy.cues import FALL_AFTER, FALL_WORDS, RISE_AFTER, RISE_WORDS
from bilat.extract.figures import Figure, Scan
from bilat.extract.parse.numbers import TIMES_LEMMAS
from bilat.extract.parse.textforms import DASHES

# How far around a percentage a word of growth or fall may stand: "рост – 65 процентов"
# (before), "на 10% выше" (after). Wider windows caught the growth of another figure.
RISE_WINDOW_BEFORE = 6
RISE_WINDOW_AFTER = 2
CHANGE_NOUNS = {"рост", "прирост", "увеличение", "снижение", "сокращение", "падение", "спад"}
# Comparatives that may stand before the base they compare with, the rate after it.
COMPARED_WORDS = {"выше", "ниже", "высоко", "низко"}


def rate_index(scan: Scan, figure: Figure) -> bool:
    """ "Темп роста за три года – 159%", "темп роста – 95,3%": growth written as an index of
    the base, 100 being no change ("темп прироста – 12%" is the change itself). An index
    under half the base is no index: "темп роста 12%" is a loose way to say +12 %."""
    lemmas = scan.lemmas(clause_start(scan, figure), figure.first)
    named = any(a == "темп" and b == "рост" for a, b in itertools.pairwise(lemmas))
    bracketed = _bracketed_after_money(scan, figure) and figure.value > 100
    return figure.kind == "percent" and (
        bracketed
        or (named and figure.value >= MIN_INDEX)
        or _index_to_base(scan, figure)
        or _level_over_whole(scan, figure)
    )


def _level_over_whole(scan: Scan, figure: Figure) -> bool:
    """ "а экспорт в Узбекистан составил 152,3%": a flow told as a level over 100% is no
    share of anything; it is the flow against its base. "Прирост … составил 112%" is the
    change itself."""
    before = scan.lemmas(max(0, figure.first - 2), figure.first)
    clause = scan.lemmas(clause_start(scan, figure), figure.first)
    return (
        figure.kind == "percent"
        and MIN_OVER_WHOLE < figure.value < MAX_INDEX
        and any(lemma in LEVEL_VERBS for lemma in before)
        and not any(lemma in CHANGE_NOUNS or lemma == "темп" for lemma in clause)
    )


LEVEL_VERBS = {"составить", "составлять", "достигнуть", "достичь"}
MIN_OVER_WHOLE, MAX_INDEX = 100.0, 1000.0


def _index_to_base(scan: Scan, figure: Figure) -> bool:
    """ "(127% к тому же периоду 2015 года)", "или 132% к уровню 2022 года": the
    figure as a percentage of its base, 100 being no change."""
    after = scan.lemmas(figure.last + 1, figure.last + 3)
    return (
        figure.kind == "percent"
        and figure.value >= MIN_INDEX
        and not told_by_amount(scan, figure)  # "прибавил на 38,2% к аналогичному периоду"
        and after[:1] == ["к"]
        and (
            (after[1:] and after[1] in INDEX_BASES)
            or any(
                p.role == "base" and 0 <= p.start - scan.tokens[figure.last].stop <= 2
                for p in scan.periods
            )
        )
    )


# What an index is taken against: "к уровню", "к аналогичному периоду", "к прошлому году".
INDEX_BASES = {"уровень", "аналогичный", "соответствующий", "прошлый", "предыдущий"}


MIN_INDEX = 50.0


def rate_sign(scan: Scan, figure: Figure) -> int | None:
    """+1 for growth, −1 for a fall: a written sign first, then the word of change nearest
    to the figure ("падение … прекратилось, когда он прибавил 0,4%" is growth), then a
    noun of change that is the clause's subject ("Рост товарооборота … составил 65%")."""
    sign = _written_sign(scan, figure)
    if sign is not None:
        return sign
    if scan.tokens[figure.first].lemma in TIMES_LEMMAS:
        return 1  # "удвоился": the word of growth is the figure itself
    if _index_to_base(scan, figure) or _level_over_whole(scan, figure):
        return 1  # the index carries its own sign: 95% of the base is −5 %
    lo = _before_brackets(scan, figure) - RISE_WINDOW_BEFORE
    near = [
        (figure.first - i, _word_sign(scan.tokens[i].lemma))
        for i in range(max(0, lo), figure.first)
    ]
    near += [
        (i - figure.last, _word_sign(scan.tokens[i].lemma, after=True))
        for i in range(figure.last + 1, min(len(scan.tokens), figure.last + 1 + RISE_WINDOW_AFTER))
    ]
    signs = sorted((distance, sign) for distance, sign in near if sign)
    if signs:
        return signs[0][1]
    clause = scan.tokens[clause_start(scan, figure) : max(0, lo)]
    # "Рост товарооборота … составил 65%", "нарастил торговый оборот с Индией почти на 10%":
    # a noun or a verb of change further back in the clause
    by = figure.first > 0 and scan.tokens[figure.first - 1].lemma == "на"
    words = [
        _word_sign(t.lemma)
        for t in clause
        if t.lemma in CHANGE_NOUNS
        or (t.pos == "VERB" and _word_sign(t.lemma))
        # "что выше уровня 2017 года на 14,5%": the base between
        or (by and t.lemma in COMPARED_WORDS)
    ]
    if words:
        return words[-1]
    if _bracketed_after_money(scan, figure) and (figure.kind == "times" or figure.value > 100):
        return 1  # "245,4 млн долларов (103,3%)", "37,2 млн (в 3,1 раза)"
    return _sign_of_rate_before(scan, figure)


def _before_brackets(scan: Scan, figure: Figure) -> int:
    """Where the words of change may end: "сократился на $214 млн (или 17,5%)", "сократился до
    16,9 млрд (на 7,3%)" tell the rate in brackets after the amount, its verb before them."""
    tokens = scan.tokens
    for k in (1, 2):
        j = figure.first - k
        if (
            j >= 0
            and tokens[j].text == "("
            # "(или 17,5%)", "(на 7,3%)"
            and all(t.lemma in {"или", "на"} for t in tokens[j + 1 : figure.first])
        ):
            money = next((f for f in scan.figures if f.kind == "money" and f.last == j - 1), None)
            return money.first if money is not None else figure.first
    return figure.first


def _bracketed_after_money(scan: Scan, figure: Figure) -> bool:
    """A rate alone in brackets right after a money figure: "достиг 245,4 млн долларов
    (103,3%)", the way statistics offices give a figure against the year before."""
    tokens = scan.tokens
    opens = figure.first >= 2 and tokens[figure.first - 1].text == "("
    closes = figure.last + 1 < len(tokens) and tokens[figure.last + 1].text == ")"
    return (
        opens
        and closes
        and any(f.kind == "money" and f.last == figure.first - 2 for f in scan.figures)
    )


def _sign_of_rate_before(scan: Scan, figure: Figure) -> int | None:
    """ "экспорт прибавил 23,5%, импорт – 9,1%": a rate whose verb is left out
    takes the sign of the rate before it in the sentence."""
    rates = [f for f in scan.figures if f.kind in {"percent", "times"} and f.last < figure.first]
    before = scan.tokens[figure.first - 1].lemma if figure.first else ""
    elided = before == "на" or (figure.kind == "times" and before in ELIDED_VERB_MARKS)
    if not rates or not elided:
        return None  # "с Арменией – в 2,6 раза" after "с Грузией увеличился в 1,8 раза"
    return rate_sign(scan, rates[-1])


# What stands for a left-out verb before a rate: "с Арменией – в 2,6 раза".
ELIDED_VERB_MARKS = DASHES | {
    ",",
    "(",
}  # "…, с Арменией – в 2,6 раза", "Монголия (в 1,3 раза)"


def _word_sign(lemma: str, after: bool = False) -> int:
    if lemma in FALL_WORDS or (after and lemma in FALL_AFTER):
        return -1
    if lemma in RISE_WORDS or (after and lemma in RISE_AFTER):
        return 1
    return 0


SIGN_WORDS = {"минус": -1, "плюс": 1}


def _written_sign(scan: Scan, figure: Figure) -> int | None:
    """ "(+15%)", "–3,2%", "минус 2%": a sign written before the number."""
    word = scan.tokens[figure.first - 1].lemma if figure.first else ""
    if word in SIGN_WORDS:
        return SIGN_WORDS[word]
    text, base = scan.sentence.text, scan.sentence.start
    before = text[max(0, figure.start - base - 2) : figure.start - base]
    if before.endswith("+"):
        return 1
    # "–3,2%", "(-5%)"; not the dash of a list ("Кыргызстан - 17%")
    if (
        before.endswith(("−", "-"))
        and before[:-1].strip() in {"", "("}
        and not before[:-1].endswith(" ")
    ):
        return -1
    return None
