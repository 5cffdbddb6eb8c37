"""A run killed with SIGKILL mid-way, then re-run, leaves exactly the ledger of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N_DOCUMENTS = 2000

# Run in a child process: ingest with a slow stub extractor, in small batches, so a kill lands mid-run.
INGEST_SCRIPT = """
import re, sys, time
from skyledger.models import Claim
from skyledger.pipeline import ingest
from skyledger.store import Ledger

def extract(doc):
    time.sleep(float(sys.argv[3]))
    return [Claim(action="intercepted", weapon="drone", count=int(m.group(1)), start=m.start(), end=m.end(),
                  quote=m.group(0), extractor="stub.v1") for m in re.finditer(r"(\\d+) drones", doc.text)]
extract.name = "stub.v1"

with Ledger.open(sys.argv[1]) as ledger:
    report = ingest([sys.argv[2]], ledger, extractor=extract, batch_size=10)
print(report.new, report.skipped, len(report.failed))
"""

TABLES = {
    "documents": "SELECT doc_id, source, url, outlet, published, lang, title, text, extractor FROM documents",
    "items": "SELECT * FROM items",
    "claims": "SELECT * FROM claims",
    "claim_places": "SELECT * FROM claim_places",
    "places": "SELECT * FROM places",
}


def write_inputs(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(N_DOCUMENTS):
            text = f"Report {i}: air defence shot down {i % 97} drones and {i % 13} drones later."
            handle.write(json.dumps({"text": text, "url": f"https://gen.example/{i}", "published": "2025-03-08"}) + "\n")


def start(db: Path, inputs: Path, delay: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", INGEST_SCRIPT, str(db), str(inputs), str(delay)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def snapshot(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in TABLES.items()}
    finally:
        conn.close()


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_equals_an_uninterrupted_run(tmp_path):
    inputs = tmp_path / "generated.jsonl"
    write_inputs(inputs)

    reference = tmp_path / "reference.db"
    finished = start(reference, inputs, 0.0)
    out, errors = finished.communicate(timeout=120)
    assert finished.returncode == 0, errors
    assert out.split() == [str(N_DOCUMENTS), "0", "0"]

    killed_db = tmp_path / "killed.db"
    victim = start(killed_db, inputs, 0.002)
    deadline = time.monotonic() + 60
    while stored_documents(killed_db) < N_DOCUMENTS // 5:
        assert victim.poll() is None, "the run finished before it could be killed"
        assert time.monotonic() < deadline, "no documents were committed"
        time.sleep(0.02)
    os.kill(victim.pid, signal.SIGKILL)
    victim.communicate(timeout=30)
    assert victim.returncode == -signal.SIGKILL
    partial = stored_documents(killed_db)
    assert 0 < partial < N_DOCUMENTS

    rerun = start(killed_db, inputs, 0.0)
    out, errors = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, errors
    new, skipped, failed = map(int, out.split())
    assert (new + skipped, failed) == (N_DOCUMENTS, 0)
    assert skipped == partial  # exactly the committed documents are recognised; the rest are stored now

    assert snapshot(killed_db) == snapshot(reference)
    conn = sqlite3.connect(killed_db)
    assert [r[0] for r in conn.execute("SELECT status FROM ingest_runs ORDER BY run_id")] == ["interrupted", "finished"]
