"""People and their roles: "Глава Башкортостана Радий Хабиров", "директор КИСИ Еркин Тукумов",
"Таисия Мармонтова – кандидат исторических наук", with every mention of one person merged.

natasha's NER finds the names (PER spans); the role is the noun group headed by a word of
ROLE_WORDS standing right before the name (or right after it, behind a dash or a comma).
Names and roles are put into the nominative with pymorphy, since natasha leaves rare names
("Ермеком Кошербаевым") as they stand. Organisations (ORG spans) live in ``organization``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from bilat.extract.context import DocContext
from bilat.model import Entity, Evidence, Fact, Sentence, Token
from bilat.nlp import models

# Head nouns of a role (lemmas). A person's role is the noun group one of these heads.
ROLE_WORDS = frozenset({
    "глава", "губернатор", "вице-губернатор", "мэр", "аким", "хоким", "президент",
    "вице-президент", "премьер-министр", "премьер", "вице-премьер", "министр", "вице-министр",
    "замминистра", "заместитель", "зампред", "председатель", "сопредседатель", "директор",
    "гендиректор", "руководитель", "начальник", "управляющий", "посол", "консул", "генконсул",
    "атташе", "секретарь", "советник", "представитель", "полпред", "уполномоченный",
    "спикер", "депутат", "сенатор", "член", "координатор", "лидер", "ректор", "проректор",
    "декан", "профессор", "доцент", "эксперт", "аналитик", "политолог", "экономист",
    "дипломат", "журналист", "корреспондент", "исследователь", "сотрудник", "специалист",
    "основатель", "сооснователь", "владелец", "совладелец", "акционер", "менеджер",
    "генсек", "генсекретарь", "канцлер", "король", "шейх", "эмир", "госсекретарь",
    "вице-мэр", "префект", "начштаба", "командующий", "прокурор", "судья",
    "омбудсмен", "правозащитник", "тренер", "главнокомандующий", "пресс-секретарь",
    "замглавы", "замгубернатора", "завкафедрой", "заведующий", "научный", "историк",
    "кандидат", "доктор", "академик", "вице-спикер", "президент-гендиректор", "руководство",
})
# Heads that name a group or an office, not a person: a role, but never a speaker alone.
GROUP_HEADS = frozenset({"руководство"})
# Degrees come before the real post: "кандидат исторических наук, и.о. профессора …".
DEGREE_HEADS = frozenset({"кандидат", "доктор", "академик"})
# "исполняющий обязанности", "врио": markers that belong to the role, not to a clause.
ROLE_PREFIXES = frozenset({"и.о.", "и.о", "врио", "вице", "экс"})
# Tokens a role may run over between its head and the name: its genitive dependents,
# prepositions ("посол РК в РФ"), quotes and brackets around a name.
ROLE_BODY_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "NUM", "DET", "X"})
# A role longer than this is a clause, not a title (the longest in the dev articles: 14).
MAX_ROLE_TOKENS = 18
# Dashes and commas that may stand between a name and the role after it.
APPOSITION_PUNCT = frozenset({",", "-", "–", "—"})
# Lines that credit the article, not actors in it.
BYLINE_WORDS = frozenset({"автор", "фото", "редактор", "источник", "текст"})
# A preposition before a place in a role: "посол РК в РФ" is Kazakhstan's, not Russia's.
DESTINATION_PREPOSITIONS = frozenset({"в", "во", "при"})

CONFIDENCE_WITH_ROLE = 0.85
CONFIDENCE_NAME_ONLY = 0.6


@dataclass(frozen=True)
class Role:
    text: str  # nominative: "Губернатор Красноярского края"
    head: str  # lemma of its head noun
    start: int  # character offsets in the document
    stop: int
    organization: str | None
    country: str | None
    region: str | None


@dataclass(frozen=True)
class PersonMention:
    start: int
    stop: int
    text: str
    name: str  # nominative
    sentence: int  # index in analysis.sentences
    role: Role | None


@dataclass
class Person:
    """One person of a document, all its mentions merged."""

    name: str
    surname: str
    first: str | None
    mentions: list[PersonMention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    @property
    def roles(self) -> list[Role]:
        return [m.role for m in self.mentions if m.role]

    @property
    def role(self) -> Role | None:
        return self.roles[0] if self.roles else None

    def attr(self, name: str) -> str | None:
        """The first organization/country/region any of the person's roles tells."""
        return next((getattr(r, name) for r in self.roles if getattr(r, name)), None)

    def fields(self) -> dict[str, str | None]:
        """What a fact says about a person: speaker of a quote, participant of an event."""
        role = self.role
        return {"name": self.name, "role": role.text if role else None,
                "organization": self.attr("organization"), "country": self.attr("country")}


