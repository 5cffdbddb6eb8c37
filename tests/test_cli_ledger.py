"""The ledger commands: ingest, claims, export, stats, search, demo — over a --db of the test's own."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skyledger import pipeline
from skyledger.cli import app, ledger_cmd
from skyledger.models import Claim, Document

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
runner = CliRunner()


def stub(doc: Document) -> list[Claim]:
    return [Claim(action="intercepted", weapon="drone", count=int(m.group(1)), claimant="Air Force",
                  claimant_side="UA", attacker_side="RU", date=(doc.published or "")[:10] or None,
                  start=m.start(), end=m.end(), quote=m.group(0), extractor="stub.v1")
            for m in re.finditer(r"(\d+) drones", doc.text)]


@pytest.fixture(autouse=True)
def stub_extractor(monkeypatch):
    """The CLI tests check the commands, not the extraction engine."""
    monkeypatch.setattr(pipeline, "ingest", functools.partial(pipeline.ingest, extractor=stub))


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "ledger.db")


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


def stats(db: str) -> dict:
    result = run("stats", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingesting_twice_leaves_stats_unchanged(db):
    first = run("ingest", str(FIXTURES / "good"), "--db", db)
    assert first.exit_code == 0, first.output
    assert "Ingested 11 new documents" in first.stdout
    before = stats(db)
    second = run("ingest", str(FIXTURES / "good"), "--db", db)
    assert "Ingested 0 new documents" in second.stdout and "11 already stored" in second.stdout
    assert stats(db) == before
    assert before["documents"] == 11 and before["claims"] > 0


def test_failures_are_listed_with_file_and_line_and_only_strict_fails_the_command(db, tmp_path):
    shutil.copytree(FIXTURES / "bad", tmp_path / "bad")
    result = run("ingest", str(tmp_path / "bad"), "--db", db, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["new"] == 5 and report["failed"] == 6
    where = {(Path(f["source"]).name, f["locator"]) for f in report["failures"]}
    assert ("truncated.jsonl", "line=2") in where and ("broken_dates.xml", "entry=2") in where
    table = run("ingest", str(tmp_path / "bad" / "truncated.jsonl"), "--db", db)
    assert f"{tmp_path / 'bad' / 'truncated.jsonl'}#line=2: invalid JSON" in table.stdout
    partly = run("ingest", str(tmp_path / "bad" / "broken_dates.xml"), "--db", db)
    assert partly.exit_code == 0
    strict = run("ingest", str(tmp_path / "bad" / "broken_dates.xml"), "--db", db, "--strict")
    assert strict.exit_code == 1


def test_an_ingest_where_nothing_could_be_read_fails(db, tmp_path):
    result = run("ingest", str(tmp_path / "typo.txt"), "--db", db)
    assert result.exit_code == 1
    assert f"{tmp_path / 'typo.txt'}: no such file or directory" in result.stdout


def test_the_database_comes_from_the_environment_when_not_given(tmp_path):
    env_db = tmp_path / "from_env.db"
    result = run("ingest", str(FIXTURES / "good" / "night_report.txt"), env={"SKYLEDGER_DB": str(env_db)})
    assert result.exit_code == 0, result.output
    assert stats(str(env_db))["documents"] == 1


def test_claims_filters_and_json(db):
    run("ingest", str(FIXTURES / "good"), "--db", db)
    everything = json.loads(run("claims", "--db", db, "--json").stdout)
    july = json.loads(run("claims", "--db", db, "--json", "--since", "2025-07-01", "--until", "2025-07-31").stdout)
    assert 0 < len(july) < len(everything)
    assert all("2025-07-01" <= c["date"] <= "2025-07-31" for c in july)
    assert json.loads(run("claims", "--db", db, "--json", "--weapon", "missile").stdout) == []
    table = run("claims", "--db", db, "--action", "intercepted", "--limit", "2")
    assert table.exit_code == 0 and f"2 of {len(everything)} claims" in table.stdout
    bad = run("claims", "--db", db, "--since", "yesterday")
    assert bad.exit_code == 1 and "since must be a date" in bad.output


def test_export_writes_each_format(db, tmp_path):
    run("ingest", str(FIXTURES / "good"), "--db", db)
    mma = tmp_path / "mma.csv"
    result = run("export", "--db", db, "--format", "mma", "--out", str(mma))
    assert result.exit_code == 0, result.output
    header = next(csv.reader(io.StringIO(mma.read_text())))
    assert header[:3] == ["time_start", "time_end", "model"] and header[-1] == "source"
    as_json = run("export", "--db", db, "--format", "json", "--what", "documents")
    assert len(json.loads(as_json.stdout)) == 11
    parquet = run("export", "--db", db, "--format", "parquet")
    assert parquet.exit_code == 1 and "--out" in parquet.output
    unknown = run("export", "--db", db, "--format", "xml")
    assert unknown.exit_code == 1 and "unknown --format" in unknown.output


def test_search_prints_highlighted_snippets_and_survives_any_query(db):
    run("ingest", str(FIXTURES / "good"), "--db", db)
    result = run("search", "neutralised", "--db", db)
    assert result.exit_code == 0 and "Fixture Wire" in result.stdout and "neutralised" in result.stdout
    hits = json.loads(run("search", "neutralised", "--db", db, "--json").stdout)
    assert "[neutralised]" in hits[0]["snippet"]
    for hostile in ('"', "NEAR(", "a OR", "*", "[bold]x[/bold]"):
        assert run("search", hostile, "--db", db).exit_code == 0


def test_reading_a_missing_ledger_is_a_clear_error(tmp_path):
    result = run("stats", "--db", str(tmp_path / "nowhere.db"))
    assert result.exit_code == 1
    assert "no ledger here" in result.output


def test_demo_builds_a_ledger_from_the_sample_corpus_and_is_safe_to_rerun(db, tmp_path, monkeypatch):
    samples = tmp_path / "samples"
    shutil.copytree(FIXTURES / "good", samples)
    (samples / "MANIFEST.json").write_text("{}")
    monkeypatch.setattr(ledger_cmd, "sample_corpus", lambda: samples)
    first = run("demo", "--db", db)
    assert first.exit_code == 0, first.output
    assert "Ingested 11 new documents" in first.stdout
    assert "The ledger now holds 11 documents" in first.stdout
    assert "Claims by claimant side, action and weapon" in first.stdout
    assert "Documents by outlet" in first.stdout
    assert "Next commands to try" in first.stdout and f"skyledger claims --db {db}" in first.stdout
    before = stats(db)
    again = run("demo", "--db", db)
    assert again.exit_code == 0 and "11 already stored" in again.stdout
    assert stats(db) == before


def test_demo_without_samples_says_so(db, monkeypatch):
    def missing():
        raise FileNotFoundError("no sample corpus at /nowhere")

    monkeypatch.setattr(ledger_cmd, "sample_corpus", missing)
    result = run("demo", "--db", db)
    assert result.exit_code == 1 and "no sample corpus" in result.output
