"""A corpus of generated Russian news for scale tests, as JSON Lines ``bilat ingest`` reads.

    python -m bilat.scale_corpus --docs 100000 --seed 1 --out corpus/ --files 8

Articles state the turnover of a pair of the gazetteer's countries and regions for a
year; a share of them are reprints of an earlier article's figure by another outlet,
contradictions (another figure for the same pair and year) and noise (weather, sport,
city life). Every line carries, besides ``text``, ``title``, ``date``, ``url`` and ``id``,
an ``intended`` record of the figure it states (bilat's reader ignores it), so tests and
benchmarks know what bilat should find. The same seed gives the same corpus, byte for
byte; articles are made one at a time and written as they are made.
"""

from bilat.scale_corpus.generate import (
    Article,
    Shares,
    Story,
    articles,
    write_corpus,
)

__all__ = ["Article", "Shares", "Story", "articles", "write_corpus"]
