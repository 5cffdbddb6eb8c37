"""JSON Lines: one document per line (the fields are documented in docs/inputs.md).

Each line is independent: a truncated or invalid line is reported with its
line number and skipped, and the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from skyledger.ingest.base import (
    DEFAULT_LIMITS,
    IngestError,
    InputRejected,
    Limits,
    check_size,
    clean_text,
    decode_text,
    make_document,
    normalise_published,
)
from skyledger.models import Document, Item




def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputRejected(f"field {key!r} must be a string")
    return value


def _entries_text(entries: Any) -> tuple[str, tuple[Item, ...]]:
    """Join a record's own parts (live-blog entries) into one text with one Item per part."""
    if not isinstance(entries, list) or not entries:
        raise InputRejected("field 'entries' must be a non-empty list of objects")
    parts: list[str] = []
    items: list[Item] = []
    offset = 0
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise InputRejected(f"entries[{index}] must be an object with a 'text' string")
        body = clean_text(entry["text"])
        if not body:
            continue
        if parts:
            offset += 2  # the blank line between parts
        published = normalise_published(_optional_str(entry, "published"))
        items.append(Item(index=len(items), start=offset, end=offset + len(body),
                          title=_optional_str(entry, "title"), published=published))
        parts.append(body)
        offset += len(body)
    if not parts:
        raise InputRejected("no text")
    return "\n\n".join(parts), tuple(items)


def record_to_document(record: Any, source: str) -> Document:
    """A Document from one decoded JSONL record; raises InputRejected naming the bad field."""
    if not isinstance(record, dict):
        raise InputRejected(f"expected a JSON object, got {type(record).__name__}")
    items: tuple[Item, ...] = ()
    if record.get("entries") is not None:
        text, items = _entries_text(record["entries"])
    else:
        text = _optional_str(record, "text") or ""
        if not text.strip():
            raise InputRejected("missing 'text'")
    return make_document(
        text,
        source=source,
        url=_optional_str(record, "url"),
        outlet=_optional_str(record, "outlet"),
        published=normalise_published(_optional_str(record, "published")),
        lang=_optional_str(record, "lang"),
        title=_optional_str(record, "title"),
        items=items,
    )


def read_jsonl(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | IngestError]:
    source = str(path)
    try:
        check_size(path, limits.max_file_bytes)
        handle = path.open("rb")
    except (InputRejected, OSError) as exc:
        yield IngestError(source, str(exc))
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            result = read_jsonl_line(raw, source, number, limits)
            if result is not None:
                yield result


def read_jsonl_line(raw: bytes, source: str, number: int, limits: Limits) -> Document | IngestError | None:
    """One line of a JSONL file (None for a blank line); shared with the batch workers."""
    locator = f"line={number}"
    if not raw.strip():
        return None
    try:
        if len(raw) > limits.max_document_bytes:
            raise InputRejected(f"line is over the {limits.max_document_bytes} byte limit")
        line = decode_text(raw)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputRejected(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        return record_to_document(record, f"{source}#{locator}")
    except InputRejected as exc:
        return IngestError(source, str(exc), locator)
