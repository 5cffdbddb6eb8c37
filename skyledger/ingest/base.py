"""What every reader shares: the error record, size limits, safe file decoding, document building.

Readers never raise on bad input: they yield ``IngestError`` records so that one
broken file (or one broken line of a file) is reported and skipped while the
rest of a run goes on.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from skyledger.ingest.language import LANGUAGES, detect_language
from skyledger.models import Document, Item, content_hash

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input (or one line/entry/message of it) that could not be read, and why."""

    source: str
    reason: str
    locator: str | None = None

    def where(self) -> str:
        """``file`` or ``file#line=3`` — what a person needs to find the bad input."""
        return f"{self.source}#{self.locator}" if self.locator else self.source

    def to_dict(self) -> dict[str, str | None]:
        return {"source": self.source, "locator": self.locator, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Limits:
    """Size caps that keep one hostile input from exhausting memory or time."""

    max_document_bytes: int = 20 * MB
    max_file_bytes: int = 100 * MB
    fetch_timeout_s: float = 20.0


DEFAULT_LIMITS = Limits()

# C0 control characters other than tab/newline/carriage return; they break
# terminals and FTS snippets and never carry meaning in news text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_RUN = re.compile(r"\n{3,}")


class InputRejected(Exception):
    """Internal signal from the helpers below; readers turn it into an IngestError."""


def check_size(path: Path, cap: int) -> None:
    """Reject a file by its stat() size before a single byte is read."""
    size = path.stat().st_size
    if size > cap:
        raise InputRejected(f"file is {size / MB:.1f} MB, over the {cap / MB:.1f} MB limit")


def decode_text(data: bytes) -> str:
    """Strict UTF-8 (BOM tolerated; UTF-16 with a BOM too): binary data and other encodings are errors."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputRejected("invalid UTF-16 text") from None
    if b"\x00" in data:
        raise InputRejected("binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRejected(f"invalid UTF-8 at byte {exc.start}") from None
    return text


def read_file_text(path: Path, cap: int) -> str:
    check_size(path, cap)
    return decode_text(path.read_bytes())


def clean_text(text: str) -> str:
    """Normalised newlines, no control characters, no runs of blank lines, no edge whitespace."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip()


def _fallback_parse(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%Y", "%B %d, %Y", "%d %B %Y"):
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


try:  # the shared date resolver, when its owner has landed it
    from skyledger.dates import parse_published as _parse_published  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on another module's progress
    _parse_published = _fallback_parse


def normalise_published(value: str | date | datetime | None) -> str | None:
    """Any publication date → ISO text (``YYYY-MM-DD`` or full datetime); ``None`` when absent.

    Raises ``InputRejected`` when a date is present but unreadable, so that the
    reader can report it instead of storing an undated document silently.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed: datetime | None = value
    elif isinstance(value, date):
        return value.isoformat()
    else:
        text = str(value).strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return date.fromisoformat(text).isoformat()
            except ValueError:
                raise InputRejected(f"unreadable date {text[:40]!r}") from None
        try:
            parsed = _parse_published(text)
        except Exception:  # noqa: BLE001 - a third-party parser must not abort a run
            parsed = None
        if parsed is None:
            raise InputRejected(f"unreadable date {text[:40]!r}")
    assert parsed is not None
    if isinstance(parsed, datetime):
        # The zone is kept as published: the local day is what "overnight" and date filters mean.
        if parsed.time() == datetime.min.time() and parsed.tzinfo is None:
            return parsed.date().isoformat()
        return parsed.isoformat()
    return parsed.isoformat()  # a date from the shared parser


def make_document(
    text: str,
    *,
    source: str,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    items: tuple[Item, ...] = (),
) -> Document:
    """The one way readers build a Document, so ids and language are always set the same way.

    The id hashes the cleaned text and the URL only (not the file path), so the
    same report reached by another path, or re-typed relative/absolute, is
    recognised as already stored.
    """
    text = clean_text(text)
    if not text:
        raise InputRejected("no text")
    lang = (lang or "").strip().lower()[:2]
    if lang not in LANGUAGES:
        lang = detect_language(text)
    title = clean_text(title) if title else None
    return Document(
        doc_id=content_hash(text, url),
        text=text,
        source=source,
        url=url or None,
        outlet=(outlet or "").strip() or None,
        published=published,
        lang=lang,
        title=title or None,
        items=items,
    )


def display_path(path: Path) -> str:
    """Paths as the user typed them where possible (relative stays relative)."""
    return os.fspath(path)
