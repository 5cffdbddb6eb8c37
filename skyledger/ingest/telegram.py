"""Telegram Desktop channel exports (``result.json``): each message is a document.

The channel's name is the outlet, the message date its publication date, and
``https://t.me/<username>/<id>`` (or ``https://t.me/c/<channel id>/<id>``) its
URL.  Formatted text (bold, links, hashtags…) is flattened to plain text.
Service messages (pins, joins) and messages without text are not documents;
a message of a type the export format does not define is reported.
"""

from __future__ import annotations

import json
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
    decode_text,
    make_document,
    normalise_published,
)
from skyledger.models import Document

KNOWN_TYPES = frozenset({"message", "service"})


def flatten_text(value: Any) -> str:
    """Telegram's text: a string, or a list of strings and ``{"type", "text"}`` entity objects."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict) else ""
                       for part in value)
    return ""


def message_text(message: dict[str, Any]) -> str:
    entities = message.get("text_entities")
    if isinstance(entities, list) and entities:
        return flatten_text(entities)
    return flatten_text(message.get("text"))


def message_link(export: dict[str, Any], message_id: Any) -> str | None:
    username = export.get("username")
    if isinstance(username, str) and username.strip():
        return f"https://t.me/{username.strip().lstrip('@')}/{message_id}"
    channel_id = export.get("id")
    if isinstance(channel_id, int | str) and str(channel_id).strip():
        return f"https://t.me/c/{str(channel_id).removeprefix('-100')}/{message_id}"
    return None


def _message_published(message: dict[str, Any]) -> str | None:
    """The date shown in the export (the channel's local time), else the UTC timestamp."""
    if message.get("date"):
        return normalise_published(str(message["date"]))
    if str(message.get("date_unixtime", "")).isdigit():
        return normalise_published(datetime.fromtimestamp(int(message["date_unixtime"]), tz=timezone.utc))
    return None


def parse_export(export: Any, source: str) -> Iterator[Document | IngestError]:
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        yield IngestError(source, "not a Telegram channel export (no 'messages' list)")
        return
    outlet = export.get("name") if isinstance(export.get("name"), str) else None
    for position, message in enumerate(export["messages"], start=1):
        if not isinstance(message, dict):
            yield IngestError(source, "message is not a JSON object", f"message#{position}")
            continue
        message_id = message.get("id", f"#{position}")
        locator = f"message={message_id}"
        kind = message.get("type")
        if kind not in KNOWN_TYPES:
            yield IngestError(source, f"unknown message type {str(kind)[:40]!r}", locator)
            continue
        text = message_text(message)
        if kind == "service" or not text.strip():
            continue
        try:
            yield make_document(
                text,
                source=f"{source}#{locator}",
                url=message_link(export, message_id),
                outlet=outlet,
                published=_message_published(message),
            )
        except InputRejected as exc:
            yield IngestError(source, str(exc), locator)


def read_telegram(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | IngestError]:
    source = str(path)
    try:
        check_size(path, limits.max_file_bytes)
        try:
            export = json.loads(decode_text(path.read_bytes()))
        except json.JSONDecodeError as exc:
            raise InputRejected(f"invalid JSON: {exc.msg} (line {exc.lineno})") from None
    except (InputRejected, OSError) as exc:
        yield IngestError(source, str(exc))
        return
    yield from parse_export(export, source)


def looks_like_export(path: Path) -> bool:
    """Cheap sniff for ``.json`` files not named result.json."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return b'"messages"' in head or b'"type": "public_channel"' in head or b'"type":"public_channel"' in head
