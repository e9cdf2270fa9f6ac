"""Load test of the real server: many concurrent clients against ``bilat serve`` for a while.

    .venv/bin/python benchmarks/load.py                 # 20,000 documents, 200 clients, 60 s
    .venv/bin/python benchmarks/load.py --docs 2000 --clients 50 --seconds 10
    .venv/bin/python benchmarks/load.py --db /tmp/big.db --docs 20000

Builds (or reuses) the generated store of ``web_latency.py`` (no NLP) and brings its
knowledge base up to date as ``bilat ingest`` does, starts ``bilat serve --token T`` in a
subprocess on a free port of 127.0.0.1, times the first request (``GET /api/overview``)
once the port opens, then lets C clients (asyncio + httpx) loop over a mix of pages and
API calls for D seconds, stops them, sends curation writes without the token (no token,
a wrong one, the right one from another site's page) and checks that none landed, stops
the server, and prints one table: requests, errors (non-2xx or exceptions), requests/s,
and p50/p95/p99 latency overall and per route, then the refused writes. The clients run
on the same machine as the server and share its CPUs, so the figures are those of the
pair. The exit code is 0 even when requests failed: it is a benchmark; the errors are
printed.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx
import web_latency

from bilat.kb import incremental

HOST = "127.0.0.1"  # never anything else: the load stays on this machine
START_TIMEOUT = 600.0  # s: the server signs every document before it opens its port
REQUEST_TIMEOUT = 30.0  # s: a slower answer counts as an error (ReadTimeout)
GRACE = REQUEST_TIMEOUT + 5  # s after the end for requests in flight to answer or time out
SAMPLE_ERRORS = 5  # distinct error messages printed
TOKEN = "load-benchmark-token"  # the server's; no client of the load is given it
WRITES = 100  # curation writes sent of each kind that must be refused


@dataclass
class Results:
    """Latencies (ms) of answered requests by route, and failures by route."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    messages: Counter[str] = field(default_factory=Counter)
    unfinished: int = 0  # still running when the grace period ended
    elapsed: float = 0.0  # s from the first request sent to the last answered

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values()) + sum(self.errors.values())

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def routes(a: str, b: str) -> list[tuple[str, str]]:
    """(name, URL path) of the mix, pages and their JSON twins, for the pair ``a``-``b``."""
    query = web_latency.COMMON_QUERY
    return [
        ("/", "/"),
        ("/facts", "/facts"),
        ("/api/facts?limit=50", "/api/facts?limit=50"),
        (f"/api/search?q={query}", f"/api/search?q={query}"),
        ("/pair/{a}/{b}", f"/pair/{a}/{b}"),
        ("/api/pair/{a}/{b}", f"/api/pair/{a}/{b}"),
        ("/actor/{a}", f"/actor/{a}"),
        ("/consolidated", "/consolidated"),
        ("/api/overview", "/api/overview"),
    ]


def prepare(db: Path, docs: int) -> tuple[str, str]:
    """Build or reuse the store at ``db``, its knowledge base current as an ingest leaves
    it; its most reported pair (for the pair pages)."""
    store = web_latency.build(db, docs)
    try:
        started = time.perf_counter()
        done = incremental.update(store)
        if done.documents:
            took = time.perf_counter() - started
            print(f"knowledge base: {done.documents} documents taken in ({took:.0f} s)")
        top = store.top_pairs(1)
    finally:
        store.close()
    if not top:
        return "KZ", "UZ"
    return top[0][0], top[0][1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((HOST, port)) == 0


def server_command(db: Path, port: int) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from bilat.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
        "--host",
        HOST,
        "--token",
        TOKEN,
    ]


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    log: IO[bytes]
    base: str
    started_in: float  # s from spawning to the port accepting connections
    stopped: str = ""  # how it stopped, once it has

    def log_tail(self, chars: int = 3000) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", errors="replace")[-chars:]


