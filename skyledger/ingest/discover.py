"""From what the user typed (files, directories, globs, URLs) to a list of inputs and their readers.

Directories are walked recursively and only files with a known extension are
taken (so a ``MANIFEST.json`` or a ``README`` beside the reports is ignored);
a file named explicitly with an unknown extension is reported.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from skyledger.ingest.base import IngestError
from skyledger.ingest.fetch import is_url
from skyledger.ingest.telegram import looks_like_export

KIND_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: ``kind`` names the reader (text, html, jsonl, feed, telegram, url)."""

    kind: str
    location: str


def kind_of(path: Path, *, explicit: bool) -> str | None:
    """The reader for a file, or None when it is not an input we know."""
    if path.name.startswith("."):
        return None
    if path.name == "result.json":
        return "telegram"
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "telegram" if explicit and looks_like_export(path) else None
    return KIND_BY_SUFFIX.get(suffix)


def _walk(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(directory).parts):
            yield path


def discover(inputs: Iterable[str]) -> Iterator[Input | IngestError]:
    """Inputs in a stable order (sorted within each directory and glob), each file once."""
    seen: set[str] = set()

    def emit(path: Path, explicit: bool) -> Iterator[Input | IngestError]:
        key = str(path.resolve())
        if key in seen:
            return
        seen.add(key)
        kind = kind_of(path, explicit=explicit)
        if kind:
            yield Input(kind, str(path))
        elif explicit:
            yield IngestError(str(path), f"unsupported file type {path.suffix or '(no extension)'!r}")

    for raw in inputs:
        if is_url(raw):
            if raw not in seen:
                seen.add(raw)
                yield Input("url", raw)
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            for child in _walk(path):
                yield from emit(child, explicit=False)
        elif path.is_file():
            yield from emit(path, explicit=True)
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield IngestError(raw, "no files match this pattern")
            for match in matches:
                found = Path(match)
                if found.is_dir():
                    for child in _walk(found):
                        yield from emit(child, explicit=False)
                elif found.is_file():
                    yield from emit(found, explicit=True)
        elif "://" in raw:
            yield IngestError(raw, "only http:// and https:// URLs can be fetched")
        else:
            yield IngestError(raw, "no such file or directory")
