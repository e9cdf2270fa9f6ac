"""``bilat bench``: how fast full extraction runs next to natasha's own pipeline.

Both run over the same texts in one process with the models already loaded, so the
ratio compares the work, not the start-up. Figures are printed, never asserted: the
machines are shared and timings are noisy.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bilat.model import Document

# Progress of a run of minutes: ``stage(label, total)`` starts a stage of ``total`` texts
# and returns what to call after each text.
Tick = Callable[[], None]
Stage = Callable[[str, int], Tick]


def silent(label: str, total: int) -> Tick:
    return lambda: None


# The public benchmark texts, when ../shared sits beside the checkout: timed on the
# testset, warmed up on the devset so caches hold common words but not the timed texts.
FACTRU_TIMED = "data/factRuEval-2016/testset"
FACTRU_WARM = "data/factRuEval-2016/devset"
# Enough texts for a stable figure on two cores in under a minute.
DEFAULT_LIMIT = 120
WARM_UP_TEXTS = 20
# Each pipeline runs this many times, alternating, and the best run counts: on a shared
# machine the slowest runs measure the neighbours, not the code.
ROUNDS = 2


@dataclass(frozen=True)
class Throughput:
    name: str
    documents: int
    characters: int
    seconds: float
    peak_rss_mb: float

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def chars_per_s(self) -> float:
        return self.characters / self.seconds if self.seconds else 0.0


def find_shared(start: Path | None = None) -> Path | None:
    """The ``shared`` folder beside the current folder or the checkout, if present."""
    here = (start or Path.cwd()).resolve()
    package = Path(__file__).resolve().parent
    for folder in (here, *here.parents, *package.parents):
        candidate = folder.parent / "shared" if folder.name != "shared" else folder
        if (candidate / "eval").is_dir():
            return candidate
    return None


def bench_texts(
    shared: Path | None, limit: int = DEFAULT_LIMIT, folder: str = FACTRU_TIMED
) -> list[Document]:
    """factRuEval texts when available, else the demo corpus."""
    if shared and (shared / folder).is_dir():
        return [_document(p) for p in sorted((shared / folder).glob("*.txt"))[:limit]]
    from bilat.sources import demo_path, read

    return [d for d in read(demo_path()) if isinstance(d, Document)][:limit]


def bench_source(shared: Path | None) -> str:
    """Which texts bench_texts times, in words."""
    return (
        "factRuEval-2016 testset" if shared and (shared / FACTRU_TIMED).is_dir() else "demo corpus"
    )


def compare(
    documents: Sequence[Document], rounds: int = ROUNDS, stage: Stage = silent
) -> tuple[Throughput, ...]:
    """natasha alone and full extraction, alternated, best of ``rounds`` each."""
    runs: dict[str, list[Throughput]] = {}
    for n in range(1, rounds + 1):
        for short, name, run in (
            ("natasha alone", "natasha alone (segment, morph, syntax, NER)", natasha_alone),
            ("bilat", "bilat: analyse + extract every fact type", full_extraction),
        ):
            tick = stage(f"round {n}/{rounds}: {short}", len(documents))
            runs.setdefault(name, []).append(measure(name, run, documents, tick))
    return tuple(min(results, key=lambda r: r.seconds) for results in runs.values())


def _document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    return Document(text=text, source=str(path), name=path.name, kind="txt")


def natasha_alone(documents: Sequence[Document], tick: Tick | None = None) -> None:
    """natasha's own pipeline: segment, morphology, syntax, NER, on as many BLAS threads
    as ``analyse`` gives it, so that the ratio compares the work."""
    from natasha import Doc

    from bilat.nlp import models
    from bilat.nlp.pipeline import BLAS_THREADS

    m = models()
    for document in documents:
        doc = Doc(document.text)
        doc.segment(m.segmenter)
        with m.blas.limit(limits=BLAS_THREADS, user_api="blas"):
            doc.tag_morph(m.morph)
            doc.parse_syntax(m.syntax)
            doc.tag_ner(m.ner)
        if tick:
            tick()


def full_extraction(documents: Sequence[Document], tick: Tick | None = None) -> None:
    from bilat.extract import extract
    from bilat.nlp import analyse

    for document in documents:
        extract(analyse(document))
        if tick:
            tick()


def measure(
    name: str,
    run: Callable[[Sequence[Document], Tick | None], None],
    documents: Sequence[Document],
    tick: Tick | None = None,
) -> Throughput:
    gc.collect()
    started = time.perf_counter()
    run(documents, tick)  # a tick costs microseconds against a text's tens of milliseconds
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Throughput(name, len(documents), sum(len(d.text) for d in documents), seconds, peak)


def gazetteer_load_seconds() -> float:
    """How long the gazetteer takes to load: every process pays it with its first mention
    search (the best of three cold loads)."""
    from bilat.actors.gazetteer import gazetteer

    best = float("inf")
    for _ in range(3):
        gazetteer.cache_clear()
        started = time.perf_counter()
        gazetteer()
        best = min(best, time.perf_counter() - started)
    return best


def warm_up(documents: Sequence[Document], stage: Stage = silent) -> None:
    """Load models, compile grammars and fill the word caches on texts not timed after."""
    tick = stage("warming up", len(documents) + len(documents[:2]))
    full_extraction(documents, tick)
    natasha_alone(documents[:2], tick)


def dev_scores(shared: Path, stage: Stage = silent) -> str | None:
    """The output of shared/eval/score.py on bilat's facts for shared/eval/dev."""
    texts = sorted((shared / "eval" / "dev" / "texts").glob("*.txt"))
    if not texts:
        return None
    from bilat.pipeline import process

    tick = stage("dev set", len(texts))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for path in texts:
            record = process(_document(path)).record
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            tick()
    result = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            "--gold",
            str(shared / "eval" / "dev" / "gold.jsonl"),
            "--pred",
            out.name,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    os.unlink(out.name)
    return result.stdout or result.stderr