@dataclass(frozen=True)
class People:
    persons: tuple[Person, ...]

    def at(self, start: int, stop: int) -> Person | None:
        """The person a mention inside [start, stop) names."""
        for person in self.persons:
            if any(start <= m.start < stop for m in person.mentions):
                return person
        return None

    def mentioned_before(self, offset: int) -> list[tuple[int, Person]]:
        """(offset, person) of every mention before ``offset``, latest last."""
        found = [(m.start, p) for p in self.persons for m in p.mentions if m.start < offset]
        return sorted(found, key=lambda item: item[0])

    def with_role(self, head: str, offset: int) -> Person | None:
        """The latest person before ``offset`` whose role has this head ("директор")."""
        found = [(m.start, p) for p in self.persons for m in p.mentions
                 if m.start < offset and any(r.head == head for r in p.roles)]
        return max(found, key=lambda item: item[0])[1] if found else None


def extract(ctx: DocContext, scans: object) -> list[Fact]:
    orgs = find_organizations(ctx)
    people = find_people(ctx, orgs)
    facts = [_person_fact(ctx, person) for person in people.persons]
    return [*facts, *organization_facts(ctx, orgs)]


def find_people(ctx: DocContext, orgs: OrgIndex | None = None) -> People:
    """Every person named in the document's body, mentions merged by surname."""
    orgs = orgs or find_organizations(ctx)
    mentions = list(_mentions(ctx, orgs))
    return People(tuple(_merge(mentions)))


def _mentions(ctx: DocContext, orgs: OrgIndex) -> Iterator[PersonMention]:
    sentences = ctx.analysis.sentences
    by_sentence = _entities_by_sentence(sentences, ctx.analysis.entities)
    for index, sentence in enumerate(sentences):
        if ctx.in_furniture(sentence) or _is_byline(sentence):
            continue
        for entity in by_sentence.get(index, []):
            first, last = token_span(sentence, entity.start, entity.stop)
            if not _looks_like_name(sentence.tokens[first:last + 1]):
                continue
            role = (role_before(ctx, orgs, sentence, first)
                    or role_after(ctx, orgs, sentence, last))
            name = nominative_name(sentence.tokens[first:last + 1])
            yield PersonMention(entity.start, entity.stop, entity.text, name, index, role)


def _entities_by_sentence(sentences: Sequence[Sentence],
                          entities: Sequence[Entity]) -> dict[int, list[Entity]]:
    found: dict[int, list[Entity]] = {}
    for entity in entities:
        if entity.type != "PER":
            continue
        for i, sentence in enumerate(sentences):
            if sentence.start <= entity.start < sentence.stop:
                found.setdefault(i, []).append(entity)
                break
    return found


def _is_byline(sentence: Sentence) -> bool:
    first = sentence.tokens[0].lemma if sentence.tokens else ""
    return first in BYLINE_WORDS


def _looks_like_name(tokens: Sequence[Token]) -> bool:
    """NER sometimes marks a lower-case word or a whole clause; a name is 1–4 capitalised
    words."""
    words = [t for t in tokens if t.pos != "PUNCT"]
    return 0 < len(words) <= 4 and all(t.text[:1].isupper() for t in words)


# ── roles ──────────────────────────────────────────────────────────────────────────────

def role_before(ctx: DocContext, orgs: OrgIndex, sentence: Sentence,
                name_first: int) -> Role | None:
    """"директор КИСИ Еркин Тукумов": the role group that ends right before the name."""
    tokens = sentence.tokens
    lo = _stretch_start(tokens, name_first)
    heads = [i for i in range(lo, name_first) if _is_role_head(tokens, i)]
    if not heads:
        return None
    head = _outer_head(tokens, heads)
    start = _with_modifiers(tokens, head)
    start = _with_listed_role(tokens, start)
    return make_role(ctx, orgs, sentence, start, name_first - 1, head)


