"""The event commands: events, event, reconcile, eval-events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skyledger.cli import app
from skyledger.models import Claim, Document
from skyledger.store import Ledger

GOLD_DIR = Path(__file__).resolve().parent / "gold"
runner = CliRunner()


def claim(count: int, claimant: str, places: tuple[str, ...], n: int) -> Claim:
    return Claim(action="intercepted", weapon="drone", count=count, claimant=claimant, claimant_side="RU",
                 locations=places, date="2025-02-11", start=n, end=n + 1, extractor="test",
                 quote=f"{claimant}: {count} drones were shot down over {', '.join(places)}.")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        for name, c in (("mod", claim(10, "Russian Defence Ministry", ("Belgorod Oblast",), 0)),
                        ("gov", claim(12, "Vyacheslav Gladkov", ("Belgorod Oblast",), 1))):
            ledger.add_document(Document(doc_id=name, text=c.quote, source=name, outlet=name.upper(),
                                         published="2025-02-11"), [c])
    result = runner.invoke(app, ["reconcile", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 events, 1 flags" in result.output
    return path


def test_events_json_lists_figures_corroboration_and_flags(db: Path):
    result = runner.invoke(app, ["events", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.output)
    assert event["corroboration"] == 2
    assert sorted(f["count"] for f in event["figures"]) == [10, 12]
    assert [f["kind"] for f in event["flags"]] == ["claimant_disagreement"]
    assert "Vyacheslav Gladkov: 12 intercepted drones" in event["flags"][0]["reason"]


def test_events_filters_and_table(db: Path):
    empty = runner.invoke(app, ["events", "--db", str(db), "--json", "--weapon", "missile"])
    assert json.loads(empty.output) == []
    table = runner.invoke(app, ["events", "--db", str(db), "--claimant", "gladkov"])
    assert table.exit_code == 0 and "claimant_disagreement" in table.output


def test_event_shows_each_claim_with_quote_and_source(db: Path):
    (event,) = json.loads(runner.invoke(app, ["events", "--db", str(db), "--json"]).output)
    result = runner.invoke(app, ["event", event["event_id"], "--db", str(db), "--json"])
    detail = json.loads(result.output)
    assert {(c["outlet"], c["count"]) for c in detail["claims"]} == {("MOD", 10), ("GOV", 12)}
    assert all(c["quote"] and c["flags"] == ["claimant_disagreement"] for c in detail["claims"])
    missing = runner.invoke(app, ["event", "ev_missing", "--db", str(db)])
    assert missing.exit_code == 1


def test_eval_events_prints_pairwise_scores():
    result = runner.invoke(app, ["eval-events", str(GOLD_DIR / "events_gold.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    score = json.loads(result.output)
    assert score["events"] > 10 and score["f1"] >= 0.9
