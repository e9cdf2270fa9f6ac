"""The people of a document, found once and shared by every reader: natasha's PER spans
with the roles beside them, in the nominative, every mention of one person merged."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from bilat.actors import leader_country
from bilat.extract.context import DocContext
from bilat.extract.parse.textforms import (
    fold,
    is_first_name,
    is_patronymic,
    line_sentences,
    nominative_name,
    token_span,
)
from bilat.extract.people.orgs import OrgIndex, find_organizations
from bilat.extract.people.roles import (
    Role,
    role_opening,
    role_predicate,
    roles_after,
    roles_before,
)
from bilat.model import Entity, Sentence, Token
from bilat.schemas import Someone

# Lower-case words inside names.
NAME_PARTICLES = frozenset(
    {
        "бин",
        "ибн",
        "аль",
        "ан",
        "де",
        "ван",
        "фон",
        "дер",
        "ла",
        "ле",
        "ди",
        "да",
        "дель",
        "оглы",
        "улы",
        "кызы",
    }
)
# A Russian patronymic, never a first name; "-улы", "-оглы" may end first names too
# ("Гурбангулы").
RUSSIAN_PATRONYMIC = ("вич", "вна", "чна")
# Lines that credit the article, not actors in it.
BYLINE_WORDS = frozenset({"автор", "фото", "редактор", "источник", "текст"})


@dataclass(frozen=True)
class PersonMention:
    start: int
    stop: int
    text: str
    name: str  # nominative
    sentence: int  # index in analysis.sentences
    role: Role | None
    more_roles: tuple[Role, ...] = ()  # "депутат …, сопредседатель …": titles listed before


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
        """Every role of every mention, each told once (case aside)."""
        found: dict[str, Role] = {}
        for mention in self.mentions:
            for role in (mention.role, *mention.more_roles):
                if role is not None:
                    found.setdefault(role.text.lower(), role)
        return list(found.values())

    @property
    def role(self) -> Role | None:
        return self.roles[0] if self.roles else None

    def parts(self) -> dict[str, str | None]:
        """Surname, first name and patronymic, for merging people across documents. A
        first name alone ("Ермек") is no surname: it never joins another document's."""
        lone = self.first is None and " " not in self.name and is_first_name(self.name)
        patronymic = next(
            (
                w
                for w in self.name.split()
                if is_patronymic(w) and w not in (self.surname, self.first)
            ),
            None,
        )
        return {
            "surname": None if lone else self.surname,
            "first_name": self.name if lone else self.first,
            "patronymic": patronymic,
        }

    def attr(self, name: str) -> str | None:
        """The first organization/country/region any of the person's roles tells; a head of
        state or government named without one stands for their country ("Токаев")."""
        found = next((getattr(r, name) for r in self.roles if getattr(r, name)), None)
        if found is None and name == "country" and not self.attr("region"):
            return leader_country(self.surname)
        return found

    def fields(self) -> Someone:
        """What a fact says about a person: speaker of a quote, participant of an event."""
        role = self.role
        return {
            "name": self.name,
            "role": role.text if role else None,
            "organization": self.attr("organization"),
            "country": self.attr("country"),
        }


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
        found = [
            (m.start, p)
            for p in self.persons
            for m in p.mentions
            if m.start < offset and any(r.head == head for r in p.roles)
        ]
        return max(found, key=lambda item: item[0])[1] if found else None


def find_people(ctx: DocContext) -> People:
    """Every person named in the document's body, mentions merged by surname; read once
    per document, for people, quotes and events alike."""
    return ctx.memo("people", lambda: _find_people(ctx))


def _find_people(ctx: DocContext) -> People:
    orgs = find_organizations(ctx)
    mentions = list(_mentions(ctx, orgs))
    mentions += _missed_surnames(ctx, mentions)
    mentions = _with_nearby_roles(ctx, orgs, mentions)
    return People(tuple(_merge(mentions)))


def _with_nearby_roles(
    ctx: DocContext, orgs: OrgIndex, mentions: list[PersonMention]
) -> list[PersonMention]:
    """ "Премьер-министр Израиля заявил …" beside a sentence naming one person only (the
    next one, else the previous one): the role is that person's."""
    sentences = line_sentences(ctx)
    named = {m.sentence for m in mentions}
    for index, sentence in enumerate(sentences):
        if index in named or ctx.in_furniture(sentence):
            continue
        role = role_opening(ctx, orgs, sentence)
        if role is None or _held_by_someone_named(mentions, role):
            continue
        for near in (index + 1, index - 1):
            people = [m for m in mentions if m.sentence == near]
            if len({fold(split_name(m.name)[1]) for m in people}) == 1:
                target = people[0]
                mentions[mentions.index(target)] = replace(
                    target, more_roles=(*target.more_roles, role)
                )
                break
            if people:
                break
    return mentions


def _held_by_someone_named(mentions: list[PersonMention], role: Role) -> bool:
    """ "Глава Туркменистана предложил …" after "президент Туркменистана Сердар
    Бердымухамедов": the country's head the text has named already, not the next sentence's
    person."""
    return role.country is not None and any(
        m.role is not None
        and m.role.country == role.country
        and m.role.region == role.region
        and (m.role.head == role.head or role.head in GENERIC_HEADS)
        and m.role.head in ONE_PER_SIDE
        for m in mentions
    )


