"""Generated articles, one at a time, and their JSON Lines files."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from bilat.scale_corpus import templates as t
from bilat.scale_corpus.names import Name, countries, regions

FIRST_YEAR, LAST_YEAR = 2014, 2024  # the years figures are stated for
MIN_VALUE, MAX_VALUE = 5.0, 950.0  # millions of dollars: what regions' trade runs to
# A reprint or a contradiction takes up one of the last stories told: news repeats what is
# recent, and the generator keeps a bounded memory however large the corpus.
RECENT_STORIES = 1000
MAX_REPRINT_DELAY_DAYS = 3
# A contradicting figure is this far from the first, either way: clearly another figure,
# not a rounding of the same.
CONTRADICTION_FACTORS = ((0.6, 0.85), (1.15, 1.5))
FILLERS_PER_ARTICLE = (2, 4)
NOISE_SENTENCES = (3, 5)
# Kinds of pair, with their weights: a Russian region and a foreign country, Russia and a
# country, a Russian region and a neighbour's region.
PAIR_KINDS = ("region-country", "country-country", "region-region")
PAIR_WEIGHTS = (0.6, 0.2, 0.2)


@dataclass(frozen=True)
class Shares:
    """The part of the articles of each kind other than an original story."""

    reprint: float = 0.20
    contradiction: float = 0.05
    noise: float = 0.30

    def __post_init__(self) -> None:
        parts = (self.reprint, self.contradiction, self.noise)
        if min(parts) < 0 or sum(parts) >= 1:
            raise ValueError(f"shares must be ≥ 0 and leave room for originals: {self}")


@dataclass(frozen=True)
class Story:
    """One figure: the turnover of a pair for a year, in millions of US dollars."""

    number: int  # the order in which stories were first told
    a: Name
    b: Name
    year: int
    value: float


@dataclass(frozen=True)
class Article:
    """One generated article, and the figure it states (None for noise)."""

    id: str
    kind: str  # original | reprint | contradiction | noise
    title: str
    text: str
    date: str
    url: str
    story: Story | None
    lead: str | None  # the sentence that states the figure

    def record(self) -> dict[str, Any]:
        """The article's JSON line: what ``bilat ingest`` reads, and what it should find."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "text": self.text,
            "intended": self._intended(),
        }

    def _intended(self) -> dict[str, Any]:
        if self.story is None:
            return {"kind": self.kind}
        s = self.story
        return {
            "kind": self.kind,
            "story": s.number,
            "type": "trade",
            "indicator": "turnover",
            "parties": sorted([s.a.code, s.b.code]),
            "year": s.year,
            "value": round(s.value * 1_000_000),
            "currency": "USD",
            "lead": self.lead,
        }


