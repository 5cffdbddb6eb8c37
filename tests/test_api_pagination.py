"""Keyset pagination: cursors walk every row once, in a stable order, and keep their place as rows arrive."""

from __future__ import annotations

import warnings
import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette's note about httpx2, raised on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from api_backends import pg_url, sample_db, writable_db  # noqa: E402, F401 - fixtures

from skyledger.api import create_app  # noqa: E402
from skyledger.api.cursor import encode  # noqa: E402
from skyledger.store.factory import open_store  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")




@pytest.fixture(scope="module")
def client(sample_db):
    with TestClient(create_app(sample_db)) as c:
        yield c


def walk(client, url: str, limit: int = 7) -> list[dict]:
    rows, nxt = [], None
    while True:
        sep = "&" if "?" in url else "?"
        body = client.get(f"{url}{sep}limit={limit}" + (f"&cursor={nxt}" if nxt else "")).json()
        assert body["ok"], body
        rows += body["data"]
        nxt = body["next"]
        if nxt is None:
            return rows


@pytest.mark.parametrize("filters", [
    {}, {"weapon": "missile"}, {"weapon": "drone", "action": "intercepted"}, {"side": "RU"}, {"attacker": "UA"},
    {"since": "2025-06-01", "until": "2025-09-30"}, {"place": "Kharkiv"}, {"place": "UA-30"}, {"claimant": "air force"},
    {"text": "shot down"},
])
def test_api_pagination_claims_match_the_cli_filters(client, sample_db, filters):
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    rows = walk(client, f"/api/claims?{query}")
    with open_store(sample_db, readonly=True) as ledger:
        expected = {c["claim_id"] for c in ledger.claims(**filters)}
    assert [r["claim_id"] for r in rows] == list(dict.fromkeys(r["claim_id"] for r in rows))  # no repeats
    assert {r["claim_id"] for r in rows} == expected
    keys = [(r["date"] or "", r["claim_id"]) for r in rows]
    assert keys == sorted(keys, reverse=True)  # newest first, ties by id


def test_api_pagination_events_and_documents_walk_every_row_once(client, sample_db):
    with open_store(sample_db, readonly=True) as ledger:
        n_events = ledger.stats()["events"]
        n_docs = ledger.stats()["documents"]
    events = walk(client, "/api/events", limit=9)
    assert len(events) == len({e["event_id"] for e in events}) == n_events
    docs = walk(client, "/api/documents", limit=11)
    assert len(docs) == len({d["doc_id"] for d in docs}) == n_docs
    places = walk(client, "/api/places", limit=5)
    assert len(places) == len({p["place_id"] for p in places})


def test_api_pagination_full_text_search_selects_documents(client, sample_db):
    rows = walk(client, "/api/claims?q=Kharkiv")
    with open_store(sample_db, readonly=True) as ledger:
        docs = {hit["doc_id"] for hit in ledger.search("Kharkiv", limit=1000)}
    assert rows and {r["doc_id"] for r in rows} <= docs


def test_api_pagination_cursor_is_stable_when_rows_are_added(writable_db):
    with TestClient(create_app(writable_db, token="t")) as client:
        first = client.get("/api/claims?limit=20").json()
        before = walk(client, f"/api/claims?cursor={first['next']}", limit=20)
        doc = {"text": "Russian air defences destroyed 31 Ukrainian drones over the Kursk region overnight, "
                       "the Defence Ministry said.", "published": "2030-01-02", "url": "https://example.org/new"}
        assert client.post("/api/ingest", json={"documents": [doc]},
                           headers={"Authorization": "Bearer t"}).json()["data"]["new"] == 1
        after = walk(client, f"/api/claims?cursor={first['next']}", limit=20)
        assert [r["claim_id"] for r in after] == [r["claim_id"] for r in before]  # the new claim sorts first
        assert client.get("/api/claims?limit=1").json()["data"][0]["date"] == "2030-01-02"


def test_api_pagination_cursors_belong_to_their_list(client):
    claims_cursor = client.get("/api/claims?limit=2").json()["next"]
    body = client.get(f"/api/events?cursor={claims_cursor}").json()
    assert body["ok"] is False and body["error"]["status"] == 422
    forged = encode("documents", ["2025-01-01", "not-an-int"])
    assert client.get(f"/api/documents?cursor={forged}").status_code == 422


def test_api_pagination_claims_carry_the_figure_span(client):
    for claim in client.get("/api/claims?limit=100").json()["data"]:
        span = claim["figure"]
        assert span is not None
        figure = claim["quote"][span["start"]:span["end"]]
        assert figure and claim["end"] - claim["start"] == len(figure)


@pytest.mark.parametrize("few", [-1, 10**9])
@pytest.mark.parametrize("query", ["weapon=missile", "weapon=drone&action=intercepted", "q=drones", "q=Kharkiv",
                                   "weapon=missile&q=missiles&since=2025-01-01"])
def test_api_pagination_index_strategies_agree(client, monkeypatch, few, query):
    """Whether a filter is read through the date index or through its own, the pages hold the same claims."""
    from skyledger.api import claims as claims_module

    expected = walk(client, f"/api/claims?{query}")
    expected_events = walk(client, f"/api/events?{query}")
    monkeypatch.setattr(claims_module, "FEW_CLAIMS", few)
    monkeypatch.setattr(claims_module, "FEW_DOCUMENTS", few)
    assert [r["claim_id"] for r in walk(client, f"/api/claims?{query}")] == [r["claim_id"] for r in expected]
    assert [e["event_id"] for e in walk(client, f"/api/events?{query}")] == [e["event_id"] for e in expected_events]
    assert expected or "Kharkiv" in query
