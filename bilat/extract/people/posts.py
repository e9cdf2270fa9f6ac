"""Where a post ends. A role is the noun group of an office: "губернатор Оренбургской
области", "министр торговли и интеграции", "посол Казахстана в России", "представитель
Президента по Антарктике". A preposition phrase stays in it only when it depends on a word
of the post; one that belongs to the clause ("Глава Китая по приглашению …", "Губернатор
области на полях выставки …") ends the post before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from bilat.extract.context import DocContext
from bilat.model import Token

# A preposition before a place in a role: "посол РК в РФ" is Kazakhstan's, not Russia's.
DESTINATION_PREPOSITIONS = frozenset({"в", "во", "при"})
# Posts held in a place: for them "в/при" + a place is the post even where the parser hangs
# the place on the verb ("Слово предоставили послу Казахстана в России …").
POSTS_ABROAD = frozenset(
    {
        "посол",
        "консул",
        "генконсул",
        "посланник",
        "атташе",
        "представитель",
        "представительство",
        "полпред",
        "торгпред",
        "уполномоченный",
        "посольство",
        "консульство",
        "генконсульство",
        "торгпредство",
        "постпредство",
        "миссия",
    }
)
# "по" + these in the plural name what an office deals with, however the parser hangs them.
REMIT_NOUNS = frozenset({"поручение", "вопрос", "дело", "связь", "право"})
# Nouns of preposition phrases that tell how, when or why something happened, never an
# office ("по приглашению", "в ходе визита", "на полях форума"); they end a post even where
# the parser hangs them on the post's words.
CLAUSE_NOUNS = frozenset(
    {
        "приглашение",
        "итог",
        "слово",
        "данные",
        "мнение",
        "инициатива",
        "просьба",
        "решение",
        "предложение",
        "результат",
        "случай",
        "причина",
        "оценка",
        "информация",
        "сообщение",
        "прогноз",
        "подсчет",
        "ход",
        "рамка",
        "время",
        "визит",
        "встреча",
        "переговоры",
        "церемония",
        "заседание",
        "совещание",
        "приезд",
        "прибытие",
        "поездка",
        "открытие",
        "поле",
        "участие",
        "поддержка",
        "содействие",
        "помощь",
        "год",
        "день",
        "неделя",
        "месяц",
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    }
)


def post_end(ctx: DocContext, tokens: Sequence[Token], start: int, stop: int, head: int) -> int:
    """The last token of the post over tokens[start..stop] headed at ``head``: before the
    first preposition phrase that is not the post's."""
    for j in range(head + 1, stop + 1):
        if tokens[j].pos == "ADP" and not _of_the_post(ctx, tokens, start, j, stop):
            end = j - 1
            while end > head and (tokens[end].pos in {"CCONJ", "PUNCT"}):
                end -= 1
            return end
    return stop


def _of_the_post(ctx: DocContext, tokens: Sequence[Token], start: int, adp: int, stop: int) -> bool:
    """Whether the phrase the preposition at ``adp`` opens is part of the post. It is not
    when its noun tells how or when, or when the parser makes it an adverbial of the verb
    ("obl"); where the parser hangs it on another noun it is often wrong ("слова министра
    по внешним связям"), so such a phrase stays. The place of a post abroad stays always."""
    noun = _phrase_noun(tokens, adp)
    if noun is None or tokens[noun].lemma in CLAUSE_NOUNS:
        return False
    if _place_abroad(ctx, tokens, start, adp, stop) or _remit(tokens, adp, noun):
        return True
    return not tokens[noun].rel.startswith("obl")


def _place_abroad(
    ctx: DocContext, tokens: Sequence[Token], start: int, adp: int, stop: int
) -> bool:
    """ "посол Казахстана в Республике Корея", "консул … в городе Алматы": "в"/"при" and a
    place, after a post held abroad."""
    if (
        tokens[adp].lemma not in DESTINATION_PREPOSITIONS
        or adp >= stop
        or not any(t.lemma in POSTS_ABROAD for t in tokens[start:adp])
    ):
        return False
    end = next((j for j in range(adp + 1, stop + 1) if tokens[j].pos == "ADP"), stop + 1)
    return bool(ctx.mentions_between(tokens[adp + 1].start, tokens[end - 1].stop))


def _remit(tokens: Sequence[Token], adp: int, noun: int) -> bool:
    """ "по особым поручениям", "по вопросам торговли", "по делам молодёжи": what an office
    deals with, in the plural ("по поручению президента" is a clause)."""
    return (
        tokens[adp].lemma == "по"
        and tokens[noun].lemma in REMIT_NOUNS
        and tokens[noun].feats.get("Number") == "Plur"
    )


def _phrase_noun(tokens: Sequence[Token], adp: int) -> int | None:
    """The noun a preposition governs: its syntactic head, else the next noun."""
    head = tokens[adp].head
    if tokens[adp].rel == "case" and adp < head < len(tokens):
        return head
    return next(
        (
            j
            for j in range(adp + 1, min(len(tokens), adp + 4))
            if tokens[j].pos in {"NOUN", "PROPN"}
        ),
        None,
    )
