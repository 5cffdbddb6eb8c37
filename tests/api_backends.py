"""The API tests' ledgers on both backends: the sample ledger as an SQLite file or a ``postgresql://`` URL.

``sample_db`` (read-only use) is built once per session and backend;
``writable_db`` is a fresh copy a test may write to.  The PostgreSQL variants
skip when no server is available (``pg_server``).
"""

from __future__ import annotations

import atexit
import uuid

import pytest
from pg_server import pg_url, server_dsn  # noqa: F401 - fixture

from skyledger.api.testing import copy_ledger, fill_sample, sample_ledger
from skyledger.store.factory import open_store

BACKENDS = ["sqlite", "postgres"]
_built: dict[str, str] = {}


def _postgres_sample() -> str:
    """A database holding the sample ledger, made once per session and dropped at exit."""
    if "url" not in _built:
        dsn = server_dsn()
        if dsn is None:
            pytest.skip("no PostgreSQL server (set SKYLEDGER_TEST_PG or install the postgresql package)")
        import psycopg

        name = f"skyledger_api_sample_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')

        def drop() -> None:
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        atexit.register(drop)  # registered after the throwaway cluster's stop, so it runs first
        url = f"{dsn.rpartition('/')[0]}/{name}"
        with open_store(url) as ledger:
            fill_sample(ledger)
        _built["url"] = url
    return _built["url"]


@pytest.fixture(scope="session", params=BACKENDS)
def sample_db(request, tmp_path_factory):
    if request.param == "sqlite":
        return sample_ledger(tmp_path_factory.getbasetemp() / "api_sample.db")
    return _postgres_sample()


@pytest.fixture(params=BACKENDS)
def writable_db(request, tmp_path, tmp_path_factory):
    """A sample ledger of this test's own: a copied file, or a fresh database filled with the sample."""
    if request.param == "sqlite":
        return copy_ledger(sample_ledger(tmp_path_factory.getbasetemp() / "api_sample.db"), tmp_path / "ledger.db")
    url = request.getfixturevalue("pg_url")
    with open_store(url) as ledger:
        fill_sample(ledger)
    return url
