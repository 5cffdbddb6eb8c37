"""Web pages and feeds fetched over HTTP(S) with httpx: timeout, size cap, content-type check.

The transport is injectable so that tests (and offline users) pass an
``httpx.MockTransport`` instead of touching the network.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from skyledger.ingest.base import DEFAULT_LIMITS, IngestError, InputRejected, Limits, decode_text
from skyledger.ingest.feeds import parse_feed
from skyledger.ingest.html import parse_html
from skyledger.ingest.text import parse_text
from skyledger.models import Document

USER_AGENT = "skyledger/0.1 (+https://github.com/skyledger)"
_HTML = ("text/html", "application/xhtml+xml")
_FEED = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
_TEXT = ("text/plain",)


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _download(url: str, limits: Limits, transport: httpx.BaseTransport | None) -> tuple[str, str, bytes, str]:
    """(final url, media type, body, charset) — refusing oversize or unsupported responses early."""
    cap = limits.max_file_bytes
    with httpx.Client(transport=transport, timeout=limits.fetch_timeout_s, follow_redirects=True,
                      max_redirects=5, headers={"User-Agent": USER_AGENT}) as client:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputRejected(f"HTTP {response.status_code}")
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if media_type not in _HTML + _FEED + _TEXT:
                raise InputRejected(f"unsupported content type {media_type or 'none'!r}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise InputRejected(f"response is {declared} bytes, over the {cap} byte limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise InputRejected(f"response is over the {cap} byte limit")
                chunks.append(chunk)
            return str(response.url), media_type, b"".join(chunks), response.charset_encoding or "utf-8"


def fetch_url(url: str, limits: Limits = DEFAULT_LIMITS,
              transport: httpx.BaseTransport | None = None) -> Iterator[Document | IngestError]:
    """Documents read from one URL (a page, a plain-text report or a feed)."""
    try:
        final_url, media_type, body, charset = _download(url, limits, transport)
    except InputRejected as exc:
        yield IngestError(url, str(exc))
        return
    except httpx.TimeoutException:
        yield IngestError(url, f"timed out after {limits.fetch_timeout_s:g} s")
        return
    except httpx.HTTPError as exc:
        yield IngestError(url, f"fetch failed: {type(exc).__name__}: {exc}"[:300])
        return
    if media_type in _FEED:
        yield from parse_feed(body, url)
        return
    try:
        if charset.lower().replace("_", "-") in ("utf-8", "utf8"):
            text = decode_text(body)
        else:
            text = body.decode(charset)
    except (InputRejected, LookupError, UnicodeDecodeError) as exc:
        yield IngestError(url, f"undecodable response ({exc})"[:300])
        return
    if media_type in _HTML:
        yield from parse_html(text, url, url=final_url)
    else:
        yield from parse_text(text, url)
