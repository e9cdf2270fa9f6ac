"""A throw-away PostgreSQL server for benchmarks and tests, from Debian's package (initdb,
pg_ctl).

    with throwaway_server(Path("/tmp/work")) as url:
        store = Store(schema_url(url, "bench"))

Run as root, the server runs as the ``postgres`` user (initdb refuses root). Where none can
start, PostgresUnavailable says why.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

START_TIMEOUT_S = 60  # initdb + start take ~2 s; a loaded CI machine gets some slack


class PostgresUnavailable(Exception):
    """No server could be started; the message says why."""


def _tool(name: str) -> str | None:
    """initdb/pg_ctl of the newest PostgreSQL under /usr/lib/postgresql, else on PATH."""

    def version(directory: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in directory.name.split(".") if part.isdigit())

    for directory in sorted(Path("/usr/lib/postgresql").glob("*"), key=version, reverse=True):
        if (directory / "bin" / name).is_file():
            return str(directory / "bin" / name)
    return shutil.which(name)


def _run_as() -> list[str]:
    """The command prefix that runs the server as a user initdb accepts."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise PostgresUnavailable(
            "running as root and there is no 'postgres' user to run initdb as"
        ) from None
    if not shutil.which("runuser"):
        raise PostgresUnavailable(
            "running as root and runuser is missing: cannot start initdb as 'postgres'"
        )
    return ["runuser", "-u", "postgres", "--"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# The server's tools, named in what fails to run.
TOOLS = ("initdb", "pg_ctl")


def _run(command: list[str], log: Path) -> None:
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=START_TIMEOUT_S + 10, check=False
    )
    if done.returncode != 0:
        tail = log.read_text()[-800:] if log.exists() else ""
        tool = next(Path(part).name for part in command if Path(part).name in TOOLS)
        raise PostgresUnavailable(
            f"{tool} exited {done.returncode}: {(done.stderr or done.stdout)[-800:]} {tail}"
        )


@contextmanager
def throwaway_server(workdir: Path | None = None) -> Iterator[str]:
    """The URL of a new server's maintenance database; the server is gone afterwards.
    ``workdir`` holds its files (the system's temporary folder if None)."""
    initdb, pg_ctl = _tool("initdb"), _tool("pg_ctl")
    if not (initdb and pg_ctl):
        raise PostgresUnavailable(
            "PostgreSQL is not installed: no initdb/pg_ctl under /usr/lib/postgresql/*/bin "
            "or on PATH (apt-get install postgresql)"
        )
    prefix = _run_as()
    root = Path(tempfile.mkdtemp(prefix="bilat-pg-", dir=workdir))
    if prefix:
        shutil.chown(root, "postgres")
        if workdir is not None:
            os.chmod(workdir, 0o755)
    data, log, port = root / "data", root / "server.log", _free_port()
    try:
        # trust: a server on 127.0.0.1 and a private socket directory, gone afterwards.
        # -F (no fsync): nothing here must survive a crash, and it makes commits fast.
        initdb_args = ["-D", str(data), "-U", "bilat", "-A", "trust", "-E", "UTF8", "--no-locale"]
        _run([*prefix, initdb, *initdb_args], log)
        options = f"-p {port} -k {root} -h 127.0.0.1 -F"
        start_args = ["-D", str(data), "-l", str(log), "-w", "-t", str(START_TIMEOUT_S)]
        _run([*prefix, pg_ctl, *start_args, "-o", options, "start"], log)
        yield f"postgresql+psycopg://bilat@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*prefix, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)


def schema_url(url: str, name: str) -> str:
    """``url`` with its own schema ``name`` (made if missing): a database of its own."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {name}"))
    admin.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}"
