"""bilat: sourced facts about international and interregional cooperation, read from
Russian news.

    import bilat
    for document in bilat.read("news/"):
        facts = bilat.extract(bilat.analyse(document))
    kb = bilat.open("bilat.db")  # the knowledge base as pandas DataFrames
    kb.series("KZ", "UZ", "turnover")

The names below are imported on first use, so ``import bilat`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# public name → module that defines it
_EXPORTS = {
    "read": "bilat.sources",
    "read_many": "bilat.sources",
    "demo_path": "bilat.sources",
    "analyse": "bilat.nlp",
    "find_mentions": "bilat.actors",
    "resolve": "bilat.actors",
    "extract": "bilat.extract",
    "Store": "bilat.store",
    "process": "bilat.pipeline",
    "ingest": "bilat.pipeline",
    "Document": "bilat.model",
    "Analysis": "bilat.model",
    "Fact": "bilat.model",
    "Actor": "bilat.model",
    "BilatError": "bilat.errors",
    "SourceError": "bilat.errors",
    "ExtractionError": "bilat.errors",
    "StoreError": "bilat.errors",
    "NotFoundError": "bilat.errors",
    "RequestError": "bilat.errors",
    "open": "bilat.kb.notebook",
}
# ``open`` is bilat.open, never a star import's: that would hide the builtin
__all__ = ["__version__", *(name for name in _EXPORTS if name != "open")]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'bilat' has no attribute '{name}'")
    return getattr(import_module(_EXPORTS[name]), name)
