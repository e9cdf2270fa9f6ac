"""Organisations: ORG spans of natasha's NER, merged by name, with their abbreviation and
country where the text tells them: "Казахстанский институт стратегических исследований при
Президенте РК" and "КИСИ" are one organisation of Kazakhstan.
"""

from __future__ import annotations

from bilat.extract.context import DocContext
from bilat.extract.figures import Scan
from bilat.extract.parse.textforms import line_sentences
from bilat.extract.people.orgs import OrgIndex, find_organizations
from bilat.model import Evidence, Fact
from bilat.schemas import OrganizationFields

CONFIDENCE_ORGANIZATION = 0.7


def organization_facts(ctx: DocContext, index: OrgIndex) -> list[Fact]:
    facts = []
    text = ctx.analysis.text
    for org in index.orgs:
        start, stop = org.spans[0]
        sentence = next((s for s in line_sentences(ctx) if s.start <= start < s.stop), None)
        evidence = (
            Evidence(sentence.text, sentence.start, sentence.stop)
            if sentence
            else Evidence(text[start:stop], start, stop)
        )
        fields: OrganizationFields = {
            "name": org.name,
            "abbreviation": org.abbreviation,
            "country": org.country,
            "mentions": len(org.spans),
        }
        facts.append(
            Fact("organization", fields, evidence, CONFIDENCE_ORGANIZATION, rule="organization.ner")
        )
    return facts


def extract(ctx: DocContext, scans: list[Scan]) -> list[Fact]:
    return organization_facts(ctx, find_organizations(ctx))
