"""A generated corpus straight into a store, without the NLP stage: each article with the
figure its ``intended`` record states, as bilat would have extracted it.

For stores too large to ingest on one machine in a benchmark's time (a million
documents): the rows are those of a real ingest, less what the NLP would add besides the
figure (events, mentions). ``Store.add_many`` writes a batch in one transaction.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bilat.model import Document, Evidence, Fact
from bilat.sources.jsonl import read_records
from bilat.store import Store

LOAD_BATCH = 500  # documents a transaction: tuned on PostgreSQL, where more gained nothing
GENERATED_RULE = "scale_corpus.intended"  # the rule a loaded fact names: not an extraction


def intended_facts(document: Document, intended: dict[str, Any]) -> list[Fact]:
    """The figure an article states, with its lead sentence as evidence; none for noise."""
    lead = intended.get("lead")
    if not isinstance(lead, str) or (start := document.text.find(lead)) < 0:
        return []
    fields = {
        "indicator": intended["indicator"],
        "parties": list(intended["parties"]),
        "exporter": None,
        "importer": None,
        "value": float(intended["value"]),
        "currency": intended["currency"],
        "qualifier": "exact",
        "period": {"year": intended["year"], "months": None},
        "status": "actual",
    }
    evidence = Evidence(lead, start, start + len(lead))
    return [Fact(intended["type"], fields, evidence, 0.9, rule=GENERATED_RULE)]


def loaded(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Document, list[Fact]]]:
    """Documents of the corpus files, read by bilat's JSON Lines reader, with their facts."""
    for path in paths:
        with Path(path).open(encoding="utf-8") as lines:
            for line in lines:
                item = json.loads(line)
                name = Path(path).name
                for document in read_records([item], source=str(path), name=name):
                    if isinstance(document, Document):
                        yield document, intended_facts(document, item.get("intended", {}))


def bulk_load(
    paths: Iterable[str | os.PathLike[str]], store: Store, batch: int = LOAD_BATCH
) -> int:
    """Load the corpus files into ``store``, ``batch`` documents a transaction; how many
    documents were added (a document already stored is passed over)."""
    added = 0
    pending: list[tuple[Document, list[Fact], tuple[()]]] = []
    for document, facts in loaded(paths):
        pending.append((document, facts, ()))
        if len(pending) >= batch:
            added += sum(store.add_many(pending))
            pending = []
    return added + sum(store.add_many(pending))
