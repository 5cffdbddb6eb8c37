"""Exports write the ledger as CSV, JSON, GeoJSON, Parquet and the missile_attacks_daily column layout."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from skyledger.models import Claim, Document, content_hash
from skyledger.store import Ledger, LedgerError
from skyledger.store.export import render, write_export
from skyledger.store.mma import MMA_COLUMNS, mma_rows

SHARED = Path(__file__).resolve().parents[2] / "shared"


class Gazetteer:
    def get(self, place_id):
        if place_id != "UA-30":
            return None
        from types import SimpleNamespace
        return SimpleNamespace(name="Kyiv", kind="city", code="UA-30", country="UA", parent=None, lat=50.45, lon=30.52)


def claim(action: str, count: int, **kw) -> Claim:
    base = dict(weapon="drone", claimant="Ukrainian Air Force", claimant_side="UA", attacker_side="RU",
                date="2025-07-09", quote=f"{count} drones", extractor="stub.v1", start=count, end=count + 1)
    return Claim(action=action, count=count, **{**base, **kw})


@pytest.fixture
def ledger(tmp_path):
    text = "Russia launched 728 drones; 718 were downed, 7 lost. Over Kyiv 20 drones were shot down."
    doc = Document(doc_id=content_hash(text, "https://w.example/1"), text=text, source="w",
                   url="https://w.example/1", outlet="Fixture Wire", published="2025-07-09", lang="en")
    claims = [
        claim("launched", 728, weapon_model="Shahed-136", time_start="2025-07-08T18:00:00",
              time_end="2025-07-09T08:00:00", launch_places=("Kursk", "Primorsko-Akhtarsk")),
        claim("intercepted", 718, weapon_model="Shahed-136", time_start="2025-07-08T18:00:00",
              time_end="2025-07-09T08:00:00", launch_places=("Kursk",)),
        claim("lost", 7, weapon_model="Shahed-136", time_start="2025-07-08T18:00:00",
              time_end="2025-07-09T08:00:00"),
        claim("intercepted", 20, locations=("Kyiv",), place_ids=("UA-30",)),
        claim("intercepted", 9, attacker_side="UA", claimant_side="RU"),  # not a Russian attack: no mma row
        claim("impacted", 3),  # no mma column for hits
    ]
    with Ledger.open(tmp_path / "l.db", gazetteer=Gazetteer()) as opened:
        opened.add_document(doc, claims)
        yield opened


def test_mma_rows_have_the_datasets_columns_and_map_actions_to_figures(ledger):
    text, count = render(ledger, "mma")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0].keys()) == MMA_COLUMNS
    assert count == 2
    shahed = next(r for r in rows if r["model"] == "Shahed-136")
    assert (shahed["time_start"], shahed["time_end"]) == ("2025-07-08 18:00", "2025-07-09 08:00")
    assert (shahed["launched"], shahed["destroyed"], shahed["not_reach_goal"]) == ("728", "718", "7")
    assert shahed["launch_place"] == "Kursk and Primorsko-Akhtarsk"
    assert shahed["target"] == "Ukraine" and shahed["source"] == "https://w.example/1"
    assert shahed["is_shahed"] == "728"
    unnamed = next(r for r in rows if r["model"] == "Unknown UAV")
    assert (unnamed["time_start"], unnamed["destroyed"], unnamed["launched"]) == ("2025-07-09", "20", "")


def test_mma_takes_the_largest_figure_so_a_total_and_its_breakdown_are_not_added():
    rows = mma_rows([
        {"doc_id": "d", "action": "intercepted", "attacker_side": "RU", "weapon": "missile", "count": c,
         "date": "2025-01-01", "url": "u"} for c in (30, 10, 20)])
    assert [(r["model"], r["destroyed"]) for r in rows] == [("Unknown Missile", 30)]


def test_mma_header_matches_the_shared_dataset():
    path = SHARED / "eval" / "missile_attacks_daily.csv"
    if not path.exists():
        pytest.skip("shared dataset not available")
    with path.open(encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == MMA_COLUMNS


def test_csv_and_json_exports_hold_every_claim(ledger):
    text, count = render(ledger, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == len(rows) == 6
    assert json.loads(rows[0]["locations"]) == []
    records = json.loads(render(ledger, "json")[0])
    assert {r["count"] for r in records} == {728, 718, 7, 20, 9, 3}
    assert all(r["quote"] and r["url"] == "https://w.example/1" for r in records)


def test_geojson_places_claims_at_their_first_place_with_coordinates(ledger):
    collection = json.loads(render(ledger, "geojson")[0])
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [30.52, 50.45]}
    assert feature["properties"]["count"] == 20 and feature["properties"]["quote"] == "20 drones"
    with pytest.raises(LedgerError, match="geojson"):
        render(ledger, "geojson", "documents")


def test_parquet_export_needs_a_file_and_round_trips(ledger, tmp_path):
    with pytest.raises(LedgerError, match="--out"):
        write_export(ledger, "parquet", "claims", stream=io.StringIO())
    dest = tmp_path / "claims.parquet"
    assert write_export(ledger, "parquet", "claims", dest=dest) == 6
    table = pq.read_table(dest)
    assert sorted(table.column("count").to_pylist()) == [3, 7, 9, 20, 718, 728]
    assert write_export(ledger, "parquet", "documents", dest=tmp_path / "docs.parquet") == 1


def test_exporting_twice_to_the_same_file_gives_the_same_file(ledger, tmp_path):
    dest = tmp_path / "out" / "claims.json"
    write_export(ledger, "json", "claims", dest=dest)
    first = dest.read_bytes()
    write_export(ledger, "json", "claims", dest=dest)
    assert dest.read_bytes() == first
    assert [p.name for p in dest.parent.iterdir()] == ["claims.json"]  # no temporary file left behind


def test_unknown_formats_and_tables_are_clear_errors(ledger):
    with pytest.raises(LedgerError, match="unknown export format"):
        render(ledger, "xlsx")
    with pytest.raises(LedgerError, match="cannot export"):
        render(ledger, "csv", "secrets")
    with pytest.raises(LedgerError, match="claims only"):
        render(ledger, "mma", "events")
