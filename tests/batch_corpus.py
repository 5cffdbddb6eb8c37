"""Shared by the batch tests: one generated corpus (a few thousand documents) and its reference ledger.

The reference is what ``skyledger ingest`` builds (with incremental
reconciliation, as the CLI runs it); every batch run must reproduce it.
"""

from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path
from typing import Any

from skyledger import pipeline
from skyledger.batch.compare import ledger_snapshot
from skyledger.batch.synthetic import write_shards
from skyledger.store import Ledger

DOCS = 3000
SHARDS = 3
PARTITION_DOCS = 250  # 13 partitions (the last shard has 1002 lines)


@functools.cache
def corpus() -> Path:
    """Three JSONL shards, the last with a bad line and a repeated document."""
    folder = Path(tempfile.mkdtemp(prefix="skyledger-batch-corpus-")) / "in"
    paths = write_shards(folder, DOCS, shards=SHARDS, relevant=0.05, seed=7)
    with paths[-1].open("a", encoding="utf-8") as handle:
        handle.write('{"text": "truncated\n')
        handle.write(paths[0].read_text(encoding="utf-8").splitlines()[5] + "\n")
    return folder


def _ingest(db: str) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    from skyledger.store.events import register_hook
    from skyledger.store.factory import open_store

    register_hook()
    with open_store(db) as ledger:
        report = pipeline.ingest([str(corpus())], ledger)
        return ledger_snapshot(ledger), sorted((e.where(), e.reason) for e in report.failed)


@functools.cache
def reference() -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """(snapshot, failures) of ``ingest`` into a fresh SQLite ledger."""
    return _ingest(str(Path(tempfile.mkdtemp(prefix="skyledger-batch-ref-")) / "ref.db"))


def ingest_into(db: str) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    return _ingest(db)


def snapshot_of(db: str) -> dict[str, list[str]]:
    from skyledger.store.factory import open_store

    with open_store(db, readonly=True) as ledger:
        return ledger_snapshot(ledger)


def failures(report: Any) -> list[tuple[str, str]]:
    return sorted((e.where(), e.reason) for e in report.failed)


def done_markers(out: Path) -> dict[str, int]:
    """Finished partitions of a batch output folder, with their markers' modification times."""
    return {p.stem: p.stat().st_mtime_ns for p in (out / "_done").glob("*.json")}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)[:4000]