def role_after(ctx: DocContext, orgs: OrgIndex, sentence: Sentence,
               name_last: int) -> Role | None:
    """"Таисия Мармонтова – кандидат исторических наук, и.о. профессора …"."""
    tokens = sentence.tokens
    i = name_last + 1
    if i + 1 >= len(tokens) or tokens[i].text not in APPOSITION_PUNCT:
        return None
    start = i + 1
    lead = start + io_prefix(tokens[start:], len(ACTING_TOKENS))
    head = next((j for j in range(lead, min(len(tokens), lead + 3))
                 if _is_role_head(tokens, j)), None)
    if head is None or any(t.pos not in {"ADJ", "X"} for t in tokens[lead:head]):
        return None
    stop = _role_end(tokens, head)
    if tokens[head].lemma in DEGREE_HEADS and stop + 2 < len(tokens) \
            and tokens[stop + 1].text == ",":
        return role_after(ctx, orgs, sentence, stop) or \
            make_role(ctx, orgs, sentence, start, stop, head)
    return make_role(ctx, orgs, sentence, start, stop, head)


def _is_role_head(tokens: Sequence[Token], i: int) -> bool:
    token = tokens[i]
    if token.lemma not in ROLE_WORDS or token.pos not in {"NOUN", "PROPN"}:
        return False
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
        between = tokens[earlier + 1:head + 1]
        if all(t.feats.get("Case") == "Gen" or t.pos == "ADJ" for t in between):
            head = earlier
        else:
            break
    return head


def _with_modifiers(tokens: Sequence[Token], head: int) -> int:
    """"первый секретарь", "Бывший казахстанский дипломат", "и.о. профессора"."""
    start = head
    while start > 0:
        before = tokens[start - 1]
        agrees = before.pos == "ADJ" and before.feats.get("Case") in (
            None, tokens[head].feats.get("Case"))
        if agrees or before.text.lower() in ROLE_PREFIXES:
            start -= 1
            continue
        start -= io_prefix(tokens, start)
        break
    return start


def _with_listed_role(tokens: Sequence[Token], start: int) -> int:
    """"Бывший казахстанский дипломат, политолог Талгат Калиев": two titles, one person."""
    if start >= 2 and tokens[start - 1].text == "," and _is_role_head(tokens, start - 2) \
            and tokens[start - 2].feats.get("Case") == tokens[start].feats.get("Case"):
        return _with_modifiers(tokens, start - 2)
    return start


def _role_end(tokens: Sequence[Token], head: int) -> int:
    """The last token of a role that follows a name: up to a clause break."""
    stop = head
    for j in range(head + 1, min(len(tokens), head + MAX_ROLE_TOKENS)):
        token = tokens[j]
        if token.pos in ROLE_BODY_POS or token.text in QUOTE_CHARS or token.text in "()":
            stop = j
            continue
        break
    while stop > head and (tokens[stop].pos in {"ADP", "CCONJ"} or tokens[stop].text == "("):
        stop -= 1
    return stop


def make_role(ctx: DocContext, orgs: OrgIndex, sentence: Sentence, start: int, stop: int,
              head: int) -> Role | None:
    """A role over tokens [start, stop] with its head at ``head``, put in the nominative."""
    tokens = sentence.tokens
    while stop > head and (tokens[stop].text in {",", "-", "–", "—"}
                           or tokens[stop].pos in {"ADP", "CCONJ"}):
        stop -= 1
    if stop < start:
        return None
    lo, hi = tokens[start].start, tokens[stop].stop
    text = nominative_phrase(ctx.analysis.text, tokens, start, stop, head)
    country, region = _role_actor(ctx, tokens, lo, hi)
    org = orgs.within(lo, hi)
    if org and country is None:
        country = org.country
    return Role(text=text, head=tokens[head].lemma, start=lo, stop=hi,
                organization=org.name if org else None, country=country, region=region)