@contextmanager
def serving(db: Path, timeout: float = START_TIMEOUT) -> Iterator[Server]:
    """``bilat serve --token TOKEN`` on ``db`` at a free loopback port, stopped after."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        spawned = time.perf_counter()
        process = subprocess.Popen(
            server_command(db, port), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        server = Server(process, log, f"http://{HOST}:{port}", 0.0)
        try:
            while not port_open(port):
                if process.poll() is not None:
                    raise RuntimeError(
                        f"the server exited ({process.returncode}):\n{server.log_tail()}"
                    )
                if time.perf_counter() - spawned > timeout:
                    raise RuntimeError(f"the server did not open {server.base} in {timeout:.0f} s")
                time.sleep(0.05)
            server.started_in = time.perf_counter() - spawned
            yield server
        finally:
            server.stopped = stop(process)


def stop(process: subprocess.Popen[bytes], patience: float = 15) -> str:
    """Stop the server: SIGTERM (uvicorn shuts down gracefully), SIGKILL after
    ``patience`` seconds; how it went, in words."""
    if process.poll() is not None:
        return f"had exited ({process.returncode})"
    started = time.perf_counter()
    process.terminate()
    try:
        process.wait(timeout=patience)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return f"killed: still running {patience:g} s after SIGTERM"
    return f"stopped in {time.perf_counter() - started:.1f} s"


async def first_request(base: str) -> tuple[float, int]:
    """Milliseconds and status of the first ``GET /api/overview``."""
    async with httpx.AsyncClient(base_url=base, timeout=START_TIMEOUT) as client:
        started = time.perf_counter()
        response = await client.get("/api/overview")
        return (time.perf_counter() - started) * 1000, response.status_code


async def client_loop(
    client: httpx.AsyncClient,
    mix: list[tuple[str, str]],
    deadline: float,
    rng: random.Random,
    results: Results,
) -> None:
    """One client: the mix in turn from a random place, until ``deadline``."""
    i = rng.randrange(len(mix))
    while time.perf_counter() < deadline:
        name, url = mix[i % len(mix)]
        i += 1
        started = time.perf_counter()
        try:
            response = await client.get(url)
        except httpx.HTTPError as error:
            results.errors[name] += 1
            detail = str(error) or f"no answer in {REQUEST_TIMEOUT:g} s"
            results.messages[f"{name}: {type(error).__name__}: {detail}"[:200]] += 1
            continue
        took = (time.perf_counter() - started) * 1000
        if 200 <= response.status_code < 300:
            results.latencies.setdefault(name, []).append(took)
        else:
            results.errors[name] += 1
            results.messages[f"{name}: HTTP {response.status_code} {response.text[:120]}"] += 1


async def load(
    base: str, mix: list[tuple[str, str]], clients: int, seconds: float, seed: int = 0
) -> Results:
    """``clients`` concurrent clients over ``mix`` for ``seconds``; no request is sent
    after that, those in flight get ``GRACE`` seconds to finish."""
    results = Results(latencies={name: [] for name, _ in mix})
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT, limits=limits) as client:
        started = time.perf_counter()
        deadline = started + seconds
        tasks = [
            asyncio.create_task(
                client_loop(client, mix, deadline, random.Random(seed + n), results)
            )
            for n in range(clients)
        ]
        _, pending = await asyncio.wait(tasks, timeout=seconds + GRACE)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        results.unfinished = len(pending)
        results.elapsed = time.perf_counter() - started
    return results


@dataclass(frozen=True)
class Writes:
    """Curation writes sent without the right token and how the server answered."""

    sent: int
    refused: int  # answered 403
    landed: int  # decisions stored after them (must be 0)


async def writes_without_the_token(base: str) -> Writes:
    """``WRITES`` curation requests of each kind a stranger can send, all at once: none
    may be answered other than 403, and no decision may be stored."""
    decision = {"action": "reject", "by": "load", "why": "a write without the token"}
    strangers = [
        {},
        {"Authorization": "Bearer not-the-token"},
        {"Cookie": f"bilat_token={TOKEN}", "Origin": "http://evil.example"},
    ]
    async with httpx.AsyncClient(base_url=base, timeout=START_TIMEOUT) as client:
        fact = (await client.get("/api/facts?limit=1")).json()["facts"][0]["id"]
        url = f"/api/fact/{fact}/curation"
        sent = [
            client.post(url, json=decision, headers=h) for h in strangers for _ in range(WRITES)
        ]
        answers = await asyncio.gather(*sent)
        landed = len((await client.get(f"/api/fact/{fact}")).json()["decisions"])
    refused = sum(1 for answer in answers if answer.status_code == 403)
    return Writes(len(answers), refused, landed)


def percentile(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile of sorted values; NaN when there are none."""
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(len(ordered) * p / 100) - 1)]


