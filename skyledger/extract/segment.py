"""Split a report into items and sentences, and cut page chrome.

Why items: a live blog is many stories on one page, each starting with a
headline line.  A claimant named in one story must never be carried into the
next, so every item is processed on its own.

Why chrome: sidebars ("Read next"), comment prompts and related-story lists
carry unrelated figures; everything from such a marker line to the end of
the document is dropped, and single prompt lines are skipped.

All functions are linear in the text length and return offsets into the
original text, so spans stay valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A standalone line that starts a sidebar or related-stories block: everything after it is chrome.
_CHROME_BLOCK = re.compile(
    r"^[ \t]*(?:read next|read more|more stories|more news|most read|most popular|related(?: articles| stories| news)?"
    r"|you may also like|recommended(?: for you)?|latest news|editor'?s picks|trending|"
    r"читайте также|читайте також|популярное|популярне|новости по теме|новини за темою)[ \t:]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Single lines that are prompts or widgets, never report text.
_CHROME_LINE = re.compile(
    r"^[ \t]*(?:what is your opinion on this topic\??|leave (?:the first|a) comment|comments?\s*\(\d*\)|share(?: this)?(?: article)?"
    r"|advertisement|subscribe.*|sign up.*|follow us.*|\d{1,2}:\d{2})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)

_TERMINAL = ".!?…:;\"”»'’)"
_LIST_START = re.compile(r"^[ \t]*(?:\d{1,5}\s*[–—-]\s|[•·*–—-]\s)")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def content_end(text: str) -> int:
    """Offset where page chrome begins (or len(text))."""
    m = _CHROME_BLOCK.search(text)
    return m.start() if m else len(text)


def _lines(text: str, end: int) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _is_headline(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 140 or s[-1] in _TERMINAL or s[-1] == ",":
        return False
    words = s.split()
    if len(words) < 3:
        return False
    return s[0].isupper() or s[0].isdigit()


def split_items(text: str) -> list[Span]:
    """Items of a document: a headline line starts a new item (live blogs, roundups)."""
    end = content_end(text)
    lines = _lines(text, end)
    starts = [0]
    for i, (a, b) in enumerate(lines):
        if a == 0:
            continue
        if _is_headline(text[a:b]):
            # A headline must be followed by body text, not by another headline only.
            nxt = next((text[c:d] for c, d in lines[i + 1:] if text[c:d].strip()), "")
            if nxt and not _is_headline(nxt):
                starts.append(a)
    spans = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else end
        if text[s:e].strip():
            spans.append(Span(s, e))
    return spans


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"approx|vs|etc|Jr|Sr|Prof|Gov|Rep|Sen|incl|г|гг|обл|ул|им|т|ст|р|млн|тыс|тис)\.|\b[A-Z]\.|\b[A-Z]\.[A-Z]\.|\d\.)$"
)
# Sentence boundary: terminal punctuation (+ closing quotes) then space and a likely sentence start.
_BOUNDARY = re.compile(r"[.!?…]+[\"”»'’)]*(?=\s+[\"“«(‘']?[A-ZА-ЯЁІЇЄҐ0-9])")


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of ``text[start:end]``; a line break ends a sentence only where a line ends one.

    A line that ends without punctuation and is followed by more prose is a
    wrapped line (joined); a colon- or comma-ended line followed by list lines
    ("7 – over the Smolensk region,") stays one sentence with its list.
    """
    cuts: list[int] = []
    # 1. line-level boundaries
    for a, b in _lines_between(text, start, end):
        line = text[a:b].rstrip()
        if not line.strip():
            cuts.append(b)
            continue
        nxt_start = b + 1
        if nxt_start >= end:
            continue
        last = line[-1]
        next_line_end = text.find("\n", nxt_start, end)
        next_line = text[nxt_start: end if next_line_end == -1 else next_line_end]
        if last in ":," or _LIST_START.match(next_line):
            if last in ".!?" and not _LIST_START.match(next_line):
                cuts.append(b)
            continue
        if last in ".!?…\"”»'’;" or _is_headline(line) or not next_line.strip() or len(line.strip()) < 60:
            cuts.append(b)
    # 2. punctuation boundaries inside lines
    for m in _BOUNDARY.finditer(text, start, end):
        before = text[max(start, m.start() - 8): m.start() + 1]
        if _ABBREV.search(before):
            continue
        cuts.append(m.end())
    cuts = sorted(set(c for c in cuts if start < c < end))
    spans = []
    prev = start
    for c in cuts + [end]:
        a, b = _strip(text, prev, c)
        if a < b:
            spans.append(Span(a, b))
        prev = c
    return spans


def _lines_between(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def is_chrome_line(text: str, start: int, end: int) -> bool:
    return bool(_CHROME_LINE.fullmatch(text, start, end))