def _role_actor(ctx: DocContext, tokens: Sequence[Token], lo: int,
                hi: int) -> tuple[str | None, str | None]:
    """Whose office it is: the first party named in the role, a destination ("в РФ") last."""
    mentions = ctx.mentions_between(lo, hi)
    if not mentions:
        return None, None
    starts = {t.start: i for i, t in enumerate(tokens)}

    def is_destination(start: int) -> bool:
        i = starts.get(start)
        return i is not None and i > 0 and tokens[i - 1].lemma in DESTINATION_PREPOSITIONS

    mention = next((m for m in mentions if not is_destination(m.start)), mentions[0])
    actor = mention.actor
    return actor.country, (actor.code if "-" in actor.code else None)


# ── merging ────────────────────────────────────────────────────────────────────────────

def _merge(mentions: list[PersonMention]) -> list[Person]:
    """Full names first, then lone surnames ("Хабиров") joined to the full name they end."""
    persons: list[Person] = []
    full = [m for m in mentions if len(m.name.split()) > 1]
    single = [m for m in mentions if len(m.name.split()) == 1]
    for mention in full:
        first, surname = split_name(mention.name)
        person = next((p for p in persons if fold(p.surname) == fold(surname)
                       and (p.first is None or first is None
                            or fold(p.first) == fold(first))), None)
        if person is None:
            person = Person(name=mention.name, surname=surname, first=first)
            persons.append(person)
        _add(person, mention)
    for mention in single:
        word = fold(mention.name)
        person = next((p for p in persons if fold(p.surname) == word), None) \
            or next((p for p in persons if p.first and fold(p.first) == word), None)
        if person is None:
            person = Person(name=mention.name, surname=mention.name, first=None)
            persons.append(person)
        _add(person, mention)
    persons.sort(key=lambda p: min(m.start for m in p.mentions))
    for person in persons:
        person.mentions.sort(key=lambda m: m.start)
    return persons


def _add(person: Person, mention: PersonMention) -> None:
    person.mentions.append(mention)
    if len(mention.name) > len(person.name):
        person.name = mention.name
    for alias in (mention.name, mention.role.text if mention.role else None):
        if alias and alias not in person.aliases:
            person.aliases.append(alias)


def split_name(name: str) -> tuple[str | None, str]:
    """(first name, surname) of a nominative full name: the surname is the last word,
    unless it is a patronymic or a first name ("Шойгу Сергей")."""
    words = name.split()
    if len(words) == 1:
        return None, words[0]
    rest = [w for w in words if not is_patronymic(w)] or words
    if len(rest) >= 2 and is_first_name(rest[-1]) and not is_first_name(rest[0]):
        return rest[-1], rest[0]
    return rest[0], rest[-1]


def _person_fact(ctx: DocContext, person: Person) -> Fact:
    mention = next((m for m in person.mentions if m.role), person.mentions[0])
    sentence = ctx.analysis.sentences[mention.sentence]
    fields = {**person.fields(), "region": person.attr("region"),
              "surname": person.surname, "first_name": person.first,
              "roles": list(dict.fromkeys(r.text for r in person.roles)),
              "aliases": person.aliases, "mentions": len(person.mentions)}
    confidence = CONFIDENCE_WITH_ROLE if person.role else CONFIDENCE_NAME_ONLY
    return Fact("person", fields, Evidence(sentence.text, sentence.start, sentence.stop),
                confidence, rule="person.ner+role" if person.role else "person.ner",
                trace=tuple(m.text for m in person.mentions))


# ── organisations ──────────────────────────────────────────────────────────────────────

# Words of a name that its abbreviation skips: "Казахстанский институт стратегических
# исследований при Президенте РК" is КИСИ.
ABBREVIATION_STOPS = frozenset({"при", "по", "и", "в", "на", "для", "с", "имени", "им"})
# An all-capitals word this short is an abbreviation ("КИСИ", "ЦАМО"), not a name in capitals.
MAX_ABBREVIATION_CHARS = 8
CONFIDENCE_ORGANIZATION = 0.7


@dataclass
class Org:
    name: str
    abbreviation: str | None
    country: str | None
    spans: list[tuple[int, int]]


