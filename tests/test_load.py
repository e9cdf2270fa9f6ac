"""A small run of benchmarks/load.py: the real server under 20 clients for 3 seconds.

No timing is asserted (the machines are shared); only that requests were made and none
failed, and that writes sent without the server's token are all refused and none landed.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import load


def test_small_load_has_no_errors(tmp_path: Path) -> None:
    db = tmp_path / "load.db"
    a, b = load.prepare(db, 300)
    with load.serving(db, timeout=60) as server:
        ms, status = asyncio.run(load.first_request(server.base))
        results = asyncio.run(load.load(server.base, load.routes(a, b), clients=20, seconds=3))
        writes = asyncio.run(load.writes_without_the_token(server.base))
        log = server.log_tail()
    table = load.report(results, ms, status, server.started_in, 300, 20, 3)
    assert status == 200, log
    assert results.requests > 0, table
    assert results.error_count == 0, f"{table}\n{log}"
    assert results.unfinished == 0, table
    assert all(results.latencies[name] for name, _ in load.routes(a, b)), table
    assert writes == load.Writes(sent=3 * load.WRITES, refused=3 * load.WRITES, landed=0)
    assert server.process.returncode is not None  # stopped after
