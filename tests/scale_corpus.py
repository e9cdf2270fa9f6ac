"""A small corpus of varied articles for the scale and --jobs tests, and pieces that fail
on purpose (importable by Dask's worker processes, which is why they live in a module)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bilat.model import Document, Skipped
from bilat.scale.pieces import Piece
from bilat.store import Store

PARTNERS = ["Казахстаном", "Узбекистаном", "Киргизией", "Монголией", "Арменией", "Белоруссией"]
REGIONS = ["Башкортостана", "Татарстана", "Омской области", "Алтайского края"]


def article(n: int) -> str:
    """The n-th made-up article: a turnover, a growth and a forum, each with its own figures."""
    partner = PARTNERS[n % len(PARTNERS)]
    region = REGIONS[n % len(REGIONS)]
    return (
        f"В {2015 + n % 9} году товарооборот {region} с {partner} составил "
        f"{100 + 7 * n},{n % 10} млн долларов. Экспорт вырос на {3 + n % 17}%. "
        f"В городе прошёл деловой форум, стороны подписали соглашение о сотрудничестве №{n}."
    )


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"n{n:03d}.txt").write_text(article(n), encoding="utf-8")
    return folder


def fact_ids(url: str) -> set[str]:
    with Store(url) as store:
        return {fact.id for fact in store.facts()}


def document_ids(url: str) -> list[str]:
    with Store(url) as store:
        return sorted(doc.id for doc in store.documents(limit=10_000))


@dataclass(frozen=True)
class FailsOnce:
    """The documents of ``pieces``; on the first run, after the first one is stored, the
    run fails: by an exception, or (``kill``) by its worker process dying on the spot."""

    pieces: tuple[Piece, ...]
    marker: str  # a file made by the first run, so that the next one goes through
    kill: bool = False
    size: int = 1

    def read(self) -> Iterator[Document | Skipped]:
        items = itertools.chain.from_iterable(piece.read() for piece in self.pieces)
        for n, item in enumerate(items):
            if n == 1 and not Path(self.marker).exists():
                Path(self.marker).touch()  # the first document is stored by now
                if self.kill:
                    os._exit(1)
                raise RuntimeError("the partition fails once")
            yield item
