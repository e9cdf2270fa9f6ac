"""People and their roles: "Глава Башкортостана Радий Хабиров", "директор КИСИ Еркин Тукумов",
"Таисия Мармонтова – кандидат исторических наук", with every mention of one person merged.

natasha's NER finds the names (PER spans); ``roles`` finds the titles beside them.
Names and roles are put into the nominative with pymorphy (``textforms``), since natasha
leaves rare names ("Ермеком Кошербаевым") as they stand. The reading lives in ``people``, shared
with events and quotes; this module makes it facts.
"""

from __future__ import annotations

from bilat.extract.context import DocContext
from bilat.extract.figures import Scan
from bilat.extract.parse.textforms import line_sentences
from bilat.extract.people.people import Person, find_people
from bilat.model import Evidence, Fact
from bilat.schemas import PersonFields

CONFIDENCE_WITH_ROLE = 0.85
CONFIDENCE_NAME_ONLY = 0.6


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    return [_person_fact(ctx, person) for person in find_people(ctx).persons]


def _person_fact(ctx: DocContext, person: Person) -> Fact:
    mention = next((m for m in person.mentions if m.role), person.mentions[0])
    sentence = line_sentences(ctx)[mention.sentence]
    said, parts = person.fields(), person.parts()
    fields: PersonFields = {
        "name": person.name,
        "role": said["role"],
        "organization": said["organization"],
        "country": said["country"],
        "region": person.attr("region"),
        "surname": parts["surname"],
        "first_name": parts["first_name"],
        "patronymic": parts["patronymic"],
        "roles": list(dict.fromkeys(r.text for r in person.roles)),
        "aliases": person.aliases,
        "mentions": len(person.mentions),
    }
    confidence = CONFIDENCE_WITH_ROLE if person.role else CONFIDENCE_NAME_ONLY
    return Fact(
        "person",
        fields,
        Evidence(sentence.text, sentence.start, sentence.stop),
        confidence,
        rule="person.ner+role" if person.role else "person.ner",
        trace=tuple(m.text for m in person.mentions),
    )
