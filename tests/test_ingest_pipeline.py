"""The pipeline stores new documents with their claims, skips stored ones, and reports every failure."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from skyledger import pipeline
from skyledger.models import Claim, Document
from skyledger.store import Ledger

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"


def stub(doc: Document) -> list[Claim]:
    return [Claim(action="intercepted", weapon="drone", count=int(m.group(1)), start=m.start(), end=m.end(),
                  quote=m.group(0), extractor="stub.v1") for m in re.finditer(r"(\d+) (?:drones|дронів)", doc.text)]


stub.name = "stub.v1"  # type: ignore[attr-defined]


@pytest.fixture
def ledger(tmp_path):
    with Ledger.open(tmp_path / "l.db") as opened:
        yield opened


def test_ingesting_the_same_inputs_twice_leaves_the_ledger_unchanged(ledger):
    first = pipeline.ingest([str(FIXTURES / "good")], ledger, extractor=stub)
    stats = ledger.stats()
    second = pipeline.ingest([str(FIXTURES / "good")], ledger, extractor=stub)
    assert (first.new, first.skipped, first.failed) == (11, 0, ())
    assert (second.new, second.skipped, second.claims) == (0, 11, 0)
    assert ledger.stats() == stats
    assert stats["claims"] == first.claims > 0


def test_bad_inputs_are_reported_and_everything_else_is_stored(ledger, tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "inputs")
    report = pipeline.ingest([str(tmp_path / "inputs")], ledger, extractor=stub)
    assert report.new == 11 + 2 + 1 + 2  # good + truncated.jsonl's good lines + the readable feed entry + telegram
    assert len(report.failed) == 6
    assert all(f.source.startswith(str(tmp_path)) and f.reason for f in report.failed)
    (run,) = ledger.runs()
    assert (run["status"], run["new"], run["failed"]) == ("finished", report.new, 6)
    stored = ledger.conn.execute("SELECT count(*) FROM ingest_errors WHERE run_id = ?", (run["run_id"],)).fetchone()[0]
    assert stored == 6


def test_a_document_seen_twice_in_one_run_is_stored_once(ledger, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Air defence shot down 5 drones.")
    report = pipeline.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], ledger, extractor=stub)
    assert (report.new, report.skipped) == (1, 1)


def test_an_extractor_crash_on_one_document_is_reported_and_the_rest_are_stored(ledger, tmp_path):
    (tmp_path / "ok.txt").write_text("Air defence shot down 5 drones.")
    (tmp_path / "boom.txt").write_text("This one makes the extractor fail.")

    def fragile(doc: Document) -> list[Claim]:
        if "fail" in doc.text:
            raise ValueError("cannot parse")
        return stub(doc)

    report = pipeline.ingest([str(tmp_path)], ledger, extractor=fragile)
    assert report.new == 1
    (failure,) = report.failed
    assert failure.source.endswith("boom.txt") and "extraction failed: ValueError: cannot parse" == failure.reason
    # the failed document was not stored, so a later run retries it
    assert pipeline.ingest([str(tmp_path)], ledger, extractor=stub).new == 1


def test_a_claim_the_ledger_rejects_fails_only_its_document(ledger, tmp_path):
    (tmp_path / "ok.txt").write_text("Air defence shot down 5 drones.")
    (tmp_path / "bad.txt").write_text("Broken claim here.")

    def sloppy(doc: Document) -> list[Claim]:
        return [Claim(action="lost", weapon="drone", count=None)] if "Broken" in doc.text else stub(doc)  # type: ignore[arg-type]

    report = pipeline.ingest([str(tmp_path)], ledger, extractor=sloppy)
    assert report.new == 1
    assert report.failed[0].source.endswith("bad.txt") and report.failed[0].reason.startswith("could not store")


def test_hooks_see_each_new_document_once_and_the_finished_run(ledger, monkeypatch):
    seen: list[str] = []
    reports: list[pipeline.IngestReport] = []
    monkeypatch.setattr(pipeline, "on_document_added", [lambda led, doc_id: seen.append(doc_id)])
    monkeypatch.setattr(pipeline, "on_run_finished", [lambda led, report: reports.append(report)])
    pipeline.ingest([str(FIXTURES / "good")], ledger, extractor=stub)
    pipeline.ingest([str(FIXTURES / "good")], ledger, extractor=stub)
    assert len(seen) == len(set(seen)) == 11
    assert [r.new for r in reports] == [11, 0]


def test_progress_counts_documents_and_errors(ledger):
    events: list[tuple[str, int]] = []
    pipeline.ingest([str(FIXTURES / "bad" / "truncated.jsonl")], ledger, extractor=stub,
                    progress=lambda event, n: events.append((event, n)))
    assert events == [("document", 1), ("error", 1), ("document", 2)]


def test_reextract_replaces_claims_only_of_documents_from_another_extractor(ledger):
    pipeline.ingest([str(FIXTURES / "good")], ledger, extractor=stub)
    assert pipeline.reextract(ledger, extractor=stub).documents == 0

    def upgraded(doc: Document) -> list[Claim]:
        return [Claim.from_dict({**c.to_dict(), "extractor": "stub.v2"}) for c in stub(doc)]

    upgraded.name = "stub.v2"  # type: ignore[attr-defined]
    before = ledger.stats()
    report = pipeline.reextract(ledger, extractor=upgraded)
    assert report.documents == 11
    assert {r["extractor"] for r in ledger.claims()} == {"stub.v2"}
    assert ledger.stats()["claims"] == before["claims"]
    assert pipeline.reextract(ledger, extractor=upgraded).documents == 0


def test_the_default_extractor_is_recorded_under_its_declared_versioned_name():
    import importlib

    engine = importlib.import_module("skyledger.extract")
    declared = getattr(engine, "EXTRACTOR_NAME", None)
    if declared is None:
        pytest.skip("the extraction engine declares no EXTRACTOR_NAME")
    assert pipeline.extractor_name(engine.extract_document) == declared
    assert pipeline.extractor_name(stub) == "stub.v1"
