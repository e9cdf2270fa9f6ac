"""Actors: the countries and regions a text names, as ISO 3166 codes.

    >>> from bilat.actors import actor_by_name, lookup
    >>> actor_by_name("Костанайской области").code
    'KZ-39'
    >>> lookup("RU-BA").name
    'Республика Башкортостан'

``find_mentions(analysis)`` finds every name, short form, adjective, abbreviation and city
in an analysed text; ``resolve("нашей республики", mentions)`` tells which of them a context
word stands for. The names live in ``data/`` (see ``tools/build_gazetteer.py``).
"""

from bilat.actors.context import context_kind, resolve
from bilat.actors.gazetteer import (
    UnknownActorError,
    all_actors,
    is_actor,
    leader_country,
    lookup,
    official_name,
    region_type,
)
from bilat.actors.matcher import actor_by_name, find_mentions

__all__ = [
    "UnknownActorError",
    "actor_by_name",
    "all_actors",
    "context_kind",
    "find_mentions",
    "is_actor",
    "leader_country",
    "lookup",
    "official_name",
    "region_type",
    "resolve",
]
