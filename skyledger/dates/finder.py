"""Find time expressions in text: every rule scans, the longest non-overlapping matches win."""

from __future__ import annotations

import re
from collections.abc import Iterator

from skyledger.dates.patterns import KIND_RANK, REACH, Rule, rules_for
from skyledger.dates.records import TimeMention


def _spans_to_scan(rule: Rule, lowered: str | None, begin: int, stop: int) -> Iterator[tuple[int, int]]:
    """Stretches of text that can hold a match of ``rule``: around its trigger hits, merged.

    ``lowered`` is ``text[begin:stop]`` lower-cased (None when lower-casing
    changed its length, so offsets would not line up: then all is scanned).
    """
    if rule.trigger is None or lowered is None:
        yield begin, stop
        return
    lo = hi = -1
    for hit in rule.trigger.finditer(lowered):
        a, b = max(begin, begin + hit.start() - REACH), min(stop, begin + hit.end() + REACH)
        if a > hi:
            if hi > lo:
                yield lo, hi
            lo = a
        hi = max(hi, b)
    if hi > lo:
        yield lo, hi


def _matches(rule: Rule, text: str, lowered: str | None, begin: int, stop: int) -> Iterator[re.Match[str]]:
    for lo, hi in _spans_to_scan(rule, lowered, begin, stop):
        yield from rule.pattern.finditer(text, lo, hi)


def find_time_mentions(
    text: str, start: int = 0, end: int | None = None, lang: str | None = "en"
) -> list[TimeMention]:
    """Time expressions in ``text[start:end]``, in text order, with offsets into ``text``.

    Where two readings overlap ("overnight" inside "overnight into Sunday"),
    the longer one wins, then the more specific kind.  ``lang`` selects the
    English or the Russian/Ukrainian rules; any other value runs both.
    """
    if not text:
        return []
    stop = len(text) if end is None else max(0, min(end, len(text)))
    begin = max(0, min(start, stop))
    lowered: str | None = text[begin:stop].lower()
    if len(lowered) != stop - begin:
        lowered = None
    candidates: list[TimeMention] = []
    for rule in rules_for(lang):
        for match in _matches(rule, text, lowered, begin, stop):
            if match.end() == match.start():
                continue
            fields = rule.build(match)
            if fields is None:
                continue
            candidates.append(
                TimeMention(start=match.start(), end=match.end(), surface=match.group(), lang=lang or "", **fields)
            )
    candidates.sort(key=lambda m: (-(m.end - m.start), KIND_RANK.get(m.kind, 9), m.start))
    taken = bytearray(stop - begin)  # 1 where a chosen mention already sits
    chosen: list[TimeMention] = []
    for mention in candidates:
        lo, hi = mention.start - begin, mention.end - begin
        if taken.find(1, lo, hi) == -1:
            taken[lo:hi] = b"\x01" * (hi - lo)
            chosen.append(mention)
    chosen.sort(key=lambda m: m.start)
    return chosen
