"""``open_store(target)``: the ledger named by a path or URL, on the backend it names.

- a path, ``:memory:`` or ``sqlite:///path`` → the SQLite ``Ledger``;
- ``postgresql://…`` or ``postgres://…`` → ``PostgresLedger`` (needs the ``postgres`` extra).

Both have the same methods and behaviour (``tests/test_store_contract.py`` runs
one suite against both), so callers need not care which they got.
"""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from typing import Any

from skyledger.store.ledger import Ledger

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def database_errors() -> tuple[type[BaseException], ...]:
    """The driver errors either backend can raise (for ``except``: a damaged database, a lost server)."""
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
    if importlib.util.find_spec("psycopg") is not None:
        import psycopg

        errors += (psycopg.Error,)
    return errors


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_SCHEMES)


def sqlite_path(target: str | Path) -> str:
    """The file path of an SQLite target (``sqlite:///x.db`` → ``x.db``, ``sqlite:////abs`` → ``/abs``)."""
    text = str(target)
    if text.startswith("sqlite:///"):
        return text[len("sqlite:///"):] or ":memory:"
    if text.startswith("sqlite://"):
        return text[len("sqlite://"):] or ":memory:"
    return text


def open_store(target: str | Path, *, readonly: bool = False, gazetteer: Any = None) -> Ledger:
    """Open (creating and migrating when needed) the ledger at ``target``; raises ``LedgerError`` with a reason."""
    if is_postgres(target):
        from skyledger.store.postgres import PostgresLedger

        return PostgresLedger.open(str(target), readonly=readonly, gazetteer=gazetteer)
    return Ledger.open(sqlite_path(target), readonly=readonly, gazetteer=gazetteer)
