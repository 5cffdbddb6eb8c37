"""Contract tests: one success envelope and one error shape on every endpoint; headers on every response."""

from __future__ import annotations

import re
import warnings

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette's note about httpx2, raised on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from api_backends import sample_db  # noqa: E402, F401 - fixture

from skyledger.api import create_app  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")




@pytest.fixture(scope="module")
def client(sample_db):
    with TestClient(create_app(sample_db)) as c:
        yield c


@pytest.fixture(scope="module")
def ids(client):
    event = client.get("/api/events?weapon=missile&limit=1").json()["data"][0]
    claim = client.get("/api/claims?limit=1").json()["data"][0]
    return {"event": event["event_id"], "claim": claim["claim_id"], "doc": claim["doc_id"]}


LISTS = ["/api/claims", "/api/claims?weapon=drone&action=intercepted&side=UA", "/api/claims?q=drones&limit=3",
         "/api/claims?place=UA-63", "/api/claims?since=2025-01-01&until=2025-06-30&claimant=air",
         "/api/events", "/api/events?flagged=true", "/api/events?weapon=missile&attacker=RU",
         "/api/documents", "/api/documents?lang=uk&q=дрон", "/api/places", "/api/places?country=UA"]
SINGLES = ["/api/stats", "/api/timeline", "/api/timeline?weapon=drone&attacker=RU&side=UA",
           "/api/events/{event}", "/api/claims/{claim}", "/api/documents/{doc}"]


def assert_ok(body: dict) -> None:
    assert set(body) == {"ok", "data", "next"}
    assert body["ok"] is True
    assert body["next"] is None or (isinstance(body["next"], str) and body["next"])


def assert_error(body: dict, status: int) -> None:
    assert set(body) == {"ok", "error"}
    assert body["ok"] is False
    assert set(body["error"]) == {"status", "message", "errors"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["errors"], list)


@pytest.mark.parametrize("url", LISTS)
def test_api_contract_lists_answer_the_envelope(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text
    body = response.json()
    assert_ok(body)
    assert isinstance(body["data"], list)


@pytest.mark.parametrize("url", SINGLES)
def test_api_contract_single_resources_answer_the_envelope(client, ids, url):
    response = client.get(url.format(**ids))
    assert response.status_code == 200, response.text
    body = response.json()
    assert_ok(body)
    assert body["next"] is None


@pytest.mark.parametrize(("url", "status"), [
    ("/api/events/ev_does_not_exist", 404), ("/api/claims/nope", 404), ("/api/documents/nope", 404),
    ("/api/no-such-thing", 404), ("/api/claims?weapon=catapult", 422), ("/api/claims?since=yesterday", 422),
    ("/api/claims?limit=0", 422), ("/api/claims?limit=100000", 422), ("/api/claims?cursor=not-a-cursor", 422),
    ("/api/events?cursor=%%%", 422), ("/api/documents?until=2025-13-01", 422), ("/api/timeline?side=XX", 422),
])
def test_api_contract_errors_have_one_shape(client, url, status):
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert_error(response.json(), status)


def test_api_contract_validation_errors_name_the_parameter(client):
    body = client.get("/api/claims?weapon=catapult").json()
    assert body["error"]["errors"][0]["location"] == "query.weapon"


def test_api_contract_ingest_is_off_without_a_token(client):
    response = client.post("/api/ingest", json={"documents": [{"text": "x"}]})
    assert response.status_code == 403
    assert_error(response.json(), 403)


def test_api_contract_wrong_method_has_the_error_shape(client):
    response = client.delete("/api/claims")
    assert response.status_code == 405
    assert_error(response.json(), 405)


def test_api_contract_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/claims", "/api/claims/{claim_id}", "/api/events", "/api/events/{event_id}",
                 "/api/documents", "/api/documents/{doc_id}", "/api/places", "/api/stats", "/api/timeline",
                 "/api/ingest", "/api/claims.csv", "/api/claims.geojson"):
        assert path in spec["paths"], path
    weapon = next(p for p in spec["paths"]["/api/claims"]["get"]["parameters"] if p["name"] == "weapon")
    assert "drone" in str(weapon["schema"])
    assert not any(path.startswith("/events") for path in spec["paths"])  # pages are not API


PAGES = ["/", "/?weapon=missile", "/timeline", "/claims", "/claims?q=drones&weapon=drone", "/events/{event}",
         "/documents/{doc}"]


@pytest.mark.parametrize("url", PAGES)
def test_api_contract_every_page_links_its_json_twin(client, ids, url):
    response = client.get(url.format(**ids))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    match = re.fullmatch(r'<([^>]+)>; rel="alternate"; type="application/json"', response.headers["link"])
    assert match, response.headers["link"]
    twin = client.get(match.group(1))
    assert twin.status_code == 200
    assert_ok(twin.json())


@pytest.mark.parametrize("url", ["/", "/claims", "/api/claims", "/api/nope", "/events/nope",
                                 "/static/js/map.js", "/static/basemap/admin1.geojson", "/openapi.json"])
def test_api_contract_security_headers_on_every_response(client, url):
    response = client.get(url)
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def test_api_contract_html_errors_are_pages(client):
    response = client.get("/events/ev_nope")
    assert response.status_code == 404
    assert "no single event" in response.text and response.text.startswith("<!doctype html>")
    assert client.get("/claims?weapon=catapult").status_code == 422


def test_api_contract_templates_have_no_inline_script(client, ids):
    for url in PAGES:
        html = client.get(url.format(**ids)).text
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag, tag
        assert "<script>" not in html and " on" + "click=" not in html and "style=" not in html