@dataclass(frozen=True)
class OrgIndex:
    orgs: tuple[Org, ...]

    def within(self, lo: int, hi: int) -> Org | None:
        """The first organisation named inside [lo, hi)."""
        found = [(start, org) for org in self.orgs for start, stop in org.spans
                 if lo <= start and stop <= hi]
        return min(found, key=lambda item: item[0])[1] if found else None


def find_organizations(ctx: DocContext) -> OrgIndex:
    """ORG spans of the body, merged by name; an abbreviation joins the name it shortens."""
    orgs: list[Org] = []
    entities = [e for e in ctx.analysis.entities if not ctx.furniture.covers(e.start, e.stop)]
    for entity in entities:
        if entity.type != "ORG" or _is_actor(ctx, entity):
            continue
        name, abbreviation, stop = _org_name(ctx, entity, entities)
        country = _org_country(ctx, entity.start, stop)
        same = next((o for o in orgs if fold(o.name) == fold(name)
                     or (o.abbreviation and o.abbreviation == (abbreviation or name))
                     or _abbreviates(name, o.name)), None)
        if same is None:
            orgs.append(Org(name, abbreviation, country, [(entity.start, stop)]))
            continue
        same.spans.append((entity.start, stop))
        same.abbreviation = same.abbreviation or abbreviation or _as_abbreviation(name)
        same.country = same.country or country
    return OrgIndex(tuple(orgs))


def _is_actor(ctx: DocContext, entity: Entity) -> bool:
    """NER marks "Казахстан" an ORG now and then: a country or region is a party, not an org."""
    inside = ctx.mentions_between(entity.start, entity.stop)
    return any(m.start == entity.start and m.stop == entity.stop for m in inside)


def _org_name(ctx: DocContext, entity: Entity,
              entities: Sequence[Entity]) -> tuple[str, str | None, int]:
    """(nominative name, abbreviation in brackets, end offset). "Правительство" + the place
    right after it ("Республики Тыва") is one name."""
    text = entity.text if _as_abbreviation(entity.text) else entity.normal
    abbreviation = None
    if text.endswith(")") and "(" in text:
        text, _, inner = text[:-1].rpartition("(")
        text, abbreviation = text.strip(), _as_abbreviation(inner.strip())
    stop = entity.stop
    follower = next((e for e in entities if e.type == "LOC"
                     and 0 <= e.start - entity.stop <= 1), None)
    if follower and len(text.split()) == 1:
        text, stop = f"{text} {follower.text}", follower.stop
    return text, abbreviation, stop


def _as_abbreviation(text: str) -> str | None:
    letters = text.replace("-", "")
    return text if letters.isalpha() and letters.isupper() \
        and len(letters) <= MAX_ABBREVIATION_CHARS else None


def _abbreviates(short: str, name: str) -> bool:
    if not _as_abbreviation(short) or _as_abbreviation(name):
        return False
    initials = "".join(w[0] for w in name.replace("-", " ").split()
                       if w.lower() not in ABBREVIATION_STOPS).upper()
    return len(short) >= 2 and initials.startswith(short)


def _org_country(ctx: DocContext, start: int, stop: int) -> str | None:
    """A party named inside the name ("Казахстанский институт …"), else right before it
    ("российского центра …")."""
    inside = [m for m in ctx.mentions_between(start, stop) if m.form != "city"]
    if inside:
        return inside[0].actor.country
    before = [m for m in ctx.mentions if m.stop <= start and start - m.stop <= 1
              and m.form == "adjective"]
    return before[-1].actor.country if before else None


def organization_facts(ctx: DocContext, index: OrgIndex) -> list[Fact]:
    facts = []
    text = ctx.analysis.text
    for org in index.orgs:
        start, stop = org.spans[0]
        sentence = next((s for s in ctx.analysis.sentences if s.start <= start < s.stop), None)
        evidence = Evidence(sentence.text, sentence.start, sentence.stop) if sentence \
            else Evidence(text[start:stop], start, stop)
        fields = {"name": org.name, "abbreviation": org.abbreviation, "country": org.country,
                  "mentions": len(org.spans)}
        facts.append(Fact("organization", fields, evidence, CONFIDENCE_ORGANIZATION,
                          rule="organization.ner"))
    return facts


