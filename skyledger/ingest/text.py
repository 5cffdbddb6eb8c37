"""Plain-text reports, optionally headed by ``Key: value`` metadata lines.

A file may start with lines such as ``Title: …``, ``Published: 2025-03-08``,
``Outlet: …``, ``URL: …``, ``Lang: …`` followed by one blank line; they become
the document's metadata and are not part of its text (see docs/inputs.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from skyledger.ingest.base import (
    DEFAULT_LIMITS,
    IngestError,
    InputRejected,
    Limits,
    make_document,
    normalise_published,
    read_file_text,
)
from skyledger.models import Document

HEADER_KEYS = {"title": "title", "published": "published", "date": "published", "outlet": "outlet",
               "source": "outlet", "url": "url", "lang": "lang", "language": "lang"}
_HEADER_LINE = re.compile(r"([A-Za-z]{2,10}):[ \t]*(.*)")
_MAX_HEADER_LINES = 12


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Metadata from leading ``Key: value`` lines and the body after the blank line.

    Only a block made entirely of known keys and closed by a blank line counts
    as a header, so a report that opens with "Kyiv: …" keeps its first line.
    """
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[: _MAX_HEADER_LINES + 1]):
        if not line.strip():
            return (meta, "\n".join(lines[i + 1:])) if meta else ({}, text)
        m = _HEADER_LINE.fullmatch(line.strip())
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return {}, text
        meta[HEADER_KEYS[m.group(1).lower()]] = m.group(2).strip()
    return {}, text


def parse_text(text: str, source: str) -> Iterator[Document | IngestError]:
    """One document from the text of a report (header lines honoured)."""
    meta, body = split_header(text)
    try:
        yield make_document(
            body,
            source=source,
            url=meta.get("url"),
            outlet=meta.get("outlet"),
            published=normalise_published(meta.get("published")),
            lang=meta.get("lang"),
            title=meta.get("title"),
        )
    except InputRejected as exc:
        yield IngestError(source, str(exc))


def read_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | IngestError]:
    source = str(path)
    try:
        text = read_file_text(path, limits.max_document_bytes)
    except (InputRejected, OSError) as exc:
        yield IngestError(source, str(exc))
        return
    yield from parse_text(text, source)
