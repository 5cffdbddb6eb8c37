"""The timeline adds up events, not claims: per event the largest current figure per side, weapon and action."""

from __future__ import annotations

import warnings
from collections import defaultdict

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette's note about httpx2, raised on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from api_backends import pg_url, sample_db, writable_db  # noqa: E402, F401 - fixtures

from skyledger.api import create_app  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")




def expected_timeline(events: list[dict], weapon: str | None = None) -> dict[tuple, int]:
    largest: dict[tuple, int] = {}
    for e in events:
        if e["parent_id"] is not None or e["date"] is None:
            continue
        for f in e["figures"]:
            if not f.get("current", True) or (weapon and f["weapon"] != weapon):
                continue
            key = (e["event_id"], e["date"], e["attacker_side"], f["claimant_side"], f["weapon"], f["action"])
            largest[key] = max(largest.get(key, 0), f["count"])
    totals: dict[tuple, int] = defaultdict(int)
    for (_, *rest), count in largest.items():
        totals[tuple(rest)] += count
    return dict(totals)


@pytest.mark.parametrize("weapon", [None, "drone", "missile"])
def test_api_timeline_sums_each_events_largest_figure(sample_db, weapon):
    with TestClient(create_app(sample_db)) as client:
        events = client.get("/api/events?limit=500").json()["data"]
        rows = client.get("/api/timeline" + (f"?weapon={weapon}" if weapon else "")).json()["data"]
    got = {(r["date"], r["attacker_side"], r["claimant_side"], r["weapon"], r["action"]): r["count"] for r in rows}
    assert got == expected_timeline(events, weapon)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_api_timeline_follows_writes(writable_db):
    with TestClient(create_app(writable_db, token="t")) as client:
        assert not [r for r in client.get("/api/timeline").json()["data"] if r["date"] == "2031-05-05"]
        doc = {"text": "Ukraine's air force said it shot down 40 of 52 Shahed drones launched by Russia overnight.",
               "published": "2031-05-05"}
        client.post("/api/ingest", json={"documents": [doc]}, headers={"Authorization": "Bearer t"})
        rows = [r for r in client.get("/api/timeline").json()["data"] if r["date"] == "2031-05-05"]
    assert {(r["action"], r["count"]) for r in rows} >= {("launched", 52), ("intercepted", 40)}
