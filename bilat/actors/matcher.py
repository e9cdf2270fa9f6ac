"""Finding actors in analysed text: each token's lemma keys walked through the gazetteer's trie.

A token stands for several keys at once — natasha's lemma, its lower-case surface form,
pymorphy's lemma of that form and the name the form inflects (``gazetteer.forms``) —
because natasha's lemma is sometimes wrong for rare proper names ("Өскемене" → "өскемене").
The longest name that passes its checks wins, so "Восточно-Казахстанская область" is KZ-63
and not KZ, and "Республика Башкортостан" is one mention.

Checks, from the pattern's form and its rule in ``data/rules.json``:

- names, short names and cities need a capitalised word ("в Семее", not "семей");
- abbreviations are keyed by their exact spelling ("РФ", "КНР"), so they match case-sensitively;
- rule ``cap``: the name must be capitalised and must not open the sentence unless NER marks
  it LOC ("Того же мнения…" is a pronoun, "министр Того" is Togo);
- rule ``loc``: NER marks it LOC or a locative preposition precedes it ("во Владимире");
- a name with a rule right after "улица", "имени" … is a dedication ("ул. Кирова");
- a mention inside a PER entity of two words or more is a surname ("Андрей Курский").

Hyphenated compounds that match nothing whole are split: "российско-казахстанских" gives RU
and KZ, one mention per part, each with its own offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from razdel import tokenize

from bilat.actors.gazetteer import END, Gazetteer, Pattern, fold, gazetteer
from bilat.model import Actor, Analysis, Entity, Mention, Token
from bilat.nlp.pipeline import lemma_of

# Which of two names of the same length wins: "Хабаровском" is the city, not the adjective.
FORM_ORDER = ("blocker", "name", "abbreviation", "short", "city", "adjective")
# Forms that are proper names and so must be written with a capital letter.
CAPITALISED_FORMS = frozenset({"name", "short", "city"})
# Forms a part of a hyphenated compound may take when another part is an unknown
# abbreviation: "Россия–АСЕАН" still names Russia; "Нью-Джерси" is no Jersey and
# "Северо-Казахстанской" alone is no KZ.
STANDALONE_FORMS = frozenset({"name", "short", "abbreviation"})
_PART = re.compile(r"[^-–—]+")
_PERSON_NAME = re.compile(r"[\w\s.'’-]+")

Span = tuple[int, int]


def find_mentions(analysis: Analysis) -> tuple[Mention, ...]:
    """Every actor named in the text, in order, with offsets into ``analysis.text``."""
    g = gazetteer()
    places = [(e.start, e.stop) for e in analysis.entities if e.type == "LOC"]
    people = _people(analysis.entities)
    found: list[Mention] = []
    for sentence in analysis.sentences:
        found.extend(_scan(analysis.text, sentence.tokens, places, people, g))
    shared = list(_shared_abbreviations(analysis, found, g))
    return tuple(sorted(found + shared, key=lambda m: m.start)) if shared else tuple(found)


# Abbreviations two actors share, read as the one the document names in full: "РТ" is
# Tajikistan in a text that names Tajikistan, Tatarstan in one about Tatarstan.
SHARED_ABBREVIATIONS = {"РТ": ("TJ", "RU-TA"), "РБ": ("BY", "RU-BA"), "КР": ("KG", "UZ-QR")}


def _shared_abbreviations(
    analysis: Analysis, found: Sequence[Mention], g: Gazetteer
) -> Iterator[Mention]:
    codes = {m.actor.code for m in found}
    countries = {m.actor.country for m in found if "-" not in m.actor.code}
    for sentence in analysis.sentences:
        for token in sentence.tokens:
            candidates = SHARED_ABBREVIATIONS.get(token.text, ())
            code = next((c for c in candidates if c in codes), None) or next(
                (c for c in candidates if "-" not in c and c in countries), None
            )
            if code is not None:
                yield Mention(
                    start=token.start,
                    stop=token.stop,
                    text=token.text,
                    actor=g.actors[code],
                    form="abbreviation",
                    normal=g.actors[code].name,
                )


def actor_by_name(text: str) -> Actor | None:
    """The actor a whole name names, in any case: "Казахстаном", "Костанайской области"."""
    g = gazetteer()
    text = text.strip()
    if text.upper() in g.actors:
        return g.actors[text.upper()]
    words = [t.text for t in tokenize(text)]
    keys = [token_keys(word, None, g) for word in words]
    for end, pattern in _walk(keys, 0, g):
        if end == len(words) and pattern.code and (not pattern.rule or text[:1].isupper()):
            return g.actors[pattern.code]
    return None


def token_keys(word: str, lemma: str | None, g: Gazetteer) -> frozenset[str]:
    """Every key a word may be found under; '=' + the word itself for abbreviations."""
    low = fold(word)
    keys = {low, "=" + word}
    if lemma:
        keys.add(fold(lemma))
    if low[: g.stem] in g.stems:
        keys.add(fold(lemma_of(low)))
        keys.update(g.forms.get(low, ()))
    return frozenset(keys)


def _scan(
    text: str,
    tokens: Sequence[Token],
    places: list[Span],
    people: list[tuple[int, int, str]],
    g: Gazetteer,
) -> Iterator[Mention]:
    keys = [token_keys(t.text, t.lemma, g) for t in tokens]
    i = 0
    while i < len(tokens):
        match = _accepted(tokens, keys, i, places, g)
        if match is None:
            yield from _compound(text, tokens[i], g)
            i += 1
            continue
        end, pattern = match
        if pattern.form == "adjective":
            pattern = _with_shared_noun(tokens, keys, i, end, g) or pattern
        if pattern.code is not None:
            mention = _mention(text, tokens[i].start, tokens[end - 1].stop, pattern, g)
            is_place = _covered(mention.start, mention.stop, places)
            if is_place or not _is_person(mention, tokens[i], pattern, people):
                yield mention
        i = end


# Nouns a list of region adjectives shares: "Ташкентской и Наманганской областей".
SHARED_NOUNS = frozenset({"область", "край", "провинция", "округ", "район", "республика"})
# What may stand between an adjective and the noun it shares with the adjectives after it.
LIST_WORDS = frozenset({"и", ",", "а", "также"})


def _with_shared_noun(
    tokens: Sequence[Token], keys: Sequence[frozenset[str]], i: int, end: int, g: Gazetteer
) -> Pattern | None:
    """ "Ташкентской и Наманганской областей": the first adjective names, with the noun
    told once after the list, its region (Tashkent region), not its city."""
    j = end
    while j < len(tokens) and (tokens[j].lemma in LIST_WORDS or tokens[j].pos == "ADJ"):
        j += 1
    if j == end or j >= len(tokens) or tokens[j].lemma not in SHARED_NOUNS:
        return None
    named = [p for stop, p in _walk([*keys[i:end], keys[j]], 0, g) if stop == end - i + 1]
    return next((p for p in named if p.code is not None and p.form == "name"), None)


def _walk(keys: Sequence[frozenset[str]], i: int, g: Gazetteer) -> list[tuple[int, Pattern]]:
    """(end, pattern) for every name starting at token i, longest first, then by form."""
    found: list[tuple[int, Pattern]] = []
    nodes = [g.trie]
    j = i
    while nodes and j < len(keys):
        nodes = [node[k] for node in nodes for k in keys[j] if k in node]
        j += 1
        found.extend((j, node[END]) for node in nodes if END in node)
    return sorted(found, key=lambda f: (-f[0], FORM_ORDER.index(f[1].form)))


def _accepted(
    tokens: Sequence[Token],
    keys: Sequence[frozenset[str]],
    i: int,
    places: list[Span],
    g: Gazetteer,
) -> tuple[int, Pattern] | None:
    for end, pattern in _walk(keys, i, g):
        if _allowed(pattern, tokens, i, end, places, g):
            return end, pattern
    return None


def _allowed(
    pattern: Pattern, tokens: Sequence[Token], i: int, end: int, places: list[Span], g: Gazetteer
) -> bool:
    span = tokens[i:end]
    if pattern.form in CAPITALISED_FORMS and not any(t.text[:1].isupper() for t in span):
        return False
    if pattern.rule and _previous_word(tokens, i) in g.dedications:
        return False
    is_place = _covered(span[0].start, span[-1].stop, places)
    if pattern.rule == "cap":
        return span[0].text[:1].isupper() and (is_place or not _opens_sentence(tokens, i))
    if pattern.rule == "loc":
        return is_place or (i > 0 and tokens[i - 1].text.lower() in g.prepositions)
    return True


def _compound(text: str, token: Token, g: Gazetteer) -> list[Mention]:
    """One mention per part of "российско-казахстанских", "Россия–Казахстан"."""
    parts = list(_PART.finditer(token.text))
    if len(parts) < 2:
        return []
    found = [
        (part, _part_pattern(part.group(), n == len(parts) - 1, g)) for n, part in enumerate(parts)
    ]
    named = [(part, pattern) for part, pattern in found if pattern is not None]
    if len(named) < len(found):
        if not all(part.group().isupper() for part, pattern in found if pattern is None):
            return []
        named = [(part, pattern) for part, pattern in named if pattern.form in STANDALONE_FORMS]
    # No surname check: NER tags capitalised compounds PER, and no surname is "российско-…".
    return [
        _mention(text, token.start + part.start(), token.start + part.end(), pattern, g)
        for part, pattern in named
    ]


def _part_pattern(part: str, last: bool, g: Gazetteer) -> Pattern | None:
    code = g.prefixes.get(fold(part))
    if code is not None and not last:
        return Pattern(
            code=code, form="adjective", normal=g.actors[code].name, rule="", keys=(fold(part),)
        )
    for end, pattern in _walk([token_keys(part, None, g)], 0, g):
        capital_ok = pattern.form not in CAPITALISED_FORMS or part[:1].isupper()
        if end == 1 and pattern.code and not pattern.rule and capital_ok:
            return pattern
    return None


def _mention(text: str, start: int, stop: int, pattern: Pattern, g: Gazetteer) -> Mention:
    assert pattern.code is not None
    return Mention(
        start=start,
        stop=stop,
        text=text[start:stop],
        actor=g.actors[pattern.code],
        form=pattern.form,
        normal=pattern.normal,
    )


def _is_person(
    mention: Mention, token: Token, pattern: Pattern, people: list[tuple[int, int, str]]
) -> bool:
    """A surname that looks like a place: "Андрей Курский", "Дмитрий Ливанов", "Сергею Кирову".

    NER also tags lone capitalised words PER ("министр Того", "с Башкортостаном"), so a
    one-word PER is a surname only where natasha lemmatises it to another word than the
    name; a surname alone is otherwise left to the 'loc' rule and to ``_is_surname``.
    Called only for mentions NER does not tag LOC.
    """
    if len(pattern.keys) == 1 and _is_surname(token):
        return True
    for start, stop, name in people:
        if start < mention.stop and mention.start < stop:
            if " " in name:
                return True
            return len(pattern.keys) == 1 and fold(token.lemma) != pattern.keys[0]
    return False


def _is_surname(token: Token) -> bool:
    """natasha reads the word as an animate masculine nominative singular and yet its lemma
    is another word: a surname in -ов/-ин ("Ливанов"), not a place's genitive plural."""
    feats = token.feats
    return (
        feats.get("Animacy") == "Anim"
        and feats.get("Case") == "Nom"
        and feats.get("Number") == "Sing"
        and feats.get("Gender") == "Masc"
        and fold(token.lemma) != fold(token.text)
    )


def _previous_word(tokens: Sequence[Token], i: int) -> str:
    """The lemma of the nearest word before token i ("ул." → "ул"), or ""."""
    for token in reversed(tokens[:i]):
        if any(ch.isalnum() for ch in token.text):
            return fold(token.lemma)
    return ""


def _opens_sentence(tokens: Sequence[Token], i: int) -> bool:
    return not any(ch.isalnum() for t in tokens[:i] for ch in t.text)


def _people(entities: Sequence[Entity]) -> list[tuple[int, int, str]]:
    """PER entities that look like a person's name: NER also tags runs of a list PER
    ("Эль Сальвадор • Эфиопия"), and no name holds a bullet or a comma."""
    return [
        (e.start, e.stop, e.text.strip())
        for e in entities
        if e.type == "PER" and _PERSON_NAME.fullmatch(e.text.strip())
    ]


def _covered(start: int, stop: int, spans: list[Span]) -> bool:
    return any(s < stop and start < e for s, e in spans)
