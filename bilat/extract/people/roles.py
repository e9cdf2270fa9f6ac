"""Roles of people: the title a news text puts beside a name.

"директор КИСИ Еркин Тукумов" (before the name), "Таисия Мармонтова – кандидат исторических
наук, и.о. профессора …" (after it, behind a dash or commas), "Иванов назначен послом" (after
a verb of holding a post). A role is the noun group headed by a word of ROLE_WORDS, put into
the nominative, with the organisation and the party it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilat.extract.context import DocContext
from bilat.extract.parse.textforms import (
    ACTING_TOKENS,
    DASHES,
    QUOTE_CHARS,
    io_prefix,
    nominative_phrase,
    token_span,
)
from bilat.extract.people.orgs import OrgIndex
from bilat.extract.people.posts import DESTINATION_PREPOSITIONS, post_end
from bilat.extract.people.rolewords import (
    ACTING_WORDS,
    APPOSITION_PUNCT,
    COPULAS,
    DEGREE_HEADS,
    ENVOY_WORDS,
    MAX_LISTED_ROLES,
    MAX_OPENING_MODIFIERS,
    MAX_PREDICATE_GAP,
    MAX_ROLE_TOKENS,
    NAMING_VERBS,
    OFFICE_NOUNS,
    OFFICE_VERBS,
    OPENING_VERB_POS,
    PARTICIPLE_ROLES,
    POST_VERBS,
    ROLE_BODY_POS,
    ROLE_PREFIXES,
    ROLE_WORDS,
)
from bilat.model import Sentence, Token


@dataclass(frozen=True)
class Role:
    text: str  # nominative: "Губернатор Красноярского края"
    head: str  # lemma of its head noun
    start: int  # character offsets in the document
    stop: int
    organization: str | None
    country: str | None
    region: str | None
    case: str | None = None  # the case of its head in the text: a name beside it agrees
    gender: str | None = None  # the gender of its head ("заместитель"), when it has one


def roles_before(
    ctx: DocContext, orgs: OrgIndex, sentence: Sentence, name_first: int
) -> list[Role]:
    """ "директор КИСИ Еркин Тукумов": the role group that ends right before the name, then
    the titles listed before it ("депутат собрания района, сопредседатель движения …")."""
    tokens = sentence.tokens
    roles: list[Role] = []
    end = _behind_comma(tokens, name_first)
    names = _name_tokens(ctx, sentence)
    while len(roles) < MAX_LISTED_ROLES:
        lo = max([_stretch_start(tokens, end), *[i + 1 for i in names if i < end]])
        heads = [i for i in range(lo, end) if _is_role_head(tokens, i)]
        if not heads:
            break
        head = _outer_head(tokens, heads)
        start = _with_modifiers(tokens, head)
        role = make_role(ctx, orgs, sentence, start, end - 1, head)
        if role is None or not _reaches(tokens, role, end, name_first, head):
            break
        roles.append(role)
        if start >= 2 and tokens[start - 1].text == ",":
            end = start - 1
        elif start >= 1 and tokens[start - 1].pos in {"NOUN", "PROPN"}:
            end = start  # "председатель Совета муфтиев России шейх Равиль Гайнутдин"
        else:
            break
    return roles


def _reaches(tokens: Sequence[Token], role: Role, end: int, name_first: int, head: int) -> bool:
    """Whether a role before a name is the name's: it runs up to the name, or, cut short
    by a phrase of the clause ("Председатель КНР по приглашению казахстанской стороны Си
    Цзиньпин"), the parser hangs the name on its head. "Глава Китая по приглашению
    Касым-Жомарта Токаева": the role is not Tokayev's."""
    if role.stop >= tokens[end - 1].stop:
        return True
    return tokens[name_first].head == head and tokens[name_first].rel.startswith("appos")


def role_opening(ctx: DocContext, orgs: OrgIndex, sentence: Sentence) -> Role | None:
    """ "Премьер-министр Израиля заявил, что …": a sentence that opens with a role of some
    country or body and names nobody; the person is the one named in the next or the
    previous sentence. A bare "Президент заявил" is left alone: it says too little."""
    tokens = sentence.tokens
    lead = next((i for i, t in enumerate(tokens) if t.pos != "ADJ"), len(tokens))
    if (
        lead >= len(tokens)
        or lead > MAX_OPENING_MODIFIERS
        or not _is_role_head(tokens, lead)
        or tokens[lead].feats.get("Case") != "Nom"
        or not tokens[0].text[:1].isupper()
    ):
        return None
    stop = _role_end(ctx.analysis.text, tokens, lead)
    if stop == lead or stop + 1 >= len(tokens) or tokens[stop + 1].pos not in OPENING_VERB_POS:
        return None
    return make_role(ctx, orgs, sentence, 0, stop, lead)


def _behind_comma(tokens: Sequence[Token], name_first: int) -> int:
    """Where the role before a name ends: right before it, or before a comma when the
    group there is a role in the name's case ("первый вратарь сборной, Оливер Кан"); a
    role in another case is someone else's ("создателя Facebook, Аарон Гринспен")."""
    comma = name_first - 1
    if comma < 1 or tokens[comma].text != ",":
        return name_first
    case = tokens[name_first].feats.get("Case")
    lo = _stretch_start(tokens, comma)
    heads = [i for i in range(lo, comma) if _is_role_head(tokens, i)]
    if not heads or case is None:
        return name_first
    head = _outer_head(tokens, heads)
    agrees = tokens[head].feats.get("Case") == case
    # "Ннека Угбома - руководитель проекта, Гергей Ковач - …": the role of the name before.
    apposed = lo > 0 and tokens[lo - 1].text in DASHES
    return comma if agrees and not apposed and _with_modifiers(tokens, head) == lo else name_first


def _name_tokens(ctx: DocContext, sentence: Sentence) -> set[int]:
    """Indices of tokens inside people's names: a role never runs across another name."""
    found: set[int] = set()
    for entity in ctx.analysis.entities:
        if entity.type == "PER" and sentence.start <= entity.start < sentence.stop:
            first, last = token_span(sentence, entity.start, entity.stop)
            found.update(range(first, last + 1))
    return found


def role_predicate(
    ctx: DocContext, orgs: OrgIndex, sentence: Sentence, name_first: int, name_last: int
) -> Role | None:
    """ "Иванов назначен послом Казахстана", "Кан будет запасным вратарём", "назвал Лемана
    первым вратарём", "капитаном стал Михаель Баллак": a role in the instrumental beside a
    verb of holding a post."""
    tokens = sentence.tokens
    head = _post_after(tokens, name_last)
    head = _post_around(tokens, name_first, name_last) if head is None else head
    if head is None:
        return None
    return make_role(
        ctx,
        orgs,
        sentence,
        _with_modifiers(tokens, head),
        _role_end(ctx.analysis.text, tokens, head),
        head,
    )


def _post_after(tokens: Sequence[Token], name_last: int) -> int | None:
    """The head of the role after "Иванов назначен …", "Петрова стала …", "Кан будет …"."""
    for i in range(name_last + 1, min(len(tokens), name_last + 1 + MAX_PREDICATE_GAP)):
        if tokens[i].lemma in POST_VERBS or tokens[i].lemma in COPULAS:
            return _instrumental_head(tokens, i + 1, tokens[i].lemma in COPULAS)
        if tokens[i].lemma in OFFICE_VERBS:
            return _office_head(tokens, i + 1)
        if tokens[i].text in {".", ";", ":"}:
            break
    return None


def _post_around(tokens: Sequence[Token], name_first: int, name_last: int) -> int | None:
    """ "назвал Йенса Лемана первым вратарём" (the verb before the name, the role after),
    "капитаном стал Михаель Баллак" (both before it)."""
    verb = name_first - 1
    if verb < 0:
        return None
    if tokens[verb].lemma in NAMING_VERBS:
        return _instrumental_head(tokens, name_last + 1, adjectives_only=True)
    role = verb - 1
    if (
        tokens[verb].lemma in POST_VERBS
        and role >= 0
        and _is_role_head(tokens, role)
        and tokens[role].feats.get("Case") == "Ins"
    ):
        return role
    return None


def _office_head(tokens: Sequence[Token], i: int) -> int | None:
    """ "занять пост премьер-министра", "занимающий должность директора": the role after
    the word for a post."""
    if i + 1 < len(tokens) and tokens[i].lemma in OFFICE_NOUNS and _is_role_head(tokens, i + 1):
        return i + 1
    return None


def _instrumental_head(tokens: Sequence[Token], start: int, adjectives_only: bool) -> int | None:
    """A role head in the instrumental among the few tokens from ``start``; after "быть"
    only adjectives may come first ("был задержан сотрудником полиции" is no post)."""
    for j in range(start, min(len(tokens), start + 3)):
        if _is_role_head(tokens, j) and tokens[j].feats.get("Case") == "Ins":
            return j
        if adjectives_only and tokens[j].pos != "ADJ":
            return None
    return None


def roles_after(ctx: DocContext, orgs: OrgIndex, sentence: Sentence, name_last: int) -> list[Role]:
    """ "Анна Сергеева – доктор экономических наук, и.о. декана …", "Петра Ильина,
    известного историка, члена учёного совета": the appositions after a name, behind a
    dash or commas, that are headed by a role word."""
    tokens = sentence.tokens
    names = _name_tokens(ctx, sentence)
    signed = _signature_role(ctx, orgs, sentence, name_last)
    close = _bracket_end(tokens, name_last + 1)
    if signed is None and close is not None:
        signed = _bracketed_role(ctx, orgs, sentence, name_last + 2, close)
    roles: list[Role] = [signed] if signed else []
    i = name_last + 1 if close is None else close + 1
    for _ in range(MAX_LISTED_ROLES):
        if i + 1 >= len(tokens) or tokens[i].text not in APPOSITION_PUNCT or i + 1 in names:
            break
        start = i + 1
        lead = start + io_prefix(tokens[start:], len(ACTING_TOKENS))
        lead += _acting_words(tokens, lead)
        head = next(
            (j for j in range(lead, min(len(tokens), lead + 3)) if _is_role_head(tokens, j)), None
        )
        if head is not None and all(
            t.pos in {"ADJ", "X"} or t.rel == "amod" for t in tokens[lead:head]
        ):
            stop = _role_end(ctx.analysis.text, tokens, head)
            role = make_role(ctx, orgs, sentence, start, stop, head)
            if role is not None and tokens[head].lemma not in DEGREE_HEADS:
                roles.append(role)
        else:
            stop = _role_end(ctx.analysis.text, tokens, start)  # an apposition of no role
        if (
            stop + 1 >= len(tokens)
            or tokens[stop + 1].text != ","
            or any(t.pos in {"VERB", "AUX"} and t.rel != "amod" for t in tokens[start:stop])
        ):
            break
        i = stop + 1
    return roles


def _bracket_end(tokens: Sequence[Token], i: int) -> int | None:
    """The index of the ")" that closes a "(" at ``i``, if it closes soon."""
    if i >= len(tokens) or tokens[i].text != "(":
        return None
    return next(
        (j for j in range(i + 1, min(len(tokens), i + MAX_ROLE_TOKENS)) if tokens[j].text == ")"),
        None,
    )


def _bracketed_role(
    ctx: DocContext, orgs: OrgIndex, sentence: Sentence, start: int, close: int
) -> Role | None:
    """ "Йоахим Лёв (второй тренер)": a role in brackets right after the name. Brackets
    of anything else ("Скотт Хоровитц (Scott Horowitz), бывший астронавт") are stepped
    over."""
    tokens = sentence.tokens
    head = next((j for j in range(start, min(close, start + 3)) if _is_role_head(tokens, j)), None)
    if head is None or not all(t.pos == "ADJ" for t in tokens[start:head]):
        return None
    return make_role(ctx, orgs, sentence, start, close - 1, head)


def _signature_role(
    ctx: DocContext, orgs: OrgIndex, sentence: Sentence, name_last: int
) -> Role | None:
    """ "Кирсан Илюмжинов Президент ФИДЕ": a signature, a capitalised role right after the
    name that runs to the end of the line."""
    tokens = sentence.tokens
    head = name_last + 1
    if (
        head >= len(tokens)
        or not tokens[head].text[:1].isupper()
        or not _is_role_head(tokens, head)
        or tokens[head].feats.get("Case") != "Nom"
    ):
        return None
    stop = _role_end(ctx.analysis.text, tokens, head)
    if any(t.pos != "PUNCT" for t in tokens[stop + 1 :]):
        return None
    return make_role(ctx, orgs, sentence, head, stop, head)


def _acting_words(tokens: Sequence[Token], i: int) -> int:
    """How many tokens from ``i`` spell "исполняющий обязанности"; 0 if they do not."""
    n = len(ACTING_WORDS)
    return n if tuple(t.lemma for t in tokens[i : i + n]) == ACTING_WORDS else 0


def is_role_word(lemma: str) -> bool:
    """A role word, or one with a prefix: "экс-президент", "вице-спикер", "генерал-губернатор"."""
    return lemma in ROLE_WORDS or ("-" in lemma and lemma.rsplit("-", 1)[-1] in ROLE_WORDS)


def _is_role_head(tokens: Sequence[Token], i: int) -> bool:
    token = tokens[i]
    if token.lemma in PARTICIPLE_ROLES:
        return token.feats.get("Case") is not None  # a participle, not "управлял"
    if not is_role_word(token.lemma) or token.pos not in {"NOUN", "PROPN"}:
        return False
    if token.feats.get("Number") == "Plur":
        return False  # "сотрудники министерства Иван Петров и …": a group, not a title
    # "член" and "представитель" are roles only with what they belong to after them.
    if token.lemma in {"член", "представитель", "научный"}:
        return i + 1 < len(tokens) and tokens[i + 1].pos in {"NOUN", "PROPN", "ADJ"}
    return True


def _stretch_start(tokens: Sequence[Token], name_first: int) -> int:
    """How far left of a name its role may reach: up to a verb, a clause break or the
    limit. A comma right after a role head ("дипломат, политолог") does not break."""
    i = name_first - 1
    floor = max(0, name_first - MAX_ROLE_TOKENS)
    while i >= floor:
        token = tokens[i]
        if token.text == ")" and tokens[i + 1].pos == "CCONJ":
            break  # "Лёв (второй тренер) и Андреас Кёпке": the bracket is the name before's
        if token.text in QUOTE_CHARS or token.text in "()":
            i -= 1
            continue
        if token.pos not in ROLE_BODY_POS and token.text not in ROLE_PREFIXES:
            break
        i -= 1
    return i + 1


def _outer_head(tokens: Sequence[Token], heads: list[int]) -> int:
    """The nearest head to the name, widened leftwards over a chain of genitives:
    "Заместителем Председателя Правительства" is headed by "Заместитель"."""
    head = heads[-1]
    for earlier in reversed(heads[:-1]):
        between = tokens[earlier + 1 : head + 1]
        if all(t.feats.get("Case") == "Gen" or t.pos == "ADJ" for t in between):
            head = earlier
        else:
            break
    return head


def _with_modifiers(tokens: Sequence[Token], head: int) -> int:
    """ "первый секретарь", "Бывший казахстанский дипломат", "и.о. профессора"."""
    start = head
    while start > 0:
        before = tokens[start - 1]
        agrees = before.pos == "ADJ" and before.feats.get("Case") in (
            None,
            tokens[head].feats.get("Case"),
        )
        if agrees or before.text.lower() in ROLE_PREFIXES:
            start -= 1
            continue
        start -= io_prefix(tokens, start)
        break
    return start


def _role_end(text: str, tokens: Sequence[Token], head: int) -> int:
    """The last token of a role that follows a name: up to a clause break."""
    stop = head
    for j in range(head + 1, min(len(tokens), head + MAX_ROLE_TOKENS)):
        token = tokens[j]
        if "\n" in text[tokens[j - 1].stop : token.start]:
            break  # a line break ends a caption: the next line is another paragraph
        if token.pos in ROLE_BODY_POS or token.text in QUOTE_CHARS or token.text in "()":
            stop = j
            continue
        break
    while stop > head and (tokens[stop].pos in {"ADP", "CCONJ"} or tokens[stop].text == "("):
        stop -= 1
    return stop


def make_role(
    ctx: DocContext, orgs: OrgIndex, sentence: Sentence, start: int, stop: int, head: int
) -> Role | None:
    """A role over tokens [start, stop] with its head at ``head``, put in the nominative."""
    tokens = sentence.tokens
    while stop > head and (
        tokens[stop].text in {",", "-", "–", "—"} or tokens[stop].pos in {"ADP", "CCONJ"}
    ):
        stop -= 1
    stop = post_end(ctx, tokens, start, stop, head)
    if stop < start:
        return None
    lo, hi = tokens[start].start, tokens[stop].stop
    text = nominative_phrase(ctx.analysis.text, tokens, start, stop, head)
    country, region = _role_actor(ctx, tokens, lo, hi, envoy=tokens[head].lemma in ENVOY_WORDS)
    org = orgs.within(lo, hi)
    if org and country is None:
        country = org.country
    head_word = PARTICIPLE_ROLES.get(tokens[head].lemma, tokens[head].lemma)
    return Role(
        text=text,
        head=head_word,
        start=lo,
        stop=hi,
        organization=org.name if org else None,
        country=country,
        region=region,
        case=tokens[head].feats.get("Case"),
        gender=tokens[head].feats.get("Gender"),
    )


def _role_actor(
    ctx: DocContext, tokens: Sequence[Token], lo: int, hi: int, envoy: bool = False
) -> tuple[str | None, str | None]:
    """Whose office it is: the first party named in the role, a destination ("в РФ") last;
    never the country an envoy serves in ("посол республики в РФ")."""
    mentions = ctx.mentions_between(lo, hi)
    if not mentions:
        return None, None
    starts = {t.start: i for i, t in enumerate(tokens)}

    def is_destination(start: int) -> bool:
        i = starts.get(start)
        return i is not None and i > 0 and tokens[i - 1].lemma in DESTINATION_PREPOSITIONS

    mention = next(
        (m for m in mentions if not is_destination(m.start)), None if envoy else mentions[0]
    )
    if mention is None:
        return None, None
    actor = mention.actor
    return actor.country, (actor.code if "-" in actor.code else None)