# ── words: the nominative of names and roles ───────────────────────────────────────────

QUOTE_CHARS = frozenset('«»"“”„')
# "и.о." comes out of the tokenizer as four tokens.
ACTING_TOKENS = ("и", ".", "о", ".")
# UD case → pymorphy (OpenCorpora) case, to pick the parse natasha's tagger agrees with.
OC_CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
            "Nom": "nomn"}
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
# Case endings of names pymorphy does not know ("Кошербаевым", "Кара-оолом"), by gender:
# (ending, replacement), longest first.
NAME_ENDINGS = {
    "Masc": (("ым", ""), ("ом", ""), ("ем", ""), ("а", ""), ("у", ""), ("е", ""), ("я", "й")),
    "Fem": (("ой", "а"), ("ей", "я"), ("ую", "ая"), ("у", "а"), ("ы", "а"), ("е", "а"),
            ("и", "я")),
}
PATRONYMIC_ENDINGS = ("вич", "вна", "чна", "ична", "оглы", "улы", "кызы", "қызы")


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def token_span(sentence: Sentence, start: int, stop: int) -> tuple[int, int]:
    """Indices of the first and last token of [start, stop) in a sentence."""
    inside = [i for i, t in enumerate(sentence.tokens) if t.start < stop and t.stop > start]
    return (inside[0], inside[-1]) if inside else (0, 0)


def io_prefix(tokens: Sequence[Token], i: int) -> int:
    """How many tokens right before ``i`` spell "и.о."; 0 if they do not."""
    n = len(ACTING_TOKENS)
    texts = tuple(t.text.lower() for t in tokens[max(0, i - n):i])
    return n if texts == ACTING_TOKENS else 0


def nominative_name(tokens: Sequence[Token]) -> str:
    return " ".join(_nominative_word(t, names=True) for t in tokens if t.pos != "PUNCT")


def nominative_phrase(text: str, tokens: Sequence[Token], start: int, stop: int,
                      head: int) -> str:
    """The text of tokens [start, stop] with the head and the adjectives agreeing with it
    put in the nominative: "Губернатором Красноярского края" → "Губернатор Красноярского края"."""
    case = tokens[head].feats.get("Case")
    parts = []
    for i in range(start, stop + 1):
        token = tokens[i]
        word = token.text
        if case and case != "Nom" and (i == head or (i < head and token.pos == "ADJ"
                                                    and token.feats.get("Case") == case)):
            word = _nominative_word(token, names=False)
        gap = text[tokens[i - 1].stop:token.start] if i > start else ""
        parts.append(gap + word)
    return "".join(parts)


def _nominative_word(token: Token, names: bool) -> str:
    case = token.feats.get("Case")
    if case in (None, "Nom"):
        return token.text
    word = token.text.lower()
    parses = models().morph_vocab.parse(word)
    wanted = OC_CASES.get(case)
    for parse in parses:
        grammemes = set(parse.tag._grammemes_tuple)
        if wanted in grammemes and (not names or grammemes & NAME_GRAMMEMES):
            form = parse.inflect({"Nom", "Sing"}) or parse.inflect({"Nom"})
            if form:
                return _recase(form.word, token.text)
    if names:
        return _recase(_strip_ending(word, token.feats.get("Gender", "Masc")), token.text)
    return token.text


def _strip_ending(word: str, gender: str) -> str:
    for ending, replacement in NAME_ENDINGS.get(gender, NAME_ENDINGS["Masc"]):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement
    return word


def _recase(word: str, like: str) -> str:
    """Give ``word`` the capitals of ``like``: each hyphen-separated part in turn."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts, model = word.split("-"), like.split("-")
    return "-".join(p.capitalize() if i < len(model) and model[i][:1].isupper() else p
                    for i, p in enumerate(parts))


def is_patronymic(word: str) -> bool:
    return fold(word).endswith(PATRONYMIC_ENDINGS)


def is_first_name(word: str) -> bool:
    parses = models().morph_vocab.parse(word.lower())
    return any("Name" in p.tag._grammemes_tuple and "nomn" in p.tag._grammemes_tuple
               for p in parses[:2])
