"""The long fuzz run: many adversarial inputs through the readers and the whole chain.

    .venv/bin/python benchmarks/fuzz.py                       # 100,000 inputs
    .venv/bin/python benchmarks/fuzz.py --inputs 5000 --seed 7
    .venv/bin/python benchmarks/fuzz.py --minutes 40          # as many as fit in 40 minutes
    .venv/bin/python benchmarks/fuzz.py --jobs 8 --log run.jsonl  # 8 processes, each input logged
    .venv/bin/python benchmarks/fuzz.py --seed 7 --only 1234  # replay one input

Each input is made from a seed (so a failure can be replayed): random bytes written to a
file of a random kind, or a text of up to --max-chars characters mixing the words the
rules read with runs of digits, huge exponents, unbalanced quotes and brackets, zero
multiples and random Cyrillic. Files go through ``bilat.read``; texts through
``bilat.process``. Printed: inputs, uncaught exceptions (a reader's catch-all counts as
one), non-finite values in facts, per-document CPU and wall seconds p50/p99/p99.9/max,
overall and by length, milliseconds of CPU per thousand characters by length, which stays
flat when time grows linearly, and the exponent k of a least-squares fit CPU ~ length^k
over texts of 1,000 characters or more (k <= 1: at most linear). CPU time is the
figure to read on a machine other jobs load: wall time there is mostly waiting.

With ``--jobs N`` the inputs run in N processes, each of which loads the models once;
every input is timed inside the process that runs it, so the per-document figures do
not depend on N (as long as N does not exceed the free cores). ``--log`` writes one JSON
line per input as it finishes, so a run that is stopped still leaves its figures.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

from bilat.model import Document, Skipped
from bilat.pipeline import process
from bilat.sources import read

_WORDS = (
    "товарооборот экспорт импорт составил достиг вырос сократился увеличился на в раза раз "
    "млн млрд тыс. трлн долларов рублей тенге юаней сумов евро $ % процента доля от общего "
    "объема свыше порядка около более почти за январь-сентябрь 2024 году прошлого года "
    "России Казахстана Узбекистаном Китаем Башкортостана Республики с и между по итогам "
    "форум делегация подписали соглашение губернатор Уфе Алматы"
)
WORDS = _WORDS.split()
MARKS = [*"«»\"'()[]{}—–-,.;:!?…%$", "\n", "\n\n", "<p>", "</div>", "&amp;", "\x00"]
SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".xml", ".rss"]
LENGTH_BUCKETS = (1_000, 5_000, 10_000, 20_000)
WARM_UP = "Товарооборот России и Казахстана в 2024 году вырос на 5%."


def number(rng: random.Random) -> str:
    return rng.choice(
        [
            str(rng.randrange(10**6)),
            "9" * rng.randrange(1, 500),
            "1e400",
            "10^400",
            "0",
            "-3",
            f"{rng.random() * 1000:.2f}".replace(".", ","),
        ]
    )


def piece(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(WORDS)
    if roll < 0.8:
        return rng.choice(MARKS)
    if roll < 0.95:
        return number(rng)
    return "".join(chr(rng.randrange(0x400, 0x500)) for _ in range(rng.randrange(1, 30)))


def text_of(rng: random.Random, max_chars: int) -> str:
    target = rng.randrange(1, max_chars)
    parts: list[str] = []
    size = 0
    while size < target:
        part = piece(rng)
        parts.append(part)
        size += len(part) + 1
    return " ".join(parts)[:max_chars]


def run_text(text: str) -> tuple[str | None, int]:
    """(a problem, or None; non-finite values found)."""
    document = Document(text=text, source="fuzz", name="fuzz.txt", kind="text", date="2025-06-15")
    try:
        facts = process(document).facts
    except Exception:
        return traceback.format_exc(limit=4), 0
    bad = sum(
        1
        for fact in facts
        for value in fact.fields.values()
        if isinstance(value, float) and not math.isfinite(value)
    )
    return None, bad


def run_file(folder: Path, data: bytes, suffix: str) -> tuple[str | None, int]:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    try:
        for item in read(path):
            if isinstance(item, Skipped) and item.reason.startswith("could not be read ("):
                return item.reason, 0
    except Exception:
        return traceback.format_exc(limit=4), 0
    return None, 0


def percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


@dataclass(frozen=True)
class Outcome:
    """What one input did: its text's length (None for a file), wall and CPU seconds of a
    text, a problem (an uncaught exception, as a traceback) and non-finite values."""

    index: int
    length: int | None
    wall: float
    cpu: float
    problem: str | None
    non_finite: int


@dataclass
class Run:
    """What the inputs did: problems, non-finite values, and each text's length with its
    wall and CPU seconds (CPU time is the process's own: on a machine that other jobs
    load, it is what the document cost, where wall time is mostly waiting)."""

    done: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)
    non_finite: int = 0
    texts: list[tuple[int, float, float]] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.done += 1
        self.non_finite += outcome.non_finite
        if outcome.length is not None:
            self.texts.append((outcome.length, outcome.wall, outcome.cpu))
        if outcome.problem:
            self.problems.append((outcome.index, outcome.problem))


@dataclass(frozen=True)
class Settings:
    """What an input is made from, besides its index (sent to each worker process)."""

    seed: int
    max_chars: int
    file_share: float


def one_input(index: int, settings: Settings, folder: Path) -> Outcome:
    rng = random.Random(settings.seed * 1_000_003 + index)
    if rng.random() < settings.file_share:
        data, suffix = rng.randbytes(rng.randrange(0, 4000)), rng.choice(SUFFIXES)
        problem, bad = run_file(folder, data, suffix)
        return Outcome(index, None, 0.0, 0.0, problem, bad)
    text = text_of(rng, settings.max_chars)
    begin, cpu = time.perf_counter(), time.process_time()
    problem, bad = run_text(text)
    wall, cpu = time.perf_counter() - begin, time.process_time() - cpu
    return Outcome(index, len(text), wall, cpu, problem, bad)


_FOLDER: list[Path] = []  # a worker process's own folder for its input files


def start_worker(base: Path) -> None:
    """Load the models before the first input is timed; files go to the worker's folder."""
    folder = base / str(os.getpid())
    folder.mkdir()
    _FOLDER.append(folder)
    run_text(WARM_UP)


