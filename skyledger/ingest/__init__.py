"""Readers: files, directories, globs and URLs → ``Document`` records (or ``IngestError``s).

``read_inputs`` is the entry point: it never raises on bad input, it yields an
``IngestError`` naming the file (and line, entry or message) and the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import httpx

from skyledger.ingest.base import DEFAULT_LIMITS, IngestError, Limits
from skyledger.ingest.discover import Input, discover
from skyledger.ingest.feeds import read_feed
from skyledger.ingest.fetch import fetch_url
from skyledger.ingest.html import read_html
from skyledger.ingest.jsonl import read_jsonl
from skyledger.ingest.language import detect_language
from skyledger.ingest.telegram import read_telegram
from skyledger.ingest.text import read_text
from skyledger.models import Document

__all__ = ["DEFAULT_LIMITS", "IngestError", "Input", "Limits", "detect_language", "discover", "read_input", "read_inputs"]

_FILE_READERS: dict[str, Callable[[Path, Limits], Iterator[Document | IngestError]]] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "telegram": read_telegram,
}


def read_input(item: Input, limits: Limits = DEFAULT_LIMITS,
               transport: httpx.BaseTransport | None = None) -> Iterator[Document | IngestError]:
    """Documents of one discovered input; unexpected reader failures become errors too."""
    try:
        if item.kind == "url":
            yield from fetch_url(item.location, limits, transport)
        else:
            yield from _FILE_READERS[item.kind](Path(item.location), limits)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not end the whole run
        yield IngestError(item.location, f"reader failed: {type(exc).__name__}: {exc}"[:300])


def read_inputs(inputs: Iterable[str], limits: Limits = DEFAULT_LIMITS,
                transport: httpx.BaseTransport | None = None) -> Iterator[Document | IngestError]:
    """Every document (or error) from paths, directories, globs and URLs, in a stable order."""
    for found in discover(inputs):
        if isinstance(found, IngestError):
            yield found
        else:
            yield from read_input(found, limits, transport)