class _Writer:
    """Makes articles in order from one random stream: the seed fixes every choice."""

    def __init__(self, seed: int, shares: Shares) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.shares = shares
        self.recent: deque[Story] = deque(maxlen=RECENT_STORIES)
        self.stories = 0

    def article(self, n: int) -> Article:
        kind = self._kind()
        if kind == "noise":
            return self._noise(n)
        if kind == "reprint":
            story = self.rng.choice(self.recent)
        elif kind == "contradiction":
            told = self.rng.choice(self.recent)
            low, high = self.rng.choice(CONTRADICTION_FACTORS)
            value = round(told.value * self.rng.uniform(low, high), 1)
            story = Story(told.number, told.a, told.b, told.year, value)
        else:
            story = self._new_story()
        return self._about(n, kind, story)

    def _kind(self) -> str:
        r, s = self.rng.random(), self.shares
        if r < s.noise:
            return "noise"
        if not self.recent:
            return "original"
        if r < s.noise + s.reprint:
            return "reprint"
        if r < s.noise + s.reprint + s.contradiction:
            return "contradiction"
        return "original"

    def _new_story(self) -> Story:
        a, b = self._pair()
        year = self.rng.randint(FIRST_YEAR, LAST_YEAR)
        value = round(self.rng.uniform(MIN_VALUE, MAX_VALUE), 1)
        story = Story(self.stories, a, b, year, value)
        self.stories += 1
        self.recent.append(story)
        return story

    def _pair(self) -> tuple[Name, Name]:
        kind = self.rng.choices(PAIR_KINDS, PAIR_WEIGHTS)[0]
        foreign = [c for c in countries() if c.code != "RU"]
        russian = [r for r in regions() if r.code.startswith("RU-")]
        if kind == "country-country":
            return next(c for c in countries() if c.code == "RU"), self.rng.choice(foreign)
        a = self.rng.choice(russian)
        if kind == "region-country":
            return a, self.rng.choice(foreign)
        return a, self.rng.choice([r for r in regions() if not r.code.startswith("RU-")])

    def _about(self, n: int, kind: str, story: Story) -> Article:
        outlet = self.rng.choice(t.OUTLETS)
        slots = _slots(story)
        lead = self.rng.choice(t.LEADS).format(**slots)
        sentences = [lead]
        if kind == "reprint":
            credited = self.rng.choice([o for o in t.OUTLETS if o != outlet])
            sentences.append(self.rng.choice(t.CREDITS).format(outlet=credited))
        sentences += self.rng.sample(t.FILLERS, self.rng.randint(*FILLERS_PER_ARTICLE))
        title = self.rng.choice(t.TITLES).format(**slots)
        return self._article(n, kind, title, sentences, outlet, story, lead)

    def _noise(self, n: int) -> Article:
        count = self.rng.randint(*NOISE_SENTENCES)
        sentences = [
            s.format(n=self.rng.randint(10, 40), m=self.rng.randint(1, 9))
            for s in self.rng.sample(t.NOISE, count)
        ]
        title = self.rng.choice(t.NOISE_TITLES)
        return self._article(n, "noise", title, sentences, self.rng.choice(t.OUTLETS), None, None)

    def _article(
        self,
        n: int,
        kind: str,
        title: str,
        sentences: list[str],
        outlet: str,
        story: Story | None,
        lead: str | None,
    ) -> Article:
        sign_off = t.SIGN_OFF.format(outlet=outlet, n=n + 1)
        doc_id = f"s{self.seed}-{n:07d}"
        return Article(
            id=doc_id,
            kind=kind,
            title=title,
            text=" ".join(sentences) + "\n\n" + sign_off,
            date=self._date(story),
            url=f"https://outlet{t.OUTLETS.index(outlet) + 1}.example/news/{doc_id}",
            story=story,
            lead=lead,
        )

    def _date(self, story: Story | None) -> str:
        # A year's figure is published in the next year; reprints follow within days.
        year = story.year + 1 if story else self.rng.randint(FIRST_YEAR + 1, LAST_YEAR + 1)
        day = dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randint(14, 350))
        day += dt.timedelta(days=self.rng.randint(0, MAX_REPRINT_DELAY_DAYS))
        return day.isoformat()


def _slots(story: Story) -> dict[str, Any]:
    return {
        "a_gen": story.a.genitive,
        "b_gen": story.b.genitive,
        "a_ins": story.a.instrumental,
        "b_ins": story.b.instrumental,
        "year": story.year,
        "value": f"{story.value:.1f}".replace(".", ","),
    }


def articles(n: int, seed: int = 1, shares: Shares | None = None) -> Iterator[Article]:
    """``n`` articles, the same for the same seed; made as they are asked for."""
    writer = _Writer(seed, shares or Shares())
    for i in range(n):
        yield writer.article(i)


def write_corpus(
    n: int,
    out: str | os.PathLike[str],
    *,
    seed: int = 1,
    files: int = 1,
    shares: Shares | None = None,
) -> list[Path]:
    """Write ``n`` articles as JSON Lines: to the file ``out`` (one file), or to ``files``
    files ``part-0000.jsonl`` … in the folder ``out``, consecutive articles in each."""
    if files < 1:
        raise ValueError(f"files must be ≥ 1, found {files}")
    paths = _paths(Path(out), files)
    current: TextIO | None = None
    index = -1
    try:
        for i, article in enumerate(articles(n, seed, shares)):
            wanted = i * files // n
            if wanted != index:
                if current:
                    current.close()
                index, current = wanted, paths[wanted].open("w", encoding="utf-8")
            assert current is not None
            current.write(json.dumps(article.record(), ensure_ascii=False) + "\n")
    finally:
        if current:
            current.close()
    return [p for p in paths if p.exists()]


def _paths(out: Path, files: int) -> list[Path]:
    if files == 1 and out.suffix in (".jsonl", ".ndjson"):
        out.parent.mkdir(parents=True, exist_ok=True)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    return [out / f"part-{i:04d}.jsonl" for i in range(files)]
