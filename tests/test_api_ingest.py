"""Writes: POST /api/ingest needs the configured bearer token; what it stores is rendered inert."""

from __future__ import annotations

import csv
import io
import json
import warnings

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette's note about httpx2, raised on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from skyledger.api import create_app  # noqa: E402
from skyledger.api.testing import copy_ledger, sample_ledger  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

TOKEN = "test-token-4f1c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
EVIL = {
    "text": f"Russian air defences destroyed 23 Ukrainian drones {SCRIPT} overnight over the Bryansk region {IMG}, "
            "the Defence Ministry said.",
    "title": f"Night raid {SCRIPT}{IMG}", "url": "javascript:alert(3)", "outlet": f"Outlet {IMG}",
    "published": "2026-03-01", "lang": "en",
}


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    return sample_ledger(tmp_path_factory.getbasetemp() / "api_sample.db")


@pytest.fixture
def writable(sample_db, tmp_path):
    db = copy_ledger(sample_db, tmp_path / "ledger.db")
    with TestClient(create_app(db, token=TOKEN)) as client:
        yield client


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"}])
def test_api_ingest_requires_the_token(writable, headers):
    response = writable.post("/api/ingest", json={"documents": [EVIL]}, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["status"] == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert writable.get("/api/claims?since=2026-03-01").json()["data"] == []


def test_api_ingest_json_documents_then_idempotent(writable):
    body = writable.post("/api/ingest", json={"documents": [EVIL]}, headers=AUTH).json()
    assert body["ok"] and body["data"]["new"] == 1 and body["data"]["claims"] >= 1
    again = writable.post("/api/ingest", json={"documents": [EVIL]}, headers=AUTH).json()
    assert again["data"]["new"] == 0 and again["data"]["skipped"] == 1
    claim = writable.get("/api/claims?since=2026-03-01").json()["data"][0]
    assert claim["count"] == 23 and SCRIPT in claim["quote"]  # stored as written: escaping is the renderer's job
    events = writable.get("/api/events?since=2026-03-01").json()["data"]
    assert events, "ingested documents are reconciled into events"


def test_api_ingest_files(writable):
    files = [("files", ("night report.txt", b"Published: 2026-04-02\n\nUkraine's air force said it shot down 40 "
                                            b"of 52 Shahed drones launched by Russia overnight.", "text/plain")),
             ("files", ("feed.jsonl", json.dumps({**EVIL, "published": "2026-04-03"}).encode(), "application/json"))]
    body = writable.post("/api/ingest", files=files, headers=AUTH).json()
    assert body["ok"], body
    assert body["data"]["new"] == 2 and body["data"]["failed"] == 0


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"json": {"documents": []}}, 422), ({"json": {"documents": [{"title": "no text"}]}}, 422),
    ({"json": [1, 2]}, 422), ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422),
    ({"content": b"text", "headers": {"content-type": "text/plain"}}, 415),
    ({"files": [("files", ("evil.exe", b"MZ", "application/octet-stream"))]}, 415),
])
def test_api_ingest_rejects_bad_bodies_with_the_error_shape(writable, kwargs, status):
    headers = {**AUTH, **kwargs.pop("headers", {})}
    response = writable.post("/api/ingest", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["error"]["status"] == status


def test_api_ingest_hostile_text_is_escaped_on_every_page(writable):
    writable.post("/api/ingest", json={"documents": [EVIL]}, headers=AUTH)
    claim = writable.get("/api/claims?since=2026-03-01").json()["data"][0]
    event = writable.get("/api/events?since=2026-03-01").json()["data"][0]
    pages = ["/", "/timeline", "/claims", "/claims?q=raid", "/claims?text=script", f"/events/{event['event_id']}",
             f"/documents/{claim['doc_id']}", "/claims?place=%3Cscript%3Ealert(1)%3C/script%3E"]
    for url in pages:
        html = writable.get(url).text
        assert SCRIPT not in html and "<img src=x" not in html, url
        assert 'href="javascript' not in html.lower() and 'src="javascript' not in html.lower(), url
    event_html = writable.get(f"/events/{event['event_id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in event_html
    assert '<mark class="figure">23 Ukrainian drones</mark>' in event_html
    assert 'href="javascript' not in event_html


def test_api_ingest_exports_what_is_shown(writable):
    writable.post("/api/ingest", json={"documents": [EVIL]}, headers=AUTH)
    shown = writable.get("/api/claims?weapon=drone&since=2026-01-01&limit=500").json()["data"]
    text = writable.get("/api/claims.csv?weapon=drone&since=2026-01-01").text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["claim_id"] for r in rows] == [c["claim_id"] for c in shown]
    geo = writable.get("/api/claims.geojson?weapon=drone&since=2026-01-01").json()
    assert geo["type"] == "FeatureCollection"
    assert {f["properties"]["claim_id"] for f in geo["features"]} <= {c["claim_id"] for c in shown}
    assert all(len(f["geometry"]["coordinates"]) == 2 for f in geo["features"])
