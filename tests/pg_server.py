"""A PostgreSQL server for the tests: ``SKYLEDGER_TEST_PG`` (a DSN), else a throwaway cluster, else skip.

The throwaway cluster is made with the server's own ``initdb``/``pg_ctl``
(``/usr/lib/postgresql/*/bin``, the Debian ``postgresql`` package), listens on
loopback only, and is stopped when the test session ends.  Each test gets a
fresh database of its own (``pg_url``).
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator

import pytest

_server: dict[str, str] = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the ``postgres`` user then."""
    if os.geteuid() == 0 and shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def _start_cluster() -> str | None:
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        return None
    bindir = os.path.dirname(bins[-1])
    root = tempfile.mkdtemp(prefix="skyledger-pg-")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data, port = os.path.join(root, "data"), _free_port()
    try:
        subprocess.run(_as_postgres([f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust",
                                     "--locale=C.UTF-8", "-E", "UTF8"]),
                       check=True, capture_output=True, timeout=120)
        subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-l", os.path.join(root, "log"), "-w",
                                     "-o", f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
                                           " -c synchronous_commit=off -c full_page_writes=off", "start"]),
                       check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError, LookupError):
        shutil.rmtree(root, ignore_errors=True)
        return None

    def stop() -> None:
        subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)

    atexit.register(stop)
    return f"postgresql://postgres@127.0.0.1:{port}/postgres"


def server_dsn() -> str | None:
    """The DSN of a reachable server (started once per test session), or None."""
    if "dsn" not in _server:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            _server["dsn"] = ""
            return None
        _server["dsn"] = os.environ.get("SKYLEDGER_TEST_PG") or _start_cluster() or ""
    return _server["dsn"] or None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty database on the test server (skips when there is no server)."""
    dsn = server_dsn()
    if dsn is None:
        pytest.skip("no PostgreSQL server (set SKYLEDGER_TEST_PG or install the postgresql package)")
    import psycopg

    name = f"skyledger_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    base, _, _ = dsn.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
