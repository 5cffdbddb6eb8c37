"""URLs are fetched with httpx under a timeout, a size cap and a content-type check (offline: MockTransport)."""

from __future__ import annotations

from pathlib import Path

import httpx

from skyledger.ingest import IngestError, Limits, read_inputs
from skyledger.models import Document

GOOD = Path(__file__).parent / "fixtures" / "inputs" / "good"


def serve(routes: dict[str, tuple[int, str, bytes]]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        status, content_type, body = routes.get(str(request.url), (404, "text/plain", b"not found"))
        return httpx.Response(status, headers={"content-type": content_type}, content=body)

    return httpx.MockTransport(handler)


def fetch(url: str, transport: httpx.BaseTransport, limits: Limits = Limits()) -> list[Document | IngestError]:
    return list(read_inputs([url], limits, transport))


def test_an_html_page_is_fetched_and_read_like_a_file():
    transport = serve({"https://herald.example.net/raid": (200, "text/html; charset=utf-8",
                                                           (GOOD / "article.html").read_bytes())})
    (doc,) = fetch("https://herald.example.net/raid", transport)
    assert isinstance(doc, Document)
    assert doc.source == "https://herald.example.net/raid"
    assert doc.url == "https://herald.example.net/raid"
    assert "440 drones" in doc.text


def test_a_feed_url_gives_one_document_per_entry():
    transport = serve({"https://desk.example.net/rss": (200, "application/rss+xml",
                                                        (GOOD / "feed_rss.xml").read_bytes())})
    found = fetch("https://desk.example.net/rss", transport)
    assert [type(d) for d in found] == [Document, Document]
    assert found[0].source == "https://desk.example.net/rss#entry=1"


def test_a_plain_text_url_in_another_declared_charset_is_decoded():
    body = "Збито 20 дронів над Києвом.".encode("cp1251")
    transport = serve({"https://t.example.org/a": (200, "text/plain; charset=windows-1251", body)})
    (doc,) = fetch("https://t.example.org/a", transport)
    assert doc.text == "Збито 20 дронів над Києвом." and doc.lang == "uk"


def test_unsupported_content_type_http_errors_and_oversize_bodies_are_reported():
    transport = serve({
        "https://x.example/pic": (200, "image/png", b"\x89PNG"),
        "https://x.example/big": (200, "text/html", b"<p>" + b"a" * 5000 + b"</p>"),
    })
    limits = Limits(max_document_bytes=1000, max_file_bytes=1000)
    reasons = [e.reason for url in ("https://x.example/pic", "https://x.example/missing", "https://x.example/big")
               for e in fetch(url, transport, limits)]
    assert reasons[0] == "unsupported content type 'image/png'"
    assert reasons[1] == "HTTP 404"
    assert "over the 1000 byte limit" in reasons[2]


def test_a_timeout_is_reported_not_raised():
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    (error,) = fetch("https://slow.example/", httpx.MockTransport(handler), Limits(fetch_timeout_s=2))
    assert isinstance(error, IngestError)
    assert error.reason == "timed out after 2 s"
