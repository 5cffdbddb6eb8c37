"""End to end on the packaged sample corpus: ingest with the extractor, reconcile, score against our gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from skyledger.reconcile.evaluate import load_gold
from skyledger.store import Ledger
from skyledger.store.events import score_ledger

GOLD = Path(__file__).resolve().parent / "gold" / "events_samples.jsonl"
SAMPLES = Path(__file__).resolve().parents[1] / "skyledger" / "samples"


@pytest.fixture(scope="module")
def scored():
    pipeline = pytest.importorskip("skyledger.pipeline")
    from skyledger.store.events import register_hook

    gold = load_gold(GOLD)
    paths = sorted({str(SAMPLES / m.doc) for ev in gold for m in ev.members})
    if not all(Path(p).exists() for p in paths):
        pytest.skip("sample corpus not available")
    register_hook()
    with Ledger.open(":memory:") as ledger:
        pipeline.ingest(paths, ledger)
        docs = ledger.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        yield gold, docs, len(paths), score_ledger(ledger, gold)


def test_every_gold_document_is_ingested_and_its_claims_scored(scored):
    gold, docs, wanted, score = scored
    assert docs == wanted
    assert score.members == sum(len(ev.members) for ev in gold)


def test_claims_reconciled_together_belong_together(scored):
    # Recall depends on the extractor finding every figure; precision is reconciliation's own.
    _, _, _, score = scored
    assert score.predicted_pairs > 0 and score.precision >= 0.9, score
