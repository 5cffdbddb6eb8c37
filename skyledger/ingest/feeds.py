"""RSS and Atom feeds (feedparser): each entry is its own document with its own date.

The feed is parsed from bytes we already hold, never from a URL, so feedparser
does no network I/O of its own.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from skyledger.ingest.base import (
    DEFAULT_LIMITS,
    IngestError,
    InputRejected,
    Limits,
    check_size,
    make_document,
    normalise_published,
)
from skyledger.ingest.html import html_fragment_to_text
from skyledger.models import Document


def _entry_published(entry: Any) -> str | None:
    """The entry's own date, with its zone as written; a date present but unreadable is an error."""
    for key in ("published", "updated", "created"):
        raw, parsed = entry.get(key), entry.get(f"{key}_parsed")
        if raw:
            try:
                return normalise_published(raw)
            except InputRejected:
                if not parsed:
                    raise
        if parsed:  # feedparser understood a format we do not: its UTC reading
            return normalise_published(datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc))
    return None


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return html_fragment_to_text(value)
    return html_fragment_to_text(entry.get("summary") or entry.get("description") or "")


def parse_feed(data: bytes, source: str) -> Iterator[Document | IngestError]:
    """Documents for every readable entry; errors for the feed or for single entries."""
    import feedparser

    if not data.strip():
        yield IngestError(source, "empty file")
        return
    parsed = feedparser.parse(data)
    if not parsed.get("entries"):
        if parsed.get("bozo") and not parsed.get("version"):
            reason = f"not a valid RSS/Atom feed ({parsed.get('bozo_exception')})"
        else:
            reason = "feed has no entries"
        yield IngestError(source, reason)
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        locator = f"entry={number}"
        try:
            yield make_document(
                _entry_text(entry),
                source=f"{source}#{locator}",
                url=entry.get("link"),
                outlet=outlet,
                published=_entry_published(entry),
                lang=(entry.get("language") or parsed.feed.get("language") or None),
                title=entry.get("title"),
            )
        except InputRejected as exc:
            yield IngestError(source, str(exc), locator)


def read_feed(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | IngestError]:
    source = str(path)
    try:
        check_size(path, limits.max_file_bytes)
        data = path.read_bytes()
    except (InputRejected, OSError) as exc:
        yield IngestError(source, str(exc))
        return
    yield from parse_feed(data, source)