def row(name: str, values: list[float], errors: int, elapsed: float) -> str:
    """A route's line; the percentiles are of answered requests ('-' when none was)."""
    ordered = sorted(values)
    n = len(ordered) + errors
    rate = n / elapsed if elapsed else 0.0
    cells = [percentile(ordered, p) for p in (50, 95, 99)] + [ordered[-1] if ordered else math.nan]
    shown = " ".join("        -" if math.isnan(c) else f"{c:9.1f}" for c in cells)
    return f"{name:30} {n:8d} {errors:7d} {rate:8.1f} {shown}"


def report(
    results: Results,
    first_ms: float,
    first_status: int,
    started_in: float,
    docs: int,
    clients: int,
    seconds: float,
) -> str:
    header = (
        f"{'route':30} {'requests':>8} {'errors':>7} {'req/s':>8} {'p50 ms':>9} "
        f"{'p95 ms':>9} {'p99 ms':>9} {'max ms':>9}"
    )
    lines = [
        f"load: {docs} documents, {clients} clients, {seconds:g} s "
        f"(ran {results.elapsed:.1f} s with the tail), {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}",
        f"server start to open port: {started_in:.1f} s; "
        f"first request GET /api/overview: {first_ms:.0f} ms (HTTP {first_status})",
        header,
        "-" * len(header),
    ]
    for name, values in results.latencies.items():
        lines.append(row(name, values, results.errors[name], results.elapsed))
    lines.append("-" * len(header))
    every = [v for values in results.latencies.values() for v in values]
    lines.append(row("all", every, results.error_count, results.elapsed))
    if results.error_count or results.unfinished or first_status != 200:
        lines.append(
            f"ERRORS: {results.error_count} failed requests, "
            f"{results.unfinished} clients cancelled unfinished"
            + (f", first request HTTP {first_status}" if first_status != 200 else "")
        )
        for message, n in results.messages.most_common(SAMPLE_ERRORS):
            lines.append(f"  {n:6d} x {message}")
    else:
        lines.append("errors: none")
    return "\n".join(lines)


async def warm(base: str, mix: list[tuple[str, str]]) -> float:
    """Seconds to ask every route once, one after another: what a cold server computes
    before it answers from what it keeps."""
    async with httpx.AsyncClient(base_url=base, timeout=START_TIMEOUT) as client:
        started = time.perf_counter()
        for _, path in mix:
            await client.get(path)
        return time.perf_counter() - started


def run(
    db: Path, docs: int, clients: int, seconds: float, warm_first: bool = False
) -> tuple[Results, str]:
    """The whole benchmark: store, server, first request, load; the results and table.
    With ``warm_first`` every route is asked once before the load (steady state)."""
    a, b = prepare(db, docs)
    with serving(db) as server:
        first_ms, first_status = asyncio.run(first_request(server.base))
        warmed = asyncio.run(warm(server.base, routes(a, b))) if warm_first else None
        results = asyncio.run(load(server.base, routes(a, b), clients, seconds))
        writes = asyncio.run(writes_without_the_token(server.base))
        table = report(results, first_ms, first_status, server.started_in, docs, clients, seconds)
        table += (
            f"\nwrites without the token: {writes.sent} sent, {writes.refused} refused (403), "
            f"{writes.landed} decisions stored"
        )
        if warmed is not None:
            table = f"warmed first: every route asked once in {warmed:.1f} s\n{table}"
        if results.error_count:
            table += "\nserver log (tail):\n" + server.log_tail()
    return results, f"{table}\nserver {server.stopped}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000, help="documents in the store")
    parser.add_argument("--clients", type=int, default=200, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the load lasts")
    parser.add_argument("--db", type=Path, default=None, help="store file (built or reused)")
    parser.add_argument(
        "--warm", action="store_true", help="ask every route once before the load (steady state)"
    )
    args = parser.parse_args(argv)
    db = args.db or Path(tempfile.gettempdir()) / f"bilat_bench_{args.docs}.db"
    _, table = run(db, args.docs, args.clients, args.seconds, args.warm)
    print(table)
    return 0  # a benchmark: failures are printed, not an exit status


if __name__ == "__main__":
    sys.exit(main())
