"""Storage of documents, facts and mentions: SQLite by default, PostgreSQL by URL.

with Store("bilat.db") as store:
    store.add(document, facts, mentions)
    store.facts(pair=("RU-BA", "KZ"), indicator="turnover")
    store.search("товарооборот Казахстан")
"""

from bilat.store.records import SearchHit, StoredDocument, StoredFact
from bilat.store.store import DEFAULT_URL, Store

__all__ = ["DEFAULT_URL", "SearchHit", "Store", "StoredDocument", "StoredFact"]
