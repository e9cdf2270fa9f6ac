"""The knowledge base: facts consolidated across documents, with sources and human decisions.

    from bilat import kb
    kb.dossier(store, "KZ", "UZ")              # series, events, quotes, contradictions …
    kb.answer(store, "Какой товарооборот между Казахстаном и Узбекистаном в 2024 году?")
    kb.curate(store, fact_id, "reject", by="Анна", why="цифра за другой год")
    kb.export(store, "consolidated", "csv", "facts.csv")

Functions over a ``Store``; the knowledge base keeps its state (reprint groups, decisions)
in tables of the store's schema, written through the store (see ``kb.state``).
"""

from bilat.kb.ask import Answer, Question, answer, parse
from bilat.kb.checks import (
    GROWTH_TOLERANCE_POINTS,
    TRADE_SUM_TOLERANCE,
    Check,
    Contradiction,
)
from bilat.kb.claims import Claim, claims, pair_claims, party_claims
from bilat.kb.consolidate import Consolidated, consolidate
from bilat.kb.curation import (
    CurationError,
    Decision,
    UnknownFactError,
    curate,
    curation_log,
    load_curation,
    orphans,
)
from bilat.kb.dossier import Dossier, dossier, profile, resolve_code
from bilat.kb.dossier import pair_series as series
from bilat.kb.duplicates import duplicate_groups, groups_of
from bilat.kb.export import ExportError, export
from bilat.kb.incremental import Update, rebuild, update
from bilat.kb.timeseries import Series
from bilat.kb.whole import consistency, consolidated_all, contradictions, findings, overview

__all__ = [
    "GROWTH_TOLERANCE_POINTS",
    "TRADE_SUM_TOLERANCE",
    "Answer",
    "Check",
    "Claim",
    "Consolidated",
    "Contradiction",
    "CurationError",
    "Decision",
    "Dossier",
    "ExportError",
    "Question",
    "Series",
    "UnknownFactError",
    "Update",
    "answer",
    "claims",
    "consistency",
    "consolidate",
    "consolidated_all",
    "contradictions",
    "curate",
    "curation_log",
    "dossier",
    "duplicate_groups",
    "export",
    "findings",
    "groups_of",
    "load_curation",
    "orphans",
    "overview",
    "pair_claims",
    "parse",
    "party_claims",
    "profile",
    "rebuild",
    "resolve_code",
    "series",
    "update",
]
