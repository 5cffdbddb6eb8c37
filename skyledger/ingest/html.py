"""HTML pages: main text and metadata (title, date, site name, canonical URL) via trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

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


def parse_html(html: str, source: str, url: str | None = None) -> Iterator[Document | IngestError]:
    """One document from a page; a page with no extractable body is an error, not an empty document."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_tables=False)
    except Exception as exc:  # noqa: BLE001 - lxml/trafilatura failures on hostile markup
        yield IngestError(source, f"HTML could not be parsed: {type(exc).__name__}")
        return
    if extracted is None or not (extracted.text or "").strip():
        yield IngestError(source, "HTML page has no main text (no body)")
        return
    try:
        published = normalise_published(extracted.date)
    except InputRejected:
        published = None  # trafilatura's guesses are best effort; a missing date is not an error
    try:
        yield make_document(
            extracted.text,
            source=source,
            url=url or extracted.url,
            outlet=extracted.sitename or extracted.hostname,
            published=published,
            title=extracted.title,
        )
    except InputRejected as exc:
        yield IngestError(source, str(exc))


def read_html(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | IngestError]:
    source = str(path)
    try:
        check_size(path, limits.max_document_bytes)
        html = decode_text(path.read_bytes())
    except (InputRejected, OSError) as exc:
        yield IngestError(source, str(exc))
        return
    yield from parse_html(html, source)


class _TextCollector(HTMLParser):
    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article"})
    _SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_fragment_to_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed entry's content): tags dropped, blocks on their own lines."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "".join(collector.parts)
