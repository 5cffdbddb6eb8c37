"""Ledger connections for the app: one read-only connection per worker thread, one writer at a time.

Handlers run in a thread pool; SQLite and psycopg connections are not meant
to be shared between concurrent threads, so each thread opens its own
read-only ledger (a file path or a ``postgresql://`` URL, through
``open_store``) on first use.  Writes (``POST /api/ingest``) open a writable
``Ledger`` under a lock, so the app never has two writers.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from skyledger.api.dialect import dialect
from skyledger.store import Ledger
from skyledger.store.factory import open_store

_EVENT_TABLES = ("events", "event_claims", "flags", "event_details")


class LedgerPool:
    """Per-thread read-only ledgers over one database (file or URL), plus a locked writer."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._all: list[Ledger] = []
        self._guard = threading.Lock()
        self.write_lock = threading.Lock()
        self.has_events = False
        self.refresh()  # fail at start, not on the first request, when the database is no ledger

    def ledger(self) -> Ledger:
        """This thread's read-only ledger (for library calls such as ``Ledger.stats``)."""
        return self._ledger()

    def _ledger(self) -> Ledger:
        ledger = getattr(self._local, "ledger", None)
        if ledger is None:
            ledger = open_store(self.path, readonly=True)
            ledger.conn.execute(dialect(ledger.conn).read_only)
            self._local.ledger = ledger
            with self._guard:
                self._all.append(ledger)
        return ledger

    @contextmanager
    def reader(self) -> Iterator[Any]:
        """This thread's connection, inside one read transaction: a request sees one snapshot of the ledger."""
        conn = self._ledger().conn
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def refresh(self) -> None:
        """Re-check optional tables (after an ingest created the event tables)."""
        with self.reader() as conn:
            names = dialect(conn).tables(conn)
        self.has_events = all(name in names for name in _EVENT_TABLES)

    @contextmanager
    def writer(self) -> Iterator[Ledger]:
        with self.write_lock:
            ledger = open_store(self.path)
            try:
                yield ledger
            finally:
                ledger.close()

    def close(self) -> None:
        with self._guard:
            for ledger in self._all:
                ledger.close()
            self._all.clear()