def input_in_worker(index: int, settings: Settings) -> Outcome:
    return one_input(index, settings, _FOLDER[0])


def outcomes(
    indexes: Iterator[int], settings: Settings, jobs: int, base: Path
) -> Iterator[Outcome]:
    """Each input's outcome as it finishes, in ``jobs`` processes writing their files
    under ``base``; none is started after the iterator of indexes stops (a deadline)."""
    if jobs <= 1:
        start_worker(base)
        for index in indexes:
            yield input_in_worker(index, settings)
        return
    with ProcessPoolExecutor(jobs, initializer=start_worker, initargs=(base,)) as pool:
        pending: set[Future[Outcome]] = set()
        for index in indexes:
            pending.add(pool.submit(input_in_worker, index, settings))
            if len(pending) >= 4 * jobs:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        for future in pending:
            yield future.result()


def until(deadline: float, indexes: list[int] | range) -> Iterator[int]:
    for index in indexes:
        if time.monotonic() > deadline:
            return
        yield index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--max-chars", type=int, default=20_000)
    parser.add_argument("--file-share", type=float, default=0.2, help="share of inputs as files")
    parser.add_argument("--minutes", type=float, default=None, help="stop after this long")
    parser.add_argument("--only", type=int, default=None, help="run only the input of this index")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--log", type=Path, default=None, help="one JSON line per input")
    args = parser.parse_args()
    settings = Settings(args.seed, args.max_chars, args.file_share)
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else math.inf
    indexes = [args.only] if args.only is not None else range(args.inputs)
    run = Run()
    started = time.perf_counter()
    log = args.log.open("w", encoding="utf-8") if args.log else None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for outcome in outcomes(until(deadline, indexes), settings, args.jobs, Path(tmp)):
                record(run, outcome, log)
    finally:
        if log:
            log.close()
    report(args, run, time.perf_counter() - started)


def record(run: Run, outcome: Outcome, log: TextIO | None) -> None:
    run.add(outcome)
    if log:
        log.write(json.dumps(asdict(outcome), ensure_ascii=False) + "\n")
        log.flush()
    if run.done % 100 == 0:
        print(f"  {run.done} inputs, {len(run.problems)} problems", file=sys.stderr)


def growth_exponent(lengths: list[int], times: list[float]) -> float:
    """k of the least-squares fit log(time) = k log(length) + c over texts of 1,000
    characters or more (shorter ones are dominated by fixed costs); NaN with too few."""
    points = [
        (math.log(n), math.log(t)) for n, t in zip(lengths, times, strict=True) if n >= 1000 and t
    ]
    if len(points) < 10:
        return math.nan
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def spread(times: list[float]) -> str:
    ordered = sorted(times)
    return (
        f"p50 {percentile(ordered, 0.5):.3f}  p99 {percentile(ordered, 0.99):.3f}  "
        f"p99.9 {percentile(ordered, 0.999):.3f}  max {ordered[-1] if ordered else 0:.3f}"
    )


def report(args: argparse.Namespace, run: Run, wall: float) -> None:
    lengths = [n for n, _, _ in run.texts]
    cpu = [c for _, _, c in run.texts]
    limits = f"seed {args.seed}, texts up to {args.max_chars:,} chars"
    print(f"inputs                 {run.done:,} of {args.inputs:,} asked ({limits})")
    print(f"texts / files          {len(run.texts):,} / {run.done - len(run.texts):,}")
    print(f"uncaught exceptions    {len(run.problems)}")
    print(f"non-finite values      {run.non_finite}")
    print(f"CPU s per text         {spread(cpu)}")
    print(f"wall s per text        {spread([w for _, w, _ in run.texts])}")
    print("by length: CPU s per text, and ms of CPU per 1000 chars (flat = linear)")
    lower = 0
    for bucket in LENGTH_BUCKETS:
        inside = [(n, c) for n, _, c in run.texts if lower < n <= bucket]
        if inside:
            per_k = sorted(c / n * 1e6 for n, c in inside)
            print(
                f"  {lower + 1:>6}-{bucket:<6} {spread([c for _, c in inside])}  "
                f"ms/1000 median {percentile(per_k, 0.5):6.1f}  ({len(inside)} texts)"
            )
        lower = bucket
    exponent = growth_exponent(lengths, cpu)
    print(f"CPU ~ length^k         k = {exponent:.2f} (texts of 1,000 chars or more)")
    rate = run.done / wall if wall else 0
    print(f"wall time              {wall:.0f} s ({rate:.2f} inputs/s, {args.jobs} processes)")
    for index, problem in run.problems[:5]:
        print(f"--- input {index} (replay: --seed {args.seed} --only {index}) ---\n{problem}")


if __name__ == "__main__":
    main()
