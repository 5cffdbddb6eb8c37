"""Helpers for testing the API and dashboard: a sample ledger built once, and a live local server.

``sample_ledger(path)`` is ``skyledger demo`` without the printing: the
packaged corpus ingested and reconciled into ``path`` (skipped when the file
exists, so a test session builds it once); ``fill_sample(ledger)`` does the
same into an open ledger of either backend (a PostgreSQL database).  ``LiveServer`` runs the app with
uvicorn on 127.0.0.1 in a background thread, for a real browser to visit.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path
from types import TracebackType

from skyledger import pipeline
from skyledger.ingest.samples import sample_corpus
from skyledger.store import Ledger


def fill_sample(ledger: Ledger) -> None:
    """Ingest and reconcile the packaged sample corpus into ``ledger``."""
    from skyledger.store.events import rebuild_events

    pipeline.ingest([str(sample_corpus())], ledger)
    rebuild_events(ledger)


def sample_ledger(path: str | Path) -> Path:
    """The packaged sample corpus as a reconciled ledger at ``path`` (built once, atomically)."""
    target = Path(path)
    if target.exists():
        return target
    partial = target.with_name(target.name + f".{os.getpid()}.building")
    with Ledger.open(partial) as ledger:
        fill_sample(ledger)
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ledger.conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, safe to copy
    os.replace(partial, target)
    return target


def copy_ledger(source: str | Path, dest: str | Path) -> Path:
    shutil.copyfile(source, dest)
    return Path(dest)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``with LiveServer(app) as url:`` serves ``app`` on a free local port until the block ends."""

    def __init__(self, app: object) -> None:
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