# Titles one person holds for a side at a time, and the words that stand for any of them.
ONE_PER_SIDE = frozenset({"президент", "глава", "лидер", "премьер-министр", "губернатор", "аким"})
GENERIC_HEADS = frozenset({"глава", "лидер"})


def _missed_surnames(ctx: DocContext, mentions: list[PersonMention]) -> list[PersonMention]:
    """ "Хабиров выступил …" opening a text escapes the NER now and then; a capitalised word
    that is the surname of a person named elsewhere in the text is that person."""
    surnames = {fold(split_name(m.name)[1]) for m in mentions if len(m.name.split()) > 1}
    taken = [(m.start, m.stop) for m in mentions]
    found = []
    for index, sentence in enumerate(line_sentences(ctx)):
        if ctx.in_furniture(sentence):
            continue
        for token in sentence.tokens:
            if not token.text[:1].isupper() or any(a <= token.start < b for a, b in taken):
                continue
            name = nominative_name([token])
            if fold(name) in surnames or fold(token.lemma) in surnames:
                found.append(PersonMention(token.start, token.stop, token.text, name, index, None))
    return found


def _mentions(ctx: DocContext, orgs: OrgIndex) -> Iterator[PersonMention]:
    sentences = line_sentences(ctx)
    by_sentence = _entities_by_sentence(sentences, ctx.analysis.entities)
    for index, sentence in enumerate(sentences):
        if ctx.in_furniture(sentence) or _is_byline(sentence):
            continue
        for entity in by_sentence.get(index, []):
            first, last = token_span(sentence, entity.start, entity.stop)
            if not _looks_like_name(sentence.tokens[first : last + 1]):
                continue
            before_name = roles_before(ctx, orgs, sentence, first)
            roles = before_name or roles_after(ctx, orgs, sentence, last)
            predicate = role_predicate(ctx, orgs, sentence, first, last)
            roles += [predicate] if predicate else []
            before = before_name[0] if before_name else None
            name = nominative_name(
                sentence.tokens[first : last + 1],
                before.case if before else None,
                roles[0].gender if roles else None,
            )
            yield PersonMention(
                entity.start,
                entity.stop,
                entity.text,
                name,
                index,
                roles[0] if roles else None,
                tuple(roles[1:]),
            )


def _entities_by_sentence(
    sentences: Sequence[Sentence], entities: Sequence[Entity]
) -> dict[int, list[Entity]]:
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
    words, particles aside ("Усама бин Ладен", "Людвиг ван Бетховен")."""
    words = [t for t in tokens if t.pos != "PUNCT" and t.text.lower() not in NAME_PARTICLES]
    return 0 < len(words) <= 4 and all(t.text[:1].isupper() for t in words)


def _merge(mentions: list[PersonMention]) -> list[Person]:
    """Full names first, then lone surnames ("Хабиров") joined to the full name they end."""
    persons: list[Person] = []
    # full first names before initials, so that "А. Лукашенко" finds "Александр Лукашенко"
    full = sorted(
        (m for m in mentions if len(m.name.split()) > 1),
        key=lambda m: -len(split_name(m.name)[0] or ""),
    )
    single = [m for m in mentions if len(m.name.split()) == 1]
    for mention in full:
        first, surname = split_name(mention.name)
        bearers = [
            p
            for p in persons
            if fold(p.surname) == fold(surname) and _first_names_agree(p.first, first)
        ]
        person = bearers[0] if len(bearers) == 1 else None
        if person is None:
            person = Person(name=mention.name, surname=surname, first=first)
            persons.append(person)
        _add(person, mention)
    for mention in single:
        person = _the_one(persons, fold(mention.name))
        if person is None:
            person = Person(name=mention.name, surname=mention.name, first=None)
            persons.append(person)
        _add(person, mention)
    persons.sort(key=lambda p: min(m.start for m in p.mentions))
    for person in persons:
        person.mentions.sort(key=lambda m: m.start)
    return persons


def _first_names_agree(one: str | None, two: str | None) -> bool:
    """Equal first names, or one the other's initial ("А." and "Александр"), or one
    unknown."""
    if not one or not two:
        return True
    one, two = fold(one).strip("."), fold(two).strip(".")
    return one == two if len(one) > 1 and len(two) > 1 else one[:1] == two[:1]


def _the_one(persons: list[Person], word: str) -> Person | None:
    """The person a lone word names: the one bearing it as surname, else the one bearing it
    as first name; none where two do ("Иван Петров и Иван Сидоров … Иван добавил")."""
    for part in ("surname", "first"):
        bearers = [p for p in persons if fold(getattr(p, part) or "") == word]
        if bearers:
            return bearers[0] if len(bearers) == 1 else None
    return None


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
    if len(rest) == 1:  # "Гурбангулы Бердымухамедов", or "Фаритович Хабиров" (no first name)
        return (None if words[0].endswith(RUSSIAN_PATRONYMIC) else words[0]), rest[0]
    if len(rest) >= 2 and is_first_name(rest[-1]) and not is_first_name(rest[0]):
        return rest[-1], rest[0]
    return rest[0], rest[-1]
