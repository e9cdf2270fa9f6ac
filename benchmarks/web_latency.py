"""Latency of the web API on a large store: p50/p95 of the dossier, search and facts calls.

    .venv/bin/python benchmarks/web_latency.py                 # 20,000 documents
    .venv/bin/python benchmarks/web_latency.py --docs 2000 --db /tmp/small.db

Builds a store of generated documents with generated facts (no NLP: the texts are made
from templates, the facts written alongside), 5 % of them reprints of earlier ones, then
calls the API in-process through FastAPI's TestClient and prints percentiles. The target
is p95 < 100 ms on a 2-core machine. A store left from an earlier run with the same
number of documents is reused.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bilat import kb
from bilat.actors import lookup
from bilat.model import Document, Evidence, Fact
from bilat.sources import demo_path
from bilat.store import Store
from bilat.web import create_app

with warnings.catch_warnings():  # starlette asks for httpx2, which bilat does not ship
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SEED = 20250210
ACTORS = (
    "RU",
    "KZ",
    "UZ",
    "CN",
    "BY",
    "AZ",
    "KG",
    "TJ",
    "TM",
    "AM",
    "GE",
    "MN",
    "TR",
    "IN",
    "IR",
    "RU-BA",
    "RU-TA",
    "RU-NVS",
    "RU-OMS",
    "RU-CHE",
    "RU-ORE",
    "RU-KYA",
    "RU-SVE",
    "RU-TYU",
    "RU-ALT",
    "RU-AST",
    "RU-SAM",
    "RU-NIZ",
    "RU-MOW",
    "RU-SPE",
    "KZ-39",
    "KZ-55",
    "KZ-63",
    "KZ-15",
    "KZ-75",
    "UZ-TK",
    "CN-XJ",
    "CN-HL",
    "BY-MI",
    "AZ-BA",
)
# Filler words are drawn from the demo corpus's own words with Zipf's law (weight 1/rank),
# as in real text: a few words are in most articles, most words in few.
MIN_WORD = 4  # shorter words are mostly prepositions and conjunctions
# A third of the searches are for the word every generated article has: the worst case,
# also measured on its own ("search *").
COMMON_QUERY = "товарооборот"
REPRINT_SHARE = 0.05  # about what a news aggregator's feed holds
REQUESTS = 200  # per endpoint: enough for a stable p95


def vocabulary() -> tuple[list[str], list[float]]:
    """Words of the demo corpus, most frequent first, with Zipf weights."""
    counts: Counter[str] = Counter()
    for path in sorted(demo_path().glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="ignore").lower()
        counts.update(w for w in re.findall(r"[а-яё]+", text) if len(w) >= MIN_WORD)
    words = [w for w, _ in counts.most_common()]
    return words, [1 / (rank + 1) for rank in range(len(words))]


WORDS, WEIGHTS = vocabulary()


def sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choices(WORDS, WEIGHTS, k=n)).capitalize() + "."


def article(rng: random.Random, n: int) -> tuple[Document, list[Fact]]:
    a, b = rng.sample(ACTORS, 2)
    name_a, name_b = lookup(a).name, lookup(b).name
    year = rng.randint(2015, 2024)
    value = round(rng.uniform(10, 5000), 1)
    lead = (
        f"Товарооборот {name_a} и {name_b} в {year} году составил {value} млн "
        f"долларов, экспорт — {round(value * 0.6, 1)} млн."
    )
    event = f"Делегации {name_a} и {name_b} провели форум и обсудили кооперацию."
    text = " ".join([sentence(rng), lead, sentence(rng), event, sentence(rng), sentence(rng)])
    text = f"{text} Материал № {n}."
    day = f"{year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    document = Document(
        text=text,
        source=f"gen/{n}",
        name=f"gen_{n:05d}.txt",
        kind="text",
        title=f"{name_a} и {name_b}: {rng.choice(WORDS[:300])}",
        date=day,
    )
    return document, facts_for(text, lead, event, a, b, year, value, day)


def facts_for(
    text: str, lead: str, event: str, a: str, b: str, year: int, value: float, day: str
) -> list[Fact]:
    def ev(part: str) -> Evidence:
        start = text.index(part)
        return Evidence(part, start, start + len(part))

    period = {"year": year, "months": None}
    trade = {
        "parties": [a, b],
        "currency": "USD",
        "qualifier": "exact",
        "status": "actual",
        "period": period,
    }
    return [
        Fact("trade", {**trade, "indicator": "turnover", "value": value * 1e6}, ev(lead), 0.9),
        Fact(
            "trade",
            {**trade, "indicator": "export", "value": value * 0.6e6, "exporter": a, "importer": b},
            ev(lead),
            0.8,
        ),
        Fact(
            "change",
            {
                "indicator": "turnover",
                "parties": [a, b],
                "percent": 5.0,
                "period": period,
                "base": "previous_period",
            },
            ev(lead),
            0.8,
        ),
        Fact("event", {"kind": "forum", "parties": [a, b], "date": day[:7]}, ev(event), 0.7),
    ]


def corpus(n: int) -> Iterator[tuple[Document, list[Fact]]]:
    rng = random.Random(SEED)
    made: list[tuple[Document, list[Fact]]] = []
    for i in range(n):
        if made and rng.random() < REPRINT_SHARE:
            yield reprint(rng.choice(made), i)
            continue
        item = article(rng, i)
        made.append(item)
        yield item


def reprint(original: tuple[Document, list[Fact]], n: int) -> tuple[Document, list[Fact]]:
    document, facts = original
    head = f"Перепечатка № {n}. "  # two reprints of one article are still two texts
    shifted = [
        Fact(
            f.type,
            f.fields,
            Evidence(f.evidence.text, f.evidence.start + len(head), f.evidence.end + len(head)),
            f.confidence,
        )
        for f in facts
    ]
    copy = Document(
        text=head + document.text,
        source=f"gen/{n}",
        name=f"gen_{n:05d}.txt",
        kind="text",
        title=document.title,
        date=document.date,
    )
    return copy, shifted


def build(path: Path, n: int) -> Store:
    store = Store(str(path))
    if store.count_documents() == n:
        print(f"reusing {path} ({n} documents)")
        return store
    started = time.perf_counter()
    for i, (document, facts) in enumerate(corpus(n), 1):
        store.add(document, facts)
        if i % 5000 == 0:
            print(f"  {i} documents stored ({time.perf_counter() - started:.0f} s)")
    print(f"stored {n} documents in {time.perf_counter() - started:.1f} s")
    return store


def timed(call: Callable[[], Any]) -> tuple[float, float]:
    """Wall and CPU milliseconds of one call. CPU time counts every thread of this process
    (the app runs in TestClient's), so it stays meaningful on a machine others load."""
    started, cpu = time.perf_counter(), time.process_time()
    response = call()
    assert response.status_code == 200, response.text[:300]
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"p50 {statistics.median(ordered):6.1f}  p95 {p95:6.1f}  max {ordered[-1]:7.1f}"


def measure(client: TestClient, name: str, urls: list[str]) -> None:
    for url in urls[:5]:  # warm caches the way a running server would have them warm
        client.get(url)
    walls, cpus = zip(*(timed(lambda url=url: client.get(url)) for url in urls), strict=True)
    print(
        f"{name:9} n={len(urls):3}  wall ms: {percentiles(list(walls))}   "
        f"cpu ms: {percentiles(list(cpus))}"
    )


def query(rng: random.Random) -> str:
    if rng.random() < 1 / 3:
        return COMMON_QUERY
    return " ".join(rng.choices(WORDS[:300], k=rng.randint(1, 2)))


def urls(rng: random.Random) -> dict[str, list[str]]:
    pairs = [rng.sample(ACTORS, 2) for _ in range(REQUESTS)]
    filters = [
        "",
        "?type=trade",
        "?party={a}",
        "?party={a}&partner={b}",
        "?indicator=turnover&year={y}",
        "?type=event&party={a}&limit=50",
    ]
    return {
        "dossier": [f"/api/pair/{a}/{b}" for a, b in pairs],
        "search": [f"/api/search?q={query(rng)}&limit=20" for _ in range(REQUESTS)],
        "search *": [f"/api/search?q={COMMON_QUERY}&limit=20"] * (REQUESTS // 4),
        "facts": [
            f"/api/facts{rng.choice(filters)}".format(a=a, b=b, y=rng.randint(2015, 2024))
            for a, b in pairs
        ],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.gettempdir()) / f"bilat_bench_{args.docs}.db"
    store = build(path, args.docs)
    started = time.perf_counter()
    kb.groups_of(store)
    print(
        f"reprint groups ready in {time.perf_counter() - started:.1f} s "
        f"({len(kb.duplicate_groups(store))} groups of reprints)"
    )
    with TestClient(create_app(store)) as client:
        started = time.perf_counter()
        client.get("/api/overview")
        print(f"overview (first call, consolidates all) {time.perf_counter() - started:.1f} s")
        for name, listed in urls(random.Random(SEED)).items():
            measure(client, name, listed)
        measure(client, "overview", ["/api/overview"] * 20)  # cached until something changes
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    store.close()


if __name__ == "__main__":
    sys.exit(main())
